"""Improvement teams in the one search and the JSON API: public teams only, never the internal note,
a proposed team only for its cluster (the API) and never in the index."""

import re

from django.core.management import call_command

from klynge.improvement.choices import TeamRole, TeamStatus
from klynge.search.models import SearchDocument
from tests.improvement.factories import add_member, make_cohort, make_programme, make_team


def _found(client, word, **params) -> bool:
    page = re.sub(r"</?mark>", "", client.get("/soeg/", {"q": word, **params}).content.decode())
    return "Ingen resultater" not in page and word in page.lower()


def _teams(structure):
    cohort = make_cohort(make_programme(body=structure.cluster), 2)
    public = make_team(cohort, structure.cluster, "Zqakutteam i sektorovergange", TeamStatus.RUNNING,
                       theme="Det akutte område zqtema", internal_note="Intern zqnote")
    add_member(public, "Gitte Zqsparke", structure.hospital, TeamRole.CHAIR, email="gitte@example.invalid")
    proposed = make_team(cohort, structure.cluster, "Zqforslagsteam", TeamStatus.PROPOSED, theme="zqforslagstema")
    return public, proposed


def test_a_public_team_is_found_by_name_theme_and_member_and_under_its_clusters_filter(client, structure):
    _teams(structure)
    assert _found(client, "zqakutteam") and _found(client, "zqtema") and _found(client, "zqsparke")
    assert _found(client, "zqakutteam", klynge=structure.cluster.slug, type="improvement_team")
    assert not _found(client, "zqakutteam", klynge=structure.other_cluster.slug)


def test_a_proposed_team_and_the_internal_note_are_never_in_the_index_not_even_for_insiders(
        client, structure, member_user):
    public, proposed = _teams(structure)
    client.force_login(member_user)
    assert not _found(client, "zqforslagsteam") and not _found(client, "zqforslagstema")
    assert not _found(client, "zqnote")
    assert not SearchDocument.objects.filter(text__icontains="example.invalid").exists()
    public.status = TeamStatus.DECLINED
    public.save()
    assert not _found(client, "zqakutteam")  # set back: it leaves the index at once
    SearchDocument.objects.all().delete()
    call_command("search", "reindex")
    assert not SearchDocument.objects.filter(kind="improvement_team").exists()


def test_the_api_lists_public_teams_to_everyone_and_a_proposed_one_to_its_cluster_only(
        client, structure, member_user, other_cluster_user):
    public, proposed = _teams(structure)
    rows = client.get("/api/v1/improvement-teams").json()
    assert [r["name"] for r in rows] == ["Zqakutteam i sektorovergange"]
    assert rows[0]["cluster_slug"] == structure.cluster.slug and rows[0]["status_label"] == "I gang"
    detail = client.get(f"/api/v1/improvement-teams/{public.pk}")
    body = detail.content.decode()
    assert detail.status_code == 200 and "Gitte Zqsparke" in body and "Testby Sygehus" in body
    assert "zqnote" not in body and "example.invalid" not in body
    assert client.get(f"/api/v1/improvement-teams/{proposed.pk}").status_code == 404
    assert client.get("/api/v1/improvement-teams", {"klynge": structure.other_cluster.slug}).json() == []
    client.force_login(other_cluster_user)
    assert client.get(f"/api/v1/improvement-teams/{proposed.pk}").status_code == 404
    client.force_login(member_user)
    assert client.get(f"/api/v1/improvement-teams/{proposed.pk}").status_code == 200
    assert len(client.get("/api/v1/improvement-teams").json()) == 2
