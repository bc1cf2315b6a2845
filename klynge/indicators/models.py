"""Indicators: definitions, the areas they are measured for, series and their points.

An indicator (e.g. "Akutte indlæggelser, borgere 65+") is measured for areas (a region, a
cluster, a municipality), optionally per age band; one Series holds the points of one
indicator, area and age band. Counts, numerators and denominators are integers; values are
Decimal, so nothing is lost between import and display.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from klynge.core.models import TrackedModel
from klynge.core.text import danish_slugify
from klynge.organisation.choices import OrganisationKind

from .choices import LEVEL_RANK, Direction, Frequency, Level, Unit


class Goal(TrackedModel):
    """A shared goal (målsætning) under a focus area (indsatsområde) that indicators follow."""

    title = models.CharField("målsætning", max_length=300)
    focus_area = models.CharField("indsatsområde", max_length=200, blank=True,
                                  help_text="F.eks. “Sammen om ældre borgere”.")
    description = models.TextField("beskrivelse", blank=True)

    class Meta:
        verbose_name = "målsætning"
        verbose_name_plural = "målsætninger"
        ordering = ["focus_area", "title"]

    def __str__(self):
        return f"{self.focus_area}: {self.title}" if self.focus_area else self.title


class Indicator(TrackedModel):
    name = models.CharField("navn", max_length=200, unique=True)
    slug = models.SlugField("kortnavn", max_length=200, unique=True,
                            help_text="Bruges i adresser og i importfiler; udfyldes ud fra navnet, hvis tomt.")
    description = models.TextField("beskrivelse", blank=True)
    unit = models.CharField("enhed", max_length=20, choices=Unit.choices, default=Unit.COUNT)
    desired_direction = models.CharField("ønsket retning", max_length=10, choices=Direction.choices,
                                         default=Direction.NONE)
    source = models.CharField("datakilde", max_length=300, blank=True)
    frequency = models.CharField("hyppighed", max_length=10, choices=Frequency.choices, default=Frequency.MONTH)
    level = models.CharField(
        "niveau", max_length=20, choices=Level.choices, default=Level.MUNICIPALITY,
        help_text="Det fineste niveau, indikatoren opgøres på. En kommuneindikator kan også vises for klynger "
                  "og regioner; en regionsindikator kun for regioner.",
    )
    age_bands = models.CharField(
        "aldersgrupper", max_length=200, blank=True,
        help_text="Valgfri, adskilt af komma, f.eks. “65-79, 80+”. Tom, hvis indikatoren ikke opdeles på alder.",
    )
    goals = models.ManyToManyField(Goal, verbose_name="målsætninger", blank=True, related_name="indicators")
    sort_order = models.PositiveSmallIntegerField("rækkefølge", default=100)

    class Meta:
        verbose_name = "indikator"
        verbose_name_plural = "indikatorer"
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = self.slug or danish_slugify(self.name)[:200]
        super().save(*args, **kwargs)

    def clean(self):
        bands = self.age_band_list()
        if len(set(bands)) != len(bands):
            raise ValidationError({"age_bands": "Den samme aldersgruppe står flere gange."})

    def age_band_list(self) -> list[str]:
        return [band.strip() for band in self.age_bands.split(",") if band.strip()]

    def allows_level(self, level: str) -> bool:
        """Can this indicator be reported for an area at ``level``?"""
        return LEVEL_RANK[Level(level)] >= LEVEL_RANK[Level(self.level)]


class Area(TrackedModel):
    """What a series is measured for: a region or municipality (Organisation) or a cluster (Body)."""

    organisation = models.OneToOneField(
        "organisation.Organisation", verbose_name="part", null=True, blank=True, on_delete=models.PROTECT,
        related_name="indicator_area",
    )
    body = models.OneToOneField(
        "organisation.Body", verbose_name="klynge", null=True, blank=True, on_delete=models.PROTECT,
        related_name="indicator_area",
    )
    level = models.CharField("niveau", max_length=20, choices=Level.choices)
    region = models.ForeignKey(
        "organisation.Organisation", verbose_name="region", null=True, blank=True, on_delete=models.PROTECT,
        related_name="indicator_areas_in_region",
    )
    name = models.CharField("navn", max_length=200)
    slug = models.SlugField("kortnavn", max_length=200, unique=True)

    class Meta:
        verbose_name = "område"
        verbose_name_plural = "områder"
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(organisation__isnull=False) & Q(body__isnull=True))
                | (Q(organisation__isnull=True) & Q(body__isnull=False)),
                name="indicators_area_one_source",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("indicators:dashboard", args=[self.slug])

    @classmethod
    def for_organisation(cls, organisation) -> "Area":
        """The area of a region or municipality, created on first use."""
        if organisation.kind == OrganisationKind.REGION:
            level, region = Level.REGION, organisation
        elif organisation.kind == OrganisationKind.MUNICIPALITY:
            level, region = Level.MUNICIPALITY, organisation.region
        else:
            raise ValueError(f"{organisation} er hverken en region eller en kommune")
        area = cls.objects.filter(organisation=organisation).first()
        if area is None:
            area = cls.objects.create(organisation=organisation, level=level, region=region,
                                      name=organisation.name, slug=cls._free_slug(organisation.slug))
        return area

    @classmethod
    def for_body(cls, body) -> "Area":
        """The area of a cluster (a body whose kind groups bodies), created on first use."""
        if not body.kind.groups_bodies:
            raise ValueError(f"{body} er ikke en klynge")
        area = cls.objects.filter(body=body).first()
        if area is None:
            area = cls.objects.create(body=body, level=Level.CLUSTER, region=body.effective_region(),
                                      name=body.name, slug=cls._free_slug(body.slug))
        return area

    @classmethod
    def _free_slug(cls, base: str) -> str:
        """A region, a municipality and a cluster may share a slug in their own tables; not here."""
        slug, n = base[:190], 2
        while cls.objects.filter(slug=slug).exists():
            slug, n = f"{base[:190]}-{n}", n + 1
        return slug


class Series(TrackedModel):
    indicator = models.ForeignKey(Indicator, verbose_name="indikator", on_delete=models.CASCADE,
                                  related_name="series")
    area = models.ForeignKey(Area, verbose_name="område", on_delete=models.PROTECT, related_name="series")
    age_band = models.CharField("aldersgruppe", max_length=20, blank=True,
                                help_text="Tom for alle aldre (eller indikatorens samlede målgruppe).")
    synthetic = models.BooleanField(
        "syntetiske data", default=False,
        help_text="Konstruerede tal (demodata). Vises altid med en tydelig mærkning.",
    )

    class Meta:
        verbose_name = "serie"
        verbose_name_plural = "serier"
        ordering = ["indicator__sort_order", "indicator__name", "area__name", "age_band"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "area", "age_band"], name="indicators_series_unique"),
        ]

    def __str__(self):
        band = f" ({self.age_band} år)" if self.age_band else ""
        return f"{self.indicator}{band} – {self.area}"

    def get_absolute_url(self):
        return reverse("indicators:series", args=[self.pk])


class Point(TrackedModel):
    series = models.ForeignKey(Series, verbose_name="serie", on_delete=models.CASCADE, related_name="points")
    period = models.DateField("periode", help_text="Første dag i perioden (måned, kvartal eller år).")
    value = models.DecimalField("værdi", max_digits=18, decimal_places=4)
    numerator = models.PositiveBigIntegerField("tæller", null=True, blank=True)
    denominator = models.PositiveBigIntegerField("nævner", null=True, blank=True)

    class Meta:
        verbose_name = "måling"
        verbose_name_plural = "målinger"
        ordering = ["series", "period"]
        constraints = [
            models.UniqueConstraint(fields=["series", "period"], name="indicators_point_unique"),
            models.CheckConstraint(
                condition=(Q(numerator__isnull=True) & Q(denominator__isnull=True))
                | (Q(numerator__isnull=False) & Q(denominator__isnull=False)),
                name="indicators_point_fraction_complete",
            ),
        ]

    def __str__(self):
        return f"{self.series}: {self.period:%Y-%m} = {self.value}"
