"""The funds index's totals, summed by the database, are the totals of each cluster's full overview."""

import datetime

from klynge.funds import queries
from klynge.funds.models import BalanceHandover, BudgetLine, Grant, Initiative, Transfer


def _from_overview(cluster):
    view = queries.cluster_overview(cluster)
    o = view.overview
    return len(view.initiatives), o.total_funds, o.total_committed, o.total_balance


def _from_totals(totals):
    return totals.initiatives, totals.total_funds, totals.total_committed, totals.total_balance


def test_the_totals_are_those_of_the_overview_over_every_year(funded):
    s = funded
    # Another year, a carry-over between two years, balances handed over both ways, an initiative with
    # no budget, a line in a year without grants, and an over-committed second cluster.
    Grant.objects.create(cluster=s.cluster, year=2024, party=s.municipality, amount=500_000)
    Transfer.objects.create(cluster=s.cluster, party=s.region, from_year=2023, to_year=2024, amount=70_000)
    Transfer.objects.create(cluster=s.cluster, party=s.municipality, from_year=2024, to_year=2025, amount=5_000)
    BalanceHandover.objects.create(from_cluster=s.other_cluster, to_cluster=s.cluster, party=s.region, year=2024,
                                   amount=123_456, handed_over_on=datetime.date(2024, 1, 1))
    BalanceHandover.objects.create(from_cluster=s.cluster, to_cluster=s.other_cluster, party=s.municipality,
                                   year=2024, amount=1_000, handed_over_on=datetime.date(2024, 2, 1))
    Initiative.objects.create(cluster=s.cluster, number="11", title="Uden budget")
    third = Initiative.objects.create(cluster=s.other_cluster, number="1", title="Tredje indsats")
    BudgetLine.objects.create(initiative=third, year=2026, party=s.region, amount=900_000)
    BudgetLine.objects.create(initiative=third, year=2026, party=s.municipality, amount=20_000)

    clusters = [s.cluster, s.other_cluster]
    found = [_from_totals(t) for t in queries.cluster_totals(clusters)]
    assert found == [_from_overview(c) for c in clusters]
    assert found[1][3] < 0  # the second cluster is over-committed
    assert [t.cluster for t in queries.cluster_totals(clusters)] == clusters


def test_a_cluster_without_funds_has_zero_totals(structure):
    (totals,) = queries.cluster_totals([structure.other_cluster])
    assert _from_totals(totals) == (0, 0, 0, 0) == _from_overview(structure.other_cluster)
