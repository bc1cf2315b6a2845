"""One audience-filtered, plain representation of an agenda or minutes.

``build_agenda(meeting, user)`` and ``build_minutes(meeting, user)`` read the meeting
once (a fixed number of queries, whatever the number of items), apply the closed-item
rule through visibility.py and return plain dataclasses. The Word, PDF, calendar and
e-mail renderers only ever see these: a closed item the reader may not see has already
become "Lukket punkt" with its number, and nothing else of it is in the document.

``public=True`` builds the version for everyone (e-mails, feeds), whoever asks.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch
from django.utils import timezone

from klynge.core import formats

from .. import timeplan, visibility
from ..choices import AttendanceStatus, ItemKind, MeetingStatus, Outcome, PlaceKind
from ..models import AgendaItem, Attendance, Meeting, Task
from .richtext import Block, clean, to_blocks

AGENDA = "agenda"
MINUTES = "minutes"
# Minutes in these states are drafts: every page of their files says "UDKAST".
DRAFT_MINUTES = {MeetingStatus.HELD, MeetingStatus.MINUTES_DRAFT, MeetingStatus.MINUTES_IN_REVIEW}


def danish_date(value: datetime.date, weekday: bool = False) -> str:
    """'7. december 2022' ('onsdag 7. december 2022'): Klynge's one date style (core.formats)."""
    return formats.date(value, weekday=weekday)


@dataclass
class RecommendationEntry:
    number: int
    text: str
    outcome: str = ""  # Danish label, e.g. "Godkendt"
    decision: str = ""


@dataclass
class TaskEntry:
    description: str
    owner: str
    due: str = ""  # "1. april 2023"


@dataclass
class ItemEntry:
    number: int
    title: str
    closed: bool = False  # the item is closed (the reader may or may not see it)
    redacted: bool = False  # the reader sees only "Lukket punkt"
    kind: str = ""
    kind_label: str = ""
    presenters: list[str] = field(default_factory=list)
    slot: str = ""  # "kl. 17:05-17:25"
    overruns: bool = False
    after_main_items: bool = False
    case_number: str = ""
    summary: list[Block] = field(default_factory=list)
    description: list[Block] = field(default_factory=list)
    recommendations: list[RecommendationEntry] = field(default_factory=list)
    recommendation_intro: str = ""
    attachments: list[str] = field(default_factory=list)
    minutes: list[Block] = field(default_factory=list)
    decision: list[Block] = field(default_factory=list)
    tasks: list[TaskEntry] = field(default_factory=list)
    guests: list[str] = field(default_factory=list)

    @property
    def display_title(self) -> str:
        """The title as agendas write it: written briefings carry their label."""
        if self.kind == ItemKind.WRITTEN_BRIEFING and not self.redacted:
            label = "Skriftlig orientering"
            if not self.title.lower().startswith(label.lower()):
                return f"{label}: {self.title}"
        return self.title

    @property
    def title_line(self) -> str:
        """'Drøftelse af ... v. Mette Heidemann (kl. 17:05-17:25)', as in Danish minutes."""
        text = self.display_title
        if self.presenters:
            text += " v. " + _join_names(self.presenters)
        if self.slot:
            text += f" ({self.slot})"
        return text

    @property
    def is_break(self) -> bool:
        return self.kind == ItemKind.BREAK

    @property
    def number_label(self) -> str:
        """'4', or '' for a break, which takes a place in the agenda but no number."""
        return "" if self.is_break or not self.number else str(self.number)

    @property
    def heading(self) -> str:
        """'Punkt 3: Title v. Presenter (kl. 17:25-18:25)'; a break is just 'Pause (kl. 19:10-19:20)'."""
        return f"Punkt {self.number}: {self.title_line}" if self.number_label else self.title_line

    @property
    def short_heading(self) -> str:
        """'Punkt 3: Title' without presenters and times (for lists in e-mails)."""
        return f"Punkt {self.number}: {self.display_title}" if self.number_label else self.display_title

    @property
    def has_decision(self) -> bool:
        return bool(self.minutes or self.decision or any(r.outcome or r.decision for r in self.recommendations)
                    or self.tasks)


@dataclass
class AttendanceGroup:
    label: str  # "Deltagere", "Afbud", ...
    lines: list[str]


