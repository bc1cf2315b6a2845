"""Browser journey (issue 14, points 7 and 10): a cluster secretariat opens the programme from the menu, creates
an improvement team on hold 2, adds two members from the same municipality and is warned, then a member from
the hospital and the warning is gone; the public sees the team without the internal note. At desktop
(1280x800) and phone (390x844) size, axe finds nothing (every impact), nothing scrolls sideways, and the
screenshots are kept under test-artifacts/."""

import datetime

import pytest

from klynge.improvement.choices import DeadlineKind
from klynge.organisation.choices import Role
from tests.browser.conftest import axe_violations, log_in, screenshot
from tests.conftest import PASSWORD, make_persona
from tests.improvement.factories import make_cohort, make_deadline, make_programme, make_seats

SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
EVERY_IMPACT = ("minor", "moderate", "serious", "critical")


def _clean(page, name):
    violations = axe_violations(page, EVERY_IMPACT)
    assert violations == [], (name, violations)
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"], name
    screenshot(page, name)


@pytest.mark.parametrize("size", SIZES)
def test_a_secretariat_builds_a_team_is_warned_about_one_party_and_the_public_sees_the_team(page, structure, size):
    s = structure
    page.set_viewport_size(SIZES[size])
    programme = make_programme(body=None, name="Det Nationale Ledelsesprogram")
    cohort = make_cohort(programme, 2, description="Syddanmark har 43 pladser, dvs. 10-11 pladser pr. klynge.")
    make_seats(cohort, s.region, 43)
    make_seats(cohort, s.region, 11, cluster=s.cluster)
    make_deadline(cohort, DeadlineKind.PROPOSALS, datetime.date(2023, 2, 1), title="Forslag til sekretariatet",
                  cluster=s.cluster)
    make_deadline(cohort, DeadlineKind.REGISTRATION, datetime.date(2099, 3, 31), title="Indmelding")
    make_persona("sekretariat-teams", s.cluster, Role.SECRETARIAT, s.municipality)

    log_in(page, "sekretariat-teams", PASSWORD)
    if size == "phone":
        page.get_by_role("button", name="Menu").click()
        page.locator(".mobile-drawer").get_by_role("link", name="Forbedringsteams").click()
    else:
        page.locator(".navigation-menu").get_by_role("link", name="Forbedringsteams").click()
    page.get_by_role("link", name="Det Nationale Ledelsesprogram").click()
    page.get_by_role("heading", name="Programkalender").wait_for()
    assert "Overskredet" in page.content() and "Kommende" in page.content()
    _clean(page, f"improvement-programme-{size}")

    page.get_by_role("link", name="Hold 2").first.click()
    page.get_by_role("link", name="Nyt forbedringsteam").click()
    page.get_by_label("Klynge", exact=True).select_option(label="Klynge A")
    page.get_by_label("Projekt", exact=True).fill("Sektorovergange i det akutte område")
    page.get_by_label("Status", exact=True).select_option(label="Udvalgt")
    page.get_by_label("Tema (valgfri)", exact=True).fill("Patienter, der flyttes mellem sygehus og kommune.")
    page.get_by_label("Intern bemærkning").fill("Kun for klyngen")
    page.get_by_role("button", name="Gem team").click()
    page.get_by_role("heading", name="Sektorovergange i det akutte område").wait_for()

    for name, role in (("Eva Kommune", "Formand"), ("Finn Kommune", "Deltager")):
        page.get_by_role("link", name="Tilføj deltager").click()
        page.get_by_label("Eller ny person (navn)").fill(name)
        page.get_by_label("Part", exact=True).select_option(label="Testby Kommune")
        page.get_by_label("Rolle", exact=True).select_option(label=role)
        page.get_by_role("button", name="Tilføj deltager").click()
        page.get_by_text(f"{name} er tilføjet som").wait_for()
    warning = "Alle deltagere kommer fra samme part (Testby Kommune)."
    assert page.get_by_test_id("team-warning").first.inner_text().startswith(warning)
    _clean(page, f"improvement-team-warning-{size}")

    page.get_by_role("link", name="Tilføj deltager").click()
    page.get_by_role("button", name="Tilføj deltager").click()  # nothing chosen: refused in Danish
    page.get_by_text("Vælg en person, eller skriv navnet på en ny.").wait_for()
    page.get_by_text("Vælg den part, deltageren kommer fra.").wait_for()
    _clean(page, f"improvement-member-refused-{size}")
    page.get_by_label("Eller ny person (navn)").fill("Gitte Sygehus")
    page.get_by_label("Part", exact=True).select_option(label="Testby Sygehus")
    page.get_by_role("button", name="Tilføj deltager").click()
    page.get_by_text("Gitte Sygehus er tilføjet som deltager.").wait_for()
    assert page.get_by_test_id("team-warning").count() == 0
    team_url = page.url

    context = page.context.browser.new_context(base_url=page.url.split("/forbedringsteams")[0], locale="da-DK",
                                               viewport=SIZES[size])
    public = context.new_page()
    public.goto(team_url)
    public.get_by_role("heading", name="Sektorovergange i det akutte område").wait_for()
    text = public.content()
    assert "Eva Kommune" in text and "Gitte Sygehus" in text and "Kun for klyngen" not in text
    assert "Status: udvalgt" in text
    _clean(public, f"improvement-team-public-{size}")
    public.goto(cohort.get_absolute_url())
    _clean(public, f"improvement-cohort-public-{size}")
    context.close()
