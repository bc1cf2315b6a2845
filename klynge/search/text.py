"""Pure text rules of the search: words, Danish stems, the FTS5 query, plain text and highlighting.

No ORM here. SQLite's FTS5 index holds the Snowball stems of the words (computed here, at index
and at query time), so "indlæggelser" finds "indlæggelse" and "Ældre" finds "ældre" as on
PostgreSQL, whose ``danish`` configuration runs the same Snowball algorithm inside the database.
"""

from __future__ import annotations

import html
import re

import Stemmer
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WORD = re.compile(r"\w+")
TAG = re.compile(r"<[^>]*>")
QUERY_PART = re.compile(r'"([^"]*)"?|(\S+)')
MAX_QUERY_WORDS = 12
# The characters of a document the index reads (an attachment may be a whole book); PostgreSQL's
# tsvector stops at 1 MB, and the first part of a text says what it is about.
MAX_TEXT = 200_000

# PostgreSQL's danish.stop (from Snowball): words too common to search for. Dropped from the query
# on SQLite so that "og" finds nothing on both databases.
STOP_WORDS = frozenset("""
og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi min havde
ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil blev kunne
ind når være dog noget ville jo deres efter ned skulle denne end dette mit også under have dig anden
hende mine alt meget sit sine vor mod disse hvis din nogle hos blive mange ad bliver hendes været thi
jer sådan""".split())

_stemmer = Stemmer.Stemmer("danish")


def words(text: str) -> list[str]:
    """The words of a text, case-folded (so Æ, Ø and Å become æ, ø and å)."""
    return WORD.findall(text.casefold())


def stems(text: str) -> list[str]:
    return _stemmer.stemWords(words(text))


def stem_text(text: str) -> str:
    """What the FTS5 table holds for a text: its stems, separated by spaces."""
    return " ".join(stems(text[:MAX_TEXT]))


def plain(text: str) -> str:
    """Text without HTML tags or entities (descriptions are stored as sanitised HTML)."""
    if "<" not in text and "&" not in text:
        return text
    return html.unescape(TAG.sub(" ", text))


def query_terms(query: str) -> list[list[str]]:
    """The query as a list of terms, each a list of stems (a phrase when longer than one).

    Words in quotes form a phrase; a hyphenated word ("1-31-72") is a phrase of its parts;
    stop words and one-letter words alone are left out. At most MAX_QUERY_WORDS terms.
    """
    terms = []
    for match in QUERY_PART.finditer(query):
        quoted, bare = match.group(1), match.group(2)
        parts = words(quoted if quoted is not None else bare)
        if bare is not None and len(parts) == 1 and (parts[0] in STOP_WORDS or len(parts[0]) < 2):
            continue
        if parts:
            terms.append(_stemmer.stemWords(parts))
    return terms[:MAX_QUERY_WORDS]


def fts5_query(query: str) -> str:
    """An FTS5 MATCH expression: every term must occur. Each stem is quoted, so nothing the user
    types is read as FTS5 syntax. "" when the query has no searchable word."""
    return " AND ".join('"' + " ".join(term) + '"' for term in query_terms(query))


def query_stems(query: str) -> set[str]:
    return {stem for term in query_terms(query) for stem in term}


def highlight(text: str, wanted: set[str], *, max_words: int = 32, before: int = 8) -> SafeString:
    """An HTML-escaped excerpt of ``text`` around the first word whose stem is wanted, with every
    such word in <mark>. No other markup can come through: the text is escaped piece by piece.
    Without a hit, the text's first ``max_words`` words."""
    tokens = list(WORD.finditer(text))
    if not tokens:
        return mark_safe(escape(text[:200]))
    token_stems = _stemmer.stemWords([t.group().casefold() for t in tokens])
    first = next((i for i, s in enumerate(token_stems) if s in wanted), None)
    start = 0 if first is None else max(0, first - before)
    end = min(len(tokens), start + max_words)
    out = ["…" if start else ""]
    position = tokens[start].start() if start else 0
    for i in range(start, end):
        token = tokens[i]
        out.append(escape(text[position:token.start()]))
        word = escape(token.group())
        out.append(f"<mark>{word}</mark>" if token_stems[i] in wanted else word)
        position = token.end()
    if end < len(tokens):
        out.append(" …")
    else:
        out.append(escape(text[position:]))
    return mark_safe("".join(out).strip())


MARK_START, MARK_STOP = "\x02klyngemark\x03", "\x02/klyngemark\x03"


def marked_to_html(marked: str) -> SafeString:
    """PostgreSQL's ts_headline output (with our sentinels around the hits) as escaped HTML with
    only <mark> elements."""
    pieces = []
    for i, part in enumerate(marked.split(MARK_START)):
        if i == 0:
            pieces.append(escape(part))
            continue
        hit, _, rest = part.partition(MARK_STOP)
        pieces.append(f"<mark>{escape(hit)}</mark>{escape(rest)}")
    return mark_safe("".join(pieces).replace("\x02", "").replace("\x03", ""))
