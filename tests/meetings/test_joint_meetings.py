"""Joint meetings (issue 14, point 2): one meeting held by several bodies, with one agenda and one set of
minutes, in every host's calendar, feeds, archive and API listings; edited by the secretariat of any
host; closed items for the members of any host and nobody else."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from klynge.meetings import visibility
from klynge.meetings.choices import MeetingStatus
from klynge.meetings.models import Meeting
from klynge.meetings.publishing import notify
from klynge.organisation.choices import Role
from klynge.organisation.models import Body, BodyKind, Membership, Person
from tests.conftest import make_persona
from tests.meetings.factories import make_item, make_meeting

D = datetime.date


@pytest.fixture
def committee(structure):
    """The region's Patientinddragelsesudvalg, a body outside both clusters, with its own secretariat."""
    kind = BodyKind.objects.get_or_create(name="Regionalt udvalg")[0]
    return Body.objects.create(name="Patientinddragelsesudvalget", slug="piu", kind=kind, region=structure.region,
                               active_from=D(2022, 1, 1))


@pytest.fixture
def joint(structure, committee):
    meeting = make_meeting(structure.political, title="Fællesmøde om patientinddragelse", date=D(2026, 3, 4),
                           status=MeetingStatus.AGENDA_PUBLISHED)
    meeting.co_hosts.set([committee, structure.other_body])
    make_item(meeting, title="Åbent punkt om inddragelse")
    make_item(meeting, title="Lukket punkt om udpegning", closed=True)
    return meeting


def test_a_joint_meeting_is_listed_once_for_each_host_and_for_a_set_of_hosts(structure, committee, joint):
    assert list(Meeting.objects.for_bodies([committee.pk])) == [joint]
    assert list(Meeting.objects.for_bodies([structure.other_body.pk])) == [joint]
    assert list(Meeting.objects.for_bodies([structure.political.pk, committee.pk, structure.other_body.pk])) == [joint]
    assert joint.host_ids() == {structure.political.pk, committee.pk, structure.other_body.pk}
    assert joint.hosts_text() == "Klynge A – Politisk niveau, Klynge B – Politisk niveau og Patientinddragelsesudvalget"


def test_the_secretariat_of_any_host_may_edit_and_members_of_any_host_see_closed_items(structure, committee, joint):
    piu_secretariat = make_persona("piu-sekretariat", committee, Role.SECRETARIAT)
    member_b = make_persona("medlem-b", structure.other_body, Role.MEMBER)
    outsider = make_persona("udenfor", structure.other_cluster, Role.MEMBER)
    Membership.objects.filter(person__user=outsider).update(body=Body.objects.create(
        name="Anden gruppe", slug="anden", kind=committee.kind, active_from=D(2022, 1, 1)))
    assert visibility.can_edit_meeting(piu_secretariat, joint)
    assert not visibility.can_edit_meeting(member_b, joint)
    assert visibility.can_see_closed(member_b, joint)
    assert not visibility.can_see_closed(outsider, joint)
    assert not visibility.can_see_closed(AnonymousUser(), joint)
    titles = set(joint.items.filter(visibility.visible_items_q(member_b)).values_list("title", flat=True))
    assert "Lukket punkt om udpegning" in titles
    titles = set(joint.items.filter(visibility.visible_items_q(outsider)).values_list("title", flat=True))
    assert titles == {"Åbent punkt om inddragelse"}


def test_a_joint_meeting_appears_in_each_hosts_archive_calendar_and_feed(client, structure, committee, joint):
    page = client.get(f"/organer/{committee.slug}/moeder/").content.decode()
    assert "Fællesmøde: Klynge A – Politisk niveau" in page
    page = client.get("/moeder/?aar=2026&klynge=klynge-b").content.decode()
    assert "Fællesmøde med" in page and joint.get_absolute_url() in page
    feed = client.get(f"/kalender/organ/{committee.slug}.ics").content.decode()
    assert str(joint.uid) in feed
    assert "Lukket punkt om udpegning" not in feed
    page = client.get(joint.get_absolute_url()).content.decode()
    assert "Fællesmøde:" in page and "Patientinddragelsesudvalget" in page
    assert "Lukket punkt om udpegning" not in page


