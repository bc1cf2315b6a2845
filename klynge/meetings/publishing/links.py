"""Addresses used in files, feeds and e-mails that leave the site."""

import os

from django.conf import settings
from django.urls import NoReverseMatch, reverse


def site_url() -> str:
    """The site's public base address, e.g. 'https://klynge.rm.dk' (no trailing slash).

    From the setting or environment variable KLYNGE_SITE_URL; a development default otherwise.
    """
    value = getattr(settings, "KLYNGE_SITE_URL", "") or os.environ.get("KLYNGE_SITE_URL", "")
    return (value or "http://localhost:8000").rstrip("/")


def meeting_path(meeting) -> str:
    """The meeting's public page (meetings:meeting), '/moeder/<pk>/'."""
    try:
        return reverse("meetings:meeting", args=[meeting.pk])
    except NoReverseMatch:  # the meeting pages live in urls_cycle.py; keep links right without them
        return f"/moeder/{meeting.pk}/"


def absolute(path: str, request=None) -> str:
    if request is not None:
        return request.build_absolute_uri(path)
    return site_url() + path
