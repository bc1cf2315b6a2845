"""Assignments across bodies, recurring tasks and escalation of matters (issue 14, point 6).

After the corpus: the Sundhedssamarbejdsudvalg gave the clusters a task (Lillebælt minutes, item 3:
"givet klyngerne en opgave med at sikre et lettilgængeligt overblik over tilbud til børn og unge"),
the structure is to be evaluated after a year (item 6) and the meeting form is discussed yearly
(Randers minutes, item 6).
"""

import datetime

import pytest
from django.core.exceptions import ValidationError

from klynge.meetings import actions, assignments
from klynge.meetings.choices import MeetingStatus, ProposalStatus, TaskStatus
from klynge.meetings.models import MatterMove, Proposal, Task
from klynge.organisation.choices import Role
from klynge.organisation.models import Body, BodyKind, BodyLevel

from ..conftest import make_persona
from .factories import make_item, make_meeting, make_task

D = datetime.date


# --- pure rules ------------------------------------------------------------------------------

def test_adding_months_keeps_the_day_or_takes_the_last_day_of_a_short_month():
    assert assignments.add_months(D(2023, 1, 31), 1) == D(2023, 2, 28)
    assert assignments.add_months(D(2024, 2, 29), 12) == D(2025, 2, 28)
    assert assignments.add_months(D(2022, 12, 7), 12) == D(2023, 12, 7)
    assert assignments.add_months(D(2023, 11, 15), 3) == D(2024, 2, 15)


def test_the_next_due_date_is_never_in_the_past_of_the_day_the_task_was_closed():
    assert assignments.next_due(D(2023, 11, 1), 12, D(2023, 10, 20)) == D(2024, 11, 1)
    assert assignments.next_due(D(2023, 11, 1), 12, D(2025, 1, 5)) == D(2025, 11, 1)
    assert assignments.next_due(None, 12, D(2023, 1, 1)) is None
    assert assignments.next_due(D(2023, 1, 1), None, D(2023, 1, 1)) is None


def test_fanning_out_needs_a_cluster_that_is_not_the_giver_and_not_a_part():
    assert "mindst én klynge" in assignments.part_problem(False, [], 1)
    assert "selv har givet" in assignments.part_problem(False, [1, 2], 1)
    assert "del af en fordelt opgave" in assignments.part_problem(True, [2], 1)
    assert assignments.part_problem(False, [2, 3], 1) == ""


def test_an_assignment_is_done_only_when_every_part_is_closed_and_the_message_names_the_missing():
    message = assignments.close_problem(TaskStatus.DONE, ["Klynge B", "Klynge A"])
    assert message.endswith("Mangler: Klynge A og Klynge B.")
    assert assignments.close_problem(TaskStatus.CANCELLED, ["Klynge A"]) == ""
    assert assignments.close_problem(TaskStatus.DONE, []) == ""


def test_the_summary_counts_parts_by_status_and_overdue_ones():
    today = D(2023, 3, 1)
    parts = [{"status": TaskStatus.DONE, "due": D(2023, 2, 1)}, {"status": TaskStatus.OPEN, "due": D(2023, 2, 1)},
             {"status": TaskStatus.IN_PROGRESS, "due": D(2023, 4, 1)}, {"status": TaskStatus.CANCELLED, "due": None}]
    got = assignments.summary(parts, today)
    assert got == {"total": 4, "open": 1, "in_progress": 1, "done": 1, "cancelled": 1, "overdue": 1,
                   "closed_percent": 50}
    assert assignments.summary([], today)["closed_percent"] == 0


# --- the region-wide body and its assignment --------------------------------------------------

@pytest.fixture
def ssu(structure):
    kind = BodyKind.objects.get_or_create(name="Regionalt udvalg")[0]
    level = BodyLevel.objects.get_or_create(name="Politisk", defaults={"rank": 10})[0]
    return Body.objects.create(name="Sundhedssamarbejdsudvalget (Testland)", slug="ssu-testland", kind=kind,
                               level=level, region=structure.region, active_from=D(2022, 7, 1))


