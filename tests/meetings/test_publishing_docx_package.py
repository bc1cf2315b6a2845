"""The Word files as Word, LibreOffice and screen readers read them (issue 15, point 3): the package's
properties, the default language, table grids, repeating header rows, rows kept whole, and a table of
contents Word updates with page numbers. Read from the XML of the .docx; one test converts the file with
LibreOffice (an outside tool) and reads the PDF it lays out."""

import datetime
import io
import re
import subprocess
import zipfile

import pdfplumber
import pytest
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from klynge.meetings.choices import MeetingStatus
from tests import outside_tools

from .factories import make_corpus_meeting, make_item, make_meeting

pytestmark = pytest.mark.django_db

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W, "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
      "dc": "http://purl.org/dc/elements/1.1/", "dcterms": "http://purl.org/dc/terms/",
      "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"}
HEADER_TABLE = "<table><tr><th>Kommune</th><th>Andel</th></tr>" + "".join(
    f"<tr><td>Kommune {n}</td><td>{n} %</td></tr>" for n in range(3)) + "</table>"


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def _package(client, name: str, meeting) -> zipfile.ZipFile:
    response = client.get(reverse(f"meetings:{name}", args=[meeting.pk]))
    assert response.status_code == 200
    return zipfile.ZipFile(io.BytesIO(response.content))


def _xml(package: zipfile.ZipFile, part: str):
    return etree.fromstring(package.read(part))


@pytest.fixture
def minutes(structure):
    meeting = make_corpus_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED)
    make_item(meeting, title="Fordeling", description=f"<p>Tabellen:</p>{HEADER_TABLE}")
    return meeting


def test_word_file_properties_name_the_body_and_now_in_danish(client, minutes):
    before = timezone.now().replace(microsecond=0)
    package = _package(client, "minutes_docx", minutes)
    core = _xml(package, "docProps/core.xml")
    body = minutes.body.name
    assert core.findtext("dc:title", namespaces=NS) == "Referat Klynge A – Politisk niveau 7. december 2022"
    assert core.findtext("dc:creator", namespaces=NS) == body
    assert core.findtext("cp:lastModifiedBy", namespaces=NS) == body
    assert core.findtext("dc:subject", namespaces=NS) == body
    assert core.findtext("dc:language", namespaces=NS) == "da-DK"
    for name in ("dcterms:created", "dcterms:modified"):
        stamp = datetime.datetime.fromisoformat(core.findtext(name, namespaces=NS).replace("Z", "+00:00"))
        assert before - datetime.timedelta(seconds=1) <= stamp <= timezone.now() + datetime.timedelta(seconds=1)
    app = _xml(package, "docProps/app.xml")
    assert app.findtext("ep:Application", namespaces=NS) == "Klynge"
    assert app.findtext("ep:Company", namespaces=NS) == body


def test_word_file_keeps_none_of_the_librarys_template_leftovers(client, minutes):
    package = _package(client, "minutes_docx", minutes)
    names = package.namelist()
    assert not [n for n in names if n.startswith("customXml/") or "thumbnail" in n or "stylesWithEffects" in n]
    for name in names:
        if name.endswith((".xml", ".rels")):
            text = package.read(name).decode()
            for leftover in ("python-docx", "2013-12-23", "Macintosh", "Normal.dotm", "customXml",
                             "stylesWithEffects", "thumbnail"):
                assert leftover not in text, (leftover, name)
    assert _xml(package, "word/settings.xml").find("w:proofState", NS) is None


def test_danish_is_the_documents_default_language_in_styles(client, minutes):
    styles = _xml(_package(client, "agenda_docx", minutes), "word/styles.xml")
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(_w("val")) == "da-DK"
    fonts = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert fonts.get(_w("ascii")) == "Arial" and fonts.get(_w("asciiTheme")) is None
    settings = _xml(_package(client, "agenda_docx", minutes), "word/settings.xml")
    assert settings.find("w:themeFontLang", NS).get(_w("val")) == "da-DK"


