"""One check for every uploaded file: not empty, not over the configured size limit."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat


def check_upload(upload):
    """Raise a Danish ValidationError naming the file when it is empty or too large."""
    if upload is None:
        return upload
    size = getattr(upload, "size", 0)
    if size > settings.UPLOAD_MAX_BYTES:
        raise forms.ValidationError(
            f"Filen “{upload.name}” fylder {filesizeformat(size)}; grænsen er "
            f"{filesizeformat(settings.UPLOAD_MAX_BYTES)}."
        )
    if size == 0:
        raise forms.ValidationError(f"Filen “{upload.name}” er tom.")
    return upload
