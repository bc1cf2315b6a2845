"""Permissions in one place (klynge.organisation.permissions), tested with the personas."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from klynge.organisation import permissions
from klynge.organisation.choices import Role
from klynge.organisation.models import Membership, Person


def test_secretariat_of_a_cluster_edits_everything_under_it(structure, secretariat_user):
    for body in (structure.cluster, structure.political, structure.working_group):
        assert permissions.can_edit_body(secretariat_user, body)


def test_secretariat_of_a_cluster_cannot_edit_another_cluster(structure, secretariat_user):
    assert not permissions.can_edit_body(secretariat_user, structure.other_cluster)
    assert not permissions.can_edit_body(secretariat_user, structure.other_body)


def test_member_sees_members_only_content_of_own_body_but_cannot_edit(structure, member_user):
    assert permissions.can_see_members_only(member_user, structure.political)
    assert not permissions.can_edit_body(member_user, structure.political)


def test_member_of_another_cluster_sees_no_members_only_content(structure, other_cluster_user):
    assert not permissions.can_see_members_only(other_cluster_user, structure.political)
    assert not permissions.can_edit_body(other_cluster_user, structure.cluster)


def test_anonymous_citizen_sees_only_what_is_public(structure):
    anonymous = AnonymousUser()
    assert not permissions.can_edit_body(anonymous, structure.cluster)
    assert not permissions.can_see_members_only(anonymous, structure.political)
    assert not permissions.can_see_contact_details(anonymous)


def test_administrator_may_do_everything(structure, admin_user):
    assert permissions.can_edit_body(admin_user, structure.other_body)
    assert permissions.can_see_members_only(admin_user, structure.political)


def test_an_ended_secretariat_seat_gives_no_rights(structure, secretariat_user):
    Membership.objects.filter(person__user=secretariat_user).update(end=datetime.date(2023, 1, 1))
    assert not permissions.can_edit_body(secretariat_user, structure.cluster)


def test_editable_bodies_lists_the_subtree(structure, secretariat_user):
    editable = set(permissions.editable_bodies(secretariat_user))
    assert editable == {structure.cluster, structure.political, structure.working_group}


def test_logged_in_user_without_person_is_treated_as_public(structure, django_user_model):
    user = django_user_model.objects.create_user("uden-person", password="x")
    assert not permissions.can_see_members_only(user, structure.political)


@pytest.mark.parametrize("path_template,expected_secretariat,expected_member,expected_other,expected_anon", [
    ("/organer/{slug}/medlemmer/ny/", 200, 403, 403, 302),
    ("/organer/{slug}/kommissorium/ny/", 200, 403, 403, 302),
    ("/organer/{slug}/underorgan/ny/", 200, 403, 403, 302),
])
def test_edit_pages_per_persona(structure, secretariat_user, member_user, other_cluster_user, client,
                                path_template, expected_secretariat, expected_member, expected_other,
                                expected_anon):
    path = path_template.format(slug=structure.political.slug)
    assert client.get(path).status_code == expected_anon
    for user, expected in ((secretariat_user, expected_secretariat), (member_user, expected_member),
                           (other_cluster_user, expected_other)):
        client.force_login(user)
        assert client.get(path).status_code == expected, user.username
        client.logout()


def test_contact_details_are_hidden_from_the_public(structure, client, member_user):
    person = Person.objects.create(name="Synlig Person", email="synlig@example.invalid")
    Membership.objects.create(person=person, body=structure.political, role=Role.MEMBER,
                              start=datetime.date(2022, 7, 1))
    page = client.get(f"/organer/{structure.political.slug}/").content.decode()
    assert "Synlig Person" in page and "synlig@example.invalid" not in page
    client.force_login(member_user)
    assert "synlig@example.invalid" in client.get(f"/organer/{structure.political.slug}/").content.decode()
