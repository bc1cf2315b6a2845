import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import capfirst
from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import time as time_filter
from django.utils import timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from klynge.core.links import UrlPattern
from klynge.core.params import YEAR_MAX, YEAR_MIN, query_params
from klynge.core.rows import format_rows
from klynge.organisation.models import Body
from klynge.organisation.views import _body_or_404, refuse_for_ended_body

from .. import actions, timeplan, visibility
from ..choices import AttendanceStatus, MeetingStatus, ProposalStatus
from ..forms import MeetingForm
from ..models import Meeting, MinutesComment, MinutesRevision, Proposal
from ..publishing.ics import descendant_ids
from .common import get_meeting, item_label, require_edit

# The secretariat's next steps from each status: (target status, button label, style).
NEXT_STEPS = {
    MeetingStatus.PLANNED: [(MeetingStatus.AGENDA_PUBLISHED, "Offentliggør dagsorden", "primary")],
    MeetingStatus.AGENDA_PUBLISHED: [(MeetingStatus.HELD, "Marker mødet som afholdt", "primary")],
    MeetingStatus.HELD: [(MeetingStatus.MINUTES_DRAFT, "Begynd på referatet", "primary")],
    MeetingStatus.MINUTES_DRAFT: [(MeetingStatus.MINUTES_IN_REVIEW, "Send referatet til kommentering", "primary"),
                                  (MeetingStatus.MINUTES_APPROVED, "Godkend referatet", "secondary")],
    MeetingStatus.MINUTES_IN_REVIEW: [(MeetingStatus.MINUTES_APPROVED, "Godkend referatet", "primary")],
    MeetingStatus.MINUTES_APPROVED: [(MeetingStatus.MINUTES_PUBLISHED, "Offentliggør referatet", "primary")],
    MeetingStatus.CANCELLED: [(MeetingStatus.PLANNED, "Genoptag mødet", "secondary")],
}


MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
          "november", "december"]


def calendar(request):
    """A year's meetings per cluster, covering all its bodies.

    Without a cluster (every cluster in the country, about a thousand meetings a year) the page
    shows one month at a time, with the year's months and their counts to choose from: this
    month when the year is the current one, else the first month of the year with meetings.
    """
    params = query_params(request)
    today = timezone.localdate()
    year = params.year("aar", default=today.year)
    month = params.integer("maaned", label="Måneden", default=None, minimum=1, maximum=12)
    clusters = list(Body.objects.filter(kind__groups_bodies=True).order_by("name"))
    cluster = next((c for c in clusters if c.slug == request.GET.get("klynge")), None)
    meetings = Meeting.objects.filter(date__year=year).order_by("date", "start")
    month_links = []
    if cluster is not None:
        meetings = meetings.for_bodies(descendant_ids(cluster))
        month = None
    else:
        counts = _month_counts(meetings, year)
        if month is None:
            month = today.month if year == today.year else min((n for n in counts if counts[n]), default=1)
        meetings = meetings.filter(date__range=_month_range(year, month))
        month_links = [{"number": n, "name": MONTHS[n - 1], "count": counts.get(n, 0), "current": n == month}
                       for n in range(1, 13)]
    months = {}
    for row in _calendar_rows(meetings):
        months.setdefault(row["month"], []).append(row)
    return render(request, "meetings/calendar.html", {
        "year": year, "years": range(max(year - 3, YEAR_MIN), min(year + 3, YEAR_MAX + 1)),
        "clusters": clusters, "cluster": cluster, "month": MONTHS[month - 1] if month else "",
        "month_links": month_links,
        "months": [(first, calendar_rows_html(rows)) for first, rows in sorted(months.items())], "today": today,
    })


def _month_range(year: int, month: int) -> tuple[datetime.date, datetime.date]:
    """The first and last day of a month: a range the date index answers (SQLite computes a month
    extract in Python, once per row)."""
    first = datetime.date(year, month, 1)
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return first, following - datetime.timedelta(days=1)


