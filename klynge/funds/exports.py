"""The overview as .xlsx and as CSV.

The workbook has one sheet per view of the funds: Oversigt (initiatives by party, commitments,
balances), Bevillinger (grants by year and party), Overførsler (transfers between years) and Indsatser
(the initiatives). Totals are formulas, so a reader who changes a number sees the totals follow, and
each formula also carries its value (``<v>``, computed here from the same numbers): a reader that does
not recalculate (a preview, a phone, openpyxl's ``data_only``, a search index) still sees every total,
and Excel and LibreOffice, which recalculate, arrive at the same numbers
(tests/funds/test_xlsx_export.py checks both with LibreOffice). Every cell has a named font (Arial),
columns are as wide as their content, header rows are tall enough for their wrapped text and are
repeated on every printed page, and each sheet prints one page wide (landscape, fit to width).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from klynge.core import formats, spreadsheets

from .queries import ClusterOverview

NUMBER_FORMAT = "#,##0"  # Excel shows it with the reader's separators: 1.022.190 in Danish
DATE_FORMAT = "dd.mm.yyyy"
FONT_NAME = "Arial"
FONT = Font(name=FONT_NAME, size=10)
BOLD = Font(name=FONT_NAME, size=10, bold=True)
TITLE = Font(name=FONT_NAME, size=14, bold=True)
HEAD_FILL = PatternFill("solid", fgColor="DDE7F0")
TOP = Border(top=Side(style="thin"))
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
POINTS_PER_LINE = 13.0  # a line of 10 pt Arial with leading


def years_label(years: list[int]) -> str:
    return ", ".join(map(str, years)) if years else "ingen år"


def filename(view: ClusterOverview, ext: str) -> str:
    years = "-".join(map(str, view.overview.years)) or "alle"
    return f"klyngemidler-{view.cluster.slug}-{years}.{ext}"


class _Sheet:
    """A worksheet that remembers the value of every number and formula it holds."""

    def __init__(self, ws, header_row: int):
        self.ws = ws
        self.header_row = header_row
        self.values: dict[tuple[int, int], int] = {}
        self.cached: dict[str, int] = {}  # coordinate -> value of a formula cell

    def put(self, row: int, col: int, value, font=FONT, number_format: str | None = None):
        cell = self.ws.cell(row, col, value)
        cell.font = font
        if number_format:
            cell.number_format = number_format
        if isinstance(value, int | float) and not isinstance(value, bool):
            self.values[(row, col)] = value
        return cell

    def formula(self, row: int, col: int, formula: str, value: int, font=FONT):
        cell = self.put(row, col, f"={formula}", font=font, number_format=NUMBER_FORMAT)
        self.values[(row, col)] = value
        self.cached[cell.coordinate] = value
        return cell

    def sum(self, row: int, col: int, r1: int, c1: int, r2: int, c2: int, font=FONT):
        """=SUM over a range (0 for an empty range, written as a number)."""
        if r2 < r1 or c2 < c1:
            return self.put(row, col, 0, font=font, number_format=NUMBER_FORMAT)
        value = sum(self.values.get((r, c), 0) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1))
        ref = f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}"
        return self.formula(row, col, f"SUM({ref})", value, font=font)

    def header(self, row: int, labels: list[str], numeric_from: int) -> None:
        for col, label in enumerate(labels, start=1):
            cell = self.put(row, col, label, font=BOLD)
            cell.fill = HEAD_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="top",
                                       horizontal="right" if col >= numeric_from else "left")

    def finish(self, *, min_width: int = 6, max_width: int = 60, landscape: bool = True) -> None:
        """Column widths from the content, a header row tall enough for its wrapped text, print setup."""
        ws = self.ws
        widths: dict[int, float] = {}
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None or cell.row < self.header_row:
                    continue  # titles above the table may run over empty columns
                widths[cell.column] = max(widths.get(cell.column, 0), _display_width(cell, self))
        for col, width in widths.items():
            ws.column_dimensions[get_column_letter(col)].width = max(min_width, min(max_width, width + 2))
        lines = 1
        for cell in ws[self.header_row]:
            if cell.value is None:
                continue
            width = ws.column_dimensions[get_column_letter(cell.column)].width
            words_width = max(len(w) for w in str(cell.value).split())
            if words_width + 2 > width:
                width = words_width + 2
                ws.column_dimensions[get_column_letter(cell.column)].width = width
            lines = max(lines, spreadsheets.wrapped_lines(str(cell.value), width - 2))
        ws.row_dimensions[self.header_row].height = lines * POINTS_PER_LINE + 4
        if self.header_row > 1:
            ws.row_dimensions[1].height = 20  # the 14 pt title
        ws.freeze_panes = ws.cell(self.header_row + 1, 1)
        ws.print_title_rows = f"{self.header_row}:{self.header_row}"
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0  # as many pages down as needed
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.print_options.gridLines = False


def _display_width(cell, sheet: _Sheet) -> float:
    """Characters the cell shows: numbers with thousands separators, formulas by their value."""
    value = sheet.values.get((cell.row, cell.column), cell.value)
    if isinstance(value, int | float) and cell.number_format == NUMBER_FORMAT:
        text = f"{value:,.0f}"
    elif cell.number_format == DATE_FORMAT:
        text = "00.00.0000"
    else:
        text = str(value)
    if cell.row == sheet.header_row:
        return max(len(w) for w in text.split()) if text.split() else 0  # headers wrap
    factor = 1.15 if cell.font is not None and cell.font.bold else 1.0
    return max(len(line) for line in text.splitlines() or [""]) * factor


def overview_xlsx(view: ClusterOverview, grants, transfers, initiatives=None) -> bytes:
    """grants, transfers: the cluster's Grant and Transfer objects; initiatives: its Initiative objects
    (default: those of the overview)."""
    wb = Workbook()
    sheets = [_overview_sheet(wb.active, view), _grants_sheet(wb, grants), _transfers_sheet(wb, transfers),
              _initiatives_sheet(wb, view, initiatives)]
    buffer = io.BytesIO()
    wb.save(buffer)
    return _with_cached_values(buffer.getvalue(), [s.cached for s in sheets])


def _overview_sheet(ws, view: ClusterOverview) -> _Sheet:
    o = view.overview
    ws.title = "Oversigt"
    header_row, first = 4, 5
    sheet = _Sheet(ws, header_row)
    sheet.put(1, 1, f"Klyngemidler – {view.cluster.name}", font=TITLE)
    sheet.put(2, 1, f"År: {years_label(o.years)}. Beløb i hele kroner.")

    parties = o.parties
    last_col = 3 + len(parties)  # column of "I alt"
    sheet.header(header_row, ["Nr.", "Indsats", *parties, "I alt"], numeric_from=3)

    r = first
    for initiative, row in view.rows():
        sheet.put(r, 1, initiative.number)
        sheet.put(r, 2, initiative.title).alignment = Alignment(wrap_text=True, vertical="top")
        for j, party in enumerate(parties):
            sheet.put(r, 3 + j, row.by_party.get(party, 0), number_format=NUMBER_FORMAT)
        sheet.sum(r, last_col, r, 3, r, last_col - 1)
        r += 1
    last_row = r - 1
    committed_row = r

    def label(row_no, text):
        sheet.put(row_no, 2, text, font=BOLD)

    label(committed_row, "Disponeret i alt")
    for c in range(3, last_col + 1):
        sheet.sum(committed_row, c, first, c, last_row, c, font=BOLD)
    funds_row, disp_row, balance_row = committed_row + 2, committed_row + 3, committed_row + 4
    label(funds_row, "Midler")
    label(disp_row, "Disponeret")
    label(balance_row, "Saldo (midler − disponeret)")
    for j, b in enumerate(o.balances):
        c = 3 + j
        col = get_column_letter(c)
        sheet.put(funds_row, c, b.funds, number_format=NUMBER_FORMAT)
        sheet.formula(disp_row, c, f"{col}{committed_row}", sheet.values[(committed_row, c)])
        sheet.formula(balance_row, c, f"{col}{funds_row}-{col}{disp_row}",
                      sheet.values[(funds_row, c)] - sheet.values[(disp_row, c)], font=BOLD)
    for row_no in (funds_row, disp_row, balance_row):
        sheet.sum(row_no, last_col, row_no, 3, row_no, last_col - 1, font=BOLD if row_no == balance_row else FONT)
    redistribution_row = balance_row + 2
    label(redistribution_row, "Til omfordeling mellem parterne")
    if parties:
        balances = [sheet.values.get((balance_row, 3 + j), 0) for j in range(len(parties))]
        rng = f"C{balance_row}:{get_column_letter(last_col - 1)}{balance_row}"
        sheet.formula(redistribution_row, 3, f'MIN(SUMIF({rng},">0"),-SUMIF({rng},"<0"))',
                      min(sum(b for b in balances if b > 0), -sum(b for b in balances if b < 0)))
    else:
        sheet.put(redistribution_row, 3, 0, number_format=NUMBER_FORMAT)

    for row_no in (committed_row, balance_row):
        for c in range(1, last_col + 1):
            ws.cell(row_no, c).border = TOP
            ws.cell(row_no, c).font = BOLD
    sheet.finish(max_width=48)
    ws.freeze_panes = ws.cell(first, 3)
    return sheet


def _grants_sheet(wb, grants) -> _Sheet:
    ws = wb.create_sheet("Bevillinger")
    sheet = _Sheet(ws, 1)
    grants = list(grants)
    parties = sorted({g.party.name for g in grants})
    years = sorted({g.year for g in grants})
    amounts = {(g.year, g.party.name): g.amount for g in grants}
    last_col = 2 + len(parties)
    sheet.header(1, ["År", *parties, "I alt (kr.)"], numeric_from=2)
    for i, year in enumerate(years):
        r = 2 + i
        sheet.put(r, 1, year)
        for j, p in enumerate(parties):
            sheet.put(r, 2 + j, amounts.get((year, p), 0), number_format=NUMBER_FORMAT)
        sheet.sum(r, last_col, r, 2, r, last_col - 1)
    total_row = 2 + len(years)
    sheet.put(total_row, 1, "I alt", font=BOLD)
    for c in range(2, last_col + 1):
        sheet.sum(total_row, c, 2, c, total_row - 1, c, font=BOLD).border = TOP
    sheet.finish()
    return sheet


def _transfers_sheet(wb, transfers) -> _Sheet:
    ws = wb.create_sheet("Overførsler")
    sheet = _Sheet(ws, 1)
    sheet.header(1, ["Part", "Fra år", "Til år", "Beløb (kr.)", "Beslutning"], numeric_from=4)
    ws.cell(1, 5).alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")
    r = 1
    for r, t in enumerate(transfers, start=2):
        sheet.put(r, 1, t.party.name)
        sheet.put(r, 2, t.from_year)
        sheet.put(r, 3, t.to_year)
        sheet.put(r, 4, t.amount, number_format=NUMBER_FORMAT)
        sheet.put(r, 5, t.decision_reference).alignment = Alignment(wrap_text=True, vertical="top")
    total_row = r + 1
    sheet.put(total_row, 1, "I alt", font=BOLD)
    sheet.sum(total_row, 4, 2, 4, total_row - 1, 4, font=BOLD).border = TOP
    sheet.finish()
    return sheet


def _initiatives_sheet(wb, view: ClusterOverview, initiatives) -> _Sheet:
    ws = wb.create_sheet("Indsatser")
    sheet = _Sheet(ws, 1)
    committed = {initiative.number: row.total for initiative, row in view.rows()}
    items = list(initiatives) if initiatives is not None else list(view.initiatives.values())
    sheet.header(1, ["Nr.", "Indsats", "Indsatsområde", "Projektejer", "Ansvarligt forum", "Status", "Start",
                     "Slut", "Disponeret (kr.)"], numeric_from=9)
    r = 1
    for r, initiative in enumerate(items, start=2):
        sheet.put(r, 1, initiative.number)
        sheet.put(r, 2, initiative.title).alignment = Alignment(wrap_text=True, vertical="top")
        sheet.put(r, 3, initiative.focus_area)
        sheet.put(r, 4, initiative.project_owner.name if initiative.project_owner else "")
        sheet.put(r, 5, initiative.responsible_body.name if initiative.responsible_body else "")
        sheet.put(r, 6, initiative.get_status_display())
        sheet.put(r, 7, initiative.start, number_format=DATE_FORMAT)
        sheet.put(r, 8, initiative.end, number_format=DATE_FORMAT)
        sheet.put(r, 9, committed.get(initiative.number, 0), number_format=NUMBER_FORMAT)
    total_row = r + 1
    sheet.put(total_row, 2, "I alt", font=BOLD)
    sheet.sum(total_row, 9, 2, 9, total_row - 1, 9, font=BOLD).border = TOP
    sheet.finish(max_width=48)
    return sheet


_FORMULA_CELL = re.compile(rb'<c r="([A-Z]+[0-9]+)"([^>]*)><f>([^<]*)</f><v\s*/?>(?:</v>)?</c>')


def _with_cached_values(data: bytes, cached: list[dict[str, int]]) -> bytes:
    """Write each formula's value into the saved workbook (openpyxl writes formulas without one)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            match = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", info.filename)
            if match:
                values = cached[int(match.group(1)) - 1]

                def fill(m, values=values):
                    value = values[m.group(1).decode()]
                    return b'<c r="%s"%s><f>%s</f><v>%d</v></c>' % (m.group(1), m.group(2), m.group(3), value)

                content, count = _FORMULA_CELL.subn(fill, content)
                if count != len(values):
                    raise RuntimeError(f"{info.filename}: {count} formulas got values, expected {len(values)}")
            target.writestr(info, content)
    return out.getvalue()


