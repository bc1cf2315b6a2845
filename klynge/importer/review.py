"""«Ret og gem»: a dry run's reading, corrected by the secretariat before anything is saved.

A dry run («Prøv kun») keeps, for each file it read, the parsed document (``report.to_stored``), the
original bytes and the real file name in ``default_storage`` under the job's folder
(``importjobs/<job>/<index>.review.json`` beside the upload's own files). The review page shows that
reading as a form; its corrections are applied here (``apply_corrections``, pure) and the corrected
document goes through the normal load (``service.import_reviewed``).

What is kept is removed when the meeting is saved, or after ``KEEP_DAYS`` days by the start of the next
import job (``discard_old_reviews``): there is no separate clean-up command.
"""

from __future__ import annotations

import copy
import datetime
import hashlib
import json
import logging
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from .parse import ParsedDocument, ParsedItem, ParsedPerson

log = logging.getLogger(__name__)

KEEP_DAYS = 7


# --- the corrections (pure) -----------------------------------------------------------------------

@dataclass
class ItemRow:
    """One row of the review's item table."""

    origin: int | None  # the item's position in the document as read; None for an item the user added
    number: int | None
    title: str
    closed: bool = False
    removed: bool = False


@dataclass
class Corrections:
    kind: str
    date: datetime.date
    start: datetime.time | None
    end: datetime.time | None
    place: str
    items: list[ItemRow] = field(default_factory=list)
    attendees: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    guests: list[str] = field(default_factory=list)


def names(text: str) -> list[str]:
    """A textarea with one name a line -> the names, blank lines and repeats left out."""
    seen: dict[str, str] = {}
    for line in (text or "").splitlines():
        name = " ".join(line.split())
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name
    return list(seen.values())


def _people(wanted: list[str], read: list[ParsedPerson]) -> list[ParsedPerson]:
    """The names the user kept, each with the title and party read for it (when the name is unchanged)."""
    known = {p.name.casefold(): p for p in read}
    return [copy.deepcopy(known[n.casefold()]) if n.casefold() in known else ParsedPerson(n) for n in wanted]


def _join(*parts: str) -> str:
    return "\n\n".join(p.strip() for p in parts if p and p.strip())


def _has_text(item: ParsedItem) -> bool:
    return any([item.summary, item.description, item.recommendations, item.minutes, item.decision,
                item.attachments, item.tables, item.tasks])


def _fold(target: ParsedItem, removed: ParsedItem) -> None:
    """A removed item's text goes on in the item before it: most often the reading split one item's own
    numbered list into items, so its lines belong there. Its title heads the text it brings."""
    target.description = _join(target.description, removed.title, removed.summary, removed.description)
    target.minutes = _join(target.minutes, removed.minutes)
    target.decision = _join(target.decision, removed.decision)
    offset = len(target.recommendations)
    target.recommendations.extend(removed.recommendations)
    for task in removed.tasks:
        if task.recommendation is not None:
            task.recommendation += offset
        target.tasks.append(task)
    target.attachments.extend(removed.attachments)
    target.tables.extend(removed.tables)
    target.guests.extend(removed.guests)


