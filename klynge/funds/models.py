"""Cluster funds: grants, carry-over, initiatives, budget lines, spending, other funding.

Amounts are whole kroner in BigIntegerField, never floats. Every record inherits
TrackedModel, so every change is in the history with who, when and (through
``_change_reason``) why.

Links to the meetings app (the decision that approved an initiative or a budget, and
its matter) are kept as a text reference plus a nullable id until that app has models;
a later migration turns the ids into foreign keys.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse

from klynge.core import formats
from klynge.core.models import TrackedModel
from klynge.core.versioning import VersionedModel
from klynge.organisation.choices import OrganisationKind

from . import calculations
from .choices import FundingKind, InitiativeStatus

YEAR_VALIDATORS = [MinValueValidator(2000, "Året skal være 2000 eller senere."),
                   MaxValueValidator(2100, "Året skal være 2100 eller tidligere.")]


class BudgetLocked(ValidationError):
    """Raised when an approved budget is changed without a new decision or a reasoned override."""


def cluster_q():
    return models.Q(kind__groups_bodies=True)


def party_region(party):
    """The region a party belongs to: itself for a region, else its (or its parent's) region."""
    seen = set()
    while party is not None and party.pk not in seen:
        seen.add(party.pk)
        if party.kind == OrganisationKind.REGION:
            return party
        if party.region_id:
            return party.region
        party = party.parent
    return None


def party_region_problem(party, cluster) -> str:
    """A Danish message when ``party`` lies in another region than ``cluster``, else ''.
    A party without a region (e.g. PLO, a patient organisation) may take part anywhere."""
    if party is None or cluster is None:
        return ""
    cluster_region, region = cluster.effective_region(), party_region(party)
    if cluster_region is None or region is None or region.pk == cluster_region.pk:
        return ""
    return (f"{party} hører til {region}, men {cluster} ligger i {cluster_region}. "
            f"Vælg en part fra {cluster_region} eller en part uden region.")


class Grant(VersionedModel, TrackedModel):
    """Funds granted to a cluster for a year, as one party's share (a municipality, the region,
    or a pooled share such as 'the municipalities of the cluster')."""

    cluster = models.ForeignKey("organisation.Body", verbose_name="klynge", on_delete=models.PROTECT,
                                related_name="grants", limit_choices_to=cluster_q)
    year = models.PositiveSmallIntegerField("år", validators=YEAR_VALIDATORS)
    party = models.ForeignKey("organisation.Organisation", verbose_name="part", on_delete=models.PROTECT,
                              related_name="cluster_grants")
    amount = models.BigIntegerField("beløb (kr.)",
                                    validators=[MinValueValidator(0, "En bevilling kan ikke være negativ."),
                                                calculations.validate_kroner])
    note = models.CharField("bemærkning", max_length=300, blank=True)

    class Meta:
        verbose_name = "bevilling"
        verbose_name_plural = "bevillinger"
        ordering = ["cluster", "year", "party__name"]
        constraints = [
            models.UniqueConstraint(fields=["cluster", "year", "party"], name="funds_grant_unique_party_year"),
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="funds_grant_amount_not_negative"),
        ]

    def __str__(self):
        return f"{self.party} {self.year}: {calculations.format_kroner(self.amount)}"

    def clean(self):
        problem = party_region_problem(self.party if self.party_id else None,
                                       self.cluster if self.cluster_id else None)
        if problem:
            raise ValidationError({"party": problem})


