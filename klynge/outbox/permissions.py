"""Who sees which mails in the outbox: the secretariat of the body a mail concerns (or above it).

Mails that concern no body (a new password, say) are for administrators only. Nobody sees a
mail's text on the page: subject, recipient, status and the server's error are enough to act on.
"""

from django.db.models import Q

from klynge.organisation import permissions
from klynge.organisation.models import Body

from .models import OutgoingMail


def visible_mails(user):
    if not getattr(user, "is_authenticated", False):
        return OutgoingMail.objects.none()
    if permissions.is_administrator(user):
        return OutgoingMail.objects.all()
    editable = permissions.editable_body_ids(user)  # cached per request: the page often asked already
    if not editable:
        return OutgoingMail.objects.none()
    return OutgoingMail.objects.filter(Q(body_id__in=editable))


def can_resend(user, mail: OutgoingMail) -> bool:
    if permissions.is_administrator(user):
        return True
    if mail.body_id is None:
        return False
    body = Body.objects.get(pk=mail.body_id)
    return permissions.can_edit_body(user, body)
