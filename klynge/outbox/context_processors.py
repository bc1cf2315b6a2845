"""A secretariat is told on every page when a mail of its bodies could not be sent."""

from .models import MailStatus
from .permissions import visible_mails


def outbox_failures(request):
    user = getattr(request, "user", None)
    if not getattr(user, "is_authenticated", False):
        return {}
    return {"outbox_failures": lambda: visible_mails(user).filter(status=MailStatus.FAILED).count()}
