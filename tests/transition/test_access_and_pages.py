"""After the run: who sees what, and what the pages on both sides say."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.urls import reverse

from klynge.meetings.models import Proposal, Task
from klynge.organisation import permissions
from klynge.transition import actions, rules

from .conftest import council

CLOSED_TITLE = "Lukket: personsag om ansættelse"


@pytest.fixture
def ran(reform, load):
    def _ran(access="ja"):
        actions.run(load(access=access), by_name="Administrator", reason="Reformen")
        return council()
    return _ran


def meeting_page(client, reform):
    return client.get(reform.closed_item.meeting.get_absolute_url()).content.decode()


def test_the_councils_secretariat_and_members_read_the_predecessors_closed_items_when_the_plan_grants_it(
        reform, ran, login, client, other_cluster_user, member_user):
    ran("ja")
    assert CLOSED_TITLE in meeting_page(login(reform.council_secretary), reform)
    assert CLOSED_TITLE in meeting_page(login(member_user), reform)       # carried into the council
    assert CLOSED_TITLE not in meeting_page(login(other_cluster_user), reform)  # membership of B ended, not carried
    client.logout()
    assert CLOSED_TITLE not in meeting_page(client, reform)
    # read, never edit: the archive belongs to the ended body
    assert not permissions.can_edit_body(reform.council_secretary, reform.s.political)


def test_without_archive_access_in_the_plan_nobody_in_the_council_sees_closed_items(reform, ran, login):
    ran("nej")
    assert CLOSED_TITLE not in meeting_page(login(reform.council_secretary), reform)
    assert permissions.archive_body_ids(reform.council_secretary) == set()


def test_nothing_closed_becomes_visible_to_anyone_who_could_not_see_it_before(reform, load, other_cluster_user):
    people = [AnonymousUser(), other_cluster_user]
    before = [permissions.can_see_members_only(u, reform.s.political) for u in people]
    actions.run(load(access="ja"), reason="Reformen")
    after = [permissions.can_see_members_only(u, reform.s.political) for u in people]
    assert before == after == [False, False]


def test_the_councils_follow_up_lists_the_predecessors_open_tasks_with_their_provenance(reform, ran, login):
    c = ran("ja")
    page = login(reform.council_secretary).get(reverse("meetings:followup_cluster", args=[c.slug])).content.decode()
    assert "Sekretariatet udarbejder forslag til forløb" in page
    assert "Sekretariatet afklarer sagen fortroligt" in page    # from a closed item, access granted
    assert f"Overført fra Klynge A til Sundhedsråd Test {rules.danish_date(reform.date)}" in page
    assert "Allerede løst" not in page


def test_tasks_from_closed_items_stay_hidden_in_the_council_without_archive_access(reform, ran, login):
    c = ran("nej")
    page = login(reform.council_secretary).get(reverse("meetings:followup_cluster", args=[c.slug])).content.decode()
    assert "Sekretariatet udarbejder forslag til forløb" in page
    assert "Sekretariatet afklarer sagen fortroligt" not in page


def test_the_councils_secretariat_may_close_a_transferred_task(reform, ran, login):
    ran("ja")
    client = login(reform.council_secretary)
    task = Task.objects.get(pk=reform.task_secretariat.pk)
    response = client.post(reverse("meetings:task_close", args=[task.pk]),
                           {"status": "done", "closed_note": "Forslaget er udarbejdet i rådet.",
                            "loaded_version": task.version})
    assert response.status_code == 302
    assert Task.objects.get(pk=reform.task_secretariat.pk).status == "done"


def test_a_matter_keeps_its_whole_path_and_names_the_council_as_owner(reform, ran, login):
    ran("ja")
    page = login(reform.council_secretary).get(reform.matter.get_absolute_url()).content.decode()
    assert "Sundhedsråd Test" in page
    assert "Klynge A – Politisk niveau" in page and "Klynge A" in page
    assert "Behandlet</dt><dd>2 gange i 2 organer" in page
    assert f"Overført fra Klynge A til Sundhedsråd Test {rules.danish_date(reform.date)}" in page


def test_an_anonymous_citizen_on_an_old_cluster_page_is_told_who_took_over_and_when(reform, ran, client):
    c = ran("ja")
    page = client.get(reverse("body", args=["klynge-a"])).content.decode()
    day_before = reform.date - datetime.timedelta(days=1)
    assert f"Klynge A er ophørt {day_before.day}." in page
    assert f'Arbejdet er overtaget af <a href="{c.get_absolute_url()}">Sundhedsråd Test</a>' in page
    assert "Overført til Sundhedsråd Test" in page
    # a level under the old cluster points forward through its cluster
    level = client.get(reverse("body", args=["klynge-a-politisk"])).content.decode()
    assert "Arbejdet er overtaget af" in level and c.get_absolute_url() in level


def test_the_council_page_links_the_archive_from_its_predecessors(reform, ran, client):
    c = ran("ja")
    page = client.get(c.get_absolute_url()).content.decode()
    assert "Arkiv fra forgængere" in page
    assert reverse("meetings:body_meetings", args=["klynge-a"]) in page
    assert reverse("meetings:body_meetings", args=["klynge-b"]) in page
    assert "Nordby Kommune" in page and "Testby Kommune" in page


def test_the_councils_funds_page_shows_the_transferred_balance_per_party(reform, ran, client):
    c = ran("ja")
    page = client.get(reverse("funds:overview", args=[c.slug])).content.decode()
    assert "Restmidler overdraget ved overgang" in page
    assert "1.000.000 kr." in page and "700.000 kr." in page and "500.000 kr." in page


def test_creating_a_meeting_for_an_ended_body_is_refused_naming_the_successor_with_a_link(reform, ran, login,
                                                                                         admin_user):
    c = ran("ja")
    client = login(admin_user)
    for method in (client.get, client.post):
        response = method(reverse("meetings:meeting_add", args=["klynge-a"]))
        assert response.status_code == 409
        page = response.content.decode()
        assert "Arbejdet er overtaget af Sundhedsråd Test" in page
        assert reverse("meetings:meeting_add", args=[c.slug]) in page
    assert not reform.s.cluster.meetings.filter(date__gte=reform.date).exists()


def test_creating_a_task_on_an_ended_bodys_item_is_refused_naming_the_successor(reform, ran, login, admin_user):
    ran("ja")
    response = login(admin_user).post(reverse("meetings:task_add", args=[reform.open_item.pk]),
                                      {"description": "Ny opgave", "owner_kind": "secretariat"})
    assert response.status_code == 409
    assert "Sundhedsråd Test" in response.content.decode()
    with pytest.raises(ValidationError, match="Arbejdet er overtaget af Sundhedsråd Test"):
        Task(item=type(reform.open_item).objects.get(pk=reform.open_item.pk), description="Ny").full_clean()


def test_a_proposal_to_an_ended_body_is_refused_naming_the_successor(reform, ran):
    ran("ja")
    with pytest.raises(ValidationError, match="Arbejdet er overtaget af Sundhedsråd Test"):
        Proposal(target_body=type(reform.s.political).objects.get(pk=reform.s.political.pk),
                 title="Nyt forslag").full_clean()


def test_an_old_calendar_feed_keeps_its_past_events_and_says_the_body_has_ended(reform, ran, client):
    ran("ja")
    feed = client.get(reverse("meetings:body_ics", args=["klynge-a-politisk"])).content.decode()
    assert f"{reform.closed_item.meeting.uid}@klynge" in feed
    assert "er ophørt" in feed.replace("\r\n ", "")
    assert "Lukket: personsag" not in feed


def test_a_page_for_a_date_shows_the_structure_as_it_was(reform, ran, client):
    ran("ja")
    day_before = reform.date - datetime.timedelta(days=1)
    today = client.get(reverse("front")).content.decode()
    then = client.get(reverse("front") + f"?dato={day_before.isoformat()}").content.decode()
    assert "Sundhedsråd Test" in today and ">Klynge A<" not in today
    assert ">Klynge A<" in then and "Sundhedsråd Test" not in then
    old = client.get(reverse("body", args=["klynge-a"]) + f"?dato={day_before.isoformat()}").content.decode()
    assert "Testby Kommune" in old and "Arbejdet er overtaget af" not in old
    bad = client.get(reverse("front") + "?dato=31-12-2026")
    assert bad.status_code == 200 and "er ikke en gyldig dato" in bad.content.decode()


def test_search_finds_the_archive_under_the_old_and_the_new_name(reform, ran, client):
    ran("ja")
    new = client.get(reverse("search") + "?q=Sundhedsråd+Test").content.decode()
    assert "Arkiv fra forgænger til Sundhedsråd Test" in new and reverse("body", args=["klynge-a"]) in new
    old = client.get(reverse("search") + "?q=Klynge+A").content.decode()
    assert "Afløst af Sundhedsråd Test" in old
    assert CLOSED_TITLE not in client.get(reverse("search") + "?q=personsag").content.decode()


def test_a_merged_regions_pages_say_who_succeeded_whom(reform, load, client):
    from klynge.organisation.choices import OrganisationKind
    from klynge.organisation.models import Organisation, OrganisationSuccession

    Organisation.objects.create(name="Region Nabo", kind=OrganisationKind.REGION)
    csv = (open_csv() + "part;Region Testland;Region Østdanmark;region;;;;;;;;\n"
           "part;Region Nabo;Region Østdanmark;region;;;;;;;;\n")
    actions.run(load(csv=csv), reason="Regionerne lægges sammen")
    east = Organisation.objects.get(name="Region Østdanmark")
    assert east.kind == OrganisationKind.REGION
    assert set(OrganisationSuccession.objects.filter(successor=east).values_list("predecessor__name", flat=True)) == {
        "Region Testland", "Region Nabo"}
    old = client.get(reverse("organisation", args=[reform.s.region.slug])).content.decode()
    assert "Region Testland er afløst af" in old and "Region Østdanmark" in old
    municipality = client.get(reverse("organisation", args=[reform.s.municipality.slug])).content.decode()
    assert "Hører til området for" in municipality and "Sundhedsråd Test" in municipality


def open_csv():
    from .conftest import CSV

    return CSV.format(access="ja")
