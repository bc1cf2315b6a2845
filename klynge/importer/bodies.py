"""The meeting's body, found as a search over the document's first lines.

A body is a noun phrase built on a Danish body noun ('udvalg', '-rådet', 'bestyrelsen', 'styregruppe', 'forum',
'klyngen', 'komité', 'kommission', 'nævn', ...), with its prefix kept as written ('Fredensborg Seniorråd',
'Politisk styregruppe') and a 'for/vedrørende X' tail ('Udvalget for det nære sundhedsvæsen'). Candidates come from
phrasings ('Referat fra X', 'X's møde', 'mødet i X', 'Xmøde', 'X - referat', a line that is only a body) and are
scored by phrasing, position and recurrence; the best wins, and none is reported rather than a weak one."""

from __future__ import annotations

import re

from . import layout

# a word that names a body: the noun alone or as the head of a compound, definite or not
BODY_WORD = re.compile(
    r"^[\wæøåÆØÅ-]*?(?:udvalg(?:et)?|råd(?:et)?|bestyrelse(?:n)?|forum(?:met)?|fora|klynge(?:n)?|gruppe(?:n)?|"
    r"komit[eé](?:en)?|kommission(?:en)?|nævn(?:et)?|repræsentation(?:en)?|repræsentantskab(?:et)?|"
    r"formandskab(?:et)?|forsamling(?:en)?|panel(?:et)?|netværk(?:et)?|sundhedsklynge(?:n)?)$",
    re.I,
)
ACRONYM_BODY = re.compile(r"^(?:HMU|LMU|MED|FMU|HSU|OMU|SSU|SKU|KKU)$")
NOT_BODY_WORD = re.compile(r"^(?:rådhus\w*|rådgiv\w*|råd(?:et)?s?lokale\w*)$", re.I)  # rooms and advice, no bodies
GENERIC_STEMS = {"råd", "udvalg", "gruppe", "forum", "netværk", "panel"}
TAIL_WORDS = {"for", "vedrørende", "vedr.", "om"}
STOP_BEFORE = {"af", "fra", "for", "i", "til", "med", "på", "og", "den", "d.", "det", "referat", "referater",
               "dagsorden", "dagsordener", "beslutningsprotokol", "møde", "mødet", "møder", "ordinært",
               "ekstraordinært", "hjem", "politik", "næste", "nyt", "om", "ved", "under", "hos", "sted", "dato",
               "tid", "online"}
TAIL_STOP = re.compile(
    rf"^(?:den|d\.|kl\.?|klokken|\d.*|{layout.MONTH_RE}|mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|"
    r"referat|dagsorden|beslutningsprotokol|møde\w*|afholdt|holdt|i|på|-|–|—|"
    r"er|var|blev|bliver|skal|kan|vil|har|(?-i:[a-zæøå]{4,}es))$", re.I)  # '… uddannelsesprogrammer offentliggøres
SEPARATORS = re.compile(r"\s+[-–—]\s+|\s*[|»›>]\s*|\s*:\s+|(?<!-),\s+|\s+pil\s*|(?<=[a-zæøå])pil(?=[A-ZÆØÅ])")
GENITIVE = re.compile(r"\b(?P<name>[A-ZÆØÅ][\wæøå-]*?)s\s+(?:ordinære\s+|ekstraordinære\s+)?"
                      r"(?:møde|møder|mødet|referat|referater|dagsorden|dagsordener)\b")
# 'Rådet for handicap, psykiatri og udsatheds møde den …': a body named 'X for …', its genitive on the last word
GENITIVE_FOR = re.compile(r"\b(?P<name>[A-ZÆØÅ][\wæøå-]+\s+for\s+[a-zæøå][\wæøå-]*(?:(?:,\s+|\s+og\s+|\s+)"
                          r"[a-zæøå][\wæøå-]*){0,6}?)s\s+(?:ordinære\s+|ekstraordinære\s+)?"
                          r"(?:møde|møder|mødet|referat|referater|dagsorden|dagsordener)\b")
KIND_LEAD = re.compile(r"^(?:referat|referater|dagsorden|dagsordener|beslutningsprotokol|mødereferat)\b", re.I)
MEETING_IN = re.compile(r"\bmødet?\s+i\s+(?P<rest>.+)$", re.I)
COMPOUND_MEETING = re.compile(r"\b(?P<stem>[A-ZÆØÅa-zæøå][\wæøå-]{2,}?)s?møde(?:t|r|rne)?\b", re.I)
DATE_OR_TIME = re.compile(r"\d{1,2}[.:]\d{2}|\d{1,2}\.\s*\w+\s+\d{4}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}")


def is_body_word(word: str) -> bool:
    w = word.strip(" .,:;()\"'”“")
    return bool(w) and (bool(BODY_WORD.match(w)) and not NOT_BODY_WORD.match(w) or bool(ACRONYM_BODY.match(w)))


