from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.views.decorators.http import require_POST

from klynge.core import formats
from klynge.core.links import UrlPattern
from klynge.core.params import query_params
from klynge.core.redirects import redirect_back, return_url
from klynge.organisation import permissions, provenance
from klynge.organisation.models import Body
from klynge.organisation.views import _body_or_404, refuse_for_ended_body

from .. import actions, assignments, timeplan, visibility
from ..choices import OPEN_TASK_STATUSES, ProposalStatus, TaskStatus
from ..forms import AcceptProposalForm, CloseTaskForm, DeclineProposalForm, ProposalForm, TaskEditForm, TaskForm
from ..models import Proposal, Task
from ..publishing.ics import descendant_ids
from .common import get_item, item_url, require_edit, require_item_access


@login_required
def task_add(request, pk):
    item = get_item(pk)
    require_edit(request.user, item.meeting)
    refused = refuse_for_ended_body(request, item.meeting.body, "nye opgaver")
    if refused:
        return refused
    form = TaskForm(request.POST or None, instance=Task(item=item))
    if request.method == "POST" and form.is_valid():
        task = form.save()
        messages.success(request, f"Opgaven er oprettet med {task.owner_label} som ansvarlig.")
        return redirect(item_url(item))
    return render(request, "meetings/form.html", {
        "form": form, "title": f"Ny opgave fra punkt {item.number}: {item.title}", "submit": "Opret opgave",
        "cancel_url": item.meeting.get_absolute_url(),
    })


def _task_for_editing(request, pk) -> Task:
    """A task, for the secretariat of the meeting's body or of the body that follows it up."""
    task = get_object_or_404(Task.objects.select_related("item__meeting__body", "owner_body"), pk=pk)
    if not (task.owner_body_id and permissions.can_edit_body(request.user, task.owner_body)):
        require_edit(request.user, task.item.meeting)
    return task


@login_required
def task_edit(request, pk):
    task = _task_for_editing(request, pk)
    if not task.is_open:
        messages.error(request, "Opgaven er afsluttet og kan ikke redigeres.")
        return redirect_back(request, task.item.meeting)
    form = TaskEditForm(request.POST or None, instance=task)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Opgaven er gemt.")
        return redirect_back(request, task.item.meeting)
    return render(request, "meetings/form.html", {
        "form": form, "title": f"Rediger opgave fra punkt {task.item.number}", "submit": "Gem opgave",
        "cancel_url": return_url(request, task.item.meeting.get_absolute_url()),
    })


@login_required
@require_POST
def task_start(request, pk):
    """Mark an open task "I gang" in one click."""
    task = _task_for_editing(request, pk)
    if task.status == TaskStatus.OPEN:
        task.status = TaskStatus.IN_PROGRESS
        task.save()
        messages.success(request, "Opgaven er sat i gang.")
    else:
        messages.error(request, f"Opgaven er {task.get_status_display().lower()} og kan ikke sættes i gang.")
    return redirect_back(request, task.item.meeting)


@login_required
def task_close(request, pk):
    task = _task_for_editing(request, pk)
    form = CloseTaskForm(request.POST or None, instance=task)
    if request.method == "POST" and form.is_valid():
        try:
            following = assignments.close_task(task, form.cleaned_data["status"], form.cleaned_data["closed_note"])
        except ValidationError as error:
            task.refresh_from_db()
            form.add_error(None, error)
        else:
            messages.success(request, "Opgaven er afsluttet." + (
                f" Den næste gang er oprettet med frist {formats.date(following.due)}." if following else ""))
            return redirect_back(request, task.item.meeting)
    return render(request, "meetings/form.html", {
        "form": form, "title": f"Afslut opgave: {task}", "submit": "Afslut opgave",
        "cancel_url": return_url(request, task.item.meeting.get_absolute_url()),
    })


def followup_index(request):
    clusters = Body.objects.filter(kind__groups_bodies=True).order_by("name")
    return render(request, "meetings/followup_index.html", {"clusters": clusters})


def _cluster_tasks(body_ids):
    """The tasks of a cluster's bodies: owned by one of them, or without an owning body and given
    at one of their meetings.

    Two id subqueries OR-ed on the task's primary key, not one OR across the joined tables: with
    the OR on the joins the planners start from every meeting or every open task of the country
    (SQLite scanned all 10,000 meetings, 110 ms for the public's count at national scale); this way
    each side starts from the cluster's own index entries (meetings by body, tasks by owner)."""
    given, owned = _given_and_owned(Task.objects.all(), body_ids)
    return Task.objects.filter(Q(pk__in=given.values("pk")) | Q(pk__in=owned.values("pk")))


