"""Content-Security-Policy: every page carries the header, and no page needs inline script.

The crawl starts at the front page of the demo data and follows every link on the site (as
the public and as a secretariat), so a page added later is checked without anyone
remembering to list it. The API docs and the login pages are fetched by name.
"""

from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

EXPECTED = {
    "default-src": "'self'", "script-src": "'self'", "style-src": "'self'", "img-src": "'self' data:",
    "frame-ancestors": "'none'", "form-action": "'self'", "base-uri": "'self'",
}
SKIP_SUFFIXES = (".pdf", ".docx", ".ics", ".xlsx", ".csv", ".json", ".png", ".svg", ".js", ".css", ".txt")
SKIP_PREFIXES = ("/log-ud/", "/static/", "/filer/", "/admin/")
MAX_PAGES = 400
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json", "importmap"}  # data, never run


class InlineCode(HTMLParser):
    """Finds what a CSP without 'unsafe-inline' would block, and the page's links."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems, self.links = [], []
        self._in_inline_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…> (inline event handler)")
            if name == "style":
                self.problems.append(f"<{tag} style=…> (inline style)")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}=javascript:…>")
        if tag == "script" and not attributes.get("src"):
            if (attributes.get("type") or "").lower() not in DATA_SCRIPT_TYPES:
                self._in_inline_script = True
                self.problems.append("<script> without src (inline script)")
        if tag == "style":
            self.problems.append("<style> element (inline style)")
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_inline_script = False


def policy(response) -> dict:
    header = response.get("Content-Security-Policy", "")
    directives = {}
    for part in header.split(";"):
        name, _, value = part.strip().partition(" ")
        if name:
            directives[name] = value.strip()
    return directives


def check_page(url, response) -> list[str]:
    found = []
    directives = policy(response)
    for name, value in EXPECTED.items():
        if directives.get(name) != value:
            found.append(f"{url}: {name} is {directives.get(name)!r}, expected {value!r}")
    if "unsafe-inline" in response.get("Content-Security-Policy", ""):
        found.append(f"{url}: the policy allows 'unsafe-inline'")
    parser = InlineCode()
    parser.feed(response.content.decode())
    found.extend(f"{url}: {problem}" for problem in parser.problems)
    return found


def crawl(client, start="/"):
    """Every page reachable by links from ``start``: {url: problems}."""
    seen, queue, problems, pages = {start}, deque([start]), [], 0
    while queue and pages < MAX_PAGES:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code in (301, 302) or not response.get("Content-Type", "").startswith("text/html"):
            continue
        pages += 1
        problems.extend(check_page(url, response))
        parser = InlineCode()
        parser.feed(response.content.decode())
        for href in parser.links:
            link, _ = urldefrag(href)
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or not parts.path.startswith("/"):
                continue
            if parts.path.startswith(SKIP_PREFIXES) or parts.path.endswith(SKIP_SUFFIXES):
                continue
            if link not in seen:
                seen.add(link)
                queue.append(link)
    return pages, problems


@pytest.fixture
def demo(db):
    call_command("demo", stdout=open("/dev/null", "w"))


def test_every_page_the_public_can_reach_has_the_policy_and_no_inline_code(client, demo):
    pages, problems = crawl(client)
    assert pages > 30, "the crawl should reach the demo's pages"
    assert problems == []


def test_every_page_a_secretariat_can_reach_has_the_policy_and_no_inline_code(client, demo):
    client.force_login(get_user_model().objects.get(username="sekretariat"))
    pages, problems = crawl(client)
    assert pages > 30
    assert problems == []


@pytest.mark.parametrize("url", ["/api/v1/docs", "/log-ind/", "/admin/login/"])
def test_named_pages_have_the_policy_and_no_inline_code(client, db, url):
    response = client.get(url)
    assert response.status_code == 200
    assert check_page(url, response) == []


def test_api_docs_serve_the_bundled_swagger_ui_not_a_cdn(client, db):
    text = client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in text and "/static/ninja/swagger-ui.css" in text
    assert "cdn" not in text.lower() and "https://" not in text
    assert client.get("/static/ninja/swagger-ui-bundle.js").status_code == 200


def test_the_crawler_itself_notices_inline_code():
    class Fake:
        content = (b'<a onclick="x()" href="/a">a</a><script>alert(1)</script><p style="color:red"></p>'
                   b'<script type="application/json">{}</script><script src="/static/x.js"></script>')

        def get(self, name, default=""):
            return "default-src 'self'"

    problems = check_page("/x", Fake())
    assert any("inline event handler" in p for p in problems)
    assert any("inline script" in p for p in problems)
    assert any("inline style" in p for p in problems)
    assert sum("inline script" in p for p in problems) == 1
