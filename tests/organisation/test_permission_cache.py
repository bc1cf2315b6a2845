"""The per-request cache of permission sets (issue 16): once per read request, never stale, never shared."""

import datetime

from django.http import HttpResponse
from django.test import RequestFactory

from klynge.organisation import permissions
from klynge.organisation.choices import Role
from klynge.organisation.models import Membership


def test_permission_sets_are_read_once_inside_a_request_cache(secretariat_user, structure,
                                                              django_assert_max_num_queries):
    with permissions.request_cache():
        permissions.can_edit_body(secretariat_user, structure.political)  # reads the sets once
        permissions.can_see_members_only(secretariat_user, structure.other_body)
        with django_assert_max_num_queries(0):
            for _ in range(5):
                assert permissions.can_edit_body(secretariat_user, structure.working_group)
                assert permissions.can_see_members_only(secretariat_user, structure.political)


def test_a_membership_saved_while_the_cache_is_open_is_seen_at_once(other_cluster_user, structure):
    with permissions.request_cache():
        assert not permissions.can_edit_body(other_cluster_user, structure.political)
        Membership.objects.create(person=other_cluster_user.person, body=structure.cluster, role=Role.SECRETARIAT,
                                  start=datetime.date(2024, 1, 1))
        assert permissions.can_edit_body(other_cluster_user, structure.political)


def test_without_a_request_cache_nothing_is_remembered(other_cluster_user, structure):
    assert not permissions.can_edit_body(other_cluster_user, structure.political)
    Membership.objects.filter(person=other_cluster_user.person).update(body=structure.cluster, role=Role.SECRETARIAT)
    assert permissions.can_edit_body(other_cluster_user, structure.political)


def test_only_reading_requests_get_a_cache_and_it_ends_with_the_request():
    seen = {}

    def view(request):
        seen[request.method] = permissions._cache.get() is not None
        return HttpResponse()

    middleware = permissions.PermissionCacheMiddleware(view)
    middleware(RequestFactory().get("/"))
    middleware(RequestFactory().post("/"))
    assert seen == {"GET": True, "POST": False}
    assert permissions._cache.get() is None
