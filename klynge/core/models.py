"""Shared base for every governance record: time stamps and a change history.

No domain models live here.
"""

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords


class CprCheckedQuerySet(models.QuerySet):
    """Bulk writes pass the CPR guard too: ``bulk_create``, ``bulk_update`` and ``update`` skip
    ``pre_save``, so they check here what they are about to write (the same rule, the same message)."""

    def bulk_create(self, objs, *args, **kwargs):
        from .cpr import check_instance

        objs = list(objs)
        for obj in objs:
            check_instance(obj)
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs, fields, *args, **kwargs):
        from .cpr import check_instance

        objs, names = list(objs), set(fields)
        exclude = [f.name for f in self.model._meta.concrete_fields if f.name not in names and f.attname not in names]
        for obj in objs:
            check_instance(obj, exclude)
        return super().bulk_update(objs, fields, *args, **kwargs)

    def update(self, **kwargs):
        from .cpr import check_instance

        texts = {name: value for name, value in kwargs.items() if isinstance(value, str)}
        if texts:
            probe = self.model(**texts)
            fields = self.model._meta.concrete_fields
            check_instance(probe, [f.name for f in fields if f.name not in texts and f.attname not in texts])
        return super().update(**kwargs)


class CprCheckedModel(models.Model):
    """Field validation runs the CPR guard, so the admin and every ModelForm show its Danish message.

    The base of every klynge model; ``TrackedModel`` adds stamps and history for governance records.
    Working rows that need no history (a background job's progress) extend this directly.
    A model's own QuerySet extends ``CprCheckedQuerySet`` so bulk writes are checked as well.
    """

    objects = CprCheckedQuerySet.as_manager()

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

