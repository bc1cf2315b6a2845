"""Optimistic locking: no lost updates when two people edit the same record."""

from django.db import models


class StaleEditError(Exception):
    """The row changed since the editor loaded it. ``current`` is the row as it is now."""

    def __init__(self, current):
        super().__init__("Posten er ændret af en anden, siden du åbnede den.")
        self.current = current


class VersionedModel(models.Model):
    """A ``version`` counter bumped on every save through ``save_versioned``.

    Editors carry the version they loaded; ``save_versioned(expected)`` writes only if
    the row still has that version (one conditional UPDATE), otherwise raises
    StaleEditError with the current row, so the second save is refused, never merged.
    """

    version = models.PositiveIntegerField("version", default=1)

    class Meta:
        abstract = True

    def save_versioned(self, expected_version: int, **kwargs):
        model = type(self)
        updated = model.objects.filter(pk=self.pk, version=expected_version).update(version=expected_version + 1)
        if not updated:
            raise StaleEditError(model.objects.get(pk=self.pk))
        self.version = expected_version + 1
        self.save(**kwargs)
