"""Paged OParl lists: pure functions, no ORM.

A list is the live objects (oldest id first) followed by the deleted ones (oldest first), so the
order is stable from request to request. ``page_window`` says which slice of each part a page takes.
"""

from __future__ import annotations

import math
from urllib.parse import urlencode

PAGE_SIZE = 100
FILTERS = ("created_since", "created_until", "modified_since", "modified_until")


def total_pages(total: int, size: int = PAGE_SIZE) -> int:
    return max(1, math.ceil(total / size))


def page_window(page: int, live_count: int, size: int = PAGE_SIZE) -> tuple[slice, slice]:
    """The slice of the live objects and the slice of the deleted ones that page ``page`` (1-based) shows."""
    start, stop = (page - 1) * size, page * size
    live = slice(min(start, live_count), min(stop, live_count))
    deleted = slice(max(0, start - live_count), max(0, stop - live_count))
    return live, deleted


def page_url(base: str, filters: dict, page: int) -> str:
    params = {k: v for k, v in filters.items() if v}
    if page > 1:
        params["page"] = page
    return f"{base}?{urlencode(params)}" if params else base


def links(base: str, filters: dict, page: int, pages: int) -> dict:
    """first, prev, self, next, last as the specification names them; next on every page but the last."""
    result = {"first": page_url(base, filters, 1), "self": page_url(base, filters, page),
              "last": page_url(base, filters, pages)}
    if page > 1:
        result["prev"] = page_url(base, filters, page - 1)
    if page < pages:
        result["next"] = page_url(base, filters, page + 1)
    return result