class Transfer(TrackedModel):
    """Carry-over (overførsel) of a party's funds from one year to a later one."""

    cluster = models.ForeignKey("organisation.Body", verbose_name="klynge", on_delete=models.PROTECT,
                                related_name="fund_transfers", limit_choices_to=cluster_q)
    party = models.ForeignKey("organisation.Organisation", verbose_name="part", on_delete=models.PROTECT,
                              related_name="fund_transfers")
    from_year = models.PositiveSmallIntegerField("fra år", validators=YEAR_VALIDATORS)
    to_year = models.PositiveSmallIntegerField("til år", validators=YEAR_VALIDATORS)
    amount = models.BigIntegerField("beløb (kr.)",
                                    validators=[MinValueValidator(1, "Et overført beløb skal være positivt."),
                                                calculations.validate_kroner])
    decision_reference = models.CharField("beslutning", max_length=300, blank=True,
                                          help_text="Mødet og punktet, hvor overførslen blev besluttet.")
    note = models.CharField("bemærkning", max_length=300, blank=True)

    class Meta:
        verbose_name = "overførsel"
        verbose_name_plural = "overførsler"
        ordering = ["cluster", "from_year", "party__name"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="funds_transfer_amount_positive"),
            models.CheckConstraint(condition=models.Q(to_year__gt=models.F("from_year")),
                                   name="funds_transfer_forward_in_time"),
        ]

    def __str__(self):
        return f"{self.party} {self.from_year}→{self.to_year}: {calculations.format_kroner(self.amount)}"

    def clean(self):
        if self.from_year and self.to_year and self.to_year <= self.from_year:
            raise ValidationError({"to_year": "Midler kan kun overføres til et senere år."})


class Initiative(VersionedModel, TrackedModel):
    """An initiative (indsats) that cluster funds are committed to."""

    cluster = models.ForeignKey("organisation.Body", verbose_name="klynge", on_delete=models.PROTECT,
                                related_name="initiatives", limit_choices_to=cluster_q)
    number = models.CharField("nummer", max_length=20, help_text="F.eks. 3, 10a eller 10b.")
    title = models.CharField("titel", max_length=300)
    responsible_body = models.ForeignKey("organisation.Body", verbose_name="ansvarligt forum", null=True,
                                         blank=True, on_delete=models.SET_NULL,
                                         related_name="responsible_for_initiatives")
    focus_area = models.CharField("indsatsområde", max_length=200, blank=True)
    project_owner = models.ForeignKey(
        "organisation.Organisation", verbose_name="projektejer", null=True, blank=True, on_delete=models.PROTECT,
        related_name="owned_initiatives",
        help_text="Kommunen eller sygehuset med det juridiske og økonomiske ansvar; sender regninger til parterne.",
    )
    chairs = models.ManyToManyField("organisation.Person", verbose_name="formandskab", blank=True,
                                    related_name="chaired_initiatives")
    status = models.CharField("status", max_length=20, choices=InitiativeStatus.choices,
                              default=InitiativeStatus.PROPOSED)
    start = models.DateField("start", null=True, blank=True)
    end = models.DateField("slut", null=True, blank=True)
    description = models.TextField("beskrivelse", blank=True)
    evaluation_plan = models.TextField("evalueringsplan", blank=True)
    decision_reference = models.CharField("godkendt ved beslutning", max_length=300, blank=True,
                                          help_text="Møde og punkt, f.eks. “Politisk niveau 16. januar 2023, punkt 4”.")
    decision = models.ForeignKey(
        "meetings.AgendaItem", verbose_name="beslutningens punkt", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="approved_initiatives", help_text="Punktet på mødet, hvor indsatsen blev godkendt.",
    )
    matter_reference = models.CharField("sag", max_length=300, blank=True,
                                        help_text="Sagens titel eller journalnummer.")
    matter = models.ForeignKey("meetings.Matter", verbose_name="sag i mødemodulet", null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="initiatives")
    is_example = models.BooleanField("eksempel", default=False, editable=False,
                                     help_text="Demodata, som ikke stammer fra korpusset.")

    class Meta:
        verbose_name = "indsats"
        verbose_name_plural = "indsatser"
        ordering = ["cluster", "number"]
        constraints = [models.UniqueConstraint(fields=["cluster", "number"], name="funds_initiative_unique_number")]

    def __str__(self):
        return f"{self.number}. {self.title}"

    def get_absolute_url(self):
        return reverse("funds:initiative", args=[self.cluster.slug, self.number])

    @property
    def sort_key(self):
        return calculations.natural_key(self.number)

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "Slutdatoen ligger før startdatoen."})
        self.number = (self.number or "").strip()
        if self.number and not calculations.natural_key(self.number):
            raise ValidationError({"number": "Angiv et nummer, f.eks. 3 eller 10a."})

    # --- budget approval -------------------------------------------------------------
    def latest_approval(self):
        return self.budget_approvals.order_by("-decided_on", "-pk").first()

    @property
    def budget_locked(self) -> bool:
        # Lists annotate it in their query (queries._initiatives); a single record asks the database.
        if "has_budget_approval" in self.__dict__:
            return self.has_budget_approval
        return self.budget_approvals.exists()


