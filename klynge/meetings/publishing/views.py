"""Downloads of agendas and minutes (Word, PDF) and the calendar feeds."""

from __future__ import annotations

import datetime

from django.db.models import Max
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import http_date
from django.views.decorators.http import conditional_page, require_safe

from klynge.organisation.models import Body, Membership, Person

from .. import visibility
from ..models import Meeting
from . import docx, ics, pdf
from .document import build_agenda, build_minutes


def _meeting(pk: int) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("body"), pk=pk)


def _file(content: bytes, content_type: str, filename: str, personal: bool) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # A file with closed items must not sit in shared caches; none are worth caching anyway.
    response["Cache-Control"] = "private, no-store" if personal else "private, max-age=0"
    return response


def _agenda(request, pk: int, renderer, content_type: str, extension: str) -> HttpResponse:
    meeting = _meeting(pk)
    if not visibility.can_see_agenda(request.user, meeting):
        raise Http404("Dagsordenen findes ikke.")
    document = build_agenda(meeting, request.user)
    return _file(renderer(document), content_type, document.filename(extension), document.includes_closed)


def _minutes(request, pk: int, renderer, content_type: str, extension: str) -> HttpResponse:
    meeting = _meeting(pk)
    if not visibility.can_see_minutes(request.user, meeting):
        raise Http404("Referatet findes ikke.")
    document = build_minutes(meeting, request.user)
    return _file(renderer(document), content_type, document.filename(extension), document.includes_closed)


@require_safe
def agenda_docx(request, pk: int):
    return _agenda(request, pk, docx.render_docx, docx.CONTENT_TYPE, "docx")


@require_safe
def agenda_pdf(request, pk: int):
    return _agenda(request, pk, pdf.render_pdf, pdf.CONTENT_TYPE, "pdf")


@require_safe
def minutes_docx(request, pk: int):
    return _minutes(request, pk, docx.render_docx, docx.CONTENT_TYPE, "docx")


@require_safe
def minutes_pdf(request, pk: int):
    return _minutes(request, pk, pdf.render_pdf, pdf.CONTENT_TYPE, "pdf")


def _feed(request, meetings, name: str, slug: str, kind: str, description: str = "") -> HttpResponse:
    meetings = list(meetings)
    content = ics.render_feed(meetings, name, uid=f"{kind}-{slug}@klynge", description=description,
                              request=request)
    response = HttpResponse(content, content_type=ics.CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{slug}.ics"'
    response["Cache-Control"] = "public, max-age=900"
    newest = _newest_change(meetings)
    if newest is not None:
        response["Last-Modified"] = http_date(newest.timestamp())
    return response


def _newest_change(meetings):
    """The newest change the feed shows: a meeting, its body or an item of it, or a meeting of these
    bodies deleted since (from the change history). The ETag (conditional_page) covers the rest."""
    stamps = [m.modified for m in meetings] + [m.body.modified for m in meetings]
    stamps += [i.modified for m in meetings for i in m.items.all()]
    body_ids = {m.body_id for m in meetings}
    if body_ids:
        deleted = Meeting.history.filter(history_type="-", body_id__in=body_ids).aggregate(at=Max("history_date"))
        stamps.append(deleted["at"])
    known = [s for s in stamps if s is not None]
    return max(known) if known else None


# The feeds answer GET and HEAD with an ETag and Last-Modified, and a conditional request with 304.
@require_safe
@conditional_page
def body_ics(request, slug: str):
    body = get_object_or_404(Body, slug=slug)
    ended = body.forward_text()
    return _feed(request, ics.feed_meetings([body.pk], since=_feed_since(body)),
                 f"Møder i {body.name}" + (" (ophørt)" if ended else ""), slug, "organ", ended)


def _feed_since(body):
    """An ended body's feed keeps all its past meetings (the record is closed and small); else two years."""
    if body.forward_text():
        return datetime.date.min
    return None


@require_safe
@conditional_page
def cluster_ics(request, slug: str):
    body = get_object_or_404(Body, slug=slug)
    ids = ics.descendant_ids(body)
    ended = body.forward_text()
    return _feed(request, ics.feed_meetings(ids, since=_feed_since(body)),
                 f"Mødekalender for {body.name} (alle organer)" + (" (ophørt)" if ended else ""), slug,
                 "klynge", ended)


@require_safe
@conditional_page
def person_ics(request, slug: str):
    person = get_object_or_404(Person, slug=slug)
    ids = set(Membership.objects.active().filter(person=person).values_list("body_id", flat=True))
    return _feed(request, ics.feed_meetings(ids), f"Møder for {person.name}", slug, "person")
