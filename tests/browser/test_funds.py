"""Browser journey: a cluster secretariat records grants, creates three initiatives with budgets
over two parties, sees the balance and exports the overview to Excel."""

import io

from openpyxl import load_workbook

from klynge.organisation.choices import Role
from tests.browser.conftest import axe_violations, log_in, screenshot
from tests.conftest import PASSWORD, make_persona
from tests.funds.xlsx_eval import evaluate

INITIATIVES = [  # number, title, municipality, region
    ("2", "Fælles akutfunktion", "400.000", "300.000"),
    ("10a", "Børn og unges trivsel – kompetenceudvikling", "250.000", "250.000"),
    ("10b", "Børn og unges trivsel – afprøvning", "150.000", "500.000"),
]


def test_secretariat_records_grants_and_budgets_and_exports_the_balance(page, structure):
    make_persona("sekretariat-klynge-a", structure.cluster, Role.SECRETARIAT, structure.municipality)
    log_in(page, "sekretariat-klynge-a", PASSWORD)
    page.goto("/klyngemidler/")
    page.get_by_role("link", name="Klynge A").click()
    page.get_by_role("link", name="Bevillinger og overførsler").click()

    for party, amount in [("Testby Kommune", "1.000.000"), ("Region Testland", "900.000")]:
        page.get_by_label("År", exact=True).fill("2023")
        page.get_by_label("Part", exact=True).select_option(label=party)
        page.get_by_label("Beløb (kr.)").fill(amount)
        page.get_by_role("button", name="Gem bevilling").click()
        page.get_by_text(f"Bevillingen til {party} for 2023 er gemt.").wait_for()
    assert page.get_by_test_id("grants-total").inner_text() == "1.900.000 kr."

    for number, title, municipal, regional in INITIATIVES:
        page.goto("/klyngemidler/klynge-a/")
        page.get_by_role("link", name="Ny indsats").click()
        page.get_by_label("Nummer", exact=True).fill(number)
        page.get_by_label("Titel", exact=True).fill(title)
        page.get_by_role("button", name="Gem indsats").click()
        page.get_by_role("heading", name=f"Indsats {number}: {title}").wait_for()
        for party, amount in [("Testby Kommune", municipal), ("Region Testland", regional)]:
            page.get_by_role("link", name="Ny budgetlinje").click()
            page.get_by_label("År", exact=True).fill("2023")
            page.get_by_label("Part", exact=True).select_option(label=party)
            page.get_by_label("Beløb (kr.)").fill(amount)
            page.get_by_role("button", name="Gem budgetlinje").click()
            page.get_by_text(f"Budgetlinjen for {party} 2023 er gemt.").wait_for()

    page.goto("/klyngemidler/klynge-a/")
    # Municipality: 1.000.000 - 800.000 = 200.000; region: 900.000 - 1.050.000 = -150.000.
    assert page.get_by_test_id("balance-testby-kommune").inner_text() == "200.000 kr."
    assert page.get_by_test_id("balance-region-testland").inner_text() == "-150.000 kr."
    assert page.get_by_test_id("balance-total").inner_text() == "50.000 kr."
    assert "Til omfordeling mellem parterne: 150.000 kr." in page.content()
    rows = page.locator("table.funds-table").first.locator("tbody tr")
    assert [rows.nth(i).locator("td").first.inner_text() for i in range(3)] == ["2", "10a", "10b"]
    screenshot(page, "funds-overview")

    violations = axe_violations(page)
    assert violations == [], violations

    with page.expect_download() as info:
        page.get_by_role("link", name="Hent som Excel (.xlsx)").click()
    download = info.value
    assert download.suggested_filename == "klyngemidler-klynge-a-2023.xlsx"
    workbook = load_workbook(io.BytesIO(open(download.path(), "rb").read()))
    ws = workbook["Oversigt"]
    row_of = {ws.cell(r, 2).value: r for r in range(1, ws.max_row + 1)}
    columns = {ws.cell(4, c).value: c for c in range(1, ws.max_column + 1)}
    committed, balance = row_of["Disponeret i alt"], row_of["Saldo (midler − disponeret)"]
    total_col, municipal_col, region_col = columns["I alt"], columns["Testby Kommune"], columns["Region Testland"]
    for r in (committed, balance):
        for c in (municipal_col, region_col, total_col):
            assert str(ws.cell(r, c).value).startswith("="), (r, c, ws.cell(r, c).value)
    values = evaluate(ws)

    def kr(text):
        return int(text.replace(".", ""))

    expected_municipal = sum(kr(m) for _, _, m, _ in INITIATIVES)
    expected_region = sum(kr(r) for _, _, _, r in INITIATIVES)
    assert values[(committed, municipal_col)] == expected_municipal == 800_000
    assert values[(committed, region_col)] == expected_region == 1_050_000
    assert values[(committed, total_col)] == expected_municipal + expected_region
    assert values[(balance, municipal_col)] == 1_000_000 - expected_municipal
    assert values[(balance, region_col)] == 900_000 - expected_region
    assert values[(balance, total_col)] == 1_900_000 - expected_municipal - expected_region
    assert values[(row_of["Til omfordeling mellem parterne"], 3)] == 150_000
    for (number, title, municipal, regional), r in zip(INITIATIVES, range(5, 8), strict=True):
        assert ws.cell(r, 1).value == number and ws.cell(r, 2).value == title
        assert values[(r, total_col)] == kr(municipal) + kr(regional)
