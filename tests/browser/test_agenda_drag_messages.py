"""Issue 13, point 10: written briefings stay after Eventuelt, and the page says why; a drag that is
undone says why too. At desktop and phone size, with screenshots."""

import datetime

import pytest
from django.utils import timezone

from klynge.meetings.choices import ItemKind
from tests.conftest import PASSWORD
from tests.meetings.factories import make_item, make_meeting

from .conftest import axe_violations, log_in, screenshot


@pytest.fixture
def agenda(structure, secretariat_user):
    meeting = make_meeting(structure.political, date=timezone.localdate() + datetime.timedelta(days=14),
                           start=datetime.time(17, 0), end=datetime.time(20, 0))
    make_item(meeting, title="Velkomst", kind=ItemKind.WELCOME, duration_minutes=5)
    make_item(meeting, title="Status på indsatser", duration_minutes=30)
    make_item(meeting, title="Eventuelt", kind=ItemKind.ANY_OTHER_BUSINESS, duration_minutes=5)
    make_item(meeting, title="Nyt fra sekretariatet", kind=ItemKind.WRITTEN_BRIEFING)
    return meeting


def _titles(page):
    return page.locator("#agenda-order tr td:nth-child(2) a").all_inner_texts()


def test_a_written_briefing_dragged_up_is_put_back_last_and_the_page_says_why(page, agenda, secretariat_user):
    log_in(page, secretariat_user.username, PASSWORD)
    page.goto(agenda.get_absolute_url())
    caption = page.locator(".klynge-toc caption").inner_text()
    assert "Skriftlige orienteringer står altid sidst, efter Eventuelt" in caption
    source = page.locator("#agenda-order tr", has_text="Nyt fra sekretariatet")
    target = page.locator("#agenda-order tr", has_text="Status på indsatser")
    with page.expect_navigation():
        source.drag_to(target, target_position={"x": 20, "y": 3})
    assert _titles(page) == ["Velkomst", "Status på indsatser", "Eventuelt", "Nyt fra sekretariatet"]
    message = page.locator(".alert-info").inner_text()
    assert "“Nyt fra sekretariatet” er flyttet tilbage efter de øvrige punkter" in message
    assert "skriftlige orienteringer står altid sidst" in message
    assert axe_violations(page) == []
    screenshot(page, "agenda-briefing-kept-last-desktop")


def test_a_row_let_go_outside_the_agenda_is_put_back_and_the_page_says_why(page, agenda, secretariat_user):
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, secretariat_user.username, PASSWORD)
    page.goto(agenda.get_absolute_url())
    before = _titles(page)
    # The drag events a browser sends when a row is picked up, dragged over another row and let go
    # outside the table (no drop event): dispatched in the page, as Playwright's mouse drag only
    # produces them over a drop target.
    page.evaluate("""() => {
        const rows = document.querySelectorAll('#agenda-order tr');
        const data = new DataTransfer();
        const fire = (el, type) => el.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true,
                                                                           dataTransfer: data}));
        fire(rows[1], 'dragstart');
        fire(rows[0], 'dragover');
        fire(rows[1], 'dragend');
    }""")
    status = page.locator("#agenda-order-status")
    status.get_by_text("sluppet uden for indholdsfortegnelsen").wait_for()
    assert _titles(page) == before
    assert [i.title for i in agenda.items.order_by("position")] == before
    screenshot(page, "agenda-drag-undone-phone")


def test_a_written_briefing_offers_no_flyt_op_past_the_main_items_and_the_agenda_says_why(
        page, agenda, secretariat_user):
    log_in(page, secretariat_user.username, PASSWORD)
    page.goto(agenda.get_absolute_url())
    briefing = agenda.items.get(kind=ItemKind.WRITTEN_BRIEFING)
    assert page.locator(f"#punkt-{briefing.number}").get_by_role("button", name="Flyt op").count() == 0
    assert "Skriftlige orienteringer står altid sidst, efter Eventuelt" in page.locator(".klynge-toc").inner_text()
