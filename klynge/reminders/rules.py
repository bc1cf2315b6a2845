"""When reminders are due (pure functions: dates in, yes or no out)."""

import datetime

# A reminder of a coming meeting's papers this many days before it (the agenda mail went out earlier,
# when the agenda was published; this one says the papers are there to be read).
DAYS_BEFORE_MEETING = 3
# A reminder of a task's deadline this many days before it, and one more once it has passed.
DAYS_BEFORE_DEADLINE = 3
# An overdue task is reminded of once, and only within this many days after its deadline
# (a task a year overdue is the secretariat's business, not a surprise mail).
OVERDUE_WINDOW_DAYS = 14


def meeting_window(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """Meetings dated after today and at most DAYS_BEFORE_MEETING days ahead get their reminder
    (a day the job did not run is caught up the next day)."""
    return today + datetime.timedelta(days=1), today + datetime.timedelta(days=DAYS_BEFORE_MEETING)


def task_reminder(due: datetime.date | None, today: datetime.date) -> str:
    """"due" (deadline within DAYS_BEFORE_DEADLINE days), "overdue" (passed, within the window) or ""."""
    if due is None:
        return ""
    if today <= due <= today + datetime.timedelta(days=DAYS_BEFORE_DEADLINE):
        return "due"
    if today - datetime.timedelta(days=OVERDUE_WINDOW_DAYS) <= due < today:
        return "overdue"
    return ""