@dataclass
class MeetingDocument:
    kind: str  # AGENDA or MINUTES
    meeting_pk: int
    body_name: str
    title: str  # the meeting's title (the body's name unless set)
    date: datetime.date
    weekday_date: str  # "Onsdag 7. december 2022"
    date_label: str  # "7. december 2022"
    time_label: str  # "kl. 17:00-20:00"
    place: str
    online_link: str
    status_label: str
    cancelled: bool
    cancelled_reason: str
    items: list[ItemEntry]
    attendance: list[AttendanceGroup] = field(default_factory=list)
    minutes_note: list[Block] = field(default_factory=list)
    includes_closed: bool = False  # closed content is in this document: not for publication
    public: bool = True
    approved_label: str = ""  # "Godkendt 9. marts 2023"
    draft: bool = False  # minutes not yet approved: "UDKAST" on every page
    corrections: list[str] = field(default_factory=list)  # "Rettet 12. marts 2023: <reason>"
    generated: str = ""
    chair: str = ""  # the meeting's chair (mødeleder/ordstyrer)
    minute_takers: list[str] = field(default_factory=list)  # referenter

    @property
    def role_rows(self) -> list[tuple[str, str]]:
        """('Mødeleder', name) and ('Referent'/'Referenter', names) for the files' front page."""
        rows = [("Mødeleder", self.chair)] if self.chair else []
        if self.minute_takers:
            rows.append(("Referenter" if len(self.minute_takers) > 1 else "Referent", _join_names(self.minute_takers)))
        return rows

    @property
    def document_label(self) -> str:
        return "Dagsorden" if self.kind == AGENDA else "Referat"

    @property
    def heading(self) -> str:
        """'Referat Klynge A – Politisk niveau 1. marts 2023'."""
        return f"{self.document_label} {self.title} {self.date_label}"

    @property
    def main_items(self) -> list[ItemEntry]:
        return [i for i in self.items if not i.after_main_items]

    @property
    def later_items(self) -> list[ItemEntry]:
        return [i for i in self.items if i.after_main_items]

    def filename(self, extension: str) -> str:
        from klynge.core.text import danish_slugify

        stem = "dagsorden" if self.kind == AGENDA else "referat"
        return f"{stem}-{danish_slugify(self.title)[:60]}-{self.date:%Y-%m-%d}.{extension}"


# --- building ------------------------------------------------------------------------

def load_meeting(pk: int) -> Meeting:
    return Meeting.objects.select_related("body").get(pk=pk)


def _items(meeting: Meeting, minutes: bool) -> list[AgendaItem]:
    queryset = meeting.items.order_by("position", "pk").prefetch_related("presenters", "recommendations",
                                                                          "attachments")
    if minutes:
        queryset = queryset.prefetch_related(
            # The task as given, not each cluster's part of it (assignments, meetings.assignments).
            Prefetch("tasks", queryset=Task.objects.filter(parent__isnull=True)
                     .select_related("owner_person", "owner_organisation").order_by("due", "pk")),
        )
    return timeplan.order_items(list(queryset))


def build_agenda(meeting: Meeting, user=None, *, public: bool = False) -> MeetingDocument:
    """The agenda as ``user`` may read it (or as the public reads it when ``public``)."""
    return _build(meeting, user, AGENDA, public)


def build_minutes(meeting: Meeting, user=None, *, public: bool = False) -> MeetingDocument:
    """The minutes as ``user`` may read it (or as the public reads it when ``public``)."""
    return _build(meeting, user, MINUTES, public)


def _build(meeting: Meeting, user, kind: str, public: bool) -> MeetingDocument:
    minutes = kind == MINUTES
    may_see_closed = False if public else visibility.can_see_closed(user, meeting)
    items = _items(meeting, minutes)
    slots = timeplan.compute_slots(meeting.date, meeting.start, meeting.end, items)
    entries = []
    shown = [visibility.redact(item, may_see_closed) for item in items]
    for item, seen, slot in zip(items, shown, slots, strict=True):
        if getattr(seen, "redacted", False):
            entries.append(ItemEntry(number=item.number, title=visibility.CLOSED_ITEM_TITLE, closed=True,
                                     redacted=True, kind=getattr(seen, "kind", ""),
                                     after_main_items=item.is_after_main_items))
            continue
        entries.append(_item_entry(meeting, item, slot, minutes))

    document = MeetingDocument(
        kind=kind,
        meeting_pk=meeting.pk,
        body_name=clean(meeting.body.name),
        title=clean(meeting.display_title),
        date=meeting.date,
        weekday_date=danish_date(meeting.date, weekday=True).capitalize(),
        date_label=danish_date(meeting.date),
        time_label=f"kl. {formats.time_range(meeting.start, meeting.end)}",
        place=clean(_place(meeting)),
        online_link=(visibility.public_online_link(meeting) if public
                     else visibility.online_link_for(user, meeting)),
        status_label=meeting.get_status_display(),
        cancelled=meeting.status == MeetingStatus.CANCELLED,
        cancelled_reason=clean(meeting.cancelled_reason),
        items=entries,
        includes_closed=any(e.closed and not e.redacted for e in entries),
        public=not may_see_closed,
        generated=danish_date(timezone.localdate()),
    )
    roles = list(meeting.roles.select_related("person").order_by("role", "position", "pk"))
    document.chair = next((clean(r.person.name) for r in roles if r.role == "chair"), "")
    document.minute_takers = [clean(r.person.name) for r in roles if r.role == "minute_taker"]
    if minutes:
        closed_ids = {item.pk for item, seen in zip(items, shown, strict=True) if getattr(seen, "redacted", False)}
        guests = _attendance(meeting, document, closed_ids)
        for entry in entries:
            entry.guests = guests.get(entry.number, [])
        document.minutes_note = to_blocks(meeting.minutes_note)
        if meeting.minutes_approved_at:
            document.approved_label = "Godkendt " + danish_date(timezone.localtime(meeting.minutes_approved_at))
        document.draft = meeting.status in DRAFT_MINUTES
        revisions = visibility.visible_revisions(AnonymousUser() if public or user is None else user, meeting)
        document.corrections = [f"Rettet {danish_date(timezone.localtime(r.created))}: {clean(r.reason)}"
                                for r in revisions]
    return document


