"""Issue 12, eighteenth round (rules from the failures of seen24, the set measured once at the session's start):
allotted minutes above a title, group labels in a list of attendees, the start and end as 'Mødet påbegyndt:',
parentheses holding commas in a list of names, and unnumbered cases under a recommendation label. Invented texts
only."""

from klynge.importer.normalise import normalise
from klynge.importer.parse import _names_in, _people_on_line, parse

from .conftest import items_of

# a school board's page: label/value pairs, the members in groups, then 'Punkt N' / allotted minutes / title blocks
BOARD_PAGE = (
    "Referater fra skolebestyrelsesmøde den 3.9.25\n\nMødedato\n\n3. september 2025\n\nMødetid\n\nKl. 17.00-19.00\n\n"
    "Mødested\n\nLærerværelset\n\nDeltagere\n\nForældrevalgte:\n\nFormand: \n\n"
    "Næstformand: Ida Holm Berg (børn på 2. og 5. årg.)\n\nOle Riis Dam (barn i 4. årg.)\n\n"
    "Repræsentanter for personale: Lis Kjær, Bo Juhl\n\nAfbud\n\n"
    "Punkt 1\n\n20 min.\n\nVelkommen til det nye år\n\nIndhold\n\nBordet rundt.\n\nTil referat\n\nAlle sagde hej.\n\n"
    "Punkt 2\n\n(15 min)\n\nSkolens budget\n\nIndhold\n\nOplæg fra lederen.\n\nTil referat\n\n"
    "Taget til efterretning.\n")


def test_the_minutes_allotted_above_a_title_are_not_the_title_and_stay_in_the_items_text():
    parsed = parse(normalise(BOARD_PAGE).text)
    assert [(i.number, i.title) for i in parsed.items] == [(1, "Velkommen til det nye år"), (2, "Skolens budget")]
    first = parsed.items[0]
    assert "20 min." in first.description + first.minutes + first.summary


def test_group_and_role_labels_inside_a_list_of_attendees_do_not_end_the_list():
    parsed = parse(normalise(BOARD_PAGE).text)
    assert [p.name for p in parsed.attendees] == ["Ida Holm Berg", "Ole Riis Dam", "Lis Kjær", "Bo Juhl"]


def test_a_role_before_a_name_is_no_name_and_a_group_label_may_have_three_words():
    assert [p.name for p in _people_on_line("Næstformand: Ida Holm Berg (børn på 2. og 5. årg.)", [])] == [
        "Ida Holm Berg"]
    assert [p.name for p in _people_on_line("Repræsentanter for ledelse: Kim Ravn, Sofie Lund, Mads Bak", [])] == [
        "Kim Ravn", "Sofie Lund", "Mads Bak"]


def test_a_label_that_invites_after_the_apologies_is_not_taken_into_the_apologies():
    text = ("Referat\n\nMødedato: 2. maj 2024\n\nFraværende: Eva Lund\n\nAfbud: -\n\nTil mødet er indbudt:\n\n"
            "Jens Bo\n\nKarl Top\n\n1. Velkomst\n\nFormanden bød velkommen.\n\n2. Eventuelt\n\nIntet.\n")
    parsed = parse(normalise(text).text)
    assert parsed.absent == ["Eva Lund"]


def test_commas_and_og_inside_a_parenthesis_do_not_split_a_list_of_names():
    assert _names_in("Eva Lund, Helle Krog (ved pkt. 1 til midten af pkt. 5), Bo Zickert (ved pkt. 6, 7 og 8), "
                     "Ole Dam (fra pkt. 6 og frem), Anders Sigh") == [
        "Eva Lund", "Helle Krog", "Bo Zickert", "Ole Dam", "Anders Sigh"]
    # a parenthesis never closed still ends at the next comma
    assert _names_in("Alice Kiander (Børne- og unge, Bo Hansen") == ["Alice Kiander", "Bo Hansen"]


