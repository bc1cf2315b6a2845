from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from klynge.core.cpr import refuse_cpr
from klynge.core.params import query_params

from .. import actions, visibility
from ..choices import ItemKind, MeetingStatus
from ..forms import AttendanceForm, AttendanceRosterForm, MinutesForm, RevisionForm
from ..models import Attendance, MinutesComment, MinutesRevision
from ..models.versioned import StaleEditError
from .common import get_item, get_meeting, item_label, item_url, refused_stale_save, require_edit

MINUTES_EDITABLE = {MeetingStatus.HELD, MeetingStatus.MINUTES_DRAFT, MeetingStatus.MINUTES_IN_REVIEW}


def _refuse_locked(request, meeting):
    if meeting.status not in MINUTES_EDITABLE:
        if meeting.minutes_locked:
            messages.error(request, "Referatet er godkendt og låst. En rettelse kræver en begrundelse: brug "
                                    "“Ret referat”.")
        else:
            messages.error(request, "Referatet kan først skrives, når mødet er afholdt.")
        return True
    return False


@login_required
def item_minutes(request, pk):
    item = get_item(pk)
    meeting = item.meeting
    require_edit(request.user, meeting)
    if _refuse_locked(request, meeting):
        return redirect(meeting)
    form = MinutesForm(request.POST or None, instance=item)
    conflict = None
    if request.method == "POST" and form.is_valid():
        loaded = form.cleaned_data["loaded_version"]
        try:
            with transaction.atomic():
                item = form.save(commit=False)
                item.save_versioned(loaded)
                form.save_recommendations()
        except StaleEditError as stale:
            conflict, form = refused_stale_save(MinutesForm, request, form, stale, loaded)
        else:
            messages.success(request, f"Referatet for {item_label(item)} er gemt.")
            return redirect(item_url(item))
    return render(request, "meetings/versioned_form.html", {
        "form": form, "meeting": meeting, "item": item, "conflict": conflict,
        "submit": "Gem referat", "cancel_url": item_url(item),
        "title": f"Referat for punkt {item.number}: {item.title}",
    })


@login_required
def attendance(request, pk):
    meeting = get_meeting(pk)
    require_edit(request.user, meeting)
    roster_post = request.POST if request.method == "POST" and "roster" in request.POST else None
    single_post = request.POST if request.method == "POST" and "roster" not in request.POST else None
    roster = AttendanceRosterForm(roster_post, meeting=meeting)
    form = AttendanceForm(single_post, instance=Attendance(meeting=meeting), meeting=meeting)
    if roster_post is not None and roster.is_valid():
        data = roster.cleaned_data
        statuses = {m.person_id: data.get(f"status_{m.person_id}", "") for m in roster.members}
        substitutes = {m.person_id: data.get(f"substitute_{m.person_id}", "").strip() for m in roster.members}
        actions.save_attendance_roster(meeting, roster.members, statuses, substitutes, roster.guest_lines())
        messages.success(request, "Deltagelsen er gemt.")
        return redirect("meetings:attendance", pk=meeting.pk)
    if single_post is not None and form.is_valid():
        row = form.save()
        messages.success(request, f"{row.person}: {row.get_status_display().lower()}.")
        return redirect("meetings:attendance", pk=meeting.pk)
    rows = meeting.attendance.select_related("person", "organisation", "on_behalf_of", "item")
    return render(request, "meetings/attendance.html", {"form": form, "roster": roster, "meeting": meeting,
                                                        "rows": rows})


@login_required
@require_POST
def attendance_delete(request, pk):
    row = get_object_or_404(Attendance.objects.select_related("meeting__body"), pk=pk)
    require_edit(request.user, row.meeting)
    row.delete()
    return redirect("meetings:attendance", pk=row.meeting_id)


