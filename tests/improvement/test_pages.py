"""Improvement teams: what each persona sees, the secretariats' forms, and bad input refused in Danish."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from klynge.funds.models import Initiative
from klynge.improvement.choices import DeadlineKind, TeamRole, TeamStatus
from klynge.improvement.models import Cohort, Deadline, Programme, SeatAllocation, Team, TeamMember
from klynge.meetings.choices import MeetingStatus
from klynge.organisation.choices import OrganisationKind, Role
from klynge.organisation.models import Organisation, Person
from tests.conftest import make_persona
from tests.improvement.factories import (
    add_member,
    make_cohort,
    make_deadline,
    make_programme,
    make_seats,
    make_team,
)
from tests.meetings.factories import make_item, make_meeting

D = datetime.date


@pytest.fixture
def world(structure):
    s = structure
    programme = make_programme(body=None)
    cohort = make_cohort(programme, 2, description="Syddanmark har 43 pladser.")
    make_seats(cohort, s.region, 43)
    make_seats(cohort, s.region, 2, cluster=s.cluster)
    make_deadline(cohort, DeadlineKind.PROPOSALS, D(2023, 2, 1), title="Forslag til sekretariatet",
                  cluster=s.cluster)
    make_deadline(cohort, DeadlineKind.REGISTRATION, D(2099, 3, 31), title="Indmelding til programsekretariatet")
    public = make_team(cohort, s.cluster, "Sektorovergange i akutområdet", TeamStatus.RUNNING,
                       theme="Det akutte område", internal_note="Intern zqteamnote")
    add_member(public, "Gitte Sparke", s.hospital, TeamRole.CHAIR, email="gitte@example.invalid")
    add_member(public, "Bo Smith", s.municipality)
    add_member(public, "Carla PLO", s.region)
    add_member(public, "Dora Ekstra", s.municipality)
    proposed = make_team(cohort, s.cluster, "Forslag zqforslagsteam", TeamStatus.PROPOSED)
    return programme, cohort, public, proposed


def _text(response):
    return response.content.decode()


def test_the_public_sees_programme_cohort_calendar_and_a_selected_team_with_members_but_no_e_mails(client, world):
    programme, cohort, public, proposed = world
    page = _text(client.get(reverse("improvement:programme", args=[programme.slug])))
    assert "Hold 2" in page and "Region Testland: 43" in page
    assert "Frist for projektforslag" in page and "Overskredet" in page and "Kommende" in page
    page = _text(client.get(cohort.get_absolute_url()))
    assert "Sektorovergange i akutområdet" in page and "zqforslagsteam" not in page
    assert "Klynge A har 4 deltagere i sine teams, men kun 2 pladser." in page
    page = _text(client.get(public.get_absolute_url()))
    assert "Gitte Sparke" in page and "Testby Sygehus" in page and "Formand" in page
    assert "gitte@example.invalid" not in page and "zqteamnote" not in page
    assert "Alle deltagere" not in page  # composition warnings are for those who keep the team


def test_a_proposed_team_and_the_internal_note_are_for_the_cluster_only(client, world, member_user,
                                                                         other_cluster_user):
    _, cohort, public, proposed = world
    response = client.get(proposed.get_absolute_url())
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    client.force_login(other_cluster_user)
    assert client.get(proposed.get_absolute_url()).status_code == 403
    assert "zqforslagsteam" not in _text(client.get(cohort.get_absolute_url()))
    client.force_login(member_user)  # a member of a body inside cluster A
    assert "zqforslagsteam" in _text(client.get(cohort.get_absolute_url()))
    assert client.get(proposed.get_absolute_url()).status_code == 200
    page = _text(client.get(public.get_absolute_url()))
    assert "zqteamnote" in page and "gitte@example.invalid" in page


def test_the_secretariat_creates_a_team_adds_members_and_is_warned_when_all_come_from_one_party(
        client, world, secretariat_user, structure):
    _, cohort, _, _ = world
    client.force_login(secretariat_user)
    response = client.post(reverse("improvement:team_add", args=[cohort.programme.slug, cohort.number]), {
        "cluster": structure.cluster.pk, "name": "IV-behandling i nærområdet", "status": TeamStatus.PROPOSED,
        "theme": "IV i eget hjem", "anchoring": "Koordinerende niveau", "support": "", "economy": "",
        "reporting": "", "internal_note": ""})
    team = Team.objects.get(name="IV-behandling i nærområdet")
    assert response.status_code == 302 and response["Location"] == team.get_absolute_url()
    add = reverse("improvement:member_add", args=[team.pk])
    client.post(add, {"new_person": "Eva Kommune", "organisation": structure.municipality.pk,
                      "role": TeamRole.CHAIR, "title": "Sygeplejefaglig leder"})
    response = client.post(add, {"new_person": "Finn Kommune", "organisation": structure.municipality.pk,
                                 "role": TeamRole.MEMBER, "title": ""})
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert "Finn Kommune er tilføjet som deltager." in texts
    assert not any("samme part" in t for t in texts)  # the warning stands on the page, not flashed as well
    page = _text(client.get(team.get_absolute_url()))
    assert page.count("Alle deltagere kommer fra samme part (Testby Kommune). Et forbedringsteam skal have "
                      "deltagere fra flere parter.") == 1
    assert Person.objects.get(name="Eva Kommune").title == "Sygeplejefaglig leder"


def test_a_member_without_a_party_is_refused_and_no_new_person_is_half_saved(client, world, secretariat_user):
    _, _, public, _ = world
    client.force_login(secretariat_user)
    persons = Person.objects.count()
    response = client.post(reverse("improvement:member_add", args=[public.pk]),
                           {"new_person": "Halv Gemt", "organisation": "", "role": TeamRole.MEMBER})
    assert response.status_code == 200
    assert "Vælg den part, deltageren kommer fra." in _text(response)
    assert Person.objects.count() == persons and public.members.count() == 4


def test_a_member_twice_or_neither_chosen_nor_named_is_refused_in_danish(client, world, secretariat_user, structure):
    _, _, public, _ = world
    client.force_login(secretariat_user)
    url = reverse("improvement:member_add", args=[public.pk])
    gitte = Person.objects.get(name="Gitte Sparke")
    page = _text(client.post(url, {"person": gitte.pk, "organisation": structure.hospital.pk, "role": "member"}))
    assert "Gitte Sparke er allerede med i teamet." in page
    page = _text(client.post(url, {"organisation": structure.hospital.pk, "role": "member"}))
    assert "Vælg en person, eller skriv navnet på en ny." in page
    page = _text(client.post(url, {"person": gitte.pk, "new_person": "Gitte To", "organisation": structure.hospital.pk,
                                   "role": "member"}))
    assert "Vælg en eksisterende person eller skriv et nyt navn, ikke begge." in page
    assert public.members.count() == 4 and not Person.objects.filter(name="Gitte To").exists()


def test_a_team_funded_by_another_clusters_initiative_is_refused_and_nothing_is_saved(
        client, world, secretariat_user, structure, admin_user):
    _, cohort, public, _ = world
    own = Initiative.objects.create(cluster=structure.cluster, number="2", title="Ledelsesprogrammet, hold 1")
    other = Initiative.objects.create(cluster=structure.other_cluster, number="9", title="Anden klynges indsats")
    client.force_login(admin_user)  # sees both clusters' initiatives in the form
    data = {"cluster": structure.cluster.pk, "name": "Nyt team", "status": TeamStatus.PROPOSED,
            "initiatives": [own.pk, other.pk]}
    response = client.post(reverse("improvement:team_add", args=[cohort.programme.slug, cohort.number]), data)
    assert "Indsatsen “9. Anden klynges indsats” hører til Klynge B, ikke Klynge A." in _text(response)
    assert not Team.objects.filter(name="Nyt team").exists()
    client.force_login(secretariat_user)
    edit = reverse("improvement:team_edit", args=[public.pk])
    form = client.get(edit).context["form"]
    assert other not in form.fields["initiatives"].queryset  # B's initiatives are not offered to A
    data = {**{k: v for k, v in form.initial.items() if v is not None and k not in ("initiatives", "reports")},
            "initiatives": [own.pk], "loaded_version": public.version}
    data["cluster"] = structure.cluster.pk
    response = client.post(edit, data)
    assert response.status_code == 302
    assert list(public.initiatives.all()) == [own]
    assert "Indsats 2: Ledelsesprogrammet, hold 1" in _text(client.get(public.get_absolute_url()))


def test_a_report_on_a_closed_item_is_named_only_to_those_who_may_see_it(client, world, member_user, structure):
    _, _, public, _ = world
    meeting = make_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED)
    open_item = make_item(meeting, title="Orientering om ledelsesprogrammet")
    closed = make_item(meeting, title="Lukket zqlukketrapport", closed=True)
    public.reports.set([open_item, closed])
    page = _text(client.get(public.get_absolute_url()))
    assert "Orientering om ledelsesprogrammet" in page and "zqlukketrapport" not in page
    client.force_login(member_user)
    assert "zqlukketrapport" in _text(client.get(public.get_absolute_url()))


def test_another_clusters_secretariat_cannot_edit_the_team_nor_add_one_for_cluster_a(client, world, structure):
    _, cohort, public, _ = world
    other = make_persona("sekretariat-b", structure.other_cluster, Role.SECRETARIAT)
    client.force_login(other)
    assert client.get(reverse("improvement:team_edit", args=[public.pk])).status_code == 403
    assert client.post(reverse("improvement:member_add", args=[public.pk]), {}).status_code == 403
    url = reverse("improvement:team_add", args=[cohort.programme.slug, cohort.number])
    page = _text(client.post(url, {"cluster": structure.cluster.pk, "name": "Snyd", "status": "proposed"}))
    assert "Vælg et gyldigt valg" in page or "gyldig" in page
    assert not Team.objects.filter(name="Snyd").exists()
    assert client.get(reverse("improvement:cohort_add", args=[cohort.programme.slug])).status_code == 403


def test_a_cluster_secretariat_puts_its_own_deadline_in_the_calendar_and_must_name_the_cluster(
        client, world, secretariat_user, structure):
    _, cohort, _, _ = world
    client.force_login(secretariat_user)
    url = reverse("improvement:deadline_add", args=[cohort.programme.slug, cohort.number])
    page = _text(client.post(url, {"kind": DeadlineKind.DECISION, "date": "2023-02-21", "title": "FSN beslutter"}))
    assert "Dette felt er påkrævet." in page
    assert not Deadline.objects.filter(title="FSN beslutter").exists()
    response = client.post(url, {"kind": DeadlineKind.DECISION, "date": "2023-02-21", "title": "FSN beslutter",
                                 "cluster": structure.cluster.pk, "done_on": "2023-02-21"})
    assert response.status_code == 302
    page = _text(client.get(cohort.get_absolute_url()))
    assert "21. februar 2023" in page and "Overholdt (21. februar 2023)" in page


def test_the_programmes_secretariat_adds_cohorts_and_seats_and_bad_ones_are_refused(client, structure,
                                                                                    secretariat_user):
    s = structure
    programme = make_programme(body=s.cluster)
    make_cohort(programme, 1)
    client.force_login(secretariat_user)
    page = _text(client.post(reverse("improvement:cohort_add", args=[programme.slug]),
                             {"number": "1", "start": "2023-09-01", "end": "2023-06-30"}))
    assert "Det Nationale Ledelsesprogram har allerede et hold 1." in page
    assert "Slutdatoen ligger før startdatoen." not in page or Cohort.objects.count() == 1
    assert Cohort.objects.count() == 1
    page = _text(client.post(reverse("improvement:cohort_add", args=[programme.slug]),
                             {"number": "2", "start": "2023-09-01", "end": "2023-06-30"}))
    assert "Slutdatoen ligger før startdatoen." in page and Cohort.objects.count() == 1
    assert client.post(reverse("improvement:cohort_add", args=[programme.slug]),
                       {"number": "2", "start": "2023-09-01", "end": "2024-06-30"}).status_code == 302
    other_region = Organisation.objects.create(name="Region Andetland", kind=OrganisationKind.REGION)
    seat_url = reverse("improvement:seat_add", args=[programme.slug, 2])
    page = _text(client.post(seat_url, {"region": other_region.pk, "cluster": s.cluster.pk, "seats": "11"}))
    assert "Klynge A ligger ikke i Region Andetland." in page
    page = _text(client.post(seat_url, {"region": s.region.pk, "seats": "0"}))
    assert "Angiv mindst 1 plads." in page
    assert not SeatAllocation.objects.exists()
    assert client.post(seat_url, {"region": s.region.pk, "seats": "43"}).status_code == 302
    page = _text(client.post(seat_url, {"region": s.region.pk, "seats": "40"}))
    assert "Region Testland har allerede en pladsfordeling på holdet. Ret den i stedet." in page
    assert SeatAllocation.objects.get().seats == 43


def test_a_programme_slug_that_would_hide_a_page_is_refused():
    from django.core.exceptions import ValidationError

    programme = Programme(name="Teams", slug="teams")
    with pytest.raises(ValidationError, match="bruges allerede i adresserne"):
        programme.full_clean()


def test_removing_a_member_warns_when_the_team_becomes_too_small(client, world, secretariat_user, structure):
    _, _, _, proposed = world
    a = add_member(proposed, "Anna Region", structure.region, TeamRole.CHAIR)
    add_member(proposed, "Bo Kommune", structure.municipality)
    client.force_login(secretariat_user)
    response = client.post(reverse("improvement:member_remove", args=[a.pk]))
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert texts == ["Anna Region er fjernet fra teamet."]
    page = _text(client.get(proposed.get_absolute_url()))
    assert page.count("Teamet har 1 deltager; et forbedringsteam bør have 2-6 deltagere.") == 1
    assert list(TeamMember.objects.filter(team=proposed).values_list("person__name", flat=True)) == ["Bo Kommune"]


def test_the_team_and_member_forms_stand_under_breadcrumbs_through_programme_hold_and_team(
        client, world, secretariat_user):
    _, cohort, public, _ = world
    client.force_login(secretariat_user)
    for name in ("improvement:team_edit", "improvement:member_add"):
        response = client.get(reverse(name, args=[public.pk]))
        crumbs = response.content.decode().split('aria-label="Brødkrumme"')[1].split("</nav>")[0]
        for link in (reverse("improvement:index"), cohort.programme.get_absolute_url(), cohort.get_absolute_url(),
                     public.get_absolute_url()):
            assert f'href="{link}"' in crumbs
