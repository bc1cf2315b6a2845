"""An initiative through its life: phases, progress reports, final report and decision, patient perspective.

Public: phases, the final report with the decision, the patient perspective (public funds, public
decisions). Internal (the cluster's members and secretariat): progress reports. Only the cluster's
secretariat edits (permissions.can_edit_funds).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from klynge.meetings import visibility

from . import lifecycle, permissions
from .forms_lifecycle import FinalReportForm, PatientPerspectiveForm, PhaseForm, ProgressReportForm
from .lifecycle import FinalReport, InitiativePhase, PatientPerspective, ProgressReport
from .views import _cluster as _cluster_or_404
from .views import _crumbs, _form_page, _initiative, _require_edit


def _life_url(initiative):
    return reverse("funds:initiative_life", args=[initiative.cluster.slug, initiative.number])


def _decision_item_for(user, report):
    """The decision's item, when the user may see it (a closed or unpublished item is not linked)."""
    item = report.decision_item if report and report.decision_item_id else None
    if item is None or not visibility.can_see_agenda(user, item.meeting) or item.closed:
        return None
    return item


def initiative_life(request, slug, number):
    cluster = _cluster_or_404(slug)
    initiative = _initiative(cluster, number)
    phases = list(initiative.phases.all())
    today = timezone.localdate()
    current = lifecycle.current_phase([(p.kind, p.start, p.end) for p in phases], today)
    internal = permissions.can_see_internal(request.user, cluster)
    final = FinalReport.objects.filter(initiative=initiative).select_related(
        "submitted_to", "decision_item__meeting__body").first()
    return render(request, "funds/initiative_life.html", {
        "cluster": cluster, "initiative": initiative, "crumbs": _crumbs(cluster, {
            "url": initiative.get_absolute_url(), "label": str(initiative)}),
        "phases": phases, "current": dict(lifecycle.PhaseKind.choices).get(current), "today": today,
        "missing_phases": [label for kind, label in lifecycle.PhaseKind.choices
                           if kind not in {p.kind for p in phases}],
        "reports": list(initiative.progress_reports.select_related("reported_to")) if internal else [],
        "can_see_internal": internal, "final": final, "decision_item": _decision_item_for(request.user, final),
        "perspective": PatientPerspective.objects.filter(initiative=initiative).first(),
        "can_edit": permissions.can_edit_funds(request.user, cluster),
    })


def _edit(request, slug, number, form_class, instance, title, submit, done, **form_kwargs):
    cluster = _cluster_or_404(slug)
    _require_edit(request, cluster)
    initiative = _initiative(cluster, number)
    if instance is None:
        instance = form_class._meta.model(initiative=initiative)
    form = form_class(request.POST or None, instance=instance, **form_kwargs)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, done)
        return redirect(_life_url(initiative))
    return _form_page(request, form, cluster, f"{title}: {initiative}", submit, _life_url(initiative))


@login_required
def phase_edit(request, slug, number, pk=None):
    instance = get_object_or_404(InitiativePhase, pk=pk, initiative__cluster__slug=slug,
                                 initiative__number=number) if pk else None
    return _edit(request, slug, number, PhaseForm, instance, "Fase", "Gem fase", "Fasen er gemt.")


@login_required
def report_add(request, slug, number):
    cluster = _cluster_or_404(slug)
    return _edit(request, slug, number, ProgressReportForm, None, "Ny statusrapport", "Gem statusrapport",
                 "Statusrapporten er gemt.", cluster=cluster)


@login_required
def final_report_edit(request, slug, number):
    cluster = _cluster_or_404(slug)
    instance = FinalReport.objects.filter(initiative__cluster=cluster, initiative__number=number).first()
    return _edit(request, slug, number, FinalReportForm, instance, "Slutrapport og beslutning", "Gem slutrapport",
                 "Slutrapporten er gemt.", cluster=cluster)


@login_required
def perspective_edit(request, slug, number):
    instance = PatientPerspective.objects.filter(initiative__cluster__slug=slug, initiative__number=number).first()
    return _edit(request, slug, number, PatientPerspectiveForm, instance, "Patientperspektiv", "Gem patientperspektiv",
                 "Patientperspektivet er gemt.")


__all__ = ["ProgressReport"]
