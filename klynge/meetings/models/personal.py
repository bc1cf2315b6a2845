"""A person's own settings: the private calendar link and which e-mails they want."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.crypto import constant_time_compare, salted_hmac

from klynge.core.models import TrackedModel
from klynge.core.versioning import VersionedModel


def new_feed_token() -> str:
    """An unguessable secret (256 bits) behind a personal calendar address."""
    return secrets.token_urlsafe(32)


FEED_KEY_SALT = "klynge.meetings.PersonalFeed"


def legacy_digest(token: str) -> str:
    """SHA-256 of an address token from before the addresses were keyed (kept so old subscriptions still work)."""
    return hashlib.sha256(token.encode()).hexdigest()


class PersonalFeed(TrackedModel):
    """The private calendar address of one user: ``/kalender/mit/<pk>.<key>.ics``.

    The address is the credential (calendar programs cannot log in), so it is shown only to its owner and
    renewed (the old address stops working) with one click. The database never holds the address itself:
    ``key`` is an HMAC of the stored random ``secret`` under the site's SECRET_KEY, so a copy of the database
    or of its history opens no calendar. What the feed shows is decided at every request from the user's
    memberships *now*, through ``meetings.visibility``: a membership that ends takes its members-only content
    out of the feed.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name="bruger", on_delete=models.CASCADE,
                                related_name="personal_feed")
    secret = models.CharField("hemmelighed", max_length=64, unique=True, default=new_feed_token)
    # SHA-256 of the address an older version gave out (the token itself), so those subscriptions keep working
    # until the owner renews the address; empty for addresses made since.
    legacy_digest = models.CharField("tidligere adresses fingeraftryk", max_length=64, blank=True, db_index=True)

    class Meta:
        verbose_name = "personlig kalender"
        verbose_name_plural = "personlige kalendere"

    def __str__(self):
        return f"Personlig kalender for bruger {self.user_id}"

    @property
    def address_token(self) -> str:
        """What goes in the address: the row's id and the key (never stored)."""
        key = salted_hmac(FEED_KEY_SALT, self.secret, algorithm="sha256").hexdigest()
        return f"{self.pk}.{key}"

    def renew(self) -> None:
        """A new address; the old one (and any address from before keyed addresses) stops working at once."""
        self.secret = new_feed_token()
        self.legacy_digest = ""
        self.save()

    @classmethod
    def for_address(cls, token: str):
        """The feed an address token opens, or None (constant-time comparison of the key)."""
        pk, dot, key = token.partition(".")
        if dot:
            feed = cls.objects.filter(pk=int(pk)).select_related("user").first() if pk.isdigit() else None
            return feed if feed is not None and constant_time_compare(feed.address_token, token) else None
        if len(token) < 32:
            return None
        return cls.objects.filter(legacy_digest=legacy_digest(token)).select_related("user").first()


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
