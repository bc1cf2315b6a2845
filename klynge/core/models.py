"""Shared base for every governance record: time stamps and a change history.

No domain models live here.
"""

from django.db import models
from simple_history.models import HistoricalRecords


class TrackedModel(models.Model):
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
