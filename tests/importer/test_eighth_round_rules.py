"""Issue 12, eighth round: general rules for glued headings, presenters, run-on titles, dates, bodies and
apologies (invented texts in the style of the failures, not the corpus's)."""

from klynge.importer import layout
from klynge.importer.bodies import fuller_body
from klynge.importer.parse import parse


def _items(doc):
    return [(i.number, i.title) for i in doc.items]


# --- headings ---------------------------------------------------------------------------------------------


def test_an_item_number_glued_to_the_previous_items_last_sentence_starts_the_next_item():
    doc = parse("Referat\ntil\nmødet i Ældrerådet\nden 3. marts 2026 kl. 10:00\n\n"
                "4. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.5. Orientering fra formanden\n\n"
                "Formanden orienterede om budgettet.\n\nBeslutning\n\nTaget til efterretning.6. Eventuelt\n\n"
                "Intet.\n")
    assert _items(doc) == [(4, "Godkendelse af dagsorden"), (5, "Orientering fra formanden"), (6, "Eventuelt")]


def test_an_abbreviation_or_a_date_before_a_number_is_no_glued_heading():
    assert layout.split_glued_number("Mødet varer ca.2. Timer") == ["Mødet varer ca.2. Timer"]
    assert layout.split_glued_number("Frist den 6.11. December") == ["Frist den 6.11. December"]


def test_a_role_word_between_v_slash_and_the_presenters_name_leaves_title_and_presenter():
    doc = parse("Referat af mødet den 3. marts 2026 kl. 10.00\n\n1. Godkendelse af dagsorden\n\n"
                "2. Demens i eget hjem, oplæg v/ sygeplejerske Hanne Krogh Madsen\n\n3. Eventuelt\n")
    item = doc.items[1]
    assert (item.title, item.presenter) == ("Demens i eget hjem, oplæg", "Hanne Krogh Madsen")


def test_ved_before_a_lower_case_phrase_is_no_presenter():
    doc = parse("Referat af mødet den 3. marts 2026 kl. 10.00\n\n1. Godkendelse af dagsorden\n\n"
                "2. Budget ved udgangen af Maj Kvartal\n\n3. Eventuelt\n")
    assert (doc.items[1].title, doc.items[1].presenter) == ("Budget ved udgangen af Maj Kvartal", None)


# --- kind -------------------------------------------------------------------------------------------------


def test_a_header_line_saying_referat_til_moedet_outranks_a_viewers_dagsorden_title():
    doc = parse("Dagsorden udskrift\n\nReferat til mødet i Handicaprådet den 3. marts 2026 kl. 10:00 i Byrådssalen\n\n"
                "1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\n2. Eventuelt\n\nBeslutning\n\nIntet.\n")
    assert doc.kind == "minutes"


def test_a_dagsorden_til_moedet_line_makes_an_agenda():
    doc = parse("Referatside\n\nDagsorden til mødet i Handicaprådet den 3. marts 2026 kl. 10:00\n\n"
                "1. Godkendelse af dagsorden\n\n2. Eventuelt\n")
    assert doc.kind == "agenda"


def test_a_title_that_opens_with_referat_keeps_its_kind_over_an_agenda_line_under_it():
    doc = parse("Referat\n\nDagsorden til mødet i Handicaprådet den 3. marts 2026 kl. 10:00\n\n"
                "1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\n2. Eventuelt\n")
    assert doc.kind == "minutes"


# --- body -------------------------------------------------------------------------------------------------


def test_a_full_body_name_under_a_short_title_name_is_the_body():
    doc = parse("Ældre og pleje - referat 03-03-2026\n\nSærligt udvalg vedr. ældreområdet og plejen\n\n"
                "Mødedato\n03-03-2026 Kl. 16:00\n\n1. Godkendelse af dagsorden\n\n2. Eventuelt\n")
    assert doc.body == "Særligt udvalg vedr. ældreområdet og plejen"


def test_a_body_line_that_does_not_repeat_the_title_name_does_not_replace_it():
    assert fuller_body("Ældre og pleje", "Handicaprådet") is None
    assert fuller_body("Seniorrådet", "Særligt udvalg vedr. seniorrådets arbejde") is None


def test_a_semicolon_after_a_title_that_introduces_a_list_is_no_part_of_it():
    doc = parse("Referat af menighedsrådsmøde den 3. marts 2026 kl. 19.00\n\n1. Godkendelse af dagsorden\n\n"
                "Godkendt.\n\n2. Kommende arrangementer;\n5./4. : Påskegudstjeneste,\n12./4. : Koncert kl. 16,\n")
    assert _items(doc) == [(1, "Godkendelse af dagsorden"), (2, "Kommende arrangementer")]


def test_text_after_a_run_of_spaces_on_a_heading_line_is_no_part_of_the_title():
    doc = parse("Referat af seniorrådets møde den 3. marts 2026 kl. 10.00\n\n1.Godkendelse af dagsorden. Godkendt.\n\n"
                "2.Kommunens budget, status og næste skridt  KB har vedtaget budgettet med et flertal\n")
    assert _items(doc) == [(1, "Godkendelse af dagsorden"), (2, "Kommunens budget, status og næste skridt")]


