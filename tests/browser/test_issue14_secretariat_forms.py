"""Browser journey for the secretariat's new forms of issue 14, on a phone (390x844): a cluster secretariat
creates an improvement programme from /forbedringsteams/ and links a new version of its political level's
composition to the decided item that approved it. axe finds nothing (every impact), nothing scrolls
sideways, and the screenshots are kept under test-artifacts/."""

import datetime

from klynge.meetings.choices import MeetingStatus
from klynge.organisation import composition
from klynge.organisation.choices import Role
from tests.browser.conftest import axe_violations, log_in, screenshot
from tests.conftest import PASSWORD, make_persona
from tests.meetings.factories import make_item, make_meeting

PHONE = {"width": 390, "height": 844}
EVERY_IMPACT = ("minor", "moderate", "serious", "critical")


def _clean(page, name):
    assert axe_violations(page, EVERY_IMPACT) == [], name
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], name
    screenshot(page, name)


def test_a_secretariat_creates_a_programme_and_links_a_composition_version_to_its_decision(page, structure):
    s = structure
    page.set_viewport_size(PHONE)
    meeting = make_meeting(s.political, date=datetime.date(2024, 6, 12), status=MeetingStatus.MINUTES_PUBLISHED)
    make_item(meeting, title="Ekstra plads til almen praksis", decision="Godkendt.")
    composition.add_version(s.political, datetime.date(2024, 7, 1), source="DEMO: en ekstra plads")
    make_persona("sekretariat-forms", s.cluster, Role.SECRETARIAT, s.municipality)
    log_in(page, "sekretariat-forms", PASSWORD)

    page.goto("/forbedringsteams/")
    page.get_by_role("link", name="Nyt program").click()
    page.get_by_label("Navn", exact=True).fill("Forbedringsprogram for akutområdet")
    page.get_by_label("Kortnavn i adresser", exact=True).fill("ny")
    page.get_by_label("Føres af", exact=True).select_option(label="Klynge A")
    _clean(page, "issue14-programme-form-phone")
    page.get_by_role("button", name="Opret program").click()
    page.get_by_text("“ny” bruges allerede i adresserne. Vælg et andet kortnavn.").wait_for()
    page.get_by_label("Kortnavn i adresser", exact=True).fill("akutprogrammet")
    page.get_by_role("button", name="Opret program").click()
    page.get_by_role("heading", name="Forbedringsprogram for akutområdet").wait_for()
    assert page.get_by_role("link", name="Ret program").is_visible()
    _clean(page, "issue14-programme-phone")

    page.goto(f"/organer/{s.political.slug}/sammensaetning/")
    page.get_by_role("link", name="Knyt til beslutningen, der godkendte versionen").click()
    page.get_by_role("button", name="Gem godkendelse").click()
    page.get_by_text("Vælg det punkt, hvor ændringen af sammensætningen blev godkendt.").wait_for()
    page.get_by_label("Besluttet på punkt", exact=True).select_option(index=1)
    _clean(page, "issue14-composition-approval-phone")
    page.get_by_role("button", name="Gem godkendelse").click()
    page.get_by_text("Godkendt af Klynge A – Politisk niveau 12. juni 2024").wait_for()
    _clean(page, "issue14-composition-phone")
