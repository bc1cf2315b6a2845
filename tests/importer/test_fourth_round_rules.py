"""General rules of issue 12, fourth round: failures seen on real documents, written as layout-free rules
(invented texts, not the corpus's)."""

import datetime

from klynge.importer import layout
from klynge.importer.parse import parse


def _items(doc):
    return [(i.number, i.title) for i in doc.items]


def test_a_case_number_line_takes_its_title_from_the_line_above():
    text = ("Byrådet\n\n12-03-2021\n\nSager 40 - 41\n\nBudgetopfølgning\nSag nr. 40\n\nBeslutningskompetence: BR\n\n"
            "Resume\n\nOpfølgning på budgettet.\n\nBeslutning\n\nGodkendt.\n\n"
            "Salg af grund ved havnen\nSag nr. 41\n\nBeslutningskompetence: BR\n\nBeslutning\n\nGodkendt.\n")
    assert _items(parse(text)) == [(40, "Budgetopfølgning"), (41, "Salg af grund ved havnen")]


def test_a_pkt_heading_alone_takes_its_title_from_the_next_line_and_gaps_between_pkt_headings_are_kept():
    text = ("Referat 3. marts 2022\n\nBestyrelsesmøde den 3. marts 2022 kl. 17.00-19.00\n\n"
            "Pkt. 1\n\nGodkendelse af dagsorden\n\nGodkendt.\n\n"
            "Pkt. 4 (Lise)\n\nNyt fra formanden\n\nOrientering.\n\n"
            "Pkt. 5\n\nEventuelt\n\nIntet.\n")
    doc = parse(text)
    assert _items(doc) == [(1, "Godkendelse af dagsorden"), (4, "Nyt fra formanden"), (5, "Eventuelt")]
    assert doc.start == datetime.time(17, 0)


def test_a_start_time_and_a_place_after_a_date_without_a_year_are_read():
    found = layout.search_header(["Referat 3. marts 2022", "", "Møde den 3. marts kl.17.30-19.00 - Lærerværelset"],
                                 "Referat 3. marts 2022")
    assert found.start == datetime.time(17, 30)
    assert found.place == "Lærerværelset"


def test_initials_or_a_name_after_titles_are_presenters_when_the_document_writes_them_so_twice():
    text = ("Referat af møde den 4. april 2022 kl. 19.00\n\n1. Meddelelser (KB)\n Intet.\n\n"
            "2. Kirkegården, status (laC)\n"
            " Arbejdet går i gang.\n\n3. Budget, status skole/SFO (GS/DH)\n Gennemgået.\n\n4. Eventuelt\n Intet.\n")
    doc = parse(text)
    assert _items(doc) == [(1, "Meddelelser"), (2, "Kirkegården, status"), (3, "Budget, status skole/SFO"),
                           (4, "Eventuelt")]
    assert [i.presenter for i in doc.items] == ["KB", "laC", "GS/DH", None]
    named = parse("Referat af møde den 4. april 2022 kl. 19.00\n\n1. Nyt fra skolen, Per Hansen:\n Intet.\n\n"
                  "2. Budget, Lise Holm:\n Gennemgået.\n")
    assert _items(named) == [(1, "Nyt fra skolen"), (2, "Budget")]
    assert [i.presenter for i in named.items] == ["Per Hansen", "Lise Holm"]


def test_a_single_bracket_or_comma_after_one_title_stays_in_the_title():
    doc = parse("Referat af møde den 4. april 2022 kl. 19.00\n\n1. Orientering (EU)\n Intet.\n\n"
                "2. Valg af kasserer\n Valgt.\n")
    assert _items(doc)[0] == (1, "Orientering (EU)")


def test_an_absence_heading_is_the_item_and_its_names_are_apologies():
    doc = parse("Dagsorden til møde den 15. maj 2024 kl. 18:30\n\n1. Fraværende: Birthe Holm\n\n"
                "2. Bemærkninger til dagsordenen:\n\n3. Eventuelt\n")
    assert _items(doc)[0] == (1, "Fraværende")
    assert "Birthe Holm" in doc.absent


def test_a_title_ending_in_a_bracket_does_not_swallow_the_line_under_it():
    doc = parse("Dagsorden til møde den 15. maj 2024 kl. 18:30\n\n"
                "1. Drøftelse af et langt samtaleskema om grøn omstilling til provstiet (bilag 3)\n"
                "Skemaet gennemgås med henblik på fælles drøftelse\n\n2. Eventuelt\n")
    assert _items(doc)[0] == (1, "Drøftelse af et langt samtaleskema om grøn omstilling til provstiet (bilag 3)")


