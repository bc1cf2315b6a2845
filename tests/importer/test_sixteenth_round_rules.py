"""Issue 12, sixteenth round (rules from seen17, after its blind measurement): section numbers above the meeting's
own labels, dash items followed by 'Beslutning: text', standing items that mark a meeting without a header, and the
kind word before the body's name. Invented texts only."""

import datetime

from klynge.importer.parse import parse


def items_of(text: str) -> list[tuple]:
    return [(i.number, i.title) for i in parse(text).items]


def test_section_numbers_above_the_meetings_own_labels_are_no_items():
    text = ("1\n\nDeltagere\n\n • Jakob Svane, Danske Havne\n • Eva Nielsen, Søfartsstyrelsen\n2\n\nAfbud\n\n"
            " • Michael Prehn, Danske Maritime\n3\n\nDagsorden:\n\n 1. Velkomst\n 2. Bordrunde\n 3. Eventuelt\n4\n\n"
            "Ad 1 Velkomst:\n\nEva Nielsen bød velkommen til mødet den 24. maj 2019.\n\n5\n\nAd 2: Bordrunde\n\n"
            "Alle fortalte.\n")
    assert items_of(text) == [(1, "Velkomst"), (2, "Bordrunde"), (3, "Eventuelt")]


def test_dash_items_each_followed_by_beslutning_and_its_text_are_items():
    text = ("Beslutningsprotokol fra MR møde 7. December 2021\nOrdinært møde i Mørke Kirke menighedsråd\n"
            "Den 7-12-2021 kl. 19:30\nSted: Sognegården, Kirkevej 30a, 8544 Mørke\n"
            "- Godkendelse af dagsorden\nBeslutning: Dagsorden blev godkendt\n- Siden sidst:\nCorona pas.\n"
            "Beslutning: Punktet udskydes.\n- Orientering fra:\nKirkeværge:\nBeslutning: Intet.\n")
    parsed = parse(text)
    assert [(i.number, i.title) for i in parsed.items] == [(None, "Godkendelse af dagsorden"), (None, "Siden sidst"),
                                                           (None, "Orientering fra")]
    assert parsed.date == datetime.date(2021, 12, 7) and parsed.body == "Mørke Kirke menighedsråd"


def test_numbered_standing_items_mark_a_meeting_without_any_header():
    text = ("1. Godkendelse af dagsorden.\n\nDagsorden godkendt uden yderligere bemærkninger.\n\n"
            "2. Kontaktpersoner\n\nDer nedsættes et udvalg.\n\n3. Årskalender\n\nTine fremlægger et udkast.\n\n"
            "4. Eventuelt\n\nIntet.\n")
    assert [n for n, _ in items_of(text)] == [1, 2, 3, 4]


def test_the_kind_word_before_the_bodys_name_is_no_part_of_it():
    text = ("Beslutningsprotokol Mørke Kirke menighedsråd\nDen 11-04-2023 kl. 19:00\nSted: Sognegården\n\n"
            "1. Godkendelse af dagsorden\nBeslutning: Godkendt.\n\n2. Regnskab\nBeslutning: Godkendt.\n\n"
            "3. Eventuelt\nBeslutning: Intet.\n")
    assert parse(text).body == "Mørke Kirke menighedsråd"


def test_one_absent_person_a_bullet_with_an_organisation_after_a_comma():
    text = ("Referat af møde i branchepanelet den 24. maj 2019\n\nAfbud\n\n • Michael Prehn, Danske Maritime (mail)\n"
            " • Klaus G. Andersen, Fredericia Shipping\n\nDagsorden:\n\n 1. Velkomst\n 2. Bordrunde\n 3. Eventuelt\n\n"
            "Ad 1 Velkomst:\n\nVelkommen.\n")
    assert parse(text).absent == ["Michael Prehn", "Klaus G. Andersen"]