def is_body(name: str | None) -> bool:
    """Whether a phrase can be a body's name: it holds a body noun, is short and is no date, time or label."""
    if not name:
        return False
    name = name.strip()
    words = name.split()
    if not words or len(words) > 8 or name.endswith(":") or DATE_OR_TIME.search(name) \
            or re.match(r"(?:hjem|forside|forsiden)\b", name, re.I):  # a breadcrumb trail
        return False
    if not re.match(r"[\wæøåÆØÅ\"“]", name):
        return False
    return any(is_body_word(w) for w in words)


def plausible_name(name: str | None) -> bool:
    """Whether a phrase read from a title or label can name a body even without a body noun ('Fagligt
    strategisk niveau'): capitalised, short, no digits, no month, no label and no breadcrumb."""
    if not name:
        return False
    name = name.strip()
    words = name.split()
    if is_body(name):
        return True
    return bool(words) and len(words) <= 8 and name[:1].isupper() and not re.search(r"\d|:$", name) \
        and not re.search(rf"\b(?:{layout.MONTH_RE})\b", name, re.I) \
        and not re.match(r"(?:hjem|forside|forsiden)\b", name, re.I) \
        and not MEETING_WORD_ONLY.fullmatch(name) and not NO_BODY_PHRASE.search(name)


# web furniture ('PDF Udskriv Email', 'Gå til hovedindholdet'), a clock time ('Kl på ...'), a list's label
# ('Dagsordenspunkter') or a kind of meeting ('MR møde', 'Kommissionsmøde'): words that never make a body's name
# without a body noun
NO_BODY_PHRASE = re.compile(r"\b(?:udskriv|e-?mail|pdf|print|gå til|hovedindhold\w*|menu|søg|del på)\b|^kl\b|"
                            r"^dagsordens?(?:punkter|punkt)?$|^[\wæøå]+møde[nt]?$", re.I)


# a word for the meeting or the document alone ('Møde', 'Ekstraordinært møde', 'Mødesager') names no body
MEETING_WORD_ONLY = re.compile(r"(?:(?:ekstra)?ordinært\s+|konstituerende\s+)?(?:møde|mødet|møder|mødesag(?:er)?|"
                               r"referat|dagsorden|beslutningsprotokol|protokol)", re.I)


def _phrase(segment: str) -> str | None:
    """The body phrase in a segment of a line: prefix words up to the body word and a 'for X' tail."""
    words = segment.split()
    for k, w in enumerate(words):
        if not is_body_word(w):
            continue
        start = k
        while start > 0:
            prev = words[start - 1].strip(",.")
            if prev.lower() == "og" and start >= 2 and words[start - 2].endswith("-"):
                start -= 2  # 'Sundheds- og Omsorgsudvalget'
                continue
            if words[start - 1].endswith("-,") and words[start].endswith("-"):
                start -= 1  # 'Social-, Indenrigs- og Børneudvalget'
                continue
            if prev.lower() in STOP_BEFORE or re.search(r"\d", prev) or prev.endswith(":") \
                    or layout.FURNITURE.match(prev):
                break
            start -= 1
        end = k + 1
        if end < len(words) and words[end].lower() in TAIL_WORDS:
            tail_end = end + 1
            while tail_end < len(words) and not TAIL_STOP.match(words[tail_end].strip(",.")):
                tail_end += 1
            if tail_end > end + 1:
                end = tail_end
        phrase = " ".join(words[start:end]).strip(" ,.:;-–")
        if len(phrase.split()) > 8 or not phrase[:1].isupper():
            return None  # 'tilpasning af lokaludvalg': a body noun in running text names no body
        if phrase.lower() in GENERIC_NAMES:
            return None  # 'Rådet', 'Udvalget': a generic noun alone names no particular body
        return phrase
    return None


def _definite(stem: str) -> str | None:
    low = stem.lower()
    if low.endswith(("else", "gruppe", "komité", "komite", "klynge")):
        return low + "n"
    if low.endswith(("råd", "udvalg", "panel", "netværk", "nævn", "formandskab")):
        return low + "et"
    if low.endswith("forum"):
        return low + "met"
    return None

GENERIC_NAMES = GENERIC_STEMS | {_definite(g) for g in GENERIC_STEMS}