@pytest.fixture
def ssu_secretariat(ssu, structure):
    return make_persona("sekretariat-ssu", ssu, Role.SECRETARIAT, structure.region)


@pytest.fixture
def assignment(ssu):
    meeting = make_meeting(ssu, date=D(2022, 10, 12), status=MeetingStatus.MINUTES_PUBLISHED)
    item = make_item(meeting, title="Børn og unges trivsel")
    return make_task(item, description="Sikre et lettilgængeligt overblik over tilbud til børn og unge, "
                                       "målrettet almen praksis.", due=D(2023, 3, 1), owner_body=ssu)


def test_the_region_wide_secretariat_gives_one_task_to_every_cluster_and_sees_the_whole(
        structure, assignment, ssu_secretariat, login):
    client = login(ssu_secretariat)
    page = client.get(f"/opgaver/{assignment.pk}/").content.decode()
    assert "Fordel opgaven til klynger" in page and "Klynge A" in page and "Klynge B" in page
    response = client.post(f"/opgaver/{assignment.pk}/fordel/",
                           {"bodies": [structure.cluster.pk, structure.other_cluster.pk]})
    assert response.status_code == 302
    parts = list(assignment.parts.order_by("owner_body__name"))
    assert [p.owner_body for p in parts] == [structure.cluster, structure.other_cluster]
    assert all(p.due == D(2023, 3, 1) and p.status == TaskStatus.OPEN for p in parts)
    page = client.get(f"/opgaver/{assignment.pk}/").content.decode()
    assert "2 dele: 0 løst, 0 i gang, 2 åbne" in page


def test_fanning_out_to_no_cluster_gives_a_danish_message_and_creates_nothing(assignment, ssu_secretariat, login):
    client = login(ssu_secretariat)
    response = client.post(f"/opgaver/{assignment.pk}/fordel/", {"bodies": []}, follow=True)
    assert "Vælg mindst én klynge" in response.content.decode()
    assert not assignment.parts.exists()


def test_each_cluster_secretariat_records_its_own_part_and_only_its_own(
        structure, assignment, secretariat_user, login):
    assignments.fan_out(assignment, [structure.cluster, structure.other_cluster])
    mine = assignment.parts.get(owner_body=structure.cluster)
    theirs = assignment.parts.get(owner_body=structure.other_cluster)
    client = login(secretariat_user)
    response = client.post(f"/opgaver/{mine.pk}/status/", {"status": TaskStatus.IN_PROGRESS,
                                                           "progress_note": "Overblikket er under udarbejdelse.",
                                                           "progress_on": "2023-01-15"})
    assert response.status_code == 302
    mine.refresh_from_db()
    assert (mine.status, mine.progress_note, mine.progress_on) == (
        TaskStatus.IN_PROGRESS, "Overblikket er under udarbejdelse.", D(2023, 1, 15))
    assert client.post(f"/opgaver/{theirs.pk}/status/", {"status": TaskStatus.DONE,
                                                         "progress_note": "x"}).status_code == 403
    page = client.get(f"/opgaver/{assignment.pk}/").content.decode()
    assert "Overblikket er under udarbejdelse." in page
    assert page.count("Opdater status") == 1


def test_a_part_closed_without_a_note_is_refused_in_danish_and_not_saved(
        structure, assignment, secretariat_user, login):
    assignments.fan_out(assignment, [structure.cluster])
    part = assignment.parts.get()
    page = login(secretariat_user).post(f"/opgaver/{part.pk}/status/", {"status": TaskStatus.DONE,
                                                                       "progress_note": " "}).content.decode()
    assert "Skriv en kort note" in page
    part.refresh_from_db()
    assert part.status == TaskStatus.OPEN


