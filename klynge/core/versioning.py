"""Optimistic locking: no lost updates when two people edit the same governance record.

Three parts make the safe way the only way:

- ``VersionedModel``: every save of an existing row bumps ``version``. When the instance carries
  the version its editor loaded (``_loaded_version``, set by the form below), the save is one
  conditional ``UPDATE ... WHERE version = loaded``; a stale save raises ``StaleEditError``.
- ``VersionedFormMixin`` (part of every form built on ``DkfdsFormMixin``): a form bound to a
  saved ``VersionedModel`` carries the loaded version in a hidden field, refuses a stale save in
  validation with the Danish conflict message and a table of what the other person changed, and
  hands the loaded version to the instance so the save itself is conditional too.
- ``StaleEditMiddleware``: a save that loses the race between validation and writing (two
  requests at once on PostgreSQL) ends in a Danish 409 page, never a 500 or a silent overwrite.
"""

from django import forms
from django.db import models
from django.db.models import F
from django.shortcuts import render

CONFLICT_MESSAGE = ("En anden har gemt ændringer, mens du redigerede. Se forskellene herunder; formularen "
                    "viser nu dine ændringer oven på den nyeste version. Gem igen, hvis de stadig skal med.")
MISSING_VERSION = "Formularen mangler oplysning om, hvilken version du har åbnet. Genindlæs siden og prøv igen."


class StaleEditError(Exception):
    """The row changed since the editor loaded it. ``current`` is the row as it is now."""

    def __init__(self, current):
        super().__init__("Posten er ændret af en anden, siden du åbnede den.")
        self.current = current


class VersionedModel(models.Model):
    """A ``version`` counter bumped on every save of an existing row.

    Editors carry the version they loaded; a save with ``_loaded_version`` set (or
    ``save_versioned(expected)``) writes only if the row still has that version, otherwise it
    raises StaleEditError with the current row, so the second save is refused, never merged.
    """

    version = models.PositiveIntegerField("version", default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            self._bump_version()
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "version"}
        super().save(*args, **kwargs)

    def _bump_version(self):
        rows = type(self)._base_manager.filter(pk=self.pk)
        expected = getattr(self, "_loaded_version", None)
        if expected is not None:
            self._loaded_version = None  # once: later saves in the same request are this user's own
            if not rows.filter(version=expected).update(version=expected + 1):
                current = rows.first()
                if current is not None:
                    raise StaleEditError(current)
                return
            self.version = expected + 1
        elif rows.update(version=F("version") + 1):
            self.version = rows.values_list("version", flat=True).get()

    def claim_version(self, expected_version: int):
        """Bump the version without saving the row, for an edit of rows that belong to this one (an
        initiative's distribution key): raises StaleEditError if someone changed it meanwhile."""
        rows = type(self)._base_manager.filter(pk=self.pk)
        if not rows.filter(version=expected_version).update(version=expected_version + 1):
            raise StaleEditError(rows.get())
        self.version = expected_version + 1

    def save_versioned(self, expected_version: int, **kwargs):
        self._loaded_version = expected_version
        self.save(**kwargs)


def changed_fields(form, current, loaded_version) -> list[dict]:
    """For a refused stale save: what the other person changed since this user loaded the record.

    The change history holds the row as it was at ``loaded_version``; every form field that
    differs between that snapshot and the current row is listed with what this user typed.
    """
    history = getattr(current, "history", None)
    snapshot = history.filter(version=loaded_version).order_by("-history_date").first() if history else None
    rows = []
    for name, field in form.fields.items():
        if name in ("loaded_version", "loaded_record") or not hasattr(current, name):
            continue
        if hasattr(getattr(current, name), "all"):  # many-to-many: not compared
            continue
        theirs = getattr(current, name)
        before = getattr(snapshot, name, None) if snapshot else None
        if snapshot is None or before != theirs:
            rows.append({"label": field.label, "before": before, "theirs": theirs,
                         "mine": form.data.get(form.add_prefix(name), "")})
    return rows


class VersionedFormMixin:
    """Carries the version the editor loaded, so a stale save is refused.

    A ModelForm on a saved VersionedModel gets it by itself; a plain form deciding on a record
    (e.g. accepting a proposal) names it with ``versioned_record``.
    """

    conflict = None  # after a refused stale save: the rows for templates/_conflict.html
    conflict_message = CONFLICT_MESSAGE

    def __init__(self, *args, versioned_record=None, **kwargs):
        super().__init__(*args, **kwargs)
        if versioned_record is None:
            versioned_record = getattr(self, "instance", None)
        is_versioned = isinstance(versioned_record, VersionedModel) and versioned_record.pk is not None
        self.versioned_record = versioned_record if is_versioned else None
        if self.versioned_record is not None:
            self.fields["loaded_version"] = forms.IntegerField(
                widget=forms.HiddenInput, initial=self.versioned_record.version, min_value=1,
                error_messages={"required": MISSING_VERSION, "invalid": MISSING_VERSION},
            )
            if self.versioned_record is not getattr(self, "instance", None):
                # A record chosen by the view (the mandate version a new one replaces) may be another
                # row by the time the form comes back: carry which one was loaded, too.
                self.fields["loaded_record"] = forms.IntegerField(
                    widget=forms.HiddenInput, initial=self.versioned_record.pk, required=False)

    def clean(self):
        cleaned = super().clean()
        record = self.versioned_record
        loaded = cleaned.get("loaded_version") if record is not None else None
        if loaded is None:
            return cleaned
        current = type(record)._base_manager.filter(pk=record.pk).first()
        other_row = cleaned.get("loaded_record") not in (None, record.pk)
        if current is not None and (current.version != loaded or other_row):
            self.refuse_stale(current, loaded)
        else:
            record._loaded_version = loaded
        return cleaned

    def refuse_stale(self, current, loaded):
        """Show what changed, and let the next submit save on top of the newest version."""
        self.conflict = changed_fields(self, current, loaded)
        self.add_error("loaded_version", CONFLICT_MESSAGE)
        self.data = self.data.copy()
        self.data[self.add_prefix("loaded_version")] = current.version
        if "loaded_record" in self.fields:
            self.data[self.add_prefix("loaded_record")] = current.pk

    def _post_clean(self):
        super()._post_clean()
        record = self.versioned_record
        if record is not None and getattr(self, "instance", None) is record and not self.errors:
            record._loaded_version = self.cleaned_data.get("loaded_version")


class StaleEditMiddleware:
    """A save that lost the race after validation: a Danish 409 page with the way forward."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, StaleEditError):
            return render(request, "409.html", {"message": "En anden har gemt ændringer, mens du gemte dine."},
                          status=409)
        return None
