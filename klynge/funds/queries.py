"""Read the ORM into the plain inputs of calculations.py."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, Sum

from klynge.organisation.models import Body

from . import calculations as calc
from .models import BalanceHandover, BudgetApproval, BudgetLine, Grant, Initiative, Transfer


def clusters():
    return Body.objects.filter(kind__groups_bodies=True).select_related("kind", "region").order_by("name")


def _initiatives():
    """Initiatives with their cluster and whether their budget is locked, in the same query."""
    return (Initiative.objects.select_related("cluster", "project_owner", "responsible_body")
            .annotate(has_budget_approval=Exists(BudgetApproval.objects.filter(initiative=OuterRef("pk")))))


def cluster_initiatives(cluster: Body) -> list[Initiative]:
    items = list(_initiatives().filter(cluster=cluster))
    return sorted(items, key=lambda i: i.sort_key)


def grant_inputs(cluster: Body) -> list[calc.Grant]:
    """Grants, and balances handed over at a transition (in: +, out: -), so nothing counts twice."""
    grants = [calc.Grant(g.year, g.party.name, g.amount)
              for g in Grant.objects.filter(cluster=cluster).select_related("party")]
    for h in handovers(cluster):
        grants.append(calc.Grant(h.year, h.party.name, h.amount if h.to_cluster_id == cluster.pk else -h.amount))
    return grants


def handovers(cluster: Body) -> list[BalanceHandover]:
    return list(BalanceHandover.objects.filter(Q(to_cluster=cluster) | Q(from_cluster=cluster))
                .select_related("party", "from_cluster", "to_cluster").order_by("handed_over_on", "party__name"))


def transfer_inputs(cluster: Body) -> list[calc.Transfer]:
    return [calc.Transfer(t.party.name, t.from_year, t.to_year, t.amount)
            for t in Transfer.objects.filter(cluster=cluster).select_related("party")]


def line_inputs(cluster: Body, initiative: Initiative | None = None) -> list[calc.Line]:
    lines = BudgetLine.objects.filter(initiative__cluster=cluster).select_related("party", "initiative")
    if initiative is not None:
        lines = lines.filter(initiative=initiative)
    return [calc.Line(b.initiative.number, b.year, b.party.name, b.amount) for b in lines]


def available_years(cluster: Body) -> list[int]:
    return calc.all_years(grant_inputs(cluster), transfer_inputs(cluster), line_inputs(cluster))


@dataclass
class ClusterOverview:
    cluster: Body
    overview: calc.Overview
    initiatives: dict[str, Initiative]   # number -> initiative, for titles and links
    all_years: list[int]

    def rows(self):
        """(initiative, row) in natural order, for templates and exports."""
        return [(self.initiatives[r.initiative], r) for r in self.overview.rows]


def cluster_overview(cluster: Body, years: list[int] | None = None) -> ClusterOverview:
    grants, transfers, lines = grant_inputs(cluster), transfer_inputs(cluster), line_inputs(cluster)
    initiatives = {i.number: i for i in cluster_initiatives(cluster)}
    return _overview(cluster, grants, transfers, lines, initiatives, years)


def _overview(cluster, grants, transfers, lines, initiatives, years) -> ClusterOverview:
    every_year = calc.all_years(grants, transfers, lines)
    chosen = [y for y in (years or every_year)]
    chosen_set = set(chosen)
    numbers_with_lines = {line.initiative for line in lines if line.year in chosen_set}
    order = [n for n in initiatives if n in numbers_with_lines]
    result = calc.overview(grants, transfers, lines, chosen, initiatives=order)
    return ClusterOverview(cluster, result, initiatives, every_year)


@dataclass
class ClusterTotals:
    """What the funds index shows of a cluster: the totals of its overview over every year."""

    cluster: Body
    initiatives: int
    total_funds: int
    total_committed: int

    @property
    def total_balance(self) -> int:
        return self.total_funds - self.total_committed


def cluster_totals(clusters: list[Body]) -> list[ClusterTotals]:
    """The totals of ``cluster_overview(cluster)`` for every cluster given, summed by the database, in four
    queries whatever their number.

    Over every year the overview's sums reduce to plain sums: the funds are the grants and the balances
    handed over (transfers between two years both inside the selection net out to nothing), the committed
    funds every budget line (each line's initiative and party is a row and a column of the matrix).
    tests/funds/test_cluster_totals.py holds this against the full overview.
    """
    ids = [c.pk for c in clusters]
    funds, committed, initiatives = defaultdict(int), defaultdict(int), defaultdict(int)
    grants = Grant.objects.filter(cluster_id__in=ids).values("cluster_id").annotate(total=Sum("amount"))
    for row in grants.order_by():
        funds[row["cluster_id"]] += int(row["total"])  # int: PostgreSQL's sum of bigints is a numeric
    for from_id, to_id, amount in (BalanceHandover.objects.filter(Q(to_cluster_id__in=ids) | Q(from_cluster_id__in=ids))
                                   .order_by().values_list("from_cluster_id", "to_cluster_id", "amount")):
        funds[to_id] += amount
        funds[from_id] -= amount
    lines = (BudgetLine.objects.filter(initiative__cluster_id__in=ids)
             .values("initiative__cluster_id").annotate(total=Sum("amount")))
    for row in lines.order_by():
        committed[row["initiative__cluster_id"]] += int(row["total"])
    for row in Initiative.objects.filter(cluster_id__in=ids).values("cluster_id").annotate(n=Count("pk")).order_by():
        initiatives[row["cluster_id"]] = row["n"]
    return [ClusterTotals(c, initiatives[c.pk], funds[c.pk], committed[c.pk]) for c in clusters]


def parse_years(values) -> list[int] | None:
    """'2022,2023' or ['2022', '2023'] -> [2022, 2023]; None when nothing (or nothing valid) is given."""
    if isinstance(values, str):
        values = [values]
    years = set()
    for value in values or []:
        for part in str(value).split(","):
            part = part.strip()
            if part.isdigit() and 2000 <= int(part) <= 2100:
                years.add(int(part))
    return sorted(years) or None


def distribution_key(initiative: Initiative) -> tuple[dict[str, int], bool]:
    """(weights by party name, explicit?) An explicit key if recorded, else the budget's shares."""
    shares = {s.party.name: s.weight for s in initiative.distribution_shares.select_related("party")}
    if shares:
        return shares, True
    lines = [calc.Line(initiative.number, b.year, b.party.name, b.amount)
             for b in initiative.budget_lines.select_related("party")]
    return calc.key_from_budget(lines), False
