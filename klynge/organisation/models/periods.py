"""Date periods with an open end: shared by memberships, mandates, bodies."""

import datetime

from django.core.exceptions import ValidationError
from django.db.models import Q


def period_is_active(start, end, on: datetime.date) -> bool:
    return (start is None or start <= on) and (end is None or end >= on)


def periods_overlap(start_a, end_a, start_b, end_b) -> bool:
    """Closed intervals; None means open-ended on that side."""
    lo = datetime.date.min
    hi = datetime.date.max
    return (start_a or lo) <= (end_b or hi) and (start_b or lo) <= (end_a or hi)


def check_period(start, end, start_field="start", end_field="end"):
    if start and end and end < start:
        raise ValidationError({end_field: "Slutdatoen ligger før startdatoen."})


def active_q(on: datetime.date, start="start", end="end") -> Q:
    """ORM filter for rows whose period contains the day ``on``."""
    return (Q(**{f"{start}__isnull": True}) | Q(**{f"{start}__lte": on})) & (
        Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": on})
    )
