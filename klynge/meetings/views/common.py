from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from klynge.core.versioning import changed_fields

from .. import visibility
from ..models import AgendaItem, Meeting


def get_meeting(pk) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("body", "body__kind", "body__parent"), pk=pk)


def get_item(pk) -> AgendaItem:
    return get_object_or_404(
        AgendaItem.objects.select_related("meeting", "meeting__body", "meeting__body__kind"), pk=pk
    )


def require_edit(user, meeting):
    if not visibility.can_edit_meeting(user, meeting):
        raise PermissionDenied("Kun organets sekretariat kan redigere mødet.")


def require_item_access(user, item):
    """A closed item is 404 to those who may not see it: not even its existence leaks."""
    meeting = item.meeting
    if not visibility.can_see_agenda(user, meeting):
        raise Http404
    if item.closed and not visibility.can_see_closed(user, meeting):
        raise Http404


def refused_stale_save(form_class, request, form, stale, loaded_version):
    """After a save refused at the last moment (the race after validation): (what the other person
    changed, the form again on the newest version with this user's input kept), so nothing is
    silently overwritten or lost. A stale form found in validation needs none of this."""
    fresh = form_class(request.POST.copy(), instance=stale.current)
    fresh.conflict = changed_fields(form, stale.current, loaded_version)
    fresh.data["loaded_version"] = stale.current.version
    return fresh.conflict, fresh


def item_anchor(item) -> str:
    """The fragment of an item on its meeting page: breaks carry no number, so they go by their id."""
    return f"punkt-{item.number}" if item.number else f"pause-{item.pk}"


def item_url(item) -> str:
    return item.meeting.get_absolute_url() + "#" + item_anchor(item)


def item_label(item) -> str:
    """How messages and screen readers name an item: "punkt 3", or a break by its title."""
    return f"punkt {item.number}" if item.number else f"“{item.title}”"
