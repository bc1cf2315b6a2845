"""Queueing and sending: ``queue_mail`` in the action's transaction, ``deliver_due`` in a background job."""

from __future__ import annotations

import logging
from urllib.parse import urlparse

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.utils import DNS_NAME
from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend, task

from .models import MailStatus, OutgoingMail
from .rules import next_attempt_after, short_error

log = logging.getLogger(__name__)


def message_id_domain() -> str:
    """The domain of Message-IDs: the public address of this installation, not the machine's name."""
    return urlparse(getattr(settings, "KLYNGE_SITE_URL", "")).hostname or str(DNS_NAME)


def queue_mail(to, subject: str, body: str, *, body_obj=None, kind: str = "", html: str | None = None,
               reply_to: list[str] | None = None, headers: dict | None = None,
               erase_after_send: bool = False) -> list[OutgoingMail]:
    """Queue one mail per recipient (``to`` is an address or a list); sent once the transaction commits.

    ``body_obj`` is the organisation.Body the mail concerns: its secretariat sees failures.
    Addresses are de-duplicated case-insensitively; empty ones are skipped.
    """
    addresses = [to] if isinstance(to, str) else list(to)
    seen, unique = set(), []
    for address in (a.strip() for a in addresses if a):
        if address and address.lower() not in seen:
            seen.add(address.lower())
            unique.append(address)
    now = timezone.now()
    mails = OutgoingMail.objects.bulk_create([
        OutgoingMail(to=address, subject=subject[:300], text=body, html=html or "", kind=kind[:60],
                     body=body_obj, reply_to=list(reply_to or []), headers=dict(headers or {}),
                     erase_after_send=erase_after_send, next_attempt=now)
        for address in unique
    ])
    if mails:
        schedule_delivery()
    return mails


def retry_now(mail: OutgoingMail) -> None:
    """A secretariat's "Send igen": the mail goes back in the queue with a fresh set of attempts."""
    OutgoingMail.objects.filter(pk=mail.pk).update(status=MailStatus.QUEUED, attempts=0, next_attempt=timezone.now())
    schedule_delivery()


def _enqueue_delivery():
    deliver_outbox.enqueue()


_enqueue_delivery.outbox_delivery = True


def schedule_delivery() -> None:
    """One delivery job once the transaction commits, however many mails it queued.

    A delivery already waiting for this commit is enough when it cannot be rolled back without
    ours (its savepoints are all still open around us)."""
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        open_savepoints = set(connection.savepoint_ids)
        for savepoints, callback, _robust in connection.run_on_commit:
            if getattr(callback, "outbox_delivery", False) and set(savepoints) <= open_savepoints:
                return
    transaction.on_commit(_enqueue_delivery, robust=True)


def _message(mail: OutgoingMail) -> EmailMultiAlternatives:
    from email.utils import make_msgid

    message_id = mail.message_id or make_msgid(domain=message_id_domain())
    headers = {"Auto-Submitted": "auto-generated", "Message-ID": message_id, **mail.headers}
    message = EmailMultiAlternatives(subject=mail.subject, body=mail.text, from_email=settings.DEFAULT_FROM_EMAIL,
                                     to=[mail.to], reply_to=mail.reply_to or None, headers=headers)
    if mail.html:
        message.attach_alternative(mail.html, "text/html")
    return message


def _send_one(connection, mail: OutgoingMail, now) -> bool:
    message = _message(mail)
    try:
        sent = connection.send_messages([message])
        if not sent:
            raise RuntimeError("e-mail-serveren tog ikke imod brevet")
    except Exception as error:  # noqa: BLE001 - any failure of the mail server is recorded, never lost
        attempts = mail.attempts + 1
        retry_at = next_attempt_after(attempts, now)
        OutgoingMail.objects.filter(pk=mail.pk).update(
            attempts=attempts, last_error=short_error(error), next_attempt=retry_at,
            status=MailStatus.QUEUED if retry_at else MailStatus.FAILED)
        log.warning("E-mail %s til %s kunne ikke sendes (forsøg %s): %s", mail.pk, mail.to, attempts, error)
        return False
    fields = {"status": MailStatus.SENT, "attempts": mail.attempts + 1, "sent_at": now, "last_error": "",
              "next_attempt": None, "message_id": message.extra_headers["Message-ID"]}
    if mail.erase_after_send:
        fields.update(text="(slettet efter afsendelse)", html="")
    OutgoingMail.objects.filter(pk=mail.pk).update(**fields)
    return True


def deliver_due(now=None, limit: int = 500) -> tuple[int, int]:
    """Send every queued mail whose time has come; returns (sent, failed attempts).

    Each mail's outcome is written on its own, so a crash half-way loses nothing: a mail not yet
    marked sent is tried again by the next run (at worst sent twice, never not at all)."""
    now = now or timezone.now()
    mails = list(OutgoingMail.objects.due(now).order_by("next_attempt", "pk")[:limit])
    if not mails:
        return 0, 0
    sent = failed = 0
    connection = get_connection(fail_silently=False)
    try:
        connection.open()
    except Exception as error:  # noqa: BLE001 - the server is down: every due mail records the failure
        for mail in mails:
            attempts = mail.attempts + 1
            retry_at = next_attempt_after(attempts, now)
            OutgoingMail.objects.filter(pk=mail.pk).update(
                attempts=attempts, last_error=short_error(error), next_attempt=retry_at,
                status=MailStatus.QUEUED if retry_at else MailStatus.FAILED)
        log.warning("E-mail-serveren svarer ikke: %s", error)
        return 0, len(mails)
    try:
        for mail in mails:
            if _send_one(connection, mail, now):
                sent += 1
            else:
                failed += 1
    finally:
        try:
            connection.close()
        except Exception:  # noqa: BLE001
            log.debug("closing the mail connection failed", exc_info=True)
    return sent, failed


def next_due():
    """The earliest time a queued mail waits for, or None."""
    mail = OutgoingMail.objects.filter(status=MailStatus.QUEUED).order_by("next_attempt").first()
    return mail.next_attempt if mail else None


@task()
def deliver_outbox() -> int:
    """The background job: send what is due, then book the next run for the earliest retry."""
    sent, _failed = deliver_due()
    when = next_due()
    if when is not None and when > timezone.now() and default_task_backend.supports_defer:
        deliver_outbox.using(run_after=when).enqueue()
    return sent
