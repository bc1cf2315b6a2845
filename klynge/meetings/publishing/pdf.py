"""PDF files of agendas and minutes: the filtered document as print HTML, laid out and tagged by
``klynge.core.pdf.render_pdf`` (WeasyPrint; see docs/publishing.md for the choice).

The layout follows Danish minutes: a front with body, date, time and place; a table of contents
with item times and page numbers; per item "Punkt N: Title v. Presenter (kl. 17:05-17:25)" and its
Resumé, Sagsfremstilling, Indstilling, Beslutning, Bilag; "Side N af M" at the foot of every page,
and from page 2 a running header. Draft minutes carry "UDKAST" on every page. The PDF's bookmarks
are the items.

The template only ever sees the ``MeetingDocument`` (closed items the reader may not see are already
"Lukket punkt"), and rich text arrives as ``Block``s, written here as escaped HTML.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from klynge.core.pdf import CONTENT_TYPE, css_string
from klynge.core.pdf import render_pdf as render_html_pdf

from .document import MINUTES, MeetingDocument
from .richtext import Block, Run

__all__ = ["CONTENT_TYPE", "blocks_html", "document_html", "render_pdf", "runs_html"]


def render_pdf(document: MeetingDocument) -> bytes:
    return render_html_pdf(document_html(document), document.heading, subject=document.body_name)


def document_html(document: MeetingDocument) -> str:
    """The print HTML of the agenda or minutes."""
    return render_to_string("meetings/pdf/document.html", {
        "document": document,
        "minutes": document.kind == MINUTES,
        "running_header": css_string(f"{document.document_label} · {document.title} · {document.date_label}"),
        "items": [(item, _item_parts(document, item)) for item in document.items],
        "minutes_note": blocks_html(document.minutes_note),
    })


def _item_parts(document: MeetingDocument, item) -> dict:
    meta = []
    if item.closed and not item.redacted:
        meta.append("Lukket punkt – kun for organets medlemmer")
    if item.case_number:
        meta.append(f"Journalnummer {item.case_number}")
    if item.overruns:
        meta.append("Tidsplanen rækker ud over mødets sluttidspunkt")
    return {
        "meta": " · ".join(meta),
        "summary": blocks_html(item.summary),
        "description": blocks_html(item.description),
        "minutes": blocks_html(item.minutes),
        "decision": blocks_html(item.decision),
        "outcomes": [r for r in item.recommendations if r.outcome or r.decision],
    }


def runs_html(runs: list[Run]) -> SafeString:
    parts = []
    for run in runs:
        text = escape(run.text)
        if run.bold:
            text = f"<strong>{text}</strong>"
        if run.italic:
            text = f"<em>{text}</em>"
        parts.append(text)
    return mark_safe("".join(parts))  # noqa: S308 - every run escaped above


def blocks_html(blocks: list[Block]) -> SafeString:
    """Paragraphs, headings (h4, under the item's h3 parts), nested lists and tables, as escaped HTML."""
    out: list[str] = []
    open_lists: list[str] = []  # "ul" / "ol", innermost last

    def close_to(depth: int) -> None:
        while len(open_lists) > depth:
            out.append(f"</li></{open_lists.pop()}>")

    for block in blocks:
        if block.kind != "li":
            close_to(0)
        if block.kind == "li":
            ordered = block.marker.endswith(".") and block.marker[:-1].isdigit()
            tag = "ol" if ordered else "ul"
            depth = max(1, block.level)
            close_to(depth)
            if len(open_lists) == depth and open_lists[-1] != tag:
                close_to(depth - 1)
            if len(open_lists) == depth:
                out.append("</li>")  # the previous item at this depth
            while len(open_lists) < depth:
                if len(open_lists) < depth - 1:  # a jump of more than one level: an empty item to hold it
                    out.append(f"<{tag}><li>")
                else:
                    out.append(f'<{tag} start="{int(block.marker[:-1])}">' if ordered else f"<{tag}>")
                open_lists.append(tag)
            out.append(f"<li>{runs_html(block.runs)}")
        elif block.kind == "table":
            out.append(_table_html(block))
        elif block.kind == "h":
            # under the item's h3 parts; one level, so the heading levels never skip one (PDF/UA)
            out.append(f"<h4>{runs_html(block.runs)}</h4>")
        elif block.quote:
            out.append(f"<blockquote><p>{runs_html(block.runs)}</p></blockquote>")
        else:
            out.append(f"<p>{runs_html(block.runs)}</p>")
    close_to(0)
    return mark_safe("".join(out))  # noqa: S308 - built from escaped pieces


def _table_html(block: Block) -> str:
    columns = max(len(row) for row in block.rows)
    rows = [row + [""] * (columns - len(row)) for row in block.rows]
    head = ""
    if block.header:
        head = format_html("<thead><tr>{}</tr></thead>",
                           format_html_join("", '<th scope="col">{}</th>', ((c,) for c in rows[0])))
        rows = rows[1:]
    body = format_html_join("", "<tr>{}</tr>", ((format_html_join("", "<td>{}</td>", ((c,) for c in row)),)
                                                for row in rows))
    return format_html('<table class="content">{}<tbody>{}</tbody></table>', head, body)
