from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from klynge.core.models import TrackedModel
from klynge.core.versioning import VersionedModel

from ..choices import OPEN_TASK_STATUSES, RECURRENCE_CHOICES, ProposalStatus, TaskOwnerKind, TaskStatus


class Task(VersionedModel, TrackedModel):
    """A follow-up task (opgave) arising from a decision."""

    item = models.ForeignKey("meetings.AgendaItem", verbose_name="punkt", on_delete=models.CASCADE,
                             related_name="tasks")
    recommendation = models.ForeignKey("meetings.Recommendation", verbose_name="beslutning", null=True, blank=True,
                                       on_delete=models.SET_NULL, related_name="tasks")
    description = models.TextField("opgave")
    owner_kind = models.CharField("ansvarlig type", max_length=20, choices=TaskOwnerKind.choices,
                                  default=TaskOwnerKind.SECRETARIAT)
    owner_person = models.ForeignKey("organisation.Person", verbose_name="ansvarlig person", null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="tasks")
    owner_organisation = models.ForeignKey("organisation.Organisation", verbose_name="ansvarlig part", null=True,
                                           blank=True, on_delete=models.PROTECT, related_name="tasks")
    due = models.DateField("frist", null=True, blank=True)
    owner_body = models.ForeignKey(
        "organisation.Body", verbose_name="følges op af", null=True, blank=True, on_delete=models.PROTECT,
        related_name="followed_up_tasks",
        help_text="Tomt: det organ, hvis møde gav opgaven. Sættes, når et andet organ overtager opfølgningen.",
    )
    status = models.CharField("status", max_length=20, choices=TaskStatus.choices, default=TaskStatus.OPEN)
    closed_note = models.TextField("afslutningsnote", blank=True)
    closed_at = models.DateTimeField("afsluttet", null=True, blank=True)
    # Assignments across bodies: a task given to several bodies (e.g. every cluster) is the parent;
    # each body's part is a task of its own, owned by that body and tracked by its secretariat.
    parent = models.ForeignKey("self", verbose_name="del af opgave", null=True, blank=True,
                               on_delete=models.CASCADE, related_name="parts")
    progress_note = models.TextField("statusnote", blank=True, max_length=2000)
    progress_on = models.DateField("status pr.", null=True, blank=True)
    # Recurring tasks: closing one as done creates the next occurrence (see meetings.assignments).
    recur_months = models.PositiveSmallIntegerField(
        "gentages", null=True, blank=True, choices=RECURRENCE_CHOICES,
        help_text="Når opgaven er løst, oprettes den næste med en ny frist.",
    )
    previous = models.OneToOneField("self", verbose_name="forrige gang", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="next_occurrence")

    class Meta:
        verbose_name = "opgave"
        verbose_name_plural = "opgaver"
        ordering = ["due", "pk"]
        indexes = [models.Index(fields=["status", "due"])]

    def __str__(self):
        return self.description[:80]

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_TASK_STATUSES

    @property
    def owner_label(self) -> str:
        if self.owner_kind == TaskOwnerKind.PERSON and self.owner_person_id:
            return self.owner_person.name
        if self.owner_kind == TaskOwnerKind.ORGANISATION and self.owner_organisation_id:
            return self.owner_organisation.name
        return "Sekretariatet"

    def clean(self):
        if not self.pk and self.item_id and not self.owner_body_id and self.item.meeting.body.forward():
            raise ValidationError(self.item.meeting.body.forward_text()
                                  + " Giv opgaven fra et møde dér, så den følges op det rigtige sted.")
        if self.owner_kind == TaskOwnerKind.PERSON and not self.owner_person_id:
            raise ValidationError({"owner_person": "Vælg den ansvarlige person."})
        if self.owner_kind == TaskOwnerKind.ORGANISATION and not self.owner_organisation_id:
            raise ValidationError({"owner_organisation": "Vælg den ansvarlige part."})
        if self.due and self.item_id and self.due < self.item.meeting.date:
            raise ValidationError({"due": "Fristen ligger før mødet, hvor opgaven blev givet."})
        if self.recur_months and not self.due:
            raise ValidationError({"due": "En gentagen opgave skal have en frist, så den næste frist kan beregnes."})
        if self.parent_id and self.recur_months:
            raise ValidationError({"recur_months": "Gentag hele opgaven, ikke en enkelt del af den."})
        if self.status in (TaskStatus.DONE, TaskStatus.CANCELLED) and not self.closed_note.strip():
            raise ValidationError({"closed_note": "Skriv en kort note, når opgaven afsluttes."})


