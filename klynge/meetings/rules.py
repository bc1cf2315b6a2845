"""Pure rules that lock published records (issue 9, point 9). No ORM: plain values in, answers out.

- Status moves only forward along the cycle (``STATUS_ORDER``); cancelling stands outside it, and a
  cancelled meeting may be resumed as planned.
- A meeting cannot be marked held before it has started.
- An agenda without items (breaks do not count) cannot be published.
- Once the agenda is published (and so also once the minutes are), the date, time and place change
  only with a stated reason; the reason goes into the history and the calendar sequence grows.
- Once the minutes are approved or published, attachments are added or deleted only as an explicit,
  reasoned revision shown in the meeting's change history.
"""

from __future__ import annotations

import datetime

from .choices import AGENDA_PUBLIC, MINUTES_LOCKED, STATUS_ORDER, ItemKind, MeetingStatus

# The fields of a meeting that calendars and invitations carry.
SCHEDULE_FIELDS = ("date", "start", "end", "place_kind", "address", "online_link")
SCHEDULE_LABELS = {"date": "dato", "start": "start", "end": "slut", "place_kind": "mødeform",
                   "address": "mødested", "online_link": "link til virtuelt møde"}


def moves_forward(current: str, target: str) -> bool:
    """True if ``target`` is a step forward from ``current``: later in the cycle, cancelling a meeting
    that has not been held, or resuming a cancelled meeting as planned."""
    if target == MeetingStatus.CANCELLED:
        return current in (MeetingStatus.PLANNED, MeetingStatus.AGENDA_PUBLISHED)
    if current == MeetingStatus.CANCELLED:
        return target == MeetingStatus.PLANNED
    return STATUS_ORDER.index(target) > STATUS_ORDER.index(current)


def held_too_early(date: datetime.date, start: datetime.time, now: datetime.datetime) -> str:
    """The Danish refusal if a meeting starting at ``date`` ``start`` would be marked held at ``now``
    (naive local time), else ''."""
    begins = datetime.datetime.combine(date, start)
    if now < begins:
        return (f"Mødet kan først markeres som afholdt, når det er begyndt "
                f"({date.day}. {_MONTHS[date.month - 1]} {date.year} kl. {start:%H:%M}).")
    return ""


def empty_agenda(item_kinds: list[str]) -> str:
    """The Danish refusal if an agenda with items of these kinds may not be published, else ''."""
    if not [kind for kind in item_kinds if kind != ItemKind.BREAK]:
        return "Dagsordenen har ingen punkter og kan ikke offentliggøres. Tilføj punkterne først."
    return ""


def schedule_changes(before: dict, after: dict) -> list[dict]:
    """The changed schedule fields as [{'field', 'label', 'before', 'after'}] (values as text)."""
    return [{"field": name, "label": SCHEDULE_LABELS[name], "before": _text(before.get(name)),
             "after": _text(after.get(name))}
            for name in SCHEDULE_FIELDS if before.get(name) != after.get(name)]


def schedule_change_needs_reason(status: str) -> bool:
    """Date, time and place of a meeting whose agenda (or minutes) is published change only with a reason."""
    return status in AGENDA_PUBLIC


def attachment_change_needs_revision(status: str) -> bool:
    """Attachments of approved or published minutes change only as a reasoned revision."""
    return status in MINUTES_LOCKED


_MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
           "november", "december"]


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return f"{value.day}. {_MONTHS[value.month - 1]} {value.year}"
    if isinstance(value, datetime.time):
        return f"{value:%H:%M}"
    return str(value)
