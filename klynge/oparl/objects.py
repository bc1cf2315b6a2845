"""Klynge records as OParl 1.1 objects: one function per object type.

Everything here is the public view. The rules of what the public may see are asked of
meetings/visibility.py with the anonymous user (``PUBLIC``); nothing is re-derived:
- a meeting is public from planning on (as its page), its agenda only once published
  (``can_see_agenda``), its minutes, results, attendance and minutes files only once the
  minutes are published (``can_see_minutes``);
- a closed item is ``public: false`` with its number and order and nothing else, as the public
  page shows it (``public_items``); its attachments and matter are left out;
- a matter (Paper) is published when one of its items is visible to the public, under the title
  ``matter_title_for`` gives the public.
"""

from __future__ import annotations

import datetime
import mimetypes
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from klynge.meetings import timeplan, visibility
from klynge.meetings.choices import ROLE_BY_KIND, ItemKind

from . import documents

OPARL_VERSION = "https://schema.oparl.org/1.1/"
PUBLIC = AnonymousUser()
ZONE = ZoneInfo(settings.TIME_ZONE)


def type_of(name: str) -> str:
    return f"{OPARL_VERSION}{name}"


def moment(value: datetime.datetime | None) -> str | None:
    """An aware date-time in Danish time with its offset: 2023-06-07T17:00:00+02:00."""
    if value is None:
        return None
    return timezone.localtime(value, ZONE).isoformat(timespec="seconds")


def local_moment(day: datetime.date, time: datetime.time) -> str:
    """A meeting's wall-clock time on its day, with the Danish offset of that day."""
    return datetime.datetime.combine(day, time, tzinfo=ZONE).isoformat(timespec="seconds")


def stamps(obj) -> dict:
    return {"created": moment(obj.created), "modified": moment(obj.modified)}


def clean(data: dict) -> dict:
    """Leave out what has no value: OParl leaves out an unknown attribute rather than give null or ""."""
    return {k: v for k, v in data.items() if v not in (None, "", [])}


class Out:
    """Builds absolute URLs for one request and remembers what it has looked up."""

    def __init__(self, request):
        self.request = request
        self._roots: dict[int, object] | None = None
        self._agenda: dict[int, bool] = {}
        self._minutes: dict[int, bool] = {}
        self.agendas: dict[int, dict] = {}

    def url(self, name: str, *args) -> str:
        return self.request.build_absolute_uri(reverse(f"oparl:{name}", args=args))

    def web(self, obj) -> str:
        return self.request.build_absolute_uri(obj.get_absolute_url())

    def absolute(self, path: str) -> str:
        return self.request.build_absolute_uri(path)

    # --- the OParl body a Klynge body belongs to: the root of its tree ------------------------
    def root_of(self, body_id: int):
        if self._roots is None:
            from klynge.organisation.models import Body

            bodies = {b.pk: b for b in Body.objects.select_related("kind")}
            roots = {}
            for pk, body in bodies.items():
                node, seen = body, {pk}
                while node.parent_id and node.parent_id in bodies and node.parent_id not in seen:
                    seen.add(node.parent_id)
                    node = bodies[node.parent_id]
                roots[pk] = node
            self._roots = roots
        return self._roots.get(body_id)

    def body_url_for(self, body_id: int) -> str | None:
        root = self.root_of(body_id)
        return self.url("body", root.slug) if root else None

    # --- what the public sees of a meeting, asked once per meeting ---------------------------
    def agenda_public(self, meeting) -> bool:
        if meeting.pk not in self._agenda:
            self._agenda[meeting.pk] = visibility.can_see_agenda(PUBLIC, meeting)
        return self._agenda[meeting.pk]

    def minutes_public(self, meeting) -> bool:
        if meeting.pk not in self._minutes:
            self._minutes[meeting.pk] = visibility.can_see_minutes(PUBLIC, meeting)
        return self._minutes[meeting.pk]


def deleted(out: Out, type_name: str, object_id: str, created, when) -> dict:
    """A deleted object as the specification asks: id, type, created, modified (the deletion), deleted."""
    return clean({"id": object_id, "type": type_of(type_name), "created": moment(created),
                  "modified": moment(when), "deleted": True})


# --- System, Body, LegislativeTerm -----------------------------------------------------------

def system(out: Out, created, modified) -> dict:
    return clean({
        "id": out.url("system"), "type": type_of("System"), "oparlVersion": OPARL_VERSION,
        "name": "Klynge – det tværsektorielle sundhedssamarbejde",
        "body": out.url("body_list"), "website": out.absolute("/"),
        "created": moment(created), "modified": moment(modified), "web": out.absolute("/"),
    })


def legislative_term(out: Out, term, body_url: str | None = None) -> dict:
    return clean({
        "id": out.url("legislative_term", term.pk), "type": type_of("LegislativeTerm"), "body": body_url,
        "name": f"{term.name} ({term.get_kind_display().lower()})",
        "startDate": term.start.isoformat(), "endDate": term.end.isoformat(), **stamps(term),
    })


