"""Text clean-up before parsing: page furniture, broken words and Danish OCR damage.

Pure functions, no database. Every change is counted (``Normalised.repairs``), and
nothing is changed unless there is evidence: a line is page furniture only if it is a
page number or repeats at page edges, a hyphen is removed only where the two halves are
a Danish word (or plainly one word broken by the line), and a word is replaced only where
the replacement is a Danish word (or a known name) and the word as it stands is not.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations

from .charcount import CharClass
from .layout import BARE_CASE_NUMBER
from .lexicon import Lexicon
from .limits import checkpoint

INLINE_PAGE = re.compile(r"(?<=\S)\s+Side!?\s*\d{1,3}\s*af!?\s*\d{1,3}\b")
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*)?(?:(?:side|page|s\.)\s*)?\d{1,3}(?:\s*(?:af|/|of)\s*\d{1,3})?(?:\s*[-–—])?\s*$", re.I
)
SENTENCE_END = re.compile(r"[.:!?;)\]»”\"]\s*$")
PROTECTED = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.I)
URL_START = re.compile(r"https?://|www\.", re.I)


def protected_spans(text: str):
    """The matches of ``PROTECTED.finditer(text)`` (web and e-mail addresses, which no repair may touch), found
    by trying the pattern only where one can start: at 'http://', 'https://' or 'www.', and at the start of the
    run of address characters before an '@'. Scanning every position of a text with the pattern was a tenth of
    the reading time."""
    starts: list[tuple[int, int]] = []  # (where a match may start, the '@' it needs or -1 for an address)
    if "://" in text or "ww." in text.casefold():
        starts = [(m.start(), -1) for m in URL_START.finditer(text)]
    at = text.find("@")
    while at != -1:
        start = at
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "._+-"):  # [\w.+-]
            start -= 1
        if start < at:
            starts.append((start, at))
        at = text.find("@", at + 1)
    end = 0
    for start, at in sorted(starts):
        if start < end:
            if at == -1 or end >= at:
                continue
            start = end  # the run before the '@' began inside the last match: finditer goes on where it ended
        found = PROTECTED.match(text, start)
        if found is not None:
            yield found
            end = found.end()


TOKEN = re.compile(r"(?<![\w@&])(?:[^\W\d_]|[@&3](?=[^\W\d_]))(?:[^\W\d_]|[@&3])*(?![\w@&])")
LETTER = re.compile(r"[^\W\d_]")
NOT_LETTERS = CharClass(r"[\W\d_]")
SECTION_WORDS = re.compile(
    r"^(?:#+\s*)?[*_]*\s*(?:resum[eé]|sagsfremstilling|indstilling|beslutning|referat|bilag|baggrund)[*_]*\s*:?\s*$",
    re.I,
)


@dataclass
class Normalised:
    text: str
    repairs: int = 0
    furniture: int = 0
    joined: int = 0
    replaced: int = 0
    replacements: list[tuple[str, str]] = field(default_factory=list)


# --- page furniture ------------------------------------------------------------------------

# a web page's links under every case ('Hent som PDF', 'Kopier link') and a case number ('EMN-2025-010561', as
# shaped) repeat beside the cases' numbers and their counts of attachments: no page's running header
WEB_ACTION = re.compile(r"hent som pdf|kopier link|print|udskriv|del|del siden|tip en ven|send til en ven|abonn[ée]r")
LETTERED_CASE_NUMBER = re.compile(r"[a-zæøå]{2,6}-#(?:-#){1,4}")


DIGITS = re.compile(r"\d+")


def _shape(line: str) -> str:
    """A line with its digits blanked, so 'Side 3 af 9' and 'Side 4 af 9' look alike."""
    return DIGITS.sub("#", line.strip().lower())


def _remove_furniture(text: str) -> tuple[list[str], int]:
    pages = text.split("\f")
    removed = 0
    lines_out: list[str] = []
    if len(pages) > 1:
        edge_counts: Counter[str] = Counter()
        for page in pages:
            checkpoint()
            lines = [ln for ln in page.split("\n") if ln.strip()]
            # table rows are never running headers (a table continued over a page repeats its shape)
            edges = {_shape(ln) for ln in lines[:2] + lines[-2:] if len(ln.strip()) < 120 and "\t" not in ln
                     and ln.count("|") < 2}
            edge_counts.update(edges)
        repeated = {s for s, n in edge_counts.items() if n >= max(2, len(pages) // 2) and not SECTION_WORDS.match(s)}
        for page in pages:
            lines = page.split("\n")
            idx = [i for i, ln in enumerate(lines) if ln.strip()]
            edge = set(idx[:2] + idx[-2:])
            for i, ln in enumerate(lines):
                if i in edge and (PAGE_NUMBER.match(ln) or _shape(ln) in repeated):
                    removed += 1
                    lines_out.append("\x00")  # marks a cut; joined below
                    continue
                lines_out.append(ln)
            lines_out.append("\x00")
    else:
        lines_out = text.split("\n")

    # "Side! 1 af! 6" run into a line of a transcript: a page footer says what it is, wherever it stands
    lines_out = [INLINE_PAGE.sub("", ln) if ln != "\x00" and "Side" in ln else ln for ln in lines_out]
    # Furniture inside running text (text files cut from PDFs): page-number lines and
    # lines that repeat next to them.
    numbers = [i for i, ln in enumerate(lines_out)
               if ln != "\x00" and PAGE_NUMBER.match(ln) and _is_isolated(lines_out, i) and not _past_the_last_page(ln)]
    if numbers:
        near: Counter[str] = Counter()
        for i in numbers:
            for j in range(max(0, i - 3), min(len(lines_out), i + 4)):
                # another bare number is no running header ('1' / title / '4' / '2': a contents table's item
                # and page numbers, one cell a line)
                if j != i and lines_out[j].strip() and lines_out[j] != "\x00" and not PAGE_NUMBER.match(lines_out[j]):
                    near[_shape(lines_out[j])] += 1
        # an item number is no running header: '1.' / 'Velkomst' / '3' (a contents table one cell a line); nor is a
        # lone number of any length ('… resultatmål for' / '2014', a wrapped title's year, shaped as item numbers are)
        headers = {s for s, n in near.items()
                   if n >= 2 and not SECTION_WORDS.match(s) and len(s) < 120 and not re.fullmatch(r"#[.)]?", s)
                   and not WEB_ACTION.fullmatch(s) and not LETTERED_CASE_NUMBER.fullmatch(s)}
        counts = Counter(_shape(ln) for ln in lines_out if ln.strip())
        headers = {s for s in headers if counts[s] >= 2}
        # a bare number is a page number only beside a running header or footer (page evidence);
        # "Side 3", "3 af 9" and "- 3 -" say so themselves. A number followed by a title is an item number.
        beside = _running_headers_beside(lines_out, numbers)
        evidence = set()
        for i in numbers:
            if re.search(r"side|page|af|of|/|[-–—]", lines_out[i], re.I):
                evidence.add(i)
                continue
            near_lines = [j for j in (_neighbour(lines_out, i, -1), _neighbour(lines_out, i, 1)) if j is not None]
            if _continues_item_numbers(lines_out, i, headers):
                continue  # '13' / title / page furniture / '14' / title: an item number, furniture or not
            title = _neighbour(lines_out, i, 1)
            if title is not None and _above_case_number(lines_out, title):
                continue  # '3' / 'Materiale til … 1. tekniske behandling' / 'EMN-2025-008308': an item's heading
            if any(j in beside or (lines_out[j].strip() and lines_out[j] != "\x00"
                                   and _shape(lines_out[j]) in headers) for j in near_lines):
                evidence.add(i)
        numbered = evidence | beside
        for i, ln in enumerate(lines_out):
            header = ln.strip() and ln != "\x00" and _shape(ln) in headers and not _label_value(lines_out, i) \
                and not _above_case_number(lines_out, i)
            if i in numbered or header:
                lines_out[i] = "\x00"
                removed += 1
    return lines_out, removed


def _past_the_last_page(line: str) -> bool:
    """'49 /1': a first number above the second is no 'page N of M' (an item's number through the year and its place
    on the agenda)."""
    m = re.match(r"^\s*(\d{1,3})\s*/\s*(\d{1,3})\s*$", line)
    return bool(m) and int(m.group(1)) > int(m.group(2))


def _above_case_number(lines: list[str], i: int) -> bool:
    """A line right above a bare case number ('EMN-2025-008308') is an item's title, though two such titles differ
    only in a digit ('… 1. tekniske behandling', '… 2. tekniske behandling') as a running header's page numbers do."""
    below = _neighbour(lines, i, 1)
    return below is not None and bool(BARE_CASE_NUMBER.match(lines[below]))


