"""The secretariat links a version of a body's composition to the decided item that approved it
(meetings.CompositionApproval), from the body's composition page."""

import datetime

import pytest
from django.urls import reverse

from klynge.meetings.choices import MeetingStatus, Outcome
from klynge.meetings.models import CompositionApproval
from klynge.organisation import composition
from klynge.organisation.choices import Role
from tests.conftest import make_persona
from tests.meetings.factories import make_item, make_meeting, make_recommendation

D = datetime.date


@pytest.fixture
def decided(structure):
    """Klynge A – Politisk niveau decided an extra seat (open item) and something closed; one item undecided;
    Klynge B decided something too."""
    meeting = make_meeting(structure.political, date=D(2024, 6, 12), status=MeetingStatus.MINUTES_PUBLISHED)
    extra = make_item(meeting, title="Ekstra plads til almen praksis", decision="Godkendt.")
    make_recommendation(extra, outcome=Outcome.APPROVED)
    closed = make_item(meeting, title="Lukket zqpersonsag", closed=True, decision="Godkendt.")
    undecided = make_item(meeting, title="Orientering zqudenbeslutning")
    other = make_item(make_meeting(structure.other_body, date=D(2024, 6, 13),
                                   status=MeetingStatus.MINUTES_PUBLISHED), title="Klynge B zqandenklynge",
                      decision="Godkendt.")
    return extra, closed, undecided, other


def _url(body, version):
    return reverse("meetings:composition_approval", args=[body.slug, version.pk])


def test_the_secretariat_links_a_version_to_the_decided_item_and_the_composition_page_shows_it(
        client, structure, decided, secretariat_user):
    extra, _, _, _ = decided
    version = composition.add_version(structure.political, D(2024, 7, 1), source="DEMO: en ekstra plads")
    client.force_login(secretariat_user)
    page = client.get(reverse("composition", args=[structure.political.slug])).content.decode()
    assert _url(structure.political, version) in page
    response = client.post(_url(structure.political, version), {"item": extra.pk, "recommendation_number": "1"})
    assert response.status_code == 302
    approval = CompositionApproval.objects.get(version=version)
    assert approval.item == extra and approval.recommendation.number == 1
    assert approval.history.first().history_change_reason == "Knyttet til beslutningen via sammensætningssiden"
    page = client.get(reverse("composition", args=[structure.political.slug])).content.decode()
    assert "Godkendt af Klynge A – Politisk niveau 12. juni 2024" in page and "indstilling 1" in page
    assert "Ret godkendelsen" in page


def test_a_sub_bodys_secretariat_sees_the_parents_closed_item_only_as_a_closed_item(client, structure, decided):
    extra, closed, undecided, other = decided
    version = composition.add_version(structure.working_group, D(2024, 7, 1))
    client.force_login(make_persona("sekretariat-a1", structure.working_group, Role.SECRETARIAT))
    response = client.get(_url(structure.working_group, version))
    page = response.content.decode()
    offered = list(response.context["form"].fields["item"].queryset)
    assert extra in offered and closed in offered
    assert undecided not in offered and other not in offered
    assert "Ekstra plads til almen praksis" in page
    assert "zqpersonsag" not in page and "punkt 2: Lukket punkt" in page
    page = client.post(_url(structure.working_group, version), {"item": other.pk}).content.decode()
    assert "Vælg et besluttet punkt fra organets eller det overordnede organs møder." in page
    assert "zqpersonsag" not in page
    assert client.post(_url(structure.working_group, version), {"item": closed.pk}).status_code == 302
    assert CompositionApproval.objects.get(version=version).item == closed


def test_no_item_or_a_recommendation_the_item_does_not_have_is_refused_in_danish_and_nothing_is_saved(
        client, structure, decided, secretariat_user):
    extra, _, _, _ = decided
    version = composition.add_version(structure.political, D(2024, 7, 1))
    client.force_login(secretariat_user)
    page = client.post(_url(structure.political, version), {"item": ""}).content.decode()
    assert "Vælg det punkt, hvor ændringen af sammensætningen blev godkendt." in page
    page = client.post(_url(structure.political, version), {"item": extra.pk, "recommendation_number": "7"}
                       ).content.decode()
    assert "Punkt 1 har ingen indstilling 7." in page
    page = client.post(_url(structure.political, version), {"item": extra.pk, "recommendation_number": "x"}
                       ).content.decode()
    assert "Skriv indstillingens nummer som et tal." in page
    assert not CompositionApproval.objects.exists()


def test_members_the_public_and_other_bodies_versions_are_refused(client, structure, decided, member_user,
                                                                  secretariat_user):
    extra, _, _, _ = decided
    version = composition.add_version(structure.political, D(2024, 7, 1))
    url = _url(structure.political, version)
    response = client.post(url, {"item": extra.pk})
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    client.force_login(member_user)
    assert client.post(url, {"item": extra.pk}).status_code == 403
    client.force_login(secretariat_user)
    assert client.get(_url(structure.other_body, version)).status_code == 404
    assert not CompositionApproval.objects.exists()


def test_a_model_rule_the_form_did_not_catch_is_shown_as_a_danish_error_and_nothing_is_saved(
        client, structure, decided, secretariat_user, monkeypatch):
    from django.core.exceptions import ValidationError

    def refuse(self):
        raise ValidationError({"recommendation": "Indstillingen hører ikke til det valgte punkt."})

    monkeypatch.setattr(CompositionApproval, "clean", refuse)
    extra, _, _, _ = decided
    version = composition.add_version(structure.political, D(2024, 7, 1))
    client.force_login(secretariat_user)
    response = client.post(_url(structure.political, version), {"item": extra.pk})
    assert response.status_code == 200
    assert "Indstillingen hører ikke til det valgte punkt." in response.content.decode()
    assert not CompositionApproval.objects.filter(version=version).exists()
