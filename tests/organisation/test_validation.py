"""Bad input to the structure gets a clear Danish message and nothing is saved."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from klynge.organisation.choices import Role
from klynge.organisation.models import Body, Membership, Person

D = datetime.date


@pytest.fixture
def person(db):
    return Person.objects.create(name="Karen Jensen")


def test_membership_ending_before_it_starts_is_refused(structure, person):
    membership = Membership(person=person, body=structure.political, role=Role.MEMBER,
                            start=D(2024, 5, 1), end=D(2024, 4, 30))
    with pytest.raises(ValidationError) as error:
        membership.full_clean()
    assert "Slutdatoen ligger før startdatoen" in str(error.value)


def test_same_person_twice_in_same_body_and_role_for_overlapping_periods_is_refused(structure, person):
    Membership.objects.create(person=person, body=structure.political, role=Role.MEMBER, start=D(2023, 1, 1))
    second = Membership(person=person, body=structure.political, role=Role.MEMBER, start=D(2024, 1, 1),
                        end=D(2024, 12, 31))
    with pytest.raises(ValidationError) as error:
        second.full_clean()
    assert "overlappende periode" in str(error.value)


def test_same_person_may_return_after_an_earlier_membership_ended(structure, person):
    Membership.objects.create(person=person, body=structure.political, role=Role.MEMBER,
                              start=D(2022, 1, 1), end=D(2022, 12, 31))
    Membership(person=person, body=structure.political, role=Role.MEMBER, start=D(2023, 1, 1)).full_clean()


def test_same_person_may_hold_two_roles_in_one_body(structure, person):
    Membership.objects.create(person=person, body=structure.political, role=Role.MEMBER, start=D(2023, 1, 1))
    Membership(person=person, body=structure.political, role=Role.CO_CHAIR, start=D(2023, 1, 1)).full_clean()


def test_a_body_cannot_be_made_its_own_ancestor(structure):
    cluster = structure.cluster
    cluster.parent = structure.working_group  # working group is under the cluster's political level
    with pytest.raises(ValidationError) as error:
        cluster.full_clean()
    assert "underorganer" in str(error.value)


def test_a_body_cannot_be_its_own_parent(structure):
    body = structure.political
    body.parent = body
    with pytest.raises(ValidationError):
        body.full_clean()


def test_duplicate_slug_is_refused_with_a_danish_message(structure):
    body = Body(name="Ny klynge", slug=structure.cluster.slug, kind=structure.cluster.kind)
    with pytest.raises(ValidationError) as error:
        body.full_clean()
    assert "kortnavn" in str(error.value)


def test_nothing_is_saved_when_a_membership_is_invalid(structure, person, login, secretariat_user):
    client = login(secretariat_user)
    before = Membership.objects.count()
    response = client.post(f"/organer/{structure.political.slug}/medlemmer/ny/", {
        "person": person.pk, "role": Role.MEMBER, "start": "2024-05-01", "end": "2024-04-01",
    })
    assert response.status_code == 200
    assert "Slutdatoen ligger før startdatoen" in response.content.decode()
    assert Membership.objects.count() == before
