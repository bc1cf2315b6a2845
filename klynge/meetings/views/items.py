import hashlib
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponseBadRequest, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from klynge.documents.scan import scan_upload

from .. import actions, rules, timeplan, visibility
from ..forms import AgendaItemForm, AttachmentDeleteForm, AttachmentForm
from ..models import AgendaItem, Attachment, MinutesRevision, Recommendation
from ..models.versioned import StaleEditError
from .common import get_item, get_meeting, item_label, item_url, refused_stale_save, require_edit, require_item_access


def _require_agenda_open(request, meeting):
    if meeting.is_cancelled:
        messages.error(request, "Mødet er aflyst, så dagsordenen kan ikke ændres.")
        return False
    if meeting.minutes_locked:
        messages.error(request, "Referatet er godkendt og låst. Brug “Ret referat” med en begrundelse.")
        return False
    return True


@login_required
def item_add(request, pk):
    meeting = get_meeting(pk)
    require_edit(request.user, meeting)
    if not _require_agenda_open(request, meeting):
        return redirect(meeting)
    last = meeting.items.order_by("-position").first()
    item = AgendaItem(meeting=meeting, position=(last.position + 1) if last else 0)
    form = AgendaItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            item = form.save()
            _save_recommendations(item, form.recommendation_lines())
            actions.link_item_to_matter(item)
            actions.renumber(meeting)
        item.refresh_from_db()
        messages.success(request, f"Punktet “{item.title}” er tilføjet.")
        return redirect(meeting.get_absolute_url() + "#dagsorden")
    return render(request, "meetings/versioned_form.html", {
        "form": form, "meeting": meeting, "title": "Nyt punkt", "submit": "Gem punkt",
        "cancel_url": meeting.get_absolute_url() + "#dagsorden",
    })


@login_required
def item_edit(request, pk):
    item = get_item(pk)
    meeting = item.meeting
    require_edit(request.user, meeting)
    if not _require_agenda_open(request, meeting):
        return redirect(meeting)
    form = AgendaItemForm(request.POST or None, instance=item)
    conflict = None
    if request.method == "POST" and form.is_valid():
        loaded = form.cleaned_data["loaded_version"]
        try:
            with transaction.atomic():
                item = form.save(commit=False)
                item.save_versioned(loaded)
                form.save_m2m()
                _save_recommendations(item, form.recommendation_lines())
                actions.link_item_to_matter(item)
                actions.renumber(meeting)
        except ValidationError as error:
            form.add_error("recommendations_text", error)
        except StaleEditError as stale:
            conflict, form = refused_stale_save(AgendaItemForm, request, form, stale, loaded)
        else:
            item.refresh_from_db(fields=["number", "position"])  # renumbering may have moved it
            label = item_label(item)
            messages.success(request, f"{label[:1].upper()}{label[1:]} er gemt.")
            return redirect(item_url(item))
    return render(request, "meetings/versioned_form.html", {
        "form": form, "meeting": meeting, "item": item, "title": f"Rediger {item_label(item)}",
        "conflict": conflict, "submit": "Gem punkt", "cancel_url": meeting.get_absolute_url() + "#dagsorden",
    })


def _save_recommendations(item, lines):
    """Keep recommendations in step with the editor's lines, preserving recorded outcomes by number."""
    existing = {r.number: r for r in item.recommendations.all()}
    for number, text in enumerate(lines, start=1):
        rec = existing.pop(number, None)
        if rec is None:
            Recommendation.objects.create(item=item, number=number, text=text)
        elif rec.text != text:
            rec.text = text
            rec.save()
    for rec in existing.values():
        if rec.outcome:
            raise ValidationError(f"Indstilling {rec.number} har et registreret udfald og kan ikke slettes.")
        rec.delete()


