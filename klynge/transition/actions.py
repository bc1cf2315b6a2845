"""Writes of the transition: load a plan, check it, run it once in one transaction."""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from klynge.core import formats
from klynge.core.cpr import contains_cpr
from klynge.core.signals import bulk_changed
from klynge.core.text import danish_slugify
from klynge.funds.models import BalanceHandover, Initiative
from klynge.meetings.models import Matter, Proposal, Task
from klynge.organisation.choices import OrganisationKind
from klynge.organisation.models import (
    Body,
    BodyArea,
    CompositionVersion,
    Mandate,
    Membership,
    Organisation,
    OrganisationSuccession,
    Succession,
)

from . import planning, report, rules
from .models import PlanRow, PlanStatus, TransferKind, TransferRecord, TransitionPlan


class PlanRefused(ValidationError):
    """The plan cannot run: its errors, in Danish, each naming the row."""


@transaction.atomic
def load_plan(csv_text: str, *, name: str, date: datetime.date, region=None, user=None, is_demo=False,
              plan: TransitionPlan | None = None) -> TransitionPlan:
    """A new plan (or an existing draft's rows replaced) from CSV text; raises rules.CsvError.

    Rows are written in bulk (no pre_save guard), so CPR numbers are refused here for every caller.
    """
    if contains_cpr(csv_text):
        raise rules.CsvError([rules.PlanError((), "Planen ser ud til at indeholde et CPR-nummer. CPR-numre må "
                                                  "ikke stå i Klynge: fjern det, og indlæs planen igen.")])
    rows = rules.parse_csv(csv_text)
    if plan is None:
        plan = TransitionPlan.objects.create(name=name, date=date, region=region, created_by=user, is_demo=is_demo)
    else:
        if plan.has_run:
            raise PlanRefused(already_run_message(plan))
        plan.name, plan.date, plan.region = name, date, region
        plan.status = PlanStatus.DRAFT
        plan.report = {}
        plan.save()
        plan.rows.all().delete()
    PlanRow.objects.bulk_create(PlanRow(plan=plan, **{k: v for k, v in vars(row).items()}) for row in rows)
    return plan


def already_run_message(plan) -> str:
    who = f" af {plan.run_by_name}" if plan.run_by_name else ""
    when = f" {formats.date_time(plan.run_at)}" if plan.run_at else ""
    return f"Planen »{plan.name}« er allerede gennemført{when}{who} og kan ikke køres igen."


def dry_run(plan: TransitionPlan) -> dict:
    """The report of everything the plan would move; marks a draft as checked when it has no errors."""
    if plan.has_run:
        return plan.report
    result = planning.compute(plan)
    data = report.build(plan, result)
    with transaction.atomic():
        TransitionPlan.objects.filter(pk=plan.pk).update(
            status=PlanStatus.DRAFT if data["errors"] else PlanStatus.CHECKED, report=data)
    plan.refresh_from_db()
    return data


def run(plan: TransitionPlan, *, user=None, by_name: str = "", reason: str) -> dict:
    """Carry the plan out in one transaction. Refused, with nothing moved, on any error."""
    if not (reason or "").strip():
        raise PlanRefused("Skriv en begrundelse for overgangen; den gemmes sammen med, hvem der gennemførte den.")
    with transaction.atomic():
        plan = TransitionPlan.objects.select_for_update().get(pk=plan.pk)
        if plan.has_run:
            raise PlanRefused(already_run_message(plan))
        result = planning.compute(plan)
        if isinstance(result, list):
            raise PlanRefused([str(e) for e in result])
        _apply(plan, result, user=user, reason=reason.strip())
        data = report.build(plan, result, done=True)
        plan.status = PlanStatus.RUN
        plan.run_by = user if getattr(user, "is_authenticated", False) else None
        plan.run_by_name = by_name or (user.get_full_name() or user.get_username() if plan.run_by else "")
        plan.run_at = timezone.now()
        plan.reason = reason.strip()
        plan.report = data
        plan._change_reason = f"Overgangen gennemført: {plan.reason}"
        plan.save()
    return data


def _update_grouped(model, objs, field: str, value_of, *, why: str, user):
    """Set ``field`` on many rows with one UPDATE per distinct value, and their history in bulk.

    Cheaper than bulk_update's CASE expressions at thousands of rows; history rows as with
    bulk_update_with_history (who and why included).
    """
    groups = {}
    for obj in objs:
        value = value_of(obj)
        setattr(obj, field, value)
        groups.setdefault(value, []).append(obj.pk)
    for value, ids in groups.items():
        for start in range(0, len(ids), 900):
            model.objects.filter(pk__in=ids[start:start + 900]).update(**{field: value})
    if objs:
        model.history.bulk_history_create(objs, batch_size=500, update=True, default_user=user,
                                          default_change_reason=why)


