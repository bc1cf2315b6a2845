"""Reminders by e-mail: a coming meeting's papers, a task's deadline. Through the outbox.

``send_due_reminders()`` is run once a day by the background job (``klynge.reminders.jobs``) or by
``klynge reminders send``. Each reminder goes once to each person (``SentReminder``), only to people
who have not said no to reminders (``MailPreference.reminders``), with the link to change that.
The outbox adds ``Auto-Submitted: auto-generated`` to every mail.

What a reminder says is what its reader may read outside the site: a meeting reminder names the body,
the date and the place, never the agenda's titles; a task from a closed item is named only as such.
"""

from __future__ import annotations

import datetime
import logging

from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from klynge.core import formats
from klynge.core.accounts import mail_settings_url
from klynge.meetings.choices import OPEN_TASK_STATUSES, AttendanceStatus, MeetingStatus
from klynge.meetings.models import Attendance, Meeting, Task
from klynge.meetings.publishing.links import absolute, meeting_path
from klynge.organisation.models import Membership
from klynge.outbox import queue_mail

from . import rules
from .models import SentReminder

log = logging.getLogger(__name__)


def _once(key: str, person, to: str, subject: str, body: str, body_obj) -> bool:
    """Queue the mail unless this person already had this reminder; True when queued."""
    try:
        with transaction.atomic():
            SentReminder.objects.create(key=key, person=person)
            queue_mail(to, subject, body, body_obj=body_obj, kind="reminder")
    except IntegrityError:  # sent before (or by a run beside this one)
        return False
    return True


def meeting_reminders(today: datetime.date) -> int:
    """The active members of the hosting bodies (a joint meeting has several), a few days before a meeting whose
    agenda is published: the papers are ready to read. Not to those who have sent apologies."""
    first, last = rules.meeting_window(today)
    meetings = (Meeting.objects.filter(status=MeetingStatus.AGENDA_PUBLISHED, date__gte=first, date__lte=last)
                .select_related("body").prefetch_related("co_hosts").order_by("date", "pk"))
    queued = 0
    for meeting in meetings:
        away = set(Attendance.objects.filter(meeting=meeting, status=AttendanceStatus.APOLOGIES)
                   .values_list("person_id", flat=True))
        memberships = (Membership.objects.active(meeting.date).filter(body_id__in=meeting.host_ids())
                       .exclude(person__email="").exclude(person__mail_preference__reminders=False)
                       .select_related("person").order_by("person__name"))
        people = {m.person.pk: m.person for m in memberships if m.person.pk not in away}
        if not people:
            continue
        context = {
            "body_name": meeting.body.name,
            "date_label": formats.date(meeting.date, weekday=True),
            "time_label": formats.time_range(meeting.start, meeting.end) if meeting.start and meeting.end else "",
            "place": meeting.address or meeting.get_place_kind_display(),
            "page_url": absolute(meeting_path(meeting)),
            "packet_url": absolute(reverse("meetings:members_packet_pdf", args=[meeting.pk])),
            "apologies_url": absolute(reverse("meetings:apologies", args=[meeting.pk])),
            "settings_url": mail_settings_url(),
        }
        subject = f"Påmindelse: møde i {meeting.body.name} {formats.date(meeting.date)}"
        for person in people.values():
            body = render_to_string("reminders/email/meeting.txt", {**context, "name": person.name}).strip() + "\n"
            queued += _once(f"meeting:{meeting.pk}:before", person, person.email, subject, body, meeting.body)
    return queued


def task_reminders(today: datetime.date) -> int:
    """The person responsible for an open task, shortly before its deadline and once after it."""
    earliest = today - datetime.timedelta(days=rules.OVERDUE_WINDOW_DAYS)
    latest = today + datetime.timedelta(days=rules.DAYS_BEFORE_DEADLINE)
    tasks = (Task.objects.filter(status__in=OPEN_TASK_STATUSES, due__gte=earliest, due__lte=latest,
                                 owner_person__isnull=False)
             .exclude(owner_person__email="").exclude(owner_person__mail_preference__reminders=False)
             .select_related("owner_person", "item__meeting__body").order_by("due", "pk"))
    queued = 0
    for task in tasks:
        which = rules.task_reminder(task.due, today)
        if not which:
            continue
        meeting = task.item.meeting
        person = task.owner_person
        context = {
            "name": person.name, "which": which, "closed": task.item.closed,
            "description": task.description, "due_label": formats.date(task.due, weekday=True),
            "body_name": meeting.body.name, "meeting_label": formats.date(meeting.date),
            "overview_url": absolute(reverse("meetings:overview")), "settings_url": mail_settings_url(),
        }
        subject = ("Påmindelse: frist for en opgave " if which == "due" else "Fristen for en opgave er overskredet ") \
            + formats.date(task.due)
        body = render_to_string("reminders/email/task.txt", context).strip() + "\n"
        queued += _once(f"task:{task.pk}:{which}:{task.due.isoformat()}", person, person.email, subject, body,
                        meeting.body)
    return queued


def send_due_reminders(today: datetime.date | None = None) -> dict:
    """Queue every reminder that is due today and not sent before; how many of each kind."""
    today = today or timezone.localdate()
    counts = {"meetings": meeting_reminders(today), "tasks": task_reminders(today)}
    log.info("Påmindelser lagt i udbakken: %s", counts)
    return counts
