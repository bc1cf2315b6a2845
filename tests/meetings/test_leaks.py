"""Issue 9, leaks 1-5: each leak as it was reproduced, and the rule that now holds.

The leak crawler (tests/security/test_leak_crawler.py) checks the whole class over every URL;
these tests pin each finding on its own page or action.
"""

import datetime
import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.utils import timezone
from docx import Document

from klynge.funds.forms import InitiativeForm
from klynge.funds.models import Initiative
from klynge.meetings import actions, visibility
from klynge.meetings.choices import MeetingStatus, PlaceKind, ProposalStatus
from klynge.meetings.models import MinutesRevision, Proposal, Task
from klynge.organisation.choices import Role
from tests.conftest import make_persona

from .factories import make_item, make_meeting, make_task

D = datetime.date
SECRET = "Lejemål til akutklinik i Fredericia"
LINK = "https://moede.example.invalid/hemmeligt-rum"


@pytest.fixture
def other_secretariat_user(structure):
    return make_persona("sekretariat-b", structure.other_cluster, Role.SECRETARIAT)


def _shared_matter(structure):
    """A matter created by a closed item in A and later treated in the open in B."""
    closed_meeting = make_meeting(structure.political, date=D(2023, 1, 10), status=MeetingStatus.MINUTES_PUBLISHED)
    closed = make_item(closed_meeting, title=SECRET, closed=True, case_number="22/4711")
    matter = actions.link_item_to_matter(closed)
    open_meeting = make_meeting(structure.other_body, date=D(2023, 3, 1), status=MeetingStatus.AGENDA_PUBLISHED)
    actions.link_item_to_matter(make_item(open_meeting, title="Akutklinik: fælles status", case_number="22/4711"))
    return matter


# --- 1. a closed matter's title on the funds pages ---------------------------------------------

def test_a_matter_never_prints_its_title_without_a_user(structure):
    matter = _shared_matter(structure)
    assert SECRET not in str(matter)
    assert str(matter) == f"Sag #{matter.pk}"


def test_a_matter_is_named_by_what_each_user_may_see(structure, member_user, other_cluster_user):
    matter = _shared_matter(structure)
    assert matter.title_for(member_user) == SECRET
    assert matter.title_for(other_cluster_user) == "Akutklinik: fælles status"
    planned = make_meeting(structure.political, date=D(2023, 6, 1))
    hidden = actions.link_item_to_matter(make_item(planned, title="Ikke offentligt", case_number="22/9"))
    assert hidden.title_for(other_cluster_user) == f"Sag #{hidden.pk}"


def test_other_clusters_funds_history_does_not_show_the_closed_matter_title(structure, login, other_cluster_user):
    matter = _shared_matter(structure)
    initiative = Initiative.objects.create(cluster=structure.other_cluster, number="1", title="Akutklinik")
    initiative.matter = matter
    initiative._change_reason = "Sag knyttet"
    initiative.save()
    page = login(other_cluster_user).get("/klyngemidler/klynge-b/historik/").content.decode()
    assert "Akutklinik: fælles status" in page
    assert SECRET not in page


def test_initiative_form_lists_matters_under_the_title_the_editor_may_see(structure, other_secretariat_user):
    matter = _shared_matter(structure)
    form = InitiativeForm(cluster=structure.other_cluster, user=other_secretariat_user)
    choices = [label for value, label in form.fields["matter"].choices if value]
    assert choices == ["Akutklinik: fælles status"]
    assert SECRET not in form.as_p()
    assert list(form.fields["matter"].queryset) == [matter]


# --- 2. a proposal made from a closed item ------------------------------------------------------

def test_proposing_from_a_closed_item_makes_a_closed_proposal_and_says_so(structure, login, member_user):
    meeting = make_meeting(structure.political, status=MeetingStatus.AGENDA_PUBLISHED)
    closed = make_item(meeting, title=SECRET, closed=True)
    client = login(member_user)
    page = client.get(f"/punkter/{closed.pk}/foreslaa/").content.decode()
    assert "forslaget bliver også lukket" in page
    response = client.post(f"/punkter/{closed.pk}/foreslaa/", {
        "target_body": structure.other_body.pk, "title": SECRET, "summary": "", "description": "",
        "case_number": "", "closed": "",  # an attempt to open it is ignored
    })
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert proposal.closed is True


