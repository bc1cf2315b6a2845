from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from klynge.core.params import query_params

from .delivery import retry_now
from .models import MailStatus
from .permissions import can_resend, visible_mails

STATUS_FILTERS = {"fejlede": MailStatus.FAILED, "venter": MailStatus.QUEUED, "sendte": MailStatus.SENT}


@login_required
def outbox(request):
    """The mails of the bodies the user serves as secretariat: failed first, then waiting, then sent."""
    mails = visible_mails(request.user).select_related("body")
    chosen = request.GET.get("vis", "")
    if chosen in STATUS_FILTERS:
        mails = mails.filter(status=STATUS_FILTERS[chosen])
    counts = {key: visible_mails(request.user).filter(status=value).count() for key, value in STATUS_FILTERS.items()}
    number = query_params(request).integer("side", label="Siden", default=1, minimum=1, maximum=100000)
    page = Paginator(mails.order_by("-created", "-pk"), 50).get_page(number)
    return render(request, "outbox/outbox.html", {"page": page, "chosen": chosen, "counts": counts,
                                                  "filters": list(STATUS_FILTERS)})


@login_required
@require_POST
def resend(request, pk):
    mail = get_object_or_404(visible_mails(request.user), pk=pk)
    if not can_resend(request.user, mail):
        raise Http404
    if mail.status == MailStatus.SENT:
        messages.info(request, "E-mailen er allerede sendt.")
    else:
        retry_now(mail)
        messages.success(request, f"E-mailen til {mail.to} er lagt i kø igen og sendes om lidt.")
    return redirect("outbox:list")
