import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from klynge.funds.models import BudgetApproval, BudgetLine, DistributionShare, Grant, Initiative, Spending
from klynge.organisation.choices import OrganisationKind
from klynge.organisation.models import Organisation

from .xlsx_eval import evaluate


def url(name, *args):
    return reverse(f"funds:{name}", args=args)


@pytest.fixture
def spent(funded):
    one = Initiative.objects.get(number="10a")
    Spending.objects.create(initiative=one, year=2023, period_start=datetime.date(2023, 1, 1),
                            period_end=datetime.date(2023, 3, 31), amount=100_001, description="1. kvartal")
    return funded


def test_public_sees_the_overview_with_totals_and_balances(client, funded):
    response = client.get(url("overview", "klynge-a"))
    text = response.content.decode()
    assert response.status_code == 200
    assert "1.800.000 kr." in text           # funds in all
    assert "1.400.000 kr." in text           # committed in all
    assert "Til omfordeling mellem parterne: 300.000 kr." in text  # region over-committed by 300.000
    assert text.index(">2<") < text.index(">10a<")  # natural order
    assert "Bevillinger og overførsler" not in text  # no edit buttons for the public
    assert client.get(url("index")).status_code == 200
    assert client.get(url("print", "klynge-a")).status_code == 200


def test_year_filter_limits_the_matrix(client, funded):
    BudgetLine.objects.create(initiative=Initiative.objects.get(number="2"), year=2024,
                              party=funded.region, amount=7_777_777)
    all_years = client.get(url("overview", "klynge-a")).content.decode()
    assert "8.677.777 kr." in all_years  # 900.000 (2023) + 7.777.777 (2024) for initiative 2
    only_2023 = client.get(url("overview", "klynge-a") + "?aar=2023").content.decode()
    assert "8.677.777 kr." not in only_2023 and "900.000 kr." in only_2023


@pytest.mark.parametrize("persona,internal,edit", [
    (None, False, False), ("member_user", True, False), ("other_cluster_user", False, False),
    ("secretariat_user", True, True), ("admin_user", True, True),
])
def test_permissions_by_persona(request, client, spent, persona, internal, edit):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    internal_urls = [url("history", "klynge-a"), url("invoices", "klynge-a", "10a")]
    for u in internal_urls:
        assert client.get(u).status_code == (200 if internal else 403)
    detail = client.get(url("initiative", "klynge-a", "10a")).content.decode()
    assert ("1. kvartal" in detail) is internal
    edit_urls = [url("grants", "klynge-a"), url("initiative_add", "klynge-a"),
                 url("budget_add", "klynge-a", "10a"), url("spending_add", "klynge-a", "10a")]
    for u in edit_urls:
        status = client.get(u).status_code
        assert status == 200 if edit else status in (302, 403)
    client.post(url("grants", "klynge-a"), {"year": 2024, "party": spent.region.pk, "amount": "5"})
    assert Grant.objects.filter(year=2024).exists() is edit


def test_secretariat_records_a_grant_and_the_form_rejects_bad_input(login, secretariat_user, structure):
    client = login(secretariat_user)
    ok = client.post(url("grants", "klynge-a"), {"year": 2023, "party": structure.region.pk, "amount": "2.110.235"})
    assert ok.status_code == 302
    grant = Grant.objects.get()
    assert grant.amount == 2_110_235 and grant.history.first().history_user == secretariat_user
    for amount, message in [("-5", "En bevilling kan ikke være negativ."),
                            ("12x", "er ikke et gyldigt beløb i hele kroner")]:
        bad = client.post(url("grants", "klynge-a"), {"year": 2024, "party": structure.region.pk, "amount": amount})
        assert message in bad.content.decode()
    dup = client.post(url("grants", "klynge-a"), {"year": 2023, "party": structure.region.pk, "amount": "1"})
    assert "Der findes allerede en bevilling til Region Testland i 2023" in dup.content.decode()
    unknown = client.post(url("grants", "klynge-a"), {"year": 2023, "party": 999_999, "amount": "1"})
    assert unknown.status_code == 200 and Grant.objects.count() == 1
    edit = client.post(url("grant_edit", "klynge-a", grant.pk), {"year": 2023, "party": structure.region.pk,
                                                                 "amount": "2.000.000", "loaded_version": 1})
    assert "Dette felt er påkrævet" in edit.content.decode()  # a change needs a reason
    client.post(url("grant_edit", "klynge-a", grant.pk), {"year": 2023, "party": structure.region.pk,
                                                          "amount": "2.000.000", "reason": "Rettet bevilling",
                                                          "loaded_version": 1})
    assert grant.history.first().history_change_reason == "Rettet bevilling"


