"""Read side: the matrix, goal readings and reports, each in a fixed number of queries."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch

from klynge.indicators import queries as indicator_queries
from klynge.indicators.choices import Level
from klynge.indicators.models import Point, Series
from klynge.organisation.models import Body, Organisation

from . import permissions, rules
from .choices import STATUS_SHORT, ImplementationStatus
from .models import AgreementStatus, CollaborationAgreement, Implementation, ImplementationUpdate


@dataclass
class Cell:
    status: str | None
    parties: int = 0
    counts: dict = field(default_factory=dict)

    @property
    def label(self) -> str:
        return ImplementationStatus(self.status).label if self.status else "Ikke omfattet"

    @property
    def short(self) -> str:
        return STATUS_SHORT[ImplementationStatus(self.status)] if self.status else ""

    @property
    def css(self) -> str:
        return f"status-{self.status}" if self.status else "status-none"

    @property
    def detail(self) -> str:
        if not self.counts:
            return self.label
        parts = [f"{n} {ImplementationStatus(s).label.lower()}" for s, n in sorted(self.counts.items())]
        return f"{self.label} ({', '.join(parts)})"


@dataclass
class Matrix:
    rows: list          # [(agreement or party, [Cell, ...])]
    columns: list       # clusters or agreements
    by: str             # "clusters" | "parties"


def visible_agreements(user):
    return (CollaborationAgreement.objects.filter(permissions.visible_agreements_q(user))
            .select_related("kind", "priority_area", "owner_body"))


def matrix(user, *, by: str = "clusters", kind: str = "", area: int | None = None, status: str = "",
           cluster: str = "") -> Matrix:
    """Agreements × clusters (cell: the least advanced row of the cluster) or parties × agreements.

    Four queries whatever the size: agreements, implementation rows, clusters or parties.
    """
    agreements = visible_agreements(user)
    if kind:
        agreements = agreements.filter(kind__slug=kind)
    if area:
        agreements = agreements.filter(priority_area_id=area)
    agreements = list(agreements.order_by("priority_area__sort_order", "sort_order", "title"))
    ids = [a.pk for a in agreements]
    rows = Implementation.objects.filter(agreement_id__in=ids).values_list("agreement_id", "cluster_id", "party_id",
                                                                          "status")
    if cluster:
        rows = rows.filter(cluster__slug=cluster)
    rows = list(rows)
    if by == "parties":
        party_ids = sorted({r[2] for r in rows if r[2]})
        parties = list(Organisation.objects.filter(pk__in=party_ids).order_by("kind", "name"))
        statuses = defaultdict(list)
        for agreement_id, _cluster_id, party_id, row_status in rows:
            if party_id:
                statuses[(party_id, agreement_id)].append(row_status)
        table = []
        for party in parties:
            cells = [Cell(rules.cluster_status(statuses[(party.pk, a.pk)]), counts={})
                     for a in agreements]
            if status and not any(c.status == status for c in cells):
                continue
            table.append((party, cells))
        return Matrix(table, agreements, "parties")
    cluster_ids = sorted({r[1] for r in rows})
    clusters = list(Body.objects.filter(pk__in=cluster_ids).order_by("name"))
    statuses = defaultdict(list)
    for agreement_id, cluster_id, _party_id, row_status in rows:
        statuses[(agreement_id, cluster_id)].append(row_status)
    table = []
    for agreement in agreements:
        cells = []
        for c in clusters:
            values = statuses[(agreement.pk, c.pk)]
            cells.append(Cell(rules.cluster_status(values), parties=len(values), counts=rules.status_counts(values)))
        if status and not any(c.status == status for c in cells):
            continue
        table.append((agreement, cells))
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
