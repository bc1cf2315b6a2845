"""Issue 12, thirty-sixth round (the sixteenth session). Invented texts only."""

import pytest

from klynge.importer import glued_contents, layout
from klynge.importer.parse import NoMeetingFound
from tests.importer.conftest import contents_entries_of, read_normalised

PORTAL_PAGE = """310821 - Ordinært møde

Udvalg
Kommunalbestyrelsen
Dato
31. August 2021 -
Titel
Forside

Sagsfremstilling

Medlemmer:
Aviaja Olsen (IA)
Hans Berthelsen (S)

Godkendelse af dagsorden

Sagsfremstilling

Dagsordenen godkendes.

Meddelelser

Sagsfremstilling

Borgmesteren orienterede om mødet med naboerne.

Budgetopfølgning for 2. kvartal

Sagsfremstilling

Der er et mindreforbrug på driften.
"""


def test_a_portal_page_whose_cases_each_carry_one_description_label_has_those_cases_as_items():
    meeting = read_normalised(PORTAL_PAGE)
    assert [(i.number, i.title) for i in meeting.items] == [
        (None, "Godkendelse af dagsorden"), (None, "Meddelelser"), (None, "Budgetopfølgning for 2. kvartal")]


def test_two_lone_description_labels_are_too_few_to_make_the_lines_above_them_items():
    text = ("Referat af mødet i rådet\n\nGodkendelse af dagsorden\n\nSagsfremstilling\n\nGodkendt.\n\n"
            "Eventuelt\n\nSagsfremstilling\n\nIntet.\n")
    with pytest.raises(NoMeetingFound):
        read_normalised(text)


def test_lone_minutes_labels_do_not_make_the_line_above_each_an_item():
    text = ("Referat af mødet i rådet\n\nGodkendelse af dagsorden\nIndhold:\nGodkendt uden ændringer\n"
            "Referat\nGodkendt\n\nGodkendelse af referat\nIndhold:\nReferat fra mødet den 1.2.2022\nReferat\n"
            "Godkendt\n\nEventuelt\nIndhold:\nIntet at bemærke her\nReferat\nIntet\n")
    try:
        titles = [i.title for i in read_normalised(text).items]
    except NoMeetingFound:
        titles = []
    assert "Referat fra mødet den 1.2.2022" not in titles


def test_an_item_about_two_roles_joined_by_a_slash_keeps_both_in_its_title():
    text = ("Referat af møde i Ældrerådet den 15. maj 2018\n\n1. Godkendelse af dagsorden\nGodkendt.\n\n"
            "2. Orientering fra formand / næstformand\nFormanden orienterede.\n\n3. Regnskab / kassereren\nGodkendt.\n")
    items = read_normalised(text).items
    assert [(i.title, i.presenter) for i in items[1:]] == [
        ("Orientering fra formand / næstformand", None), ("Regnskab", "kassereren")]


def test_two_places_joined_by_a_slash_end_a_run_on_title_instead_of_starting_one():
    assert glued_contents.split_titles(
        "Status på byggeplanlægning Rønde/Kolind Orientering fra forvaltningen Eventuelt") == [
        "Status på byggeplanlægning Rønde/Kolind", "Orientering fra forvaltningen", "Eventuelt"]


def test_the_members_all_present_but_some_name_those_some_as_apologies_without_a_reason_given():
    text = ("Referat til mødet i regionsrådet den 23. november 2021 kl. 13:30\n\n"
            "Alle medlemmer var mødt undtagen fra Signe Lund, Mette Holm og Rasmus Foged.\n\n"
            "1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\nIntet.\n")
    assert read_normalised(text).absent == ["Signe Lund", "Mette Holm", "Rasmus Foged"]


def test_a_member_whom_a_substitute_replaced_is_an_apology_and_the_substitute_is_not():
    text = ("Referat af byrådets møde den 14. marts 2019\n\n1. Godkendelse af dagsorden\nGodkendt.\n\n"
            "Inger Andersen (A) deltog i mødet i stedet for Tanja Larsson (A).\n\n"
            "2. Budget\nByrådet indstiller, at Ove Holm indtræder som stedfortræder for Per Thomsen, og at budgettet "
            "godkendes.\n")
    assert read_normalised(text).absent == ["Tanja Larsson", "Per Thomsen"]


def test_a_name_written_twice_with_a_slip_in_its_middle_name_is_one_apology():
    text = ("Referat af udvalgets møde den 24. juni 2019\n\nDeltagere:\nLars Søe (B)\n"
            "Brigitte Klintskov Jerkel (C)- afbud\n\n1. Godkendelse af dagsorden\nGodkendt.\n\n"
            "Ellen Knudsen (C) deltog som stedfortræder for Brigitte Klinskov Jerkel.\n\n2. Eventuelt\nIntet.\n")
    assert read_normalised(text).absent == ["Brigitte Klintskov Jerkel"]


