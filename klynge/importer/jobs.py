"""Imports as background jobs: the upload request only stores the files and queues a job;
the worker reads, checks and loads them, reporting progress the user follows on a page.

``start_import`` runs in the request (inside its transaction: the job and its queue entry
commit together, so the worker never sees a half-made job). ``run_import_job`` runs in the
worker: reading happens outside any transaction, and only the final load of each meeting
takes the write lock.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django_tasks import task

from klynge.core.cpr import mask_cpr
from klynge.jobs.models import Job, JobStatus
from klynge.jobs.progress import Reporter
from klynge.organisation.models import Body
from klynge.organisation.permissions import editable_bodies

from . import review
from .extract import ImportRefused, check_size
from .report import to_stored
from .service import FileResult, danish_date, import_file

log = logging.getLogger(__name__)

KIND = "import"


def shown_name(name: str) -> str:
    """A file name as stored and shown: CPR numbers masked."""
    return mask_cpr(name or "fil")[0]


def start_import(user, files, *, body: Body | None, dry_run: bool, accept_match: bool, meeting_date=None) -> Job:
    """Store the uploaded files and queue their import. Files refused by size are answered at once.
    Starting a job also removes what old dry runs kept for review (``review.discard_old_reviews``)."""
    review.discard_old_reviews()
    job = Job.objects.create(kind=KIND, created_by=user, stage="Venter på at komme til",
                             params={"body": body.pk if body else None, "dry_run": dry_run,
                                     "accept_match": accept_match, "files": [],
                                     "meeting_date": meeting_date.isoformat() if meeting_date else None})
    entries, refused = [], []
    for position, upload in enumerate(files):
        name = upload.name or "fil"
        try:
            check_size(name, upload.size, settings.UPLOAD_MAX_BYTES)
        except ImportRefused as exc:
            refused.append(payload(FileResult(shown_name(name), "failed", shown_name(str(exc)))))
            continue
        path = default_storage.save(f"importjobs/{job.pk}/{position}", ContentFile(upload.read()))
        # the real name (it may hold a CPR number, which no row may) waits beside the file until read
        default_storage.save(f"{path}.name", ContentFile(name.encode()))
        entries.append({"shown": shown_name(name), "path": path,
                        "content_type": getattr(upload, "content_type", "") or ""})
    job.params["files"] = entries
    job.result = {"files": refused}
    job.save(update_fields=["params", "result"])
    run_import_job.enqueue(str(job.pk))
    return job


def _one(entry: dict, job: Job, user, body: Body | None, dry_run: bool, accept_match: bool, progress) -> FileResult:
    name = _real_name(entry)
    with default_storage.open(entry["path"], "rb") as handle:
        data = handle.read()
    allowed = editable_bodies(user)
    if body is not None and not allowed.filter(pk=body.pk).exists():
        return FileResult(name, "failed", f"{name}: Du kan ikke importere i det valgte organ.")
    given = job.params.get("meeting_date")
    hints = {"meeting_date": datetime.date.fromisoformat(given) if given else None}
    result = import_file(name, data, body=body, dry_run=dry_run, user=user, content_type=entry["content_type"],
                         accept_match=False, progress=progress, **hints)
    if result.status == "needs_body":
        result.candidates = [b for b in result.candidates if allowed.filter(pk=b.pk).exists()]
        if len(result.candidates) == 1 and accept_match:
            return import_file(name, data, body=result.candidates[0], user=user,
                               content_type=entry["content_type"], progress=progress, **hints)
        if len(result.candidates) == 1:
            result.status = "confirm"
            result.message = (f"{name}: Titlen peger på {result.candidates[0]}. Bekræft organet, "
                              "før referatet gemmes.")
        else:
            result.message = f"{name}: Organet kunne ikke findes ud fra titlen. Vælg organet, og prøv igen."
    return result


def _real_name(entry: dict) -> str:
    try:
        with default_storage.open(f"{entry['path']}.name", "rb") as handle:
            return handle.read().decode()
    except OSError:
        return entry["shown"]


@task()
def run_import_job(job_id: str) -> dict:
    """The worker's side: every file of the job in turn, with progress; never raises for bad input."""
    job = Job.objects.select_related("created_by").get(pk=job_id)
    if job.is_finished:
        return {"files": 0}  # stopped before it started
    reporter = Reporter(job)
    entries = job.params.get("files", [])
    results = list(job.result.get("files", []))
    count = len(entries)
    reporter.start(f"Læser fil 1 af {count}" if count else "")
    body = Body.objects.filter(pk=job.params.get("body")).first() if job.params.get("body") else None
    user = job.created_by or AnonymousUser()
    dry_run, kept = job.params.get("dry_run", False), False
    try:
        for index, entry in enumerate(entries):
            shown = entry["shown"]
            if cancel_requested(job):
                _stop(job, entries[index:], results, index, count, kept)
                return {"files": len(results)}

            def progress(fraction: float, stage: str, index=index, shown=shown) -> None:
                reporter.update((index + fraction) / count, f"Fil {index + 1} af {count} ({shown}): {stage}")

            progress(0.0, "starter")
            try:
                result = _one(entry, job, user, body, job.params.get("dry_run", False),
                              job.params.get("accept_match", False), progress)
            except Exception:  # noqa: BLE001 - a fault in Klynge; the other files still go on
                log.exception("Import job %s failed on a file", job_id)
                result = FileResult(shown, "failed", f"{shown}: Importen mislykkedes på grund af en "
                                    "fejl i Klynge, og intet er gemt. Fejlen er logget, så en administrator kan se "
                                    "den.")
            data = _masked(payload(result), entry)
            if dry_run and result.status == "checked" and result.document is not None and _keep(job, index, entry,
                                                                                                 result, data):
                kept = True  # the reading, the original and its name wait for «Gennemse og ret»
            else:
                default_storage.delete(f"{entry['path']}.name")
                default_storage.delete(entry["path"])
            results.append(data)
    except Exception:  # noqa: BLE001 - the job itself broke (storage gone, say): say so in Danish
        log.exception("Import job %s failed", job_id)
        reporter.fail("Importen stoppede på grund af en fejl i Klynge. Det, der allerede er importeret, er gemt; "
                      "resten er ikke. Fejlen er logget, så en administrator kan se den.", {"files": results})
        _forget_names(job, kept)
        return {"files": len(results)}
    reporter.succeed(summary(results), {"files": results})
    _forget_names(job, kept)
    return {"files": len(results)}