def test_the_assignment_cannot_be_done_while_a_cluster_has_not_finished(
        structure, assignment, ssu_secretariat, login):
    assignments.fan_out(assignment, [structure.cluster, structure.other_cluster])
    part = assignment.parts.get(owner_body=structure.cluster)
    assignments.update_part(part, TaskStatus.DONE, "Overblikket er sendt til almen praksis.", D(2023, 2, 1))
    page = login(ssu_secretariat).post(f"/opgaver/{assignment.pk}/afslut/", {
        "status": TaskStatus.DONE, "closed_note": "Alle klynger har et overblik.",
        "loaded_version": assignment.version}).content.decode()
    assert "Mangler: Klynge B." in page
    assignment.refresh_from_db()
    assert assignment.status == TaskStatus.OPEN and assignment.closed_note == ""


def test_cancelling_the_assignment_cancels_the_open_parts(structure, assignment):
    assignments.fan_out(assignment, [structure.cluster, structure.other_cluster])
    assignments.close_task(assignment, TaskStatus.CANCELLED, "Opgaven er overtaget af sundhedsrådet.")
    assert set(assignment.parts.values_list("status", flat=True)) == {TaskStatus.CANCELLED}


def test_the_public_sees_an_assignment_only_once_the_minutes_are_published(structure, assignment, client):
    assignments.fan_out(assignment, [structure.cluster])
    assert client.get(f"/opgaver/{assignment.pk}/").status_code == 200
    meeting = assignment.item.meeting
    meeting.status = MeetingStatus.HELD
    meeting.save()
    assert client.get(f"/opgaver/{assignment.pk}/").status_code == 404
    assert client.get(f"/opgaver/{assignment.parts.get().pk}/").status_code == 404


def test_the_public_cannot_fan_out_or_update(structure, assignment, client, member_user, login):
    assignments.fan_out(assignment, [structure.cluster])
    part = assignment.parts.get()
    assert client.post(f"/opgaver/{assignment.pk}/fordel/", {"bodies": [structure.other_cluster.pk]}
                       ).status_code == 302  # to the login page
    member = login(member_user)
    assert member.post(f"/opgaver/{part.pk}/status/", {"status": TaskStatus.DONE, "progress_note": "x"}
                       ).status_code == 403
    assert member.post(f"/opgaver/{assignment.pk}/fordel/", {"bodies": [structure.other_cluster.pk]}
                       ).status_code == 403
    assert assignment.parts.count() == 1


# --- recurring tasks -------------------------------------------------------------------------

def test_closing_a_yearly_task_creates_the_next_one_a_year_later_with_its_parts(structure, assignment):
    assignment.recur_months = 12
    assignment.save()
    assignments.fan_out(assignment, [structure.cluster])
    assignments.update_part(assignment.parts.get(), TaskStatus.DONE, "Drøftet på mødet.", D(2023, 2, 1))
    following = assignments.close_task(assignment, TaskStatus.DONE, "Drøftet i alle klynger.")
    assert following.previous == assignment and following.recur_months == 12
    assert following.due > assignment.due and following.due.month == 3 and following.due.day == 1
    assert following.status == TaskStatus.OPEN
    assert [p.owner_body for p in following.parts.all()] == [structure.cluster]


def test_a_task_that_is_not_recurring_or_cancelled_creates_no_next_one(assignment):
    assert assignments.close_task(assignment, TaskStatus.DONE, "Løst.") is None
    recurring = make_task(assignment.item, due=D(2023, 12, 7), recur_months=12)
    assert assignments.close_task(recurring, TaskStatus.CANCELLED, "Ikke længere relevant.") is None
    assert not Task.objects.filter(previous=recurring).exists()


def test_a_recurring_task_needs_a_due_date(assignment):
    task = Task(item=assignment.item, description="Årlig drøftelse af mødeformen", recur_months=12)
    with pytest.raises(ValidationError) as error:
        task.full_clean()
    assert "skal have en frist" in str(error.value)


