import datetime

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from klynge.core import formats
from klynge.core.models import CprCheckedQuerySet, TrackedModel
from klynge.core.text import danish_slugify
from klynge.core.versioning import VersionedModel

from ..choices import OrganisationKind
from .periods import active_q, check_period, period_is_active

MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
          "november", "december"]


def _danish_date(value: datetime.date) -> str:
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


class BodyKind(TrackedModel):
    """What a body is: health cluster, political level, working group, health council, ...

    Data, not code: the reform of 2027 brings new kinds an administrator adds in the admin.
    """

    name = models.CharField("navn", max_length=100, unique=True)
    plural = models.CharField("flertal", max_length=100, blank=True)
    slug = models.SlugField(max_length=100, unique=True)
    groups_bodies = models.BooleanField(
        "samler organer", default=False,
        help_text="Sæt kryds for samarbejder som sundhedsklynger og sundhedsråd, der rummer egne organer.",
    )
    sort_order = models.PositiveSmallIntegerField("rækkefølge", default=100)

    class Meta:
        verbose_name = "organtype"
        verbose_name_plural = "organtyper"
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = self.slug or danish_slugify(self.name)
        super().save(*args, **kwargs)


class BodyLevel(TrackedModel):
    """Where in the structure a body sits: political, professional-strategic, coordinating, ..."""

    name = models.CharField("navn", max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    rank = models.PositiveSmallIntegerField("rang", default=100, help_text="Lavere tal står øverst.")

    class Meta:
        verbose_name = "niveau"
        verbose_name_plural = "niveauer"
        ordering = ["rank", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = self.slug or danish_slugify(self.name)
        super().save(*args, **kwargs)


class BodyQuerySet(CprCheckedQuerySet):
    def active(self, on: datetime.date | None = None):
        return self.filter(active_q(on or timezone.localdate(), "active_from", "active_to"))


class Body(TrackedModel):
    """Any forum that meets (mødeforum): a cluster, its levels, groups, committees, councils."""

    name = models.CharField("navn", max_length=200)
    short_name = models.CharField("kort navn", max_length=80, blank=True)
    slug = models.SlugField(
        "kortnavn i adresser", max_length=200, unique=True,
        error_messages={"unique": "Der findes allerede et organ med dette kortnavn i adresser."},
    )
    kind = models.ForeignKey(BodyKind, verbose_name="type", on_delete=models.PROTECT, related_name="bodies")
    level = models.ForeignKey(
        BodyLevel, verbose_name="niveau", null=True, blank=True, on_delete=models.PROTECT, related_name="bodies"
    )
    parent = models.ForeignKey(
        "self", verbose_name="hører under", null=True, blank=True, on_delete=models.PROTECT,
        related_name="children", help_text="En klynge rummer sine niveauer; en arbejdsgruppe refererer til et niveau.",
    )
    region = models.ForeignKey(
        "Organisation", verbose_name="region", null=True, blank=True, on_delete=models.PROTECT,
        related_name="bodies_in_region", limit_choices_to={"kind": OrganisationKind.REGION},
    )
    description = models.TextField("om organet", blank=True)
    member_organisations = models.ManyToManyField(
        "Organisation", verbose_name="medlemsparter", blank=True, related_name="member_of_bodies"
    )
    active_from = models.DateField("aktiv fra", null=True, blank=True)
    active_to = models.DateField("aktiv til", null=True, blank=True)
    publishes_online_link = models.BooleanField(
        "offentliggør link til virtuelle møder", default=False,
        help_text="Ellers ser kun organets medlemmer og sekretariat linket (på siden, i kalendere, filer og e-mails).",
    )
    predecessors = models.ManyToManyField(
        "self", verbose_name="afløser", symmetrical=False, blank=True, related_name="successors",
        through="Succession", through_fields=("successor", "predecessor"),
        help_text="Organer, som dette organ har overtaget fra (f.eks. et sundhedsråd efter klynger).",
    )

    objects = BodyQuerySet.as_manager()

    class Meta:
        verbose_name = "organ"
        verbose_name_plural = "organer"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("body", args=[self.slug])

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = danish_slugify(self.name)[:200]
        super().save(*args, **kwargs)

    # --- structure -------------------------------------------------------------------
    def ancestors(self) -> list["Body"]:
        """Parent, grandparent, ... (nearest first). Stops on a cycle instead of looping."""
        chain, seen, node = [], {self.pk}, self.parent
        while node is not None and node.pk not in seen:
            chain.append(node)
            seen.add(node.pk)
            node = node.parent
        return chain

    def ancestor_ids(self) -> list[int]:
        return [b.pk for b in self.ancestors()]

    def cluster(self) -> "Body | None":
        """The nearest body (itself included) whose kind groups bodies (cluster, council)."""
        for body in [self, *self.ancestors()]:
            if body.kind.groups_bodies:
                return body
        return None

    def effective_region(self):
        for body in [self, *self.ancestors()]:
            if body.region_id:
                return body.region
        return None

    def is_active(self, on: datetime.date | None = None) -> bool:
        return period_is_active(self.active_from, self.active_to, on or timezone.localdate())

    def has_ended(self, on: datetime.date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.active_to is not None and self.active_to < on

    def forward(self, on: datetime.date | None = None) -> list:
        """Who took over, for an ended body: its own successions, else its nearest ancestor's.

        Empty when the body (and every body above it) is still active or ended without a successor.
        """
        from .succession import Succession

        for body in [self, *self.ancestors()]:
            if not body.has_ended(on):
                continue
            rows = list(Succession.objects.filter(predecessor=body).select_related("successor")
                        .order_by("-takes_over_work", "successor__name"))
            if rows:
                return rows
        return []

    def forward_text(self, on: datetime.date | None = None) -> str:
        """Danish: that the body has ended and who took over ("" while it is active)."""
        if not any(b.has_ended(on) for b in [self, *self.ancestors()]):
            return ""
        ended = next(b for b in [self, *self.ancestors()] if b.has_ended(on))
        text = f"{ended} er ophørt {_danish_date(ended.active_to)}"
        rows = self.forward(on)
        if not rows:
            return text + "."
        names = [f"{r.successor}" + (f" (fra {_danish_date(r.date)})" if r.date else "") for r in rows]
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " og " + names[-1]
        return f"{text}. Arbejdet er overtaget af {joined}."

    def current_mandate(self, on: datetime.date | None = None):
        on = on or timezone.localdate()
        return self.mandates.filter(active_q(on, "valid_from", "valid_to")).order_by("-valid_from").first()

    def clean(self):
        check_period(self.active_from, self.active_to, "active_from", "active_to")
        if self.parent_id:
            if self.pk and self.parent_id == self.pk:
                raise ValidationError({"parent": "Et organ kan ikke høre under sig selv."})
            if self.pk and self.pk in [self.parent_id, *self.parent.ancestor_ids()]:
                raise ValidationError({"parent": "Et organ kan ikke høre under et af sine egne underorganer."})
        if self.parent_id and not self.pk and self.parent.forward():
            raise ValidationError({"parent": self.parent.forward_text() + " Opret underorganet dér."})


def mandate_upload_path(instance, filename):
    return f"kommissorier/{instance.body.slug}/{filename}"


class Mandate(VersionedModel, TrackedModel):
    """A version of a body's terms of reference (kommissorium)."""

    body = models.ForeignKey(Body, verbose_name="organ", on_delete=models.CASCADE, related_name="mandates")
    title = models.CharField("titel", max_length=200, default="Kommissorium")
    text = models.TextField("tekst", blank=True)
    file = models.FileField(
        "fil", upload_to=mandate_upload_path, blank=True,
        validators=[FileExtensionValidator(["pdf", "docx", "doc", "odt", "txt"])],
    )
    approved_by = models.ForeignKey(
        Body, verbose_name="godkendt af", null=True, blank=True, on_delete=models.PROTECT,
        related_name="approved_mandates",
    )
    approved_on = models.DateField("godkendt den", null=True, blank=True)
    valid_from = models.DateField("gælder fra")
    valid_to = models.DateField("gælder til", null=True, blank=True)
    continues = models.ManyToManyField(
        "self", verbose_name="viderefører", symmetrical=False, blank=True, related_name="continued_by",
        help_text="Forgængernes kommissorier, som denne version bygger videre på (f.eks. ved overgangen i 2027).",
    )

    class Meta:
        verbose_name = "kommissorium"
        verbose_name_plural = "kommissorier"
        ordering = ["-valid_from"]

    def __str__(self):
        return f"{self.title} for {self.body} (fra {formats.date(self.valid_from)})"

    def clean(self):
        check_period(self.valid_from, self.valid_to, "valid_from", "valid_to")
        if not self.text and not self.file:
            raise ValidationError("Et kommissorium skal have en tekst, en fil eller begge dele.")


class ChairRotation(TrackedModel):
    """A planned or agreed term of a chair seat, e.g. which municipality holds the
    municipal co-chair of a cluster from 2026 to 2027."""

    body = models.ForeignKey(Body, verbose_name="organ", on_delete=models.CASCADE, related_name="chair_rotations")
    seat = models.CharField("formandspost", max_length=100, help_text="F.eks. “Kommunal medformand”.")
    organisation = models.ForeignKey(
        "Organisation", verbose_name="part", on_delete=models.PROTECT, related_name="chair_rotations"
    )
    start = models.DateField("fra")
    end = models.DateField("til")
    note = models.CharField("bemærkning", max_length=200, blank=True)

    class Meta:
        verbose_name = "formandsrotation"
        verbose_name_plural = "formandsrotationer"
        ordering = ["seat", "start"]

    def __str__(self):
        return f"{self.seat}: {self.organisation} {self.start:%Y}-{self.end:%Y}"

    def clean(self):
        check_period(self.start, self.end)