def _month_counts(meetings, year: int) -> dict[int, int]:
    """Meetings per month of the year, {1: n, ..., 12: n}, in one query of twelve date-range counts."""
    counts = meetings.order_by().aggregate(**{
        f"m{n}": Count("pk", filter=Q(date__range=_month_range(year, n))) for n in range(1, 13)})
    return {n: counts[f"m{n}"] for n in range(1, 13)}


def _calendar_rows(meetings):
    """The calendar's meetings as plain dicts, each value as calendar.html prints it: the address from
    one reverse() for the page, dates and times formatted once per distinct value with the template
    filters themselves (so the text is the same), the co-hosts' names joined as the page joins them.

    Read as values, not models: only the columns the calendar prints (a meeting's timestamps and uid
    cost more to parse than the rest of its row), and no Meeting and Body built per row (a month of
    the national calendar holds some 350 meetings)."""
    meeting_url = UrlPattern("meetings:meeting")
    statuses = {value: str(label) for value, label in Meeting._meta.get_field("status").flatchoices}
    found = list(meetings.values_list("pk", "date", "start", "end", "status", "body__name"))
    co_host_names = _co_host_names([row[0] for row in found])
    dates, times = {}, {}
    rows = []
    for pk, date, start, end, status, body_name in found:
        date_label = dates.get(date)
        if date_label is None:
            date_label = dates[date] = capfirst(date_filter(date, "l j. F"))
        for value in (start, end):
            if value not in times:
                times[value] = time_filter(value, "H:i")
        names = [conditional_escape(name) for name in sorted(co_host_names.get(pk, ()))]  # as co_host_list
        co_hosts = ""
        if names:  # "A", "A og B", "A, B og C", each name escaped as {{ b.name }} would be
            co_hosts = mark_safe(names[0] if len(names) == 1 else ", ".join(names[:-1]) + " og " + names[-1])
        rows.append({"month": date.replace(day=1), "url": meeting_url(pk), "date_label": date_label,
                     "start": times[start], "end": times[end], "body_name": body_name,
                     "co_hosts": co_hosts, "status": statuses.get(status, status)})
    return rows


def _co_host_names(meeting_ids) -> dict[int, list[str]]:
    """Meeting id -> the names of its co-hosts (joint meetings), in one query."""
    names = {}
    through = Meeting.co_hosts.through.objects.filter(meeting_id__in=meeting_ids).order_by()
    for meeting_id, name in through.values_list("meeting_id", "body__name"):
        names.setdefault(meeting_id, []).append(name)
    return names


# One meeting of the calendar, exactly as calendar.html's loop wrote it: a month of the national calendar
# holds some 350 meetings, six variables and an `if` a row in the template engine (core.rows). The co-hosts
# come ready and safe from _calendar_rows.
CALENDAR_ROW = ('<tr><td><a href="{url}">{date_label}</a></td><td>{start}–{end}</td><td>{body_name}{co_hosts}</td>'
                '<td>{status}</td></tr>')
CO_HOSTS = '<br><span class="form-hint">Fællesmøde med {}</span>'


def calendar_rows_html(rows):
    """The rows of ``_calendar_rows`` as calendar.html's table body."""
    return format_rows(CALENDAR_ROW, (
        {"url": row["url"], "date_label": row["date_label"], "start": row["start"], "end": row["end"],
         "body_name": row["body_name"], "status": row["status"],
         "co_hosts": format_html(CO_HOSTS, row["co_hosts"]) if row["co_hosts"] else ""} for row in rows))


def body_meetings(request, slug):
    body = _body_or_404(slug)
    meetings = (Meeting.objects.for_bodies([body.pk]).select_related("body").prefetch_related("co_hosts")
                .order_by("-date", "-start"))
    return render(request, "meetings/body_meetings.html", {
        "body": body, "meetings": meetings, "can_edit": visibility.permissions.can_edit_body(request.user, body),
        "today": timezone.localdate(), "forward": body.forward(),
    })


