"""Pages of involvement: the overview per body and term, and the secretariat's records.

The overview is public, like the minutes it is built from: item titles go through
``meetings.visibility.label_for`` (a closed or unpublished item shows only its number), and the
suggestions are for the secretariat only. Every write is for the secretariat of the body (or a body
above it): ``organisation.permissions.can_edit_body``.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from klynge.core.params import query_params
from klynge.organisation import permissions
from klynge.organisation.models import Body, Membership

from . import status
from .choices import Cadence, Part
from .forms import AppointmentForm, FulfilmentForm, InvitationAnswerForm, ObligationForm
from .models import Appointment, Fulfilment, InvitationAnswer, Obligation


def _body(slug) -> Body:
    return get_object_or_404(Body, slug=slug)


def _crumbs(body) -> list:
    return [*reversed(body.ancestors()), body]


def _require_edit(user, body):
    if not permissions.can_edit_body(user, body):
        raise PermissionDenied("Kun organets sekretariat kan registrere inddragelse.")


def body_involvement(request, slug):
    body = _body(slug)
    user = request.user
    today = timezone.localdate()
    terms = status.terms()
    chosen = query_params(request).integer("valgperiode", label="Valgperioden", default=None, minimum=1,
                                         maximum=2**31 - 1)
    term = next((t for t in terms if t.pk == chosen), None) or status.default_term(terms, today)
    can_edit = permissions.can_edit_body(user, body)
    views = status.overview(body, term, user, today, can_edit=can_edit)
    joint_groups = {v.obligation.group.body for v in views
                    if v.obligation.part in (Part.JOINT_MEETING, Part.DIALOGUE_MEETING) and v.obligation.group.body_id}
    return render(request, "involvement/body.html", {
        "body": body, "breadcrumbs": _crumbs(body), "terms": terms, "term": term, "views": views,
        "can_edit": can_edit, "today": today, "on_setup": Cadence.ON_SETUP,
        "appointments": status.appointments(body, term) if term else [],
        "unappointed": status.representatives_without_appointment(body, term) if term and can_edit else [],
        "joint_groups": sorted(joint_groups, key=lambda b: b.name),
        "missed": sum(1 for v in views if v.missed),  # obligations with a missed period
    })


def _back(body, term_pk=None):
    url = reverse("involvement:body", args=[body.slug])
    return f"{url}?valgperiode={term_pk}" if term_pk else url


@login_required
def obligation_add(request, slug):
    body = _body(slug)
    _require_edit(request.user, body)
    form = ObligationForm(request.POST or None, instance=Obligation(body=body))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Forpligtelsen er tilføjet.")
        return redirect(_back(body))
    return render(request, "organisation/form.html", {
        "form": form, "body": body, "title": f"Ny inddragelsesforpligtelse for {body}", "submit": "Gem forpligtelse"})


@login_required
def fulfilment_add(request, pk):
    """GET: the form; POST: record a fulfilment (``item``/``meeting``/``date``/``note``), or remove one
    (``fjern`` = its id)."""
    obligation = get_object_or_404(Obligation.objects.select_related("body", "group"), pk=pk)
    body = obligation.body
    _require_edit(request.user, body)
    if request.method == "POST" and request.POST.get("fjern"):
        removed = Fulfilment.objects.filter(obligation=obligation, pk=_int(request.POST.get("fjern"))).first()
        if removed is None:
            messages.error(request, "Registreringen findes ikke længere.")
        else:
            removed._change_reason = "Opfyldelse fjernet"
            removed.delete()
            messages.success(request, "Registreringen er fjernet.")
        return redirect(_back(body))
    form = FulfilmentForm(request.POST or None, instance=Fulfilment(obligation=obligation, recorded_by=request.user),
                          user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Registreret som opfyldelse af “{obligation}”.")
        return redirect(_back(body))
    return render(request, "organisation/form.html", {
        "form": form, "body": body, "title": f"Registrér opfyldelse: {obligation}", "submit": "Registrér"})


def _int(value):
    return int(value) if value and str(value).isascii() and str(value).isdigit() else None


@login_required
def invitation_add(request, slug):
    """The answer "are representatives invited?" for a sub-body, recorded after it was set up."""
    subject = _body(slug)
    _require_edit(request.user, subject)
    scope = subject.parent or subject
    instance = InvitationAnswer(body=scope, subject_type=ContentType.objects.get_for_model(Body),
                                subject_id=subject.pk, subject_label=subject.name[:300],
                                date=timezone.localdate(), recorded_by=request.user)
    form = InvitationAnswerForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Svaret for {subject} er registreret.")
        owner = request.GET.get("organ")
        target = Body.objects.filter(slug=owner).first() if owner else None
        return redirect(_back(target or scope))
    return render(request, "organisation/form.html", {
        "form": form, "body": subject, "title": f"Inviteres repræsentanter til {subject}?", "submit": "Gem svar"})


@login_required
def appointment_edit(request, pk):
    """Who appointed a representative (the membership) and for which electoral term."""
    membership = get_object_or_404(Membership.objects.select_related("body", "person"), pk=pk)
    _require_edit(request.user, membership.body)
    instance = Appointment.objects.filter(membership=membership).first() or Appointment(membership=membership)
    form = AppointmentForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Udpegningen af {membership.person} er gemt.")
        return redirect(_back(membership.body.cluster() or membership.body))
    return render(request, "organisation/form.html", {
        "form": form, "body": membership.body, "title": f"Udpegning af {membership.person} i {membership.body}",
        "submit": "Gem udpegning"})

