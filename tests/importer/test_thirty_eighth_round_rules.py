"""Issue 12, thirty-eighth round (the eighteenth session). Invented texts only."""

from klynge.importer import glued_contents
from tests.importer.conftest import read_normalised

TRANSCRIPT_WITH_ATTACHMENTS = (
    "Transkript\n\n"
    "1 Åben dagsorden for møde i Vestegnens Trafikråd fredag den 14. marts 2014 kl. 10:30\n\n"
    "2 Indholdsfortegnelse 1. Formandens meddelelser, sagsnr. 14/ Godkendelse af referat af sidste møde, "
    "sagsnr. 14/ Bilag: 1. Referat af møde i Vestegnens Trafikråd 3. Budgetrammer for 2015, sagsnr. 13/ "
    "Busplan for Ringvejen, sagsnr. 12/ Bilag: 1. Køreplan 2. Kort over ruten 5. Høringssvar om cykelstier, "
    "sagsnr. 14/ Bilag: 1. Høringssvar\n\n"
    "3 6. Samarbejde med naboregionen, sagsnr. 14/ Bilag: 1. Notat 7. Eventuelt, sagsnr. 14/\n\n"
    "4 1. Formandens meddelelser Formanden orienterede om mødet med ministeriet.\n"
)


def _contents(text: str) -> list[tuple[int | None, str]]:
    found = glued_contents.contents_entries(text.split("\n"))
    assert found is not None
    return [(e.number, e.title) for e in found[1]]


def test_a_contents_list_leaves_out_the_attachments_listed_under_an_entry_and_keeps_the_next_entrys_number():
    entries = _contents(TRANSCRIPT_WITH_ATTACHMENTS)
    assert (3, "Budgetrammer for 2015") in entries
    assert (5, "Høringssvar om cykelstier") in entries
    assert not any(title.startswith("Bilag") for _, title in entries)


def test_a_contents_list_goes_on_in_the_next_pages_line_when_that_opens_with_the_next_number():
    entries = _contents(TRANSCRIPT_WITH_ATTACHMENTS)
    assert entries[-2:] == [(6, "Samarbejde med naboregionen"), (7, "Eventuelt")]


def test_a_next_pages_line_that_does_not_continue_the_numbers_is_not_read_as_the_contents():
    text = TRANSCRIPT_WITH_ATTACHMENTS.replace("3 6. Samarbejde", "3 9. Samarbejde")
    assert all(title != "Samarbejde med naboregionen" for _, title in _contents(text))


HEADER_WITH_SUBSTITUTES = """Referat
Økonomiudvalget
Mødetidspunkt: 18-08-2021 15:30
Mødeafholdelse: Lokale 0.23
Medlemmer: Birgit Holm (A), Peter Sand (V)
Afbud: Peter Sand (V)
Stedfortrædere: Anders Brandt Sørensen (A)

Punkt 1 Godkendelse af dagsorden

Godkendt.

Punkt 2 Budgetopfølgning

Taget til efterretning.
"""


def test_a_substitutes_label_is_not_read_as_the_place_and_the_meeting_holding_label_is():
    assert read_normalised(HEADER_WITH_SUBSTITUTES).place == "Lokale 0.23"


def test_a_place_label_followed_by_another_label_of_two_words_leaves_the_place_empty():
    text = HEADER_WITH_SUBSTITUTES.replace("Mødeafholdelse: Lokale 0.23", "Lokation:\nDagsorden publiceret:")
    text = text.replace("Stedfortrædere: Anders Brandt Sørensen (A)\n", "")
    assert read_normalised(text).place is None


BODY_BEFORE_THE_DAY = """Referat
Seniorrådet tirsdag den 26. april 2022 kl. 10:00

Vestby Rådhus 2.sal - Mødelokale Kæmpen

Deltager: Birgit Holm, Bjarne Sand

1. Godkendelse af dagsorden

Godkendt.

2. Budget for første kvartal

Godkendt.
"""


def test_a_body_named_before_the_day_is_no_place_and_the_line_under_it_is_the_place():
    meeting = read_normalised(BODY_BEFORE_THE_DAY)
    assert meeting.place == "Vestby Rådhus 2.sal - Mødelokale Kæmpen"


def test_a_place_in_a_sentence_goes_on_past_an_abbreviation_and_an_ordinal():
    text = BODY_BEFORE_THE_DAY.replace(
        "Seniorrådet tirsdag den 26. april 2022 kl. 10:00\n\nVestby Rådhus 2.sal - Mødelokale Kæmpen",
        "Den 09.01.2020 kl. 13:00 i Tapperiet, Sdr. Badevej 1, 1. sal, 4600 Køge")
    assert read_normalised(text).place == "Tapperiet, Sdr. Badevej 1, 1. sal, 4600 Køge"


def test_a_transcripts_place_stops_where_the_next_label_of_the_header_begins():
    text = ("Transkript\n\n1 Dato: 15. maj 2015 Bestyrelsesmøde i Vestegnens Trafikråd Dagsorden Tid: Fredag den 22. "
            "maj 2015 kl. 09:30-12:30 Sted: Hotel Skovkanten, Skovvej 4, 6600 Vejen Medlemmer: Anne Holm Bo Sand "
            "Afbud sker til sekretariatet\n\n"
            "1. Godkendelse af dagsorden\n\nDagsordenen godkendes.\n\n2. Budget 2016\n\nGodkendt.\n\n"
            "3. Eventuelt\n\nIntet.\n")
    assert read_normalised(text).place == "Hotel Skovkanten, Skovvej 4, 6600 Vejen"


