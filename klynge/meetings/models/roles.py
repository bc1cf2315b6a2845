"""Meeting roles (the chair and the minute-takers of one meeting) and the decision that approved a
change of a body's composition (organisation.CompositionVersion).

The approval lives here, not in organisation, because organisation must not import meetings: the
dependency runs organisation <- meetings only.
"""

from django.core.exceptions import ValidationError
from django.db import models

from klynge.core import formats
from klynge.core.models import TrackedModel


class MeetingRoleKind(models.TextChoices):
    CHAIR = "chair", "Mødeleder"
    MINUTE_TAKER = "minute_taker", "Referent"


class MeetingRole(TrackedModel):
    """Who chairs (mødeleder/ordstyrer) and who takes the minutes (referent) at one meeting."""

    meeting = models.ForeignKey("meetings.Meeting", verbose_name="møde", on_delete=models.CASCADE,
                                related_name="roles")
    person = models.ForeignKey("organisation.Person", verbose_name="person", on_delete=models.PROTECT,
                               related_name="meeting_roles")
    role = models.CharField("rolle", max_length=20, choices=MeetingRoleKind.choices)
    position = models.PositiveSmallIntegerField("rækkefølge", default=0)

    class Meta:
        verbose_name = "mødeleder eller referent"
        verbose_name_plural = "mødeledere og referenter"
        ordering = ["meeting", "role", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person", "role"], name="meeting_role_once",
                                    violation_error_message="Personen har allerede den rolle på mødet."),
        ]

    def __str__(self):
        return f"{self.get_role_display()}: {self.person}"

    def clean(self):
        if self.role == MeetingRoleKind.CHAIR and self.meeting_id:
            if MeetingRole.objects.filter(meeting_id=self.meeting_id, role=MeetingRoleKind.CHAIR) \
                    .exclude(pk=self.pk).exists():
                raise ValidationError("Mødet har allerede en mødeleder.")


class CompositionApproval(TrackedModel):
    """The decision that approved a version of a body's composition (e.g. an extra seat for general practice)."""

    version = models.OneToOneField("organisation.CompositionVersion", verbose_name="sammensætning",
                                   on_delete=models.CASCADE, related_name="approval")
    item = models.ForeignKey("meetings.AgendaItem", verbose_name="besluttet på punkt", on_delete=models.PROTECT,
                             related_name="composition_approvals")
    recommendation = models.ForeignKey("meetings.Recommendation", verbose_name="indstilling", null=True,
                                       blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "godkendelse af sammensætning"
        verbose_name_plural = "godkendelser af sammensætninger"

    def __str__(self):
        meeting = self.item.meeting
        return f"Godkendt af {meeting.body} {formats.date(meeting.date)}, punkt {self.item.number}"

    def clean(self):
        if self.recommendation_id and self.item_id and self.recommendation.item_id != self.item_id:
            raise ValidationError({"recommendation": "Indstillingen hører ikke til det valgte punkt."})
