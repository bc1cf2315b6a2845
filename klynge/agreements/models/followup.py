"""Follow-up rounds: a questionnaire to the contact persons, their answers, one consolidated answer
per cluster, and the status reports."""

import datetime
import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from klynge.core.models import TrackedModel
from klynge.core.versioning import VersionedModel

from ..choices import Cadence, ConsolidatedStatus, QuestionKind, RoundKind, RoundStatus


class FollowUpRound(VersionedModel, TrackedModel):
    agreement = models.ForeignKey("agreements.CollaborationAgreement", verbose_name="aftale",
                                  on_delete=models.PROTECT, related_name="rounds")
    owner_body = models.ForeignKey("organisation.Body", verbose_name="ejes af", on_delete=models.PROTECT,
                                   related_name="followup_rounds")
    title = models.CharField("titel", max_length=300)
    kind = models.CharField("type", max_length=10, choices=RoundKind.choices, default=RoundKind.FOLLOW_UP)
    baseline = models.ForeignKey("self", verbose_name="sammenlignes med", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="follow_ups",
                                 help_text="Baselinerunden, som svarene sammenlignes med.")
    cadence = models.CharField("kadence", max_length=10, choices=Cadence.choices, default=Cadence.YEARLY)
    intro = models.TextField("indledning til modtagerne", blank=True)
    deadline = models.DateField("svarfrist", help_text="Svar kan rettes til og med denne dag.")
    reminder_days = models.CharField("påmindelser (dage før fristen)", max_length=40, default="7, 2",
                                     help_text="Adskilt af komma, f.eks. “7, 2”.")
    status = models.CharField("status", max_length=10, choices=RoundStatus.choices, default=RoundStatus.DRAFT)
    sent_at = models.DateTimeField("udsendt", null=True, blank=True)

    class Meta:
        verbose_name = "opfølgningsrunde"
        verbose_name_plural = "opfølgningsrunder"
        ordering = ["agreement", "-deadline", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("agreements:round", args=[self.pk])

    def clean(self):
        from .. import rules

        try:
            rules.reminder_days(self.reminder_days)
        except ValueError as error:
            raise ValidationError({"reminder_days": str(error)}) from None

    @property
    def closes_at(self) -> datetime.datetime:
        """Answers are accepted to the end of the deadline day (Danish time)."""
        end = datetime.datetime.combine(self.deadline + datetime.timedelta(days=1), datetime.time.min)
        return timezone.make_aware(end)


class Question(VersionedModel, TrackedModel):
    round = models.ForeignKey(FollowUpRound, verbose_name="runde", on_delete=models.CASCADE,
                              related_name="questions")
    position = models.PositiveSmallIntegerField("nummer", default=0)
    text = models.TextField("spørgsmål")
    kind = models.CharField("svartype", max_length=10, choices=QuestionKind.choices, default=QuestionKind.TEXT)
    options = models.TextField("svarmuligheder", blank=True, help_text="Én pr. linje (kun for valg).")
    scale_min = models.SmallIntegerField("skala fra", default=1)
    scale_max = models.SmallIntegerField("skala til", default=5)
    required = models.BooleanField("skal besvares", default=False)

    class Meta:
        verbose_name = "spørgsmål"
        verbose_name_plural = "spørgsmål"
        ordering = ["round", "position", "pk"]

    def __str__(self):
        return f"{self.position}. {self.text[:60]}"

    @property
    def option_list(self) -> list[str]:
        return [o.strip() for o in self.options.splitlines() if o.strip()]

    def clean(self):
        if self.kind == QuestionKind.CHOICE and len(self.option_list) < 2:
            raise ValidationError({"options": "Et valgspørgsmål skal have mindst to svarmuligheder, én pr. linje."})
        if self.kind == QuestionKind.SCALE and self.scale_max <= self.scale_min:
            raise ValidationError({"scale_max": "Skalaen skal slutte over, hvor den begynder."})


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Recipient(TrackedModel):
    """One contact person asked in one round. The link's token is stored only as its SHA-256."""

    round = models.ForeignKey(FollowUpRound, verbose_name="runde", on_delete=models.CASCADE,
                              related_name="recipients")
    implementation = models.ForeignKey("agreements.Implementation", verbose_name="part", on_delete=models.PROTECT,
                                       related_name="recipients")
    contact = models.ForeignKey("agreements.ContactPerson", verbose_name="kontaktperson", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="recipients")
    name = models.CharField("navn", max_length=200)
    email = models.EmailField("e-mail")
    token_hash = models.CharField("nøgle (SHA-256)", max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField("linket udløber")
    invited_at = models.DateTimeField("inviteret", null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField("påmindelser sendt", default=0)
    answered_at = models.DateTimeField("besvaret", null=True, blank=True)

    class Meta:
        verbose_name = "modtager"
        verbose_name_plural = "modtagere"
        ordering = ["round", "implementation__cluster__name", "implementation__party__name", "name"]

    def __str__(self):
        return f"{self.name} ({self.implementation.who})"

    def new_token(self) -> str:
        """A fresh unguessable token; only its hash is kept. Returns the token for the e-mail."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        return token

    @classmethod
    def by_token(cls, token: str):
        if not token or len(token) > 100:
            return None
        return (cls.objects.select_related("round__agreement", "implementation__cluster", "implementation__party")
                .filter(token_hash=hash_token(token)).first())


class Answer(TrackedModel):
    recipient = models.ForeignKey(Recipient, verbose_name="modtager", on_delete=models.CASCADE,
                                  related_name="answers")
    question = models.ForeignKey(Question, verbose_name="spørgsmål", on_delete=models.CASCADE,
                                 related_name="answers")
    text = models.TextField("svar", blank=True)
    number = models.DecimalField("tal", max_digits=14, decimal_places=4, null=True, blank=True)
    yes = models.BooleanField("ja/nej", null=True, blank=True)

    class Meta:
        verbose_name = "svar"
        verbose_name_plural = "svar"
        ordering = ["recipient", "question__position"]
        constraints = [models.UniqueConstraint(fields=["recipient", "question"], name="agreements_answer_unique")]

    def display(self) -> str:
        from ..rules import answer_text

        return answer_text(self.question.kind, self.text, self.number, self.yes)


class ConsolidatedAnswer(VersionedModel, TrackedModel):
    """The cluster secretariat's one answer for its cluster; submitted once."""

    round = models.ForeignKey(FollowUpRound, verbose_name="runde", on_delete=models.CASCADE,
                              related_name="consolidated")
    cluster = models.ForeignKey("organisation.Body", verbose_name="klynge", on_delete=models.PROTECT,
                                related_name="consolidated_answers")
    status = models.CharField("status", max_length=10, choices=ConsolidatedStatus.choices,
                              default=ConsolidatedStatus.DRAFT)
    submitted_at = models.DateTimeField("indsendt", null=True, blank=True)
    submitted_by = models.ForeignKey("auth.User", verbose_name="indsendt af", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    comment = models.TextField("samlet bemærkning", blank=True)

    class Meta:
        verbose_name = "samlet svar"
        verbose_name_plural = "samlede svar"
        ordering = ["round", "cluster__name"]
        constraints = [models.UniqueConstraint(fields=["round", "cluster"], name="agreements_consolidated_unique")]

    def __str__(self):
        return f"{self.round}: {self.cluster}"


class ConsolidatedItem(TrackedModel):
    consolidated = models.ForeignKey(ConsolidatedAnswer, verbose_name="samlet svar", on_delete=models.CASCADE,
                                     related_name="items")
    question = models.ForeignKey(Question, verbose_name="spørgsmål", on_delete=models.CASCADE, related_name="+")
    text = models.TextField("svar", blank=True)

    class Meta:
        verbose_name = "samlet svar på spørgsmål"
        verbose_name_plural = "samlede svar på spørgsmål"
        ordering = ["consolidated", "question__position"]
        constraints = [models.UniqueConstraint(fields=["consolidated", "question"],
                                               name="agreements_consolidated_item_unique")]


class StatusReport(VersionedModel, TrackedModel):
    """A status report on a framework agreement for a chosen date ("Status pr. 2. kvartal 2021").

    Only the texts written for the report are stored; goals, agreements and statuses are read as
    they stood on ``as_of`` each time it is rendered, so the same report comes out again.
    """

    framework = models.ForeignKey("agreements.FrameworkAgreement", verbose_name="rammeaftale",
                                  on_delete=models.PROTECT, related_name="reports")
    title = models.CharField("titel", max_length=200, default="Midtvejsstatus")
    as_of = models.DateField("status pr.")
    period_label = models.CharField("periode (vises)", max_length=60, blank=True,
                                    help_text="F.eks. “2. kvartal 2021”; tom giver datoen.")
    foreword = models.TextField("forord", blank=True)
    ongoing_work = models.TextField("igangværende arbejde", blank=True)
    organisation_text = models.TextField("organisering af samarbejdet", blank=True)
    published_at = models.DateTimeField("offentliggjort", null=True, blank=True)

    class Meta:
        verbose_name = "statusrapport"
        verbose_name_plural = "statusrapporter"
        ordering = ["framework", "-as_of", "pk"]

    def __str__(self):
        return f"{self.title} – status pr. {self.period_label or self.as_of}"

    def get_absolute_url(self):
        return reverse("agreements:report", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.published_at is not None
