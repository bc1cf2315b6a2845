"""Read the ORM into the plain inputs of calculations.py."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q

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


def cluster_overviews(clusters: list[Body], *, light: bool = False) -> list[ClusterOverview]:
    """``cluster_overview`` of every cluster given, in five queries whatever their number.

    ``light``: for totals only (the funds index): rows read as plain values, and each overview's
    ``initiatives`` maps the numbers to None (no Initiative objects built, no titles or links).
    """
    ids = [c.pk for c in clusters]
    grants, transfers, lines, initiatives = (defaultdict(list) for _ in range(4))
    for cluster_id, year, party, amount in (Grant.objects.filter(cluster_id__in=ids)
                                            .values_list("cluster_id", "year", "party__name", "amount")):
        grants[cluster_id].append(calc.Grant(year, party, amount))
    for h in (BalanceHandover.objects.filter(Q(to_cluster_id__in=ids) | Q(from_cluster_id__in=ids))
              .select_related("party").order_by("handed_over_on", "party__name")):
        if h.to_cluster_id in ids:
            grants[h.to_cluster_id].append(calc.Grant(h.year, h.party.name, h.amount))
        if h.from_cluster_id in ids:
            grants[h.from_cluster_id].append(calc.Grant(h.year, h.party.name, -h.amount))
    for cluster_id, party, from_year, to_year, amount in (
            Transfer.objects.filter(cluster_id__in=ids)
            .values_list("cluster_id", "party__name", "from_year", "to_year", "amount")):
        transfers[cluster_id].append(calc.Transfer(party, from_year, to_year, amount))
    for cluster_id, number, year, party, amount in (
            BudgetLine.objects.filter(initiative__cluster_id__in=ids)
            .values_list("initiative__cluster_id", "initiative__number", "year", "party__name", "amount")):
        lines[cluster_id].append(calc.Line(number, year, party, amount))
    if light:
        for cluster_id, number in Initiative.objects.filter(cluster_id__in=ids).values_list("cluster_id", "number"):
            initiatives[cluster_id].append(number)
    else:
        for i in _initiatives().filter(cluster_id__in=ids):
            initiatives[i.cluster_id].append(i)
    result = []
    for cluster in clusters:
        if light:
            by_number = {n: None for n in sorted(initiatives[cluster.pk], key=calc.natural_key)}
        else:
            by_number = {i.number: i for i in sorted(initiatives[cluster.pk], key=lambda i: i.sort_key)}
        result.append(_overview(cluster, grants[cluster.pk], transfers[cluster.pk], lines[cluster.pk],
                                by_number, None))
    return result


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
