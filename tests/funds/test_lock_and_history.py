import datetime

import pytest

from klynge.funds.actions import approve_budget, change_budget_line
from klynge.funds.choices import ChangeBasis
from klynge.funds.models import BudgetLine, BudgetLocked, Initiative


@pytest.fixture
def locked(funded, secretariat_user):
    one = Initiative.objects.get(number="10a")
    approve_budget(one, decided_on=datetime.date(2023, 1, 16), reference="Politisk niveau 16.1.2023, punkt 4",
                   user=secretariat_user)
    return one


def test_an_approved_budget_cannot_be_changed_silently(locked):
    line = locked.budget_lines.get(party__name="Region Testland")
    line.amount = 1
    with pytest.raises(BudgetLocked):
        line.save()
    with pytest.raises(BudgetLocked):
        change_budget_line(line, reason="bare fordi")
    with pytest.raises(BudgetLocked):
        BudgetLine(initiative=locked, year=2024, party=line.party, amount=5).save()
    assert BudgetLine.objects.get(pk=line.pk).amount == 200_000


def test_a_reasoned_override_is_recorded_in_the_history_with_who_and_why(locked, secretariat_user):
    line = locked.budget_lines.get(party__name="Region Testland")
    line.amount = 250_000
    change_budget_line(line, basis=ChangeBasis.OVERRIDE, basis_text="Regnefejl i det godkendte budget",
                       user=secretariat_user)
    last = line.history.first()
    assert last.amount == 250_000
    assert last.history_user == secretariat_user
    assert last.history_change_reason == "Overstyring: Regnefejl i det godkendte budget"
    assert last.prev_record.amount == 200_000


def test_a_new_decision_is_recorded_as_a_new_approval(locked, secretariat_user):
    line = locked.budget_lines.get(party__name="Region Testland")
    line.amount = 300_000
    change_budget_line(line, basis=ChangeBasis.NEW_DECISION, basis_text="Politisk niveau 12.6.2023, punkt 2",
                       user=secretariat_user, decided_on=datetime.date(2023, 6, 12))
    assert locked.budget_approvals.count() == 2
    assert locked.latest_approval().reference == "Politisk niveau 12.6.2023, punkt 2"
    assert locked.latest_approval().budget_total == 300_000 + 300_000
    assert line.history.first().history_change_reason == "Ny beslutning: Politisk niveau 12.6.2023, punkt 2"


def test_an_unapproved_budget_changes_freely_with_a_reason(funded):
    line = BudgetLine.objects.get(initiative__number="2")
    line.amount = 1
    change_budget_line(line, reason="Nedskaleret")
    assert line.history.first().history_change_reason == "Nedskaleret"
