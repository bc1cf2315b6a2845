"""Improvement teams (forbedringsteams): a programme, its cohorts (hold), seats, the selection process's
deadlines, and teams of leaders from several parties working on one improvement initiative.

The corpus (Sundhedsklynge Lillebælt, Fagligt strategisk niveau 7 December 2022, punkt 4) describes
Det Nationale Ledelsesprogram: hold 1 running, hold 2 with 43 seats for Region Syddanmark (10-11 per
cluster), proposals by 1 February 2023, the decision on 21 February 2023, registration by the end of
March 2023, three to six members per project, and results presented to the political level.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse

from klynge.core.models import TrackedModel
from klynge.core.versioning import VersionedModel
from klynge.organisation.choices import OrganisationKind

from . import rules
from .choices import CHAIR_ROLES, COUNTED_ROLES, DeadlineKind, TeamRole, TeamStatus

# Path segments under /forbedringsteams/ that a programme's slug would hide.
RESERVED_SLUGS = {"teams", "deltagere", "frister", "ny"}


class Programme(VersionedModel, TrackedModel):
    name = models.CharField("navn", max_length=200)
    slug = models.SlugField("kortnavn i adresser", max_length=120, unique=True,
                            error_messages={"unique": "Der findes allerede et program med dette kortnavn."})
    owner = models.CharField("udbydes af", max_length=200, blank=True,
                             help_text="Fx “Regionerne og kommunerne (Det Nationale Kvalitetsprogram)”.")
    body = models.ForeignKey("organisation.Body", verbose_name="føres af", null=True, blank=True,
                             on_delete=models.PROTECT, related_name="improvement_programmes",
                             help_text="Organet, hvis sekretariat fører programmet, holdene og pladserne. "
                                       "Tomt: kun administratorer.")
    description = models.TextField("om programmet", blank=True)
    is_demo = models.BooleanField("demodata", default=False, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = "forbedringsprogram"
        verbose_name_plural = "forbedringsprogrammer"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("improvement:programme", args=[self.slug])

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": f"“{self.slug}” bruges allerede i adresserne. Vælg et andet kortnavn."})


class Cohort(VersionedModel, TrackedModel):
    """A hold: one run of the programme with its own seats, deadlines and teams."""

    programme = models.ForeignKey(Programme, verbose_name="program", on_delete=models.PROTECT,
                                  related_name="cohorts")
    number = models.PositiveSmallIntegerField("holdnummer", validators=[
        MinValueValidator(1, "Holdnummeret skal være 1 eller mere."),
        MaxValueValidator(999, "Holdnummeret skal være 999 eller mindre.")])
    start = models.DateField("start", null=True, blank=True)
    end = models.DateField("slut", null=True, blank=True)
    description = models.TextField("om holdet", blank=True)

    class Meta:
        ordering = ["programme", "number"]
        constraints = [models.UniqueConstraint(fields=["programme", "number"], name="improvement_cohort_number")]
        verbose_name = "hold"
        verbose_name_plural = "hold"

    def __str__(self):
        return f"Hold {self.number}"

    def get_absolute_url(self):
        return reverse("improvement:cohort", args=[self.programme.slug, self.number])

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "Slutdatoen ligger før startdatoen."})


class SeatAllocation(VersionedModel, TrackedModel):
    """Seats of a cohort for a region, or for one cluster of it."""

    cohort = models.ForeignKey(Cohort, verbose_name="hold", on_delete=models.CASCADE, related_name="seats")
    region = models.ForeignKey("organisation.Organisation", verbose_name="region", on_delete=models.PROTECT,
                               related_name="+", limit_choices_to={"kind": OrganisationKind.REGION})
    cluster = models.ForeignKey("organisation.Body", verbose_name="klynge", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="+",
                                limit_choices_to={"kind__groups_bodies": True},
                                help_text="Tom: regionens samlede pladser.")
    seats = models.PositiveSmallIntegerField("pladser", validators=[
        MinValueValidator(1, "Angiv mindst 1 plads."), MaxValueValidator(999, "Angiv højst 999 pladser.")])
    note = models.CharField("bemærkning", max_length=200, blank=True)

    class Meta:
        ordering = ["cohort", "region__name", "cluster__name"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "region", "cluster"], name="improvement_one_seat_row"),
            models.UniqueConstraint(fields=["cohort", "region"], condition=models.Q(cluster__isnull=True),
                                    name="improvement_one_region_seat_row"),
        ]
        verbose_name = "pladsfordeling"
        verbose_name_plural = "pladsfordelinger"

    def __str__(self):
        return f"{self.cluster or self.region}: {self.seats} pladser"

    def clean(self):
        super().clean()
        region = self.cluster.effective_region() if self.cluster_id else None
        if region is not None and self.region_id and region.pk != self.region_id:
            raise ValidationError({"cluster": f"{self.cluster} ligger ikke i {self.region}."})
        if self.cohort_id and self.region_id:
            same = SeatAllocation.objects.filter(cohort_id=self.cohort_id, region_id=self.region_id,
                                                 cluster_id=self.cluster_id).exclude(pk=self.pk)
            if same.exists():
                where = self.cluster or self.region
                raise ValidationError(f"{where} har allerede en pladsfordeling på holdet. Ret den i stedet.")


class Deadline(VersionedModel, TrackedModel):
    """A date of the cohort's selection process or course: the programme calendar."""

    cohort = models.ForeignKey(Cohort, verbose_name="hold", on_delete=models.CASCADE, related_name="deadlines")
    kind = models.CharField("type", max_length=20, choices=DeadlineKind.choices)
    date = models.DateField("dato")
    title = models.CharField("beskrivelse", max_length=300, blank=True,
                             help_text="Fx “Fagligt strategisk niveau beslutter, hvilke projekter der indmeldes”.")
    cluster = models.ForeignKey("organisation.Body", verbose_name="gælder for klynge", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="+",
                                limit_choices_to={"kind__groups_bodies": True},
                                help_text="Tom: fristen gælder hele holdet.")
    done_on = models.DateField("overholdt den", null=True, blank=True)
    item = models.ForeignKey("meetings.AgendaItem", verbose_name="behandlet på punkt", null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = "frist"
        verbose_name_plural = "frister"

    def __str__(self):
        return f"{self.get_kind_display()} {self.date}"

    def state(self, today) -> str:
        return rules.deadline_state(self.date, self.done_on, today)


class Team(VersionedModel, TrackedModel):
    """An improvement team: leaders from several parties of a cluster working on one improvement initiative."""

    cohort = models.ForeignKey(Cohort, verbose_name="hold", on_delete=models.PROTECT, related_name="teams")
    cluster = models.ForeignKey("organisation.Body", verbose_name="klynge", on_delete=models.PROTECT,
                                related_name="improvement_teams", limit_choices_to={"kind__groups_bodies": True})
    name = models.CharField("projekt", max_length=300)
    status = models.CharField("status", max_length=20, choices=TeamStatus.choices, default=TeamStatus.PROPOSED)
    # the framework note (rammenotat)
    theme = models.TextField("tema", blank=True, help_text="Forbedringsområdet og målgruppen.")
    anchoring = models.TextField("forankring", blank=True,
                                 help_text="Hvor projektet er forankret, og hvordan erfaringerne samles op.")
    support = models.TextField("støtte og sparring", blank=True,
                               help_text="Sparringspartner, referencegruppe, dataunderstøttelse.")
    economy = models.TextField("økonomi", blank=True, help_text="Fx frikøb af almen praksis og klyngemidler.")
    reporting = models.TextField("afrapportering", blank=True,
                                 help_text="Hvornår og til hvem teamet afrapporterer.")
    internal_note = models.TextField("intern bemærkning", blank=True,
                                     help_text="Ses kun af klyngens medlemmer og sekretariat.")
    initiatives = models.ManyToManyField("funds.Initiative", verbose_name="finansieret af indsatser",
                                         blank=True, related_name="improvement_teams")
    reports = models.ManyToManyField("meetings.AgendaItem", verbose_name="afrapporteret på punkter", blank=True,
                                     related_name="improvement_teams",
                                     help_text="Punkter, hvor teamet er afrapporteret til det politiske niveau.")
    is_demo = models.BooleanField("demodata", default=False, editable=False)

    class Meta:
        ordering = ["cohort", "cluster__name", "name"]
        verbose_name = "forbedringsteam"
        verbose_name_plural = "forbedringsteams"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("improvement:team", args=[self.pk])

    def clean(self):
        super().clean()
        if self.cluster_id and not self.cluster.kind.groups_bodies:
            raise ValidationError({"cluster": "Vælg en klynge (eller et sundhedsråd)."})

    def seats(self) -> list[rules.Seat]:
        return [rules.Seat(m.organisation.name, m.organisation.get_kind_display(), m.role in CHAIR_ROLES)
                for m in self.members.select_related("organisation") if m.role in COUNTED_ROLES]

    def warnings(self) -> list[str]:
        return rules.team_warnings(self.seats())


class TeamMember(VersionedModel, TrackedModel):
    team = models.ForeignKey(Team, verbose_name="team", on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey("organisation.Person", verbose_name="person", on_delete=models.PROTECT,
                               related_name="improvement_teams")
    organisation = models.ForeignKey("organisation.Organisation", verbose_name="part", on_delete=models.PROTECT,
                                     related_name="+", help_text="Den part, deltageren kommer fra.")
    role = models.CharField("rolle", max_length=20, choices=TeamRole.choices, default=TeamRole.MEMBER)
    title = models.CharField("stilling", max_length=200, blank=True)

    class Meta:
        ordering = ["team", "role", "person__name"]
        constraints = [models.UniqueConstraint(fields=["team", "person"], name="improvement_one_seat_per_person")]
        verbose_name = "deltager i forbedringsteam"
        verbose_name_plural = "deltagere i forbedringsteams"

    def __str__(self):
        return f"{self.person} i {self.team}"

    def clean(self):
        super().clean()
        if self.team_id and self.person_id:
            if TeamMember.objects.filter(team_id=self.team_id, person_id=self.person_id).exclude(pk=self.pk).exists():
                raise ValidationError({"person": f"{self.person} er allerede med i teamet."})
