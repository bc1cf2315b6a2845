"""Issue 12, thirty-ninth round (the nineteenth session): the place in a transcript's header. Invented texts only."""

from klynge.importer import layout
from tests.importer.conftest import read_normalised

ITEMS = """
1. Godkendelse af dagsorden

Godkendt.

2. Budgetopfølgning

Taget til efterretning.
"""


def test_a_place_after_a_time_whose_digits_were_lost_is_read():
    text = "Referat af menighedsrådsmøde onsdag den 10. juni 2015 kl i Kirkehuset\n" + ITEMS
    assert read_normalised(text).place == "Kirkehuset"


def test_a_place_in_capitals_after_a_time_with_lost_digits_is_read_whole():
    text = "ØKONOMIUDVALGET REFERAT FRA MØDE NR. 12 ONSDAG DEN 17. JUNI 2009, KL PÅ ASSENS RÅDHUS, BYRÅDSSALEN\n"
    text += ITEMS
    assert read_normalised(text).place == "ASSENS RÅDHUS, BYRÅDSSALEN"


def test_a_capitals_place_label_inside_a_header_run_gives_the_place_up_to_the_next_label():
    text = ("Udvalget for trafik - mødesag MØDETIDSPUNKT :00 MØDESTED Regionsgården, mødelokale B2 "
            "MEDLEMMER Anne Holm Bo Krag\n" + ITEMS)
    assert read_normalised(text).place == "Regionsgården, mødelokale B2"


def test_the_place_right_after_the_time_of_a_dated_title_line_is_read_to_the_last_label():
    text = ("Referat. Møde i Vækstforum Østjylland torsdag den 6. september 2012 kl. 09:30 Lindegården, Hammel. "
            "Deltagere:\n" + ITEMS)
    assert read_normalised(text).place == "Lindegården, Hammel"


def test_an_address_after_a_bare_kl_in_a_dated_title_is_the_place():
    text = "Protokol fra bestyrelsesmøde i Skolen d. 26. marts 2015 kl Parkvej 8, 4100 Ringsted lokale 5\n" + ITEMS
    assert read_normalised(text).place == "Parkvej 8, 4100 Ringsted lokale 5"


def test_the_first_item_after_the_time_is_no_place():
    text = "12. møde. Fredag den 7. maj 2010 kl Meddelelser fra formanden.\n" + ITEMS
    assert read_normalised(text).place is None


def test_labels_run_together_before_their_values_give_the_place_before_the_names():
    line = "Mødelokale: Medlemmer: Afbud: 114, Mødelokale Jens Holm, Karin Berg, Ulla Vang"
    assert layout.place_in_label_columns(line) == "114, Mødelokale"
    line = "Mødested: Fraværende: Lokale 12, Nordby Rådhus Lone Kragh, Ib Rask, Ole Bech"
    assert layout.place_in_label_columns(line) == "Lokale 12, Nordby Rådhus"


def test_labels_run_together_whose_values_are_no_list_of_names_give_no_place():
    assert layout.place_in_label_columns("Mødested: Bemærkninger: Medlemmer: Jens Holm (A) Karin Berg (V)") is None
    assert layout.place_in_label_columns("Mødested: Udsendelsesdato: Onsdag den 15-maj-2002 Salen, A, B") is None


def test_labels_run_together_over_two_header_lines_give_the_place():
    text = ("ÅBENT REFERAT til Kulturudvalget\nMødedato: Torsdag den 25. juni 2015\nMødetidspunkt: 9:00\n"
            "Mødelokale: Medlemmer:\nAfbud: 114, Mødelokale Jens Holm, Karin Berg, Ulla Vang Ingen\n" + ITEMS)
    assert read_normalised(text).place == "114, Mødelokale"


def test_a_room_number_before_the_members_label_is_the_place():
    text = ("ÅBENT REFERAT til Kulturudvalget\nMødedato: Torsdag den 5. oktober 2017\nMødetidspunkt: 14:00\n"
            "Mødelokale: 215 Medlemmer:\nAfbud: Jens Holm, Karin Berg\n" + ITEMS)
    assert read_normalised(text).place == "215"


def test_a_meeting_location_label_above_its_value_gives_the_place():
    text = "Byrådet\n\nMøde lokation\n\nDet gamle Rådhus\n\nDato: 12. marts 2024\n" + ITEMS
    assert read_normalised(text).place == "Det gamle Rådhus"


def test_a_place_after_klokken_and_a_comma_at_the_lines_end_is_read():
    text = "Referat fra menighedsrådsmøde\nDen 28. september 2021 klokken 19.00, Nørre Sogn, Laden,\n" + ITEMS
    assert read_normalised(text).place == "Nørre Sogn, Laden"


