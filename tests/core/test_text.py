"""Text helpers shared by every app."""

from klynge.core.text import danish_sort_key


def test_names_sort_in_danish_alphabetical_order_whatever_their_case():
    names = ["Åse Holm", "Ørsted Lund", "Zita Berg", "ærø Jensen", "Anders Kühnau", "Øbro"]
    assert sorted(names, key=danish_sort_key) == [
        "Anders Kühnau", "Zita Berg", "ærø Jensen", "Øbro", "Ørsted Lund", "Åse Holm"]
