from django.conf import settings
from django.db import models
from django.urls import reverse

from klynge.core.models import TrackedModel


class Matter(TrackedModel):
    """A matter (sag): items sharing a journal number or linked by hand, across meetings and bodies."""

    case_number = models.CharField("journalnummer", max_length=60, unique=True, null=True, blank=True)
    title = models.CharField("titel", max_length=300)
    owner_body = models.ForeignKey(
        "organisation.Body", verbose_name="ejes af", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="owned_matters",
        help_text=(
            "Sættes, når sekretariatet udpeger ejeren; ellers ejes sagen af det organ, der senest har behandlet den."
        ),
    )

    class Meta:
        verbose_name = "sag"
        verbose_name_plural = "sager"
        ordering = ["-modified"]
        # The matters list sorts by it (a full sort of every matter without it).
        indexes = [models.Index(fields=["-modified"], name="meetings_matter_modified")]

    def __str__(self):
        # Never the title: it often comes from a closed item. Pages use title_for(user).
        from ..visibility import matter_label

        return matter_label(self)

    def title_for(self, user) -> str:
        """The title as ``user`` may see it (see meetings.visibility.matter_title_for)."""
        from ..visibility import matter_title_for

        return matter_title_for(user, self)

    def case_number_for(self, user) -> str:
        from ..visibility import matter_case_number_for

        return matter_case_number_for(user, self)

    def get_absolute_url(self):
        return reverse("meetings:matter", args=[self.pk])


class MatterMove(TrackedModel):
    """A matter moved (escalated) from one body to another, usually the level above, with the reason.
    The matter's page lists its moves; the newest decides who owns the matter now."""

    matter = models.ForeignKey(Matter, verbose_name="sag", on_delete=models.CASCADE, related_name="moves")
    from_body = models.ForeignKey("organisation.Body", verbose_name="fra", on_delete=models.PROTECT,
                                  related_name="matters_moved_out")
    to_body = models.ForeignKey("organisation.Body", verbose_name="til", on_delete=models.PROTECT,
                                related_name="matters_moved_in")
    reason = models.TextField("begrundelse", max_length=2000)
    moved_on = models.DateField("flyttet den")
    moved_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="flyttet af", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    proposal = models.OneToOneField("meetings.Proposal", verbose_name="forslag til punkt", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="matter_move")

    class Meta:
        verbose_name = "flytning af sag"
        verbose_name_plural = "flytninger af sager"
        ordering = ["moved_on", "pk"]
        constraints = [models.CheckConstraint(condition=~models.Q(from_body=models.F("to_body")),
                                              name="meetings_mattermove_between_two_bodies")]

    def __str__(self):
        return f"{self.from_body} → {self.to_body}"
