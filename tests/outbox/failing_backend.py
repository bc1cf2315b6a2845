"""A mail server that refuses every message, as a broken SMTP relay would."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend


class RefusingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPRecipientsRefused({"x@example.dk": (550, b"Mailbox unavailable")})


class DownBackend(BaseEmailBackend):
    def open(self):
        raise ConnectionRefusedError("Forbindelsen blev afvist")

    def send_messages(self, email_messages):
        raise AssertionError("never reached: open() fails first")
