"""Issue 12, thirty-second round (the twelfth session). Invented texts only."""

from klynge.importer import layout
from tests.importer.conftest import closed_items_of as _items
from tests.importer.conftest import read_normalised


def test_a_heading_ending_in_a_full_stop_does_not_take_the_next_sentence_into_its_title():
    text = ("Referat af menighedsrådsmøde tirsdag den 6. marts 2012 kl. 19.00\n\n"
            "1. Godkendelse af dagsorden\nGodkendt.\n\n"
            "2. Kirkeblad for foråret, deadline for dette og gode ideer til forsiden.\n"
            "Kirkebladet går i trykken 9. maj med billeder af årets konfirmander \n\n"
            "3. Eventuelt\nIntet.\n")
    assert [i[:2] for i in _items(text)] == [(1, "Godkendelse af dagsorden"),
                                            (2, "Kirkeblad for foråret, deadline for dette og gode ideer til forsiden"),
                                            (3, "Eventuelt")]


def test_a_wrapped_heading_without_a_full_stop_still_takes_its_rest():
    text = ("Referat af menighedsrådsmøde tirsdag den 6. marts 2012 kl. 19.00\n\n"
            "1. Godkendelse af dagsorden\nGodkendt.\n\n"
            "2. Orientering om den kommende renovering af kirkegårdens kapel og\n"
            "graverfaciliteter\n\nRådet tog orienteringen til efterretning.\n\n"
            "3. Eventuelt\nIntet.\n")
    assert _items(text)[1][1] == ("Orientering om den kommende renovering af kirkegårdens kapel og "
                                  "graverfaciliteter")


def test_a_decision_sentence_in_the_present_tense_after_the_title_is_not_part_of_it():
    text = ("Referat af provstiudvalgsmøde torsdag den 27. april 2023 kl. 9.00\n\n"
            "1 - Godkendelse af dagsordenen. Provstiudvalget godkender dagsordenen.\n\n"
            "2 - Kirkegårdstakster 2024. Provstiudvalget tiltræder taksterne.\n\n"
            "3 - Eventuelt\n\nIntet.\n")
    assert [i[:2] for i in _items(text)] == [(1, "Godkendelse af dagsordenen"), (2, "Kirkegårdstakster 2024"),
                                            (3, "Eventuelt")]


def test_the_date_agreed_after_next_meeting_and_a_stop_or_colon_is_not_part_of_the_title():
    text = ("Referat af menighedsrådsmøde tirsdag den 6. marts 2012 kl. 19.00\n\n"
            "1. Godkendelse af dagsorden\nGodkendt.\n\n"
            "2. Næste møde. Torsdag d. 21. april, kl. 17.00 i sognehuset\n\n"
            "3. Næste Menighedsrådsmøde: 4. okt.\n")
    assert [i[1] for i in _items(text)] == ["Godkendelse af dagsorden", "Næste møde", "Næste Menighedsrådsmøde"]


def test_a_date_written_straight_after_next_meeting_stays_in_the_title():
    text = ("Referat af bestyrelsesmøde tirsdag den 6. marts 2012 kl. 19.00\n\n"
            "1. Godkendelse af dagsorden\nGodkendt.\n\n"
            "2. Næste møde den 28. september 2017\n")
    assert _items(text)[1][1] == "Næste møde den 28. september 2017"


def test_an_item_page_whose_title_opens_the_page_keeps_its_one_numbered_item():
    text = ("Mødedato: 29.01.2007, kl. 15:00\n\nOrientering om tilskud\n\nOrientering om tilskud\n\n"
            "Folkeoplysningsudvalget\n\nBESLUTNINGSPROTOKOL\n\nfra ordinært møde mandag den 29. januar 2007\n\n"
            "7.      Orientering om tilskud\n\n(FOU   8/2007)\n\nINDSTILLING OG BESLUTNING\n\n"
            "Formanden orienterede kort om tilskuddene.\n\n"
            "Materiale omdelt på mødet:\n\n1)     Oversigt over tilskud\n\n2)     Brev fra forvaltningen\n")
    assert [i[:2] for i in _items(text)] == [(7, "Orientering om tilskud")]



