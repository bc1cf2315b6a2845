"""A secretariat member uploads two files on the import page and sees each file's report."""

import shutil
from pathlib import Path

import pytest
from django.db import connection

from klynge.meetings.models import Meeting

from ..conftest import PASSWORD
from .conftest import axe_violations, log_in, screenshot

FIXTURES = Path(__file__).resolve().parents[1] / "importer" / "fixtures"


def test_secretariat_uploads_two_files_and_sees_each_report(page, secretariat_user, structure, tmp_path):
    good = tmp_path / "randersklyngen-2023-11-01.txt"
    shutil.copy(FIXTURES / good.name, good)
    bad = tmp_path / "statusrapport.txt"
    shutil.copy(FIXTURES / "midtvejsstatus-sundhedsaftalen-2019-2023.txt", bad)

    log_in(page, secretariat_user.username, PASSWORD)
    page.goto("/import/")
    assert page.get_by_role("heading", name="Importér referater og dagsordener").is_visible()
    assert axe_violations(page) == []

    page.get_by_label("Filer", exact=True).set_input_files([str(good), str(bad)])
    page.get_by_label("Organ (valgfri)", exact=True).select_option(label="Klynge A – Politisk niveau")
    page.get_by_role("button", name="Importér").click()
    page.get_by_text("Færdig: 2 filer behandlet.").wait_for()

    files = page.locator("#import-files > li")
    assert files.count() == 2
    first, second = files.nth(0), files.nth(1)
    assert first.locator(".importer-status").inner_text() == "Importeret"
    assert "Referatet er importeret" in first.inner_text()
    assert "9 punkter, 19 deltagere, 0 afbud" in first.inner_text()
    assert first.get_by_role("link", name="Gå til mødet").is_visible()
    assert second.locator(".importer-status").inner_text() == "Fejl"
    assert "statusrapport.txt: Der blev ikke genkendt noget møde" in second.inner_text()
    assert page.locator("progress#overall-progress").get_attribute("value") == "100"
    assert Meeting.objects.filter(body=structure.political).count() == 1

    screenshot(page, "importer-two-files")
    assert axe_violations(page) == []


def test_an_upload_waits_in_the_queue_and_its_report_appears_once_the_worker_has_run(
        page, job_queue, secretariat_user, structure, tmp_path):
    if connection.vendor == "sqlite":
        # the live server thread shares the test's one in-memory SQLite connection, so a worker in
        # the test thread would race its requests on that connection; CI runs this on PostgreSQL
        pytest.skip("needs a database with a connection per thread (PostgreSQL)")
    good = tmp_path / "randersklyngen-2023-11-01.txt"
    shutil.copy(FIXTURES / good.name, good)
    log_in(page, secretariat_user.username, PASSWORD)
    page.goto("/import/")
    page.get_by_label("Filer", exact=True).set_input_files([str(good)])
    page.get_by_label("Organ (valgfri)", exact=True).select_option(label="Klynge A – Politisk niveau")
    page.get_by_role("button", name="Importér").click()
    entry = page.locator("#import-files > li").first
    entry.locator(".importer-status", has_text="I kø").wait_for()  # queued, the page asks for its status
    assert Meeting.objects.count() == 0

    job_queue()  # the worker's turn

    page.get_by_text("Færdig: 1 fil behandlet.").wait_for()
    assert entry.locator(".importer-status").inner_text() == "Importeret"
    assert "9 punkter, 19 deltagere, 0 afbud" in entry.inner_text()
    assert entry.get_by_role("link", name="Gå til mødet").get_attribute("href") == \
        Meeting.objects.get().get_absolute_url()
    assert axe_violations(page) == []
