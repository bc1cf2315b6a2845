"""What a plan would move: read the database, write nothing.

``world()`` snapshots what the pure rules check against; ``compute(plan)`` resolves the
plan and lists every object that would move. ``actions.run`` applies exactly this list.
Queries are per kind of object (never per object), so a region at national scale is
computed in seconds.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, Max, OuterRef, Q, Subquery
from django.utils import timezone

from klynge.core.text import danish_slugify
from klynge.funds import calculations as calc
from klynge.funds.choices import InitiativeStatus
from klynge.funds.models import BudgetLine, Grant, Initiative, Transfer
from klynge.meetings.choices import OPEN_TASK_STATUSES, MeetingStatus, ProposalStatus
from klynge.meetings.models import AgendaItem, Matter, Meeting, Proposal, Task
from klynge.organisation.choices import Role
from klynge.organisation.models import (
    Body,
    BodyArea,
    BodyKind,
    Mandate,
    Membership,
    Organisation,
    OrganisationSuccession,
    Person,
    Succession,
)
from klynge.organisation.permissions import descendant_ids

from . import rules
from .rules import PlanError, Resolved, Target, danish_date

MOVABLE_INITIATIVES = (InitiativeStatus.PROPOSED, InitiativeStatus.APPROVED, InitiativeStatus.RUNNING)


def world(rows: list[rules.Row], date: datetime.date | None, today: datetime.date | None = None) -> rules.World:
    today = today or timezone.localdate()
    bodies = list(Body.objects.values_list("pk", "name", "slug", "active_from", "active_to", "parent_id"))
    first_meeting: dict[int, datetime.date] = {}
    named = {rules.key(r.predecessor) for r in rows if r.action == rules.SUCCESSION}
    if date is not None:
        parents = defaultdict(list)
        for pk, _n, _s, _f, _t, parent in bodies:
            parents[parent].append(pk)
        for pk, name, slug, *_ in bodies:
            if rules.key(name) in named or rules.key(slug) in named:
                ids = _descendants_in_memory(pk, parents)
                first = (Meeting.objects.filter(body_id__in=ids, date__gte=date)
                         .exclude(status=MeetingStatus.CANCELLED).order_by("date").values_list("date", flat=True)
                         .first())
                if first:
                    first_meeting[pk] = first
    persons = defaultdict(list)
    wanted = {rules.key(r.person) for r in rows if r.person}
    for pk, name, slug in Person.objects.values_list("pk", "name", "slug"):
        for k in {rules.key(name), rules.key(slug)}:
            if k in wanted:
                persons[k].append(pk)
    roles = {}
    for value, label in Role.choices:
        roles[rules.key(label)] = value
        roles[rules.key(value)] = value
    return rules.World(
        today=today,
        bodies=[rules.BodyInfo(pk, name, slug, f, t, first_meeting.get(pk)) for pk, name, slug, f, t, _p in bodies],
        kinds={rules.key(n): pk for pk, n in BodyKind.objects.values_list("pk", "name")}
        | {rules.key(s): pk for pk, s in BodyKind.objects.values_list("pk", "slug")},
        organisations=[rules.OrgInfo(pk, n, k, c) for pk, n, k, c in
                       Organisation.objects.values_list("pk", "name", "kind", "municipality_code")],
        persons=dict(persons),
        successions=list(Succession.objects.values_list("predecessor_id", "successor_id")),
        org_successions=list(OrganisationSuccession.objects.values_list("predecessor_id", "successor_id")),
        areas=list(BodyArea.objects.values_list("body_id", "municipality_id", "start", "end")),
        roles=roles,
    )


def _descendants_in_memory(root: int, children: dict) -> set[int]:
    ids, frontier = {root}, [root]
    while frontier:
        node = frontier.pop()
        for child in children.get(node, []):
            if child not in ids:
                ids.add(child)
                frontier.append(child)
    return ids


# --- the list of moves ----------------------------------------------------------------------

@dataclass
class Move:
    kind: str             # TransferKind value
    object_id: int | None
    label: str
    from_body: int | None
    to: str | None        # Target.ref
    amount: int | None = None
    extra: dict = field(default_factory=dict)


@dataclass
class Moves:
    plan_date: datetime.date
    resolved: Resolved
    targets: dict[str, Target]
    body_names: dict[int, str]
    ending: dict[int, int]                 # body id -> predecessor root it ends with
    new_bodies: list[Target] = field(default_factory=list)
    new_regions: list[str] = field(default_factory=list)
    moves: list[Move] = field(default_factory=list)
    errors: list[PlanError] = field(default_factory=list)

    def by_kind(self, kind: str) -> list[Move]:
        return [m for m in self.moves if m.kind == kind]

    def name_of(self, ref: str | None) -> str:
        if ref is None:
            return ""
        return self.targets[ref].name if ref in self.targets else ref


def load_rows(plan) -> list[rules.Row]:
    return plan.rule_rows()


def compute(plan, today: datetime.date | None = None) -> Moves | list[PlanError]:
    """Every move the plan would make, or the errors that stop it."""
    rows = load_rows(plan)
    resolved, errors = rules.resolve(rows, plan.date, world(rows, plan.date, today))
    if errors:
        return errors
    return compute_resolved(resolved)


def compute_resolved(resolved: Resolved) -> Moves | list[PlanError]:
    date = resolved.date
    day_before = date - datetime.timedelta(days=1)
    targets = {t.ref: t for t in resolved.targets()}
    for m in resolved.municipalities:
        targets.setdefault(m.target.ref, m.target)
    for m in resolved.members:
        targets.setdefault(m.target.ref, m.target)
    body_names = dict(Body.objects.values_list("pk", "name"))
    moves = Moves(date, resolved, targets, body_names, ending={})
    errors = moves.errors

    # New bodies and regions.
    taken_slugs = set(Body.objects.values_list("slug", flat=True))
    groups = dict(BodyKind.objects.values_list("pk", "groups_bodies"))
    for target in targets.values():
        if target.id is None:
            slug = danish_slugify(target.name)[:200]
            if slug in taken_slugs:
                lines = tuple(s.line for s in resolved.successions if s.target.ref == target.ref)
                errors.append(PlanError(lines, f"der findes allerede et organ med kortnavnet »{slug}«; vælg et "
                                               "andet navn til det nye organ."))
            moves.new_bodies.append(target)
            moves.moves.append(Move("body", None, f"Oprettes: {target.name}", None, target.ref))
    for party in resolved.parties:
        if party.successor is None and party.successor_name not in moves.new_regions:
            moves.new_regions.append(party.successor_name)
        moves.moves.append(Move("organisation", party.predecessor.id,
                                f"{party.successor_name} afløser {party.predecessor.name}", None, None,
                                extra={"successor": party.successor.id if party.successor else None,
                                       "successor_name": party.successor_name}))

    # Which bodies end: each predecessor and everything under it.
    children = defaultdict(list)
    for pk, parent in Body.objects.values_list("pk", "parent_id"):
        children[parent].append(pk)
    work_to: dict[int, str] = {}              # predecessor root -> the target taking over its work
    for s in resolved.successions:
        for body_id in _descendants_in_memory(s.predecessor.id, children):
            moves.ending.setdefault(body_id, s.predecessor.id)
        if s.takes_over:
            work_to[s.predecessor.id] = s.target.ref
        moves.moves.append(Move("succession", s.predecessor.id,
                                f"{s.target.name} afløser {s.predecessor.name}"
                                + (" (med adgang til arkivet)" if s.archive_access else ""),
                                s.predecessor.id, s.target.ref,
                                extra={"archive": s.archive_access, "takes_over": s.takes_over}))
    ended = dict(Body.objects.filter(pk__in=moves.ending).values_list("pk", "active_to"))
    for body_id in sorted(moves.ending, key=lambda b: body_names[b]):
        if ended[body_id] is None or ended[body_id] > day_before:
            moves.moves.append(Move("end", body_id, f"{body_names[body_id]} ophører {danish_date(day_before)}",
                                    body_id, None))

    def root(body_id):
        return moves.ending.get(body_id)

    ending_ids = list(moves.ending)

    # Open follow-up tasks. The report is read by the region's administrators, who may not see the
    # clusters' closed items: a task or proposal from a closed item is listed without its text.
    tasks = (Task.objects.filter(status__in=OPEN_TASK_STATUSES)
             .filter(Q(owner_body__isnull=True, item__meeting__body_id__in=ending_ids)
                     | Q(owner_body_id__in=ending_ids))
             .values_list("pk", "description", "item__meeting__body_id", "owner_body_id", "item__closed",
                          "item__number").order_by("pk"))
    for pk, description, meeting_body, owner_body, closed, number in tasks:
        origin = root(owner_body or meeting_body)
        label = f"Opgave fra et lukket punkt (punkt {number})" if closed else description[:160]
        moves.moves.append(Move("task", pk, label, origin, work_to[origin]))

    # Pending proposals.
    for pk, title, target_body, closed in (Proposal.objects.filter(status=ProposalStatus.PENDING,
                                                                   target_body_id__in=ending_ids)
                                           .values_list("pk", "title", "target_body_id", "source_item__closed")
                                           .order_by("pk")):
        label = "Forslag fra et lukket punkt" if closed else title[:160]
        moves.moves.append(Move("proposal", pk, label, root(target_body), work_to[root(target_body)]))

    # Matters owned by an ending body: by hand, else the last body to treat it.
    last_body = Subquery(AgendaItem.objects.filter(matter=OuterRef("pk"))
                         .order_by("-meeting__date", "-meeting__start", "-position").values("meeting__body_id")[:1])
    open_item = ~Exists(AgendaItem.objects.filter(matter=OuterRef("pk"), closed=True))
    matters = (Matter.objects.annotate(last_body=last_body, has_open_item=open_item)
               .filter(Q(owner_body_id__in=ending_ids) | Q(owner_body__isnull=True, last_body__in=ending_ids))
               .values_list("pk", "title", "case_number", "owner_body_id", "last_body", "has_open_item")
               .order_by("pk"))
    for pk, title, case_number, owner, last, has_open_item in matters:
        # The report is read by the region's administrators: a matter with a closed item is not named
        # (its title and journal number may come from the closed item).
        if not has_open_item:
            label = f"Sag nr. {pk} (med lukkede punkter)"
        else:
            label = f"{title} ({case_number})" if case_number else title
        moves.moves.append(Move("matter", pk, label[:160], root(owner or last), work_to[root(owner or last)]))

    # Funds: running initiatives move (or stay), then each party's unspent balance.
    for s in resolved.successions:
        if not s.takes_over:
            continue
        pred = s.predecessor.id
        target = targets[s.target.ref]
        target_groups = groups.get(target.kind_id) if target.id is None else \
            Body.objects.filter(pk=target.id, kind__groups_bodies=True).exists()
        initiatives = list(Initiative.objects.filter(cluster_id=pred).values_list("pk", "number", "title", "status"))
        has_funds = bool(initiatives) or Grant.objects.filter(cluster_id=pred).exists()
        if has_funds and not target_groups:
            errors.append(PlanError((s.line,), f"{s.predecessor.name} har midler og indsatser, men {target.name} "
                                               "er hverken en klynge eller et sundhedsråd og kan ikke overtage dem."))
            continue
        if not has_funds:
            continue
        used_numbers = set() if target.id is None else set(
            Initiative.objects.filter(cluster_id=target.id).values_list("number", flat=True))
        used_numbers |= {m.extra["number"] for m in moves.by_kind("initiative") if m.to == s.target.ref}
        prefix = _prefix(s.predecessor)
        moving = set()
        for pk, number, title, status in initiatives:
            if s.move_initiatives and status in MOVABLE_INITIATIVES:
                new_number = free_number(number, prefix, used_numbers)
                used_numbers.add(new_number)
                moving.add(pk)
                moves.moves.append(Move("initiative", pk, f"{number}. {title}"[:160], pred, s.target.ref,
                                        extra={"number": new_number}))
        grants = [calc.Grant(g.year, g.party_id, g.amount) for g in Grant.objects.filter(cluster_id=pred)]
        transfers = [calc.Transfer(t.party_id, t.from_year, t.to_year, t.amount)
                     for t in Transfer.objects.filter(cluster_id=pred)]
        grants += handover_grants(pred)
        staying = [calc.Line(str(b.initiative_id), b.year, b.party_id, b.amount)
                   for b in BudgetLine.objects.filter(initiative__cluster_id=pred).exclude(initiative_id__in=moving)]
        funds = calc.funds_by_party(grants, transfers)
        committed = calc.committed_by_party(staying)
        party_names = dict(Organisation.objects.filter(pk__in=set(funds) | set(committed))
                           .values_list("pk", "name"))
        for balance in calc.balances(funds, committed, sorted(set(funds) | set(committed),
                                                              key=lambda p: party_names[p])):
            if balance.balance:
                moves.moves.append(Move("balance", balance.party, party_names[balance.party], pred, s.target.ref,
                                        amount=balance.balance, extra={"year": date.year}))

    # Memberships of ending bodies end the day before; named members carry over.
    memberships = (Membership.objects.filter(body_id__in=ending_ids).filter(Q(end__isnull=True) | Q(end__gte=date))
                   .values_list("pk", "person__name", "body_id", "role", "start", "organisation_id").order_by("pk"))
    party_of = {}
    for pk, person, body_id, role, start, _organisation in memberships:
        if start >= date:
            errors.append(PlanError((), f"{person} er medlem af {body_names[body_id]} fra {danish_date(start)}, "
                                        "efter overgangsdatoen; ret eller slet medlemskabet først."))
            continue
        moves.moves.append(Move("membership", pk, f"{person} ({Role(role).label.lower()}) i {body_names[body_id]}",
                                body_id, None))
    for person_id, organisation in Membership.objects.filter(body_id__in=ending_ids).values_list(
            "person_id", "organisation_id"):
        if organisation:
            party_of.setdefault(person_id, organisation)
    for m in resolved.members:
        party = m.party.id if m.party else party_of.get(m.person_id)
        moves.moves.append(Move("member", m.person_id, f"{m.person_name} ({Role(m.role).label.lower()})", None,
                                m.target.ref, extra={"role": m.role, "party": party, "line": m.line}))

    # Mandates: the successor's own version, linked to the predecessors' current ones.
    current = {}
    open_on_day_before = Q(valid_from__lte=day_before) & (Q(valid_to__isnull=True) | Q(valid_to__gte=day_before))
    for pk, body_id in (Mandate.objects.filter(body_id__in=[s.predecessor.id for s in resolved.successions])
                        .filter(open_on_day_before).order_by("body_id", "-valid_from").values_list("pk", "body_id")):
        current.setdefault(body_id, pk)
    for ref, target in targets.items():
        preds = [s.predecessor for s in resolved.successions if s.target.ref == ref]
        if not preds:
            continue
        linked = [current[p.id] for p in preds if p.id in current]
        moves.moves.append(Move("mandate", None, f"Kommissorium for {target.name}, der viderefører "
                                + ", ".join(p.name for p in preds), None, ref, extra={"continues": linked}))

    # Areas: the predecessors' municipalities end, each council's start.
    for pk, body_id, municipality in (BodyArea.objects.filter(body_id__in=ending_ids).active(date)
                                      .values_list("pk", "body_id", "municipality__name")):
        moves.moves.append(Move("area_end", pk, f"{municipality} i {body_names[body_id]}", body_id, None))
    for m in resolved.municipalities:
        moves.moves.append(Move("area", m.municipality.id, m.municipality.name, None, m.target.ref))
    return errors if errors else moves


def handover_grants(cluster_id: int) -> list[calc.Grant]:
    """Balances handed over to (+) or from (-) a cluster at a transition, as grant inputs."""
    from klynge.funds.models import BalanceHandover

    out = []
    for h in BalanceHandover.objects.filter(Q(to_cluster_id=cluster_id) | Q(from_cluster_id=cluster_id)):
        out.append(calc.Grant(h.year, h.party_id, h.amount if h.to_cluster_id == cluster_id else -h.amount))
    return out


def _prefix(body: rules.BodyInfo) -> str:
    return (body.slug or "F")[:14].upper()


def free_number(number: str, prefix: str, used: set[str]) -> str:
    """The initiative's number at the successor: kept when free, else prefixed by its old cluster."""
    if number not in used:
        return number
    candidate, n = f"{prefix}-{number}"[:20], 2
    while candidate in used:
        candidate, n = f"{prefix}-{number}-{n}"[-20:], n + 1
    return candidate


def latest_meeting(body_ids) -> datetime.date | None:
    return Meeting.objects.filter(body_id__in=body_ids).aggregate(m=Max("date"))["m"]


__all__ = ["compute", "descendant_ids", "world"]
