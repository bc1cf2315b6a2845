"""The published PDFs are tagged (issue 13, point 20): a structure tree with headings, paragraphs,
lists and tables, the Danish language, a title the viewer shows, and the PDF/UA-1 identification
where the whole file is ours. Read back with pypdf. See docs/publishing.md for the route (WeasyPrint)."""

import io
from collections import Counter

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader
from pypdf.generic import ContentStream

from klynge.core.pdf import _fetcher, css_string, render_pdf
from klynge.meetings.choices import MeetingStatus
from klynge.meetings.publishing.document import build_agenda, build_minutes
from klynge.meetings.publishing.pdf import render_pdf as render_meeting_pdf
from tests.meetings.factories import make_corpus_meeting, make_item, make_meeting

pytestmark = pytest.mark.django_db


def _tags(reader: PdfReader) -> Counter:
    """How often each structure type (/H1, /P, /Table, ...) occurs in the structure tree."""
    found = Counter()
    seen = set()

    def walk(node):
        node = node.get_object()
        if not isinstance(node, dict) or id(node) in seen:
            return
        seen.add(id(node))
        if "/S" in node:
            found[str(node["/S"])] += 1
        kids = node.get("/K")
        if kids is None:
            return
        kids = kids.get_object()
        for kid in kids if isinstance(kids, list) else [kids]:
            if hasattr(kid, "get_object") and isinstance(kid.get_object(), dict):
                walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def _marks_around_images(reader: PdfReader, page) -> set[str]:
    """The marked-content tags that enclose the images (XObjects) drawn on ``page``."""
    stack, marks = [], set()
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator in (b"BDC", b"BMC"):
            stack.append(str(operands[0]))
        elif operator == b"EMC" and stack:
            stack.pop()
        elif operator == b"Do":
            marks.add(stack[-1] if stack else "")
    return marks


def _xmp(reader: PdfReader) -> str:
    return reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()


def _assert_tagged(reader: PdfReader, title: str, ua: bool = True) -> Counter:
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "da"
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True
    assert reader.metadata.title == title
    if ua:
        xmp = _xmp(reader)
        assert 'pdfuaid:part="1"' in xmp
        assert reader.xmp_metadata.dc_title["x-default"] == title
    tags = _tags(reader)
    assert tags["/Document"] == 1
    # every page's marked content is in the tree: the parent tree has an entry per page
    assert all("/StructParents" in page for page in reader.pages)
    return tags


def test_an_agenda_pdf_is_tagged_pdf_ua_with_headings_paragraphs_lists_and_tables(structure):
    meeting = make_corpus_meeting(structure.political)
    reader = PdfReader(io.BytesIO(render_meeting_pdf(build_agenda(meeting, public=True))))
    tags = _assert_tagged(reader, "Dagsorden Klynge A – Politisk niveau 7. december 2022")
    assert tags["/H1"] == 1  # the document's title
    assert tags["/H2"] >= 10  # contents and the nine items (a heading split over pages counts twice)
    assert tags["/H3"] >= 5  # Resumé, Sagsfremstilling, Indstilling, ...
    for kind in ("/P", "/L", "/LI", "/Lbl", "/LBody", "/Table", "/THead", "/TR", "/TH", "/TD", "/Link"):
        assert tags[kind] > 0, kind
    titles = [o.title for o in reader.outline if not isinstance(o, list)]
    assert any("Drøftelse af patient- og pårørendeinddragelse" in t for t in titles)
    assert "Indholdsfortegnelse" in titles
    assert reader.pdf_header == "%PDF-1.7"


def test_a_simple_agenda_keeps_its_displayed_title_language_and_bookmarks(structure):
    meeting = make_meeting(structure.political, status=MeetingStatus.AGENDA_PUBLISHED)
    make_item(meeting, title="Status på genoptræning")
    make_item(meeting, title="Demensindsats")
    reader = PdfReader(io.BytesIO(render_meeting_pdf(build_agenda(meeting, public=True))))
    _assert_tagged(reader, "Dagsorden Klynge A – Politisk niveau 1. marts 2023")
    titles = [o.title for o in reader.outline if not isinstance(o, list)]
    assert any("Status på genoptræning" in t for t in titles)


def test_draft_minutes_are_tagged_and_their_udkast_marks_are_page_furniture_not_content(
        structure, secretariat_user):
    meeting = make_corpus_meeting(structure.political, status=MeetingStatus.MINUTES_IN_REVIEW)
    reader = PdfReader(io.BytesIO(render_meeting_pdf(build_minutes(meeting, secretariat_user))))
    tags = _assert_tagged(reader, "Referat Klynge A – Politisk niveau 7. december 2022")
    assert tags["/H2"] >= 10
    for page in reader.pages:
        assert "UDKAST" in page.extract_text()
    # The big mark across every page is the page background, drawn as an artifact (not read aloud).
    for page in reader.pages:
        assert "/Artifact" in _marks_around_images(reader, page)


def test_a_status_report_pdf_is_tagged_pdf_ua(structure):
    from klynge.agreements import reports
    from klynge.agreements.models import StatusReport
    from tests.agreements.factories import make_agreement, make_framework

    framework = make_framework(structure.political)
    make_agreement(structure.political, framework, for_collaboration="Samarbejdstekst")
    report = StatusReport.objects.create(framework=framework, as_of=framework.period_start, foreword="Forord")
    doc = reports.build(report)
    reader = PdfReader(io.BytesIO(reports.render_pdf(doc)))
    tags = _assert_tagged(reader, doc.heading)
    for kind in ("/H1", "/H2", "/P", "/L", "/LI"):
        assert tags[kind] > 0, kind


def test_a_packet_without_merged_attachments_is_tagged_pdf_ua(structure):
    meeting = make_corpus_meeting(structure.political)
    response = Client().get(reverse("meetings:packet_pdf", args=[meeting.pk]))
    reader = PdfReader(io.BytesIO(response.content))
    tags = _assert_tagged(reader, "Mødepakke Klynge A – Politisk niveau 7. december 2022")
    assert tags["/H2"] >= 11  # the agenda's and "Bilag i pakken"
    assert "Bilag i pakken" in [o.title for o in reader.outline if not isinstance(o, list)]


def test_render_pdf_escapes_css_strings_and_fetches_nothing_but_its_fonts():
    assert css_string('a"</style>') == '"a\\000022\\00003c\\00002fstyle\\00003e"'
    fetcher = _fetcher()
    for url in ("file:///etc/passwd", "http://127.0.0.1:8107/", "https://example.org/x.css"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    html = ('<!doctype html><html lang="da"><head><title>x</title>'
            '<link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head>'
            '<body><h1>Prøve</h1><img src="file:///etc/passwd" alt="ingen"></body></html>')
    reader = PdfReader(io.BytesIO(render_pdf(html, "Prøve")))
    assert reader.metadata.title == "Prøve" and "Prøve" in reader.pages[0].extract_text()
