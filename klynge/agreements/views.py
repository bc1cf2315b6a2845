"""Pages of agreements and their follow-up. Every permission question goes to ``permissions``."""

from __future__ import annotations

from collections import defaultdict

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from klynge.core.params import query_params
from klynge.meetings import visibility
from klynge.organisation import permissions as org
from klynge.organisation.models import Body

from . import actions, exports, permissions, queries, rules
from .choices import ImplementationStatus, RoundStatus
from .forms import BriefingForm, ContactForm, QuestionForm, ReportForm, RoundForm, StatusForm
from .models import (
    AgreementKind,
    CollaborationAgreement,
    ConsolidatedAnswer,
    FollowUpRound,
    FrameworkAgreement,
    Goal,
    PriorityArea,
    Recipient,
    StatusReport,
)


def _agreement(request, slug) -> CollaborationAgreement:
    agreement = get_object_or_404(CollaborationAgreement.objects.select_related(
        "kind", "framework", "priority_area", "owner_body", "approved_by", "approval_item__meeting", "revises"),
        slug=slug)
    if not permissions.can_see_agreement(request.user, agreement):
        raise Http404
    return agreement


def _round(request, pk) -> FollowUpRound:
    round_ = get_object_or_404(FollowUpRound.objects.select_related("agreement", "owner_body", "baseline"), pk=pk)
    if not permissions.can_see_round(request.user, round_):
        raise Http404
    return round_


def _deny_unless(allowed: bool):
    if not allowed:
        raise PermissionDenied


# --- agreements ---------------------------------------------------------------------------------

def index(request):
    kind = (request.GET.get("type") or "")[:100]
    agreements = queries.visible_agreements(request.user)
    if kind:
        agreements = agreements.filter(kind__slug=kind)
    groups = defaultdict(list)
    for agreement in agreements.order_by("priority_area__sort_order", "sort_order", "title"):
        groups[agreement.priority_area.title if agreement.priority_area else (agreement.theme or "Øvrige aftaler")
               ].append(agreement)
    frameworks = FrameworkAgreement.objects.select_related("owner_body")
    reports = StatusReport.objects.filter(permissions.visible_reports_q(request.user)).select_related("framework")
    return render(request, "agreements/index.html", {
        "groups": dict(groups), "frameworks": frameworks, "kinds": AgreementKind.objects.all(), "kind": kind,
        "reports": reports})


def framework(request, slug):
    fw = get_object_or_404(FrameworkAgreement.objects.select_related("owner_body"), slug=slug)
    areas = list(fw.priority_areas.prefetch_related("goals"))
    agreements = queries.visible_agreements(request.user).filter(framework=fw)
    reports = fw.reports.filter(permissions.visible_reports_q(request.user))
    return render(request, "agreements/framework.html", {
        "fw": fw, "areas": areas, "loose_goals": fw.goals.filter(priority_area__isnull=True),
        "agreements": agreements, "reports": reports,
        "can_manage": permissions.can_manage_report(request.user, fw)})


def goal(request, pk):
    g = get_object_or_404(Goal.objects.select_related("framework", "priority_area"), pk=pk)
    readings = queries.goal_readings(g)
    return render(request, "agreements/goal.html", {
        "goal": g, "readings": readings, "crumbs": [g.framework],
        "target": rules.target_text(g.comparison, g.target_value, g.unit),
        "deadline": rules.danish_date(g.deadline)})


def agreement(request, slug):
    a = _agreement(request, slug)
    user = request.user
    rows = queries.implementation_rows(a)
    items = list(a.treated_in.select_related("meeting__body", "matter").order_by("meeting__date"))
    treated = []
    for item in items:
        if not visibility.can_see_agenda(user, item.meeting):
            continue
        shown = visibility.redact(item, visibility.can_see_closed(user, item.meeting))
        decision = item.decision if (not getattr(shown, "redacted", False)
                                     and visibility.can_see_minutes(user, item.meeting)) else ""
        treated.append({"item": shown, "meeting": item.meeting, "decision": decision,
                        "matter": item.matter if not getattr(shown, "redacted", False) else None})
    rounds = a.rounds.filter(permissions.visible_rounds_q(user)).distinct().select_related("owner_body")
    editable_clusters = {r.cluster_id for r in rows if permissions.can_set_status(user, a, r.cluster)}
    statuses = list(a.statuses.all()[:5])
    return render(request, "agreements/agreement.html", {
        "a": a, "rows": rows, "treated": treated, "crumbs": [a.framework] if a.framework else [],
        "rounds": rounds, "statuses": statuses,
        "can_manage": permissions.can_manage(user, a.owner_body),
        "can_set_status": bool(editable_clusters),
        "show_contacts": org.can_see_contact_details(user),
        "phases": a.phases.all(), "documents": a.documents.all(), "revisions": a.revisions.all()})