def test_only_the_pages_own_first_lines_name_an_item_page():
    lines = ["Mødedato: 29.01.2007", "", "Meddelelser", "Meddelelser", "Udvalget", "BESLUTNINGSPROTOKOL", "",
             "Vi drøftede budgettet.", "Budget", "3. Budget"]
    assert layout._titles_the_page(layout.Candidate(9, 3, "Budget", 2.0, "numbered"), lines) is False
    assert layout._titles_the_page(layout.Candidate(9, 3, "Meddelelser", 2.0, "numbered"), lines) is True


def test_a_presenting_role_and_name_after_the_titles_comma_is_the_presenter():
    text = ("Referat af skolebestyrelsesmøde tirsdag den 10. august 2010 kl. 18.30\n\n"
            " 1. Konstituering af skolebestyrelsen, Claus Løvendahl:\n  Formand: Kim Juul Ibsen.\n"
            " 2. Tilknytning til klasser, formanden/Per Skøt:\n  Datoer sendes rundt.\n"
            " 3. Fordeling af udvalgsposter, skolelederen/Per Skøt:\n  Forretningsudvalg.\n")
    items = read_normalised(text).items
    assert [(i.title, i.presenter) for i in items] == [
        ("Konstituering af skolebestyrelsen", "Claus Løvendahl"),
        ("Tilknytning til klasser", "formanden/Per Skøt"),
        ("Fordeling af udvalgsposter", "skolelederen/Per Skøt")]


# one 'Punkt N' item whose text is each reporter's own numbered list
REPORTERS = ("Referat\n\nUNGDOMSSKOLEBESTYRELSEN\n\nMødedato:       Torsdag d. 25 oktober  2007.\n\n"
             "Punkt 17.\n\nSiden sidst. Orientering.\n\nFormanden:\n\n1.    Velkommen til de nye medlemmer.\n\n"
             "Formanden bød velkommen.\n\n2.    Midler til klubber\n\nBudgettet er vedtaget.\n\n"
             "Ungdomsskoleinspektøren:\n\n1.    Ungdomshus i byen\n\nForslag om lokaler.\n\n2.    SSP\n\n"
             "Arbejdsgruppen er nedsat.\n")


def test_numbered_lists_that_start_again_under_one_punkt_heading_are_its_text():
    assert [i[:2] for i in _items(REPORTERS)] == [(17, "Siden sidst. Orientering.")]


def test_the_rule_needs_two_restarted_lists_one_list_under_a_punkt_heading_is_read_as_before():
    once = REPORTERS.split("Ungdomsskoleinspektøren:")[0]
    assert [i[0] for i in _items(once)] == [1, 2]


def test_a_file_link_printed_twice_after_the_title_is_cut_off_also_before_a_time_slot():
    text = ("Referat af bestyrelsesmøde onsdag den 11. november 2015 kl. 19.00\n\n"
            "1Godkendelse af dagsorden 19.00 - 19.05\n\nGodkendt.\n\n"
            "2Elevfordeling på fag elevstatistik 221015.pdfelevstatistik 221015.pdf 20.10 - 20.15\n\nDrøftet.\n\n"
            "3Budget 2016 Budgetberegning 2016.pdfBudgetberegning 2016.pdf\n\nGodkendt.\n")
    items = read_normalised(text).items
    assert [i.title for i in items] == ["Godkendelse af dagsorden", "Elevfordeling på fag", "Budget 2016"]
    assert items[1].start is not None and items[1].start.hour == 20


def _with_header(header: str) -> str:
    return (f"Referat af møde i Ældrerådet torsdag den 20. august 2015 kl. 9.00\n\n{header}\n\n"
            "1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\nIntet.\n")


