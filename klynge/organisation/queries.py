"""Read-side helpers for the structure pages: few queries, no N+1."""

from collections import defaultdict
from itertools import groupby

from django.db.models import Prefetch
from django.utils import timezone

from .choices import CHAIR_ROLES, ROLE_ORDER, OrganisationKind
from .models import Body, ChairRotation, Membership, Organisation
from .models.periods import active_q

_ROLE_RANK = {role: i for i, role in enumerate(ROLE_ORDER)}


def regions_with_bodies(today=None):
    """[(region, clusters, region_wide_bodies)] for the front page; children prefetched.

    A cluster lists its active sub-bodies; bodies without a region come last under None.
    """
    today = today or timezone.localdate()
    active_children = Prefetch(
        "children",
        queryset=Body.objects.filter(active_q(today, "active_from", "active_to"))
        .select_related("kind", "level").order_by("level__rank", "name"),
        to_attr="active_children",
    )
    top = (
        Body.objects.filter(parent__isnull=True)
        .filter(active_q(today, "active_from", "active_to"))
        .select_related("kind", "region").prefetch_related(active_children)
        .order_by("kind__sort_order", "name")
    )
    by_region = defaultdict(list)
    for body in top:
        by_region[body.region_id].append(body)
    regions = list(Organisation.objects.filter(kind=OrganisationKind.REGION).order_by("name"))
    result = []
    for region in [*regions, None]:
        bodies = by_region.get(region.pk if region else None, [])
        if region is None and not bodies:
            continue
        clusters = [b for b in bodies if b.kind.groups_bodies]
        others = [b for b in bodies if not b.kind.groups_bodies]
        result.append((region, clusters, others))
    return result


def _membership_sort_key(membership):
    return (_ROLE_RANK.get(membership.role, 99), membership.person.name)


def members_grouped_by_party(body, on=None):
    """Current members as [(party or None, [membership, ...])], parties in name order."""
    members = list(
        body.memberships.active(on).select_related("person", "organisation")
    )
    members.sort(key=lambda m: ((m.organisation.name if m.organisation else "\uffff"), _membership_sort_key(m)))
    return [(party, list(group)) for party, group in groupby(members, key=lambda m: m.organisation)]


def former_members(body, on=None):
    return list(
        body.memberships.former(on).select_related("person", "organisation").order_by("-end", "person__name")
    )


def chair_terms(body):
    """Chairs and co-chairs over the years, and the planned rotation of chair seats.

    Returns (terms, rotations): terms are chair/co-chair memberships oldest first;
    rotations are ChairRotation rows grouped by seat, each flagged past/current/planned.
    """
    today = timezone.localdate()
    terms = list(
        Membership.objects.filter(body=body, role__in=CHAIR_ROLES)
        .select_related("person", "organisation").order_by("start", "person__name")
    )
    rotations = defaultdict(list)
    for rotation in ChairRotation.objects.filter(body=body).select_related("organisation").order_by("seat", "start"):
        rotation.state = "tidligere" if rotation.end < today else ("nu" if rotation.start <= today else "planlagt")
        rotations[rotation.seat].append(rotation)
    return terms, dict(rotations)


def change_history(body, limit=200):
    """Who changed what and when, for a body and its memberships and mandates, newest first.

    Each entry: {"when", "who", "what", "action", "changes": [(field label, old, new)], "reason"}.
    """
    from .models import Mandate

    records = []
    sources = [
        (body.history.all(), lambda r: "Organet"),
        (Membership.history.filter(body_id=body.pk).select_related("person"),
         lambda r: f"Medlemskab: {r.person.name if r.person else '?'}"),
        (Mandate.history.filter(body_id=body.pk), lambda r: f"Kommissorium: {r.title}"),
    ]
    for queryset, describe in sources:
        for record in queryset.select_related("history_user").order_by("-history_date")[:limit]:
            records.append((record, describe(record)))
    records.sort(key=lambda pair: pair[0].history_date, reverse=True)
    actions = {"+": "oprettet", "~": "ændret", "-": "slettet"}
    entries = []
    for record, what in records[:limit]:
        changes = []
        previous = record.prev_record
        if record.history_type == "~" and previous is not None:
            delta = record.diff_against(previous, excluded_fields=["modified", "version"])
            for change in delta.changes:
                label = record.instance_type._meta.get_field(change.field).verbose_name
                changes.append((label, change.old, change.new))
        user = record.history_user
        entries.append({
            "when": record.history_date, "what": what, "action": actions[record.history_type],
            "who": (getattr(getattr(user, "person", None), "name", None) or user.get_username()) if user else "System",
            "changes": changes, "reason": record.history_change_reason or "",
        })
    return entries
