"""Assignments across bodies, escalation of matters and recurring tasks.

Pure rules first (plain functions on plain values, unit-tested without a database), then the
actions that apply them, each in one transaction so bad input saves nothing.

- An assignment is a Task given by a body (e.g. a region-wide Sundhedssamarbejdsudvalg) to
  several other bodies (every cluster in the region, or chosen ones). Each body's part is a
  Task of its own with ``parent`` set and ``owner_body`` the receiving body, so it appears in
  that body's follow-up list and its secretariat keeps its status, note and date.
- A matter is escalated from the body that owns it to the level above (its parent body) with
  a reason; the move is recorded (MatterMove), the matter's owner changes, and the receiving
  body's secretariat gets a proposal for an item on its agenda.
- A recurring task (``recur_months``) creates its next occurrence when it is closed as done.
"""

from __future__ import annotations

import calendar
import datetime
from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .choices import OPEN_TASK_STATUSES, TaskOwnerKind, TaskStatus

# --- pure rules ------------------------------------------------------------------------------


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` moved ``months`` months on; the 31st becomes the month's last day (29 Feb -> 28 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_due(due: datetime.date | None, months: int | None, closed_on: datetime.date) -> datetime.date | None:
    """The next occurrence's due date: ``months`` after the previous due date, and never in the past
    of the day it was closed (a task closed late does not create one that is overdue already)."""
    if not months or due is None:
        return None
    following = add_months(due, months)
    while following <= closed_on:
        following = add_months(following, months)
    return following


def part_problem(parent_is_part: bool, chosen_ids: list[int], owner_body_id: int | None) -> str:
    """A Danish message when an assignment cannot be fanned out to the chosen bodies, else ''."""
    if parent_is_part:
        return "Opgaven er selv en del af en fordelt opgave og kan ikke fordeles videre herfra."
    if not chosen_ids:
        return "Vælg mindst én klynge, opgaven skal fordeles til."
    if owner_body_id is not None and owner_body_id in chosen_ids:
        return "Opgaven kan ikke fordeles til det organ, der selv har givet den."
    return ""


def close_problem(status: str, open_parts: list[str]) -> str:
    """Closing an assignment as done needs every part closed first; names the bodies missing."""
    if status != TaskStatus.DONE or not open_parts:
        return ""
    names = sorted(open_parts)
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " og " + names[-1]
    return f"Opgaven kan ikke meldes løst, før alle dele er afsluttet. Mangler: {joined}."


def summary(parts: list[dict], today: datetime.date) -> dict:
    """The whole of an assignment at a glance from its parts ({status, due}): counts per status,
    how many are overdue, and the share closed (per cent, whole number)."""
    counts = Counter(p["status"] for p in parts)
    closed = counts[TaskStatus.DONE] + counts[TaskStatus.CANCELLED]
    overdue = sum(1 for p in parts if p["status"] in OPEN_TASK_STATUSES and p["due"] and p["due"] < today)
    return {
        "total": len(parts), "open": counts[TaskStatus.OPEN], "in_progress": counts[TaskStatus.IN_PROGRESS],
        "done": counts[TaskStatus.DONE], "cancelled": counts[TaskStatus.CANCELLED], "overdue": overdue,
        "closed_percent": round(100 * closed / len(parts)) if parts else 0,
    }


def escalation_problem(from_body, to_body, reason: str) -> str:
    """A Danish message when a matter cannot move from ``from_body`` to ``to_body``, else ''."""
    if from_body is None:
        return "Sagen har intet organ, den kan flyttes fra."
    if to_body is None:
        return f"{from_body} har intet niveau over sig, som sagen kan flyttes til."
    if to_body.pk == from_body.pk:
        return "Sagen ejes allerede af dette organ."
    if to_body.has_ended():
        return f"{to_body} er ophørt og kan ikke modtage sager."
    if not (reason or "").strip():
        return "Skriv en begrundelse for, hvorfor sagen flyttes."
    return ""


# --- actions ---------------------------------------------------------------------------------


def assignment_targets(task):
    """The bodies a task may be fanned out to: the active clusters (bodies that group bodies),
    in the giving body's region when it has one."""
    from klynge.organisation.models import Body

    giver = task.owner_body or task.item.meeting.body
    clusters = Body.objects.active().filter(kind__groups_bodies=True).exclude(pk=giver.pk).select_related("region")
    region = giver.effective_region()
    if region is not None:
        clusters = [c for c in clusters if (c.effective_region() or region).pk == region.pk]
    return sorted(clusters, key=lambda b: b.name)


@transaction.atomic
def fan_out(task, bodies) -> list:
    """Give ``task`` to each of ``bodies`` as a part of its own; bodies that have a part already are skipped."""
    from .models import Task

    giver = task.owner_body or task.item.meeting.body
    problem = part_problem(task.parent_id is not None, [b.pk for b in bodies], giver.pk)
    if problem:
        raise ValidationError(problem)
    existing = set(task.parts.values_list("owner_body_id", flat=True))
    created = []
    for body in bodies:
        if body.pk in existing:
            continue
        part = Task(item=task.item, recommendation=task.recommendation, parent=task, description=task.description,
                    owner_kind=TaskOwnerKind.SECRETARIAT, owner_body=body, due=task.due)
        part.full_clean()
        part.save()
        created.append(part)
    return created


@transaction.atomic
def close_task(task, status: str, note: str):
    """Close a task (done or cancelled) with a note. An assignment is done only when every part is
    closed; cancelling it cancels its open parts. A recurring task closed as done creates the next
    occurrence (with its parts again). Returns the next occurrence or None."""
    from .models import Task

    open_parts = list(task.parts.filter(status__in=OPEN_TASK_STATUSES).select_related("owner_body"))
    problem = close_problem(status, [p.owner_body.name for p in open_parts])
    if problem:
        raise ValidationError(problem)
    now = timezone.now()
    task.status, task.closed_note, task.closed_at = status, note, now
    task.full_clean()
    task.save()
    for part in open_parts:  # only when cancelled
        part.status, part.closed_note, part.closed_at = TaskStatus.CANCELLED, note, now
        part.save()
    if status != TaskStatus.DONE or not task.recur_months:
        return None
    following = Task(item=task.item, recommendation=task.recommendation, description=task.description,
                     owner_kind=task.owner_kind, owner_person=task.owner_person,
                     owner_organisation=task.owner_organisation, owner_body=task.owner_body,
                     recur_months=task.recur_months, previous=task,
                     due=next_due(task.due, task.recur_months, timezone.localdate()))
    following.full_clean()
    following.save()
    bodies = [p.owner_body for p in task.parts.select_related("owner_body") if p.owner_body.is_active()]
    if bodies:
        fan_out(following, bodies)
    return following


@transaction.atomic
def update_part(part, status: str, note: str, on: datetime.date | None):
    """A receiving body's secretariat records its part's status, note and date."""
    if part.parent_id is None:
        raise ValidationError("Kun en dels status kan opdateres her.")
    if not (note or "").strip() and status != TaskStatus.IN_PROGRESS and status != TaskStatus.OPEN:
        raise ValidationError({"progress_note": "Skriv en kort note, når delen afsluttes."})
    part.status, part.progress_note, part.progress_on = status, note, on or timezone.localdate()
    if status in (TaskStatus.DONE, TaskStatus.CANCELLED):
        part.closed_note, part.closed_at = note, timezone.now()
    part.full_clean()
    part.save()
    return part


def escalate(matter, from_body, reason: str, user, to_body=None):
    """Move a matter from ``from_body`` to ``to_body`` (default: the level above) with a reason.
    Records the move, makes the receiving body the owner and proposes the matter for its agenda."""
    from .models import AgendaItem, MatterMove, Proposal

    if to_body is None:
        targets = escalation_targets(from_body)
        to_body = targets[0] if targets else None
    problem = escalation_problem(from_body, to_body, reason)
    if problem:
        raise ValidationError(problem)
    with transaction.atomic():
        source = (AgendaItem.objects.filter(matter=matter, meeting__body=from_body)
                  .select_related("meeting").order_by("-meeting__date", "-position").first())
        if to_body.forward():
            raise ValidationError(to_body.forward_text())
        proposal = Proposal(source_item=source, target_body=to_body, title=matter.title[:300],
                            summary=f"Sagen er flyttet fra {from_body}: {reason.strip()}",
                            case_number=matter.case_number or "", proposed_by=user,
                            closed=bool(source and source.closed))
        proposal.full_clean()
        proposal.save()
        move = MatterMove(matter=matter, from_body=from_body, to_body=to_body, reason=reason.strip(),
                          moved_on=timezone.localdate(), moved_by=user, proposal=proposal)
        move.full_clean()
        move.save()
        matter.owner_body = to_body
        matter.save(update_fields=["owner_body", "modified"])
    return move


def escalation_targets(from_body) -> list:
    """The bodies a matter can move up to from ``from_body``, nearest first: the parent (when it
    meets, i.e. is not a grouping body such as a cluster), bodies of the same cluster on a higher
    level (lower rank, e.g. the political level above the professional-strategic one), and the
    region-wide bodies of its region (bodies with no parent that do not group bodies)."""
    from klynge.organisation.models import Body

    if from_body is None:
        return []
    out = []
    parent = from_body.parent
    if parent is not None and not parent.kind.groups_bodies and parent.is_active():
        out.append(parent)
    cluster = from_body.cluster()
    rank = from_body.level.rank if from_body.level_id else None
    if cluster is not None and rank is not None:
        higher = (Body.objects.active().filter(parent=cluster, level__rank__lt=rank).exclude(pk=from_body.pk)
                  .select_related("level").order_by("-level__rank", "name"))
        out.extend(b for b in higher if b not in out)
    region = from_body.effective_region()
    if region is not None:
        wide = (Body.objects.active().filter(parent__isnull=True, region=region, kind__groups_bodies=False)
                .exclude(pk=from_body.pk).select_related("level").order_by("level__rank", "name"))
        out.extend(b for b in wide if b not in out)
    return out
