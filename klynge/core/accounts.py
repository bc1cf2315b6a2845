"""Accounts without the Django admin: "Glemt adgangskode?", changing one's own password, and the
invitation a secretariat sends to a new user (a link to choose a password).

Django's own views and tokens (``default_token_generator``: one use, bound to the password hash and
the last login, valid for ``PASSWORD_RESET_TIMEOUT``), with Danish templates under
``templates/registration/``. Links in the mails are built from ``KLYNGE_SITE_URL``, never from the
request's Host header, so a forged Host cannot send a reset link to another site.
"""

from __future__ import annotations

import os

from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.contrib.auth.tokens import default_token_generator
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse, reverse_lazy
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode


def site_url() -> str:
    value = getattr(settings, "KLYNGE_SITE_URL", "") or os.environ.get("KLYNGE_SITE_URL", "")
    return (value or "http://localhost:8000").rstrip("/")


def mail_settings_url() -> str:
    """Where a person chooses which e-mails they get (linked from every mail)."""
    try:
        return site_url() + reverse("meetings:mail_settings")
    except NoReverseMatch:  # the meetings app is not installed
        return site_url() + "/"


def mail_context() -> dict:
    return {"site_url": site_url(), "settings_url": mail_settings_url()}


def password_link(user) -> str:
    """A one-use link where ``user`` chooses a new password."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return site_url() + reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token})


def send_mail_message(to: str, subject: str, body: str, *, kind: str = "", body_obj=None,
                      one_time_link: bool = False) -> None:
    """One e-mail to one address, through the outbox (queued in the current transaction, sent after
    commit, retried; a failure is shown to the secretariat of ``body_obj``). A mail with a one-time
    password link is not kept after sending. Imported late: the outbox app sits above core."""
    from klynge.outbox import queue_mail

    queue_mail(to, subject, body, kind=kind, body_obj=body_obj, erase_after_send=one_time_link)


def send_invitation(user, *, name: str, email: str, invited_by: str, bodies: str, body_obj=None) -> None:
    """The invitation to a new user: who invited them to which body, their user name, and a link to
    choose a password (valid for ``PASSWORD_RESET_TIMEOUT``, default three days)."""
    body = render_to_string("registration/invitation_email.txt", {
        **mail_context(), "name": name, "username": user.get_username(), "link": password_link(user),
        "invited_by": invited_by, "bodies": bodies,
        "days": settings.PASSWORD_RESET_TIMEOUT // 86400,
    })
    send_mail_message(email, "Invitation til Klynge", body.strip() + "\n", kind="invitation", body_obj=body_obj,
                      one_time_link=True)


class _Styled:
    """The design system's class on every input (the auth forms are Django's own)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-input")


def reset_mails_recently_sent(to: str) -> int:
    """How many "Glemt adgangskode?" mails went to ``to`` within the last hour (queued or sent).
    Counted in the outbox, so the limit holds across workers and restarts."""
    from datetime import timedelta

    from django.utils import timezone

    from klynge.outbox.models import OutgoingMail

    since = timezone.now() - timedelta(hours=1)
    return OutgoingMail.objects.filter(kind="password_reset", to__iexact=to, created__gte=since).count()


class ResetForm(_Styled, auth_forms.PasswordResetForm):
    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email,
                  html_email_template_name=None):
        # Someone typing another person's address again and again must not flood their inbox. The
        # page says the same either way, so the limit reveals nothing about the account.
        if reset_mails_recently_sent(to_email) >= settings.KLYNGE_PASSWORD_RESET_PER_HOUR:
            return
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        body = render_to_string(email_template_name, context).strip() + "\n"
        send_mail_message(to_email, subject, body, kind="password_reset", one_time_link=True)


class SetPasswordForm(_Styled, auth_forms.SetPasswordForm):
    pass


class ChangePasswordForm(_Styled, auth_forms.PasswordChangeForm):
    pass


class PasswordResetView(auth_views.PasswordResetView):
    form_class = ResetForm
    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_done")

    def form_valid(self, form):
        self.extra_email_context = mail_context()
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "registration/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "registration/password_reset_confirm.html"
    form_class = SetPasswordForm
    success_url = reverse_lazy("password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "registration/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "registration/password_change_form.html"
    form_class = ChangePasswordForm
    success_url = reverse_lazy("password_change_done")


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "registration/password_change_done.html"