RUNNING_DATE = re.compile(r"\b\d{1,2}[.\-/]\d{1,2}[.\-/]\d{2,4}\b")


def _running_headers_beside(lines: list[str], numbers: list[int]) -> set[int]:
    """A header or footer printed once next to a page number: it repeats the document's title
    (the first line) and usually the date, and is not a sentence."""
    title = next((ln for ln in lines if ln.strip() and ln != "\x00"), "")
    title_words = {w for w in re.findall(r"[^\W\d_]{4,}", title.lower())}
    found = set()
    for i in numbers:
        for j in (_neighbour(lines, i, -1), _neighbour(lines, i, 1)):
            if j is None:
                continue
            line = lines[j].strip()
            words = re.findall(r"[^\W\d_]{4,}", line.lower())
            if not words or len(line) > 120 or SECTION_WORDS.match(line) or line.endswith((".", ":")):
                continue
            shared = sum(w in title_words for w in words) / len(words)
            if shared >= 0.6 and (RUNNING_DATE.search(line) or shared == 1):
                found.add(j)
    return found


def _continues_item_numbers(lines: list[str], i: int, headers: set[str], reach: int = 12) -> bool:
    """A bare number n that follows the bare number n-1 a few lines above and comes before a title: the next
    item of a contents table read one cell a line, though the page's header or footer stands beside it."""
    if not lines[i].strip().isdigit():
        return False
    number = int(lines[i].strip())
    nxt = _neighbour(lines, i, 1)
    if number < 2 or nxt is None or not re.match(r"[A-ZÆØÅ][a-zæøå]", lines[nxt].strip()) \
            or _shape(lines[nxt]) in headers:
        return False
    above = [j for j in range(i - 1, max(-1, i - 3 * reach), -1) if lines[j].strip() and lines[j] != "\x00"]
    return any(lines[j].strip() == str(number - 1) for j in above[:reach])


