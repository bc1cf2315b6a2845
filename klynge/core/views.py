import datetime

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.http import require_safe

# When the statement was last reviewed against the pages (update with every review).
ACCESSIBILITY_STATEMENT_DATE = datetime.date(2026, 12, 2)


@require_safe
def accessibility_statement(request):
    """The accessibility statement (tilgængelighedserklæring) every Danish public website must have."""
    return render(request, "accessibility.html", {
        "contact": getattr(settings, "KLYNGE_ACCESSIBILITY_CONTACT", ""),
        "operator": (getattr(settings, "KLYNGE_OPERATOR", "")
                     or "Den myndighed, der driver denne installation af Klynge"),
        "prepared": ACCESSIBILITY_STATEMENT_DATE,
    })
