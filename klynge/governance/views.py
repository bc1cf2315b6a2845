from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_POST

from klynge.meetings.choices import MeetingStatus
from klynge.meetings.models import Meeting
from klynge.organisation import permissions as org
from klynge.organisation.models import Body
from klynge.outbox import queue_mail

from . import actions, rules
from .forms import AnswerForm, CloseForm, DelegatedDecisionForm, DelegationForm, ProcedureForm
from .models import DelegatedDecision, Delegation, WrittenProcedure
from .permissions import can_manage, can_see_procedure, own_answer, visible_procedures_q


def _body(slug) -> Body:
    return get_object_or_404(Body, slug=slug)


def _crumbs(body) -> list:
    return [*reversed(body.ancestors()), body]


def _require_manage(request, body):
    if not can_manage(request.user, body):
        raise PermissionDenied


def delegations(request, slug):
    """The body's delegation register: who may decide what on its behalf, from which decision, until when."""
    body = _body(slug)
    rows = (Delegation.objects.filter(body=body).select_related("source_item__meeting")
            .prefetch_related("persons", Prefetch("decisions", queryset=DelegatedDecision.objects.order_by("-date")),
                              "budget_approvals__initiative__cluster"))
    return render(request, "governance/delegations.html", {
        "body": body, "breadcrumbs": _crumbs(body), "delegations": rows, "can_manage": can_manage(request.user, body)})


@login_required
def delegation_add(request, slug):
    body = _body(slug)
    _require_manage(request, body)
    form = DelegationForm(request.POST or None, instance=Delegation(body=body), body=body)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Bemyndigelsen er føjet til registret.")
        return redirect("governance:delegations", slug=body.slug)
    return render(request, "organisation/form.html", {
        "form": form, "body": body, "title": f"Ny bemyndigelse fra {body}", "submit": "Gem bemyndigelse"})


@login_required
def decision_add(request, pk):
    delegation = get_object_or_404(Delegation.objects.select_related("body"), pk=pk)
    _require_manage(request, delegation.body)
    form = DelegatedDecisionForm(request.POST or None, instance=DelegatedDecision(delegation=delegation))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Beslutningen er registreret under bemyndigelsen.")
        return redirect("governance:delegations", slug=delegation.body.slug)
    return render(request, "organisation/form.html", {
        "form": form, "body": delegation.body, "submit": "Gem beslutning",
        "title": f"Beslutning efter bemyndigelse: {delegation.delegate}"})


def procedures(request, slug):
    body = _body(slug)
    rows = (WrittenProcedure.objects.filter(body=body).filter(visible_procedures_q(request.user))
            .order_by("-deadline", "-pk"))
    return render(request, "governance/procedures.html", {
        "body": body, "breadcrumbs": _crumbs(body), "procedures": rows, "can_manage": can_manage(request.user, body)})


@login_required
def procedure_add(request, slug):
    body = _body(slug)
    _require_manage(request, body)
    initial = {"persons": list(actions.default_members(body))}
    form = ProcedureForm(request.POST or None, body=body, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            procedure = actions.start_procedure(body=body, title=data["title"], proposal=data["proposal"],
                                                deadline=data["deadline"], persons=data["persons"],
                                                user=request.user, closed_item=data["closed_item"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            _invite(request, procedure)
            messages.success(request, f"Den skriftlige procedure er sendt til {procedure.answers.count()} medlemmer.")
            return redirect(procedure)
    return render(request, "governance/procedure_form.html", {"form": form, "body": body})


def _invite(request, procedure):
    """A mail to each member asked, through the outbox (the link only: the proposal is read after login)."""
    link = request.build_absolute_uri(procedure.get_absolute_url())
    deadline = rules.danish(procedure.deadline.date())
    for answer in procedure.answers.select_related("person"):
        if answer.person.email:
            text = render_to_string("governance/email/invitation.txt", {
                "name": answer.person.name, "procedure": procedure, "link": link, "deadline": deadline})
            queue_mail(answer.person.email, f"Skriftlig procedure: {procedure.body}", text,
                       body_obj=procedure.body, kind="written_procedure")


def procedure(request, pk):
    procedure = get_object_or_404(WrittenProcedure.objects.select_related("body", "reported_item__meeting"), pk=pk)
    if not can_see_procedure(request.user, procedure):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied
    inside = org.can_see_members_only(request.user, procedure.body)
    answers = list(procedure.answers.select_related("person"))
    mine = own_answer(request.user, procedure)
    manage = can_manage(request.user, procedure.body)
    meetings = (Meeting.objects.filter(body=procedure.body, status=MeetingStatus.PLANNED).order_by("date")
                if manage and procedure.status == "closed" and not procedure.reported_item_id else [])
    return render(request, "governance/procedure.html", {
        "procedure": procedure, "body": procedure.body, "breadcrumbs": _crumbs(procedure.body),
        "answers": answers if inside else [],
        "tally": rules.tally(a.vote for a in answers), "mine": mine, "can_manage": manage,
        "answer_form": AnswerForm(initial={"vote": mine.vote, "comment": mine.comment}) if mine else None,
        "close_form": CloseForm() if manage and procedure.is_open else None, "meetings": meetings,
    })


@login_required
@require_POST
def procedure_answer(request, pk):
    procedure = get_object_or_404(WrittenProcedure, pk=pk)
    answer = own_answer(request.user, procedure)
    if answer is None:
        raise PermissionDenied
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            actions.give_answer(procedure, answer, form.cleaned_data["vote"], form.cleaned_data["comment"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Dit svar er gemt. Du kan ændre det indtil svarfristen.")
    else:
        messages.error(request, "Vælg, om du tiltræder forslaget, ikke tiltræder eller undlader at stemme.")
    return redirect(procedure)


@login_required
@require_POST
def procedure_close(request, pk):
    procedure = get_object_or_404(WrittenProcedure.objects.select_related("body"), pk=pk)
    _require_manage(request, procedure.body)
    form = CloseForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError("Skriv beslutningen, som den skal stå i referatet.")
        closed = actions.close_procedure(procedure, form.cleaned_data["decision"], request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(procedure)
    where = (f" Resultatet er sat på dagsordenen for mødet {rules.danish(closed.reported_item.meeting.date)}."
             if closed.reported_item_id else " Sæt resultatet på dagsordenen, når næste møde er planlagt.")
    outcome = closed.get_outcome_display().lower()
    messages.success(request, f"Den skriftlige procedure er afsluttet: {outcome}.{where}")
    return redirect(procedure)


@login_required
@require_POST
def procedure_report(request, pk):
    procedure = get_object_or_404(WrittenProcedure.objects.select_related("body"), pk=pk)
    _require_manage(request, procedure.body)
    chosen = request.POST.get("meeting", "")
    meeting = (Meeting.objects.filter(pk=int(chosen), body=procedure.body).first()
               if chosen.isascii() and chosen.isdigit() and len(chosen) < 12 else None)
    try:
        if meeting is None:
            raise ValidationError("Vælg et planlagt møde i organet.")
        actions.report_at_meeting(procedure, meeting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Resultatet er sat på dagsordenen for mødet {rules.danish(meeting.date)}.")
    return redirect(reverse("governance:procedure", args=[procedure.pk]))