def test_a_list_of_absent_names_ending_in_all_with_apologies_keeps_every_name():
    parsed = read_normalised(_with_header(
        "Deltagere:\nAnne Hansen, Bo Jensen\n\nFraværende:\n"
        "Mogens Rasmussen, Inge Lodberg, Lene Glesner og Jette Erichsen, alle med afbud."))
    assert parsed.absent == ["Mogens Rasmussen", "Inge Lodberg", "Lene Glesner", "Jette Erichsen"]


def test_absent_with_apologies_after_a_sentence_on_the_attendance_line_is_an_apology_not_an_attendee():
    parsed = read_normalised(_with_header(
        "Deltagere: Helga Blomgreen, Hanne Hovmøller, Harry Schrøder.\n"
        "Peter  Nørgaard og Else Marie Birk deltog også i mødet.  Fraværende med afbud: Hans Henrik Knudsen"))
    assert parsed.absent == ["Hans Henrik Knudsen"]
    assert "Hans Henrik Knudsen" not in [a.name for a in parsed.attendees]


def test_a_member_named_with_his_role_above_the_list_that_names_him_again_attends_once():
    parsed = read_normalised(_with_header(
        "Til stede:\nFormand Søren D. Sørensen (SDS)\nMødeleder Inge Jacobsen (IJ)\nTage Sørensen (TS)\n"
        "Leif Bentsen (LB)\n\n"  # the same list again on one line, cut off by the page
        "Formand Søren D. Sørensen (SDS) Mødeleder Inge Jacobsen (IJ) Tage Sørensen (TS) Leif Bentsen (LB"))
    names = [a.name for a in parsed.attendees]
    assert sorted(names) == sorted(set(names)) and "Tage Sørensen" in names


def test_a_place_ends_before_the_sentence_goes_on_with_and_and_a_verb():
    assert layout.place_end("Regionshuset på Alleen 15, 4180 Sorø og er åbent for offentligheden") == \
        "Regionshuset på Alleen 15, 4180 Sorø"
    assert layout.place_end("Kirke- og Sognehuset") == "Kirke- og Sognehuset"


def test_a_substitute_named_after_a_dash_and_stedfortraeder_attends_for_the_absent_member():
    parsed = read_normalised(_with_header(
        "Deltagere:\n • Anne Hansen, V\n • Bo Jensen, A\n\n • Afbud\n\n"
        " • Andrea Terp, A - Vibeke Hejnfelt stedfortræder\n • Peter Kofod Poulsen, O\n"))
    assert "Vibeke Hejnfelt" in [a.name for a in parsed.attendees]
    assert "Andrea Terp" in parsed.absent and "Vibeke Hejnfelt" not in parsed.absent


def test_a_label_word_run_onto_a_name_is_not_part_of_it():
    assert layout.trim_name("Fraværende Birgit Pedersen") == "Birgit Pedersen"
    assert layout.trim_name("Godkendt Emilly L. K. Pedersen") == "Emilly L. K. Pedersen"
    assert layout.trim_name("Afbud Hansen") == "Afbud Hansen"  # two words: too little to tell a label from a name


def test_a_list_of_apologies_the_page_wrapped_goes_on_on_the_lines_below():
    parsed = read_normalised(_with_header(
        "Afbud: Nick Hansen, Kristine Hald Mikkelsen, Andreas Jensen,\n"
        "Freja-Maria Olesen, Sylvester Schuster, Toufic\nAwada, Rasmus Andersen.\n\nReferent: Bo Berg"))
    assert parsed.absent == ["Nick Hansen", "Kristine Hald Mikkelsen", "Andreas Jensen", "Freja-Maria Olesen",
                             "Sylvester Schuster", "Toufic Awada", "Rasmus Andersen"]


LETTERED_ONLY = ("REFERAT FRA MØDE MANDAG D. 17. AUGUST 2020\n\nFaste punkter\n\n"
                 "a. Godkendelse af referat (1 bilag)\nGodkendt.\n\nb. Godkendelse af dagsorden\nGodkendt.\n\n"
                 "c. Skoleforum\nNæste møde ligger i september.\n\nd. Meddelelser\nOpstarten er gået fint.\n")


