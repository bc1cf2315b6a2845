"""Every PDF Klynge publishes is HTML laid out by WeasyPrint: ``render_pdf(html, title)``.

Why WeasyPrint (docs/publishing.md, "Tekniske valg"): our own HTML already has the structure a screen
reader needs (headings, paragraphs, lists, tables with header cells), and WeasyPrint turns exactly that
into a tagged PDF: a structure tree (H1-H6, P, L/LI, Table/TR/TH/TD), ``/Lang``, the title shown in the
viewer's window (``DisplayDocTitle``), ``MarkInfo /Marked true`` and the PDF/UA-1 identification in
the XMP metadata. Page furniture (running header, "Side X af Y", the UDKAST mark) sits in the page
margins or background and is written as artifacts, so it is not read aloud as content.

The print layout shared by every document (A4, IBM Plex Sans from DKFDS, "Side X af Y", repeated
table headers) is ``templates/pdf/print.css``; a document's own template adds its specifics.

Resources: the HTML we render never points outside. The URL fetcher only serves the vendored fonts and
``data:`` URLs, so no text that reaches a template can make the server read a file or call a URL.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path
from urllib.request import url2pathname

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

CONTENT_TYPE = "application/pdf"
FONT_DIR = Path(settings.BASE_DIR) / "static" / "vendor" / "dkfds" / "fonts" / "IBMPlexSans" / "complete" / "ttf"

# fontTools logs every glyph subset at INFO, WeasyPrint every CSS property it does not know at WARNING:
# one PDF would flood the log.
logging.getLogger("fontTools").setLevel(logging.WARNING)
logging.getLogger("weasyprint").setLevel(logging.ERROR)


def css_string(value: str) -> SafeString:
    """``value`` as a quoted CSS string, safe inside a <style> element (every non-alphanumeric
    character is a hex escape, so neither a quote nor ``</style>`` can end it)."""
    escaped = "".join(ch if ch.isalnum() and ch.isascii() else f"\\{ord(ch):06x}" for ch in str(value)
                      if ch not in "\r\n")
    return mark_safe(f'"{escaped}"')  # noqa: S308 - escaped above, character by character


def render_pdf(html: str, title: str, lang: str = "da", *, subject: str = "",
               follow: Callable[[int, int], str] | None = None, identify_ua: bool = True) -> bytes:
    """The tagged PDF of ``html`` (a whole document whose <html> carries ``lang``).

    ``title`` becomes the document title shown by viewers; ``subject`` the PDF subject. ``follow``,
    when given, makes a second part laid out after the first, in the same file and structure tree:
    it is called as ``follow(pages_before, own_pages)`` (the packet's overview, which must name the
    page each merged attachment starts on) and laid out again until its own page count holds.
    ``identify_ua=False`` leaves out the PDF/UA claim (the tagging stays) for a file that will get
    untagged pages from elsewhere appended.
    """
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    fetcher = _fetcher()
    base = CSS(string=render_to_string("pdf/print.css", {"font_dir": FONT_DIR.as_uri()}), font_config=fonts,
               url_fetcher=fetcher)

    def lay_out(source: str):
        return HTML(string=source, url_fetcher=fetcher, base_url=FONT_DIR.as_uri() + "/").render(
            stylesheets=[base], font_config=fonts, presentational_hints=True)

    document = lay_out(html)
    pages = list(document.pages)
    if follow is not None:
        own = 1
        for _attempt in range(4):
            part = lay_out(follow(len(pages), own))
            if len(part.pages) == own:
                break
            own = len(part.pages)
        pages += part.pages
        document = document.copy(pages)
    document.metadata.title = title
    document.metadata.lang = lang
    document.metadata.description = subject or None
    document.metadata.authors = ["Klynge"]
    document.metadata.generator = "Klynge"
    options = {"pdf_variant": "pdf/ua-1"} if identify_ua else {"pdf_tags": True, "pdf_version": "1.7"}
    return document.write_pdf(**options)


def render_overlay(html: str) -> bytes:
    """An untagged, one-off PDF (a stamp merged onto other pages as an artifact): no structure, no
    metadata. Only for marks laid over pages; a document a person reads goes through ``render_pdf``."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    fetcher = _fetcher()
    base = CSS(string=render_to_string("pdf/fonts.css", {"font_dir": FONT_DIR.as_uri()}), font_config=fonts,
               url_fetcher=fetcher)
    return HTML(string=html, url_fetcher=fetcher).write_pdf(stylesheets=[base], font_config=fonts,
                                                            presentational_hints=True)


@functools.cache
def _fetcher_class():
    from weasyprint.urls import URLFetcher

    class Fetcher(URLFetcher):
        """Only the vendored fonts and data: URLs; anything else is refused (and so left out)."""

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            if url.startswith("file:"):
                path = Path(url2pathname(url.split("?")[0].removeprefix("file:"))).resolve()
                if path.is_relative_to(FONT_DIR.resolve()) and path.suffix == ".ttf":
                    return super().fetch(url, headers)
            raise ValueError(f"PDF'en må ikke hente {url[:80]}")

    return Fetcher


def _fetcher():
    return _fetcher_class()()
