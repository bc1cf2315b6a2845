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

from klynge.organisation.models import Membership
from klynge.outbox import queue_mail

from .. import visibility
from .document import build_agenda, build_minutes, danish_date, load_meeting
from .links import absolute, meeting_path

log = logging.getLogger(__name__)


def notify_agenda_published(meeting) -> None:
    """Queue the agenda notice to the body's active members once the current transaction commits."""
    pk = meeting.pk
    transaction.on_commit(lambda: send_publication_mail.enqueue(pk, "agenda"), robust=True)


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
    people = recipients(meeting)
    context = {"body_name": meeting.body.name, "date_label": danish_date(meeting.date, weekday=True),
               "page_url": absolute(meeting_path(meeting))}
    subject = f"Referat til kommentering: {meeting.body.name} {danish_date(meeting.date)}"
    queued = 0
    with transaction.atomic():
        for name, email in people:
            body = render_to_string("meetings/email/minutes_review.txt", {**context, "name": name}).strip() + "\n"
            queued += len(queue_mail(email, subject, body, body_obj=meeting.body, kind="minutes_review"))
    return queued


@task()
def send_publication_mail(meeting_pk: int, kind: str) -> int:
    """The background job: the mails for one publication, queued in the outbox; returns how many."""
    if kind == "review":
        return send_review_round(meeting_pk)
    return send_agenda_published(meeting_pk) if kind == "agenda" else send_minutes_published(meeting_pk)


def send_agenda_published(meeting_pk: int) -> int:
    meeting = load_meeting(meeting_pk)
    document = build_agenda(meeting, public=True)
    subject = f"Dagsorden: {document.title} {document.date_label}"
    return _send(meeting, document, subject, "meetings/email/agenda_published.txt", "agenda_docx", "agenda_pdf")


def send_minutes_published(meeting_pk: int) -> int:
    meeting = load_meeting(meeting_pk)
    document = build_minutes(meeting, public=True)
    subject = f"Referat: {document.title} {document.date_label}"
    return _send(meeting, document, subject, "meetings/email/minutes_published.txt", "minutes_docx", "minutes_pdf")


def recipients(meeting) -> list[tuple[str, str]]:
    """(name, e-mail) of the body's active members, each address once."""
    seen, people = set(), []
    memberships = (Membership.objects.active().filter(body_id=meeting.body_id).exclude(person__email="")
                   .select_related("person").order_by("person__name"))
    for membership in memberships:
        email = membership.person.email.strip()
        if email and email.lower() not in seen:
            seen.add(email.lower())
            people.append((membership.person.name, email))
    return people


def _send(meeting, document, subject, template, docx_name, pdf_name) -> int:
    people = recipients(meeting)
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
    }
    kind = "agenda_published" if docx_name.startswith("agenda") else "minutes_published"
    queued = 0
    with transaction.atomic():
        for name, email in people:
            body = render_to_string(template, {**context, "name": name}).strip() + "\n"
            queued += len(queue_mail(email, subject, body, body_obj=meeting.body, kind=kind))
    log.info("Lagde %s e-mails om %s i udbakken", queued, subject)
    return queued