def candidates(lines: list[str], title: str = "") -> list[tuple[float, int, str]]:
    """(score, line position, name) for each body phrase in the first lines."""
    found: list[tuple[float, int, str]] = []
    seen = 0
    for pos, raw in enumerate([title] + lines):
        line = raw.strip()
        if not line:
            continue
        seen += 1
        if seen > 40:
            break
        if layout.FURNITURE.match(line):
            continue
        near = 1.0 / (1 + 0.15 * pos)
        if len(line) > 200:  # a run-together transcript line: only 'Xs møde', a weaker sign there
            found.extend((2.0 + near, pos, m.group("name")) for m in GENITIVE.finditer(line)
                         if is_body_word(m.group("name")) and m.group("name")[:1].isupper())
            continue
        crumbs = re.match(r"^(?:hjem|forside|forsiden)\b", line, re.I) is not None
        nav = crumbs or sum(is_body_word(w) for w in line.split()) >= 3
        for m in GENITIVE.finditer(line):
            name = m.group("name")
            if is_body_word(name) and name[:1].isupper():
                found.append((3.0 + near, pos, name))
        for m in GENITIVE_FOR.finditer(line):
            if is_body_word(m.group("name").split()[0]):
                found.append((3.5 + near, pos, m.group("name")))
        m = MEETING_IN.search(line)
        if m:
            phrase = _phrase(SEPARATORS.split(m.group("rest"))[0])
            if phrase and not nav:
                found.append((2.5 + near, pos, phrase))
        for m in COMPOUND_MEETING.finditer(line):
            definite = _definite(m.group("stem"))
            if definite and not nav:
                generic = m.group("stem").lower() in GENERIC_STEMS  # 'Rådsmøde' names no particular body
                found.append(((0.5 if generic else 1.5) + near, pos, definite[:1].upper() + definite[1:]))
        if nav:
            continue
        segments = [s for s in SEPARATORS.split(line) if s and s.strip()]
        for j, seg in enumerate(segments):
            seg = seg.strip()
            lead = KIND_LEAD.match(seg)
            phrase = _phrase(seg)
            if not phrase or not is_body(phrase):
                continue
            alone = phrase == seg.strip(" .,:;")
            kind_next = any(KIND_LEAD.match(s.strip()) for s in segments[j + 1:j + 2])
            score = 1.0 + near
            if lead or kind_next or (j > 0 and KIND_LEAD.match(segments[j - 1].strip())):
                score += 2.0  # 'Referat fra X', 'X - Referat', 'Dagsorden: X'
            if alone:
                score += 1.0
            found.append((score, pos, phrase))
    return found


LONG_WORD = re.compile(r"[^\W\d_]{5,}")


def fuller_body(body: str | None, line: str) -> str | None:
    """A title's short name without a body noun ('Praksisområde og kommuner - referat') and, on the line under the
    title, a body's full name holding every longer word of it ('Særligt udvalg vedr. praksisområdet og samarbejde
    med kommuner'): the full name. None otherwise."""
    line = line.strip()
    if not body or is_body(body) or not line[:1].isupper() or len(line) > 100 or line.endswith((".", ":")) \
            or not is_body(line):
        return None
    stems = {w.casefold()[:6] for w in LONG_WORD.findall(body)}
    words = [w.casefold() for w in LONG_WORD.findall(line)]
    return line if stems and all(any(w.startswith(stem) for w in words) for stem in stems) else None


def find_body(lines: list[str], title: str = "", text: str = "") -> str | None:
    """The best-scored body phrase of the document's first lines, or None when no candidate is good enough."""
    cands = candidates(lines, title)
    if not cands:
        return None
    totals: dict[str, float] = {}
    first: dict[str, str] = {}
    for score, _pos, name in cands:
        key = name.lower()
        totals[key] = max(totals.get(key, 0.0), score)
        first.setdefault(key, name)
    low = text.lower()
    for key in totals:
        if text:
            totals[key] += min(low.count(key), 5) * 0.1  # the name recurs in the text
    best = max(totals, key=lambda k: (totals[k], len(k)))
    if totals[best] < 2.0:
        return None
    return _unshouted(first[best])


SMALL_WORDS = {"og", "for", "i", "af", "til", "om", "på", "ved", "med"}


def _unshouted(name: str) -> str:
    """'UNGDOMSSKOLEBESTYRELSEN' -> 'Ungdomsskolebestyrelsen', 'SOCIAL- OG SUNDHEDSUDVALGET' -> 'Social- og
    Sundhedsudvalget': a heading set in capitals names the body as it is written elsewhere."""
    if not name.isupper() or len(name) < 4:
        return name  # ('KKR', 'PLO' are their own names)
    words = name.split()
    return " ".join(w.lower() if k and w.lower() in SMALL_WORDS else w[:1] + w[1:].lower() for k, w in enumerate(words))


# a body named only in running text, in lower case: 'til menighedsrådet', 'sidste menighedsrådsmøde'
LOWER_BODY = re.compile(r"\b(?P<stem>[a-zæøå]{2,}(?:råd|udvalg|bestyrelse|nævn))(?:et|en|(?<=e)n|s?møde\w*)\b")
NOT_OWN_BODY = {"kommunalbestyrelse", "regionsråd", "byråd", "økonomiudvalg", "folketing"}  # bodies others report to


def body_in_text(text: str) -> str | None:
    """The one specific body the text names again and again in lower case, at least once as the one meeting
    ('menighedsrådet' and 'sidste menighedsrådsmøde'), in the definite form and capitalised; None when none is
    named twice with a meeting, or two are named equally often. Never a council others report to
    ('kommunalbestyrelsen')."""
    counts: dict[str, int] = {}
    meetings: set[str] = set()
    for m in LOWER_BODY.finditer(text):
        stem = m.group("stem")
        if stem in NOT_OWN_BODY or stem in GENERIC_STEMS or not is_body_word(stem):
            continue
        counts[stem] = counts.get(stem, 0) + 1
        if "møde" in m.group(0):
            meetings.add(stem)
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]) or ranked[0][0] not in meetings:
        return None  # named once, a tie, or never as the one whose meetings these are ('menighedsrådsmøde')
    definite = _definite(ranked[0][0])
    return definite[:1].upper() + definite[1:] if definite else None
