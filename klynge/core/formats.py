"""One Danish formatting layer: years, dates, periods, amounts, numbers and times.

Pure functions without Django's locale machinery, so files (Word, PDF, Excel, CSV), e-mails,
CLI output and messages print exactly what pages print through the template filters of the same
names (``klynge.core.templatetags.klynge``) and Django's own formats (``core/locale_formats``):

- years are plain numbers, never grouped: ``year(2023) == "2023"``;
- dates have one style: ``date(d) == "7. juni 2023"``;
- periods: ``period(d1, d2) == "1. oktober – 31. december 2026"`` (the year once when shared);
- amounts: ``kroner(1022190) == "1.022.190 kr."``; other numbers ``number(3168) == "3.168"``;
- times: ``time(t) == "14:00"``, ``time_range(t1, t2) == "14:00-16:00"``, ``date_time(dt)`` is
  "7. juni 2023 kl. 14:00" in the Danish time zone.
"""

import datetime

MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
          "november", "december"]
WEEKDAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]


def year(value) -> str:
    if value is None or value == "":
        return ""
    return str(int(value))


def date(value, weekday: bool = False) -> str:
    """'7. juni 2023' (with ``weekday``: 'onsdag 7. juni 2023')."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = _local(value).date()
    text = f"{value.day}. {MONTHS[value.month - 1]} {value.year}"
    return f"{WEEKDAYS[value.weekday()]} {text}" if weekday else text


def day_month(value) -> str:
    return f"{value.day}. {MONTHS[value.month - 1]}" if value else ""


def period(start, end) -> str:
    """'1. oktober – 31. december 2026'; '1. december 2026 – 31. januar 2027'; open-ended 'fra 1. juni 2023'."""
    if start and end:
        first = day_month(start) if start.year == end.year else date(start)
        return f"{first} – {date(end)}"
    if start:
        return f"fra {date(start)}"
    if end:
        return f"til {date(end)}"
    return ""


def time(value) -> str:
    """'14:00'."""
    return f"{value:%H:%M}" if value else ""


def time_range(start, end) -> str:
    if start and end:
        return f"{time(start)}-{time(end)}"
    return time(start or end)


def date_time(value) -> str:
    """'7. juni 2023 kl. 14:00', in Klynge's time zone."""
    if not value:
        return ""
    value = _local(value)
    return f"{date(value.date())} kl. {time(value)}"


def number(value) -> str:
    """3168 -> '3.168' (grouped with dots; not for years)."""
    if value is None or value == "":
        return ""
    value = int(value)
    sign = "-" if value < 0 else ""
    return f"{sign}{abs(value):,}".replace(",", ".")


def kroner(value) -> str:
    """1022190 -> '1.022.190 kr.'"""
    if value is None or value == "":
        return ""
    return f"{number(value)} kr."


def _local(value: datetime.datetime) -> datetime.datetime:
    if value.tzinfo is None:
        return value
    from django.utils import timezone  # only for aware datetimes, so the module stays pure otherwise

    return timezone.localtime(value)
