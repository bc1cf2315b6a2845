"""Writes that carry a reason into the history, and the budget lock."""

from __future__ import annotations

import datetime

from django.db import transaction

from .choices import ChangeBasis
from .models import BudgetApproval, BudgetLine, Initiative

# django-simple-history keeps the change reason in a 100-character field.
REASON_MAX = 100


def save_with_reason(instance, reason: str, user=None):
    """Save and record why (and, outside a request, who) in the change history."""
    instance._change_reason = reason[:REASON_MAX] if reason else None
    if user is not None and getattr(user, "is_authenticated", False):
        instance._history_user = user
    instance.full_clean()
    instance.save()
    return instance


def budget_total(initiative: Initiative) -> int:
    return sum(initiative.budget_lines.values_list("amount", flat=True))


@transaction.atomic
def approve_budget(initiative: Initiative, *, decided_on: datetime.date, reference: str, user=None,
                   delegation=None) -> BudgetApproval:
    """Record the decision that approved the budget (taken under ``delegation`` when given): from now on the
    budget is locked."""
    approval = BudgetApproval(initiative=initiative, decided_on=decided_on, reference=reference, delegation=delegation,
                              recorded_by=user if getattr(user, "is_authenticated", False) else None,
                              budget_total=budget_total(initiative))
    return save_with_reason(approval, f"Budget godkendt: {reference}", user)


def locked_change_reason(basis: str, text: str) -> str:
    if basis == ChangeBasis.NEW_DECISION:
        return f"Ny beslutning: {text}"
    return f"Overstyring: {text}"


@transaction.atomic
def change_budget_line(line: BudgetLine, *, reason: str = "", basis: str = "", basis_text: str = "",
                       user=None, delete: bool = False, decided_on: datetime.date | None = None):
    """Create, change or delete a budget line. On a locked budget a basis is required:
    a new decision (recorded as a new approval) or a reasoned override; either is written
    to the history with the text given."""
    initiative = line.initiative
    if initiative.budget_locked:
        basis_text = (basis_text or "").strip()
        if basis not in ChangeBasis.values or not basis_text:
            from .models import BudgetLocked

            line._check_lock()  # raises with the Danish message
            raise BudgetLocked("Angiv en ny beslutning eller en begrundelse for overstyringen.")
        reason = locked_change_reason(basis, basis_text)
        line._budget_change_allowed = True
    line._change_reason = (reason or "")[:REASON_MAX] or None
    if user is not None and getattr(user, "is_authenticated", False):
        line._history_user = user
    if delete:
        line.delete()
    else:
        line.full_clean()
        line.save()
    if initiative.budget_locked and basis == ChangeBasis.NEW_DECISION:
        approve_budget(initiative, decided_on=decided_on or datetime.date.today(), reference=basis_text, user=user)
    return line
