"""The upload page and the job pages.

An upload only stores the files and queues a background job (``jobs.start_import``); the
reading, checking and loading happen in the worker, never in the web request. Without
JavaScript the form posts here and the user lands on the job's page, which refreshes itself
until the job is done; with JavaScript each file is sent on its own and its job followed
through the status JSON.
"""

import datetime

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from klynge.core.redirects import redirect_back
from klynge.jobs.models import Job
from klynge.organisation.models import Body
from klynge.organisation.permissions import editable_bodies

from .forms import UploadForm
from .jobs import KIND, request_cancel, shown_name, start_import


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
