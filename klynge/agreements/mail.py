"""E-mails of the follow-up (invitations, reminders), through the site's outbox.

``klynge.outbox.queue_mail`` stores one OutgoingMail per recipient, sends it after commit with
retries, and shows failures to the secretariat of the round's owning body (``body_obj``). The mail
carries a personal link, so it is erased from the outbox once sent (``erase_after_send``).
"""

from __future__ import annotations

from klynge.outbox import queue_mail


def queue(to: str, subject: str, body: str, *, kind: str, body_obj=None) -> None:
    queue_mail(to, subject, body, body_obj=body_obj, kind=kind, erase_after_send=True)
