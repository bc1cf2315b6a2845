from django.conf import settings
from django.urls import NoReverseMatch, reverse

# Main menu: (label, url name). An app that is not installed simply drops out.
MAIN_MENU = [
    ("Forside", "front"),
    ("Møder", "meetings:calendar"),
    ("Sager", "meetings:matters"),
    ("Opfølgning", "meetings:followup"),
    ("Aftaler", "agreements:index"),
    ("Klyngemidler", "funds:index"),
    ("Indikatorer", "indicators:index"),
    ("Tilbud", "offers:index"),
    ("Forbedringsteams", "improvement:index"),
    ("Import", "importer:upload"),
    ("Personer", "persons"),
    ("Søg", "search"),
]


# Shown to signed-in users only (first, so it is at hand on a phone too).
SIGNED_IN_MENU = [("Mit overblik", "meetings:overview")]


def _menu(request):
    items = []
    user = getattr(request, "user", None)
    signed_in = SIGNED_IN_MENU if getattr(user, "is_authenticated", False) else []
    for label, name in [*signed_in, *MAIN_MENU]:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        current = request.path == url or (url != "/" and request.path.startswith(url))
        items.append({"label": label, "url": url, "current": current})
    return items


def site(request):
    return {"SITE_NAME": "Klynge", "DEBUG": settings.DEBUG, "main_menu": _menu(request)}
