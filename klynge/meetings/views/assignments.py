"""Assignments across bodies (one task, a part per cluster), recurring tasks and escalation of matters."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from klynge.core.redirects import return_url
from klynge.organisation import permissions

from .. import assignments, visibility
from .. import matters as matter_queries
from ..forms import EscalateForm, FanOutForm, PartStatusForm
from ..models import Matter, Task
from .matters import _Access, _as_seen


def _visible_task(user, pk) -> Task:
    task = visibility.visible_tasks(user, Task.objects.filter(pk=pk)).select_related(
        "item__meeting__body", "owner_body", "owner_person", "owner_organisation", "parent").first()
    if task is None:
        raise Http404("Opgaven findes ikke.")
    return task


def _giver(task):
    return task.owner_body or task.item.meeting.body


def task_detail(request, pk):
    """One task: for an assignment, every body's part at a glance; for a part, the whole it belongs to."""
    task = _visible_task(request.user, pk)
    whole = task.parent if task.parent_id else task
    parts = list(visibility.visible_tasks(request.user, whole.parts.all()).select_related("owner_body")
                 .order_by("owner_body__name"))
    today = timezone.localdate()
    can_edit_whole = permissions.can_edit_body(request.user, _giver(whole)) or permissions.can_edit_body(
        request.user, whole.item.meeting.body)
    editable_parts = {p.pk for p in parts if permissions.can_edit_body(request.user, p.owner_body)}
    targets = assignments.assignment_targets(whole) if can_edit_whole and whole.is_open else []
    have = {p.owner_body_id for p in parts}
    form = FanOutForm(targets=[b for b in targets if b.pk not in have]) if targets else None
    chain = []
    node = whole.previous if whole.previous_id else None
    while node is not None and len(chain) < 20:
        chain.append(node)
        node = node.previous
    return render(request, "meetings/task_detail.html", {
        "task": whole, "part": task if task.parent_id else None, "parts": parts, "today": today,
        "summary": assignments.summary([{"status": p.status, "due": p.due} for p in parts], today),
        "can_edit": can_edit_whole, "editable_parts": editable_parts, "form": form,
        "next_occurrence": Task.objects.filter(previous=whole).first(), "earlier": chain,
    })


@login_required
def task_fan_out(request, pk):
    task = _visible_task(request.user, pk)
    if not (permissions.can_edit_body(request.user, _giver(task))
            or permissions.can_edit_body(request.user, task.item.meeting.body)):
        raise PermissionDenied
    if request.method != "POST":
        return redirect("meetings:task", pk=task.pk)
    have = set(task.parts.values_list("owner_body_id", flat=True))
    form = FanOutForm(request.POST, targets=[b for b in assignments.assignment_targets(task) if b.pk not in have])
    if form.is_valid():
        try:
            created = assignments.fan_out(task, form.cleaned_data["bodies"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            plural = "r" if len(created) != 1 else ""
            messages.success(request, f"Opgaven er fordelt til {len(created)} klynge{plural}.")
            return redirect("meetings:task", pk=task.pk)
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("meetings:task", pk=task.pk)


@login_required
def part_status(request, pk):
    """The receiving body's secretariat records its part's status, note and date."""
    part = _visible_task(request.user, pk)
    if part.parent_id is None:
        raise Http404("Opgaven er ikke en del af en fordelt opgave.")
    if not permissions.can_edit_body(request.user, part.owner_body):
        raise PermissionDenied("Kun sekretariatet for " + str(part.owner_body) + " kan opdatere denne del.")
    form = PartStatusForm(request.POST or None, initial={
        "status": part.status, "progress_note": part.progress_note, "progress_on": part.progress_on})
    if request.method == "POST" and form.is_valid():
        try:
            assignments.update_part(part, form.cleaned_data["status"], form.cleaned_data["progress_note"].strip(),
                                    form.cleaned_data["progress_on"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Status for {part.owner_body} er gemt.")
            return redirect("meetings:task", pk=part.parent_id)
    return render(request, "meetings/form.html", {
        "form": form, "title": f"Status for {part.owner_body}: {part.description[:80]}", "submit": "Gem status",
        "cancel_url": return_url(request, reverse("meetings:task", args=[part.parent_id])),
    })


@login_required
def matter_escalate(request, pk):
    """Move a matter from the body that owns it to the level above, with a reason."""
    matter = get_object_or_404(Matter, pk=pk)
    items = matter_queries.matter_items(matter)
    access = _Access(request.user)
    seen = _as_seen(matter, items, access)
    if seen is None:
        raise Http404("Sagen findes ikke.")
    path = matter_queries.matter_path(matter, request.user, items, access.rights)
    owner = path["owner"]
    if owner is None or not permissions.can_edit_body(request.user, owner):
        raise PermissionDenied("Kun sekretariatet for det organ, der ejer sagen, kan flytte den.")
    targets = assignments.escalation_targets(owner)
    form = EscalateForm(request.POST or None, targets=targets)
    if request.method == "POST" and form.is_valid():
        try:
            move = assignments.escalate(matter, owner, form.cleaned_data["reason"], request.user,
                                        form.cleaned_data["to_body"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Sagen er flyttet til {move.to_body}, og dens sekretariat har fået et "
                                      "forslag til punkt.")
            return redirect(matter.get_absolute_url())
    intro = (f"Sagen ejes nu af {owner}. Vælg det niveau, den skal flyttes til, og skriv hvorfor."
             if targets else f"{owner} har intet niveau over sig, som sagen kan flyttes til.")
    return render(request, "meetings/form.html", {
        "form": form, "title": f"Flyt sagen: {seen[0]}", "submit": "Flyt sagen", "intro": intro,
        "cancel_url": matter.get_absolute_url(),
    })
