"""One search across everything the index holds, behind one interface, on two engines.

``search(query, user, filters, page)`` returns one ranked page of hits, each with a highlighted
snippet. Both engines read the same ``SearchDocument`` rows and the same visibility filter:

- PostgreSQL: ``vector @@ websearch_to_tsquery('danish', q)`` over the stored, generated
  tsvector (GIN index), ranked by ``ts_rank`` (title weighted above text), snippets by
  ``ts_headline`` for the page's rows only.
- SQLite: FTS5 ``MATCH`` over the Danish stems (``text.fts5_query``), ranked by ``bm25``
  (title ten times the text), snippets by ``text.highlight``.

Bounded ranking: a document's id follows its date (``models.document_id``), so both engines
read "the newest matches" from an index in id order and stop early. ``rank_floor`` finds the id
of the RANK_WINDOW-th newest dated match the user may see (one query); only matches from it on,
i.e. that window and every undated document (bodies, persons, parties, indicators, ...), are
ranked. A rare word has fewer matches than the window and is ranked whole; a common word costs
the same as a rarer one. The page then says that the newest matches were ranked
(``Results.windowed``) and how to reach older ones (the date and body filters).

Who may see what is decided on the database: each source's ``visible`` filter (for agenda items
``meetings.visibility.visible_items_q`` and ``visible_minutes_q``) is part of the one query, so a
closed item, an unpublished agenda or draft minutes are never read for someone who may not see
them. The number of queries does not grow with the number of hits.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import F, FloatField, Func, Lookup, Q, Value
from django.db.models.expressions import RawSQL
from django.utils.safestring import SafeString

from klynge.organisation import permissions
from klynge.organisation.models import Succession

from . import sources
from . import text as search_text
from .models import FIRST_UNDATED_ID, SearchDocument
from .registry import SOURCES

PAGE_SIZE = 20
RANK_WINDOW = 500  # the newest dated matches ranked (see ``rank_floor``); undated ones always are
MAX_PAGE = 50
TSQUERY = "websearch_to_tsquery('danish'::regconfig, %s)"
HEADLINE_OPTIONS = (f'StartSel="{search_text.MARK_START}", StopSel="{search_text.MARK_STOP}", '
                    "MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"")
HEADLINE_CHARS = 50_000  # ts_headline reads at most this much of a long text (an attachment)


def _vector(text_column: str) -> str:
    """The ``vector`` column of the same table (alias) as a compiled ``text`` column."""
    assert text_column.endswith('"text"'), text_column
    return text_column[:-len('"text"')] + '"vector"'


class DanishMatch(Lookup):
    """``text__danish_match=query``: PostgreSQL's stored vector matches the query. A lookup (not
    ``extra``) so it names the right table alias inside subqueries."""

    lookup_name = "danish_match"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{_vector(lhs)} @@ websearch_to_tsquery('danish'::regconfig, {rhs})", [*lhs_params, *rhs_params]


SearchDocument._meta.get_field("text").register_lookup(DanishMatch)


class VectorRank(Func):
    """ts_rank of the stored vector against the query (PostgreSQL)."""

    output_field = FloatField()

    def __init__(self, query: str):
        super().__init__(F("text"), Value(query))

    def as_sql(self, compiler, connection, **extra):
        text_sql, text_params = compiler.compile(self.source_expressions[0])
        query_sql, query_params = compiler.compile(self.source_expressions[1])
        return (f"ts_rank({_vector(text_sql)}, websearch_to_tsquery('danish'::regconfig, {query_sql}))",
                [*text_params, *query_params])


def _co_hosted(body_ids) -> Q:
    """Documents on items of joint meetings the bodies co-host: a document carries the lead host only, so a
    joint meeting is found under each co-host's filter as well (a subquery; no row is repeated)."""
    from klynge.meetings.models import AgendaItem

    return Q(item_id__in=AgendaItem.objects.filter(meeting__co_hosts__in=list(body_ids)).values("pk"))


