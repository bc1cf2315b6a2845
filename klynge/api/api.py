"""The open HTTP API (OpenAPI 3 via Django Ninja), read-only, at /api/v1/.

The vocabulary follows OParl 1.1 where it fits (body, person, membership, meeting,
agendaItem); the OParl API itself is at /oparl/v1/ (klynge/oparl). Every answer is what the
asking user may see: anonymous callers get the public view, a logged-in session gets that
user's view, and closed items come back only as {"number": N, "title": "Lukket punkt", "closed": true}.

Every operation answers GET and HEAD, sends an ETag (and Last-Modified where the answer has a
newest change) and answers a matching conditional request with 304. A parameter the operation
does not know, or a value it cannot use, is refused with 400 and a Danish message naming it.
The meetings list is paged (``page``, ``page_size``) instead of cut off.
"""

import datetime
import math
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Max, Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import http_date
from django.views.decorators.http import conditional_page
from ninja import Field, NinjaAPI, Query, Schema
from ninja.decorators import decorate_view
from ninja.errors import ValidationError as NinjaValidationError

from klynge.core.links import UrlPattern
from klynge.meetings import timeplan, visibility
from klynge.meetings.models import Meeting
from klynge.organisation.models import Body, Membership, Person

ZONE = ZoneInfo(settings.TIME_ZONE)
# The dates a filter may name (as core/params.py: the years a calendar can show).
FIRST_DAY, LAST_DAY = datetime.date(1900, 1, 1), datetime.date(2100, 12, 31)
PAGE_SIZE, MAX_PAGE_SIZE = 100, 500

api = NinjaAPI(
    title="Klynge API", version="1", urls_namespace="api",
    description="Åbent API til strukturen og møderne i det tværsektorielle sundhedssamarbejde. "
                "Svarene indeholder kun det, den spørgende bruger må se.",
    auth=None,
)


class BadParameters(Exception):
    """Parameters the operation refuses; ``problems`` are Danish sentences naming each one."""

    def __init__(self, problems: list[str]):
        super().__init__(problems)
        self.problems = problems


# What a value should have looked like, by pydantic's error type (never pydantic's English text).
EXPECTED = {
    "date": "skal være en dato skrevet som 2023-06-07",
    "int": "skal være et helt tal",
    "greater": "er for lille",
    "less": "er for stor",
    "too_long": "er for lang",
    "missing": "mangler",
}


def _expected(error_type: str) -> str:
    for key, text in EXPECTED.items():
        if key in error_type:
            return text
    return "har en værdi, der ikke kan bruges"


def _shown(value) -> str:
    text = str(value)
    return text if len(text) <= 30 else text[:30] + "…"


@api.exception_handler(NinjaValidationError)
def danish_validation_error(request, exc):
    problems = []
    for error in exc.errors:
        where = ".".join(str(part) for part in error.get("loc", []) if part not in ("query", "path", "body", "filters"))
        given = error.get("input")
        value = f" “{_shown(given)}”" if isinstance(given, str | int) and not isinstance(given, bool) else ""
        problems.append(f"{where or 'forespørgslen'}{value} {_expected(error.get('type', ''))}.")
    return api.create_response(request, {"fejl": "Ugyldig forespørgsel.", "detaljer": problems}, status=400)


@api.exception_handler(BadParameters)
def danish_bad_parameters(request, exc):
    return api.create_response(request, {"fejl": "Ugyldig forespørgsel.", "detaljer": exc.problems}, status=400)


@api.exception_handler(Http404)
def danish_not_found(request, exc):
    return api.create_response(request, {"fejl": "Findes ikke."}, status=404)


class ErrorOut(Schema):
    fejl: str = Field(..., description="Hvad der gik galt, på dansk.")
    detaljer: list[str] = Field(default_factory=list, description="Hver parameter, der ikke kunne bruges.")


NOT_FOUND = {404: ErrorOut}
BAD = {400: ErrorOut}


def read(path: str, **kwargs):
    """A read operation: GET (in the OpenAPI schema) and HEAD (the same view; left out of the schema,
    where its operationId would repeat GET's). Both answer with an ETag and 304 (conditional_page)."""

    def register(view):
        view = decorate_view(conditional_page)(view)
        api.api_operation(["HEAD"], path, include_in_schema=False, **kwargs)(view)
        return api.get(path, **kwargs)(view)

    return register


