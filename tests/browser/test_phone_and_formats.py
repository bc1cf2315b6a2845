"""Every main page on a phone (390x844) and at desktop size (1280x800), as each persona (issue 13,
points 1, 3 and 13): nothing scrolls sideways, DKFDS's menu button opens the drawer with the main
menu and log in/out, and no page of the demo data prints a year with a thousands separator or an
English month name."""

import os
import re

import pytest
from django.core.management import call_command

from klynge.meetings.models import Meeting
from klynge.organisation.models import Person

from .conftest import ARTIFACTS, axe_violations, log_in, screenshot

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
PERSONAS = [("offentlig", None), ("medlem", "medlem"), ("sekretariat", "sekretariat")]
# A year printed as "2.023", or an English month abbreviation/name after a day number.
SEPARATED_YEAR = re.compile(r"(?<![\d.])2\.0\d\d(?!\.?\d)")
ENGLISH_MONTH = re.compile(
    r"\b\d{1,2}\.? (?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Okt|Nov|Dec|January|February|March|April|June|July"
    r"|August|September|October|December)\b")


@pytest.fixture
def demo(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    call_command("demo", stdout=open(os.devnull, "w"))


def main_pages():
    published = Meeting.objects.filter(status="minutes_published").order_by("pk").first()
    person = Person.objects.filter(memberships__isnull=False).order_by("pk").first()
    return {
        "forside": "/",
        "klynge": "/organer/randersklyngen/",
        "organ": "/organer/randersklyngen-politisk-niveau/",
        "moede": f"/moeder/{published.pk}/",
        "opfoelgning": "/opfoelgning/randersklyngen/",
        "person": f"/personer/{person.slug}/",
        "klyngemidler": "/klyngemidler/sundhedsklynge-lillebaelt/",
        "indikatorer": "/indikatorer/",
        "soeg": "/soeg/?q=sundhed",
        "kalender": "/moeder/",
        "sager": "/sager/",
    }


def _context(browser, live_server, viewport):
    context = browser.new_context(base_url=live_server.url, locale="da-DK", viewport=viewport)
    context.set_default_timeout(20_000)
    return context


def test_no_main_page_scrolls_sideways_on_a_phone_and_the_menu_button_opens_menu_and_log_in_out(
        browser, live_server, demo):
    pages = main_pages()
    for persona, username in PERSONAS:
        _phone_journey(browser, live_server, pages, persona, username)


def _phone_journey(browser, live_server, pages, persona, username):
    context = _context(browser, live_server, PHONE)
    page = context.new_page()
    if username:
        log_in(page, username, "klynge-demo")
    wide = {}
    for name, path in pages.items():
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide[name] = width
        # The desktop menu and the user line are hidden on a phone; the menu button is the way in.
        assert not page.locator(".navigation-menu .mainmenu").is_visible()
        menu_button = page.get_by_role("button", name="Menu")
        assert menu_button.is_visible(), name
        menu_button.click()
        drawer = page.locator(".mobile-drawer")
        assert drawer.is_visible(), name
        for label in ("Forside", "Møder", "Sager", "Opfølgning", "Klyngemidler", "Søg"):
            assert drawer.get_by_role("link", name=label, exact=True).is_visible(), (name, label)
        log_control = (drawer.get_by_role("button", name="Log ud") if username
                       else drawer.get_by_role("link", name="Log ind"))
        assert log_control.is_visible(), name
        # The open drawer as the person sees it (a full-page shot resizes the window, which closes it).
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"phone-{persona}-{name}-menu.png"))
        drawer.locator(".js-menu-close").click()
        assert not drawer.is_visible()
        screenshot(page, f"phone-{persona}-{name}")
    assert wide == {}, f"Sider, der ruller sidelæns ved 390 px: {wide}"
    # Log in/out works from the drawer itself.
    page.goto("/")
    page.get_by_role("button", name="Menu").click()
    if username:
        page.locator(".mobile-drawer").get_by_role("button", name="Log ud").click()
        page.wait_for_load_state()
        page.get_by_role("button", name="Menu").click()
        assert page.locator(".mobile-drawer").get_by_role("link", name="Log ind").is_visible()
    else:
        page.locator(".mobile-drawer").get_by_role("link", name="Log ind").click()
        assert page.get_by_label("Brugernavn").is_visible()
    context.close()


def test_main_pages_at_desktop_size_show_the_menu_without_a_menu_button_and_print_danish_dates_and_years(
        browser, live_server, demo):
    pages = main_pages()
    for persona, username in PERSONAS:
        _desktop_journey(browser, live_server, pages, persona, username)


def _desktop_journey(browser, live_server, pages, persona, username):
    context = _context(browser, live_server, DESKTOP)
    page = context.new_page()
    if username:
        log_in(page, username, "klynge-demo")
    found = {}
    for name, path in pages.items():
        page.goto(path)
        assert page.locator(".navigation-menu .mainmenu").is_visible(), name
        assert not page.get_by_role("button", name="Menu").is_visible(), name
        assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"], name
        text = page.locator("body").inner_text()
        bad = SEPARATED_YEAR.findall(text) + ENGLISH_MONTH.findall(text)
        bad += ["---------"] if "---------" in page.content() else []
        if bad:
            found[name] = bad[:5]
        screenshot(page, f"desktop-{persona}-{name}")
    assert found == {}, f"Årstal med tusindtalsseparator, engelske måneder eller '---------': {found}"
    # The front page passes axe at desktop size too (the drawer markup adds nothing it objects to).
    page.goto("/")
    assert axe_violations(page) == []
    context.close()


def _cards_are_whole(page):
    """Every cluster card on the front page shows all its content, and no cluster name is broken
    inside a word (a one-word name is drawn as one line box)."""
    page.goto("/")
    cards = page.locator(".klynge-card")
    assert cards.count() >= 2
    for i in range(cards.count()):
        card = cards.nth(i)
        assert card.evaluate("e => e.scrollHeight <= e.clientHeight + 1"), card.inner_text()
    name = page.get_by_role("link", name="Randersklyngen", exact=True)
    assert name.evaluate("e => e.getClientRects().length") == 1


def test_front_page_cluster_cards_are_not_clipped_and_names_are_not_broken_on_phone_and_desktop(
        browser, live_server, demo):
    for label, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        context = _context(browser, live_server, viewport)
        page = context.new_page()
        _cards_are_whole(page)
        screenshot(page, f"{label}-front-cards")
        context.close()
