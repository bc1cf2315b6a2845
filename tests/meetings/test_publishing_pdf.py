"""PDF files of agendas and minutes: text read back with pdfplumber, pages rendered with pdftoppm."""

import io
import os
import shutil
import struct
import subprocess
import zlib

import pdfplumber
import pytest
from django.urls import reverse

from klynge.meetings.choices import MeetingStatus

from .factories import CLOSED_SECRETS, CLOSED_TITLE, make_corpus_meeting

pytestmark = pytest.mark.django_db


def _fetch(client, name, meeting) -> bytes:
    response = client.get(reverse(f"meetings:{name}", args=[meeting.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    return response.content


def _pages_text(content: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _pdftoppm():
    path = shutil.which("pdftoppm")
    if path is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("pdftoppm (poppler-utils) is required under CI")
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    return path


def _png_ink(path) -> tuple[int, int]:
    """(non-white pixels, all pixels) of an 8-bit grey or RGB PNG, read without extra libraries."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    width, height, depth, colour = header[:4]
    assert depth == 8 and colour in (0, 2)
    channels = 1 if colour == 0 else 3
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    previous = bytearray(stride)
    ink = 0
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                corner = previous[i - channels] if i >= channels else 0
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        ink += sum(1 for x in range(0, stride, channels) if min(line[x:x + channels]) < 200)
        previous = line
    return ink, width * height


def _render_pages(pdftoppm, content: bytes, folder) -> list:
    source = folder / "document.pdf"
    source.write_bytes(content)
    subprocess.run([pdftoppm, "-png", "-gray", "-r", "40", str(source), str(folder / "page")], check=True,
                   timeout=60)
    return sorted(folder.glob("page-*.png"))


def test_public_agenda_pdf_reads_like_danish_minutes_and_hides_the_closed_item(client, structure):
    meeting = make_corpus_meeting(structure.political)
    pages = _pages_text(_fetch(client, "agenda_pdf", meeting))
    everything = _flat("\n".join(pages))
    assert "DAGSORDEN" in pages[0] and "Klynge A – Politisk niveau, 7. december 2022" in _flat(pages[0])
    assert "Mødedato Onsdag 7. december 2022 kl. 17:00-20:00" in _flat(pages[0])
    assert "Indholdsfortegnelse" in pages[0]
    assert "17:05-17:25" in pages[0]  # the table of contents carries item times
    assert "Punkt 2: Drøftelse af patient- og pårørendeinddragelse v. Mette Heidemann (kl. 17:05-17:25)" in everything
    assert "Punkt 4: Lukket punkt" in everything
    assert "Det indstilles, at Klynge A – Politisk niveau:" in everything
    assert "Ældre Sagen" in everything  # Danish letters survive the font
    for number, text in enumerate(pages, start=1):
        assert f"Side {number} af {len(pages)}" in text
    for secret in CLOSED_SECRETS:
        assert _flat(secret) not in everything, secret


def test_member_minutes_pdf_has_the_closed_item_and_decisions(login, structure, member_user):
    meeting = make_corpus_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED)
    everything = _flat("\n".join(_pages_text(_fetch(login(member_user), "minutes_pdf", meeting))))
    assert CLOSED_TITLE in everything and "Formandskabet forhandler videre." in everything
    assert "Fortroligt: Denne udgave indeholder lukkede punkter" in everything
    assert "Mødedeltagere" in everything and "Birgitte Aagaard (deltog på vegne af Søren Ølgaard)" in everything
    assert "Ad 2. Godkendt med ændringer. Med de ændringer, der blev nævnt." in everything


def test_public_minutes_pdf_has_no_closed_content(client, structure):
    meeting = make_corpus_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED)
    everything = _flat("\n".join(_pages_text(_fetch(client, "minutes_pdf", meeting))))
    assert "Beslutning" in everything and "Taget til efterretning" in everything
    for secret in CLOSED_SECRETS:
        assert _flat(secret) not in everything, secret


def test_pdf_pages_render_to_images_that_are_not_blank(client, structure, tmp_path):
    pdftoppm = _pdftoppm()
    meeting = make_corpus_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED)
    images = _render_pages(pdftoppm, _fetch(client, "minutes_pdf", meeting), tmp_path)
    assert len(images) >= 2
    for image in images:
        ink, total = _png_ink(image)
        assert ink > total * 0.002, f"{image.name} looks blank ({ink} of {total} pixels inked)"


def test_a_long_table_of_contents_spills_over_and_its_page_numbers_point_at_the_items(client, structure):
    import datetime
    import re

    from .factories import make_item, make_meeting

    meeting = make_meeting(structure.political, status=MeetingStatus.AGENDA_PUBLISHED, end=datetime.time(23, 0))
    for n in range(1, 41):
        make_item(meeting, title=f"Sag nummer {n} om sammenhængende forløb", duration_minutes=5,
                  summary="Kort resumé. " * 40)
    pages = _pages_text(_fetch(client, "agenda_pdf", meeting))
    toc_pages = [text for text in pages if "Sag nummer 40 om" in text and "Punkt 40:" not in text
                 or "Indholdsfortegnelse" in text]
    assert len(toc_pages) == 2  # 40 rows do not fit on the front page
    toc = "\n".join(toc_pages)
    for n in (1, 17, 40):
        row = re.search(rf"^{n} Sag nummer {n} om sammenhængende forløb (\d\d:\d\d-\d\d:\d\d) (\d+)$", toc, re.M)
        assert row, n
        page = int(row.group(2))
        assert f"Punkt {n}: Sag nummer {n} om" in pages[page - 1]
        assert f"Side {page} af {len(pages)}" in pages[page - 1]
    assert all(text.strip() for text in pages)
