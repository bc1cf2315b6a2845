"""Issue 12, twentieth round (rules from the failures of seen37 and seen38): cutting a closed mark or an attachment
link never cuts a bracket in two; a wrapped title line that begins with 'samt' is the title's rest; a Folketing
agenda's note on its papers after a title is no part of it; the agenda's edition glued to a remark is no item; a
meeting's end is the last slot's only when the slots run to the end; 'Social-, Indenrigs- og Børneudvalget' is one
name; a deanery is no person; unnumbered cases each under the same decision sentence ('Naalakkersuisut besluttede,
at …') are items. Invented texts only."""

from klynge.importer import layout
from klynge.importer.normalise import normalise
from klynge.importer.parse import parse
from tests.importer.conftest import closed_items_of as _items

BOARD_AGENDA = (
    "Bestyrelsesmøde den 1. april 2016\n\nDagsorden\n\n"
    "1. Underskrift af forretningsorden (sagsfremstilling, bilag 1)\n\n"
    "2.  Rektoratsrapport (dele som lukket punkt) (sagsfremstilling)\n\n"
    "3. Status for lovforslag (bedre rammer for ledelse). (Lukket punkt).\n\n"
    "4. Budget for 2017, bilag 2\n\n"
    "5. Evt.\n")


def test_an_attachment_list_inside_the_titles_own_bracket_stays_in_the_title():
    assert _items(BOARD_AGENDA)[0] == (1, "Underskrift af forretningsorden (sagsfremstilling, bilag 1)", False)


def test_an_attachment_link_after_the_title_is_still_cut_off():
    assert _items(BOARD_AGENDA)[3] == (4, "Budget for 2017", False)


def test_a_closed_mark_inside_a_remark_keeps_the_remark_whole_and_closes_the_item():
    assert _items(BOARD_AGENDA)[1] == (2, "Rektoratsrapport (dele som lukket punkt) (sagsfremstilling)", True)


def test_a_closed_mark_after_the_titles_full_stop_leaves_no_stray_stop():
    assert _items(BOARD_AGENDA)[2] == (3, "Status for lovforslag (bedre rammer for ledelse)", True)


def test_the_closed_pattern_takes_no_letters_before_the_mark():
    from klynge.importer.parse import CLOSED

    assert CLOSED.search("dele som lukket punkt").group(0).strip() == "lukket punkt"


def test_a_wrapped_title_line_beginning_with_samt_is_the_titles_rest():
    text = ("Referat af bestyrelsesmøde\nDen 22. september 2009 kl. 9.00\n\nDagsorden\n\n"
            " 1. Godkendelse af dagsorden\n\n"
            " 2. Godkendelse af referat fra mødet den 15. juni 2009 ( bilag )\n"
            "  samt ekstraordinært møde torsdag den 25. juni 2009 ( bilag )\n\n"
            " 3. Eventuelt\n\nAd 1\nGodkendt.\n\nAd 2\nGodkendt.\n\nAd 3\nIntet.\n")
    assert [t for _n, t, _c in _items(text)][1] == (
        "Godkendelse af referat fra mødet den 15. juni 2009 ( bilag ) samt ekstraordinært møde torsdag den 25. juni "
        "2009 ( bilag )")


def test_a_lower_case_sentence_under_a_title_is_not_joined_to_it():
    text = ("Referat\n\nDagsorden\n\n 1. Godkendelse af dagsorden\n\n 2. Budget\n  opfølgning blev drøftet.\n\n"
            " 3. Eventuelt\n\nAd 1\nGodkendt.\n\nAd 2\nDrøftet.\n\nAd 3\nIntet.\n")
    assert [t for _n, t, _c in _items(text)][1] == "Budget"


