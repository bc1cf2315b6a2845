"""Text helpers: sanitised rich text and slugs with Danish letters."""

import nh3
from django.utils.text import slugify

ALLOWED_TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "a", "h3", "h4",
    "blockquote", "table", "thead", "tbody", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}

_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def sanitise_html(html: str) -> str:
    """Rich text from users, reduced to a safe subset (no scripts, styles or handlers)."""
    return nh3.clean(html or "", tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer")


def danish_slugify(value: str) -> str:
    """'Sundhedsklynge Lillebælt' -> 'sundhedsklynge-lillebaelt'."""
    return slugify((value or "").translate(_DANISH))
