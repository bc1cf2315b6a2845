"""Pure rules of decisions between meetings: no ORM, so they are the same for pages, CLI and tests."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable

from .choices import Outcome, Vote


def delegation_in_force(valid_from: datetime.date, valid_to: datetime.date | None, on: datetime.date) -> bool:
    """A delegation may be used from its first day through its last (open-ended when ``valid_to`` is None)."""
    return valid_from <= on and (valid_to is None or on <= valid_to)


def delegation_refusal(valid_from: datetime.date, valid_to: datetime.date | None, on: datetime.date) -> str | None:
    """A Danish reason why a decision on ``on`` cannot rest on the delegation, or None when it can."""
    if on < valid_from:
        return f"Bemyndigelsen gælder først fra {danish(valid_from)}."
    if valid_to is not None and on > valid_to:
        return f"Bemyndigelsen udløb {danish(valid_to)} og kan ikke bruges {danish(on)}."
    return None


def outcome_of(votes: Iterable[str]) -> str:
    """A written procedure is approved when more members agree than disagree (abstentions and
    silence do not count), as a proposal put to a meeting would be."""
    counts = Counter(v for v in votes if v)
    return Outcome.APPROVED if counts[Vote.AGREE] > counts[Vote.DISAGREE] else Outcome.NOT_APPROVED


def tally(votes: Iterable[str]) -> dict[str, int]:
    counts = Counter(votes)
    return {"agree": counts[Vote.AGREE], "disagree": counts[Vote.DISAGREE], "abstain": counts[Vote.ABSTAIN],
            "silent": counts[""]}


def danish(day: datetime.date) -> str:
    """"7. juni 2023": the project's one Danish formatting layer."""
    from klynge.core.formats import date

    return date(day)
