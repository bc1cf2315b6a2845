import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from klynge.governance import actions, rules
from klynge.governance.choices import Outcome, ProcedureStatus, Vote
from klynge.governance.models import DelegatedDecision, Delegation, WrittenProcedure
from klynge.meetings.choices import ItemKind
from klynge.organisation.choices import Role
from klynge.organisation.models import Membership, Person
from tests.conftest import make_persona
from tests.meetings.factories import make_item, make_meeting

D = datetime.date
SOON = datetime.timedelta(days=3)


def test_more_agree_than_disagree_approves_and_silence_does_not_count():
    assert rules.outcome_of([Vote.AGREE, Vote.AGREE, Vote.DISAGREE, "", Vote.ABSTAIN]) == Outcome.APPROVED
    assert rules.outcome_of([Vote.AGREE, Vote.DISAGREE, ""]) == Outcome.NOT_APPROVED
    assert rules.outcome_of(["", ""]) == Outcome.NOT_APPROVED


def test_a_delegation_is_refused_before_its_start_and_after_its_end_with_the_dates_named():
    assert rules.delegation_refusal(D(2024, 1, 1), D(2024, 12, 31), D(2024, 6, 1)) is None
    assert rules.delegation_refusal(D(2024, 1, 1), None, D(2030, 1, 1)) is None
    assert rules.delegation_refusal(D(2024, 1, 1), D(2024, 12, 31), D(2025, 1, 2)) == (
        "Bemyndigelsen udløb 31. december 2024 og kan ikke bruges 2. januar 2025.")
    assert "først fra 1. januar 2024" in rules.delegation_refusal(D(2024, 1, 1), None, D(2023, 12, 1))


@pytest.fixture
def members(structure):
    people = []
    for name in ("Anna Andersen", "Bent Berg", "Carl Cold"):
        person = Person.objects.create(name=name, slug=name.lower().replace(" ", "-"),
                                       email=f"{name.split()[0].lower()}@example.invalid")
        Membership.objects.create(person=person, body=structure.political, role=Role.MEMBER, start=D(2022, 7, 1))
        people.append(person)
    return people


def test_a_procedure_with_no_members_asked_or_a_passed_deadline_is_refused_and_nothing_saved(structure, members):
    with pytest.raises(ValidationError, match="mindst ét medlem"):
        actions.start_procedure(body=structure.political, title="X", proposal="Y",
                                deadline=timezone.now() + SOON, persons=[])
    with pytest.raises(ValidationError, match="allerede overskredet"):
        actions.start_procedure(body=structure.political, title="X", proposal="Y",
                                deadline=timezone.now() - SOON, persons=members)
    assert not WrittenProcedure.objects.exists()


def test_the_voting_members_are_preselected_not_the_secretariat(structure, members, secretariat_user):
    make_persona("sekretariat-politisk", structure.political, Role.SECRETARIAT)
    assert [p.name for p in actions.default_members(structure.political)] == [
        "Anna Andersen", "Bent Berg", "Carl Cold"]


def test_an_answer_after_the_deadline_or_after_closing_is_refused(structure, members):
    procedure = actions.start_procedure(body=structure.political, title="Godkendelse af notat", proposal="Y",
                                        deadline=timezone.now() + SOON, persons=members)
    answer = procedure.answers.get(person=members[0])
    actions.give_answer(procedure, answer, Vote.AGREE)
    actions.give_answer(procedure, answer, Vote.DISAGREE, "Ændret mening")  # editable until the deadline
    assert procedure.answers.get(person=members[0]).vote == Vote.DISAGREE
    with pytest.raises(ValidationError, match="Svarfristen er overskredet"):
        actions.give_answer(procedure, answer, Vote.AGREE, now=procedure.deadline + datetime.timedelta(minutes=1))
    actions.close_procedure(procedure, "Notatet er ikke godkendt.")
    procedure.refresh_from_db()
    with pytest.raises(ValidationError, match="afsluttet"):
        actions.give_answer(procedure, answer, Vote.AGREE)
    with pytest.raises(ValidationError, match="allerede afsluttet"):
        actions.close_procedure(procedure, "Igen")