def test_a_document_that_numbers_no_item_but_letters_them_in_lower_case_has_those_items():
    parsed = read_normalised(LETTERED_ONLY)
    assert [(i.number, i.title) for i in parsed.items] == [
        (None, "Godkendelse af referat (1 bilag)"), (None, "Godkendelse af dagsorden"), (None, "Skoleforum"),
        (None, "Meddelelser")]
    assert any("bogstav" in w.message for w in parsed.warnings)


def test_lower_case_letters_under_numbered_items_stay_sub_points():
    text = LETTERED_ONLY.replace("Faste punkter\n\n", "1. Faste punkter\n\n") + "\n2. Eventuelt\nIntet.\n"
    assert [i[:2] for i in _items(text)] == [(1, "Faste punkter"), (2, "Eventuelt")]


def test_members_present_but_for_those_who_sent_apologies_are_the_apologies():
    parsed = read_normalised(_with_header(
        "Medlemmerne var mødt, bortset fra Anne V. Kristensen, Alice Espeholt og Tove Videbæk, der havde meldt "
        "afbud. Jonas Dahl forlod mødet efter punkt 3."))
    assert parsed.absent == ["Anne V. Kristensen", "Alice Espeholt", "Tove Videbæk"]


BOARD_FILE = ("080616 BESTYRELSESMØDE\n\nDagsorden/Referat\nMødeforumKulturskolens bestyrelse\n\n"
              "PktDagsorden og referat.\n1Godkendelse af dagsorden\nRef.Godkendt\n"
              "2Meddelelser: 18.35\nRef.Ingen\n3Økonomi 19.00\nRef.Regnskabet blev gennemgået.\n")


def test_a_boards_file_style_date_opening_its_heading_is_the_meeting_date():
    import datetime

    assert read_normalised(BOARD_FILE).date == datetime.date(2016, 6, 8)
    assert read_normalised(BOARD_FILE.replace("080616", "083016")).date is None  # no 30th month


def test_a_bare_time_after_two_titles_is_each_items_start():
    items = read_normalised(BOARD_FILE).items
    assert [(i.title, i.start and i.start.strftime("%H:%M")) for i in items] == [
        ("Godkendelse af dagsorden", None), ("Meddelelser", "18:35"), ("Økonomi", "19:00")]


def test_one_bare_time_after_a_title_stays_in_it():
    items = read_normalised(BOARD_FILE.replace("Meddelelser: 18.35", "Meddelelser")).items
    assert items[2].title == "Økonomi 19.00"


def test_the_officers_listed_from_the_administration_are_guests_and_their_apologies_apologies():
    parsed = read_normalised(_with_header(
        "Deltagere:\nKurt Scheelsbeck (formand)\nMichael Ziegler\nOle Hyldahl (afbud)\n\n"
        "Fra administrationen:\nLars Holte\nJørgen Lerhard (afbud)\nPer Aalbæk Nielsen"))
    assert [a.name for a in parsed.attendees] == ["Kurt Scheelsbeck", "Michael Ziegler"]
    assert [g.name for g in parsed.guests] == ["Lars Holte", "Per Aalbæk Nielsen"]
    assert parsed.absent == ["Ole Hyldahl", "Jørgen Lerhard"]


PLAIN_AGENDA = ("Der afholdes ordinært kommunalbestyrelsesmøde i Kantinen på rådhuset, tirsdag den 7. oktober 2025 "
                "kl. 17.30.\nDAGSORDEN\nÅbent møde:\nGodkendelse af dagsorden\n"
                "2. behandling af Budget 2026 og overslagsår 2027, 2028 og 2029\nOpsætning valgplakater KV 2025\n"
                "Anlægsbevilling til fællesarealer ved Kolby Forsamlingshus\nGodkendelse af Kommuneplan 2025\n"
                "Afklaring af kommunale bygninger\nOrientering om formandsbeslutning\nMeddelelser fra borgmesteren\n"
                "Lukket møde:\nEfterretningsliste\nØvrige meddelelser\n"
                "Dagsordenen er fremlagt på Rådhuset samt på linket her (dagsordenen åbner i en ny fane).\n")


