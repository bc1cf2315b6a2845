"""Issue 12, eighth round: general rules for glued headings, presenters, run-on titles, dates, bodies and
apologies (invented texts in the style of the failures, not the corpus's)."""

from klynge.importer import layout
from klynge.importer.parse import parse


def _items(doc):
    return [(i.number, i.title) for i in doc.items]


# --- headings ---------------------------------------------------------------------------------------------


def test_an_item_number_glued_to_the_previous_items_last_sentence_starts_the_next_item():
    doc = parse("Referat\ntil\nmødet i Ældrerådet\nden 3. marts 2026 kl. 10:00\n\n"
                "4. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.5. Orientering fra formanden\n\n"
                "Formanden orienterede om budgettet.\n\nBeslutning\n\nTaget til efterretning.6. Eventuelt\n\n"
                "Intet.\n")
    assert _items(doc) == [(4, "Godkendelse af dagsorden"), (5, "Orientering fra formanden"), (6, "Eventuelt")]


def test_an_abbreviation_or_a_date_before_a_number_is_no_glued_heading():
    assert layout.split_glued_number("Mødet varer ca.2. Timer") == ["Mødet varer ca.2. Timer"]
    assert layout.split_glued_number("Frist den 6.11. December") == ["Frist den 6.11. December"]