def test_an_absence_label_run_on_inside_a_transcripts_header_gives_its_names_up_to_the_next_label():
    text = ("1 Referat Byråd Ordinært møde Dato 25. februar 2009 Tid 19:00 Sted Rådhuset Fraværende Hans Jørgen "
            "Kaptain, Frode Thule Jensen Stedfortræder Medlemmer Hans Holm (V) Eva Berg (A)\n\n"
            "2 Side 2 Fraværende: Carla Madsen og Jens Chr. Golding Punkt nr. 42: Forslag til vedtægt "
            "Sagsfremstilling\n\n"
            "1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\nIntet.\n")
    assert read_normalised(text).absent == [
        "Hans Jørgen Kaptain", "Frode Thule Jensen", "Carla Madsen", "Jens Chr. Golding"]


def test_names_a_transcript_ran_together_without_a_comma_after_an_absence_label_are_not_guessed_at():
    text = ("1 Referat af bestyrelsesmøde den 6. april 2016 kl. 10 hos styrelsen, mødelokale 3. Fraværende: Bo "
            "Normander Jan Kunstmann Betina Nygaard Dagsorden: 1) Godkendelse\n\n"
            "1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\nIntet.\n")
    assert read_normalised(text).absent == []


def test_the_name_after_an_inline_absence_label_ends_before_the_place_it_comes_from():
    text = ("1 Referat af bestyrelsesmøde den 27. januar 2017 kl. 10 i Aalborg. Deltagere: Bo Holm. Afbud: Knud "
            "Kristensen Vesthimmerlands Kommune Tobias Birch Johansen Læsø Kommune Gæster: Frank Holm\n\n"
            "1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\nIntet.\n")
    assert read_normalised(text).absent == ["Knud Kristensen"]


def test_numbered_news_inside_a_portal_pages_case_are_its_text_not_the_items():
    text = PORTAL_PAGE.replace(
        "Borgmesteren orienterede om mødet med naboerne.\n",
        "2a. Meddelelser fra borgmesteren\n\n 1. D. 3. oktober var borgmesteren indkaldt til koordineringsmøde om "
        "minen ved fjorden.\n 2. D. 12. oktober havde lokaludvalget et konstituerende møde. Borgmesteren bød dem "
        "velkommen.\n 3. D. 18. oktober blev venskabsbyaftalen underskrevet.\n")
    meeting = read_normalised(text)
    assert [(i.number, i.title) for i in meeting.items] == [
        (None, "Godkendelse af dagsorden"), (None, "Meddelelser"), (None, "Budgetopfølgning for 2. kvartal")]
    assert "venskabsbyaftalen" in meeting.items[1].description + meeting.items[1].minutes


def test_a_kind_code_beside_the_minutes_allotted_in_a_bracket_is_no_part_of_the_title():
    text = ("Referat af skolebestyrelsesmøde den 23. oktober 2025\n\nPunkt 1. Skoleleder og forperson  (O - 15 min)\n"
            "Orientering.\n\nPunkt 2. Forældrehenvendelser (D – 20 min)\nDrøftet.\n\n"
            "Punkt 3. Velkommen og opfølgning fra sidst (5 min./O)\nIntet.\n")
    assert [i.title for i in read_normalised(text).items] == [
        "Skoleleder og forperson", "Forældrehenvendelser", "Velkommen og opfølgning fra sidst"]


def test_who_presents_an_item_in_a_bracket_at_its_end_is_its_presenter_and_an_attachment_note_stays():
    text = ("Referat af skolebestyrelsesmøde den 26. september 2017\n\n1. Valg af ordstyrer\nAnne.\n\n"
            "2. Bemærkninger til referat fra sidst (vedhæftet)\nIngen.\n\n"
            "3. Orientering fra Skolerådet: (v. AS/HE)\nSkolerådet har holdt møde.\n")
    items = read_normalised(text).items
    assert [(i.title, i.presenter) for i in items[1:]] == [
        ("Bemærkninger til referat fra sidst (vedhæftet)", None), ("Orientering fra Skolerådet", "AS/HE")]


