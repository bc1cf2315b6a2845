"""Issue 12, twenty-seventh round (the seventh session): a general rule, not a layout's. Invented texts only."""

from tests.importer.conftest import read_normalised as _parse

COUNCIL_NOTICE = ("Det meddeles herved, at der afholdes ordinært kommunalbestyrelsesmøde tirsdag den 5. maj 2026 "
                  "kl. 17:30 i Forsamlingshuset, Hovedgaden 3\n\n\nDAGSORDEN\n \n\nÅbent møde:\n\n"
                  " • Beslutning om garantistillelse for Efterskolen\n • Godkendelse af takster på Dagtilbudsområdet\n"
                  " • Meddelelser fra borgmesteren\n\n\nLukket møde:\n\n • Salg af grund\n • Øvrige meddelelser\n\n\n"
                  "Det bemærkes at ændringer til dagsordenen kan forekomme.\n")


def test_a_section_label_right_under_the_agenda_label_does_not_end_the_bulleted_agenda():
    doc = _parse(COUNCIL_NOTICE)
    assert [i.title for i in doc.items] == ["Beslutning om garantistillelse for Efterskolen",
                                            "Godkendelse af takster på Dagtilbudsområdet",
                                            "Meddelelser fra borgmesteren", "Salg af grund", "Øvrige meddelelser"]
    assert all(i.number is None for i in doc.items)
    assert str(doc.date) == "2026-05-05"


def test_bullets_under_a_closed_meeting_label_are_closed_items():
    assert [i.closed for i in _parse(COUNCIL_NOTICE).items] == [False, False, False, True, True]


MINUTES_WITH_CLOSED_PART = ("Referat\nSocialudvalget\nMødedato: 5. maj 2026 kl. 17.00\n\n"
                            "1. Godkendelse af dagsorden\nBeslutning: Godkendt\n\n"
                            "2. Budget 2027\nBeslutning: Drøftet\n\n"
                            "Lukket møde\n\n3. Salg af grund\nBeslutning: Godkendt\n\n"
                            "4. Personalesag\nBeslutning: Godkendt\n")


def test_items_numbered_on_after_a_closed_meeting_label_are_closed():
    items = _parse(MINUTES_WITH_CLOSED_PART).items
    assert [(i.number, i.closed) for i in items] == [(1, False), (2, False), (3, True), (4, True)]


def test_an_open_part_label_after_the_closed_part_opens_the_items_again():
    text = MINUTES_WITH_CLOSED_PART.replace("4. Personalesag", "Åbent møde\n\n4. Eventuelt")
    assert [i.closed for i in _parse(text).items] == [False, False, True, False]


def test_a_closed_label_in_the_agenda_list_above_the_bodies_closes_the_bodies_it_lists_and_no_other():
    text = ("Referat\nSocialudvalget\nMødedato: 5. maj 2026 kl. 17.00\n\nDagsorden:\n1. Godkendelse af dagsorden\n"
            "2. Budget 2027\nLukket møde:\n3. Salg af grund\n\n"
            "1. Godkendelse af dagsorden\nBeslutning: Godkendt\n\n2. Budget 2027\nBeslutning: Drøftet\n\n"
            "3. Salg af grund\nBeslutning: Godkendt\n")
    items = _parse(text).items
    assert [(i.number, i.closed) for i in items] == [(1, False), (2, False), (3, True)]


USER_COUNCIL = ("Referat fra Brugerrådsmøde\n\nMødedato: 7. februar 2026\n\nDagsorden:\n\n1. Referat fra sidst.\n\n"
                "2. Orientering fra formand.\n\n3. Nyt fra personalet.\n\n4, Orientering fra kasserer.\n\n"
                "5. Orientering fra udvalgene.\n\n6. Evt..\n\n_ _ _\n\n1. Referat fra sidst.\n\nGodkendt.\n\n"
                "2. Orientering fra formand.\n\nFormanden fortalte om året.\n")


def test_a_number_missing_between_two_items_is_found_in_a_looser_form_in_the_gap():
    items = _parse(USER_COUNCIL).items
    assert [(i.number, i.title) for i in items] == [
        (1, "Referat fra sidst"), (2, "Orientering fra formand"), (3, "Nyt fra personalet"),
        (4, "Orientering fra kasserer"), (5, "Orientering fra udvalgene"), (6, "Evt.")]


