"""Bad input: a clear Danish message naming the file and the problem, and nothing written."""

import json

import pytest
from django.core.management import call_command

from klynge.documents.models import SourceDocument
from klynge.importer.extract import ImportRefused, extract
from klynge.importer.service import import_file
from klynge.meetings.models import Meeting

from .conftest import RANDERS, STATUS_REPORT, make_pdf

pytestmark = pytest.mark.django_db


def refused(name, data):
    with pytest.raises(ImportRefused) as info:
        extract(name, data, 50 * 1024 * 1024)
    assert str(info.value).startswith(f"{name}: ")
    return info.value


def test_empty_file():
    assert refused("tom.txt", b"").problem == "Filen er tom."


def test_binary_garbage():
    error = refused("skrald.txt", bytes(range(256)) * 40)
    assert "binære data" in error.problem and error.code == "garbage"
    assert refused("skrald.bin.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100).code == "garbage"


def test_encrypted_pdf():
    data = make_pdf(["Referat af mødet 1. marts 2024"], password="hemmelig")
    error = refused("krypteret.pdf", data)
    assert error.code == "encrypted" and "adgangskode" in error.problem


def test_pdf_without_a_text_layer_needs_ocr_first():
    error = refused("skannet.pdf", make_pdf(["", ""], image_only=True))
    assert error.code == "needs_ocr" and "kræver OCR først" in error.problem


def test_unsupported_types():
    assert refused("regneark.xlsx", b"PK\x03\x04" + b"\x00" * 50).code in ("unsupported", "garbage")
    assert refused("billede.png", b"\x89PNG\r\n\x1a\n").code == "unsupported"
    error = refused("gammel.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    assert ".docx" in error.problem


def test_file_over_the_size_limit(settings):
    settings.UPLOAD_MAX_BYTES = 1024
    result = import_file("stor.txt", b"a" * 2048)
    assert result.status == "failed"
    assert result.message.startswith("stor.txt: Filen fylder") and "grænsen er" in result.message
    assert Meeting.objects.count() == 0


def test_text_without_a_meeting_is_refused():
    result = import_file(STATUS_REPORT.name, STATUS_REPORT.read_bytes())
    assert result.status == "failed"
    assert result.message.startswith(STATUS_REPORT.name + ": Der blev ikke genkendt noget møde")
    assert (Meeting.objects.count(), SourceDocument.objects.count()) == (0, 0)


@pytest.mark.parametrize("name,data", [
    ("tom.txt", b""), ("skrald.txt", bytes(range(256)) * 40), ("regneark.ods", b"x" * 10),
])
def test_cli_exits_non_zero_and_writes_nothing(tmp_path, capsys, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(SystemExit) as exit_info:
        call_command("import-minutes", str(path))
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{name}: ")
    assert (Meeting.objects.count(), SourceDocument.objects.count()) == (0, 0)


def test_cli_with_one_good_and_one_bad_file_imports_the_good_one_and_fails(tmp_path, capsys, structure):
    bad = tmp_path / "tom.md"
    bad.write_bytes(b"")
    with pytest.raises(SystemExit) as exit_info:
        call_command("import-minutes", str(RANDERS), str(bad), "--body", structure.cluster.slug, "--json")
    assert exit_info.value.code == 1
    out, err = capsys.readouterr()
    reports = json.loads(out)
    assert isinstance(reports, list) and len(reports) == 1 and reports[0]["title"].startswith("REFERAT Randers")
    assert "tom.md: Filen er tom." in err
    assert Meeting.objects.count() == 1