def _apply(plan, moves: planning.Moves, *, user, reason: str):
    date = moves.plan_date
    day_before = date - datetime.timedelta(days=1)
    why = f"Overgang »{plan.name}« {rules.danish_date(date)}: {reason}"[:100]
    ct = {model: ContentType.objects.get_for_model(model)
          for model in (Body, Task, Proposal, Matter, Initiative, BalanceHandover, Membership, Mandate, BodyArea,
                        Organisation)}
    records: list[TransferRecord] = []

    def record(kind, model, object_id, label, from_body, to_body, amount=None):
        records.append(TransferRecord(plan=plan, kind=kind, content_type=ct[model], object_id=object_id,
                                      label=label[:400], from_body_id=from_body, to_body_id=to_body, date=date,
                                      amount=amount))

    # Regions the plan creates, and organisation successions.
    new_orgs = {}
    for name in moves.new_regions:
        org = Organisation(name=name, kind=OrganisationKind.REGION)
        org._change_reason = why
        org.save()
        new_orgs[rules.key(name)] = org
    for m in moves.by_kind("organisation"):
        successor_id = m.extra["successor"] or new_orgs[rules.key(m.extra["successor_name"])].pk
        succession = OrganisationSuccession(predecessor_id=m.object_id, successor_id=successor_id, date=date,
                                            note=f"Overgang »{plan.name}«")
        succession._change_reason = why
        succession.save()
        record(TransferKind.ORGANISATION, Organisation, successor_id, m.label, None, None)

    # New bodies; then every target's id is known.
    body_ids: dict[str, int] = {ref: t.id for ref, t in moves.targets.items() if t.id}
    for target in moves.new_bodies:
        region_id = target.region_id or (new_orgs[rules.key(target.region_name)].pk if target.region_name else None)
        body = Body(name=target.name, slug=danish_slugify(target.name)[:200], kind_id=target.kind_id,
                    region_id=region_id, active_from=date)
        body._change_reason = why
        body.full_clean()
        body.save()
        body_ids[target.ref] = body.pk
        record(TransferKind.BODY, Body, body.pk, f"Oprettet ved overgangen: {body.name}", None, body.pk)

    def to(ref):
        return body_ids[ref]

    # Successions, and the ending bodies.
    for m in moves.by_kind("succession"):
        succession = Succession(predecessor_id=m.from_body, successor_id=to(m.to), date=date,
                                grants_archive_access=m.extra["archive"], takes_over_work=m.extra["takes_over"],
                                note=f"Overgang »{plan.name}«")
        succession._change_reason = why
        succession.save()
    ending = list(Body.objects.filter(pk__in=[m.object_id for m in moves.by_kind("end")]))
    _update_grouped(Body, ending, "active_to", lambda b: day_before, why=why, user=user)
    # Compositions are not carried over: a council's seats follow its own rules, not a cluster's. The
    # ending bodies' open versions end with them, so their pages show the composition as it was.
    compositions = list(CompositionVersion.objects.filter(body__in=ending, valid_to__isnull=True,
                                                                valid_from__lte=day_before))
    _update_grouped(CompositionVersion, compositions, "valid_to", lambda v: day_before, why=why, user=user)

    # Open tasks, pending proposals, matters.
    task_moves = {m.object_id: m for m in moves.by_kind("task")}
    tasks = list(Task.objects.filter(pk__in=task_moves))
    _update_grouped(Task, tasks, "owner_body_id", lambda t: to(task_moves[t.pk].to), why=why, user=user)
    for task in tasks:
        record(TransferKind.TASK, Task, task.pk, task_moves[task.pk].label, task_moves[task.pk].from_body,
               task.owner_body_id)
    proposal_moves = {m.object_id: m for m in moves.by_kind("proposal")}
    proposals = list(Proposal.objects.filter(pk__in=proposal_moves))
    Proposal.objects.filter(pk__in=list(proposal_moves)).update(target_meeting=None)
    for proposal in proposals:
        proposal.target_meeting_id = None
    _update_grouped(Proposal, proposals, "target_body_id", lambda p: to(proposal_moves[p.pk].to), why=why,
                    user=user)
    for proposal in proposals:
        record(TransferKind.PROPOSAL, Proposal, proposal.pk, proposal_moves[proposal.pk].label,
               proposal_moves[proposal.pk].from_body, proposal.target_body_id)
    matter_moves = {m.object_id: m for m in moves.by_kind("matter")}
    matters = list(Matter.objects.filter(pk__in=matter_moves))
    _update_grouped(Matter, matters, "owner_body_id", lambda m: to(matter_moves[m.pk].to), why=why, user=user)
    for matter in matters:
        record(TransferKind.MATTER, Matter, matter.pk, matter_moves[matter.pk].label,
               matter_moves[matter.pk].from_body, matter.owner_body_id)

    # Funds: initiatives move with their budgets, locks, keys and invoices; balances per party.
    initiative_moves = {m.object_id: m for m in moves.by_kind("initiative")}
    initiatives = list(Initiative.objects.filter(pk__in=initiative_moves))
    for initiative in initiatives:
        m = initiative_moves[initiative.pk]
        initiative.cluster_id = to(m.to)
        initiative.number = m.extra["number"]
        record(TransferKind.INITIATIVE, Initiative, initiative.pk, m.label, m.from_body, initiative.cluster_id)
    if initiatives:
        bulk_update_with_history(initiatives, Initiative, ["cluster", "number"], batch_size=500,
                                 default_change_reason=why, default_user=user)
        bulk_changed.send(Initiative, instances=initiatives)  # the search follows the new cluster and number
    for m in moves.by_kind("balance"):
        handover = BalanceHandover(from_cluster_id=m.from_body, to_cluster_id=to(m.to), party_id=m.object_id,
                                   year=m.extra["year"], amount=m.amount, handed_over_on=date,
                                   note=f"Restmidler ved overgang »{plan.name}«")
        handover._change_reason = why
        handover.save()
        record(TransferKind.BALANCE, BalanceHandover, handover.pk, m.label, m.from_body, handover.to_cluster_id,
               amount=m.amount)

    # Memberships end; named members and the secretariat carry over.
    membership_moves = {m.object_id: m for m in moves.by_kind("membership")}
    memberships = list(Membership.objects.filter(pk__in=membership_moves))
    _update_grouped(Membership, memberships, "end", lambda m: day_before, why=why, user=user)
    for membership in memberships:
        record(TransferKind.MEMBERSHIP, Membership, membership.pk, membership_moves[membership.pk].label,
               membership.body_id, None)
    for m in moves.by_kind("member"):
        membership = Membership(person_id=m.object_id, body_id=to(m.to), role=m.extra["role"],
                                organisation_id=m.extra["party"], start=date,
                                note=f"Videreført ved overgang »{plan.name}«"[:200])
        try:
            membership.full_clean()
        except ValidationError as error:
            raise PlanRefused([f"Række {m.extra['line']}: " + " ".join(error.messages)]) from error
        membership._change_reason = why
        membership.save()
        record(TransferKind.MEMBERSHIP, Membership, membership.pk, m.label, None, membership.body_id)

    # Mandates: predecessors' open versions end; the successor's version continues them.
    for mandate in Mandate.objects.filter(body_id__in=[m.from_body for m in moves.by_kind("succession")]).filter(
            valid_to__isnull=True):
        mandate.valid_to = day_before
        mandate._change_reason = why
        mandate.save()
    for m in moves.by_kind("mandate"):
        body_id = to(m.to)
        mandate = Mandate.objects.filter(body_id=body_id, valid_from__lte=date).filter(
            valid_to__isnull=True).order_by("-valid_from").first()
        if mandate is None:
            names = ", ".join(Body.objects.filter(pk__in=[x.from_body for x in moves.by_kind("succession")
                                                          if x.to == m.to]).values_list("name", flat=True))
            mandate = Mandate(body_id=body_id, title="Kommissorium (foreløbigt ved overgangen)", valid_from=date,
                              text=f"Oprettet ved overgangen {rules.danish_date(date)}. Organet viderefører "
                                   f"arbejdet fra {names}; se deres kommissorier, som denne version bygger "
                                   "videre på. Erstattes af organets eget kommissorium, når det er godkendt.")
            mandate._change_reason = why
            mandate.save()
        mandate.continues.add(*m.extra["continues"])
        record(TransferKind.MANDATE, Mandate, mandate.pk, m.label, None, body_id)

    # Areas.
    area_moves = {m.object_id: m for m in moves.by_kind("area_end")}
    areas = list(BodyArea.objects.filter(pk__in=area_moves))
    _update_grouped(BodyArea, areas, "end", lambda a: day_before, why=why, user=user)
    for m in moves.by_kind("area"):
        area = BodyArea(body_id=to(m.to), municipality_id=m.object_id, start=date)
        area._change_reason = why
        area.save()
        record(TransferKind.AREA, BodyArea, area.pk, m.label, None, area.body_id)
    from . import areas as area_series

    area_series.build_council_series([to(ref) for ref in moves.targets], date)

    TransferRecord.objects.bulk_create(records, batch_size=1000)