def test_a_looser_number_form_outside_a_gap_is_no_item():
    text = USER_COUNCIL.replace("4, Orientering fra kasserer.", "4. Orientering fra kasserer.").replace(
        "Formanden fortalte om året.", "Formanden fortalte om året.\n\n7, Ingen flere punkter.")
    assert [i.number for i in _parse(text).items] == [1, 2, 3, 4, 5, 6]


def test_a_sentence_in_the_gap_is_no_item():
    text = USER_COUNCIL.replace("4, Orientering fra kasserer.", "4, det var alt vi nåede, og vi sluttede.")
    assert 4 not in [i.number for i in _parse(text).items]


def test_the_minutes_below_an_agenda_list_with_a_looser_number_stay_under_their_own_items():
    wrapped = ("5. Orientering fra div. udvalg: Aktivitetsudvalg, Caféudvalg, Bladudvalg,\n\n"
               "Kioskudvalg, Møde på Tværs-udvalg, EDB.\n\n6. Orientering fra Seniorråd.\n\n7. Nyt fra øvrige.")
    items = _parse(USER_COUNCIL.replace("5. Orientering fra udvalgene.", wrapped).replace("6. Evt..", "8. Evt..")).items
    assert [i.number for i in items] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert "Godkendt" in items[0].minutes and "Formanden fortalte" in items[1].minutes
    assert "Formanden" not in items[-1].minutes


YOUTH_COUNCIL = ("Ungerådsmøde d. 8. april 2026\n\n1. Opgave og procesplan\n\nVi starter fælles.\n\n"
                 "2. Assens sundhedspolitik (Matilde)\n\nMail fra konsulenten.\n\n3. Politikpapirer (Emma)\n\n"
                 "Skal vi udvikle papirer?\n\n4. SoMe strategi\n\nUdskydes.\n")


def test_first_names_in_brackets_closing_several_titles_are_the_presenters():
    items = _parse(YOUTH_COUNCIL).items
    assert [(i.title, i.presenter) for i in items] == [
        ("Opgave og procesplan", None), ("Assens sundhedspolitik", "Matilde"), ("Politikpapirer", "Emma"),
        ("SoMe strategi", None)]


def test_a_purpose_in_brackets_keeps_every_bracket_in_its_title():
    text = YOUTH_COUNCIL.replace("(Emma)", "(Orientering)")
    assert [i.presenter for i in _parse(text).items] == [None, None, None, None]


def test_one_bracketed_name_alone_is_left_in_the_title():
    text = YOUTH_COUNCIL.replace(" (Emma)", "")
    assert _parse(text).items[1].title == "Assens sundhedspolitik (Matilde)"


GRAVEYARD_BOARD = ("Referat af møde i kirkegårdsbestyrelsen torsdag den 21. april 2026\n\n"
                   "1. Godkendelse af referat fra sidste møde den 15. marts 2026. "
                   "Bestyrelsens beslutning.: Godkendt\n\n"
                   "2. Udarbejdelse af budget for 2027. Bestyrelsens beslutning.: Budgettet blev drøftet.\n\n"
                   "3. Eventuelt.: Intet\n")


def test_a_bodys_decision_label_and_a_full_stop_before_a_colon_end_the_title():
    items = _parse(GRAVEYARD_BOARD).items
    assert [i.title for i in items] == ["Godkendelse af referat fra sidste møde den 15. marts 2026",
                                        "Udarbejdelse af budget for 2027", "Eventuelt"]
    assert "Godkendt" in items[0].minutes and items[2].minutes.startswith("Intet")


def test_a_colon_inside_a_title_after_an_abbreviation_is_left_alone():
    text = GRAVEYARD_BOARD.replace("3. Eventuelt.: Intet", "3. Orientering vedr.: Kirkegårdens træer")
    assert _parse(text).items[2].title.startswith("Orientering vedr")


def test_who_was_chosen_after_a_dash_is_the_items_minutes_not_its_title():
    text = ("Referat af forældrebestyrelsesmøde onsdag den 17. september 2026\n\n1. Godkendelse af dagsorden\n\n"
            "Godkendt.\n\n2. Valg af referent – Andreas blev valgt\n\n3. Eventuelt\n\nIntet.\n")
    item = _parse(text).items[1]
    assert item.title == "Valg af referent" and "Andreas blev valgt" in item.minutes


def test_a_title_that_names_what_is_to_be_chosen_keeps_it():
    text = ("Dagsorden for forældrebestyrelsesmøde onsdag den 17. september 2026\n\n1. Godkendelse af dagsorden\n\n"
            "2. Valg af referent – hvem er valgt til næste år\n\n3. Eventuelt\n")
    assert _parse(text).items[1].title == "Valg af referent – hvem er valgt til næste år"