def test_a_closed_proposal_is_seen_by_the_source_members_and_the_target_secretariat_only(
        structure, member_user, other_cluster_user, other_secretariat_user, login):
    meeting = make_meeting(structure.political, status=MeetingStatus.AGENDA_PUBLISHED)
    closed = make_item(meeting, title=SECRET, closed=True)
    proposal = Proposal.objects.create(source_item=closed, target_body=structure.other_body, title=SECRET,
                                       closed=True, proposed_by=member_user)
    assert visibility.can_see_proposal(member_user, proposal)
    assert visibility.can_see_proposal(other_secretariat_user, proposal)
    assert not visibility.can_see_proposal(other_cluster_user, proposal)
    visible_to_b = Proposal.objects.filter(visibility.visible_proposals_q(other_cluster_user))
    assert not visible_to_b.exists()
    queue = login(other_secretariat_user).get(f"/organer/{structure.other_body.slug}/forslag/").content.decode()
    assert SECRET in queue and "optages som et lukket punkt" in queue


def test_accepting_a_closed_proposal_creates_a_closed_item(structure, member_user, other_secretariat_user):
    meeting = make_meeting(structure.political, status=MeetingStatus.AGENDA_PUBLISHED)
    closed = make_item(meeting, title=SECRET, closed=True)
    proposal = Proposal.objects.create(source_item=closed, target_body=structure.other_body, title=SECRET,
                                       closed=True, proposed_by=member_user)
    target = make_meeting(structure.other_body, date=D(2023, 9, 1))
    item = actions.accept_proposal(proposal, target, other_secretariat_user)
    assert item.closed is True
    assert proposal.status == ProposalStatus.ACCEPTED
    with pytest.raises(ValidationError):
        actions.accept_proposal(proposal, target, other_secretariat_user)


# --- 3. the reason for correcting a closed item -------------------------------------------------

def test_correction_reason_of_a_closed_item_is_shown_only_to_those_who_see_the_item(
        structure, client, login, member_user, other_cluster_user):
    meeting = make_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED)
    closed = make_item(meeting, title=SECRET, closed=True, decision="Godkendt.")
    MinutesRevision.objects.create(meeting=meeting, reason="Beløbet i lejekontrakten var forkert",
                                   changes=[{"item": closed.number, "item_pk": closed.pk, "field": "decision"}])
    for viewer in (client, login(other_cluster_user)):
        page = viewer.get(f"/moeder/{meeting.pk}/").content.decode()
        assert "Rettelser efter godkendelse" in page
        assert "Rettelse af et lukket punkt" in page
        assert "lejekontrakten" not in page
    page = login(member_user).get(f"/moeder/{meeting.pk}/").content.decode()
    assert "Beløbet i lejekontrakten var forkert" in page


def test_the_revision_form_records_which_item_was_corrected(structure, login, secretariat_user, client):
    meeting = make_meeting(structure.political, status=MeetingStatus.MINUTES_APPROVED)
    closed = make_item(meeting, title=SECRET, closed=True, decision="Godkendt.")
    response = login(secretariat_user).post(f"/moeder/{meeting.pk}/ret-referat/", {
        "item": closed.pk, "decision": "Godkendt med ændringer.",
        "reason": "Rettet efter lejekontrakten", "loaded_version": meeting.version})
    assert response.status_code == 302
    assert MinutesRevision.objects.get().changes[0]["item_pk"] == closed.pk


# --- 4. tasks, minutes and decisions before the minutes are published ----------------------------

def test_follow_up_lists_tasks_only_once_the_minutes_are_published(structure, client, login, secretariat_user):
    draft = make_meeting(structure.political, status=MeetingStatus.MINUTES_DRAFT)
    make_task(make_item(draft), "Udkastets opgave")
    planned = make_meeting(structure.political, date=D(2023, 4, 1))
    make_task(make_item(planned), "Den upublicerede dagsordens opgave")
    published = make_meeting(structure.political, date=D(2023, 5, 1), status=MeetingStatus.MINUTES_PUBLISHED)
    make_task(make_item(published), "Den offentlige opgave")
    page = client.get("/opfoelgning/klynge-a/").content.decode()
    assert "Den offentlige opgave" in page
    assert "Udkastets opgave" not in page and "upublicerede" not in page
    page = login(secretariat_user).get("/opfoelgning/klynge-a/").content.decode()
    assert "Udkastets opgave" in page