FOLKETING_AGENDA = (
    "Møde i Social-, Indenrigs- og Børneudvalget\n\n"
    "Mødedato: 29-11-2018\nMødetidspunkt: Kl. 12.00\nSted: S-092\n"
    "4. UDGAVEBemærk mødelokale - Nye dagsordenspunkter\n\n"
    "1. Kl. 12.00 - 13.00 - Teknisk gennemgang af modellen ved ministeren.\n\n\n"
    "2. Kl. 13.00 - 14.00 - Åbent samråd med ministeren om puljemidler, jf. SOU alm. del - samrådsspm. F. "
    "Se tillige SOU alm. del - bilag 70 (20171).\n\n\n"
    "3. Eventuel afgivelse af betænkning over L 56 (om Den Sociale Investeringsfond), jf. L 56 - spm. 41. "
    "3. udkast til betænkning er omdelt på L 56 - bilag 8.\n\n\n"
    "4. Gennemgang af svar og politisk drøftelse af følgende lovforslag:\n\n\n"
    "5. Eventuelt.\n")


def test_a_folketing_agendas_notes_on_its_papers_are_no_part_of_the_titles():
    assert [(n, t) for n, t, _c in _items(FOLKETING_AGENDA)] == [
        (1, "Teknisk gennemgang af modellen ved ministeren"),
        (2, "Åbent samråd med ministeren om puljemidler, jf. SOU alm. del - samrådsspm. F"),
        (3, "Eventuel afgivelse af betænkning over L 56 (om Den Sociale Investeringsfond), jf. L 56 - spm. 41"),
        (4, "Gennemgang af svar og politisk drøftelse af følgende lovforslag"),
        (5, "Eventuelt")]


def test_a_meeting_whose_first_items_only_have_slots_has_no_end_from_them():
    parsed = parse(normalise(FOLKETING_AGENDA).text)
    assert parsed.start.hour == 12 and parsed.end is None


def test_a_meeting_whose_slots_run_to_the_end_ends_with_the_last_slot():
    text = ("Referat\nMøde i Sundhedsudvalget den 3. marts 2020\n\n"
            "1. Velkomst (kl. 17.00-17.10)\n\nTekst.\n\n2. Budget (kl. 17.10-18.00)\n\nTekst.\n\n"
            "3. Eventuelt\n\nIntet.\n")
    assert parse(normalise(text).text).end.hour == 18


def test_a_committees_name_listing_three_fields_is_read_whole():
    assert parse(normalise(FOLKETING_AGENDA).text).body == "Social-, Indenrigs- og Børneudvalget"


def test_a_deanery_after_a_members_name_is_no_person():
    assert layout.is_organisation("Aarhus Domprovsti")
    assert not layout.is_organisation("Georg Hoxer Kjeldsen")


GOVERNMENT_DECISIONS = (
    "20. april\n\nNaalakkersuisut besluttede følgende på sit møde 20. april\n\n"
    "Pilotprojekt om gældsrådgivning i Kommune Kujalleq\n"
    "Naalakkersuisut besluttede, at indstillingerne videresendes til udvalgets godkendelse\n\n"
    "For yderligere oplysninger kontakt departementet\n\n"
    "Selvstyrets bekendtgørelse om indberetning af finansielle konti.\n"
    "Naalakkersuisut besluttede, at godkende forslaget\n\n"
    "Kommissorium for Forfatningskommissionen\n"
    "Naalakkersuisut besluttede:\n\n • at godkende kommissoriet\n")


def test_cases_each_under_the_same_decision_sentence_are_items():
    assert [(n, t) for n, t, _c in _items(GOVERNMENT_DECISIONS)] == [
        (None, "Pilotprojekt om gældsrådgivning i Kommune Kujalleq"),
        (None, "Selvstyrets bekendtgørelse om indberetning af finansielle konti"),
        (None, "Kommissorium for Forfatningskommissionen")]


def test_a_decision_sentence_under_only_one_case_makes_no_items():
    text = ("Referat\n\nSundhedsudvalget\n\nPilotprojekt om gældsrådgivning\n"
            "Udvalget besluttede, at godkende projektet\n\nMødet sluttede kl. 18.\n")
    assert layout.recurring_label_headings(normalise(text).text.split("\n")) == []