def test_the_secretariat_sets_a_yearly_recurrence_when_creating_a_task_and_closing_makes_the_next(
        structure, secretariat_user, login):
    meeting = make_meeting(structure.political, date=D(2023, 11, 1), status=MeetingStatus.MINUTES_PUBLISHED)
    item = make_item(meeting, title="Årlig drøftelse af møde- og samarbejdsform")
    client = login(secretariat_user)
    response = client.post(f"/punkter/{item.pk}/opgaver/ny/", {
        "description": "Drøft møde- og samarbejdsformen", "owner_kind": "secretariat", "due": "2024-11-01",
        "recur_months": "12"})
    assert response.status_code == 302
    task = item.tasks.get()
    response = client.post(f"/opgaver/{task.pk}/afslut/", {"status": TaskStatus.DONE,
                                                            "closed_note": "Drøftet; mødeformen fastholdes.",
                                                            "loaded_version": task.version},
                           follow=True)
    assert "Den næste gang er oprettet med frist" in response.content.decode()
    assert Task.objects.get(previous=task).due.month == 11


# --- escalation ------------------------------------------------------------------------------

@pytest.fixture
def matter(structure):
    meeting = make_meeting(structure.working_group, date=D(2023, 2, 1), status=MeetingStatus.MINUTES_PUBLISHED)
    item = make_item(meeting, title="Ventetid på lettilgængelige tilbud", case_number="23/100")
    return actions.link_item_to_matter(item)


def test_the_levels_above_a_working_group_are_its_parent_then_the_region_wide_bodies(structure, ssu):
    targets = assignments.escalation_targets(structure.working_group)
    assert targets == [structure.political, ssu]
    assert "intet niveau over sig" in assignments.escalation_problem(structure.political, None, "x")
    assert "begrundelse" in assignments.escalation_problem(structure.working_group, structure.political, " ")


def test_a_secretariat_escalates_a_matter_with_a_reason_and_its_page_shows_where_and_why(
        structure, matter, secretariat_user, client, login):
    response = login(secretariat_user).post(f"/sager/{matter.pk}/flyt/", {
        "to_body": structure.political.pk, "reason": "Kræver en politisk prioritering af ressourcer."})
    assert response.status_code == 302
    move = MatterMove.objects.get()
    assert (move.from_body, move.to_body) == (structure.working_group, structure.political)
    matter.refresh_from_db()
    assert matter.owner_body == structure.political
    proposal = Proposal.objects.get(target_body=structure.political)
    assert proposal.status == ProposalStatus.PENDING and "politisk prioritering" in proposal.summary
    client.logout()
    page = client.get(f"/sager/{matter.pk}/").content.decode()
    assert "Flytninger" in page and "Kræver en politisk prioritering af ressourcer." in page
    assert "Klynge A – Politisk niveau" in page


def test_escalating_without_a_reason_is_refused_in_danish_and_nothing_is_saved(
        structure, matter, secretariat_user, login):
    page = login(secretariat_user).post(f"/sager/{matter.pk}/flyt/", {
        "to_body": structure.political.pk, "reason": "  "}).content.decode()
    assert "Skriv en begrundelse" in page
    assert not MatterMove.objects.exists() and not Proposal.objects.exists()
    matter.refresh_from_db()
    assert matter.owner_body is None


def test_only_the_owning_secretariat_may_escalate(structure, matter, member_user, other_cluster_user, login, client):
    assert client.get(f"/sager/{matter.pk}/flyt/").status_code == 302
    assert login(member_user).get(f"/sager/{matter.pk}/flyt/").status_code == 403
    assert login(other_cluster_user).post(f"/sager/{matter.pk}/flyt/", {
        "to_body": structure.political.pk, "reason": "x"}).status_code == 403
    assert not MatterMove.objects.exists()


def test_the_reason_of_a_move_is_not_shown_to_the_public_when_the_matter_has_a_closed_item(
        structure, matter, secretariat_user, client):
    meeting = make_meeting(structure.working_group, date=D(2023, 3, 1), status=MeetingStatus.MINUTES_PUBLISHED)
    actions.link_item_to_matter(make_item(meeting, title="Lukket: lejemål", closed=True, case_number="23/100"))
    assignments.escalate(matter, structure.working_group, "Lejemålet kræver politisk mandat.", secretariat_user,
                         structure.political)
    page = client.get(f"/sager/{matter.pk}/").content.decode()
    assert "Flytninger" in page and "Lejemålet kræver politisk mandat." not in page
