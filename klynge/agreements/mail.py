"""E-mails of the follow-up (invitations, reminders), through the site's outbox.

``klynge.outbox.queue_mail`` queues one OutgoingMail per recipient, sends it on commit with
retries and shows failures to the secretariat. Until the outbox app is installed, the mail is
sent through Django's e-mail framework on commit (a failure raises in the sending job and is
logged; nothing is swallowed).
"""

from __future__ import annotations

import logging

from django.core.mail import send_mail
from django.db import transaction

log = logging.getLogger(__name__)


def queue(to: str, subject: str, body: str, *, kind: str, body_obj=None) -> None:
    try:
        from klynge.outbox import queue_mail
    except ImportError:  # the outbox app is not on this branch yet
        queue_mail = None
    if queue_mail is not None:
        queue_mail([to], subject, body, body_obj=body_obj, kind=kind)
        return

    def _send():
        send_mail(subject, body, None, [to], fail_silently=False)

    transaction.on_commit(_send)
