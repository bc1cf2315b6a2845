"""Issue 12, twenty-first round (rules from the failures of seen39): '– intet nyt' after a title is the item's
minutes; a title that begins with a count ('10 mål for …') is an item's between its neighbours; a list printed
'1.', '1.', '1.' then '4.', '5.' is items 1 to 5, with a warning that reaches the user; a plain numbered list
inside one 'Punkt N' item does not outvote the 'Punkt' headings; 'SommerPunkt 61.' is cut before the heading; a
body's name set in capitals is written as a name. Invented texts only."""

from klynge.importer import bodies
from tests.importer.conftest import read_normalised as _parse


def test_nothing_new_after_a_dash_is_the_items_minutes_not_its_title():
    text = ("Referat af menighedsrådsmøde torsdag den 18. juni 2015 kl. 19.00\n\n"
            "Ad. 1) Meddelelser fra formanden\nDer er nyt om kirkegården.\n\n"
            "Ad. 2) Meddelelser fra kassereren – intet nyt\n\nAd. 3) Nyt fra udvalgene – ingen bemærkninger\n\n"
            "Ad. 4) Eventuelt\nIntet.\n")
    items = _parse(text).items
    assert [(i.title, i.minutes) for i in items[1:3]] == [
        ("Meddelelser fra kassereren", "Intet nyt."), ("Nyt fra udvalgene", "Ingen bemærkninger.")]


COUNTED = ("Dagsordenspunkter\n\n  åbent 7 Årsberetning for 2018\n  åbent 8 10 mål for social mobilitet\n"
           "  åbent 9 Status på puljeansøgninger\n  åbent 10 Meddelelser\n\nMødet den 3. april 2019\n")


def test_a_title_beginning_with_a_count_is_an_item_between_its_neighbours():
    assert [(i.number, i.title) for i in _parse(COUNTED).items] == [
        (7, "Årsberetning for 2018"), (8, "10 mål for social mobilitet"), (9, "Status på puljeansøgninger"),
        (10, "Meddelelser")]


def test_a_numbered_count_without_neighbours_in_the_run_is_no_item():
    text = ("Referat\nMøde i Sundhedsudvalget den 3. april 2019\n\n1. Godkendelse af dagsorden\n\nGodkendt.\n\n"
            "2. Trivsel\n\nUdvalget drøftede tallene:\n3. 12 skoler deltog i målingen\n\n4. Eventuelt\n\nIntet.\n")
    assert "12 skoler deltog i målingen" not in [i.title for i in _parse(text).items]


WEB_LIST = ("Referat af menighedsrådsmøde\n\nonsdag d. 26. august 2020 kl. 16.00\n\n"
            "  1. Velkomstsang\n\nIngen sang.\n\n  1. Godkendelse af dagsorden\n\nGodkendt.\n\n"
            "  1. Økonomi:\n\nKvartalsrapport godkendt.\n\n4.   Skrivelser og efterretningssager\n\nIngen.\n\n"
            "5.   Nyt fra præsterne\n\nIntet.\n")


def test_a_list_printed_all_ones_before_it_goes_on_counting_is_numbered_by_place():
    parsed = _parse(WEB_LIST)
    assert [(i.number, i.title) for i in parsed.items] == [
        (1, "Velkomstsang"), (2, "Godkendelse af dagsorden"), (3, "Økonomi"),
        (4, "Skrivelser og efterretningssager"), (5, "Nyt fra præsterne")]
    assert [w.code for w in parsed.warnings].count("items_renumbered") == 1


def test_the_all_ones_warning_reaches_the_document():
    text = ("Referat af menighedsrådsmøde\n\nonsdag d. 26. august 2020 kl. 16.00\n\n"
            "1. Velkomst\n\nTekst.\n\n1. Økonomi\n\nTekst.\n\n1. Eventuelt\n\nIntet.\n")
    parsed = _parse(text)
    assert [i.number for i in parsed.items] == [1, 2, 3]
    assert any(w.code == "items_renumbered" and "nummereret 1" in w.message for w in parsed.warnings)


def test_a_plain_list_inside_one_punkt_item_does_not_outvote_the_punkt_headings():
    text = ("Referat d. 19.01.09\n\nUNGDOMSSKOLEBESTYRELSEN\n\nMødedato:        Den 19. januar 2009.\n\n"
            "Punkt 75.\n\nSiden sidst. Orientering.\n\nAndre:\n\n1.    Souschef\n\nAnsat.\n\n"
            "2.    Forretningsfører\n\nAnsat.\n\n3.    Skolepolitik\n\nDrøftet.\n\n4.    Evt.\n\nIntet.\n\n"
            "Punkt 76.\n\nÅrsberetning\n\nGodkendt.\n")
    parsed = _parse(text)
    assert [i.number for i in parsed.items] == [75, 76]
    assert parsed.body == "Ungdomsskolebestyrelsen"


def test_a_punkt_heading_glued_to_the_signature_above_it_starts_its_own_line():
    text = ("Referat d. 15.09.08\n\nUngdomsskolebestyrelsen\n\nMødedato: Mandag d. 15. september 2008.\n\n"
            "Med venlig hilsen\n\nSusanne SommerPunkt 61.\n\nHøringssvar til Budget 2009.\n\nTekst.\n\n"
            "Punkt 62.\n\nSkoleintra\n\nTekst.\n")
    assert [i.number for i in _parse(text).items] == [61, 62]


def test_a_bodys_name_in_capitals_is_written_as_a_name_and_an_acronym_stays():
    assert bodies._unshouted("SOCIAL- OG SUNDHEDSUDVALGET") == "Social- og Sundhedsudvalget"
    assert bodies._unshouted("KKR") == "KKR"
    assert bodies._unshouted("Ældrerådet") == "Ældrerådet"
