"""Resource limits: a zip bomb, a million lines, endless parsing and UTF-16 text.

The bomb files are built here, never committed."""

import io
import re
import time
import zipfile

import pytest

from klynge.importer.extract import ImportRefused, extract
from klynge.importer.limits import check_text, checkpoint, time_budget
from klynge.importer.normalise import normalise
from klynge.importer.service import import_file
from klynge.meetings.models import Meeting

from .conftest import RANDERS, make_docx

pytestmark = pytest.mark.django_db


def zip_bomb(xml_megabytes: int = 30) -> bytes:
    """A .docx whose document.xml unpacks to ``xml_megabytes`` MB from a file of about 100 KB."""
    real = zipfile.ZipFile(io.BytesIO(make_docx([("", "Referat")])))
    paragraph = b"<w:p><w:r><w:t>Sundhedsklynge</w:t></w:r></w:p>"
    body = paragraph * (xml_megabytes * 1024 * 1024 // len(paragraph))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bomb:
        for info in real.infolist():
            data = real.read(info.filename)
            if info.filename == "word/document.xml":
                head, _, tail = data.partition(b"<w:body>")
                data = head + b"<w:body>" + body + tail
            bomb.writestr(info.filename, data)
    return out.getvalue()


def test_a_docx_zip_bomb_is_refused_quickly_by_its_declared_sizes_with_a_danish_message():
    bomb = zip_bomb(30)
    assert len(bomb) < 200 * 1024  # small on disk ...
    began = time.perf_counter()
    result = import_file("bombe.docx", bomb)
    seconds = time.perf_counter() - began
    assert result.status == "failed"
    assert re.search(r"Word-filen pakker ud til 3\d,\d MB tekst \(XML\), men grænsen er 10,0 MB", result.message)
    assert "zip-bombe" in result.message and "Error" not in result.message
    assert seconds < 3  # refused before anything is unpacked (it took 22 s and 622 MB before)
    assert Meeting.objects.count() == 0


def test_a_docx_within_the_limit_is_still_read(settings):
    settings.IMPORT_MAX_UNPACKED_BYTES = 40 * 1024 * 1024
    assert extract("lang.docx", zip_bomb(2)).text.count("Sundhedsklynge") > 10_000


def test_a_text_file_of_a_million_lines_is_refused_quickly_with_a_danish_message():
    text = ("Punkt på dagsordenen\n" * 1_000_000).encode()  # 21 MB, a million lines
    assert len(text.splitlines()) == 1_000_000
    began = time.perf_counter()
    result = import_file("en-million-linjer.txt", text)
    assert time.perf_counter() - began < 5
    assert result.status == "failed"
    assert "tegn tekst, men grænsen for ét møde er 5.000.000" in result.message or \
        "linjer, men grænsen for ét møde er 100.000" in result.message


def test_too_many_lines_and_too_much_text_are_named_as_such():
    with pytest.raises(ImportRefused, match=r"Filen har 1.001 linjer, men grænsen for ét møde er 1.000"):
        check_text("a.txt", "x\n" * 1000, max_lines=1000)
    with pytest.raises(ImportRefused, match=r"Filen indeholder 2.000 tegn tekst, men grænsen for ét møde er 1.000"):
        check_text("a.txt", "x" * 2000, max_chars=1000)


class Clock:
    """A clock that moves one second each time it is read: deterministic, no sleeping."""

    def __init__(self):
        self.now = 0.0

    def __call__(self):
        self.now += 1.0
        return self.now


def test_the_time_budget_stops_normalising_once_it_is_spent():
    text = RANDERS.read_text()
    with time_budget("lang.txt", 30, clock=Clock()), pytest.raises(ImportRefused) as refused:
        normalise(text * 5, None, ["Randersklyngen"])
    assert refused.value.code == "too_slow"
    assert "Det tog over 30 sekunder at læse filen, så importen er stoppet, og intet er gemt" in str(refused.value)


def test_an_import_that_runs_past_its_time_budget_fails_in_danish_and_saves_nothing(settings, monkeypatch,
                                                                                    structure):
    clock = Clock()
    monkeypatch.setattr("klynge.importer.limits.time.monotonic", clock)
    settings.IMPORT_TIME_LIMIT_SECONDS = 20
    result = import_file(RANDERS.name, RANDERS.read_bytes(), body=structure.political)
    assert result.status == "failed" and "Det tog over 20 sekunder" in result.message
    assert Meeting.objects.count() == 0


def test_checkpoints_cost_nothing_without_a_budget():
    checkpoint()  # no budget set: no error


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_text_with_a_byte_order_mark_is_read(encoding):
    text = RANDERS.read_text()
    data = ("\ufeff" + text).encode(encoding) if encoding.endswith("be") else text.encode(encoding)
    assert data[:2] in (b"\xff\xfe", b"\xfe\xff")
    extracted = extract("randers-utf16.txt", data)
    assert extracted.encoding == "utf-16" and "Randersklyngen" in extracted.text
    result = import_file("randers-utf16.txt", data, dry_run=True)
    assert result.status == "checked" and len(result.document.items) == 9


def test_a_load_that_breaks_shows_a_danish_message_without_the_python_exception_name(monkeypatch, structure):
    def broken(*args, **kwargs):
        raise KeyError("intern_nøgle")

    monkeypatch.setattr("klynge.importer.service.load", broken)
    result = import_file(RANDERS.name, RANDERS.read_bytes(), body=structure.political)
    assert result.status == "failed"
    assert "Importen mislykkedes på grund af en fejl i Klynge, og intet er gemt" in result.message
    assert "KeyError" not in result.message and "intern_nøgle" not in result.message


def test_an_unreadable_pdf_is_named_in_danish_without_the_exception_name():
    result = import_file("ødelagt.pdf", b"%PDF-1.4\n" + b"\x00garbage" * 100)
    assert result.status == "failed" and "Error" not in result.message and "PDF" in result.message
