"""Search sources for the work between meetings: agreements and their goals and status reports,
offers for general practice, delegations and the outcome of written procedures.

Only what the apps show the public goes into a public document, decided when the document is
written (``document`` returns None for the rest, so it is never in the index):
- agreements: approved ones only (a draft is for the owning body); framework agreements and goals
  are public; status reports only when published. Questionnaires, answers and consolidated answers
  are never indexed.
- offers: active ones (the public overview shows only those).
- delegations: the register is public.
- written procedures: the outcome of a closed procedure. Its visibility is the governance app's own
  rule (``governance.permissions.visible_procedures_q``: public unless marked lukket, then for those
  who may see the body's members-only content) applied on the database as a subquery, so a
  procedure marked lukket later is hidden at once, before its document is rewritten.
"""

from __future__ import annotations

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from .registry import Doc, Source, register
from .sources import _clusters, _join


def _register():
    from klynge.agreements import rules as agreement_rules
    from klynge.agreements.models import (
        AgreementStatus,
        CollaborationAgreement,
        FrameworkAgreement,
        Goal,
        PriorityArea,
        StatusReport,
    )
    from klynge.governance import permissions as governance
    from klynge.governance.choices import ProcedureStatus
    from klynge.governance.models import Delegation, WrittenProcedure
    from klynge.offers.models import Offer

    # --- agreements ----------------------------------------------------------------------------

    def _agreements_context(objects) -> dict:
        latest = {}
        for status in (AgreementStatus.objects.filter(agreement__in=[a.pk for a in objects])
                       .order_by("agreement", "-as_of", "-pk")):
            latest.setdefault(status.agreement_id, status)
        return {**_clusters(objects), "latest": latest}

    def agreement(obj, context):
        if not obj.is_approved:
            return None  # a draft: for the owning body only, never in the index
        status = context["latest"].get(obj.pk)
        area = obj.priority_area.title if obj.priority_area_id else obj.theme
        return Doc(title=str(obj), text=_join(
            obj.kind.name, area, obj.framework.title if obj.framework_id else "", obj.summary, obj.for_citizens,
            obj.for_collaboration, status.text if status else ""),
            url=obj.get_absolute_url(), date=obj.approved_on, body_id=obj.owner_body_id,
            cluster_id=context["clusters"].get(obj.owner_body_id))

    def framework(obj, context):
        return Doc(title=obj.title, text=_join(obj.overall_goal, obj.visions, obj.principles, obj.description),
                   url=obj.get_absolute_url(), date=obj.period_start, body_id=obj.owner_body_id,
                   cluster_id=context["clusters"].get(obj.owner_body_id))

    def goal(obj, context):
        target = agreement_rules.target_text(obj.comparison, obj.target_value, obj.unit)
        return Doc(title=obj.title, text=_join(
            target, obj.priority_area.title if obj.priority_area_id else "", obj.framework.title),
            url=obj.get_absolute_url(), body_id=obj.framework.owner_body_id,
            cluster_id=context["clusters"].get(obj.framework.owner_body_id))

    def report(obj, context):
        if not obj.is_published:
            return None  # a draft report: for the owning body only
        fw = obj.framework
        return Doc(title=f"{obj.title} – {fw.title}", text=_join(
            obj.period_label, obj.foreword, obj.ongoing_work, obj.organisation_text),
            url=obj.get_absolute_url(), date=obj.as_of, body_id=fw.owner_body_id,
            cluster_id=context["clusters"].get(fw.owner_body_id))

    def _area_agreements(area):
        return list(CollaborationAgreement.objects.filter(priority_area_id=area.pk).values_list("pk", flat=True))

    register(Source(
        kind="agreement", label="Aftale", model=CollaborationAgreement, document=agreement,
        prepare=_agreements_context,
        queryset=lambda: CollaborationAgreement.objects.select_related("kind", "priority_area", "framework"),
        depends={AgreementStatus: lambda status: [status.agreement_id], PriorityArea: _area_agreements}))
    register(Source(kind="framework", label="Rammeaftale", model=FrameworkAgreement, document=framework,
                    prepare=_clusters))
    register(Source(
        kind="goal", label="Mål", model=Goal, document=goal, prepare=_clusters,
        queryset=lambda: Goal.objects.select_related("framework", "priority_area"),
        depends={PriorityArea: lambda area: list(area.goals.values_list("pk", flat=True)),
                 FrameworkAgreement: lambda fw: list(fw.goals.values_list("pk", flat=True))}))
    register(Source(
        kind="status_report", label="Statusrapport", model=StatusReport, document=report, prepare=_clusters,
        queryset=lambda: StatusReport.objects.select_related("framework"),
        depends={FrameworkAgreement: lambda fw: list(fw.reports.values_list("pk", flat=True))}))

    # --- offers for general practice -----------------------------------------------------------

    def offer(obj, context):
        if not obj.active:
            return None  # the public overview shows active offers only
        return Doc(title=obj.title, text=_join(
            obj.theme, obj.get_target_group_display(), obj.provider.name, obj.description, obj.entry_point),
            url=obj.get_absolute_url(), body_id=obj.cluster_id, cluster_id=obj.cluster_id)

    register(Source(kind="offer", label="Tilbud til almen praksis", model=Offer, document=offer,
                    queryset=lambda: Offer.objects.select_related("provider")))

    # --- governance between meetings -----------------------------------------------------------

    def delegation(obj, context):
        return Doc(title=f"Bemyndigelse: {obj.delegate}", text=_join(obj.authority, obj.note),
                   url=reverse("governance:delegations", args=[obj.body.slug]) + f"#delegation-{obj.pk}",
                   date=obj.valid_from, body_id=obj.body_id, cluster_id=context["clusters"].get(obj.body_id))

    def procedure(obj, context):
        if obj.status != ProcedureStatus.CLOSED:
            return None  # no outcome yet (and while it runs it is for the body's members only)
        return Doc(title=str(obj), text=_join(obj.get_outcome_display(), obj.decision, obj.proposal),
                   url=obj.get_absolute_url(), date=timezone.localdate(obj.closed_at) if obj.closed_at else None,
                   body_id=obj.body_id, cluster_id=context["clusters"].get(obj.body_id))

    def procedure_visible(user, memo) -> Q:
        """The governance app's rule, on the database: a subquery of the procedures the user may see."""
        if "procedures" not in memo:
            visible = WrittenProcedure.objects.filter(governance.visible_procedures_q(user)).values("pk")
            memo["procedures"] = Q(object_id__in=visible)
        return memo["procedures"]

    register(Source(kind="delegation", label="Bemyndigelse", model=Delegation, document=delegation,
                    prepare=_clusters, queryset=lambda: Delegation.objects.select_related("body")))
    register(Source(kind="procedure", label="Skriftlig procedure", model=WrittenProcedure, document=procedure,
                    prepare=_clusters, visible=procedure_visible))


_register()
