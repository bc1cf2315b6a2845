"""The upload page and the job pages.

An upload only stores the files and queues a background job (``jobs.start_import``); the
reading, checking and loading happen in the worker, never in the web request. Without
JavaScript the form posts here and the user lands on the job's page, which refreshes itself
until the job is done; with JavaScript each file is sent on its own and its job followed
through the status JSON.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from klynge.core.redirects import redirect_back
from klynge.jobs.models import Job
from klynge.organisation.models import Body
from klynge.organisation.permissions import editable_bodies

from . import review
from .forms import ReviewForm, ReviewItemFormSet, ReviewPeopleForm, UploadForm
from .jobs import KIND, request_cancel, shown_name, start_import
from .report import from_json
from .service import FileResult, already_imported, danish_date, import_reviewed


def _may_import(user) -> bool:
    return editable_bodies(user).exists()


@login_required
def upload(request):
    """The page; without JavaScript the form posts here and the job's page follows."""
    if not _may_import(request.user):
        raise PermissionDenied("Kun et organs sekretariat kan importere referater.")
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            job = start_import(request.user, form.cleaned_data["files"], body=form.cleaned_data["body"],
                               dry_run=form.cleaned_data["dry_run"], accept_match=form.cleaned_data["confirm_match"],
                               meeting_date=form.cleaned_data["meeting_date"])
            return redirect("importer:job", job.pk)
    else:
        form = UploadForm(user=request.user)
    return render(request, "importer/upload.html", {"form": form})


def _status(job: Job) -> dict:
    return {
        "id": str(job.pk),
        "status": job.status,
        "status_label": job.get_status_display(),
        "finished": job.is_finished,
        "progress": job.progress,
        "stage": job.stage,
        "message": job.message,
        "files": job.result.get("files", []) if job.is_finished else [],
        "status_url": reverse("importer:job-status", args=[job.pk]),
        "page_url": reverse("importer:job", args=[job.pk]),
    }


@login_required
@require_POST
def upload_file(request):
    """One file, queued as a job; answered as JSON for the page's script, which then follows the job."""
    if not _may_import(request.user):
        raise PermissionDenied("Kun et organs sekretariat kan importere referater.")
    upload = request.FILES.get("file")
    if upload is None:
        return JsonResponse({"ok": False, "status": "failed", "message": "Der blev ikke sendt nogen fil."}, status=400)
    body = None
    if request.POST.get("body"):
        body = Body.objects.filter(pk=request.POST["body"]).first() if request.POST["body"].isdigit() else None
        if body is None or not editable_bodies(request.user).filter(pk=body.pk).exists():
            name = shown_name(upload.name)
            return JsonResponse({"ok": False, "status": "failed", "file": name,
                                 "message": f"{name}: Du kan ikke importere i det valgte organ."}, status=403)
    dry_run = request.POST.get("dry_run") in ("1", "on", "true")
    try:
        given = request.POST.get("meeting_date") or ""
        meeting_date = datetime.date.fromisoformat(given) if given else None
    except ValueError:
        name = shown_name(upload.name)
        return JsonResponse({"ok": False, "status": "failed", "file": name,
                             "message": f"{name}: Mødedatoen “{given[:20]}” er ikke en dato (ÅÅÅÅ-MM-DD)."},
                            status=400)
    job = start_import(request.user, [upload], body=body, dry_run=dry_run, accept_match=False,
                       meeting_date=meeting_date)
    job.refresh_from_db()
    data = {"job": _status(job)}
    if job.is_finished and job.result.get("files"):
        # the job is already done (a worker was quick, or jobs run at once): the file's result now
        data.update(job.result["files"][0])
        return JsonResponse(data)
    data.update({"ok": True, "status": "queued", "file": shown_name(upload.name),
                 "message": f"{shown_name(upload.name)}: Sat i kø til import."})
    return JsonResponse(data, status=202)


