"""Improvement programmes kept by a secretariat: created for one of its own bodies, edited by the
secretariat of the body that runs it, refused in Danish otherwise, and the add/edit pages' helper."""

import pytest
from django.urls import reverse

from klynge.improvement.models import Programme
from klynge.organisation.choices import Role
from tests.conftest import make_persona
from tests.improvement.factories import make_programme


def _text(response):
    return response.content.decode()


def _data(body, **kw):
    return {"name": "Forbedringsprogram for akutområdet", "slug": "akutprogrammet", "owner": "Region Testland",
            "body": body.pk if body else "", "description": "DEMO", **kw}


def test_a_cluster_secretariat_creates_a_programme_for_its_own_cluster_and_may_then_edit_it(
        client, structure, secretariat_user):
    client.force_login(secretariat_user)
    index = _text(client.get(reverse("improvement:index")))
    assert reverse("improvement:programme_add") in index
    response = client.post(reverse("improvement:programme_add"), _data(structure.cluster))
    programme = Programme.objects.get(slug="akutprogrammet")
    assert response.status_code == 302 and response["Location"] == programme.get_absolute_url()
    assert programme.body == structure.cluster
    page = _text(client.get(programme.get_absolute_url()))
    assert reverse("improvement:programme_edit", args=[programme.slug]) in page
    assert "Nyt hold" in page
    edit = reverse("improvement:programme_edit", args=[programme.slug])
    response = client.post(edit, {**_data(structure.cluster, name="Akutprogrammet, 2. udgave"),
                                  "loaded_version": programme.version})
    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.name == "Akutprogrammet, 2. udgave"
    assert programme.history.count() == 2


def test_a_programme_for_a_body_the_secretariat_does_not_keep_or_with_no_body_is_refused_in_danish(
        client, structure, secretariat_user):
    client.force_login(secretariat_user)
    url = reverse("improvement:programme_add")
    page = _text(client.post(url, _data(structure.other_cluster)))
    assert "Vælg et organ, hvis sekretariat du er en del af." in page
    page = _text(client.post(url, _data(None)))
    assert "Vælg det organ, hvis sekretariat fører programmet." in page
    assert not Programme.objects.exists()


@pytest.mark.parametrize(("slug", "message"), [
    ("ny", "“ny” bruges allerede i adresserne. Vælg et andet kortnavn."),
    ("Akut Program", "Kortnavnet må kun indeholde små bogstaver, tal og bindestreger."),
])
def test_a_slug_that_would_hide_a_page_or_is_not_a_slug_is_refused(client, structure, secretariat_user, slug,
                                                                    message):
    client.force_login(secretariat_user)
    page = _text(client.post(reverse("improvement:programme_add"), _data(structure.cluster, slug=slug)))
    assert message in page and not Programme.objects.exists()


def test_a_slug_taken_by_another_programme_is_refused(client, structure, secretariat_user):
    make_programme(body=None, slug="akutprogrammet")
    client.force_login(secretariat_user)
    page = _text(client.post(reverse("improvement:programme_add"), _data(structure.cluster)))
    assert "Der findes allerede et program med dette kortnavn." in page
    assert Programme.objects.count() == 1


def test_members_the_public_and_other_secretariats_cannot_create_or_edit_a_programme(
        client, structure, member_user):
    programme = make_programme(body=structure.cluster)
    add, edit = reverse("improvement:programme_add"), reverse("improvement:programme_edit", args=[programme.slug])
    response = client.get(add)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert "Nyt program" not in _text(client.get(reverse("improvement:index")))
    client.force_login(member_user)
    assert client.get(add).status_code == 403
    assert client.get(edit).status_code == 403
    client.force_login(make_persona("sekretariat-b", structure.other_cluster, Role.SECRETARIAT))
    assert client.get(add).status_code == 200  # for Klynge B's own bodies
    assert client.post(edit, _data(structure.other_cluster)).status_code == 403
    programme.refresh_from_db()
    assert programme.body == structure.cluster and programme.name == "Det Nationale Ledelsesprogram"


def test_an_administrator_may_create_a_programme_run_by_no_body(client, structure, admin_user):
    client.force_login(admin_user)
    assert client.post(reverse("improvement:programme_add"), _data(None)).status_code == 302
    assert Programme.objects.get().body is None


def test_an_invalid_form_saves_nothing_and_shows_the_form_again_with_its_title(client, structure,
                                                                                secretariat_user):
    client.force_login(secretariat_user)
    response = client.post(reverse("improvement:programme_add"), _data(structure.cluster, name=""))
    assert response.status_code == 200
    page = _text(response)
    assert "<h1>Nyt forbedringsprogram</h1>" in page and "Dette felt er påkrævet." in page
