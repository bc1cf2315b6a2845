"""Issue 12, twenty-third round (rules from the failures of seen41): an allotment left open when a slot is taken out
of its bracket ('(5 min. kl. 14.00 - 14.05)') goes with it; a body's name ends before a verb ('… offentliggøres
ikke'); a case page dates its meeting by the decision's 'Xs møde den …:' line or the 'Dato:' under 'Beslutning fra
X'; a group of cases before 'Punkt 02' ('Økonomisager') is no part of the heading. Invented texts only."""

from klynge.importer import bodies
from tests.importer.conftest import read_normalised as _parse


def test_an_allotment_before_a_slot_in_one_bracket_leaves_the_title_whole():
    text = ("Referat\ntil\nmødet i Det Regionale Råd for Lægers Videreuddannelse.\nden 21. marts 2018 kl. 14:00\n\n"
            "Pkt. Tekst\n1 Godkendelse af dagsorden (5 min. kl. 14.00 - 14.05)\n"
            "2 Temadrøftelse - Nyt speciale i akutmedicin (1 time 50 min. kl. 14.05 - 15.55)\n"
            "3 Pause (15 min. kl. 15.55 - 16.10)\n4 Eventuelt (5 min. kl. 16.10 - 16.15)\n")
    items = _parse(text).items
    assert [(i.title, i.start.strftime("%H:%M")) for i in items] == [
        ("Godkendelse af dagsorden", "14:00"), ("Temadrøftelse - Nyt speciale i akutmedicin", "14:05"),
        ("Pause", "15:55"), ("Eventuelt", "16:10")]


def test_a_bodys_name_ends_before_a_verb():
    found = bodies.candidates(["Dagsordener og referater fra møder i Udvalget for godkendelse af "
                               "uddannelsesprogrammer offentliggøres ikke."])
    assert {name for _score, _pos, name in found} <= {"Udvalget for godkendelse af uddannelsesprogrammer"}


def test_a_case_page_is_dated_by_its_decisions_meeting_line():
    text = ("Sagsnr.: 326-2010-57347       J.nr.: 00.01.00\n\n1. Integrationspolitik\n\nSagsfremstilling\nTekst.\n\n"
            "Integrationsudvalgets møde den 12. december 2011:\nGodkendt.\n")
    parsed = _parse(text)
    assert parsed.date.isoformat() == "2011-12-12"
    assert "date_from_decisions" in [w.code for w in parsed.warnings]


def test_a_case_page_is_dated_by_the_date_under_its_decision_label():
    text = ("66.    Temadag for Integrationsrådet\n\nSag 306-2014-5450\n\nDok. 306-2015-307627\n\nÅbent\n\n"
            "Kompetence\n\nIntegrationsrådet.\n\nBeslutningstema\n\nFastlæggelse af dato for temadagen.\n\n"
            "Sagsfremstilling\n\nDa temadagen blev aflyst, skal der fastlægges en ny dato.\n\n"
            "Administrativ indstilling\n\n"
            "Administrationen indstiller, at dato fastlægges.\n\nBeslutning fra Integrationsrådet\n\n"
            "Dato: 10. december 2015\n\nSted: Café Lulu, Algade 25\n\nFraværende: Jette Isling\n\n"
            "Der afventes svar fra formanden.\n")
    assert _parse(text).date.isoformat() == "2015-12-10"


def test_two_decision_dates_date_nothing():
    text = ("Sagsnr.: 326-2010-57347\n\n1. Integrationspolitik\n\nSagsfremstilling\nTekst.\n\n"
            "Integrationsudvalgets møde den 12. december 2011:\nGodkendt.\n\n"
            "Sagsnr.: 326-2010-57348\n\n2. Budget\n\nSagsfremstilling\nTekst.\n\n"
            "Integrationsudvalgets møde den 9. januar 2012:\nUdsat.\n")
    parsed = _parse(text)
    assert parsed.date is None and [i.number for i in parsed.items] == [1, 2]


def test_a_group_of_cases_before_a_punkt_heading_is_no_part_of_it():
    text = ("Kommunalbestyrelse 28. maj 2020 kl. 10.00\n\nPunkt 01 Godkendelse af dagsorden\n\nGodkendt.\n\n"
            "Økonomisager Punkt 02 Udvidelse af kirkegården\n\nTekst.\n\nPunkt 03 Beredskab ved naturbrande\n\n"
            "Tekst.\n\nOrienteringssager Punkt 04 Redegørelse om elevfravær\n\nTekst.\n")
    assert [(i.number, i.title) for i in _parse(text).items] == [
        (1, "Godkendelse af dagsorden"), (2, "Udvidelse af kirkegården"), (3, "Beredskab ved naturbrande"),
        (4, "Redegørelse om elevfravær")]
