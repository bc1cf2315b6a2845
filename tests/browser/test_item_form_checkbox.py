"""Issue 13, point 2 (fixed earlier, kept true): the "Lukket punkt" checkbox is drawn beside its
label, and clicking or tabbing to it does not move the page. Desktop and phone."""

import datetime

from django.utils import timezone

from tests.conftest import PASSWORD
from tests.meetings.factories import make_meeting

from .conftest import log_in, screenshot


def test_the_closed_item_checkbox_sits_beside_its_label_and_does_not_jump_the_page(
        page, structure, secretariat_user):
    meeting = make_meeting(structure.political, date=timezone.localdate() + datetime.timedelta(days=7))
    log_in(page, secretariat_user.username, PASSWORD)
    for label, viewport in (("desktop", {"width": 1280, "height": 800}), ("phone", {"width": 390, "height": 844})):
        page.set_viewport_size(viewport)
        page.goto(f"/moeder/{meeting.pk}/punkter/ny/")
        box = page.get_by_label("Lukket punkt")
        text = page.locator("label[for=id_closed]")
        text.scroll_into_view_if_needed()
        text_box = text.bounding_box()
        # DKFDS draws the box with the label's ::before, at the label's left edge and on its line.
        drawn = text.evaluate("""e => { const s = getComputedStyle(e, '::before');
                                         return [s.content, s.position, s.left, s.top]; }""")
        assert drawn[0] != "none"
        assert text_box["y"] > 200  # not at the page's top-left corner
        scroll = page.evaluate("window.scrollY")
        text.click()
        assert box.is_checked()
        assert abs(page.evaluate("window.scrollY") - scroll) < 5
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == "id_closed"
        assert abs(page.evaluate("window.scrollY") - scroll) < 5
        input_box = box.bounding_box()
        if input_box and input_box["width"] > 0:  # the real input, if laid out, is on the label's line
            assert abs(input_box["y"] - text_box["y"]) < 40
        screenshot(page, f"item-form-closed-checkbox-{label}")
