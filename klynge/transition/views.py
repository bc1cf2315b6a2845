"""Overgang til sundhedsråd: plans for administrators (superusers or a region's secretariat)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from klynge.organisation import permissions
from klynge.organisation.choices import OrganisationKind
from klynge.organisation.models import Organisation

from . import actions, rules
from .forms import PlanForm, RunForm
from .models import TransitionPlan


def _regions(user):
    regions = Organisation.objects.filter(kind=OrganisationKind.REGION).order_by("name")
    if permissions.is_administrator(user):
        return regions
    return regions.filter(pk__in=permissions.administered_region_ids(user))


def _require_access(user):
    if not permissions.can_use_transition(user):
        raise PermissionDenied("Overgangen til sundhedsråd er for administratorer og regionens sekretariat.")


def _plan(user, pk) -> TransitionPlan:
    _require_access(user)
    plan = get_object_or_404(TransitionPlan.objects.select_related("region", "run_by"), pk=pk)
    if not permissions.can_administer_region(user, plan.region):
        raise PermissionDenied("Planen hører til en region, du ikke administrerer.")
    return plan


@login_required
def index(request):
    _require_access(request.user)
    plans = TransitionPlan.objects.select_related("region").order_by("-date", "name")
    if not permissions.is_administrator(request.user):
        plans = plans.filter(Q(region_id__in=permissions.administered_region_ids(request.user)))
    return render(request, "transition/index.html", {"plans": plans})


@login_required
def plan_new(request):
    _require_access(request.user)
    form = PlanForm(request.POST or None, request.FILES or None, regions=_regions(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        plan = actions.load_plan(data["csv"], name=data["name"], date=data["date"], region=data["region"],
                                 user=request.user)
        actions.dry_run(plan)
        messages.success(request, "Planen er gemt og prøvekørt. Læs rapporten, før du gennemfører den.")
        return redirect(plan)
    return render(request, "transition/form.html", {"form": form, "title": "Ny overgangsplan",
                                                    "submit": "Gem og prøvekør"})


@login_required
def plan_edit(request, pk):
    plan = _plan(request.user, pk)
    if plan.has_run:
        messages.error(request, actions.already_run_message(plan))
        return redirect(plan)
    initial = {"name": plan.name, "date": plan.date, "region": plan.region, "csv_text": plan.as_csv()}
    form = PlanForm(request.POST or None, request.FILES or None, initial=initial, regions=_regions(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not permissions.can_administer_region(request.user, data["region"]):
            raise PermissionDenied
        actions.load_plan(data["csv"], name=data["name"], date=data["date"], region=data["region"], plan=plan)
        actions.dry_run(plan)
        messages.success(request, "Planen er opdateret og prøvekørt igen.")
        return redirect(plan)
    return render(request, "transition/form.html", {"form": form, "title": f"Ret planen {plan}",
                                                    "submit": "Gem og prøvekør", "plan": plan})


@login_required
def plan_detail(request, pk):
    plan = _plan(request.user, pk)
    return render(request, "transition/plan.html", {
        "plan": plan, "report": plan.report or {}, "rows": plan.rule_rows(), "columns": rules.COLUMNS,
        "run_form": RunForm(),
    })


@login_required
@require_POST
def plan_dry_run(request, pk):
    plan = _plan(request.user, pk)
    if plan.has_run:
        messages.error(request, actions.already_run_message(plan))
        return redirect(plan)
    data = actions.dry_run(plan)
    if data["errors"]:
        messages.error(request, "Planen har fejl; intet kan flyttes, før de er rettet.")
    else:
        messages.success(request, "Prøvekørslen er opdateret. Intet er ændret endnu.")
    return redirect(plan)


@login_required
@require_POST
def plan_run(request, pk):
    plan = _plan(request.user, pk)
    form = RunForm(request.POST)
    if not form.is_valid():
        return render(request, "transition/plan.html", {
            "plan": plan, "report": plan.report or {}, "rows": plan.rule_rows(), "columns": rules.COLUMNS,
            "run_form": form,
        }, status=400)
    try:
        actions.run(plan, user=request.user, reason=form.cleaned_data["reason"])
    except actions.PlanRefused as error:
        for message in error.messages:
            messages.error(request, message)
        messages.error(request, "Intet er flyttet.")
        return redirect(plan)
    messages.success(request, "Overgangen er gennemført.")
    return redirect(plan)
