"""The framework agreement (the health agreement, later a council's plan), its priority areas and goals."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from klynge.core.models import TrackedModel
from klynge.core.text import danish_slugify
from klynge.core.versioning import VersionedModel

from ..choices import GoalComparison

NO_UNIT = "Et mål skal have en enhed (f.eks. “%”, “antal indlæggelser” eller “dagligrygere”)."


def lines(text: str) -> list[str]:
    """One entry a line; bullets and blank lines dropped."""
    cleaned = (line.strip().lstrip("-•*").strip() for line in (text or "").splitlines())
    return [line for line in cleaned if line]


class FrameworkAgreement(VersionedModel, TrackedModel):
    """A health agreement (sundhedsaftale) or a council's plan: a period, visions, principles."""

    title = models.CharField("titel", max_length=200)
    slug = models.SlugField("kortnavn i adresser", max_length=200, unique=True)
    owner_body = models.ForeignKey("organisation.Body", verbose_name="ejes af", on_delete=models.PROTECT,
                                   related_name="framework_agreements",
                                   help_text="Det regionsdækkende organ, der står for aftalen.")
    period_start = models.DateField("periode fra")
    period_end = models.DateField("periode til")
    overall_goal = models.CharField("overordnet mål", max_length=300, blank=True)
    visions = models.TextField("visioner", blank=True, help_text="Én vision pr. linje.")
    principles = models.TextField("principper", blank=True, help_text="Ét princip pr. linje.")
    description = models.TextField("beskrivelse", blank=True)
    is_demo = models.BooleanField("demodata", default=False)

    class Meta:
        verbose_name = "rammeaftale"
        verbose_name_plural = "rammeaftaler"
        ordering = ["-period_start", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("agreements:framework", args=[self.slug])

    def save(self, *args, **kwargs):
        self.slug = self.slug or danish_slugify(self.title)[:200]
        super().save(*args, **kwargs)

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": "Perioden kan ikke slutte, før den begynder."})

    @property
    def vision_list(self):
        return lines(self.visions)

    @property
    def principle_list(self):
        return lines(self.principles)


class PriorityArea(VersionedModel, TrackedModel):
    """An indsatsområde of a framework agreement ("Sammen om ældre borgere")."""

    framework = models.ForeignKey(FrameworkAgreement, verbose_name="rammeaftale", on_delete=models.CASCADE,
                                  related_name="priority_areas")
    title = models.CharField("indsatsområde", max_length=200)
    focus = models.CharField("fokus", max_length=300, blank=True, help_text="F.eks. “først med fokus på rygning”.")
    sort_order = models.PositiveSmallIntegerField("rækkefølge", default=100)

    class Meta:
        verbose_name = "indsatsområde"
        verbose_name_plural = "indsatsområder"
        ordering = ["framework", "sort_order", "title"]
        constraints = [models.UniqueConstraint(fields=["framework", "title"], name="agreements_area_unique")]

    def __str__(self):
        return self.title


class Goal(VersionedModel, TrackedModel):
    """A goal (mål) with a target: "75 % af de ældre over 65 år vaccineres" = at least 75, unit %."""

    framework = models.ForeignKey(FrameworkAgreement, verbose_name="rammeaftale", on_delete=models.CASCADE,
                                  related_name="goals")
    priority_area = models.ForeignKey(PriorityArea, verbose_name="indsatsområde", null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="goals")
    title = models.CharField("målsætning", max_length=300)
    comparison = models.CharField("måltype", max_length=10, choices=GoalComparison.choices,
                                  default=GoalComparison.AT_LEAST)
    target_value = models.DecimalField("måltal", max_digits=14, decimal_places=4, null=True, blank=True,
                                       help_text="Tom, hvis målet kun angiver en retning.")
    unit = models.CharField("enhed", max_length=60, error_messages={"blank": NO_UNIT, "required": NO_UNIT},
                            help_text="F.eks. “%” eller “antal indlæggelser”.")
    deadline = models.DateField("frist", null=True, blank=True)
    indicators = models.ManyToManyField("indicators.Indicator", verbose_name="indikatorer", blank=True,
                                        related_name="agreement_goals")
    sort_order = models.PositiveSmallIntegerField("rækkefølge", default=100)

    class Meta:
        verbose_name = "mål"
        verbose_name_plural = "mål"
        ordering = ["framework", "sort_order", "pk"]
        constraints = [models.CheckConstraint(condition=~Q(unit=""), name="agreements_goal_has_unit")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("agreements:goal", args=[self.pk])

    def clean(self):
        if not (self.unit or "").strip():
            raise ValidationError({"unit": NO_UNIT})
        if self.priority_area_id and self.framework_id and self.priority_area.framework_id != self.framework_id:
            raise ValidationError({"priority_area": "Indsatsområdet hører til en anden rammeaftale."})

    def save(self, *args, **kwargs):
        self.unit = (self.unit or "").strip()
        if not self.unit:
            raise ValidationError({"unit": NO_UNIT})
        super().save(*args, **kwargs)
