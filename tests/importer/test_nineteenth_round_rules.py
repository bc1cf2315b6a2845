"""Issue 12, nineteenth round (rules from the failures of seen30 and seen26): a heading of short verbless
sentences keeps them all in its title, and an item number of three digits glued to 'punkt' in a contents list
starts its own line. Invented texts only."""

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
