"""Mit overblik and the personal calendar address (issue 13, point 14)."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from klynge.meetings.choices import MeetingStatus, TaskOwnerKind, TaskStatus
from klynge.meetings.models import PersonalFeed, Proposal, Task
from klynge.organisation.choices import Role
from klynge.organisation.models import Membership
from tests.conftest import make_persona
from tests.meetings.factories import make_attachment, make_item, make_meeting

pytestmark = pytest.mark.django_db


def _soon(days=10):
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def coming(structure):
    meeting = make_meeting(structure.political, date=_soon(), status=MeetingStatus.AGENDA_PUBLISHED,
                           place_kind="hybrid", online_link="https://moede.example.invalid/hemmeligt-link")
    open_item = make_item(meeting, title="Åbent punkt om genoptræning")
    make_attachment(open_item, title="Notat om genoptræning", file="bilag/notat.txt")
    closed = make_item(meeting, title="Lukket punkt om personalesag", closed=True)
    make_attachment(closed, title="Fortroligt bilag", file="bilag/fortroligt.txt")
    other = make_meeting(structure.other_body, date=_soon(), status=MeetingStatus.AGENDA_PUBLISHED)
    make_item(other, title="Punkt i klynge B")
    return meeting, open_item, closed, other


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_member_sees_coming_meetings_of_own_bodies_with_papers_tasks_proposals_and_minutes_in_review(
        structure, member_user, coming):
    meeting, open_item, closed, other = coming
    person = member_user.person
    held = make_meeting(structure.political, date=_soon(-20), status=MeetingStatus.MINUTES_IN_REVIEW)
    task_item = make_item(held, title="Punkt med opgave")
    Task.objects.create(item=task_item, description="Undersøg ventetider", owner_kind=TaskOwnerKind.PERSON,
                        owner_person=person, due=_soon(30))
    Proposal.objects.create(target_body=structure.political, title="Forslag om demens", proposed_by=member_user)
    page = _client(member_user).get(reverse("meetings:overview")).content.decode()
    assert "Klynge A – Politisk niveau" in page
    assert "Notat om genoptræning" in page and "Fortroligt bilag" in page  # a member may read closed papers
    assert reverse("meetings:members_packet_pdf", args=[meeting.pk]) in page
    assert "Undersøg ventetider" in page
    assert "Forslag om demens" in page and "Afventer" in page
    assert reverse("meetings:minutes_pdf", args=[held.pk]) in page  # the draft waiting for comments
    assert "Meld afbud" in page
    assert "Punkt i klynge B" not in page and other.get_absolute_url() not in page


def test_a_member_of_another_cluster_sees_none_of_cluster_a_on_the_overview(structure, other_cluster_user, coming):
    page = _client(other_cluster_user).get(reverse("meetings:overview")).content.decode()
    assert "Fortroligt bilag" not in page and "Notat om genoptræning" not in page
    assert "Klynge A" not in page


def test_a_secretariat_sees_the_bodies_it_serves_with_their_open_tasks_and_no_apologies_button(
        structure, secretariat_user, coming):
    meeting, open_item, closed, _ = coming
    Task.objects.create(item=open_item, description="Sekretariatet udarbejder notat")
    page = _client(secretariat_user).get(reverse("meetings:overview")).content.decode()
    assert "Du er sekretariat" in page and "Fortroligt bilag" in page
    assert "Åbne opgaver i de organer, du er sekretariat for" in page
    assert "Meld afbud" not in page


def test_the_personal_feed_shows_closed_items_and_the_link_only_for_the_owners_bodies(
        structure, member_user, other_cluster_user, coming):
    member_feed = PersonalFeed.objects.create(user=member_user)
    other_feed = PersonalFeed.objects.create(user=other_cluster_user)
    anonymous = Client()
    mine = anonymous.get(reverse("meetings:personal_ics", args=[member_feed.address_token]))
    assert mine.status_code == 200 and mine["Cache-Control"] == "private, no-store"
    text = mine.content.decode().replace("\r\n ", "")
    assert "Lukket punkt om personalesag" in text
    assert "hemmeligt-link" in text
    assert "Punkt i klynge B" not in text
    theirs = anonymous.get(reverse("meetings:personal_ics", args=[other_feed.address_token])).content.decode()
    theirs = theirs.replace("\r\n ", "")
    assert "personalesag" not in theirs and "hemmeligt-link" not in theirs and "genoptræning" not in theirs
    assert "Punkt i klynge B" in theirs


def test_a_wrong_or_renewed_token_answers_404_and_an_ended_membership_leaves_the_feed(
        structure, member_user, coming):
    client = _client(member_user)
    client.post(reverse("meetings:feed_renew"))
    old = PersonalFeed.objects.get(user=member_user).address_token
    assert client.get(reverse("meetings:personal_ics", args=[old])).status_code == 200
    client.post(reverse("meetings:feed_renew"))
    new = PersonalFeed.objects.get(user=member_user).address_token
    assert new != old and len(new) >= 40
    assert Client().get(reverse("meetings:personal_ics", args=[old])).status_code == 404
    assert Client().get(reverse("meetings:personal_ics", args=["x" * 43])).status_code == 404
    Membership.objects.filter(person=member_user.person).update(end=timezone.localdate() - datetime.timedelta(days=1))
    text = Client().get(reverse("meetings:personal_ics", args=[new])).content.decode().replace("\r\n ", "")
    assert "personalesag" not in text and "BEGIN:VEVENT" not in text


def test_the_overview_shows_the_calendar_address_only_to_its_owner(structure, member_user, secretariat_user):
    feed = PersonalFeed.objects.create(user=member_user)
    assert feed.address_token in _client(member_user).get(reverse("meetings:overview")).content.decode()
    assert feed.address_token not in _client(secretariat_user).get(reverse("meetings:overview")).content.decode()


def test_the_overview_asks_for_login(structure):
    response = Client().get(reverse("meetings:overview"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_task_owned_by_a_body_shows_in_its_secretariats_overview_and_follow_up(structure, coming):
    meeting, open_item, _, _ = coming
    meeting.status = MeetingStatus.MINUTES_PUBLISHED
    meeting.save()
    b_secretariat = make_persona("sekr-b", structure.other_cluster, Role.SECRETARIAT)
    Task.objects.create(item=open_item, description="Klynge B følger op på genoptræning",
                        owner_body=structure.other_body, status=TaskStatus.IN_PROGRESS)
    page = _client(b_secretariat).get(reverse("meetings:overview")).content.decode()
    assert "Klynge B følger op på genoptræning" in page
    follow = Client().get(reverse("meetings:followup_cluster", args=[structure.other_cluster.slug]))
    assert "Klynge B følger op på genoptræning" in follow.content.decode()


def test_no_table_holds_a_usable_calendar_address_and_a_tampered_key_opens_nothing(structure, member_user, coming):
    from klynge.meetings.models.personal import legacy_digest

    feed = PersonalFeed.objects.create(user=member_user)
    pk, _, key = feed.address_token.partition(".")
    stored = [feed.secret, feed.legacy_digest, *feed.history.values_list("secret", flat=True)]
    assert key not in " ".join(stored)
    tampered = f"{pk}.{key[:-1]}{'0' if key[-1] != '0' else '1'}"
    for token in (tampered, f"{pk}.", f"x.{key}", f"{pk}.{feed.secret}", feed.secret):
        assert Client().get(reverse("meetings:personal_ics", args=[token])).status_code == 404, token

    # An address given out before addresses were keyed (the token itself) keeps working until renewed.
    old_address = "gammel-adresse-fra-foer-noeglerne-" + "a" * 20
    PersonalFeed.objects.filter(pk=feed.pk).update(legacy_digest=legacy_digest(old_address))
    assert Client().get(reverse("meetings:personal_ics", args=[old_address])).status_code == 200
    feed.refresh_from_db()
    feed.renew()
    assert Client().get(reverse("meetings:personal_ics", args=[old_address])).status_code == 404
