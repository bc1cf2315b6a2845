"""A person's own settings: the private calendar link and which e-mails they want."""

import secrets

from django.conf import settings
from django.db import models

from klynge.core.models import TrackedModel
from klynge.core.versioning import VersionedModel


def new_feed_token() -> str:
    """An unguessable token (256 bits) for a personal calendar address."""
    return secrets.token_urlsafe(32)


class PersonalFeed(TrackedModel):
    """The private calendar address of one user: ``/kalender/mit/<token>.ics``.

    The token is the credential (calendar programs cannot log in), so it is long and random, shown
    only to its owner, and renewed (the old address stops working) with one click. What the feed
    shows is decided at every request from the user's memberships *now*, through
    ``meetings.visibility``: a membership that ends takes its members-only content out of the feed.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name="bruger", on_delete=models.CASCADE,
                                related_name="personal_feed")
    token = models.CharField("nøgle", max_length=64, unique=True, default=new_feed_token)

    class Meta:
        verbose_name = "personlig kalender"
        verbose_name_plural = "personlige kalendere"

    def __str__(self):
        return f"Personlig kalender for bruger {self.user_id}"


class MailPreference(VersionedModel, TrackedModel):
    """Which e-mails a person wants. Without a row a person gets every kind (the defaults)."""

    person = models.OneToOneField("organisation.Person", verbose_name="person", on_delete=models.CASCADE,
                                  related_name="mail_preference")
    agenda = models.BooleanField("Dagsordener, når de offentliggøres", default=True)
    minutes = models.BooleanField("Referater, når de offentliggøres", default=True)
    review = models.BooleanField("Referatudkast sendt til kommentering", default=True)
    cancellation = models.BooleanField("Aflysninger og flytninger af møder", default=True)
    reminders = models.BooleanField("Påmindelser om opgaver og møder", default=True)

    KINDS = ("agenda", "minutes", "review", "cancellation", "reminders")

    class Meta:
        verbose_name = "e-mailvalg"
        verbose_name_plural = "e-mailvalg"

    def __str__(self):
        return f"E-mailvalg for person {self.person_id}"


def wants_mail(person_id: int, kind: str) -> bool:
    """Whether this person wants mails of ``kind`` (one of MailPreference.KINDS); default yes."""
    if kind not in MailPreference.KINDS:
        return True
    row = MailPreference.objects.filter(person_id=person_id).values(kind).first()
    return True if row is None else bool(row[kind])