# a board's minutes: no numbers; each case is a title, a line or two, 'Formandskabet indstiller, at:' with bullets,
# then 'Beslutning: …' with its text on the same line
UNNUMBERED_BOARD = (
    "Referat bestyrelsesmøde – 4. marts 2022\n\nMødedato:\n\n4. marts 2022\n\nMødet påbegyndt:\n\n10.00\n\n"
    "Mødet afsluttet:\n\n12.30\n\nMødested: Rådssalen\n\nFraværende:\n\nPia Holm, Niels Bak (fra pkt. 2, 3 og 4)\n\n"
    "Godkendelse af dagsorden\n\nFormandskabet indstiller, at:\n\n • Bestyrelsen godkender dagsordenen\n\n"
    "Beslutning: Dagsordenen blev godkendt.\n\n"
    "Godkendelse af referat fra mødet den 1. december 2021\n\nReferatet er udsendt den 8. december 2021\n\n"
    "Formandskabet indstiller, at:\n\n • Bestyrelsen godkender referatet\n\nBeslutning: Godkendt.\n\n"
    "Regnskab 2021\n\nResume: Regnskabet lægges frem.\n\nFormandskabet indstiller, at:\n\n"
    " • Bestyrelsen godkender regnskabet\n\nBeslutning: Godkendt uden bemærkninger.\n")


def test_the_meeting_began_and_ended_as_labels_give_the_start_and_the_end():
    parsed = parse(normalise(UNNUMBERED_BOARD).text)
    assert (str(parsed.start)[:5], str(parsed.end)[:5]) == ("10:00", "12:30")
    assert parsed.absent == ["Pia Holm", "Niels Bak"]


def test_unnumbered_cases_under_a_recommendation_label_take_the_title_above_not_the_proposal_bullet():
    assert items_of(UNNUMBERED_BOARD) == [
        (None, "Godkendelse af dagsorden"), (None, "Godkendelse af referat fra mødet den 1. december 2021"),
        (None, "Regnskab 2021")]


def test_a_line_that_says_something_is_the_title_only_when_no_title_without_a_verb_stands_above_it():
    agenda = UNNUMBERED_BOARD.replace("Referat bestyrelsesmøde", "Dagsorden til bestyrelsesmøde")
    agenda = agenda.replace("Beslutning: Dagsordenen blev godkendt.", "Beslutning:").replace(
        "Beslutning: Godkendt uden bemærkninger.", "Beslutning:").replace("Beslutning: Godkendt.", "Beslutning:")
    assert [t for _, t in items_of(agenda)][1] == "Godkendelse af referat fra mødet den 1. december 2021"


def test_a_title_wrapped_after_a_word_that_wants_its_noun_is_joined_with_the_next_line():
    text = ("Menighedsrådsmøde den 10. juni 2015 kl. 19.00\n\nBeslutninger\n\n1. Godkendelse af ref. fra sidste\n"
            "menighedsrådsmøde\nGodkendt.\n2. Aftale med Den Ny\nOpera 2025-2028.\n\nGodkendt.\n3. Eventuelt\nIntet.\n")
    assert items_of(text) == [(1, "Godkendelse af ref. fra sidste menighedsrådsmøde"),
                              (2, "Aftale med Den Ny Opera 2025-2028"), (3, "Eventuelt")]


# an agenda portal's page saved as text: each case is its number, title, case number and decision, then its
# attachments, their count and the page's links ('Hent som PDF', 'Kopier link'); one case number recurs
PORTAL_PAGE = (
    "Referat 1. oktober 2025 kl. 15.45\n\nUdvalg:\n\nTeknisk Udvalg\n\nPunkt\n\nTitel\n\n"
    "1\n\nReferat fra sidste udvalgsmøde\n\nEMN-2025-010561\n\nBeslutninger\n\nIngen bemærkninger.\n\n"
    "PDFReferat\n\n1\n\nHent som PDF\n\nKopier link\n\n"
    "2\n\nUdviklingsplan for havnen\n\nEMN-2025-009242\n\nBeslutninger\n\nUdsat.\n\n"
    + "".join(f"Baggrund linje {k}.\n\n" for k in range(20))
    + "PDFBilag 1\n\n30\n\nHent som PDF\n\nKopier link\n\n"
    "3\n\nForvaltningen orienterer\n\nEMN-2025-010561\n\nBeslutninger\n\nUdvalget blev orienteret.\n\n"
    "PDFNotat\n\n11\n\nHent som PDF\n\nKopier link\n\n4\n\nEventuelt\n\nIntet.\n")


