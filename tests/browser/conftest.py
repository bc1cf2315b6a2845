"""Playwright fixtures: Debian's /usr/bin/chromium against pytest-django's live server.

Never a downloaded browser. Without Chromium the browser tests are skipped locally,
but fail under CI (CI=true), where .ci/run installs it.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

# Playwright's sync API runs an event loop in this thread; the ORM calls in the
# tests themselves are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("KLYNGE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]
AXE_JS = Path(__file__).parent / "vendor" / "axe.min.js"
# KLYNGE_TEST_ARTIFACTS lets two runs side by side (.ci/run: SQLite and PostgreSQL) keep apart the files they
# write and read back (PDFs rendered to PNG).
ARTIFACTS = Path(os.environ.get("KLYNGE_TEST_ARTIFACTS") or Path(__file__).resolve().parents[2] / "test-artifacts")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} mangler i CI; .ci/run skal installere Debians chromium.")
        pytest.skip(f"{CHROMIUM} findes ikke: installer den med 'apt-get install chromium'.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, transactional_db):
    context = browser.new_context(base_url=live_server.url, locale="da-DK", viewport={"width": 1280, "height": 900})
    # Generous for a loaded CI machine (it only matters when something is slow; nothing sleeps).
    context.set_default_timeout(20_000)
    page = context.new_page()
    yield page
    context.close()


def log_in(page, username, password):
    page.goto("/log-ind/")
    page.get_by_label("Brugernavn").fill(username)
    page.get_by_label("Adgangskode").fill(password)
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_load_state()


# Which axe findings fail a test: every impact by default (issue 13, point 20); KLYNGE_AXE_IMPACTS=serious,critical
# narrows them when hunting one kind of finding.
AXE_IMPACTS = tuple(os.environ.get("KLYNGE_AXE_IMPACTS", "minor,moderate,serious,critical").split(","))


def axe_violations(page, impacts=None):
    """Run axe-core (vendored from npm) on the current page; the findings of ``impacts`` (default
    ``AXE_IMPACTS``)."""
    impacts = impacts or AXE_IMPACTS
    try:
        result = _run_axe(page)
    except PlaywrightError as error:
        # A click that navigates returns before the new page has replaced the old one; when the swap
        # lands mid-run the page's JavaScript context is gone. Wait for the new page and run again.
        if "context was destroyed" not in str(error):
            raise
        page.wait_for_load_state()
        result = _run_axe(page)
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"] if v["impact"] in impacts
    ]


def _run_axe(page) -> dict:
    page.wait_for_load_state()
    # Evaluated through the DevTools protocol, not added as a <script>: the site's
    # Content-Security-Policy refuses inline scripts, and the browser tests run with it on.
    page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;undefined")
    return page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")


def watch_csp(page) -> list:
    """Collect Content-Security-Policy violations on ``page``: the console reports and the
    securitypolicyviolation events (caught by a listener the browser installs before any page script)."""
    violations = []
    page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.add_init_script("""
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', function (e) {
            window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile);
        });
    """)
    return violations


def csp_violations(page, console: list) -> list:
    return console + page.evaluate("window.__cspViolations || []")


def screenshot(page, name):
    """Keep a screenshot under test-artifacts/ for a person to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
