"""Decisions between meetings: the delegation register and written procedures (skriftlig procedure).

A delegation records that a body gave a person or a named group (e.g. "det politiske formandskab")
the authority to decide something, from which decision, for which period. A decision taken under it
(``DelegatedDecision``) names it and is refused outside its period. A written procedure asks the
members of a body to answer a proposal by a deadline; closed, its outcome is a decision with the
same weight as one taken in a meeting, and it is reported at the next meeting as a written briefing.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from klynge.core.models import TrackedModel
from klynge.core.versioning import VersionedModel

from . import rules
from .choices import Outcome, ProcedureStatus, Vote


class Delegation(VersionedModel, TrackedModel):
    body = models.ForeignKey("organisation.Body", verbose_name="givet af", on_delete=models.PROTECT,
                             related_name="delegations_given")
    delegate = models.CharField("bemyndiget", max_length=200,
                                help_text="Fx “det politiske formandskab” eller en persons navn og rolle.")
    persons = models.ManyToManyField("organisation.Person", verbose_name="personer", blank=True,
                                     related_name="delegations")
    authority = models.TextField("bemyndigelse til",
                                 help_text="Hvad må der besluttes? Fx “at godkende forslag til initiativer”.")
    source_item = models.ForeignKey("meetings.AgendaItem", verbose_name="givet ved beslutning på punkt",
                                    null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    valid_from = models.DateField("gælder fra")
    valid_to = models.DateField("gælder til", null=True, blank=True,
                                help_text="Tom, hvis bemyndigelsen gælder, til den tilbagekaldes.")
    note = models.TextField("note", blank=True)

    class Meta:
        ordering = ["-valid_from", "pk"]
        verbose_name = "delegation"
        verbose_name_plural = "delegationer"

    def __str__(self):
        return f"{self.delegate}: {self.authority[:60]}"

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": "Slutdatoen ligger før startdatoen."})
        if self.source_item_id and self.body_id and self.source_item.meeting.body_id != self.body_id:
            raise ValidationError(
                {"source_item": "Beslutningen er ikke truffet af det organ, der giver bemyndigelsen."})

    def in_force(self, on) -> bool:
        return rules.delegation_in_force(self.valid_from, self.valid_to, on)


class DelegatedDecision(TrackedModel):
    """A decision taken under a delegation: it names the delegation and must fall within its period."""

    delegation = models.ForeignKey(Delegation, verbose_name="bemyndigelse", on_delete=models.PROTECT,
                                   related_name="decisions")
    date = models.DateField("dato")
    decision = models.TextField("beslutning")
    decided_by = models.CharField("truffet af", max_length=200)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = "beslutning efter bemyndigelse"
        verbose_name_plural = "beslutninger efter bemyndigelse"

    def __str__(self):
        return f"Beslutning {self.date} efter bemyndigelse"

    def clean(self):
        super().clean()
        if self.delegation_id and self.date:
            refusal = rules.delegation_refusal(self.delegation.valid_from, self.delegation.valid_to, self.date)
            if refusal:
                raise ValidationError({"date": refusal})


class WrittenProcedure(VersionedModel, TrackedModel):
    body = models.ForeignKey("organisation.Body", verbose_name="organ", on_delete=models.PROTECT,
                             related_name="written_procedures")
    title = models.CharField("titel", max_length=300)
    proposal = models.TextField("forslag", help_text="Det, medlemmerne skal tage stilling til.")
    deadline = models.DateTimeField("svarfrist")
    closed_item = models.BooleanField(
        "lukket", default=False,
        help_text="Et lukket forslag ses kun af organets medlemmer og sekretariat, også efter afslutningen.")
    status = models.CharField("status", max_length=10, choices=ProcedureStatus.choices, default=ProcedureStatus.OPEN)
    outcome = models.CharField("udfald", max_length=20, choices=Outcome.choices, blank=True)
    decision = models.TextField("beslutning", blank=True)
    closed_at = models.DateTimeField("afsluttet", null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="oprettet af", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    reported_item = models.ForeignKey("meetings.AgendaItem", verbose_name="orientering på møde", null=True,
                                      blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-deadline", "-pk"]
        verbose_name = "skriftlig procedure"
        verbose_name_plural = "skriftlige procedurer"

    def __str__(self):
        return f"Skriftlig procedure: {self.title}"

    def get_absolute_url(self):
        return reverse("governance:procedure", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status == ProcedureStatus.OPEN


class ProcedureAnswer(TrackedModel):
    """One member asked in a written procedure; ``vote`` is empty until the member answers."""

    procedure = models.ForeignKey(WrittenProcedure, verbose_name="procedure", on_delete=models.CASCADE,
                                  related_name="answers")
    person = models.ForeignKey("organisation.Person", verbose_name="medlem", on_delete=models.PROTECT,
                               related_name="procedure_answers")
    vote = models.CharField("svar", max_length=10, choices=Vote.choices, blank=True)
    comment = models.TextField("bemærkning", blank=True)
    answered_at = models.DateTimeField("svaret", null=True, blank=True)

    class Meta:
        ordering = ["person__name"]
        constraints = [models.UniqueConstraint(fields=["procedure", "person"], name="one_answer_per_member")]
        verbose_name = "svar i skriftlig procedure"
        verbose_name_plural = "svar i skriftlige procedurer"

    def __str__(self):
        return f"Svar fra {self.person}"