def test_a_run_of_spaces_inside_a_title_splits_it_only_where_a_title_can_end():
    assert layout.title_before_gap("Godkendelse af dagsorden", "3. Godkendelse af  dagsorden") \
        == "Godkendelse af dagsorden"
    assert layout.title_before_gap("Budget 2027", "3. Budget  2027") == "Budget 2027"
    assert layout.title_before_gap("Valg af nye medlemmer til rådet", "3. Valg  af  nye  medlemmer til rådet") \
        == "Valg af nye medlemmer til rådet"
    assert layout.title_before_gap("Ny plan for ældre om sundhed", "3. Ny plan for ældre  om sundhed") \
        == "Ny plan for ældre om sundhed"


# --- people -----------------------------------------------------------------------------------------------


def test_names_glued_to_the_organisation_of_the_name_before_them_are_read_without_it():
    from klynge.importer.parse import _names_in
    text = ("Eva Lund, KMD Bo Holm, Dansk Standard Per Ravn, Dansk Standard Ib Kofoed Berg, "
            "Rambøll Kim Aagaard Olsen, SKAT")
    assert _names_in(text) == ["Eva Lund", "Bo Holm", "Per Ravn", "Ib Kofoed Berg", "Kim Aagaard Olsen"]


def test_a_list_of_three_word_names_keeps_every_name_whole():
    from klynge.importer.parse import _names_in
    text = "Eva Lund, Anne Marie Holm, Jens Peter Ravn, Karl Erik Berg, Ole Bo Olsen"
    assert _names_in(text) == ["Eva Lund", "Anne Marie Holm", "Jens Peter Ravn", "Karl Erik Berg", "Ole Bo Olsen"]


def test_apologies_written_as_initials_are_the_members_the_list_gives_those_initials():
    doc = parse("Dagsorden til menighedsrådsmøde den 3. marts 2026 kl. 19.00\n\n"
                "Medlemmer: Jens Larsen (JL), Eva Birch Holm (EBH), Ole Berg (OB)\n\nAfbud fra: EBH (ferie), OB\n\n"
                "1. Godkendelse af dagsorden\n\n2. Eventuelt\n")
    assert doc.absent == ["Eva Birch Holm", "Ole Berg"]


def test_initials_no_member_has_give_no_apology():
    doc = parse("Dagsorden til menighedsrådsmøde den 3. marts 2026 kl. 19.00\n\n"
                "Medlemmer: Jens Larsen (JL), Ole Berg (OB)\n\nAfbud fra: KM\n\n"
                "1. Godkendelse af dagsorden\n\n2. Eventuelt\n")
    assert doc.absent == []


def test_a_label_without_a_colon_ends_the_list_of_apologies_above_it():
    doc = parse("Referat af Ældrerådets møde den 3. marts 2026 kl. 10.00\n\nAfbud\n\nJens Larsen, Ole Berg\n\nSted\n\n"
                "Rådhuset (mødesal 2)\n\nOrdstyrer\n\nFormand Eva Holm\n\n1. Godkendelse af dagsorden\n\n"
                "2. Eventuelt\n")
    assert doc.absent == ["Jens Larsen", "Ole Berg"]


def test_an_organisations_acronym_after_a_name_is_no_part_of_the_name():
    assert layout.trim_name("Martin Vibe SAND") == "Martin Vibe"
    assert layout.trim_name("Eva Holm") == "Eva Holm"
    assert layout.trim_name("Anne LUND") == "Anne LUND"
    assert layout.trim_name("Anne Marie HANSEN") == "Anne Marie HANSEN"  # a surname in capitals, not an acronym


def test_a_role_at_an_authority_before_a_name_is_no_part_of_the_name():
    assert layout.strip_roles("Koncerndirektør i Region Sjælland Eva Holm") == "Eva Holm"
    assert layout.strip_roles("Direktør for Odder Kommune Ib Lund") == "Ib Lund"
    assert layout.strip_roles("Eva Holm") == "Eva Holm"


def test_two_absent_members_joined_by_og_before_a_comma_are_both_apologies():
    doc = parse("Referat af lokaludvalgets møde den 3. marts 2026 kl. 18.00\n\nFraværende med afbud:\n"
                "Eva Holm og Ib Lund, Ole Berg deltog\nKim Dahl\n\n1. Godkendelse af dagsorden\n\n2. Eventuelt\n")
    assert sorted(doc.absent) == ["Eva Holm", "Ib Lund", "Kim Dahl"]


# --- run-on transcript titles -----------------------------------------------------------------------------


def test_a_description_in_sentences_between_a_run_on_title_and_its_presenter_is_no_part_of_the_title():
    t = layout._clean_title("Budget 2027 og frem Drøftelse af rammerne for næste års budget. v. Eva Holm (kl. 9.30)",
                            True)
    assert t.startswith("Budget 2027 og frem v. Eva Holm")
    t = layout._clean_title("Nyt fra sekretariatet Status på projekterne og den fælles plan. v. Ib Lund", True)
    assert t == "Nyt fra sekretariatet v. Ib Lund"


def test_a_run_on_title_without_a_description_keeps_its_words():
    t = layout._clean_title("Evaluering af Studietur til Naturparken, Sydfyn 10. juni 2026 v. Eva Holm", True)
    assert t.startswith("Evaluering af Studietur til Naturparken, Sydfyn 10. juni 2026")


def test_a_type_code_followed_by_a_full_stop_is_no_part_of_the_title():
    doc = parse("Referat af møde i styregruppen den 3. marts 2026 kl. 10.00\n\n1. Velkomst\n\n"
                "2. Drøftelse af tidsplan for udrulning (D).\n\nDrøftet.\n\n3. Evt.\n")
    assert _items(doc)[1] == (2, "Drøftelse af tidsplan for udrulning")
