from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from klynge.core.params import query_params
from klynge.organisation import creation_hooks, provenance
from klynge.organisation.models import Body, Organisation

from . import calculations as calc
from . import exports, permissions, queries
from .actions import approve_budget, change_budget_line, save_with_reason
from .forms import (
    BudgetApprovalForm,
    BudgetLineForm,
    DistributionKeyForm,
    GrantForm,
    ImportForm,
    InitiativeForm,
    InvoicePeriodForm,
    OtherFundingForm,
    SpendingForm,
    TransferForm,
)
from .importing import FundsImportError, import_csv
from .models import (
    BudgetApproval,
    BudgetLine,
    DistributionShare,
    Grant,
    Initiative,
    OtherFunding,
    Spending,
    Transfer,
)


def _cluster(slug) -> Body:
    return get_object_or_404(Body.objects.select_related("kind", "region"), slug=slug, kind__groups_bodies=True)


def _initiative(cluster, number) -> Initiative:
    return get_object_or_404(Initiative.objects.select_related("cluster", "project_owner", "responsible_body"),
                             cluster=cluster, number=number)


def _require_edit(request, cluster):
    if not permissions.can_edit_funds(request.user, cluster):
        raise PermissionDenied("Kun klyngens sekretariat og administratorer kan ændre klyngemidler.")


def _require_internal(request, cluster):
    if not permissions.can_see_internal(request.user, cluster):
        raise PermissionDenied("Forbrug, fakturering og ændringshistorik er kun for klyngens medlemmer.")


def _crumbs(cluster, *extra):
    return [{"url": reverse("funds:index"), "label": "Klyngemidler"},
            {"url": reverse("funds:overview", args=[cluster.slug]), "label": cluster.name}, *extra]


def _form_page(request, form, cluster, title, submit, back, extra=None):
    return render(request, "funds/form.html", {
        "form": form, "cluster": cluster, "title": title, "submit": submit, "back": back,
        "crumbs": _crumbs(cluster), **(extra or {}),
    })


# --- reading ---------------------------------------------------------------------------------

def index(request):
    rows = [{"cluster": totals.cluster, "o": totals, "initiatives": totals.initiatives}
            for totals in queries.cluster_totals(list(queries.clusters()))]
    return render(request, "funds/index.html", {"rows": rows})


def _years_from_request(request):
    return query_params(request).years("aar", minimum=2000, maximum=2100)


def overview(request, slug, template="funds/overview.html"):
    cluster = _cluster(slug)
    years = _years_from_request(request)
    view = queries.cluster_overview(cluster, years)
    query = "&".join(f"aar={y}" for y in years) if years else ""
    grants = Grant.objects.filter(cluster=cluster).select_related("party").order_by("year", "party__name")
    by_year = calc.funds_by_year(queries.grant_inputs(cluster), queries.transfer_inputs(cluster))
    return render(request, template, {
        "cluster": cluster, "view": view, "o": view.overview, "rows": view.rows(),
        "selected_years": years or [], "query": query,
        "grants": grants, "grant_table": _grant_table(grants),
        "transfers": Transfer.objects.filter(cluster=cluster).select_related("party"),
        "handovers": queries.handovers(cluster),
        "forward": cluster.forward(),
        "funds_by_year": [(y, sorted(v.items()), sum(v.values())) for y, v in by_year.items()],
        "initiatives": queries.cluster_initiatives(cluster),
        "can_edit": permissions.can_edit_funds(request.user, cluster),
        "can_see_internal": permissions.can_see_internal(request.user, cluster),
        "crumbs": [{"url": reverse("funds:index"), "label": "Klyngemidler"}],
    })


def overview_print(request, slug):
    return overview(request, slug, template="funds/overview_print.html")


def _grant_table(grants):
    """Years × parties with row and column totals, like the corpus' table."""
    grants = list(grants)
    parties = sorted({g.party.name for g in grants})
    years = sorted({g.year for g in grants})
    cells = {(g.year, g.party.name): g for g in grants}
    rows = [{"year": y, "cells": [cells.get((y, p)) for p in parties],
             "total": sum(g.amount for g in grants if g.year == y)} for y in years]
    totals = [sum(g.amount for g in grants if g.party.name == p) for p in parties]
    return {"parties": parties, "rows": rows, "totals": totals, "total": sum(g.amount for g in grants)}