def test_api_and_oparl_list_a_joint_meeting_under_every_host(client, structure, committee, joint):
    rows = client.get(f"/api/v1/meetings?body={committee.slug}").json()["items"]
    assert [r["id"] for r in rows] == [joint.pk]
    data = client.get(f"/oparl/v1/organizations/{committee.slug}/meetings").json()
    assert len(data["data"]) == 1
    assert any(committee.slug in url for url in data["data"][0]["organization"])


def test_members_of_every_host_get_the_agenda_mail(structure, committee, joint):
    Membership.objects.create(person=Person.objects.create(name="Patient Repræsentant", email="pr@example.invalid"),
                              body=committee, role=Role.MEMBER, start=D(2022, 1, 1))
    Membership.objects.create(person=Person.objects.create(name="Politiker A", email="pa@example.invalid"),
                              body=structure.political, role=Role.MEMBER, start=D(2022, 1, 1))
    assert {email for _, email in notify.recipients(joint)} == {"pr@example.invalid", "pa@example.invalid"}


def test_the_secretariat_adds_co_hosts_in_the_meeting_form(structure, committee, login, secretariat_user):
    client = login(secretariat_user)
    page = client.get(f"/organer/{structure.political.slug}/moeder/ny/?medvaert={committee.slug}"
                      "&titel=F%C3%A6llesm%C3%B8de").content.decode()
    assert f'value="{committee.pk}" selected' in page
    response = client.post(f"/organer/{structure.political.slug}/moeder/ny/", {
        "title": "Fællesmøde", "date": "2026-05-06", "start": "14:00", "end": "16:00", "place_kind": "physical",
        "address": "Regionshuset", "co_hosts": [committee.pk]})
    assert response.status_code == 302
    meeting = Meeting.objects.get(title="Fællesmøde")
    assert meeting.body == structure.political and list(meeting.co_hosts.all()) == [committee]


def test_an_ended_body_cannot_be_made_a_co_host(structure, committee, login, secretariat_user):
    Body.objects.filter(pk=committee.pk).update(active_to=D(2024, 12, 31))
    client = login(secretariat_user)
    response = client.post(f"/organer/{structure.political.slug}/moeder/ny/", {
        "title": "Fællesmøde", "date": "2026-05-06", "start": "14:00", "end": "16:00", "place_kind": "physical",
        "address": "Regionshuset", "co_hosts": [committee.pk]})
    assert response.status_code == 200
    assert not Meeting.objects.filter(title="Fællesmøde").exists()


# --- joint meetings: attendance of every host, search under every host, co-hosts in the history ------------

def _seat(body, name, party, role=Role.MEMBER):
    person = Person.objects.create(name=name)
    Membership.objects.create(person=person, body=body, role=role, organisation=party, start=D(2022, 1, 1))
    return person


def test_the_attendance_roster_of_a_joint_meeting_lists_the_members_of_every_host(
        structure, committee, joint, login, secretariat_user):
    lead = _seat(structure.political, "Lene Leder", structure.municipality)
    piu = _seat(committee, "Pia Patient", structure.region)
    other = _seat(Body.objects.create(name="Ikke vært", slug="ikke-vaert", kind=committee.kind,
                                      active_from=D(2022, 1, 1)), "Ole Udenfor", structure.region)
    client = login(secretariat_user)
    response = client.get(f"/moeder/{joint.pk}/deltagere/")
    assert "Pia Patient (Region Testland, Patientinddragelsesudvalget)" in response.content.decode()
    roster = {m.person.name for m in response.context["roster"].members}
    assert {"Lene Leder", "Pia Patient"} <= roster and "Ole Udenfor" not in roster
    response = client.post(f"/moeder/{joint.pk}/deltagere/", {
        "roster": "1", f"status_{lead.pk}": "present", f"status_{piu.pk}": "substitute",
        f"substitute_{piu.pk}": "Sara Stedfortræder", "guests": ""})
    assert response.status_code == 302
    rows = {a.person.name: a for a in joint.attendance.select_related("person", "on_behalf_of")}
    assert rows["Lene Leder"].status == "present"
    assert rows["Sara Stedfortræder"].on_behalf_of == piu
    assert other.pk not in {a.person_id for a in rows.values()}


