"""iCalendar feeds of meetings: per body, per cluster (all its bodies) and per person.

Feeds are public by nature: they carry a meeting's date, time, place and, once the
agenda is published, the item titles as the public sees them (closed items only as
"Lukket punkt" with their number). Each meeting keeps one UID for life
("<meeting.uid>@klynge"); moves and cancellations bump SEQUENCE, and a cancelled
meeting stays in the feed with STATUS:CANCELLED so subscribed calendars remove it.
Times are local Danish time with a VTIMEZONE for Europe/Copenhagen.
"""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch
from django.utils import timezone
from icalendar import Calendar, Event

from .. import timeplan, visibility
from ..choices import ItemKind, MeetingStatus, PlaceKind
from ..models import AgendaItem, Meeting
from .document import danish_date
from .links import absolute, meeting_path

TZ = ZoneInfo("Europe/Copenhagen")
CONTENT_TYPE = "text/calendar; charset=utf-8"
HISTORY = datetime.timedelta(days=2 * 365)  # how far back a feed reaches
PRODID = "-//Klynge//Mødekalender//DA"


def feed_meetings(body_ids, today: datetime.date | None = None, since: datetime.date | None = None):
    """Meetings of these bodies (joint meetings included) from two years back (or ``since``) and on,
    cancelled ones included."""
    today = today or timezone.localdate()
    return (
        Meeting.objects.for_bodies(body_ids).filter(date__gte=since or today - HISTORY)
        .select_related("body")
        .prefetch_related(Prefetch("items", queryset=AgendaItem.objects.order_by("position", "pk")), "co_hosts")
        .order_by("date", "start")
    )


def descendant_ids(body) -> set[int]:
    """The body and every body under it (the bodies' tree read once per request: see permissions)."""
    from klynge.organisation import permissions

    return permissions.descendant_ids([body.pk])


def render_feed(meetings, name: str, uid: str, description: str = "", request=None, user=None) -> bytes:
    """The feed as bytes; ``uid`` names the feed itself and must be stable (e.g. 'organ-<slug>@klynge').

    ``user`` is None for the public feeds; the personal feed passes its owner, and then closed items
    and the meeting link are shown as ``visibility`` allows that user (and the events are PRIVATE)."""
    calendar = Calendar.new(prodid=PRODID, method="PUBLISH", name=name, description=description or name, uid=uid)
    calendar.add("X-WR-TIMEZONE", "Europe/Copenhagen")
    calendar.refresh_interval = datetime.timedelta(hours=1)
    calendar["REFRESH-INTERVAL"].params["VALUE"] = "DURATION"  # required by RFC 7986
    calendar.add("X-PUBLISHED-TTL", "PT1H")  # Outlook's refresh hint
    dates = []
    for meeting in meetings:
        calendar.add_component(_event(meeting, request, user))
        dates.append(meeting.date)
    if dates:
        calendar.add_missing_timezones(first_date=min(dates) - datetime.timedelta(days=366),
                                       last_date=max(dates) + datetime.timedelta(days=366))
    return calendar.to_ical()


def _event(meeting: Meeting, request=None, user=None) -> Event:
    cancelled = meeting.status == MeetingStatus.CANCELLED
    start = datetime.datetime.combine(meeting.date, meeting.start, tzinfo=TZ)
    end = datetime.datetime.combine(meeting.date, meeting.end, tzinfo=TZ)
    url = absolute(meeting_path(meeting), request)
    summary = meeting.display_title
    if cancelled:
        summary = f"AFLYST: {summary}"
    event = Event.new(
        uid=f"{meeting.uid}@klynge",
        summary=summary,
        start=start,
        end=end,
        stamp=meeting.modified.astimezone(datetime.UTC),
        created=meeting.created.astimezone(datetime.UTC),
        last_modified=meeting.modified.astimezone(datetime.UTC),
        sequence=meeting.sequence,
        status="CANCELLED" if cancelled else "CONFIRMED",
        location=_location(meeting, user),
        description=_description(meeting, url, user),
        url=url,
    )
    event.add("TRANSP", "OPAQUE")
    event.add("CLASS", "PUBLIC" if user is None else "PRIVATE")
    return event


def _link(meeting: Meeting, user=None) -> str:
    if user is None:
        return visibility.public_online_link(meeting)  # public feeds: only a link the body publishes
    return visibility.online_link_for(user, meeting)


def _location(meeting: Meeting, user=None) -> str:
    link = _link(meeting, user)
    if meeting.place_kind == PlaceKind.VIRTUAL:
        return "Virtuelt møde" + (f": {link}" if link else "")
    if meeting.place_kind == PlaceKind.HYBRID:
        return f"{meeting.address} og virtuelt".strip()
    return meeting.address


def _description(meeting: Meeting, url: str, user=None) -> str:
    lines = [f"{meeting.body.name}, {danish_date(meeting.date, weekday=True)} "
             f"kl. {meeting.start:%H:%M}-{meeting.end:%H:%M}."]
    if meeting.status == MeetingStatus.CANCELLED:
        lines.append("Mødet er aflyst." + (f" {meeting.cancelled_reason}" if meeting.cancelled_reason else ""))
    link = _link(meeting, user)
    if link and meeting.place_kind != PlaceKind.PHYSICAL:
        lines.append(f"Link til mødet: {link}")
    viewer = user if user is not None else AnonymousUser()
    if visibility.can_see_agenda(viewer, meeting) and meeting.status != MeetingStatus.CANCELLED:
        items = timeplan.order_items(list(meeting.items.all()))
        slots = timeplan.compute_slots(meeting.date, meeting.start, meeting.end, items)
        lines.append("")
        lines.append("Dagsorden:")
        shown = visibility.public_items(items) if user is None else visibility.visible_items(user, meeting, items)
        for item, slot in zip(shown, slots, strict=True):
            numbered = item.number and item.kind != ItemKind.BREAK  # breaks carry no number
            line = f"{item.number}. {item.title}" if numbered else item.title
            if not getattr(item, "redacted", False) and slot.label():
                line += f" ({slot.label()})"
            lines.append(line)
    lines.append("")
    lines.append(f"Mødets side: {url}")
    return "\n".join(lines)
