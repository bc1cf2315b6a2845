"""Issue 12, nineteenth round (rules from the failures of seen30, seen26 and seen31): a heading of short verbless
sentences keeps them all in its title; an item number of three digits glued to 'punkt' in a contents list starts
its own line; '(lukket møde)' after a title marks the item closed; a decision line under a heading is not its
title's rest, while a lower-case line or one after an em dash is; 'Indstilling:' before a title is no part of it.
Invented texts only."""

from klynge.importer.normalise import normalise
from klynge.importer.parse import parse

# a committee's page: the agenda list, then each case under its case number
COMMITTEE_PAGE = (
    "Referat\nSundhedsudvalget 13. december 2011\n\n"
    "  1. Præsentation af kampagnen\n"
    "  2. Sundhedsforskning. Region Syddanmarks forskningspulje 2011. Indstillinger af projekter.\n"
    "  3. Eventuelt\n\n"
    "Sagsnr. 11/6228\n  1. Præsentation af kampagnen\nTekst her.\n")


def test_a_heading_of_short_verbless_sentences_keeps_them_all_in_its_title():
    parsed = parse(normalise(COMMITTEE_PAGE).text)
    assert [i.title for i in parsed.items][1] == (
        "Sundhedsforskning. Region Syddanmarks forskningspulje 2011. Indstillinger af projekter.")


def test_a_heading_followed_by_its_text_in_sentences_is_still_cut_before_the_text():
    text = COMMITTEE_PAGE.replace(
        "Sundhedsforskning. Region Syddanmarks forskningspulje 2011. Indstillinger af projekter.",
        "Sundhedsforskning i regionen. Udvalget drøftede puljen grundigt. Indstillingerne blev godkendt af alle.")
    parsed = parse(normalise(text).text)
    assert [i.title for i in parsed.items][1] == "Sundhedsforskning i regionen"


def test_short_sentences_that_read_as_clauses_are_the_headings_text_not_its_title():
    text = COMMITTEE_PAGE.replace(
        "Sundhedsforskning. Region Syddanmarks forskningspulje 2011. Indstillinger af projekter.",
        "Temamøde i forskningsgruppen fredag 9 Nov. Vi mødes kl 17.00. Sekretariatet skaffer projektor.")
    parsed = parse(normalise(text).text)
    assert [i.title for i in parsed.items][1] == "Temamøde i forskningsgruppen fredag 9 Nov"


def test_an_item_number_of_three_digits_glued_to_punkt_starts_its_own_line():
    text = ("Udvalget for Social og Sundhed\nReferat 24-09-2019\n\nPUNKTER\n\n"
            "274. Godkendelse af dagsorden\n275. Orientering om budget\n"
            "276. Salg af grund - Lukket punkt274. Godkendelse af dagsorden\n\n"
            "Godkendelse af dagsorden\nBeslutning\nGodkendt\n\n275. Orientering om budget\n\n"
            "Orientering om budget\nSagsfremstilling\nTekst.\n\n276. Salg af grund - Lukket punkt\n\nLukket.\n")
    parsed = parse(normalise(text).text)
    assert [(i.number, i.title) for i in parsed.items] == [
        (274, "Godkendelse af dagsorden"), (275, "Orientering om budget"), (276, "Salg af grund")]


CHURCH_MINUTES = (
    "Referat af menighedsrådets fællesmøde\n\nOnsdag, den 4. oktober 2017\n\n"
    "Pkt. 1 Godkendelse af dagsorden\nok\n\n"
    "Pkt. 2 Godkendelse og underskrivelse af referat fra sidste menighedsrådsmøde\nGodkendt og underskrevet\n\n"
    "Pkt. 3 Forretningsorden for fællesmøder\nfor menighedsrådene i pastoratet, 2. behandling\n\n"
    "Rådene godkendte forretningsordenen.\n\n"
    "Pkt. 4 Luthers Nøgle\n— orientering om afviklingen af seneste rollespil\n\nRådet roste rollespillet.\n\n"
    "Pkt. 5 Orientering ved formanden\na) Gave til provsten\n\nTekst.\n\n"
    "Pkt. 6 Indstilling: Dør og vindue i tårnet males. Maleren blev bestilt i eftersommeren, men udskød arbejdet.\n\n"
    "Pkt. 7 Økonomien (lukket møde):\nTekst.\n")


