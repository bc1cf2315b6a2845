"""Issue 12, twenty-ninth round (the ninth session): a transcript's run-together contents list read as the items.
Invented texts only."""

from klynge.importer import glued_contents
from klynge.importer.glued_contents import split_titles
from tests.importer.conftest import closed_items_of as _items
from tests.importer.conftest import read_normalised as _parse

PAGE_ONE = ("Transkript\n\n1 Referat Sundhedsudvalget Mødedato: Onsdag den 27. november 2024 Mødested: Rådhuset, "
            "Udvalgsværelset Mødetidspunkt: Kl. 15:00-17:00 Medlemmer: Anne Hansen (A) Bo Jensen (V) Fraværende: "
            "Bo Jensen Side 1\n\n")



def test_a_contents_list_run_together_without_numbers_gives_the_items_in_order():
    text = PAGE_ONE + (
        "2 Indholdsfortegnelse 70 Godkendelse af dagsorden Etablering af flere aflastningspladser på Hannerup "
        "Plejecenter Orientering om medfinansieringsudgifterne Tilbagemelding vedr. selvmordsforebyggelse "
        "Lukket - Orientering...15 Side 2\n\n"
        "3 70 Godkendelse af dagsorden Sagsnr.: 24/1 Sagen afgøres i: Sundhedsudvalget Beslutning: Godkendt. "
        "Fraværende: Bo Jensen Side 3\n\n"
        "4 71 Etablering af flere aflastningspladser på Hannerup Plejecenter Sagsnr.: 24/2 Sagsbeskrivelse: "
        "Udvalget har tidligere drøftet presset på pladserne, og forvaltningen foreslår nu en udvidelse.\n")
    assert _items(text) == [
        (70, "Godkendelse af dagsorden", False),
        (71, "Etablering af flere aflastningspladser på Hannerup Plejecenter", False),  # its number from its page
        (None, "Orientering om medfinansieringsudgifterne", False),  # the text prints no number for it
        (None, "Tilbagemelding vedr. selvmordsforebyggelse", False),
        (None, "Orientering", True),  # 'Lukket - …': closed
    ]
    warnings = {w.code: w.message for w in _parse(text).warnings}
    assert "indholdsfortegnelsen" in warnings["unnumbered_items"]


def test_a_capital_after_a_preposition_or_inside_a_name_does_not_start_a_title():
    # (since the thirty-fifth round a capital after '… Kommune' starts the next title, as the annotated minutes have
    # it: 'Sundhedshus Sæby' is an item of its own; a name of a place or a body stays whole)
    assert split_titles("Orientering om midler til nyt frivilligcenter i Frederikshavn Kommune Sundhedshus Sæby "
                        "Høring af Praksisundersøgelse vedr. hjælp til boligændringer Afgørelser fra Det sociale "
                        "Nævn Status på KOL projektet") == [
        "Orientering om midler til nyt frivilligcenter i Frederikshavn Kommune", "Sundhedshus Sæby",
        "Høring af Praksisundersøgelse vedr. hjælp til boligændringer",
        "Afgørelser fra Det sociale Nævn",
        "Status på KOL projektet",
    ]


def test_an_items_usual_first_word_after_a_name_starts_a_new_title():
    assert split_titles("Besøg i Demensafsnittet i Kjellerup Meddelelser Budgetopfølgning Formanden orienterer") == [
        "Besøg i Demensafsnittet i Kjellerup", "Meddelelser", "Budgetopfølgning", "Formanden orienterer"]


def test_a_place_name_after_a_common_word_stays_in_the_title():
    assert split_titles("Bedømmelse af totalrådgiverudbud, nyt administrationsbyggeri Vordingborg Trafikbestilling") \
        == ["Bedømmelse af totalrådgiverudbud, nyt administrationsbyggeri Vordingborg", "Trafikbestilling"]


def test_a_title_cut_short_by_a_dropped_year_still_ends_before_the_next_items_first_word():
    assert split_titles("Mødeplan for Gensidig orientering Eventuelt") == ["Mødeplan for", "Gensidig orientering",
                                                                             "Eventuelt"]


def test_the_separators_a_contents_list_keeps_cut_it_and_say_which_entries_are_closed():
    found = glued_contents.contents_entries([
        "2 Indholdsfortegnelse Socialudvalget 1 (Åben) Det nære sundhedsvæsen (Åben) Sundhedsuge for udsatte "
        "(Åben) Små anlægsregnskaber (Lukket) Leverancer til plejeboligerne...15 Side 2"])
    assert [(e.number, e.title, e.closed) for e in found[1]] == [
        (1, "Det nære sundhedsvæsen", False), (None, "Sundhedsuge for udsatte", False),
        (None, "Små anlægsregnskaber", False), (None, "Leverancer til plejeboligerne", True)]


def test_a_running_case_number_after_each_entry_numbers_the_items_in_turn():
    found = glued_contents.contents_entries([
        "2 Indholdsfortegnelse Sag nr. Side Åbne sager: 01/66 Godkendelse af referat /67 Læse/stave projekt for "
        "ledige /68 Ansøgning om social tillidsmand /69 Eventuelt"])
    assert [(e.number, e.title) for e in found[1]] == [
        (1, "Godkendelse af referat"), (2, "Læse/stave projekt for ledige"), (3, "Ansøgning om social tillidsmand"),
        (4, "Eventuelt")]


