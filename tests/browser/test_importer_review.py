"""A secretariat member tries a file («Prøv kun»), corrects what was read on «Gennemse og ret» and saves it."""

import shutil
from pathlib import Path

from klynge.meetings.models import Meeting

from ..conftest import PASSWORD
from .conftest import ARTIFACTS, axe_violations, log_in, screenshot

FIXTURES = Path(__file__).resolve().parents[1] / "importer" / "fixtures"


def test_secretariat_tries_a_file_corrects_the_reading_and_saves_the_meeting(page, secretariat_user, structure,
                                                                             tmp_path):
    good = tmp_path / "randersklyngen-2023-11-01.txt"
    shutil.copy(FIXTURES / good.name, good)
    log_in(page, secretariat_user.username, PASSWORD)
    page.goto("/import/")
    page.get_by_label("Filer", exact=True).set_input_files([str(good)])
    page.get_by_label("Organ (valgfri)", exact=True).select_option(label="Klynge A – Politisk niveau")
    page.get_by_label("Prøv kun: læs og kontrollér filerne uden at gemme noget").check()
    page.get_by_role("button", name="Importér").click()
    page.get_by_text("Færdig: 1 fil behandlet.").wait_for()
    entry = page.locator("#import-files > li").first
    assert entry.locator(".importer-status").inner_text() == "Læst (intet gemt)"
    assert Meeting.objects.count() == 0

    entry.get_by_role("link", name="Gennemse og ret").click()
    page.get_by_role("heading", name="Gennemse og ret").wait_for()
    assert page.get_by_label("Organ").input_value() == str(structure.political.pk)
    assert page.get_by_label("Titel, række 8", exact=True).input_value() == "Mødeplan 2024"
    # the first read row is no new row to a screen reader either (its origin is 0)
    assert page.get_by_label("Titel, række 1", exact=True).input_value()
    assert axe_violations(page) == []

    page.get_by_label("Titel, række 2", exact=True).fill("Digitale forløbsguides")
    page.get_by_label("Række 8: Fjern").check()
    page.get_by_label("Række 6: Lukket").check()
    page.get_by_label("Nummer, række 10").fill("10")
    page.get_by_label("Titel, række 10 (nyt punkt)").fill("Personalesag")

    screenshot(page, "importer-review-desktop")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "importer-review-phone")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the review page is {width} px wide on a 390 px phone"
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_role("button", name="Gem mødet").click()
    page.get_by_text("gemt efter gennemsyn").first.wait_for()
    meeting = Meeting.objects.get()
    assert page.url.endswith(meeting.get_absolute_url())
    titles = list(meeting.items.order_by("position").values_list("title", flat=True))
    assert len(titles) == 9 and titles[1] == "Digitale forløbsguides" and titles[-1] == "Personalesag"
    assert "Mødeplan 2024" not in titles
    assert meeting.items.get(closed=True).title.startswith("Orientering om fælles model")
    assert (ARTIFACTS / "importer-review-phone.png").exists()
