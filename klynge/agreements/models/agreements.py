"""Collaboration agreements (samarbejdsaftaler, rammeaftaler, forløbsprogrammer, ...) and their status."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from klynge.core.models import TrackedModel
from klynge.core.text import danish_slugify
from klynge.core.versioning import VersionedModel

from ..choices import Cadence, ImplementationStatus


class AgreementKind(TrackedModel):
    """What an agreement is: samarbejdsaftale, rammeaftale, forløbsprogram, ... Data, not code."""

    name = models.CharField("navn", max_length=100, unique=True)
    plural = models.CharField("flertal", max_length=100, blank=True)
    slug = models.SlugField(max_length=100, unique=True)
    sort_order = models.PositiveSmallIntegerField("rækkefølge", default=100)

    class Meta:
        verbose_name = "aftaletype"
        verbose_name_plural = "aftaletyper"
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = self.slug or danish_slugify(self.name)[:100]
        super().save(*args, **kwargs)


DEFAULT_KINDS = [("Samarbejdsaftale", "Samarbejdsaftaler"), ("Rammeaftale", "Rammeaftaler"),
                 ("Forløbsprogram", "Forløbsprogrammer"), ("Hensigtserklæring", "Hensigtserklæringer"),
                 ("Partnerskab", "Partnerskaber"), ("Kampagne", "Kampagner"), ("Prøvehandling", "Prøvehandlinger")]


def ensure_default_kinds() -> dict[str, AgreementKind]:
    """The kinds the corpus knows, created when missing (by the import and the demo)."""
    kinds = {}
    for order, (name, plural) in enumerate(DEFAULT_KINDS):
        kinds[name] = AgreementKind.objects.get_or_create(name=name, defaults={"plural": plural,
                                                                              "sort_order": order * 10})[0]
    return kinds


class CollaborationAgreement(VersionedModel, TrackedModel):
    """One agreement, approved region-wide and implemented in every cluster and party.

    A revision is a new row (``revises`` the old one, with its own approval); the old row stays as
    it was, so what was agreed when is never rewritten. Edits of one row are kept in its history.
    """

    framework = models.ForeignKey("agreements.FrameworkAgreement", verbose_name="rammeaftale", null=True,
                                  blank=True, on_delete=models.PROTECT, related_name="agreements")
    kind = models.ForeignKey(AgreementKind, verbose_name="type", on_delete=models.PROTECT, related_name="agreements")
    priority_area = models.ForeignKey("agreements.PriorityArea", verbose_name="indsatsområde", null=True,
                                      blank=True, on_delete=models.SET_NULL, related_name="agreements")
    theme = models.CharField("tema", max_length=200, blank=True,
                             help_text="Når aftalen ikke hører under et indsatsområde (f.eks. “Øvrige aftaler”).")
    title = models.CharField("titel", max_length=300)
    slug = models.SlugField("kortnavn i adresser", max_length=200, unique=True)
    owner_body = models.ForeignKey("organisation.Body", verbose_name="ejes af", on_delete=models.PROTECT,
                                   related_name="owned_agreements",
                                   help_text="Det regionsdækkende organ eller den følgegruppe, der følger aftalen.")
    summary = models.TextField("beskrivelse", blank=True)
    for_citizens = models.TextField("betydning for borgerne", blank=True)
    for_collaboration = models.TextField("betydning for det tværsektorielle samarbejde", blank=True)
    # approval
    approved_by = models.ForeignKey("organisation.Body", verbose_name="godkendt af", null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="approved_agreements")
    approved_on = models.DateField("godkendt den", null=True, blank=True)
    approval_item = models.ForeignKey("meetings.AgendaItem", verbose_name="beslutning (dagsordenspunkt)", null=True,
                                      blank=True, on_delete=models.SET_NULL, related_name="approved_agreements")
    # versions
    edition = models.CharField("udgave", max_length=60, blank=True, help_text="F.eks. “Revideret 2022”.")
    revises = models.ForeignKey("self", verbose_name="erstatter", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="revisions")
    # dates
    starts_on = models.DateField("ikrafttræden", null=True, blank=True)
    ends_on = models.DateField("udløber", null=True, blank=True)
    review_on = models.DateField("revideres senest", null=True, blank=True)
    cadence = models.CharField("opfølgningskadence", max_length=10, choices=Cadence.choices, default=Cadence.YEARLY)
    # links to where it was treated in the meeting cycle (a written briefing, a decision, ...)
    treated_in = models.ManyToManyField("meetings.AgendaItem", verbose_name="behandlet på", blank=True,
                                        related_name="agreements")
    is_demo = models.BooleanField("demodata", default=False)
    sort_order = models.PositiveSmallIntegerField("rækkefølge", default=100)

    class Meta:
        verbose_name = "samarbejdsaftale"
        verbose_name_plural = "samarbejdsaftaler"
        ordering = ["sort_order", "title"]

    def __str__(self):
        return self.title + (f" ({self.edition})" if self.edition else "")

    def get_absolute_url(self):
        return reverse("agreements:agreement", args=[self.slug])

    @property
    def is_approved(self) -> bool:
        return self.approved_on is not None

    def save(self, *args, **kwargs):
        self.slug = self.slug or danish_slugify(self.title)[:200]
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = "Aftalen kan ikke udløbe, før den træder i kraft."
        if self.approved_on and not self.approved_by_id:
            errors["approved_by"] = "Angiv, hvilket organ der godkendte aftalen."
        if self.revises_id and self.pk and self.revises_id == self.pk:
            errors["revises"] = "En aftale kan ikke erstatte sig selv."
        if (self.priority_area_id and self.framework_id
                and self.priority_area.framework_id != self.framework_id):
            errors["priority_area"] = "Indsatsområdet hører til en anden rammeaftale."
        if errors:
            raise ValidationError(errors)


class AgreementPhase(TrackedModel):
    """A phased start: "værdierne 1. juni 2021", "forberedelsestider udgår 1. oktober 2021"."""

    agreement = models.ForeignKey(CollaborationAgreement, verbose_name="aftale", on_delete=models.CASCADE,
                                  related_name="phases")
    starts_on = models.DateField("fra")
    description = models.CharField("hvad", max_length=300)

    class Meta:
        verbose_name = "indfasning"
        verbose_name_plural = "indfasninger"
        ordering = ["agreement", "starts_on"]

    def __str__(self):
        return f"{self.starts_on}: {self.description}"


class AgreementDocument(TrackedModel):
    """The agreement text and its appendices: a title and a link to where it is published."""

    agreement = models.ForeignKey(CollaborationAgreement, verbose_name="aftale", on_delete=models.CASCADE,
                                  related_name="documents")
    title = models.CharField("titel", max_length=300)
    url = models.URLField("link", max_length=500)

    class Meta:
        verbose_name = "dokument"
        verbose_name_plural = "dokumenter"
        ordering = ["agreement", "title"]

    def __str__(self):
        return self.title


class AgreementStatus(TrackedModel):
    """A dated statement of where an agreement stands ("Status pr. 2. kvartal 2021: ...").

    Kept as a log, never overwritten, so a status report for a past date reads what was true then.
    """

    agreement = models.ForeignKey(CollaborationAgreement, verbose_name="aftale", on_delete=models.CASCADE,
                                  related_name="statuses")
    as_of = models.DateField("status pr.")
    status = models.CharField("status", max_length=20, choices=ImplementationStatus.choices)
    text = models.TextField("status")

    class Meta:
        verbose_name = "aftalestatus"
        verbose_name_plural = "aftalestatus"
        ordering = ["agreement", "-as_of", "-pk"]

    def __str__(self):
        return f"{self.agreement}: {self.get_status_display()} pr. {self.as_of}"
