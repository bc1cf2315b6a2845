"""The reform journey in a real browser: an administrator loads and runs a plan for two clusters
becoming one council; the council's secretariat finds the open work, a matter's path, the funds
and the archive; an anonymous citizen is told who took over; nothing closed leaks."""

from django.urls import reverse

from tests.conftest import PASSWORD
from tests.transition.conftest import CSV, reform  # noqa: F401  (the fixture)

from .conftest import axe_violations, log_in, screenshot

CLOSED_TITLE = "Lukket: personsag om ansættelse"


def new_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="da-DK", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    return context.new_page()


def test_two_clusters_become_one_council_and_everyone_sees_what_they_should(page, browser, live_server, reform,  # noqa: F811
                                                                            admin_user):
    # The administrator loads the plan, reads the dry run and runs it with a reason.
    log_in(page, admin_user.username, PASSWORD)
    page.goto("/")
    page.get_by_role("link", name="Overgang til sundhedsråd").click()
    page.get_by_role("link", name="Ny overgangsplan").click()
    page.get_by_label("Planens navn").fill("Testland 2027")
    page.get_by_label("Overgangsdato").fill(reform.date.isoformat())
    page.get_by_label("Region").select_option(label="Region Testland")
    page.get_by_label("CSV-fil med planen").set_input_files(
        files=[{"name": "testland.csv", "mimeType": "text/csv", "buffer": CSV.format(access="ja").encode()}])
    page.get_by_role("button", name="Gem og prøvekør").click()
    report = page.locator("section[aria-labelledby=rapport]")
    assert "Prøvekørsel: det vil blive flyttet" in report.inner_text()
    assert "Sekretariatet udarbejder forslag til forløb" in report.inner_text()
    assert "Restmidler, der overføres pr. part" in report.inner_text()
    assert axe_violations(page) == []
    screenshot(page, "transition-dry-run")
    page.get_by_label("Begrundelse").fill("Sundhedsreformen: Klynge A og B bliver ét sundhedsråd.")
    page.get_by_label("Jeg har læst prøvekørslen og vil gennemføre overgangen").check()
    page.get_by_role("button", name="Gennemfør overgangen").click()
    assert "Overgangen er gennemført" in page.locator("main").inner_text()
    assert "Det blev flyttet" in page.locator("main").inner_text()

    # The council's secretariat logs in and finds the predecessors' work.
    council_page = new_page(browser, live_server)
    log_in(council_page, "raadssekretaer", PASSWORD)
    council_page.goto("/organer/sundhedsraad-test/")
    assert council_page.locator("h1").inner_text() == "Sundhedsråd Test"
    archive = council_page.locator("section[aria-labelledby=arkiv]")
    assert "Klynge A" in archive.inner_text() and "Klynge B" in archive.inner_text()
    assert axe_violations(council_page) == []
    council_page.get_by_role("link", name="Åbne opgaver").click()
    tasks = council_page.locator("main").inner_text()
    assert "Sekretariatet udarbejder forslag til forløb" in tasks
    assert "Overført fra Klynge A til Sundhedsråd Test" in tasks
    council_page.goto(reform.matter.get_absolute_url())
    matter = council_page.locator("main").inner_text()
    assert "Ejes nu af\nSundhedsråd Test" in matter or "Sundhedsråd Test" in matter
    assert "Klynge A – Politisk niveau" in matter and "2 gange i 2 organer" in matter
    council_page.goto(reverse("funds:overview", args=["sundhedsraad-test"]))
    funds = council_page.locator("main").inner_text()
    assert "Restmidler overdraget ved overgang" in funds
    assert "Testby Kommune" in funds and "1.000.000 kr." in funds
    council_page.goto("/organer/sundhedsraad-test/")
    council_page.goto(reform.closed_item.meeting.get_absolute_url())
    assert CLOSED_TITLE in council_page.locator("main").inner_text()   # the plan granted archive access
    screenshot(council_page, "transition-council-archive")

    # An anonymous citizen on the old cluster page is told who took over; nothing closed is shown.
    citizen = new_page(browser, live_server)
    citizen.goto("/organer/klynge-a/")
    notice = citizen.locator(".klynge-forward").inner_text()
    assert "Klynge A er ophørt" in notice and "Sundhedsråd Test" in notice
    citizen.get_by_role("link", name="Sundhedsråd Test").first.click()
    assert citizen.locator("h1").inner_text() == "Sundhedsråd Test"
    citizen.goto(reform.closed_item.meeting.get_absolute_url())
    assert CLOSED_TITLE not in citizen.locator("main").inner_text()
    assert axe_violations(citizen) == []
