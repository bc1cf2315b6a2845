"""Addresses of many rows at the price of one reverse().

A page that links every row of a list (a meeting's items, a calendar's meetings) called reverse() per
row through `{% url %}` or get_absolute_url(); each call walks the resolver. ``UrlPattern`` reverses a
named pattern once, with sentinel arguments, and fills each row's ids into the result:

    meeting_url = UrlPattern("meetings:meeting")
    [meeting_url(m.pk) for m in meetings]       # the same strings reverse() gives

Make one per request (or per page render), not at import time: reverse() includes the script prefix of
the current thread (a site served under /klynge/ gets "/klynge/moeder/1/"), and the urlconf may be
swapped per request. A value that is not an int or a plain ASCII slug, a pattern that cannot be
reversed with integers, or a sentinel that does not appear exactly once in the result (e.g. inside the
script prefix) makes the helper fall back to reverse() for every call, so the result is always what
reverse() would give.
"""

from __future__ import annotations

import re

from django.urls import reverse

# Digits only, so <int:…> and <slug:…> converters both accept them; long enough not to be an id or
# to appear in a script prefix by chance (checked anyway).
_SENTINEL = 904_117_352_668_300
_PLAIN = re.compile(r"[-a-zA-Z0-9_]+")


class UrlPattern:
    """reverse(viewname, args=[...]) for many argument lists, with one real reverse()."""

    __slots__ = ("viewname", "nargs", "parts")

    def __init__(self, viewname: str, nargs: int = 1):
        self.viewname = viewname
        self.nargs = nargs
        self.parts = self._split()

    def _split(self) -> tuple[str, ...] | None:
        sentinels = [str(_SENTINEL + i) for i in range(self.nargs)]
        try:
            url = reverse(self.viewname, args=sentinels)
        except Exception:  # noqa: BLE001 - a pattern that refuses these arguments: reverse() each time
            return None
        parts, rest = [], url
        for sentinel in sentinels:
            if url.count(sentinel) != 1 or rest.count(sentinel) != 1:
                return None
            before, rest = rest.split(sentinel)
            parts.append(before)
        parts.append(rest)
        return tuple(parts)

    def __call__(self, *args) -> str:
        parts = self.parts
        if parts is None or len(args) != self.nargs:
            return reverse(self.viewname, args=args)
        out = [parts[0]]
        for arg, part in zip(args, parts[1:], strict=True):
            if type(arg) is int and arg >= 0:
                out.append(str(arg))
            elif isinstance(arg, str) and _PLAIN.fullmatch(arg):
                out.append(arg)
            else:
                return reverse(self.viewname, args=args)
            out.append(part)
        return "".join(out)
