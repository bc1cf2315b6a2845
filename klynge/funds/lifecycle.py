"""An initiative through its life: phases with dates, progress reports, the final report to the
region-wide body with its decision whether to spread the initiative, and the patient perspective.

After the corpus (Lillebælt, item 5): "Evaluering og afrapportering forelægges afslutningsvis
Sundhedssamarbejdsudvalget, som på den baggrund drøfter og beslutter, om den konkrete indsats skal
udbredes." Pure rules are the plain functions at the top; the models follow. Imported by
funds.models so Django finds the models.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models

from klynge.core import formats
from klynge.core.models import TrackedModel
from klynge.core.versioning import VersionedModel


class PhaseKind(models.TextChoices):
    PROBLEM = "problem", "Problembeskrivelse"
    WORKSHOPS = "workshops", "Workshops"
    PILOT = "pilot", "Afprøvning (pilot)"
    OPERATION = "operation", "Overgang til drift"
    SCALING = "scaling", "Udbredelse"


PHASE_ORDER = [k.value for k in PhaseKind]


class SpreadDecision(models.TextChoices):
    PENDING = "pending", "Afventer beslutning"
    SPREAD = "spread", "Udbredes"
    PARTLY = "partly", "Udbredes delvist"
    NOT_SPREAD = "not_spread", "Udbredes ikke"


# --- pure rules ------------------------------------------------------------------------------

def phase_problem(kind: str, start, end, others: list[tuple[str, datetime.date | None]]) -> str:
    """A Danish message when a phase's dates do not fit, else ''. ``others`` are the initiative's other
    phases as (kind, start): a later phase may not start before an earlier one."""
    if start and end and end < start:
        return "Fasens slutdato ligger før startdatoen."
    if not start or kind not in PHASE_ORDER:  # an unknown kind is the field's own error
        return ""
    position = PHASE_ORDER.index(kind)
    labels = dict(PhaseKind.choices)
    for other_kind, other_start in others:
        if other_start is None or other_kind == kind or other_kind not in PHASE_ORDER:
            continue
        other_position = PHASE_ORDER.index(other_kind)
        if other_position < position and other_start > start:
            return f"{labels[kind]} kan ikke starte før {labels[other_kind].lower()} ({formats.date(other_start)})."
        if other_position > position and other_start < start:
            return f"{labels[kind]} kan ikke starte efter {labels[other_kind].lower()} ({formats.date(other_start)})."
    return ""


def current_phase(phases: list[tuple[str, datetime.date | None, datetime.date | None]], today: datetime.date):
    """The kind of the phase the initiative is in on ``today``: the latest phase (in the phase order)
    that has started; None before the first phase starts."""
    started = [kind for kind, start, _end in phases if start and start <= today]
    if not started:
        return None
    return max(started, key=PHASE_ORDER.index)


def decision_problem(decision: str, submitted_on, decided_on) -> str:
    """A decision needs its date, and cannot come before the report was submitted."""
    if decision == SpreadDecision.PENDING:
        return "" if decided_on is None else "Fjern beslutningsdatoen, eller vælg beslutningen."
    if decided_on is None:
        return "Angiv datoen for beslutningen."
    if submitted_on and decided_on < submitted_on:
        return "Beslutningen kan ikke ligge før slutrapporten blev forelagt."
    return ""


# --- models ----------------------------------------------------------------------------------

class InitiativePhase(VersionedModel, TrackedModel):
    initiative = models.ForeignKey("funds.Initiative", verbose_name="indsats", on_delete=models.CASCADE,
                                   related_name="phases")
    kind = models.CharField("fase", max_length=20, choices=PhaseKind.choices)
    start = models.DateField("start")
    end = models.DateField("slut", null=True, blank=True)
    note = models.CharField("bemærkning", max_length=500, blank=True)

    class Meta:
        verbose_name = "fase"
        verbose_name_plural = "faser"
        ordering = ["initiative", "start", "pk"]
        constraints = [models.UniqueConstraint(fields=["initiative", "kind"], name="funds_phase_unique_kind")]

    def __str__(self):
        return self.get_kind_display()

    def clean(self):
        others = []
        if self.initiative_id:
            others = list(self.initiative.phases.exclude(pk=self.pk).values_list("kind", "start"))
            if any(k == self.kind for k, _ in others):
                raise ValidationError({"kind": f"Indsatsen har allerede fasen {self.get_kind_display().lower()}."})
        problem = phase_problem(self.kind, self.start, self.end, others)
        if problem:
            raise ValidationError({"end" if "slutdato" in problem else "start": problem})


class ProgressReport(VersionedModel, TrackedModel):
    """A status report (statusrapport) on an initiative, for the cluster's own levels. Internal:
    seen by the cluster's members and secretariat, like spending."""

    initiative = models.ForeignKey("funds.Initiative", verbose_name="indsats", on_delete=models.CASCADE,
                                   related_name="progress_reports")
    reported_on = models.DateField("dato")
    text = models.TextField("status", max_length=5000)
    reported_to = models.ForeignKey("organisation.Body", verbose_name="forelagt for", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "statusrapport"
        verbose_name_plural = "statusrapporter"
        ordering = ["-reported_on", "-pk"]

    def __str__(self):
        return f"Statusrapport {self.reported_on:%d.%m.%Y}"


class FinalReport(VersionedModel, TrackedModel):
    """The final report (slutrapport) to the region-wide body and its decision whether to spread."""

    initiative = models.OneToOneField("funds.Initiative", verbose_name="indsats", on_delete=models.CASCADE,
                                      related_name="final_report")
    submitted_to = models.ForeignKey("organisation.Body", verbose_name="forelagt for", on_delete=models.PROTECT,
                                     related_name="+", help_text="Det tværgående organ, f.eks. "
                                                                 "Sundhedssamarbejdsudvalget.")
    submitted_on = models.DateField("forelagt den")
    summary = models.TextField("resultater", max_length=5000)
    decision = models.CharField("beslutning om udbredelse", max_length=20, choices=SpreadDecision.choices,
                                default=SpreadDecision.PENDING)
    decided_on = models.DateField("besluttet den", null=True, blank=True)
    decision_item = models.ForeignKey("meetings.AgendaItem", verbose_name="beslutningens punkt", null=True,
                                      blank=True, on_delete=models.SET_NULL, related_name="spread_decisions")
    decision_note = models.TextField("begrundelse", blank=True, max_length=2000)

    class Meta:
        verbose_name = "slutrapport"
        verbose_name_plural = "slutrapporter"

    def __str__(self):
        return f"Slutrapport: {self.get_decision_display()}"

    def clean(self):
        problem = decision_problem(self.decision, self.submitted_on, self.decided_on)
        if problem:
            raise ValidationError({"decided_on": problem})
        item = self.decision_item if self.decision_item_id else None
        if item is not None and self.submitted_to_id and item.meeting.body_id != self.submitted_to_id:
            raise ValidationError({"decision_item": "Punktet er ikke fra et møde i det organ, rapporten er forelagt."})


class PatientPerspective(VersionedModel, TrackedModel):
    """How patients and relatives see, and take part in, the initiative. Public like the initiative."""

    initiative = models.OneToOneField("funds.Initiative", verbose_name="indsats", on_delete=models.CASCADE,
                                      related_name="patient_perspective")
    perspective = models.TextField("patientperspektiv", max_length=4000,
                                   help_text="Hvad betyder indsatsen for patienter og pårørende?")
    involvement = models.TextField("inddragelse", blank=True, max_length=4000,
                                   help_text="Hvordan patienter og pårørende er inddraget, f.eks. repræsentanter "
                                             "fra Patientinddragelsesudvalget i arbejdsgruppen.")

    class Meta:
        verbose_name = "patientperspektiv"
        verbose_name_plural = "patientperspektiver"

    def __str__(self):
        return "Patientperspektiv"
