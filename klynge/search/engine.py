"""One search across the structure, meetings, matters, funds and indicators, behind one interface.

PostgreSQL: full-text search with the ``danish`` configuration (stemming: "indlæggelser"
finds "indlæggelse"), ranked. SQLite: every word of the query must occur in the text
(case-insensitive substring), ordered by date; no extra index or server is needed.

Agenda items go through ``meetings.visibility.visible_items_q``, so a closed item or an
unpublished agenda never shows up for someone who may not see it: not its title, text or
journal number.
"""

from dataclasses import dataclass

from django.db import connection
from django.db.models import Q, QuerySet

from klynge.meetings import visibility
from klynge.meetings.models import AgendaItem
from klynge.organisation.models import Body, Organisation, Person, Succession

MAX_PER_KIND = 25


@dataclass
class Hit:
    kind: str
    title: str
    url: str
    context: str = ""


def _words(query: str) -> list[str]:
    return [w for w in query.split() if len(w) >= 2][:8]


def _match(queryset: QuerySet, fields: list[str], query: str) -> QuerySet:
    """Rows where the query matches the text of ``fields``, by the database's best means."""
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vector = SearchVector(*fields, config="danish")
        search = SearchQuery(query, config="danish", search_type="websearch")
        return (queryset.annotate(document=vector, rank=SearchRank(vector, search))
                .filter(document=search).order_by("-rank"))
    condition = Q()
    for word in _words(query):
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__icontains": word})
        condition &= any_field
    return queryset.filter(condition)


def search(query: str, user) -> dict[str, list[Hit]]:
    """Hits grouped by kind, at most MAX_PER_KIND each, as this user may see them."""
    query = (query or "").strip()
    if len(query) < 2:
        return {}
    results = {
        "Organer": _bodies(query),
        "Personer": _persons(query),
        "Parter": _organisations(query),
        "Punkter og beslutninger": _items(query, user),
        "Indsatser (klyngemidler)": _initiatives(query),
        "Indikatorer": _indicators(query),
    }
    return {kind: hits for kind, hits in results.items() if hits}


def _bodies(query):
    """Bodies by name; a successor's hit brings its predecessors' archives along (found under the new
    name), and a predecessor's hit names who took over (found under the old name)."""
    rows = list(_match(Body.objects.all(), ["name", "short_name", "description"], query)[:MAX_PER_KIND])
    hits = [Hit("Organ", b.name, b.get_absolute_url(), b.description[:160]) for b in rows]
    found = {b.pk for b in rows}
    for s in (Succession.objects.filter(Q(successor__in=found) | Q(predecessor__in=found))
              .select_related("predecessor", "successor").order_by("predecessor__name")):
        if s.successor_id in found and s.predecessor_id not in found:
            hits.append(Hit("Organ (arkiv)", s.predecessor.name, s.predecessor.get_absolute_url(),
                            f"Arkiv fra forgænger til {s.successor.name}"))
            found.add(s.predecessor_id)
        elif s.predecessor_id in found:
            for hit in hits:
                if hit.url == s.predecessor.get_absolute_url() and "Afløst af" not in hit.context:
                    hit.context = f"Afløst af {s.successor.name}" + (f". {hit.context}" if hit.context else "")
    return hits[:MAX_PER_KIND]


def _persons(query):
    rows = _match(Person.objects.all(), ["name", "title"], query)[:MAX_PER_KIND]
    return [Hit("Person", p.name, p.get_absolute_url(), p.title) for p in rows]


def _organisations(query):
    rows = _match(Organisation.objects.all(), ["name", "short_name"], query)[:MAX_PER_KIND]
    return [Hit("Part", o.name, o.get_absolute_url(), o.get_kind_display()) for o in rows]


def _items(query, user):
    """Items by their agenda text; by their minutes and decision only where the minutes are visible.

    An item's minutes and decision reach the public only once the minutes are published
    (``visibility.visible_minutes_q``), so a word that stands only in draft minutes finds nothing.
    """
    visible = AgendaItem.objects.filter(visibility.visible_items_q(user)).select_related("meeting__body")
    agenda_fields = ["title", "summary", "description", "case_number"]
    minutes_q = visibility.visible_minutes_q(user)
    with_minutes = _match(visible.filter(minutes_q), [*agenda_fields, "minutes", "decision"], query)
    agenda_only = _match(visible.exclude(minutes_q), agenda_fields, query)
    if connection.vendor != "postgresql":
        with_minutes = with_minutes.order_by("-meeting__date", "position")
        agenda_only = agenda_only.order_by("-meeting__date", "position")
    rows = list(with_minutes[:MAX_PER_KIND]) + list(agenda_only[:MAX_PER_KIND])
    if connection.vendor == "postgresql":
        rows.sort(key=lambda item: -item.rank)
    else:
        rows.sort(key=lambda item: (-item.meeting.date.toordinal(), item.position))
    hits = []
    for item in rows[:MAX_PER_KIND]:
        meeting = item.meeting
        minutes_visible = visibility.can_see_minutes(user, meeting)
        text = item.decision if minutes_visible and item.decision else item.summary
        hits.append(Hit("Punkt", f"{item.title}",
                        item.get_absolute_url(),
                        f"{meeting.body.name}, {meeting.date:%d.%m.%Y}" + (f": {text[:160]}" if text else "")))
    return hits


def _initiatives(query):
    from klynge.funds.models import Initiative

    rows = _match(Initiative.objects.select_related("cluster"), ["number", "title", "description", "focus_area"],
                  query)[:MAX_PER_KIND]
    return [Hit("Indsats", f"{i.number}. {i.title}", i.get_absolute_url(), i.cluster.name) for i in rows]


def _indicators(query):
    from django.urls import reverse

    from klynge.indicators.models import Indicator

    rows = _match(Indicator.objects.all(), ["name", "description"], query)[:MAX_PER_KIND]
    return [Hit("Indikator", i.name, reverse("indicators:definitions") + f"#{i.slug}", i.description[:160])
            for i in rows]