def test_budget_line_on_a_locked_budget_needs_a_basis_in_the_form(login, secretariat_user, funded):
    one = Initiative.objects.get(number="10a")
    BudgetApproval.objects.create(initiative=one, decided_on=datetime.date(2023, 1, 16), reference="Punkt 4")
    line = one.budget_lines.get(party=funded.region)
    client = login(secretariat_user)
    page = client.post(url("budget_edit", "klynge-a", "10a", line.pk),
                       {"year": 2023, "party": funded.region.pk, "amount": "1", "loaded_version": line.version})
    assert "Budgettet er godkendt og låst" in page.content.decode()
    assert BudgetLine.objects.get(pk=line.pk).amount == 200_000
    client.post(url("budget_edit", "klynge-a", "10a", line.pk),
                {"year": 2023, "party": funded.region.pk, "amount": "1", "basis": "override",
                 "basis_text": "Projektet er nedskaleret", "loaded_version": line.version})
    line.refresh_from_db()
    assert line.amount == 1
    assert line.history.first().history_change_reason == "Overstyring: Projektet er nedskaleret"


def test_invoices_split_spending_by_the_key_and_sum_exactly(login, member_user, spent):
    one = Initiative.objects.get(number="10a")
    for party, weight in [(spent.municipality, 1), (spent.region, 1), (spent.hospital, 1)]:
        DistributionShare.objects.create(initiative=one, party=party, weight=weight)
    page = login(member_user).get(url("invoices", "klynge-a", "10a") + "?start=2023-01-01&end=2023-12-31")
    invoice = page.context["invoice"]
    assert [(line["party"], line["amount"], line["own"]) for line in invoice["lines"]] == [
        ("Region Testland", 33_334, False), ("Testby Kommune", 33_334, True), ("Testby Sygehus", 33_333, False)]
    assert invoice["total"] == 100_001 and invoice["invoiced"] == 66_667
    csv_text = login(member_user).get(url("invoices", "klynge-a", "10a") +
                                      "?start=2023-01-01&end=2023-12-31&format=csv").content.decode("utf-8-sig")
    assert "Testby Sygehus;33,33;33333;ja" in csv_text


def test_without_a_key_invoices_follow_the_budget(login, member_user, spent):
    invoice = login(member_user).get(url("invoices", "klynge-a", "10a")).context["invoice"]
    # budget 300.000 (municipality) / 200.000 (region) -> 60 % / 40 %
    assert {line["party"]: line["amount"] for line in invoice["lines"]} == {
        "Testby Kommune": 60_001, "Region Testland": 40_000}


