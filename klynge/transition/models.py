"""A transition plan (the 2027 reform) and the provenance of everything it moved."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse

from klynge.core.models import TrackedModel

from . import rules


class PlanStatus(models.TextChoices):
    DRAFT = "draft", "Kladde"
    CHECKED = "checked", "Kontrolleret"
    RUN = "run", "Gennemført"


class TransitionPlan(TrackedModel):
    """Which bodies end on which date and who takes over; run once, in one transaction."""

    name = models.CharField("navn", max_length=200)
    region = models.ForeignKey("organisation.Organisation", verbose_name="region", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="transition_plans",
                               limit_choices_to={"kind": "region"})
    date = models.DateField("overgangsdato", help_text="Den første dag, efterfølgerne arbejder, f.eks. 1. januar 2027.")
    status = models.CharField("status", max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    is_demo = models.BooleanField("demo", default=False,
                                  help_text="En demonstrationsplan med illustrative data, ikke en officiel plan.")
    note = models.TextField("bemærkning", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="oprettet af", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    run_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="gennemført af", null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    run_by_name = models.CharField("gennemført af (navn)", max_length=200, blank=True)
    run_at = models.DateTimeField("gennemført", null=True, blank=True)
    reason = models.TextField("begrundelse", blank=True)
    report = models.JSONField("rapport", default=dict, blank=True)

    class Meta:
        verbose_name = "overgangsplan"
        verbose_name_plural = "overgangsplaner"
        ordering = ["-date", "name"]

    def __str__(self):
        return f"{'DEMO: ' if self.is_demo else ''}{self.name}"

    def get_absolute_url(self):
        return reverse("transition:plan", args=[self.pk])

    @property
    def has_run(self) -> bool:
        return self.status == PlanStatus.RUN

    def rule_rows(self) -> list[rules.Row]:
        return [row.as_rule() for row in self.rows.order_by("line", "pk")]

    def as_csv(self) -> str:
        return rules.rows_to_csv(self.rule_rows())


class PlanRow(TrackedModel):
    """One row of the plan as entered or loaded (CSV columns, raw text; resolved when checked)."""

    plan = models.ForeignKey(TransitionPlan, verbose_name="plan", on_delete=models.CASCADE, related_name="rows")
    line = models.PositiveIntegerField("række")
    action = models.CharField("handling", max_length=20)
    predecessor = models.CharField("forgænger", max_length=200, blank=True)
    successor = models.CharField("efterfølger", max_length=200, blank=True)
    new_kind = models.CharField("ny type", max_length=100, blank=True)
    region = models.CharField("region", max_length=200, blank=True)
    municipality = models.CharField("kommune", max_length=200, blank=True)
    person = models.CharField("person", max_length=200, blank=True)
    role = models.CharField("rolle", max_length=60, blank=True)
    party = models.CharField("part", max_length=200, blank=True)
    archive_access = models.CharField("arkivadgang", max_length=10, blank=True)
    takes_over = models.CharField("overtager", max_length=10, blank=True)
    initiatives = models.CharField("indsatser", max_length=10, blank=True)

    class Meta:
        verbose_name = "række i overgangsplan"
        verbose_name_plural = "rækker i overgangsplan"
        ordering = ["plan", "line"]

    def __str__(self):
        return f"Række {self.line}: {self.action} {self.predecessor} → {self.successor}".strip()

    def as_rule(self) -> rules.Row:
        return rules.Row(line=self.line, action=self.action, predecessor=self.predecessor,
                         successor=self.successor, new_kind=self.new_kind, region=self.region,
                         municipality=self.municipality, person=self.person, role=self.role, party=self.party,
                         archive_access=self.archive_access, takes_over=self.takes_over,
                         initiatives=self.initiatives)


class TransferKind(models.TextChoices):
    BODY = "body", "Organ"
    TASK = "task", "Opgave"
    PROPOSAL = "proposal", "Forslag til punkt"
    MATTER = "matter", "Sag"
    INITIATIVE = "initiative", "Indsats"
    BALANCE = "balance", "Restmidler"
    MEMBERSHIP = "membership", "Medlemskab"
    MANDATE = "mandate", "Kommissorium"
    AREA = "area", "Kommune i området"
    ORGANISATION = "organisation", "Part"


class TransferRecord(TrackedModel):
    """Provenance: this object moved (or was created or ended) from one body to another on a date."""

    plan = models.ForeignKey(TransitionPlan, verbose_name="plan", on_delete=models.PROTECT, related_name="transfers")
    kind = models.CharField("art", max_length=20, choices=TransferKind.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    obj = GenericForeignKey("content_type", "object_id")
    label = models.CharField("beskrivelse", max_length=400)
    from_body = models.ForeignKey("organisation.Body", verbose_name="fra", null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="transfers_out")
    to_body = models.ForeignKey("organisation.Body", verbose_name="til", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="transfers_in")
    date = models.DateField("dato")
    amount = models.BigIntegerField("beløb (kr.)", null=True, blank=True)

    class Meta:
        verbose_name = "overførsel ved overgang"
        verbose_name_plural = "overførsler ved overgang"
        ordering = ["plan", "kind", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"]),
                   models.Index(fields=["from_body", "kind"]), models.Index(fields=["to_body", "kind"])]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.label}"