def overview_csv(view: ClusterOverview) -> str:
    """Semicolon-separated with a BOM, as Danish Excel opens it; amounts as plain integers."""
    o = view.overview
    out = io.StringIO()
    out.write("\ufeff")
    w = csv.writer(out, delimiter=";", lineterminator="\r\n")
    w.writerow([f"Klyngemidler – {view.cluster.name}", f"År: {years_label(o.years)}"])
    w.writerow(["Nr.", "Indsats", *o.parties, "I alt"])
    for initiative, row in view.rows():
        w.writerow([initiative.number, initiative.title, *[row.by_party.get(p, 0) for p in o.parties], row.total])
    w.writerow(["", "Disponeret i alt", *[o.column_totals[p] for p in o.parties], o.total_committed])
    w.writerow(["", "Midler", *[b.funds for b in o.balances], o.total_funds])
    w.writerow(["", "Saldo (midler − disponeret)", *[b.balance for b in o.balances], o.total_balance])
    w.writerow(["", "Til omfordeling mellem parterne", o.redistribution])
    return out.getvalue()


def invoice_csv(initiative, invoice) -> str:
    out = io.StringIO()
    out.write("\ufeff")
    w = csv.writer(out, delimiter=";", lineterminator="\r\n")
    w.writerow(["Indsats", f"{initiative.number}. {initiative.title}"])
    w.writerow(["Periode", f"{formats.date(invoice['start'])}", f"{formats.date(invoice['end'])}"])
    w.writerow(["Part", "Andel", "Beløb (kr.)", "Faktureres"])
    for line in invoice["lines"]:
        w.writerow([line["party"], f"{line['percent']:.2f}".replace(".", ","), line["amount"],
                    "nej (projektejer)" if line["own"] else "ja"])
    w.writerow(["I alt", "100,00", invoice["total"], ""])
    return out.getvalue()

