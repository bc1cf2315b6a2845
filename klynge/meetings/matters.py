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


# The item's and its meeting's columns the path shows or decides by (views.matters._as_seen, matter_path,
# visibility.redact and, through MEETING_COLUMNS, the visibility rules).
ITEM_COLUMNS = ("id", "number", "title", "kind", "closed", "decision", "case_number")
# In the model's order of fields: Model.from_db (Treatment.meeting) takes a subset of columns in that order.
MEETING_COLUMNS = tuple(f.attname for f in Meeting._meta.concrete_fields
                        if f.attname in {"id", "body_id", "date", "start", "status", "agenda_published_at"})


_ID, _BODY, _DATE, _STATUS, _PUBLISHED = (MEETING_COLUMNS.index(c) for c in (
    "id", "body_id", "date", "status", "agenda_published_at"))


# What the matter page prints of an open task (its description, ``Task.owner_label`` and due date).
TASK_FIELDS = ("description", "due", "owner_kind", "owner_person__name", "owner_organisation__name")


class Treatment:
    """One item of a matter and its meeting, as plain values: a matter of 240 treatments built an item and a
    meeting model per row, and that was most of the cost of reading it. ``rights`` asks the visibility rules
    (``visibility.MeetingRights``) about the meeting, built as a model only for the first meeting of each kind."""

    __slots__ = ("pk", "number", "title", "kind", "closed", "decision", "case_number", "meeting_values", "body",
                 "host_ids", "outcome_codes", "_db")

    def __init__(self, item_values, meeting_values, body, host_ids, outcome_codes, db):
        self.pk, self.number, self.title, self.kind, self.closed, self.decision, self.case_number = item_values
        self.meeting_values, self.body, self.host_ids, self.outcome_codes, self._db = (
            meeting_values, body, host_ids, outcome_codes, db)

    @property
    def meeting_id(self) -> int:
        return self.meeting_values[_ID]

    @property
    def date(self):
        return self.meeting_values[_DATE]

    def rights(self, rights: visibility.MeetingRights) -> tuple[bool, bool, bool]:
        """(agenda, closed items, minutes) the user of ``rights`` may see of this item's meeting."""
        values = self.meeting_values
        return rights.of_key(rights.key_of(values[_BODY], self.host_ids, values[_STATUS], values[_PUBLISHED]),
                             self.meeting)

    def meeting(self) -> Meeting:
        """The meeting as a model with the columns read (MEETING_COLUMNS; any other is loaded when asked for),
        its body and its hosts."""
        meeting = Meeting.from_db(self._db, MEETING_COLUMNS, self.meeting_values)
        meeting.body = self.body
        meeting.known_co_hosts(self.host_ids - {meeting.body_id})
        return meeting


def matter_items(matter) -> list[Treatment]:
    """Every item of the matter in the order it was treated, read once for the whole page as values
    (``Treatment``): the columns the path shows or decides by, the meeting's, the ids of the meeting's co-hosts
    (they decide who sees closed items), the meeting's body (a handful for hundreds of treatments, read once
    each) and the outcomes of the items' recommendations."""
    queryset = AgendaItem.objects.filter(matter=matter).order_by("meeting__date", "meeting__start", "position")
    rows = list(queryset.values_list(*ITEM_COLUMNS, *(f"meeting__{c}" for c in MEETING_COLUMNS)))
    split = len(ITEM_COLUMNS)
    meeting_id, body_id = split + _ID, split + _BODY
    co_hosts = Meeting.co_host_ids(row[meeting_id] for row in rows)
    bodies = Body.objects.in_bulk({row[body_id] for row in rows})
    outcomes = defaultdict(list)
    for item_id, code in (Recommendation.objects.filter(item__matter=matter).exclude(outcome="")
                          .order_by("item", "number").values_list("item_id", "outcome")):
        outcomes[item_id].append(code)
    return [Treatment(row[:split], row[split:], bodies[row[body_id]],
                      frozenset((row[body_id], *co_hosts.get(row[meeting_id], ()))), outcomes.get(row[0], []),
                      queryset.db)
            for row in rows]


def matter_path(matter, user, items=None, rights=None) -> dict:
    """The treatments this user may see (``steps``), the open tasks, pending proposals and the owner.
    ``items``: ``matter_items(matter)``; ``rights``: a ``visibility.MeetingRights`` of the user already used."""
    items = matter_items(matter) if items is None else items
    steps = []
    body_urls = {}
    # The page lists every treatment: its meeting's address and date are written here once per step
    # rather than reversed and formatted by the template (hundreds of steps on a national matter).
    meeting_url = reverse("meetings:meeting", args=[0])[:-2] + "{}/"
    rights = visibility.MeetingRights(user) if rights is None else rights
    roles = {kind: role.label for kind, role in ROLE_BY_KIND.items()}
    outcomes = {}  # the same few outcomes on hundreds of steps: worked out once each
    for item in items:
        see_agenda, see_closed, see_minutes = item.rights(rights)
        if not see_agenda:
            continue
        shown = visibility.redact(item, see_closed)
        body = item.body
        if body.pk not in body_urls:
            body_urls[body.pk] = body.get_absolute_url()
        steps.append({
            "body": body, "body_url": body_urls[body.pk], "item": shown,
            "meeting_url": meeting_url.format(item.meeting_id), "date_text": formats.date(item.date),
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
