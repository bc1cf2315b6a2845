"""The published PDFs carry a title shown by viewers, the Danish language and bookmarks (issue 13,
point 20). They carry no structure tags yet: see docs/publishing.md for why and for the route."""

import io

import pytest
from pypdf import PdfReader

from klynge.meetings.choices import MeetingStatus
from klynge.meetings.publishing.document import build_agenda
from klynge.meetings.publishing.pdf import render_pdf
from tests.meetings.factories import make_item, make_meeting

pytestmark = pytest.mark.django_db


def test_an_agenda_pdf_has_a_displayed_title_the_danish_language_and_bookmarks(structure):
    meeting = make_meeting(structure.political, status=MeetingStatus.AGENDA_PUBLISHED)
    make_item(meeting, title="Status på genoptræning")
    make_item(meeting, title="Demensindsats")
    reader = PdfReader(io.BytesIO(render_pdf(build_agenda(meeting, public=True))))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "da"
    assert reader.metadata.title == "Dagsorden Klynge A – Politisk niveau 1. marts 2023"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True
    titles = [o.title for o in reader.outline if not isinstance(o, list)]
    assert any("Status på genoptræning" in t for t in titles)