def test_item_one_run_into_the_paragraph_above_is_cut_off():
    text = ("Referat af bestyrelsesmøde\ntirsdag den 2. december 2008 kl. 18.30 - 20.30\n\nFraværende:\n"
            "Forældre: Afbud fra Rikke Holm.\nElever: Marie Berg, Nikolaj Dam (de fik ingen dagsorden?). "
            "1. Godkendelse af referat:\n  Godkendt.\n\n 2. Elevråd:\n  Intet.\n\n 3. Eventuelt:\n  Intet.\n")
    doc = parse(text)
    assert _items(doc) == [(1, "Godkendelse af referat"), (2, "Elevråd"), (3, "Eventuelt")]
    assert {"Rikke Holm", "Marie Berg", "Nikolaj Dam"} <= set(doc.absent)


def test_fravaerende_med_afbud_is_an_apology_label():
    doc = parse("Referat af møde tirsdag d. 22. august 2017 kl. 18.00\n\nFraværende med afbud: Kirsten Holm\n\n"
                "1. Meddelelser\n Intet.\n\n2. Eventuelt\n Intet.\n")
    assert doc.absent == ["Kirsten Holm"]


def test_a_room_on_its_own_line_at_the_top_is_the_place():
    found = layout.search_header(["Referat af bestyrelsesmøde", "Skolen, mødelokale K2",
                                  "tirsdag den 2. december 2008 kl. 18.30 - 20.30"], "Referat af bestyrelsesmøde")
    assert found.place == "Skolen, mødelokale K2"


def test_an_absence_label_inside_a_run_on_line_gives_its_comma_list_of_names_without_the_next_sentence():
    doc = parse("Referat Handicaprådet\n\nMødedato: Mandag den 23. november 2015 kl. 8:00\n\n"
                "1. Godkendelse af dagsorden\nBeslutninger Rådet den Ikke til stede: Anne Holm, Bo Dam, Eva Lund "
                "Dagsordenen godkendt.\n\n2. Eventuelt\nIntet.\n")
    assert set(doc.absent) >= {"Anne Holm", "Bo Dam", "Eva Lund"}
    assert not any("Dagsordenen" in n for n in doc.absent)


def test_an_empty_place_label_followed_by_another_label_leaves_the_place_empty():
    doc = parse("Referat Handicaprådet\nMødedato: Mandag den 23. november 2015\nMødetidspunkt: Kl. 8:00\n"
                "Mødested:\nBemærkninger: Medlemmer: Anne Holm\n\n1. Godkendelse af dagsorden\nGodkendt.\n\n"
                "2. Eventuelt\nIntet.\n")
    assert doc.place is None or not doc.place.startswith("Bemærkninger")


def test_a_day_and_month_without_year_take_the_year_from_a_source_naming_one_year():
    text = ("Referat af bestyrelsesmøde d. 26. april\n\nTilstede: Anne og Bo\n\n1) Vagtværn\n2) Evt.\n\n"
            "Ad. 1\nDyrt.\n\nAd. 2\nIntet.\n")
    doc = parse(text, source="https://example.dk/?m=201005")
    assert doc.date == datetime.date(2010, 4, 26)
    assert any(w.code == "date_from_source" for w in doc.warnings)


def test_a_day_and_month_without_year_are_no_date_when_the_source_names_two_years_or_none():
    text = "Referat af bestyrelsesmøde d. 26. april\n\n1) Vagtværn\n2) Evt.\n\nAd. 1\nDyrt.\n\nAd. 2\nIntet.\n"
    for source in ("https://example.dk/2010/2011/referat", "referat.txt"):
        doc = parse(text, source=source)  # read without a date: the user is asked for it (ninth round)
        assert doc.date is None
        assert [w.code for w in doc.warnings][:1] == ["date_missing"]


def test_a_lone_label_on_the_line_after_mødested_is_no_place_but_an_online_meeting_still_is():
    doc = parse("Referat\nMødedato: 15. maj 2002 kl. 19.00\nMødested:\nUdsendelsesdato:\n\n1. Meddelelser\nIntet.\n\n"
                "2. Eventuelt\nIntet.\n")
    assert doc.place is None or doc.place != "Udsendelsesdato:"
