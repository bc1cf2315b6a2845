"""Electoral terms (valgperioder): the municipal and regional councils' four-year terms.

Data, not code: the terms are rows an administrator keeps. The OParl API publishes them as
LegislativeTerm; obligations that run "once per electoral term" (patient involvement, issue 14)
count by them.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models

from klynge.core import formats
from klynge.core.models import CprCheckedQuerySet, TrackedModel

from .periods import check_period, periods_overlap


class TermKind(models.TextChoices):
    MUNICIPAL = "municipal", "Kommunal"
    REGIONAL = "regional", "Regional"


class ElectoralTermQuerySet(CprCheckedQuerySet):
    def on(self, day: datetime.date):
        """The terms that contain ``day`` (at most one per kind)."""
        return self.filter(start__lte=day, end__gte=day)


def overlapping_term(start, end, others):
    """The first of ``others`` (objects with start, end, name) whose period meets start-end, or None."""
    for other in others:
        if periods_overlap(start, end, other.start, other.end):
            return other
    return None


class ElectoralTerm(TrackedModel):
    """A municipal or regional electoral term, e.g. 1 January 2026 - 31 December 2029."""

    name = models.CharField("navn", max_length=100, help_text="F.eks. “Valgperioden 2026-2029”.")
    kind = models.CharField("type", max_length=20, choices=TermKind.choices)
    start = models.DateField("fra")
    end = models.DateField("til")

    objects = ElectoralTermQuerySet.as_manager()

    class Meta:
        verbose_name = "valgperiode"
        verbose_name_plural = "valgperioder"
        ordering = ["start", "kind"]
        constraints = [models.UniqueConstraint(fields=["kind", "start"], name="electoral_term_kind_start",
                                               violation_error_message="Der findes allerede en valgperiode af "
                                                                       "denne type med den startdato.")]

    def __str__(self):
        return f"{self.name} ({self.get_kind_display().lower()})"

    def clean(self):
        check_period(self.start, self.end)
        if not (self.start and self.end and self.kind):
            return
        others = ElectoralTerm.objects.filter(kind=self.kind).exclude(pk=self.pk)
        clash = overlapping_term(self.start, self.end, others)
        if clash:
            raise ValidationError({"start": f"Valgperioden overlapper {clash.name} "
                                            f"({formats.period(clash.start, clash.end)}), som er af samme type."})