def _label_value(lines: list[str], i: int) -> bool:
    """'Mødedato:' / '26. maj 2015': the value of the label above it, though the same line heads every page."""
    above = _neighbour(lines, i, -1)
    return above is not None and len(lines[above].strip()) <= 40 and lines[above].strip().endswith(":")


def _neighbour(lines: list[str], i: int, step: int) -> int | None:
    j = i + step
    while 0 <= j < len(lines):
        if lines[j].strip() and lines[j] != "\x00":
            return j
        j += step
    return None


def _is_isolated(lines: list[str], i: int) -> bool:
    """A page-number line stands between text, not inside a list or a table."""
    line = lines[i].strip()
    if re.fullmatch(r"\d{1,3}\.", line):
        return False  # "3." is a list number
    prev = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].strip() and lines[j] != "\x00"), "")
    nxt = next((lines[j] for j in range(i + 1, len(lines)) if lines[j].strip() and lines[j] != "\x00"), "")
    if "\t" in prev or "\t" in nxt or "|" in prev or "|" in nxt:
        return False
    if re.match(r"^\s*\d", nxt) and re.match(r"^\s*\d", prev):
        return False  # a column of figures
    return bool(LETTER.search(prev) or LETTER.search(nxt))


def _join_cuts(lines: list[str]) -> list[str]:
    """Close the gaps left by removed furniture: a sentence cut by a page break is one again."""
    out: list[str] = []
    pending_cut = False
    for ln in lines:
        if ln == "\x00":
            pending_cut = True
            continue
        if pending_cut and ln.strip():
            pending_cut = False
            # the previous text line, skipping blank lines around the cut
            k = len(out) - 1
            while k >= 0 and not out[k].strip():
                k -= 1
            if k >= 0 and not SENTENCE_END.search(out[k]) and re.match(r"^\s*[a-zæøå]", ln) \
                    and not out[k].lstrip().startswith(("#", "|")):
                del out[k + 1:]
                if out[k].rstrip().endswith("-"):
                    out[k] = out[k].rstrip() + "\n" + ln.lstrip()  # the hyphen join decides below
                else:
                    out[k] = out[k].rstrip() + " " + ln.lstrip()
                continue
        out.append(ln)
    return out