def body(out: Out, root, terms) -> dict:
    slug = root.slug
    own = out.url("body", slug)
    return clean({
        "id": own, "type": type_of("Body"), "system": out.url("system"),
        "name": root.name, "shortName": root.short_name, "classification": root.kind.name,
        "organization": out.url("body_organizations", slug), "person": out.url("body_persons", slug),
        "meeting": out.url("body_meetings", slug), "paper": out.url("body_papers", slug),
        "legislativeTerm": [legislative_term(out, t, own) for t in terms],
        "legislativeTermList": out.url("body_legislative_terms", slug),
        "agendaItem": out.url("body_agenda_items", slug), "consultation": out.url("body_consultations", slug),
        "file": out.url("body_files", slug), "locationList": out.url("body_locations", slug),
        "membership": out.url("body_memberships", slug), **stamps(root), "web": out.web(root),
    })


# --- Organization, Person, Membership --------------------------------------------------------

def organization(out: Out, forum, membership_ids) -> dict:
    return clean({
        "id": out.url("organization", forum.slug), "type": type_of("Organization"),
        "body": out.body_url_for(forum.pk), "name": forum.name, "shortName": forum.short_name,
        "membership": [out.url("membership", pk) for pk in membership_ids],
        "meeting": out.url("organization_meetings", forum.slug),
        "consultation": out.url("organization_consultations", forum.slug),
        "subOrganizationOf": out.url("organization", forum.parent.slug) if forum.parent_id else None,
        "organizationType": forum.level.name if forum.level_id else None,
        "classification": forum.kind.name,
        "startDate": forum.active_from.isoformat() if forum.active_from else None,
        "endDate": forum.active_to.isoformat() if forum.active_to else None,
        **stamps(forum), "web": out.web(forum),
    })


def membership(out: Out, m, *, inline: bool = False) -> dict:
    data = {
        "id": out.url("membership", m.pk), "type": type_of("Membership"),
        "person": None if inline else out.url("person", m.person.slug),
        "organization": out.url("organization", m.body.slug),
        "role": m.get_role_display() + (f" ({m.organisation.name})" if m.organisation_id else ""),
        "startDate": m.start.isoformat(), "endDate": m.end.isoformat() if m.end else None, **stamps(m),
    }
    return clean(data)


def person(out: Out, p, memberships) -> dict:
    first = memberships[0].body_id if memberships else None
    return clean({
        "id": out.url("person", p.slug), "type": type_of("Person"),
        "body": out.body_url_for(first) if first else None, "name": p.name,
        "title": [p.title] if p.title else [],
        "membership": [membership(out, m, inline=True) for m in memberships],
        **stamps(p), "web": out.web(p),
    })


# --- Meeting, Location, AgendaItem, File -----------------------------------------------------

def location(out: Out, meeting) -> dict:
    description = meeting.address or meeting.get_place_kind_display()
    link = visibility.public_online_link(meeting)
    if link:
        description = f"{description} ({link})" if meeting.address else f"{description}: {link}"
    return clean({
        "id": out.url("location", meeting.pk), "type": type_of("Location"), "description": description,
        "streetAddress": meeting.address, "meetings": [out.url("meeting", meeting.pk)], **stamps(meeting),
    })


def meeting_file(out: Out, meeting, kind, key: str | None = None) -> dict:
    data = documents.content(meeting, kind, key)
    url = out.url("meeting_file_content", meeting.pk, kind.slug)
    when = meeting.minutes_published_at if kind.role == "minutes" else meeting.agenda_published_at
    return clean({
        "id": out.url("meeting_file", meeting.pk, kind.slug), "type": type_of("File"), "name": kind.name,
        "fileName": documents.filename(meeting, kind), "mimeType": kind.mime_type, "size": len(data),
        "date": timezone.localtime(when, ZONE).date().isoformat() if when else None,
        "accessUrl": url, "downloadUrl": url, "meeting": [out.url("meeting", meeting.pk)],
        **stamps(meeting), "web": out.web(meeting),
    })


def attachment_is_public(out: Out, attachment, item) -> bool:
    """Shown when its item is (public agenda, not closed), it has a file, and holds no CPR number."""
    return (bool(attachment.file) and not item.closed and not attachment.contains_cpr
            and out.agenda_public(item.meeting))


def attachment_file(out: Out, attachment, item) -> dict:
    name = attachment.file.name.rsplit("/", 1)[-1]
    url = out.absolute(attachment.get_absolute_url())
    return clean({
        "id": out.url("file", attachment.pk), "type": type_of("File"), "name": attachment.title,
        "fileName": name, "mimeType": mimetypes.guess_type(name)[0] or "application/octet-stream",
        "size": attachment.size or None, "date": timezone.localtime(attachment.created, ZONE).date().isoformat(),
        "accessUrl": url, "downloadUrl": url, "agendaItem": [out.url("agenda_item", item.pk)],
        "meeting": [out.url("meeting", item.meeting_id)], **stamps(attachment),
    })


