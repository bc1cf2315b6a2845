"""Uploads: a CPR number in an attachment's name is masked; one in its contents flags the file."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from klynge.core.cpr import MASK
from klynge.documents.scan import file_contains_cpr
from klynge.meetings.choices import MeetingStatus
from klynge.meetings.models import Attachment

from ..importer.conftest import make_docx, make_pdf
from .factories import make_item, make_meeting

pytestmark = pytest.mark.django_db


def upload(client, item, name, data, title=""):
    return client.post(f"/punkter/{item.pk}/bilag/ny/", {"file": SimpleUploadedFile(name, data), "title": title},
                       follow=True)


def test_an_attachment_named_with_a_cpr_number_gets_a_masked_title_and_stored_name(structure, login,
                                                                                    secretariat_user):
    item = make_item(make_meeting(structure.political))
    upload(login(secretariat_user), item, "Journal 010190-1234.pdf", b"%PDF-1.4 notat")
    attachment = Attachment.objects.get()
    assert attachment.title == f"Journal {MASK}.pdf"
    assert "010190" not in attachment.file.name and MASK in attachment.file.name
    assert attachment.contains_cpr  # the name held one, so the file is flagged too
    history = attachment.history.first()
    assert "010190" not in history.title + history.file


def test_a_typed_title_holding_a_cpr_number_is_refused_and_nothing_saved(structure, login, secretariat_user):
    item = make_item(make_meeting(structure.political))
    response = upload(login(secretariat_user), item, "notat.pdf", b"%PDF-1.4 notat", title="Sag 020290 4321")
    assert "ser ud til at indeholde et CPR-nummer (020290-…)" in response.content.decode()
    assert not Attachment.objects.exists()


@pytest.mark.parametrize("name,data", [
    ("notat.pdf", make_pdf(["Notat om borgeren med CPR 010190-1234 og hendes forløb."])),
    ("notat.docx", make_docx([("", "Borgeren (01.01.90–1234) har klaget.")])),
    ("notat.txt", "Borgerens nummer: 020290 4321".encode("cp1252")),
    ("liste.csv", b"navn;cpr\nHans;0101901234\n"),
])
def test_a_cpr_number_in_the_contents_flags_the_attachment_and_warns_the_secretariat(
        structure, login, secretariat_user, member_user, client, name, data):
    item = make_item(make_meeting(structure.political, status=MeetingStatus.AGENDA_PUBLISHED))
    page = upload(login(secretariat_user), item, name, data).content.decode()
    attachment = Attachment.objects.get()
    assert attachment.contains_cpr and attachment.title == name
    assert "Filen ser ud til at indeholde et CPR-nummer" in page
    meeting_page = login(secretariat_user).get(item.meeting.get_absolute_url()).content.decode()
    assert "Indeholder CPR-nummer" in meeting_page
    assert login(secretariat_user).get(f"/bilag/{attachment.pk}/").status_code == 200
    # the flagged file is for the secretariat only, like a flagged original document
    assert login(member_user).get(f"/bilag/{attachment.pk}/").status_code == 403
    client.logout()
    assert client.get(f"/bilag/{attachment.pk}/").status_code == 403
    public_page = client.get(item.meeting.get_absolute_url()).content.decode()
    assert "Indeholder CPR-nummer" not in public_page and f"/bilag/{attachment.pk}/" not in public_page


def test_an_attachment_without_a_cpr_number_is_not_flagged(structure, login, secretariat_user, client):
    item = make_item(make_meeting(structure.political))
    text = "Journalnr. 1-31-72-446-22, tlf. 12 34 56 78, 1.022.190 kr., mødet 01.01.2023."
    page = upload(login(secretariat_user), item, "notat.pdf", make_pdf([text])).content.decode()
    attachment = Attachment.objects.get()
    assert not attachment.contains_cpr and "CPR" not in page


def test_the_scan_reads_zip_based_office_files_and_old_binary_files():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/sharedStrings.xml", "<sst><si><t>010190-</t></si><si><t>1234</t></si></sst>")
    assert file_contains_cpr("regneark.xlsx", buffer.getvalue())
    assert file_contains_cpr("gammel.doc", b"\xd0\xcf\x11\xe0" + "CPR 010190-1234".encode("utf-16-le"))
    assert not file_contains_cpr("gammel.doc", b"\xd0\xcf\x11\xe0" + "Ingen numre".encode("utf-16-le"))
