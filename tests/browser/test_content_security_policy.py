"""In a real browser with the Content-Security-Policy on: no page reports a violation."""

import os

import pytest
from django.core.management import call_command

from klynge.meetings.models import Meeting

from .conftest import axe_violations, csp_violations, log_in, watch_csp


@pytest.fixture
def demo(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    call_command("demo", stdout=open(os.devnull, "w"))


def _meeting_url():
    meeting = Meeting.objects.filter(items__isnull=False).order_by("-date").first()
    return meeting.get_absolute_url()


def test_front_page_meeting_page_and_api_docs_load_without_csp_violations(page, demo):
    console = watch_csp(page)
    response = page.goto("/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.get_by_role("navigation", name="Hovedmenu").wait_for()
    assert page.evaluate("typeof window.DKFDS") == "object"  # DKFDS started from the static file
    page.goto(_meeting_url())
    page.locator("h1").wait_for()
    page.goto("/api/v1/docs")
    page.locator(".swagger-ui .info").wait_for()  # Swagger UI ran from the bundled copy
    assert csp_violations(page, console) == []


def test_secretariat_pages_with_scripts_run_without_csp_violations(page, demo):
    console = watch_csp(page)
    log_in(page, "sekretariat", "klynge-demo")
    page.goto(_meeting_url())
    page.locator("h1").wait_for()
    assert axe_violations(page) == []  # axe runs under the policy too
    assert csp_violations(page, console) == []


def test_delete_confirmation_comes_from_the_static_script(page, demo):
    log_in(page, "sekretariat", "klynge-demo")
    meeting = Meeting.objects.filter(items__isnull=False, minutes_published_at__isnull=True).order_by("-date").first()
    page.goto(meeting.get_absolute_url())
    count = meeting.items.count()
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.locator("form[data-confirm] button").first.click()
    page.wait_for_load_state()
    assert asked == ["Slet punktet?"]
    assert meeting.items.count() == count  # dismissed: nothing deleted