def test_attached_files_named_after_a_colon_are_no_part_of_the_title():
    text = ("Referat Kulturskolens bestyrelse 25. oktober 2026\n\n1Godkendelse af dagsorden\nRef.Godkendt\n"
            "2Orientering om bestyrelsens arbejde:Vedtægter for Kulturskolen 2014.pdfVedtægter for Kulturskolen "
            "2014.pdf\nRef.Taget til efterretning\n3Budget:Budget ansøgning 2027.xlsx\nRef.Drøftet\n")
    items = _parse(text).items
    assert [i.title for i in items] == ["Godkendelse af dagsorden", "Orientering om bestyrelsens arbejde", "Budget"]
    assert "Vedtægter for Kulturskolen 2014.pdf" in items[1].minutes


def test_a_colon_in_a_title_without_a_file_name_after_it_stays():
    text = ("Referat Kulturskolens bestyrelse 25. oktober 2026\n\n1Godkendelse af dagsorden\nRef.Godkendt\n"
            "2Budget 2027: Første udkast\nRef.Drøftet\n3Eventuelt\nRef.Intet\n")
    assert _parse(text).items[1].title == "Budget 2027: Første udkast"


def test_initials_after_v_slash_present_the_item_and_capitals_after_plain_ved_stay_in_the_title():
    from klynge.importer.parse import _split_heading

    assert _split_heading("Kirkeværge v/DSC.")[:2] == ("Kirkeværge", "DSC")
    assert _split_heading("Aktivitetsudvalget v/FAS")[:2] == ("Aktivitetsudvalget", "FAS")
    assert _split_heading("Regnskab v. HT/BZ")[:2] == ("Regnskab", "HT/BZ")
    assert _split_heading("Kommunernes budget ved KL")[:2] == ("Kommunernes budget ved KL", None)


def test_an_agenda_groups_label_run_onto_a_title_and_a_leading_journal_number_are_no_part_of_it():
    from klynge.importer.parse import _split_heading

    title, *_, tail = _split_heading("Meddelelser fra direktionen Sager til beslutning")
    assert title == "Meddelelser fra direktionen" and tail == "Sager til beslutning"
    assert _split_heading("Anlægspulje 2018 Sager til orientering/drøftelse")[0] == "Anlægspulje 2018"
    title, *_, tail = _split_heading("J.nr. 5 DanFiber salg af aktier")
    assert title == "DanFiber salg af aktier" and tail == "J.nr. 5"
    assert _split_heading("Sager til beslutning om budget")[0] == "Sager til beslutning om budget"


ONE_CLOSED_ITEM = ("Referat\nSocialudvalget\nMødedato: 5. maj 2026 kl. 17.00\n\n1. Godkendelse af dagsorden\n"
                   "Beslutning: Godkendt\n\n2. Budget 2027\nBeslutning: Drøftet\n\nLukket punkt\n3. Salg af grund\n"
                   "Beslutning: Godkendt\n\n4. Eventuelt\nBeslutning: Intet\n")


def test_a_closed_mark_on_the_line_right_above_a_heading_closes_that_item_not_the_one_above():
    items = _parse(ONE_CLOSED_ITEM).items
    assert [(i.number, i.closed) for i in items] == [(1, False), (2, False), (3, True), (4, False)]
    assert "Lukket" not in items[1].minutes


def test_a_closed_mark_under_a_heading_or_apart_from_the_next_one_closes_its_own_item():
    below = ONE_CLOSED_ITEM.replace("Lukket punkt\n3. Salg af grund\n", "3. Salg af grund\nLukket punkt\n")
    assert [i.closed for i in _parse(below).items] == [False, False, True, False]
    apart = ONE_CLOSED_ITEM.replace("Lukket punkt\n3. Salg af grund\n", "Lukket punkt\n\n3. Salg af grund\n")
    assert [i.closed for i in _parse(apart).items] == [False, True, False, False]


def test_a_closed_part_labelled_in_other_words_closes_the_items_below_it():
    for label in ("Lukket del af mødet", "Punkter til behandling for lukkede døre", "For lukkede døre:"):
        text = MINUTES_WITH_CLOSED_PART.replace("Lukket møde", label)
        assert [i.closed for i in _parse(text).items] == [False, False, True, True], label
