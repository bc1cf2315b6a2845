"""The Word and PDF files of a meeting as OParl File objects, with their exact size.

A meeting's agenda and minutes are rendered on request (publishing/), so their size is not stored
anywhere. Here the public version is rendered once, and its bytes are kept in the cache under a key
made of everything the document is built from (the newest ``modified`` and the ids of the meeting,
its body, items, recommendations, attachments, tasks, attendance, presenters, attendees and corrections). The OParl
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

from klynge.meetings import visibility
from klynge.meetings.models import Meeting
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
    """Changes whenever anything the document is built from changes: the meeting, its body, items,
    recommendations, attachments, tasks, attendance, corrections and the names of presenters and attendees.
    Reads the relations through ``meeting.items.all()`` etc., so a meeting from ``views._meetings()``
    (everything prefetched) costs no query."""
    items = list(meeting.items.all())
    rows = [meeting, meeting.body, *items]
    for item in items:
        rows += [*item.recommendations.all(), *item.attachments.all(), *item.tasks.all(), *item.presenters.all()]
    for attendance in meeting.attendance.all():
        rows += [attendance, attendance.person]
    rows += list(meeting.revisions.all())
    parts = [meeting.pk, meeting.status, len(rows), max(row.modified for row in rows),
             sorted((type(row).__name__, row.pk) for row in rows)]
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