def test_the_printed_numbers_and_page_numbers_of_a_list_are_used_where_they_are():
    found = glued_contents.contents_entries([
        "3 Indholdsfortegnelse Side: 1. Ambulant behandling og shared care 3 2. Opfølgning på feedbackmøder 6 "
        "3. Måling af visioner for psykiatrien Forslag til budget 2014 Meddelelser Eventuelt 27"])
    assert [(e.number, e.title) for e in found[1]] == [
        (1, "Ambulant behandling og shared care"), (2, "Opfølgning på feedbackmøder"),
        (3, "Måling af visioner for psykiatrien"), (None, "Forslag til budget 2014"), (None, "Meddelelser"),
        (None, "Eventuelt")]


def test_a_date_in_the_lists_repeated_page_header_is_no_items_number():
    found = glued_contents.contents_entries([
        "2 Indholdsfortegnelse Skolebestyrelsen den 18. Maj 2011 kl Sag nr. Side 49. Præsentation af den nye "
        "viceskoleleder Retningslinjer for bestyrelsens informationer Orientering Evt.... 7"])
    assert [(e.number, e.title) for e in found[1]] == [
        (49, "Præsentation af den nye viceskoleleder"), (None, "Retningslinjer for bestyrelsens informationer"),
        (None, "Orientering"), (None, "Evt")]  # (its full stop is one of the leader's dots)


def test_a_document_whose_items_have_their_own_numbered_headings_keeps_them():
    text = ("Referat\nBørne- og skoleudvalget\nMødedato: 5. maj 2026 kl. 17.00\nSted: Rådhuset\n\n"
            "Indholdsfortegnelse 1. Godkendelse af dagsorden Budget Eventuelt\n\n"
            "1. Godkendelse af dagsorden\nBeslutning: Godkendt\n\n2. Budget 2027\nBeslutning: Drøftet\n\n"
            "3. Eventuelt\nBeslutning: Intet\n")
    assert [(n, t) for n, t, _ in _items(text)] == [(1, "Godkendelse af dagsorden"), (2, "Budget 2027"),
                                                    (3, "Eventuelt")]


def test_party_letters_part_a_list_of_absent_names_and_a_pages_back_link_is_no_name():
    text = ("Referat\nSocialudvalget\nMødedato: 5. maj 2026 kl. 17.00\nSted: Rådhuset\n"
            "Fraværende: Mads Dam (F) Per Holm-Larsen (A) Tilbage til toppen\n\n"
            "1. Godkendelse af dagsorden\nBeslutning: Godkendt\n\n2. Eventuelt\nBeslutning: Intet\n")
    assert _parse(text).absent == ["Mads Dam", "Per Holm-Larsen"]


def test_a_lone_one_between_two_items_that_skip_a_number_is_that_number_with_a_note():
    text = ("Referat\nÆldrerådet\nMødedato: 5. maj 2026 kl. 10.00\nSted: Rådhuset\n\n"
            "1.    Godkendelse af dagsordenen\nGodkendt\n\n"
            "2.    Orientering fra forvaltningen\nTaget til efterretning\n\n"
            "  1. Masterplan vedr. boliger – orientering\n    Planen modtages positivt.\n\n"
            "4.    Ældrerådsvalg\nDrøftet.\n\n5.    Eventuelt\nIntet\n")
    document = _parse(text)
    assert [(i.number, i.title) for i in document.items] == [
        (1, "Godkendelse af dagsordenen"), (2, "Orientering fra forvaltningen"),
        (3, "Masterplan vedr. boliger – orientering"), (4, "Ældrerådsvalg"), (5, "Eventuelt")]
    assert any("står som «1.»" in w.message for w in document.warnings)


def test_a_list_numbered_with_the_page_then_the_next_number_is_cut_at_each_number():
    found = glued_contents.contents_entries([
        "2 Indholdsfortegnelse Pkt. Tekst Side 1 Orientering om køreplanprojekter i 2028 1 2 Ændrede "
        "hviletidsbestemmelser 3 3 Udbud af buskørsel i Silkeborg Kommune 8 4 Økonomirapportering 14 5 Eventuelt 18"])
    assert [(e.number, e.title) for e in found[1]] == [
        (1, "Orientering om køreplanprojekter i 2028"), (2, "Ændrede hviletidsbestemmelser"),
        (3, "Udbud af buskørsel i Silkeborg Kommune"), (4, "Økonomirapportering"), (5, "Eventuelt")]


