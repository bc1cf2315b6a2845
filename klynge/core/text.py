"""Text helpers: sanitised rich text and slugs with Danish letters."""

import html
import re

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


_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
_BULLET = re.compile(r"^[-*•]\s+")
_NUMBERED = re.compile(r"^\d+[.)]\s+")


def _list_item(marker, line: str) -> str:
    return "<li>" + html.escape(marker.sub("", line)) + "</li>"


def rich_text_from_input(text: str) -> str:
    """Rich text as typed into a plain text box, or pasted HTML, as safe HTML.

    Typed text gets light structure: a blank line starts a new paragraph, lines starting
    with "- " or "* " become a bulleted list, lines starting with "1. " a numbered list.
    Text that already contains HTML (pasted from Word or a browser) is only sanitised.
    """
    text = (text or "").replace("\r\n", "\n").strip()
    if not text:
        return ""
    if _HTML_TAG.search(text):
        return sanitise_html(text)
    blocks = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if all(_BULLET.match(line) for line in lines):
            blocks.append("<ul>" + "".join(_list_item(_BULLET, line) for line in lines) + "</ul>")
        elif all(_NUMBERED.match(line) for line in lines):
            blocks.append("<ol>" + "".join(_list_item(_NUMBERED, line) for line in lines) + "</ol>")
        else:
            blocks.append("<p>" + "<br>".join(html.escape(line) for line in lines) + "</p>")
    return sanitise_html("".join(blocks))


_DANISH_ORDER = str.maketrans({"æ": "z{", "ä": "z{", "ø": "z|", "ö": "z|", "å": "z}"})


def danish_sort_key(value: str) -> str:
    """A key that sorts names in Danish alphabetical order (… x, y, z, æ, ø, å), ignoring case."""
    return (value or "").casefold().translate(_DANISH_ORDER)
