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