def test_a_place_glued_to_the_next_label_ends_before_it():
    text = BODY_BEFORE_THE_DAY.replace(
        "Seniorrådet tirsdag den 26. april 2022 kl. 10:00\n\nVestby Rådhus 2.sal - Mødelokale Kæmpen",
        "onsdag den 6. december 2017 kl. 16.00 i bispegårdenFraværende stiftsrådsmedlemmer:")
    assert read_normalised(text).place == "bispegården"


GROUPED_AGENDA = """Referat
til
mødet i Teknikudvalget
den 26. april 2017 kl. 08:30
i Udvalgsværelset

A. Sager til afgørelse i byrådet
1 Boliger ved Skovvej 18-20. Forslag til lokalplan
2 Børnehus Syd
B. Sager til afgørelse i udvalget
3 Parkering ved stationen
4 Udpegning af bestyrelsesmedlem
C. Orientering
5 Tour de France

A. Sager til afgørelse i byrådet

1. Boliger ved Skovvej 18-20. Forslag til lokalplan
A. Sager til afgørelse i byrådet
RESUMÉ

Forslaget er udarbejdet på baggrund af et ønske fra en investor.
"""


def test_lettered_groups_of_numbered_items_are_not_items_of_their_own():
    titles = [i.title for i in read_normalised(GROUPED_AGENDA).items]
    assert "Sager til afgørelse i byrådet" not in titles
    assert titles[:2] == ["Boliger ved Skovvej 18-20. Forslag til lokalplan", "Børnehus Syd"]


def test_contents_entries_marked_open_take_their_numbers_from_the_number_before_each_mark():
    text = ("Transkript\n\n1 VESTBY KOMMUNE Referat af møde i Skoleudvalget\n\n"
            "2 Indholdsfortegnelse Skoleudvalget 1 (Åben) Drøftelse af Struktur for Dagtilbud 3 2 (Åben) Kort "
            "orientering om skolereformen4 3 (Åben) Kvalitetsrapport for 2013/14 - Efter ny bekendtgørelse7 4 "
            "(Lukket) Meddelelser fra formanden 14 Side 2\n\n3 1 (Åben) Drøftelse af Struktur for Dagtilbud Sags ID\n")
    assert _contents(text) == [(1, "Drøftelse af Struktur for Dagtilbud"), (2, "Kort orientering om skolereformen"),
                               (3, "Kvalitetsrapport for 2013/14 - Efter ny bekendtgørelse"),
                               (4, "Meddelelser fra formanden")]


def test_the_meeting_holding_label_without_its_colon_in_a_transcripts_run_gives_the_place():
    text = ("Transkript\n\n1 VESTBY KOMMUNE Referat af møde i Socialudvalget Mødetidspunkt 17:00 Mødeafholdelse "
            "Udvalgsværelse D Protokollen blev læst og mødet hævet kl.: 19.10 Tilstede: Anne Holm (C)\n\n"
            "1. Godkendelse af dagsorden\n\nGodkendt.\n\n2. Budget 2016\n\nGodkendt.\n\n3. Eventuelt\n\nIntet.\n")
    assert read_normalised(text).place == "Udvalgsværelse D"


def test_a_transcripts_page_header_and_footer_around_an_items_heading_are_not_its_number_or_title():
    members = " ".join(f"{first} {last} (IA)" for first in ("Anne", "Bo", "Carl") for last in ("Holm", "Sand", "Lund"))
    text = ("Transkript\n\n1 Forside Kommunalbestyrelsens 3. ordinære møde Dagsorden Tirsdag den 19. april 2016 kl "
            f"Medlemmer {members}\n\n"
            "3 Side 3 1. Godkendelse af dagsorden 3\n\n4 Side 4 2. Meddelelser fra borgmesteren 4\n\n"
            "5 Side 5 3. Eventuelt 5\n")
    assert [(i.number, i.title) for i in read_normalised(text).items] == [
        (1, "Godkendelse af dagsorden"), (2, "Meddelelser fra borgmesteren"), (3, "Eventuelt")]


def _columns_header(members_then_absent: str) -> str:
    return ("Transkript\n\n1 VESTBY KOMMUNE Åbent referat til Skoleudvalget Mødedato: Torsdag den 5. oktober 2017 "
            f"Mødetidspunkt: 14:00 Mødelokale: 215 Medlemmer: Afbud: {members_then_absent}\n\n"
            "1. Godkendelse af dagsorden\n\nGodkendt.\n\n2. Budget 2018\n\nGodkendt.\n\n3. Eventuelt\n\nIntet.\n")


def test_run_together_member_and_absence_columns_saying_ingen_name_no_apologies():
    text = _columns_header("Anne Holm, Bo Sand, Carl Lund, Dorte Vang Ingen")
    assert read_normalised(text).absent == []


def test_run_together_member_and_absence_columns_give_the_members_named_again_as_apologies():
    text = _columns_header("Anne Holm (A), Bo Sand (V), Carl Lund (C), Dorte Vang (A) Bo Sand Dorte Vang")
    assert read_normalised(text).absent == ["Bo Sand", "Dorte Vang"]


def test_a_word_of_the_next_heading_in_capitals_is_no_part_of_an_apologys_name_and_no_name():
    text = ("Referat\n\nByrådet\n\nDato: 5. oktober 2017\n\nAfbud: Mette Busk, Børge Olsen REFERAT\n\n"
            "1. Godkendelse af dagsorden\n\nGodkendt.\n\nFraværende: Afbud: BESLUTNING I BYRÅDET\n\n"
            "2. Eventuelt\n\nIntet.\n")
    assert read_normalised(text).absent == ["Mette Busk", "Børge Olsen"]
