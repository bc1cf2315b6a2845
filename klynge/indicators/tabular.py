"""Reading tables (CSV or Excel) and Danish-or-machine numbers. Pure: no ORM.

CSV: UTF-8 (with or without BOM) or Windows-1252, separated by comma, semicolon or tab
(whatever the header line uses). Excel: the first sheet of an .xlsx workbook, header in row 1.
Line numbers are the ones a person sees: the header is line 1.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from klynge.core import formats


class TableError(ValueError):
    """The file as a whole cannot be read; the message is Danish."""


@dataclass
class Table:
    name: str
    header: list[str]               # as written in the file
    rows: list[tuple[int, list]]    # (line number, cells) — cells are str for CSV, typed for Excel


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:4096]:
        raise TableError(f"{name}: filen ligner ikke en tekstfil (CSV). Gem den som CSV (UTF-8) eller .xlsx.")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise TableError(f"{name}: tegnsættet kan ikke læses; gem filen som CSV (UTF-8).")  # pragma: no cover


def read_csv(data: bytes, name: str = "filen") -> Table:
    text = _decode(data, name)
    first_line = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t"], key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    rows: list[tuple[int, list]] = []
    try:
        for cells in reader:
            if header is None:
                header = [cell.strip() for cell in cells]
                continue
            if not any(cell.strip() for cell in cells):
                continue
            rows.append((reader.line_num, cells))
    except csv.Error as exc:
        raise TableError(f"{name}, linje {reader.line_num}: CSV-filen er ugyldig ({exc}).") from exc
    if not header or not any(header):
        raise TableError(f"{name}: filen er tom; første linje skal være kolonneoverskrifterne.")
    return Table(name, header, rows)


def read_xlsx(data: bytes, name: str = "filen") -> Table:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        raise TableError(f"{name}: filen kan ikke læses som et Excel-regneark (.xlsx).") from exc
    try:
        sheet = workbook.worksheets[0]
        header: list[str] | None = None
        rows: list[tuple[int, list]] = []
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = list(cells)
            if header is None:
                if not any(c not in (None, "") for c in cells):
                    raise TableError(f"{name}: første række i regnearket skal være kolonneoverskrifterne.")
                header = ["" if c is None else str(c).strip() for c in cells]
                continue
            if not any(c is not None and str(c).strip() for c in cells):
                continue
            rows.append((number, cells))
    finally:
        workbook.close()
    if header is None:
        raise TableError(f"{name}: regnearket er tomt.")
    return Table(name, header, rows)


def read_table(data: bytes, name: str) -> Table:
    """CSV or .xlsx by the file's name (and, for .xlsx, its ZIP signature)."""
    lower = name.lower()
    if lower.endswith(".xlsx") or data[:2] == b"PK":
        return read_xlsx(data, name)
    if lower.endswith(".xls"):
        raise TableError(f"{name}: det gamle Excel-format (.xls) understøttes ikke; gem som .xlsx eller CSV.")
    return read_csv(data, name)


# --- numbers --------------------------------------------------------------------------------

_GROUPED = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")
_DANISH = re.compile(r"^[+-]?\d+(,\d+)?$")
_MACHINE = re.compile(r"^[+-]?\d+(\.\d+)?$")


def parse_number(cell) -> Decimal:
    """A number from a cell: '17350', '16,9', '16.9', '1.089,5', '16,9 %', or an Excel number.

    A comma is the decimal sign (Danish); with a comma present, dots group thousands.
    Without a comma a dot is the decimal sign (machine exports). Raises ValueError with a
    Danish message.
    """
    if isinstance(cell, bool):
        raise ValueError(f"“{cell}” er ikke et tal.")
    if isinstance(cell, int):
        return Decimal(cell)
    if isinstance(cell, float):
        if cell != cell or cell in (float("inf"), float("-inf")):
            raise ValueError("Tallet er ikke endeligt.")
        return Decimal(repr(cell))
    if isinstance(cell, Decimal):
        return cell
    if isinstance(cell, datetime.date):
        raise ValueError(f"Cellen indeholder en dato ({formats.date(cell)}), ikke et tal.")
    text = str(cell or "").strip()
    raw = text
    text = text.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if text.endswith("%"):
        text = text[:-1]
    if not text:
        raise ValueError("Tallet mangler.")
    if _GROUPED.match(text) and "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif _DANISH.match(text):
        text = text.replace(",", ".")
    elif not _MACHINE.match(text):
        raise ValueError(f"“{raw}” er ikke et tal (brug f.eks. 17350, 16,9 eller 16.9).")
    try:
        return Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - the patterns above admit only valid numbers
        raise ValueError(f"“{raw}” er ikke et tal.") from exc


def parse_count(cell) -> int:
    """A whole, non-negative number (numerator, denominator)."""
    number = parse_number(cell)
    if number != number.to_integral_value():
        raise ValueError(f"“{cell}” skal være et helt tal.")
    if number < 0:
        raise ValueError(f"“{cell}” må ikke være negativt.")
    return int(number)


def cell_text(cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()