# --- broken words --------------------------------------------------------------------------

HYPHEN_BREAK = re.compile(r"([^\W\d_]{1,40})-[ \t]*\n[ \t]*([a-zæøå][^\W\d_]*)")
# The same matches found from the hyphen: a pattern that starts with a letter class makes the engine try
# (and scan up to 40 letters from) every letter of the text, 4 ms a document; a hyphen is found by a fast
# literal search, and the word before it is then looked for in the 40 characters before the hyphen only.
HYPHEN_AT_LINE_END = re.compile(r"-[ \t]*\n[ \t]*([a-zæøå][^\W\d_]*)")
LETTERS_TO_END = re.compile(r"[^\W\d_]{1,40}\Z")
CONJUNCTIONS = {"og", "eller", "samt", "til", "som", "men"}


def _join_hyphens(text: str, lexicon: Lexicon | None) -> tuple[str, int]:
    count = 0

    def fix(left: str, right: str, whole: str) -> str:
        nonlocal count
        if right.lower() in CONJUNCTIONS:
            return whole  # "patient- og pårørende": a real hyphen before a conjunction
        count += 1
        if left.isupper() and len(left) > 1:
            return f"{left}-{right}"  # "IV-\nbehandling" -> "IV-behandling"
        if len(left) <= 2 or left[:1].isupper() and lexicon is not None and lexicon.is_word(left) \
                and lexicon.is_word(right) and not lexicon.knows(left + right):
            return f"{left}-{right}"  # "e-\nmail", "Region-\nsamarbejde": a hyphen that belongs
        return left + right

    return _sub_hyphen_breaks(text, fix), count


def _sub_hyphen_breaks(text: str, fix) -> str:
    """HYPHEN_BREAK.sub(lambda m: fix(m[1], m[2], m[0]), text), match for match, found from the hyphens."""
    parts, done = [], 0
    for hyphen in HYPHEN_AT_LINE_END.finditer(text):
        left = LETTERS_TO_END.search(text, max(done, hyphen.start() - 40), hyphen.start())
        if left is None:
            continue
        parts += [text[done:left.start()], fix(left[0], hyphen[1], text[left.start():hyphen.end()])]
        done = hyphen.end()
    return "".join(parts) + text[done:] if parts else text


# --- OCR damage to æ, ø, å ---------------------------------------------------------------

# A mark that is never Danish in a word must be repaired; its usual reading comes first,
# the others are tried too ("f@lles" is "fælles", "m&de" may be "møde").
MANDATORY = {"@": ("ø", "æ", "å"), "&": ("å", "ø", "æ"), "3": ("å",)}
OPTIONAL = {"g": ("ø",), "G": ("Ø",), "a": ("å", "æ"), "A": ("Å", "Æ"), "z": ("æ",), "Z": ("Æ",)}


def _fold(word: str) -> str:
    w = word.lower().replace("ae", "a")
    return w.translate(str.maketrans({"æ": "a", "å": "a", "&": "a", "3": "a", "ø": "g", "@": "g", "z": "a"}))


