"""Read side: the matrix, goal readings and reports, each in a fixed number of queries."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Case, IntegerField, Min, Prefetch, Value, When
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from klynge.indicators import queries as indicator_queries
from klynge.indicators.choices import Level
from klynge.indicators.models import Point, Series
from klynge.organisation.models import Body, Organisation

from . import permissions, rules
from .choices import STATUS_RANK, ImplementationStatus
from .models import AgreementStatus, CollaborationAgreement, Implementation, ImplementationUpdate


def _cell_html() -> dict:
    """The <td> of every possible cell, built once: a matrix of thousands of cells is a dict lookup each."""
    cells = {None: format_html('<td class="status-none">{}</td>', "Ikke omfattet")}
    for value, label in ImplementationStatus.choices:
        cells[value] = format_html('<td class="status-{}">{}</td>', value, label)
    return cells


@dataclass
class Matrix:
    rows: list          # [(agreement or party, [Cell, ...], the cells as HTML)]
    columns: list       # clusters or agreements
    by: str             # "clusters" | "parties"


def visible_agreements(user):
    return (CollaborationAgreement.objects.filter(permissions.visible_agreements_q(user))
            .select_related("kind", "priority_area", "owner_body"))


def matrix(user, *, by: str = "clusters", kind: str = "", area: int | None = None, status: str = "",
           cluster: str = "") -> Matrix:
    """Agreements × clusters (cell: the least advanced row of the cluster) or parties × agreements.

    Three queries whatever the size: agreements, one status per cell (reduced in SQL), clusters or parties.
    """
    agreements = visible_agreements(user)
    if kind:
        agreements = agreements.filter(kind__slug=kind)
    if area:
        agreements = agreements.filter(priority_area_id=area)
    agreements = list(agreements.order_by("priority_area__sort_order", "sort_order", "title"))
    ids = [a.pk for a in agreements]
    rows = Implementation.objects.filter(agreement_id__in=ids)
    if cluster:
        rows = rows.filter(cluster__slug=cluster)
    # The least advanced status per cell, reduced in the database: one row per cell, not per party.
    rank = Case(*[When(status=value, then=Value(r)) for value, r in STATUS_RANK.items()], output_field=IntegerField())
    status_of = {r: value for value, r in STATUS_RANK.items()}
    html = _cell_html()
    table = []
    if by == "parties":
        per_party = rows.filter(party__isnull=False).values("party_id", "agreement_id")
        per_party = per_party.annotate(r=Min(rank)).order_by().values_list("party_id", "agreement_id", "r")
        cells_by = {(p, a): status_of[r] for p, a, r in per_party}
        parties = list(Organisation.objects.filter(pk__in={p for p, _ in cells_by}).order_by("kind", "name"))
        for party in parties:
            cells = [cells_by.get((party.pk, a.pk)) for a in agreements]
            if status and status not in cells:
                continue
            table.append((party, cells, mark_safe("".join(html[c] for c in cells))))  # noqa: S308 (built above)
        return Matrix(table, agreements, "parties")
    cells_by = {(a, c): status_of[r] for a, c, r in rows.values("agreement_id", "cluster_id")
                .annotate(r=Min(rank)).order_by().values_list("agreement_id", "cluster_id", "r")}
    clusters = list(Body.objects.filter(pk__in={c for _, c in cells_by}).order_by("name"))
    for agreement in agreements:
        cells = [cells_by.get((agreement.pk, c.pk)) for c in clusters]
        if status and status not in cells:
            continue
        table.append((agreement, cells, mark_safe("".join(html[c] for c in cells))))  # noqa: S308 (built above)
    return Matrix(table, clusters, "clusters")


def implementation_rows(agreement):
    return list(agreement.implementations.select_related("cluster", "party").prefetch_related("contacts")
                .order_by("cluster__name", "party__name"))


def status_on(agreement_ids, on: datetime.date) -> dict[int, AgreementStatus]:
    """The agreement status in force on a date (latest dated on or before it), per agreement."""
    latest = {}
    for row in AgreementStatus.objects.filter(agreement_id__in=agreement_ids, as_of__lte=on).order_by("as_of", "pk"):
        latest[row.agreement_id] = row
    return latest


def implementation_on(agreement_ids, on: datetime.date) -> dict[int, dict[int, str]]:
    """agreement -> cluster -> the cluster's status on a date (its least advanced row), from the update log."""
    updates = defaultdict(list)
    rows = ImplementationUpdate.objects.filter(implementation__agreement_id__in=agreement_ids, date__lte=on)
    for impl_id, agreement_id, cluster_id, date, pk, status in rows.values_list(
            "implementation_id", "implementation__agreement_id", "implementation__cluster_id", "date", "pk", "status"):
        updates[(agreement_id, cluster_id, impl_id)].append((date, pk, status))
    per_cluster = defaultdict(lambda: defaultdict(list))
    for (agreement_id, cluster_id, _impl), entries in updates.items():
        per_cluster[agreement_id][cluster_id].append(rules.latest_on(entries, on))
    return {a: {c: rules.cluster_status(v) for c, v in clusters.items()} for a, clusters in per_cluster.items()}


@dataclass
class GoalReading:
    area_name: str
    level: str
    reading: object  # indicators.queries.Reading
    met: bool | None

    @property
    def met_text(self) -> str:
        return rules.goal_met_text(self.met)


def goal_readings(goal) -> list[tuple[object, list[GoalReading]]]:
    """Per linked indicator: its region and cluster series read by the arrow rule, with met or not."""
    indicators = list(goal.indicators.all())
    series = (Series.objects.filter(indicator__in=indicators, area__level__in=[Level.REGION, Level.CLUSTER],
                                    age_band="")
              .select_related("indicator", "area")
              .prefetch_related(Prefetch("points", queryset=Point.objects.order_by("period"),
                                         to_attr="ordered_points"))
              .order_by("area__level", "area__name"))
    by_indicator = defaultdict(list)
    for s in series:
        reading = indicator_queries.read(s, s.ordered_points)
        value = reading.latest.value if reading.latest else None
        by_indicator[s.indicator_id].append(
            GoalReading(s.area.name, s.area.get_level_display(), reading,
                        rules.goal_met(goal.comparison, goal.target_value, value)))
    return [(indicator, by_indicator[indicator.pk]) for indicator in indicators]