def test_an_agenda_of_plain_lines_under_open_and_closed_labels_is_read_whole():
    items = read_normalised(PLAIN_AGENDA).items
    assert [i.title for i in items][:4] == ["Godkendelse af dagsorden",
                                            "2. behandling af Budget 2026 og overslagsår 2027, 2028 og 2029",
                                            "Opsætning valgplakater KV 2025",
                                            "Anlægsbevilling til fællesarealer ved Kolby Forsamlingshus"]
    assert len(items) == 10 and [i.closed for i in items][-3:] == [False, True, True]
    assert all(i.number is None and i.presenter is None for i in items)


def test_a_short_plain_list_that_runs_into_text_is_still_no_agenda():
    text = ("Referat fra mødet den 3. marts 2020\nDagsorden:\nVelkomst\nBudget\nEventuelt\n"
            "Vi talte om budgettet, som blev godkendt.\n")
    assert not any(i.title == "Budget" for i in read_normalised(text).items)


ASSEMBLY = ("Referat fra generalforsamlingen 27. oktober 2015\n\nAfholdt 27.10.2015 kl. 19.00 på Kulsviergården\n\n"
            "Dagsorden:\n\nValg af dirigent.\n\nBestyrelsens beretning\n\nForelæggelse af regnskab\n\n"
            "Indkomne forslag\n\nEventuelt.\n\n \n\nFormanden bød velkommen og foreslog Flemming Nielsen som "
            "dirigent. Der var fuld opbakning.\n")


def test_an_agenda_of_plain_titles_one_blank_line_apart_is_read():
    assert [i.title for i in read_normalised(ASSEMBLY).items] == [
        "Valg af dirigent", "Bestyrelsens beretning", "Forelæggelse af regnskab", "Indkomne forslag", "Eventuelt"]


def test_three_short_lines_one_blank_line_apart_are_too_few_for_an_agenda():
    text = ASSEMBLY.replace("Forelæggelse af regnskab\n\nIndkomne forslag\n\n", "")
    assert read_normalised(text).items == []


def test_a_dotless_heading_may_begin_with_an_acronyms_genitive_without_an_apostrophe():
    text = ("Dagsorden til møde i Ø udvalget torsdag den 1. september 2022 kl. 19.00\n\n"
            "1 Referat fra sidste møde.\nDer henvises til referatet.\n\n2 Udvidelse af containerplads.\n\n"
            "3 AABs boliger på Fur.\n\n4 Færgepriser.\n\n5 Eventuelt.\n")
    assert [i[:2] for i in _items(text)][2] == (3, "AABs boliger på Fur")


def test_the_warning_for_a_list_of_plain_lines_does_not_speak_of_bullets_alone():
    messages = [w.message for w in read_normalised(PLAIN_AGENDA).warnings]
    assert any("med eller uden punkttegn" in m for m in messages)


def test_apologies_from_a_member_and_her_substitute_are_both_apologies():
    parsed = read_normalised(_with_header("Afbud fra Charlotte Lomholdt og stedfortræder Trine Würtz Hansen."))
    assert parsed.absent == ["Charlotte Lomholdt", "Trine Würtz Hansen"]


def test_a_title_followed_by_its_text_beginning_with_the_same_words_keeps_the_title_and_the_text():
    text = ("Referat bestyrelsesmøde den 07.09.2021\n\n1 Referat\nGodkendt.\n\n2 Skolenyt\nIntet.\n\n"
            "3 Præsentation af Rikke Thrane Præsentation af Rikke Thrane ny efterskoleleder ansat pr. 1. august.\n\n"
            "4 Eventuelt\nIntet.\n")
    item = read_normalised(text).items[2]
    assert item.title == "Præsentation af Rikke Thrane"
    assert "ny efterskoleleder" in item.minutes
