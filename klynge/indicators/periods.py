"""Periods of a series (month, quarter, year) as dates, with Danish labels. Pure functions."""

from __future__ import annotations

import datetime
import re

from klynge.core import formats

MONTH_ABBR = ["jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."]
MONTH_NAMES = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
               "november", "december"]

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})\s*-?\s*[QK](?:VT\.?|VRT\.?)?\s*([1-4])$", re.IGNORECASE)
_QUARTER_DANISH = re.compile(r"^([1-4])\.\s*kv(?:a|r)?r?t(?:al)?\.?\s*(\d{4})$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})$")

EXPECTED = {
    "month": "ÅÅÅÅ-MM, f.eks. 2024-01",
    "quarter": "ÅÅÅÅ-K1 til ÅÅÅÅ-K4, f.eks. 2024-K1",
    "year": "ÅÅÅÅ, f.eks. 2024",
}


class PeriodError(ValueError):
    """A period that does not fit the frequency; the message is Danish and names the expected form."""


def _year_ok(year: int) -> bool:
    return 1900 <= year <= 2200


def parse_period(text, frequency: str = "month") -> datetime.date:
    """'2024-01' → 1 January 2024 (month); '2024-K2' / '2024-Q2' / '2. kvt. 2024' → 1 April 2024
    (quarter); '2024' → 1 January 2024 (year). A date or datetime (from Excel) is accepted for a
    month when it is the first of a month, and likewise for quarters and years."""
    if isinstance(text, datetime.datetime):
        text = text.date()
    if isinstance(text, datetime.date):
        return _check_date(text, frequency)
    if isinstance(text, int) and frequency == "year":
        text = str(text)
    raw = str(text or "").strip()
    if not raw:
        raise PeriodError("Perioden mangler.")
    if frequency == "month":
        m = _MONTH.match(raw)
        if m:
            year, month = int(m.group(1)), int(m.group(2))
            if 1 <= month <= 12 and _year_ok(year):
                return datetime.date(year, month, 1)
    elif frequency == "quarter":
        m = _QUARTER.match(raw)
        if m:
            year, quarter = int(m.group(1)), int(m.group(2))
        else:
            m = _QUARTER_DANISH.match(raw)
            year, quarter = (int(m.group(2)), int(m.group(1))) if m else (0, 0)
        if m and _year_ok(year):
            return datetime.date(year, 3 * quarter - 2, 1)
    elif frequency == "year":
        m = _YEAR.match(raw)
        if m and _year_ok(int(raw)):
            return datetime.date(int(raw), 1, 1)
    else:
        raise ValueError(f"unknown frequency {frequency!r}")
    raise PeriodError(f"Perioden “{raw}” kan ikke læses; forventet {EXPECTED[frequency]}.")


def _check_date(day: datetime.date, frequency: str) -> datetime.date:
    if day.day == 1 and (
        frequency == "month"
        or (frequency == "quarter" and day.month in (1, 4, 7, 10))
        or (frequency == "year" and day.month == 1)
    ):
        return day
    raise PeriodError(
        f"Datoen {formats.date(day)} er ikke starten på en periode; forventet {EXPECTED[frequency]}."
    )


def period_label(day: datetime.date, frequency: str = "month") -> str:
    """Short Danish label: 'jan. 2024', '1. kvt. 2024', '2024'."""
    if frequency == "quarter":
        return f"{(day.month - 1) // 3 + 1}. kvt. {day.year}"
    if frequency == "year":
        return str(day.year)
    return f"{MONTH_ABBR[day.month - 1]} {day.year}"


def period_long(day: datetime.date, frequency: str = "month") -> str:
    """Long Danish label: 'januar 2024', '1. kvartal 2024', '2024'."""
    if frequency == "quarter":
        return f"{(day.month - 1) // 3 + 1}. kvartal {day.year}"
    if frequency == "year":
        return str(day.year)
    return f"{MONTH_NAMES[day.month - 1]} {day.year}"


def period_code(day: datetime.date, frequency: str = "month") -> str:
    """The import form: '2024-01', '2024-K1', '2024'."""
    if frequency == "quarter":
        return f"{day.year}-K{(day.month - 1) // 3 + 1}"
    if frequency == "year":
        return str(day.year)
    return f"{day.year}-{day.month:02d}"


def add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def month_range(first: datetime.date, count: int) -> list[datetime.date]:
    return [add_months(first, i) for i in range(count)]
