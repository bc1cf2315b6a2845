"""The secretariat links a version of a body's composition to the decision that approved it.

The composition page lives in organisation, which must not import meetings; this page is the
meetings side of it (``CompositionApproval``), reached from a link on that page.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from klynge.core import formats
from klynge.organisation import permissions
from klynge.organisation.models import Body, CompositionVersion

from ..forms import CompositionApprovalForm
from ..models import CompositionApproval


def _linked(form, approval: CompositionApproval) -> bool:
    """Save the link the valid form names; a rule of the model the form did not catch becomes the
    form's error (shown in Danish), never a 500."""
    approval.item = form.cleaned_data["item"]
    approval.recommendation = form.cleaned_data["recommendation"]
    approval._change_reason = "Knyttet til beslutningen via sammensætningssiden"
    try:
        approval.full_clean()
    except ValidationError as error:
        for messages_ in error.message_dict.values():
            for message in messages_:
                form.add_error(None, message)
        return False
    approval.save()
    return True


@login_required
def composition_approval(request, slug, pk):
    body = get_object_or_404(Body.objects.select_related("parent"), slug=slug)
    version = get_object_or_404(CompositionVersion, pk=pk, body=body)
    if not permissions.can_edit_body(request.user, body):
        raise PermissionDenied("Kun organets sekretariat kan knytte sammensætningen til en beslutning.")
    approval = CompositionApproval.objects.filter(version=version).select_related("item", "recommendation").first()
    initial = {"item": approval.item_id, "recommendation_number": approval.recommendation.number
               if approval and approval.recommendation_id else None} if approval else {}
    form = CompositionApprovalForm(request.POST or None, user=request.user, body=body, initial=initial)
    approval = approval or CompositionApproval(version=version)
    if request.method == "POST" and form.is_valid() and _linked(form, approval):
        messages.success(request, f"Sammensætningen fra {formats.date(version.valid_from)} er knyttet til "
                                  f"punkt {approval.item.number} på mødet {formats.date(approval.item.meeting.date)}.")
        return redirect("composition", slug=body.slug)
    return render(request, "meetings/composition_approval.html", {
        "form": form, "body": body, "version": version,
        "breadcrumbs": [*reversed(body.ancestors()), body],
    })
