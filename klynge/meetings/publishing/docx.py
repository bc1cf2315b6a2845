"""Word (.docx) files of agendas and minutes in the conventional Danish layout.

Drawn from a ``MeetingDocument`` (document.py), which has already applied the
closed-item rule. Real Word heading styles: "Title" for the document, "Heading 1"
for sections and items, "Heading 2" for an item's parts (Resumé, Sagsfremstilling,
Indstilling, Beslutning, Bilag), so Word's navigation pane and a generated table
of contents work, and the file can be read back by its headings.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from .document import MINUTES, ItemEntry, MeetingDocument
from .richtext import Block

FONT = "Arial"
INK = RGBColor(0x1A, 0x1A, 0x1A)
ACCENT = RGBColor(0x00, 0x4A, 0x7C)
MUTED = RGBColor(0x59, 0x59, 0x59)
WARNING = RGBColor(0xA0, 0x1C, 0x1C)
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def render_docx(document: MeetingDocument) -> bytes:
    word = Document()
    _setup(word, document)
    _front(word, document)
    _contents(word, document)
    if document.kind == MINUTES and document.attendance:
        _attendance(word, document)
    if document.kind == MINUTES and document.minutes_note:
        word.add_heading("Generelt om referatet", level=1)
        _blocks(word, document.minutes_note)
    for item in document.items:
        _item(word, document, item)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


# --- page and styles -------------------------------------------------------------------

def _setup(word, document: MeetingDocument) -> None:
    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.3)
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.2)

    styles = word.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10.5)
    normal.font.color.rgb = INK
    normal.paragraph_format.space_after = Pt(5)
    normal.paragraph_format.line_spacing = 1.15
    _set_language(normal, "da-DK")
    for name, size, colour in (("Title", 20, ACCENT), ("Heading 1", 14, ACCENT), ("Heading 2", 11.5, INK),
                               ("Heading 3", 10.5, INK), ("Heading 4", 10.5, MUTED)):
        style = styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.color.rgb = colour
        style.font.bold = True
        _drop_theme_fonts(style)
        _set_language(style, "da-DK")
    styles["Heading 1"].paragraph_format.space_before = Pt(16)
    styles["Heading 1"].paragraph_format.space_after = Pt(4)
    styles["Heading 2"].paragraph_format.space_before = Pt(9)
    styles["Heading 2"].paragraph_format.space_after = Pt(2)
    styles["Title"].paragraph_format.space_after = Pt(6)

    props = word.core_properties
    props.title = document.heading
    props.subject = document.body_name
    props.language = "da-DK"
    props.author = "Klynge"
    props.keywords = "dagsorden" if document.kind != MINUTES else "referat"

    # Running header and footer: which document this is, and "Side N af M".
    header = section.header.paragraphs[0]
    header.text = f"{document.document_label} · {document.title} · {document.date_label}"
    if document.draft:
        # Every page's header says the minutes are a draft.
        header.text = "UDKAST – referatet er ikke godkendt · " + header.text
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for run in header.runs:
        run.font.size = Pt(8)
        run.font.color.rgb = MUTED
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for part in ("Side ", ("PAGE", "1"), " af ", ("NUMPAGES", "1")):
        if isinstance(part, tuple):
            _field(footer, *part)
        else:
            run = footer.add_run(part)
            run.font.size = Pt(8)
            run.font.color.rgb = MUTED


def _drop_theme_fonts(style) -> None:
    """Headings in the default template use theme fonts; pin them to FONT."""
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if fonts.get(qn(attribute)) is not None:
            del fonts.attrib[qn(attribute)]
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attribute), FONT)


def _set_language(style, language: str) -> None:
    rpr = style.element.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), language)


def _field(paragraph, instruction: str, placeholder: str) -> None:
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "16")
    rpr.append(size)
    run.append(rpr)
    text = OxmlElement("w:t")
    text.text = placeholder
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


# --- front page ----------------------------------------------------------------------------

def _front(word, document: MeetingDocument) -> None:
    kicker = word.add_paragraph()
    run = kicker.add_run(document.document_label.upper())
    run.bold = True
    run.font.size = Pt(10)
    run.font.color.rgb = ACCENT
    kicker.paragraph_format.space_after = Pt(0)
    word.add_heading(f"{document.title}, {document.date_label}", level=0)

    rows = [("Mødedato", f"{document.weekday_date} {document.time_label}"), ("Mødested", document.place)]
    if document.online_link:
        rows.append(("Link til mødet", document.online_link))
    if document.title != document.body_name:
        rows.insert(0, ("Organ", document.body_name))
    if document.approved_label:
        rows.append(("Status", document.approved_label))
    if document.draft:
        rows.append(("Status", "UDKAST – referatet er ikke godkendt"))
    for correction in document.corrections:
        rows.append(("Rettelse", correction))
    table = word.add_table(rows=0, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].width, cells[1].width = Cm(3.2), Cm(13.2)
        head = cells[0].paragraphs[0].add_run(label)
        head.bold = True
        cells[1].paragraphs[0].add_run(value or "–")
    word.add_paragraph()

    if document.cancelled:
        _notice(word, "Mødet er aflyst." + (f" {document.cancelled_reason}" if document.cancelled_reason else ""))
    if document.includes_closed:
        _notice(word, "Fortroligt: Denne udgave indeholder lukkede punkter og må ikke offentliggøres "
                      "eller videresendes. Brug den offentlige udgave til alle andre.")


def _notice(word, text: str) -> None:
    paragraph = word.add_paragraph()
    run = paragraph.add_run(text)
    run.bold = True
    run.font.color.rgb = WARNING


def _contents(word, document: MeetingDocument) -> None:
    word.add_heading("Indholdsfortegnelse", level=1)
    table = word.add_table(rows=1, cols=3)
    table.style = word.styles["Table Grid"]
    widths = (Cm(1.6), Cm(11.4), Cm(3.4))
    for cell, text, width in zip(table.rows[0].cells, ("Punkt", "Emne", "Tid"), widths, strict=True):
        cell.width = width
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        _shade(cell, "E6EEF5")
    for item in document.items:
        cells = table.add_row().cells
        for cell, width in zip(cells, widths, strict=True):
            cell.width = width
        cells[0].paragraphs[0].add_run(item.number_label)
        title = item.display_title + (f" v. {', '.join(item.presenters)}" if item.presenters else "")
        cells[1].paragraphs[0].add_run(title)
        cells[2].paragraphs[0].add_run(item.slot.removeprefix("kl. ") if item.slot else "")
    word.add_page_break()  # the items begin on a page of their own, as in printed minutes


def _shade(cell, colour: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    properties.append(shading)


def _attendance(word, document: MeetingDocument) -> None:
    word.add_heading("Mødedeltagere", level=1)
    for group in document.attendance:
        word.add_heading(group.label, level=2)
        for line in group.lines:
            word.add_paragraph(line, style="List Bullet")


# --- items -----------------------------------------------------------------------------------

def _item(word, document: MeetingDocument, item: ItemEntry) -> None:
    word.add_heading(item.heading, level=1)
    if item.redacted:
        note = word.add_paragraph()
        run = note.add_run("Punktet er lukket og offentliggøres ikke.")
        run.italic = True
        run.font.color.rgb = MUTED
        return
    meta = []
    if item.closed:
        meta.append("Lukket punkt – kun for organets medlemmer")
    if item.case_number:
        meta.append(f"Journalnummer {item.case_number}")
    if item.overruns:
        meta.append("Tidsplanen rækker ud over mødets sluttidspunkt")
    if meta:
        line = word.add_paragraph()
        run = line.add_run(" · ".join(meta))
        run.italic = True
        run.font.size = Pt(9)
        run.font.color.rgb = WARNING if item.closed else MUTED

    if item.summary:
        word.add_heading("Resumé", level=2)
        _blocks(word, item.summary)
    if item.description:
        word.add_heading("Sagsfremstilling", level=2)
        _blocks(word, item.description)
    if item.recommendations:
        word.add_heading("Indstilling", level=2)
        word.add_paragraph(item.recommendation_intro)
        for rec in item.recommendations:
            _numbered(word, f"{rec.number}.", rec.text)
    if document.kind == MINUTES:
        if item.guests:
            word.add_heading("Gæster under punktet", level=2)
            for guest in item.guests:
                word.add_paragraph(guest, style="List Bullet")
        if item.minutes:
            word.add_heading("Referat", level=2)
            _blocks(word, item.minutes)
        if item.decision or any(r.outcome or r.decision for r in item.recommendations):
            word.add_heading("Beslutning", level=2)
            _blocks(word, item.decision)
            for rec in item.recommendations:
                if rec.outcome or rec.decision:
                    paragraph = _numbered(word, f"Ad {rec.number}.", "")
                    if rec.outcome:
                        paragraph.add_run(rec.outcome).bold = True
                    if rec.decision:
                        paragraph.add_run((". " if rec.outcome else "") + rec.decision)
        if item.tasks:
            word.add_heading("Opfølgning", level=2)
            for task in item.tasks:
                paragraph = word.add_paragraph(style="List Bullet")
                paragraph.add_run(task.owner).bold = True
                paragraph.add_run(f": {task.description}")
                if task.due:
                    paragraph.add_run(f" (frist {task.due})")
    if item.attachments:
        word.add_heading("Bilag", level=2)
        for title in item.attachments:
            word.add_paragraph(title, style="List Bullet")


def _numbered(word, marker: str, text: str):
    """A numbered line with a hanging indent; literal numbers so every list starts at 1."""
    paragraph = word.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.left_indent = Cm(1.0)
    fmt.first_line_indent = Cm(-1.0)
    fmt.tab_stops.add_tab_stop(Cm(1.0))
    paragraph.add_run(f"{marker}\t{text}")
    return paragraph


def _blocks(word, blocks: list[Block]) -> None:
    for block in blocks:
        if block.kind == "table":
            table = word.add_table(rows=0, cols=max(len(row) for row in block.rows))
            table.style = word.styles["Table Grid"]
            for row in block.rows:
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=False):
                    cell.paragraphs[0].add_run(text)
            word.add_paragraph()
            continue
        if block.kind == "h":
            word.add_heading(block.text, level=3 if block.level <= 3 else 4)
            continue
        if block.kind == "li" and block.marker == "•":
            paragraph = word.add_paragraph(style="List Bullet" if block.level <= 1 else "List Bullet 2")
        elif block.kind == "li":
            paragraph = _numbered(word, block.marker, "")
            if block.level > 1:
                paragraph.paragraph_format.left_indent = Cm(1.0 * block.level)
        else:
            paragraph = word.add_paragraph()
            if block.quote:
                paragraph.paragraph_format.left_indent = Cm(1.0)
        for run in block.runs:
            added = paragraph.add_run(run.text)
            added.bold = run.bold or None
            added.italic = run.italic or block.quote or None