def refuse_unknown(request, known: set[str]) -> None:
    """A parameter the operation does not know is refused, not silently ignored."""
    unknown = sorted(set(request.GET) - known)
    if unknown:
        names = ", ".join(unknown)
        allowed = ", ".join(sorted(known)) or "ingen"
        raise BadParameters([f"Ukendt parameter: {names}. Operationen kender: {allowed}."])


def check_dates(**dates) -> list[str]:
    return [f"{name} {value.isoformat()} ligger uden for {FIRST_DAY.year}-{LAST_DAY.year}."
            for name, value in dates.items() if value and not FIRST_DAY <= value <= LAST_DAY]


def last_modified(response: HttpResponse, *moments) -> None:
    """Sets Last-Modified to the newest of ``moments`` (None ones ignored)."""
    known = [m for m in moments if m is not None]
    if known:
        response["Last-Modified"] = http_date(max(known).timestamp())


def local_moment(day: datetime.date, time: datetime.time) -> datetime.datetime:
    """A meeting's wall-clock time as an aware date-time in Danish time (its offset that day)."""
    return datetime.datetime.combine(day, time, tzinfo=ZONE)


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
    start: datetime.datetime = Field(..., description="Start i dansk tid med tidszone: 2023-06-07T17:00:00+02:00.")
    end: datetime.datetime = Field(..., description="Slut, dansk tid med tidszone.")
    status: str
    place: str
    url: str


class MeetingPageOut(Schema):
    items: list[MeetingOut]
    count: int = Field(..., description="Antal møder i alt, der passer på filtrene.")
    page: int
    pages: int
    next: str | None = Field(None, description="Adressen på næste side; null på sidste side.")
    previous: str | None = None


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
    q: str | None = Field(None, max_length=200, description="Søg i navn og kort navn.")
    active_on: datetime.date | None = Field(None, description="Kun organer, der er aktive denne dag.")


class MeetingFilter(Schema):
    body: str | None = Field(None, max_length=200, description="Organets kortnavn (slug).")
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    page: int = Field(1, ge=1, le=1_000_000, description="Sidenummer, fra 1.")
    page_size: int = Field(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description=f"Møder pr. side (højst {MAX_PAGE_SIZE}).")


def _body(body: Body, body_url=None) -> dict:
    """``body_url``: a ``UrlPattern("body")`` when many bodies are listed (Body.get_absolute_url, one reverse())."""
    return {"slug": body.slug, "name": body.name, "short_name": body.short_name, "kind": body.kind.name,
            "parent": body.parent.slug if body.parent_id else None, "active_from": body.active_from,
            "active_to": body.active_to, "url": body_url(body.slug) if body_url else body.get_absolute_url()}


def _membership(m: Membership) -> dict:
    return {"person": m.person.name, "person_slug": m.person.slug, "role": m.get_role_display(),
            "organisation": m.organisation.name if m.organisation_id else None, "start": m.start, "end": m.end}


def _meeting(m: Meeting, meeting_url=None) -> dict:
    """``meeting_url``: a ``UrlPattern("meetings:meeting")`` for a page of meetings (one reverse())."""
    return {"id": m.pk, "body": m.body.slug, "date": m.date, "start": local_moment(m.date, m.start),
            "end": local_moment(m.date, m.end),
            "status": m.get_status_display(), "place": m.address or m.get_place_kind_display(),
            "url": meeting_url(m.pk) if meeting_url else m.get_absolute_url()}


@read("/bodies", response={200: list[BodyOut], **BAD}, summary="Organer")
def list_bodies(request, response: HttpResponse, filters: Query[BodyFilter]):
    refuse_unknown(request, {"q", "active_on"})
    problems = check_dates(active_on=filters.active_on)
    if problems:
        raise BadParameters(problems)
    bodies = Body.objects.select_related("kind", "parent").order_by("name")
    if filters.q:
        bodies = bodies.filter(Q(name__icontains=filters.q) | Q(short_name__icontains=filters.q))
    if filters.active_on:
        bodies = bodies.active(filters.active_on)
    bodies = list(bodies)
    last_modified(response, *(b.modified for b in bodies))
    body_url = UrlPattern("body")
    return [_body(b, body_url) for b in bodies]


@read("/bodies/{slug}", response={200: BodyDetailOut, **BAD, **NOT_FOUND},
                   summary="Et organ med nuværende medlemmer")
