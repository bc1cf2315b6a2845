"""Apologies by the member (15), the meeting packet (16) and tasks (18) of issue 13."""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from fpdf import FPDF
from pypdf import PdfReader
from pypdf.generic import ContentStream

from klynge.meetings.choices import AttendanceStatus, MeetingStatus, TaskStatus
from klynge.meetings.models import Attachment, Attendance, Task
from klynge.organisation.models import Affiliation
from tests.meetings.factories import make_item, make_meeting, make_person

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _coming(structure, **kw):
    kw.setdefault("status", MeetingStatus.AGENDA_PUBLISHED)
    return make_meeting(structure.political, date=timezone.localdate() + datetime.timedelta(days=7), **kw)


# --- apologies -----------------------------------------------------------------------------------

def test_a_member_sends_apologies_with_a_substitute_and_the_secretariat_sees_both_in_attendance(
        structure, member_user, secretariat_user):
    meeting = _coming(structure)
    deputy = make_person("Dorthe Stedfortræder")
    Affiliation.objects.create(person=deputy, organisation=structure.municipality)
    client = _client(member_user)
    form = client.get(reverse("meetings:apologies", args=[meeting.pk])).content.decode()
    assert "Dorthe Stedfortræder" in form
    response = client.post(reverse("meetings:apologies", args=[meeting.pk]), {"substitute": deputy.pk})
    assert response.status_code == 302
    mine = Attendance.objects.get(meeting=meeting, person=member_user.person)
    assert mine.status == AttendanceStatus.APOLOGIES and mine.organisation == structure.municipality
    sub = Attendance.objects.get(meeting=meeting, person=deputy)
    assert sub.status == AttendanceStatus.SUBSTITUTE and sub.on_behalf_of == member_user.person
    page = _client(secretariat_user).get(reverse("meetings:attendance", args=[meeting.pk])).content.decode()
    assert "Medlem A" in page and "Dorthe Stedfortræder" in page


def test_withdrawing_apologies_removes_the_apologies_and_the_substitute(structure, member_user):
    meeting = _coming(structure)
    deputy = make_person("Dorthe Stedfortræder")
    Affiliation.objects.create(person=deputy, organisation=structure.municipality)
    client = _client(member_user)
    client.post(reverse("meetings:apologies", args=[meeting.pk]), {"substitute": deputy.pk})
    client.post(reverse("meetings:apologies", args=[meeting.pk]), {"withdraw": "1"})
    assert not Attendance.objects.filter(meeting=meeting).exists()


def test_a_substitute_from_another_party_is_refused_with_a_danish_message(structure, member_user):
    meeting = _coming(structure)
    stranger = make_person("Fremmed Person")
    response = _client(member_user).post(reverse("meetings:apologies", args=[meeting.pk]),
                                         {"substitute": stranger.pk})
    assert response.status_code == 200 and "Vælg en stedfortræder fra listen" in response.content.decode()
    assert not Attendance.objects.filter(meeting=meeting).exists()


def test_apologies_are_refused_for_a_held_meeting_and_for_non_members(structure, member_user, secretariat_user,
                                                                      other_cluster_user):
    held = make_meeting(structure.political, status=MeetingStatus.HELD)
    response = _client(member_user).post(reverse("meetings:apologies", args=[held.pk]), {})
    assert response.status_code == 302 and not Attendance.objects.exists()
    coming = _coming(structure)
    assert _client(other_cluster_user).post(reverse("meetings:apologies", args=[coming.pk])).status_code == 403
    assert _client(secretariat_user).post(reverse("meetings:apologies", args=[coming.pk])).status_code == 403


# --- the meeting packet --------------------------------------------------------------------------

def _pdf(text: str, pages: int = 1) -> bytes:
    pdf = FPDF()
    pdf.set_font("helvetica", size=14)
    for n in range(pages):
        pdf.add_page()
        pdf.cell(0, 10, f"{text} side {n + 1}")
    return bytes(pdf.output())


def _attach(item, title, name, content):
    attachment = Attachment(item=item, title=title)
    attachment.file.save(name, ContentFile(content), save=True)
    return attachment


@pytest.fixture
def packet_meeting(structure):
    meeting = _coming(structure)
    first = make_item(meeting, title="Budget")
    _attach(first, "Budgetnotat", "budget.pdf", _pdf("BUDGETNOTAT", pages=2))
    _attach(first, "Regneark", "tal.xlsx", b"PK\x03\x04 not really a spreadsheet")
    closed = make_item(meeting, title="Personalesag", closed=True)
    _attach(closed, "Fortroligt notat", "fortroligt.pdf", _pdf("FORTROLIGT"))
    second = make_item(meeting, title="Status")
    _attach(second, "Statusrapport", "status.pdf", _pdf("STATUSRAPPORT"))
    _attach(second, "Ødelagt fil", "broken.pdf", b"%PDF-1.4 this is not a pdf")
    return meeting