def test_a_web_pages_links_and_a_recurring_case_number_are_no_running_header_that_removes_item_numbers():
    kept = normalise(PORTAL_PAGE).text
    assert "\n3\n" in kept and "EMN-2025-010561" in kept


def test_a_portal_page_gives_its_cases_and_never_a_link_as_a_title():
    assert items_of(normalise(PORTAL_PAGE).text) == [
        (1, "Referat fra sidste udvalgsmøde"), (2, "Udviklingsplan for havnen"), (3, "Forvaltningen orienterer"),
        (4, "Eventuelt")]


# an invitation printed to PDF: the agenda's bullets come out as a column of symbol-font glyphs above the titles
INVITATION = (
    "KKR\nNORDEN\n\nHvordan arbejder vi sammen?\nKære borgmester\nVi vil gerne invitere jer til dialogmøde.\n\n"
    "Onsdag den 23. januar kl. 16.30-19.00\nFestsalen, Rådhuset\nTilmelding senest den 15. januar 2013.\n"
    "Med venlig hilsen\nEva Holm\n\nForeløbig dagsorden for mødet\n\n\uf0b7\n\uf0b7\n\uf0b7\n\n"
    "Velkomst ved formanden Eva Holm\nOplæg fra KL om det videre arbejde\nOpsamling og videre proces\n\n"
    "Baggrund\nKL har lanceret et udspil.\n")


def test_an_agenda_whose_bullets_were_read_apart_from_its_lines_gives_one_item_a_line():
    assert items_of(normalise(INVITATION).text) == [
        (None, "Velkomst ved formanden Eva Holm"), (None, "Oplæg fra KL om det videre arbejde"),
        (None, "Opsamling og videre proces")]


def test_a_deadlines_date_is_never_the_meetings():
    parsed = parse(normalise(INVITATION).text)
    assert parsed.date is None or str(parsed.date) != "2013-01-15"


def test_the_link_to_an_items_attachments_after_its_title_is_not_part_of_it():
    text = ("Referat\n\nMødet den 23. juni 2009 kl. 13.00\n\n1. Godkendelse af dagsorden\n\nGodkendt.\n\n"
            "2. Referat fra mødet den 25. maj 2009, Bilag Punkt 2\n\nGodkendt.\n\n3. Eventuelt\n\nIntet.\n")
    assert items_of(text) == [(1, "Godkendelse af dagsorden"), (2, "Referat fra mødet den 25. maj 2009"),
                              (3, "Eventuelt")]


def test_a_party_on_the_line_below_a_name_does_not_end_the_list_of_absent_members():
    text = ("Referat - Forretningsudvalget\n\n01-03-2021 09:30\n\nRådssalen\n\nMedlemmer af udvalget:\n\n"
            "Eva Holm\n\n(A)\n\nBo Dam\n\n(V)\n\nPia Lund\n\n(F)\n\nFraværende:\n\nBo Dam\n\n(V)\n\nPia Lund\n\n(F)\n\n"
            "1. Godkendelse af dagsorden\n\nGodkendt.\n\n2. Eventuelt\n\nIntet.\n")
    parsed = parse(normalise(text).text)
    assert parsed.absent == ["Bo Dam", "Pia Lund"]
    assert [p.name for p in parsed.attendees] == ["Eva Holm"]


def test_a_member_marked_afbud_after_a_role_in_the_list_of_members_is_absent():
    text = ("Referat\n\nRegionsrådet\n\n06-01-2020 17:00\n\nMedlemmer:\n\nEva Holm (A), Formand\n\n"
            "Bo Dam (O), 1. næstformand- afbud\n\nPia Lund (V), 2. næstformand\n\n"
            "1. Godkendelse af dagsorden\n\nGodkendt.\n\n2. Eventuelt\n\nIntet.\n")
    parsed = parse(normalise(text).text)
    assert parsed.absent == ["Bo Dam"]
    assert "Bo Dam" not in [p.name for p in parsed.attendees]


