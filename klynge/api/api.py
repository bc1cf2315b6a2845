"""The open HTTP API (OpenAPI 3 via Django Ninja), read-only, at /api/v1/.

The vocabulary follows OParl 1.1 where it fits (body, person, membership, meeting,
agendaItem). Every answer is what the asking user may see: anonymous callers get
the public view, a logged-in session gets that user's view, and closed items come
back only as {"number": N, "title": "Lukket punkt", "closed": true}.
"""

import datetime

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Query, Schema
from ninja.errors import ValidationError as NinjaValidationError

from klynge.meetings import timeplan, visibility
from klynge.meetings.models import Meeting
from klynge.organisation.models import Body, Membership, Person

api = NinjaAPI(
    title="Klynge API", version="1", urls_namespace="api",
    description="Åbent API til strukturen og møderne i det tværsektorielle sundhedssamarbejde. "
                "Svarene indeholder kun det, den spørgende bruger må se.",
    auth=None,
)


@api.exception_handler(NinjaValidationError)
def danish_validation_error(request, exc):
    problems = []
    for error in exc.errors:
        where = ".".join(str(part) for part in error.get("loc", []) if part not in ("query", "path", "body"))
        problems.append(f"{where or 'forespørgslen'}: ugyldig værdi")
    return api.create_response(request, {"fejl": "Ugyldig forespørgsel.", "detaljer": problems}, status=400)


@api.exception_handler(Http404)
def danish_not_found(request, exc):
    return api.create_response(request, {"fejl": "Findes ikke."}, status=404)


class BodyOut(Schema):
    slug: str
    name: str
    short_name: str
    kind: str
    parent: str | None
    active_from: datetime.date | None
    active_to: datetime.date | None
    url: str


class MembershipOut(Schema):
    person: str
    person_slug: str
    role: str
    organisation: str | None
    start: datetime.date
    end: datetime.date | None


class BodyDetailOut(BodyOut):
    description: str
    children: list[str]
    members: list[MembershipOut]


class PersonOut(Schema):
    slug: str
    name: str
    title: str
    memberships: list[MembershipOut]


class MeetingOut(Schema):
    id: int
    body: str
    date: datetime.date
    start: datetime.time
    end: datetime.time
    status: str
    place: str
    url: str


class RecommendationOut(Schema):
    number: int
    text: str
    outcome: str | None


class ItemOut(Schema):
    number: int | None
    title: str
    kind: str
    closed: bool
    time: str
    case_number: str
    summary: str
    recommendations: list[RecommendationOut]
    decision: str


class MeetingDetailOut(MeetingOut):
    items: list[ItemOut]


class BodyFilter(Schema):
    q: str | None = None
    active_on: datetime.date | None = None


class MeetingFilter(Schema):
    body: str | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None


def _body(body: Body) -> dict:
    return {"slug": body.slug, "name": body.name, "short_name": body.short_name, "kind": body.kind.name,
            "parent": body.parent.slug if body.parent_id else None, "active_from": body.active_from,
            "active_to": body.active_to, "url": body.get_absolute_url()}


def _membership(m: Membership) -> dict:
    return {"person": m.person.name, "person_slug": m.person.slug, "role": m.get_role_display(),
            "organisation": m.organisation.name if m.organisation_id else None, "start": m.start, "end": m.end}


def _meeting(m: Meeting) -> dict:
    return {"id": m.pk, "body": m.body.slug, "date": m.date, "start": m.start, "end": m.end,
            "status": m.get_status_display(), "place": m.address or m.get_place_kind_display(),
            "url": m.get_absolute_url()}


@api.get("/bodies", response=list[BodyOut], summary="Organer")
def list_bodies(request, filters: Query[BodyFilter]):
    bodies = Body.objects.select_related("kind", "parent").order_by("name")
    if filters.q:
        bodies = bodies.filter(Q(name__icontains=filters.q) | Q(short_name__icontains=filters.q))
    if filters.active_on:
        bodies = bodies.active(filters.active_on)
    return [_body(b) for b in bodies]


@api.get("/bodies/{slug}", response=BodyDetailOut, summary="Et organ med nuværende medlemmer")
def get_body(request, slug: str):
    body = get_object_or_404(Body.objects.select_related("kind", "parent"), slug=slug)
    members = body.memberships.active().select_related("person", "organisation").order_by("person__name")
    return {**_body(body), "description": body.description,
            "children": list(body.children.values_list("slug", flat=True)),
            "members": [_membership(m) for m in members]}


@api.get("/persons/{slug}", response=PersonOut, summary="En person og dens medlemskaber over tid")
def get_person(request, slug: str):
    person = get_object_or_404(Person, slug=slug)
    memberships = person.memberships.select_related("person", "organisation").order_by("-start")
    return {"slug": person.slug, "name": person.name, "title": person.title,
            "memberships": [_membership(m) for m in memberships]}


@api.get("/meetings", response=list[MeetingOut], summary="Møder")
def list_meetings(request, filters: Query[MeetingFilter]):
    meetings = Meeting.objects.select_related("body").order_by("-date")
    if filters.body:
        meetings = meetings.filter(body__slug=filters.body)
    if filters.date_from:
        meetings = meetings.filter(date__gte=filters.date_from)
    if filters.date_to:
        meetings = meetings.filter(date__lte=filters.date_to)
    return [_meeting(m) for m in meetings[:1000]]


@api.get("/meetings/{meeting_id}", response=MeetingDetailOut, summary="Et møde med dagsorden og beslutninger")
def get_meeting(request, meeting_id: int):
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=meeting_id)
    items = []
    if visibility.can_see_agenda(request.user, meeting):
        rows = list(meeting.items.prefetch_related("recommendations").order_by("position", "pk"))
        slots = timeplan.compute_slots(meeting.date, meeting.start, meeting.end, rows)
        with_minutes = visibility.can_see_minutes(request.user, meeting)
        for item, slot in zip(visibility.visible_items(request.user, meeting, rows), slots, strict=True):
            items.append(_item(item, slot, with_minutes))
    return {**_meeting(meeting), "items": items}


def _item(item, slot, with_minutes: bool) -> dict:
    if getattr(item, "redacted", False):
        return {"number": item.number, "title": item.title, "kind": "", "closed": True, "time": "",
                "case_number": "", "summary": "", "recommendations": [], "decision": ""}
    return {
        "number": item.number or None, "title": item.title, "kind": item.get_kind_display(), "closed": item.closed,
        "time": slot.label(), "case_number": item.case_number, "summary": item.summary,
        "recommendations": [{"number": r.number, "text": r.text,
                             "outcome": (r.get_outcome_display() or None) if with_minutes else None}
                            for r in item.recommendations.all()],
        "decision": item.decision if with_minutes else "",
    }


from klynge.api.agreements import router as agreements_router  # noqa: E402  (after the core endpoints)

api.add_router("/", agreements_router)