def apply_corrections(doc: ParsedDocument, corrections: Corrections) -> tuple[ParsedDocument, list[str]]:
    """The document as the user corrected it (a new one; ``doc`` is left alone), and notes for the report.

    Kept items keep everything read for them (texts, recommendations, decisions, presenters, tasks) by their
    original position; items are ordered by their numbers (a row without a number stays after the row above
    it); a removed item's text is added to the nearest kept item read before it (or after it, when it was the
    first), and a note says so."""
    new = copy.deepcopy(doc)
    read = copy.deepcopy(doc.items)
    new.kind, new.date, new.start, new.end = corrections.kind, corrections.date, corrections.start, corrections.end
    new.place = corrections.place.strip() or None
    new.attendees = _people(corrections.attendees, doc.attendees)
    kept_names = {p.name.casefold() for p in new.attendees}
    new.substitutes = [(sub, behalf) for sub, behalf in doc.substitutes if sub.casefold() in kept_names]
    new.absent = list(corrections.absent)
    new.guests = _people(corrections.guests, doc.guests)
    if new.date is not None:
        new.warnings = [w for w in new.warnings if w.code != "date_missing"]
    if new.date != doc.date:  # the user corrected a date read in the future
        new.warnings = [w for w in new.warnings if w.code != "date_in_future"]

    rows = [r for r in corrections.items if not r.removed and (r.origin is not None or r.title.strip())]
    keys, last = [], float("-inf")
    for row in rows:
        last = row.number if row.number is not None else last
        keys.append(last)
    order = sorted(range(len(rows)), key=lambda k: (keys[k], k))
    items: list[ParsedItem] = []
    by_origin: dict[int, ParsedItem] = {}
    for k in order:
        row = rows[k]
        if row.origin is not None and 0 <= row.origin < len(read) and row.origin not in by_origin:
            item = read[row.origin]
            item.number, item.title, item.closed = row.number, row.title.strip(), row.closed
            by_origin[row.origin] = item
        else:
            item = ParsedItem(number=row.number, title=row.title.strip(), closed=row.closed)
        items.append(item)

    notes = []
    for row in corrections.items:
        if not row.removed or row.origin is None or not 0 <= row.origin < len(read) or row.origin in by_origin:
            continue
        removed = read[row.origin]
        before = [o for o in by_origin if o < row.origin]
        after = [o for o in by_origin if o > row.origin]
        target = by_origin[max(before)] if before else by_origin[min(after)] if after else None
        if not _has_text(removed):
            notes.append(f"Punktet “{removed.title}” er fjernet ved gennemsynet.")
        elif target is None:
            notes.append(f"Punktet “{removed.title}” er fjernet ved gennemsynet. Der er intet andet punkt at lægge "
                         "dets tekst i, så teksten står kun i originalfilen.")
        else:
            _fold(target, removed)
            notes.append(f"Punktet “{removed.title}” er fjernet ved gennemsynet; dets tekst er lagt til punktet "
                         f"“{target.title}”.")
    new.items = items
    return new, notes


# --- what a dry run keeps ------------------------------------------------------------------------------

def review_path(job_id, index: int) -> str:
    return f"importjobs/{job_id}/{index}.review.json"


def keep(job_id, index: int, entry: dict, stored: dict) -> None:
    """Keep a dry run's reading of one file (and its original, already at ``entry['path']``)."""
    with default_storage.open(entry["path"], "rb") as handle:
        sha256 = hashlib.sha256(handle.read()).hexdigest()
    stored = {**stored, "data": entry["path"], "name": f"{entry['path']}.name", "sha256": sha256,
              "content_type": entry.get("content_type", "")}
    default_storage.save(review_path(job_id, index), ContentFile(json.dumps(stored).encode()))


def kept(job_id, index: int) -> dict | None:
    try:
        with default_storage.open(review_path(job_id, index), "rb") as handle:
            return json.loads(handle.read().decode())
    except (OSError, ValueError):
        return None


def original(stored: dict) -> tuple[str, bytes] | None:
    """(the real file name, the bytes) of a kept file; None once it is gone."""
    try:
        with default_storage.open(stored["data"], "rb") as handle:
            data = handle.read()
    except (OSError, KeyError):
        return None
    try:
        with default_storage.open(stored["name"], "rb") as handle:
            name = handle.read().decode()
    except OSError:
        name = stored.get("file") or "fil"
    return name, data


def discard(job_id, index: int, *, saved: bool = False) -> None:
    """Remove what was kept for one file. A saved file leaves a small mark (its SHA-256, no text), so a
    second «Gem mødet» can answer that the file is already imported."""
    stored = kept(job_id, index)
    if stored is None:
        return
    for path in (stored.get("data"), stored.get("name")):
        if path:
            default_storage.delete(path)
    default_storage.delete(review_path(job_id, index))
    if saved:
        mark = {"saved": True, "sha256": stored.get("sha256"), "file": stored.get("file")}
        default_storage.save(review_path(job_id, index), ContentFile(json.dumps(mark).encode()))


def discard_old_reviews(now: datetime.datetime | None = None) -> int:
    """Remove what dry runs older than KEEP_DAYS kept for review; called when an import job starts."""
    from klynge.jobs.models import Job

    from .jobs import KIND

    cutoff = (now or timezone.now()) - datetime.timedelta(days=KEEP_DAYS)
    count = 0
    for job in Job.objects.filter(kind=KIND, created__lt=cutoff, params__review_kept=True):
        files = job.result.get("files", [])
        for data in files:
            if data.get("review") is not None:
                discard(job.pk, data["review"])
                default_storage.delete(review_path(job.pk, data["review"]))
                data.pop("review_url", None)
                data.pop("review", None)
                count += 1
        Job.objects.filter(pk=job.pk).update(params={**job.params, "review_kept": False},
                                             result={**job.result, "files": files})
    return count
