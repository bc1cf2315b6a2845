"""A matter's whole path across meetings and bodies, as a given user may see it."""

from collections import Counter, defaultdict

from django.urls import reverse

from klynge.core import formats
from klynge.organisation.models import Body

from . import visibility
from .choices import OPEN_TASK_STATUSES, ROLE_BY_KIND, MatterRole, Outcome, ProposalStatus
from .models import AgendaItem, Meeting, Proposal, Recommendation, Task


def _outcome(item) -> str:
    outcomes = [Outcome(code).label for code in item.outcome_codes]
    if outcomes:
        counts = Counter(outcomes)
        return ", ".join(f"{label}" + (f" ({n})" if n > 1 else "") for label, n in counts.items())
    if item.decision:
        return item.decision[:160]
    return ""


def _cached_outcome(item, known: dict) -> str:
    """``_outcome(item)``, kept in ``known`` by the item's outcome codes (the decision's text when it has none)."""
    key = tuple(item.outcome_codes) or item.decision
    if key not in known:
        known[key] = _outcome(item)
    return known[key]


# What the path and the visibility rules read of an item and its meeting (matter_path, visibility.redact,
# visibility.MeetingRights, views.matters._as_seen); a matter of 240 treatments built every column before.
PATH_FIELDS = (
    "number", "title", "kind", "closed", "decision", "case_number", "matter",
    "meeting__date", "meeting__start", "meeting__body", "meeting__status", "meeting__agenda_published_at",
)


# What the matter page prints of an open task (its description, ``Task.owner_label`` and due date).
TASK_FIELDS = ("description", "due", "owner_kind", "owner_person__name", "owner_organisation__name")


def matter_items(matter) -> list:
    """Every item of the matter in the order it was treated, loaded once for the whole page, with its
    meeting (and the ids of the meeting's co-hosts, which decide who sees closed items) and the meeting's body; only
    the columns the path shows or decides by (PATH_FIELDS). A matter can have hundreds of treatments in a handful of
    bodies, so the bodies are read once each rather than joined per row, and the outcomes of the items'
    recommendations come as plain values (``item.outcome_codes``), not as a model per recommendation."""
    items = list(
        AgendaItem.objects.filter(matter=matter)
        .select_related("meeting")
        .only(*PATH_FIELDS)
        .order_by("meeting__date", "meeting__start", "position")
    )
    # Who holds each meeting decides who sees its closed items (Meeting.host_ids); the co-hosts as ids,
    # one query, no body built (the page does not name them).
    Meeting.read_host_ids([item.meeting for item in items])
    bodies = Body.objects.in_bulk({item.meeting.body_id for item in items})
    outcomes = defaultdict(list)
    for item_id, code in (Recommendation.objects.filter(item__matter=matter).exclude(outcome="")
                          .order_by("item", "number").values_list("item_id", "outcome")):
        outcomes[item_id].append(code)
    for item in items:
        item.meeting.body = bodies[item.meeting.body_id]
        item.outcome_codes = outcomes.get(item.pk, [])
    return items


def matter_path(matter, user, items=None) -> dict:
    items = matter_items(matter) if items is None else items
    steps = []
    body_urls = {}
    # The page lists every treatment: its meeting's address and date are written here once per step
    # rather than reversed and formatted by the template (hundreds of steps on a national matter).
    meeting_url = reverse("meetings:meeting", args=[0])[:-2] + "{}/"
    rights = visibility.MeetingRights(user)
    roles = {kind: role.label for kind, role in ROLE_BY_KIND.items()}
    outcomes = {}  # the same few outcomes on hundreds of steps: worked out once each
    for item in items:
        meeting = item.meeting
        see_agenda, see_closed, see_minutes = rights.of(meeting)
        if not see_agenda:
            continue
        shown = visibility.redact(item, see_closed)
        if meeting.body_id not in body_urls:
            body_urls[meeting.body_id] = meeting.body.get_absolute_url()
        steps.append({
            "meeting": meeting, "body": meeting.body, "body_url": body_urls[meeting.body_id], "item": shown,
            "meeting_url": meeting_url.format(meeting.pk), "date_text": formats.date(meeting.date),
            # As text: an int would go through localize() at each of its two places in the template.
            "number": str(shown.number), "title": shown.title,
            "role": roles.get(item.kind, MatterRole.INFORMATION.label),
            "outcome": "" if getattr(shown, "redacted", False) or not see_minutes else _cached_outcome(item, outcomes),
        })
    pending = list(Proposal.objects.filter(visibility.visible_proposals_q(user), source_item__matter=matter,
                                           status=ProposalStatus.PENDING).select_related("target_body"))
    # What the page prints of a task (its description, owner_label and due date): the task's item, meeting
    # and body were read in full before, long texts included, and not shown.
    tasks = list(visibility.visible_tasks(user, Task.objects.filter(item__matter=matter, status__in=OPEN_TASK_STATUSES))
                 .select_related("owner_person", "owner_organisation").only(*TASK_FIELDS))
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