def test_a_place_after_the_time_ends_at_a_members_label_without_colon():
    text = ("Forside Dagsorden Fredag den 17. april 2015 kl. 12:00 Mødelokale 2 I rådhuset Medlemmer Jens Holm (A) "
            "Karin Berg (B)\n" + ITEMS)
    assert read_normalised(text).place == "Mødelokale 2 I rådhuset"


def test_a_place_after_the_time_in_a_line_about_another_meeting_is_not_read():
    text = ("Referat. Forum: Seniorrådet\nMødedato: 14. september 2017\n"
            "REFERAT. Møde i Seniorrådet Tirsdag den 27. september 2011 kl Mødelokale 1, Rådhuset i Nordby\n" + ITEMS)
    assert read_normalised(text).place != "Mødelokale 1, Rådhuset i Nordby"


def test_a_meeting_held_at_a_school_names_its_place_in_the_title():
    text = "Skolebestyrelsesmøde på Vestby Skole\n\nTirsdag d. 23. september 2025 kl. 17.30-20.00\n" + ITEMS
    assert read_normalised(text).place == "Vestby Skole"
    text = "Referat af skolebestyrelsesmøde på Nordby Skole afd. Eng Tirsdag d. 26.09.2017 kl. 19-21\n" + ITEMS
    assert read_normalised(text).place == "Nordby Skole afd. Eng"


def test_a_meeting_page_transcript_names_the_place_after_the_kind_and_the_time_that_lost_its_hour():
    text = "Kommunalbestyrelsen ( Fjerde ordinære møde) :30 Kommunalbestyrelsessalen\n\ntirsdag 19. april 2016\n"
    assert read_normalised(text + ITEMS).place == "Kommunalbestyrelsessalen"


def test_labels_stacked_above_their_values_give_the_place_at_the_same_position():
    text = ("Referat\nØkonomiudvalget\nMødedato:\nMødetidspunkt:\nSluttidspunkt:\nMødested:\nBemærkninger:\n"
            "Mandag den 16. marts 2015\nKl. 17:00\nKl. 20:45\nDet Hvide Værelse, Rådhuset\nMedlemmer:\n"
            "Jens Holm (A)\n" + ITEMS)
    assert read_normalised(text).place == "Det Hvide Værelse, Rådhuset"


def test_stacked_labels_whose_value_is_a_time_give_no_place():
    text = "Møder\nDato for møde:\nSted og tidspunkt:\nBemærkninger:\n12. januar 2021\nVirtuelt kl. 19\n" + ITEMS
    assert read_normalised(text).place is None


def test_the_authority_after_the_body_is_no_part_of_its_name():
    assert layout.body_name("ØKONOMIUDVALGET FOR NORDFYNS KOMMUNE") == "Økonomiudvalget"
    assert layout.body_name("KOMMUNALBESTYRELSEN FOR NORDFYNS KOMMUNE") == "Kommunalbestyrelsen"
    assert layout.body_name("Handicaprådet i Odense Kommune") == "Handicaprådet"


def test_a_body_in_capitals_is_named_as_it_names_itself_unless_its_words_are_unknown():
    assert layout.body_name("ERHVERVS- OG FRITIDSUDVALGET") == "Erhvervs- og fritidsudvalget"
    assert layout.body_name("KULTURREGION MIDT- OG VESTSJÆLLAND") == "KULTURREGION MIDT- OG VESTSJÆLLAND"


def test_a_transcripts_next_label_after_the_body_is_no_part_of_it():
    assert layout.body_name("Kommunalbestyrelsen Mødetidspunkt") == "Kommunalbestyrelsen"


def test_a_party_letter_after_a_name_is_no_part_of_it():
    assert layout.trim_name("Klaus Hansen V") == "Klaus Hansen"
    assert layout.trim_name("Inger K") == "Inger K"


def test_a_role_before_a_name_is_no_part_of_it_but_a_body_before_a_place_makes_no_name():
    assert layout.trim_name("Fysioterapeut Hans Andersen") == "Hans Andersen"
    assert layout.trim_name("Skolebestyrelsen Nordby Skolen") != "Nordby Skolen"


def test_a_double_name_broken_over_a_line_is_joined_and_a_dash_left_at_the_end_dropped():
    assert layout.trim_name("Inge Olsvig- Brandt") == "Inge Olsvig-Brandt"
    assert layout.trim_name("Dan Jønsson-") == "Dan Jønsson"
