"""The grants table of Sundhedsklynge Lillebælt (Fagligt strategisk niveau 7. december 2022, punkt 5):

År    Kommune    Region     I alt (kr.)
2022  2.069.103  2.061.670  4.130.773
2023  2.069.103  2.110.235  4.179.338
                            8.310.111
"""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from klynge.funds import calculations as calc
from klynge.funds import queries
from klynge.funds.models import Grant, Transfer
from klynge.organisation.models import Body

CORPUS = Path("/work/shared/corpus/lillebaelt-fagligt-strategisk-niveau-2022-12-07.txt")


@pytest.fixture
def demo(db):
    call_command("demo", stdout=io.StringIO())
    return Body.objects.get(slug="sundhedsklynge-lillebaelt")


def test_demo_reproduces_the_corpus_grants_table_exactly(demo):
    grants = {(g.year, g.party.name): g.amount for g in Grant.objects.filter(cluster=demo)}
    municipal, region = "Kommunerne i Sundhedsklynge Lillebælt", "Region Syddanmark"
    assert grants == {(2022, municipal): 2_069_103, (2022, region): 2_061_670,
                      (2023, municipal): 2_069_103, (2023, region): 2_110_235}
    by_year = {y: sum(a for (yy, _), a in grants.items() if yy == y) for y in (2022, 2023)}
    assert by_year == {2022: 4_130_773, 2023: 4_179_338}
    assert sum(grants.values()) == 8_310_111


def test_the_2022_funds_are_carried_over_so_2023_has_the_whole_sum(demo):
    transfers = Transfer.objects.filter(cluster=demo)
    assert sorted((t.party.name, t.from_year, t.to_year, t.amount) for t in transfers) == [
        ("Kommunerne i Sundhedsklynge Lillebælt", 2022, 2023, 2_069_103),
        ("Region Syddanmark", 2022, 2023, 2_061_670),
    ]
    view_2023 = queries.cluster_overview(demo, [2023])
    assert view_2023.overview.total_funds == 8_310_111
    assert queries.cluster_overview(demo, [2022]).overview.total_funds == 0


def test_the_table_in_the_corpus_text_says_the_same(demo):
    if not CORPUS.exists():
        pytest.skip("korpusset er ikke tilgængeligt")
    text = CORPUS.read_text()
    rows = {}
    for line in text.splitlines():
        cells = line.split("\t")
        if len(cells) == 4 and cells[0] in ("2022", "2023"):
            rows[int(cells[0])] = [calc.parse_kroner(c) for c in cells[1:]]
    assert rows == {2022: [2_069_103, 2_061_670, 4_130_773], 2023: [2_069_103, 2_110_235, 4_179_338]}
    assert all(m + r == total for m, r, total in rows.values())
    assert sum(total for _, _, total in rows.values()) == 8_310_111
    assert "<b>8.310.111</b>" in text


def test_the_demo_is_idempotent(demo):
    counts = [Grant.history.count(), Transfer.history.count()]
    call_command("demo", stdout=io.StringIO())
    assert [Grant.history.count(), Transfer.history.count()] == counts
