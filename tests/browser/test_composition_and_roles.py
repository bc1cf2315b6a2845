"""Issue 14, points 3 and 4 in the browser: a body's seats and composition versions, the warning when a
membership breaks a rule, a rule with no party refused; the meeting's chair and minute-takers. At desktop
size and on a phone (390x844), axe clean, with screenshots to look at."""

import os

import pytest
from django.core.management import call_command

from klynge.meetings.models import Meeting

from .conftest import axe_violations, log_in, screenshot

SIZES = {"desktop": {"width": 1280, "height": 900}, "telefon": {"width": 390, "height": 844}}


@pytest.fixture
def demo(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    call_command("demo", stdout=open(os.devnull, "w"))


def _no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.mark.parametrize("size", SIZES)
def test_a_citizen_sees_the_seats_and_the_versions_approved_by_a_decision(page, demo, size):
    page.set_viewport_size(SIZES[size])
    page.goto("/organer/randersklyngen-politisk-niveau/")
    seats = page.locator("section[aria-labelledby=sammensaetning]")
    text = seats.inner_text()
    assert "11 pladser: 10 besat, 1 ledig" in text
    assert "1 borgmester pr. kommune" in text and "Syddjurs Kommune" in text
    assert axe_violations(page) == []
    _no_sideways_scroll(page)
    screenshot(page, f"composition-body-{size}")
    seats.get_by_role("link", name="Regler, versioner og godkendelser").click()
    assert page.locator("h1").inner_text() == "Sammensætning af Randersklyngen – Politisk niveau"
    main = page.locator("main").inner_text()
    assert "Fra 1. juli 2024 (gældende)" in main
    assert "Godkendt af Randersklyngen – Politisk niveau 12. juni 2024" in main
    assert "Fra 1. juli 2022 til 30. juni 2024" in main
    assert "4 år, følger den kommunale valgperiode" in main
    assert axe_violations(page) == []
    _no_sideways_scroll(page)
    screenshot(page, f"composition-versions-{size}")


@pytest.mark.parametrize("size", SIZES)
def test_the_secretariat_is_warned_about_a_third_family_doctor_and_refused_a_rule_with_no_party(page, demo, size):
    page.set_viewport_size(SIZES[size])
    log_in(page, "sekretariat", "klynge-demo")
    page.goto("/organer/randersklyngen-klyngestyregruppe/medlemmer/ny/")
    page.get_by_label("Person").select_option(label="Henrik Idriss Kise")
    page.get_by_label("Repræsenterer").select_option(label="PLO-Midtjylland")
    page.get_by_label("Fra").fill("2024-01-01")
    page.get_by_role("button", name="Tilføj medlem").click()
    assert page.locator(".alert-success").count() == 1  # the vacant general-practice seat: no warning
    page.goto("/organer/randersklyngen-klyngestyregruppe/medlemmer/ny/")
    page.get_by_label("Person").select_option(label="Marie Nygård Fogh")
    page.get_by_label("Repræsenterer").select_option(label="PLO-Midtjylland")
    page.get_by_label("Fra").fill("2024-01-01")
    page.get_by_role("button", name="Tilføj medlem").click()
    warning = page.locator(".alert-warning").inner_text()
    assert "Reglen “DEMO: 1 repræsentant for almen praksis udpeget af PLO-Midtjylland” giver 1 plads" in warning
    assert "Henrik Idriss Kise" in warning
    assert axe_violations(page) == []
    _no_sideways_scroll(page)
    screenshot(page, f"composition-warning-{size}")
    page.goto("/organer/randersklyngen-klyngestyregruppe/sammensaetning/regel/ny/")
    page.get_by_label("Regel i kilden").fill("1 direktør")
    page.get_by_label("Pladsen er til").fill("direktør")
    page.get_by_role("button", name="Tilføj regel").click()
    assert "Reglen mangler en part" in page.locator("main").inner_text()
    assert axe_violations(page) == []
    _no_sideways_scroll(page)
    screenshot(page, f"composition-rule-without-party-{size}")


@pytest.mark.parametrize("size", SIZES)
def test_the_secretariat_sets_the_chair_and_minute_takers_of_a_meeting(page, demo, size):
    page.set_viewport_size(SIZES[size])
    meeting = Meeting.objects.get(body__slug="randersklyngen-klyngestyregruppe", status="planned")
    log_in(page, "sekretariat", "klynge-demo")
    page.goto(f"/moeder/{meeting.pk}/")
    page.get_by_role("link", name="Mødeleder og referenter").click()
    page.get_by_label("Mødeleder (ordstyrer)").select_option(label="Thomas Krarup")
    page.get_by_label("Referenter").select_option(label=["Stinna Andreasen", "Leanne Hejlskov"])
    assert axe_violations(page) == []
    screenshot(page, f"meeting-roles-form-{size}")
    page.get_by_role("button", name="Gem").click()
    roles = page.locator(".klynge-meeting-roles").inner_text()
    assert "Mødeleder: Thomas Krarup" in roles and "Referenter: Leanne Hejlskov, Stinna Andreasen" in roles
    assert axe_violations(page) == []
    _no_sideways_scroll(page)
    screenshot(page, f"meeting-roles-{size}")
