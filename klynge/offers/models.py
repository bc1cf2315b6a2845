"""The overview of municipal and regional offers for general practice, kept by the clusters' secretariats.

The corpus asks each cluster to give its general practitioners one place to find what the
municipalities and the region offer (children and young people in distress, health and prevention,
...): what, for whom, where, how to refer and whom to call. Published as a public searchable page and
a CSV export.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from klynge.core.models import TrackedModel
from klynge.core.versioning import VersionedModel
from klynge.organisation.choices import OrganisationKind


class TargetGroup(models.TextChoices):
    CHILDREN = "children", "Børn og unge"
    ADULTS = "adults", "Voksne"
    ELDERLY = "elderly", "Ældre"
    ALL = "all", "Alle aldre"


PROVIDER_KINDS = (OrganisationKind.MUNICIPALITY, OrganisationKind.REGION)


class Offer(VersionedModel, TrackedModel):
    cluster = models.ForeignKey("organisation.Body", verbose_name="klynge", on_delete=models.PROTECT,
                                related_name="offers")
    provider = models.ForeignKey("organisation.Organisation", verbose_name="kommune eller region",
                                 on_delete=models.PROTECT, related_name="offers",
                                 limit_choices_to={"kind__in": PROVIDER_KINDS})
    title = models.CharField("tilbud", max_length=200)
    theme = models.CharField("område", max_length=120, help_text="Fx “Børn og unge i mistrivsel” eller "
                                                                 "“Sundhed og forebyggelse”.")
    target_group = models.CharField("målgruppe", max_length=20, choices=TargetGroup.choices)
    description = models.TextField("beskrivelse")
    entry_point = models.TextField("sådan henviser du", help_text="Indgang: henvisning, telefon, e-mail, "
                                                                   "formular ...")
    contact = models.CharField("kontakt", max_length=300, help_text="Navn, telefon eller e-mail.")
    url = models.URLField("læs mere", blank=True)
    active = models.BooleanField("aktivt", default=True)

    class Meta:
        ordering = ["theme", "title", "pk"]
        verbose_name = "tilbud til almen praksis"
        verbose_name_plural = "tilbud til almen praksis"

    def __str__(self):
        return f"{self.title} ({self.provider})"

    def get_absolute_url(self):
        return reverse("offers:index") + f"#tilbud-{self.pk}"

    def clean(self):
        super().clean()
        if self.provider_id and self.provider.kind not in PROVIDER_KINDS:
            raise ValidationError({"provider": "Vælg den kommune eller region, der giver tilbuddet."})
        if self.provider_id and self.cluster_id:
            cluster_region = self.cluster.effective_region()
            region = cluster_region.pk if cluster_region else None
            provider_region = self.provider.pk if self.provider.kind == OrganisationKind.REGION \
                else self.provider.region_id
            if region and provider_region and region != provider_region:
                raise ValidationError({"provider": f"{self.provider} ligger ikke i klyngens region."})