def test_every_table_has_a_fixed_grid_that_matches_its_cells_and_rows_that_do_not_split(client, minutes):
    document = _xml(_package(client, "minutes_docx", minutes), "word/document.xml")
    tables = document.findall(".//w:tbl", NS)
    assert len(tables) >= 3  # the front facts, the items with their times, the table in an item
    for table in tables:
        grid = [int(col.get(_w("w"))) for col in table.findall("w:tblGrid/w:gridCol", NS)]
        assert table.find("w:tblPr/w:tblLayout", NS).get(_w("type")) == "fixed"
        width = table.find("w:tblPr/w:tblW", NS)
        assert width.get(_w("type")) == "dxa" and int(width.get(_w("w"))) == sum(grid)
        assert abs(sum(grid) - 9298) <= len(grid)  # 16.4 cm of text width, in twentieths of a point
        for row in table.findall("w:tr", NS):
            cells = [int(tc.find("w:tcPr/w:tcW", NS).get(_w("w"))) for tc in row.findall("w:tc", NS)]
            assert cells == grid[:len(cells)]
            assert row.find("w:trPr/w:cantSplit", NS) is not None


def test_header_rows_repeat_on_every_page_for_the_items_table_and_a_table_with_th_cells(client, minutes):
    document = _xml(_package(client, "minutes_docx", minutes), "word/document.xml")
    headed = []
    for table in document.findall(".//w:tbl", NS):
        rows = table.findall("w:tr", NS)
        assert all(r.find("w:trPr/w:tblHeader", NS) is None for r in rows[1:])
        if rows[0].find("w:trPr/w:tblHeader", NS) is not None:
            headed.append("".join(rows[0].itertext()))
    assert headed == ["PunktEmneTid", "KommuneAndel"]


def test_table_of_contents_is_a_dirty_toc_field_with_an_entry_and_page_reference_per_heading(client, minutes):
    package = _package(client, "minutes_docx", minutes)
    document = _xml(package, "word/document.xml")
    settings = _xml(package, "word/settings.xml")
    update = settings.find("w:updateFields", NS)
    assert update is not None and update.get(_w("val")) == "true"
    assert update.getnext().tag == _w("compat")  # the schema's order, or Word refuses the file

    begin = document.find(".//w:fldChar[@w:fldCharType='begin']", NS)
    assert begin.get(_w("dirty")) == "true"
    instructions = [t.text.strip() for t in document.iter(_w("instrText"))]
    assert instructions[0] == 'TOC \\o "1-1" \\h \\z \\u'

    headings = {}
    for paragraph in document.iter(_w("p")):
        style = paragraph.find("w:pPr/w:pStyle", NS)
        if style is not None and style.get(_w("val")) == "Heading1":
            mark = paragraph.find("w:bookmarkStart", NS)
            assert mark is not None, "every Heading 1 carries a bookmark for the contents"
            headings[mark.get(_w("name"))] = "".join(t.text or "" for t in paragraph.iter(_w("t")))
    links = document.findall(".//w:hyperlink", NS)
    entries = {link.get(_w("anchor")): "".join(t.text or "" for t in link.iter(_w("t"))) for link in links}
    assert entries == headings and len(headings) >= 10
    assert instructions[1:] == [f"PAGEREF {name} \\h" for name in entries]
    assert any(text.startswith("Punkt 9: Fordeling") for text in entries.values())


def test_libreoffice_lays_out_the_word_file_with_its_contents_and_the_header_row_on_each_page(
        client, structure, tmp_path):
    soffice = outside_tools.soffice("libreoffice-writer-nogui")
    meeting = make_meeting(structure.political, status=MeetingStatus.AGENDA_PUBLISHED)
    for n in range(1, 41):
        make_item(meeting, title=f"Emne nummer {n} om sammenhængende forløb for borgere med kronisk sygdom",
                  duration_minutes=5)
    source = tmp_path / "dagsorden.docx"
    source.write_bytes(client.get(reverse("meetings:agenda_docx", args=[meeting.pk])).content)
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=300)
    with pdfplumber.open(tmp_path / "dagsorden.pdf") as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
        title = pdf.metadata.get("Title")
    assert title == "Dagsorden Klynge A – Politisk niveau 1. marts 2023"
    contents = pages[0] + pages[1]
    assert "Indholdsfortegnelse" in pages[0]
    assert "Punkt 1: Emne nummer 1 om" in contents and "Punkt 40: Emne nummer 40" in "".join(pages[:3])
    # The items' table runs over several pages; each of them starts with its header row.
    table_pages = [p for p in pages if re.search(r"^\d+ Emne nummer \d+", p, re.M)]
    assert len(table_pages) >= 2
    assert all("Punkt Emne Tid" in p for p in table_pages)
    # No row is split: every item number with its title on one page.
    for n in range(1, 41):
        assert sum(bool(re.search(rf"^{n} Emne nummer {n} om", p, re.M)) for p in table_pages) == 1