class NameIndex:
    """Known names (persons, organisations, bodies) by their OCR-folded form."""

    def __init__(self, names=()):
        self.tokens: set[str] = set()
        by_key: dict[str, set[str]] = {}
        for name in names:
            for token in re.split(r"[\s/,()]+|(?<=\w)-(?=\w)", name or ""):
                token = token.strip(".")
                if len(token) >= 3 and LETTER.search(token):
                    self.tokens.add(token)
                    by_key.setdefault(_fold(token), set()).add(token)
        self.by_key = by_key
        self.key = frozenset(n for n in names if n)  # the same names give the same repairs (see _REPAIRED)

    def repair(self, word: str) -> str | None:
        if word in self.tokens:
            return None
        found = self.by_key.get(_fold(word))
        if found and len(found) == 1:
            (token,) = found
            # never a case-only "repair" of a word written in a normal case ("Vedr." stays "Vedr."); a capital
            # inside a word ("DrejØ") is OCR damage, not a way of writing
            mixed = any(c.isupper() for c in word[1:]) and not word.isupper()
            if token.lower() != word.lower() or (mixed and token != word):
                return token if not word.isupper() else token.upper()
        return None


def _positions(word: str):
    """(index, length, options, mandatory) for every place OCR may have damaged."""
    out = []
    i = 0
    while i < len(word):
        pair = word[i:i + 2]
        if pair in ("ae", "Ae", "AE"):
            out.append((i, 2, ("æ",) if pair == "ae" else ("Æ",), False))
        ch = word[i]
        if ch in MANDATORY:
            out.append((i, 1, MANDATORY[ch], True))
        elif ch in OPTIONAL:
            out.append((i, 1, OPTIONAL[ch], False))
        i += 1
    return out


def _apply(word: str, changes) -> str:
    result, last = [], 0
    for index, length, repl in sorted(changes):
        if index < last:
            return ""
        result.append(word[last:index])
        result.append(repl)
        last = index + length
    result.append(word[last:])
    return "".join(result)


def repair_word(word: str, lexicon: Lexicon, names: NameIndex | None = None, max_optional: int = 2) -> str | None:
    """The repaired form of one damaged word, or None to keep it as it is."""
    damaged_marks = any(c in word for c in "@&3")
    if not damaged_marks and lexicon.is_word(word):
        return None
    if names is not None and word in names.tokens:
        return None  # a known proper name is never "repaired" ("Rosenbrandt" stays "Rosenbrandt")
    compound = not damaged_marks and lexicon.is_compound(word)
    if not damaged_marks and word.isupper() and len(word) <= 4:
        return None  # abbreviations: PPR, SSU, KL
    if names is not None and word[:1].isupper() or names is not None and damaged_marks:
        named = names.repair(word)
        if named:
            return named
    positions = _positions(word)
    mandatory_positions = [(i, n, opts) for i, n, opts, m in positions if m][:6]
    optional = [(i, n, opts) for i, n, opts, m in positions if not m][:12]
    # Every reading of the marks that must change, the usual reading first.
    readings = [[]]
    for i, n, opts in mandatory_positions:
        readings = [r + [(i, n, o)] for r in readings for o in opts]
    for mandatory in readings:
        for size in range(0, max_optional + 1):
            found: set[str] = set()
            for combo in combinations(optional, size):
                choices = [[]]
                for i, n, opts in combo:
                    choices = [c + [(i, n, o)] for c in choices for o in opts]
                for choice in choices:
                    candidate = _apply(word, mandatory + choice)
                    if candidate and candidate != word and lexicon.is_word(candidate):
                        found.add(candidate)
            if len(found) == 1:
                return found.pop()
            if len(found) > 1:
                return None  # ambiguous: leave it for a person
    if readings[0]:
        compounds = {c for c in (_apply(word, r) for r in readings) if c and lexicon.is_compound(c)}
        if len(compounds) == 1:
            return compounds.pop()
    if compound:
        return None  # a compound as it stands, and no listed word nearby: keep it
    plainly_damaged = bool(mandatory) or "ae" in word.lower()
    if plainly_damaged or len(word) >= 8:
        # no listed word: the fewest further changes that make a compound ("Temadrgftelse");
        # one change only unless the word is plainly damaged
        for size in range(1, (max_optional if plainly_damaged else 1) + 1):
            found = set()
            for combo in combinations(optional[:8], size):
                choices = [[]]
                for i, n, opts in combo:
                    choices = [c + [(i, n, o)] for c in choices for o in opts]
                for choice in choices:
                    candidate = _apply(word, mandatory + choice)
                    if candidate and lexicon.is_compound(candidate):
                        found.add(candidate)
            if len(found) > 1:
                return None
            if len(found) == 1:
                return found.pop()
    return None