@login_required
def revise_minutes(request, pk):
    """An explicit, reasoned correction of approved minutes, kept in the history."""
    meeting = get_meeting(pk)
    require_edit(request.user, meeting)
    if not meeting.minutes_locked:
        messages.info(request, "Referatet er ikke godkendt endnu; ret det direkte.")
        return redirect(meeting)
    # Two corrections made from the same page: the second is refused (the meeting carries the version).
    items = list(meeting.items.exclude(kind=ItemKind.BREAK).order_by("position"))
    if request.method == "POST":
        chosen = next((i for i in items if str(i.pk) == request.POST.get("item")), None)
    else:
        wanted = query_params(request).integer("punkt", label="Punktet", default=None, minimum=1,
                                               maximum=2**31 - 1)
        chosen = next((i for i in items if i.pk == wanted), None)
    form = RevisionForm(request.POST or None, meeting=meeting, item=chosen, versioned_record=meeting)
    if request.method == "POST" and form.is_valid():
        item = form.cleaned_data["item"]
        reason = form.cleaned_data["reason"].strip()
        changes = form.changes()
        with transaction.atomic():
            for change in changes:
                if "recommendation_pk" in change:
                    rec = item.recommendations.get(pk=change["recommendation_pk"])
                    setattr(rec, change["field"], change["after"])
                    rec._change_reason = f"Rettelse af godkendt referat: {reason}"
                    rec.save()
                else:
                    setattr(item, change["field"], change["after"])
            item._change_reason = f"Rettelse af godkendt referat: {reason}"
            item.save()
            meeting._change_reason = "Rettelse af godkendt referat"  # the reason itself stays with the item
            meeting.save(update_fields=["modified"])
            MinutesRevision.objects.create(meeting=meeting, reason=reason, made_by=request.user, changes=changes)
        messages.success(request, f"Rettelsen af punkt {item.number} er gemt og vises i referatets historik.")
        return redirect(meeting.get_absolute_url() + "#rettelser")
    return render(request, "meetings/revise_minutes.html", {
        "form": form, "meeting": meeting, "items": items, "chosen": chosen,
        "title": f"Ret det godkendte referat: {meeting}",
    })


def may_comment(user, meeting) -> bool:
    """The review round: the body's members (and its secretariat) comment on draft minutes."""
    return (meeting.status == MeetingStatus.MINUTES_IN_REVIEW and user.is_authenticated
            and visibility.can_see_closed(user, meeting))


@login_required
@require_POST
def item_comment(request, pk):
    """A member's comment on one item of the minutes sent for review."""
    item = get_item(pk)
    meeting = item.meeting
    if not visibility.can_see_closed(request.user, meeting):
        raise PermissionDenied("Kun organets medlemmer kan kommentere referatet.")
    if not may_comment(request.user, meeting):
        messages.error(request, "Referatet er ikke sendt til kommentering, så det kan ikke kommenteres nu.")
        return redirect(item_url(item))
    text = (request.POST.get("text") or "").strip()
    if not text:
        messages.error(request, "Skriv en kommentar, før du sender den.")
        return redirect(item_url(item))
    if len(text) > 4000:
        messages.error(request, "Kommentaren er for lang; skriv højst 4000 tegn.")
        return redirect(item_url(item))
    try:
        refuse_cpr(text, "Kommentaren")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(item_url(item))
    person = getattr(request.user, "person", None)
    MinutesComment.objects.create(item=item, author=request.user, text=text,
                                  author_name=person.name if person else request.user.get_username())
    messages.success(request, f"Din kommentar til {item_label(item)} er sendt til sekretariatet.")
    return redirect(item_url(item))


@login_required
def meeting_roles(request, pk):
    """The secretariat sets who chairs the meeting and who takes the minutes."""
    from ..forms import MeetingRolesForm
    from ..models import MeetingRoleKind

    meeting = get_meeting(pk)
    require_edit(request.user, meeting)
    if meeting.minutes_locked:
        messages.error(request, "Referatet er godkendt og låst, og mødeleder og referenter står i det. "
                                "En rettelse kræver en begrundelse: brug “Ret referat”.")
        return redirect(meeting)
    rows = list(meeting.roles.select_related("person"))
    initial = {"chair": next((r.person for r in rows if r.role == MeetingRoleKind.CHAIR), None),
               "minute_takers": [r.person for r in rows if r.role == MeetingRoleKind.MINUTE_TAKER]}
    form = MeetingRolesForm(request.POST or None, initial=initial, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_meeting_roles(meeting, form.cleaned_data["chair"], list(form.cleaned_data["minute_takers"]))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Mødeleder og referenter er gemt.")
            return redirect(meeting)
    return render(request, "meetings/form.html", {
        "form": form, "meeting": meeting, "title": f"Mødeleder og referenter: {meeting}",
        "intro": "Vises på mødesiden, i dagsordenen og i referatet (også i Word og PDF).",
        "submit": "Gem", "cancel_url": meeting.get_absolute_url(),
    })