def test_presenters_after_a_capital_ved_a_role_word_or_a_group_are_taken_out_of_the_title():
    text = ("Referat\n\nSeniorrådet den 2. december 2009 kl. 12.30\n\n"
            "1. Orientering om Peer-indsatsen, Ved Rasmus Jürs og Christian\n\nTaget til efterretning.\n\n"
            "2. Introduktion til rådets arbejde ved ældrekonsulent Lone Vej-Johansen\n\nGennemgået.\n\n"
            "3. Drøftelse af værdigrundlaget v. arbejdsgruppen\n\nDrøftet.\n\n"
            "4. Cykelsti ved Nymindegab\n\nGodkendt.\n")
    parsed = parse(normalise(text).text)
    assert [(i.title, i.presenter) for i in parsed.items] == [
        ("Orientering om Peer-indsatsen", "Rasmus Jürs og Christian"),
        ("Introduktion til rådets arbejde", "Lone Vej-Johansen"),
        ("Drøftelse af værdigrundlaget", "arbejdsgruppen"),
        ("Cykelsti ved Nymindegab", None)]


def test_apologies_written_with_a_semicolon_a_stray_full_stop_a_party_after_a_comma_or_as_a_sentence():
    text = ("Referat\n\nSocialudvalget den 9. maj 2022 kl. 16.00\n\nAfbud fra.: Bent Larsen\n\n"
            "Fraværende; Maibritt Møller Nielsen (D).\n\nAfbud:\n\nAli Ünsal, (V)\n\n"
            "1. Godkendelse af dagsorden\n\nGodkendt.\n\nAyşe Özdemir (A) fraværende på dagens møde.\n\n"
            "2. Eventuelt\n\nIntet.\n")
    parsed = parse(normalise(text).text)
    assert sorted(parsed.absent) == ["Ali Ünsal", "Ayşe Özdemir", "Bent Larsen", "Maibritt Møller Nielsen"]


def test_an_absence_from_one_item_is_no_apology():
    text = ("Referat\n\nSocialudvalget den 9. maj 2022 kl. 16.00\n\n1. Godkendelse af dagsorden\n\nGodkendt.\n\n"
            "Eva Holm (A) fraværende under punkt 1.\n\n2. Eventuelt\n\nIntet.\n")
    assert parse(normalise(text).text).absent == []


def test_text_glued_to_a_title_without_a_space_is_not_part_of_it_but_a_names_capitals_are():
    text = ("Referat\n\nDialogforum den 20. oktober 2009 kl. 15.00\n\n"
            "1. Godkendelse af referat fra 26.08.2009Ingen kommentarer til referatet.\n\n"
            "2. Siden sidst/gensidig orienteringBordet rundt\n\n3. Nyt fra TradeCity og PowerPoint-kursus\n\nIntet.\n")
    assert items_of(text) == [(1, "Godkendelse af referat fra 26.08.2009"), (2, "Siden sidst/gensidig orientering"),
                              (3, "Nyt fra TradeCity og PowerPoint-kursus")]


def test_a_sentence_label_over_a_bulleted_list_of_absent_members_gives_the_apologies():
    text = ("Mødedato: 12.05.2020, kl. 12:30\nMødested: Teams\nGodkendelse af dagsorden\nBeslutning\n"
            "Følgende deltog ikke på mødet:\n- Jes Vissing Tiedemann (B) på grund af arbejde\n"
            "- Allan Mylius Thomsen (Ø)\n"
            "Dagsordenen blev godkendt.\n")
    assert parse(normalise(text).text).absent == ["Jes Vissing Tiedemann", "Allan Mylius Thomsen"]


def test_another_label_after_an_empty_apologies_label_is_no_apology():
    text = ("Referat\n\nForum: Handicaprådet\n\nTid: 14. marts 2018, kl. 15.00\n\nAfbud:\n\n"
            "Referent: Lissi Petersen\n\n1. Godkendelse af dagsorden\n\nGodkendt.\n\n2. Eventuelt\n\nIntet.\n")
    assert parse(normalise(text).text).absent == []