_KNOWN: dict[str, bool] = {}


def _known(lexicon: Lexicon, word: str) -> bool:
    """Memoised across documents: is this undamaged-looking word Danish as it stands?"""
    known = _KNOWN.get(word)
    if known is None:
        known = not any(c in word for c in "@&3") and lexicon.is_word(word)
        if len(_KNOWN) > 300_000:
            _KNOWN.clear()
        _KNOWN[word] = known
    return known


def _sentence_start(text: str, index: int) -> bool:
    before = text[max(0, index - 12):index].rstrip(" \t")
    return (not before and index < 12) or before.endswith(("\n", ".", "!", "?", ":"))


_REPAIRED: dict[tuple, str | None] = {}


def _repaired(word: str, lexicon: Lexicon | None, names: NameIndex | None) -> str | None:
    """repair_word / names.repair, memoised across documents for the same dictionary and known names
    (an archive's documents share their vocabulary; a damaged word costs many dictionary look-ups)."""
    key = (word, lexicon, names.key if names is not None else None)
    if key in _REPAIRED:
        return _REPAIRED[key]
    result = None
    if lexicon is not None:
        result = repair_word(word, lexicon, names)
    elif names is not None and (word[:1].isupper() or any(c in word for c in "@&3")):
        result = names.repair(word)
    if len(_REPAIRED) > 100_000:
        _REPAIRED.clear()
    _REPAIRED[key] = result
    return result


NAME_BEFORE = re.compile(r"(?P<word>[A-ZÆØÅ][^\W\d_]+)\.?[ \t]+\Z")
NAME_AFTER = re.compile(r"\A[ \t]+(?P<word>[A-ZÆØÅ][^\W\d_]*[a-zæøå])")


def _capitalised_neighbour(m: re.Match) -> str | None:
    """The capitalised word right before this capitalised, mixed-case word on its line (or right after it, when
    this one opens no sentence): 'Erik' for 'Lank' in 'Erik Lank'; None when it stands alone."""
    word = m.group(0)
    if not (word[:1].isupper() and word[1:].islower()):
        return None
    text, start, end = m.string, m.start(), m.end()
    before = NAME_BEFORE.search(text[max(0, start - 40):start])
    if before:
        return before.group("word")
    after = NAME_AFTER.match(text[end:end + 40])
    return after.group("word") if after and not _sentence_start(text, start) else None


def _in_person_name(m: re.Match, lexicon: Lexicon | None) -> bool:
    """'Erik Lank', 'Lone Becker Kjaergaard': a capitalised word beside another that is no Danish word ('Erik',
    'Becker') is part of a person's name, which the dictionary cannot judge; beside a common word written with a
    capital ('Sundhedsklynge Lillebalt', 'Region Syddanmark') it is a place or a body's name and may be repaired."""
    neighbour = _capitalised_neighbour(m)
    if neighbour is None or any(c in m.group(0) for c in "@&3"):
        return False
    return lexicon is None or not lexicon.knows(neighbour.lower())