def export_xlsx(request, slug):
    cluster = _cluster(slug)
    view = queries.cluster_overview(cluster, _years_from_request(request))
    data = exports.overview_xlsx(
        view,
        Grant.objects.filter(cluster=cluster).select_related("party"),
        Transfer.objects.filter(cluster=cluster).select_related("party"),
    )
    response = HttpResponse(data, content_type=exports.XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(view, "xlsx")}"'
    return response


def export_csv(request, slug):
    cluster = _cluster(slug)
    view = queries.cluster_overview(cluster, _years_from_request(request))
    response = HttpResponse(exports.overview_csv(view), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(view, "csv")}"'
    return response


def initiative_detail(request, slug, number):
    cluster = _cluster(slug)
    initiative = _initiative(cluster, number)
    lines = list(initiative.budget_lines.select_related("party").order_by("year", "party__name"))
    years = sorted({b.year for b in lines})
    parties = sorted({b.party.name for b in lines})
    cell = {(b.year, b.party.name): b for b in lines}
    budget_rows = [{"year": y, "cells": [cell.get((y, p)) for p in parties],
                    "total": sum(b.amount for b in lines if b.year == y)} for y in years]
    budget_totals = [sum(b.amount for b in lines if b.party.name == p) for p in parties]
    internal = permissions.can_see_internal(request.user, cluster)
    spendings = list(initiative.spendings.all()) if internal else []
    spent_by_year = {}
    for s in spendings:
        spent_by_year[s.year] = spent_by_year.get(s.year, 0) + s.amount
    budget_by_year = {r["year"]: r["total"] for r in budget_rows}
    key, explicit = queries.distribution_key(initiative)
    return render(request, "funds/initiative.html", {
        "cluster": cluster, "initiative": initiative, "crumbs": _crumbs(cluster),
        "budget": {"parties": parties, "rows": budget_rows, "totals": budget_totals,
                   "total": sum(budget_totals), "lines": lines},
        "approvals": initiative.budget_approvals.select_related("recorded_by", "delegation__body"),
        "other_funding": initiative.other_funding.all(),
        "spendings": spendings,
        "spent_vs_budget": [(y, budget_by_year.get(y, 0), spent_by_year.get(y, 0),
                             budget_by_year.get(y, 0) - spent_by_year.get(y, 0))
                            for y in sorted(set(years) | set(spent_by_year))],
        "spent_total": sum(s.amount for s in spendings),
        "key": sorted(calc.percentages(key).items()), "key_explicit": explicit,
        "chairs": initiative.chairs.order_by("name"),
        "provenance": provenance.notes(initiative),
        "can_edit": permissions.can_edit_funds(request.user, cluster),
        "can_see_internal": internal,
        "periods": sorted({(s.period_start, s.period_end) for s in spendings}),
        "matter_case_number": initiative.matter.case_number_for(request.user) if initiative.matter_id else "",
    })


def compute_invoice(initiative: Initiative, start: datetime.date, end: datetime.date) -> dict:
    """The invoices for a period: spending within the period split by the distribution key.

    The project owner's own share is shown but not invoiced (it carries the cost itself)."""
    spendings = list(initiative.spendings.filter(period_start__gte=start, period_end__lte=end))
    total = sum(s.amount for s in spendings)
    key, explicit = queries.distribution_key(initiative)
    if not key:
        return {"start": start, "end": end, "total": total, "lines": [], "spendings": spendings,
                "explicit": explicit, "error": "Indsatsen har hverken fordelingsnøgle eller budget at fordele efter."}
    split = calc.split_by_key(total, key)
    pct = calc.percentages(key)
    owner = initiative.project_owner.name if initiative.project_owner else None
    lines = [{"party": p, "weight": key[p], "percent": pct[p], "amount": split[p], "own": p == owner} for p in key]
    return {"start": start, "end": end, "total": total, "lines": lines, "spendings": spendings,
            "explicit": explicit, "invoiced": sum(line["amount"] for line in lines if not line["own"]),
            "owner": initiative.project_owner, "error": ""}


