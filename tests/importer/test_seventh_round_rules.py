"""Issue 12, seventh round: general rules for lists, titles, header fields and unnumbered items (invented texts
in the style of the failures, not the corpus's)."""

from klynge.importer import layout
from klynge.importer.parse import parse


def _items(doc):
    return [(i.number, i.title) for i in doc.items]


# --- lists ------------------------------------------------------------------------------------------------


def test_a_contents_list_followed_by_the_first_item_keeps_the_items_only_listed():
    doc = parse("Referat 03-05-2024 - Miljø og teknik\n\nMødedato:\n03-05-2024 kl. 15:00\n\nIndholdsfortegnelse\n\n"
                "1. Ny affaldsplan\n2. Eventuelt\n\n1. Ny affaldsplan\n\nSagsfremstilling\n\nPlanen er sendt i høring.\n\n"
                "Beslutning\n\nGodkendt.\n")
    assert _items(doc) == [(1, "Ny affaldsplan"), (2, "Eventuelt")]


def test_a_list_counts_upwards_so_a_number_one_after_a_two_starts_no_list():
    lines = ["1. Ny affaldsplan", "2. Eventuelt", "", "1. Ny affaldsplan", "", "Sagen er sendt i høring.", ""]
    cands = layout._candidates(lines, lines, set())
    assert [c.list_member for c in sorted(cands, key=lambda c: c.index)] == [True, True, False]
