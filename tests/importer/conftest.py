"""Shared helpers for the importer tests: fixture files, the Danish dictionary, generated PDF/DOCX."""

import io
import os
from pathlib import Path

import pytest

from klynge.importer.lexicon import MISSING_MESSAGE, find_dictionary, load_lexicon
from klynge.importer.normalise import normalise
from klynge.importer.parse import parse

FIXTURES = Path(__file__).parent / "fixtures"
LILLEBAELT = FIXTURES / "lillebaelt-fagligt-strategisk-niveau-2022-12-07.txt"
RANDERS = FIXTURES / "randersklyngen-2023-11-01.txt"
STATUS_REPORT = FIXTURES / "midtvejsstatus-sundhedsaftalen-2019-2023.txt"
FONT_DIR = Path(__file__).resolve().parents[2] / "klynge/static/vendor/dkfds/fonts/IBMPlexSans/complete/ttf"


def fixture_text(name: str, encoding: str = "utf-8") -> str:
    return (FIXTURES / name).read_text(encoding=encoding)


@pytest.fixture(scope="session")
def lexicon():
    """The Danish dictionary; tests that need it skip locally without it but fail under CI."""
    if find_dictionary() is None:
        if os.environ.get("CI"):
            pytest.fail(MISSING_MESSAGE)
        pytest.skip(MISSING_MESSAGE)
    return load_lexicon()


def make_pdf(pages: list[str], table: list[list[str]] | None = None, password: str | None = None,
             image_only: bool = False) -> bytes:
    """A PDF with a real text layer (IBM Plex Sans, so æ, ø and å survive), optionally a ruled table."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("Plex", "", str(FONT_DIR / "IBMPlexSans-Regular.ttf"))
    pdf.set_font("Plex", size=10)
    if password:
        pdf.set_encryption(owner_password="ejer-" + password, user_password=password)
    for index, text in enumerate(pages):
        pdf.add_page()
        if image_only:
            pdf.set_fill_color(40, 40, 40)
            for k in range(20):
                pdf.rect(20, 20 + k * 12, 150, 6, style="F")
            continue
        pdf.multi_cell(0, 5, text)
        if table and index == len(pages) - 1:
            pdf.ln(4)
            with pdf.table(first_row_as_headings=False) as grid:
                for row in table:
                    cells = grid.row()
                    for value in row:
                        cells.cell(value)
    return bytes(pdf.output())


def make_docx(paragraphs: list[tuple[str, str]], table: list[list[str]] | None = None) -> bytes:
    """paragraphs: (style, text); style '' for Normal, 'Heading 2', 'List Number', 'List Bullet'."""
    import docx

    document = docx.Document()
    for style, text in paragraphs:
        if style == "TABLE" and table:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, value in enumerate(row):
                    grid.cell(r, c).text = value
            continue
        document.add_paragraph(text, style=style or None)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def items_of(text: str) -> list[tuple]:
    """(number, title) of every item the importer reads from ``text``: the round-rule tests' common check."""
    return [(i.number, i.title) for i in parse(text).items]


def closed_items_of(text: str) -> list[tuple]:
    """(number, title, closed) of every item read from ``text`` after the normaliser (``read_normalised``)."""
    return [(i.number, i.title, i.closed) for i in read_normalised(text).items]


def read_normalised(text: str):
    """The document the importer reads from ``text`` after the normaliser, as an upload goes (without the
    dictionary): the later round-rule tests' common reading."""
    return parse(normalise(text).text)


def contents_entries_of(line: str) -> list[tuple[int | None, str]]:
    """(number, title) of each entry of the run-on contents list on ``line`` (``glued_contents.contents_entries``)."""
    from klynge.importer import glued_contents

    found = glued_contents.contents_entries([line])
    assert found is not None
    return [(e.number, e.title) for e in found[1]]
