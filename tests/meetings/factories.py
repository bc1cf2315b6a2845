"""Small factories for meetings, items and their parts (shared by the meeting-cycle tests).

Keep them simple: sensible defaults, everything overridable by keyword.
"""

import datetime
import itertools

from klynge.meetings.choices import AttendanceStatus, ItemKind, MeetingStatus, PlaceKind
from klynge.meetings.models import AgendaItem, Attachment, Attendance, Meeting, Recommendation, Task
from klynge.organisation.models import Membership, Person

_counter = itertools.count(1)


def make_meeting(body, **kw) -> Meeting:
    """A physical meeting of ``body`` on 1 March 2023, 17:00-20:00, status planned unless given."""
    kw.setdefault("date", datetime.date(2023, 3, 1))
    kw.setdefault("start", datetime.time(17, 0))
    kw.setdefault("end", datetime.time(20, 0))
    kw.setdefault("place_kind", PlaceKind.PHYSICAL)
    kw.setdefault("address", "Byrådssalen, Testby Rådhus, Torvet 1, 9999 Testby")
    kw.setdefault("status", MeetingStatus.PLANNED)
    if kw["status"] != MeetingStatus.PLANNED:
        kw.setdefault("agenda_published_at", datetime.datetime(2023, 2, 20, 9, 0, tzinfo=datetime.UTC))
    return Meeting.objects.create(body=body, **kw)


def make_item(meeting, **kw) -> AgendaItem:
    """An item appended to the meeting's agenda; ``number`` follows ``position`` unless given."""
    if "position" not in kw:
        last = meeting.items.order_by("-position").first()
        kw["position"] = (last.position + 1) if last else 0
    kw.setdefault("number", kw["position"] + 1)
    kw.setdefault("title", f"Punkt til test {next(_counter)}")
    kw.setdefault("kind", ItemKind.DECISION)
    kw.setdefault("duration_minutes", 0 if kw["kind"] == ItemKind.WRITTEN_BRIEFING else 20)
    presenters = kw.pop("presenters", [])
    item = AgendaItem.objects.create(meeting=meeting, **kw)
    if presenters:
        item.presenters.set(presenters)
    return item


def make_recommendation(item, text="godkender indstillingen", **kw) -> Recommendation:
    if "number" not in kw:
        kw["number"] = item.recommendations.count() + 1
    return Recommendation.objects.create(item=item, text=text, **kw)


def make_attachment(item, title="Bilag.pdf", **kw) -> Attachment:
    return Attachment.objects.create(item=item, title=title, **kw)


def make_person(name=None, **kw) -> Person:
    return Person.objects.create(name=name or f"Person {next(_counter)}", **kw)


def make_membership(person, body, **kw) -> Membership:
    kw.setdefault("start", datetime.date(2022, 7, 1))
    return Membership.objects.create(person=person, body=body, **kw)


def make_attendance(meeting, person, status=AttendanceStatus.PRESENT, **kw) -> Attendance:
    return Attendance.objects.create(meeting=meeting, person=person, status=status, **kw)


def make_task(item, description="Sekretariatet udarbejder et oplæg.", **kw) -> Task:
    return Task.objects.create(item=item, description=description, **kw)