def test_xlsx_export_has_formula_totals_that_compute_the_right_values(client, funded):
    response = client.get(url("export_xlsx", "klynge-a"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    ws = load_workbook(io.BytesIO(response.content))["Oversigt"]
    labels = {ws.cell(r, 2).value: r for r in range(1, ws.max_row + 1)}
    header = [ws.cell(4, c).value for c in range(1, ws.max_column + 1)]
    assert header == ["Nr.", "Indsats", "Region Testland", "Testby Kommune", "I alt"]
    assert ws.cell(5, 1).value == "2" and ws.cell(6, 1).value == "10a"
    committed = labels["Disponeret i alt"]
    assert ws.cell(committed, 5).value.startswith("=SUM(")
    assert ws.cell(5, 3).number_format == "#,##0"
    values = evaluate(ws)
    assert values[(committed, 3)] == 1_100_000 and values[(committed, 4)] == 300_000
    assert values[(committed, 5)] == 1_400_000
    assert values[(labels["Saldo (midler − disponeret)"], 3)] == -300_000
    assert values[(labels["Saldo (midler − disponeret)"], 5)] == 400_000
    assert values[(labels["Til omfordeling mellem parterne"], 3)] == 300_000


def test_csv_export_has_the_matrix_and_totals(client, funded):
    text = client.get(url("export_csv", "klynge-a")).content.decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[1] == "Nr.;Indsats;Region Testland;Testby Kommune;I alt"
    assert "10a;Første indsats;200000;300000;500000" in lines
    assert ";Saldo (midler − disponeret);-300000;700000;400000" in lines
    assert ";Til omfordeling mellem parterne;300000" in lines


def test_history_shows_who_and_why(login, secretariat_user, funded):
    grant = Grant.objects.get(party=funded.region)
    grant.amount = 900_000
    grant._change_reason = "Ny udmelding fra regionen"
    grant.save()
    text = login(secretariat_user).get(url("history", "klynge-a")).content.decode()
    assert "Ny udmelding fra regionen" in text
    assert "800.000 kr. → 900.000 kr." in text


def test_a_grant_refuses_a_party_from_another_region_with_a_danish_message(login, secretariat_user, structure):
    from django.core.exceptions import ValidationError

    other_region = Organisation.objects.create(name="Region Andetland", kind=OrganisationKind.REGION)
    billund = Organisation.objects.create(name="Billund Kommune", kind=OrganisationKind.MUNICIPALITY,
                                          region=other_region, municipality_code="530")
    national = Organisation.objects.create(name="PLO", kind=OrganisationKind.GENERAL_PRACTICE)
    client = login(secretariat_user)
    refused = client.post(url("grants", "klynge-a"), {"year": 2023, "party": billund.pk, "amount": "1.000"})
    page = refused.content.decode()
    assert refused.status_code == 200 and not Grant.objects.exists()
    assert "Billund Kommune hører til Region Andetland, men Klynge A ligger i Region Testland" in page
    # The rule lives in the model, so the admin and imports share it.
    with pytest.raises(ValidationError, match="hører til Region Andetland"):
        Grant(cluster=structure.cluster, year=2023, party=billund, amount=1).full_clean()
    # A party of the cluster's own region, and one without a region, are accepted.
    for party in (structure.municipality, structure.hospital, national):
        answer = client.post(url("grants", "klynge-a"), {"year": 2023, "party": party.pk, "amount": "1"})
        assert answer.status_code == 302
    assert Grant.objects.count() == 3


def test_a_budget_approval_cites_a_delegation_in_force_given_in_the_cluster_and_the_register_lists_it(
        login, secretariat_user, funded):
    from klynge.governance.models import Delegation

    chair_group = Delegation.objects.create(
        body=funded.political, delegate="det politiske formandskab",
        authority="at godkende forslag til initiativer", valid_from=datetime.date(2023, 1, 26),
        valid_to=datetime.date(2023, 12, 31))
    elsewhere = Delegation.objects.create(
        body=funded.other_body, delegate="formandskabet i klynge B", authority="at godkende initiativer",
        valid_from=datetime.date(2023, 1, 1))
    client = login(secretariat_user)
    form_page = client.get(url("budget_approve", "klynge-a", "10a")).content.decode()
    assert "det politiske formandskab" in form_page and "formandskabet i klynge B" not in form_page

    late = client.post(url("budget_approve", "klynge-a", "10a"), {
        "decided_on": "2024-02-01", "reference": "Formandskabet 1. februar 2024", "delegation": chair_group.pk})
    assert "Bemyndigelsen udløb 31. december 2023 og kan ikke bruges 1. februar 2024." in late.content.decode()
    foreign = client.post(url("budget_approve", "klynge-a", "10a"), {
        "decided_on": "2023-03-15", "reference": "Formandskabet", "delegation": elsewhere.pk})
    assert "Vælg en bemyndigelse fra listen (givet i klyngen)." in foreign.content.decode()
    assert not BudgetApproval.objects.exists()  # nothing half-saved

    done = client.post(url("budget_approve", "klynge-a", "10a"), {
        "decided_on": "2023-03-15", "reference": "Formandskabet 15. marts 2023", "delegation": chair_group.pk})
    assert done.status_code == 302
    approval = BudgetApproval.objects.get()
    assert approval.delegation == chair_group
    initiative_page = client.get(done["Location"]).content.decode()
    assert "truffet under bemyndigelse til det politiske formandskab" in initiative_page
    register = client.get(reverse("governance:delegations", args=[funded.political.slug])).content.decode()
    assert "Budgetgodkendelser i klyngemidlerne efter bemyndigelsen" in register
    assert "Første indsats" in register and "Formandskabet 15. marts 2023" in register
