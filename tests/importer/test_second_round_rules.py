"""General rules of issue 12, second round: failures seen on real documents, written as layout-free rules."""

import datetime

from klynge.importer import layout
from klynge.importer.parse import parse


def test_a_contents_list_glued_to_the_first_heading_is_cut_before_the_number():
    assert layout.split_glued_number("Indholdsfortegnelse1. Fraværende") == ["Indholdsfortegnelse", "1. Fraværende"]
    assert layout.split_glued_number("10. Eventuelt1. Orientering") == ["10. Eventuelt", "1. Orientering"]


def test_a_legal_paragraph_or_a_date_is_not_cut_as_a_glued_number():
    assert layout.split_glued_number("Valg til 17.4 udvalg") == ["Valg til 17.4 udvalg"]
    assert layout.split_glued_number("Mødet slut kl. 18.19.Dagsordenen") == ["Mødet slut kl. 18.19.Dagsordenen"]


def test_the_last_contents_entry_glued_to_item_one_keeps_both_titles():
    text = (
        "Referat\n\nDato: 3. november 2015\n\nPUNKTER\n\n1. Orientering\n2. Budget\n3. Eventuelt1. Orientering\n\n"
        "Beslutning\n\nTaget til efterretning.\n\n2. Budget\n\nBeslutning\n\nGodkendt.\n\n"
        "3. Eventuelt\n\nBeslutning\n\nIntet.\n"
    )
    assert [(i.number, i.title) for i in parse(text).items] == [(1, "Orientering"), (2, "Budget"), (3, "Eventuelt")]


def test_items_that_a_web_list_printed_all_as_one_are_numbered_in_order():
    text = (
        "Referat fra Ældrerådets møde den 22. februar 2016 i Mødesalen, Rådhuset kl. 10.00 – 12.00\n\n"
        " 1. Godkendelse af referat\n\nReferat: Godkendt\n\n 1. Høringssvar.\n\nReferat:\n\nRådet svarer.\n\n"
        " 1. Eventuelt.\n\nReferat:\n\nIntet.\n"
    )
    doc = parse(text)
    assert [i.number for i in doc.items] == [1, 2, 3]
    assert doc.place == "Mødesalen, Rådhuset"
    assert doc.body == "Ældrerådet"


def test_an_english_month_first_date_and_the_time_after_it_are_read():
    assert layout.dates_in("Dato: Onsdag, April 3, 2019 - 18:00")[0][1] == datetime.date(2019, 4, 3)
    found = layout.search_header(["Dato: Onsdag, April 3, 2019 - 18:00"], "Referat")
    assert found.date == datetime.date(2019, 4, 3) and found.start == datetime.time(18, 0)


def test_a_kl_label_with_a_colon_gives_start_and_end():
    found = layout.search_header(["Dato: 25. marts 2019", "", "Kl: 14.15 – 15.15"], "Referat")
    assert (found.start, found.end) == (datetime.time(14, 15), datetime.time(15, 15))


def test_an_apology_name_ends_at_a_lower_case_word_or_a_capitalised_function_word():
    assert layout.trim_name("Martin Bech pga") == "Martin Bech"
    assert layout.trim_name("Michael Burgess Mødet") == "Michael Burgess"
    assert layout.trim_name("Asbjørn Riis - Suppleanten er indkaldt") == "Asbjørn Riis"
    assert layout.trim_name("Vagn von Holst") == "Vagn von Holst"


def test_three_names_in_an_apology_sentence_are_all_found():
    lines = ["Der er afbud fra Martin Bech, Bettina Bøcker Kjeldsen og Niels Vestergaard Salling.",
             "Der er til dette møde afbud fra Martin Bech pga. ferie."]
    assert layout.apologies_in(lines) == ["Martin Bech", "Bettina Bøcker Kjeldsen", "Niels Vestergaard Salling"]


def test_names_that_were_absent_are_apologies():
    assert layout.apologies_in(["Anne Holm og Lars Peter Petersen var fraværende."]) == ["Anne Holm",
                                                                                          "Lars Peter Petersen"]


def test_a_room_line_is_the_place_and_a_label_value_stops_at_the_next_label():
    assert layout.search_header(["Mødelokale 20"], "Referat").place == "Mødelokale 20"
    assert layout.search_header(["Forum: Handicaprådet Tid: 14. marts 2018"], "Dagsorden").body == "Handicaprådet"


def test_a_place_after_the_time_and_a_comma_is_read():
    found = layout.search_header(['Bestyrelsesmøde 29. januar 2016 kl. 10.00, Ved Fjorden 20 "Mødelokale 1"'], "x")
    assert found.place == 'Ved Fjorden 20 "Mødelokale 1"'
    assert layout.body_name(found.body) == "Bestyrelsen"


def test_a_heading_line_that_carries_its_decision_or_its_text_keeps_only_the_title():
    text = (
        "Referat af rådsmøde onsdag d. 7. november 2012 kl. 19.30 i mødelokale 2.\n"
        "1. Godkendelse af dagsorden Godkendt\n"
        "2. Temamøde fredag 9 Nov. Vi mødes til opstilling kl 17.00. Sekretariatet skaffer projektor.\n"
        "3. Sundhedsforskning. Revision af politikken for sundhedsforskning i regionen og dens mål\n"
    )
    assert [i.title for i in parse(text).items] == [
        "Godkendelse af dagsorden", "Temamøde fredag 9 Nov",
        "Sundhedsforskning. Revision af politikken for sundhedsforskning i regionen og dens mål"]


def test_a_run_on_agenda_keeps_each_presenter_and_slot_even_when_the_heading_ran_on():
    title = ("Orientering fra komitéen Orientering om drøftelser på seneste komitémøde 13. september 2013 om "
             "fremadrettet forankring af samarbejdet i kommunerne - økonomisk, strategisk, organisatorisk og i "
             "øvrigt alt andet. v. Ann Ammitzbo (kl. 9.20) Kl : PAUSE Side 1")
    cleaned = layout._clean_title(title, run_on=True)
    assert cleaned.endswith("v. Ann Ammitzbo (kl. 9.20)") and len(cleaned) <= 200
    assert layout._clean_title("Emner til næste møde v. Anne Neergaard (kl )", run_on=True) == \
        "Emner til næste møde v. Anne Neergaard"