def test_a_wrapped_headings_lower_case_or_em_dash_rest_joins_its_title_but_a_decision_or_sub_point_does_not():
    titles = [i.title for i in parse(normalise(CHURCH_MINUTES).text).items]
    assert titles[:5] == [
        "Godkendelse af dagsorden",
        "Godkendelse og underskrivelse af referat fra sidste menighedsrådsmøde",
        "Forretningsorden for fællesmøder for menighedsrådene i pastoratet, 2. behandling",
        "Luthers Nøgle — orientering om afviklingen af seneste rollespil",
        "Orientering ved formanden"]


def test_a_recommendation_label_before_a_title_is_no_part_of_it():
    assert parse(normalise(CHURCH_MINUTES).text).items[5].title == "Dør og vindue i tårnet males"


def test_lukket_moede_in_brackets_after_a_title_marks_the_item_closed():
    item = parse(normalise(CHURCH_MINUTES).text).items[6]
    assert (item.number, item.title, item.closed) == (7, "Økonomien", True)


def test_a_pages_date_stamp_above_the_meetings_date_is_not_the_meeting_date_when_the_years_tie():
    text = ("Torsdag, 12 december 2019\n2. juli 2013\n\nDeltagere: Finn Holm, Bo Berg\n\n"
            "Pkt. 1 Godkendelse af dagsorden\nDagsorden godkendt\n\nPkt. 2 Orientering\nIngen.\n")
    assert str(parse(normalise(text).text).date) == "2013-07-02"


PORTAL_PAGE = (
    "Skip til hoved indholdet\n\nDagsorden\n\nTirsdag 22. feb 2022 kl. 15:30\n\nHandicaprådet\n\nReferat\n\n"
    "Resumé\n\nForslag til forretningsorden.\n\nForslag\n\nAt forslaget godkendes.\n\n"
    "Beslutning Handicaprådet den 13-01-2022\n\nGodkendt.\n\n")


def test_a_portals_agenda_page_holding_the_meetings_own_decision_is_its_minutes():
    assert parse(normalise(PORTAL_PAGE + "Beslutning Handicaprådet den 22-02-2022\n\nGodkendt igen.\n").text
                 ).kind == "minutes"


def test_an_earlier_meetings_decision_on_the_case_leaves_an_agenda_an_agenda():
    assert parse(normalise(PORTAL_PAGE.replace("\n\nReferat\n", "\n")).text).kind == "agenda"


def test_apologies_listed_with_full_stops_between_the_names_keep_their_initials():
    text = ("Referat\n\nmandag den 2. oktober 2017 kl. 16:30\n\nMødested: Lokale 425\n"
            "1. Orientering om projektet\nTekst.\nBeslutning Handicapråd den 02-10-2017\nTaget til efterretning.\n"
            "Afbud: Lars Kristensen. H. Kristian Wollesen. Kaj Westphal. Karina T. Rogat.\n\n2. Eventuelt\nIntet.\n")
    assert parse(normalise(text).text).absent == [
        "Lars Kristensen", "H. Kristian Wollesen", "Kaj Westphal", "Karina T. Rogat"]


def test_tilstedevaerende_lists_attendees_and_a_group_after_an_absence_line_is_present():
    text = ("Referat af Skolebestyrelsesmøde\nSkolen, mødelokale K2\ntirsdag den 4. december 2007 kl. 18.30 - 21.00\n\n"
            "Tilstedeværende: Ejner Vismoes Andersen, Peter Knappmann.\n"
            "Fraværende: Dorte Myhre Therkildsen, Kenn Birger Klinthøj.\n"
            "Skolerepræsentanter: Birgit Pedersen, Lene Fog Jørgensen.\n\n"
            " 1. Godkendelse af referat:\n   .\n\n 2. Elevråd:\n  Tekst.\n")
    parsed = parse(normalise(text).text)
    assert [p.name for p in parsed.attendees] == [
        "Ejner Vismoes Andersen", "Peter Knappmann", "Birgit Pedersen", "Lene Fog Jørgensen"]
    assert parsed.absent == ["Dorte Myhre Therkildsen", "Kenn Birger Klinthøj"]


