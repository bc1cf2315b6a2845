"""Stored originals: every file that arrives is kept byte for byte with its SHA-256."""

import hashlib

from django.conf import settings
from django.db import models

from klynge.core.models import TrackedModel


def source_upload_path(instance, filename):
    return f"originaler/{instance.sha256[:2]}/{instance.sha256}/{filename}"


class SourceDocument(TrackedModel):
    """An original document as received (imported minutes, uploaded agendas, ...)."""

    file = models.FileField("fil", upload_to=source_upload_path, max_length=500)
    original_name = models.CharField("oprindeligt filnavn", max_length=300)
    sha256 = models.CharField("SHA-256", max_length=64, unique=True)
    size = models.BigIntegerField("størrelse (bytes)")
    content_type = models.CharField("filtype", max_length=100, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="indlæst af", null=True, blank=True, on_delete=models.SET_NULL
    )
    contains_cpr = models.BooleanField(
        "indeholder CPR-nummer", default=False,
        help_text="Sat af CPR-scanningen ved indlæsning; sådanne dokumenter vises kun for sekretariatet.",
    )

    class Meta:
        verbose_name = "originaldokument"
        verbose_name_plural = "originaldokumenter"
        ordering = ["-created"]

    def __str__(self):
        return self.original_name

    @staticmethod
    def digest(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()
