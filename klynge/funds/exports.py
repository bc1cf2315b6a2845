"""The overview as .xlsx (totals as formulas, number format #,##0) and as CSV."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from klynge.core import formats

from .queries import ClusterOverview

NUMBER_FORMAT = "#,##0"  # Excel shows it with the reader's separators: 1.022.190 in Danish
BOLD = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="DDE7F0")
TOP = Border(top=Side(style="thin"))
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def years_label(years: list[int]) -> str:
    return ", ".join(map(str, years)) if years else "ingen år"


def filename(view: ClusterOverview, ext: str) -> str:
    years = "-".join(map(str, view.overview.years)) or "alle"
    return f"klyngemidler-{view.cluster.slug}-{years}.{ext}"


def overview_xlsx(view: ClusterOverview, grants, transfers) -> bytes:
    """grants: Grant objects of the cluster; transfers: Transfer objects (for the other sheets)."""
    o = view.overview
    wb = Workbook()
    ws = wb.active
    ws.title = "Oversigt"
    ws["A1"] = f"Klyngemidler – {view.cluster.name}"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = f"År: {years_label(o.years)}. Beløb i hele kroner."

    header_row, first = 4, 5
    parties = o.parties
    last_col = 3 + len(parties)  # column of "I alt"
    ws.cell(header_row, 1, "Nr.")
    ws.cell(header_row, 2, "Indsats")
    for j, party in enumerate(parties):
        ws.cell(header_row, 3 + j, party)
    ws.cell(header_row, last_col, "I alt")
    for c in range(1, last_col + 1):
        cell = ws.cell(header_row, c)
        cell.font, cell.fill = BOLD, HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="right" if c > 2 else "left")

    r = first
    for initiative, row in view.rows():
        ws.cell(r, 1, initiative.number)
        ws.cell(r, 2, initiative.title)
        for j, party in enumerate(parties):
            ws.cell(r, 3 + j, row.by_party.get(party, 0))
        ws.cell(r, last_col, f"=SUM(C{r}:{get_column_letter(last_col - 1)}{r})" if parties else 0)
        r += 1
    last_row = r - 1
    committed_row = r

    def label(row_no, text):
        ws.cell(row_no, 2, text).font = BOLD

    label(committed_row, "Disponeret i alt")
    for c in range(3, last_col + 1):
        col = get_column_letter(c)
        ws.cell(committed_row, c, f"=SUM({col}{first}:{col}{last_row})" if last_row >= first else 0)
    funds_row, disp_row, balance_row = committed_row + 2, committed_row + 3, committed_row + 4
    label(funds_row, "Midler")
    label(disp_row, "Disponeret")
    label(balance_row, "Saldo (midler − disponeret)")
    for j, b in enumerate(o.balances):
        col = get_column_letter(3 + j)
        ws.cell(funds_row, 3 + j, b.funds)
        ws.cell(disp_row, 3 + j, f"={col}{committed_row}")
        ws.cell(balance_row, 3 + j, f"={col}{funds_row}-{col}{disp_row}")
    before_total = get_column_letter(last_col - 1)
    for row_no in (funds_row, disp_row, balance_row):
        ws.cell(row_no, last_col, f"=SUM(C{row_no}:{before_total}{row_no})" if parties else 0)
    redistribution_row = balance_row + 2
    label(redistribution_row, "Til omfordeling mellem parterne")
    rng = f"C{balance_row}:{before_total}{balance_row}"
    ws.cell(redistribution_row, 3, f'=MIN(SUMIF({rng},">0"),-SUMIF({rng},"<0"))' if parties else 0)

    for row_cells in ws.iter_rows(min_row=first, max_row=redistribution_row, min_col=3, max_col=last_col):
        for cell in row_cells:
            cell.number_format = NUMBER_FORMAT
    for row_no in (committed_row, balance_row):
        for c in range(1, last_col + 1):
            ws.cell(row_no, c).border = TOP
            ws.cell(row_no, c).font = BOLD
    ws.column_dimensions["A"].width = 7
    ws.column_dimensions["B"].width = 48
    for c in range(3, last_col + 1):
        ws.column_dimensions[get_column_letter(c)].width = 18
    ws.freeze_panes = ws.cell(first, 3)
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1

    _grants_sheet(wb, grants)
    _transfers_sheet(wb, transfers)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _grants_sheet(wb, grants):
    ws = wb.create_sheet("Bevillinger")
    grants = list(grants)
    parties = sorted({g.party.name for g in grants})
    years = sorted({g.year for g in grants})
    amounts = {(g.year, g.party.name): g.amount for g in grants}
    last_col = 2 + len(parties)
    ws.cell(1, 1, "År")
    for j, p in enumerate(parties):
        ws.cell(1, 2 + j, p)
    ws.cell(1, last_col, "I alt (kr.)")
    for c in range(1, last_col + 1):
        ws.cell(1, c).font, ws.cell(1, c).fill = BOLD, HEAD_FILL
    for i, year in enumerate(years):
        r = 2 + i
        ws.cell(r, 1, year)
        for j, p in enumerate(parties):
            ws.cell(r, 2 + j, amounts.get((year, p), 0)).number_format = NUMBER_FORMAT
        ws.cell(r, last_col, f"=SUM(B{r}:{get_column_letter(last_col - 1)}{r})" if parties else 0)
        ws.cell(r, last_col).number_format = NUMBER_FORMAT
    total_row = 2 + len(years)
    ws.cell(total_row, 1, "I alt").font = BOLD
    for c in range(2, last_col + 1):
        col = get_column_letter(c)
        cell = ws.cell(total_row, c, f"=SUM({col}2:{col}{total_row - 1})" if years else 0)
        cell.number_format, cell.font, cell.border = NUMBER_FORMAT, BOLD, TOP
    for c in range(1, last_col + 1):
        ws.column_dimensions[get_column_letter(c)].width = 8 if c == 1 else 24


def _transfers_sheet(wb, transfers):
    ws = wb.create_sheet("Overførsler")
    for c, head in enumerate(["Part", "Fra år", "Til år", "Beløb (kr.)", "Beslutning"], start=1):
        ws.cell(1, c, head).font = BOLD
        ws.cell(1, c).fill = HEAD_FILL
    for r, t in enumerate(transfers, start=2):
        ws.cell(r, 1, t.party.name)
        ws.cell(r, 2, t.from_year)
        ws.cell(r, 3, t.to_year)
        ws.cell(r, 4, t.amount).number_format = NUMBER_FORMAT
        ws.cell(r, 5, t.decision_reference)
    for c, width in zip("ABCDE", [36, 8, 8, 16, 60], strict=True):
        ws.column_dimensions[c].width = width


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