def test_v_dot_slash_before_a_name_marks_the_presenter_and_a_closed_items_remark_keeps_its_label():
    text = ("Referat\nGudenåkomitéen 5. december 2014\n\n11. Orientering fra sekretariatet\nTekst.\n\n"
            "12. Orientering fra Brugerrådet for Sejlads  v./ Majbritt Kjeldsen\nTekst.\n\n"
            "13. Lukket punkt (personale-spørgsmål)\nTekst.\n")
    items = parse(normalise(text).text).items
    assert (items[1].title, items[1].presenter) == ("Orientering fra Brugerrådet for Sejlads", "Majbritt Kjeldsen")
    assert (items[2].title, items[2].closed) == ("Lukket punkt (personale-spørgsmål)", True)


def test_a_flattened_tables_number_minutes_and_title_run_together_are_cut_where_the_numbers_run_on():
    text = ("Dagsorden/Referat fra Skolebestyrelsesmøde\n\nDato: 03-04-2024 kl. 18:00-20:00\nHvor: Agerskov\n"
            "Tilstede: Karl-Jørgen, Pernille, Dorthe\nAfbud: Lis, Trine\n\nDagsorden og referat\n\n"
            "Punkt 15 minGodkendelse af dagsorden\nIngen.\n 18.00 - 18.05 \n"
            "Punkt 210 minElevrådet har ordet\n 18.05 - 18.15Der har været lidt uro.\n"
            "Punkt 320 minÅrs video.\n 18.15 - 18.35Vi laver en video.\n")
    parsed = parse(normalise(text).text)
    assert [(i.number, i.title) for i in parsed.items] == [
        (1, "Godkendelse af dagsorden"), (2, "Elevrådet har ordet"), (3, "Års video")]
    assert parsed.place == "Agerskov"


def test_an_attendance_item_lists_those_absent_after_its_absence_label():
    text = ("Referat af menighedsrådsmødet 10.08.2021\n\nSengeløse Sognegård, tirsdag den 10. august 2021 kl. 19:00\n\n"
            "1.\n\nFremmøde og godkendelse af dagsorden.\n\nIndkaldelse af suppleanter : N/a\n\n"
            "Deltagere:        Lars Enghoff Jensen (formand)\n                   Hanne Bienert (kontaktperson)\n\n"
            "Fravær:           Merry Lisbeth Rasmussen (sognepræst)\n\n"
            "                   Gitte Malling Buur (kasserer)\n\n"
            "Dagsorden blev herefter godkendt.\n\n2\n\nTeologisk drøftelse\n\nTekst.\n")
    parsed = parse(normalise(text).text)
    assert [p.name for p in parsed.attendees] == ["Lars Enghoff Jensen", "Hanne Bienert"]
    assert parsed.absent == ["Merry Lisbeth Rasmussen", "Gitte Malling Buur"]


def test_a_councils_own_members_label_lists_attendees_and_those_marked_afbud_are_apologies():
    text = ("Centerrådet\n\nReferat fra 4. februar 2020\n\nSted: Centerrådslokalet, Aktiv Centret\n\n"
            "Centerrådsmedlemmer: Else Pedersen (afbud), Knud Nikolajsen, Kamma Nielsen\n\nReferat\n\n"
            "1. Gennemgang af dagsorden\nGodkendt.\n\n2. Eventuelt\nIntet.\n")
    parsed = parse(normalise(text).text)
    assert [p.name for p in parsed.attendees] == ["Knud Nikolajsen", "Kamma Nielsen"]
    assert parsed.absent == ["Else Pedersen"]


def test_an_address_under_the_date_and_time_line_is_the_place_when_its_street_follows_a_houses_name():
    text = ("30-05-2018 kl. 19:00\nKulturhavn Gilleleje, Peter Fjelstrups Vej 12, 3250 Gilleleje\n\nMedlemmer\n\n"
            "Ulla Hardy-Hansen (C)\n\nNr.86 - Træffetid\n\nTekst.\n\nNr.87 - Budget\n\nTekst.\n")
    assert parse(normalise(text).text).place == "Kulturhavn Gilleleje, Peter Fjelstrups Vej 12, 3250 Gilleleje"


def test_a_flattened_aula_row_skips_the_items_form_cell_before_its_title():
    text = ("Referat af skolebestyrelsesmøde\n\nTorsdag d. 13. april 2023\n\nkl. 19.00-22.00\n\n"
            "Deltagere: Peter Wager, Helle Fæster\n\nDagsorden:\n\n"
            "1.\n\n19.00 – 19.05\n\nPeter\n\nBeslutning\n\nGodkendelse af referat\n\n(Se bilag)\n\nGodkendt.\n\n"
            "2.\n\n19.05 – 19.15\n\nHelle\n\nbeslutning\n\nPrincip for lejrskoler\n\nPrincippet er tilrettet.\n")
    assert [(i.number, i.title) for i in parse(normalise(text).text).items] == [
        (1, "Godkendelse af referat"), (2, "Princip for lejrskoler")]


