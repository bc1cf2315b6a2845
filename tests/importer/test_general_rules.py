"""Layout-independent rules of issue 12 (points 2-3): inner lists, body names, prose minutes."""

import pytest

from klynge.importer import layout
from klynge.importer.parse import NoMeetingFound, parse


def test_a_numbered_list_that_restarts_inside_an_item_is_not_taken_for_items():
    text = (
        "Referat - Udvalget den 6. december 2018\n\nDato: 6. december 2018\n\n"
        "1. Meddelelser\n\nIndstilling\n\nAt tage meddelelser til efterretning\n\nSagsfremstilling\n\n"
        " 1. Orientering om ansøgninger.\n 2. Orientering om foreningsaften.\n 3. Oversigt over lejemål.\n\n"
        "2. Eventuelt\n\nBeslutning\n\nIntet.\n"
    )
    doc = parse(text)
    assert [(i.number, i.title) for i in doc.items] == [(1, "Meddelelser"), (2, "Eventuelt")]


def test_an_agenda_list_before_the_first_item_is_still_an_agenda():
    text = (
        "Referat af møde den 3. marts 2020\n\n1. Godkendelse af dagsorden\n2. Eventuelt\n\n"
        "1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\n2. Eventuelt\n\nBeslutning\n\nIntet.\n"
    )
    assert [i.number for i in parse(text).items] == [1, 2]


@pytest.mark.parametrize("found, name", [
    ("bestyrelsesmøde", "Bestyrelsen"),
    ("Klyngerådsmøde", "Klyngerådet"),
    ("Ekstraordinært Ældrerådsmøde", "Ældrerådet"),
    ("styregruppemøde", "Styregruppen"),
    ("Egebjerg Kommune. Kommunalbestyrelsen.", "Kommunalbestyrelsen"),
    ("Udvalget for Ældre og Sundhed", "Udvalget for Ældre og Sundhed"),
    ("Mødet afholdtes i Kulturhuset", None),
])
def test_a_body_is_named_as_it_names_itself(found, name):
    assert layout.body_name(found) == name


def test_prose_minutes_without_numbered_items_are_read_with_a_warning():
    text = (
        "Referat arbejdsgruppemøde 26. januar 2017\n\n"
        "Til stede var Peter Dahl og Lone Krog.\n\nAfbud fra Ole Vinther og Eva Lind\n\n"
        "Økonomi og budget blev gennemgået.\n"
    )
    doc = parse(text)
    assert doc.items == [] and doc.date.isoformat() == "2017-01-26"
    assert "Ole Vinther" in doc.absent
    assert [w.code for w in doc.warnings] == ["no_items"]


def test_a_dated_text_without_items_that_is_no_minutes_is_still_refused():
    with pytest.raises(NoMeetingFound):
        parse("Statusrapport 26. januar 2017\n\nØkonomi og budget blev gennemgået af deltagere.\n")
