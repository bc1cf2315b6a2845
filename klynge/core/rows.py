"""Table rows written in Python, escaped exactly as the template engine escapes.

A page that lists hundreds of rows (a month of the national calendar, a matter's treatments) spends
most of its time in the template engine, a handful of variables a row. ``format_rows`` writes the
rows from one format string instead, like ``format_html_join("", row_format, rows)`` with a mapping
per row, and gives the same string: every value goes through ``conditional_escape`` (what ``{{ }}``
does with autoescape on), a safe string passes as it is. The rows of a page share most of their values
(dates, bodies, statuses, outcomes), so each distinct value is escaped once.
"""

from __future__ import annotations

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe


class EscapeOnce:
    """``conditional_escape`` remembering what it escaped (values must be hashable)."""

    __slots__ = ("seen",)

    def __init__(self):
        self.seen = {}

    def __call__(self, value):
        # By type as well: a safe string and a plain one of the same text escape differently (they compare equal).
        key = (type(value), value)
        escaped = self.seen.get(key)
        if escaped is None:
            escaped = self.seen[key] = conditional_escape(value)
        return escaped


def format_rows(row_format: str, rows) -> SafeString:
    """``row_format`` filled with each row's values (a mapping per row), escaped, joined."""
    escape = EscapeOnce()
    return mark_safe("".join(row_format.format(**{name: escape(value) for name, value in row.items()})
                             for row in rows))
