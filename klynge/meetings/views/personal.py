"""A person's own pages: Mit overblik, apologies for a coming meeting, the private calendar
address and which e-mails they want."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from klynge.organisation import permissions
from klynge.organisation.choices import Role
from klynge.organisation.models import Membership, Person

from .. import visibility
from ..choices import OPEN_TASK_STATUSES, AttendanceStatus, MeetingStatus, ProposalStatus
from ..forms import ApologiesForm, MailPreferenceForm
from ..models import Attendance, MailPreference, Meeting, PersonalFeed, Proposal, Task
from ..publishing import ics
from ..publishing.links import absolute
from .common import get_meeting

# Meetings a member may still send apologies for.
APOLOGIES_OPEN = (MeetingStatus.PLANNED, MeetingStatus.AGENDA_PUBLISHED)


def person_of(user) -> Person | None:
    if not user.is_authenticated:
        return None
    return Person.objects.filter(user=user).first()


def served_body_ids(user) -> set[int]:
    """The bodies a secretariat serves: its own seats and every body under them (an administrator
    without seats serves none here; the overview is about one's own work)."""
    return permissions.editable_body_ids(user)  # the same set, cached per request


def attending_membership(person, meeting):
    """The person's active seat that makes them attend the meeting (not a secretariat seat): in the lead
    body, else in a co-host of a joint meeting."""
    if person is None:
        return None
    seats = (Membership.objects.active().filter(person=person, body_id__in=meeting.host_ids())
             .exclude(role=Role.SECRETARIAT).select_related("organisation"))
    return min(seats, key=lambda m: (m.body_id != meeting.body_id, m.pk), default=None)


def _papers(user, meeting):
    """The attachments this user may open for a coming meeting, in agenda order."""
    if not visibility.can_see_agenda(user, meeting):
        return []
    items = list(meeting.items.prefetch_related("attachments").order_by("position", "pk"))
    papers = []
    for item in visibility.visible_items(user, meeting, items):
        if getattr(item, "redacted", False):
            continue
        for attachment in item.attachments.all():
            if attachment.file and visibility.can_download_attachment(user, attachment):
                papers.append((item, attachment))
    return papers


@login_required
@require_safe
def overview(request):
    user = request.user
    person = person_of(user)
    today = timezone.localdate()
    member_ids = permissions.member_body_ids(user) - permissions.secretariat_body_ids(user)
    served = served_body_ids(user)
    bodies = member_ids | served
    my_attendance = {}
    if person is not None:
        my_attendance = {a.meeting_id: a for a in Attendance.objects.filter(
            person=person, meeting__date__gte=today).select_related("on_behalf_of")}
        substitutes = {a.meeting_id: a for a in Attendance.objects.filter(
            on_behalf_of=person, meeting__date__gte=today).select_related("person")}
    else:
        substitutes = {}
    coming = []
    for meeting in (Meeting.objects.upcoming(today).for_bodies(bodies).select_related("body")
                    .prefetch_related("co_hosts")
                    .order_by("date", "start")[:20]):
        coming.append({
            "meeting": meeting,
            "agenda": visibility.can_see_agenda(user, meeting),
            "papers": _papers(user, meeting),
            "members_packet": visibility.can_see_closed(user, meeting) and visibility.can_see_agenda(user, meeting),
            "attendance": my_attendance.get(meeting.pk),
            "substitute": substitutes.get(meeting.pk),
            "may_apologise": meeting.body_id in member_ids and meeting.status in APOLOGIES_OPEN,
            "served": meeting.body_id in served,
        })
    open_tasks = Task.objects.none()
    if person is not None:
        open_tasks = Task.objects.filter(owner_person=person, status__in=OPEN_TASK_STATUSES)
    my_tasks = list(visibility.visible_tasks(user, open_tasks).select_related("item__meeting__body")
                    .order_by("due", "pk")[:50])
    body_tasks = []
    if served:
        body_tasks = list(visibility.visible_tasks(user, Task.objects.filter(
            Q(owner_body_id__in=served) | Q(owner_body__isnull=True, item__meeting__body_id__in=served),
            status__in=OPEN_TASK_STATUSES,
        )).select_related("item__meeting__body", "owner_person", "owner_organisation", "owner_body")
            .order_by("due", "pk")[:50])
    proposals = list(Proposal.objects.filter(visibility.visible_proposals_q(user), proposed_by=user)
                     .select_related("target_body", "resulting_item__meeting").order_by("-created")[:20])
    incoming = []
    if served:
        incoming = list(Proposal.objects.filter(visibility.visible_proposals_q(user), target_body_id__in=served,
                                                status=ProposalStatus.PENDING).select_related("target_body")
                        .order_by("created")[:20])
    in_review = list(Meeting.objects.filter(body_id__in=bodies, status=MeetingStatus.MINUTES_IN_REVIEW)
                     .select_related("body").order_by("-date"))
    feed = PersonalFeed.objects.filter(user=user).first()
    return render(request, "meetings/overview.html", {
        "person": person, "coming": coming, "my_tasks": my_tasks, "body_tasks": body_tasks,
        "proposals": proposals, "incoming": incoming, "in_review": in_review, "today": today,
        "feed_url": absolute(reverse("meetings:personal_ics", args=[feed.address_token]), request) if feed else "",
        "has_bodies": bool(bodies), "serves": bool(served),
    })


@login_required
@require_POST
def feed_renew(request):
    """Create the private calendar address, or replace it (the old one stops working at once)."""
    feed = PersonalFeed.objects.filter(user=request.user).first()
    if feed is None:
        PersonalFeed.objects.create(user=request.user)
        messages.success(request, "Din personlige kalender er oprettet. Kopiér adressen ind i din kalender.")
    else:
        feed.renew()
        messages.success(request, "Din kalender har fået en ny adresse. Den gamle virker ikke længere.")
    return redirect("meetings:overview")


@require_safe
def personal_ics(request, token: str):
    """The private feed: meetings of the bodies the user may see members-only content of *now*,
    with closed items and the meeting link as this user may see them (``visibility``)."""
    feed = PersonalFeed.for_address(token)
    if feed is None or not feed.user.is_active:
        raise Http404("Kalenderen findes ikke.")
    user = feed.user
    ids = permissions.member_body_ids(user) | served_body_ids(user) | permissions.archive_body_ids(user)
    person = person_of(user)
    name = person.name if person else user.get_username()
    content = ics.render_feed(ics.feed_meetings(ids), f"Mine møder ({name})", uid=f"personlig-{feed.pk}@klynge",
                              request=request, user=user)
    response = HttpResponse(content, content_type=ics.CONTENT_TYPE)
    response["Content-Disposition"] = 'inline; filename="mine-moeder.ics"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


@login_required
def apologies(request, pk):
    """A member sends apologies for a coming meeting, naming a substitute if they like."""
    meeting = get_meeting(pk)
    person = person_of(request.user)
    membership = attending_membership(person, meeting)
    if membership is None:
        raise PermissionDenied("Kun mødets medlemmer kan melde afbud.")
    if meeting.status not in APOLOGIES_OPEN or meeting.date < timezone.localdate():
        messages.error(request, "Der kan kun meldes afbud til kommende møder, der ikke er aflyst.")
        return redirect(meeting)
    mine = Attendance.objects.filter(meeting=meeting, person=person).first()
    current_sub = Attendance.objects.filter(meeting=meeting, on_behalf_of=person,
                                            status=AttendanceStatus.SUBSTITUTE).select_related("person").first()
    if request.method == "POST" and "withdraw" in request.POST:
        if mine is not None and mine.status == AttendanceStatus.APOLOGIES:
            mine.delete()
            Attendance.objects.filter(meeting=meeting, on_behalf_of=person,
                                      status=AttendanceStatus.SUBSTITUTE).delete()
            messages.success(request, "Dit afbud er trukket tilbage.")
        return redirect(meeting)
    form = ApologiesForm(request.POST or None, person=person, meeting=meeting,
                         initial={"substitute": current_sub.person_id if current_sub else None})
    if request.method == "POST" and form.is_valid():
        substitute = form.cleaned_data["substitute"]
        taken = substitute and Attendance.objects.filter(meeting=meeting, person=substitute).exclude(
            on_behalf_of=person).exists()
        if taken:
            form.add_error("substitute", f"{substitute.name} er allerede registreret ved mødet.")
        else:
            if mine is None:
                Attendance.objects.create(meeting=meeting, person=person, status=AttendanceStatus.APOLOGIES,
                                          organisation=membership.organisation)
            elif mine.status != AttendanceStatus.APOLOGIES:
                mine.status = AttendanceStatus.APOLOGIES
                mine.save()
            if current_sub is not None and (substitute is None or current_sub.person_id != substitute.pk):
                current_sub.delete()
                current_sub = None
            if substitute is not None and current_sub is None:
                Attendance.objects.create(meeting=meeting, person=substitute, status=AttendanceStatus.SUBSTITUTE,
                                          on_behalf_of=person, organisation=membership.organisation)
            text = f" {substitute.name} deltager på dine vegne." if substitute else ""
            messages.success(request, f"Dit afbud er sendt til sekretariatet.{text}")
            return redirect(meeting)
    return render(request, "meetings/apologies.html", {
        "meeting": meeting, "form": form, "mine": mine, "current_sub": current_sub,
        "breadcrumbs": [*reversed(meeting.body.ancestors()), meeting.body],
    })


@login_required
def mail_settings(request):
    """Which e-mails the signed-in person wants."""
    person = person_of(request.user)
    if person is None:
        return render(request, "meetings/mail_settings.html", {"form": None})
    preference = MailPreference.objects.filter(person=person).first() or MailPreference(person=person)
    form = MailPreferenceForm(request.POST or None, instance=preference)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Dine valg af e-mails er gemt.")
        return redirect("meetings:mail_settings")
    return render(request, "meetings/mail_settings.html", {"form": form, "person": person})
