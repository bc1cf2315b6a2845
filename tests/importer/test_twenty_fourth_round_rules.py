"""Issue 12, twenty-fourth round (rules from the failures of seen42): a portal's American date and clock ('8/29/2019
4:00:00 PM') are read month first; a meeting page with one case under 'Sagspunkter der blev behandlet på mødet' is
the minutes of that case, not refused; its picture's alt text and 'Fold alle ud' are furniture; points numbered
within groups ('1.1.', '1.2.', '2.1.') are items without numbers. Invented texts only."""

import datetime

from klynge.importer import layout
from klynge.importer.parse import find_date
from tests.importer.conftest import read_normalised as _parse


def test_an_american_date_and_clock_are_read_month_first():
    assert find_date("Mødedato: 9/11/2019 3:00:00 PM") == datetime.date(2019, 9, 11)
    assert layout.times_in("9/11/2019 3:00:00 PM")[0] == datetime.time(15, 0)
    assert layout.times_in("9/11/2019 12:30:00 AM")[0] == datetime.time(0, 30)


def test_a_danish_slashed_date_without_a_clock_stays_day_first():
    assert find_date("Mødedato: 9/11/2019") == datetime.date(2019, 11, 9)


PORTAL_PAGE = ("Dagsorden med kuglepen\n\n \n\nUdvalg: Økonomiudvalget\n\nMødedato: 9/11/2019 3:00:00 PM\n\n"
               "Sagspunkter der blev behandlet på mødet: Fold alle ud\n  • 300.\n    Godkendelse af dagsorden\n\n"
               "    • Punktoplysninger\n\n      Sagsnr.: 00.22.02-G01-41-18\n\n    • Resume\n\n"
               "      Godkendelse af dagsorden er et fast punkt på møderne.\n")


def test_a_portal_page_with_one_case_under_its_label_is_the_minutes_of_that_case():
    parsed = _parse(PORTAL_PAGE)
    assert [(i.number, i.title) for i in parsed.items] == [(300, "Godkendelse af dagsorden")]
    assert (parsed.date, parsed.start) == (datetime.date(2019, 9, 11), datetime.time(15, 0))
    assert parsed.body == "Økonomiudvalget" and parsed.kind == "minutes"


def test_only_a_label_of_the_items_right_above_lets_one_numbered_line_stand_alone():
    lines = ["Sagspunkter der blev behandlet på mødet: Fold alle ud", "  • 300.", "Godkendelse af dagsorden",
             "", "Vi drøftede mange ting.", "1. Udkast klar til næste møde"]
    assert layout._under_items_label(lines, 1)
    assert not layout._under_items_label(lines, 5)


GROUPED = ("Møde i Sundhedsstrategisk Forum\nUDVALG\nSundhedsstrategisk Forum\nSTED\nBølgelængden, DGI-huset\n"
           "STARTTIDSPUNKT\n24-01-2019 10:30:00\nSLUTTIDSPUNKT\n24-01-2019 12:00:00\nPUNKTER\n1.0. SSF-sager\n"
           "1.1. Godkendelse af midlertidig organisering\n1.2. Orientering om FUT\n2.0. DAK-sager\n"
           "2.1. Godkendelse af forløbsprogram for hjerte\n2.2. Opfølgning på handleplan\n")


def test_points_numbered_within_groups_are_items_without_numbers():
    parsed = _parse(GROUPED)
    assert [(i.number, i.title) for i in parsed.items] == [
        (None, "Godkendelse af midlertidig organisering"), (None, "Orientering om FUT"),
        (None, "Godkendelse af forløbsprogram for hjerte"), (None, "Opfølgning på handleplan")]
    assert parsed.date == datetime.date(2019, 1, 24) and parsed.start == datetime.time(10, 30)
    assert "unnumbered_items" in [w.code for w in parsed.warnings]


def test_section_numbers_that_do_not_count_within_groups_are_no_items():
    lines = ["1.2. Formål", "1.5. Baggrund", "3.1. Økonomi", "3.7. Tidsplan"]
    assert layout.decimal_headings(lines) == []


TEMPLATE_LIST = ("Referat af menighedsrådsmøde tirsdag den 20. februar 2018 kl. 19.00\n\nDagsorden:\n"
                 " 1. Godkendelse af dagsorden\n 2. Nyt fra formand.\n 3. Projektpulje under Provsti.\n 4.  \n 5.  \n"
                 " 6. Afbenyttelse af kirkehuset\n 7.  \n 8. Indsamling Folkekirkens Nødhjælp 11. marts kl. 10.30\n"
                 " 9. Evt.\n\nPunkt 1. Godkendelse af dagsorden\nGodkendt.\n\nPunkt 2. Nyt fra formand\nIntet.\n")


def test_numbers_a_template_left_empty_do_not_break_the_agenda_list():
    items = _parse(TEMPLATE_LIST).items
    assert [(i.number, i.title) for i in items] == [
        (1, "Godkendelse af dagsorden"), (2, "Nyt fra formand"), (3, "Projektpulje under Provsti"),
        (6, "Afbenyttelse af kirkehuset"), (8, "Indsamling Folkekirkens Nødhjælp 11. marts kl. 10.30"), (9, "Evt.")]


def test_a_time_after_a_day_and_month_in_a_title_is_no_slot():
    item = _parse(TEMPLATE_LIST).items[4]
    assert item.start is None and item.title.endswith("11. marts kl. 10.30")


def test_an_empty_number_with_no_next_number_below_it_bridges_nothing():
    assert layout._empty_numbers(["3. Budget", "4.", "Tekst om noget.", "6. Eventuelt"]) == {}