def _text(content: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


def test_the_public_packet_merges_public_pdf_attachments_in_agenda_order_and_lists_the_rest(
        structure, packet_meeting):
    response = Client().get(reverse("meetings:packet_pdf", args=[packet_meeting.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pages = _text(response.content)
    joined = "\n".join(pages)
    assert "FORTROLIGT" not in joined and "Fortroligt notat" not in joined and "Personalesag" not in joined
    order = [i for i, p in enumerate(pages) if "BUDGETNOTAT" in p or "STATUSRAPPORT" in p]
    assert [pages[i].split()[0] for i in order] == ["BUDGETNOTAT", "BUDGETNOTAT", "STATUSRAPPORT"]
    overview = next(p for p in pages if "Bilag i pakken" in p)
    assert "Regneark" in overview and "XLSX-fil" in overview
    assert "Ødelagt fil" in overview and "kan ikke læses som PDF" in overview
    assert f"side {order[0] + 1}" in overview  # the overview names the page the attachment starts on
    reader = PdfReader(io.BytesIO(response.content))
    assert reader.metadata.title.startswith("Mødepakke") and reader.trailer["/Root"]["/Lang"] == "da"


def test_the_members_packet_has_closed_material_and_the_recipients_name_on_every_page(
        structure, member_user, packet_meeting):
    response = _client(member_user).get(reverse("meetings:members_packet_pdf", args=[packet_meeting.pk]))
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    pages = _text(response.content)
    assert any("FORTROLIGT" in p for p in pages)
    assert all("Til Medlem A" in p for p in pages)


def test_a_packet_keeps_the_agendas_tags_claims_no_pdf_ua_with_foreign_pages_and_stamps_as_artifacts(
        structure, member_user, packet_meeting):
    public = PdfReader(io.BytesIO(Client().get(reverse("meetings:packet_pdf", args=[packet_meeting.pk])).content))
    root = public.trailer["/Root"]
    assert "/StructTreeRoot" in root and bool(root["/MarkInfo"]["/Marked"]) is True
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True
    # merged attachments bring untagged pages: the file must not claim PDF/UA
    metadata = root.get("/Metadata")
    assert metadata is None or b"pdfuaid" not in metadata.get_object().get_data()
    outline = [o.title for o in public.outline if not isinstance(o, list)]
    assert "Bilag i pakken" in outline and "Punkt 1: Budgetnotat" in outline
    members = PdfReader(io.BytesIO(
        _client(member_user).get(reverse("meetings:members_packet_pdf", args=[packet_meeting.pk])).content))
    for page in members.pages:  # the recipient's mark is a watermark artifact on every page
        marks = [operands for operands, operator in ContentStream(page.get_contents(), members).operations
                 if operator == b"BDC" and operands[0] == "/Artifact"]
        assert any(m[1].get("/Subtype") == "/Watermark" for m in marks)


def test_the_members_packet_is_404_for_the_public_and_other_clusters(structure, other_cluster_user, packet_meeting):
    url = reverse("meetings:members_packet_pdf", args=[packet_meeting.pk])
    assert Client().get(url).status_code == 404
    assert _client(other_cluster_user).get(url).status_code == 404


def test_no_packet_before_the_agenda_is_published(structure, packet_meeting):
    packet_meeting.status = MeetingStatus.PLANNED
    packet_meeting.save()
    assert Client().get(reverse("meetings:packet_pdf", args=[packet_meeting.pk])).status_code == 404


# --- tasks ---------------------------------------------------------------------------------------

@pytest.fixture
def task(structure):
    meeting = make_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED)
    item = make_item(meeting, title="Opfølgning")
    return Task.objects.create(item=item, description="Sekretariatet skriver notat")


def test_the_secretariat_edits_a_task_and_hands_it_to_another_body(structure, secretariat_user, task):
    client = _client(secretariat_user)
    form = client.get(reverse("meetings:task_edit", args=[task.pk])).content.decode()
    assert "Sekretariatet skriver notat" in form
    response = client.post(reverse("meetings:task_edit", args=[task.pk]), {
        "description": "Sekretariatet skriver et kortere notat", "owner_kind": "secretariat",
        "owner_body": structure.working_group.pk, "status": TaskStatus.IN_PROGRESS, "due": "",
        "loaded_version": task.version,
    })
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.description == "Sekretariatet skriver et kortere notat"
    assert task.owner_body == structure.working_group and task.status == TaskStatus.IN_PROGRESS


def test_setting_a_task_in_progress_takes_one_click_and_only_for_the_secretariat(
        structure, secretariat_user, member_user, task):
    assert _client(member_user).post(reverse("meetings:task_start", args=[task.pk])).status_code == 403
    _client(secretariat_user).post(reverse("meetings:task_start", args=[task.pk]))
    task.refresh_from_db()
    assert task.status == TaskStatus.IN_PROGRESS


def test_closed_tasks_are_listed_with_their_closing_notes(structure, secretariat_user, task):
    _client(secretariat_user).post(reverse("meetings:task_close", args=[task.pk]), {
        "status": TaskStatus.DONE, "closed_note": "Notatet blev sendt 3. marts", "loaded_version": task.version})
    page = Client().get(reverse("meetings:followup_closed", args=[structure.cluster.slug])).content.decode()
    assert "Sekretariatet skriver notat" in page and "Notatet blev sendt 3. marts" in page
    open_page = Client().get(reverse("meetings:followup_cluster", args=[structure.cluster.slug])).content.decode()
    assert "Sekretariatet skriver notat" not in open_page
