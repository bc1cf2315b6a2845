"""Danish numbers, table totals, text normalisation and OCR repair, one rule at a time."""

import pytest

from klynge.importer.normalise import NameIndex, normalise, repair_word
from klynge.importer.numbers import check_totals, parse_number
from klynge.importer.parse import check_items, find_date, parse_person, plain


@pytest.mark.parametrize("text,value", [
    ("1.022.190", 1022190), ("-1.022.190", -1022190), ("−1.022.190", -1022190), ("2,5", 2.5),
    ("6,348 mio. kr.", 6348000), ("8.310.111", 8310111), ("2022", 2022), ("0", 0), ("12 %", 12),
    ("1 022 190", 1022190), ("3,5 mia.", 3500000000), ("250 t.kr.", 250000), ("kr. 1.500", 1500),
])
def test_danish_numbers_are_parsed(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["I alt (kr.)", "2022-23", "1-31-72-446-22", "0123", "", "Region", "1.2.3"])
def test_text_that_is_not_a_number_stays_text(text):
    assert parse_number(text) is None


def test_totals_that_add_up_give_no_warning():
    rows = [["År", "Kommune", "Region", "I alt"], [2022, 10, 20, 30], [2023, 1, 2, 3], [None, 11, 22, 33]]
    assert check_totals(rows) == []


def test_a_total_row_labelled_total_is_checked_per_column():
    rows = [["Indsats", "Beløb"], ["A", 2.5], ["B", 1.25], ["Total", 3.5]]
    [problem] = check_totals(rows)
    assert (problem["row"], problem["column"], problem["stated"], problem["computed"]) == (4, 2, 3.5, 3.75)


@pytest.mark.parametrize("text,expected", [
    ("Onsdag d. 07. december 2022 kl. 17:00", (2022, 12, 7)), ("den 3. okt. 2024", (2024, 10, 3)),
    ("07-12-2022", (2022, 12, 7)), ("7.12.22", (2022, 12, 7)), ("2023-11-01", (2023, 11, 1)),
    ("1/11 2023", (2023, 11, 1)),
])
def test_danish_dates(text, expected):
    import datetime

    assert find_date(text) == datetime.date(*expected)


def test_markup_is_removed_but_escaped_characters_kept():
    assert plain("## **Punkt 3: Titel v. Navn (kl. 17:25-18:25)**") == "Punkt 3: Titel v. Navn (kl. 17:25-18:25)"
    assert plain("Notat\\_monitorering *kursiv* <b>8.310.111</b>") == "Notat_monitorering kursiv 8.310.111"
    assert plain("* punkt") == "- punkt"


def test_person_lines_give_name_title_and_organisation():
    p = parse_person("Claus Graversen, sygeplejefaglig direktør Psykiatrien Region Midtjylland")
    assert (p.name, p.title, p.organisation) == ("Claus Graversen", "sygeplejefaglig direktør",
                                                 "Psykiatrien Region Midtjylland")
    p = parse_person("- Maria Sloth, leder af PPS Billund")
    assert (p.name, p.title, p.organisation) == ("Maria Sloth", "leder af PPS Billund", None)
    assert parse_person("Det indstilles, at punktet udsættes") is None


def test_time_slot_and_number_checks():
    import datetime

    from klynge.importer.parse import ParsedItem

    t = datetime.time
    items = [ParsedItem(1, "A", start=t(9, 0), end=t(9, 30)), ParsedItem(2, "B", start=t(9, 20), end=t(9, 40)),
             ParsedItem(2, "C", start=t(9, 10), end=t(9, 15)), ParsedItem(5, "D", start=t(10, 0), end=t(9, 50))]
    codes = [(w.code, w.item) for w in check_items(items)]
    assert codes == [("time_slot_overlap", 2), ("time_slot_order", 2), ("time_slot_invalid", 5),
                     ("item_number_repeated", 2), ("item_number_skipped", 5)]


