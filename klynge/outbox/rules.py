"""Pure rules of the outbox: when to try again, and when to give up."""

from __future__ import annotations

import datetime

# Pauses after the 1st, 2nd, ... failed attempt. After the last one the mail is marked failed.
RETRY_PAUSES = (
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=30),
    datetime.timedelta(hours=2),
)
MAX_ATTEMPTS = len(RETRY_PAUSES) + 1


def next_attempt_after(failed_attempts: int, now: datetime.datetime) -> datetime.datetime | None:
    """When to try again after ``failed_attempts`` failures; None when it is time to give up."""
    if failed_attempts < 1:
        return now
    if failed_attempts >= MAX_ATTEMPTS:
        return None
    return now + RETRY_PAUSES[failed_attempts - 1]


def short_error(error: BaseException, limit: int = 500) -> str:
    """The error as a line a secretariat can read (the server's own words), never a traceback."""
    text = f"{type(error).__name__}: {error}".strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"