@dataclass
class Filters:
    kind: str = ""
    body_id: int | None = None
    cluster_id: int | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None

    def q(self) -> Q:
        q = Q()
        if self.kind:
            q &= Q(kind=self.kind)
        if self.body_id:
            q &= Q(body_id=self.body_id) | _co_hosted([self.body_id])
        if self.cluster_id:
            from klynge.organisation.permissions import descendant_ids

            q &= Q(cluster_id=self.cluster_id) | _co_hosted(descendant_ids([self.cluster_id]))
        if self.date_from:
            q &= Q(date__gte=self.date_from)
        if self.date_to:
            q &= Q(date__lte=self.date_to)
        return q


@dataclass
class Hit:
    kind: str
    label: str
    title: SafeString
    url: str
    snippet: SafeString
    date: datetime.date | None = None
    body: str = ""
    note: str = ""


@dataclass
class Results:
    hits: list[Hit] = field(default_factory=list)
    page: int = 1
    has_next: bool = False
    windowed: bool = False  # more matches than RANK_WINDOW: the newest of them were ranked

    @property
    def first(self) -> int:
        return (self.page - 1) * PAGE_SIZE + 1

    @property
    def last(self) -> int:
        return self.first + len(self.hits) - 1


def visible_q(user, kind: str = "") -> Q:
    """The documents this user may see: each source's own rule, OR-ed, as one database filter
    (only ``kind``'s rule when the search is limited to one kind)."""
    memo: dict = {}
    sources = {kind: SOURCES[kind]} if kind in SOURCES else SOURCES
    public = [kind for kind, source in sources.items() if source.visible is None]
    q = Q(kind__in=public)
    for kind, source in sources.items():
        if source.visible is not None:
            q |= Q(kind=kind) & source.visible(user, memo)
    return q


def searchable(query: str) -> bool:
    return bool(search_text.query_terms(query or ""))


def _candidates(query: str, user, filters: Filters | None):
    """The visible documents matching ``query`` (no ranking), and the engine's extra SQL: PostgreSQL
    needs none, SQLite the join to its FTS5 table and the MATCH."""
    filters = filters or Filters()
    docs = SearchDocument.objects.filter(visible_q(user, filters.kind)).filter(filters.q())
    if connection.vendor == "postgresql":
        return docs.filter(text__danish_match=query)
    if connection.vendor == "sqlite":
        return docs.extra(tables=["search_fts"], where=["search_fts.rowid = search_searchdocument.id",
                                                        "search_fts MATCH %s"],
                          params=[search_text.fts5_query(query)])
    raise NotImplementedError(f"Søgningen kender ikke databasen {connection.vendor}.")


def newest(query: str, user, filters: Filters | None = None, candidates=None):
    """The visible documents matching ``query``, newest first (id order, read from the index, no
    ranking): for lists that take the newest matches, e.g. the matters list's ``?q=``. Slice it.
    ``candidates``: _candidates() of the same arguments, when the caller has it already."""
    matches = _candidates(query, user, filters) if candidates is None else candidates
    if connection.vendor == "sqlite":
        return matches.extra(order_by=["-search_fts.rowid"])  # FTS5 walks its doclists backwards, no sort
    return matches.order_by("-pk")


def rank_floor(query: str, user, filters: Filters | None = None, candidates=None) -> int | None:
    """The id of the RANK_WINDOW-th newest dated match this user may see, or None when there are
    fewer: the engine ranks only matches from it on (the window and every undated match).

    One query that reads an index in id order (= date order, ``models.document_id``) and stops at
    the RANK_WINDOW-th visible match: FTS5's rowid order on SQLite, the primary key backwards with
    the ``@@`` checked per row on PostgreSQL (for a rare word, the GIN index and a sort of few rows).
    """
    dated = newest(query, user, filters, candidates).filter(pk__lt=FIRST_UNDATED_ID)
    floor = dated.values_list("pk", flat=True)[RANK_WINDOW - 1:RANK_WINDOW]
    return next(iter(floor), None)


