"""Query parameters read safely: the one way a view reads a number, a year or a date from the URL.

``query_params(request)`` gives one reader per request. Each method returns a value inside the
bounds it is given, or the default, and never raises: a value that is not a number, or lies
outside the bounds, adds a Danish message naming the parameter and the value, which base.html
shows above the page (through the ``query_errors`` context processor). So ``/moeder/?aar=99999``
shows this year's calendar with a notice, never a server error.

Only ASCII digits with an optional minus sign count as a number (surrounding spaces aside):
``"2.023"``, ``"1_000"``, ``"1e3"`` and other scripts' digits are refused, so no value reaches the ORM that a lookup or
``datetime`` cannot take.
"""

from __future__ import annotations

import datetime
import re

_INTEGER = re.compile(r"-?[0-9]{1,12}")
# The years a calendar or a funds table can show; datetime itself stops at 9999.
YEAR_MIN, YEAR_MAX = 1900, 2100
_SHOWN = 30  # characters of a bad value repeated in the message


def _shown(raw: str) -> str:
    raw = raw.strip()
    return raw if len(raw) <= _SHOWN else raw[:_SHOWN] + "…"


def parse_integer(raw) -> int | None:
    """'2023' -> 2023, '-1' -> -1; None for anything else ('2.023', '1e3', '', None)."""
    if raw is None:
        return None
    text = str(raw)
    return int(text) if _INTEGER.fullmatch(text) else None


class QueryParams:
    """Reads ``request.GET``; collects Danish messages about values it could not use."""

    def __init__(self, data):
        self.data = data
        self.errors: list[str] = []

    def _error(self, message: str) -> None:
        if message not in self.errors:
            self.errors.append(message)

    def integer(self, name: str, *, label: str, default, minimum: int, maximum: int):
        raw = self.data.get(name)
        if raw is None or not raw.strip():
            return default
        value = self.integer_value(raw, label=label, minimum=minimum, maximum=maximum)
        return default if value is None else value

    def year(self, name: str = "aar", *, default, minimum: int = YEAR_MIN, maximum: int = YEAR_MAX,
             label: str = "Året"):
        return self.integer(name, label=label, default=default, minimum=minimum, maximum=maximum)

    def years(self, name: str = "aar", *, minimum: int = YEAR_MIN, maximum: int = YEAR_MAX,
              label: str = "Året") -> list[int] | None:
        """Several years: ``?aar=2022&aar=2023`` or ``?aar=2022,2023``; None when none is given or valid."""
        found = set()
        for raw in self.data.getlist(name):
            for part in str(raw).split(","):
                if not part.strip():
                    continue
                value = self.integer_value(part, label=label, minimum=minimum, maximum=maximum)
                if value is not None:
                    found.add(value)
        return sorted(found) or None

    def integer_value(self, raw: str, *, label: str, minimum: int, maximum: int) -> int | None:
        value = parse_integer(raw.strip())
        if value is None:
            self._error(f"{label} “{_shown(raw)}” er ikke et helt tal. Skriv et tal mellem {minimum} og {maximum}.")
            return None
        if not minimum <= value <= maximum:
            self._error(f"{label} {_shown(raw)} kan ikke vises: det skal ligge mellem {minimum} og {maximum}.")
            return None
        return value

    def text(self, name: str, *, max_length: int = 200) -> str:
        """Free text (a search query): stripped, cut at ``max_length`` characters, never an error."""
        return str(self.data.get(name, "")).strip()[:max_length]

    def choice(self, name: str, choices, *, label: str, default=""):
        """One of ``choices`` (a mapping or a set of the values allowed); a value not among them
        is named in a Danish message and the default is used."""
        raw = str(self.data.get(name, "")).strip()
        if not raw:
            return default
        if raw not in choices:
            self._error(f"{label} “{_shown(raw)}” findes ikke. Vælg en af mulighederne på siden.")
            return default
        return raw

    def date(self, name: str, *, label: str, default=None, minimum: datetime.date | None = None,
             maximum: datetime.date | None = None):
        """A date written as 2023-06-07 (what a date input sends)."""
        raw = self.data.get(name)
        if raw is None or not raw.strip():
            return default
        try:
            value = datetime.date.fromisoformat(raw.strip()) if len(raw.strip()) == 10 else None
        except ValueError:
            value = None
        if value is None:
            self._error(f"{label} “{_shown(raw)}” er ikke en gyldig dato. Skriv datoen som 2023-06-07.")
            return default
        if (minimum and value < minimum) or (maximum and value > maximum):
            self._error(f"{label} {_shown(raw)} ligger uden for de datoer, der kan vises.")
            return default
        return value


    def moment(self, name: str, *, label: str, default=None):
        """A point in time written in ISO 8601: 2023-06-07T12:00:00+02:00, or without an offset (then
        Danish time), or a bare date (its start, Danish time). Returns an aware datetime."""
        raw = self.data.get(name)
        if raw is None or not raw.strip():
            return default
        text = raw.strip()
        value = None
        if 10 <= len(text) <= 40:
            try:
                value = datetime.datetime.fromisoformat(text)
            except ValueError:
                value = None
        if value is None or not YEAR_MIN <= value.year <= YEAR_MAX:
            self._error(f"{label} “{_shown(raw)}” er ikke et gyldigt tidspunkt. "
                        "Skriv det som 2023-06-07T12:00:00+02:00 eller 2023-06-07.")
            return default
        if value.tzinfo is None:
            from django.utils import timezone

            value = timezone.make_aware(value)
        return value


def query_params(request) -> QueryParams:
    """The request's one reader, so every message ends up on the page."""
    reader = getattr(request, "_klynge_query_params", None)
    if reader is None:
        reader = QueryParams(request.GET)
        request._klynge_query_params = reader
    return reader


def query_errors(request):
    """Context processor: the messages about query parameters a view could not use."""
    reader = getattr(request, "_klynge_query_params", None)
    return {"query_errors": reader.errors if reader else []}
