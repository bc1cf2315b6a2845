"""A background job a user can follow: status, progress, a Danish message and a result.

The queue itself is django-tasks' database backend (``DBTaskResult``); a ``Job`` is the
user's view of one piece of long work (an import of files, say), updated by the task as it
goes, each update a short write of its own.
"""

import uuid

from django.conf import settings
from django.db import models

from klynge.core import formats
from klynge.core.models import CprCheckedModel


class JobStatus(models.TextChoices):
    QUEUED = "queued", "I kø"
    RUNNING = "running", "I gang"
    SUCCEEDED = "succeeded", "Færdig"
    FAILED = "failed", "Mislykkedes"
    CANCELLED = "cancelled", "Stoppet"


class Job(CprCheckedModel):
    """Not a governance record, so no change history: but its text still passes the CPR guard."""

    FINISHED = (JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField("slags", max_length=40)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True,
                                   related_name="jobs", verbose_name="startet af")
    created = models.DateTimeField("oprettet", auto_now_add=True)
    started = models.DateTimeField("startet", null=True, blank=True)
    finished = models.DateTimeField("afsluttet", null=True, blank=True)
    status = models.CharField("status", max_length=20, choices=JobStatus.choices, default=JobStatus.QUEUED)
    progress = models.PositiveSmallIntegerField("fremdrift (%)", default=0)
    stage = models.CharField("trin", max_length=200, blank=True)
    message = models.TextField("besked", blank=True)
    params = models.JSONField("input", default=dict, blank=True)
    result = models.JSONField("resultat", default=dict, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = "baggrundsjob"
        verbose_name_plural = "baggrundsjob"

    def __str__(self):
        return f"{self.kind} {formats.date_time(self.created)} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in self.FINISHED

    def visible_to(self, user) -> bool:
        """Only the user who started a job (and an administrator) may follow it."""
        return bool(user.is_authenticated and (user.is_superuser or user.pk == self.created_by_id))
