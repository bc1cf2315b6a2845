"""Browser journeys through the structure pages, with the axe accessibility check."""

import os

import pytest
from django.core.management import call_command

from .conftest import axe_violations, log_in, screenshot


@pytest.fixture
def demo(transactional_db):
    call_command("demo", stdout=open(os.devnull, "w"))


def test_anonymous_citizen_browses_region_cluster_body_person(page, demo):
    page.goto("/")
    assert page.locator("h1").inner_text() == "Sundhedssamarbejdet"
    page.get_by_role("link", name="Randersklyngen", exact=True).click()
    assert page.locator("h1").inner_text() == "Randersklyngen"
    page.get_by_role("link", name="Randersklyngen – Politisk niveau").first.click()
    assert page.locator("h1").inner_text() == "Randersklyngen – Politisk niveau"
    members = page.locator("#medlemmer").locator("xpath=..")
    assert "Anders Kühnau" in members.inner_text()
    members.get_by_role("link", name="Torben Hansen").click()  # the composition above links him too
    assert page.locator("h1").inner_text() == "Torben Hansen"
    assert "Randersklyngen – Politisk niveau" in page.content()
    assert "@" not in page.locator("main").inner_text()  # no e-mail addresses for the public
    page.get_by_role("link", name="Randers Kommune").first.click()
    assert page.locator("h1").inner_text() == "Randers Kommune"


def test_secretariat_adds_a_membership_that_ends_and_sees_it_under_former_members(page, demo):
    log_in(page, "sekretariat", "klynge-demo")
    page.goto("/organer/randersklyngen-klyngestyregruppe/")
    page.get_by_role("link", name="Tilføj medlem").click()
    page.get_by_label("Person").select_option(label="Kurt Æbelø")
    page.get_by_label("Rolle").select_option(label="Medlem")
    page.get_by_label("Repræsenterer").select_option(label="Randers Kommune")
    page.get_by_label("Fra").fill("2023-01-01")
    page.get_by_label("Til").fill("2023-12-31")
    page.get_by_role("button", name="Tilføj medlem").click()
    # Randers Kommune's seat ("1 direktør pr. kommune") is taken: a warning to confirm (issue 14, point 3).
    assert "“1 direktør pr. kommune”" in page.locator(".alert-warning").inner_text()
    page.get_by_label("Tilføj alligevel").check()
    page.get_by_role("button", name="Tilføj medlem").click()
    assert "er tilføjet som medlem" in page.locator(".alert-success").inner_text()
    former = page.locator("section[aria-labelledby=tidligere]")
    assert "Kurt Æbelø" in former.inner_text()
    assert "31. december 2023" in former.inner_text()
    current = page.locator("section[aria-labelledby=medlemmer]")
    assert "Kurt Æbelø" not in current.inner_text()
    screenshot(page, "structure-former-members")


def test_secretariat_sees_a_danish_error_for_a_membership_ending_before_it_starts(page, demo):
    log_in(page, "sekretariat", "klynge-demo")
    page.goto("/organer/randersklyngen-klyngestyregruppe/medlemmer/ny/")
    page.get_by_label("Person").select_option(label="Kurt Æbelø")
    page.get_by_label("Fra").fill("2024-05-01")
    page.get_by_label("Til").fill("2024-01-01")
    page.get_by_role("button", name="Tilføj medlem").click()
    assert "Slutdatoen ligger før startdatoen" in page.locator("main").inner_text()


def test_edit_form_is_usable_by_keyboard(page, demo):
    log_in(page, "sekretariat", "klynge-demo")
    page.goto("/organer/randersklyngen/")
    page.keyboard.press("Tab")  # skip link first
    assert page.evaluate("document.activeElement.textContent").strip() == "Gå til sidens indhold"
    page.goto("/organer/randersklyngen/underorgan/ny/")
    page.get_by_label("Navn", exact=True).focus()
    page.keyboard.type("Temagruppe om ældre")
    page.get_by_label("Type").select_option(label="Temagruppe")
    page.get_by_label("Navn", exact=True).focus()
    page.keyboard.press("Enter")  # submits the form
    page.wait_for_url("**/organer/temagruppe-om-aeldre/")
    assert page.locator("h1").inner_text() == "Temagruppe om ældre"


@pytest.mark.parametrize("path", [
    "/", "/organer/randersklyngen-politisk-niveau/", "/organer/lillebaelt-koordinerende-niveau/",
    "/personer/torben-hansen/", "/parter/region-midtjylland/", "/organer/lillebaelt-politisk-niveau/formandskab/",
    "/log-ind/", "/soeg/?q=Randers", "/sager/", "/moeder/?aar=2023",
])
def test_structure_pages_have_no_serious_accessibility_violations(page, demo, path):
    page.goto(path)
    assert axe_violations(page) == []


def test_secretariat_pages_have_no_serious_accessibility_violations(page, demo):
    log_in(page, "sekretariat", "klynge-demo")
    for path in ["/organer/randersklyngen-politisk-niveau/", "/organer/randersklyngen/medlemmer/ny/",
                 "/organer/randersklyngen/kommissorium/ny/"]:
        page.goto(path)
        assert axe_violations(page) == [], path


def test_a_form_checkbox_is_drawn_beside_its_label_and_clicking_the_label_ticks_it(page, demo):
    from klynge.meetings.choices import MeetingStatus
    from klynge.meetings.models import Meeting

    meeting = Meeting.objects.get(body__slug="randersklyngen-klyngestyregruppe", status=MeetingStatus.PLANNED)
    log_in(page, "sekretariat", "klynge-demo")
    page.goto(f"/moeder/{meeting.pk}/punkter/ny/")
    box = page.get_by_label("Lukket punkt")
    label = page.locator(f"label[for='{box.get_attribute('id')}']")
    box_at, label_at = box.bounding_box(), label.bounding_box()
    assert abs(box_at["y"] - label_at["y"]) < label_at["height"]      # on the label's line, not the page's top
    assert label_at["x"] <= box_at["x"] <= label_at["x"] + 40         # at the label's left edge
    label.scroll_into_view_if_needed()
    scroll_before = page.evaluate("window.scrollY")
    label.click()
    assert box.is_checked()
    assert abs(page.evaluate("window.scrollY") - scroll_before) < 50  # clicking it does not jump the page
