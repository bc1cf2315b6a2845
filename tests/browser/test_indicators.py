"""Browser journey: a cluster secretariat imports a CSV, reads the dashboard's arrows and opens a run chart."""

import re

import pytest
from playwright.sync_api import expect

from klynge.indicators.choices import Direction, Level, Unit
from klynge.indicators.models import Indicator
from klynge.organisation.choices import Role
from tests.browser.conftest import axe_violations, log_in, screenshot
from tests.conftest import PASSWORD, make_persona
from tests.indicators.conftest import RISING, months


@pytest.fixture
def journey(structure, tmp_path):
    make_persona("sekretariat-a", structure.cluster, Role.SECRETARIAT, structure.municipality)
    Indicator.objects.create(name="Akutte indlæggelser 65+", slug="akutte-65", unit=Unit.COUNT,
                             desired_direction=Direction.DOWN, level=Level.MUNICIPALITY)
    Indicator.objects.create(name="Forebyggelige indlæggelser", slug="forebyggelige", unit=Unit.COUNT,
                             desired_direction=Direction.DOWN, level=Level.MUNICIPALITY)
    falling = [v - 40 if i >= 16 else v for i, v in enumerate(RISING)]
    rows = [f"akutte-65,Klynge A,{m},{v}" for m, v in zip(months(24), RISING, strict=True)]
    rows += [f"forebyggelige,Klynge A,{m},{max(v, 0)}" for m, v in zip(months(24), falling, strict=True)]
    path = tmp_path / "klynge-a.csv"
    path.write_text("indicator,area,period,value\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_secretariat_imports_a_csv_sees_arrows_and_opens_a_run_chart(page, journey):
    log_in(page, "sekretariat-a", PASSWORD)
    page.goto("/indikatorer/")
    page.get_by_role("link", name="Indlæs tal").click()
    expect(page.get_by_role("heading", name="Indlæs indikatortal")).to_be_visible()
    page.get_by_label("Klynge").select_option(label="Klynge A")
    page.get_by_label("Fil med serier").set_input_files(str(journey))
    page.get_by_role("button", name="Indlæs").click()

    expect(page.get_by_role("heading", name="Indikatorer for Klynge A")).to_be_visible()
    expect(page.get_by_text("klynge-a.csv er indlæst: 48 nye målinger")).to_be_visible()
    table = page.locator("#indikatortabel")
    rising = table.get_by_role("row", name=re.compile(re.escape("Akutte indlæggelser 65+")))
    expect(rising.locator(".ind-arrow")).to_have_class(re.compile("ind-red"))
    expect(rising).to_contain_text("Tydelig stigning i den forkerte retning")
    falling = table.get_by_role("row", name=re.compile("Forebyggelige indlæggelser"))
    expect(falling.locator(".ind-arrow")).to_have_class(re.compile("ind-green"))
    expect(falling).to_contain_text("Tydeligt fald i den ønskede retning")
    screenshot(page, "indikatorer-dashboard")
    assert axe_violations(page) == []

    table.get_by_role("link", name="Akutte indlæggelser 65+").click()
    expect(page.get_by_role("heading", name="Akutte indlæggelser 65+")).to_be_visible()
    chart = page.get_by_role("img", name=re.compile(re.escape("Seriediagram: Akutte indlæggelser 65+, Klynge A")))
    expect(chart).to_be_visible()
    expect(chart.locator("circle.ind-point, rect.ind-point--signal")).to_have_count(24)
    expect(chart.locator("rect.ind-point--signal")).to_have_count(8)
    expect(chart.locator("line.ind-median")).to_have_count(1)
    expect(chart.get_by_text("jan. 2023")).to_have_count(1)
    screenshot(page, "indikatorer-seriediagram")
    assert axe_violations(page) == []


def test_upload_errors_are_announced_and_keyboard_reachable(page, journey, tmp_path):
    bad = tmp_path / "fejl.csv"
    bad.write_text("indicator,area,period,value\nakutte-65,Klynge A,2024-13,1\n", encoding="utf-8")
    log_in(page, "sekretariat-a", PASSWORD)
    page.goto("/indikatorer/indlaes/")
    page.get_by_label("Fil med serier").set_input_files(str(bad))
    page.get_by_label("Fil med serier").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Filen blev ikke indlæst (1 fejl)")
    expect(alert).to_contain_text("fejl.csv, linje 2, kolonne “period”")
    assert axe_violations(page) == []