class BudgetApproval(TrackedModel):
    """A decision that approved (or re-approved) an initiative's budget. While one exists the
    budget is locked: changes need a new decision or an explicit, reasoned override."""

    initiative = models.ForeignKey(Initiative, verbose_name="indsats", on_delete=models.CASCADE,
                                   related_name="budget_approvals")
    decided_on = models.DateField("besluttet den")
    reference = models.CharField("beslutning", max_length=300,
                                 help_text="Forum, møde og punkt, f.eks. “Politisk niveau 16. januar 2023, punkt 4”.")
    decision = models.ForeignKey("meetings.AgendaItem", verbose_name="beslutningens punkt", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="budget_approvals")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="registreret af", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    budget_total = models.BigIntegerField("godkendt budget i alt (kr.)", default=0)
    # A funds approval may rest on delegated authority ("det politiske formandskab gives bemyndigelse til at
    # godkende forslag til initiativer", issue 14, point 5). funds reads governance's register; governance
    # shows these approvals through the reverse relation without importing funds.
    delegation = models.ForeignKey("governance.Delegation", verbose_name="truffet under bemyndigelse", null=True,
                                   blank=True, on_delete=models.PROTECT, related_name="budget_approvals")

    class Meta:
        verbose_name = "budgetgodkendelse"
        verbose_name_plural = "budgetgodkendelser"
        ordering = ["-decided_on", "-pk"]

    def __str__(self):
        return f"{self.reference} ({formats.date(self.decided_on)})"


class LockedBudgetMixin:
    """Refuse to save or delete a line of an approved budget without a stated basis.

    Callers set ``instance._change_reason`` (who and when come from the history) and
    ``instance._budget_change_allowed = True`` after recording a new decision or a
    reasoned override (see actions.change_budget_line).
    """

    def _initiative_for_lock(self):
        return self.initiative

    def _check_lock(self):
        initiative = self._initiative_for_lock()
        if initiative is not None and initiative.pk and initiative.budget_locked and not getattr(
            self, "_budget_change_allowed", False
        ):
            raise BudgetLocked(
                f"Budgettet for indsats {initiative.number} er godkendt ved en beslutning og er låst. "
                "En ændring kræver en ny beslutning eller en begrundet overstyring."
            )


class BudgetLine(LockedBudgetMixin, VersionedModel, TrackedModel):
    """Funds committed to an initiative for a year, from one party."""

    initiative = models.ForeignKey(Initiative, verbose_name="indsats", on_delete=models.CASCADE,
                                   related_name="budget_lines")
    year = models.PositiveSmallIntegerField("år", validators=YEAR_VALIDATORS)
    party = models.ForeignKey("organisation.Organisation", verbose_name="part", on_delete=models.PROTECT,
                              related_name="budget_lines")
    amount = models.BigIntegerField("beløb (kr.)",
                                    validators=[MinValueValidator(0, "Et budget kan ikke være negativt."),
                                                calculations.validate_kroner])
    note = models.CharField("bemærkning", max_length=300, blank=True)

    class Meta:
        verbose_name = "budgetlinje"
        verbose_name_plural = "budgetlinjer"
        ordering = ["initiative", "year", "party__name"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "year", "party"], name="funds_budget_unique_party_year"),
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="funds_budget_amount_not_negative"),
        ]

    def __str__(self):
        return f"{self.initiative.number} {self.party} {self.year}: {calculations.format_kroner(self.amount)}"

    def save(self, *args, **kwargs):
        self._check_lock()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._check_lock()
        return super().delete(*args, **kwargs)