def _item_entry(meeting: Meeting, item: AgendaItem, slot: timeplan.Slot, minutes: bool) -> ItemEntry:
    recommendations = list(item.recommendations.all())
    entry = ItemEntry(
        number=item.number,
        title=clean(item.title),
        closed=item.closed,
        kind=item.kind,
        kind_label=item.get_kind_display(),
        presenters=sorted(clean(p.name) for p in item.presenters.all()),
        slot=slot.label(),
        overruns=slot.overruns,
        after_main_items=item.is_after_main_items,
        case_number=item.case_number,
        summary=to_blocks(item.summary),
        description=to_blocks(item.description),
        recommendations=[
            RecommendationEntry(
                number=r.number, text=clean(r.text).strip(),
                outcome=Outcome(r.outcome).label if minutes and r.outcome else "",
                decision=clean(r.decision_text).strip() if minutes else "",
            )
            for r in recommendations
        ],
        recommendation_intro=_recommendation_intro(meeting, recommendations),
        attachments=[clean(a.title or a.file.name.rsplit("/", 1)[-1]) for a in item.attachments.all()],
    )
    if minutes:
        entry.minutes = to_blocks(item.minutes)
        entry.decision = to_blocks(item.decision)
        entry.tasks = [
            TaskEntry(description=clean(t.description).strip(), owner=clean(t.owner_label),
                      due=danish_date(t.due) if t.due else "")
            for t in item.tasks.all()
        ]
    return entry


def _recommendation_intro(meeting: Meeting, recommendations) -> str:
    """'Det indstilles, at <body>:' or, when each recommendation starts with 'at', 'Det indstilles,'."""
    if not recommendations:
        return ""
    if all(r.text.strip().lower().startswith("at ") for r in recommendations):
        return "Det indstilles,"
    return f"Det indstilles, at {meeting.body.name}:"


def _place(meeting: Meeting) -> str:
    if meeting.place_kind == PlaceKind.VIRTUAL:
        return "Virtuelt møde"
    if meeting.place_kind == PlaceKind.HYBRID:
        return f"{meeting.address} og virtuelt" if meeting.address else "Fysisk og virtuelt møde"
    return meeting.address


ATTENDANCE_LABELS = [
    (AttendanceStatus.PRESENT, "Deltagere"),
    (AttendanceStatus.SUBSTITUTE, "Stedfortrædere"),
    (AttendanceStatus.APOLOGIES, "Afbud"),
    (AttendanceStatus.GUEST, "Gæster"),
]


def _attendance(meeting: Meeting, document: MeetingDocument, closed_ids: set[int]) -> dict[int, list[str]]:
    """Fill document.attendance; return guests per item number.

    Guests invited for a closed item the reader may not see are left out altogether:
    who came for an item can tell what the item was about.
    """
    rows = list(
        Attendance.objects.filter(meeting=meeting)
        .select_related("person", "organisation", "on_behalf_of", "item")
        .order_by("person__name")
    )
    groups: dict[str, list[str]] = {status: [] for status, _ in ATTENDANCE_LABELS}
    guests: dict[int, list[str]] = {}
    for row in rows:
        if row.item_id and row.item_id in closed_ids:
            continue
        line = _person_line(row)
        if row.status == AttendanceStatus.SUBSTITUTE and row.on_behalf_of_id:
            line += f" (deltog på vegne af {row.on_behalf_of.name})"
        if row.status == AttendanceStatus.GUEST and row.item is not None:
            guests.setdefault(row.item.number, []).append(_person_line(row))
            line += f" (punkt {row.item.number})"
        groups.setdefault(row.status, []).append(line)
    document.attendance = [AttendanceGroup(label, groups[status]) for status, label in ATTENDANCE_LABELS
                           if groups.get(status)]
    return guests


def _person_line(row: Attendance) -> str:
    parts = [row.person.name]
    if row.title:
        parts.append(row.title)
    if row.organisation_id:
        parts.append(row.organisation.name)
    return clean(", ".join(parts))


def _join_names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " og " + names[-1]
