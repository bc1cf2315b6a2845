"""Dated succession between bodies and between organisations, and dated municipality areas.

The 2027 reform: health councils take over from clusters (many to many, dated), Region
Østdanmark from Region Hovedstaden and Region Sjælland, and a council covers a set of
municipalities from a date. Editing today's structure never rewrites the past: every row
carries its dates, so a page for an earlier date shows the structure as it was.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models

from klynge.core import formats
from klynge.core.models import CprCheckedQuerySet, TrackedModel

from ..choices import OrganisationKind
from .periods import active_q, check_period


class Succession(TrackedModel):
    """``successor`` takes over from ``predecessor`` on ``date`` (the first day of the successor's work)."""

    predecessor = models.ForeignKey("Body", verbose_name="forgænger", on_delete=models.PROTECT,
                                    related_name="successions_out")
    successor = models.ForeignKey("Body", verbose_name="efterfølger", on_delete=models.PROTECT,
                                  related_name="successions_in")
    date = models.DateField("overtager fra", null=True, blank=True)
    note = models.CharField("bemærkning", max_length=300, blank=True)
    grants_archive_access = models.BooleanField(
        "giver adgang til arkivet", default=False,
        help_text="Efterfølgerens sekretariat og medlemmer må se forgængerens lukkede indhold (kun til læsning).",
    )
    takes_over_work = models.BooleanField(
        "overtager åbent arbejde", default=True,
        help_text="Efterfølgeren overtager forgængerens åbne opgaver, forslag, sager og midler.",
    )

    class Meta:
        verbose_name = "afløsning"
        verbose_name_plural = "afløsninger"
        ordering = ["date", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="organisation_succession_once"),
            models.CheckConstraint(condition=~models.Q(predecessor=models.F("successor")),
                                   name="organisation_succession_not_self"),
        ]

    def __str__(self):
        when = f" fra {formats.date(self.date)}" if self.date else ""
        return f"{self.successor} afløser {self.predecessor}{when}"

    def clean(self):
        if self.predecessor_id and self.predecessor_id == self.successor_id:
            raise ValidationError("Et organ kan ikke afløse sig selv.")


class OrganisationSuccession(TrackedModel):
    """A party taking over from others, e.g. Region Østdanmark from Region Hovedstaden and Region Sjælland."""

    predecessor = models.ForeignKey("Organisation", verbose_name="forgænger", on_delete=models.PROTECT,
                                    related_name="successions_out")
    successor = models.ForeignKey("Organisation", verbose_name="efterfølger", on_delete=models.PROTECT,
                                  related_name="successions_in")
    date = models.DateField("overtager fra")
    note = models.CharField("bemærkning", max_length=300, blank=True)

    class Meta:
        verbose_name = "afløsning af part"
        verbose_name_plural = "afløsninger af parter"
        ordering = ["date", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="organisation_org_succession_once"),
            models.CheckConstraint(condition=~models.Q(predecessor=models.F("successor")),
                                   name="organisation_org_succession_not_self"),
        ]

    def __str__(self):
        return f"{self.successor} afløser {self.predecessor} fra {formats.date(self.date)}"

    def clean(self):
        if self.predecessor_id and self.predecessor_id == self.successor_id:
            raise ValidationError("En part kan ikke afløse sig selv.")


class BodyAreaQuerySet(CprCheckedQuerySet):
    def active(self, on: datetime.date):
        return self.filter(active_q(on))


class BodyArea(TrackedModel):
    """A municipality belongs to a body's area (a cluster's, a council's) from ``start`` to ``end``."""

    body = models.ForeignKey("Body", verbose_name="organ", on_delete=models.CASCADE, related_name="areas")
    municipality = models.ForeignKey("Organisation", verbose_name="kommune", on_delete=models.PROTECT,
                                     related_name="body_areas",
                                     limit_choices_to={"kind": OrganisationKind.MUNICIPALITY})
    start = models.DateField("fra", null=True, blank=True)
    end = models.DateField("til", null=True, blank=True)

    objects = BodyAreaQuerySet.as_manager()

    class Meta:
        verbose_name = "kommune i område"
        verbose_name_plural = "kommuner i område"
        ordering = ["body", "municipality__name", "start"]

    def __str__(self):
        return f"{self.municipality} i {self.body}"

    def clean(self):
        check_period(self.start, self.end)
