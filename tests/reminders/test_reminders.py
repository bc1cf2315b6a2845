"""Reminders (issue 13, point 19): a coming meeting's papers and task deadlines, by e-mail through the
outbox, once per person, respecting each person's choice, with the link to change it."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command

from klynge.meetings.choices import AttendanceStatus, MeetingStatus, TaskOwnerKind
from klynge.meetings.models import Attendance, MailPreference, Task
from klynge.outbox.delivery import deliver_due
from klynge.outbox.models import OutgoingMail
from klynge.reminders import jobs, rules
from klynge.reminders.models import SentReminder
from klynge.reminders.sending import send_due_reminders
from tests.meetings.factories import make_item, make_meeting, make_person

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2027, 3, 1)


def test_the_rules_say_when_a_task_or_meeting_is_due_for_a_reminder():
    assert rules.task_reminder(TODAY + datetime.timedelta(days=3), TODAY) == "due"
    assert rules.task_reminder(TODAY, TODAY) == "due"
    assert rules.task_reminder(TODAY + datetime.timedelta(days=4), TODAY) == ""
    assert rules.task_reminder(TODAY - datetime.timedelta(days=1), TODAY) == "overdue"
    assert rules.task_reminder(TODAY - datetime.timedelta(days=30), TODAY) == ""
    assert rules.task_reminder(None, TODAY) == ""
    assert rules.meeting_window(TODAY) == (datetime.date(2027, 3, 2), datetime.date(2027, 3, 4))


def _meeting(structure, days=2, **kw):
    meeting = make_meeting(structure.political, date=TODAY + datetime.timedelta(days=days),
                           status=MeetingStatus.AGENDA_PUBLISHED, **kw)
    make_item(meeting, title="Hemmelig titel på et lukket punkt", closed=True)
    return meeting


def test_members_are_reminded_of_a_coming_meeting_once_with_the_settings_link_and_no_titles(
        structure, member_user, settings):
    settings.KLYNGE_SITE_URL = "https://klynge.example.dk"
    meeting = _meeting(structure)
    assert send_due_reminders(TODAY) == {"meetings": 1, "tasks": 0}
    row = OutgoingMail.objects.get(kind="reminder")
    assert row.to == member_user.person.email and row.body == structure.political
    assert row.subject == f"Påmindelse: møde i {structure.political.name} 3. marts 2027"
    assert "onsdag 3. marts 2027" in row.text and f"/moeder/{meeting.pk}/" in row.text
    assert "https://klynge.example.dk/mit-overblik/e-mails/" in row.text
    assert "Hemmelig titel" not in row.text
    # The next run, or a run beside it, sends nothing again.
    assert send_due_reminders(TODAY) == {"meetings": 0, "tasks": 0}
    assert send_due_reminders(TODAY + datetime.timedelta(days=1)) == {"meetings": 0, "tasks": 0}
    assert SentReminder.objects.count() == 1
    # Sent by the outbox with Auto-Submitted.
    deliver_due()
    message = mail.outbox[-1].message()
    assert message["Auto-Submitted"] == "auto-generated"


@pytest.mark.parametrize("days,status", [(4, MeetingStatus.AGENDA_PUBLISHED), (0, MeetingStatus.AGENDA_PUBLISHED),
                                         (2, MeetingStatus.PLANNED), (2, MeetingStatus.CANCELLED)])
def test_no_meeting_reminder_too_early_on_the_day_before_the_agenda_is_out_or_for_a_cancelled_meeting(
        structure, member_user, days, status):
    make_meeting(structure.political, date=TODAY + datetime.timedelta(days=days), status=status)
    assert send_due_reminders(TODAY)["meetings"] == 0


def test_no_reminder_to_a_member_who_said_no_to_reminders_or_has_sent_apologies(structure, member_user):
    meeting = _meeting(structure)
    MailPreference.objects.create(person=member_user.person, reminders=False)
    assert send_due_reminders(TODAY)["meetings"] == 0
    MailPreference.objects.filter(person=member_user.person).update(reminders=True)
    Attendance.objects.create(meeting=meeting, person=member_user.person, status=AttendanceStatus.APOLOGIES)
    assert send_due_reminders(TODAY)["meetings"] == 0
    assert not OutgoingMail.objects.exists()


def test_the_owner_of_a_task_is_reminded_before_the_deadline_and_once_after_it(structure):
    owner = make_person("Opgave Ejer", email="ejer@example.invalid")
    meeting = make_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED)
    task = Task.objects.create(item=make_item(meeting, title="Status"), description="Skriv oplæg om mål",
                               owner_kind=TaskOwnerKind.PERSON, owner_person=owner,
                               due=TODAY + datetime.timedelta(days=2))
    hidden = Task.objects.create(item=make_item(meeting, title="Lukket", closed=True),
                                 description="Fortrolig forhandling", owner_kind=TaskOwnerKind.PERSON,
                                 owner_person=owner, due=TODAY + datetime.timedelta(days=1))
    assert send_due_reminders(TODAY) == {"meetings": 0, "tasks": 2}
    texts = {m.subject: m.text for m in OutgoingMail.objects.filter(to="ejer@example.invalid")}
    assert all(s.startswith("Påmindelse: frist for en opgave") for s in texts)
    joined = "\n".join(texts.values())
    assert "Skriv oplæg om mål" in joined and "Fortrolig forhandling" not in joined
    assert "lukket punkt" in joined and "/mit-overblik/e-mails/" in joined
    assert send_due_reminders(TODAY + datetime.timedelta(days=1))["tasks"] == 0
    # Past the deadline and still open: one more.
    hidden.status = "done"
    hidden.closed_note = "Afsluttet"
    hidden.save()
    later = TODAY + datetime.timedelta(days=3)
    assert send_due_reminders(later)["tasks"] == 1
    assert OutgoingMail.objects.filter(subject__startswith="Fristen for en opgave er overskredet").count() == 1
    assert send_due_reminders(later)["tasks"] == 0
    # A new deadline is a new reminder.
    task.due = later + datetime.timedelta(days=1)
    task.save()
    assert send_due_reminders(later)["tasks"] == 1


def test_the_command_sends_the_due_reminders(structure, member_user):
    make_meeting(structure.political, date=datetime.date.today() + datetime.timedelta(days=1),
                 status=MeetingStatus.AGENDA_PUBLISHED)
    out = io.StringIO()
    call_command("reminders", "send", stdout=out)
    assert "Påmindelser lagt i udbakken: 1 om møder, 0 om opgavefrister." in out.getvalue()


def test_a_starting_worker_queues_the_daily_job_once_and_it_books_its_next_run(structure, member_user, job_queue):
    from django_tasks_db.models import DBTaskResult

    from klynge.jobs.worker import schedule_periodic_jobs

    make_meeting(structure.political, date=datetime.date.today() + datetime.timedelta(days=2),
                 status=MeetingStatus.AGENDA_PUBLISHED)
    schedule_periodic_jobs()
    schedule_periodic_jobs()  # a second worker: still one job
    path = jobs.send_reminders_job.module_path
    assert DBTaskResult.objects.filter(task_path=path, status="READY").count() == 1
    job_queue()
    assert OutgoingMail.objects.filter(kind="reminder").count() == 1
    waiting = DBTaskResult.objects.get(task_path=path, status="READY")
    assert waiting.run_after > datetime.datetime.now(datetime.UTC)
    assert jobs.timezone.localtime(waiting.run_after).hour == jobs.HOUR


def test_a_joint_meeting_reminds_the_members_of_every_host_once_each(structure, member_user):
    from tests.meetings.factories import make_membership

    meeting = _meeting(structure)
    meeting.co_hosts.add(structure.other_body)
    guest_host_member = make_person("Åse Ærø", email="aase@example.invalid")
    make_membership(guest_host_member, structure.other_body)
    make_membership(member_user.person, structure.other_body)  # seated in both hosts: one reminder
    assert send_due_reminders(TODAY)["meetings"] == 2
    assert sorted(OutgoingMail.objects.filter(kind="reminder").values_list("to", flat=True)) == sorted(
        [member_user.person.email, "aase@example.invalid"])
