"""The upload page: one or many files, each sent on its own with progress and status."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import NoReverseMatch
from django.views.decorators.http import require_POST

from klynge.organisation.models import Body
from klynge.organisation.permissions import editable_bodies

from .extract import ImportRefused, check_size
from .forms import UploadForm
from .service import FileResult, danish_date, import_file


def _may_import(user) -> bool:
    return editable_bodies(user).exists()


def _run(request, upload, body, dry_run: bool, accept_match: bool) -> FileResult:
    name = upload.name
    try:
        from django.conf import settings

        check_size(name, upload.size, settings.UPLOAD_MAX_BYTES)
    except ImportRefused as exc:
        return FileResult(name, "failed", str(exc))
    data = upload.read()
    allowed = editable_bodies(request.user)
    result = import_file(name, data, body=body, dry_run=dry_run, user=request.user,
                         content_type=getattr(upload, "content_type", "") or "", accept_match=False)
    if result.status == "needs_body":
        result.candidates = [b for b in result.candidates if allowed.filter(pk=b.pk).exists()]
        if len(result.candidates) == 1 and accept_match:
            return import_file(name, data, body=result.candidates[0], user=request.user,
                               content_type=getattr(upload, "content_type", "") or "")
        if len(result.candidates) == 1:
            result.status = "confirm"
            result.message = (f"{name}: Titlen peger på {result.candidates[0]}. Bekræft organet, "
                              "før referatet gemmes.")
        else:
            result.message = f"{name}: Organet kunne ikke findes ud fra titlen. Vælg organet, og prøv igen."
    return result


def _payload(result: FileResult) -> dict:
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
        "body": str(result.body) if result.body else None,
        "candidates": [{"id": b.pk, "name": str(b)} for b in result.candidates],
        "summary": None if doc is None else {
            "kind": "Referat" if doc.kind == "minutes" else "Dagsorden",
            "date": danish_date(doc.date),
            "items": len(doc.items), "attendees": len(doc.attendees), "absent": len(doc.absent),
            "guests": len(doc.guests), "repairs": doc.repairs,
        },
        "warnings": [w.message for w in doc.warnings] if doc else [],
        "notes": result.notes,
        "report": result.report,
    }


@login_required
def upload(request):
    """The page; without JavaScript the form posts here and the reports come back as a page."""
    if not _may_import(request.user):
        raise PermissionDenied("Kun et organs sekretariat kan importere referater.")
    results = []
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            for upload_file in form.cleaned_data["files"]:
                results.append(_payload(_run(request, upload_file, form.cleaned_data["body"],
                                             form.cleaned_data["dry_run"], form.cleaned_data["confirm_match"])))
    else:
        form = UploadForm(user=request.user)
    return render(request, "importer/upload.html", {"form": form, "results": results})


@login_required
@require_POST
def upload_file(request):
    """One file, answered as JSON for the page's script (progress and status per file)."""
    if not _may_import(request.user):
        raise PermissionDenied("Kun et organs sekretariat kan importere referater.")
    upload = request.FILES.get("file")
    if upload is None:
        return JsonResponse({"ok": False, "status": "failed", "message": "Der blev ikke sendt nogen fil."}, status=400)
    body = None
    if request.POST.get("body"):
        body = Body.objects.filter(pk=request.POST["body"]).first()
        if body is None or not editable_bodies(request.user).filter(pk=body.pk).exists():
            return JsonResponse({"ok": False, "status": "failed", "file": upload.name,
                                 "message": f"{upload.name}: Du kan ikke importere i det valgte organ."}, status=403)
    dry_run = request.POST.get("dry_run") in ("1", "on", "true")
    return JsonResponse(_payload(_run(request, upload, body, dry_run, accept_match=False)))