def _given_and_owned(tasks, body_ids):
    """The two halves of a cluster's tasks among ``tasks``: given at its bodies' meetings without an
    owning body, and owned by one of its bodies."""
    body_ids = list(body_ids)
    return (tasks.filter(owner_body__isnull=True, item__meeting__body_id__in=body_ids),
            tasks.filter(owner_body_id__in=body_ids))


def _cluster_open_task_ids(body_ids) -> list[int]:
    """The ids of a cluster's open tasks (see _cluster_tasks), fetched once as a list.

    The follow-up page counts the visible ones and pages through them; with _cluster_tasks as a
    subquery in both queries PostgreSQL re-ran it for each (walking every item of ten years of the
    cluster's meetings) and hashed all of the country's meetings for the visibility join: 55 ms of
    SQL at national scale. With the open status inside both halves and the ids as a list, the
    visibility query becomes primary-key lookups."""
    open_tasks = Task.objects.filter(status__in=OPEN_TASK_STATUSES).order_by()  # a UNION's parts take no ORDER BY
    given, owned = _given_and_owned(open_tasks, body_ids)
    return list(given.values_list("pk", flat=True).union(owned.values_list("pk", flat=True)))


# What a row of the page shows (``_followup_rows``, ``Task.owner_label``): a hundred tasks with their items,
# meetings and bodies were built from every column (the items' texts and minutes included) before.
ROW_FIELDS = (
    "due", "description", "parent", "status", "owner_kind", "owner_person__name", "owner_organisation__name",
    "item__number", "item__meeting__date", "item__meeting__body__name", "item__meeting__body__short_name",
)