def invoices(request, slug, number):
    cluster = _cluster(slug)
    initiative = _initiative(cluster, number)
    _require_internal(request, cluster)
    spendings = list(initiative.spendings.all())
    default_start = min((s.period_start for s in spendings), default=datetime.date(datetime.date.today().year, 1, 1))
    default_end = max((s.period_end for s in spendings), default=datetime.date(datetime.date.today().year, 12, 31))
    form = InvoicePeriodForm(request.GET or None, initial={"start": default_start, "end": default_end})
    if request.GET and form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    else:
        start, end = default_start, default_end
    invoice = compute_invoice(initiative, start, end)
    if request.GET.get("format") == "csv" and not invoice["error"]:
        response = HttpResponse(exports.invoice_csv(initiative, invoice), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="fakturering-{cluster.slug}-{initiative.number}-{start:%Y%m%d}-{end:%Y%m%d}.csv"'
        )
        return response
    return render(request, "funds/invoices.html", {
        "cluster": cluster, "initiative": initiative, "form": form, "invoice": invoice,
        "crumbs": _crumbs(cluster, {"url": initiative.get_absolute_url(), "label": str(initiative)}),
        "periods": sorted({(s.period_start, s.period_end) for s in spendings}),
        "query": f"start={start:%Y-%m-%d}&end={end:%Y-%m-%d}",
    })


HISTORY_MODELS = [
    (Grant, "cluster_id", "Bevilling"),
    (Transfer, "cluster_id", "Overførsel"),
    (Initiative, "cluster_id", "Indsats"),
    (BudgetLine, "initiative__cluster_id", "Budgetlinje"),
    (BudgetApproval, "initiative__cluster_id", "Budgetgodkendelse"),
    (Spending, "initiative__cluster_id", "Forbrug"),
    (OtherFunding, "initiative__cluster_id", "Anden finansiering"),
    (DistributionShare, "initiative__cluster_id", "Fordelingsnøgle"),
]
ACTIONS = {"+": "Oprettet", "~": "Ændret", "-": "Slettet"}


def history(request, slug):
    cluster = _cluster(slug)
    _require_internal(request, cluster)
    records = []
    for model, path, label in HISTORY_MODELS:
        qs = model.history.filter(**{path: cluster.pk}).select_related("history_user")
        records.append((label, qs.order_by("-history_date")[:300]))
    entries = []
    for label, qs in records:
        for rec in qs:
            changes = []
            if rec.history_type == "~":
                prev = rec.prev_record
                if prev is not None:
                    delta = rec.diff_against(prev, excluded_fields=["modified", "created", "version"])
                    changes = [_change_text(rec, c, request.user) for c in delta.changes]
            entries.append({"record": rec, "kind": label, "action": ACTIONS.get(rec.history_type, ""),
                            "what": _describe(rec), "changes": changes})
    entries.sort(key=lambda e: e["record"].history_date, reverse=True)
    return render(request, "funds/history.html", {
        "cluster": cluster, "entries": entries[:300], "crumbs": _crumbs(cluster),
    })


def _describe(rec) -> str:
    try:
        return str(rec.instance)
    except Exception:  # a record whose related rows are gone
        return f"#{rec.id}"


def _change_text(rec, change, user) -> str:
    from klynge.meetings import visibility

    field = rec.instance._meta.get_field(change.field)
    old, new = change.old, change.new
    if field.is_relation:
        model = field.related_model
        old = model.objects.filter(pk=old).first() if old else "–"
        new = model.objects.filter(pk=new).first() if new else "–"
        # Matters and items are named through the visibility rule, never by str().
        old = visibility.label_for(user, old) if old != "–" else old
        new = visibility.label_for(user, new) if new != "–" else new
    elif "amount" in change.field or change.field == "weight":
        old = calc.format_kroner(old) if isinstance(old, int) and change.field != "weight" else old
        new = calc.format_kroner(new) if isinstance(new, int) and change.field != "weight" else new
    return f"{field.verbose_name}: {old if old not in (None, '') else '–'} → {new if new not in (None, '') else '–'}"


# --- editing ---------------------------------------------------------------------------------