def writes_letters_intact(text: str) -> bool:
    """Does the text write æ, ø and å as such, as often as Danish prose does (2-3 % of its letters; here at least
    1.6 % of 400 letters or more; an OCR text that lost half of them has about 1.1 %)? Then its letters were not
    lost to OCR or a wrong encoding, and a word the dictionary does not know is a name or a foreign word ('Kim
    Nalders', 'Kgs. Enghave', 'TradeCity'), not 'Nælders'."""
    letters = len(text) - NOT_LETTERS.count(text)
    return letters >= 400 and sum(text.count(c) for c in "æøåÆØÅ") >= 0.016 * letters


def _distinct_tokens(text: str) -> set[str]:
    """set(TOKEN.findall(text)), found in each distinct whitespace-separated piece once (whitespace is no word
    character, so TOKEN's boundaries are the same there): a third less time on a long text."""
    tokens: set[str] = set()
    for piece in set(text.split()):
        tokens.update(TOKEN.findall(piece))
    return tokens


def _repair_words(text: str, lexicon: Lexicon | None, names: NameIndex | None, cache: dict,
                  marked_only: bool = False) -> tuple[str, list]:
    """Damaged words repaired; with ``marked_only`` only words with a damage mark inside them ('@vrige',
    'M3de')."""
    replacements: list[tuple[str, str]] = []
    if lexicon is None and names is None:
        return text, replacements

    known_before = _KNOWN.get

    def fix(m: re.Match) -> str:
        word = m.group(0)
        if lexicon is not None and (len(word) > 3 or not word[:1].isupper()) and known_before(word):
            return word  # the common case, a Danish word seen before: nothing to judge (no time spent)
        checkpoint()
        if marked_only and (not any(c in word for c in "@&3") or re.fullmatch(r"3[a-zæøå]", word)):
            # ('3d': a sub-point of item 3); a known person's name is still mended ('DrejØ' -> 'Drejø')
            named = names.repair(word) if names is not None and word[:1].isupper() else None
            if named and named != word:
                replacements.append((word, named))
                return named
            return word
        if lexicon is not None and len(word) <= 3 and word[:1].isupper() and word[1:].islower() \
                and _sentence_start(m.string, m.start()) and not _known(lexicon, word.lower()):
            # "Pa mødet": a short capitalised word opening a sentence is judged in lower case
            # (the dictionary lists "Pa" as a unit); names are longer than three letters
            fixed = repair_word(word.lower(), lexicon)
            if fixed:
                fixed = fixed[0].upper() + fixed[1:]
                replacements.append((word, fixed))
                return fixed
        if lexicon is not None and _known(lexicon, word):
            return word
        if word not in cache:
            cache[word] = _repaired(word, lexicon, names)
        result = cache[word]
        if result and not (names is not None and result in names.tokens) and _in_person_name(m, lexicon):
            result = None  # only a known person's name repairs a word of a person's name ('Lank' is no 'lænk')
        if result:
            if word[0] in "@&3" and result[0].islower() and _sentence_start(m.string, m.start()):
                result = result[0].upper() + result[1:]  # "@vrige" opening a sentence is "Øvrige"
            replacements.append((word, result))
            return result
        return word

    def same_anywhere(word: str) -> bool:
        """Does ``fix`` give the word back wherever it stands? (fix's first two rules, which do not look around)"""
        checkpoint()  # (once a distinct word: the time budget still sees a text of many words)
        if lexicon is not None and (len(word) > 3 or not word[:1].isupper()) and known_before(word):
            return True
        if marked_only and (not any(c in word for c in "@&3") or re.fullmatch(r"3[a-zæøå]", word)):
            named = names.repair(word) if names is not None and word[:1].isupper() else None
            return not named or named == word
        return False

    def mend(chunk: str) -> str:
        # Only the words fix may change are visited: most texts have a handful, and a call per word of the text
        # was a fifth of the reading time. Their pattern matches exactly where TOKEN matches them (whole words).
        judged = {word for word in _distinct_tokens(chunk) if not same_anywhere(word)}
        if not judged:
            return chunk
        if len(judged) > 40:  # (many: one pass over the words, fix called only on those it may change)
            pieces, last = [], 0
            for m in TOKEN.finditer(chunk):
                if m.group(0) in judged:
                    pieces.append(chunk[last:m.start()])
                    pieces.append(fix(m))
                    last = m.end()
            pieces.append(chunk[last:])
            return "".join(pieces)
        alternatives = "|".join(re.escape(word) for word in sorted(judged, key=len, reverse=True))
        return re.compile(rf"(?<![\w@&])(?:{alternatives})(?![\w@&])").sub(fix, chunk)

    pieces, last = [], 0
    for protected in protected_spans(text):
        pieces.append(mend(text[last:protected.start()]))
        pieces.append(protected.group(0))
        last = protected.end()
    pieces.append(mend(text[last:]))
    return "".join(pieces), replacements


