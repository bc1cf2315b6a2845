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
    ("Import", "importer:upload"),
    ("Personer", "persons"),
    ("Søg", "search"),
]


def _menu(request):
    items = []
    for label, name in MAIN_MENU:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        current = request.path == url or (url != "/" and request.path.startswith(url))
        items.append({"label": label, "url": url, "current": current})
    return items


def site(request):
    return {"SITE_NAME": "Klynge", "DEBUG": settings.DEBUG, "main_menu": _menu(request)}
