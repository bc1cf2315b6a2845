"""Patient and relatives' involvement as obligations (issue 14, point 1, and the bad input of point 10)."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils import timezone

from klynge.involvement import status
from klynge.involvement.choices import Answer, Cadence, GroupKind, Part
from klynge.involvement.models import Appointment, CitizenGroup, Fulfilment, InvitationAnswer, Obligation
from klynge.meetings.choices import MeetingStatus
from klynge.organisation.choices import Role
from klynge.organisation.models import Body, BodyKind, ElectoralTerm, Membership, Person
from klynge.organisation.models.terms import TermKind
from tests.meetings.factories import make_item, make_meeting

D = datetime.date
DAY = datetime.timedelta(days=1)


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def term(today):
    return ElectoralTerm.objects.create(name="Valgperioden nu", kind=TermKind.REGIONAL,
                                        start=D(today.year - 1, 1, 1), end=D(today.year + 2, 12, 31))


@pytest.fixture
def committee(structure):
    kind = BodyKind.objects.get_or_create(name="Regionalt udvalg")[0]
    body = Body.objects.create(name="Patientinddragelsesudvalget", slug="piu", kind=kind, region=structure.region,
                               active_from=D(2020, 1, 1))
    group = CitizenGroup.objects.create(name="Patientinddragelsesudvalget", kind=GroupKind.PATIENT_COMMITTEE,
                                        body=body, region=structure.region)
    return group


def _obligation(body, group, part, cadence, title="Forpligtelse"):
    return Obligation.objects.create(body=body, group=group, part=part, cadence=cadence, title=title,
                                     valid_from=D(2020, 1, 1))


def _status(view):
    return [p.status for p in view.periods]


def test_a_joint_meeting_with_the_committee_meets_the_joint_meeting_obligation_by_itself(structure, committee,
                                                                                       term, today):
    obligation = _obligation(structure.political, committee, Part.JOINT_MEETING, Cadence.PER_TERM)
    [view] = status.overview(structure.political, term, AnonymousUser(), today)
    assert _status(view) == ["due"]
    held = make_meeting(structure.political, date=today - 30 * DAY, status=MeetingStatus.MINUTES_PUBLISHED)
    held.co_hosts.set([committee.body])
    [view] = status.overview(structure.political, term, AnonymousUser(), today)
    assert _status(view) == ["met"]
    assert held.get_absolute_url() in [e.url for e in view.periods[0].evidence]
    assert obligation.fulfilments.count() == 0  # nothing recorded: it counted by itself


def test_a_planned_joint_meeting_shows_as_planned_and_the_obligation_stays_due(structure, committee, term, today):
    _obligation(structure.political, committee, Part.JOINT_MEETING, Cadence.PER_TERM)
    planned = make_meeting(structure.political, date=today + 40 * DAY)
    planned.co_hosts.set([committee.body])
    [view] = status.overview(structure.political, term, AnonymousUser(), today)
    assert _status(view) == ["due"]
    assert [e.url for e in view.periods[0].planned] == [planned.get_absolute_url()]


def test_yearly_dialogue_meetings_are_missed_for_a_past_year_without_one(structure, committee, term, today):
    _obligation(structure.political, committee, Part.DIALOGUE_MEETING, Cadence.YEARLY)
    [view] = status.overview(structure.political, term, AnonymousUser(), today)
    years = {p.label: p.status for p in view.periods}
    assert years[str(today.year - 1)] == "missed"
    assert years[str(today.year)] == "due"
    assert len(view.periods) == 4


def test_status_at_every_political_meeting_is_missed_until_the_item_is_recorded(structure, committee, term, today,
                                                                                  login, secretariat_user):
    obligation = _obligation(structure.political, committee, Part.STATUS_BRIEFING, Cadence.EVERY_MEETING)
    held = make_meeting(structure.political, date=today - 60 * DAY, status=MeetingStatus.MINUTES_PUBLISHED)
    item = make_item(held, title="Orientering om status på patientinddragelse i klyngen")
    [view] = status.overview(structure.political, term, secretariat_user, today, can_edit=True)
    assert _status(view) == ["missed"]
    assert view.suggestions == [item]
    client = login(secretariat_user)
    response = client.post(f"/inddragelse/forpligtelser/{obligation.pk}/opfyldelser/", {"item": item.pk})
    assert response.status_code == 302
    fulfilment = Fulfilment.objects.get()
    assert (fulfilment.meeting, fulfilment.date, fulfilment.recorded_by) == (held, held.date, secretariat_user)
    [view] = status.overview(structure.political, term, secretariat_user, today, can_edit=True)
    assert _status(view) == ["met"] and view.suggestions == []


def test_an_item_of_another_bodys_meeting_does_not_meet_an_obligation(structure, committee):
    obligation = _obligation(structure.political, committee, Part.STATUS_BRIEFING, Cadence.EVERY_MEETING)
    other = make_item(make_meeting(structure.other_body), title="Patientinddragelse i klynge B")
    fulfilment = Fulfilment(obligation=obligation, item=other, date=D(2023, 3, 1))
    with pytest.raises(ValidationError) as error:
        fulfilment.full_clean()
    assert "holdes ikke af Klynge A – Politisk niveau" in str(error.value)


def test_the_page_never_shows_a_closed_items_title_to_the_public(client, structure, committee, term, today):
    obligation = _obligation(structure.political, committee, Part.STATUS_BRIEFING, Cadence.EVERY_MEETING,
                             title="Løbende orientering om status")
    held = make_meeting(structure.political, date=today - 10 * DAY, status=MeetingStatus.MINUTES_PUBLISHED)
    item = make_item(held, title="Hemmelig udpegning", closed=True)
    Fulfilment.objects.create(obligation=obligation, item=item, meeting=held, date=held.date)
    page = client.get(f"/organer/{structure.political.slug}/inddragelse/").content.decode()
    assert "Løbende orientering om status" in page and "Opfyldt" in page
    assert "Hemmelig udpegning" not in page
    assert "Lukket punkt" in page


def test_a_sub_body_without_an_answer_is_missed_and_an_answer_meets_it(structure, committee, term, today, login,
                                                                        secretariat_user):
    _obligation(structure.cluster, committee, Part.INVITATION, Cadence.ON_SETUP)
    group = Body.objects.create(name="Arbejdsgruppe om IV-behandling", slug="iv", kind=structure.working_group.kind,
                                parent=structure.political, active_from=today - 5 * DAY)
    [view] = status.overview(structure.cluster, term, secretariat_user, today)
    assert [(p.label, p.status) for p in view.periods] == [("Arbejdsgruppe om IV-behandling", "missed")]
    client = login(secretariat_user)
    response = client.post(f"/organer/{group.slug}/inddragelse/invitation/?organ={structure.cluster.slug}",
                           {"answer": Answer.NOT_INVITED, "reason": ""})
    assert "Skriv, hvorfor der ikke inviteres repræsentanter." in response.content.decode()
    assert not InvitationAnswer.objects.exists()
    client.post(f"/organer/{group.slug}/inddragelse/invitation/",
                {"answer": Answer.INVITED, "group": committee.pk})
    [view] = status.overview(structure.cluster, term, secretariat_user, today)
    assert _status(view) == ["met"]


def test_creating_a_sub_body_asks_whether_representatives_are_invited_and_records_the_answer(
        structure, committee, login, secretariat_user):
    client = login(secretariat_user)
    page = client.get(f"/organer/{structure.political.slug}/underorgan/ny/").content.decode()
    assert "Inviteres repræsentanter for patienter og pårørende?" in page
    response = client.post(f"/organer/{structure.political.slug}/underorgan/ny/", {
        "name": "Temagruppe om ældre", "kind": structure.working_group.kind.pk, "active_from": "2024-01-01",
        "inddragelse-answer": Answer.NOT_INVITED, "inddragelse-group": committee.pk, "inddragelse-reason": ""})
    assert response.status_code == 200
    assert "Skriv, hvorfor der ikke inviteres repræsentanter." in response.content.decode()
    assert not Body.objects.filter(name="Temagruppe om ældre").exists()  # nothing half-saved
    response = client.post(f"/organer/{structure.political.slug}/underorgan/ny/", {
        "name": "Temagruppe om ældre", "kind": structure.working_group.kind.pk, "active_from": "2024-01-01",
        "inddragelse-answer": Answer.INVITED, "inddragelse-group": committee.pk})
    assert response.status_code == 302
    body = Body.objects.get(name="Temagruppe om ældre")
    answer = InvitationAnswer.objects.get()
    assert answer.subject == body and answer.body == structure.political and answer.group == committee
    assert answer.recorded_by == secretariat_user


def test_creating_an_initiative_records_the_answer_too(structure, committee, login, secretariat_user, term, today):
    from klynge.funds.models import Initiative

    _obligation(structure.cluster, committee, Part.INVITATION, Cadence.ON_SETUP)
    client = login(secretariat_user)
    page = client.get(f"/klyngemidler/{structure.cluster.slug}/indsatser/ny/").content.decode()
    assert "Inviteres repræsentanter" in page
    response = client.post(f"/klyngemidler/{structure.cluster.slug}/indsatser/ny/", {
        "number": "12", "title": "Fælles forløb for børn og unge", "status": "proposed",
        "inddragelse-answer": Answer.INVITED, "inddragelse-group": committee.pk})
    assert response.status_code == 302, response.content.decode()[:3000]
    initiative = Initiative.objects.get(number="12")
    answer = InvitationAnswer.objects.get()
    assert answer.subject_type == ContentType.objects.get_for_model(Initiative) and answer.subject_id == initiative.pk
    [view] = status.overview(structure.cluster, term, secretariat_user, today)
    assert [(p.label, p.status) for p in view.periods] == [(str(initiative), "met")]


def test_an_appointment_records_who_appointed_a_representative_for_which_term(structure, committee, term, client):
    person = Person.objects.create(name="John Arne Sørensen")
    membership = Membership.objects.create(person=person, body=structure.political, start=term.start,
                                           role=Role.PATIENT_REPRESENTATIVE)
    Appointment.objects.create(membership=membership, appointed_by=committee, term=term,
                               represents="Diabetesforeningen")
    page = client.get(f"/organer/{structure.political.slug}/inddragelse/?valgperiode={term.pk}").content.decode()
    assert "John Arne Sørensen" in page and "Diabetesforeningen" in page
    assert "Patientinddragelsesudvalget for Valgperioden nu" in page


def test_an_appointment_outside_the_term_is_refused_in_danish(structure, committee, term):
    old = ElectoralTerm.objects.create(name="Valgperioden 2014-2017", kind=TermKind.REGIONAL,
                                       start=D(2014, 1, 1), end=D(2017, 12, 31))
    membership = Membership.objects.create(person=Person.objects.create(name="Kaj Andersen"), body=structure.political,
                                           start=D(2022, 7, 1), role=Role.PATIENT_REPRESENTATIVE)
    with pytest.raises(ValidationError) as error:
        Appointment(membership=membership, appointed_by=committee, term=old).full_clean()
    assert "ligger uden for Valgperioden 2014-2017" in str(error.value)


def test_a_term_that_overlaps_another_is_refused_with_both_periods_named(db):
    ElectoralTerm.objects.create(name="Valgperioden 2022-2025", kind=TermKind.REGIONAL, start=D(2022, 1, 1),
                                 end=D(2025, 12, 31))
    with pytest.raises(ValidationError) as error:
        ElectoralTerm(name="Forkert", kind=TermKind.REGIONAL, start=D(2025, 6, 1), end=D(2029, 12, 31)).full_clean()
    assert "overlapper Valgperioden 2022-2025 (1. januar 2022 – 31. december 2025)" in str(error.value)


def test_other_citizen_groups_are_involved_and_logged_the_same_way(structure, term, today):
    council = CitizenGroup.objects.create(name="Ældrerådet i Testby", kind=GroupKind.ELDERLY_COUNCIL)
    obligation = _obligation(structure.political, council, Part.OTHER, Cadence.YEARLY, title="Dialog med ældrerådet")
    Fulfilment.objects.create(obligation=obligation, date=today, note="Dialogmøde på rådhuset")
    [view] = status.overview(structure.political, term, AnonymousUser(), today)
    assert {p.label: p.status for p in view.periods}[str(today.year)] == "met"


def test_an_unknown_term_in_the_address_falls_back_with_a_danish_notice(client, structure, committee, term):
    _obligation(structure.political, committee, Part.JOINT_MEETING, Cadence.PER_TERM)
    response = client.get(f"/organer/{structure.political.slug}/inddragelse/?valgperiode=abc")
    assert response.status_code == 200
    assert "Valgperioden “abc” er ikke et helt tal" in response.content.decode()