def test_a_date_written_in_capitals_after_the_meetings_heading_is_not_cut_off_as_an_item():
    text = ("Tilbage til nyheder\n\n10.09.2021\n\n"
            "REFERAT FRA EMBEDMANDSGRUPPENS MØDE D. 3. SEPTEMBER 2021\n\n"
            "1. Godkendelse af dagsorden.\n\nDagsorden godkendt\n\n"
            "2. Status på projekter.\n\nTaget til efterretning.\n")
    assert str(parse(normalise(text).text).date) == "2021-09-03"


def test_an_officer_from_elsewhere_after_an_absence_line_is_not_taken_for_one_of_those_present():
    text = ("Referat fra møde den 19. januar 2024\n\nFremmødte: Magda Holm, Jytte Berg.\n\n"
            "Afbud fra: Holger Dam, Kirsten Lund.\n\nFra Herning Kommune: Birgitte Nystrup Andersen\n\n"
            "1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\nIntet.\n")
    assert [p.name for p in parse(normalise(text).text).attendees] == ["Magda Holm", "Jytte Berg"]


def test_an_aula_templates_responsible_and_process_fields_after_a_numbered_title_are_no_part_of_it():
    text = ("Referat\nSkolebestyrelsen 17. september 2025\n\n"
            "1.                   Opfølgning fra sidste møde - Ansvarlig(alle) - Proces(Information)\nTekst.\n\n"
            "2.                   Boden - Ansvarlig(Mikkel og René) - Proces(Information og beslutning)\nTekst.\n\n"
            "3.                   Status på Elevråd: - Ansvarlig(Elevråd) - Proces(Information og beslutning)\n"
            "Tekst.\n")
    items = parse(normalise(text).text).items
    assert [(i.title, i.presenter) for i in items] == [
        ("Opfølgning fra sidste møde", "alle"), ("Boden", "Mikkel og René"), ("Status på Elevråd", "Elevråd")]


def test_unnumbered_titles_ending_in_their_purpose_in_brackets_are_the_items():
    text = ("Referat af skolebestyrelsesmøde\n\nDato: onsdag d. 23. august 2023 kl. 17.00-19.00\n\n"
            "Deltagere: Tem, Pasa, René, Kristoffer\n\nAfbud: Jeanette, Tatjana, 2 elevrådsrepræsentanter\n\n"
            "Lokaleudfordringer + besøg fra forvaltningen (Orientering):\n\nJan orienterer om elevtallet.\n\n"
            "Stillingsopslag (Orientering + Beslutning)\n\nOpslaget er godkendt.\n\n"
            "Budget 24-27 (Orientering)\n\nBesparelser drøftet.\n")
    parsed = parse(normalise(text).text)
    assert [(i.number, i.title) for i in parsed.items] == [
        (None, "Lokaleudfordringer + besøg fra forvaltningen"), (None, "Stillingsopslag"), (None, "Budget 24-27")]
    assert parsed.absent == ["Jeanette", "Tatjana"]


def test_a_web_address_with_a_day_and_month_of_one_digit_dates_a_text_that_states_no_date():
    text = ("Til stede: Søs Seerup, Vibeke Havre\n\nAfbud: Jan Nielsen\n\nPkt. 1 Godkendelse af referat\n\n"
            "Referatet er godkendt.\n\nPkt. 2 Meddelelser fra bestyrelsesformand\n\nIngen meddelelser.\n")
    source = "https://greve-gym.dk/referat-af-bestyrelsesmoedet-den-6-9-2022-kl-17-20-00/"
    assert str(parse(normalise(text).text, source=source).date) == "2022-09-06"


def test_an_attachment_note_after_a_dash_is_no_part_of_the_title():
    text = ("Referat af brugerbestyrelsesmøde 17. november 2014\n\n1.   Godkendelse af dagsorden\nGodkendt.\n\n"
            "2.   Nyt fra biblioteket\nTekst.\n\n3.   Strategikort 2015 - vedhæftet\nDrøftet.\n")
    assert [i.title for i in parse(normalise(text).text).items][2] == "Strategikort 2015"
