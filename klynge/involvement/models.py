"""Patient and relatives' involvement as obligations that can be complied with (issue 14, point 1).

- ``CitizenGroup``: who is involved: the regional Patientinddragelsesudvalg (linked to its body when it
  meets in Klynge), and other citizen groups (ældreråd, brugerråd, young people, patient organisations).
- ``Obligation``: one part of an involvement model as data: which body owes what to which group, how
  often (``Cadence``), from when, and the decision it comes from.
- ``Fulfilment``: the secretariat's explicit record that a meeting, an item, a membership or a sub-body
  meets an obligation. Joint meetings of the body and the group's body count by themselves (see
  ``status.py``); everything else counts only when recorded, with suggestions on the page.
- ``InvitationAnswer``: the answer to "are patient representatives invited?" given when a sub-body or a
  funds initiative is set up (``organisation.creation_hooks``), or later from the involvement page.
- ``Appointment``: who appointed a representative (a membership) and for which electoral term.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models

from klynge.core import formats
from klynge.core.models import TrackedModel
from klynge.core.versioning import VersionedModel
from klynge.organisation.models.periods import check_period

from .choices import Answer, Cadence, GroupKind, Part


class CitizenGroup(VersionedModel, TrackedModel):
    name = models.CharField("navn", max_length=200, unique=True,
                            error_messages={"unique": "Der findes allerede en borgergruppe med dette navn."})
    kind = models.CharField("type", max_length=30, choices=GroupKind.choices, default=GroupKind.PATIENT_COMMITTEE)
    body = models.ForeignKey(
        "organisation.Body", verbose_name="organ i Klynge", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="citizen_groups",
        help_text="Når gruppen holder møder i Klynge (f.eks. Patientinddragelsesudvalget): dens organ. "
                  "Fællesmøder mellem organet og gruppens organ tæller da af sig selv.",
    )
    region = models.ForeignKey("organisation.Organisation", verbose_name="region", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    description = models.TextField("om gruppen", blank=True)

    class Meta:
        verbose_name = "borgergruppe"
        verbose_name_plural = "borgergrupper"
        ordering = ["kind", "name"]

    def __str__(self):
        return self.name


class Obligation(VersionedModel, TrackedModel):
    body = models.ForeignKey("organisation.Body", verbose_name="organ", on_delete=models.PROTECT,
                             related_name="involvement_obligations")
    group = models.ForeignKey(CitizenGroup, verbose_name="inddrager", on_delete=models.PROTECT,
                              related_name="obligations")
    part = models.CharField("del af modellen", max_length=30, choices=Part.choices)
    cadence = models.CharField("hvor ofte", max_length=20, choices=Cadence.choices)
    title = models.CharField("forpligtelse", max_length=300,
                             help_text="F.eks. “Årligt dialogmøde mellem Sundhedssamarbejdsudvalget og "
                                       "Patientinddragelsesudvalget”.")
    description = models.TextField("beskrivelse", blank=True)
    valid_from = models.DateField("gælder fra")
    valid_to = models.DateField("gælder til", null=True, blank=True)
    source_item = models.ForeignKey("meetings.AgendaItem", verbose_name="besluttet på punkt", null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")
    source_text = models.CharField("kilde", max_length=300, blank=True,
                                   help_text="F.eks. “Sundhedssamarbejdsudvalget godkendte skriftligt modellen "
                                             "6. oktober 2023”.")

    class Meta:
        verbose_name = "inddragelsesforpligtelse"
        verbose_name_plural = "inddragelsesforpligtelser"
        ordering = ["body", "part", "pk"]

    def __str__(self):
        return self.title

    def clean(self):
        check_period(self.valid_from, self.valid_to, "valid_from", "valid_to")


class Fulfilment(VersionedModel, TrackedModel):
    """An explicit record that something meets an obligation (on a date)."""

    obligation = models.ForeignKey(Obligation, verbose_name="forpligtelse", on_delete=models.CASCADE,
                                   related_name="fulfilments")
    date = models.DateField("dato")
    meeting = models.ForeignKey("meetings.Meeting", verbose_name="møde", null=True, blank=True,
                                on_delete=models.CASCADE, related_name="involvement_fulfilments")
    item = models.ForeignKey("meetings.AgendaItem", verbose_name="punkt", null=True, blank=True,
                             on_delete=models.CASCADE, related_name="involvement_fulfilments")
    membership = models.ForeignKey("organisation.Membership", verbose_name="medlemskab", null=True, blank=True,
                                   on_delete=models.CASCADE, related_name="involvement_fulfilments")
    subject_body = models.ForeignKey("organisation.Body", verbose_name="nedsat organ", null=True, blank=True,
                                     on_delete=models.CASCADE, related_name="involvement_fulfilments")
    note = models.CharField("note", max_length=500, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="registreret af", null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "opfyldelse"
        verbose_name_plural = "opfyldelser"
        ordering = ["date", "pk"]

    def __str__(self):
        return f"Opfyldelse af {self.obligation} {formats.date(self.date)}"

    def clean(self):
        if self.item_id and not self.meeting_id:
            self.meeting_id = self.item.meeting_id
        if self.item_id and self.meeting_id and self.item.meeting_id != self.meeting_id:
            raise ValidationError({"item": "Punktet hører ikke til det valgte møde."})
        if not (self.meeting_id or self.membership_id or self.subject_body_id or self.note.strip()):
            raise ValidationError("Angiv et møde, et punkt, et medlemskab, et nedsat organ eller en note, "
                                  "der viser, at forpligtelsen er opfyldt.")
        if self.meeting_id and self.obligation_id:
            body_id = self.obligation.body_id
            if body_id not in self.meeting.host_ids():
                raise ValidationError({"meeting": f"Mødet holdes ikke af {self.obligation.body} "
                                                  "(hverken alene eller som fællesmøde)."})
        if self.meeting_id and not self.date:
            self.date = self.meeting.date


class InvitationAnswer(VersionedModel, TrackedModel):
    """Whether representatives are invited into something set up: a sub-body or a funds initiative."""

    body = models.ForeignKey("organisation.Body", verbose_name="nedsat under", on_delete=models.PROTECT,
                             related_name="invitation_answers")
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    subject_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    subject_label = models.CharField("nedsat", max_length=300)
    group = models.ForeignKey(CitizenGroup, verbose_name="borgergruppe", null=True, blank=True,
                              on_delete=models.PROTECT, related_name="invitation_answers")
    answer = models.CharField("inviteres repræsentanter?", max_length=20, choices=Answer.choices)
    reason = models.CharField("begrundelse", max_length=500, blank=True)
    date = models.DateField("dato")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="registreret af", null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "svar om invitation af repræsentanter"
        verbose_name_plural = "svar om invitation af repræsentanter"
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["subject_type", "subject_id"])]

    def __str__(self):
        return f"{self.subject_label}: {self.get_answer_display()}"

    def clean(self):
        if self.answer == Answer.NOT_INVITED and not self.reason.strip():
            raise ValidationError({"reason": "Skriv, hvorfor der ikke inviteres repræsentanter."})


class Appointment(VersionedModel, TrackedModel):
    """Who appointed a representative (e.g. the Patientinddragelsesudvalg) and for which electoral term."""

    membership = models.OneToOneField("organisation.Membership", verbose_name="medlemskab", on_delete=models.CASCADE,
                                      related_name="appointment")
    appointed_by = models.ForeignKey(CitizenGroup, verbose_name="udpeget af", on_delete=models.PROTECT,
                                     related_name="appointments")
    term = models.ForeignKey("organisation.ElectoralTerm", verbose_name="valgperiode", on_delete=models.PROTECT,
                             related_name="appointments")
    appointed_on = models.DateField("udpeget den", null=True, blank=True)
    represents = models.CharField("fra organisation", max_length=200, blank=True,
                                  help_text="F.eks. “Diabetesforeningen” eller “Ældre Sagen”.")
    note = models.CharField("note", max_length=300, blank=True)

    class Meta:
        verbose_name = "udpegning"
        verbose_name_plural = "udpegninger"
        ordering = ["term", "membership__person__name"]

    def __str__(self):
        return f"{self.membership.person} udpeget af {self.appointed_by} for {self.term.name}"

    def clean(self):
        if not (self.membership_id and self.term_id):
            return
        m, t = self.membership, self.term
        if m.start > t.end or (m.end and m.end < t.start):
            raise ValidationError({"term": f"Medlemskabet ({formats.period(m.start, m.end)}) ligger uden for "
                                           f"{t.name} ({formats.period(t.start, t.end)})."})
