"""The outbox: every e-mail Klynge sends is a row here first, so none is lost silently.

A mail is queued inside the transaction of the action that caused it (nothing is queued when
the action rolls back), sent by a background job after commit, retried with a growing pause
when the mail server refuses it, and marked failed after the last attempt, which the
secretariat of the body it concerns sees on /udbakke/ and can send again.
"""

from django.db import models

from klynge.core.models import CprCheckedModel, CprCheckedQuerySet


class MailStatus(models.TextChoices):
    QUEUED = "queued", "Venter"
    SENT = "sent", "Sendt"
    FAILED = "failed", "Mislykkedes"


class OutgoingMailQuerySet(CprCheckedQuerySet):
    def due(self, now):
        return self.filter(status=MailStatus.QUEUED, next_attempt__lte=now)


class OutgoingMail(CprCheckedModel):
    """One message to one recipient. Working data, not a governance record: no change history."""

    created = models.DateTimeField("oprettet", auto_now_add=True)
    kind = models.CharField("slags", max_length=60, blank=True)
    body = models.ForeignKey("organisation.Body", on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="outgoing_mails", verbose_name="forum",
                             help_text="Forummet, hvis sekretariat ser fejl ved afsendelsen.")
    to = models.EmailField("modtager", max_length=254)
    subject = models.CharField("emne", max_length=300)
    text = models.TextField("tekst")
    html = models.TextField("HTML", blank=True)
    reply_to = models.JSONField("svar til", default=list, blank=True)
    headers = models.JSONField("brevhoveder", default=dict, blank=True)
    erase_after_send = models.BooleanField(
        "slet indholdet efter afsendelse", default=False,
        help_text="For breve med engangslinks (ny adgangskode): teksten gemmes ikke efter afsendelsen.")
    status = models.CharField("status", max_length=10, choices=MailStatus.choices, default=MailStatus.QUEUED)
    attempts = models.PositiveSmallIntegerField("forsøg", default=0)
    next_attempt = models.DateTimeField("næste forsøg", null=True, blank=True)
    last_error = models.TextField("seneste fejl", blank=True)
    sent_at = models.DateTimeField("sendt", null=True, blank=True)
    message_id = models.CharField("Message-ID", max_length=300, blank=True)

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = "udgående e-mail"
        verbose_name_plural = "udgående e-mails"
        indexes = [models.Index(fields=["status", "next_attempt"]), models.Index(fields=["body", "status"])]

    def __str__(self):
        return f"{self.subject} til {self.to} ({self.get_status_display()})"
