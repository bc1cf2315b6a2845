from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

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


# One entry of the main menu; the same for every user, so each (label, address, current) is escaped and formatted
# once per process (a dozen entries, twice a page, on every page: the template loop cost more than the page's SQL).
MENU_ITEM = '<li{active}><a class="nav-link" href="{url}"{current}><span>{label}</span></a></li>'
_ITEM_HTML: dict[tuple, str] = {}


def _item_html(item) -> str:
    key = (item["label"], item["url"], item["current"])
    if key not in _ITEM_HTML:
        _ITEM_HTML[key] = format_html(
            MENU_ITEM, url=item["url"], label=item["label"],
            active=mark_safe(' class="active current"' if item["current"] else ""),
            current=mark_safe(' aria-current="page"' if item["current"] else ""))
    return _ITEM_HTML[key]


def _menu_html(items) -> str:
    """The main menu's entries, one <li> a line: base.html shows them in the header and in the phone drawer."""
    return mark_safe("\n".join(_item_html(item) for item in items))


def site(request):
    menu = _menu(request)
    return {"SITE_NAME": "Klynge", "DEBUG": settings.DEBUG, "main_menu": menu,
            "main_menu_html": _menu_html(menu)}
