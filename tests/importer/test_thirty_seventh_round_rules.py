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
