"""The follow-up round's Excel and Word files, opened by an outside reader (LibreOffice) as a secretariat would."""

import datetime
import io
import subprocess

import pdfplumber
import pytest
from django.utils import timezone
from openpyxl import load_workbook

from klynge.agreements import actions, exports
from tests import outside_tools

from .factories import make_agreement, make_framework, make_round, scope

LONG_ANSWER = ("Aftalen er implementeret i alle kommunens sundhedsafdelinger, og forløbskoordinatorerne følger op "
               "hver måned med praksis og hospitalet.")


@pytest.fixture
def answered_round(structure, secretariat_user):
    agreement = make_agreement(structure.political, make_framework(structure.political))
    scope(agreement, structure.cluster, [structure.municipality, structure.hospital])
    round_ = make_round(agreement, timezone.localdate() + datetime.timedelta(days=10))
    first = round_.questions.first()
    actions.save_consolidated(round_, structure.cluster, {first.pk: LONG_ANSWER}, "", secretariat_user)
    return round_


def test_a_long_answer_gets_a_row_tall_enough_and_the_sheets_print_one_page_wide(answered_round):
    book = load_workbook(io.BytesIO(exports.xlsx(answered_round)))
    sheet = book["Samlede svar"]
    answer_row = next(c.row for c in sheet["B"] if c.value == LONG_ANSWER)
    assert sheet.row_dimensions[answer_row].height >= 3 * 13
    for ws in book.worksheets:
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage


def test_libreoffice_opens_the_workbook_and_the_word_file_and_shows_the_answers(answered_round, tmp_path):
    soffice = outside_tools.soffice()
    (tmp_path / "svar.xlsx").write_bytes(exports.xlsx(answered_round))
    (tmp_path / "svar.docx").write_bytes(exports.docx(answered_round))
    profile = f"-env:UserInstallation=file://{tmp_path}/profile"
    for name in ("svar.xlsx", "svar.docx"):
        out = tmp_path / name.replace(".", "-")
        subprocess.run([soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(out),
                        str(tmp_path / name)], check=True, capture_output=True, timeout=300)
        with pdfplumber.open(out / "svar.pdf") as pdf:
            text = " ".join((page.extract_text() or "") for page in pdf.pages)
        assert answered_round.title.split(":")[0] in text.replace("\n", " ")
        assert "forløbskoordinatorerne" in text, name
