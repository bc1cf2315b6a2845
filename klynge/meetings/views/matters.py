from django.db import connection
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import formats
from django.utils.html import format_html

from klynge.core.links import UrlPattern
from klynge.core.params import query_params
from klynge.core.rows import format_rows
from klynge.organisation import provenance

from .. import matters as matter_queries
from .. import title_index, visibility
from ..models import AgendaItem, Matter

LIST_LIMIT = 200


class _Access:
    """What a user may see of a matter's items, one check per kind of meeting (``visibility.MeetingRights``)."""

    def __init__(self, user):
        self.rights = visibility.MeetingRights(user)

    def shows(self, item) -> bool:
        """Whether the user sees this item's title and text (not only "Lukket punkt", not hidden)."""
        see_agenda, see_closed, _ = item.rights(self.rights)
        return see_agenda and (see_closed or not item.closed)


def _as_seen(matter, items, access):
    """(title, case number, treatments) of a matter as this user may see it; None if nothing of it.

    A matter takes its title from the item that created it, often a closed one, and items on
    agendas not yet published are not public either. Whoever may not see every item of the
    matter sees it under the title of the first item they may see, and does not see the
    matter at all when they may see none of its items.
    """
    shown = [item for item in items if access.shows(item)]
    if len(shown) == len(items):
        return matter.title, matter.case_number, len(items)
    if not shown:
        return None
    case_number = matter.case_number if any(i.case_number == matter.case_number for i in shown) else ""
    return shown[0].title, case_number, len(shown)


def matter_list(request):
    """Matters as this user may see them, filtered on the database (fast at national scale).

    A matter whose items are all visible shows its own title; otherwise it shows the title of
    the first item the user may see, and a matter with no visible item is left out.

    ``?q=`` filters on what the list is about: the journal numbers and titles of the items the
    user may see (a matter is known by the titles it stood on the agendas under; its own title is
    its first item's), by substring, as a database filter read from trigram indexes (``title_index``;
    meetings does not depend on search). Words inside the items' texts, minutes and attachments are
    the search page's job (``/soeg/``, ranked, stemmed, with snippets); the page links there with the same words.
    """
    q = query_params(request).text("q", max_length=200)
    visible_items = AgendaItem.objects.filter(visibility.visible_items_q(request.user))
    visible = visible_items.filter(matter=OuterRef("pk"))
    matters = (
        Matter.objects.annotate(
            treatments=Coalesce(Subquery(visible.values("matter").annotate(n=Count("pk")).values("n")[:1]), 0),
            total=Coalesce(Subquery(AgendaItem.objects.filter(matter=OuterRef("pk")).order_by()
                                    .values("matter").annotate(n=Count("pk")).values("n")[:1]), 0),
            first_title=Subquery(visible.order_by("meeting__date", "position").values("title")[:1]),
            # A subquery with LIMIT 1, not EXISTS: PostgreSQL turns an EXISTS here into a hashed scan of
            # every visible item of the country (90 ms) instead of a look-up per listed matter.
            number_item=Subquery(visible.filter(case_number=OuterRef("case_number")).values("pk")[:1]),
        )
        .order_by("-modified")
    )
    if q:
        # The newest matters of the visible items that match (visible by construction, so no
        # per-matter check), then the columns of those LIST_LIMIT only: in one query SQLite computes
        # the annotations of every match (10,000 for a common word) before it sorts them.
        found = visible_items.filter(title_index.title_or_number_contains(q, connection.vendor)).exclude(matter=None)
        newest = Matter.objects.filter(pk__in=found.values("matter_id")).order_by("-modified")
        matters = matters.filter(pk__in=list(newest.values_list("pk", flat=True)[:LIST_LIMIT]))
    else:
        matters = matters.filter(treatments__gt=0)  # walks the newest first and stops at LIST_LIMIT
    rows = []
    matter_url = UrlPattern("meetings:matter")  # Matter.get_absolute_url, one reverse() a page
    columns = ("pk", "title", "case_number", "treatments", "total", "first_title", "number_item")
    for pk, title, case_number, treatments, total, first_title, number_item in (
            matters.values_list(*columns)[:LIST_LIMIT]):  # values: no model built per row
        complete = treatments == total
        rows.append({
            "pk": pk, "get_absolute_url": matter_url(pk),
            "title": title if complete else first_title,
            "case_number": case_number if complete or number_item else "",
            "treatments": treatments,
        })
    return render(request, "meetings/matters.html", {"matters": rows, "rows": matter_rows_html(rows), "q": q,
                                                      "limit": LIST_LIMIT})


# One matter of the list, exactly as matters.html's loop wrote it (the newline and indent after each row
# included): 200 rows of four variables in the template engine were a fifth of the page (core.rows).
MATTER_ROW = '<tr><td><a href="{url}">{title}</a></td><td>{case_number}</td><td>{treatments}</td></tr>\n  '


def matter_rows_html(rows):
    counts = {}  # a number in {{ }} goes through localize(): once per distinct count
    for row in rows:
        if row["treatments"] not in counts:
            counts[row["treatments"]] = formats.localize(row["treatments"])
    return format_rows(MATTER_ROW, (
        {"url": row["get_absolute_url"], "title": row["title"], "case_number": row["case_number"] or "",  # |default:""
         "treatments": counts[row["treatments"]]} for row in rows))


# One step of a matter's path (its "Sagens forløb"), exactly as the template's loop wrote it before: a matter
# of 240 treatments spent most of its page in the template engine, ten variables a row. format_html escapes
# every value as the template did (conditional_escape); what many rows share (a body's link with the role,
# an outcome) is escaped once and passes through as a safe string.
STEP_ROW = ('\n    <li><p><strong>{date}</strong> · {body_role}</p>\n      <p><a href="{url}#punkt-{number}">Punkt '
            '{number}: {title}</a></p>\n      {outcome}</li>\n  ')


def timeline_html(steps):
    """The rows of ``steps`` (``matter_path``) as HTML, every value escaped."""
    shared = {}

    def once(fragment, *values):
        if (fragment, *values) not in shared:
            shared[(fragment, *values)] = format_html(fragment, *values)
        return shared[(fragment, *values)]

    return format_rows(STEP_ROW, (
        {"date": s["date_text"], "url": s["meeting_url"], "number": s["number"], "title": s["title"],
         "body_role": once('<a href="{}">{}</a> · {}', s["body_url"], s["body"], s["role"]),
         "outcome": once("<p>Udfald: {}</p>", s["outcome"]) if s["outcome"] else ""}
        for s in steps))


def matter_detail(request, pk):
    matter = get_object_or_404(Matter, pk=pk)
    items = matter_queries.matter_items(matter)  # once, for both the title check and the path
    access = _Access(request.user)
    seen = _as_seen(matter, items, access)
    if seen is None:
        raise Http404("Sagen findes ikke.")
    path = matter_queries.matter_path(matter, request.user, items, access.rights)
    return render(request, "meetings/matter.html", {
        "matter": matter, "title": seen[0], "case_number": seen[1], **path, "timeline": timeline_html(path["steps"]),
        "provenance": provenance.notes(matter),
        **matter_queries.matter_moves(matter, request.user, path["owner"], complete=seen[2] == len(items)),
    })
