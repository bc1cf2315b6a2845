"""The follow-up page's table rows are written in Python (views.followup.followup_rows_html) for speed.

They must be what the template's loop wrote, values escaped the same way: the old loop is kept here as the
reference and rendered by Django's template engine on the same rows (markup, quotes and ampersands in every
text, provenance notes with and without an address, no due date, overdue, split, startable or not), for an
editor and for a reader.
"""

import datetime
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote

from django.template import Context, Template

from klynge.meetings.views.followup import followup_rows_html
from klynge.organisation.provenance import Note

HERE = Path(__file__).parent
# meetings/followup.html's loop before the rows moved to Python (4 December 2026), and the template now.
OLD_LOOP = (HERE / "data" / "followup_loop_before_2026-12-04.html").read_text()
TEMPLATE = (HERE.parents[1] / "klynge" / "meetings" / "templates" / "meetings" / "followup.html").read_text()
NEW_LOOP = TEMPLATE[TEMPLATE.index("{% for owner, rows in by_owner %}"):TEMPLATE.index("{% if pages > 1 %}\n<nav")]


HOSTILE = "<script>alert('x')</script> & \"citat\""


def _row(n, **kw):
    row = {
        "pk": n, "due": datetime.date(2026, 1, n), "due_text": f"{n}. januar 2026", "overdue": False,
        "url": f"/opgaver/{n}/", "description": f"Opgave {n} {HOSTILE}", "part_of_split": False, "provenance": [],
        "item_url": f"/moeder/{n}/#punkt-{n}", "body_label": f"Udvalg & <b>{n}</b>",
        "meeting_date_text": "3. marts 2025", "item_number": n, "status_label": "Åben",
        "short_description": f"Opgave {n} <script>", "startable": True, "edit_url": f"/opgaver/{n}/ret/",
        "start_url": f"/opgaver/{n}/start/", "close_url": f"/opgaver/{n}/afslut/",
    }
    row.update(kw)
    return row


ROWS = [
    _row(1),
    _row(2, overdue=True, part_of_split=True, startable=False, status_label="I gang <i>"),
    _row(3, due=None, due_text="", provenance=[Note(f"Overført fra {HOSTILE}", "/organer/a&b/"), Note("Kun tekst <")]),
    _row(4, item_number=1234, overdue=True),
]


def test_the_rows_are_the_old_loop_byte_for_byte():
    request = SimpleNamespace(path="/opfoelgning/klynge æ&ø <1>/")
    by_owner = [("Ejer & <co>", ROWS[:2]), ("Sekretariatet", ROWS[2:])]
    for can_edit in (True, False):
        context = {"can_edit": can_edit, "request": request, "csrf_token": "TOKEN<&>", "by_owner": by_owner}
        old = Template(OLD_LOOP).render(Context(context))
        new = Template(NEW_LOOP).render(Context({**context, "by_owner": [
            (owner, followup_rows_html(rows, can_edit, quote(request.path), "TOKEN<&>")) for owner, rows in by_owner]}))
        assert new == old
        assert "<script>" not in new and "<b>" not in new and "<i>" not in new
        assert ("Sæt i gang" in new) == can_edit and "Ingen frist" in new and "klynge-provenance" in new


def test_no_rows():
    assert Template(NEW_LOOP).render(Context({"by_owner": []})) == Template(OLD_LOOP).render(
        Context({"by_owner": [], "request": SimpleNamespace(path="/")}))