def matching(query: str, user, filters: Filters | None = None, floor: int | None = None, candidates=None):
    """The queryset of visible documents matching ``query``, ranked (best first).

    Ranking (``bm25``, ``ts_rank``) reads every ranked row's sizes or vector: over a common word's
    100,000 matches that is seconds. So only documents from ``floor`` on are ranked (``rank_floor``:
    the RANK_WINDOW newest dated matches, and every undated one: bodies, persons, parties, ...);
    without a floor, every match is ranked.
    """
    matches = _candidates(query, user, filters) if candidates is None else candidates
    if connection.vendor == "postgresql":
        if floor is not None:
            matches = matches.filter(pk__gte=floor)
        return (matches.annotate(rank=VectorRank(query))
                .order_by("-rank", F("date").desc(nulls_last=True), "-pk"))
    if floor is not None:  # on FTS5's rowid, which it answers from its index (not the joined table's id)
        matches = matches.extra(where=["search_fts.rowid >= %s"], params=[floor])
    return (matches.annotate(rank=RawSQL("bm25(search_fts, 10.0, 1.0)", []))
            .order_by("rank", F("date").desc(nulls_last=True), "-pk"))


def search(query: str, user, filters: Filters | None = None, page: int = 1) -> Results:
    with permissions.cache_unless_open():  # every source's visibility rule asks for the same sets
        return _search(query, user, filters, page)


def _search(query: str, user, filters: Filters | None, page: int) -> Results:
    query = (query or "").strip()
    page = max(1, min(page, MAX_PAGE))
    if not searchable(query):
        return Results(page=page)
    start = (page - 1) * PAGE_SIZE
    # The visibility filter is one large Q (every source's rule): build it and turn it into SQL once for
    # both queries (each derives its own queryset from this one; the SQL is the same as before).
    candidates = _candidates(query, user, filters)
    floor = rank_floor(query, user, filters, candidates)
    rows = list(matching(query, user, filters, floor, candidates).select_related("item", "body")
                .only("kind", "object_id", "title", "url", "date", "item__number", "item__meeting_id",
                      "body__name")
                [start:start + PAGE_SIZE + 1])
    has_next = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    snippets = _snippets(query, rows)
    wanted = search_text.query_stems(query)
    hits, shown = [], []
    for row in rows:
        source = SOURCES.get(row.kind)
        if source is None:
            continue
        url = source.url_of(row) if source.url_of else row.url
        hits.append(Hit(kind=row.kind, label=source.label, url=url,
                        title=search_text.highlight(row.title, wanted, max_words=60),
                        snippet=snippets.get(row.pk, SafeString("")), date=row.date,
                        body=row.body.name if row.body_id and row.kind != "body" else ""))
        shown.append(row)
    _successions(hits, shown, wanted)
    return Results(hits=hits, page=page, has_next=has_next, windowed=floor is not None)


def _successions(hits, rows, wanted) -> None:
    """An ended body says who took over; found under its successor's name, it is that body's archive.
    One query for the page's bodies."""
    bodies = {row.object_id: (row, hit) for row, hit in zip(rows, hits, strict=True) if row.kind == "body"}
    if not bodies:
        return
    later: dict[int, list[str]] = {}
    for predecessor, name in (Succession.objects.filter(predecessor__in=bodies).order_by("successor__name")
                              .values_list("predecessor_id", "successor__name")):
        later.setdefault(predecessor, []).append(name)
    for pk, names in later.items():
        row, hit = bodies[pk]
        if wanted and not wanted <= search_text.query_stems(row.title):
            hit.label = "Organ (arkiv)"
            hit.note = ". ".join(sources.archive_note(name) for name in names)
        else:
            hit.note = "Afløst af " + " og ".join(names)


def _snippets(query: str, rows) -> dict[int, SafeString]:
    """A highlighted excerpt of each row's text: one query for the page, whatever its size."""
    ids = [row.pk for row in rows]
    if not ids:
        return {}
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id, ts_headline('danish'::regconfig, left(text, {HEADLINE_CHARS}), {TSQUERY}, %s) "
                "FROM search_searchdocument WHERE id = ANY(%s) AND text <> ''",
                [query, HEADLINE_OPTIONS, ids])
            return {pk: search_text.marked_to_html(marked) for pk, marked in cursor.fetchall()}
    wanted = search_text.query_stems(query)
    texts = SearchDocument.objects.filter(pk__in=ids).exclude(text="").values_list("pk", "text")
    return {pk: search_text.highlight(text, wanted) for pk, text in texts}
