"""The time plan and numbering of an agenda: pure functions, no ORM.

Main items run back to back from the meeting's start, breaks included; written
briefings take no time and come after the main items.
"""

import datetime
from dataclasses import dataclass

from .choices import AFTER_MAIN_ITEMS, ItemKind


@dataclass(frozen=True)
class Slot:
    start: datetime.time | None
    end: datetime.time | None
    overruns: bool  # ends after the meeting's planned end

    def label(self) -> str:
        """'kl. 17:05-17:25' as in Danish agendas; '' for items without a slot."""
        if self.start is None or self.end is None:
            return ""
        return f"kl. {self.start:%H:%M}-{self.end:%H:%M}"


# A proposal taken into an agenda gets this much time until the secretariat sets another.
DEFAULT_NEW_ITEM_MINUTES = 15


def is_any_other_business(item) -> bool:
    return item.kind == ItemKind.ANY_OTHER_BUSINESS or (item.title or "").strip().casefold() == "eventuelt"


def insertion_index(items) -> int:
    """Where a new main item goes among ``items`` (already ordered): before "Eventuelt" when the
    agenda has it, else after the last main item (written briefings stay last)."""
    for index, item in enumerate(items):
        if is_any_other_business(item) and item.kind not in AFTER_MAIN_ITEMS:
            return index
    return sum(1 for item in items if item.kind not in AFTER_MAIN_ITEMS)


def order_items(items):
    """Main items first in their given order, then the written briefings."""
    main = [i for i in items if i.kind not in AFTER_MAIN_ITEMS]
    after = [i for i in items if i.kind in AFTER_MAIN_ITEMS]
    return main + after


def briefings_moved_last(items) -> list:
    """The written briefings that ``items`` (in the order a person asked for) place before a main
    item; ordering puts them back after the main items."""
    moved, seen_main_after = [], False
    for item in reversed(items):
        if item.kind in AFTER_MAIN_ITEMS:
            if seen_main_after:
                moved.append(item)
        else:
            seen_main_after = True
    return list(reversed(moved))


def compute_slots(meeting_date, start: datetime.time, end: datetime.time, items) -> list[Slot]:
    """One Slot per item, in the order given (call order_items first)."""
    clock = datetime.datetime.combine(meeting_date, start)
    meeting_end = datetime.datetime.combine(meeting_date, end)
    slots = []
    for item in items:
        if item.kind in AFTER_MAIN_ITEMS or not item.duration_minutes:
            slots.append(Slot(None, None, False))
            continue
        item_end = clock + datetime.timedelta(minutes=item.duration_minutes)
        crosses_midnight = item_end.date() != clock.date()
        slots.append(Slot(clock.time(), item_end.time(), item_end > meeting_end or crosses_midnight))
        clock = item_end
    return slots


def plan_end(meeting_date, start, items) -> datetime.datetime:
    minutes = sum(i.duration_minutes for i in items if i.kind not in AFTER_MAIN_ITEMS)
    return datetime.datetime.combine(meeting_date, start) + datetime.timedelta(minutes=minutes)


def overrun_minutes(meeting_date, start, end, items) -> int:
    """How many minutes the plan runs past the meeting's end (0 if it fits)."""
    over = plan_end(meeting_date, start, items) - datetime.datetime.combine(meeting_date, end)
    return max(0, int(over.total_seconds() // 60))


def numbering(items) -> list[tuple[object, int, int]]:
    """(item, position, number) for every item after ordering: numbers 1..n without gaps.

    Breaks take a place in the order but no number (0), as in Danish agendas:
    "Punkt 5 ... Pause (19.10-19.20) ... Punkt 6".
    """
    result, number = [], 0
    for position, item in enumerate(order_items(items)):
        if item.kind == ItemKind.BREAK:
            result.append((item, position, 0))
        else:
            number += 1
            result.append((item, position, number))
    return result
