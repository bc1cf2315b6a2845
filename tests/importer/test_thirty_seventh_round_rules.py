"""Issue 12, thirty-seventh round (the seventeenth session). Invented texts only."""

from tests.importer.conftest import read_normalised

SCHOOL_PAGE = """Gå til hovedindholdet
Skovlyskolen

Skolebestyrelsesreferat 12.03.2024

Tirsdag d. 12. marts 2024   kl. 17.00-19.00

Deltagere: Anne Holm Berg, Jonas Krogh, Mette Lind Sørensen, Peter Vang

Afbud: Mette, Kasper Ravn

Dagsorden

\u00a0

Referat

Godkendelse af referat (vedhæftet)

\u00a0

Referatet godkendes

Skolens budget for 2024

\u00a0

Budgettet blev gennemgået af skolelederen.

Der er et mindre overskud fra sidste år.

Ros til den nye legeplads fra forældrene på

\u00a0

Vi takker for et godt samarbejde.

Eventuelt

\u00a0

Kort status på trivselsugen: Det gik godt.
"""


def test_a_school_page_with_a_blank_line_between_each_title_and_its_minutes_has_those_titles_as_items():
    meeting = read_normalised(SCHOOL_PAGE)
    assert [(i.number, i.title) for i in meeting.items] == [
        (None, "Godkendelse af referat (vedhæftet)"), (None, "Skolens budget for 2024"), (None, "Eventuelt")]


def test_short_lines_of_minutes_are_not_taken_for_titles_between_blank_lines():
    titles = [i.title for i in read_normalised(SCHOOL_PAGE).items]
    assert "Referatet godkendes" not in titles  # a passive verb: a decision
    assert "Ros til den nye legeplads fra forældrene på" not in titles  # a sentence ending on its preposition


def test_two_spaced_title_lines_are_too_few_to_be_items():
    text = ("Referat fra bestyrelsesmødet 3. maj 2024\n\nDagsorden\n\nVelkomst\n\nFormanden bød velkommen til alle.\n\n"
            "Eventuelt\n\nIntet at bemærke.\n")
    assert read_normalised(text).items == []  # the meeting is read from its header, without items


def test_a_duration_column_is_not_a_title_between_blank_lines():
    text = ("Dagsorden og referat\n\nDato: 16.8.2024\n\nDagsorden\n\nKonstituering\n\nBestyrelsen konstituerede sig "
            "med Anne som formand.\n\n20 min\n\nFormanden takkede for valget og for tilliden.\n\nForretningsorden\n\n"
            "Forretningsordenen blev vedtaget uden ændringer.\n\nFremtidige møder\n\nMøderne holdes om tirsdagen.\n")
    titles = [i.title for i in read_normalised(text).items]
    assert titles == ["Konstituering", "Forretningsorden", "Fremtidige møder"]


def test_an_apology_by_first_name_takes_the_one_attendee_of_that_first_name_off_the_attendees():
    meeting = read_normalised(SCHOOL_PAGE)
    assert meeting.absent == ["Mette", "Kasper Ravn"]
    assert [p.name for p in meeting.attendees] == ["Anne Holm Berg", "Jonas Krogh", "Peter Vang"]


def test_an_apology_by_a_first_name_two_attendees_share_takes_neither_off():
    text = SCHOOL_PAGE.replace("Peter Vang", "Peter Vang, Mette Dahl")
    names = [p.name for p in read_normalised(text).attendees]
    assert "Mette Lind Sørensen" in names and "Mette Dahl" in names


TABLE_ROWS = """Referat af skolebestyrelsesmøde

Torsdag d. 10. oktober 2024 kl. 19.00-21.00

Dagsorden:

1.

19.00 – 19.05

Mette K.

Godkendelse af referat

Referatet fra sidste møde er sendt ud som bilag.

2.

19.05 – 19.25

Nick

Drøftelse og beslutning

Høringssvar på skolens kvalitetsrapport og kommunens samlede kvalitetsrapport for skoleåret 2023

Skolerne udarbejder kvalitetsrapporter hvert andet år.

3.

19.25 – 20.10 Nick, Jørgen og Simon

Orientering og beslutning

Revidering af skolebestyrelsens principper samt tidsplan

Udvalget fremlægger deres arbejde

4.

20.10 – 20.30

Peter og Nick

Beslutning

Fastlæggelse af årshjul for 2024-26.

Bestyrelsen vælger seks temaer til de næste to år.

5.

20.30 – 20.40

Tina

Velkommen til den nye indskolingsleder

Præsentationsrunde
"""


def test_a_flattened_table_row_takes_its_title_from_the_cell_after_the_presenter_and_the_form():
    items = read_normalised(TABLE_ROWS).items
    assert [(i.number, i.title) for i in items] == [
        (1, "Godkendelse af referat"),
        (2, "Høringssvar på skolens kvalitetsrapport og kommunens samlede kvalitetsrapport for skoleåret 2023"),
        (3, "Revidering af skolebestyrelsens principper samt tidsplan"),
        (4, "Fastlæggelse af årshjul for 2024-26"),
        (5, "Velkommen til den nye indskolingsleder")]


def test_a_flattened_table_row_with_its_title_right_after_the_slot_keeps_it():
    text = ("Referat af bestyrelsesmøde 3. maj 2024\n\nDagsorden:\n\n1.\n\n19.00 – 19.10\n\nVelkomst\n\n"
            "Formålet med mødet er:\n\n2.\n\n19.10 – 19.30\n\nNick\n\nOrientering\n\nIntro til bestyrelsens arbejde\n\n"
            "Kort intro ved skolelederen.\n")
    assert [(i.number, i.title) for i in read_normalised(text).items] == [
        (1, "Velkomst"), (2, "Intro til bestyrelsens arbejde")]


AGENDA_AND_MINUTES = """Referat fra ordinært menighedsrådsmøde i Nørre Sogn

Den 28. september 2024 klokken 19.00, Sognegården

Afbud fra: Jens Holm

Dagsorden:                                     Referat:

Godkendelse af dagsorden:  Godkendt

Valg af dirigent: Nina Hviid

Budget 2025 – status (Bilag 3): Budgetønsker sendes til provstiet senest den 8. oktober.

Orgelrenovering: Tilbuddet fra orgelbyggeren blev godkendt. Arbejdet begynder i januar og ventes færdigt til
påske.

Eventuelt: Intet.
"""


def test_rows_of_title_and_minutes_under_a_two_column_header_are_the_items():
    meeting = read_normalised(AGENDA_AND_MINUTES)
    assert [(i.number, i.title) for i in meeting.items] == [
        (None, "Godkendelse af dagsorden"), (None, "Valg af dirigent"), (None, "Budget 2025 – status (Bilag 3)"),
        (None, "Orgelrenovering"), (None, "Eventuelt")]
    assert any(w.code == "unnumbered_items" for w in meeting.warnings)


def test_colon_rows_without_the_two_column_header_are_not_items():
    text = AGENDA_AND_MINUTES.replace("Dagsorden:                                     Referat:", "Noter:")
    assert read_normalised(text).items == []
