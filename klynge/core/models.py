"""Shared base for every governance record: time stamps and a change history.

No domain models live here.
"""

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords


class CprCheckedModel(models.Model):
    """Field validation runs the CPR guard, so the admin and every ModelForm show its Danish message.

    The base of every klynge model; ``TrackedModel`` adds stamps and history for governance records.
    Working rows that need no history (a background job's progress) extend this directly.
    """

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None):
        """Field validation plus the CPR guard, so the admin and every ModelForm show its Danish message."""
        from .cpr import instance_errors

        errors: dict = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for name, messages in instance_errors(self, exclude or ()).items():
            errors.setdefault(name, []).extend(ValidationError(m, code="cpr") for m in messages)
        if errors:
            raise ValidationError(errors)


class TrackedModel(CprCheckedModel):
    """created/modified stamps and a full change history (who, what, when).

    The history is kept by django-simple-history: every save writes a row to
    the model's ``Historical...`` table with the acting user (taken from the
    request by HistoryRequestMiddleware) and an optional change reason.
    """

    created = models.DateTimeField("oprettet", auto_now_add=True)
    modified = models.DateTimeField("ændret", auto_now=True)
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True

