"""The funds workbook as Excel, LibreOffice and non-recalculating readers see it (issue 15, point 4)."""

import io
import re
import subprocess
import zipfile

import pdfplumber
import pytest
from django.urls import reverse
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from klynge.funds.models import Transfer
from tests import outside_tools

from .xlsx_eval import evaluate

pytestmark = pytest.mark.django_db

SHEETS = ["Oversigt", "Bevillinger", "Overførsler", "Indsatser"]


@pytest.fixture
def workbook_bytes(client, funded):
    Transfer.objects.create(cluster=funded.cluster, party=funded.region, from_year=2023, to_year=2024,
                            amount=125_000, decision_reference="Styregruppen 3. maj 2023, punkt 4")
    response = client.get(reverse("funds:export_xlsx", args=["klynge-a"]))
    assert response.status_code == 200
    return response.content


def test_workbook_has_one_sheet_per_view(workbook_bytes):
    wb = load_workbook(io.BytesIO(workbook_bytes))
    assert wb.sheetnames == SHEETS
    initiatives = wb["Indsatser"]
    assert [initiatives.cell(1, c).value for c in (1, 2, 4, 9)] == ["Nr.", "Indsats", "Projektejer",
                                                                     "Disponeret (kr.)"]
    assert [initiatives.cell(r, 1).value for r in (2, 3)] == ["2", "10a"]


def test_totals_are_formulas_whose_stored_values_a_reader_sees_without_recalculating(workbook_bytes):
    formulas = load_workbook(io.BytesIO(workbook_bytes))
    stored = load_workbook(io.BytesIO(workbook_bytes), data_only=True)
    checked = 0
    for name in SHEETS:
        ws, values = formulas[name], evaluate(formulas[name])
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cached = stored[name][cell.coordinate].value
                    assert cached is not None, f"{name}!{cell.coordinate} has no stored value"
                    assert cached == values[(cell.row, cell.column)], (name, cell.coordinate)
                    checked += 1
    assert checked >= 15
    oversigt = stored["Oversigt"]
    labels = {oversigt.cell(r, 2).value: r for r in range(1, oversigt.max_row + 1)}
    assert oversigt.cell(labels["Disponeret i alt"], 5).value == 1_400_000
    assert oversigt.cell(labels["Til omfordeling mellem parterne"], 3).value == 300_000


def test_every_cell_has_a_named_font_and_columns_fit_their_content(workbook_bytes):
    wb = load_workbook(io.BytesIO(workbook_bytes), data_only=True)
    for ws in wb.worksheets:
        header_row = 4 if ws.title == "Oversigt" else 1
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                assert cell.font.name == "Arial", (ws.title, cell.coordinate, cell.font.name)
                if cell.row <= header_row:
                    continue  # the title may run over; headers wrap (checked below)
                text = f"{cell.value:,}" if isinstance(cell.value, int) else str(cell.value)
                width = ws.column_dimensions[get_column_letter(cell.column)].width
                if cell.is_date:
                    text = "31.12.2024"
                assert width >= len(text), (ws.title, cell.coordinate, text, width)


def test_header_rows_are_tall_enough_repeat_when_printed_and_sit_apart_from_the_data(workbook_bytes):
    wb = load_workbook(io.BytesIO(workbook_bytes))
    for ws in wb.worksheets:
        header_row = 4 if ws.title == "Oversigt" else 1
        assert ws.print_title_rows == f"${header_row}:${header_row}"
        assert int(re.sub(r"[A-Z]", "", ws.freeze_panes)) == header_row + 1
        height = ws.row_dimensions[header_row].height
        for cell in ws[header_row]:
            if cell.value is None:
                continue
            assert cell.alignment.wrap_text
            width = ws.column_dimensions[cell.column_letter].width
            longest_word = max(len(w) for w in cell.value.split())
            assert width >= longest_word + 1, (ws.title, cell.value)
            lines = -(-len(cell.value) // int(width - 1))
            assert height >= 12 * lines, (ws.title, cell.value, height)


def test_every_sheet_prints_one_page_wide(workbook_bytes):
    wb = load_workbook(io.BytesIO(workbook_bytes))
    for ws in wb.worksheets:
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.page_setup.orientation == "landscape"


def _without_stored_values(data: bytes) -> bytes:
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                content = re.sub(rb"(</f>)<v>[^<]*</v>", rb"\1<v></v>", content)
            target.writestr(info, content)
    return out.getvalue()


def test_libreoffice_recalculates_the_same_totals_and_prints_each_sheet_on_one_page(workbook_bytes, tmp_path):
    soffice = outside_tools.soffice("libreoffice-calc-nogui")
    (tmp_path / "stored.xlsx").write_bytes(workbook_bytes)
    (tmp_path / "recalculated.xlsx").write_bytes(_without_stored_values(workbook_bytes))
    profile = f"-env:UserInstallation=file://{tmp_path}/profile"
    every_sheet_as_csv = "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1"
    subprocess.run([soffice, profile, "--headless", "--convert-to", every_sheet_as_csv, "--outdir", str(tmp_path),
                    str(tmp_path / "stored.xlsx"), str(tmp_path / "recalculated.xlsx")],
                   check=True, capture_output=True, timeout=300)
    for sheet in SHEETS:
        stored = (tmp_path / f"stored-{sheet}.csv").read_text()
        recalculated = (tmp_path / f"recalculated-{sheet}.csv").read_text()
        assert stored == recalculated, sheet
    oversigt = (tmp_path / "recalculated-Oversigt.csv").read_text()
    assert ";Disponeret i alt;1100000;300000;1400000" in oversigt
    assert ";Til omfordeling mellem parterne;300000" in oversigt
    assert "I alt;;;125000" in (tmp_path / "recalculated-Overførsler.csv").read_text()

    subprocess.run([soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(tmp_path / "stored.xlsx")], check=True, capture_output=True, timeout=300)
    with pdfplumber.open(tmp_path / "stored.pdf") as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    assert len(pages) == len(SHEETS)  # small sheets: each one page, as wide as the sheet
    assert "Region Testland" in pages[0] and "I alt" in pages[0]
    assert "Disponeret (kr.)" in pages[3] and "Projektejer" in pages[3]
