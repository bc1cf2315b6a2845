"""Read endpoints for agreements, goals, statuses and published status reports (issue 11).

Everything goes through ``klynge.agreements.permissions``: the public gets approved agreements,
their statuses per cluster and party, goals and published reports; a draft agreement or a draft
report only reaches those who may read the owning body's drafts. Contact persons, answers and
consolidated answers are not in the open API.
"""

import datetime
from decimal import Decimal

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from klynge.agreements import permissions
from klynge.agreements.models import CollaborationAgreement, Goal, StatusReport

router = Router(tags=["Aftaler"])


class ImplementationOut(Schema):
    cluster: str
    party: str | None
    status: str
    status_label: str
    status_date: datetime.date | None
    note: str


class AgreementOut(Schema):
    slug: str
    title: str
    kind: str
    priority_area: str | None
    owner_body: str
    approved_on: datetime.date | None
    approved_by: str | None
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    review_on: datetime.date | None
    url: str


class AgreementDetailOut(AgreementOut):
    summary: str
    for_citizens: str
    for_collaboration: str
    implementations: list[ImplementationOut]


class GoalOut(Schema):
    id: int
    title: str
    framework: str
    priority_area: str | None
    comparison: str
    target_value: Decimal | None
    unit: str
    deadline: datetime.date | None
    indicators: list[str]
    url: str


class ReportOut(Schema):
    id: int
    title: str
    framework: str
    as_of: datetime.date
    period_label: str
    published_at: datetime.datetime | None
    url: str
    pdf: str


def _agreement(a) -> dict:
    return {"slug": a.slug, "title": a.title, "kind": a.kind.name,
            "priority_area": a.priority_area.title if a.priority_area else None, "owner_body": a.owner_body.name,
            "approved_on": a.approved_on, "approved_by": a.approved_by.name if a.approved_by else None,
            "starts_on": a.starts_on, "ends_on": a.ends_on, "review_on": a.review_on, "url": a.get_absolute_url()}


@router.get("/agreements", response=list[AgreementOut], summary="Samarbejdsaftaler")
def list_agreements(request):
    rows = (CollaborationAgreement.objects.filter(permissions.visible_agreements_q(request.user))
            .select_related("kind", "priority_area", "owner_body", "approved_by").order_by("sort_order", "title"))
    return [_agreement(a) for a in rows]


@router.get("/agreements/{slug}", response=AgreementDetailOut, summary="En aftale med status pr. klynge og part")
def get_agreement(request, slug: str):
    a = get_object_or_404(CollaborationAgreement.objects.select_related("kind", "priority_area", "owner_body",
                                                                        "approved_by"), slug=slug)
    if not permissions.can_see_agreement(request.user, a):
        raise Http404
    rows = a.implementations.select_related("cluster", "party").order_by("cluster__name", "party__name")
    return {**_agreement(a), "summary": a.summary, "for_citizens": a.for_citizens,
            "for_collaboration": a.for_collaboration,
            "implementations": [{"cluster": r.cluster.name, "party": r.party.name if r.party else None,
                                 "status": r.status, "status_label": r.get_status_display(),
                                 "status_date": r.status_date, "note": r.note} for r in rows]}


@router.get("/goals", response=list[GoalOut], summary="Mål med måltal og indikatorer")
def list_goals(request):
    goals = Goal.objects.select_related("framework", "priority_area").prefetch_related("indicators")
    return [{"id": g.pk, "title": g.title, "framework": g.framework.title,
             "priority_area": g.priority_area.title if g.priority_area else None, "comparison": g.comparison,
             "target_value": g.target_value, "unit": g.unit, "deadline": g.deadline,
             "indicators": [i.name for i in g.indicators.all()], "url": g.get_absolute_url()} for g in goals]


@router.get("/status-reports", response=list[ReportOut], summary="Statusrapporter")
def list_status_reports(request):
    reports = (StatusReport.objects.filter(permissions.visible_reports_q(request.user))
               .select_related("framework").order_by("-as_of"))
    return [{"id": r.pk, "title": r.title, "framework": r.framework.title, "as_of": r.as_of,
             "period_label": r.period_label, "published_at": r.published_at, "url": r.get_absolute_url(),
             "pdf": r.get_absolute_url() + "rapport.pdf"} for r in reports]
