"""Pure rules: which periods an obligation has in a term, and the status of each (no ORM).

A period is met when evidence falls inside it; otherwise it is missed once it has ended and due
until then. Evidence is a list of ``Evidence`` (a date, a label, a link); the caller decides what
counts as evidence (``status.py``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from klynge.core import formats

from .choices import Cadence, Status


@dataclass
class Evidence:
    date: datetime.date
    label: str
    url: str = ""
    planned: bool = False       # a planned meeting: it will meet the period once held
    recorded: bool = False      # an explicit Fulfilment (not a joint meeting counted by itself)
    fulfilment_id: int | None = None
    note: str = ""


@dataclass
class Period:
    label: str
    start: datetime.date
    end: datetime.date
    status: str = Status.DUE
    evidence: list[Evidence] = field(default_factory=list)
    planned: list[Evidence] = field(default_factory=list)
    key: str = ""               # e.g. the meeting or sub-body the period is about
    url: str = ""
    action_url: str = ""        # where the secretariat records what is missing

    @property
    def status_label(self) -> str:
        return Status(self.status).label

    @property
    def deadline_text(self) -> str:
        return formats.date(self.end)


def overlap(a_start, a_end, b_start, b_end):
    """The part of two closed periods they share (None for an open end), or None."""
    start = max(d for d in (a_start, b_start) if d is not None)
    ends = [d for d in (a_end, b_end) if d is not None]
    end = min(ends) if ends else None
    if end is not None and end < start:
        return None
    return start, end


def calendar_periods(cadence: str, term_start, term_end, valid_from, valid_to) -> list[Period]:
    """Yearly: one period per calendar year of the term (within the obligation's validity);
    per term: one period, the term (within the validity)."""
    shared = overlap(term_start, term_end, valid_from, valid_to)
    if shared is None:
        return []
    start, end = shared
    end = end or term_end
    if cadence == Cadence.PER_TERM:
        return [Period(label=f"Valgperioden {formats.year(term_start.year)}-{formats.year(term_end.year)}",
                       start=start, end=end)]
    if cadence == Cadence.YEARLY:
        return [Period(label=formats.year(y), start=max(start, datetime.date(y, 1, 1)),
                       end=min(end, datetime.date(y, 12, 31)))
                for y in range(start.year, end.year + 1)]
    return []


def judge(period: Period, evidence: list[Evidence], today: datetime.date) -> Period:
    """Sets the period's status from the evidence inside it."""
    inside = [e for e in evidence if period.start <= e.date <= period.end]
    period.evidence = [e for e in inside if not e.planned and e.date <= today]
    period.planned = [e for e in inside if e.planned or e.date > today]
    if period.evidence:
        period.status = Status.MET
    elif period.end < today:
        period.status = Status.MISSED
    else:
        period.status = Status.DUE
    return period


def summary(periods: list[Period]) -> dict[str, int]:
    counts = {s.value: 0 for s in Status}
    for p in periods:
        counts[p.status] += 1
    return counts
