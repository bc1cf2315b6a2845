"""General rules of issue 12, third round: failures seen on real documents, written as layout-free rules
(invented texts, not the corpus's)."""

import datetime

from klynge.importer.parse import date_from_source, parse

ITEM_PAGE = (
    "Mødested: Rådhuset, lokale 4\n\nOrientering om trafikplan\n\nIndstilling\n\nForvaltningen indstiller,\n\n"
    "1. at orienteringen tages til efterretning\n\nBeslutning\n\nTaget til efterretning.\n"
)


def test_a_date_in_the_web_address_or_file_name_is_found_when_it_is_the_only_one():
    assert date_from_source("https://example.dk/node/14/18112014/edoc-agenda/ab12") == datetime.date(2014, 11, 18)
    assert date_from_source("referat-2019-04-03.pdf") == datetime.date(2019, 4, 3)
    assert date_from_source("moede-03-04-2019.txt") == datetime.date(2019, 4, 3)


def test_no_date_is_taken_from_a_source_with_none_or_with_two():
    assert date_from_source("ShowAgenda.asp?p=kommune&ID=173596") is None
    assert date_from_source("2019-04-03-og-2019-05-01.pdf") is None
    assert date_from_source("") is None


def test_a_text_without_a_date_is_read_without_one_and_the_user_is_asked_for_it():
    doc = parse(ITEM_PAGE)  # refused until the ninth round; now loading refuses it until a date is given
    assert doc.date is None
    assert doc.warnings[0].code == "date_missing"
    assert doc.items and doc.items[0].decision


def test_the_sources_date_is_used_only_when_the_text_has_none_and_the_report_says_so():
    doc = parse(ITEM_PAGE, source="https://example.dk/udvalg/12052022/punkt-3")
    assert doc.date == datetime.date(2022, 5, 12)
    assert any(w.code == "date_from_source" for w in doc.warnings)
    dated = parse("Referat\n\nDato: 1. juni 2022\n\n" + ITEM_PAGE, source="https://example.dk/12052022/")
    assert dated.date == datetime.date(2022, 6, 1)
    assert not any(w.code == "date_from_source" for w in dated.warnings)


def test_a_meeting_date_given_by_the_user_comes_before_the_sources():
    doc = parse(ITEM_PAGE, source="x/12052022/", meeting_date=datetime.date(2022, 5, 13))
    assert doc.date == datetime.date(2022, 5, 13)


def test_a_single_item_page_without_a_number_is_one_unnumbered_item():
    doc = parse(ITEM_PAGE, meeting_date=datetime.date(2022, 5, 12))
    assert [(i.number, i.title) for i in doc.items] == [(None, "Orientering om trafikplan")]


def test_unnumbered_cases_are_found_from_their_recurring_section_labels():
    text = (
        "Udvalg: Ældrerådet\nMødedato: 3. marts 2021\n\nSagsnr.: 01.02.03 Sagsbehandler: A. Jensen\n\n"
        "Besøg på plejecentret\n\nDIR\nSOS\n\nSagsfremstilling\n\nRådet besøger centret.\n\nBeslutning\n\n"
        "Besøget gennemført.\n\nSagsnr.: 01.02.04 Sagsbehandler: A. Jensen\n\nFortove ved skolen\n\nSOS\n\n"
        "Sagsresume\n\nFormanden ønsker en drøftelse.\n\nSagsfremstilling\n\nFortovene er for høje.\n\n"
        "Beslutning\n\nSendes videre.\n"
    )
    assert [(i.number, i.title) for i in parse(text).items] == [
        (None, "Besøg på plejecentret"), (None, "Fortove ved skolen")]


def test_a_contents_list_numbered_without_dots_is_read_as_a_run():
    text = (
        "Ældrerådet - referat\n\nMandag den 6-11-2017 kl. 10:00\n\nIndholdsfortegnelse:\n\n"
        "51 Høring: Forslag til plan for stier -\nstier ved åen i byen\n52 Budget 2018\n53 Eventuelt\n\n"
        "Medlemmer:\n\nAnne Hansen\n"
    )
    assert [(i.number, i.title) for i in parse(text).items] == [
        (51, "Høring: Forslag til plan for stier - stier ved åen i byen"), (52, "Budget 2018"), (53, "Eventuelt")]


def test_two_lines_starting_with_a_number_and_a_word_are_no_list():
    text = "Referat\n\nDato: 2. maj 2022\n\n1. Budget\n\nBeslutning\n\n12 Medlemmer deltog.\n13 Huse er solgt.\n"
    assert [i.number for i in parse(text).items] == [1]


def test_a_street_after_ved_is_part_of_the_title_not_a_presenter():
    text = "Referat\n\nDato: 2. maj 2022\n\n1. Lokalplan for boliger ved Havnevej i Byen\n\nBeslutning\n\nGodkendt.\n"
    item = parse(text).items[0]
    assert (item.title, item.presenter) == ("Lokalplan for boliger ved Havnevej i Byen", None)


def test_a_heading_line_carrying_its_decision_in_a_sentence_ends_at_the_first_full_stop():
    text = (
        "Referat\n\nDato: 2. maj 2022\n\n1.Valg af ordstyrer. Anna blev valgt som ordstyrer.\n"
        "2.Godkendelse af referat af mødet den 12.april 2022. Referat godkendt.\n"
        "3.Plan for året: Tid, sted og form. Kommunikation og presse.\n"
    )
    assert [i.title for i in parse(text).items] == [
        "Valg af ordstyrer", "Godkendelse af referat af mødet den 12.april 2022",
        "Plan for året: Tid, sted og form. Kommunikation og presse."]