def get_body(request, response: HttpResponse, slug: str):
    refuse_unknown(request, set())
    body = get_object_or_404(Body.objects.select_related("kind", "parent"), slug=slug)
    members = list(body.memberships.active().select_related("person", "organisation").order_by("person__name"))
    last_modified(response, body.modified, *(m.modified for m in members))
    return {**_body(body), "description": body.description,
            "children": list(body.children.values_list("slug", flat=True)),
            "members": [_membership(m) for m in members]}


@read("/persons/{slug}", response={200: PersonOut, **BAD, **NOT_FOUND},
                   summary="En person og dens medlemskaber over tid")
def get_person(request, response: HttpResponse, slug: str):
    refuse_unknown(request, set())
    person = get_object_or_404(Person, slug=slug)
    memberships = list(person.memberships.select_related("person", "organisation").order_by("-start"))
    last_modified(response, person.modified, *(m.modified for m in memberships))
    return {"slug": person.slug, "name": person.name, "title": person.title,
            "memberships": [_membership(m) for m in memberships]}


def _page_url(request, page: int) -> str:
    params = {k: v for k, v in request.GET.items() if k != "page"}
    params["page"] = page
    return request.build_absolute_uri(f"{request.path}?{urlencode(params)}")


@read("/meetings", response={200: MeetingPageOut, **BAD},
                   summary="Møder, nyeste først, i sider (page, page_size)")
def list_meetings(request, response: HttpResponse, filters: Query[MeetingFilter]):
    refuse_unknown(request, {"body", "date_from", "date_to", "page", "page_size"})
    problems = check_dates(date_from=filters.date_from, date_to=filters.date_to)
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        problems.append(f"date_from {filters.date_from.isoformat()} ligger efter "
                        f"date_to {filters.date_to.isoformat()}.")
    if filters.body and not Body.objects.filter(slug=filters.body).exists():
        problems.append(f"body: organet “{_shown(filters.body)}” findes ikke.")
    if problems:
        raise BadParameters(problems)
    meetings = Meeting.objects.select_related("body").order_by("-date", "-start", "-pk")
    if filters.body:
        meetings = meetings.for_bodies(Body.objects.filter(slug=filters.body).values_list("pk", flat=True))
    if filters.date_from:
        meetings = meetings.filter(date__gte=filters.date_from)
    if filters.date_to:
        meetings = meetings.filter(date__lte=filters.date_to)
    count = meetings.count()
    pages = max(1, math.ceil(count / filters.page_size))
    if filters.page > pages:
        raise BadParameters([f"page {filters.page} findes ikke: der er {pages} side(r)."])
    start = (filters.page - 1) * filters.page_size
    rows = list(meetings[start:start + filters.page_size])
    last_modified(response, meetings.aggregate(newest=Max("modified"))["newest"])
    meeting_url = UrlPattern("meetings:meeting")
    return {"items": [_meeting(m, meeting_url) for m in rows], "count": count, "page": filters.page, "pages": pages,
            "next": _page_url(request, filters.page + 1) if filters.page < pages else None,
            "previous": _page_url(request, filters.page - 1) if filters.page > 1 else None}


@read("/meetings/{meeting_id}", response={200: MeetingDetailOut, **BAD, **NOT_FOUND},
                   summary="Et møde med dagsorden og beslutninger")
def get_meeting(request, response: HttpResponse, meeting_id: int):
    refuse_unknown(request, set())
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=meeting_id)
    items, stamps = [], [meeting.modified]
    if visibility.can_see_agenda(request.user, meeting):
        # As a list on each item (to_attr): the same query, without a manager and a queryset per item.
        rows = list(meeting.items.prefetch_related(Prefetch("recommendations", to_attr="recommendation_list"))
                    .order_by("position", "pk"))
        stamps += [i.modified for i in rows] + [r.modified for i in rows for r in i.recommendation_list]
        slots = timeplan.compute_slots(meeting.date, meeting.start, meeting.end, rows)
        with_minutes = visibility.can_see_minutes(request.user, meeting)
        for item, slot in zip(visibility.visible_items(request.user, meeting, rows), slots, strict=True):
            items.append(_item(item, slot, with_minutes))
    last_modified(response, *stamps)
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
                            for r in item.recommendation_list],
        "decision": item.decision if with_minutes else "",
    }


from klynge.api.agreements import router as agreements_router  # noqa: E402  (after the core endpoints)

api.add_router("/", agreements_router)
from klynge.api.improvement import router as improvement_router  # noqa: E402

api.add_router("/", improvement_router)
