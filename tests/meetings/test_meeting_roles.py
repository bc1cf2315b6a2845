"""The meeting's chair (mødeleder/ordstyrer) and minute-takers (referenter): edited by the secretariat,
shown on the meeting page and in the Word and PDF files."""

import datetime
import io

import pdfplumber
import pytest
from django.core.exceptions import ValidationError
from docx import Document

from klynge.meetings.choices import MeetingStatus
from klynge.meetings.models import MeetingRole
from klynge.organisation.choices import Role

from .factories import make_item, make_meeting, make_membership, make_person

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def meeting(structure):
    meeting = make_meeting(structure.political, date=D(2024, 5, 1), status=MeetingStatus.MINUTES_PUBLISHED)
    make_item(meeting, title="Velkomst")
    return meeting


@pytest.fixture
def people(structure):
    chair = make_person("Mette Mødeleder")
    make_membership(chair, structure.political, role=Role.CHAIR)
    takers = [make_person("Rasmus Referent"), make_person("Rikke Referent")]
    for person in takers:
        make_membership(person, structure.cluster, role=Role.SECRETARIAT)
    return chair, takers


def test_the_secretariat_sets_the_chair_and_minute_takers_and_they_show_on_the_meeting_page(
        structure, meeting, people, secretariat_user, login, client):
    chair, takers = people
    meeting.status = MeetingStatus.HELD
    meeting.save()
    editor = login(secretariat_user)
    response = editor.post(f"/moeder/{meeting.pk}/moedeleder/",
                           {"chair": chair.pk, "minute_takers": [t.pk for t in takers]})
    assert response.status_code == 302
    assert MeetingRole.objects.filter(meeting=meeting).count() == 3
    page = editor.get(f"/moeder/{meeting.pk}/").content.decode()
    assert "Mødeleder: <a" in page and "Mette Mødeleder" in page
    assert "Referenter:" in page and "Rasmus Referent" in page and "Rikke Referent" in page
    # Changing the roles keeps the rows that stay and removes the rest.
    editor.post(f"/moeder/{meeting.pk}/moedeleder/", {"chair": chair.pk, "minute_takers": [takers[0].pk]})
    assert sorted(MeetingRole.objects.filter(meeting=meeting).values_list("role", flat=True)) == [
        "chair", "minute_taker"]


def test_a_member_may_not_set_the_meeting_roles(meeting, people, member_user, login):
    response = login(member_user).post(f"/moeder/{meeting.pk}/moedeleder/", {"chair": people[0].pk})
    assert response.status_code == 403
    assert not MeetingRole.objects.exists()


def test_a_meeting_has_at_most_one_chair(meeting, people):
    MeetingRole.objects.create(meeting=meeting, person=people[0], role="chair")
    second = MeetingRole(meeting=meeting, person=people[1][0], role="chair")
    with pytest.raises(ValidationError) as error:
        second.full_clean()
    assert "Mødet har allerede en mødeleder." in str(error.value)


def test_locked_minutes_refuse_a_change_of_roles_with_a_danish_message(meeting, people, secretariat_user, login):
    response = login(secretariat_user).post(f"/moeder/{meeting.pk}/moedeleder/", {"chair": people[0].pk},
                                            follow=True)
    assert "Referatet er godkendt og låst" in response.content.decode()
    assert not MeetingRole.objects.exists()


def test_the_word_and_pdf_minutes_name_the_chair_and_the_minute_takers(meeting, people, client):
    chair, takers = people
    MeetingRole.objects.create(meeting=meeting, person=chair, role="chair")
    for n, person in enumerate(takers, 1):
        MeetingRole.objects.create(meeting=meeting, person=person, role="minute_taker", position=n)
    word = Document(io.BytesIO(client.get(f"/moeder/{meeting.pk}/referat.docx").content))
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    assert "Mødeleder" in cells and "Mette Mødeleder" in cells
    assert "Referenter" in cells and "Rasmus Referent og Rikke Referent" in cells
    with pdfplumber.open(io.BytesIO(client.get(f"/moeder/{meeting.pk}/referat.pdf").content)) as pdf:
        text = " ".join((pdf.pages[0].extract_text() or "").split())
    assert "Mødeleder Mette Mødeleder" in text
    assert "Referenter Rasmus Referent og Rikke Referent" in text
