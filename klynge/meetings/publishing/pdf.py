"""PDF files of agendas and minutes, drawn with fpdf2 (pure Python).

fpdf2 rather than an HTML-to-PDF engine such as WeasyPrint: it needs no system
libraries (Pango, Cairo), so `make run` and CI work on a bare machine, and the layout
here is simple enough to draw directly. Fonts are the IBM Plex Sans TTFs vendored with
DKFDS (embedded and subset), so Danish letters, quotes and dashes render everywhere.

The layout follows Danish minutes: a header with body, date, time and place; a table
of contents with item times and page numbers; per item "Punkt N: Title v. Presenter
(kl. 17:05-17:25)" and its Resumé, Sagsfremstilling, Indstilling, Beslutning, Bilag;
"Side N af M" at the foot of every page. PDF bookmarks mirror the items.
"""

from __future__ import annotations

import logging
from pathlib import Path

from django.conf import settings
from fpdf import FPDF
from fpdf.errors import FPDFException
from fpdf.fonts import FontFace
from fpdf.prefs import ViewerPreferences

from .document import MINUTES, ItemEntry, MeetingDocument
from .richtext import Block, Run

FONT_DIR = Path(settings.BASE_DIR) / "static" / "vendor" / "dkfds" / "fonts" / "IBMPlexSans" / "complete" / "ttf"
FONT = "IBMPlexSans"
ACCENT = (0, 74, 124)
INK = (26, 26, 26)
MUTED = (89, 89, 89)
WARNING = (160, 28, 28)
RULE = (200, 210, 220)
# fontTools logs every glyph subset at INFO; one PDF would flood the log.
logging.getLogger("fontTools").setLevel(logging.WARNING)
LINE = 5.2  # mm per line of body text
CONTENT_TYPE = "application/pdf"