# --- the whole pass ---------------------------------------------------------------------

def clean_characters(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\u00ad", "")
    text = text.replace("\u2028", "\n").replace("\ufeff", "")
    return re.sub(r"[\x00-\x08\x0b\x0e-\x1f]", "", text)


# UTF-8 read as a single-byte code page: the lead byte of 'æ', 'ø', 'å' (0xC3, or 0xC2 for '§', '½') shows as
# 'Ã'/'Â' (Windows-1252, Latin-1) or '├'/'┬' (the DOS code pages 850, 437, 852), followed by the code page's
# reading of the continuation byte: 'Ã¦', '├ª' and '├ą' are all 'æ' or 'å'.
MOJIBAKE = re.compile(r"[ÃÂ├┬].")
MOJIBAKE_PAGES = ("cp850", "cp437", "cp852", "cp1252", "latin-1")


def _unmangle(pair: str, page: str) -> str | None:
    try:
        char = pair.encode(page).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    return char if len(char) == 1 and ("\u00a0" <= char <= "\u00ff") else None


def repair_mojibake(text: str) -> tuple[str, list[tuple[str, str]]]:
    """UTF-8 text that was decoded with a code page ('Regionsr├Ñdet', 'MÃ¸de') -> the letters it meant. The
    code page is the one that explains most of the document's suspicious pairs; a pair it does not turn into
    one Latin-1 letter or sign is left alone."""
    pairs = MOJIBAKE.findall(text)
    if not pairs:
        return text, []
    counts = {page: sum(_unmangle(p, page) is not None for p in pairs) for page in MOJIBAKE_PAGES}
    page = max(MOJIBAKE_PAGES, key=lambda p: counts[p])  # ties: the first (DOS before Windows)
    if not counts[page]:
        return text, []
    changes: dict[str, str] = {}

    def fix(m: re.Match) -> str:
        char = _unmangle(m.group(0), page)
        if char is None:
            return m.group(0)
        changes[m.group(0)] = char
        return char

    return MOJIBAKE.sub(fix, text), sorted(changes.items())


@functools.lru_cache(maxsize=4)
def _name_index(known_names: tuple[str, ...]) -> NameIndex:
    """One index for the same known names (a folder of documents is read against the same names)."""
    return NameIndex(known_names)


def normalise(text: str, lexicon: Lexicon | None = None, known_names=(), cache: dict | None = None) -> Normalised:
    text = clean_characters(text)
    text, mojibake = repair_mojibake(text)
    lines, furniture = _remove_furniture(text)
    if furniture:
        lines = _join_cuts(lines)
    else:
        lines = [ln for ln in lines if ln != "\x00"]
    text = "\n".join(lines)
    text, joined = _join_hyphens(text, lexicon)
    names = _name_index(tuple(known_names)) if known_names else None
    text, replacements = _repair_words(text, lexicon, names, cache if cache is not None else {},
                                       marked_only=writes_letters_intact(text))
    text = re.sub(r"\n{3,}", "\n\n", text)
    replacements = mojibake + replacements
    repairs = furniture + joined + len(replacements)
    return Normalised(text, repairs, furniture, joined, len(replacements), replacements)