def _result(item) -> str:
    outcomes = [r for r in item.recommendations.all() if r.outcome]
    labels = {r.get_outcome_display() for r in outcomes}
    if len(labels) == 1:
        return labels.pop()
    return "; ".join(f"{r.number}: {r.get_outcome_display()}" for r in outcomes)


def agenda_item(out: Out, meeting, item, order: int, slot, *, minutes: bool) -> dict:
    """``item`` as visibility.public_items gives it: a ClosedItemStub for a closed item."""
    head = {"id": out.url("agenda_item", item.pk), "type": type_of("AgendaItem"),
            "meeting": out.url("meeting", meeting.pk), "number": str(item.number) if item.number else None,
            "order": order}
    if getattr(item, "redacted", False):
        return clean({**head, "public": False})
    data = {
        **head, "name": item.title, "public": True,
        "consultation": out.url("consultation", item.pk) if item.matter_id else None,
        "result": _result(item) if minutes else None,
        "resolutionText": item.decision if minutes else None,
        "auxiliaryFile": [attachment_file(out, a, item) for a in item.attachments.all()
                          if attachment_is_public(out, a, item)],
        "start": local_moment(meeting.date, slot.start) if slot.start else None,
        "end": local_moment(meeting.date, slot.end) if slot.end else None,
        **stamps(item), "web": out.web(item),
    }
    return clean(data)


def agenda(out: Out, meeting) -> list[dict]:
    """The public agenda, in the order of the agenda page, with each item's time slot."""
    if not out.agenda_public(meeting):
        return []
    rows = timeplan.order_items(list(meeting.items.all()))
    slots = timeplan.compute_slots(meeting.date, meeting.start, meeting.end, rows)
    minutes = out.minutes_public(meeting)
    return [agenda_item(out, meeting, item, order, slot, minutes=minutes)
            for order, (item, slot) in enumerate(zip(visibility.public_items(rows), slots, strict=True), start=1)]


def agenda_item_alone(out: Out, item, meeting=None) -> dict:
    """One item as its own object: its order and slot come from its place on the agenda (each
    meeting's agenda is built once per request; pass ``meeting`` with its items prefetched)."""
    meeting = meeting or item.meeting
    if meeting.pk not in out.agendas:
        out.agendas[meeting.pk] = {entry["id"]: entry for entry in agenda(out, meeting)}
    return out.agendas[meeting.pk][out.url("agenda_item", item.pk)]


def meeting(out: Out, m) -> dict:
    key = documents.fingerprint(m)
    files = {slug: meeting_file(out, m, kind, key) for slug, kind in documents.KINDS.items()
             if documents.is_public(m, kind)}
    minutes = out.minutes_public(m)
    participants = []
    if minutes:
        # As the public minutes: a guest invited for a closed item is left out altogether.
        closed = {i.pk for i in m.items.all() if i.closed}
        participants = sorted({out.url("person", a.person.slug) for a in m.attendance.all()
                               if a.status != "apologies" and a.item_id not in closed})
    return clean({
        "id": out.url("meeting", m.pk), "type": type_of("Meeting"), "name": m.display_title,
        "meetingState": m.get_status_display(), "cancelled": m.is_cancelled,
        "start": local_moment(m.date, m.start), "end": local_moment(m.date, m.end),
        "location": location(out, m),
        "organization": [out.url("organization", b.slug) for b in [m.body, *m.co_host_list()]],
        "participant": participants,
        "invitation": files.get("agenda-pdf"), "resultsProtocol": files.get("minutes-pdf"),
        "auxiliaryFile": [f for slug, f in files.items() if slug in ("agenda-docx", "minutes-docx")],
        "agendaItem": agenda(out, m), **stamps(m), "web": out.web(m),
    })


# --- Paper, Consultation ---------------------------------------------------------------------

def consultation(out: Out, item, *, with_paper: bool = True) -> dict:
    role = ROLE_BY_KIND.get(item.kind)
    return clean({
        "id": out.url("consultation", item.pk), "type": type_of("Consultation"),
        "paper": out.url("paper", item.matter_id) if with_paper else None,
        "agendaItem": out.url("agenda_item", item.pk), "meeting": out.url("meeting", item.meeting_id),
        "organization": [out.url("organization", item.meeting.body.slug)],
        "authoritative": item.kind == ItemKind.DECISION, "role": role.label if role else None,
        **stamps(item),
    })


def paper(out: Out, matter, items) -> dict:
    """``items``: the matter's items the public may see in full, oldest meeting first."""
    first = items[0] if items else None
    owner = matter.owner_body_id or (first.meeting.body_id if first else None)
    return clean({
        "id": out.url("paper", matter.pk), "type": type_of("Paper"),
        "body": out.body_url_for(owner) if owner else None,
        "name": visibility.matter_title_for(PUBLIC, matter),
        "reference": visibility.matter_case_number_for(PUBLIC, matter),
        "date": first.meeting.date.isoformat() if first else None, "paperType": "Sag",
        "underDirectionOf": [out.url("organization", matter.owner_body.slug)] if matter.owner_body_id else [],
        "consultation": [consultation(out, i) for i in items], **stamps(matter),
    })