@login_required
def meeting_add(request, slug):
    body = _body_or_404(slug)
    if not visibility.permissions.can_edit_body(request.user, body):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    refused = refuse_for_ended_body(request, body, "nye møder", "meetings:meeting_add")
    if refused:
        return refused
    # The involvement page links here to schedule a joint meeting: ?medvaert=<slug> (repeatable), ?titel=.
    initial = {"title": request.GET.get("titel", "")[:200],
               "co_hosts": list(Body.objects.filter(slug__in=request.GET.getlist("medvaert")[:20])
                                .exclude(pk=body.pk).values_list("pk", flat=True))}
    form = MeetingForm(request.POST or None, instance=Meeting(body=body), initial=initial)
    if request.method == "POST" and form.is_valid():
        meeting = form.save()
        messages.success(request, "Mødet er oprettet. Byg dagsordenen nedenfor.")
        return redirect(meeting)
    return render(request, "meetings/form.html", {
        "form": form, "title": f"Nyt møde i {body}", "submit": "Opret møde", "cancel_url": body.get_absolute_url(),
    })


@login_required
def meeting_edit(request, pk):
    meeting = get_meeting(pk)
    require_edit(request.user, meeting)
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        changes = form.schedule_changes()
        reason = form.cleaned_data.get("reason", "").strip()
        with transaction.atomic():
            meeting = form.save(commit=False)
            if changes:
                meeting.sequence += 1  # calendar programs update the event they already have
            if reason:
                meeting._change_reason = f"Ændret efter offentliggørelse: {reason}"[:100]
            meeting.save()
            form.save_m2m()
            if reason and meeting.minutes_locked:
                MinutesRevision.objects.create(meeting=meeting, reason=reason, made_by=request.user,
                                               changes=changes)
        messages.success(request, "Mødet er opdateret.")
        return redirect(meeting)
    return render(request, "meetings/form.html", {
        "form": form, "title": f"Rediger mødet {meeting}", "submit": "Gem", "cancel_url": meeting.get_absolute_url(),
    })


def meeting_detail(request, pk):
    meeting = get_meeting(pk)
    user = request.user
    can_edit = visibility.can_edit_meeting(user, meeting)
    see_closed = visibility.can_see_closed(user, meeting)  # once: each check is a query
    show_agenda = visibility.can_see_agenda(user, meeting)
    show_minutes = visibility.can_see_minutes(user, meeting)
    items, slots, overrun = [], [], 0
    if show_agenda:
        # Lists on the items (to_attr), not prefetched managers: the same queries, without a queryset
        # built per item and relation to hold each item's rows (_prepare_items reads the lists).
        items = list(meeting.items.prefetch_related(
            Prefetch("presenters", to_attr="presenter_list"),
            Prefetch("recommendations", to_attr="recommendation_list"),
            Prefetch("attachments", to_attr="attachment_list"), Prefetch("tasks", to_attr="task_list"),
            "task_list__owner_person", "task_list__owner_organisation",
        ).order_by("position", "pk"))
        slots = timeplan.compute_slots(meeting.date, meeting.start, meeting.end, items)
        overrun = timeplan.overrun_minutes(meeting.date, meeting.start, meeting.end, items)
        for item in items:
            item.ref = item_label(item)  # "punkt 3", or a break by its title, for links read aloud
        if can_edit:
            _mark_moves(items)
        _attach_comments(user, meeting, items, can_edit)
        items = [visibility.redact(item, see_closed) for item in items]
        items = _prepare_items(items, slots, can_edit)
    attendance = list(meeting.attendance.select_related("person", "organisation", "on_behalf_of", "item")) \
        if show_minutes else []
    attendance.sort(key=lambda a: ATTENDANCE_ORDER.get(a.status, 9))  # present first, apologies last
    if not see_closed:
        # A guest invited for a closed item would reveal what the item was about.
        attendance = [a for a in attendance if not (a.item_id and a.item.closed)]
    roles = list(meeting.roles.select_related("person").order_by("role", "position", "pk"))
    return render(request, "meetings/meeting.html", {
        "chair": next((r.person for r in roles if r.role == "chair"), None),
        "minute_takers": [r.person for r in roles if r.role == "minute_taker"],
        "meeting": meeting, "body": meeting.body, "rows": items,
        "overrun": overrun, "can_edit": can_edit, "show_agenda": show_agenda, "show_minutes": show_minutes,
        "can_comment": meeting.status == MeetingStatus.MINUTES_IN_REVIEW and see_closed
        and user.is_authenticated,
        "attendance": attendance, "next_steps": NEXT_STEPS.get(meeting.status, []) if can_edit else [],
        "can_cancel": can_edit and MeetingStatus.CANCELLED in actions.TRANSITIONS.get(meeting.status, set()),
        "breadcrumbs": [*reversed(meeting.body.ancestors()), meeting.body],
        "body_label": meeting.body.short_name or meeting.body.name, "agenda_open": meeting.agenda_open,
        "minutes_writable": meeting.status in (MeetingStatus.HELD, MeetingStatus.MINUTES_DRAFT,
                                               MeetingStatus.MINUTES_IN_REVIEW),
        "incoming": _incoming_proposals(meeting) if can_edit else [],
        "logged_in": user.is_authenticated,
        "can_propose": see_closed,
        "revisions": visibility.visible_revisions(user, meeting),
        "online_link": visibility.online_link_for(user, meeting),
        "can_see_closed": see_closed,
        "apologies": _apologies_state(user, meeting),
    })