def _visible_page(user, task_ids: list[int], page: int):
    """(count, page, start, tasks): the tasks among ``task_ids`` this user may see, by due date, and
    the FOLLOWUP_PAGE of them on ``page`` (clamped to the last page). The visibility rule picks and
    orders the ids; the page's rows are then fetched by those ids only."""
    ordered = list(visibility.visible_tasks(user, Task.objects.filter(pk__in=task_ids))
                   .order_by("due", "pk").values_list("pk", flat=True))
    count = len(ordered)
    page = min(page, max(1, -(-count // FOLLOWUP_PAGE)))
    start = (page - 1) * FOLLOWUP_PAGE
    page_ids = ordered[start:start + FOLLOWUP_PAGE]
    position = {pk: index for index, pk in enumerate(page_ids)}
    tasks = sorted(Task.objects.filter(pk__in=page_ids)
                   .select_related("item__meeting__body", "owner_person", "owner_organisation")
                   .only(*ROW_FIELDS), key=lambda task: position[task.pk])
    return count, page, start, tasks


FOLLOWUP_PAGE = 100  # open tasks per page of a cluster's follow-up, by due date


def followup(request, slug):
    """Open tasks of a cluster by owner and due date, a page of FOLLOWUP_PAGE at a time; overdue ones marked."""
    cluster = _body_or_404(slug)
    ids = descendant_ids(cluster)
    page = query_params(request).integer("side", label="Siden", default=1, minimum=1, maximum=100_000)
    count, page, start, tasks = _visible_page(request.user, _cluster_open_task_ids(ids), page)
    pages = max(1, -(-count // FOLLOWUP_PAGE))
    provenance.attach(tasks)
    today = timezone.localdate()
    can_edit = permissions.can_edit_body(request.user, cluster)
    by_owner = {}
    for task, row in zip(tasks, _followup_rows(tasks, today, can_edit), strict=True):
        by_owner.setdefault(task.owner_label, []).append(row)
    # The template's request.path|urlencode; the forms' token as {% csrf_token %} writes it (another mask of
    # the same secret than the page's other forms get: every mask is valid).
    back, csrf = quote(request.path), get_token(request) if can_edit else ""
    return render(request, "meetings/followup.html", {
        "cluster": cluster, "by_owner": [(owner, followup_rows_html(rows, can_edit, back, csrf))
                                         for owner, rows in sorted(by_owner.items(), key=lambda pair: pair[0])],
        "can_edit": can_edit, "count": count,
        "forward": cluster.forward(),
        "page": page, "pages": pages, "first": start + 1, "last": start + len(tasks),
    })


def _followup_rows(tasks, today, can_edit: bool) -> list[dict]:
    """The follow-up table's rows as plain dicts, every address built in Python: a page lists up to
    FOLLOWUP_PAGE tasks, and five `{% url %}`/get_absolute_url() calls per row were most of its cost.
    The editing links (and the shortened description their screen-reader text repeats) only for an editor."""
    url = {name: UrlPattern(f"meetings:{name}") for name in ("task", "task_edit", "task_start", "task_close")}
    meeting_url = UrlPattern("meetings:meeting")
    rows = []
    for task in tasks:
        item, meeting = task.item, task.item.meeting
        anchor = f"punkt-{item.number}" if item.number else f"pause-{item.pk}"  # AgendaItem.get_absolute_url
        rows.append({
            # Dates as text here: the date filter (with the month's name translated) twice a row was a tenth
            # of the page's cost.
            "pk": task.pk, "due": task.due, "due_text": formats.date(task.due),
            "overdue": bool(task.due and task.due < today),
            "url": url["task"](task.pk), "description": task.description,
            "part_of_split": bool(task.parent_id),
            "provenance": task.provenance, "item_url": f"{meeting_url(meeting.pk)}#{anchor}",
            "body_label": meeting.body.short_name or meeting.body.name, "meeting_date_text": formats.date(meeting.date),
            "item_number": item.number, "status_label": task.get_status_display(),
        })
        if can_edit:
            rows[-1].update({
                "short_description": Truncator(task.description).chars(40), "startable": task.status == TaskStatus.OPEN,
                "edit_url": url["task_edit"](task.pk), "start_url": url["task_start"](task.pk),
                "close_url": url["task_close"](task.pk),
            })
    return rows


# A row of the follow-up table, exactly as the template's loop (meetings/followup.html) wrote it: a page of
# a hundred tasks spent most of its time in the template engine, some twenty variables a row. Every value
# goes through format_html (conditional_escape, as autoescape did); the fixed fragments below are literals.
FOLLOWUP_ROW = (
    '\n      <tr{overdue}>\n        <td>{due}</td>\n        <td><a href="{url}">{description}</a>{split}{notes}\n</td>'
    '\n        <td><a href="{item_url}">{body_label} {meeting_date}, punkt {item_number}</a></td>'
    '\n        <td>{status}</td>\n        {actions}\n      </tr>'
)
FOLLOWUP_ACTIONS = (
    '<td class="klynge-task-actions">\n          <a href="{edit_url}?tilbage={back}">Rediger<span class="sr-only">'
    ' opgaven {short}</span></a>\n          {start}\n          <a href="{close_url}?tilbage={back}">Afslut'
    '<span class="sr-only"> opgaven {short}</span></a></td>'
)
FOLLOWUP_START = (
    '<form method="post" action="{start_url}?tilbage={back}" class="d-inline">{csrf}<button type="submit" '
    'class="function-link">Sæt i gang<span class="sr-only"> opgaven {short}</span></button></form>'
)
OVERDUE_CLASS = mark_safe(' class="klynge-overdue"')
OVERDUE_BADGE = mark_safe(' <span class="badge klynge-badge-overdue">Overskredet</span>')
SPLIT_BADGE = mark_safe(' <span class="badge">Del af fordelt opgave</span>')


def followup_rows_html(rows, can_edit: bool, back: str, csrf_token: str):
    """The table rows of one owner's tasks (``_followup_rows``) as HTML, every value escaped; ``back`` is the
    page's address for the editing links (urlencoded), ``csrf_token`` the forms' token (editors only)."""
    csrf = format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', csrf_token) if can_edit else ""
    back = conditional_escape(back)  # escaped once: it is in three links a row

    def values(t):
        return {
            "overdue": OVERDUE_CLASS if t["overdue"] else "",
            "due": format_html("{}{}", t["due_text"], OVERDUE_BADGE if t["overdue"] else "") if t["due"]
            else "Ingen frist",
            "url": t["url"], "description": t["description"], "split": SPLIT_BADGE if t["part_of_split"] else "",
            "notes": format_html_join("", '<span class="klynge-provenance d-block">{}</span>', (
                (format_html('<a href="{}">{}</a>', note.url, note.text) if note.url else note.text,)
                for note in t["provenance"])),
            "item_url": t["item_url"], "body_label": t["body_label"], "meeting_date": t["meeting_date_text"],
            # As the template wrote an int (localize: a thousands separator if the settings ask for one).
            "item_number": localize(t["item_number"]), "status": t["status_label"],
            "actions": actions(t) if can_edit else "",
        }

    def actions(t):
        short = conditional_escape(t["short_description"])  # once for its three places
        return format_html(
            FOLLOWUP_ACTIONS, edit_url=t["edit_url"], close_url=t["close_url"], back=back, short=short,
            start=format_html(FOLLOWUP_START, start_url=t["start_url"], back=back, csrf=csrf, short=short)
            if t["startable"] else "",
        )

    return format_html_join("", FOLLOWUP_ROW, (values(t) for t in rows))


def followup_closed(request, slug):
    """Closed tasks of a cluster with their closing notes, newest first."""
    cluster = _body_or_404(slug)
    ids = descendant_ids(cluster)
    tasks = list(visibility.visible_tasks(
        request.user,
        _cluster_tasks(ids).exclude(status__in=OPEN_TASK_STATUSES)
        .select_related("item__meeting__body", "owner_person", "owner_organisation")
        .order_by("-closed_at", "-pk"),
    )[:500])
    return render(request, "meetings/followup_closed.html", {"cluster": cluster, "tasks": tasks})


@login_required
def propose(request, pk):
    """Propose an item for a coming meeting of the same or another body."""
    item = get_item(pk)
    require_item_access(request.user, item)
    if not visibility.can_see_closed(request.user, item.meeting):
        raise PermissionDenied("Kun organets medlemmer og sekretariat kan foreslå punkter herfra.")
    forward = item.meeting.body.forward()
    initial = {"title": item.title, "summary": item.summary, "case_number": item.case_number,
               "target_body": forward[0].successor_id if forward else item.meeting.body_id}
    form = ProposalForm(request.POST or None, initial=initial,
                        instance=Proposal(source_item=item, proposed_by=request.user, closed=item.closed))
    if request.method == "POST" and form.is_valid():
        proposal = form.save()
        closed = " som et lukket forslag" if proposal.closed else ""
        messages.success(request, f"Forslaget er sendt{closed} til {proposal.target_body}s sekretariat.")
        return redirect(item_url(item))
    intro = ("Punktet er lukket, så forslaget bliver også lukket: kun modtagerens sekretariat og de, der må se "
             "lukkede punkter her, kan se det, og det optages som et lukket punkt." if item.closed else "")
    return render(request, "meetings/form.html", {
        "form": form, "title": f"Foreslå punkt til et kommende møde (fra punkt {item.number})",
        "submit": "Send forslag", "cancel_url": item.meeting.get_absolute_url(), "intro": intro,
    })


@login_required
def proposal_queue(request, slug):
    body = _body_or_404(slug)
    if not permissions.can_edit_body(request.user, body):
        raise PermissionDenied
    visible = Proposal.objects.filter(visibility.visible_proposals_q(request.user), target_body=body)
    pending = visible.filter(status=ProposalStatus.PENDING).select_related(
        "source_item__meeting__body", "proposed_by__person")
    decided = visible.exclude(status=ProposalStatus.PENDING).select_related(
        "source_item__meeting__body", "resulting_item__meeting")[:50]
    return render(request, "meetings/proposals.html", {"body": body, "pending": pending, "decided": decided})


def _slot_text(item) -> str:
    """', kl. 18:40-18:55' (the new item's place in the time plan), or ''."""
    meeting = item.meeting
    items = list(meeting.items.order_by("position", "pk"))
    slots = timeplan.compute_slots(meeting.date, meeting.start, meeting.end, items)
    for each, slot in zip(items, slots, strict=True):
        if each.pk == item.pk and slot.label():
            return f", {slot.label()}"
    return ""


@login_required
def proposal_decide(request, pk):
    proposal = get_object_or_404(Proposal.objects.select_related("target_body", "source_item__meeting"), pk=pk)
    if not (permissions.can_edit_body(request.user, proposal.target_body)
            and visibility.can_see_proposal(request.user, proposal)):
        raise PermissionDenied
    accept = AcceptProposalForm(request.POST if "accept" in request.POST else None, body=proposal.target_body,
                                versioned_record=proposal)
    decline = DeclineProposalForm(request.POST if "decline" in request.POST else None, versioned_record=proposal)
    try:
        if "accept" in request.POST and accept.is_valid():
            item = actions.accept_proposal(proposal, accept.cleaned_data["meeting"], request.user)
            messages.success(request, f"Forslaget er optaget som punkt {item.number} på {item.meeting}"
                                      f"{_slot_text(item)}.")
            return redirect(item_url(item))
        if "decline" in request.POST and decline.is_valid():
            actions.decline_proposal(proposal, decline.cleaned_data["reason"], request.user)
            messages.success(request, "Forslaget er afvist; forslagsstilleren kan se begrundelsen.")
            return redirect("meetings:proposals", slug=proposal.target_body.slug)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return render(request, "meetings/proposal_decide.html", {"proposal": proposal, "accept": accept,
                                                              "decline": decline})


@login_required
def my_proposals(request):
    proposals = Proposal.objects.filter(visibility.visible_proposals_q(request.user), proposed_by=request.user
                                        ).select_related(
        "target_body", "source_item__meeting", "resulting_item__meeting")
    return render(request, "meetings/my_proposals.html", {"proposals": proposals})


__all__ = ["visibility"]
