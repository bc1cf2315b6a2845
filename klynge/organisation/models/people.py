import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from klynge.core import formats
from klynge.core.models import CprCheckedQuerySet, TrackedModel
from klynge.core.text import danish_slugify
from klynge.core.versioning import VersionedModel

from ..choices import Role
from .periods import active_q, check_period, period_is_active, periods_overlap


class Person(TrackedModel):
    name = models.CharField("navn", max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    title = models.CharField("titel", max_length=200, blank=True)
    email = models.EmailField("e-mail", blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name="bruger", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="person", help_text="Brugerkontoen, personen logger ind med.",
    )

    class Meta:
        verbose_name = "person"
        verbose_name_plural = "personer"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("person", args=[self.slug])

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._free_slug()
        super().save(*args, **kwargs)

    def _free_slug(self) -> str:
        base = danish_slugify(self.name)[:200] or "person"
        slug, n = base, 2
        while Person.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    def current_affiliation(self, on: datetime.date | None = None):
        return (
            self.affiliations.filter(active_q(on or timezone.localdate()))
            .select_related("organisation").order_by("-start").first()
        )


class Affiliation(TrackedModel):
    """Where a person works, over time."""

    person = models.ForeignKey(Person, verbose_name="person", on_delete=models.CASCADE, related_name="affiliations")
    organisation = models.ForeignKey(
        "Organisation", verbose_name="part", on_delete=models.PROTECT, related_name="affiliations"
    )
    title = models.CharField("stilling", max_length=200, blank=True)
    start = models.DateField("fra", null=True, blank=True)
    end = models.DateField("til", null=True, blank=True)

    class Meta:
        verbose_name = "tilknytning"
        verbose_name_plural = "tilknytninger"
        ordering = ["-start"]

    def __str__(self):
        return f"{self.person}, {self.title} {self.organisation}".replace("  ", " ")

    def clean(self):
        check_period(self.start, self.end)


class MembershipQuerySet(CprCheckedQuerySet):
    def active(self, on: datetime.date | None = None):
        return self.filter(active_q(on or timezone.localdate()))

    def former(self, on: datetime.date | None = None):
        return self.filter(end__lt=on or timezone.localdate())


class Membership(VersionedModel, TrackedModel):
    """A person's seat in a body: role, the party represented, from-to."""

    person = models.ForeignKey(Person, verbose_name="person", on_delete=models.PROTECT, related_name="memberships")
    body = models.ForeignKey("Body", verbose_name="organ", on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField("rolle", max_length=30, choices=Role.choices, default=Role.MEMBER)
    organisation = models.ForeignKey(
        "Organisation", verbose_name="repræsenterer", null=True, blank=True, on_delete=models.PROTECT,
        related_name="memberships",
    )
    title = models.CharField(
        "titel i organet", max_length=200, blank=True, help_text="F.eks. “borgmester” eller “regional formand”."
    )
    start = models.DateField("fra")
    end = models.DateField("til", null=True, blank=True)
    note = models.CharField("bemærkning", max_length=200, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = "medlemskab"
        verbose_name_plural = "medlemskaber"
        ordering = ["body", "role", "start"]
        indexes = [models.Index(fields=["body", "end"]), models.Index(fields=["person", "end"])]

    def __str__(self):
        return f"{self.person} – {self.get_role_display().lower()} i {self.body}"

    def is_active(self, on: datetime.date | None = None) -> bool:
        return period_is_active(self.start, self.end, on or timezone.localdate())

    def clean(self):
        check_period(self.start, self.end)
        if not (self.person_id and self.body_id and self.start):
            return
        others = Membership.objects.filter(person_id=self.person_id, body_id=self.body_id, role=self.role)
        for other in others.exclude(pk=self.pk):
            if periods_overlap(self.start, self.end, other.start, other.end):
                raise ValidationError(
                    f"{self.person} er allerede {other.get_role_display().lower()} i {self.body} "
                    f"i en overlappende periode (fra {formats.date(other.start)}"
                    + (f" til {formats.date(other.end)})." if other.end else ").")
                )