@login_required
@require_POST
def item_move(request, pk):
    """Keyboard-friendly reordering: buttons 'Flyt op' / 'Flyt ned' post a direction."""
    item = get_item(pk)
    require_edit(request.user, item.meeting)
    if not _require_agenda_open(request, item.meeting):
        return redirect(item.meeting)
    ids = list(item.meeting.items.order_by("position", "pk").values_list("pk", flat=True))
    index = ids.index(item.pk)
    new_index = index - 1 if request.POST.get("direction") == "up" else index + 1
    actions.move_item(item, new_index)
    item.refresh_from_db()
    if item.number:
        messages.success(request, f"“{item.title}” er nu punkt {item.number}.")
    else:
        messages.success(request, f"“{item.title}” er flyttet.")
    return redirect(item_url(item))


@login_required
@require_POST
def agenda_reorder(request, pk):
    """Mouse reordering: the drag-and-drop script posts the new order of item ids as JSON."""
    meeting = get_meeting(pk)
    require_edit(request.user, meeting)
    if meeting.is_cancelled:
        return JsonResponse({"fejl": "Mødet er aflyst, så dagsordenen kan ikke ændres."}, status=409)
    if meeting.minutes_locked:
        return JsonResponse({"fejl": "Referatet er låst."}, status=409)
    try:
        order = [int(x) for x in json.loads(request.body)["order"]]
    except (ValueError, KeyError, TypeError):
        return HttpResponseBadRequest("Ugyldig rækkefølge.")
    items = {i.pk: i for i in meeting.items.all()}
    if sorted(order) != sorted(items):
        return JsonResponse({"fejl": "Rækkefølgen passer ikke med mødets punkter. Genindlæs siden."}, status=409)
    with transaction.atomic():
        for position, item_id in enumerate(order):
            items[item_id].position = position
        AgendaItem.objects.bulk_update(items.values(), ["position"])
        actions.renumber(meeting)
    numbers = dict(meeting.items.values_list("pk", "number"))
    answer = {"numbers": {str(k): v for k, v in numbers.items()}}
    # Written briefings always come last: a drag that puts one earlier is undone, and says why.
    placed = [items[pk] for pk in order]
    kept_last = timeplan.briefings_moved_last(placed)
    if kept_last:
        names = ", ".join(f"“{item.title}”" for item in kept_last)
        answer["besked"] = (f"{names} er flyttet tilbage efter de øvrige punkter: skriftlige orienteringer står "
                            "altid sidst, efter Eventuelt, fordi de ikke behandles på mødet.")
        messages.info(request, answer["besked"])
    return JsonResponse(answer)


@login_required
@require_POST
def item_delete(request, pk):
    item = get_item(pk)
    require_edit(request.user, item.meeting)
    if not _require_agenda_open(request, item.meeting):
        return redirect(item.meeting)
    meeting, title = item.meeting, item.title
    with transaction.atomic():
        item.delete()
        actions.renumber(meeting)
    messages.success(request, f"Punktet “{title}” er slettet.")
    return redirect(meeting.get_absolute_url() + "#dagsorden")


