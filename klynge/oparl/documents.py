"""The Word and PDF files of a meeting as OParl File objects, with their exact size.

A meeting's agenda and minutes are rendered on request (publishing/), so their size is not stored
anywhere. Here the public version is rendered once, and its bytes are kept in the cache under a key
made of everything the document is built from (the newest ``modified`` and the row count of the
meeting, its items, recommendations, attachments, attendance and tasks, and of its body). The OParl
File's ``size`` and the bytes its ``accessUrl`` serves come from the same cache entry, so they agree
(the rendering stamps the time into the file, so two renderings differ in bytes); any change to the
meeting gives a new key, and the next request renders the new version. The cache is the "documents"
cache of settings.py, on disk: a file is rendered once, not once per worker or restart.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.core.cache import caches
from django.db.models import Count, Max

from klynge.meetings import visibility
from klynge.meetings.models import AgendaItem, Attachment, Attendance, Meeting, Recommendation, Task
from klynge.meetings.publishing import docx, pdf
from klynge.meetings.publishing.document import build_agenda, build_minutes

PUBLIC = AnonymousUser()


@dataclass(frozen=True)
class DocumentKind:
    slug: str          # in the URL: agenda-pdf
    name: str          # Danish, shown to people
    role: str          # agenda or minutes
    extension: str
    mime_type: str


KINDS = {
    kind.slug: kind for kind in [
        DocumentKind("agenda-pdf", "Dagsorden (PDF)", "agenda", "pdf", pdf.CONTENT_TYPE),
        DocumentKind("agenda-docx", "Dagsorden (Word)", "agenda", "docx", docx.CONTENT_TYPE),
        DocumentKind("minutes-pdf", "Referat (PDF)", "minutes", "pdf", pdf.CONTENT_TYPE),
        DocumentKind("minutes-docx", "Referat (Word)", "minutes", "docx", docx.CONTENT_TYPE),
    ]
}
CACHE_SECONDS = 7 * 24 * 3600


def is_public(meeting: Meeting, kind: DocumentKind) -> bool:
    """The document exists for the public: the same rule as the download views (visibility.py)."""
    if kind.role == "agenda":
        return visibility.can_see_agenda(PUBLIC, meeting)
    return visibility.can_see_minutes(PUBLIC, meeting)


def fingerprint(meeting: Meeting) -> str:
    """Changes whenever anything the document is built from changes."""
    parts = [meeting.pk, meeting.modified, meeting.status, meeting.body.modified]
    for model, path in [(AgendaItem, "meeting"), (Recommendation, "item__meeting"), (Attachment, "item__meeting"),
                        (Attendance, "meeting"), (Task, "item__meeting")]:
        row = model.objects.filter(**{path: meeting}).aggregate(newest=Max("modified"), count=Count("pk"))
        parts += [row["newest"], row["count"]]
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def render(meeting: Meeting, kind: DocumentKind) -> bytes:
    builder = build_agenda if kind.role == "agenda" else build_minutes
    fresh = Meeting.objects.select_related("body").get(pk=meeting.pk)  # the builder prefetches its own way
    document = builder(fresh, public=True)
    renderer = pdf.render_pdf if kind.extension == "pdf" else docx.render_docx
    return renderer(document)


def content(meeting: Meeting, kind: DocumentKind, key: str | None = None) -> bytes:
    """The public file's bytes, rendered at most once per version of the meeting."""
    key = f"oparl-file:{meeting.pk}:{kind.slug}:{key or fingerprint(meeting)}"
    cache = caches["documents"]
    data = cache.get(key)
    if data is None:
        data = render(meeting, kind)
        cache.set(key, data, CACHE_SECONDS)
    return data


def filename(meeting: Meeting, kind: DocumentKind) -> str:
    """As the download views name it (MeetingDocument.filename), without building the document."""
    from klynge.core.text import danish_slugify

    stem = "dagsorden" if kind.role == "agenda" else "referat"
    return f"{stem}-{danish_slugify(meeting.display_title)[:60]}-{meeting.date:%Y-%m-%d}.{kind.extension}"
