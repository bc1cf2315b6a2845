"""Return addresses (?tilbage=, next) lead only to paths on this site."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from klynge.core.redirects import is_safe_return_path
from klynge.meetings.choices import TaskStatus
from tests.conftest import PASSWORD
from tests.meetings.factories import make_item, make_meeting, make_task

OFF_SITE = [
    "https://evil.example/", "http://evil.example", "//evil.example/", "/\\evil.example", "\\\\evil.example",
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "/\n/evil.example", "/\t/evil.example", "///evil.example",
    "https:evil.example", "data:text/html,hej", "evil.example", "",
]


@pytest.mark.parametrize("url", OFF_SITE)
def test_an_off_site_or_odd_address_is_not_a_safe_return_path(url):
    request = RequestFactory().get("/")
    assert not is_safe_return_path(url, request)


@pytest.mark.parametrize("url", ["/opfoelgning/klynge-a/", "/moeder/?aar=2023#juni", "/soeg/?q=%C3%A6ble"])
def test_a_path_on_this_site_is_a_safe_return_path(url):
    assert is_safe_return_path(url, RequestFactory().get("/"))


@pytest.fixture
def task(structure):
    return make_task(make_item(make_meeting(structure.political)))


@pytest.mark.parametrize("url", ["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)"])
def test_closing_a_task_never_redirects_off_site(login, secretariat_user, task, url):
    client = login(secretariat_user)
    close = reverse("meetings:task_close", args=[task.pk])
    form = client.get(close, {"tilbage": url})
    assert url not in form.content.decode()  # not as the cancel link either
    response = client.post(f"{close}?tilbage={url}", {"status": TaskStatus.DONE, "closed_note": "Udført.",
                                                       "loaded_version": task.version})
    assert response.status_code == 302
    assert response["Location"] == task.item.meeting.get_absolute_url()
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE


def test_closing_a_task_returns_to_the_follow_up_page_it_came_from(login, secretariat_user, task):
    client = login(secretariat_user)
    back = reverse("meetings:followup_cluster", args=["klynge-a"])
    response = client.post(reverse("meetings:task_close", args=[task.pk]) + f"?tilbage={back}",
                           {"status": TaskStatus.DONE, "closed_note": "Udført.", "loaded_version": task.version})
    assert response["Location"] == back


@pytest.mark.parametrize("url", ["https://evil.example/", "//evil.example", "/\\evil.example"])
def test_login_never_redirects_off_site(client, member_user, url):
    response = client.post(reverse("login") + f"?next={url}", {"username": "medlem-a", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("front")


@pytest.mark.parametrize("url", ["https://evil.example/", "//evil.example", "/\\evil.example"])
def test_logout_never_redirects_off_site(login, member_user, url):
    client = login(member_user)
    response = client.post(reverse("logout") + f"?next={url}")
    assert response.status_code == 302
    assert response["Location"] == reverse("front")


def test_login_follows_a_path_on_this_site(client, member_user):
    response = client.post(reverse("login") + "?next=/moeder/", {"username": "medlem-a", "password": PASSWORD})
    assert response["Location"] == "/moeder/"