@login_required
def attachment_add(request, pk):
    item = get_item(pk)
    require_edit(request.user, item.meeting)
    locked = rules.attachment_change_needs_revision(item.meeting.status)
    form = AttachmentForm(request.POST or None, request.FILES or None, locked=locked,
                          instance=Attachment(item=item, position=item.attachments.count()))
    if request.method == "POST" and form.is_valid():
        attachment = form.save(commit=False)
        upload = form.cleaned_data["file"]
        digest = hashlib.sha256()
        data = bytearray()
        for chunk in upload.chunks():
            digest.update(chunk)
            data.extend(chunk)
        attachment.sha256, attachment.size = digest.hexdigest(), upload.size
        # the file keeps its bytes and is flagged; its name (masked by the form) and title hold no CPR number
        scan = scan_upload(upload.name, bytes(data))
        attachment.contains_cpr = form.name_had_cpr or scan.contains_cpr
        attachment.text = "" if attachment.contains_cpr else scan.text  # read by the search
        attachment.title = attachment.title or upload.name
        with transaction.atomic():
            if locked:
                reason = form.cleaned_data["reason"].strip()
                attachment._change_reason = f"Rettelse af godkendt referat: {reason}"[:100]
                MinutesRevision.objects.create(meeting=item.meeting, reason=reason, made_by=request.user, changes=[
                    {"item": item.number, "item_pk": item.pk, "field": "attachment", "label": "bilag tilføjet",
                     "before": "", "after": attachment.title}])
            attachment.save()
        messages.success(request, f"Bilaget “{attachment.title}” er tilføjet til punkt {item.number}.")
        if attachment.contains_cpr:
            messages.warning(request, "Filen ser ud til at indeholde et CPR-nummer. Bilaget er markeret og vises "
                             "kun for sekretariatet; fjern CPR-nummeret fra filen, og upload den igen, "
                             "hvis den skal være offentlig.")
        return redirect(item_url(item))
    return render(request, "meetings/form.html", {
        "form": form, "title": f"Tilføj bilag til punkt {item.number}: {item.title}", "submit": "Tilføj bilag",
        "multipart": True, "cancel_url": item.meeting.get_absolute_url(),
        "intro": "Referatet er godkendt. Et nyt bilag er en rettelse: skriv hvorfor." if locked else "",
    })


def attachment_download(request, pk):
    """Attachments are served through this view so a closed item's files never leak."""
    attachment = get_object_or_404(Attachment.objects.select_related("item__meeting__body"), pk=pk)
    require_item_access(request.user, attachment.item)
    if not visibility.can_download_attachment(request.user, attachment):
        raise PermissionDenied("Bilaget indeholder et CPR-nummer og vises kun for sekretariatet.")
    if not attachment.file:
        raise Http404("Bilaget findes kun som titel.")
    response = FileResponse(attachment.file.open("rb"), as_attachment=True,
                            filename=attachment.file.name.rsplit("/", 1)[-1])
    if attachment.item.closed:
        response["Cache-Control"] = "private, no-store"
    return response


@login_required
def attachment_delete(request, pk):
    """Delete an attachment. Of approved or published minutes only after a confirmation with a reason,
    recorded as a revision in the meeting's change history."""
    attachment = get_object_or_404(Attachment.objects.select_related("item__meeting__body"), pk=pk)
    item = attachment.item
    require_edit(request.user, item.meeting)
    locked = rules.attachment_change_needs_revision(item.meeting.status)
    if not locked and request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    # The delete button posts without a reason: on locked minutes that shows the confirmation step.
    confirming = locked and request.method == "POST" and "reason" in request.POST
    form = AttachmentDeleteForm(request.POST if confirming else None, locked=locked)
    if request.method == "POST" and (not locked or (confirming and form.is_valid())):
        with transaction.atomic():
            if locked:
                reason = form.cleaned_data["reason"].strip()
                attachment._change_reason = f"Rettelse af godkendt referat: {reason}"[:100]
                MinutesRevision.objects.create(meeting=item.meeting, reason=reason, made_by=request.user, changes=[
                    {"item": item.number, "item_pk": item.pk, "field": "attachment", "label": "bilag slettet",
                     "before": attachment.title, "after": ""}])
            attachment.delete()
            transaction.on_commit(lambda: attachment.file.delete(save=False))
        messages.success(request, "Bilaget er slettet.")
        return redirect(item_url(item))
    return render(request, "meetings/form.html", {
        "form": form, "title": f"Slet bilaget “{attachment.title}” fra punkt {item.number}",
        "submit": "Slet bilaget", "cancel_url": item_url(item),
        "intro": "Referatet er godkendt. Sletningen er en rettelse: den gemmes med din begrundelse og vises "
                 "i referatets historik.",
    })


__all__ = ["visibility"]