def test_a_numbered_list_of_people_is_no_agenda_and_a_sentence_about_apologies_is_no_label():
    text = ("Skolebestyrelsesmøde\nOnsdag den 16. september 2026 kl. 17.00\n"
            "Afbud ringes eller mailes til kontoret. Suppleanter indkaldes særskilt af kontoret ved afbud.\n"
            "Suppleanter for forældre:\n1. Vagn Dinesen -\n2. Anders Koefoed -\n3. Lise Karlsson -\n4. Lasse Bager -\n"
            "Fraværende: Lene Gammelgaard\nDagsorden\n1. Temapunkt\n2. Godkendelse af referat\n"
            "3. Orientering fra elevrådet\n")
    document = _parse(text)
    assert [(i.number, i.title) for i in document.items] == [
        (1, "Temapunkt"), (2, "Godkendelse af referat"), (3, "Orientering fra elevrådet")]
    assert document.absent == ["Lene Gammelgaard"]  # the substitutes under the sentence are no apologies


def test_a_bodys_genitive_after_a_name_with_for_keeps_the_whole_name():
    text = ("Rådet for handicap, psykiatri og udsatheds møde den 6. oktober 2025\nSted: Frivillighuset\n\n"
            "1. Godkendelse af dagsorden\nGodkendt\n\n2. Eventuelt\nIntet\n")
    assert _parse(text).body == "Rådet for handicap, psykiatri og udsathed"


def test_a_day_and_month_under_a_heading_that_names_the_year_give_the_date():
    text = ("Referater af møder i Handicaprådet i 2022\n\n27. oktober - Møde i Handicaprådet\n\nSted:\n\nRådhuset\n\n"
            "Referat\n\n1. Orientering om STU\nTaget til efterretning\n\n2. Eventuelt\nIntet\n")
    document = _parse(text)
    assert str(document.date) == "2022-10-27"
    assert any("overskriften" in w.message for w in document.warnings)


def test_two_years_in_the_heading_give_no_date_from_it():
    text = ("Referater af møder i Handicaprådet 2021 og 2022\n\n27. oktober - Møde i Handicaprådet\n\n"
            "1. Orientering om STU\nTaget til efterretning\n\n2. Eventuelt\nIntet\n")
    assert _parse(text).date is None


def test_a_number_a_word_refers_to_does_not_cut_a_transcripts_run_on_line_and_ad_goes_with_its_number():
    from klynge.importer.layout import split_run_on
    line = ("Revisor Helle Wonge deltog i behandlingen af dagsordenens punkt 2. Dagsorden: Åbne punkter: "
            "1. Bemærkninger til dagsordenen 2. Årsrapport 2025 og revisionsprotokollat 3. Forslag til "
            "investeringspolitik 4. Eventuelt Ad 1. Bemærkninger til dagsordenen Formanden bød velkommen. "
            "Ad 2. Årsrapport 2025 Bestyrelsen godkendte årsrapporten.")
    pieces = split_run_on(line)
    assert pieces[0].endswith("Dagsorden: Åbne punkter:")  # 'punkt 2.' is a reference, no item
    assert pieces[1:5] == ["1. Bemærkninger til dagsordenen", "2. Årsrapport 2025 og revisionsprotokollat",
                           "3. Forslag til investeringspolitik", "4. Eventuelt"]
    assert pieces[5].startswith("Ad 1. Bemærkninger")


def test_the_first_items_heading_glued_to_the_last_entry_of_the_list_is_cut_off():
    text = ("Referat\nUdvalget for Børn\nSTARTTIDSPUNKT\n29-01-2026 10:00:00\n\nPUNKTER\n\n"
            "8. Godkendelse af dagsorden til Udvalget for Børn\n9. Frigivelse af anlægsmidler\n"
            "10. Eventuelt - Udvalget for Børn den 29.01.20268. Godkendelse af dagsorden til Udvalget for Børn\n\n"
            "Hovedindstilling\nDirektøren indstiller, at dagsordenen godkendes.\n\nBeslutning\nGodkendt\n\n"
            "9. Frigivelse af anlægsmidler\n\nBeslutning\nGodkendt\n\n"
            "10. Eventuelt - Udvalget for Børn den 29.01.2026\n\n"
            "Beslutning\nIntet\n")
    assert [(i.number, i.title) for i in _parse(text).items] == [
        (8, "Godkendelse af dagsorden til Udvalget for Børn"), (9, "Frigivelse af anlægsmidler"),
        (10, "Eventuelt - Udvalget for Børn den 29.01.2026")]


def test_a_contents_table_one_cell_a_line_keeps_its_item_numbers_beside_a_wrapped_titles_year():
    cells = ["Kommunalbestyrelsen", "Dagsorden", "Mødedato:", "25. juni 2026", "Indholdsfortegnelse", "Pkt.",
             "Tekst", "Side", "1", "Høring om busbudget", "4", "2", "Kulturhus - lyd og lys", "5", "3",
             "Evaluering af turistforeningens resultatmål for", "2025", "7", "4", "Dimensionering af integrationen",
             "9", "5", "Spildevandsplan", "11", "Kommunalbestyrelsen", "Dagsorden", "2", "6", "Salg af grund", "13"]
    items = _parse("\n".join(cells)).items
    assert [(i.number, i.title) for i in items] == [
        (1, "Høring om busbudget"), (2, "Kulturhus - lyd og lys"), (3, "Evaluering af turistforeningens resultatmål "
                                                                      "for 2025"),
        (4, "Dimensionering af integrationen"), (5, "Spildevandsplan"), (6, "Salg af grund")]