def _keep(job: Job, index: int, entry: dict, result: FileResult, data: dict) -> bool:
    """Keep a dry run's reading of one file for «Gennemse og ret» (importer.review) and link it from the
    file's result. A failure to keep it only means no review is offered."""
    try:
        review.keep(job.pk, index, entry, {
            "file": data["file"], "document": to_stored(result.document),
            "body": result.body.pk if result.body else None, "candidates": [b.pk for b in result.candidates]})
    except Exception:  # noqa: BLE001 - the file was read all the same; its report still stands
        log.exception("Import job %s could not keep file %s for review", job.pk, index)
        default_storage.delete(review.review_path(job.pk, index))
        return False
    data["review"], data["review_url"] = index, reverse("importer:review", args=[job.pk, index])
    return True


def cancel_requested(job: Job) -> bool:
    """Has the user asked to stop the job (importer.views.job_cancel)? Read afresh from the database."""
    current = Job.objects.filter(pk=job.pk).values_list("params", "status").first()
    return current is None or bool(current[0].get("cancel_requested")) or current[1] == JobStatus.CANCELLED


def request_cancel(job: Job) -> None:
    """Stop a job: a queued one at once; a running one before its next file (a file being read finishes,
    and what is imported stays imported: each file is its own transaction)."""
    with transaction.atomic():
        job = Job.objects.select_for_update().get(pk=job.pk)
        if job.is_finished:
            return
        job.params = {**job.params, "cancel_requested": True}
        fields = ["params"]
        if job.status == JobStatus.QUEUED:
            _discard(job.params.get("files", []))
            job.status, job.finished = JobStatus.CANCELLED, timezone.now()
            job.message = "Importen blev stoppet, før den gik i gang. Intet er importeret."
            fields += ["status", "finished", "message"]
        job.save(update_fields=fields)


def _discard(entries: list[dict]) -> None:
    for entry in entries:
        default_storage.delete(f"{entry['path']}.name")
        default_storage.delete(entry["path"])


def _stop(job: Job, remaining: list[dict], results: list[dict], done: int, count: int, kept: bool = False) -> None:
    _discard(remaining)
    with transaction.atomic():
        Job.objects.filter(pk=job.pk).update(
            status=JobStatus.CANCELLED, finished=timezone.now(), result={"files": results},
            message=f"Importen blev stoppet efter {done} af {count} filer. Det, der allerede er importeret, er "
                    "gemt; resten er ikke læst.")
    _forget_names(job, kept)


def _masked(data: dict, entry: dict) -> dict:
    """Any CPR number masked in everything the job keeps."""
    for key in ("file", "message"):
        if data.get(key):
            data[key] = mask_cpr(data[key])[0]
    return data


def _forget_names(job: Job, review_kept: bool = False) -> None:
    """The job keeps no file names in clear text once done (they may hold CPR numbers). ``review_kept``:
    files were kept for review (removed after saving, or after review.KEEP_DAYS days)."""
    files = [{"shown": e.get("shown", "")} for e in job.params.get("files", [])]
    params = {**job.params, "files": files}
    if review_kept:
        params["review_kept"] = True
    Job.objects.filter(pk=job.pk).update(params=params)


def summary(results: list[dict]) -> str:
    counts: dict[str, int] = {}
    for r in results:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    words = {"imported": "importeret", "checked": "læst uden at gemme", "unchanged": "allerede importeret",
             "failed": "mislykkedes", "needs_body": "mangler organ", "confirm": "skal bekræftes"}
    parts = [f"{n} {words.get(status, status)}" for status, n in counts.items()]
    total = len(results)
    return f"{total} {'fil' if total == 1 else 'filer'}: " + ", ".join(parts) + "." if parts else "Ingen filer."


def payload(result: FileResult) -> dict:
    """What the page shows for one file (also the JSON of the upload script)."""
    url = None
    if result.meeting is not None:
        try:
            url = result.meeting.get_absolute_url()
        except NoReverseMatch:
            url = None
    doc = result.document
    return {
        "file": result.filename,
        "status": result.status,
        "ok": result.ok,
        "message": result.message,
        "meeting_url": url,
        "meeting": (f"{danish_date(result.meeting.date)} i {result.meeting.body}"
                    if result.meeting is not None else None),
        "body": str(result.body) if result.body else None,
        "candidates": [{"id": b.pk, "name": str(b)} for b in result.candidates],
        "summary": None if doc is None else {
            "kind": "Referat" if doc.kind == "minutes" else "Dagsorden",
            "date": danish_date(doc.date) if doc.date else "uden mødedato",
            "items": len(doc.items), "attendees": len(doc.attendees), "absent": len(doc.absent),
            "guests": len(doc.guests), "repairs": doc.repairs,
        },
        "warnings": [w.message for w in doc.warnings] if doc else [],
        "notes": result.notes,
        "report": result.report,
    }