@login_required
def grants(request, slug, pk=None):
    cluster = _cluster(slug)
    _require_edit(request, cluster)
    instance = get_object_or_404(Grant, pk=pk, cluster=cluster) if pk else Grant(cluster=cluster)
    form = GrantForm(request.POST or None, instance=instance, cluster=cluster)
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data.get("reason") or "Bevilling registreret"
        grant = save_with_reason(form.instance, reason, request.user)
        messages.success(request, f"Bevillingen til {grant.party} for {grant.year} er gemt.")
        return redirect(reverse("funds:grants", args=[cluster.slug]))
    return render(request, "funds/grants.html", {
        "cluster": cluster, "form": form, "editing": bool(pk), "crumbs": _crumbs(cluster),
        "grant_table": _grant_table(Grant.objects.filter(cluster=cluster).select_related("party")),
        "transfers": Transfer.objects.filter(cluster=cluster).select_related("party"),
        "transfer_form": TransferForm(cluster=cluster) if not pk else None,
    })


@login_required
def transfer_add(request, slug):
    cluster = _cluster(slug)
    _require_edit(request, cluster)
    form = TransferForm(request.POST or None, instance=Transfer(cluster=cluster), cluster=cluster)
    if request.method == "POST" and form.is_valid():
        t = save_with_reason(form.instance, f"Overførsel {form.instance.from_year}→{form.instance.to_year}",
                             request.user)
        messages.success(request, f"Overførslen af {calc.format_kroner(t.amount)} for {t.party} er gemt.")
        return redirect(reverse("funds:grants", args=[cluster.slug]))
    return _form_page(request, form, cluster, f"Overfør midler – {cluster}", "Gem overførsel",
                      reverse("funds:grants", args=[cluster.slug]))


@login_required
def initiative_edit(request, slug, number=None):
    cluster = _cluster(slug)
    _require_edit(request, cluster)
    instance = _initiative(cluster, number) if number else Initiative(cluster=cluster)
    form = InitiativeForm(request.POST or None, instance=instance, cluster=cluster, user=request.user)
    questions = [] if number else creation_hooks.forms_for(request.POST or None, scope_body=cluster, what="indsats")
    if request.method == "POST" and creation_hooks.all_valid(questions) & form.is_valid():
        form.instance._change_reason = form.cleaned_data.get("reason") or "Indsats oprettet"
        initiative = form.save()
        creation_hooks.save_all(questions, initiative, request.user)
        messages.success(request, f"Indsats {initiative} er gemt.")
        return redirect(initiative)
    back = instance.get_absolute_url() if number else reverse("funds:overview", args=[cluster.slug])
    title = f"Ret indsats {instance}" if number else f"Ny indsats – {cluster}"
    return _form_page(request, form, cluster, title, "Gem indsats", back, {"questions": questions})


@login_required
def budget_line(request, slug, number, pk=None):
    cluster = _cluster(slug)
    _require_edit(request, cluster)
    initiative = _initiative(cluster, number)
    instance = get_object_or_404(BudgetLine, pk=pk, initiative=initiative) if pk else BudgetLine(initiative=initiative)
    form = BudgetLineForm(request.POST or None, instance=instance, initiative=initiative)
    if request.method == "POST" and form.is_valid():
        try:
            change_budget_line(form.instance, reason=form.cleaned_data.get("reason") or "Budgetlinje oprettet",
                               basis=form.cleaned_data.get("basis", ""), user=request.user,
                               basis_text=form.cleaned_data.get("basis_text", ""))
        except ValidationError as exc:
            form.add_error(None, exc.messages[0])
        else:
            messages.success(request, f"Budgetlinjen for {form.instance.party} {form.instance.year} er gemt.")
            return redirect(initiative)
    title = f"{'Ret' if pk else 'Ny'} budgetlinje – indsats {initiative}"
    return _form_page(request, form, cluster, title, "Gem budgetlinje", initiative.get_absolute_url(),
                      {"locked": initiative.budget_locked, "approval": initiative.latest_approval()})