def test_a_closed_procedure_is_a_decision_reported_on_the_next_planned_meeting(structure, members):
    coming = make_meeting(structure.political, date=timezone.localdate() + datetime.timedelta(days=30))
    make_item(coming, title="Godkendelse af dagsorden", kind=ItemKind.AGENDA_APPROVAL)
    procedure = actions.start_procedure(body=structure.political, title="Udpegning til arbejdsgruppe",
                                        proposal="Anna udpeges.", deadline=timezone.now() + SOON, persons=members)
    for person, vote in zip(members, [Vote.AGREE, Vote.AGREE, Vote.DISAGREE], strict=True):
        actions.give_answer(procedure, procedure.answers.get(person=person), vote)
    closed = actions.close_procedure(procedure, "Anna Andersen er udpeget.")
    assert closed.status == ProcedureStatus.CLOSED and closed.outcome == Outcome.APPROVED
    item = closed.reported_item
    assert item.meeting == coming and item.kind == ItemKind.WRITTEN_BRIEFING
    assert item.title == "Skriftlig orientering: Resultat af skriftlig procedure om Udpegning til arbejdsgruppe"
    assert "2 tiltræder, 1 tiltræder ikke" in item.summary and "Anna Andersen er udpeget." in item.description
    with pytest.raises(ValidationError, match="allerede sat på en dagsorden"):
        actions.report_at_meeting(closed, coming)


def test_a_decision_under_a_delegation_after_its_end_is_refused_with_a_danish_message(structure):
    delegation = Delegation.objects.create(body=structure.political, delegate="det politiske formandskab",
                                           authority="at godkende forslag til initiativer",
                                           valid_from=D(2024, 1, 1), valid_to=D(2025, 12, 31))
    late = DelegatedDecision(delegation=delegation, date=D(2026, 2, 1), decision="Initiativ godkendt",
                             decided_by="Formandskabet")
    with pytest.raises(ValidationError) as error:
        late.full_clean()
    assert "udløb 31. december 2025" in str(error.value)


def test_members_answer_and_the_secretariat_closes_through_the_pages(
        client, login, structure, members, member_user, secretariat_user, django_capture_on_commit_callbacks):
    login(secretariat_user)
    deadline = (timezone.localtime() + SOON).strftime("%Y-%m-%dT%H:%M")
    member_person = member_user.person
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/organer/klynge-a-politisk/skriftlige-procedurer/ny/", {
            "title": "Godkendelse af kommissorium", "proposal": "Kommissoriet godkendes.", "deadline": deadline,
            "persons": [members[0].pk, member_person.pk]})
    procedure = WrittenProcedure.objects.get()
    assert response.status_code == 302 and response["Location"] == procedure.get_absolute_url()
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@example.invalid", "medlem-a@example.invalid"]
    assert "Kommissoriet godkendes" not in mail.outbox[0].body  # the proposal is read after login

    client.logout()
    assert client.get(procedure.get_absolute_url()).status_code == 302  # not public while it runs
    login(member_user)
    page = client.get(procedure.get_absolute_url()).content.decode()
    assert "Kommissoriet godkendes." in page and "Gem svar" in page
    client.post(f"/skriftlige-procedurer/{procedure.pk}/svar/", {"vote": "agree", "comment": "Fint"})
    assert procedure.answers.get(person=member_person).vote == Vote.AGREE
    assert client.post(f"/skriftlige-procedurer/{procedure.pk}/afslut/", {"decision": "x"}).status_code == 403

    login(secretariat_user)
    client.post(f"/skriftlige-procedurer/{procedure.pk}/afslut/", {"decision": "Kommissoriet er godkendt."})
    procedure.refresh_from_db()
    assert procedure.outcome == Outcome.APPROVED
    client.logout()
    public = client.get(procedure.get_absolute_url()).content.decode()
    assert "Kommissoriet er godkendt." in public and "Medlem A" not in public  # names only for insiders


def test_a_closed_procedure_stays_with_the_body_after_closing(client, login, structure, members, other_cluster_user):
    procedure = actions.start_procedure(body=structure.political, title="Lukket sag", proposal="Fortroligt",
                                        deadline=timezone.now() + SOON, persons=members, closed_item=True)
    actions.close_procedure(procedure, "Besluttet fortroligt")
    assert client.get(procedure.get_absolute_url()).status_code == 302
    login(other_cluster_user)
    assert client.get(procedure.get_absolute_url()).status_code == 403
    assert "Lukket sag" not in client.get("/organer/klynge-a-politisk/skriftlige-procedurer/").content.decode()


def test_a_bad_meeting_choice_gets_a_message_not_an_error(client, login, structure, members, secretariat_user):
    procedure = actions.start_procedure(body=structure.political, title="X", proposal="Y",
                                        deadline=timezone.now() + SOON, persons=members)
    actions.close_procedure(procedure, "Z")
    login(secretariat_user)
    for value in ("abc", "9" * 40, "", "-1"):
        response = client.post(f"/skriftlige-procedurer/{procedure.pk}/dagsorden/", {"meeting": value}, follow=True)
        assert response.status_code == 200 and "Vælg et planlagt møde" in response.content.decode()
