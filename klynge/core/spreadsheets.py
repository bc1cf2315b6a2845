"""Small helpers for the Excel files Klynge writes (openpyxl), so every export prints and reads the same way.

openpyxl stores no row heights, and LibreOffice (and Excel on some systems) then draws a wrapped cell one
line high, over the next row; the heights are therefore estimated here from the text and the column width.
"""

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

POINTS_PER_LINE = 13.0  # a line of 10-11 pt text with leading


def wrapped_lines(text: str, width: float) -> int:
    """How many lines ``text`` wraps to in a column ``width`` characters wide (whole words, explicit breaks)."""
    total = 0
    for paragraph in str(text).split("\n"):
        lines, current = 1, 0
        for word in paragraph.split():
            if current and current + 1 + len(word) > width:
                lines, current = lines + 1, len(word)
            else:
                current += (1 if current else 0) + len(word)
        total += lines
    return max(total, 1)


def fit_row_heights(ws, first_row: int = 1, default_width: float = 8.43) -> None:
    """Give every row from ``first_row`` the height its tallest wrapped cell needs."""
    for row in ws.iter_rows(min_row=first_row):
        lines = 1
        for cell in row:
            if cell.value is None:
                continue
            width = ws.column_dimensions[get_column_letter(cell.column)].width or default_width
            lines = max(lines, wrapped_lines(cell.value, max(width - 1, 1)))
        if lines > 1:
            ws.row_dimensions[row[0].row].height = lines * POINTS_PER_LINE + 2


def print_setup(ws, *, landscape: bool = True, title_row: int | None = None) -> None:
    """A4, as many pages down as needed but one page wide, the heading row repeated and frozen."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    if title_row:
        ws.print_title_rows = f"{title_row}:{title_row}"
        ws.freeze_panes = ws.cell(title_row + 1, 2)