class DistributionShare(TrackedModel):
    """One party's weight in an initiative's distribution key (fordelingsnøgle) for invoicing.

    Weights are whole numbers (per cent, per mille, inhabitants, ...); only their ratio
    counts. Without a key, the initiative's budget per party is the key."""

    initiative = models.ForeignKey(Initiative, verbose_name="indsats", on_delete=models.CASCADE,
                                   related_name="distribution_shares")
    party = models.ForeignKey("organisation.Organisation", verbose_name="part", on_delete=models.PROTECT,
                              related_name="distribution_shares")
    weight = models.PositiveBigIntegerField("andel")

    class Meta:
        verbose_name = "andel i fordelingsnøgle"
        verbose_name_plural = "fordelingsnøgle"
        ordering = ["initiative", "party__name"]
        constraints = [models.UniqueConstraint(fields=["initiative", "party"], name="funds_share_unique_party")]

    def __str__(self):
        return f"{self.party}: {self.weight}"


class Spending(TrackedModel):
    """Actual spending (forbrug) on an initiative for a period, charged to a budget year."""

    initiative = models.ForeignKey(Initiative, verbose_name="indsats", on_delete=models.CASCADE,
                                   related_name="spendings")
    year = models.PositiveSmallIntegerField("budgetår", validators=YEAR_VALIDATORS)
    period_start = models.DateField("periode fra")
    period_end = models.DateField("periode til")
    amount = models.BigIntegerField("beløb (kr.)", validators=[calculations.validate_kroner])
    description = models.CharField("tekst", max_length=300, blank=True)

    class Meta:
        verbose_name = "forbrug"
        verbose_name_plural = "forbrug"
        ordering = ["initiative", "period_start", "pk"]

    def __str__(self):
        return f"{self.initiative.number} {formats.period(self.period_start, self.period_end)}"

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": "Periodens slutdato ligger før startdatoen."})


class OtherFunding(TrackedModel):
    """Funding of an initiative from outside the cluster funds: pools, foundations, a party's own money."""

    initiative = models.ForeignKey(Initiative, verbose_name="indsats", on_delete=models.CASCADE,
                                   related_name="other_funding")
    kind = models.CharField("type", max_length=20, choices=FundingKind.choices, default=FundingKind.POOL)
    source = models.CharField("kilde", max_length=300, help_text="F.eks. puljens eller fondens navn.")
    year = models.PositiveSmallIntegerField("år", validators=YEAR_VALIDATORS)
    amount = models.BigIntegerField("beløb (kr.)", validators=[MinValueValidator(0, "Beløbet kan ikke være negativt."),
                                                               calculations.validate_kroner])
    note = models.CharField("bemærkning", max_length=300, blank=True)

    class Meta:
        verbose_name = "anden finansiering"
        verbose_name_plural = "anden finansiering"
        ordering = ["initiative", "year", "source"]

    def __str__(self):
        return f"{self.source} {self.year}: {calculations.format_kroner(self.amount)}"


class BalanceHandover(TrackedModel):
    """A party's unspent balance handed from an ending cluster to its successor (e.g. a health council).

    Counted once: as money out of ``from_cluster`` and money in to ``to_cluster`` in ``year``
    (see queries.grant_inputs), so the ending cluster's balance for the party becomes zero and
    the successor's grows by the same amount. May be negative when the party had committed more
    than it had granted (the deficit carries over too).
    """

    from_cluster = models.ForeignKey("organisation.Body", verbose_name="fra", on_delete=models.PROTECT,
                                     related_name="handovers_out")
    to_cluster = models.ForeignKey("organisation.Body", verbose_name="til", on_delete=models.PROTECT,
                                   related_name="handovers_in")
    party = models.ForeignKey("organisation.Organisation", verbose_name="part", on_delete=models.PROTECT,
                              related_name="fund_handovers")
    year = models.PositiveSmallIntegerField("år", validators=YEAR_VALIDATORS)
    amount = models.BigIntegerField("beløb (kr.)")
    handed_over_on = models.DateField("overført den")
    note = models.CharField("bemærkning", max_length=300, blank=True)

    class Meta:
        verbose_name = "overdragelse af restmidler"
        verbose_name_plural = "overdragelser af restmidler"
        ordering = ["handed_over_on", "party__name"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(from_cluster=models.F("to_cluster")),
                                   name="funds_handover_between_two_clusters"),
        ]

    def __str__(self):
        return f"{self.party}: {calculations.format_kroner(self.amount)} fra {self.from_cluster} til {self.to_cluster}"

from .lifecycle import FinalReport, InitiativePhase, PatientPerspective, ProgressReport  # noqa: E402,F401  (Django finds them here)
