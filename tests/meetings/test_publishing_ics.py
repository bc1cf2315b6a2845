"""Calendar feeds per body, cluster and person, read back with icalendar."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from klynge.meetings import actions
from klynge.meetings.choices import MeetingStatus
from klynge.organisation.models import Person

from .factories import CLOSED_SECRETS, make_corpus_meeting, make_meeting, make_membership, make_person

pytestmark = pytest.mark.django_db

SOON = datetime.date.today() + datetime.timedelta(days=30)


def _feed(client, name, slug) -> tuple[Calendar, str]:
    response = client.get(reverse(f"meetings:{name}", args=[slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    text = response.content.decode("utf-8")
    return Calendar.from_ical(response.content), text


def _events(calendar):
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_body_feed_has_stable_uid_local_times_timezone_and_danish_name(client, structure):
    meeting = make_meeting(structure.political, date=SOON, start=datetime.time(14, 0), end=datetime.time(16, 0),
                           status=MeetingStatus.AGENDA_PUBLISHED)
    calendar, text = _feed(client, "body_ics", structure.political.slug)
    assert str(calendar["X-WR-CALNAME"]) == "Møder i Klynge A – Politisk niveau"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["UID"]) == "organ-klynge-a-politisk@klynge"
    assert "X-PUBLISHED-TTL:PT1H" in text and "REFRESH-INTERVAL;VALUE=DURATION:PT1H" in text
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Copenhagen"]
    event = _events(calendar)[f"{meeting.uid}@klynge"]
    assert event.start == datetime.datetime.combine(SOON, datetime.time(14, 0),
                                                    tzinfo=event.start.tzinfo)
    assert str(event.start.tzinfo) == "Europe/Copenhagen"
    assert "DTSTART;TZID=Europe/Copenhagen:" in text
    assert "DTSTAMP:" in text and event["DTSTAMP"].dt.tzinfo is not None
    assert str(event["SUMMARY"]) == "Klynge A – Politisk niveau"
    assert "Rådhus" in str(event["LOCATION"])
    assert int(event["SEQUENCE"]) == 0
    assert str(event["URL"]).endswith(f"/moeder/{meeting.pk}/")


def test_a_moved_meeting_keeps_its_uid_and_a_higher_sequence(client, structure):
    meeting = make_meeting(structure.political, date=SOON, status=MeetingStatus.AGENDA_PUBLISHED)
    before = _events(_feed(client, "body_ics", structure.political.slug)[0])[f"{meeting.uid}@klynge"]
    meeting.date = SOON + datetime.timedelta(days=7)
    meeting.sequence += 1  # the editor's move action bumps the sequence
    meeting.save()
    after = _events(_feed(client, "body_ics", structure.political.slug)[0])
    assert list(after) == [f"{meeting.uid}@klynge"]
    event = after[f"{meeting.uid}@klynge"]
    assert event.start.date() == SOON + datetime.timedelta(days=7)
    assert int(event["SEQUENCE"]) > int(before["SEQUENCE"])


def test_a_cancelled_meeting_stays_in_the_feed_as_cancelled(client, structure):
    meeting = make_meeting(structure.political, date=SOON, status=MeetingStatus.AGENDA_PUBLISHED)
    kept = make_meeting(structure.political, date=SOON + datetime.timedelta(days=60))
    actions.transition(meeting, MeetingStatus.CANCELLED, reason="For få tilmeldte.")
    events = _events(_feed(client, "body_ics", structure.political.slug)[0])
    cancelled = events[f"{meeting.uid}@klynge"]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert int(cancelled["SEQUENCE"]) == 1
    assert str(cancelled["SUMMARY"]).startswith("AFLYST: ")
    assert "For få tilmeldte." in str(cancelled["DESCRIPTION"])
    assert str(events[f"{kept.uid}@klynge"]["STATUS"]) == "CONFIRMED"


def test_feed_lists_the_public_agenda_and_never_closed_content(client, login, structure, member_user):
    meeting = make_corpus_meeting(structure.political, date=SOON)
    for user in (None, member_user):  # the feed is the same for everyone
        web = login(member_user) if user else client
        _, text = _feed(web, "body_ics", structure.political.slug)
        calendar = Calendar.from_ical(text)
        description = str(_events(calendar)[f"{meeting.uid}@klynge"]["DESCRIPTION"])
        assert "4. Lukket punkt" in description
        assert "2. Drøftelse af patient- og pårørendeinddragelse (kl. 17:05-17:25)" in description
        assert "\nPause (kl. 18:45-18:55)\n5. Beslutning om" in description
        unfolded = text.replace("\r\n ", "")
        for secret in CLOSED_SECRETS:
            assert secret not in unfolded and secret not in description, secret


def test_a_planned_meetings_agenda_is_not_in_the_feed(client, structure):
    meeting = make_corpus_meeting(structure.political, date=SOON, status=MeetingStatus.PLANNED)
    event = _events(_feed(client, "body_ics", structure.political.slug)[0])[f"{meeting.uid}@klynge"]
    assert "Dagsorden" not in str(event["DESCRIPTION"])
    assert "Velkomst" not in str(event["DESCRIPTION"])


def test_cluster_feed_covers_every_body_under_the_cluster_and_nothing_else(client, structure):
    political = make_meeting(structure.political, date=SOON)
    group = make_meeting(structure.working_group, date=SOON)
    other = make_meeting(structure.other_body, date=SOON)
    calendar, _ = _feed(client, "cluster_ics", structure.cluster.slug)
    uids = set(_events(calendar))
    assert uids == {f"{political.uid}@klynge", f"{group.uid}@klynge"}
    assert f"{other.uid}@klynge" not in uids
    assert str(calendar["X-WR-CALNAME"]) == "Mødekalender for Klynge A (alle organer)"


def test_person_feed_has_the_meetings_of_the_persons_active_bodies(client, structure, member_user):
    person = Person.objects.get(user=member_user)
    ended = make_person("Tidligere Medlem")
    make_membership(ended, structure.other_body, end=datetime.date(2022, 12, 31))
    mine = make_meeting(structure.political, date=SOON)
    make_meeting(structure.other_body, date=SOON)
    calendar, _ = _feed(client, "person_ics", person.slug)
    assert set(_events(calendar)) == {f"{mine.uid}@klynge"}
    assert str(calendar["X-WR-CALNAME"]) == f"Møder for {person.name}"
    assert _events(_feed(client, "person_ics", ended.slug)[0]) == {}


def test_old_meetings_fall_out_of_the_feed(client, structure):
    old = make_meeting(structure.political, date=datetime.date.today() - datetime.timedelta(days=3 * 365))
    recent = make_meeting(structure.political, date=datetime.date.today() - datetime.timedelta(days=30))
    uids = set(_events(_feed(client, "body_ics", structure.political.slug)[0]))
    assert uids == {f"{recent.uid}@klynge"} and f"{old.uid}@klynge" not in uids


def test_feeds_of_unknown_bodies_and_persons_are_404(client, db):
    assert client.get(reverse("meetings:body_ics", args=["findes-ikke"])).status_code == 404
    assert client.get(reverse("meetings:cluster_ics", args=["findes-ikke"])).status_code == 404
    assert client.get(reverse("meetings:person_ics", args=["findes-ikke"])).status_code == 404


def test_feed_queries_do_not_grow_with_the_number_of_meetings(client, structure, django_assert_max_num_queries):
    from .factories import make_item

    for n in range(12):
        meeting = make_meeting(structure.political, date=SOON + datetime.timedelta(days=n),
                               status=MeetingStatus.AGENDA_PUBLISHED)
        make_item(meeting, title="Punkt")
        make_item(meeting, title="Lukket", closed=True)
    with django_assert_max_num_queries(8):
        calendar, _ = _feed(client, "cluster_ics", structure.cluster.slug)
    assert len(_events(calendar)) == 12