def test_matter_page_lists_open_tasks_only_once_the_minutes_are_published(structure, client):
    draft = make_meeting(structure.political, status=MeetingStatus.MINUTES_DRAFT)
    item = make_item(draft, title="Demens", case_number="22/1")
    make_task(item, "Udkastets opgave")
    matter = actions.link_item_to_matter(item)
    page = client.get(f"/sager/{matter.pk}/").content.decode()
    assert "Demens" in page and "Udkastets opgave" not in page


def test_search_does_not_find_words_that_stand_only_in_draft_minutes(structure, client, login, secretariat_user):
    draft = make_meeting(structure.political, status=MeetingStatus.MINUTES_DRAFT)
    make_item(draft, title="Demens", minutes="Drøftelse af flytteplanen", decision="Besluttet flytteplanen")
    assert "Demens" not in client.get("/soeg/?q=flytteplanen").content.decode()
    assert "Demens" in client.get("/soeg/?q=Demens").content.decode()  # the agenda itself is public
    assert "Demens" in login(secretariat_user).get("/soeg/?q=flytteplanen").content.decode()


def test_the_task_filter_agrees_with_the_per_meeting_rules_for_every_status_and_persona(
        structure, member_user, secretariat_user, other_cluster_user):
    for status in MeetingStatus.values:
        for closed in (False, True):
            meeting = make_meeting(structure.political, status=status)
            make_task(make_item(meeting, closed=closed))
    for user in (AnonymousUser(), member_user, secretariat_user, other_cluster_user):
        shown = set(visibility.visible_tasks(user).values_list("pk", flat=True))
        expected = {
            t.pk for t in Task.objects.select_related("item__meeting__body")
            if visibility.can_see_agenda(user, t.item.meeting) and visibility.can_see_minutes(user, t.item.meeting)
            and (not t.item.closed or visibility.can_see_closed(user, t.item.meeting))
        }
        assert shown == expected, user


# --- 5. the virtual meeting link -----------------------------------------------------------------

def _virtual(structure):
    """A virtual meeting next month (feeds reach two years back, so it is in them)."""
    soon = timezone.localdate() + datetime.timedelta(days=30)
    return make_meeting(structure.political, date=soon, status=MeetingStatus.AGENDA_PUBLISHED,
                        place_kind=PlaceKind.VIRTUAL, address="", online_link=LINK)


def test_the_meeting_link_is_for_members_on_the_page_in_files_and_in_feeds(
        structure, client, login, member_user, other_cluster_user):
    meeting = _virtual(structure)
    for viewer in (client, login(other_cluster_user)):
        assert LINK not in viewer.get(f"/moeder/{meeting.pk}/").content.decode()
        word = Document(io.BytesIO(viewer.get(f"/moeder/{meeting.pk}/dagsorden.docx").content))
        assert LINK not in "\n".join(p.text for p in word.paragraphs) + str(
            [c.text for t in word.tables for r in t.rows for c in r.cells])
    for feed in (f"/kalender/organ/{structure.political.slug}.ics", "/kalender/klynge/klynge-a.ics"):
        text = client.get(feed).content.decode().replace("\r\n ", "")
        assert str(meeting.uid) in text and "hemmeligt-rum" not in text
    member = login(member_user)
    assert LINK in member.get(f"/moeder/{meeting.pk}/").content.decode()


def test_a_body_that_publishes_its_link_shows_it_to_everyone(structure, client):
    structure.political.publishes_online_link = True
    structure.political.save()
    meeting = _virtual(structure)
    assert LINK in client.get(f"/moeder/{meeting.pk}/").content.decode()
    feed = client.get(f"/kalender/organ/{structure.political.slug}.ics").content.decode().replace("\r\n ", "")
    assert "hemmeligt-rum" in feed


def test_the_proposal_filter_agrees_with_the_per_proposal_rule(
        structure, member_user, secretariat_user, other_cluster_user, other_secretariat_user):
    meeting = make_meeting(structure.political, status=MeetingStatus.AGENDA_PUBLISHED)
    for closed in (False, True):
        item = make_item(meeting, closed=closed)
        for target in (structure.political, structure.other_body):
            Proposal.objects.create(source_item=item, target_body=target, title="Forslag", closed=closed)
    for user in (AnonymousUser(), member_user, secretariat_user, other_cluster_user, other_secretariat_user):
        shown = set(Proposal.objects.filter(visibility.visible_proposals_q(user)).values_list("pk", flat=True))
        expected = {p.pk for p in Proposal.objects.all() if visibility.can_see_proposal(user, p)}
        assert shown == expected, user