def _own_job(request, pk) -> Job:
    job = Job.objects.filter(pk=pk, kind=KIND).first()
    if job is None or not job.visible_to(request.user):
        raise Http404("Jobbet findes ikke.")
    return job


@login_required
def job_page(request, pk):
    """The job's status, progress and, when done, each file's result with a link to its meeting."""
    job = _own_job(request, pk)
    return render(request, "importer/job.html", {"job": job, "files": job.result.get("files", [])})


@login_required
def job_status(request, pk):
    return JsonResponse(_status(_own_job(request, pk)))


@login_required
@require_POST
def job_cancel(request, pk):
    """Stop the user's own import job (before its next file); back to the job's page."""
    job = _own_job(request, pk)
    request_cancel(job)
    return redirect_back(request, reverse("importer:job", args=[job.pk]))


# --- «Gennemse og ret»: a dry run's reading corrected, then saved through the normal load ---------------

MORE_ROWS = 10  # empty item rows added by «Flere tomme rækker»


def _with_more_rows(post):
    """The posted review with MORE_ROWS more empty item rows (up to the formset's maximum)."""
    data = post.copy()
    try:
        total = int(data.get("items-TOTAL_FORMS", "0"))
    except ValueError:
        total = 0
    data["items-TOTAL_FORMS"] = str(min(max(total, 0) + MORE_ROWS, ReviewItemFormSet.max_num))
    return data


def _own_review(request, pk, index) -> tuple[Job, dict]:
    """The job's kept reading of file ``index``: only for the user who started the job, while they may
    still import (an administrator following someone else's job does not save for them); else 404."""
    job = _own_job(request, pk)
    if job.created_by_id != request.user.pk or not _may_import(request.user) or not job.is_finished:
        raise Http404("Gennemsynet findes ikke.")
    stored = review.kept(job.pk, index)
    if stored is None:
        raise Http404("Gennemsynet findes ikke længere. Det, en prøvelæsning har gemt til gennemsyn, slettes efter "
                      f"{review.KEEP_DAYS} dage.")
    return job, stored


def _initial(doc, stored: dict, user) -> tuple[dict, list[dict]]:
    allowed = editable_bodies(user)
    body = stored.get("body")
    if body is None or not allowed.filter(pk=body).exists():
        mine = [pk for pk in stored.get("candidates", []) if allowed.filter(pk=pk).exists()]
        body = mine[0] if len(mine) == 1 else None
    header = {"kind": doc.kind, "date": doc.date, "start": doc.start, "end": doc.end, "place": doc.place or "",
              "body": body, "attendees": "\n".join(p.name for p in doc.attendees),
              "absent": "\n".join(doc.absent), "guests": "\n".join(dict.fromkeys(p.name for p in doc.guests))}
    rows = [{"origin": k, "number": item.number, "title": item.title, "closed": item.closed}
            for k, item in enumerate(doc.items)]
    return header, rows


def _what_was_read(item) -> str:
    """A short line under a read item's row: what the reading found for it (it stays with the item)."""
    parts = []
    if item.presenter:
        parts.append(f"v. {item.presenter}")
    if item.start:
        parts.append(f"kl. {item.start:%H.%M}" + (f"–{item.end:%H.%M}" if item.end else ""))
    if item.summary or item.description:
        parts.append("tekst")
    if item.recommendations:
        parts.append(f"{len(item.recommendations)} indstilling{'er' if len(item.recommendations) != 1 else ''}")
    if item.minutes or item.decision:
        parts.append("referat/beslutning")
    return ", ".join(parts)