def _prepare_items(items, slots, can_edit):
    """The agenda's items as plain dicts for meeting.html: every address, label and choice the
    template shows already worked out, each address pattern reversed once for the page (not once per
    item and link), so the template does lookups and no work. ``items`` are already redacted: a closed
    item the user may not see is a stub (number and "closed" only) and stays one here."""
    url = {name: UrlPattern(f"meetings:{name}") for name in (
        "matter", "task", "task_edit", "attachment", "attachment_delete", "item_comment", "item_edit",
        "item_move", "attachment_add", "item_minutes", "task_add", "propose", "item_delete")}
    prepared = []
    for item, slot in zip(items, slots, strict=True):
        pk, number = item.pk, item.number
        # Numbers the template prints go in as text: an int would pass through localize() each time it is
        # printed (USE_THOUSAND_SEPARATOR is off, so the text is the same). 0 and None stay as they are:
        # the template tests "item.number" and prints None as "None", as before.
        row = {"pk": str(pk), "number": str(number) if number else number, "title": item.title, "kind": item.kind,
               "closed": item.closed,
               "redacted": getattr(item, "redacted", False),
               "anchor": f"#punkt-{number}" if number else f"#pause-{pk}",
               "slot_label": slot.label(), "overruns": slot.overruns}
        if not row["redacted"]:
            attachments = []
            for a in item.attachment_list:
                attachments.append({
                    "title": a.title, "contains_cpr": a.contains_cpr,
                    "url": url["attachment"](a.pk) if a.file and (not a.contains_cpr or can_edit) else "",
                    "delete_url": url["attachment_delete"](a.pk) if can_edit else "",
                })
            tasks = item.task_list
            row.update({
                "kind_display": item.get_kind_display(),
                "presenters": [p.name for p in item.presenter_list],
                "case_number": item.case_number,
                "matter_url": url["matter"](item.matter_id) if item.matter_id else "",
                "summary": item.summary, "description": item.description, "minutes": item.minutes,
                "decision": item.decision,
                "recommendations": [{"text": r.text, "outcome": r.outcome, "outcome_display": r.get_outcome_display(),
                                     "decision_text": r.decision_text} for r in item.recommendation_list],
                "tasks": bool(tasks),
                "top_tasks": [{"url": url["task"](t.pk), "description": t.description, "owner_label": t.owner_label,
                               "due": t.due, "status": t.get_status_display(),
                               "edit_url": url["task_edit"](t.pk) if can_edit and t.is_open else ""}
                              for t in tasks if not t.parent_id],
                "comments_shown": item.comments_shown, "ref": item.ref, "attachments": attachments,
                "comment_url": url["item_comment"](pk), "propose_url": url["propose"](pk),
            })
            if can_edit:
                row.update({
                    "can_move_up": getattr(item, "can_move_up", False),
                    "can_move_down": getattr(item, "can_move_down", False),
                    "edit_url": url["item_edit"](pk), "move_url": url["item_move"](pk),
                    "attachment_add_url": url["attachment_add"](pk), "minutes_url": url["item_minutes"](pk),
                    "task_add_url": url["task_add"](pk), "delete_url": url["item_delete"](pk),
                })
        prepared.append(row)
    return prepared


