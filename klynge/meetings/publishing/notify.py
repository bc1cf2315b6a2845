"""E-mails to a body's members when an agenda or minutes are published.

Plain text in Danish, queued in the outbox (``klynge.outbox``), which sends them through
Django's e-mail framework, retries and shows failures to the secretariat. E-mails go outside
the site, so they are built from the public version of the document (``public=True``): a
closed item appears only as "Lukket punkt" with its number, whoever receives the mail.
Members follow the link and log in to read more.

Call ``notify_agenda_published(meeting)`` / ``notify_minutes_published(meeting)`` from
the publish action, inside its transaction: once the transaction has committed (never for
a publication that was rolled back) a background job is queued that queues the mails, so
mailing many members never runs inside the web request; a failing mail server is retried
by the outbox and shown to the secretariat, never failing the publication.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task

from klynge.core.accounts import mail_settings_url
from klynge.organisation.models import Membership
from klynge.outbox import queue_mail

from .. import visibility
from ..models import MailPreference
from .document import build_agenda, build_minutes, danish_date, load_meeting
from .links import absolute, meeting_path

log = logging.getLogger(__name__)


def notify_agenda_published(meeting) -> None:
    """Queue the agenda notice to the body's active members once the current transaction commits."""
    pk = meeting.pk
    transaction.on_commit(lambda: send_publication_mail.enqueue(pk, "agenda"), robust=True)


def notify_meeting_cancelled(meeting) -> None:
    """Queue the cancellation notice to the body's active members once the current transaction commits."""
    pk = meeting.pk
    transaction.on_commit(lambda: send_publication_mail.enqueue(pk, "cancelled"), robust=True)


def notify_minutes_published(meeting) -> None:
    """Queue the minutes notice to the body's active members once the current transaction commits."""
    pk = meeting.pk
    transaction.on_commit(lambda: send_publication_mail.enqueue(pk, "minutes"), robust=True)


def notify_review_round(meeting) -> None:
    """The review round: queue a mail to the body's active members once the transaction commits.
    It carries no minutes text (the draft is not public), only the link to log in and comment."""
    pk = meeting.pk
    transaction.on_commit(lambda: send_publication_mail.enqueue(pk, "review"), robust=True)


def send_review_round(meeting_pk: int) -> int:
    meeting = load_meeting(meeting_pk)
    people = recipients(meeting, "review")  # not to those who said no to review rounds
    context = {"body_name": meeting.body.name, "date_label": danish_date(meeting.date, weekday=True),
               "page_url": absolute(meeting_path(meeting)), "settings_url": mail_settings_url()}
    subject = f"Referat til kommentering: {meeting.body.name} {danish_date(meeting.date)}"
    queued = 0
    with transaction.atomic():
        for name, email in people:
            body = render_to_string("meetings/email/minutes_review.txt", {**context, "name": name}).strip() + "\n"
            queued += len(queue_mail(email, subject, body, body_obj=meeting.body, kind="minutes_review"))
    return queued


@task()
def send_publication_mail(meeting_pk: int, kind: str) -> int:
    """The background job: the mails for one publication (or a review round or a cancellation), queued in
    the outbox; returns how many."""
    senders = {"agenda": send_agenda_published, "minutes": send_minutes_published,
               "cancelled": send_meeting_cancelled, "review": send_review_round}
    return senders[kind](meeting_pk)


def send_agenda_published(meeting_pk: int) -> int:
    meeting = load_meeting(meeting_pk)
    document = build_agenda(meeting, public=True)
    subject = f"Dagsorden: {document.title} {document.date_label}"
    return _send(meeting, document, subject, "meetings/email/agenda_published.txt", "agenda_docx", "agenda_pdf",
                 kind="agenda")


def send_minutes_published(meeting_pk: int) -> int:
    meeting = load_meeting(meeting_pk)
    document = build_minutes(meeting, public=True)
    subject = f"Referat: {document.title} {document.date_label}"
    return _send(meeting, document, subject, "meetings/email/minutes_published.txt", "minutes_docx", "minutes_pdf",
                 kind="minutes")


def send_meeting_cancelled(meeting_pk: int) -> int:
    """The notice that a meeting is cancelled, with the reason (public, as on the meeting's page)."""
    meeting = load_meeting(meeting_pk)
    if meeting.status != "cancelled":
        return 0  # resumed before the job ran: nothing to tell
    document = build_agenda(meeting, public=True)
    subject = f"Aflyst: {document.title} {document.date_label}"
    return _send(meeting, document, subject, "meetings/email/meeting_cancelled.txt", "agenda_docx", "agenda_pdf",
                 kind="cancellation")


def recipients(meeting, kind: str = "") -> list[tuple[str, str]]:
    """(name, e-mail) of the active members of the body (and of every co-host of a joint meeting), each
    address once, leaving out those who chose not to get mails of ``kind`` (``MailPreference``; without a
    choice a person gets every kind)."""
    seen, people = set(), []
    memberships = (Membership.objects.active().filter(body_id__in=meeting.host_ids()).exclude(person__email="")
                   .select_related("person").order_by("person__name"))
    if kind in MailPreference.KINDS:
        memberships = memberships.exclude(**{f"person__mail_preference__{kind}": False})
    for membership in memberships:
        email = membership.person.email.strip()
        if email and email.lower() not in seen:
            seen.add(email.lower())
            people.append((membership.person.name, email))
    return people


def _send(meeting, document, subject, template, docx_name, pdf_name, *, kind: str) -> int:
    people = recipients(meeting, kind)
    if not people:
        return 0
    context = {
        "doc": document,
        "page_url": absolute(meeting_path(meeting)),
        "docx_url": absolute(reverse(f"meetings:{docx_name}", args=[meeting.pk])),
        "pdf_url": absolute(reverse(f"meetings:{pdf_name}", args=[meeting.pk])),
        "has_closed": any(item.redacted for item in document.items),
        # The mail goes only to the body's members, so it may carry the members' link.
        "online_link": visibility.online_link_for_members(meeting),
        "settings_url": mail_settings_url(),
    }
    kind = {"agenda": "agenda_published", "minutes": "minutes_published",
            "cancellation": "meeting_cancelled"}[kind]
    queued = 0
    with transaction.atomic():
        for name, email in people:
            body = render_to_string(template, {**context, "name": name}).strip() + "\n"
            queued += len(queue_mail(email, subject, body, body_obj=meeting.body, kind=kind))
    log.info("Lagde %s e-mails om %s i udbakken", queued, subject)
    return queued