@login_required
def review_page(request, pk, index):
    """Show what a dry run read from one file as a form; «Gem mødet» saves the corrected meeting."""
    job, stored = _own_review(request, pk, index)
    if stored.get("saved"):
        return _already_saved(request, job, stored)
    doc = from_json(stored["document"])
    if request.method == "POST":
        more_rows = "more_rows" in request.POST  # «Flere tomme rækker»: the form again, as typed; nothing saved
        data = _with_more_rows(request.POST) if more_rows else request.POST
        form = ReviewForm(data, user=request.user)
        people = ReviewPeopleForm(data)
        items = ReviewItemFormSet(data, prefix="items")
        if not more_rows and all([form.is_valid(), items.is_valid(), people.is_valid()]):
            saved = _save_review(request, job, index, stored, doc, form, items, people)
            if saved is not None:
                return saved
    else:
        header, rows = _initial(doc, stored, request.user)
        form = ReviewForm(initial=header, user=request.user)
        people = ReviewPeopleForm(initial=header)
        items = ReviewItemFormSet(initial=rows, prefix="items")
    read = []
    for row in items.forms:
        origin = row["origin"].value()
        try:
            item = doc.items[int(origin)] if origin not in (None, "") else None
        except (ValueError, IndexError):
            item = None
        read.append(_what_was_read(item) if item is not None else "")
    return render(request, "importer/review.html", {
        "job": job, "index": index, "file": stored.get("file"), "form": form, "people": people, "items": items,
        "rows": list(zip(items.forms, read, strict=True)),
        "warnings": [w.message for w in doc.warnings if w.code != "date_missing" or doc.date is None],
        "date_missing": doc.date is None})


def _already_saved(request, job: Job, stored: dict):
    done = already_imported(stored.get("file") or "Filen", stored.get("sha256"))
    if done is not None and done.meeting is not None:
        messages.info(request, done.message)
        return redirect(done.meeting.get_absolute_url())
    messages.info(request, f"{stored.get('file') or 'Filen'}: Filen er allerede gemt efter gennemsyn.")
    return redirect("importer:job", job.pk)


def _save_review(request, job: Job, index: int, stored: dict, doc, form, items, people):
    """The corrected document through the normal load; a redirect to the meeting, or None (the form shows why)."""
    data = {**form.cleaned_data, **people.cleaned_data}
    rows = [review.ItemRow(origin=f.cleaned_data.get("origin"), number=f.cleaned_data.get("number"),
                           title=f.cleaned_data.get("title") or "", closed=bool(f.cleaned_data.get("closed")),
                           removed=bool(f.cleaned_data.get("remove")))
            for f in items.forms if f.has_changed() or f.cleaned_data.get("origin") is not None]
    corrections = review.Corrections(
        kind=data["kind"], date=data["date"], start=data["start"], end=data["end"], place=data["place"],
        items=rows, attendees=review.names(data["attendees"]), absent=review.names(data["absent"]),
        guests=review.names(data["guests"]))
    corrected, notes = review.apply_corrections(doc, corrections)
    original = review.original(stored)
    if original is None:
        form.add_error(None, "Originalfilen er ikke længere gemt til gennemsyn. Importér filen igen.")
        return None
    name, content = original
    with transaction.atomic():
        Job.objects.select_for_update().filter(pk=job.pk).first()  # one save at a time for this job
        result = import_reviewed(name, content, corrected, body=data["body"], user=request.user,
                                 content_type=stored.get("content_type", ""), notes=notes)
        if result.status not in ("imported", "unchanged") or result.meeting is None:
            form.add_error(None, result.message)
            return None
        if result.status == "imported":
            _record(job, index, result)
        transaction.on_commit(lambda: review.discard(job.pk, index, saved=True))
    messages.success(request, result.message)
    for note in result.notes:
        messages.info(request, note)
    return redirect(result.meeting.get_absolute_url())


def _record(job: Job, index: int, result: FileResult) -> None:
    """The job's page tells what became of the file after its review."""
    job.refresh_from_db(fields=["result"])
    files = job.result.get("files", [])
    for data in files:
        if data.get("review") == index:
            data.pop("review_url", None)
            data.update({"status": result.status, "ok": True, "message": result.message, "notes": result.notes,
                         "meeting_url": result.meeting.get_absolute_url(),
                         "meeting": f"{danish_date(result.meeting.date)} i {result.meeting.body}"})
    Job.objects.filter(pk=job.pk).update(result={**job.result, "files": files})