def _apologies_state(user, meeting):
    """For a member of the body and a meeting still to come: their own attendance row (or None)."""
    from .personal import APOLOGIES_OPEN, attending_membership, person_of

    if meeting.status not in APOLOGIES_OPEN or meeting.date < timezone.localdate():
        return None
    person = person_of(user)
    if attending_membership(person, meeting) is None:
        return None
    return {"mine": meeting.attendance.filter(person=person).first()}


# The order of the groups in the list of participants, as Danish minutes have them.
ATTENDANCE_ORDER = {AttendanceStatus.PRESENT: 0, AttendanceStatus.SUBSTITUTE: 1, AttendanceStatus.GUEST: 2,
                    AttendanceStatus.APOLOGIES: 3}


def _mark_moves(items):
    """Offer "Flyt op"/"Flyt ned" only where a move changes something: not past either end, and not
    across the line between the main items and the written briefings (renumbering undoes that)."""
    for index, item in enumerate(items):
        before = items[index - 1] if index else None
        after = items[index + 1] if index + 1 < len(items) else None
        item.can_move_up = before is not None and before.is_after_main_items == item.is_after_main_items
        item.can_move_down = after is not None and after.is_after_main_items == item.is_after_main_items


def _incoming_proposals(meeting):
    return list(Proposal.objects.filter(target_body=meeting.body, status=ProposalStatus.PENDING)
                .select_related("source_item__meeting__body"))


@login_required
@require_POST
def meeting_status(request, pk):
    meeting = get_meeting(pk)
    require_edit(request.user, meeting)
    target = request.POST.get("status", "")
    if target not in MeetingStatus.values:
        messages.error(request, "Vælg en af knapperne for mødets næste skridt.")
        return redirect(meeting)
    try:
        with transaction.atomic():
            meeting = actions.transition(meeting, target, request.user, request.POST.get("reason", "").strip())
            _notify(meeting, target)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(meeting)
    messages.success(request, f"Mødets status er nu: {meeting.get_status_display()}.")
    return redirect(meeting)


def _attach_comments(user, meeting, items, can_edit):
    """Review-round comments on the draft minutes: the secretariat sees every comment, a member their own."""
    for item in items:
        item.comments_shown = []
    if meeting.status not in (MeetingStatus.MINUTES_IN_REVIEW, MeetingStatus.MINUTES_APPROVED) or not (
            user.is_authenticated and visibility.can_see_closed(user, meeting)):
        return
    comments = MinutesComment.objects.filter(item__meeting=meeting)
    if not can_edit:
        comments = comments.filter(author=user)
    by_item = {}
    for comment in comments:
        by_item.setdefault(comment.item_id, []).append(comment)
    for item in items:
        item.comments_shown = by_item.get(item.pk, [])


def _notify(meeting, status):
    from ..publishing import notify

    if status == MeetingStatus.AGENDA_PUBLISHED:
        notify.notify_agenda_published(meeting)
    elif status == MeetingStatus.MINUTES_PUBLISHED:
        notify.notify_minutes_published(meeting)
    elif status == MeetingStatus.MINUTES_IN_REVIEW:
        notify.notify_review_round(meeting)
    elif status == MeetingStatus.CANCELLED:
        notify.notify_meeting_cancelled(meeting)


def next_meeting_of(body: Body, after: datetime.date | None = None):
    after = after or timezone.localdate()
    return body.meetings.filter(date__gte=after).exclude(status=MeetingStatus.CANCELLED).order_by("date").first()


def meeting_redirect(request, pk):
    return redirect(get_object_or_404(Meeting, pk=pk))