def test_a_co_hosts_member_may_send_apologies_and_name_a_substitute_from_their_party(structure, committee, login):
    meeting = make_meeting(structure.political, date=D(2099, 3, 4), status=MeetingStatus.AGENDA_PUBLISHED)
    meeting.co_hosts.set([committee])
    user = make_persona("piu-medlem", committee, Role.MEMBER, structure.region)
    colleague = Person.objects.create(name="Kollega Region")
    colleague.affiliations.create(organisation=structure.region, start=D(2022, 1, 1))
    response = login(user).get(f"/moeder/{meeting.pk}/afbud/")
    assert response.status_code == 200
    assert colleague in response.context["form"].fields["substitute"].queryset


def test_a_joint_meeting_is_found_in_search_under_each_co_hosts_filter(client, structure, committee, joint):
    make_item(joint, title="Fælles zqinddragelsespunkt")
    for slug in (structure.political.slug, committee.slug, structure.other_body.slug):
        page = client.get("/soeg/", {"q": "zqinddragelsespunkt", "organ": slug}).content.decode()
        assert "Ingen resultater" not in page, slug
    page = client.get("/soeg/", {"q": "zqinddragelsespunkt", "klynge": structure.other_cluster.slug}).content.decode()
    assert "Ingen resultater" not in page
    unrelated = Body.objects.create(name="Ikke vært", slug="ikke-vaert", kind=committee.kind,
                                    active_from=D(2022, 1, 1))
    page = client.get("/soeg/", {"q": "zqinddragelsespunkt", "organ": unrelated.slug}).content.decode()
    assert "Ingen resultater" in page


def test_adding_and_removing_a_co_host_is_in_the_meetings_history_with_a_danish_reason(
        structure, committee, joint, login, secretariat_user):
    reasons = list(joint.history.order_by("-history_id").values_list("history_change_reason", flat=True)[:1])
    assert reasons == ["Medvært tilføjet: Klynge B – Politisk niveau, Patientinddragelsesudvalget"]
    client = login(secretariat_user)
    joint.refresh_from_db()
    response = client.post(f"/moeder/{joint.pk}/rediger/", {
        "title": joint.title, "date": "2026-03-04", "start": "17:00", "end": "20:00", "place_kind": "physical",
        "address": joint.address, "co_hosts": [committee.pk], "reason": "Klynge B deltager ikke alligevel",
        "loaded_version": joint.version})
    assert response.status_code == 302
    latest = joint.history.order_by("-history_id").first()
    assert latest.history_change_reason == "Medvært fjernet: Klynge B – Politisk niveau"
    assert latest.history_user == secretariat_user
    committee.cohosted_meetings.remove(joint)  # from the other side of the relation too
    assert joint.history.order_by("-history_id").first().history_change_reason == \
        "Medvært fjernet: Patientinddragelsesudvalget"


def test_oparl_lists_a_joint_meetings_items_consultations_and_places_under_every_host(
        client, structure, committee, joint):
    from klynge.meetings.models import Matter

    matter = Matter.objects.create(title="Inddragelse af patienter i klyngerne")
    joint.items.filter(closed=False).update(matter=matter)
    joint.items.filter(closed=True).update(matter=matter)
    base = "/oparl/v1/"
    consultations = client.get(f"{base}organizations/{committee.slug}/consultations").json()["data"]
    assert len(consultations) == 1
    items = client.get(f"{base}bodies/klynge-b/agenda-items").json()["data"]
    assert [(i["public"], i.get("name")) for i in items] == [(True, "Åbent punkt om inddragelse"), (False, None)]
    assert len(client.get(f"{base}bodies/klynge-b/consultations").json()["data"]) == 1
    assert len(client.get(f"{base}bodies/klynge-b/locations").json()["data"]) == 1
    assert len(client.get(f"{base}bodies/klynge-b/papers").json()["data"]) == 1
    assert "Lukket punkt om udpegning" not in client.get(f"{base}bodies/klynge-b/agenda-items").content.decode()
