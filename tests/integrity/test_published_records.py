"""Point 9 of issue 9: published records are locked; status moves only forward in time order."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from klynge.meetings import rules
from klynge.meetings.choices import STATUS_ORDER, TRANSITIONS, ItemKind, MeetingStatus
from klynge.meetings.models import Attachment, Meeting, MinutesRevision
from tests.integrity.test_lost_updates import loaded_data
from tests.meetings.factories import make_attachment, make_item, make_meeting

D, T = datetime.date, datetime.time


# --- the pure rules ------------------------------------------------------------------------------

def test_every_allowed_status_move_goes_forward():
    for current, targets in TRANSITIONS.items():
        for target in targets:
            assert rules.moves_forward(current, target), (current, target)


def test_no_status_moves_back_along_the_cycle():
    for index, current in enumerate(STATUS_ORDER):
        for earlier in STATUS_ORDER[:index + 1]:
            assert not rules.moves_forward(current, earlier)
            assert earlier not in TRANSITIONS[current]


def test_only_a_meeting_not_yet_held_can_be_cancelled_and_a_cancelled_one_only_resumed_as_planned():
    assert rules.moves_forward(MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.CANCELLED)
    assert not rules.moves_forward(MeetingStatus.HELD, MeetingStatus.CANCELLED)
    assert rules.moves_forward(MeetingStatus.CANCELLED, MeetingStatus.PLANNED)
    assert not rules.moves_forward(MeetingStatus.CANCELLED, MeetingStatus.HELD)


def test_a_meeting_is_held_too_early_until_it_has_started():
    start = datetime.datetime(2027, 3, 1, 17, 0)
    refusal = rules.held_too_early(start.date(), start.time(), start - datetime.timedelta(minutes=1))
    assert refusal == "Mødet kan først markeres som afholdt, når det er begyndt (1. marts 2027 kl. 17:00)."
    assert rules.held_too_early(start.date(), start.time(), start) == ""


def test_an_agenda_of_only_breaks_is_empty():
    assert "ingen punkter" in rules.empty_agenda([])
    assert "ingen punkter" in rules.empty_agenda([ItemKind.BREAK])
    assert rules.empty_agenda([ItemKind.BREAK, ItemKind.ORIENTATION]) == ""


def test_schedule_changes_name_each_changed_field_in_danish():
    before = {"date": D(2027, 3, 1), "start": T(17), "address": "Rådhuset"}
    after = {"date": D(2027, 3, 8), "start": T(17), "address": "Rådhuset"}
    assert rules.schedule_changes(before, after) == [
        {"field": "date", "label": "dato", "before": "1. marts 2027", "after": "8. marts 2027"}]


def test_a_reason_is_needed_from_the_published_agenda_on():
    assert not rules.schedule_change_needs_reason(MeetingStatus.PLANNED)
    assert all(rules.schedule_change_needs_reason(s) for s in STATUS_ORDER[1:])
    assert rules.attachment_change_needs_revision(MeetingStatus.MINUTES_PUBLISHED)
    assert not rules.attachment_change_needs_revision(MeetingStatus.MINUTES_DRAFT)


# --- through the pages ---------------------------------------------------------------------------

def _status(client, meeting, status):
    return client.post(f"/moeder/{meeting.pk}/status/", {"status": status}, follow=True).content.decode()


def test_a_meeting_cannot_be_marked_held_before_it_starts(structure, login, secretariat_user):
    soon = timezone.localtime() + datetime.timedelta(hours=2)
    meeting = make_meeting(structure.political, date=soon.date(), start=soon.time().replace(microsecond=0),
                           end=T(23, 59), status=MeetingStatus.AGENDA_PUBLISHED)
    page = _status(login(secretariat_user), meeting, MeetingStatus.HELD)
    assert "kan først markeres som afholdt, når det er begyndt" in page
    assert Meeting.objects.get().status == MeetingStatus.AGENDA_PUBLISHED


def test_an_agenda_with_no_items_is_not_published_and_no_mail_is_sent(structure, login, secretariat_user,
                                                                       mailoutbox):
    meeting = make_meeting(structure.political)
    make_item(meeting, kind=ItemKind.BREAK, title="Pause")
    page = _status(login(secretariat_user), meeting, MeetingStatus.AGENDA_PUBLISHED)
    assert "Dagsordenen har ingen punkter og kan ikke offentliggøres" in page
    assert Meeting.objects.get().status == MeetingStatus.PLANNED and not mailoutbox


def test_a_published_agenda_cannot_be_withdrawn(structure, login, secretariat_user):
    meeting = make_meeting(structure.political, status=MeetingStatus.AGENDA_PUBLISHED)
    page = _status(login(secretariat_user), meeting, MeetingStatus.PLANNED)
    assert "kan ikke gå fra" in page
    assert Meeting.objects.get().status == MeetingStatus.AGENDA_PUBLISHED


def test_an_unknown_status_gets_a_danish_message(structure, login, secretariat_user):
    meeting = make_meeting(structure.political)
    assert "næste skridt" in _status(login(secretariat_user), meeting, "evil")


@pytest.mark.parametrize("status", [MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.MINUTES_PUBLISHED])
def test_moving_a_published_meeting_needs_a_reason_kept_in_the_history(structure, login, secretariat_user, status):
    meeting = make_meeting(structure.political, status=status)
    client = login(secretariat_user)
    url = f"/moeder/{meeting.pk}/rediger/"
    data = loaded_data(client.get(url))
    refused = client.post(url, {**data, "date": "2023-03-08"})
    assert "Skriv en begrundelse for at ændre dato" in refused.content.decode()
    assert Meeting.objects.get().date == D(2023, 3, 1)
    saved = client.post(url, {**loaded_data(refused), "reason": "Formanden er forhindret"})
    assert saved.status_code == 302
    moved = Meeting.objects.get()
    assert moved.date == D(2023, 3, 8) and moved.sequence == meeting.sequence + 1
    assert moved.history.first().history_change_reason == "Ændret efter offentliggørelse: Formanden er forhindret"
    if status == MeetingStatus.MINUTES_PUBLISHED:
        revision = MinutesRevision.objects.get()
        assert revision.reason == "Formanden er forhindret" and revision.changes[0]["field"] == "date"
        page = client.get(f"/moeder/{meeting.pk}/").content.decode()
        assert "Formanden er forhindret" in page and "1. marts 2023 → 8. marts 2023" in page


def test_a_planned_meeting_moves_without_a_reason(structure, login, secretariat_user):
    meeting = make_meeting(structure.political)
    client = login(secretariat_user)
    data = loaded_data(client.get(f"/moeder/{meeting.pk}/rediger/"))
    assert "reason" not in data
    assert client.post(f"/moeder/{meeting.pk}/rediger/", {**data, "date": "2023-03-08"}).status_code == 302


def test_an_attachment_of_published_minutes_is_deleted_only_with_a_confirmed_reason(structure, login,
                                                                                     secretariat_user):
    meeting = make_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED)
    item = make_item(meeting)
    attachment = make_attachment(item, title="Budget.pdf")
    client = login(secretariat_user)
    url = f"/bilag/{attachment.pk}/slet/"
    confirm = client.post(url)  # the delete button: a confirmation step, nothing deleted
    assert confirm.status_code == 200 and "Begrundelse for rettelsen" in confirm.content.decode()
    assert client.post(url, {"reason": " "}).status_code == 200
    assert Attachment.objects.filter(pk=attachment.pk).exists() and not MinutesRevision.objects.exists()
    assert client.post(url, {"reason": "Forkert version af budgettet"}).status_code == 302
    assert not Attachment.objects.filter(pk=attachment.pk).exists()
    revision = MinutesRevision.objects.get()
    assert revision.reason == "Forkert version af budgettet"
    assert revision.changes == [{"item": item.number, "item_pk": item.pk, "field": "attachment",
                                 "label": "bilag slettet", "before": "Budget.pdf", "after": ""}]
    assert Attachment.history.filter(history_type="-").get().history_change_reason == (
        "Rettelse af godkendt referat: Forkert version af budgettet")
    page = client.get(f"/moeder/{meeting.pk}/").content.decode()
    assert "Forkert version af budgettet" in page and "bilag slettet" in page


def test_an_attachment_added_to_published_minutes_needs_a_reason(structure, login, secretariat_user):
    meeting = make_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED)
    item = make_item(meeting)
    client = login(secretariat_user)
    url = f"/punkter/{item.pk}/bilag/ny/"
    upload = {"file": SimpleUploadedFile("Ny.pdf", b"%PDF-1.4 ny"), "title": "Ny version"}
    assert client.post(url, upload).status_code == 200 and not Attachment.objects.exists()
    upload = {"file": SimpleUploadedFile("Ny.pdf", b"%PDF-1.4 ny"), "title": "Ny version", "reason": "Rettet bilag"}
    assert client.post(url, upload).status_code == 302
    assert Attachment.objects.get().title == "Ny version"
    assert MinutesRevision.objects.get().changes[0]["label"] == "bilag tilføjet"


def test_an_attachment_of_a_draft_agenda_is_deleted_directly(structure, login, secretariat_user):
    attachment = make_attachment(make_item(make_meeting(structure.political)))
    client = login(secretariat_user)
    assert client.get(f"/bilag/{attachment.pk}/slet/").status_code == 405
    assert client.post(f"/bilag/{attachment.pk}/slet/").status_code == 302
    assert not Attachment.objects.exists() and not MinutesRevision.objects.exists()


def test_deleting_a_closed_items_attachment_keeps_the_reason_from_the_public(structure, login, secretariat_user,
                                                                            client):
    meeting = make_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED)
    attachment = make_attachment(make_item(meeting, closed=True))
    login(secretariat_user).post(f"/bilag/{attachment.pk}/slet/", {"reason": "Fortrolig sag om borger"})
    assert MinutesRevision.objects.exists()
    client.logout()
    assert "Fortrolig sag om borger" not in client.get(f"/moeder/{meeting.pk}/").content.decode()
