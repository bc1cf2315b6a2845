from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from klynge.core.models import TrackedModel
from klynge.core.text import danish_slugify

from ..choices import OrganisationKind


class Organisation(TrackedModel):
    """A party (part) to the collaboration: region, hospital unit, municipality, PLO, ..."""

    name = models.CharField("navn", max_length=200, unique=True)
    short_name = models.CharField("kort navn", max_length=60, blank=True)
    slug = models.SlugField("kortnavn i adresser", max_length=200, unique=True)
    kind = models.CharField("type", max_length=30, choices=OrganisationKind.choices)
    parent = models.ForeignKey(
        "self", verbose_name="hører under", null=True, blank=True, on_delete=models.PROTECT,
        related_name="children", help_text="F.eks. en hospitalsenhed under sin region.",
    )
    region = models.ForeignKey(
        "self", verbose_name="region", null=True, blank=True, on_delete=models.PROTECT,
        related_name="organisations_in_region", limit_choices_to={"kind": OrganisationKind.REGION},
        help_text="Den region, parten geografisk hører til.",
    )
    municipality_code = models.CharField("kommunekode", max_length=3, blank=True)
    sor_code = models.CharField("SOR-kode", max_length=20, blank=True)
    website = models.URLField("hjemmeside", blank=True)

    class Meta:
        verbose_name = "part"
        verbose_name_plural = "parter"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisation", args=[self.slug])

    def clean(self):
        if self.municipality_code and not (self.municipality_code.isdigit() and len(self.municipality_code) == 3):
            raise ValidationError({"municipality_code": "Kommunekoden skal være tre cifre, f.eks. 410."})
        ancestor, seen = self.parent, set()
        while ancestor is not None and ancestor.pk not in seen:
            if self.pk and ancestor.pk == self.pk:
                raise ValidationError({"parent": "En part kan ikke ligge under sig selv."})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = danish_slugify(self.name)[:200]
        super().save(*args, **kwargs)
