"""Issue 12, twenty-fifth round (rules from the failures of seen43): a web page's lone item number finds its title
below the page's blank paragraphs; '5. 5.Retningslinjer' is item 5 once; '. Orientering ved Knud Nielsen.' after a
title names who presents it; '– hvoraf Ærø er …' goes on with the title; 'Næstformand/kontaktperson: 7. Status …'
is item 7 taken by that member; 'kl. 19,25' is a time. Invented texts only."""

import datetime

from klynge.importer import layout
from klynge.importer.parse import KL_TIME
from tests.importer.conftest import read_normalised as _parse


def test_a_lone_number_finds_its_title_below_blank_paragraphs_that_keep_a_space():
    text = ("Nexø Sogn\n\nReferat fra det ordinære menighedsrådsmøde, d. 18. juni 2019\n\n"
            "Dagsorden ser ud som følger:\n\nPunkt nr.\n\nPunktets navn:\n\nFormål:\n\nReferat af beslutning:\n\n"
            "3\n\nIndledning\n\nv. Jens\n\n4\n\n \n\n \n\n"
            "Godkendelse af dagsorden\n\nGodkendt.\n\n5\n\nLydanlæg i kirken\n\nDrøftet.\n")
    assert [(i.number, i.title) for i in _parse(text).items] == [
        (3, "Indledning"), (4, "Godkendelse af dagsorden"), (5, "Lydanlæg i kirken")]


def test_a_lone_number_far_above_text_across_empty_lines_stays_no_heading():
    lines = ["4", "", "", "", "", "Godkendelse af dagsorden"]
    assert [c.number for c in layout._raw_candidates(lines, lines, set())] == []


GREEN_COUNCIL = ("Referat fra møde i Grønt Råd den 12. marts 2019\n\n"
                 " 1. Godkendelse af dagsorden\n"
                 " 2. 2.Vedligeholdelse af gadekær – status på 2018 (bilag vedhæftet). Orientering ved Knud Nielsen.\n"
                 " 3. 3.Landsplandirektiv for 91 udviklingsområder i kystnærhedszonen – hvoraf Ærø er et af "
                 "projekterne.\n 4. Eventuelt\n")


def test_a_doubled_number_a_presenter_sentence_and_a_relative_clause():
    items = _parse(GREEN_COUNCIL).items
    assert [(i.number, i.title) for i in items] == [
        (1, "Godkendelse af dagsorden"), (2, "Vedligeholdelse af gadekær – status på 2018 (bilag vedhæftet)"),
        (3, "Landsplandirektiv for 91 udviklingsområder i kystnærhedszonen – hvoraf Ærø er et af projekterne"),
        (4, "Eventuelt")]
    assert items[1].presenter == "Knud Nielsen"


def test_a_members_role_before_the_item_number_is_no_part_of_the_heading():
    text = ("Dagsorden og referat for menighedsrådsmøde 19. maj 2016\n"
            "Formand: 1. Godkendelse af referat fra mødet d.15.3.2016.\nGodkendt og underskrevet.\n2. Gaver\nIngen.\n"
            "Næstformand/kontaktperson: 3. Status på musikerafløsning.\nDrøftet.\n4. Eventuelt\nIntet.\n")
    assert [(i.number, i.title) for i in _parse(text).items] == [
        (1, "Godkendelse af referat fra mødet d.15.3.2016."), (2, "Gaver"), (3, "Status på musikerafløsning"),
        (4, "Eventuelt")]


def test_a_label_that_is_no_role_before_a_number_stays():
    assert layout.ROLE_BEFORE_NUMBER.sub("", "Bilag: 1. Budgetoversigt") == "Bilag: 1. Budgetoversigt"


def test_a_comma_between_hours_and_minutes_after_kl_is_a_time():
    m = KL_TIME.search("Meddelelser kl. 19,25")
    assert m and datetime.time(int(m.group(1)), int(m.group(2))) == datetime.time(19, 25)


SCHOOL_BOARD = ("Skolebestyrelsesmøde den 17. november 2021\n\nSted: Tølløse Skole\n"
                "Mødedeltagere: Tanja (formand), Birthe (næstformand.), Lisbeth, Martin, Louise og Jakob (ref.)\n"
                "Afbud: Emilie, Andreas + elevrepræsentanter\n\nPkt. 1. Velkomst\n\nGodkendt.\n\n"
                "Pkt. 2. Eventuelt\n\nIntet.\n")


def test_first_names_with_their_roles_in_brackets_are_the_attendees():
    parsed = _parse(SCHOOL_BOARD)
    assert [p.name for p in parsed.attendees] == ["Tanja", "Birthe", "Lisbeth", "Martin", "Louise", "Jakob"]


def test_a_group_added_to_first_names_after_a_plus_is_no_apology():
    assert _parse(SCHOOL_BOARD).absent == ["Emilie", "Andreas"]
