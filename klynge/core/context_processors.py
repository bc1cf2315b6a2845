from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse

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


# (urlconf, script prefix) -> the menus' (label, url) pairs, the entries that cannot be reversed left out.
# Only what is the same for every user is cached: which part of the menu a user sees, and which entry
# is the current page, is decided per request below.
_REVERSED: dict[tuple, tuple[list, list]] = {}


def _reversed(entries):
    out = []
    for label, name in entries:
        try:
            out.append((label, reverse(name)))
        except NoReverseMatch:
            continue
    return out


def _menu(request):
    key = (get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())
    menus = _REVERSED.get(key)
    if menus is None:
        menus = _REVERSED[key] = (_reversed(SIGNED_IN_MENU), _reversed(MAIN_MENU))
    user = getattr(request, "user", None)
    signed_in = menus[0] if getattr(user, "is_authenticated", False) else []
    path = request.path
    return [{"label": label, "url": url, "current": path == url or (url != "/" and path.startswith(url))}
            for label, url in [*signed_in, *menus[1]]]


def site(request):
    return {"SITE_NAME": "Klynge", "DEBUG": settings.DEBUG, "main_menu": _menu(request)}