def test_an_agenda_list_restarting_at_one_after_a_nested_list_continues_the_numbering():
    text = (
        "Indkaldelse til møde i Seniorrådet\nTorsdag den 10 juni 2021 kl. 9.00\nDagsorden:\n"
        " 1. Valg af ordstyrer\n 2. Meddelelser\n  1. Fra formanden\n  2. Fra kassereren\n"
        " 1. Høringssvar\n 2. Næste møde\n"
    )
    assert [(i.number, i.title) for i in parse(text).items] == [
        (1, "Valg af ordstyrer"), (2, "Meddelelser"), (3, "Høringssvar"), (4, "Næste møde")]


def test_first_names_under_an_apology_label_are_apologies():
    text = "Torsdag den 9. juni 2022 kl. 9.00\nAfbud fra Karl, Marie, Hans Peter og Else.\n1. Valg af ordstyrer\n"
    assert parse(text).absent == ["Karl", "Marie", "Hans Peter", "Else"]


def test_a_guest_speakers_cancellation_is_no_apology():
    text = (
        "Torsdag den 9. juni 2022 kl. 9.00\nAfbud fra Karl, Marie.\n"
        "0. Oplæg ved rådmand Sofie Anna Berg. Sofie Anna Berg havde meldt afbud.\n1. Valg af ordstyrer\n"
    )
    doc = parse(text)
    assert doc.absent == ["Karl", "Marie"]
    assert [i.number for i in doc.items] == [0, 1]


def test_absent_without_apology_and_absent_during_the_meeting_are_no_apologies():
    text = (
        "Referat\n\nDato: 2. maj 2022\n\nFraværende med afbud:\nAnne Hansen\n\n"
        "Fraværende i mødet:\nBo Jensen til kl. 18.40\n\nFraværende uden afbud:\nPer Olsen\n\n"
        "1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n"
    )
    assert parse(text).absent == ["Anne Hansen"]


def test_a_date_written_in_words_in_the_address_is_found():
    assert date_from_source("https://example.dk/referat-fra-moede-den-18-november-2021") == datetime.date(2021, 11, 18)


def test_a_place_in_a_sentence_ends_before_what_the_sentence_goes_on_to_say():
    text = ("Torsdag den 9. juni 2022 kl. 09.00 – 11.45 på Bakkehuset samt efterfølgende frokost på Havnen med gæster\n"
            "Afbud fra Karl, Marie.\n1. Valg af ordstyrer\n2. Eventuelt\n")
    assert parse(text).place == "Bakkehuset"


def test_an_item_number_after_a_time_is_no_place():
    text = ("Referat\n\nDato: 2. maj 2022\n\nFraværende i mødet:\nBo Jensen til kl. 18.40 i punkt 2\n\n"
            "1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n")
    assert parse(text).place is None


def test_what_a_heading_line_says_after_its_title_is_the_items_text_and_makes_minutes():
    text = ("Torsdag den 9. juni 2022 kl. 9.00\nAfbud fra Karl, Marie.\n"
            "1.Valg af ordstyrer. Anna blev valgt som ordstyrer.\n"
            "2.Godkendelse af dagsorden. Dagsorden godkendt uden ændringer.\n")
    doc = parse(text)
    assert doc.kind == "minutes"
    assert "Anna blev valgt" in doc.items[0].description + doc.items[0].minutes


def test_an_item_pages_heading_saying_dagsorden_does_not_make_it_an_agenda():
    text = ("2. Godkendelse af dagsorden\n\nIndstilling\n\nFormanden indstiller,\n\n1. at dagsordenen godkendes\n\n"
            "Beslutning\n\nDagsordenen blev godkendt.\n")
    doc = parse(text, source="https://example.dk/19042018/edoc-agenda/x")
    assert (doc.kind, doc.body) == ("minutes", None)


def test_an_item_page_opening_with_its_numbered_heading_keeps_it_over_a_numbered_point_of_prose():
    text = (
        "3. Godkendelse af dagsorden\n\nFraværende med afbud:\nAnne Hansen, Bo Jensen indkaldt\n"
        "Per Olsen og Eva Berg\n\n"
        "Beslutning\n\n1. Formanden havde modtaget en anmodning om at tage punkt 9 først, hvilket der ikke var enighed "
        "om blandt medlemmerne.\n\nDagsordenen blev godkendt.\n"
    )
    doc = parse(text, source="x/19112020/y")
    assert [(i.number, i.title) for i in doc.items] == [(3, "Godkendelse af dagsorden")]
    assert doc.absent[:3] == ["Anne Hansen", "Per Olsen", "Eva Berg"]


def test_an_empty_absence_label_followed_by_a_decision_lists_nobody():
    text = ("Referat\n\nDato: 2. maj 2022\n\n1. Godkendelse af dagsorden\n\nBeslutning\n\nFraværende:\nGodkendt.\n\n"
            "2. Eventuelt\n\nBeslutning\n\nFraværende:\nBrev til regionen er afsendt.\n")
    assert parse(text).absent == []


def test_a_contents_entry_whose_page_reference_is_followed_by_a_status_word_is_a_contents_entry():
    from klynge.importer import layout

    assert layout.TOC_INSIDE.search("Lukket sag: Tandpleje...xv åben")
    assert not layout.TOC_INSIDE.search("Status på projektet i Region Syd")


def test_a_page_footer_run_into_a_transcript_line_is_removed():
    from klynge.importer.normalise import normalise

    cleaned = normalise("3. Budget for året Side! 1 af! 6\n\nBeslutning\n", None, ())
    assert "Side" not in cleaned.text and "3. Budget for året" in cleaned.text