class _MinutesPDF(FPDF):
    def __init__(self, document: MeetingDocument):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.document = document
        self.set_margins(22, 20, 22)
        self.set_auto_page_break(True, margin=20)
        self.add_font(FONT, "", FONT_DIR / "IBMPlexSans-Regular.ttf")
        self.add_font(FONT, "B", FONT_DIR / "IBMPlexSans-Bold.ttf")
        self.add_font(FONT, "I", FONT_DIR / "IBMPlexSans-Italic.ttf")
        self.add_font(FONT + "Semi", "", FONT_DIR / "IBMPlexSans-SemiBold.ttf")
        self.set_title(document.heading)
        self.set_subject(document.body_name)
        self.set_author("Klynge")
        self.set_creator("Klynge")
        self.set_lang("da")
        self.set_display_mode("fullwidth")
        # Viewers show the title (not the file name) in the window: WCAG 2.4.2 / PDF/UA.
        self.viewer_preferences = ViewerPreferences(display_doc_title=True)

    def header(self):
        if self.document.draft:
            # A draft says so on every page: a large, light "UDKAST" across the page and in the header line.
            self.set_font(FONT, "B", 72)
            self.set_text_color(225, 225, 225)
            with self.rotation(45, self.w / 2, self.h / 2):
                self.text(self.w / 2 - 60, self.h / 2 + 10, "UDKAST")
            self.set_font(FONT, "B", 9)
            self.set_text_color(*INK)
            self.cell(0, 5, "UDKAST – referatet er ikke godkendt", align="L", new_x="LMARGIN",
                      new_y="NEXT" if self.page_no() == 1 else "LAST")
            if self.page_no() != 1:
                self.set_xy(self.l_margin, self.t_margin)
        if self.page_no() == 1:
            self.set_text_color(*INK)
            return
        self.set_font(FONT, "", 8)
        self.set_text_color(*MUTED)
        doc = self.document
        self.cell(0, 5, f"{doc.document_label} · {doc.title} · {doc.date_label}", align="R",
                  new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(*RULE)
        self.line(self.l_margin, self.get_y() + 1, self.w - self.r_margin, self.get_y() + 1)
        self.ln(5)
        self.set_text_color(*INK)

    def footer(self):
        self.set_y(-13)
        self.set_font(FONT, "", 8)
        self.set_text_color(*MUTED)
        self.cell(0, 5, f"Side {self.page_no()} af {{nb}}", align="C")
        self.set_text_color(*INK)


def render_pdf(document: MeetingDocument) -> bytes:
    # The table of contents is drawn last (it needs the page numbers) into pages reserved
    # up front. Reserve one page; if the contents need more, draw again with one more, so
    # page numbers and "Side N af M" stay right and no reserved page is left blank.
    for toc_pages in range(1, 2 + len(document.items) // 10):
        try:
            return _render(document, toc_pages)
        except FPDFException as error:
            if "too many page breaks" not in str(error):
                raise
    return _render(document, 2 + len(document.items) // 10)


def _render(document: MeetingDocument, toc_pages: int) -> bytes:
    pdf = _MinutesPDF(document)
    pdf.add_page()
    _front(pdf, document)
    items_by_heading = {item.heading: item for item in document.items}
    pdf.insert_toc_placeholder(lambda p, sections: _contents(p, sections, items_by_heading), pages=toc_pages)
    if document.kind == MINUTES and document.attendance:
        _attendance(pdf, document)
    if document.kind == MINUTES and document.minutes_note:
        _heading(pdf, "Generelt om referatet", 14, ACCENT, section=True)
        _blocks(pdf, document.minutes_note)
    for item in document.items:
        _item(pdf, document, item)
    return bytes(pdf.output())


# --- pieces ------------------------------------------------------------------------------------

def _front(pdf: _MinutesPDF, document: MeetingDocument) -> None:
    pdf.set_font(FONT + "Semi", "", 10)
    pdf.set_text_color(*ACCENT)
    pdf.cell(0, 6, document.document_label.upper(), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "B", 19)
    pdf.multi_cell(0, 8.5, f"{document.title}, {document.date_label}", align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(0.6)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.set_line_width(0.2)
    pdf.ln(4)
    pdf.set_text_color(*INK)

    rows = [("Mødedato", f"{document.weekday_date} {document.time_label}"), ("Mødested", document.place or "–")]
    if document.online_link:
        rows.append(("Link til mødet", document.online_link))
    if document.title != document.body_name:
        rows.insert(0, ("Organ", document.body_name))
    rows.extend(document.role_rows)
    if document.approved_label:
        rows.append(("Status", document.approved_label))
    if document.draft:
        rows.append(("Status", "UDKAST – referatet er ikke godkendt"))
    for correction in document.corrections:
        rows.append(("Rettelse", correction))
    for label, value in rows:
        pdf.set_font(FONT, "B", 10)
        pdf.cell(32, LINE + 0.6, label)
        pdf.set_font(FONT, "", 10)
        pdf.multi_cell(0, LINE + 0.6, value, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    if document.cancelled:
        _notice(pdf, "Mødet er aflyst." + (f" {document.cancelled_reason}" if document.cancelled_reason else ""))
    if document.includes_closed:
        _notice(pdf, "Fortroligt: Denne udgave indeholder lukkede punkter og må ikke offentliggøres eller "
                     "videresendes. Brug den offentlige udgave til alle andre.")


def _notice(pdf: _MinutesPDF, text: str) -> None:
    pdf.set_font(FONT, "B", 10)
    pdf.set_text_color(*WARNING)
    pdf.multi_cell(0, LINE, text, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*INK)
    pdf.ln(2)


def _contents(pdf: _MinutesPDF, sections, items_by_heading) -> None:
    pdf.set_x(pdf.l_margin)
    pdf.set_font(FONT, "B", 13)
    pdf.set_text_color(*ACCENT)
    pdf.cell(0, 8, "Indholdsfortegnelse", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*INK)
    pdf.ln(1)
    pdf.set_font(FONT, "", 9.5)
    pdf.set_draw_color(*RULE)
    heading_style = FontFace(family=FONT, emphasis="BOLD", fill_color=(230, 238, 245))
    with pdf.table(col_widths=(14, 110, 28, 14), text_align=("LEFT", "LEFT", "LEFT", "RIGHT"),
                   borders_layout="HORIZONTAL_LINES", line_height=5, padding=(1.2, 1.5),
                   headings_style=heading_style) as table:
        table.row(["Punkt", "Emne", "Tid", "Side"])
        for section in sections:
            item = items_by_heading.get(section.name)
            link = pdf.add_link(page=section.page_number)
            row = table.row()
            if item is None:
                row.cell("")
                row.cell(section.name, link=link)
                row.cell("")
            else:
                title = item.display_title + (f" v. {', '.join(item.presenters)}" if item.presenters else "")
                row.cell(item.number_label)
                row.cell(title, link=link)
                row.cell(item.slot.removeprefix("kl. ") if item.slot else "")
            row.cell(pdf.pages[section.page_number].get_label())


def _heading(pdf: _MinutesPDF, text: str, size: float, colour=INK, space_before: float = 3.0,
             keep: float = 28.0, section: bool = False) -> None:
    if pdf.get_y() + keep > pdf.page_break_trigger:
        pdf.add_page()
    else:
        pdf.ln(space_before)
    if section:
        pdf.start_section(text, level=0)
    pdf.set_font(FONT, "B", size)
    pdf.set_text_color(*colour)
    pdf.multi_cell(0, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*INK)
    pdf.ln(1)


def _attendance(pdf: _MinutesPDF, document: MeetingDocument) -> None:
    _heading(pdf, "Mødedeltagere", 14, ACCENT, section=True)
    for group in document.attendance:
        _heading(pdf, group.label, 11, keep=14)
        for line in group.lines:
            _paragraph(pdf, [Run(line)], indent=0, marker="•")


def _item(pdf: _MinutesPDF, document: MeetingDocument, item: ItemEntry) -> None:
    _heading(pdf, item.heading, 13, ACCENT, space_before=7, keep=40, section=True)
    pdf.set_draw_color(*RULE)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(2)
    if item.redacted:
        _paragraph(pdf, [Run("Punktet er lukket og offentliggøres ikke.", italic=True)], colour=MUTED)
        return
    meta = []
    if item.closed:
        meta.append("Lukket punkt – kun for organets medlemmer")
    if item.case_number:
        meta.append(f"Journalnummer {item.case_number}")
    if item.overruns:
        meta.append("Tidsplanen rækker ud over mødets sluttidspunkt")
    if meta:
        _paragraph(pdf, [Run(" · ".join(meta), italic=True)], colour=WARNING if item.closed else MUTED, size=9)

    if item.summary:
        _heading(pdf, "Resumé", 11)
        _blocks(pdf, item.summary)
    if item.description:
        _heading(pdf, "Sagsfremstilling", 11)
        _blocks(pdf, item.description)
    if item.recommendations:
        _heading(pdf, "Indstilling", 11)
        _paragraph(pdf, [Run(item.recommendation_intro)])
        for rec in item.recommendations:
            _paragraph(pdf, [Run(rec.text)], marker=f"{rec.number}.")
    if document.kind == MINUTES:
        if item.guests:
            _heading(pdf, "Gæster under punktet", 11)
            for guest in item.guests:
                _paragraph(pdf, [Run(guest)], marker="•")
        if item.minutes:
            _heading(pdf, "Referat", 11)
            _blocks(pdf, item.minutes)
        if item.decision or any(r.outcome or r.decision for r in item.recommendations):
            _heading(pdf, "Beslutning", 11)
            _blocks(pdf, item.decision)
            for rec in item.recommendations:
                if rec.outcome or rec.decision:
                    runs = [Run(rec.outcome, bold=True)] if rec.outcome else []
                    if rec.decision:
                        runs.append(Run((". " if rec.outcome else "") + rec.decision))
                    _paragraph(pdf, runs, marker=f"Ad {rec.number}.", marker_width=12)
        if item.tasks:
            _heading(pdf, "Opfølgning", 11)
            for task in item.tasks:
                runs = [Run(task.owner, bold=True), Run(f": {task.description}")]
                if task.due:
                    runs.append(Run(f" (frist {task.due})"))
                _paragraph(pdf, runs, marker="•")
    if item.attachments:
        _heading(pdf, "Bilag", 11)
        for title in item.attachments:
            _paragraph(pdf, [Run(title)], marker="•")


def _paragraph(pdf: _MinutesPDF, runs: list[Run], indent: float = 0, marker: str = "", marker_width: float = 7,
               colour=INK, size: float = 10) -> None:
    """Runs of text, wrapped, with an optional hanging list marker."""
    left = pdf.l_margin
    pdf.set_x(left + indent)
    if marker:
        pdf.set_font(FONT, "", size)
        pdf.set_text_color(*colour)
        pdf.cell(marker_width, LINE, marker)
        pdf.set_left_margin(left + indent + marker_width)
    else:
        pdf.set_left_margin(left + indent)
    try:
        for run in runs:
            style = "B" if run.bold else ("I" if run.italic else "")
            pdf.set_font(FONT, style, size)
            pdf.set_text_color(*colour)
            pdf.write(LINE, run.text)
    finally:
        pdf.set_left_margin(left)
    pdf.ln(LINE)
    pdf.ln(1.2)
    pdf.set_x(left)
    pdf.set_text_color(*INK)


def _blocks(pdf: _MinutesPDF, blocks: list[Block]) -> None:
    for block in blocks:
        if block.kind == "table":
            columns = max(len(row) for row in block.rows)
            pdf.set_font(FONT, "", 9)
            pdf.set_draw_color(*RULE)
            with pdf.table(line_height=4.6, padding=1.2, first_row_as_headings=False, text_align="LEFT",
                           col_widths=tuple(1 for _ in range(columns))) as table:
                for row in block.rows:
                    cells = table.row()
                    for index in range(columns):
                        cells.cell(row[index] if index < len(row) else "")
            pdf.ln(2)
        elif block.kind == "h":
            _heading(pdf, block.text, 10.5 if block.level <= 3 else 10, keep=18, space_before=1.5)
        elif block.kind == "li":
            _paragraph(pdf, block.runs, indent=6 * (block.level - 1), marker=block.marker)
        else:
            _paragraph(pdf, block.runs, indent=8 if block.quote else 0)
