"""A body's composition (sammensætning) as data: dated versions of seat rules.

A rule says how many seats a party or a kind of party has ("§ 10: 2 praktiserende læger udpeget af
PLO"; "HE Midt deltager med 1 direktør"; "1 familiechef pr. kommune"), who appoints them and for how
long. A change of the rules (an extra seat for general practice) is a new version from a date; the
decision that approved it is linked from a higher app (meetings.CompositionApproval), because
organisation must not import meetings. Filled, vacant and over-filled seats are computed by the pure
functions in organisation/seats.py.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from klynge.core import formats
from klynge.core.models import CprCheckedQuerySet, TrackedModel

from ..choices import OrganisationKind, Role
from .periods import active_q, check_period, periods_overlap
from .terms import TermKind


class CompositionVersionQuerySet(CprCheckedQuerySet):
    def on(self, day):
        return self.filter(active_q(day, "valid_from", "valid_to"))


class CompositionVersion(TrackedModel):
    """The seat rules of a body valid from one date (to the next version)."""

    body = models.ForeignKey("Body", verbose_name="organ", on_delete=models.CASCADE, related_name="compositions")
    valid_from = models.DateField("gælder fra")
    valid_to = models.DateField("gælder til", null=True, blank=True)
    source = models.CharField("kilde", max_length=300, blank=True,
                              help_text="F.eks. “Kommissorium for den politiske klyngegruppe, § 10”.")
    note = models.TextField("bemærkning", blank=True)

    objects = CompositionVersionQuerySet.as_manager()

    class Meta:
        verbose_name = "sammensætning"
        verbose_name_plural = "sammensætninger"
        ordering = ["body", "-valid_from"]

    def __str__(self):
        return f"Sammensætning af {self.body} fra {formats.date(self.valid_from)}"

    def clean(self):
        check_period(self.valid_from, self.valid_to, "valid_from", "valid_to")
        if not (self.body_id and self.valid_from):
            return
        for other in CompositionVersion.objects.filter(body_id=self.body_id).exclude(pk=self.pk):
            if periods_overlap(self.valid_from, self.valid_to, other.valid_from, other.valid_to):
                raise ValidationError({"valid_from": f"Perioden overlapper sammensætningen fra "
                                                     f"{formats.date(other.valid_from)}. Afslut den først."})


class SeatRule(TrackedModel):
    """Seats for one party, one kind of party, or one per municipality in the cluster."""

    version = models.ForeignKey(CompositionVersion, verbose_name="sammensætning", on_delete=models.CASCADE,
                                related_name="rules")
    position = models.PositiveSmallIntegerField("rækkefølge", default=0)
    label = models.CharField("pladsen er til", max_length=200,
                             help_text="F.eks. “praktiserende læger”, “direktør”, “familiechef”.")
    seats = models.PositiveSmallIntegerField("antal pladser", default=1,
                                             validators=[MinValueValidator(1), MaxValueValidator(99)])
    party = models.ForeignKey("Organisation", verbose_name="bestemt part", null=True, blank=True,
                              on_delete=models.PROTECT, related_name="seat_rules")
    party_kind = models.CharField("partstype", max_length=30, choices=OrganisationKind.choices, blank=True,
                                  help_text="Enhver part af denne type, f.eks. almen praksis.")
    per_municipality = models.BooleanField(
        "pr. kommune", default=False,
        help_text="Antallet gælder for hver kommune i klyngens område (“1 familiechef pr. kommune”).")
    role = models.CharField("rolle", max_length=30, choices=Role.choices, blank=True,
                            help_text="Tom: enhver rolle, der tæller som medlem (formand, medformand, medlem, "
                                      "patient- og pårørenderepræsentant).")
    appointed_by = models.ForeignKey("Organisation", verbose_name="udpeges af", null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="appointing_rules")
    appointed_by_text = models.CharField("udpeges af (tekst)", max_length=200, blank=True,
                                         help_text="Når den udpegende ikke er en part, f.eks. "
                                                   "“Patientinddragelsesudvalget”.")
    source_text = models.CharField("regel i kilden", max_length=300, blank=True,
                                   help_text="Ordret, f.eks. “§ 10: 2 praktiserende læger udpeget af PLO”.")
    term_years = models.PositiveSmallIntegerField("periode (år)", null=True, blank=True,
                                                  validators=[MinValueValidator(1), MaxValueValidator(8)])
    term_kind = models.CharField("følger valgperioden", max_length=20, choices=TermKind.choices, blank=True,
                                 help_text="Perioden regnes fra starten af denne valgperiode (2 år = halv "
                                           "valgperiode, 4 år = hele).")

    class Meta:
        verbose_name = "pladsregel"
        verbose_name_plural = "pladsregler"
        ordering = ["version", "position", "pk"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        """How the rule is named in warnings: its source text, else a description."""
        return self.source_text or self.description

    @property
    def description(self) -> str:
        who = (str(self.party) if self.party_id else
               "hver kommune" if self.per_municipality else
               OrganisationKind(self.party_kind).label.lower() if self.party_kind else "")
        text = f"{self.seats} {self.label}".strip()
        if self.per_municipality:
            text += " pr. kommune"
        elif who:
            text += f" fra {who}"
        appointer = str(self.appointed_by) if self.appointed_by_id else self.appointed_by_text
        if appointer:
            text += f", udpeget af {appointer}"
        return text

    @property
    def term_label(self) -> str:
        if not self.term_years:
            return ""
        text = f"{self.term_years} år"
        if self.term_kind:
            text += f", følger den {dict(TermKind.choices).get(self.term_kind, self.term_kind).lower()}e valgperiode"
        return text

    def clean(self):
        if not (self.party_id or self.party_kind or self.per_municipality):
            raise ValidationError({"party": "Reglen mangler en part: vælg en bestemt part, en partstype "
                                            "eller “pr. kommune”."})
        if self.per_municipality and self.party_id:
            raise ValidationError({"party": "En regel pr. kommune gælder hver kommune i området; "
                                            "den kan ikke også have en bestemt part."})
        if self.per_municipality and self.party_kind and self.party_kind != OrganisationKind.MUNICIPALITY:
            raise ValidationError({"party_kind": "En regel pr. kommune gælder kommuner; vælg partstypen "
                                                 "“Kommune” eller ingen."})
        if self.party_id and self.party_kind and self.party.kind != self.party_kind:
            kind = dict(OrganisationKind.choices).get(self.party_kind, self.party_kind)
            raise ValidationError({"party_kind": f"{self.party} er ikke af typen “{kind}”."})
        if self.term_kind and not self.term_years:
            raise ValidationError({"term_years": "Angiv periodens længde i år, når den følger valgperioden."})
        if self.term_kind and self.term_years and 4 % self.term_years:
            raise ValidationError({"term_years": "En periode, der følger valgperioden, skal gå op i de fire år: "
                                                 "1, 2 eller 4 år."})