def test_an_inline_absence_label_leaves_out_a_partial_absence_a_party_letter_and_the_meeting_room():
    header = ("1 ÅBENT REFERAT ØKONOMIUDVALG Mødedato: 16. juni 2009 Mødested: Byrådssal Deltagere: Eva Holm, "
              "Per Jeppesen, Knud Bjerre Fraværende: Knud Bjerre, Per Jeppesen deltog ikke i pkt. 7 og 8")
    assert layout.apologies_in([header]) == ["Knud Bjerre"]
    assert layout.apologies_in(["Medlemmer Eva Holm (eho) V Bo Berg (bb) A Klaus Hansen (hjkh) V Fraværende Klaus "
                                "Hansen V Dagsorden 1. Godkendelse"]) == ["Klaus Hansen"]
    assert layout.apologies_in(["Referat af byrådets møde den 30. oktober 2017 kl. 18 Afbud: Anders Drachmann "
                                "Byrådssalen Rådhuset Helsingør"]) == ["Anders Drachmann"]
    assert layout.apologies_in(["1 Mødedato: 18. juni 2008. Sted: Mødelokale 1, Rådhuset. Fraværende: REFERAT Mette "
                                "Busk. Anny Winther deltog ikke i behandlingen af pkt. 5"]) == ["Mette Busk"]


def test_a_header_tables_absence_label_right_after_the_members_label_gives_the_members_no_apologies():
    line = ("1 Integrationsråd Referat Mødedato: Torsdag den 16. april 2015 Mødelokale: M1.4 Medlemmer: Fraværende: "
            "Abdul Hanan, Anders Kristensen, Henrik Lillesø, Jens Nielsen Abdul Hanan, Anders Kristensen")
    assert layout.apologies_in([line]) == []
    assert layout.apologies_in(["Medlemmer:", "Fraværende: Abdul Hanan, Anders Kristensen, Henrik Lillesø, Jens "
                                "Nielsen, Palle Villumsen, Quan Tran"]) == []


def test_the_open_titles_after_the_last_closed_one_in_a_run_on_list_are_cut_at_their_committee_codes():
    line = ("2 Indholdsfortegnelse Punkter til dagsorden Side 1. Godkendelse af dagsorden Beretning fra borgmesteren - "
            "LUKKET SAG Valg af valgbestyrelse til Europa-Parlamentsvalget ØU - Diæter i forbindelse med valg ØU - "
            "Befolkningsprognose 2014 TMU - Beredskabsplan for strandrensning BKU - Tilsyn med børn på legepladsen")
    assert contents_entries_of(line) == [
        (1, "Godkendelse af dagsorden"), (None, "Beretning fra borgmesteren"),
        (None, "Valg af valgbestyrelse til Europa-Parlamentsvalget"), (None, "ØU - Diæter i forbindelse med valg"),
        (None, "ØU - Befolkningsprognose 2014"), (None, "TMU - Beredskabsplan for strandrensning"),
        (None, "BKU - Tilsyn med børn på legepladsen")]


def test_a_case_number_with_its_allotment_presenter_and_kind_after_slashes_takes_the_title_below_it():
    text = ("Torsdag den 23.11.2017 klokken 18:30-21:00\n\nTil stede: Gerd Holm, Lone Karlsen\n\n"
            "Punkt\n\nReferat\n\nSag 137 / 30 min / JRW / Orientering/beslutning\n\nSkoleprojekt\n\n"
            " • Mål for projektet\n\nVi vil gerne sikre to voksne i hver årgang.\n\n"
            "Sag 138 / 10 min / JRW / orientering\n\nNyt fra elevrådet\n\nIntet nyt fra elevrådet.\n\n"
            "Sag 139 / 15 min / JRW / orientering/ 1 bilag\n\nØkonomi mm\n\nForbruget følger budgettet.\n")
    items = read_normalised(text).items
    assert [(i.number, i.title) for i in items] == [
        (137, "Skoleprojekt"), (138, "Nyt fra elevrådet"), (139, "Økonomi mm")]
    assert "30 min / JRW" in items[0].description + items[0].minutes


def test_a_portals_contents_written_punkt_number_title_page_gives_its_points_and_lettered_cases():
    line = ("2 Mødeindhold Punkt Side Punkt 0: Forside 1 Punkt 1: Godkendelse af dagsorden 2 Punkt 2: Meddelelser 3 "
            "Punkt 3: Orienteringer 4 Punkt 03A: Valg af bestyrelsesmedlemmer til plejehjem 5 Punkt 4: Beslutninger 12 "
            "Punkt 04A: Kodeks for politisk arbejde 15 Punkt 5: Eventuelt 65")
    assert contents_entries_of(line) == [
        (1, "Godkendelse af dagsorden"), (2, "Meddelelser"), (3, "Orienteringer"),
        (None, "Valg af bestyrelsesmedlemmer til plejehjem"), (4, "Beslutninger"),
        (None, "Kodeks for politisk arbejde"), (5, "Eventuelt")]