@login_required
def budget_approve(request, slug, number):
    cluster = _cluster(slug)
    _require_edit(request, cluster)
    initiative = _initiative(cluster, number)
    form = BudgetApprovalForm(request.POST or None, initial={"decided_on": datetime.date.today()}, cluster=cluster)
    if request.method == "POST" and form.is_valid():
        approve_budget(initiative, decided_on=form.cleaned_data["decided_on"],
                       reference=form.cleaned_data["reference"], user=request.user,
                       delegation=form.cleaned_data["delegation"])
        messages.success(request, "Budgettet er registreret som godkendt og er nu låst.")
        return redirect(initiative)
    return _form_page(request, form, cluster, f"Registrér godkendelse af budgettet – indsats {initiative}",
                      "Registrér godkendelse", initiative.get_absolute_url(),
                      {"intro": "Når budgettet er godkendt ved en beslutning, låses det. Senere ændringer kræver "
                                "en ny beslutning eller en begrundet overstyring, som gemmes i historikken."})


@login_required
def spending_add(request, slug, number):
    cluster = _cluster(slug)
    _require_edit(request, cluster)
    initiative = _initiative(cluster, number)
    form = SpendingForm(request.POST or None, instance=Spending(initiative=initiative))
    if request.method == "POST" and form.is_valid():
        save_with_reason(form.instance, "Forbrug registreret", request.user)
        messages.success(request, "Forbruget er registreret.")
        return redirect(initiative)
    return _form_page(request, form, cluster, f"Registrér forbrug – indsats {initiative}", "Gem forbrug",
                      initiative.get_absolute_url())


@login_required
def other_funding_add(request, slug, number):
    cluster = _cluster(slug)
    _require_edit(request, cluster)
    initiative = _initiative(cluster, number)
    form = OtherFundingForm(request.POST or None, instance=OtherFunding(initiative=initiative))
    if request.method == "POST" and form.is_valid():
        save_with_reason(form.instance, "Anden finansiering registreret", request.user)
        messages.success(request, "Finansieringen er registreret.")
        return redirect(initiative)
    return _form_page(request, form, cluster, f"Anden finansiering – indsats {initiative}", "Gem finansiering",
                      initiative.get_absolute_url())


@login_required
def distribution_key(request, slug, number):
    cluster = _cluster(slug)
    _require_edit(request, cluster)
    initiative = _initiative(cluster, number)
    current = {s.party_id: s.weight for s in initiative.distribution_shares.all()}
    parties = Organisation.objects.filter(
        pk__in=set(current) | set(cluster.member_organisations.values_list("pk", flat=True))
        | set(initiative.budget_lines.values_list("party_id", flat=True))
    ).order_by("name")
    # The key belongs to the initiative: the form carries the initiative's version, so two people
    # changing the key from the same page cannot overwrite each other.
    form = DistributionKeyForm(request.POST or None, parties=parties, current=current, versioned_record=initiative)
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"]
        with transaction.atomic():
            initiative.claim_version(form.cleaned_data["loaded_version"])
            _save_distribution_key(initiative, form.weights(), reason, request.user)
        messages.success(request, "Fordelingsnøglen er gemt.")
        return redirect(initiative)
    return _form_page(request, form, cluster, f"Fordelingsnøgle – indsats {initiative}", "Gem fordelingsnøgle",
                      initiative.get_absolute_url(),
                      {"intro": "Angiv hver parts andel som et helt tal (procent, promille eller indbyggertal; kun "
                                "forholdet tæller). Tomme felter og 0 betyder, at parten ikke betaler. Uden "
                                "fordelingsnøgle fordeles forbruget efter budgettet."})


def _save_distribution_key(initiative, weights, reason, user):
    for party, weight in weights.items():
        share = initiative.distribution_shares.filter(party=party).first()
        if weight:
            if share is None or share.weight != weight:
                share = share or DistributionShare(initiative=initiative, party=party)
                share.weight = weight
                save_with_reason(share, reason, user)
        elif share is not None:
            share._change_reason = reason
            share._history_user = user
            share.delete()


@login_required
def import_view(request, slug):
    cluster = _cluster(slug)
    _require_edit(request, cluster)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = import_csv(upload.read(), cluster.name, user=request.user, source=upload.name)
        except FundsImportError as exc:
            errors = exc.errors
        else:
            messages.success(request, result.summary())
            return redirect(reverse("funds:overview", args=[cluster.slug]))
    return render(request, "funds/import.html", {
        "cluster": cluster, "form": form, "errors": errors, "crumbs": _crumbs(cluster),
    })
