"""Who sees and acts on delegations and written procedures (on organisation.permissions, never re-derived).

- The delegation register is public: who may decide what on a body's behalf is part of its rules.
  Those who edit the body (its secretariat, or one above it) add delegations and decisions under them.
- A written procedure is for the body's members and secretariat while it runs. Once closed, its
  outcome is public like published minutes, unless it is marked closed (lukket): then it stays with
  those who may see the body's members-only content.
- Only members asked in the procedure answer, each for themselves, until the deadline.
"""

from __future__ import annotations

from django.db.models import Q

from klynge.organisation import permissions as org

from .choices import ProcedureStatus


def can_manage(user, body) -> bool:
    return org.can_edit_body(user, body)


def can_see_procedure(user, procedure) -> bool:
    if procedure.status == ProcedureStatus.CLOSED and not procedure.closed_item:
        return True
    return org.can_see_members_only(user, procedure.body)


def visible_procedures_q(user) -> Q:
    """The same rule as ``can_see_procedure``, as a filter for lists."""
    public = Q(status=ProcedureStatus.CLOSED, closed_item=False)
    if org.is_administrator(user):
        return Q()
    return public | Q(body_id__in=org.members_only_body_ids(user))


def own_answer(user, procedure):
    """The user's own row in the procedure, or None when the user was not asked."""
    person_id = org._person_id(user)
    if person_id is None:
        return None
    return procedure.answers.filter(person_id=person_id).first()
