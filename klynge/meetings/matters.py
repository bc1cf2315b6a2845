"""A matter's whole path across meetings and bodies, as a given user may see it."""

from collections import Counter

from . import visibility
from .choices import OPEN_TASK_STATUSES, ROLE_BY_KIND, MatterRole, ProposalStatus
from .models import AgendaItem, Proposal, Task


def _outcome(item) -> str:
    outcomes = [r.get_outcome_display() for r in item.recommendations.all() if r.outcome]
    if outcomes:
        counts = Counter(outcomes)
        return ", ".join(f"{label}" + (f" ({n})" if n > 1 else "") for label, n in counts.items())
    if item.decision:
        return item.decision[:160]
    return ""


def matter_items(matter) -> list:
    """Every item of the matter in the order it was treated, loaded once for the whole page
    (meeting, body and recommendations with it; not the long texts the path does not show)."""
    return list(
        AgendaItem.objects.filter(matter=matter)
        .select_related("meeting", "meeting__body")
        .defer("summary", "description", "minutes", "meeting__minutes_note")
        .prefetch_related("recommendations")
        .order_by("meeting__date", "meeting__start", "position")
    )


def matter_path(matter, user, items=None) -> dict:
    items = matter_items(matter) if items is None else items
    steps = []
    body_urls = {}
    for item in items:
        meeting = item.meeting
        if not visibility.can_see_agenda(user, meeting):
            continue
        shown = visibility.redact(item, visibility.can_see_closed(user, meeting))
        if meeting.body_id not in body_urls:
            body_urls[meeting.body_id] = meeting.body.get_absolute_url()
        steps.append({
            "meeting": meeting, "body": meeting.body, "body_url": body_urls[meeting.body_id], "item": shown,
            "role": ROLE_BY_KIND.get(item.kind, MatterRole.INFORMATION).label,
            "outcome": "" if getattr(shown, "redacted", False) or not visibility.can_see_minutes(user, meeting)
            else _outcome(item),
        })
    pending = list(Proposal.objects.filter(visibility.visible_proposals_q(user), source_item__matter=matter,
                                           status=ProposalStatus.PENDING).select_related("target_body"))
    tasks = list(visibility.visible_tasks(user, Task.objects.filter(item__matter=matter, status__in=OPEN_TASK_STATUSES))
                 .select_related("item__meeting__body", "owner_person", "owner_organisation"))
    return {
        "steps": steps,
        "treatments": len(steps),
        "body_count": len({s["body"].pk for s in steps}),
        "owner": current_owner(matter, steps, pending),
        "pending": pending,
        "open_tasks": tasks,
    }


def current_owner(matter, steps, pending):
    """The body that owns a matter now: set by hand, else a body it is proposed to, else the last to treat it."""
    if matter.owner_body_id:
        return matter.owner_body
    if pending:
        return pending[-1].target_body
    if steps:
        return steps[-1]["body"]
    return None


def matter_moves(matter, user, owner, complete: bool) -> dict:
    """Where the matter moved and why (MatterMove), for the matter's page. The reasons are shown to
    whoever sees the whole matter (every item of it) and to the secretariats of the bodies it moved
    between; others see that it moved, not why (a reason may speak of closed items)."""
    from klynge.organisation import permissions

    from .models import MatterMove

    # A move always sets the matter's owner, so a matter without one has none: no query (the matter
    # pages keep their query counts, tests/perf).
    moves = list(MatterMove.objects.filter(matter=matter).select_related("from_body", "to_body")
                 ) if matter.owner_body_id else []
    rows = [{"move": m, "reason": m.reason if complete or permissions.can_edit_body(user, m.from_body)
             or permissions.can_edit_body(user, m.to_body) else ""} for m in moves]
    return {"moves": rows, "can_escalate": bool(owner is not None and user.is_authenticated
                                                and permissions.can_edit_body(user, owner))}