def _settable_rows(user, a):
    return [r for r in queries.implementation_rows(a) if permissions.can_set_status(user, a, r.cluster)]


def status_set(request, slug):
    a = _agreement(request, slug)
    rows = _settable_rows(request.user, a)
    _deny_unless(bool(rows))
    form = StatusForm(request.POST or None, rows=rows, initial={"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        row = next(r for r in rows if str(r.pk) == form.cleaned_data["row"])
        try:
            actions.set_status(a, row.cluster, row.party, form.cleaned_data["status"], form.cleaned_data["note"],
                               form.cleaned_data["date"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Status for {row.who} er gemt.")
            return redirect(a)
    return render(request, "agreements/form.html", {
        "title": f"Sæt status: {a.title}", "form": form, "submit": "Gem status", "cancel_url": a.get_absolute_url()})


def contact_add(request, slug):
    a = _agreement(request, slug)
    rows = _settable_rows(request.user, a)
    _deny_unless(bool(rows))
    form = ContactForm(request.POST or None, rows=rows)
    if request.method == "POST" and form.is_valid():
        contact = form.save(commit=False)
        contact.implementation = next(r for r in rows if str(r.pk) == form.cleaned_data["row"])
        contact.save()
        messages.success(request, f"{contact.name} er tilføjet som kontaktperson.")
        return redirect(a)
    return render(request, "agreements/form.html", {
        "title": f"Tilføj kontaktperson: {a.title}", "form": form, "submit": "Tilføj",
        "cancel_url": a.get_absolute_url()})


def matrix(request):
    params = query_params(request)
    by = "parties" if request.GET.get("visning") == "parter" else "clusters"
    area = params.integer("omraade", label="Indsatsområdet", default=None, minimum=1, maximum=10**9)
    status = request.GET.get("status") or ""
    status = status if status in ImplementationStatus.values else ""
    kind = (request.GET.get("type") or "")[:100]
    cluster = (request.GET.get("klynge") or "")[:200]
    m = queries.matrix(request.user, by=by, kind=kind, area=area, status=status, cluster=cluster)
    return render(request, "agreements/matrix.html", {
        "m": m, "by": by, "kinds": AgreementKind.objects.all(), "kind": kind, "status": status, "area": area,
        "areas": PriorityArea.objects.select_related("framework"), "statuses": ImplementationStatus.choices,
        "clusters": Body.objects.filter(kind__groups_bodies=True).order_by("name"), "cluster": cluster})


# --- follow-up rounds ---------------------------------------------------------------------------

def round_add(request, slug):
    a = _agreement(request, slug)
    _deny_unless(permissions.can_manage(request.user, a.owner_body))
    form = RoundForm(request.POST or None, agreement=a, initial={"cadence": a.cadence,
                                                                 "title": f"Opfølgning på {a.title}"})
    if request.method == "POST" and form.is_valid():
        round_ = form.save(commit=False)
        round_.agreement, round_.owner_body = a, a.owner_body
        round_.save()
        messages.success(request, "Runden er oprettet. Tilføj spørgsmål, og send den ud.")
        return redirect(round_)
    return render(request, "agreements/form.html", {
        "title": f"Ny opfølgningsrunde: {a.title}", "form": form, "submit": "Opret runde",
        "cancel_url": a.get_absolute_url()})


def round_detail(request, pk):
    round_ = _round(request, pk)
    user = request.user
    clusters = permissions.answer_clusters_for(user, round_)
    recipients = round_.recipients.select_related("implementation__cluster", "implementation__party")
    if clusters is not None:
        recipients = recipients.filter(implementation__cluster_id__in=clusters)
    consolidated = {c.cluster_id: c for c in round_.consolidated.all()}
    cluster_ids = sorted({r.implementation.cluster_id for r in recipients} | set(
        round_.agreement.implementations.values_list("cluster_id", flat=True)))
    if clusters is not None:
        cluster_ids = [c for c in cluster_ids if c in clusters]
    cluster_rows = [(c, consolidated.get(c.pk)) for c in Body.objects.filter(pk__in=cluster_ids).order_by("name")]
    return render(request, "agreements/round.html", {
        "round": round_, "questions": round_.questions.all(), "crumbs": [round_.agreement], "recipients": recipients,
        "cluster_rows": cluster_rows, "can_manage": permissions.can_manage_round(user, round_),
        "sees_all": clusters is None, "deadline": rules.danish_date(round_.deadline),
        "editable_clusters": {c.pk for c, _ in cluster_rows if permissions.can_edit_consolidated(user, round_, c)}})


def question_add(request, pk):
    round_ = _round(request, pk)
    _deny_unless(permissions.can_manage_round(request.user, round_))
    if round_.status != RoundStatus.DRAFT:
        messages.error(request, "Runden er sendt ud; spørgsmålene kan ikke længere ændres.")
        return redirect(round_)
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        question = form.save(commit=False)
        question.round = round_
        question.position = round_.questions.count() + 1
        question.save()
        messages.success(request, f"Spørgsmål {question.position} er tilføjet.")
        return redirect(round_)
    return render(request, "agreements/form.html", {
        "title": f"Nyt spørgsmål: {round_.title}", "form": form, "submit": "Tilføj spørgsmål",
        "cancel_url": round_.get_absolute_url()})


def round_send(request, pk):
    round_ = _round(request, pk)
    _deny_unless(permissions.can_manage_round(request.user, round_))
    if request.method == "POST":
        try:
            count = actions.send_round(round_)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Spørgeskemaet er sendt til {count} kontaktpersoner.")
    return redirect(round_)


def round_remind(request, pk):
    round_ = _round(request, pk)
    _deny_unless(permissions.can_manage_round(request.user, round_))
    if request.method == "POST":
        count = actions.send_reminders(round_)
        messages.success(request, f"Der er sendt {count} påmindelser." if count else
                         "Ingen påmindelser er forfaldne i dag.")
    return redirect(round_)


def answer(request, token):
    """The contact person's page: no account, one questionnaire, one party, through the link."""
    recipient = Recipient.by_token(token)
    if recipient is None:
        return render(request, "agreements/answer_refused.html", {"message": rules.UNKNOWN}, status=404)
    round_ = recipient.round
    refusal = actions.answer_refusal(recipient)
    if refusal == rules.EXPIRED or refusal == rules.NOT_SENT:
        return render(request, "agreements/answer_refused.html", {"message": refusal}, status=410)
    questions = list(round_.questions.all())
    existing = {a.question_id: a for a in recipient.answers.all()}
    errors, data = {}, None
    if request.method == "POST":
        data = request.POST
        values, errors = actions.clean_answers(questions, data)
        if refusal:
            errors["__all__"] = refusal
        elif not errors:
            try:
                actions.save_answers(recipient, values)
            except ValidationError as error:
                errors["__all__"] = " ".join(error.messages)
            else:
                messages.success(request, "Tak! Dine svar er gemt. Du kan rette dem til og med "
                                          f"{rules.danish_date(round_.deadline)}.")
                return redirect("agreements:answer", token=token)
    rows = []
    for q in questions:
        name = f"q{q.pk}"
        if data is not None:
            value = data.get(name, "")
        elif q.pk in existing:
            a = existing[q.pk]
            value = ("ja" if a.yes else "nej") if a.yes is not None else (
                rules.format_number(a.number) if a.number is not None else a.text)
        else:
            value = ""
        rows.append({"q": q, "name": name, "value": value, "error": errors.get(name, "")})
    return render(request, "agreements/answer.html", {
        "recipient": recipient, "round": round_, "rows": rows, "refusal": refusal,
        "error": errors.get("__all__", ""), "has_errors": bool(errors),
        "deadline": rules.danish_date(round_.deadline)}, status=400 if errors else 200)


def _cluster(slug) -> Body:
    return get_object_or_404(Body, slug=slug)


def consolidated(request, pk, cluster):
    round_ = _round(request, pk)
    body = _cluster(cluster)
    if not permissions.can_see_consolidated(request.user, round_, body):
        raise Http404
    can_edit = permissions.can_edit_consolidated(request.user, round_, body)
    questions = list(round_.questions.all())
    current = ConsolidatedAnswer.objects.filter(round=round_, cluster=body).first()
    texts = {i.question_id: i.text for i in current.items.all()} if current else {}
    recipients = list(round_.recipients.filter(implementation__cluster=body)
                      .select_related("implementation__party").prefetch_related("answers__question"))
    answers = {(r.pk, a.question_id): a.display() for r in recipients for a in r.answers.all()}
    error = ""
    if request.method == "POST":
        _deny_unless(can_edit)
        texts = {q.pk: (request.POST.get(f"q{q.pk}") or "").strip()[:10000] for q in questions}
        try:
            actions.save_consolidated(round_, body, texts, (request.POST.get("comment") or "")[:5000], request.user)
        except ValidationError as err:
            error = " ".join(err.messages)
        else:
            messages.success(request, "Klyngens samlede svar er gemt som udkast.")
            return redirect("agreements:consolidated", pk=round_.pk, cluster=body.slug)
    table = [{"q": q, "text": texts.get(q.pk, ""),
              "answers": [(r, answers.get((r.pk, q.pk), "")) for r in recipients]} for q in questions]
    return render(request, "agreements/consolidated.html", {
        "round": round_, "cluster": body, "table": table, "crumbs": [round_.agreement, round_],
        "current": current, "can_edit": can_edit,
        "recipients": recipients, "error": error,
        "submitted": bool(current and current.status == "submitted")}, status=400 if error else 200)


def consolidated_submit(request, pk, cluster):
    round_ = _round(request, pk)
    body = _cluster(cluster)
    _deny_unless(permissions.can_edit_consolidated(request.user, round_, body))
    if request.method == "POST":
        try:
            actions.submit_consolidated(round_, body, request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"{body}s samlede svar er indsendt til {round_.owner_body}.")
    return redirect("agreements:consolidated", pk=round_.pk, cluster=body.slug)


def side_by_side(request, pk):
    round_ = _round(request, pk)
    _deny_unless(permissions.can_read_internal(request.user, round_.owner_body))
    sheet = exports.side_by_side(round_)
    return render(request, "agreements/side_by_side.html", {"round": round_, "sheet": sheet,
                                                           "crumbs": [round_.agreement, round_]})


def export_xlsx(request, pk):
    round_ = _round(request, pk)
    _deny_unless(permissions.can_read_internal(request.user, round_.owner_body))
    response = HttpResponse(exports.xlsx(round_), content_type=exports.XLSX)
    response["Content-Disposition"] = f'attachment; filename="svar-runde-{round_.pk}.xlsx"'
    return response


def export_docx(request, pk):
    round_ = _round(request, pk)
    _deny_unless(permissions.can_read_internal(request.user, round_.owner_body))
    response = HttpResponse(exports.docx(round_), content_type=exports.DOCX)
    response["Content-Disposition"] = f'attachment; filename="svar-runde-{round_.pk}.docx"'
    return response


def compare(request, pk):
    round_ = _round(request, pk)
    clusters = permissions.answer_clusters_for(request.user, round_)
    if round_.baseline is None:
        rows = []
    else:
        rows = exports.comparison(round_.baseline, round_, clusters)
    return render(request, "agreements/compare.html", {"round": round_, "rows": rows,
                                                      "crumbs": [round_.agreement, round_]})


def _briefing(request, a, text: str, cancel_url: str):
    """Add a written briefing ("Skriftlig orientering: Opfølgning på ...") to a coming meeting of a body
    the user is secretariat for; the text carried over, the agreement linked to the new item."""
    meetings = list(actions.coming_meetings(org.editable_bodies(request.user))[:50])
    form = BriefingForm(request.POST or None, meetings=meetings, initial={
        "title": f"Opfølgning på {a.title}", "summary": a.summary[:1000], "description": text})
    if request.method == "POST" and form.is_valid():
        meeting = next(m for m in meetings if str(m.pk) == form.cleaned_data["meeting"])
        try:
            item = actions.add_written_briefing(a, meeting, form.cleaned_data["title"], form.cleaned_data["summary"],
                                                form.cleaned_data["description"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"“{item.title}” er sat på dagsordenen.")
            return redirect(item)
    return render(request, "agreements/form.html", {
        "title": "Tilføj som skriftlig orientering", "form": form, "submit": "Sæt på dagsordenen",
        "cancel_url": cancel_url,
        "intro": "" if meetings else "Der er ingen kommende møder i de organer, du er sekretariat for."})


def briefing(request, pk):
    """From a follow-up round: the round and the consolidated answers submitted so far."""
    round_ = _round(request, pk)
    user = request.user
    _deny_unless(org.editable_bodies(user).exists() and (permissions.can_manage_round(user, round_)
                                                         or permissions.round_clusters_for(user, round_)))
    submitted = [c for c in round_.consolidated.select_related("cluster").filter(status="submitted")
                 if permissions.can_see_consolidated(user, round_, c.cluster)]
    text = "\n\n".join([f"{round_.owner_body} har sendt spørgeskemaet “{round_.title}” med svarfrist "
                        f"{rules.danish_date(round_.deadline)}."]
                       + [f"{c.cluster} indsendte sit samlede svar "
                          f"{rules.danish_date(timezone.localdate(c.submitted_at))}." for c in submitted])
    return _briefing(request, round_.agreement, text, round_.get_absolute_url())


def agreement_briefing(request, slug):
    """From a status change: the agreement's statuses per cluster and party the user may set."""
    a = _agreement(request, slug)
    rows = _settable_rows(request.user, a)
    _deny_unless(bool(rows))
    lines = [f"{r.who} ({r.cluster}): {r.get_status_display()}"
             + (f" pr. {rules.danish_date(r.status_date)}" if r.status_date else "") + (f". {r.note}" if r.note else "")
             for r in rows]
    return _briefing(request, a, "Status for implementeringen:\n\n" + "\n".join(f"- {line}" for line in lines),
                     a.get_absolute_url())


# --- status reports -----------------------------------------------------------------------------

def _report(request, pk) -> StatusReport:
    report = get_object_or_404(StatusReport.objects.select_related("framework__owner_body"), pk=pk)
    if not permissions.can_see_report(request.user, report):
        raise Http404
    return report


def report(request, pk):
    from . import reports

    r = _report(request, pk)
    return render(request, "agreements/report.html", {
        "doc": reports.build(r), "report": r, "crumbs": [r.framework],
        "can_manage": permissions.can_manage_report(request.user, r)})


def report_docx(request, pk):
    from . import reports

    r = _report(request, pk)
    response = HttpResponse(reports.render_docx(reports.build(r)), content_type=exports.DOCX)
    response["Content-Disposition"] = f'attachment; filename="statusrapport-{r.pk}.docx"'
    return response


def report_pdf(request, pk):
    from . import reports

    r = _report(request, pk)
    response = HttpResponse(reports.render_pdf(reports.build(r)), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="statusrapport-{r.pk}.pdf"'
    return response


def _report_form(request, instance, fw):
    form = ReportForm(request.POST or None, instance=instance,
                      initial={"publish": bool(instance and instance.published_at)})
    if request.method == "POST" and form.is_valid():
        r = form.save(commit=False)
        r.framework = fw
        if form.cleaned_data["publish"] and not r.published_at:
            r.published_at = timezone.now()
        elif not form.cleaned_data["publish"]:
            r.published_at = None
        r.save()
        messages.success(request, "Statusrapporten er gemt.")
        return redirect(r)
    return render(request, "agreements/form.html", {
        "title": "Statusrapport" if instance is None else f"Ret {instance}", "form": form, "submit": "Gem",
        "cancel_url": fw.get_absolute_url()})


def report_add(request, slug):
    fw = get_object_or_404(FrameworkAgreement, slug=slug)
    _deny_unless(permissions.can_manage_report(request.user, fw))
    return _report_form(request, None, fw)


def report_edit(request, pk):
    r = _report(request, pk)
    _deny_unless(permissions.can_manage_report(request.user, r))
    return _report_form(request, r, r.framework)