class Proposal(VersionedModel, TrackedModel):
    """A proposed item for a coming meeting of the same or another body."""

    source_item = models.ForeignKey("meetings.AgendaItem", verbose_name="foreslået fra punkt", null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="proposals")
    target_body = models.ForeignKey("organisation.Body", verbose_name="til organ", on_delete=models.PROTECT,
                                    related_name="incoming_proposals")
    target_meeting = models.ForeignKey("meetings.Meeting", verbose_name="til møde", null=True, blank=True,
                                       on_delete=models.SET_NULL, related_name="incoming_proposals")
    title = models.CharField("titel", max_length=300)
    summary = models.TextField("resumé", blank=True)
    description = models.TextField("sagsfremstilling", blank=True)
    case_number = models.CharField("journalnummer", max_length=60, blank=True)
    closed = models.BooleanField(
        "lukket", default=False,
        help_text="Foreslået ud fra et lukket punkt: vises kun for dem, der må se lukkede punkter i det organ, "
                  "det kommer fra, og for modtagerens sekretariat; optages som et lukket punkt.",
    )
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="foreslået af", null=True,
                                    on_delete=models.SET_NULL, related_name="proposals")
    status = models.CharField("status", max_length=20, choices=ProposalStatus.choices,
                              default=ProposalStatus.PENDING)
    decline_reason = models.TextField("begrundelse for afvisning", blank=True)
    resulting_item = models.OneToOneField("meetings.AgendaItem", verbose_name="optaget som punkt", null=True,
                                          blank=True, on_delete=models.SET_NULL, related_name="from_proposal")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="behandlet af", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField("behandlet", null=True, blank=True)

    class Meta:
        verbose_name = "forslag til punkt"
        verbose_name_plural = "forslag til punkter"
        ordering = ["-created"]

    def __str__(self):
        if self.closed:
            return f"Lukket forslag → {self.target_body}"
        return f"{self.title} → {self.target_body}"

    def clean(self):
        from django.utils import timezone

        if self.target_body_id and not self.pk and self.target_body.forward():
            raise ValidationError({"target_body": self.target_body.forward_text()
                                   + " Send forslaget dertil i stedet."})
        if self.target_body_id and not self.target_body.is_active(timezone.localdate()):
            raise ValidationError({"target_body": f"{self.target_body} er ophørt og kan ikke modtage forslag."})
        if self.status == ProposalStatus.DECLINED and not self.decline_reason.strip():
            raise ValidationError({"decline_reason": "Skriv en begrundelse, som forslagsstilleren kan se."})
        if self.target_meeting_id and self.target_meeting.body_id != self.target_body_id:
            raise ValidationError({"target_meeting": "Mødet hører ikke til det valgte organ."})


class MinutesComment(TrackedModel):
    """A member's comment on one item of draft minutes in the review round ("Send referatet til
    kommentering"). Seen by the body's secretariat and by its author; never public."""

    item = models.ForeignKey("meetings.AgendaItem", verbose_name="punkt", on_delete=models.CASCADE,
                             related_name="minutes_comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="kommenteret af", null=True,
                               on_delete=models.SET_NULL, related_name="+")
    author_name = models.CharField("navn", max_length=200)
    text = models.TextField("kommentar", max_length=4000)

    class Meta:
        verbose_name = "kommentar til referatudkast"
        verbose_name_plural = "kommentarer til referatudkast"
        ordering = ["created", "pk"]

    def __str__(self):
        return f"Kommentar af {self.author_name}"