CORRECT = ("Sundhedsklynge Lillebælt vare ar gang Anders Aagaard Heidemann Randersklyngen PPR SSU B&U-området "
           "Ernst & Young 3-årig info@stavekontrolden.dk www.rm.dk/g@ p. 3 kl. 17.05 e-mail IV-behandling "
           "patient- og pårørendeinddragelse 1-31-72-446-22 DrejØ")


def test_correct_text_is_never_changed(lexicon):
    result = normalise(CORRECT, lexicon)
    assert result.text == CORRECT
    assert result.repairs == 0


@pytest.mark.parametrize("damaged,repaired", [
    ("mgdet", "mødet"), ("m@det", "mødet"), ("p&", "på"), ("p3", "på"), ("omradet", "området"),
    ("vaere", "være"), ("naermere", "nærmere"), ("fglge", "følge"), ("undersgger", "undersøger"),
    ("Temadrgftelse", "Temadrøftelse"), ("tvaersektoriel", "tværsektoriel"),
    ("f@lles", "fælles"), ("s&rlige", "særlige"),  # a mark that stands for another letter than usual
])
def test_damaged_words_are_repaired(lexicon, damaged, repaired):
    assert repair_word(damaged, lexicon) == repaired


def test_names_are_repaired_only_when_they_match_one_known_person():
    names = NameIndex(["Kurt Æbelø", "Mette Heidemann", "Kristine Lindeneg Drejø"])
    assert names.repair("Abelg") == "Æbelø"
    assert names.repair("Aebel@") == "Æbelø"
    assert names.repair("DrejØ") == "Drejø"
    assert names.repair("Heidemann") is None
    ambiguous = NameIndex(["Anne Åberg", "Per Aberg"])
    assert ambiguous.repair("&berg") is None


def test_page_furniture_and_broken_words(lexicon):
    text = ("Fagligt strategisk niveau drøftede de to modeller for implementerings-\n"
            "strukturen, og der var enighed om at gå videre med\n\nSide 3 af 9\n\n"
            "Referat – Klynge Syd – 1. marts 2024\n\nmodel 2 fra januar.\n\n"
            "Næste afsnit handler om IV-\nbehandling og patient- og\npårørende.\n\n"
            "Side 4 af 9\n\nReferat – Klynge Syd – 1. marts 2024\n\nSlut.")
    result = normalise(text, lexicon)
    assert "implementeringsstrukturen" in result.text
    assert "gå videre med model 2 fra januar." in result.text
    assert "Side 3" not in result.text and "Referat – Klynge Syd" not in result.text
    assert "IV-behandling" in result.text and "patient- og\npårørende" in result.text
    assert result.furniture == 4 and result.joined == 2


def test_form_feed_pages_lose_their_running_headers_and_numbers(lexicon):
    bodies = ["Mødet blev åbnet.", "Punkt 2 blev drøftet.", "Indstillingen blev godkendt.", "Mødet sluttede."]
    pages = [f"Chefforum – referat 1. marts 2024\n{body}\nSide {n} af 4" for n, body in enumerate(bodies, 1)]
    result = normalise("\f".join(pages), lexicon)
    assert "Chefforum – referat" not in result.text and "Side " not in result.text
    assert all(body in result.text for body in bodies)


def test_a_running_header_printed_once_beside_a_page_number_is_removed(lexicon):
    text = ("REFERAT Sundhedsklynge Vest - Politisk niveau d. 05-09-2023\n\nPunkt 1: Status\n"
            "Der er behov for et styrket samarbejde mellem kommunerne og\n"
            "                 Side 3 af 8\n"
            "Sundhedsklynge Vest - Politisk niveau - 05.09.2023\n"
            "hospitalet om udskrivelser.\n")
    result = normalise(text, lexicon)
    assert "Side 3 af 8" not in result.text and "05.09.2023" not in result.text
    assert "kommunerne og hospitalet om udskrivelser." in result.text.replace("\n", " ")
