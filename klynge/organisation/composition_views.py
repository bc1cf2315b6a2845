"""The composition page of a body: versions of its seat rules, seats filled, vacant and over-filled.

Anyone may read a body's composition (it is part of the public structure); the secretariat edits it.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from klynge.core import formats

from . import composition, permissions
from .forms import CompositionVersionForm, SeatRuleForm
from .models import Body, SeatRule


def _body(slug):
    return get_object_or_404(Body.objects.select_related("kind", "level", "parent"), slug=slug)


def _require_edit(request, body):
    if not permissions.can_edit_body(request.user, body):
        raise PermissionDenied("Du har ikke ret til at redigere dette organs sammensætning.")


def composition_page(request, slug):
    body = _body(slug)
    can_edit = permissions.can_edit_body(request.user, body)
    if request.method == "POST":
        return _delete_rule(request, body)
    today = timezone.localdate()
    versions = list(body.compositions.prefetch_related("rules__party", "rules__appointed_by")
                    .order_by("-valid_from"))
    state = composition.status(body, today)
    latest = versions[0] if versions else None
    for version in versions:
        if state.version is not None and version.pk == state.version.pk:
            for rule in version.rules.all():
                period = composition.seat_period(rule, today)
                rule.current_period = f"{formats.date(period[0])} – {formats.date(period[1])}" if period else ""
    return render(request, "organisation/composition.html", {
        "body": body, "versions": versions, "state": state, "latest": latest, "today": today,
        "can_edit": can_edit, "breadcrumbs": [*reversed(body.ancestors()), body],
    })


def _delete_rule(request, body):
    _require_edit(request, body)
    rule = get_object_or_404(SeatRule.objects.select_related("version"), pk=request.POST.get("delete_rule") or 0,
                             version__body=body)
    latest = body.compositions.order_by("-valid_from").first()
    if rule.version_id != latest.pk:
        messages.error(request, "Kun reglerne i den nyeste version kan slettes. Ældre versioner er historik.")
        return redirect("composition", slug=body.slug)
    name = rule.name
    rule.delete()
    messages.success(request, f"Reglen “{name}” er slettet.")
    return redirect("composition", slug=body.slug)


@login_required
def version_add(request, slug):
    body = _body(slug)
    _require_edit(request, body)
    form = CompositionVersionForm(request.POST or None, initial={"valid_from": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            version = composition.add_version(body, data["valid_from"], source=data["source"], note=data["note"])
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, f"Ny version af sammensætningen gælder fra {formats.date(version.valid_from)}."
                             + (" Reglerne fra den forrige version er kopieret; ret dem herunder."
                                if version.rules.exists() else ""))
            return redirect("composition", slug=body.slug)
    return render(request, "organisation/form.html", {
        "form": form, "body": body, "title": f"Ny version af sammensætningen af {body}", "submit": "Gem version",
    })


@login_required
def rule_add(request, slug):
    body = _body(slug)
    _require_edit(request, body)
    version = body.compositions.order_by("-valid_from").first()
    if version is None:
        messages.error(request, "Opret først en version af sammensætningen med den dato, den gælder fra.")
        return redirect("composition_version_add", slug=body.slug)
    form = SeatRuleForm(request.POST or None, instance=SeatRule(version=version,
                                                                position=version.rules.count() + 1))
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            rule = form.save()
        messages.success(request, f"Reglen “{rule.name}” er tilføjet.")
        return redirect("composition", slug=body.slug)
    return render(request, "organisation/form.html", {
        "form": form, "body": body, "submit": "Tilføj regel",
        "title": f"Tilføj pladsregel til sammensætningen fra {formats.date(version.valid_from)}",
    })
