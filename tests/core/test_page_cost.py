"""The Python cost of the heaviest pages does not grow with their rows (issue 16, point 2).

Timings are not asserted (the machine is shared); counts are: how many times a page walks the URL
resolver (`reverse()`, `{% url %}`, get_absolute_url) and how many templates it renders. The meeting
page prepares its items in Python with each address pattern reversed once per page, the calendars
likewise per meeting row, the follow-up page per task, and the main menu is reversed once per urlconf:
a meeting of 24 items, a calendar of 24 meetings or a follow-up page of 24 tasks costs as many resolver
walks and template renders as one of 3.
"""

import datetime

import pytest
from django.test.signals import template_rendered
from django.urls.resolvers import URLResolver

from klynge.core.links import UrlPattern
from klynge.meetings.choices import ItemKind, MeetingStatus, TaskStatus
from klynge.organisation.choices import Role
from tests.conftest import make_persona
from tests.meetings.factories import make_attachment, make_item, make_meeting, make_recommendation, make_task


class Counter:
    """Counts resolver walks (every reverse() ends in URLResolver._reverse_with_prefix) and renders."""

    def __init__(self, monkeypatch):
        self.reverses = 0
        self.renders = 0
        original = URLResolver._reverse_with_prefix

        def counted(resolver, *args, **kwargs):
            self.reverses += 1
            return original(resolver, *args, **kwargs)

        monkeypatch.setattr(URLResolver, "_reverse_with_prefix", counted)
        template_rendered.connect(self._rendered)

    def _rendered(self, **kwargs):
        self.renders += 1

    def close(self):
        template_rendered.disconnect(self._rendered)

    def get(self, client, path):
        client.get(path)  # warm up: the menu's cache, the session
        self.reverses = self.renders = 0
        response = client.get(path)
        assert response.status_code == 200
        return self.reverses, self.renders


@pytest.fixture
def counter(monkeypatch):
    c = Counter(monkeypatch)
    yield c
    c.close()


def _meeting(body, items, status=MeetingStatus.MINUTES_IN_REVIEW):
    meeting = make_meeting(body, status=status, date=datetime.date(2023, 3, 1))
    for n in range(items):
        item = make_item(meeting, closed=(n % 3 == 1), case_number=f"23/{n:04d}",
                         kind=ItemKind.BREAK if n == 2 else ItemKind.DECISION)
        if item.kind != ItemKind.BREAK:
            make_recommendation(item)
            make_attachment(item, title=f"Bilag {n}.pdf", file=f"bilag/{n}.pdf", contains_cpr=(n % 4 == 0))
            make_task(item, status=TaskStatus.OPEN)
    return meeting


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["public", "member", "secretariat"])
def test_the_meeting_page_walks_the_resolver_and_renders_templates_as_often_for_24_items_as_for_3(
        structure, client, counter, persona):
    if persona != "public":
        role = Role.SECRETARIAT if persona == "secretariat" else Role.MEMBER
        body = structure.cluster if persona == "secretariat" else structure.political
        client.force_login(make_persona(f"{persona}-cost", body, role, structure.municipality))
    small = _meeting(structure.political, 3)
    large = _meeting(structure.political, 24)
    small_cost = counter.get(client, small.get_absolute_url())
    large_cost = counter.get(client, large.get_absolute_url())
    assert large_cost == small_cost


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["?aar=2023", "?aar=2023&klynge=klynge-a"])
def test_the_calendars_walk_the_resolver_as_often_for_24_meetings_as_for_3(structure, client, counter, query):
    for day in (1, 2, 3):
        make_meeting(structure.political, date=datetime.date(2023, 3, day), status=MeetingStatus.AGENDA_PUBLISHED)
    small_cost = counter.get(client, f"/moeder/{query}&maaned=3")
    for day in range(4, 25):
        make_meeting(structure.working_group, date=datetime.date(2023, 3, day))
    large_cost = counter.get(client, f"/moeder/{query}&maaned=3")
    assert large_cost == small_cost


def test_url_pattern_gives_what_reverse_gives_under_a_script_prefix_and_for_values_that_are_not_plain():
    from django.urls import reverse, set_script_prefix
    from django.urls.base import get_script_prefix

    before = get_script_prefix()
    try:
        for prefix in ("/", "/klynge/", "/904117352668300/"):  # the last holds the sentinel itself
            set_script_prefix(prefix)
            meeting, body_meetings = UrlPattern("meetings:meeting"), UrlPattern("meetings:body_meetings")
            for pk in (1, 42, 100850):
                assert meeting(pk) == reverse("meetings:meeting", args=[pk])
            assert body_meetings("klynge-a") == reverse("meetings:body_meetings", args=["klynge-a"])
            reset = UrlPattern("password_reset_confirm", nargs=2)
            assert reset("MQ", "c4f-9a1") == reverse("password_reset_confirm", args=["MQ", "c4f-9a1"])
            assert reset("M Q", "ø") == reverse("password_reset_confirm", args=["M Q", "ø"])  # quoted by reverse()
    finally:
        set_script_prefix(before)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["public", "secretariat"])
def test_the_follow_up_page_walks_the_resolver_and_renders_templates_as_often_for_24_tasks_as_for_3(
        structure, client, counter, persona):
    if persona == "secretariat":
        client.force_login(make_persona("secretariat-cost", structure.cluster, Role.SECRETARIAT,
                                        structure.municipality))
    meeting = make_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED, date=datetime.date(2023, 3, 1))
    item = make_item(meeting, case_number="23/0001")
    for n in range(3):
        make_task(item, description=f"Opgave {n}", status=TaskStatus.OPEN if n % 2 else TaskStatus.IN_PROGRESS,
                  due=datetime.date(2023, 4, 1 + n))
    small_cost = counter.get(client, f"/opfoelgning/{structure.cluster.slug}/")
    for n in range(3, 24):
        make_task(item, description=f"Opgave {n}", status=TaskStatus.OPEN, due=datetime.date(2023, 4, 1 + n))
    large_cost = counter.get(client, f"/opfoelgning/{structure.cluster.slug}/")
    assert large_cost == small_cost
