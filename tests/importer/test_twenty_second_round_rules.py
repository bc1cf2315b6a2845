"""Issue 12, twenty-second round (rules from the failures of seen40): a PDF text without blank lines keeps a
title's lower-case rest of one or two lines; '. - Vi sang …' and '. Dagsorden godkendt, …' after a title are its
minutes; 'Ad 2: Tina introducerede …' under 'Pkt. 2.' is the item's minutes, not a second heading; a lone 'Vælg'
(a web page's select box) is furniture; 'Kommissionsmøde' names a meeting, not a body. Invented texts only."""

from klynge.importer import bodies
from tests.importer.conftest import read_normalised as _parse

PDF_WITHOUT_BLANKS = (
    "Referat af\nMENIGHEDSRÅDSMØDE, TORSDAG D.16.03.17, KL 19.00 I SOGNEHUSET\n"
    "Til stede: Johannes Jørgensen, Grethe Jørgensen, Jesper Olsen\n"
    "1. Godkendelse af dagsordenen\nGodkendt.\n"
    "2. Årsregnskab 2016 til behandling og godkendelse. Udkast fremsendt inden\nmødet.\n"
    "Regnskabet blev behandlet og godkendt.\n"
    "3. Forslag om omstrukturering af honorar på bestyrelsesarbejdet i et lille\n"
    "menighedsråd som vores bedre kan fordeles blandt medlemmerne og alle\nposter honoreres\n"
    "Forslaget blev drøftet.\n4. Eventuelt\nIntet.\n")


def test_a_pdf_text_without_blank_lines_keeps_a_titles_lower_case_rest():
    assert [i.title for i in _parse(PDF_WITHOUT_BLANKS).items] == [
        "Godkendelse af dagsordenen",
        "Årsregnskab 2016 til behandling og godkendelse. Udkast fremsendt inden mødet.",
        "Forslag om omstrukturering af honorar på bestyrelsesarbejdet i et lille menighedsråd som vores bedre kan "
        "fordeles blandt medlemmerne og alle poster honoreres",
        "Eventuelt"]


def test_a_short_title_keeps_its_lower_case_text_line_apart():
    text = PDF_WITHOUT_BLANKS.replace("4. Eventuelt\nIntet.\n",
                                      "4. Eventuelt\nintet at bemærke.\nMødet sluttede kl. 21.\n")
    assert [i.title for i in _parse(text).items][-1] == "Eventuelt"


def test_minutes_after_a_full_stop_and_a_dash_are_no_part_of_the_title():
    text = ("Agerskov Menighedsråd\nMenighedsrådsmøde torsdag den 25. april 2019 kl. 19.00\n\n"
            "1. Indledning ved Per, som tager brød med til kaffen. - Vi sang Kom maj, du søde milde\n\n"
            "2. Godkendelse af dagsorden og tidligere referat. Dagsorden godkendt, referat underskrevet\n\n"
            "3. Nyt tlf.nr. - Jonna\n\n4. Eventuelt\n")
    assert [i.title for i in _parse(text).items] == [
        "Indledning ved Per, som tager brød med til kaffen", "Godkendelse af dagsorden og tidligere referat",
        "Nyt tlf.nr. - Jonna", "Eventuelt"]


def test_an_ad_line_telling_what_was_done_is_the_items_minutes():
    text = ("Skolebestyrelsesmøde den 17. november 2021\n\nSted: Tølløse Skole\n\n"
            "Pkt. 1. Velkomst og godkendelse af dagsorden v/Tanja\n\n"
            "Ad 1: Tanja bød velkommen og dagsorden godkendt.\n\n"
            "Pkt. 2. Budgetopfølgning v/Jakob\n\nAd 2: Tina introducerede sig selv som administrativ leder i den nye "
            "struktur.\n\nPkt. 3. Drøftelse af antimobbepolitik v/alle\n\nAd 3: Tanja ønskede, at elevrådet også "
            "deltager i den drøftelse.\n\nPkt. 4. Eventuelt\n")
    items = _parse(text).items
    assert [(i.number, i.title) for i in items] == [
        (1, "Velkomst og godkendelse af dagsorden"), (2, "Budgetopfølgning"),
        (3, "Drøftelse af antimobbepolitik"), (4, "Eventuelt")]
    assert "Tina introducerede sig selv" in items[1].minutes + items[1].description


def test_an_ad_list_of_item_bodies_under_an_agenda_list_still_gives_the_items():
    text = ("Referat\nMøde i Ældrerådet den 2. marts 2020\n\nDagsorden\n1. Godkendelse af dagsorden\n2. Budget\n"
            "3. Eventuelt\n\nAd 1. Godkendelse af dagsorden\nGodkendt.\n\nAd 2. Budget\nDrøftet.\n\n"
            "Ad 3. Eventuelt\nIntet.\n")
    assert [(i.number, i.title) for i in _parse(text).items] == [
        (1, "Godkendelse af dagsorden"), (2, "Budget"), (3, "Eventuelt")]


def test_a_lone_select_box_label_is_no_item():
    text = ("Vælg\n\nReferat Aarhus Byråd 03-04-2019\n\n    Fælles ansvar for nedbringelse af hjemløshed\n\n"
            "    Beslutning\n    Sagen blev behandlet.\n    Resumé\n    Byrådet tilsluttede sig indstillingen.\n")
    parsed = _parse(text)
    assert "Vælg" not in [i.title for i in parsed.items]
    assert parsed.date is not None and parsed.date.isoformat() == "2019-04-03"


def test_a_meeting_word_alone_names_no_body():
    assert not bodies.plausible_name("Kommisionsmøde")
    assert not bodies.plausible_name("Bestyrelsesmødet")
    assert bodies.plausible_name("Beredskabskommissionen")
