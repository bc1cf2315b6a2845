"""Layout-independent reading helpers for ``parse``: pure functions, no database, no I/O.

- ``furniture``: web and viewer furniture ("Gå til indhold", "Abonnér", cookie banners, "fold dette punkt
  ind", docplayer's "Download ..."), recognised and blanked so it never becomes the title or the body;
- ``split_run_on``: text where a PDF viewer or transcript ran every item onto one long line is cut before
  each item number of a consecutive run;
- ``find_headings``: every numbered line in any form is a scored candidate (``Punkt N``, ``N.``, ``N)``,
  ``N:``, ``Ad N``, glued ``38Godkendelse``, a lone number with the title on the next line, a table row with
  the number first); the best run of consecutive numbers (starting anywhere, a gap allowed with a warning)
  is chosen, and an agenda list (or a contents list with dot leaders) is paired with the item bodies by
  fuzzy title match, so items that only the list names are kept;
- the heading classifier: ``_raw_candidates`` -> ``candidate_features`` -> ``HeadingModel`` (a logistic
  regression shipped as heading_model.json, trained by bench/train_heading_model.py) scores every candidate;
  its score complements the hand-written gates (it re-admits a line a gate dropped);
- ``search_header``: date, start, end, place and body where they are written, in labels or sentences;
- ``apologies_in``: apologies in their common phrasings;
- ``is_organisation``: organisations and hospital units, which never become persons.
"""

from __future__ import annotations

import datetime
import difflib
import functools
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import words
from .shipped_model import ShippedModel, sigmoid, standardised_logit

# --- furniture ---------------------------------------------------------------------------

_FURNITURE_FROM_START = re.compile(
    r"^(?:gå til (?:hoved)?indhold(?:et)?|spring til (?:hoved)?indhold(?:et)?|mobil menu|aula_close layer \d|"
    r"skip til (?:primært |hoved ?)?indhold(?:et)?|skip navigation(?:en)?|spring navigation(?:en)? over|"
    r"søg|søgning|menu|vælg|abonnér|abonner|print|udskriv|del|del siden|tilbage til toppen|til top(?:pen)?|tilbage|"
    r"tilbage til (?:oversigt(?:en)?|listen|søgning(?:en)?|forrige side|mødeoversigt(?:en)?|dagsordener|nyheder)|"
    r"accepter(?: alle)? cookies|vi bruger cookies\b.*|luk alle punkter\b.*|åbn alle punkter\b.*|"
    r"luk alle|åbn alle|se alle bilag|se alle dagsordener og referater\b.*|størrelse: ?px|starte visningen fra side:?|"
    r"download \".*\"|transkript|save this pdf as:?|word\s+png\s+txt\s+jpg|relaterede dokumenter|"
    r"dagsorden med kuglepen|fold alle (?:ud|sammen)|dagsordener og referater|referater og dagsordener|"
    r"forsiden\s*\|.*|(?:forside|hjem)\s*(?:pil|[>›»/|]).*|"
    r"gå ikke glip af\b.*|you are here:?|du er her:?|til hovedindhold|log ind|log på|english|kontakt|"
    r"del på (?:facebook|linkedin|twitter|x)|print siden|udskriv siden|cookie-?indstillinger|cookies|"
    r"(?-i:(?:[A-ZÆØÅ][\w.-]*\s+){0,3}[A-ZÆØÅ][\w.-]*s\s+logo|[Ll]ogo)|"  # 'X Kommunes logo'; not '3. Nyt logo'
    r"skriv et svar|this site uses akismet.*|print friendly.*|udgivet i\b.*|posted by\b.*|•|hent som pdf|kopier link|"
    # a news page's byline and stamp ('Af Bente Kjær, 14-12-2022', 'Redaktionen afsluttet: 14.12.2022'): the day
    # it was written, not the meeting's
    r"(?-i:Af\s+[A-ZÆØÅ][\w.-]*(?:\s+[A-ZÆØÅ][\w.-]*){0,3},\s*\d{1,2}[-./]\d{1,2}[-./]\d{4})|"
    r"redaktionen afsluttet:?.*|"
    r"(?:pdf|udskriv|print|e-?mail)(?:\s+(?:pdf|udskriv|print|e-?mail))+)$",
    re.I,
)
# the furniture found anywhere in a line: tried only on a line that holds its words (the three '.*' alternatives
# scanned every line of a document several times)
_FURNITURE_ANYWHERE = re.compile(r"^(?:.*\bcookiepolitik\b.*|.*\blogo\b.*\blink til forsiden\b.*|.*til forsiden)$",
                                 re.I)


class _Furniture:
    """A web page's or a PDF viewer's furniture line ('Gå til indhold', 'Søg', 'X Kommunes logo', '… til
    forsiden'): ``FURNITURE.match(line)`` is truthy for such a line, as one compiled pattern's match was."""

    @staticmethod
    def match(line: str) -> re.Match | None:
        found = _FURNITURE_FROM_START.match(line)
        if found is None:
            folded = line.casefold()
            if "til forsiden" in folded or "cookiepolitik" in folded:
                found = _FURNITURE_ANYWHERE.match(line)
        return found


FURNITURE = _Furniture()
FURNITURE_SUFFIX = re.compile(r"(?<=\S)\s+(?:pdf|udskriv|print|e-?mail)(?:\s+(?:pdf|udskriv|print|e-?mail))+\s*$", re.I)
FURNITURE_PREFIX = re.compile(r"^(?:•\s*)?(?:fold dette punkt (?:ind|ud)|fold ud|fold ind)\s+", re.I)


# docplayer's 'Download "<the PDF's title>"': its title keeps the digits the page's own first line lost
# ('... 4. juni 2015 kl' / 'Download "... 4. juni 2015 kl. 13.00. Kontrabassen, Rådhuset"')
DOWNLOAD_TITLE = re.compile(r'^download\s+"(?P<title>[^"]{8,300})"$', re.I)


ICON_LABEL = re.compile(r"^(?P<label>[A-ZÆØÅ][\wæøå-]{1,30})\s+(?:ikon|icon)$", re.I)  # 'Udvalg Ikon': alt text


def strip_furniture(line: str) -> str:
    """'' for a furniture line; the line without a 'fold dette punkt ind' prefix otherwise; the quoted title
    of a transcript's download link; a web page's label without its icon's alt text ('Udvalg Ikon')."""
    s = line.strip()
    if not s:
        return line
    icon = ICON_LABEL.match(s) if s[-4:].lower() in ("ikon", "icon") else None
    if icon:
        return icon.group("label")
    m = DOWNLOAD_TITLE.match(s) if s[:8].casefold() == "download" else None
    if m:
        return m.group("title").strip()
    if FURNITURE.match(s):
        return ""
    folded = s.casefold()
    if any(word in folded for word in ("pdf", "udskriv", "print", "mail")) and FURNITURE_SUFFIX.search(s):
        return FURNITURE_SUFFIX.sub("", s)  # 'Referat 6-3-2018 PDF Udskriv Email': the page's buttons after its title
    return FURNITURE_PREFIX.sub("", s) if FURNITURE_PREFIX.match(s) else line


# --- run-on lines ------------------------------------------------------------------------

RUN_ON_NUMBER = re.compile(r"(?<=\s)(\d{1,3})(?:\s*[.:])\s+(?=[A-ZÆØÅ]|\([BOD]\)\s+[A-ZÆØÅ])")  # ('3. (B) Ny …')
# '… Punkt 01 Godkendelse af dagsorden. Punkt 02 Orientering om …': the word before a number without a stop
RUN_ON_PUNKT = re.compile(r"(?<=\s)Punkt\s+(\d{1,3})\s+(?=[A-ZÆØÅ])")
PUNKT_REFERRED = re.compile(r"\b(?:under|i|til|af|jf\.|se|og|samt|fra|om|med|på|ved|eller)\s*$")  # '… under Punkt 5 …'
INLINE_LABEL = re.compile(
    r"\s(?=(?:Til stede(?: var)?|Tilstede|Deltagere|Afbud(?: fra)?|Fraværende|Gæster|Mødested|Sted|Dato|"
    r"Referent|Mødedeltagere|Tilstedeværende medlemmer[\w ]*|Tilstedeværende observatører|Fra sekretariatet)"
    r"\s*:?\s|(?:Starttidspunkt|Sluttidspunkt|Mødetidspunkt|Tidspunkt|Mødedato|Mødelokale|Lokale|Bemærkninger)"
    r"(?:\s+for\s+møde)?\s*:\s)")


# '… deltog i behandlingen af dagsordenens punkt 2. Dagsorden: …': a number a lower-case word refers to is no item's
# ('LUKKET PUNKT 7. Godkendelse …' and '… producenterne Bilag 5. Orientering …' end one item before the next)
REFERENCE_BEFORE = re.compile(r"(?:\b(?:punkt|pkt\.|nr\.|jf\.)|§)\s*$")


def _run_on_cut(line: str, at: int) -> int:
    """Where a run-on item starts: before its number, or before 'Ad' or 'Punkt' ('… Syddansk Universitet Ad 1.
    Bemærkninger', '… dagsorden 2 Punkt 2: Meddelelser')."""
    ad = re.search(r"(?<=\s)(?:Ad|Punkt)\s*$", line[:at])  # ('… Punkt 2: Meddelelser'; the word before the number)
    return ad.start() if ad else at


def split_run_on(line: str, shortest: int = 200) -> list[str]:
    """A long line holding several consecutively numbered items -> one line per item (and its text)."""
    if len(line) < shortest:
        return [line]
    marks = [(_run_on_cut(line, m.start()), int(m.group(1))) for m in RUN_ON_NUMBER.finditer(line)
             if not REFERENCE_BEFORE.search(line, 0, m.start())]
    marks = sorted(marks + [(m.start(), int(m.group(1))) for m in RUN_ON_PUNKT.finditer(line)
                            if not PUNKT_REFERRED.search(line, 0, m.start())])
    if len(marks) < 2:
        return [line]
    # keep the marks that take part in a consecutive run (n, n+1, ...) in text order
    keep: list[tuple[int, int]] = []
    for k, (pos, n) in enumerate(marks):
        prev_ok = any(m[1] == n - 1 and m[0] < pos for m in marks[:k])
        next_ok = any(m[1] == n + 1 and m[0] > pos for m in marks[k + 1:])
        if prev_ok or next_ok:
            keep.append((pos, n))
    if len(keep) < 2:
        return [line]
    out = []
    last = 0
    for pos, _ in keep:
        out.append(line[last:pos].strip())
        last = pos
    out.append(line[last:].strip())
    return [p for p in out if p]


def run_on_continued(line: str, last: int) -> list[str] | None:
    """'2 Regulering, rammevilkår & økonomi 11. Status for … 12. Prislofter … 13. Markedsrapport:': a shorter line
    (the next page of a transcript) that goes on with a run-on list ending at item ``last`` -> one line per item;
    None when it does not go on with it."""
    pieces = split_run_on(line, shortest=0)
    numbers = _run_on_numbers(pieces[1:])
    return pieces if len(numbers) >= 2 and numbers[0] == last + 1 else None


def last_run_on_number(pieces: list[str]) -> int | None:
    numbers = _run_on_numbers(pieces)
    return numbers[-1] if numbers else None


def _run_on_numbers(pieces: list[str]) -> list[int]:
    """The item numbers the pieces of a cut run-on line start with."""
    return [int(m.group(1)) for piece in pieces if (m := RUN_ON_NUMBER.match(" " + piece, 1))]


CONTENTS_LEADER_THEN_DIGITS = re.compile(r"(?:\.{4,}|…{2,})\s*(?P<digits>\d{2,5})\.\s*(?=[A-ZÆØÅ])")


def split_contents_glued(line: str) -> list[str]:
    """'1. Referat fra sidste møde januar.....22. Godkendelse af dagsorden februar.....23. Meddelelser …': a contents
    list run into one line, each entry's page number glued to the next entry's number (page 2, item 2). The digits
    after a leader are cut where they end in the next expected number; the entries keep their page numbers."""
    if "...." not in line and "……" not in line:
        return [line]
    first = re.match(r"^\s*(\d{1,3})\.\s", line)
    if not first:
        return [line]
    expected, cuts = int(first.group(1)) + 1, []
    for m in CONTENTS_LEADER_THEN_DIGITS.finditer(line):
        digits, number = m.group("digits"), str(expected)
        if digits.endswith(number) and len(digits) > len(number):
            cuts.append(m.start("digits") + len(digits) - len(number))
            expected += 1
    if not cuts:
        return [line]
    return [line[a:b].strip() for a, b in zip([0] + cuts, cuts + [len(line)], strict=True)]


DIGIT_THEN_STOP = re.compile(r"\d\.")
# 'Eventuelt1. Orientering', '… 9. maj 20177.    Forældrebestyrelsens …' (item 7 glued to the year 2017)
GLUED_NEXT_NUMBER = re.compile(r"(?:(?<=[a-zæøå?)])|(?<=\s(?:19|20)\d\d))(?=\d{1,2}\.\s+[A-ZÆØÅ])"
                               r"|(?<=\b(?i:punkt))(?=\d{3}\.\s+[A-ZÆØÅ])")  # '… - Lukket punkt274. Godkendelse'


def split_glued_run(line: str) -> list[str]:
    """'… den 25. januar 2023.1. Ny lægevagtsaftale i Region Midtjylland2. Placering af …3. Procesplan …': a long
    line of a web page that dropped the list's line breaks, every item number glued to the text before it -> one
    line per item. Cut only at the longest run of three or more consecutive numbers in text order, so that a long
    paragraph with a number glued to a word here and there stays whole."""
    marks = _glued_run_marks(line)
    best: list[int] = []
    for k, (pos, n) in enumerate(marks):
        run, want = [pos], n + 1
        for later, number in marks[k + 1:]:
            if number == want:
                run.append(later)
                want += 1
        best = run if len(run) > len(best) else best
    if len(best) < 3:
        return [line]
    cuts = [0, *best, len(line)]
    # the same page dropped the line break between a title and the text under it ('… af regionenÆndringsforslag')
    return [p for a, b in zip(cuts, cuts[1:], strict=False) for p in GLUED_LINE_BREAK.split(line[a:b].strip()) if p]


GLUED_LINE_BREAK = re.compile(r"(?<=[a-zæøå]{3})(?=[A-ZÆØÅ][a-zæøå]{2})")
NUMBER_BEFORE_TITLE = re.compile(r"(\d+)\.\s+(?=[A-ZÆØÅ])")


def _glued_run_marks(line: str) -> list[tuple[int, int]]:
    """(where, number) of each number glued to whatever stands before it (a letter, a bracket, a full stop) or to a
    year ('i 202310. Revision'). (A plain pattern and a look at the character before: a look-behind in the pattern
    was tried at every character of every long line.)"""
    marks = []
    for m in NUMBER_BEFORE_TITLE.finditer(line):
        digits, at = m.group(1), m.start()
        before = line[at - 1] if at else " "
        if len(digits) <= 2 and not before.isspace() and not before.isdigit():
            marks.append((at, int(digits)))
        elif len(digits) in (5, 6) and digits[:2] in ("19", "20") and before.isspace():
            marks.append((at + 4, int(digits[4:])))
    return marks


def split_glued_number(line: str) -> list[str]:
    """'Indholdsfortegnelse1. Fraværende' / '10. Eventuelt1. Orientering' (a contents list or its last entry
    glued to the first item's heading by a web page) -> two lines, cut before the glued item number."""
    if not DIGIT_THEN_STOP.search(line):  # every glued form needs an item number and its full stop
        return [line]
    parts = GLUED_NEXT_NUMBER.split(line)
    if len(parts) > 1:
        return [p for p in parts if p.strip()]
    m = GLUED_AFTER_SENTENCE.search(line) or GLUED_AT_END.search(line)
    if m:  # '... Nicolaj Bøje Hansen (...?). 1. Godkendelse af referat:' (item 1 run into the paragraph above)
        return [line[:m.start()].rstrip(), line[m.start():].strip()]
    return [line]


# a short numbered heading ending a line of prose, after its full stop: cut off (find_headings decides later).
# Without a space ('Godkendt.11. Briefing ...', a web page that dropped the paragraph break) only after a word of
# three letters or more, so that abbreviations ('ca.', 'nr.') and dates ('6.11.') are never cut.
GLUED_AFTER_SENTENCE = re.compile(r"(?:(?<=[.?!)])\s+|(?<=[a-zæøå]{3}[.?!]))(?=\d{1,2}\.\s+[A-ZÆØÅ][^.?!]{2,70}:?\s*$)"
                                  r"(?!\d{1,2}\.\s+(?i:(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-zæøå]*)\.?\s+\d{4})")
# (never before a date: 'REFERAT FRA … MØDE D. 3. SEPTEMBER 2021')
# 'Godkendt.3. ' / '... fremsender svar5. ' ending a line, the title on the next: the next item's number glued to
# the last word of the item before (no space before it, so 'mødet den 7.' is never cut)
GLUED_AT_END = re.compile(r"(?:(?<=[a-zæøå]{3}[.?!])|(?<=[a-zæøå]{3}))(?=\d{1,2}\.\s*$)")


# 'Tidspunkt: Kl. 9.00 – 13.00, Mødelokale: B101': a second header label after a comma, semicolon or wide gap
SECOND_LABEL = re.compile(r"(?:,|;|\s{2,})\s*(?=(?:Mødelokale|Lokale|Mødested|Sted|Dato|Mødedato|Tidspunkt|Tid|"
                          r"Referent|Afbud|Deltagere|Fraværende)\s*:\s*\S)")
LEADING_LABEL = re.compile(r"^[A-ZÆØÅ][\wæøå ]{1,20}:\s*\S")


def split_header_labels(line: str) -> list[str]:
    """'... Torsdag den 4. juni 2015 Til stede: A, B Gæster: C' -> one line per label (long lines); a short line
    that starts with a label and holds another ('Tidspunkt: Kl. 9.00, Mødelokale: B101') too."""
    if len(line) < 120:
        if LEADING_LABEL.match(line) and SECOND_LABEL.search(line):
            return [p.strip() for p in SECOND_LABEL.split(line) if p.strip()]
        return [line]
    parts = INLINE_LABEL.split(line)
    return [p.strip() for p in parts if p.strip()] if len(parts) > 1 else [line]


# --- headings ----------------------------------------------------------------------------

SECTION_STEMS = [
    ("recommendations", r"indstilling|indstiller|det indstilles|forslag til beslutning|forslag|anbefaling"),
    ("decision", r"beslutning|beslutninger|konklusion|afgørelse|behandling i\b"),
    ("summary", r"resum[eé]|sagsresum[eé]|beslutningstema|kort fortalt"),
    ("description", r"sagsfremstilling|sagsbeskrivelse|beskrivelse|baggrund|problemstilling|løsning|sagsforløb|"
                    r"sagsgang|sagen\b|sagens|uddybning|økonomi|økonomiske|konsekvens|risikovurdering|"
                    r"kommunikation|videre proces|lovgrundlag|høring|tidsplan|kompetence"),
    ("minutes", r"referat|drøftelse|bemærkning|protokol"),
    ("attachments", r"bilag"),
]
SECTION_STEM_RE = [(name, re.compile(rf"^(?:{pattern})", re.I)) for name, pattern in SECTION_STEMS]
LABEL_SHAPE = re.compile(r"^[A-ZÆØÅ][^.!?]{0,78}[:,]?$")


@functools.lru_cache(maxsize=8192)  # (a pure function of the line, asked again for every candidate near it)
def label_role(line: str) -> str | None:
    """The role of a label-shaped line by its Danish stem ('Beslutning i Udvalget ... den 04-06-2020',
    'Administrationen indstiller, at:', 'Sagsgang og sagstype'), or None."""
    s = line.strip()
    if not s or len(s) > 90 or not LABEL_SHAPE.match(s) or len(s.split()) > 12:
        return None
    if re.search(r"\bindstiller\b", s, re.I) and len(s.split()) <= 10:
        return "recommendations"
    for name, pattern in SECTION_STEM_RE:
        if pattern.match(s):
            # a label, not a sentence: short, or "Beslutning i <organ> den <dato>"
            if len(s.split()) <= 4 or re.search(r"\bden\s+\d", s) or s.endswith((":", ",")):
                return name
    return None


@dataclass
class Candidate:
    index: int
    number: int
    title: str
    score: float
    form: str
    toc: bool = False
    indent: int = 0
    list_member: bool = False
    run_on: bool = False
    slot: bool = False
    follower_label: bool = False
    prev_case: bool = False
    rules_score: float = 0.0
    gated: bool = False  # dropped by a hand-written gate (a dotless number outside a run)
    features: dict[str, float] | None = None
    logit: float = 0.0
    through: int | None = None  # '3. - 8. Valg af enkeltmandsposter': the heading covers items 3 to 8
    renumbered: bool = False  # printed '1.' by a web page's list and numbered by its place ('_ones_before_run')
    restarted: bool = False  # printed '1.' in the gap its place numbers ('_restarted_in_gap')


@dataclass
class Heading:
    index: int
    number: int | None
    title: str
    list_only: bool = False  # named only in the agenda list: no body in the document
    warnings: list[str] = field(default_factory=list)
    closed: bool = False  # under the closed part's own label ('LUKKET MØDE'), whatever its title says


PUNKT_FORM = re.compile(
    r"^(?:(?:ad\.?\s*)?(?:dagsordens)?(?:punkt|pkt\.?)\s*:?\s*(?:nr\.?\s*)?|ad\.?\s*(?=\d)|sag\s*:?\s+(?:nr\.?\s*:?\s*)?|"
    r"nr\.\s*:?\s*(?=\d)|§\s*)(\d{1,3})"
    r"\s*(?:[:.\-–—)]\s*|\s+|$)(.*)$", re.I)
# '4. 3. afrapportering af ...', '3. 1. og 2. viceborgmester': the title starts with an ordinal
ORDINAL_TITLE = re.compile(r"^\d{1,2}\.\s+(?:[a-zæøå]{3,}|og\s)|^\d{1,3}\s?%-?[a-zæøå]{3,}")  # ('3) 5%-midler samt …')
# 'Punkt 1 5 min Godkendelse af dagsorden': the minutes allotted to the item, written before its title
LEADING_ALLOTMENT = re.compile(r"^\d{1,3}\s*min(?:\.|ut(?:ter)?)?\.?(?:\s+|$)", re.I)
# '1 - 09.00-09.01 Godkendelse af dagsordenen': a time slot written before the title
# a time slot, '13.00-13.10' or 'kl. 9.00 – 9.30' (its hours as they stand in a heading or a table cell)
SLOT_RANGE = r"(?:kl\.?\s*)?\d{1,2}[.:]\d{2}\s*[-–]\s*\d{1,2}[.:]\d{2}"
SLOT_TITLE = re.compile(rf"^{SLOT_RANGE}\s+[A-ZÆØÅ]")
NUMBER_FORM = re.compile(r"^(\d{1,3})\s*([.):]|\s[-–—])\s*(\S.*)$")
# '1' / 'Deltagere', '3' / 'Dagsorden:', '4' / 'Ad 1 Velkomst:': a page's or a section's number above the meeting's
# own labels or above an item's body, no item of its own
LONE_NUMBER_NO_TITLE = re.compile(r"(?i)(?:(?:deltagere|afbud|fraværende|til stede|tilstede|dagsorden|referat|"
                                  r"indhold|indholdsfortegnelse|bilag)\s*:?$|ad\s*\d)")
GLUED_FORM = re.compile(r"^(\d{1,3})((?:[A-ZÆØÅ][a-zæøå]|(?:LUKKET|ÅBENT?|FORTROLIGT)\b).*)$")  # '2LUKKET PUNKT: X'
BARE_ORDINAL_FORM = re.compile(r"^(\d{1,3})\s+(\d{1,2}\.\s+(?:behandling|udkast|halvår|kvartal|viceborgmester|"
                               r"næstformand|gang|del|runde)\b.*)$", re.I)
LONE_NUMBER = re.compile(r"^(\d{1,3})\s*[.):]?\s*$")
# "36 Høring: ..." (no dot): only in runs; "10 EU's Socialfond", "4 AABs boliger", "12 KL-rapport" start with an
# acronym
# ('40 §79-tilskud: Motionstilbud …', '70 FÆLLES KULTURRÅDS- OG IDRÆTSRÅDSMØDE: Lokaletilskud 2017': a paragraph sign,
# or a group's label in capitals with a colon, before the title)
BARE_FORM = re.compile(r"^(\d{1,3})\s+((?:[A-ZÆØÅ](?:[a-zæøå]|[A-ZÆØÅ]{1,5}(?:['’]?s\b|-[A-Za-zæøåÆØÅ]))|§\s?\d"
                       r"|[A-ZÆØÅ][A-ZÆØÅ -]{5,}:\s+[A-ZÆØÅ]).*)$")
# '1 valg af ordstyrer' … '7 naturbase' / '8 Idéer til arbejdsområder': an agenda written in lower case, its numbers
# without stops; a bare line is kept only in a run of them, and a count ('2 gange om året') is none
BARE_LOWER_FORM = re.compile(r"^(\d{1,2})\s+((?!(?:stk|kr|mio|mia|gange?|timer?|min|minutter|dage?|uger?|måneder|år|"
                             r"medlemmer|personer|deltagere|elever|børn|af|ud|til|og|i|på|pct|procent)\b)[a-zæøå]{3,}"
                             r"(?:\s+\S+){0,7})$")
TAB_ROW = re.compile(r"^(\d{1,3})\s*[.)]?\t+\s*(\S.*)$")
LEADING_LEADER = re.compile(r"^\.{3,}\s*(?=[A-ZÆØÅ])")
LEADER_PAGE = re.compile(r"\.*\s+\d{1,3}$")
TOC_SIGN = re.compile(r"(?:\.{3,}|…)\s*(?:[ivxlc]{1,6}|\d{1,3})?\s*$|\t\s*\d{1,3}\s*$", re.I)
TOC_INSIDE = re.compile(r"(?:\.{3,}|…)(?:[ivxlc]{1,6}|\d{1,3})(?=\s+(?:åben|lukket)\s*$)", re.I)  # "...xv åben"
ROMAN_PAGE = re.compile(r"\s+[ivx]{1,5}$")
CASE_LINE = re.compile(r"^(?:sag(?:s)?n(?:umme)?r\.?|sagnr\.?|j\.\s*nr\.?|journalnr\.?|brevid)\s*:?\s*\S", re.I)
# a case number on a line of its own, no label: '00.01.00-A00-1-25', 'EMN-2025-008308'
BARE_CASE_NUMBER = re.compile(r"^\s*(\d{1,4}(?:-\d{1,6}){3,6}|[A-ZÆØÅ]{2,6}-\d{2,4}-\d{3,8})\s*$")
SLOT_HINT = re.compile(
    rf"\(?\s*{SLOT_RANGE}\s*\)?|\bv\.\s*[A-ZÆØÅ]|\bv\.?/\s*[A-ZÆØÅ]")
# a full stop after these ends no sentence ('vedr. Budget', 'div. Udvalg', 'fhv. Borgmester')
NOT_AN_ABBREVIATION = "".join(f"(?<!{w})" for w in ("vedr", "inkl", "evt", "pga", "mht", "ift", "bla", "ang",
                                                     "div", "alm", "fhv", "kskl", "tlf"))
RUN_ON_TITLE_CUT = re.compile(
    r"(?:\.{3,}|…)|\s\d{1,2}\.\d{2}\s|\s\d{1,2}\.\d\s(?=[A-ZÆØÅ\d])|"
    r"\s(?:Godkendt|Taget til efterretning|Vedtaget|Udskudt|Åben sag|Lukket sag)\b|"
    r"\s(?:Sagen|Indstilling|Beslutning|Resum[eé]|Sagsfremstilling|J\.nr|Dok\.?\s?nr|Sagsid|Dato|Sags\s?nr\.?|"
    r"Sagsbehandler|Bilag|Til orientering|Til beslutning|Beskrivelse|Formål|Baggrund)\s*[.:]|"
    rf"(?<=[a-zæøå]{{3}}){NOT_AN_ABBREVIATION}\.\s+(?=[A-ZÆØÅ])")


# a decision run onto its heading line: 'Godkendt.', 'Behandlet og godkendt.', 'Drøftet og taget til efterretning.'
DECISION_WORD = (r"(?:[Gg]odkendt|[Uu]dskudt|[Uu]dsat|[Vv]edtaget|[Bb]ehandlet|[Dd]røftet|[Uu]nderskrevet|"
                 r"[Tt]aget til (?:efterretning|orientering))")
INLINE_DECISION = re.compile(rf"\s(?=[A-ZÆØÅ]){DECISION_WORD}(?:\s+og\s+{DECISION_WORD})?\b\.?\s*$")
DECISION_ONLY = re.compile(rf"^\s*{DECISION_WORD}(?:\s+og\s+{DECISION_WORD})?\b\.?\s*$")  # 'Godkendt og underskrevet'
SENTENCE_END = re.compile(
    rf"(?<=[A-Za-zæøå]{{3}}){NOT_AN_ABBREVIATION}\.\s+(?=[A-ZÆØÅ][a-zæøå])")


ABBREVIATIONS = {"v", "vedr", "bl", "ca", "nr", "pkt", "jf", "mht", "evt", "inkl", "kl", "st", "dvs", "fx", "mv",
                 "osv", "stk", "tlf", "att", "ang", "fhv", "div", "ekskl", "max", "min", "nov", "dec", "jan", "feb",
                 "aug", "sep", "sept", "okt", "spm", "alm", "d", "f", "m", "a", "b", "c", "e"}
SENTENCE_VERB = re.compile(
    r"\b(?:er|var|blev|bliver|skal|kan|vil|har|havde|sker|godkendt\w*|valgt|vedtaget|taget|drøftet|besluttet|udsat|"
    r"udskudt|aftalt|[a-zæøå]{3,}ede|(?:godkend|vedtag|drøft|behandl|forelæg|gennemg|fremlæg|overfør|udsætt|henvis|oversend)es|søger|anmoder|"
    r"godkender|vedtager|beslutter|tiltræder|anbefaler|indstiller|bevilger|"
    r"får|fik|ønsker|mener|skulle|kunne|ville|gik|kom|tog|gav|sagde|fandt|bad|stod|opstod|udsprang|bød|nød|"
    r"fortalte|mødte|sendte|hørte)\b")
SEE_ALSO = re.compile(r"^Se (?:også|endvidere)\b")
FIRST_STOP = re.compile(r"(?<=[\wæøåÆØÅ)])\.\s+(?=[A-ZÆØÅ])")


def is_sentence(title: str) -> bool:
    """'Bent Christensen havde modtaget anmodning fra …, hvilket der dog ikke var enighed om.': a numbered
    line of prose (a point in a decision), not an item heading."""
    t = title.strip()
    return len(t) > 100 and t.endswith(".") and bool(SENTENCE_VERB.search(t))


def _title_before_text(t: str) -> str:
    """'Valg af referent. Jørgen valgt som referent.': a heading line that carries its text (or decision)
    in whole sentences after its title; the title ends at the first full stop that is not an abbreviation
    ('… jf. SUU samrådsspm. W og X. Se også …' ends before 'Se også')."""
    if not t.endswith(".") or len(t) < 12:
        return t
    for m in FIRST_STOP.finditer(t):
        if m.start() < 3:
            continue
        before, rest = t[:m.start()], t[m.end():]
        if re.search(r"[\wæøåÆØÅ]\.?\)+$", before):
            # '… (borgerforslag)). Udkast …', '… Grønland m.v.). Udkast …': the stop ends the bracket
            word = "(bracket)"
        else:
            found = re.search(r"([\wæøåÆØÅ]+)$", before)
            word = found.group(1).lower() if found else ""
            if word in ABBREVIATIONS or word.endswith("spm"):  # 'samrådsspm. W': a question's abbreviation
                continue
        if SEE_ALSO.match(rest) or (len(rest.split()) >= 2 and SENTENCE_VERB.search(rest)):
            return before  # a reference ('Se også SUU alm. del …') or a sentence after the title
        return t  # "Tidspunkt, sted og form. Kommunikation og organisation." is one title
    return t


PROSE_VERB = re.compile(
    r"^(?P<subject>[A-ZÆØÅ][\w\-]*(?:\s+[\w\-]+){0,3}?)\s+(?:blev|bliver|var|er\s+blevet)\s+[a-zæøå]")


def _prose_title(first: str) -> str:
    """The first sentence of a heading line written as prose ('Temadag om liturgi , lørdag d. 30 november
    indkaldt af biskoppen' / 'Kvartalsrapport blev gennemgået af NN') -> its title: up to a spaced comma, a
    question mark that ends a sentence, or the subject before 'blev'/'var'."""
    t = first.strip()
    comma = re.search(r"\s,\s", t)
    if comma and comma.start() >= 8:
        return t[:comma.start()]
    question = re.search(r"\?\s+(?=[A-ZÆØÅ][a-zæøå])", t)
    if question and question.start() >= 8:
        return t[:question.start() + 1]
    verb = PROSE_VERB.match(t)
    if verb and len(verb.group("subject")) >= 6:
        return verb.group("subject")
    return t


# the attachments' link text printed after a title: 'Forslag til indkøbspolitik, Bilag 4', '... Bilag 1616.1.2'
ATTACHMENT_LINKS_ONLY = re.compile(r"^(?:sagsfremstilling|(?:punkt\s+\d+\s*,\s*)?bilag\s*\d*)"
                                  r"(?:\s*/\s*(?:sagsfremstilling|(?:punkt\s+\d+\s*,?\s*)?(?:bilag\s*\d*)?))*$", re.I)
# ('…, Bilag Punkt 2': the link to item 2's attachments)
# ('… problemstillinger Bilag 2Bilag 3Bilag 4': a web page's links to three attachments, glued)
ATTACHMENT_LINK = re.compile(r"(?:,\s*[Bb]ilag|\s+\(?Bilag)\s*(?:[Pp]unkt\s*)?\d[\d.\s]*(?:Bilag\s*\d[\d.\s]*)*\)?$")
# 'Budgetopfølgning-bilag': a link to the attachment glued to the title (and whatever ran on after it)
# "… ->Database 'Gribskov Møder 2017', View 'Alle møder', Document '…'": a Lotus Notes link printed after the title


def _without_attachment_link(title: str) -> str:
    """The title without a link to its attachment at the end, unless that would cut a bracket in two: in
    'Forretningsorden (sagsfremstilling, bilag 1)' the attachments are the bracket's own list and stay."""
    bare = ATTACHMENT_LINK.sub("", title) or title
    if bare.count("(") > bare.count(")") and title.count("(") == title.count(")"):
        return title
    return bare


# '… 2015 elevstatistik 221015.pdfelevstatistik 221015.pdf': a web page's link to a file, its name printed twice
# (the link's text and its title) after the item's title
FILE_SUFFIX = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?)", re.I)
# (before a time slot the heading rules cut later: '… .pdf 20.10 - 20.15')
DOUBLED_FILE_LINK = re.compile(r"\s*(?P<file>\S[^\n]{0,100}?\.(?:pdf|docx?|xlsx?|pptx?))(?P=file)"
                               r"(?=(?:\s+\d{1,2}[.:]\d{2}\s*[-–]\s*\d{1,2}[.:]\d{2})?\s*$)", re.I)
NOTES_LINK = re.compile(r"\s*->\s*Database\s+'.*$")
GLUED_ATTACHMENT = re.compile(r"(?<=[a-zæøå])[-–](?:bilag|bilaget)(?:\s*\d+)?(?=\s|$).*$")


PRESENTER_TAIL = re.compile(r"\s(?:v\./|v\.|v/)\s*[A-ZÆØÅ][^()]{0,60}(?:\(\s*kl[^)]*\))?$")
# Prepositions, conjunctions and articles that never end a title's first part (title_before_gap) or stand
# before the first word of an item's description (_title_before_description, which also passes over 'jf.'
# and joining signs).
TITLE_JOINERS = {"af", "og", "til", "i", "for", "med", "på", "om", "fra", "ved", "den", "det", "de", "en", "et",
                 "samt", "eller", "under", "efter", "mellem", "vedr.", "ang."}
# words that need the noun after them ('… fra sidste' / 'menighedsrådsmøde'); 'Ny' in capitals is a name's first
# part ('… for Den Ny' / 'Opera 2025-2028'), while '… til de nye' ends on its own
NOUN_WANTING = {"sidste", "næste", "kommende", "seneste", "denne", "dette", "disse", "vores", "jeres", "deres", "sin",
                "sit", "sine", "hver", "hvert", "Ny", "Nyt", "Nye"}
FUNCTION_WORDS = TITLE_JOINERS | {"jf.", "-", "–", "&", "hvoraf", "hvori", "hvorpå", "hvorfra", "hvorved", "hvilket"}
def open_ended(title: str) -> bool:
    """'... lokalplan for', '... vedr. etablering af': a title that stops on a word that needs the next one
    was wrapped by the page width; its rest is on the next line."""
    words = title.split()
    # '… Bladudvalg, Kioskudvalg,': a list in the title broken after a comma
    return len(words) >= 3 and (words[-1].casefold() in TITLE_JOINERS or words[-1] in NOUN_WANTING
                                or words[-1].endswith(","))


VERBAL_NOUN = re.compile(r"^[A-ZÆØÅ][a-zæøå]+(?:ing|else|sel)$")


def _title_before_description(t: str, need_verb: bool = False) -> str:
    """'Orientering fra komitéen Orientering om drøftelser på seneste møde. v. Anne Hansen (kl. 9.20)': a
    transcript's agenda line where the item's description in whole sentences follows its title before the
    presenter -> the title and the presenter. The description starts at the first capital after a lower-case
    word that is no preposition or conjunction, after a number, or at a verbal noun ('Drøftelse',
    'Orientering'); only when the text before the presenter ends with a full stop."""
    if need_verb and re.search(r"\bv[./]|\(", t):
        return t  # a presenter or a bracket on the line: its own rules cut it
    tail = PRESENTER_TAIL.search(t)
    head = t[:tail.start()] if tail else t
    if not head.rstrip().endswith(".") or len(head) < 40:
        return t
    words = head.split()
    for k in range(2, len(words) - 1):
        w, before = words[k], words[k - 1]
        if not w[:1].isupper() or before.casefold() in FUNCTION_WORDS or before.endswith((",", ":")) \
                or (need_verb and ROLE_WORD.match(before)):  # 'ved udvalgsformand Caroline …': a name after its role
            continue
        restated = w == next((x for x in words if x[:1].isalpha()), "")  # 'Provstesyn 2024 - X Provstesyn 2024 over'
        if (before[:1].islower() and before.isalpha()) or before.isdigit() or VERBAL_NOUN.match(w) or restated:
            if need_verb and not SENTENCE_VERB.search(" ".join(words[k:])):
                return t  # not clearly a sentence: 'Status på projekt Sundhedshus Nord.' is one title
            title = " ".join(words[:k])
            return title + (tail.group(0) if tail else "") if len(title) >= 8 else t
    return t


SUB_ITEM_START = re.compile(r"\.\s+a[.)]\s+[A-ZÆØÅ]")
TITLE_LINK_TITLE = re.compile(r"^(?P<t>.{8,}?)\s*(?P<link>[^\d\n]{3,60}?)\s+(?P=t)$")


# '(B) Godkendelse af dagsorden', '(O/B) Informationer ...': the same item-type code written before the title
LEADING_TYPE_CODE = re.compile(
    r"^\s*(?:\((?:[BOD](?:\s*[/+,]\s*[BOD])*|beslutning|orientering|drøftelse)\)\s*|"
    # 'BESLUTNING: Godkendelse af dagsorden', 'DEBAT: Oplæg fra biskoppen': the kind of item in capitals
    r"(?-i:BESLUTNING|ORIENTERING|DRØFTELSE|DEBAT|GODKENDELSE|INFORMATION|TEMA)\s*:\s+(?=\S)|"
    # '852)O Kort nyt', '853)D Budgethøring': the code letter alone, glued to the number's bracket
    r"(?-i:[BOD])\s+(?=[A-ZÆØÅ][a-zæøå]))", re.I)


DAY_OF_MONTH_TITLE = re.compile(r"^(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|"
                                r"december)\b", re.I)
NUMBER_RANGE_REST = re.compile(r"^[-–]\s*\d{1,3}\.\s+(?=[A-ZÆØÅ])")


# a capital straight after a lower-case letter, then a sentence of 30 characters or more: a web page's title element
# and the first paragraph below it saved without a space between them
GLUED_SENTENCE = re.compile(r"(?<=[a-zæøå]{3})(?=[A-ZÆØÅ][a-zæøå]+\s.{30,}$)")
# a word written all in lower case, or a year, with a capitalised word glued to it: 'orienteringBordet rundt',
# 'referat fra 26.08.2009Ingen kommentarer' (a web page's blocks joined); 'TradeCity' and 'PowerPoint' are names
GLUED_WORD = re.compile(r"(?:\b[a-zæøå]{4,}|\d{4})(?=[A-ZÆØÅ][a-zæøå]{2})")
TITLE_LABEL = re.compile(r"^(?:emne|overskrift|titel|indstilling)\s*:\s*(?=\S)", re.I)  # '1. Emne: Ungekongres'
# 'Evt. Kommende møderække …', 'Eventuelt Intet': the standing last item's title, its text after it
ANY_OTHER_BUSINESS = re.compile(r"^(?P<t>[Ee]vt\.|[Ee]ventuelt)[.:]?\s+(?=[A-ZÆØÅ])")  # 'Eventuelt. Intet at berette.'


# a sentence that reads as a clause: a pronoun first, or a present or past verb in second place ('Sekretariatet
# skaffer projektor', Danish main clauses put the verb second; 'Status for …' has a preposition there)
CLAUSE_START = re.compile(r"^(?:(?:Vi|Der|Det|Den|De|Han|Hun|Man|Jeg|Du|Alle)\s|\S+\s+"
                          r"(?!(?:for|over|under|efter|eller|mellem|samt|der)\b)[a-zæøå]+(?:er|es|ede|te)\b)")


MINUTES_AFTER_STOP_DASH = re.compile(r"(?<=[a-zæøå]{3})\.\s+[-–]\s+(?=[A-ZÆØÅ][a-zæøå])")
# '… tidligere referat. Dagsorden godkendt, referat underskrevet': what was decided, after the title's own stop
DECIDED_IN_REST = re.compile(r"^[A-ZÆØÅ][a-zæøå]+(?:en|et)?\s+(?:blev\s+)?(?:godkendt|underskrevet|vedtaget)\b")
# a committee agenda's note on its papers after an item's title (the Folketing's agendas): 'Se tillige SOU alm. del
# - bilag 70', '3. udkast til betænkning er omdelt på L 56 - bilag 8'
REFERENCE_NOTE = re.compile(r"\.\s+(?:Se (?:tillige|også|bilag)\b|(?:\d\.\s+)?[Uu]dkast til betænkning\b)")


def _noun_phrases_only(sentences: str) -> bool:
    """'Region Syddanmarks forskningspulje 2011. Indstillinger af projekter.': the rest of a heading in short
    sentences without a verb is still its title (a case's text after its heading reads as clauses)."""
    parts = [p for p in re.split(r"(?<=\.)\s+", sentences.strip()) if p]
    return len(parts) <= 3 and all(len(p) <= 60 and not CLAUSE_START.match(p) for p in parts) \
        and not SENTENCE_VERB.search(sentences)


DISCLOSURE_TAIL = re.compile(r"\s*(?:Åbn|Luk)\s*/\s*(?:luk|åbn)\s+punkt$", re.I)
COMMITTEE_CASE_TAIL = re.compile(r"\s*\([A-ZÆØÅ]{2,6}\s+\d{1,4}/\d{2,4}\)$")


def _clean_title(title: str, run_on: bool) -> str:
    t = whole_line = TITLE_LABEL.sub("", LEADING_TYPE_CODE.sub("", title.strip()))
    other = ANY_OTHER_BUSINESS.match(t)
    if other:
        return other.group("t")
    t = NUMBER_RANGE_REST.sub("", t)  # '3. - 8. Valg af enkeltmandsposter': items 3 to 8 under one heading
    glued = GLUED_SENTENCE.search(t)
    if glued and glued.start() >= 8 and SENTENCE_VERB.search(t[glued.start():]):
        t = t[:glued.start()]  # 'Velkomst og præsentationFørste møde blev indledt …': the minutes glued to the title
    glued = GLUED_WORD.search(t)
    if glued and glued.end() >= 8:
        t = t[:glued.end()]  # 'Siden sidst/gensidig orienteringBordet rundt': the text joined to the title, no space
    if t.endswith(("punkt", "Punkt")) and DISCLOSURE_TAIL.search(t):
        t = DISCLOSURE_TAIL.sub("", t)  # 'Ændring af styrelsesvedtægt for Solrød KommuneÅbn/luk punkt': the button
    if t.endswith("*"):
        t = t.rstrip("* ") or t  # 'Gensidig orientering *': a footnote's mark
    if t.endswith(")") and "/" in t:
        t = COMMITTEE_CASE_TAIL.sub("", t) or t  # 'Godkendelse af dagsorden(KFU 463/2007)': the committee's case
    m = re.match(r"^(.{8,}?)\d{1,3}\.\s*\1$", t)
    if m:  # "Title1. Title": a web page printed the heading twice
        t = m.group(1)
    said = MINUTES_AFTER_STOP_DASH.search(t) if ". " in t else None
    if said and said.start() >= 8:  # 'Indledning ved Per. - Vi sang Kom maj': the minutes after the title
        t = t[:said.start()]
    note = REFERENCE_NOTE.search(t) if ". " in t else None
    if note and note.start() >= 8:  # '…, jf. L 56 - spm. 41. 3. udkast til betænkning er omdelt …': a note after it
        t = t[:note.start()]
    sub = SUB_ITEM_START.search(t) if ". " in t else None
    if sub and sub.start() >= 8:  # 'Kirkegårdsvedtægt/takstblad. a. Vedtægt: Forslag …': the sub-items' list
        t = t[:sub.start()]
    elif len(t) < 400 and t.find(t[:8], 11) > 0:  # the title's start recurs: the regex only then
        m = TITLE_LINK_TITLE.match(t)
        if m:  # "TitleKlik her for at folde ud og læse mere om Title": a disclosure link's text repeats the title
            t = m.group("t").strip()
    if run_on and len(t) > 20:
        slot = re.search(r"\(\s*kl\.?[\d.:\s–-]{0,14}\)", t)
        if slot:  # "Velkommen v. Anne Neergaard (kl. 9.00) Kl : PAUSE ...": the slot closes the heading
            t = t[:slot.end()]
        t = _title_before_description(t)
        m = RUN_ON_TITLE_CUT.search(t)
        if m and m.start() >= 3:
            t = t[:m.start()]
        if len(t) > 200:  # a heading whose text ran on: keep the item, with the start of its line as title
            tail = re.search(r"\s(?:v\./|v\.|v/)\s*[A-ZÆØÅ][^()]{0,60}(?:\(\s*kl[^)]*\))?$|\s\(\s*kl[^)]*\)$", t)
            keep = tail.group(0) if tail else ""
            t = t[:200 - len(keep)].rsplit(" ", 1)[0] + keep
    elif len(t) > 20:  # a heading line that carries its decision or its text: "2. Godkendelse af dagsorden Godkendt"
        m = INLINE_DECISION.search(t)
        if m and m.start() >= 8:
            t = t[:m.start()]
            if re.search(r"[a-zæøå]{4}\.$", t):  # 'Godkendelse af dagsorden. Godkendt.': the title's own stop
                t = t[:-1]
        # 'Godkendelse af dagsorden Dagsorden godkendes.': its text in a sentence after the title, no stop between
        t = _title_before_description(t, need_verb=True)
        m = SENTENCE_END.search(t) if len(t) > 80 else None
        rest = t[m.end():] if m else ""
        if m and m.start() >= 8 and (SENTENCE_END.search(rest) or (rest.endswith(".") and len(rest) > 40)
                                     or (len(rest) <= 60 and DECIDED_IN_REST.match(rest))) \
                and not _noun_phrases_only(rest):
            t = _prose_title(t[:m.start()])  # the heading's own text follows in sentences on the same line
        elif len(t) > 80:
            question = re.search(r"\?\s+(?=[A-ZÆØÅ][a-zæøå])", t)
            if question and question.start() >= 8:  # 'Venskabsmenighed med X? Tanken er ...'
                t = t[:question.start() + 1]
    t = _title_before_text(t)
    repeated = TITLE_THEN_ITSELF.match(t) if len(t) >= 25 else None
    if repeated:  # 'Præsentation af Rikke Thrane Præsentation af Rikke Thrane ny …': a table's two cells
        t = repeated.group("t")
    next_meeting = NEXT_MEETING_THEN_DATE.match(t)
    if next_meeting:  # 'Næste møde. Torsdag d. 21. april, kl. 17.00 i …': the date agreed, after the title
        t = next_meeting.group("t")
    standing = STANDING_ITEM_DECIDED.match(t)
    if standing:  # 'Dagsorden godkendt. Tidligere referat …': the standing item, its decision after it
        t = standing.group("t")
    decided = TITLE_COLON_SENTENCE.match(t)
    if decided and MEMBER_REPORT.match(decided.group("rest")) and not SENTENCE_VERB.search(decided.group("rest")):
        # 'Bordet rundt: Susanne: Holder ferie, så …': the cuts above left a member's report without its verb; the
        # whole line decides
        whole = TITLE_COLON_SENTENCE.match(whole_line)
        decided = whole if whole and whole.group("t") == decided.group("t") else decided
    if decided and SENTENCE_VERB.search(decided.group("rest")) and not KIND_BEFORE_COLON.match(decided.group("t")) \
            and not SECTION_WORD_BEFORE_COLON.search(decided.group("t")):
        # 'Fremlæggelse af regnskab: Regnskabet blev godkendt': the decision after a colon ('… Beslutning: …' is
        # split by the section labels later)
        t = decided.group("t")
    t = _without_attachment_link(t)
    t = GLUED_ATTACHMENT.sub("", t) or t
    t = NOTES_LINK.sub("", t) or t
    if FILE_SUFFIX.search(t):
        t = DOUBLED_FILE_LINK.sub("", t) or t
    t = TOC_SIGN.sub("", t)
    t = re.sub(r"\(\s*(?:kl\.?)?\s*\)", "", t)  # an empty "( )" / "(kl )" where a time slot was left blank
    t = re.sub(r"(?<=[\wæøå)])\s*;$", "", t)  # 'Kommende arrangementer;' before a list of its points
    return t.strip(" -–:").strip()


# 'Beslutning: Kriterier for …' is one title (a kind or label before the colon)
KIND_BEFORE_COLON = re.compile(r"(?i)^(?:beslutning|drøftelse|orientering|godkendelse|tema|lukket(?: punkt)?|"
                               r"fortroligt|åbent?(?: punkt)?|punkt|sag|emne)$")
# '… (kl. 9.00-9.05) Beslutning: Dagsordenen blev godkendt': a capitalised section label before the colon ('Godkendelse
# af referat: …' ends in the word, in lower case, as part of its title)
SECTION_WORD_BEFORE_COLON = re.compile(r"\s(?:Beslutning|BESLUTNING|Indstilling|Resum[eé]|Referat|REFERAT|"
                                       r"Sagsfremstilling|Konklusion|Bilag)$")
# 'Godkendelse af referat: Referatet blev godkendt', 'Forsikring - Jeanette: Punktet blev udsat pga fravær',
# 'Bordet rundt: Susanne: Holder ferie …' (each member's report after a name and a colon)
TITLE_COLON_SENTENCE = re.compile(
    r"^(?P<t>[^:]{5,100}?):\s+(?:[-–]\s+)?(?P<rest>[A-ZÆØÅ][\wæøå]*:?(?:\s+\S+){1,}.*)$")
# 'Dagsorden godkendt', 'Referatet blev godkendt': a standing item's noun and its decision in lower case
STANDING_ITEM_DECIDED = re.compile(r"^(?P<t>(?:Dagsorden(?:en)?|Referat(?:et)?(?: fra sidste møde)?))\s+"
                                   r"(?:blev\s+|er\s+)?(?:godkendt|godkendtes|underskrevet|underskreves)\b.*$")
# the title, then its text beginning with the same words (the title cell and the text cell of a table row run together)
TITLE_THEN_ITSELF = re.compile(r"^(?P<t>\S.{10,118}?\S)\s+(?P=t)(?=\s|$)")
# 'Næste møde. Torsdag d. 21. april …' / 'Næste Menighedsrådsmøde: 4. okt.': the title, then after a stop or colon the
# date the meeting agreed on (a date written straight after it, 'Næste møde den 28. september', is the title's own)
NEXT_MEETING_THEN_DATE = re.compile(
    r"^(?P<t>Næste\s+\w*møde)\s*[.:]\s+(?=(?:(?:man|tirs|ons|tors|fre|lør|søn)dag\b|d\.|den\b|\d{1,2}\.))", re.I)
MEMBER_REPORT = re.compile(r"[A-ZÆØÅ][\wæøå]*:\s")  # 'Susanne: Holder ferie …' after 'Bordet rundt:'
TITLE_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")


def title_before_gap(title: str, raw_line: str) -> str:
    """'Kommunen, direkte relationer  SSU orienterede ...': a heading line whose text follows its title after a
    run of spaces (and no full stop) -> the title. Only one such gap inside the title, at least two words and
    eight characters before it, a capital after it and no preposition or conjunction ending the part before
    (justified or sloppily typed text)."""
    gaps = [g for g in TITLE_GAP.finditer(raw_line.strip())]
    inside = []
    for g in gaps:
        after = " ".join(raw_line.strip()[g.end():].split())
        if after and title.endswith(" " + after) and len(title) > len(after) + 1:
            inside.append(after)
    if len(inside) != 1:
        return title
    after = inside[0]
    head = title[:-(len(after) + 1)].rstrip()
    words = head.split()
    if len(head) < 8 or len(words) < 2 or words[-1].casefold() in TITLE_JOINERS or head.endswith(",") \
            or not after[:1].isupper():
        return title
    return head


RECOMMENDATION_LINE = re.compile(r"^at\s", re.I)  # '2. At temagruppen godkender ...': a recommendation


# '… deltog ikke i punkterne 2-11', '… forlod mødet kl. 19', 'Jan Andreasen, A, ankom til mødet kl. 17.35': a member
# there for part of the meeting, listed among the absent, is no apology
PARTIAL_PRESENCE = re.compile(r"\bdeltog ikke\b|\bforlod\b|\bankom\b", re.I)
NUMBER_CELL = re.compile(r"\d{1,6}(?:[.,]\d+)?\s*%?")


def _lines_near(lines: list[str], i: int, step: int, reach: int) -> list[str]:
    """The lines that hold text within ``reach`` lines above (step -1) or below (step 1) line i, nearest first."""
    end = max(-1, i - reach - 1) if step < 0 else min(len(lines), i + reach + 1)
    return [lines[j].strip() for j in range(i + step, end, step) if lines[j] and lines[j].strip()]


def _number_cell_above(lines: list[str], i: int) -> bool:
    """The two lines above (blank lines skipped) hold a number alone too: a column of counts ('Ja' / 'Nej' /
    'Blank' cells), where a contents table's page number above an item number is one line only."""
    above = _lines_near(lines, i, -1, 6)[:2]
    return len(above) == 2 and all(NUMBER_CELL.fullmatch(a) for a in above)


RECOMMENDATION_LEAD = re.compile(r"\bindstill\w*\b.*\bat\s*:\s*$", re.I)


def _under_recommendation_lead(lines: list[str], i: int) -> bool:
    """The line above (blank lines skipped) leads in recommendations ('Direktionen indstiller, at:')."""
    return bool(RECOMMENDATION_LEAD.search(next(iter(_lines_near(lines, i, -1, 3)), "")))


def _bullets_below(lines: list[str], i: int) -> bool:
    """The next line that holds text is a bulleted point ('• Orienteringsmødet den 18. september.')."""
    return bool(LEADING_BULLET.match(next(iter(_lines_near(lines, i, 1, 2)), "")))


def _title_like(title: str) -> bool:
    t = title.strip()
    if not t or len(t) > 250 or t.endswith((",", ";")):
        return False
    if not (t[0].isupper() or t[0].isdigit() or t[0] in "\"'”“«§"):  # ('§79-tilskud: …')
        return False
    if RECOMMENDATION_LINE.match(t):
        return False  # "2. At temagruppen godkender ..." is a recommendation
    return True


def _title_above_case_number(lines: list[str], i: int) -> int | None:
    """'Spørgetid' then 'Sag nr. 129' (a council's item page): the line right above a bare case-number
    heading is its title when it is title-shaped, short, and no label, furniture or number of its own."""
    k = i - 1
    if k < 0 or not lines[k]:
        return None
    t = lines[k].strip()
    if len(t) > 250 or not _title_like(t) or label_role(t) or CASE_LINE.match(t) or t.endswith((".", ":")) \
            or PUNKT_FORM.match(t) or NUMBER_FORM.match(t) or FURNITURE.match(t):
        return None
    return k


ROMAN_FORM = re.compile(r"^([IVX]{1,5})\.\s+([A-ZÆØÅ][a-zæøå].*)$")
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def roman_number(numeral: str) -> int | None:
    """'IV' -> 4; None for what is no well-formed roman numeral up to 39 ('IIII', 'VX')."""
    total = 0
    for k, ch in enumerate(numeral):
        value = ROMAN_VALUES[ch]
        total += -value if k + 1 < len(numeral) and ROMAN_VALUES[numeral[k + 1]] > value else value
    canonical = "X" * (total // 10) + ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"][total % 10]
    return total if 0 < total < 40 and canonical == numeral else None


ACCESS_MARK = re.compile(r"^(?P<num>\d{1,3})\s*[.)]?\s*\(\s*(?P<mark>åben|åbent|offentlig|lukket|fortrolig)\s*\)\s*"
                         r"(?P<title>[A-ZÆØÅ\d].*)$", re.I)


NUMBER_VARIANT = re.compile(r"^(?:(\d{1,3})\.0|(\d{1,3})\.\)|\((\d{1,3})\)|\[(\d{1,3})\])\s+(?=[A-ZÆØÅ])")


def plain_number(line: str) -> str:
    """'1.0 Title', '1.) Title', '(1) Title', '[1] Title' -> '1. Title': item numbers written in other ways."""
    m = NUMBER_VARIANT.match(line)
    if not m:
        return line
    number = next(g for g in m.groups() if g)
    return f"{number}. {line[m.end():]}"


ACCESS_PREFIX = re.compile(r"^(?P<mark>åbent|åben|lukket)\s+(?:(?:punkt|pkt\.?)\s*)?(?P<num>\d{1,3})\s*[.:)\-–]?\s+"
                           r"(?P<title>[A-ZÆØÅ\d§].*)$", re.I)  # ('åbent 6 § 17 stk. 4 udvalg om …')


def open_or_closed(line: str) -> str:
    """'3 (Åben) Budget 2026' / '4 (Lukket) Salg af grund' (an access mark between number and title) ->
    '3. Budget 2026' / '4. Salg af grund (Lukket)': the mark is no part of the title; a closed item stays
    marked closed."""
    if not (line[:1].isdigit() or line[:1] in "ÅåLl"):
        return line
    m = ACCESS_MARK.match(line)
    if not m:
        p = ACCESS_PREFIX.match(line)  # 'Åbent punkt 1. Godkendelse af dagsorden', 'Lukket punkt 3: Salg', 'åbent 3 X'
        if p:
            return f"{p.group('num')}. {p.group('title')}" + (" (Lukket)" if p.group("mark")[0] in "Ll" else "")
        return line
    closed = m.group("mark").lower().startswith(("lukket", "fortrolig"))
    return f"{m.group('num')}. {m.group('title')}" + (" (Lukket)" if closed else "")


TRAILING_PAGE_NUMBER = re.compile(r"\s+(\d{1,3})(?=(?:\s*\(Lukket\))?$)")


def _page_numbered_lists(cands: list[Candidate]) -> None:
    """A run of at least three consecutively numbered lines whose titles all end in a page number that never
    decreases ('1 Godkendelse af dagsorden 4' / '2 Plan for dialyse 5' / ...) is a contents list: the
    page numbers leave the titles (the run's last title may have lost its number where the text stops)."""
    by_index = sorted(cands, key=lambda c: c.index)
    runs: list[list[Candidate]] = []
    for c in by_index:
        if runs and c.number == runs[-1][-1].number + 1 and c.index - runs[-1][-1].index <= 4:
            runs[-1].append(c)
        else:
            runs.append([c])
    for run in runs:
        pages = [TRAILING_PAGE_NUMBER.search(c.title) for c in run]
        body = pages[:-1] if pages[-1] is None else pages
        if len(run) < 3 or len(body) < 3 or not all(body):
            continue
        numbers = [int(m.group(1)) for m in body]
        if any(b < a for a, b in zip(numbers, numbers[1:], strict=False)) or numbers[-1] == numbers[0]:
            continue
        for c, m in zip(run, pages, strict=False):
            c.toc = True
            if m is not None:
                c.title = (c.title[:m.start()] + c.title[m.end():]).strip()


def _paged_cell_lists(cands: list[Candidate], lines: list[str]) -> None:
    """'1.' / 'Velkomst' / '3' / '2.' / 'Orientering …' / '4': a contents table read one cell a line, each entry's
    number, title and page on lines of their own. A run of at least three such entries whose page numbers never
    decrease is a contents list (its bodies, where the text has them, are the items)."""
    lone = sorted((c for c in cands if c.form == "lone"), key=lambda c: c.index)
    runs: list[list[Candidate]] = []
    for c in lone:
        if runs and c.number == runs[-1][-1].number + 1 and c.index - runs[-1][-1].index <= 10:
            runs[-1].append(c)
        else:
            runs.append([c])
    for run in runs:
        if len(run) < 3:
            continue
        pages = []
        for c, nxt in zip(run, [c.index for c in run[1:]] + [min(len(lines), run[-1].index + 10)], strict=True):
            cells = [lines[k].strip() for k in range(c.index + 1, nxt) if lines[k].strip()]
            page = LONE_NUMBER.match(cells[-1]) if len(cells) >= 2 else None
            pages.append(int(page.group(1)) if page and cells[-1].isdigit() else None)
        # a wrapped title may have lost its page cell, and the text may stop inside the last entry
        known = [p for p in pages if p is not None]
        if len(known) >= max(3, 0.75 * len(run)) and all(b >= a for a, b in zip(known, known[1:], strict=False)) \
                and known[-1] > known[0]:
            for c in run:
                c.toc = c.list_member = True


# a contents label run into the first item's line: 'Punkter på åben dagsorden: 266. Budget 2009 ...'
# 'ad 2)' under an item's own sub-list ('1. Formand' / '2. Leder'): the minutes of its second point, no item
SUB_POINT_REFERENCE = re.compile(r"^ad\s*\d{1,2}\)")
# ('3 Side 3 1. Godkendelse af dagsorden 3': the page's own header after it, and its number again at the end)
PAGE_BEFORE_ITEM = re.compile(r"^\d{1,3}\s+(?:Side\s+(?P<page>\d{1,3})\s+)?(?=\d{1,3}\.\s+[A-ZÆØÅ][a-zæøå])")


def _without_page_number(line: str) -> str:
    """'2 3. Orienteringer fra …' -> '3. Orienteringer fra …'; '3 Side 3 1. Godkendelse af dagsorden 3' ->
    '1. Godkendelse af dagsorden' (the page's header, then its footer's number at the end)."""
    m = PAGE_BEFORE_ITEM.match(line)
    if not m:
        return line
    rest = line[m.end():]
    return re.sub(rf"\s+{m.group('page')}$", "", rest) if m.group("page") else rest


AGENDA_LABEL_BEFORE_ITEM = re.compile(
    r"^[A-ZÆØÅ][\w æøåÆØÅ-]{0,40}\b(?:dagsorden|punkter|sager|indhold)\w*\s*:\s+"
    r"(?=\d{1,3}\.\s+(?:[A-ZÆØÅ]|\d\.\s+[a-zæøå]))", re.I)  # ('… dagsorden: 190. 1. behandling af budget …')


def _contents_rest_below(lines: list[str], i: int, title: str) -> int | None:
    """The line below a contents entry without a leader (a blank between allowed) that holds the rest of its title
    and then the leader and page ('bygning ved Susålandets Skole ...... 542'): short, no number of its own."""
    if TOC_SIGN.search(title):
        return None
    k = _wrapped_rest(lines, i + 1)
    if k is None:
        return None
    rest = lines[k].strip()
    words_before = TOC_SIGN.sub("", rest).strip()
    # (or only the leader and the page: '194. Evaluering af sommerferielukning …' / '........ 459')
    return k if re.search(r"\.{3,}\s*\d{1,3}\s*$", rest) and (not words_before or len(words_before) >= 3) else None


def _wrapped_rest(lines: list[str], k: int) -> int | None:
    """The line (k, or k+1 after a blank) that can be the rest of a title wrapped onto it: short text, not a
    number, a label or a heading; None when there is none."""
    if k < len(lines) and not lines[k]:
        k += 1  # text saved from a web page puts a blank line after every line
    if k >= len(lines) or not lines[k]:
        return None
    t = lines[k].strip()
    if len(TOC_SIGN.sub("", t)) < 80 and not re.match(r"^[-–•\d]", t) and not label_role(t) \
            and not FURNITURE.match(t):
        return k
    return None


def _wrapped_cell_title(lines: list[str], at: int, number: int, title: str) -> str:
    """'7' / 'Tønder Forsyning A/S - Ændring af vandtakst for Tønder Vand' / 'A/S' / '12': a contents table read
    one cell a line, whose title cell wrapped (onto up to three lines); the page number after it (not the next
    item's number) shows it."""
    wrapped: list[str] = []
    k = at + 1
    while k < len(lines) and len(wrapped) < 3 and lines[k] and not LONE_NUMBER.match(lines[k]) \
            and len(lines[k]) <= 80 and not label_role(lines[k]):
        wrapped.append(lines[k])
        k += 1
    after = LONE_NUMBER.match(lines[k]) if wrapped and k < len(lines) and lines[k] else None
    if after and (int(after.group(1)) != number + 1 or open_ended(title)) \
            and not any(part.endswith(".") for part in [title] + wrapped[:-1]):
        return " ".join([title] + wrapped)
    return title


# a table row whose first cell holds only the item's number, or its number and time slot; the title is the next cell
NUMBER_SLOT_CELL = re.compile(
    rf"^\|?\s*(?P<cell>\d{{1,3}}\.?(?:\s+{SLOT_RANGE})?)\s*\|\s*"
    r"(?P<title>[A-ZÆØÅ][^|]{1,200}?)\s*(?:\||$)")


# ('19.25 – 20.10 Nick, Jørgen og Simon': the presenters in the slot's cell)
SLOT_CELL = re.compile(rf"^(?P<slot>{SLOT_RANGE})(?:\s+[A-ZÆØÅ][a-zæøå]+(?:(?:,\s*|\s+og\s+)[A-ZÆØÅ][a-zæøå]+)*)?$")


def _short_cell(line: str) -> bool:
    return bool(line) and len(line) <= 80 and _title_like(line) and not line.endswith((".", ":", ",")) \
        and not label_role(line)


# ('Drøftelse og beslutning', 'Orientering/beslutning': two forms in one cell)
FORM_WORD = r"(?:til\s+)?(?:beslutning|orientering|drøftelse|debat)"
ITEM_FORM_CELL = re.compile(rf"(?i:{FORM_WORD}(?:\s*(?:og|/|,)\s*{FORM_WORD})*)")
# 'Mette K.', 'Nick', 'Peter og Nick', 'Jannie Boye Kirk og Christian Krogsøe Stæhr': the presenters' cell
PRESENTER = r"[A-ZÆØÅ][a-zæøå]+(?:\s+[A-ZÆØÅ][a-zæøå]+){0,3}(?:\s+[A-ZÆØÅ]{1,3}\.?)?"
PRESENTERS_CELL = re.compile(rf"{PRESENTER}(?:(?:,\s*|\s+og\s+){PRESENTER})*")


def _slotted_cells(lines: list[str], at: int) -> str | None:
    """'1.' / '19.00 – 19.10' / 'Velkomst' / 'Formålet med mødet er:' and '2.' / '19.10 – 19.30' / 'Nick' /
    'Orientering' / 'Intro til skolebestyrelsens arbejde' / 'Kort intro …': a table row flattened one cell a line,
    the number and the time slot first. The title is the last short cell before the text (a presenter's name or a
    kind word stands before it); returned with the slot before it, as a heading line writes it."""
    cells = [k for k in range(at + 1, min(len(lines), at + 12)) if lines[k]][:5]
    if len(cells) < 2:
        return None
    slot = SLOT_CELL.match(lines[cells[0]].strip())
    if not slot:
        return None
    title = None
    form_seen = presenter_seen = False
    # the presenter's cell comes right after the slot's, unless the slot's cell names them ('19.25 – 20.10 Nick')
    presenter_due = not re.search(r"[A-ZÆØÅ]", lines[cells[0]].strip()[len(slot.group("slot")):])
    for k in cells[1:]:
        cell = lines[k].strip()
        if ITEM_FORM_CELL.fullmatch(cell):
            form_seen = True
            continue  # 'Peter' / 'Beslutning' / 'Godkendelse af referat': the item's form, a cell of its own
        if presenter_due and PRESENTERS_CELL.fullmatch(cell) and len(cells) > 2:
            presenter_due, presenter_seen = False, True
            title = title or cell  # (kept only when no other cell is a title: 'Velkomst' / 'Formålet med …:')
            continue  # 'Mette K.', 'Peter og Nick': the presenters
        if LONE_NUMBER.match(cell):
            break
        if _short_cell(cell) or (form_seen and _slot_title_cell(cell)):
            title = cell.rstrip(".") if form_seen else cell
            if form_seen or presenter_seen:
                break  # the title stands in the cell after the presenter's or the form's; then the item's text
            presenter_due = False
            continue
        break
    return f"{slot.group('slot')} {title}" if title else None


def _slot_title_cell(cell: str) -> bool:
    """'Høringssvar på Hadbjerg Skoles Kvalitetsrapport og Favrskovs samlede kvalitetsrapport 2019', 'Fastlæggelse af
    årshjul for 2020-22.': a title in the cell after the form's, longer than a short cell or ending on one full stop;
    not a sentence of the item's text."""
    if cell.endswith(".") and (". " in cell or len(cell) > 100 or SENTENCE_VERB.search(cell)):
        return False
    return len(cell) <= 150 and _title_like(cell) and not cell.endswith((":", ",")) and not label_role(cell)


# a line that cannot stand alone: it goes on from the line above ('samt ekstraordinært bestyrelsesmøde …')
JOINING_WORD_FIRST = re.compile(r"^(?:samt|og|eller|med|inkl\.|herunder|jf\.)\s+\S")


def _wrapped_paragraph(lines: list[str], i: int, title: str) -> str:
    """'4. Svar til Ankestyrelsen vedrørende' / 'udtalelse om … bestemmelser i' / 'kommunestyrelsesloven.' then a blank
    line: an agenda's numbered paragraph wrapped by the page, the whole paragraph its title. Only one or two lines
    straight below that go on in lower case ('… igangsætning af 2.' / 'fase, bevillinger …' too), the last ending
    the sentence, a blank line after them."""
    if title.endswith((":", "?", "!")) or (title.endswith(".") and not re.search(r"\s\d{1,2}\.$", title)):
        return title
    rest: list[str] = []
    k = i + 1
    while k < len(lines) and lines[k] and len(rest) < 3:
        rest.append(lines[k].strip())
        k += 1
    if not rest or len(rest) > 2 or (k < len(lines) and lines[k]) or not rest[0][:1].islower() \
            or not (rest[-1].endswith(".") or (len(rest) == 1 and JOINING_WORD_FIRST.match(rest[0]))):
        return title
    if any(len(r) > 100 or label_role(r[:1].upper() + r[1:]) or re.match(r"^(?:[-–•\d]|[a-zæøå][.)]\s)", r)
           or SENTENCE_VERB.search(r) for r in rest) \
            or len(title) + sum(len(r) + 1 for r in rest) > 250:
        return title
    return " ".join([title] + rest)


LEADING_BULLET = re.compile(r"^\s*[-–•·▪◦●]\s+")
# every candidate form needs a digit, or a roman numeral and its full stop ('II. Budget'): other lines are
# skipped before the forms are tried (most lines of a document; the same candidates, found faster)
MAY_BE_NUMBERED = re.compile(r"\d|[IVX]\.")
COLON_AFTER_NUMBER = re.compile(r"^(\d{1,3}\.)\s*:\s+(?=[A-ZÆØÅ])")


COUNTED_TITLE = re.compile(r"^\d{1,3}\s+[a-zæøå]{3,}\s+\w+")  # '10 mål for social mobilitet'


def _counted_title_in_run(lines: list[str], i: int, number: int, title: str) -> bool:
    """'8. 10 mål for social mobilitet' between '7. …' and '9. …': a title that begins with a count is an item's
    when the lines around it hold the numbers before and after it."""
    if not COUNTED_TITLE.match(title):
        return False

    def numbered(j: int) -> int | None:
        m = NUMBER_FORM.match(open_or_closed(plain_number(lines[j].strip()))) if lines[j] else None
        return int(m.group(1)) if m and not m.group(3)[:1].isdigit() else None

    before = next((numbered(j) for j in range(i - 1, max(-1, i - 4), -1) if lines[j].strip()), None)
    after = next((numbered(j) for j in range(i + 1, min(len(lines), i + 4)) if lines[j].strip()), None)
    return before == number - 1 and after == number + 1


ROLE_BEFORE_NUMBER = re.compile(r"^(?i:[\wæøå-]*(?:formand|formanden|person|kasserer|kassereren|værge|præst|præsten|"
                                r"sekretær|leder|lederen|chef|direktør|konsulent)(?:/[\wæøå-]+)*)\s*:\s+"
                                r"(?=\d{1,3}\.\s+[A-ZÆØÅ])")
BRACKET_THEN_STOP = re.compile(r"^(\d{1,3})\)\.\s+")
FIRST_PART_NUMBER = re.compile(r"^(\d{1,3})a[.)]\s+(?=[A-ZÆØÅ])")
SECOND_PART_NUMBER = re.compile(r"^\s*(\d{1,3})b[.)]\s")
NUMBER_RANGE_HEADING = re.compile(r"^((?:ad\.?|punkt|pkt\.?)\s*\d{1,3})\s*[-–]\s*(\d{1,3})\.?\s+(?=[A-ZÆØÅ])", re.I)
DOUBLED_NUMBER = re.compile(r"^(\d{1,3})\.\s+\1\.\s*(?=[A-ZÆØÅ])")
CASE_GROUP_BEFORE = re.compile(r"^[A-ZÆØÅ][a-zæøå]+sager\s+(?=(?:punkt|pkt\.?)\s*\d)", re.I)


# '49/1. Spørgetid (Åben sag)', '49 /1' (a contents line): the item's number through the year, then its place on
# this agenda, which the item is not known by
RUNNING_AND_PLACE = re.compile(r"^(\d{1,3})\s*/\s*\d{1,3}(?=\.\s+[A-ZÆØÅ]|\s*$)\.?")
TIME_BEFORE_ITEM = re.compile(r"^(?:kl\.?\s*)?\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?"
                              r"\s+(?=\d{1,3}\.\s+[A-ZÆØÅ])")


def _raw_candidates(lines: list[str], raw: list[str], run_on_lines: set[int]) -> list[Candidate]:
    """Every numbered line in any form, with its hand-written score and the signs it was scored on; no
    line is dropped for its neighbours yet (dotless "36 Høring" lines outside a run included)."""
    out: list[Candidate] = []
    n = len(lines)
    titles_taken: set[int] = set()  # lines a bulleted lone number took as its title: no candidates of their own
    first_parts: set[int] = set()  # '3a.' lines, read as item 3
    count_cells: set[int] = set()  # lone numbers under two more numbers alone
    for i, text in enumerate(lines):
        if not text or not MAY_BE_NUMBERED.search(text) or i in titles_taken:
            continue
        bullet = LEADING_BULLET.match(text)
        bulleted = bool(bullet) and text[bullet.end():bullet.end() + 1].isdecimal()  # '• 1 Præsentation af …'
        s = (text[bullet.end():] if bullet else text).strip()
        numbered_cell = NUMBER_SLOT_CELL.match(s) if "|" in s else None
        if numbered_cell:  # '1. 17.00-17.05 | Velkomst | Gennemgang af dagsorden': the number (and slot) in a cell
            s = f"{numbered_cell.group('cell').strip()} {numbered_cell.group('title').strip()}"
        elif s.startswith("|"):  # '| 1 – Godkendelse af referat | Godkendt.': a table row saved as text, its first cell
            s = s.strip("| ").split("|")[0].strip()
        elif " | " in s and s[:1].isdigit():  # '2 - PUK - Budget 2025 Udkast til … | Godkendt. |': the same, no edge
            s = _title_before_description(s.split(" | ")[0].strip())  # the case's description ends the cell
        # (each pattern is tried only where its first character or its colon or slash can be: most lines have none)
        if ":" in s:
            s = AGENDA_LABEL_BEFORE_ITEM.sub("", s)  # 'Punkter på åben dagsorden: 266. Budget 2009'
        if ":" in s[:8]:
            s = COLON_AFTER_NUMBER.sub(r"\1 ", s)  # '4. : Menighedsrådsvalg: Inger Grethe …': a stray colon
        if s[:1].isdigit():
            s = _without_page_number(s)  # '2 3. Orienteringer fra …': a transcript's page number, then the item
        if s[:1].isdigit() or s[:1] in "kK":
            s = TIME_BEFORE_ITEM.sub("", s)  # '19:00 10. Nyt fra elevrådet': the hour the item starts, then the item
        if "/" in s and s[:1].isdigit():
            s = RUNNING_AND_PLACE.sub(r"\1.", s)  # '49/1. Spørgetid', '49 /1': the year's running number, the place
        if s[:1].isdigit() or s[:1] in "ÅåLl([":
            s = open_or_closed(plain_number(s))
        indent = len(raw[i]) - len(raw[i].lstrip(" \t")) if i < len(raw) else 0
        number = title = None
        form = ""
        # 'Ad 3-4. Godkendelse af …': one heading for items 3 and 4, read as 'Ad 3. - 4. …' (NUMBER_RANGE_REST)
        if s[:1] in "aApP":
            s = NUMBER_RANGE_HEADING.sub(r"\1. - \2. ", s)
        if "sager" in s[:30]:  # 'Økonomisager Punkt 02 Udvidelse af …': the group of cases before the item's heading
            s = CASE_GROUP_BEFORE.sub("", s)
        if s[:1].isdigit():
            s = DOUBLED_NUMBER.sub(r"\1. ", s)  # '5. 5.Retningslinjer for …': a list's number and the title's own
            s = BRACKET_THEN_STOP.sub(r"\1) ", s)  # '4). Sognepræsterne orienterer'
            first_part = FIRST_PART_NUMBER.match(s)
            if first_part:  # '3a. Gennemgang af regnskab …': item 3's first part, item 3 unless 3 stands elsewhere
                s = f"{first_part.group(1)}. {s[first_part.end():]}"
                first_parts.add(i)
        if ":" in s[:40]:  # 'Næstformand/kontaktperson: 7. Status på …': who takes the item, before its number
            s = ROLE_BEFORE_NUMBER.sub("", s)
        m = PUNKT_FORM.match(s) if not SUB_POINT_REFERENCE.match(s) else None
        rest = LEADING_ALLOTMENT.sub("", m.group(2)) if m else ""
        if m and (rest == "" or rest[:1].isupper() or rest[:1].isdigit() is False or ORDINAL_TITLE.match(rest)):
            number, title, form = int(m.group(1)), rest, "punkt"
            if title and title[0].islower():
                number = None
            if re.fullmatch(r"\([^()]{1,40}\)", title or ""):
                title = ""  # "Pkt. 3 (Malou)": the responsible person; the title follows on the next line
            above = _title_above_case_number(lines, i) if number is not None and not title \
                and re.match(r"^sag\b", s, re.I) else None
            if above is not None:  # "Spørgetid" / "Sag nr. 129": the title stands above the case number
                title = lines[above]
        if number is None and s[:1] in "IVX":
            m = ROMAN_FORM.match(s)
            if m and roman_number(m.group(1)):  # 'II. Budget 2026': a roman item number
                number, title, form = roman_number(m.group(1)), m.group(2), "numbered2"
        if number is None:
            m = TAB_ROW.match(s)
            if m:
                number, title, form = int(m.group(1)), m.group(2).split("\t")[0], "row"
        if number is None:
            m = NUMBER_FORM.match(s)
            if m and (not re.match(r"^\d", m.group(3)) or ORDINAL_TITLE.match(m.group(3))
                      or SLOT_TITLE.match(m.group(3)) or _counted_title_in_run(lines, i, int(m.group(1)), m.group(3))):
                number, title, form = int(m.group(1)), m.group(3), "numbered" if m.group(2) == "." else "numbered2"
        if number is None:
            m = GLUED_FORM.match(s)
            if m and len(s) < 200:
                number, title, form = int(m.group(1)), m.group(2), "glued"
        if number is None:
            m = BARE_FORM.match(s) or BARE_ORDINAL_FORM.match(s)  # '344 2. behandling af budget 2020-23'
            m = m or (BARE_LOWER_FORM.match(s) if s[:1].isdigit() and len(s) <= 80 else None)
            if m and len(s) < 200:
                number, title, form = int(m.group(1)), m.group(2), "numbered2" if bulleted else "bare"
        if number is None:
            m = LONE_NUMBER.match(s)
            slotted = _slotted_cells(lines, i) if m else None
            if slotted:  # '2.' / '19.10 – 19.30' / 'Nick' / 'Check in': a flattened table row, one cell a line
                number, title, form = int(m.group(1)), slotted, "lone"
                m = None
            if m and _number_cell_above(lines, i):
                count_cells.add(i)  # '2' / '23' / '5' / 'Mit barn må kun få …': maybe a table's column of counts
            if m:
                # the title on the next line that holds text ('4' / ' ' / ' ' / 'Godkendelse af dagsorden': a web
                # page's blank paragraphs keep a space)
                nxt = next((j for j in range(i + 1, min(n, i + 8)) if lines[j].strip()), None)
                if nxt is not None and nxt > i + 2 and not any(j < len(raw) and raw[j] and not raw[j].strip()
                                                               for j in range(i + 1, nxt)):
                    nxt = None  # (only truly empty lines between: a lone number far from any title)
                if nxt is not None and _title_like(lines[nxt]) and len(lines[nxt]) < 200 \
                        and re.search(r"[^\W\d_]{2}", lines[nxt]) \
                        and (bulleted or not re.match(r"\d{1,3}\.\s+[A-ZÆØÅ]", lines[nxt].strip())) \
                        and not LONE_NUMBER_NO_TITLE.match(lines[nxt].strip()) and part_label(lines[nxt]) is None:
                    # not '18' / '20' (a column of page numbers), nor '2' / '1. Bemærkninger' (a page number above
                    # a numbered heading)
                    number, title, form = int(m.group(1)), lines[nxt], "lone"
                    title = _wrapped_cell_title(lines, nxt, number, title)
                    if bulleted:  # '• 2' / '3. Budgetopfølgning BFKU 2015': the bullet's number, then its title
                        titles_taken.add(nxt)
        if number is None or (number == 0 and form not in ("numbered", "punkt")) or number > 999:
            continue
        if form in ("numbered", "numbered2") and _under_recommendation_lead(lines, i):
            continue  # 'Administrationen indstiller til udvalget, at:' / '1. Der vælges en formand.': a recommendation
        if re.fullmatch(r"(?i:(?:revideret\s+)?udgave|version|rettelse)\.?\s*(?:\([^()]*\))?", (title or "").strip()) \
                or re.match(r"UDGAVE(?=[A-ZÆØÅ][a-zæøå])", title or ""):
            continue  # '5. UDGAVE', '3. UDGAVE(Ændret lokale)', '4. UDGAVEBemærk mødelokale': the agenda's edition
        if title and ATTACHMENT_LINKS_ONLY.match(title):
            continue  # 'Punkt 6. Sagsfremstilling / Punkt 6, bilag 1 / …': the item's attachment links, no heading
        if re.match(r"^\s*\d{1,3}\.[A-Za-zæøå](?:[.)]\s|:)", lines[i]):
            continue  # '4.A. Status for udviklingskontrakten': a lettered sub-item of item 4, no item of its own
            # ('4.B:Mads Krogh - Marie Jønsson': a pupils' council's class 4.B and its members)
        if form in ("bare", "lone") and re.match(r"^(?i:referat|dagsorden|beslutningsprotokol)\s+[A-ZÆØÅ]", title):
            continue  # '1 Referat Handicaprådet Møde nr.: 4/2012': a transcript's page number before the header
            # (or a site's count on the line above it: '35' / 'Referat Ældrerådet Møde nr.: 02/2020 …')
        if number <= 31 and form != "punkt" and DAY_OF_MONTH_TITLE.match(title or ""):
            continue  # '18. August SR møde', '9.   Juni': a date in a list of meetings, not an item
        if title and re.search(r"\s[-–]$", title) and i + 1 < n and lines[i + 1][:1].islower():
            title = f"{title} {lines[i + 1].strip()}"  # a title wrapped after a dash onto the next line
        elif title and form in ("numbered", "numbered2", "bare", "punkt") and open_ended(title) \
                and _wrapped_rest(lines, i + 1) is not None:
            # '15 ... lokalplan for' / 'forlystelsesanlæg'
            title = f"{title} {lines[_wrapped_rest(lines, i + 1)].strip()}"
        elif title and i + 1 < n and DAY_AND_MONTH_END.search(title) and YEAR_LINE.fullmatch(lines[i + 1].strip()):
            title = f"{title} {lines[i + 1].strip()}"  # '… frem til 31. marts' / '2008': a date wrapped before its year
        elif title and form in ("numbered", "numbered2") \
                and (rest := _contents_rest_below(lines, i, title)) is not None:
            # '234. Godkendelse af byggeprogram til den nye indskolings- og SFO' / 'bygning ved Susålandets Skole
            # ...... 542': a contents entry wrapped before its leader and page
            title = f"{title} {lines[rest].strip()}"
        elif title and form in ("numbered", "numbered2", "punkt"):
            title = _wrapped_paragraph(lines, i, title)

        if title and title.endswith(",") and _bullets_below(lines, i):
            title = title[:-1].rstrip()  # '3. Orientering om det kommende valg herunder,' over its bulleted points
        leader = LEADING_LEADER.match(title or "")
        if leader:  # '4......... Folkeskolen - Forslag om lukning af Thorsminde Skole. 6': a contents line, leaders
            title = LEADER_PAGE.sub("", title[leader.end():])  # first, its page last
        toc = bool(leader or TOC_SIGN.search(title or "") or TOC_INSIDE.search(title or ""))
        run_on = i in run_on_lines
        through = NUMBER_RANGE_REST.match(title or "")
        title = _clean_title(title or "", run_on)
        if not run_on and i < len(raw) and "  " in raw[i]:
            title = title_before_gap(title, raw[i])
        gated = (form != "punkt" or bool(title)) and not _title_like(title)  # the classifier may admit it
        score = {"punkt": 3.0, "numbered": 2.0, "numbered2": 1.5, "row": 1.5, "lone": 1.5, "glued": 1.0,
                 "bare": 2.0}[form]
        slot = bool(SLOT_HINT.search(title))
        if run_on:
            score += 0.5
        if slot:
            score += 1.0
        if bulleted and form == "lone":
            score += 1.0  # '• 1' / 'SSP - drøftelse af …': a web list's item mark, however few the items
        # what follows: a section label, a case number or plain text (a body) rather than the next number
        j = next((k for k in range(i + 1, min(n, i + 6)) if lines[k] and not (form == "lone" and k == i + 1)), None)
        follower = lines[j] if j is not None else ""
        if follower and j is not None and same_line(follower, title):  # the title repeated under the heading
            j = next((k for k in range(j + 1, min(n, j + 4)) if lines[k]), None)
            follower = lines[j] if j is not None else ""
        follower = re.sub(r"^[-–•·▪◦●]\s+", "", follower)  # '• Resume': a bulleted section label
        follower_label = bool(follower and (label_role(follower) or CASE_LINE.match(follower)
                                            or BARE_CASE_NUMBER.match(follower)))
        if follower_label:
            score += 2.0
        prev = next((lines[k] for k in range(i - 1, max(-1, i - 4), -1) if lines[k]), "")
        prev_case = bool(prev and CASE_LINE.match(prev))
        if prev_case:
            score += 2.0
        if len(title) > 150:
            score -= 1.0
        out.append(Candidate(i, number, title, score, form, toc, indent, run_on=run_on, slot=slot,
                             follower_label=follower_label, prev_case=prev_case, rules_score=score, gated=gated,
                             through=int(re.search(r"\d+", through.group(0)).group(0)) if through else None))
    if count_cells:  # ... a table's counts unless the lone numbers before them count up to them (a contents table)
        lone = {(c.number, c.index) for c in out if c.form == "lone"}
        out = [c for c in out if c.index not in count_cells
               or any(n == c.number - 1 and k < c.index for n, k in lone)]
    if first_parts:  # a '3a.' line is item 3 only where no other line is numbered 3 ('1.' / '1a.' / '1b.': sub-points)
        numbered = {c.number for c in out if c.index not in first_parts}  # nor a '3b.' follows ('2a.' / '2b.': a list)
        numbered |= {int(m.group(1)) for ln in lines if ln and (m := SECOND_PART_NUMBER.match(ln))}
        out = [c for c in out if c.index not in first_parts or c.number not in numbered]
    return out


def featurise(cands: list[Candidate], lines: list[str]) -> None:
    """Every candidate's features (``candidate_features``) in place."""
    context = CandidateContext(lines, sorted(cands, key=lambda c: c.index))
    for c in context.cands:
        c.features = candidate_features(c, context)


def training_candidates(lines: list[str], raw: list[str], run_on_lines: set[int] = frozenset()) -> list[Candidate]:
    """All raw candidates of a document with their features and final numbers, as find_headings sees them
    (for bench/train_heading_model.py)."""
    cands = _candidates(lines, raw, set(run_on_lines), RULES_ONLY)
    kept = {c.index for c in cands}
    everything = _raw_candidates(lines, raw, set(run_on_lines))
    for c in everything:
        if c.index not in kept:
            c.gated = True
    merged = {c.index: c for c in everything}
    merged.update({c.index: c for c in cands})
    out = sorted(merged.values(), key=lambda c: c.index)
    featurise(out, lines)
    _continue_restarts(out)
    return out


def _candidates(lines: list[str], raw: list[str], run_on_lines: set[int],
                model: HeadingModel | None = None) -> list[Candidate]:
    """The scored candidates: the raw ones, the hand-written gates applied (dotless numbers only in runs,
    lists and contents lists marked), then every candidate scored by the heading classifier, whose score
    complements the hand-written one (and may admit a dotless heading outside a run)."""
    raw_cands = _raw_candidates(lines, raw, run_on_lines)
    kept = {c.index for c in _bare_in_runs([c for c in raw_cands if not c.gated])}
    kept |= _bare_repeating_a_kept_line(raw_cands, kept)
    kept |= _lower_case_run_heads(raw_cands, kept, lines)
    kept |= _lower_case_last_item(raw_cands, kept)
    for c in raw_cands:
        c.gated = c.index not in kept
    out = [c for c in raw_cands if not c.gated]
    _mark_lists(out, lines)
    _page_numbered_lists(out)
    _paged_cell_lists(out, lines)
    # an entry between contents-list entries that ends in a (roman) page number is one too
    by_index = sorted(out, key=lambda c: c.index)
    for k, c in enumerate(by_index):
        if c.toc or not ROMAN_PAGE.search(c.title):
            continue
        near = [o for o in by_index[max(0, k - 1):k + 2] if o is not c]
        if any(o.toc and abs(o.number - c.number) == 1 for o in near):
            c.toc = True
            c.title = ROMAN_PAGE.sub("", c.title).strip()
    out = _fill_gaps(out, raw_cands)
    out = _loose_gap_candidates(_restarted_in_gap(out), lines)
    model = heading_model() if model is None else model
    if not model.active:
        return out
    featurise(raw_cands, lines)
    for c in raw_cands:
        c.logit = model.logit(c.features)
    for c in out:  # a veto: an unlikely heading pays for it; a likely one keeps its hand-written score
        c.score += model.weight * max(-model.clip, min(0.0, c.logit - model.centre))
    # the classifier may re-admit a line a soft gate dropped, never a recommendation ('2. At temagruppen godkender')
    admitted = [c for c in raw_cands if c.gated and c.logit >= model.admit and not RECOMMENDATION_LINE.match(c.title)]
    if admitted:
        out = sorted(out + admitted, key=lambda c: c.index)
    return out


def _fill_gaps(kept: list[Candidate], raw_cands: list[Candidate]) -> list[Candidate]:
    """'11. ...' / '12.Nyt fra institutionerne, (a list of 300 characters)' / '13. ...': a dotted heading a gate
    dropped (too long, say) whose number is the one missing between its two neighbours is admitted; so is the one
    right after the last of three consecutive ones, when nothing numbered follows it."""
    ordered = sorted(kept, key=lambda c: c.index)  # with each admitted one, so that the next one sees it
    filled = []
    for g in raw_cands:
        if not g.gated or g.form not in ("numbered", "numbered2", "punkt") or RECOMMENDATION_LINE.match(g.title) \
                or not g.title:
            continue
        before = [c for c in ordered if c.index < g.index]
        after = [c for c in ordered if c.index > g.index]
        if _opens_run(g, before, after):
            g.gated = False  # '1) godkendelse af referat' in lower case before '2) Status …' … '4) …': the run's first
            filled.append(g)
            continue
        if g.form == "numbered2":
            continue
        if before and after and before[-1].number == g.number - 1 and after[0].number == g.number + 1:
            g.gated = False
            filled.append(g)
            ordered = sorted(ordered + [g], key=lambda c: c.index)
        elif not after and len(before) >= 3 and [c.number for c in before[-3:]] == list(range(g.number - 3, g.number)) \
                and all(c.form == g.form for c in before[-3:]) and len(g.title) <= 80 and not is_sentence(g.title):
            g.gated = False  # '5. orientering fra afdelingerne' in lower case after '1.' … '4.': the run's last item
            filled.append(g)
            ordered = sorted(ordered + [g], key=lambda c: c.index)
    return sorted(kept + filled, key=lambda c: c.index) if filled else kept


def _loose_number_line(number: int) -> re.Pattern:
    """'4, Orientering fra kasserer.', '4 Orientering …', '4; …': the number in any plain form, a title after it."""
    return re.compile(rf"^\s*{number}\s*(?:[.,;:)\-–]\s*|\s+)(?P<title>[A-ZÆØÅ].{{2,150}})$")


def _restarted_in_gap(kept: list[Candidate]) -> list[Candidate]:
    """'4. Orientering …' / '  1. Masterplan vedr. boliger' / '6. Ældrerådsvalg': a '1.' alone between two headings of
    its form that skip one number is that number, printed by a list numbering that started again."""
    ordered = sorted(kept, key=lambda c: c.index)
    for a, x, b in zip(ordered, ordered[1:], ordered[2:], strict=False):
        if x.number == 1 and a.number >= 2 and b.number == a.number + 2 and a.form == x.form == b.form:
            x.number, x.restarted = a.number + 1, True
    return kept


def _loose_gap_candidates(kept: list[Candidate], lines: list[str]) -> list[Candidate]:
    """'3. Nyt fra Ellen' / '4, Orientering fra kasserer.' / '5. Orientering fra udvalg': where two candidates of one
    form a few lines apart skip exactly one number and the lines between them hold exactly one line that starts
    with that number in a form no rule takes, that line is the missing item. The numbers around it say an item is
    there, so a looser form is safe in the gap (and only there)."""
    ordered = sorted(kept, key=lambda c: c.index)
    added = []
    for a, b in zip(ordered, ordered[1:], strict=False):
        if b.number != a.number + 2 or a.form != b.form or b.index - a.index > 16:
            continue
        form = _loose_number_line(a.number + 1)
        found = [(j, m) for j in range(a.index + 1, b.index) if lines[j] and (m := form.match(lines[j]))]
        if len(found) != 1:
            continue
        j, m = found[0]
        title = m.group("title").strip()
        if _title_like(title.rstrip(" .:")) and not is_sentence(title.rstrip(" .:")):
            score = min(a.score, b.score)
            added.append(Candidate(j, a.number + 1, title, score, a.form, a.toc, a.indent, rules_score=score,
                                   list_member=a.list_member or b.list_member))
    return sorted(kept + added, key=lambda c: c.index) if added else kept


def _opens_run(g: Candidate, before: list[Candidate], after: list[Candidate]) -> bool:
    """A gated heading numbered one less than the first of three consecutive headings of its own form right after
    it, with none of that form above it, is the run's first item."""
    return (len(after) >= 3 and [c.number for c in after[:3]] == list(range(g.number + 1, g.number + 4))
            and all(c.form == g.form for c in after[:3]) and not any(c.form == g.form for c in before)
            and len(g.title) <= 80 and not is_sentence(g.title))


# --- heading classifier ------------------------------------------------------------------
# A logistic regression over plain features of every candidate heading line, trained on the annotated
# corpus by bench/train_heading_model.py (the blind split never read) and shipped as heading_model.json.
# Pure Python at run time: a dot product per candidate.

MODEL_PATH = Path(__file__).with_name("heading_model.json")
FORMS = ("punkt", "numbered", "numbered2", "row", "lone", "glued", "bare")
MONTH_IN_TITLE = re.compile(
    r"\b(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)\b|"
    r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b", re.I)
AD_FORM = re.compile(r"^\W*ad\.?\s*(?:punkt\s+|pkt\.?\s*)?\d", re.I)  # 'Ad 3.' / 'Ad punkt 3': a body under a list
TRAILING_PAGE = re.compile(r"(?:\s|\.)\d{1,3}$")


@dataclass
class CandidateContext:
    """What a candidate's features look at besides its own line: the document's lines and all raw
    candidates in text order."""
    lines: list[str]
    cands: list[Candidate]
    position: dict[int, int] = field(default_factory=dict)
    numbers: dict[int, list[int]] = field(default_factory=dict)
    forms: dict[str, int] = field(default_factory=dict)
    nonempty_before: list[int] = field(default_factory=list)
    by_form: dict[tuple[str, int], int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_form = {(o.form, o.number): o.index for o in self.cands}
        for k, c in enumerate(self.cands):
            self.position[c.index] = k
            self.numbers.setdefault(c.number, []).append(c.index)
            self.forms[c.form] = self.forms.get(c.form, 0) + 1
        count = 0
        self.nonempty_before = [0] * (len(self.lines) + 1)
        for k, ln in enumerate(self.lines):
            self.nonempty_before[k] = count
            count += bool(ln)
        self.nonempty_before[len(self.lines)] = count

    def text_lines_between(self, a: int, b: int) -> int:
        """Non-empty lines strictly between line a and line b."""
        return max(0, self.nonempty_before[b] - self.nonempty_before[a + 1]) if b > a else 0


def _same_form_run(c: Candidate, context: CandidateContext) -> int:
    """How many candidates of c's form number consecutively through c (c.number - k ... c.number + m), each
    later in the text than the one before."""
    by = context.by_form
    run = 1
    idx, n = c.index, c.number
    while (c.form, n - 1) in by and by[(c.form, n - 1)] < idx:
        idx, n, run = by[(c.form, n - 1)], n - 1, run + 1
    idx, n = c.index, c.number
    while (c.form, n + 1) in by and by[(c.form, n + 1)] > idx:
        idx, n, run = by[(c.form, n + 1)], n + 1, run + 1
    return run


def candidate_features(candidate: Candidate, context: CandidateContext) -> dict[str, float]:
    """The plain features of one candidate heading line (every value about 0..1)."""
    c = candidate
    lines = context.lines
    k = context.position[c.index]
    prev = context.cands[k - 1] if k else None
    nxt = context.cands[k + 1] if k + 1 < len(context.cands) else None
    stop = nxt.index if nxt is not None else len(lines)
    body = context.text_lines_between(c.index, stop) - (1 if c.form == "lone" else 0)
    body_chars = sum(map(len, lines[c.index + 1:min(stop, c.index + 60)]))
    title = c.title
    letters = list(filter(str.isalpha, title))
    upper = sum(map(str.isupper, letters)) / len(letters) if letters else 0.0
    line = lines[c.index]
    label_near = any(lines[x] and label_role(lines[x]) for x in range(c.index + 1, min(stop, c.index + 12)))
    earlier = [x for x in context.numbers.get(c.number - 1, ()) if x < c.index]
    later = [x for x in context.numbers.get(c.number + 1, ()) if x > c.index]
    near = sum(1 for o in context.cands[max(0, k - 3):k + 4] if o is not c and abs(o.index - c.index) <= 3)
    f = {f"form_{name}": float(c.form == name) for name in FORMS}
    f.update({
        "form_ad": float(bool(AD_FORM.match(line))),
        "short_block": min(near, 4) / 4,
        "run_on": float(c.run_on),
        "slot_hint": float(c.slot),
        "label_follows": float(c.follower_label),
        "case_line_before": float(c.prev_case),
        "label_in_body": float(label_near),
        "toc_sign": float(c.toc),
        "dot_leaders": float("..." in line or "…" in line),
        "trailing_page_number": float(bool(TRAILING_PAGE.search(title))),
        "list_member": float(c.list_member),

        "title_like": float(_title_like(title)),
        "title_lower_start": float(title[:1].islower()),
        "ends_semicolon_comma": float(title.endswith((";", ","))),
        "indent": min(c.indent, 10) / 10,
        "prev_number_before": float(bool(earlier)),
        "next_number_after": float(bool(later)),
        "prev_is_consecutive": float(prev is not None and prev.number == c.number - 1),
        "next_is_consecutive": float(nxt is not None and nxt.number == c.number + 1),
        "same_form_run": min(_same_form_run(c, context), 8) / 8,
        "same_number_count": min(len(context.numbers.get(c.number, ())), 4) / 4,
        "form_share": context.forms.get(c.form, 0) / len(context.cands),
        "number_is_one": float(c.number == 1),
        "number_size": math.log1p(c.number) / 7,
        "body_lines": math.log1p(max(body, 0)) / 4,
        "no_body": float(body <= 0),
        "body_chars": math.log1p(body_chars) / 9,
        "title_length": math.log1p(len(title)) / 5.5,
        "title_long": float(len(title) > 100),
        "title_words": min(len(title.split()), 30) / 30,
        "line_length": math.log1p(len(line)) / 5.5,
        "ends_period": float(title.endswith(".")),
        "ends_colon": float(title.endswith(":")),
        "ends_question": float(title.endswith("?")),
        "ends_bracket": float(title.endswith(")")),
        "upper_share": upper,
        "all_caps": float(upper > 0.9 and len(letters) > 3),
        "sentence_verb": float(bool(SENTENCE_VERB.search(title))),
        "date_in_title": float(bool(MONTH_IN_TITLE.search(title))),
        "digits_in_title": float(any(map(str.isdigit, title))),
        "position": c.index / max(1, len(lines)),
        "blank_before": float(c.index == 0 or not lines[c.index - 1]),
        "blank_after": float(c.index + 1 >= len(lines) or not lines[c.index + 1]),
    })
    return f


@dataclass
class HeadingModel:
    """Weights of the heading classifier and how its score joins the hand-written one: ``weight`` times the
    clipped log-odds is added to a candidate's score; a candidate a hand-written gate dropped comes back
    when its log-odds reach ``admit``. ``weight`` 0 and ``admit`` infinite leave the rules alone."""
    names: list[str]
    weights: list[float]
    bias: float
    weight: float = 0.0
    admit: float = math.inf
    clip: float = 4.0
    centre: float = 0.0
    means: list[float] | None = None
    scales: list[float] | None = None

    @property
    def active(self) -> bool:
        return bool(self.names) and (self.weight > 0 or self.admit < math.inf)

    def logit(self, features: dict[str, float]) -> float:
        return standardised_logit(self.names, self.weights, self.bias, self.means, self.scales, features)

    def probability(self, features: dict[str, float]) -> float:
        return sigmoid(self.logit(features))

    @classmethod
    def from_json(cls, data: dict) -> HeadingModel:
        admit = data.get("admit")
        return cls(list(data["features"]), [float(w) for w in data["weights"]], float(data["bias"]),
                   float(data.get("weight", 0.0)), math.inf if admit is None else float(admit),
                   float(data.get("clip", 4.0)), float(data.get("centre", 0.0)), data.get("means"), data.get("scales"))

    def to_json(self) -> dict:
        return {"features": self.names, "weights": self.weights, "bias": self.bias, "weight": self.weight,
                "admit": None if self.admit == math.inf else self.admit, "clip": self.clip, "centre": self.centre,
                "means": self.means, "scales": self.scales}


RULES_ONLY = HeadingModel([], [], 0.0)
_SHIPPED = ShippedModel(MODEL_PATH, HeadingModel.from_json, RULES_ONLY)


def heading_model() -> HeadingModel:
    """The shipped classifier (heading_model.json beside this module); rules only when the file is missing."""
    return _SHIPPED.get()


def use_heading_model(model: HeadingModel | None) -> HeadingModel | None:
    """Replace the classifier used by find_headings (training and cross-validation); returns the old one.
    None reloads the shipped file on next use."""
    return _SHIPPED.use(model)


def _bare_in_runs(cands: list[Candidate]) -> list[Candidate]:
    """A number followed by a title without any dot ("36 Høring: ...") counts only inside a run of at
    least three such lines numbered consecutively, each within a few lines of the last (a list)."""
    bare = sorted((c for c in cands if c.form == "bare"), key=lambda c: c.index)
    keep: set[int] = set()
    run: list[Candidate] = []
    for c in bare + [None]:
        if c is not None and run and c.number == run[-1].number + 1 and c.index - run[-1].index <= 3:
            run.append(c)
            continue
        if len(run) >= 3:
            keep.update(x.index for x in run)
            keep.update(x.index for x in _bare_run_goes_on(run, bare))
        run = [c] if c is not None else []
    return [c for c in cands if c.form != "bare" or c.index in keep]


def _bare_run_goes_on(run: list[Candidate], bare: list[Candidate]) -> list[Candidate]:
    """'5 Siden sidst' / (its text, bullets) / '6 Runesten i Mygind': after a run of three or more, a dotless line
    with the next number further down, a short title and no sentence, goes on with it (the items' texts stand
    between them: only the list at the top is close together)."""
    out: list[Candidate] = []
    last = run[-1]
    for c in bare:
        if c.index <= last.index or c.number != last.number + 1:
            continue
        if c.index - last.index > 60 or c.indent != last.indent or len(c.title) > 100 or is_sentence(c.title):
            break
        out.append(c)
        last = c
    return out


def _bare_repeating_a_kept_line(cands: list[Candidate], kept: set[int]) -> set[int]:
    """' 2  Valg af borgmester' under an agenda that listed 'åbent 2 Valg af borgmester': a dotless heading that
    repeats the number and the title of a kept line above it is that item's own heading, run or no run."""
    above = [c for c in cands if c.index in kept and c.title]
    return {c.index for c in cands if c.form == "bare" and c.index not in kept
            and any(o.index < c.index and o.number == c.number and same_line(o.title, c.title) for o in above)}


def _lower_case_run_heads(cands: list[Candidate], kept: set[int], lines: list[str]) -> set[int]:
    """' 1. godkendelse af dagsorden …' / ' 2. godkendelse af referatet …' / ' 3. Nyt fra formanden' (or '1 valg af
    ordstyrer' … '8 Idéer til arbejdsområder', numbers without stops): numbered lines a list begins in lower case,
    each right above a kept one with the next number (or 1 under 1: a Word list whose numbers all print as 1), same
    form and indent, only blank lines between, are the list's first items; never a recommendation ('1. at udvalget
    godkender …')."""
    by_index = sorted(cands, key=lambda c: c.index)
    admitted: set[int] = set()
    for c, below in reversed(list(zip(by_index, by_index[1:], strict=False))):
        if c.index in kept or c.form not in ("numbered", "bare") or not c.title[:1].islower() \
                or RECOMMENDATION_LINE.match(c.title):
            continue
        follows = below.number == c.number + 1 or below.number == c.number == 1
        if (below.index in kept or below.index in admitted) and follows and below.form == c.form \
                and below.indent == c.indent and below.index - c.index <= 4 \
                and not any(lines[j].strip() for j in range(c.index + 1, below.index)):
            admitted.add(c.index)
    return admitted


def _lower_case_last_item(cands: list[Candidate], kept: set[int]) -> set[int]:
    """'6. Diverse information' … '7. eventuelt': a short numbered line in lower case that goes on with the numbering
    of the last kept heading of its form and indent (deeper lines between are that item's points), with no such
    heading after it, is the last item; never a recommendation or a sentence."""
    ordered = sorted(cands, key=lambda c: c.index)
    for c in ordered:
        if c.index in kept or not c.title[:1].islower() or len(c.title.split()) > 6 or c.title.rstrip().endswith(".") \
                or RECOMMENDATION_LINE.match(c.title) or SENTENCE_VERB.search(c.title):
            continue
        level = [o for o in ordered if o.index in kept and o.form == c.form and o.indent == c.indent]
        before = [o for o in level if o.index < c.index]
        if before and len(before) == len(level) and before[-1].number == c.number - 1:
            return {c.index}
    return set()


def _mark_lists(cands: list[Candidate], lines: list[str]) -> None:
    """Candidates in a block of consecutive numbered lines with nothing but blank lines between them
    form a list (an agenda, a contents list, or recommendations): not item bodies."""
    by_index = sorted(cands, key=lambda c: c.index)
    for k, c in enumerate(by_index):
        for other, step in ((by_index[k - 1] if k else None, -1),
                            (by_index[k + 1] if k + 1 < len(by_index) else None, 1)):
            # a list counts upwards: the line before holds the number before, the line after the next one
            # ('1. A' / '2. B' / '1. A' again is a contents list and the first item, not one list)
            if other is None or other.number - c.number != step:
                continue
            lo, hi = sorted((c.index, other.index))
            if all(not lines[x] for x in range(lo + 1, hi)) or (c.form == "lone" and hi - lo <= 2):
                c.list_member = True


EMPTY_NUMBER = re.compile(r"^\s*(\d{1,3})\.\s*$")


def _empty_numbers(lines: list[str]) -> dict[int, int]:
    """'7. Projektpulje' / '8.' / '9.' / '10. Afbenyttelse …': numbers a list left without a title (places kept free
    on a template), by number, with their lines; only those with a numbered line right below them."""
    out: dict[int, int] = {}
    for i, ln in enumerate(lines):
        m = EMPTY_NUMBER.match(ln) if ln and len(ln) < 8 else None
        if not m:
            continue
        nxt = next((lines[j] for j in range(i + 1, min(len(lines), i + 3)) if lines[j].strip()), "")
        if re.match(rf"^\s*{int(m.group(1)) + 1}\.(?:\s|$)", nxt):
            out[int(m.group(1))] = i
    return out


def _best_run(cands: list[Candidate], empty: dict[int, int] | None = None) -> list[Candidate]:
    """The highest-scoring chain of increasing numbers in text order (steps of 1, or a gap of up to 3
    numbers, paid for unless the missing numbers stand empty between them), starting anywhere."""
    empty = empty or {}
    if not cands:
        return []
    cands = sorted(cands, key=lambda c: c.index)
    best = [0.0] * len(cands)
    length = [1] * len(cands)
    back = [-1] * len(cands)
    for i, c in enumerate(cands):
        own = c.score - (1.5 if c.list_member else 0) - (3.0 if c.toc else 0) - 0.2 * min(c.indent, 10)
        best[i] = own
        for j in range(i):
            p = cands[j]
            step = c.number - (p.through or p.number)
            if 1 <= step <= 4:
                # a gap between explicit "Pkt. N" headings is a withdrawn item, cheaper than one between bare numbers
                kept_free = step > 1 and all(p.index < empty.get(n, -1) < c.index
                                             for n in range((p.through or p.number) + 1, c.number))
                value = best[j] + own - (0 if kept_free else (step - 1) * (0.5 if c.form == p.form == "punkt" else 1.5))
                # on a tie the longer chain wins (a list whose entries score nothing each is still one list)
                if (value, length[j] + 1) > (best[i], length[i]):
                    best[i], back[i], length[i] = value, j, length[j] + 1
    end = max(range(len(cands)), key=lambda k: (best[k], length[k]))
    chain = []
    while end != -1:
        chain.append(cands[end])
        end = back[end]
    chain.reverse()
    # the list entry just before the run, numbered one less, belongs to it even when it scores below zero on its
    # own ('1. Lukket samråd …' with a 200-character title above '2. Åbent samråd …' … '8. Eventuelt.')
    at = cands.index(chain[0])
    while at > 0 and chain[0].list_member and cands[at - 1].list_member \
            and cands[at - 1].number == chain[0].number - 1 and cands[at - 1].indent == chain[0].indent:
        at -= 1
        chain.insert(0, cands[at])
    # and the headings right after the run that go on with its numbering in its form, though they stand close
    # enough to look like a list ('6Punkter på næste møde' / '7Eventuelt' with their empty minutes dropped)
    at = cands.index(chain[-1])
    run_is_list = chain[-1].list_member
    while at + 1 < len(cands) and cands[at + 1].list_member and not run_is_list \
            and cands[at + 1].number == chain[-1].number + 1 and cands[at + 1].form == chain[-1].form \
            and cands[at + 1].indent == chain[-1].indent and cands[at + 1].index - chain[-1].index <= 4 \
            and not cands[at + 1].toc:
        at += 1
        chain.append(cands[at])
    return chain


SUB_POINT = re.compile(r"^(?:[a-zæøåA-H][.)]|[-–•·▪◦●*])\s+\S")  # 'a. …', 'A. Revision …', '- Formanden'


def _only_sub_points(lines: list[str], lo: int, hi: int) -> bool:
    """Are the lines between two list entries only the first one's sub-points ('a. Valg til Ældreråd v/ Leif',
    '- Center Bakkehuset') and their wrapped ends (a line starting in lower case)?"""
    between = [ln for ln in lines[lo + 1:hi] if ln]
    return len(between) <= 8 and all(SUB_POINT.match(ln) or ln[:1].islower() for ln in between)


def _list_block(cands: list[Candidate], before: int, lines: list[str] = ()) -> list[Candidate]:
    """The longest consecutive list (agenda or contents) starting before line ``before``; an entry's own
    sub-points may stand between it and the next."""
    best: list[Candidate] = []
    cur: list[Candidate] = []
    empty = _empty_numbers(lines) if lines else {}
    for c in sorted((c for c in cands if c.index < before), key=lambda c: c.index):
        # a contents table read one cell a line puts the title and the page between two numbers
        reach = 10 if c.toc and cur and cur[-1].toc and c.form == cur[-1].form == "lone" else 4
        last = (cur[-1].through or cur[-1].number) if cur else 0
        if cur and c.number > last + 1 and all(cur[-1].index < empty.get(n, -1) < c.index
                                               for n in range(last + 1, c.number)):
            cur.append(c)  # '7. Projektpulje' / '8.' / '9.' / '10. Afbenyttelse …': numbers left empty between
        elif cur and c.number == (cur[-1].through or cur[-1].number) + 1 and (
                c.index - cur[-1].index <= reach or (lines and _only_sub_points(lines, cur[-1].index, c.index))):
            cur.append(c)
        else:
            cur = [c]
        if len(cur) > len(best):
            best = list(cur)
    return best if len(best) >= 2 else []


def _list_blocks(cands: list[Candidate]) -> list[list[Candidate]]:
    blocks: list[list[Candidate]] = []
    for c in sorted((c for c in cands if c.list_member and not c.toc), key=lambda c: c.index):
        if blocks and c.number == blocks[-1][-1].number + 1 and c.index - blocks[-1][-1].index <= 4 \
                and c.indent == blocks[-1][-1].indent:  # (an outer list's next point goes on no nested list)
            blocks[-1].append(c)
        else:
            blocks.append([c])
    return [b for b in blocks if len(b) >= 2]


def _continue_restarts(cands: list[Candidate]) -> None:
    """An HTML list that restarts at 1 after a nested (more indented) list, at the outer list's own
    indentation and within a few lines, continues the outer numbering ("7. Dagsordener ..." / "  1. ..." /
    "1. Nyt fra ..." is item 8)."""
    if not cands:
        return
    top = min(c.indent for c in cands)
    last: Candidate | None = None
    nested = False
    shift = 0
    for c in sorted(cands, key=lambda c: c.index):
        if c.indent > top:
            nested = True
            continue
        if last is not None and shift and c.number + shift == last.number + 1 and c.index - last.index <= 6:
            c.number += shift
        elif last is not None and c.number == 1 and nested and last.number >= 2 and c.index - last.index <= 15:
            shift = last.number
            c.number += shift
        else:
            shift = 0
        last, nested = c, False


def _inner_lists(cands: list[Candidate]) -> set[int]:
    """Line indexes of numbered lists inside an item's text: a list that restarts the numbering (its
    first number is not above that of an item heading standing on its own before it) after such a
    heading. An agenda list before the first item is no inner list."""
    inner: set[int] = set()
    for block in _list_blocks(cands):
        start = block[0].index
        before = [c for c in cands if c.index < start and not c.list_member and not c.toc]
        if before and block[0].number <= max(c.number for c in before):
            inner.update(c.index for c in block)
            # its next point after a wrapped or nested line ('1. Formand' / '2. Leder' / 'Billedskolen' / '3. Andre')
            last = block[-1]
            for c in sorted((c for c in cands if c.index > last.index), key=lambda c: c.index):
                if c.number != last.number + 1 or c.index - last.index > 4 or c.form != last.form \
                        or c.indent != last.indent:
                    break
                inner.add(c.index)
                last = c
    return inner


# a break takes a place on the agenda but no number (here and in parse._breaks)
BREAK_TITLE = re.compile(r"^(?:pause|frokost|frokostpause|kaffepause|kort pause)\b", re.I)


def _labelled_below(lines: list[str], start: int, stop: int) -> bool:
    """Does a section label line ('Sagsfremstilling', 'Ansvarlig:') stand among the next lines below ``start``?"""
    below = [ln for ln in lines[start + 1:min(stop, start + 30)] if ln]
    return any(len(ln.split()) <= 3 and label_role(ln) for ln in below)


def _punkt_run_around(chain: list[Candidate], cands: list[Candidate]) -> list[Candidate]:
    """'Punkt 75.' … '1. Souschef' … '7. Evt.' … 'Punkt 76.': a longer run of plain numbers that lies wholly inside
    one item, between two consecutive 'Punkt N' headings, is that item's own list; the 'Punkt' headings are the
    items."""
    if not chain or chain[0].form == "punkt":
        return chain
    punkts = sorted((c for c in cands if c.form == "punkt" and c.number is not None), key=lambda c: c.index)
    for a, b in zip(punkts, punkts[1:], strict=False):
        if b.number == a.number + 1 and a.index < chain[0].index and chain[-1].index < b.index:
            run = [a, b]
            for c in punkts[punkts.index(b) + 1:]:
                if c.number != run[-1].number + 1:
                    break
                run.append(c)
            earlier = [c for c in punkts[:punkts.index(a)]]
            while earlier and earlier[-1].number == run[0].number - 1:
                run.insert(0, earlier.pop())
            return run
    return _lone_punkt_over_sub_lists(chain, punkts, cands)


def _case_run_around(chain: list[Candidate], cands: list[Candidate]) -> list[Candidate]:
    """'• 423. Dagsorden - Godkendelse' … '• 424. Spildevandsplan …' … '1. Anbefales.' / 'Ad 2.': a chain numbered
    from low down that lies wholly inside the text of one item of a run numbered above it (a committee numbers its
    cases through the year) is that item's points (a recommendation's, its decision's); the run is the items."""
    if not chain or any(c.number is None for c in chain):
        return chain
    top, indent = max(c.number for c in chain), min(c.indent for c in chain)
    above = [c for c in cands if c.number is not None and c.number > top and c.indent <= indent
             and not c.list_member and not c.toc]
    run = _best_run(above)
    if len(run) < 2 or run[0].index > chain[0].index or run[0].number <= top + 1:
        return chain
    if any(chain[0].index < c.index < chain[-1].index for c in run):
        return chain  # the chain spans items of the run: not inside one of them
    if any(b.number != a.number + 1 for a, b in zip(run, run[1:], strict=False)):
        return chain
    return run


def _lone_punkt_over_sub_lists(chain: list[Candidate], punkts: list[Candidate],
                               cands: list[Candidate]) -> list[Candidate]:
    """'Punkt 17.' / 'Siden sidst. Orientering.' / 'Formanden:' / '1. …' '2. …' / 'Ungdomsskoleinspektøren:' / '1. …':
    one 'Punkt N' heading above the run, with no other after it, and plain numbering that starts again at 1 at
    least twice below it (each reporter's own list): the lists are the item's text, the 'Punkt' heading the item."""
    above = [c for c in punkts if c.index < chain[0].index]
    if len(punkts) != 1 or not above:
        return chain
    restarts = [c for c in cands if c.index > above[0].index and c.number == 1 and c.form != "punkt"]
    return [above[0]] if len(restarts) >= 2 else chain


def _ones_before_run(chain: list[Candidate], cands: list[Candidate]) -> list[Candidate]:
    """'1. Velkomstsang' / '1. Godkendelse af dagsorden' / '1. Økonomi' / '4. Lukket møde' / '5. …': a web page's
    list printed its first items all as '1.' and then went on counting; exactly as many ones as the run's first
    number leaves out, with nothing else numbered among them, are items 1, 2, 3."""
    if not chain or chain[0].number is None or chain[0].number < 3:
        return chain
    first = chain[0]
    before = sorted((c for c in cands if c.index < first.index), key=lambda c: c.index)
    ones = [c for c in before if c.number == 1 and c.form in ("numbered", "numbered2")]
    if len(ones) != first.number - 1 or any(c.number != 1 for c in before if c.index > ones[0].index):
        return chain
    for k, c in enumerate(ones):
        c.number, c.renumbered = k + 1, True
    return ones + chain


def _all_ones(cands: list[Candidate], lines: list[str]) -> list[Candidate]:
    """Item headings that a web page's list printed all as '1.' (each item its own one-entry list): three or
    more 'N.' lines numbered 1, most of them followed by their own text (an item without minutes may stand right
    above the next), and none by another numbered line before the next."""
    ones = [c for c in sorted(cands, key=lambda c: c.index) if c.number == 1 and c.form in ("numbered", "numbered2")]
    top = min((c.indent for c in ones), default=0)
    nested = {c.index for c in ones if c.indent > top}  # '  1. Præcision af princippet': an item's own sub-point
    ones = [c for c in ones if c.index not in nested]
    if len(ones) == 2 and all(_labelled_below(lines, a.index, b) for a, b in zip(ones, [ones[1].index, len(lines)],
                                                                              strict=True)):
        return ones  # two items, each with its own section labels ('Ansvarlig:', 'Sagsfremstilling')
    if len(ones) < 3:
        return []
    others = [c.index for c in cands if c.number != 1 and c.indent <= top]
    textless = 0
    for a, b in zip(ones, ones[1:] + [None], strict=False):
        stop = b.index if b is not None else len(lines)
        if any(a.index < o < stop for o in others):
            return []
        inline_text = re.search(r":\s+\S+(?:\s+\S+){2,}", lines[a.index])  # '1. Godkendelse af referat: Tekst …'
        if b is not None and not any(lines[k] for k in range(a.index + 1, b.index)) and not inline_text:
            textless += 1
    if 3 * textless > len(ones) - 1:
        return []  # mostly consecutive lines: a list of one-entry lists, not items with text
    return ones


def fuzzy_same(a: str, b: str) -> bool:
    fa = NON_WORD.sub(" ", a.casefold()).strip()
    fb = NON_WORD.sub(" ", b.casefold()).strip()
    if not fa or not fb:
        return False
    if fa == fb or fb.startswith(fa + " ") or fa.startswith(fb + " "):
        return True
    if min(len(fa), len(fb)) < 0.6 * max(len(fa), len(fb)):
        return False
    matcher = difflib.SequenceMatcher(None, fa, fb, autojunk=False)
    return matcher.quick_ratio() >= 0.8 and matcher.ratio() >= 0.8


NON_WORD = re.compile(r"\W+")


def same_line(a: str, b: str) -> bool:
    """The same text (a title printed twice), allowing small differences only."""
    fa = NON_WORD.sub(" ", a.casefold()).strip()
    fb = NON_WORD.sub(" ", b.casefold()).strip()
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    if min(len(fa), len(fb)) < 0.8 * max(len(fa), len(fb)):
        return False
    matcher = difflib.SequenceMatcher(None, fa, fb, autojunk=False)
    return matcher.quick_ratio() >= 0.9 and matcher.ratio() >= 0.9


INLINE_SECTION = re.compile(r"\b(?:beslutning|referat|indstilling|resum[eé]|sagsfremstilling|bilag)\s*:", re.I)


def _has_body(entry: Candidate, cands: list[Candidate], lines: list[str]) -> bool:
    """Does a list entry carry its own text (an inline 'Beslutning: ...', or a section label before the next
    numbered line)? Then it is an item heading, not only a line of the agenda."""
    if INLINE_SECTION.search(lines[entry.index]):
        return True
    nxt = min((c.index for c in cands if c.index > entry.index), default=len(lines))
    return any(lines[k] and (label_role(lines[k][:1].upper() + lines[k][1:]) or INLINE_SECTION.search(lines[k]))
               for k in range(entry.index + 1, min(nxt, entry.index + 8)))


def find_headings(lines: list[str], raw: list[str], run_on_lines: set[int] = frozenset()) -> list[Heading]:
    """The items' headings in document order, agenda-only items included (``list_only``); a closed part numbered
    from 1 under its own label comes last, its items closed."""
    cands = _candidates(lines, raw, set(run_on_lines))
    closed_part = _closed_part(cands, lines)
    taken = {c.index for c in closed_part}
    headings = _open_headings([c for c in cands if c.index not in taken], lines)
    if not headings:
        return []
    return headings + [Heading(c.index, c.number, c.title, closed=True) for c in closed_part]


def _ad_minutes(cands: list[Candidate], lines: list[str]) -> set[int]:
    """'Pkt. 2. Budgetopfølgning v/Jakob' / 'Ad 2: Tina introducerede sig selv …': an 'Ad N' line that says in a
    sentence what was done, right below the heading of item N, is that item's minutes, not a second heading."""
    out: set[int] = set()
    by_index = sorted(cands, key=lambda c: c.index)
    for before, c in zip(by_index, by_index[1:], strict=False):
        if c.number == before.number and c.index - before.index <= 3 and AD_FORM.match(lines[c.index]) \
                and not AD_FORM.match(lines[before.index]) and len(c.title) > 30 \
                and (SENTENCE_VERB.search(lines[c.index]) or lines[c.index].rstrip().endswith(".")):
            out.add(c.index)
        # '2. Budgetopfølgning' / blank lines / 'AD 2:' / 'Steffen viste …': a bare 'Ad N' line under heading N
        elif c.number == before.number and AD_FORM.match(lines[c.index]) and not c.title.strip() \
                and before.title.strip() and not AD_FORM.match(lines[before.index]) and c.index - before.index <= 6 \
                and not any(ln.strip() for ln in lines[before.index + 1:c.index]):
            out.add(c.index)
    return out


def _lists_of_people(cands: list[Candidate]) -> set[int]:
    """'Suppleanter: 1. Vagn Dinesen - 2. Anders Koefoed - 3. Lars Hemmingsen - …': a numbered run of three or more
    whose titles are mostly people's names is a list of people (substitutes, a ballot), not the items."""
    ordered = sorted(cands, key=lambda c: c.index)
    runs: list[list[Candidate]] = []
    for c in ordered:
        if runs and c.number == runs[-1][-1].number + 1 and c.form == runs[-1][-1].form:
            runs[-1].append(c)
        else:
            runs.append([c])
    return {c.index for run in runs if len(run) >= 3 and 3 * sum(map(_person_shaped, run)) >= 2 * len(run)
            for c in run}


def _person_shaped(c: Candidate) -> bool:
    """'Vagn Dinesen -', 'Lise Karlsson': two to four capitalised words, the first no Danish word."""
    title = re.sub(r"\s*\([^()]*\)|\s*[-–]\s*$", "", c.title).strip()
    return bool(re.fullmatch(NAME, title)) and len(title.split()) <= 4 and not words.common_word(title.split()[0])


CLOSED_WORD = re.compile(r"\blukket\b|\blukkede\b|\bfortrolig", re.I)


def _last_open_before_closed(chain: list[Candidate], cands: list[Candidate], lines: list[str]) -> list[Candidate]:
    """'16. Bidrag til …' / '19. Meddelelser' / 'Lukket møde' / '17. Udbud … (Lukket punkt)' / '18. …': the closed
    items are placed last though numbered before the open part's last item. That item, numbered one above the run
    and standing in its form between the last open and the first closed heading, belongs to the run."""
    if len(chain) < 3:
        return chain
    top = max(c.number for c in chain)
    taken = {c.index for c in chain}
    for k in range(len(chain) - 1):
        before, after = chain[k], chain[k + 1]
        tail = chain[k + 1:]
        if after.number != before.number + 1 or top != tail[-1].number or len(tail) > 4:
            continue
        between = [c for c in cands if before.index < c.index < after.index and c.index not in taken
                   and c.number == top + 1 and c.form == before.form and c.indent == before.indent]
        closed = all(CLOSED_WORD.search(c.title) for c in tail) or any(
            CLOSED_WORD.search(lines[j]) for j in range(before.index + 1, after.index) if lines[j])
        if len(between) == 1 and closed:
            return chain[:k + 1] + between + tail
    return chain


def _open_headings(cands: list[Candidate], lines: list[str]) -> list[Heading]:
    minutes = _ad_minutes(cands, lines)
    cands = [c for c in cands if c.index not in minutes]
    _continue_restarts(cands)
    inner = _inner_lists(cands) | _lists_of_people(cands)
    cands = [c for c in cands if c.index not in inner]
    bodies = [c for c in cands if not c.toc]
    chain = _ones_before_run(_punkt_run_around(_best_run(bodies, _empty_numbers(lines)), bodies), bodies)
    chain = _last_open_before_closed(chain, bodies, lines)
    chain = _case_run_around(chain, bodies)
    ones = _all_ones(bodies, lines)
    if len(ones) > len(chain):
        number = 0
        for c in ones:  # numbered in order; a break ('PAUSE - 10 min') takes its place but no number
            if BREAK_TITLE.match(c.title):
                c.number = None
            else:
                number += 1
                c.number = number
        return [Heading(c.index, c.number, c.title, warnings=["Punkterne var alle nummereret 1; de er nummereret "
                                                               "fortløbende i rækkefølge."] if k == 0 else [])
                for k, c in enumerate(ones)]
    contents = _list_block([c for c in cands if c.toc], len(lines) + 1)
    if len(contents) > len(chain):
        # only a contents list: its entries are the items (their bodies were not recognised)
        found = {c.number: c for c in chain if not c.list_member}
        return [Heading(found[c.number].index, c.number, c.title) if c.number in found
                else Heading(c.index, c.number, c.title, list_only=True) for c in contents]
    if not chain:
        return []
    _wrapped_list_entries(chain)
    # an agenda (or contents) list: a consecutive block of list lines before the first item body
    # (a "Punkt N" heading followed by its own section text is a body even when its neighbours sit close)
    first_body = next((c for c in chain if not c.list_member or (c.form == "punkt" and _has_body(c, cands, lines))),
                      None)
    if first_body is None:
        bodies_after = _bodies_after_list(chain, cands)
        if bodies_after:  # the list won the run (its bodies are fewer: the text stops, or some are unreadable)
            chain = chain + bodies_after
            first_body = bodies_after[0]
    chain = _with_repeated_numbers(chain, cands)
    agenda = _list_block(cands, first_body.index, lines) if first_body is not None else []
    restated = _bodies_restating(chain, cands) if not agenda else []
    if restated:  # the run is the agenda (a table's rows), the later 'Ad 1. Velkomst' headings its bodies
        agenda, chain = list(chain), chain + restated
    if agenda:
        agenda = agenda + _closed_tail(agenda, cands)
        after = agenda[-1].index
        body_chain = [c for c in chain if c.index > after]
        headings = []
        by_number = {c.number: c for c in body_chain}
        used = set()
        for entry in agenda:
            body = by_number.get(entry.number)
            if body is not None:
                used.add(body.number)
                same = fuzzy_same(entry.title, body.title)
                cut_short = entry.title.casefold().startswith(body.title.casefold().rstrip(" .:"))
                title = entry.title if not same or cut_short or len(entry.title) <= len(body.title) else body.title
                headings.append(Heading(body.index, body.number, title))
            else:
                # 'Ad 1. Dagsorden godkendt.' / 'Ad 2 Siden sidst' close together: the minutes of items, not a list
                own_minutes = bool(AD_FORM.match(lines[entry.index])) or _has_body(entry, cands, lines)
                headings.append(Heading(entry.index, entry.number, entry.title,
                                        list_only=bool(restated) or not own_minutes))
        for c in body_chain:
            if c.number not in used:
                headings.append(Heading(c.index, c.number, c.title))
        listed = {e.number for e in agenda}
        for c in chain:  # numbered headings of the run above the list (a list that starts at item 3) are items too
            if c.index < agenda[0].index and c.number not in listed and c.number not in used:
                headings.append(Heading(c.index, c.number, c.title, list_only=not _has_body(c, cands, lines)))
        headings.sort(key=lambda h: (h.number if h.number is not None else 0, h.index))
        return headings
    chosen = chain + _closed_tail(chain, cands)
    first_line = next((k for k, ln in enumerate(lines) if ln), -1)
    if len(chosen) == 1 and chosen[0].score < 2.5 and chosen[0].form != "punkt" and chosen[0].index != first_line \
            and not _under_items_label(lines, chosen[0].index) and not _titles_the_page(chosen[0], lines):
        return []  # one weak numbered line is no agenda ("1. Udkast klar ..." in the text); an item page's
        # own heading opens the page
    return [Heading(c.index, c.number, c.title, warnings=_numbering_notes(c, chosen)) for c in chosen]


def _titles_the_page(c: Candidate, lines: list[str]) -> bool:
    """An item page names its one item at its top ('Mødedato: …' / 'Meddelelser' / … / '3.      Meddelelser'): the
    numbered line's title is one of the page's first lines, above it."""
    top = [ln.strip().casefold() for ln in lines[:c.index] if ln.strip()][:4]
    return c.title.strip().casefold() in top


def _numbering_notes(c: Candidate, chosen: list[Candidate]) -> list[str]:
    if c.renumbered and c.number == 1:
        return [f"Punkt 1-{len([o for o in chosen if o.renumbered])} var alle nummereret 1; de er nummereret "
                "fortløbende i rækkefølge."]
    if c.restarted:
        return [f"Punkt {c.number} står som «1.» i teksten, mellem punkt {c.number - 1} og {c.number + 1}; det er "
                f"nummereret {c.number} efter sin plads."]
    return []


def _wrapped_list_entries(chain: list[Candidate]) -> None:
    """'4. Orientering fra kasserer.' / '5. Orientering fra div. udvalg: …' (wrapped onto a second line) / '6. …': an
    entry of the run a few lines from list entries on both sides is in that list, though its wrapped title does
    not look like a list line."""
    for before, c, after in zip(chain, chain[1:], chain[2:], strict=False):
        if not c.list_member and before.list_member and after.list_member and len(c.title) >= 40 \
                and c.form == before.form == after.form and c.form in ("numbered", "numbered2", "bare") \
                and c.index - before.index <= 4 and after.index - c.index <= 6:
            c.list_member = True


# 'Sagspunkter der blev behandlet på mødet: Fold alle ud', 'Dagsordenspunkter': the label of the list of items
ITEMS_LABEL = re.compile(r"^(?:sagspunkter|dagsordenspunkter|behandlede sager|punkter på dagsordenen|"
                         r"sager til (?:beslutning|orientering|drøftelse|behandling))\b.{0,60}$",
                         re.I)


def _under_items_label(lines: list[str], index: int) -> bool:
    """Does the label of a list of items stand right above this heading (a meeting page with one item)?"""
    above = next((lines[j].strip() for j in range(index - 1, max(-1, index - 5), -1) if lines[j].strip()), "")
    return bool(ITEMS_LABEL.match(above))


SLOT_PREFIX = re.compile(rf"^{SLOT_RANGE}\s+")


def _with_repeated_numbers(chain: list[Candidate], cands: list[Candidate]) -> list[Candidate]:
    """'Pkt. 2. Opfølgning …' / 'Pkt. 2. Orientering …' / 'Pkt. 4. …': a number written twice is two items. The
    only candidate between two headings of the run, of their form and strength, with the number of the one before
    (or, across a one-number gap, of either) and another title, joins the run."""
    if len(chain) < 3:
        return chain
    out = [chain[0]]
    for before, after in zip(chain, chain[1:], strict=False):
        between = [c for c in cands if before.index < c.index < after.index]
        gap = after.number - (before.through or before.number)
        numbers = (before.number,) if gap == 1 else (before.number, after.number) if gap == 2 else ()
        if len(between) == 1:
            c = between[0]
            if c.number in numbers and c.form == before.form and c.indent == before.indent and not c.toc \
                    and c.list_member == before.list_member and c.score >= before.score - 0.5 \
                    and not RECOMMENDATION_LINE.match(c.title) \
                    and not any(fuzzy_same(SLOT_PREFIX.sub("", c.title), SLOT_PREFIX.sub("", o.title))
                                for o in (before, after)):
                out.append(c)
        out.append(after)
    return out


def _bodies_restating(chain: list[Candidate], cands: list[Candidate]) -> list[Candidate]:
    """'1. 17.00-17.05 | Velkomst | …' … '7. …' (an agenda in a table's rows), then 'Ad.1 Velkomst', 'Ad. 2 …':
    later headings that restate the run's numbers and titles, in increasing order, are the items' bodies."""
    if len(chain) < 3:
        return []
    entries: dict[int, list[Candidate]] = {}
    for c in chain:
        entries.setdefault(c.number, []).append(c)
    found: list[Candidate] = []
    for c in sorted((c for c in cands if c.index > chain[-1].index and not c.toc), key=lambda c: c.index):
        if (not found or c.number > found[-1].number) and any(
                fuzzy_same(SLOT_PREFIX.sub("", e.title), c.title) for e in entries.get(c.number, [])):
            found.append(c)
    return found if len(found) >= 2 else []


def _bodies_after_list(chain: list[Candidate], cands: list[Candidate]) -> list[Candidate]:
    """'446. Godkendelse af dagsorden' … '468. Gensidig orientering' (an agenda list), then the bodies '446.
    Godkendelse af dagsorden', '447. Whistleblowerordning': headings after the list that repeat its entries' numbers
    and titles, in increasing order. They are the items' bodies though they make a shorter run than the list."""
    if not chain or not all(c.list_member for c in chain):
        return []
    entries = {c.number: c for c in chain}
    found: list[Candidate] = []
    for c in sorted((c for c in cands if c.index > chain[-1].index and not c.toc and not c.list_member),
                    key=lambda c: c.index):
        entry = entries.get(c.number)
        if entry is not None and (not found or c.number > found[-1].number) and fuzzy_same(entry.title, c.title):
            found.append(c)
    return found


def _closed_tail(chain: list[Candidate], cands: list[Candidate]) -> list[Candidate]:
    """'lukket 101 Lukket punkt - Personsag' right after '12 Sager til høring': closed items numbered in a series
    of their own (often from 101) continue the list, each on the next lines, numbered one up from the one before."""
    tail: list[Candidate] = []
    prev = chain[-1] if chain else None
    for c in sorted((c for c in cands if prev is not None and c.index > prev.index and not c.toc),
                    key=lambda c: c.index):
        closed = c.title.endswith("(Lukket)") or c.title.casefold().startswith("lukket")
        step = c.number - prev.number
        if not closed or c.index - prev.index > 3 or not (step == 1 if tail else step > 4):
            break
        tail.append(c)
        prev = c
    return tail


CLOSED_PART_LABEL = re.compile(r"^(?:lukket\s+(?:møde|del|dagsorden)(?:\s+af\s+mødet)?|"
                               r"lukkede\s+(?:dagsordens)?(?:punkter|sager)|"
                               r"fortrolig(?:e)?\s+(?:del|punkter|sager)|"
                               r"(?:(?:punkter|sager)\s+(?:til\s+behandling\s+)?)?for\s+lukkede\s+døre)\s*:?$", re.I)
# ('Lukket del af mødet', 'Punkter til behandling for lukkede døre' above the closed items)
# 'Åbent møde', 'Åbne punkter:': the open part's own label, ending a closed part above it
OPEN_PART_LABEL = re.compile(r"^(?:åben(?:t)?\s+(?:møde|del|dagsorden)|åbne\s+(?:punkter|sager))\s*:?$", re.I)


def part_label(line: str) -> bool | None:
    """A line of its own that opens the meeting's closed part (True) or its open part (False); None otherwise."""
    s = line.strip() if line else ""
    return True if CLOSED_PART_LABEL.match(s) else False if OPEN_PART_LABEL.match(s) else None


def _closed_part(cands: list[Candidate], lines: list[str]) -> list[Candidate]:
    """'14. Eventuelt' / 'LUKKET MØDE' / '1. Personalesag' / '2. ...': the closed part of the meeting under its own
    label, numbered from 1 again after open items, each numbered one up from the one before. Empty when the
    document has none."""
    ordered = sorted((c for c in cands if not c.toc), key=lambda c: c.index)
    for k, c in enumerate(ordered):
        if c.number != 1 or k == 0 or max(o.number for o in ordered[:k]) < 2:
            continue
        above = [j for j in range(ordered[k - 1].index + 1, c.index) if lines[j] and lines[j].strip()][-3:]
        if not any(CLOSED_PART_LABEL.match(lines[j].strip()) for j in above):
            continue
        part = [c]
        for o in ordered[k + 1:]:
            if o.number != part[-1].number + 1:
                break
            part.append(o)
        return part
    return []


SHORT_CODE = re.compile(r"^[A-ZÆØÅ]{2,5}$")  # a column of committee codes ("DIR", "FOU", "ØKE")


MEETING_HEADER_LABEL = re.compile(r"^(?:mødedato|dato|tidspunkt|mødetidspunkt|tid|mødested|sted)\s*:\s*\S", re.I)


HEADER_LABEL_RUN_ON = re.compile(r"^(?:(?:Fraværende|Afbud|Mødedeltagere|Deltagere|Til stede|Tilstede|Medlemmer)\s+"
                                 r"[A-ZÆØÅ][\w.-]+\s+[A-ZÆØÅ]|(?:Udvalg|Mødested)\s+\S)")


def _unnumbered_title(lines: list[str], label_at: int, floor: int) -> int | None:
    """The nearest title-shaped line above a case's first label, skipping case numbers, codes, short
    'Label: value' lines and prose; None when there is none after ``floor``."""
    seen = 0
    worded = None  # a title-shaped line that says something ('Referatet er udsendt den 31. maj 2021')
    for k in range(label_at - 1, floor - 1, -1):
        s = lines[k].strip()
        seen += bool(s)
        if seen > 30 or (worded is not None and seen > 4):
            return worded
        if MEETING_HEADER_LABEL.match(s):
            return worded  # 'Dato: …', 'Tid: …': the meeting's header; a case's title is never above it
        if not s or FURNITURE.match(s) or SHORT_CODE.match(s) or CASE_LINE.match(s) or label_role(s):
            continue
        if HEADER_LABEL_RUN_ON.match(s):
            continue  # 'Fraværende Christian Bach, …', 'Udvalg Viborg Udsatteråd': a header table's row, no colon
        if NUMBER_FORM.match(s) and _title_like(NUMBER_FORM.match(s).group(3)):
            return k  # one numbered heading that the section labels below confirm ("2. Godkendelse ... ( )")
        if re.match(r"^[^:]{1,40}:\s", s) or s.endswith(":") or re.match(r"^[-–•\d]", s):
            continue
        if len(s) > 150 or s.endswith((".", ",", ";")) or not _title_like(s):
            continue  # prose of the summary (or of the previous case's decision)
        if SENTENCE_VERB.search(s) and worded is None:
            worded = k  # the title, unless a line without a verb stands just above it
            continue
        return k
    return worded


def _inline_label_role(line: str) -> str | None:
    """'Beslutning: Dagsorden blev godkendt.', 'Resume: Der udsendes …': a section label with its text after it."""
    head = re.match(r"^([A-ZÆØÅ][\wæøå ]{2,30}):\s+\S", line.strip())
    return label_role(head.group(1) + ":") if head and len(head.group(1).split()) <= 3 else None


def _cover_sheet(title: str) -> bool:
    """'Titel' / 'Forside' / 'Sagsfremstilling' …: a meeting portal's cover sheet, first of its cases, is no item."""
    return title.casefold().strip(" .:") in ("forside", "indhold", "indholdsfortegnelse")


def one_label_cases(lines: list[str]) -> bool:
    """Whether the document's cases each carry only one lone description label (``_one_label_cases``)."""
    return _one_label_cases(lines, _label_groups(lines))


def _one_label_cases(lines: list[str], groups: list[tuple[int, set[str]]]) -> bool:
    """'Godkendelse af dagsorden' / 'Sagsfremstilling' / … / 'Meddelelser' / 'Sagsfremstilling': a portal page whose
    cases each carry only the label that opens a case's description, alone on its line. Three such cases or more
    (a cover sheet counts)."""
    return len(groups) >= 3 and all(roles == {"description"} and label_role(lines[i]) for i, roles in groups)


def _label_groups(lines: list[str]) -> list[tuple[int, set[str]]]:
    """The section labels in runs, one run a case: a new case begins where a label role repeats."""
    labels = [(i, label_role(ln) or _inline_label_role(ln)) for i, ln in enumerate(lines) if ln]
    labels = [(i, r) for i, r in labels if r]
    groups: list[tuple[int, set[str]]] = []
    last = None
    for i, role in labels:
        if not groups or role in groups[-1][1] or (last == "decision" and role != "attachments"):
            groups.append((i, {role}))
        else:
            groups[-1][1].add(role)
        last = role
    return groups


def unnumbered_headings(lines: list[str]) -> list[Heading]:
    """Items without numbers, found from the recurring structure of section labels: a case begins where a
    label role repeats ("Sagsfremstilling ... Beslutning" then "Sagsfremstilling" again); its title is the
    title-shaped line above its first label. Only when some case has at least two different labels."""
    groups = _label_groups(lines)
    if not any(len(roles) >= 2 for _, roles in groups) and not _one_label_cases(lines, groups):
        return []
    headings: list[Heading] = []
    floor = 0
    for start, _roles in groups:
        k = _unnumbered_title(lines, start, floor)
        if k is not None and not headings and _cover_sheet(lines[k].strip()):
            k = None
        if k is not None and (not headings or k > headings[-1].index):
            numbered = NUMBER_FORM.match(lines[k].strip())
            if numbered:
                headings.append(Heading(k, int(numbered.group(1)), _clean_title(numbered.group(3), False)))
            else:
                headings.append(Heading(k, None, lines[k].strip()))
        floor = start + 1
    return headings


# 'Bortfaldt, da 13 stemte for …', 'Pkt. 62, 111 og 138 1. behandlet i sammenhæng.', '2. behandling', 'Ændringsforslag
# til 2. beh': what happened to a proposal, written above its title
PROCEEDINGS_NOTE = re.compile(r"^(?:bortfald|udgår|trukket|udsat|henvist|pkt\.|ændringsforslag|\d\.\s*beh)|"
                              r"\bbehandlet\b|"
                              r"\bvedtaget\b|\bforkastet\b", re.I)
# '… arealanvendelse (Medlem af Inatsisartut …)': who proposed it, after the title
SPONSOR = r"\((?:Medlem|Formandskabet|Delegationsformand|Naalakkersuisut)\b[^()]*"
SPONSOR_TAIL = re.compile(rf"\s*{SPONSOR}\)?$")
SPONSOR_LINE = re.compile(rf"{SPONSOR}\)")  # ('(Medlem af Inatsisartut …)' alone under the title)
# 'Imm./pkt.: 19' (Inatsisartut's agenda: the item's number in the session, a label of its own on its line)
ITEM_NUMBER_LABEL = re.compile(r"^\s*Imm\.?\s*/\s*pkt\.?\s*:\s*(\d{1,3})\s*$", re.I)


def item_number_label_headings(lines: list[str]) -> list[Heading]:
    """'Imm./pkt.: 2' / 'Redegørelse for dagsordenen.' / '(Formandskabet …)' / 'Imm./pkt.: 19' / 'Forslag til …':
    an agenda whose items are numbered through the session, not in order, each number labelled on its own line
    above the title (a status line such as 'Bortfaldt, da …' may stand between). Two such items or more."""
    headings: list[Heading] = []
    for i, line in enumerate(lines):
        m = ITEM_NUMBER_LABEL.match(line or "")
        if not m:
            continue
        below = [k for k in range(i + 1, min(i + 7, len(lines))) if lines[k] and lines[k].strip()]
        stop = next((j for j, k in enumerate(below) if ITEM_NUMBER_LABEL.match(lines[k])), len(below))
        titles = [k for k in below[:stop] if not lines[k].strip().startswith("(")
                  and not PROCEEDINGS_NOTE.search(lines[k].strip())]  # ('Bortfaldt, da 13 stemte for …': its fate)
        if titles:
            title = SPONSOR_TAIL.sub("", lines[titles[0]].strip())
            # (its first sentence: '… handlingsplan … Grønland. Handlingsplanen skal forelægges senest FM2024')
            title = re.split(r"(?<=[a-zæøå0-9])\.\s+(?=[A-ZÆØÅ])", title, maxsplit=1)[0].rstrip(".")
            headings.append(Heading(titles[0], int(m.group(1)), title))
    return headings if len(headings) >= 2 else []


def item_page_heading(lines: list[str]) -> list[Heading]:
    """'Mødedato: 12.05.2020, kl. 12:30' / 'Mødested: Teams' / 'Godkendelse af dagsorden' / 'Se alle bilag' /
    'Beslutning': a meeting portal's page of one item, its title the only line above the item's first section
    label besides the meeting's header labels and the page's furniture."""
    above: list[int] = []
    for k, ln in enumerate(lines):
        s = ln.strip() if ln else ""
        if not s or FURNITURE.match(s) or MEETING_HEADER_LABEL.match(s):
            continue
        role = label_role(s) or _inline_label_role(s)
        if role == "minutes":
            return []  # 'Referat': the document's own kind, a page of minutes, not of one item
        if role:
            break
        above.append(k)
        if len(above) > 1:
            return []
    else:
        return []
    if len(above) != 1:
        return []
    title = lines[above[0]].strip()
    if len(title) > 150 or not _title_like(title) or title.endswith((".", ":")) or is_sentence(title) \
            or NUMBER_FORM.match(title) or _cover_sheet(title):
        return []
    return [Heading(above[0], None, title)]


OWN_LABEL = re.compile(r"^[A-ZÆØÅ][a-zæøå]+(?:\s[a-zæøå]+)?\s*:?$")  # 'Indhold:', 'Referat', 'Til drøftelse'


# 'Naalakkersuisut besluttede, at give afslag …': a decision sentence that opens every case's text the same way
# ('Landsstyret besluttede,' over bulleted decisions)
DECISION_OPENER = re.compile(r"^(?P<who>[A-ZÆØÅ][a-zæøå]+\s(?:besluttede|vedtog))(?=\s*,\s*at\s|\s+at\s|\s*[,:]\s*$)")


def _own_label(line: str) -> str | None:
    s = line.strip()
    if len(s) > 30 or not OWN_LABEL.match(s):
        opener = DECISION_OPENER.match(s) if "besluttede" in s or "vedtog" in s else None
        return opener.group("who").lower() if opener else None
    return s.rstrip(" :").lower()


DECISION_LABEL = re.compile(r"(?:^|\s)(?:besluttede|vedtog|beslutning)$")


# '7,9 mio. kr. og …': the full stops of abbreviations, which end no sentence
ABBREVIATED = re.compile(r"\b(?:" + "|".join(sorted(ABBREVIATIONS | {"kr", "mio", "mia", "iht", "ifm"}, key=len,
                                                    reverse=True)) + r")\.", re.I)


def recurring_label_headings(lines: list[str]) -> list[Heading]:
    """Items without numbers, found from the document's own section labels: when at least two different short
    label lines recur in the same order in every case ('Indhold:' ... 'Referat' ... then 'Indhold:' again),
    each case's title is the title-shaped line right above its first label. Only when the cycle is regular:
    at least two cases, each opening with the same label and holding at least two different labels."""
    labelled = [(i, _own_label(ln)) for i, ln in enumerate(lines) if ln]
    labelled = [(i, lab) for i, lab in labelled if lab]
    counts: dict[str, int] = {}
    for _, lab in labelled:
        counts[lab] = counts.get(lab, 0) + 1
    recurring = [(i, lab) for i, lab in labelled if counts[lab] >= 2]
    if not recurring:
        return []
    top = max(counts[lab] for _, lab in recurring)
    opener = next(lab for _, lab in recurring if counts[lab] == top)  # the label every case has
    recurring = recurring[next(k for k, (_, lab) in enumerate(recurring) if lab == opener):]
    cycles: list[list[tuple[int, str]]] = []
    for i, lab in recurring:
        if lab == opener:
            cycles.append([(i, lab)])
        elif cycles:
            cycles[-1].append((i, lab))
    # a decision label alone ('Naalakkersuisut besluttede:' under every case's title) is a cycle of its own
    if len(cycles) < 2 or (any(len({lab for _, lab in c}) < 2 for c in cycles) and not DECISION_LABEL.search(opener)):
        return []
    shape = [lab for _, lab in cycles[0]]
    if any([lab for _, lab in c][:2] != shape[:2] for c in cycles):
        return []  # the labels do not recur in one order: no unambiguous cases
    headings: list[Heading] = []
    floor = 0
    for c in cycles:
        at = c[0][0]
        k = next((j for j in range(at - 1, floor - 1, -1) if lines[j].strip()), None)
        if k is None:
            return []
        t = lines[k].strip()
        # (a web page's blank line between them changes nothing)
        straight_above_a_decision = bool(DECISION_LABEL.search(opener)) and not any(
            lines[j].strip() for j in range(k + 1, at))
        if t.endswith(".") and straight_above_a_decision and ABBREVIATED.sub("", t).count(". ") == 0:
            t = t[:-1]  # 'Selvstyrets bekendtgørelse om … USA.': one sentence above 'Naalakkersuisut besluttede'
        longest = 500 if straight_above_a_decision else 150  # (a proposal's whole wording above its decision)
        if len(t) > longest or t.endswith((".", ":", ",")) or not _title_like(t[:250]) \
                or counts.get(_own_label(t) or "", 0) >= 2:
            return []  # a case without a title line above it: not unambiguous
        if _cover_sheet(t) and not headings:
            floor = c[-1][0] + 1
            continue
        headings.append(Heading(k, None, t))
        floor = c[-1][0] + 1
    return headings


# 'Årshjul - Ansvarlig (René) - Proces (Drøftelse)': a title, then the same labelled fields on every item's line
TEMPLATE_FIELD = re.compile(r"\s[-–|]\s+(?P<label>[A-ZÆØÅ][a-zæøå]{2,20})\s*[(:]")


def templated_headings(lines: list[str]) -> list[Heading]:
    """Items without numbers whose heading lines share one template of the document's own: a title followed by
    the same labelled fields in the same order ('Titel - Ansvarlig (X) - Proces (Y)'). At least three lines of
    one template, each with a title-shaped part before its first field; the title is that part."""
    shapes: dict[tuple[str, ...], list[tuple[int, str]]] = {}
    for i, ln in enumerate(lines):
        if not ln or len(ln) > 200:
            continue
        fields = list(TEMPLATE_FIELD.finditer(ln))
        if not fields:
            continue
        title = ln[:fields[0].start()].strip(" -–|")
        if not _title_like(title) or len(title) > 120 or title.endswith("."):
            continue
        shapes.setdefault(tuple(f.group("label").lower() for f in fields), []).append((i, title))
    best = max(shapes.values(), key=len, default=[])
    if len(best) < 3:
        return []
    return [Heading(i, None, title) for i, title in best]


# 'Budget 24-27 (Orientering)', 'Stillingsopslag (Orientering + Beslutning):': a title and what the meeting does with
# it, in brackets, on a line of its own
PURPOSE_LINE = re.compile(r"^(?P<title>[A-ZÆØÅ].{2,110}?)\s*\((?i:orientering|beslutning|drøftelse|godkendelse)"
                          r"(?:\s*[+/,]\s*(?i:orientering|beslutning|drøftelse|godkendelse))*\)\s*:?\s*$")


def purpose_headings(lines: list[str]) -> list[Heading]:
    """Items without numbers, each a line of its own ending in its purpose in brackets; at least three such lines
    (fewer may be sub-points or remarks)."""
    found = [(i, m.group("title").strip(" -–:")) for i, ln in enumerate(lines) if ln and len(ln) <= 160
             for m in [PURPOSE_LINE.match(ln.strip())] if m and _title_like(m.group("title"))]
    return [Heading(i, None, title) for i, title in found] if len(found) >= 3 else []


DECIMAL_LINE = re.compile(r"^(?P<group>\d{1,2})\.(?P<point>\d{1,2})\.?\s+(?P<title>[A-ZÆØÅ].{1,200})$")


def decimal_headings(lines: list[str]) -> list[Heading]:
    """Items numbered within groups ('1.0. SSF-sager' / '1.1. Godkendelse af …' / '1.2. …' / '2.0. DAK-sager' /
    '2.1. …'): the points are the items, without a whole number of their own; the '.0' lines are the groups'
    names. Only when the points count from 1 within each group, three points or more."""
    found: list[tuple[int, int, int, str]] = []
    for i, ln in enumerate(lines):
        m = DECIMAL_LINE.match(ln.strip()) if ln and ln.lstrip()[:1].isdigit() else None
        if m:
            found.append((i, int(m.group("group")), int(m.group("point")), m.group("title").strip()))
    points = [f for f in found if f[2] > 0]
    if len(points) < 3:
        return []
    last: dict[int, int] = {}
    for _i, group, point, _title in points:
        if point != last.get(group, 0) + 1:
            return []  # not a count within groups: a date, a version, a list of section numbers
        last[group] = point
    return [Heading(i, None, title) for i, _g, _p, title in points]


BULLET_TITLE = re.compile(r"^[-–•]\s+(?P<title>\S.*)$")


LETTERED = re.compile(r"^(?P<letter>[A-Ha-h])[.)]\s+(?P<title>[A-ZÆØÅ].{1,150})$")


def lettered_headings(lines: list[str], first: str = "A") -> list[Heading]:
    """Standing items lettered 'A.', 'B.', 'C.' … in order (three or more), each with text of its own before the
    next: items without a number ('A. Godkendelse af referat' / text / 'B. Godkendelse af dagsorden' / text).
    With ``first="a"``: 'a. Godkendelse af referat' … 'e. Meddelelser' in a document that numbers no item."""
    found: list[tuple[int, str]] = []
    letters = "abcdefgh" if first == "a" else "ABCDEFGH"
    for i, ln in enumerate(lines):
        m = LETTERED.match(ln.strip()) if ln and ln.lstrip()[:1] in letters else None
        if m and ord(m.group("letter")) - ord(first) == len(found):
            found.append((i, m.group("title").strip()))
    if len(found) < 3:
        return []
    for (a, _), (b, _) in zip(found, found[1:], strict=False):
        if not any(lines[k] for k in range(a + 1, b)):
            return []  # a list of lettered lines (recommendations, options), not items with text
    if sum(bool(NUMBERED_ITEM_LINE.match(next((x for x in lines[i + 1:] if x), "").strip())) for i, _ in found) \
            * 2 >= len(found):
        return []  # 'A. Sager til afgørelse i byrådet' / '1 Boliger ved …': the groups of numbered items, no items
    return [Heading(i, None, title) for i, title in found]


NUMBERED_ITEM_LINE = re.compile(r"^\d{1,3}[.)]?\s+[A-ZÆØÅ\"“]")


def lower_lettered_headings(lines: list[str]) -> list[Heading]:
    """'Faste punkter' / 'a. Godkendelse af referat' / text / 'b. Godkendelse af dagsorden' / text …: the last resort
    of a document that numbers no item (lower-case letters are more often a decision's sub-points)."""
    return lettered_headings(lines, first="a")


def _label_line(line: str) -> bool:
    """'Beslutning', 'Referat:' or 'Beslutning: Dagsorden blev godkendt': a section label, alone or before its text."""
    if len(line.split()) <= 4 and label_role(line):
        return True
    return bool(_inline_label_role(line))


def bulleted_headings(lines: list[str]) -> list[Heading]:
    """Items without numbers written as bullets ('- Godkendelse af dagsorden' / 'Beslutning' / 'Godkendt.' /
    '- Høringer' / ... / 'Beslutning' / ...): a title-shaped bullet line is an item when a section label line
    ('Beslutning', 'Referat', 'Sagsfremstilling') follows it before the next bullet. Only when at least two bullets
    are items and they are most of the bullets from the first item on (not a bulleted list in a text)."""
    bullets = []
    under_recommendation = False  # 'Formandskabet indstiller, at:' / '• Bestyrelsen godkender …': what is proposed
    for i, ln in enumerate(lines):
        m = BULLET_TITLE.match(ln.strip()) if ln else None
        if ln and not m:
            under_recommendation = label_role(ln) == "recommendations"
        if m:
            t = m.group("title").strip()
            if len(t) <= 60 and t.endswith(":"):
                t = t[:-1].strip()  # '- Siden sidst:' above its text
            bullets.append((i, t if len(t) <= 150 and not t.endswith((".", ",", ";", ":")) and _title_like(t)
                            and not under_recommendation else None))
    found: list[Heading] = []
    for k, (i, title) in enumerate(bullets):
        stop = bullets[k + 1][0] if k + 1 < len(bullets) else len(lines)
        labelled = any(lines[j] and _label_line(lines[j]) for j in range(i + 1, stop))
        last_with_text = k == len(bullets) - 1 and len(found) >= 2 and any(lines[j] for j in range(i + 1, stop))
        if title and (labelled or last_with_text):  # the last one's label may be missing where the text stops
            found.append(Heading(i, None, title))
    if len(found) < 2:
        return []
    after_first = [b for b in bullets if b[0] >= found[0].index]
    if 2 * len(found) < len(after_first):
        return []
    return found


# '• Godkendelse dagsorden: Tilføjelse …', '• Meddelser:': a bullet whose short label before a colon names the item
LABEL_BULLET = re.compile(r"^[-–•*]\s+(?P<label>[A-ZÆØÅ][^:]{1,60}?)\s*:(?:\s+\S.*)?\s*$")


def labelled_bullet_headings(lines: list[str]) -> list[Heading]:
    """Items without numbers written as bullets that each begin with the item's name and a colon, the minute after
    it ('• Godkendelse dagsorden: Tilføjelse …' / '• Referent: …' / '• Byggeudvalg: Spær opsat …'): at least three
    such bullets, and most of the bullets from the first of them on. The label is the title."""
    bullets = [(i, ln.strip()) for i, ln in enumerate(lines) if ln and BULLET_TITLE.match(ln.strip())]
    found = []
    for i, text in bullets:
        m = LABEL_BULLET.match(text)
        label = m.group("label").strip() if m else ""
        if label and len(label.split()) <= 8 and not SENTENCE_VERB.search(label) and not dates_in(label):
            found.append(Heading(i, None, label))
    if len(found) < 3:
        return []
    between = [ln for ln in lines[found[0].index:found[-1].index]
               if ln and ln.strip() and not BULLET_TITLE.match(ln.strip())]
    if not between:
        return []  # one block of such bullets ('Ansøgninger' / '• Visby lokalråd: …' / …): a list inside an item
    after_first = [b for b in bullets if b[0] >= found[0].index]
    return found if 3 * len(found) >= 2 * len(after_first) else []


# 'Dagsorden:                     Referat:': a two-column table's header, the agenda's titles left, the minutes right
AGENDA_MINUTES_HEADER = re.compile(r"^dagsorden\s*:?\s+(?:referat|beslutning(?:er)?|bemærkninger)\s*:?$", re.I)
TITLE_COLON_TEXT = re.compile(r"^(?P<title>[A-ZÆØÅ][^:]{2,200}?)\s*:\s+\S")


def colon_titled_lines(lines: list[str]) -> list[Heading]:
    """'Dagsorden:      Referat:' / 'Godkendelse af dagsorden:  Godkendt' / 'Valg af dirigent: Nina Hviid' / …: a
    two-column table of agenda and minutes flattened one row a line, the title before the colon. Only under that
    header, three rows at least, and most lines with text below the header such rows (a wrapped decision may stand
    between them); the title is never a person's name or a section label."""
    start = next((k for k, ln in enumerate(lines) if ln and AGENDA_MINUTES_HEADER.match(ln.strip())), None)
    if start is None:
        return []
    found: list[Heading] = []
    texts = 0
    for k in range(start + 1, len(lines)):
        s = lines[k].strip() if lines[k] else ""
        if not s:
            continue
        texts += 1
        m = TITLE_COLON_TEXT.match(s)
        title = m.group("title").strip() if m else ""
        if title and _title_like(title) and not re.fullmatch(NAME, title) and not label_role(title + ":"):
            found.append(Heading(k, None, title))
    return found if len(found) >= 3 and 3 * len(found) >= 2 * texts else []


def bullet_agenda_before(lines: list[str], first: int) -> list[Heading]:
    """'Referat' / '- Godkendelse af dagsorden' / '- Center Bakkehuset' / ... right before the first numbered item
    body (a line or two of web furniture between): the run of at least three title-shaped bullets under a short
    label line, as headings without numbers. Empty when there is none."""
    k = first - 1
    skipped = 0
    while k >= 0 and (not lines[k] or not BULLET_TITLE.match(lines[k].strip())):
        skipped += bool(lines[k])
        if skipped > 2:
            return []
        k -= 1
    found: list[Heading] = []
    while k >= 0:
        s = lines[k].strip() if lines[k] else ""
        m = BULLET_TITLE.match(s) if s else None
        if s and not m:
            break
        if m:
            title = m.group("title").strip()
            if len(title) > 150 or not _title_like(title) or title.endswith((".", ",", ";")):
                return []
            found.append(Heading(k, None, title))
        k -= 1
    label = lines[k].strip() if k >= 0 and lines[k] else ""
    if len(found) < 3 or not label or len(label) > 40 or label.endswith("."):
        return []
    return found[::-1]


# 'Mødet har følgende dagsorden:', 'Programmet er således:' above the bullets
# ('På mødet … var følgende på dagsordenen:': a news page telling what a meeting dealt with)
AGENDA_SENTENCE = re.compile(r"\bfølgende\s+(?:på\s+)?dagsorden(?:en)?\b|^programmet\b[^.]{0,30}:$|^program\s*:$",
                             re.I)
# 'Herudover var der punkter til orientering fra:': a sentence between two bullet runs of one agenda
MORE_POINTS_LINE = re.compile(r"^[A-ZÆØÅ][^.]{0,80}\bpunkter\b[^.]{0,40}:$")
AGENDA_LABEL = re.compile(r"^(?:(?:foreløbig|endelig|revideret)\s+)?"
                          r"(?:dagsorden|dagsordenspunkter|punkter på dagsordenen)\b[^.:]{0,30}:?$", re.I)
SECTION_LABEL_LINE = re.compile(r"^[A-ZÆØÅ][\wæøå -]{2,30}:$")  # 'Lukket møde:' between two bullet lists


PEOPLE_OR_AGENDA_LABEL = re.compile(r"^(?:dagsorden|afbud(?:\s+fra)?|fraværende|øvrige deltagere|deltagere|til stede|"
                                    r"tilstede|referent)\s*:?\s*$", re.I)


def paragraph_headings(lines: list[str]) -> list[Heading]:
    """'Afbud' / 'Børge Anker' / '' / 'Godkendelse af dagsorden' / 'Dagsorden udsendt af formanden blev godkendt' /
    '' / 'Valg af mødeleder til næste møde' / 'Bente Steffensen': minutes whose items have no numbers and no section
    labels, each a short title line after a blank line with its text right under it. Only below the agenda's or the
    people's label, only title-shaped lines (no colon, no full stop, not a name), and only when two or more are
    found; the last resort when nothing else finds the items."""
    start = next((k + 1 for k in range(len(lines) - 1, -1, -1)
                  if lines[k] and PEOPLE_OR_AGENDA_LABEL.match(lines[k].strip())), None)
    if start is None:
        return []
    found: list[Heading] = []
    for k in range(start, len(lines) - 1):
        s = lines[k].strip() if lines[k] else ""
        below = lines[k + 1].strip() if lines[k + 1] else ""
        above = lines[k - 1].strip() if k and lines[k - 1] else ""
        if not s or above or not below or len(s) > 120:
            continue
        if not _bare_title_line(s) or is_sentence(s):
            continue
        found.append(Heading(k, None, s))
    return found if len(found) >= 2 else _spaced_paragraph_headings(lines, start)


def _bare_title_line(s: str) -> bool:
    """A line that may be an unmarked item's title: title-shaped, no colon, no closing full stop, not a name, a
    section label, web furniture or a bullet."""
    return not (":" in s or s.endswith((".", ",", ";")) or not _title_like(s) or re.fullmatch(NAME, s)
                or label_role(s) or FURNITURE.match(s) or LEADING_BULLET.match(s))


# 'Referatet godkendes', 'Der ønskes tilbagemelding …', 'Datoer for SB-møder meldes ud': a line of minutes, no title
# ('Virkelig god måde at fremlægge årsberetning på': a sentence of minutes ending on its preposition)
MINUTES_LINE = re.compile(r"^(?:Der|Det|Vi|Man|Han|Hun|De|Den|Alle)\s|\s[a-zæøå]{3,}es\b|\s(?:på|af|om|med|ved)$")


def _spaced_paragraph_headings(lines: list[str], start: int) -> list[Heading]:
    """'Dagsorden' / '' / 'Godkendelse af referat (vedhæftet)' / '' / 'Referatet godkendes' / '' / 'Evaluering af
    årsmødet' / '' / 'Flot fremmøde - ca. 60 fremmødte.': a school's web page (Aula and the like) that sets a blank
    line between every title and its minutes, so a title has no text right under it. A title-shaped line counts when
    the next line with text, within four lines, is its minutes: a sentence, or longer than the title line. Three
    such titles at least; a short line of minutes ('Referatet godkendes') is never one."""
    found: list[Heading] = []
    for k in range(start, len(lines) - 1):
        s = lines[k].strip() if lines[k] else ""
        above = lines[k - 1].strip() if k and lines[k - 1] else ""
        if not s or above or len(s) > 100 or s.endswith(("!", "?")) or not _bare_title_line(s):
            continue
        if not s[0].isalpha() or re.match(r"[A-ZÆØÅ]\.[a-zæøå]", s):
            continue  # '20 min' (a table's duration column), 'F.eks. projekt …' (an example in the minutes)
        if SENTENCE_VERB.search(s) or MINUTES_LINE.search(s) or PEOPLE_OR_AGENDA_LABEL.match(s):
            continue
        text = next((lines[j].strip() for j in range(k + 1, min(len(lines), k + 5)) if lines[j] and lines[j].strip()),
                    "")
        if text and (text.endswith((".", ":")) or SENTENCE_VERB.search(text) or len(text) > len(s) + 20):
            found.append(Heading(k, None, s))
    return found if len(found) >= 3 else []


def agenda_bullets(lines: list[str]) -> list[Heading]:
    """An agenda written as bullets under its label ('Dagsorden - åbent møde:' / '• Godkendelse af …' / … /
    'Lukket møde:' / '• …'), with no item text below (a news page announcing a meeting): every bullet is an
    item. Only a run of at least three bullets right under the label; a label line ending in a colon may part two
    runs."""
    for k, ln in enumerate(lines):
        sentence = bool(ln) and bool(AGENDA_SENTENCE.search(ln))
        if not ln or (not sentence and (len(ln) > 60 or not AGENDA_LABEL.match(ln.strip()))):
            continue
        found: list[Heading] = []
        lead = 2 if sentence else 0  # 'Mødet har følgende dagsorden jfr. …' may wrap onto a line or two
        closed = False  # under 'Lukket møde:': every bullet below it is a closed item
        for j in range(k + 1, min(len(lines), k + 400)):
            s = lines[j].strip() if lines[j] else ""
            if not s:
                continue
            m = BULLET_TITLE.match(s)
            if m and found and m.group("title")[:1].islower():
                # '- Valg af valgbestyrelse, som … valg af' / '- præsterepræsentant til …': a wrapped bullet
                last = found[-1]
                found[-1] = Heading(last.index, None, f"{last.title} {m.group('title').strip()}", closed=last.closed)
            elif m and len(m.group("title")) <= 200:
                title = m.group("title").strip()
                note = REFERENCE_NOTE.search(title)  # '… for SDU. Se bilag: Fundingstrategi'
                found.append(Heading(j, None, title[:note.start()] if note and note.start() >= 8 else title,
                                     closed=closed))
            elif not found and lead:
                lead -= 1
            elif SECTION_LABEL_LINE.match(s):  # 'Åbent møde:' before the first bullet, 'Lukket møde:' between
                closed = bool(CLOSED_PART_LABEL.match(s))
            elif found and sentence and MORE_POINTS_LINE.match(s):
                continue
            else:
                break
        if len(found) < 3 and not sentence:
            found = _plain_agenda_lines(lines, k + 1)
        if len(found) >= 3:
            return found
    return []


# a bullet glyph alone on its line: '•', '▪', or a symbol font's private-use bullet ('\uf0b7', '\uf0a7')
LONE_BULLET = re.compile(r"[•▪◦●·\uf0b7\uf0a7\uf076\uf0d8\uf0fc\-–]")


def _plain_agenda_lines(lines: list[str], start: int) -> list[Heading]:
    """'Foreløbig dagsorden for mødet' / 'Velkomst ved formanden' / 'Oplæg fra KL …' / 'Drøftelse': the agenda's
    lines with their bullets lost (a PDF's text layer), one title a line with no blank line between them and no
    full stop; the block ends at the first blank line after it. A web page may set one blank line between the
    titles ('Valg af dirigent.' / '' / 'Bestyrelsens beretning' / '' / …): then four titles at least, a title may
    end on a full stop, and the block ends at two blank lines."""
    found: list[Heading] = []
    closed = False  # under 'Lukket møde:' ('Åbent møde:' / titles / 'Lukket møde:' / titles)
    spaced: bool | None = None  # one blank line between the titles (decided by the first two)
    blanks = 0
    for j in range(start, min(len(lines), start + 80)):
        s = lines[j].strip() if lines[j] else ""
        if not s or (not found and LONE_BULLET.fullmatch(s)):
            blanks += bool(found)
            if found and (spaced is False or blanks > 1 or (spaced is None and len(found) > 1)):
                break
            continue  # ('\uf0b7' six times, then the six titles: a PDF's column of bullets read apart from its text)
        if found and spaced is None:
            spaced = blanks == 1
        elif found and spaced and blanks != 1:
            break
        blanks = 0
        if SECTION_LABEL_LINE.match(s):
            closed = bool(CLOSED_PART_LABEL.match(s))
            continue
        stop = s.endswith((":", ",", ";")) or (s.endswith(".") and not (spaced is not False and len(s) <= 60))
        if len(s) > 120 or stop or not _title_like(s) or BULLET_TITLE.match(s) \
                or (NUMBER_FORM.match(s) and not ORDINAL_WORD_FIRST.match(s)) or SENTENCE_VERB.search(s):
            # the page's text goes on right under a long list ('Dagsordenen er fremlagt på …'): the list ends
            return found if len(found) >= 8 else []
        found.append(Heading(j, None, s, closed=closed))
    if (spaced and len(found) < 4) or (not spaced and any(h.title.endswith(".") for h in found)):
        return []
    return found


# '2. behandling af Budget 2026': an ordinal in the title's first words, not an item number
ORDINAL_WORD_FIRST = re.compile(r"^\d{1,2}\.\s+[a-zæøå]")


SLOT_LINE = re.compile(
    r"^(?:kl\.?\s*)?(\d{1,2})[.:](\d{2})(?:\s*(?:[-–—]|til)\s*(?:kl\.?\s*)?(\d{1,2})[.:](\d{2}))?"
    r"\s*(?:[:\t]|\s[-–]\s|\s)\s*(?P<title>[A-ZÆØÅ].*)$", re.I)


def slot_headings(lines: list[str]) -> list[Heading]:
    """Items without numbers, each opening with its time ('13.00-13.10 Velkomst', 'Kl. 13.10 Orientering om
    budget', a table row '13.40<tab>Eventuelt<tab>Alle'): at least two such title-shaped lines whose times never go
    back. The heading carries its time in brackets, so the item gets its start (and end)."""
    found: list[tuple[int, datetime.time, str]] = []
    for i, ln in enumerate(lines):
        m = SLOT_LINE.match(ln.strip()) if ln else None
        if not m:
            continue
        title = m.group("title").split("\t")[0].strip()
        start = _t(m.group(1), m.group(2))
        if start is None or len(title) > 150 or title.endswith((".", ",", ";")) or not _title_like(title) \
                or SENTENCE_VERB.search(title):
            continue
        slot = f"{m.group(1)}.{m.group(2)}" + (f"-{m.group(3)}.{m.group(4)}" if m.group(3) else "")
        found.append((i, start, f"{title} (kl. {slot})"))
    if len(found) < 2 or any(b[1] < a[1] for a, b in zip(found, found[1:], strict=False)):
        return []
    return [Heading(i, None, title) for i, _, title in found]


# --- header search -------------------------------------------------------------------------

MONTHS = {
    "januar": 1, "jan": 1, "februar": 2, "feb": 2, "marts": 3, "mar": 3, "april": 4, "apr": 4, "maj": 5,
    "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
# '… frem til 31. marts' over a line of only '2008': a date in a title wrapped before its year
DAY_AND_MONTH_END = re.compile(rf"\b\d{{1,2}}\.\s*(?:{MONTH_RE})$", re.I)
YEAR_LINE = re.compile(r"(?:19|20)\d{2}")
EN_MONTHS = {**MONTHS, "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "october": 10}
DATE_MONTH_FIRST = re.compile(
    rf"\b({'|'.join(sorted(EN_MONTHS, key=len, reverse=True))})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)",
    re.I)
# '3. marts 2026', '3.marts 2026', '5 . marts 2026' (a transcript's space), '3 March 2026' (English, day first)
DATE_WORDS = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?\s?\.?[\s-]*({'|'.join(sorted(EN_MONTHS, key=len, reverse=True))})\.?"
    rf"(?:\s+\2)?,?[\s-]*(\d{{4}})(?!\d)", re.I)
DATE_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
DATE_NUM = re.compile(r"(?<![\d-])(\d{1,2})\s*([-./])\s*(\d{1,2})\s*(?:\2|\s)\s*(\d{4}|\d{2})(?![\d-])")
DATE_SLASH_DASH = re.compile(r"(?<![\d-])(\d{1,2})(/)(\d{1,2})\s*-\s*(\d{4})(?![\d-])")  # 'd. 3/3-2026'
TIME = r"(\d{1,2})[.:](\d{2})"
# (after «kl.» a comma may part the hours and minutes too: 'kl. 15,30 i Sognehuset')
KL = re.compile(rf"\b(?:kl\.?:?|klokken)\s*(\d{{1,2}})[.:,](\d{{2}})(?:\s*(?:[-–—]|til)\s*(?:kl\.?\s*)?{TIME})?", re.I)
KL_HOURS = re.compile(
    r"\b(?:kl\.?|klokken)\s*(\d{1,2})(?![\d.:])(?:\s*(?:[-–—]|til)\s*(\d{1,2})(?:[.:](\d{2}))?)?", re.I)
BARE_SLOT = re.compile(rf"(?<![\d.:]){TIME}(?::\d{{2}})?\s*(?:[-–—]|til)\s*{TIME}(?![\d])")
BARE_TIME = re.compile(rf"(?<![\d.:]){TIME}(?::\d{{2}})?(?![\d.])")
END_SENTENCE = re.compile(
    rf"\b(?:mødet|møde)\s+(?:blev\s+)?(?:hævet|hævedes|sluttede|slut|afsluttet|afsluttedes|ophørte)\s*(?:kl\.?|klokken)?\s*"
    rf"{TIME}",
    re.I)
# ('Mødet påbegyndt:' / '12.00' and 'Mødet afsluttet:' / '14.10': the labels as a sentence's start)
START_LABEL = re.compile(r"^(?:starttidspunkt|mødestart|start|mødetidspunkt|tidspunkt|tid|mødetid|varighed|"
                         r"mødet\s+(?:påbegyndt|begyndt|startet)(?=\s*(?::|$)))"
                         r"(?:\s+for\s+møde)?\s*:?\s*(.*)$",
                         re.I)
END_LABEL = re.compile(r"^(?:sluttidspunkt|mødeslut|slut|mødet\s+(?:afsluttet|sluttet|hævet)(?=\s*(?::|$)))"
                       r"(?:\s+for\s+møde)?\s*:?\s*(.*)$", re.I)
DATE_LABEL = re.compile(r"^(?:mødedato|dato|møde\s*dato|afholdt|mødedag)\s*:?\s*(.*)$", re.I)
# a label with no value of its own ('Mødested: Bemærkninger:' is no place; 'MødestedMødelokale 1, Rådhuset' is)
PLACE_LABEL_ONLY = re.compile(r"^(?:mødested|sted|(?:møde\s*)?lokation|mødelokale|lokale|adresse|placering)\s*(?::|$)",
                              re.I)
PLACE_THEN_KL = re.compile(r",?\s+kl\.?\s*(\d{1,2})[.:](\d{2})\.?\s*$")
# '15.30-17.00', '17.00 til 19.00. Sommerbespisning …': the meeting's hours on a header line of their own
TIME_RANGE_LINE = re.compile(r"^\s*\d{1,2}[.:]\d{2}\s*(?:[-–]|til)\s*\d{1,2}[.:]\d{2}\b")
# (never the start of a longer word: 'Stedfortrædere: Anders Brandt Sørensen' names a substitute)
PLACE_LABEL = re.compile(r"^(?:mødested|sted|(?:møde\s*)?lokation|mødelokale|lokale|adresse|placering|mødeafholdelse)"
                         r"(?-i:(?![a-zæøå]))\s*:?\s*(.*)$", re.I)
BODY_LABEL = re.compile(r"^(?:udvalg|mødeforum|forum|organ|råd)\s*:?\s*(.*)$", re.I)
# 'Behandlet og godkendt af menighedsrådet 9. oktober 2019': the minutes' approval, not the meeting's date
PRINT_DATE = re.compile(r"udsendelsesdato|udskrevet|printet|offentliggjort|opdateret|publiceret|"
                        r"(?:behandlet og )?godkendt af\b", re.I)
WEEKDAY = r"(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)"
MEETING_WORDS = re.compile(rf"\b(?:møde\w*|referat|dagsorden|dato|den|d\.|kl\.?|afholdt|{WEEKDAY})\b", re.I)


def _date_from(m: re.Match, kind: str) -> datetime.date | None:
    try:
        if kind == "words":
            return datetime.date(int(m.group(3)), EN_MONTHS[m.group(2).lower()], int(m.group(1)))
        if kind == "iso":
            return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if kind == "month_first":
            return datetime.date(int(m.group(3)), EN_MONTHS[m.group(1).lower()], int(m.group(2)))
        year = int(m.group(4))
        year = year + 2000 if year < 100 else year
        return datetime.date(year, int(m.group(3)), int(m.group(1)))
    except (ValueError, KeyError):
        return None


# '8/29/2019 4:00:00 PM': a meeting portal printing its dates in American order (month first, a 12-hour clock)
US_DATETIME = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})\s+(\d{1,2}):(\d{2})(?::\d{2})?\s*([AP]M)\b")


def us_datetime(text: str) -> tuple[datetime.date, datetime.time] | None:
    """The date and time of '8/29/2019 4:00:00 PM' (month first: the AM/PM clock says the order), or None."""
    m = US_DATETIME.search(text) if "M" in text else None
    if not m:
        return None
    hour = int(m.group(4)) % 12 + (12 if m.group(6) == "PM" else 0)
    try:
        return datetime.date(int(m.group(3)), int(m.group(1)), int(m.group(2))), datetime.time(hour, int(m.group(5)))
    except ValueError:
        return None


def dates_in(text: str) -> list[tuple[int, datetime.date]]:
    found = []
    us = [(m.start(), m.end()) for m in US_DATETIME.finditer(text)] if "M" in text else []
    for a, _b in us:
        when = us_datetime(text[a:])
        if when:
            found.append((a, when[0]))
    patterns = ((DATE_WORDS, "words"), (DATE_ISO, "iso"), (DATE_NUM, "num"), (DATE_SLASH_DASH, "num"),
                (DATE_MONTH_FIRST, "month_first"))
    for pattern, kind in patterns:
        for m in pattern.finditer(text):
            if any(a <= m.start() < b for a, b in us):
                continue  # read above in its own order
            d = _date_from(m, kind)
            if d and 1990 <= d.year <= 2100:
                found.append((m.start(), d))
    return sorted(found, key=lambda x: x[0])


DATE_THEN_TIME = re.compile(rf"\d{{4}}\s*(?:[-–,]\s*|\s+){TIME}(?![\d.])")  # '22-12-2020 13:00' (no 'kl.')
# 'Mødet (i Sundhedsudvalget) begyndte kl. 14:30 (og sluttede kl. 17:00)', anywhere in the document; an agenda says
# it ahead ('Mødet begynder kl. 16.00')
START_SENTENCE = re.compile(
    rf"\b[Mm]ødet(?:\s+i\s+(?P<body>[A-ZÆØÅ][\w\- ]{{2,60}}?))?\s+(?:blev\s+)?(?:begyndte|startede|indledtes|"
    rf"åbnedes|blev\s+åbnet|blev\s+sat|sattes|begynder|starter|indledes|åbnes|sættes)\s+(?:kl\.?|klokken)\s*{TIME}"
    rf"(?:\s*(?:,\s*)?og\s+(?:sluttede|blev\s+hævet|hævedes|afsluttedes)\s+(?:kl\.?|klokken)\s*{TIME})?")


def _t(h, m) -> datetime.time | None:
    try:
        return datetime.time(int(h), int(m or 0))
    except (TypeError, ValueError):
        return None


def times_in(text: str) -> tuple[datetime.time | None, datetime.time | None]:
    """(start, end) from 'kl. 14:00 - 16:00', 'kl. 9-11', 'Kl. 18.00 – 20.30', '09:00:00', '8/29/2019 4:00:00 PM'."""
    us = us_datetime(text)
    if us:
        return us[1], None
    m = KL.search(text)
    if m:
        return _t(m.group(1), m.group(2)), (_t(m.group(3), m.group(4)) if m.group(3) else None)
    m = BARE_SLOT.search(text)
    if m:
        return _t(m.group(1), m.group(2)), _t(m.group(3), m.group(4))
    m = KL_HOURS.search(text)
    if m:
        return _t(m.group(1), 0), (_t(m.group(2), m.group(3)) if m.group(2) else None)
    return None, None


@dataclass
class HeaderFound:
    date: datetime.date | None = None
    start: datetime.time | None = None
    end: datetime.time | None = None
    place: str | None = None
    body: str | None = None


def _next_value(lines: list[str], k: int) -> str:
    return next((x for x in lines[k + 1:k + 4] if x), "")


DAY_MONTH_KL = re.compile(rf"\b\d{{1,2}}\.?\s*(?:{MONTH_RE})\b.{{0,12}}\bkl\.?\s*\d", re.I)  # 'den 25. maj kl.18.30'
PLACE_SENTENCE = re.compile(
    # ('… kl i Nicolaihuset': a transcript that lost the time's digits)
    r"(?:\bkl\.?(?:\s*\d{1,2}(?:[.:,]\d{2})?(?:\s*(?:[-–]|til)\s*\d{1,2}(?:[.:]\d{2})?)?(?:\s+afholdes)?"
    r"|(?=\s+(?:i|på)\s))|afholdtes|"
    r"afholdt\b.{0,60}?|"
    r"\bmødet\s+(?:af)?holdes|\bmødet\s+finder\s+sted|\bmødet\s+foregår|\bvi\s+mødes|\bmødested er|\bafvikles|"
    r"(?<=\d)(?<!\d\d\d\d\d)(?<=\d{4}))\s+(?:i|på|hos)\s+(?P<place>[A-ZÆØÅ0-9][^\n]{2,120}?)"
    r"(?:\s*(?:$|(?<!\bSct)(?<!\bSkt)(?<!\bSt)(?<!\b[A-ZÆØÅ][a-zæøå])(?<!\b[A-ZÆØÅ][a-zæøå]{2})(?<!\b\w)(?<!\d)"
    r"\.\s|\s+kl\b|\s+Til stede|\s+inkl\.|\s+den\s+\d))",
    re.I)
# ('Regionshuset, 4180 Sorø og er åbent for offentligheden': the sentence goes on after 'og' and a verb)
PLACE_TAIL = re.compile(r"\s+(?:samt|dvs\.?|med|hvor|og efterfølgende|efterfulgt af)\s.*$|\s*\+.*$"
                        r"|\s+og\s+(?:er|bliver|vil|kan|skal|holdes|afholdes|foregår|starter|begynder|slutter)\s.*$"
                        r"|,?\s+(?i:(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\b|den\s+\d|d\.\s*\d).*$")


# an address line under a place: 'Havnegade 12', 'Havnegade 12, 1. sal', '4000 Roskilde'
ADDRESS_LINE = re.compile(
    r"^(?:[A-ZÆØÅ][\wæøå.'-]*(?:\s[\wæøåÆØÅ.'-]+){0,3}\s\d{1,4}\s?[A-Za-z]?(?:,\s*[\w. ]{1,20})?"
    r"|\d{4}\s+[A-ZÆØÅ][\wæøå-]+(?:\s[A-ZÆØÅ][\wæøå-]+){0,2})$")


def extend_address(place: str | None, lines: list[str]) -> str | None:
    """A place written over several lines ('Aktivitetshuset (salen)' / 'Møllegade 3' / '4000 Roskilde'): the
    address lines right under the place's line are part of it, joined with commas."""
    if not place:
        return place
    for k, ln in enumerate(lines):
        if ln.strip() and ln.strip().endswith(place):
            extra = []
            for nxt in lines[k + 1:k + 4]:
                t = nxt.strip()
                if not t or not ADDRESS_LINE.match(t) or dates_in(t) or KL.search(t):
                    break
                extra.append(t)
            return ", ".join([place] + extra)
    return place


def place_end(place: str) -> str:
    """'Selmersbo samt efterfølgende frokost på …', 'Selmersbo dvs fysisk møde': the place ends before
    what the sentence goes on to say; 'Mødesalen, Ringe - Ekstraordinært': the kind of meeting is no place."""
    place = MEETING_KIND_TAIL.sub("", place)
    return PLACE_TAIL.sub("", place).strip(" ,.") or place


MEETING_KIND_TAIL = re.compile(r"\s*[-–]\s*(?:ekstraordinært|ordinært)(?:\s+møde)?\s*$", re.I)


PLACE_BEFORE_DAY = re.compile(rf"^(?P<place>[A-ZÆØÅ][\wæøå-]+(?:\s+[A-ZÆØÅ][\wæøå-]+){{0,3}}),?\s+(?i:{WEEKDAY})\b"
                              rf"[^\n]{{0,30}}?\d{{1,2}}\.?\s*\w+[^\n]{{0,12}}\bkl\.?\s*\d")
# 'Menighedsrådsmøde i Vejlby Sognegård tirsdag den 24. september 2024': a meeting held in a house, not a body's
MEETING_AT_PLACE = re.compile(rf"^\w*møde\s+i\s+(?P<place>[A-ZÆØÅ][\wæøå -]{{2,50}}?(?i:sognegård|sognehus|"
                              rf"præstegård|kirkehus|rådhus|medborgerhus|forsamlingshus|kirkesal|mødesal)\w*)"
                              rf",?\s+(?i:{WEEKDAY})\b")
# 'Skolebestyrelsesmøde på Frejlev Skole', 'Referat af skolebestyrelsesmøde på Herlev Byskole afd. ENG Tirsdag …'
MEETING_ON_PLACE = re.compile(rf"^(?:(?i:referat|dagsorden)\s+(?:af|fra|til)\s+)?\w*møde\s+på\s+"
                              rf"(?P<place>[A-ZÆØÅ][\wæøå.\- ]{{2,60}}?)(?=,?\s+(?i:{WEEKDAY})\b|\s*$)")
# 'Kommunalbestyrelsen ( Fjerde ordinære møde) :30 Kommunalbestyrelsessalen Information : …': a transcript of
# Sermersooq's meeting pages, the place after the time that lost its hour
PLACE_AFTER_KIND_AND_TIME = re.compile(r"(?i:møde)\)\s+:\d{2}\s+(?P<place>[A-ZÆØÅ][^:\n]{2,60}?)"
                                       r"(?=\s+Information\s*:|\s*$)")
MEETING_WORD = re.compile(r"møde\b", re.I)
KIND_WORD = re.compile(r"\b(?:dagsorden|referat|forside)\b", re.I)  # ('Forside Dagsorden Fredag den …': no place)
# 'Seniorrådet tirsdag den 26. april 2022 kl. 10:00': the body named before the day, not a place
DEFINITE_BODY_END = re.compile(r"(?:rådet|udvalget|bestyrelsen|nævnet|kommissionen|repræsentantskabet)$", re.I)
HELD_AT_ADDRESS = re.compile(r"\b[Mm]ødet\s+(?:afholdtes|afholdes|holdtes|holdes)\s+"
                             r"(?P<place>[A-ZÆØÅ][\wæøå -]{2,40}\s\d{1,3}[a-zA-Z]?(?:,\s*\d{4}\s+[A-ZÆØÅ][\wæøå-]+)?)")
# "Bestyrelsesmøde 29. januar 2016 kl. 10.00, Ved Fjorden 20": the place after the time and a comma
PLACE_AFTER_TIME = re.compile(
    r"\b(?:kl\.?|klokken)\s*\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?\s*(?:,|[-–]|\.(?=\s+[A-ZÆØÅ][^.]*$))\s+"
    r"(?P<place>[A-ZÆØÅ][^\n]{2,120}?),?\s*$"  # '... kl. 13.00. Kontrabassen, Rådhuset' (a title) too
    r"|\bkl\.?\s*\d{1,2}(?:[.:]\d{2})?,\s+(?P<room>[a-zæøå]{4,30}(?:et|en|ne))\.?\s*$")  # '… kl. 17, provstikontoret.'
# 'Mødeafholdelse Tjørnegårdsskolen, Brogårdsvej 64, 2820 Gentofte Protokollen blev læst og mødet hævet …': the
# place label without its colon inside a transcript's run of the header, up to the next label or sentence
HELD_AT_LABEL_IN_RUN = re.compile(r"\bMødeafholdelse:?\s+(?P<place>[A-ZÆØÅ][^:]{1,80}?)(?=\s+(?:Protokollen|"
                                  r"Tilstede|Til stede|Fraværende|Deltagere|Medlemmer|Mødet|Information)\b|\s*$)")
# 'Møde i Vækstforum Sjælland torsdag den 6. september 2012 kl. 09:30 Sørup Herregaard, Ringsted. Deltagere:',
# '… den 26. marts 2015 kl Selandia Park 8, 4100 Ringsted': a dated title line (often a transcript's, its digits
# lost) that names the place right after the time, to its end or to a last label
PLACE_AFTER_BARE_TIME = re.compile(
    rf"(?i:\b(?:{WEEKDAY}|\d{{4}}|den)\b[^:\n]{{0,40}}?\bkl\.?)(?:\s*\d{{1,2}}[.:]\d{{2}}"
    r"(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?)?[.,]?\s+(?P<place>[A-ZÆØÅ][^:\n]{2,80}?)"
    r"(?:(?:\.\s+[A-ZÆØÅ][a-zæøå]+\.?\s*:?|\.?)\s*$|\s+(?=(?:Medlemmer|Deltagere|Afbud|Fraværende)\s))")
# 'Mødelokale: Medlemmer: Afbud: 213, Mødelokale Henrik Zimino, Allan Andersen, …', 'Mødested: Fraværende: Mødelokale
# 122, Hjørring Rådhus Børge Bech, Ib Rævdal, …': a transcript of a header table whose labels ran together before
# their values; the first value is the place's, up to the list of names
PLACE_LABEL_COLUMNS = re.compile(r"\b(?:Mødelokale|Mødested|Sted)\s*:\s*(?P<labels>(?:[A-ZÆØÅ][a-zæøå]+\s*:\s*){1,4})"
                                 r"(?P<values>[^:\n]{3,400})")
NAME_CHUNK = re.compile(r"[A-ZÆØÅ][\wæøå-]+(?:\s+(?:[A-ZÆØÅ]\.|[A-ZÆØÅ][\wæøå-]+)){1,3}")


STACKED_LABEL = re.compile(r"^[A-ZÆØÅ][\wæøå ]{1,25}:$")


def place_in_stacked_labels(lines: list[str], k: int) -> str | None:
    """'Mødedato:' / 'Mødetidspunkt:' / 'Mødested:' / 'Bemærkninger:' / 'Mandag den 16. marts 2015' / 'Kl. 17:00' /
    'Det Hvide Værelse, Rådhuset': a header table's labels in one column above its values, in the same order; the
    place label's value is the one at its place in the run."""
    spots = [j for j, x in enumerate(lines) if x and x.strip()]
    at = spots.index(k)
    first = at
    while first > 0 and STACKED_LABEL.match(lines[spots[first - 1]].strip()):
        first -= 1
    last = at
    while last + 1 < len(spots) and STACKED_LABEL.match(lines[spots[last + 1]].strip()):
        last += 1
    position = at - first
    values = [lines[j].strip() for j in spots[last + 1:last + 2 + position]]
    if last == first or len(values) <= position or any(STACKED_LABEL.match(v) for v in values):
        return None
    place = values[position]
    return place if len(place) <= 100 and not dates_in(place) and not KL.search(place) \
        and not KL_HOURS.search(place) else None


def _with_values_below(lines: list[str], k: int) -> str:
    """A line that ends in a label ('Mødelokale: Medlemmer:'), joined with the lines below up to one with values."""
    joined = lines[k]
    for below in lines[k + 1:k + 4]:
        if not joined.rstrip().endswith(":"):
            break
        joined += " " + (below or "")
    return joined


def place_in_label_columns(line: str) -> str | None:
    """The place of a header whose labels ran together ('Mødelokale: Fraværende: Byrådssalen Erik Lund, Søren …'):
    the values' text before the first person of the comma-separated names that follow it."""
    m = PLACE_LABEL_COLUMNS.search(line)
    if not m or dates_in(m.group("values")[:30]) or re.match(rf"(?i:{WEEKDAY})", m.group("values")):
        return None
    chunks = [re.sub(r"\s*\([^()]{0,30}\)", "", c).strip() for c in m.group("values").split(",")]
    for k, chunk in enumerate(chunks[:4]):
        following = [c for c in chunks[k + 1:k + 3] if c]
        if len(following) < 2 or not all(NAME_CHUNK.fullmatch(c) for c in following):
            continue
        tokens = chunk.split()
        size = 3 if len(tokens) >= 4 and not words.common_word(tokens[-3]) else 2
        if len(tokens) <= size or not NAME_CHUNK.fullmatch(" ".join(tokens[-size:])):
            continue  # ('213, Mødelokale Henrik Zimino, …': a part of the place, before the part the names begin in)
        place = ", ".join(chunks[:k] + [" ".join(tokens[:-size])])
        return place if len(place) <= 100 and not SENTENCE_VERB.search(place) else None
    return None


# ('… den 7. maj 2010 kl Meddelelser fra formanden.': the first item after the time, no place)
AGENDA_OPENING = re.compile(r"(?i:meddelelse|orientering|godkendelse|velkomst|indledning|eventuelt|dagsorden|"
                            r"spørgetid|valg\b|konstituering)")
# 'MØDETIDSPUNKT :00 MØDESTED Regionsgården, mødelokale H7 MEDLEMMER …': a transcript's header run in capitals,
# the place between its label and the next
PLACE_CAPITALS_LABEL_IN_RUN = re.compile(r"\bMØDESTED:?\s+(?P<place>[A-ZÆØÅ][^:\n]{1,120}?)(?=\s+(?:MEDLEMMER|"
                                         r"DELTAGERE|AFBUD|FRAVÆRENDE|TIL STEDE|MØDETIDSPUNKT|DATO)\b)")
# another header label right after 'Mødested:' ('Mødested: Bemærkninger: …'): the place is empty
LABEL_NOT_PLACE = re.compile(r"^(?:bemærkninger|medlemmer|deltagere|afbud|fraværende|referent|dato|tid|mødedato|"
                             r"mødetidspunkt|sluttidspunkt|til stede|gæster)\s*:", re.I)
NO_PLACE = re.compile(r"^(?:mødet\s+)?(?:afholdes|holdes|afvikles|finder\s+sted|foregår)\s*[.:]?\s*$", re.I)  # cut off
ROOM_WORD = re.compile(
    r"\b(?:mødelokale|mødelokalet|konferencelokale|mødesal(?:en)?|byrådssal(?:en)?|rådssal(?:en)?)\b", re.I)
# 'Mødelokale 20', 'Mødelokale 1.2, Hospitalet': the room line is the place
ROOM_LINE = re.compile(r"^(?:møde)?lokale\s+[\w.-]{1,8}(?:,\s*[A-ZÆØÅ][^:]{1,60})?$", re.I)
NEXT_LABEL = re.compile(r"\s+(?:Tid|Sted|Dato|Mødested|Deltagere|Medlemmer|Afbud|Referent|Fraværende)\s*:.*$"
                        # ('Blåt mødelokale Amtstue Alle 71 Medlemmer Hanne Hyldgaard …': a people label, no colon)
                        r"|\s+(?:Medlemmer|Deltagere|Fraværende|Afbud)\s+(?=[A-ZÆØÅ][a-zæøå]+\s+[A-ZÆØÅ]).*$")
BODY_SENTENCE = re.compile(
    r"\b(?:til\s+)?(?:mødet|møde|referat|dagsorden|beslutningsprotokol)\s+(?:i|for)\s+"
    r"(?:det\s+|den\s+)?(?P<body>[A-ZÆØÅ][\w.\-–&/ ]{2,80}?)(?=\s*(?:$|\s(?:den|d\.|afholdt|onsdag|mandag|tirsdag|"
    r"torsdag|fredag|lørdag|søndag|kl\.?)\b|[,.(]|\s+\d))", re.I)
GENITIVE_BODY = re.compile(
    r"\b(?P<body>[A-ZÆØÅ][a-zæøå-]*(?:rådet|udvalget|bestyrelsen|gruppen|forummet|nævnet))s\s+"
    r"(?:(?:ekstra)?ordinære\s+|konstituerende\s+)?møde\b")
DECISION_BODY = re.compile(r"^(?P<body>[A-ZÆØÅ][\w\-– ]{2,80}?),\s*\d{1,2}-\d{1,2}-\d{4},\s*pkt\.?\s*\d")
# 'Naalakkersuisut besluttede følgende på sit møde 2. marts': the body that met, the subject of the sentence
OWN_MEETING_BODY = re.compile(r"^(?P<body>[A-ZÆØÅ][\w\-– ]{2,60}?)\s+(?:besluttede|vedtog|drøftede|behandlede)\s+"
                              r"(?:følgende\s+)?på\s+(?:sit|sine|deres)\s+møde")
COMPOUND_DATE_BODY = re.compile(r"^(?P<body>[A-ZÆØÅ][a-zæøå]+møde)\s+(?:den\s+|d\.\s*)?\d{1,2}\.")
LISTING_BODY = re.compile(
    r"^(?:dagsord(?:e)?ner og referater|referater og dagsord(?:e)?ner)\s+(?P<body>[A-ZÆØÅ].{2,80})$", re.I)
TITLE_BODY = re.compile(r"^(?P<body>[A-ZÆØÅ][^-–]{2,80}?)\s+[-–]\s+(?:referat|dagsorden|beslutningsprotokol)\b", re.I)
KIND_BODY = re.compile(r"^(?:referat|dagsorden)\s*[-–:]\s*(?P<body>[A-ZÆØÅ].{2,80}?)\s+(?:den|d\.)\s+\d", re.I)
MOEDE_BODY = re.compile(rf"\b(?:MØDE|Møde)\s+(?P<body>[A-ZÆØÅ][\w -]{{2,60}}?)(?=[.,]|\s+(?:{WEEKDAY})|\s+den\b)", re.I)
PREFIX_BODY = re.compile(r"^(?:referat|dagsorden)\s+(?:af|fra)?\s*"
                         r"(?P<body>[a-zæøå]*møde[a-zæøå]*|[A-ZÆØÅ][\w -]{2,60}?)\s+"
                         rf"(?:{WEEKDAY}|d\.|den|\d)", re.I)


def _body_clean(body: str) -> str:
    body = re.sub(rf"\s+(?:{WEEKDAY}).*$", "", body, flags=re.I)
    body = re.sub(r"^(?:referat|dagsorden|beslutningsprotokol)\s*[-–:]\s*", "", body, flags=re.I)  # 'Referat - X'
    body = re.sub(r"\s+(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d$", "", body)  # 'Regionsrådet 2018-2021': the period
    body = re.sub(r"\s*\((?:referat|dagsorden)\)\s*$", "", body, flags=re.I)
    return body.strip(" -–:,.")


MEETING_COMPOUND = re.compile(
    r"^(?:(?:ekstra)?ordinært|konstituerende)?\s*(?P<stem>[A-Za-zÆØÅæøå-]{3,}?)s?møde(?:t|r|rne)?\b", re.I)
MEETING_VERB = re.compile(r"^mødet\s+(?:afholdtes|afholdt|blev|holdes|finder)\b", re.I)
MUNICIPALITY = re.compile(r"^[A-ZÆØÅ][\w-]*\s+(?:kommune|region)$", re.I)


def _definite(stem: str) -> str | None:
    low = stem.lower()
    if low.endswith(("else", "gruppe", "komité", "komite")):
        return low + "n"
    if low.endswith(("råd", "udvalg", "panel", "netværk", "forum")):
        return low + ("met" if low.endswith("forum") else "et")
    return None


def body_name(body: str | None) -> str | None:
    """The body as it names itself: 'bestyrelsesmøde' -> 'Bestyrelsen', 'Klyngerådsmøde' -> 'Klyngerådet',
    'Egebjerg Kommune. Kommunalbestyrelsen.' -> 'Kommunalbestyrelsen'; 'Mødet afholdtes i ...' is no body."""
    if not body:
        return body
    body = re.sub(r"(?<=\w)[\s.]+$", "", body.strip())  # 'Kommunalbestyrelsen.  .'
    body = re.sub(r"(?<=\w)s?\s+møde$", "", body)  # 'Social og sundheds møde': the body's meeting
    # '1   Handicaprådet Møde nr.: 4': a transcript's page number before it, the meeting's number after it
    body = re.sub(r"\s+møde\s*nr\.?\s*:?\s*\d{1,3}$", "", re.sub(r"^\d{1,3}\s+(?=[A-ZÆØÅ])", "", body), flags=re.I)
    # 'Ældre- og Sundhedsudvalget Beslutningsprotokol', 'Handicaprådet REFERAT. Mødedato: …': the kind after it
    # ('Socialudvalget. Beslutningsprotokol' too)
    body = re.sub(r"(?<=\w)\.?\s+(?:beslutningsprotokol|referat|dagsorden)\b.*$", "", body, flags=re.I) or body
    # 'Beslutningsprotokol Mørke Kirke menighedsråd', 'Referat Handicaprådet': the kind before it
    body = re.sub(r"^(?:beslutningsprotokol(?:lat)?|referat|dagsorden)\s+(?=[A-ZÆØÅ])", "", body, flags=re.I) or body
    # 'År 2014-2017 Integrationsrådet': the council's term before it
    body = re.sub(r"^(?:år|periode|valgperiode)\s+\d{4}\s*[-–]\s*\d{4}\s+(?=[A-ZÆØÅ])", "", body, flags=re.I)
    if re.match(rf"^[\wæøå-]+:\s+{NAME}\s*\([A-ZÆØÅ]{{1,3}}\)", body):
        return None  # 'Byråd: Kai Nielsen (V)': a member's seat and name, no body
    # 'Tønder Kommune Kommunalbestyrelsen': the authority before the body
    body = re.sub(r"^(?:[A-ZÆØÅ][\w-]+\s+){1,2}(?:Kommune|Region)\s+(?=[A-ZÆØÅ][\w-]*(?:bestyrelse|råd|udvalg)\w*$)",
                  "", body)
    # 'ØKONOMIUDVALGET FOR NORDFYNS KOMMUNE', 'Handicaprådet i Odense Kommune': the authority after the body
    body = re.sub(r"^(.*?(?:bestyrelsen?|udvalg(?:et)?|råd(?:et)?))\s+(?:for|i)\s+(?:[\w-]+\s+){1,2}"
                  r"(?:kommune|region)$", r"\1", body, flags=re.I)
    if body.isupper() and len(body) > 6 and all(words.common_word(w) for w in re.findall(r"[^\W\d_]+", body)):
        # 'ØKONOMIUDVALGET', 'ERHVERVS- OG FRITIDSUDVALGET' (a heading in capitals): as the body names itself; not
        # 'KULTURREGION MIDT- OG VESTSJÆLLAND', whose name's capitals are not known
        body = body[:1] + body[1:].lower()
    # 'Kommunalbestyrelsen Mødetidspunkt': a transcript's next label after it
    body = re.sub(r"(?<=\w)\s+(?:Mødetidspunkt|Mødedato|Mødested|Mødelokale)\b.*$", "", body)
    if re.match(r"^(?:der|det|vi|man)\s+(?:skal|er|var|blev|har|vil|kan)\b", body, re.I):
        return None  # 'Der skal nedsættes en arbejdsgruppe': a sentence, no body
    if MEETING_VERB.match(body):
        return None
    m = MEETING_COMPOUND.match(body)
    if m and m.group("stem").lower() not in ("møde", "det"):
        definite = _definite(m.group("stem"))
        if definite:
            return definite[:1].upper() + definite[1:]
    segments = [x.strip(" .") for x in re.split(r"(?<!\bvedr)(?<!\bang)(?<!\bbl)(?<!\bca)\.\s+", body) if x.strip(" .")]
    if len(segments) > 1:
        named = [x for x in segments if not MUNICIPALITY.match(x)]
        if named:
            return named[-1]
    return body


STAMP_LINE = re.compile(rf"^(?:{WEEKDAY}\s*,?\s*(?:d\.|den)?\s*)?(?P<date>[\d.\-/ ]+\w*\.?[\d ,]*)$", re.I)
YEAR = re.compile(r"(?<![\d.,-])((?:19|20)\d\d)(?![\d])")


def past_page_stamp(date: datetime.date, header: list[str], text: str) -> datetime.date | None:
    """A web page's own date stamped above the meeting's ('Mandag, 09 december 2019' / '14. august 2012
    (ekstraordinær)'): when the first header line is only a date, the read date is that one, and one of the next
    three lines holds another date whose year the document's text (the stamp included) names more often, or as
    often and earlier (a page stamps the day it was shown, after the meeting), that other date is the meeting's.
    None when there is no such stamp."""
    if not header or not STAMP_LINE.match(header[0].strip()):
        return None
    stamp = dates_in(header[0])
    if not stamp or stamp[0][1] != date:
        return None
    years = [int(y) for y in YEAR.findall(text)]
    for ln in header[1:4]:
        for _, other in dates_in(ln):
            if other != date and (years.count(other.year), other < date) > (years.count(date.year), False):
                return other
    return None


HOURS_ONLY = re.compile(r"^(?:fra\s+)?(\d{1,2})(?:\s*(?:[-–]|til)\s*(\d{1,2}))?\s*$", re.I)  # a time label's '14-16'
MEETING_TIME_LINE = re.compile(r"\b(?:møde|mødet|mødes|mødetid)\b", re.I)


def meeting_time_line(line: str) -> bool:
    """'Ekstraordinært møde - Mødelokale F7 kl. 12.00', 'Mødet starter kl. 17': a header line about the meeting
    with a time in it, but no date (never 'Næste møde ...')."""
    return bool(MEETING_TIME_LINE.search(line) and (KL.search(line) or KL_HOURS.search(line))) \
        and not re.search(r"\bnæste\s+møde", line, re.I)


def starts_with_date(line: str) -> bool:
    """'3. marts 2026, 14.00-16.00' opens with a date (not an item number)."""
    found = dates_in(line)
    return bool(found) and found[0][0] == 0


def room_segment(line: str) -> str | None:
    """The part of a header line that names a room ('Mødelokale F7' in 'Ekstraordinært møde - Mødelokale F7
    kl. 12.00'), its time taken off; None when no dash-separated part names one."""
    parts = re.split(r"\s+[-–—|]\s+", line.strip())
    if len(parts) < 2:
        return None
    for part in parts:
        t = KL.sub("", part).strip(" ,.")
        if ROOM_WORD.search(t) and len(t) <= 60 and t[:1].isupper() and not dates_in(t) and ":" not in t \
                and not SENTENCE_VERB.search(t) and not re.search(r"\d{1,2}[.:]\d{2}", t):
            return t
    return None


DATE_TIME_ONLY = re.compile(rf"^(?:{WEEKDAY}\s*,?\s*(?:d\.|den)?\s*)?"
                            rf"(?:[\d.\-/ ]{{6,12}}|\d{{1,2}}\.?\s*(?:{MONTH_RE})\.?\s*\d{{4}},?)\s*(?:kl\.?\s*)?"
                            rf"\d{{1,2}}[.:]\d{{2}}(?:\s*[-–]\s*\d{{1,2}}[.:]\d{{2}})?\.?$", re.I)


# a line that only names a body: 'Ældrerådet', 'Social- og Sundhedsudvalget'
BODY_NAME_LINE = re.compile(r"[A-ZÆØÅ][\wæøå-]*(?:\s+(?:og\s+)?[\wæøå-]+){0,3}(?:udvalg|råd|bestyrelse|nævn)(?:et|en)?")


STREET_LINE = re.compile(r"^[A-ZÆØÅ][\wæøå.-]*(?:vej|gade|torv|torvet|plads|pladsen|allé|alle|vænget|stræde|"
                         r"boulevard|park|parken)\s+\d{1,4}[A-Za-z]?\b")
# 'Peter Fjelstrups Vej 12', 'Niels Bohrs Vej 6', 'Skolegade 3': a street and its number after a house's name
STREET_PART = re.compile(r"^(?:[A-ZÆØÅ][\wæøå.-]*\s+){0,3}(?:[A-ZÆØÅ][\wæøå.-]*(?:vej|gade|torv|plads|allé|stræde)|"
                         r"Vej|Gade|Allé|Plads|Torv|Stræde)\s+\d{1,4}[A-Za-z]?\b")
# 'Referat fra Landdistriktsudvalgsmøde den 17. juni' / 'i Arrild Feriecenters Restaurant': where, right under
IN_PLACE_LINE = re.compile(r"^(?:i|på)\s+(?P<place>[A-ZÆØÅ][^:,.]{2,60}?)\.?$")


def place_after_dated_title(lines: list[str]) -> str | None:
    """The place in a line of its own beginning 'i' or 'på', right under the first line that dates the meeting."""
    nonempty = [x.strip() for x in lines if x and x.strip()][:8]
    for k, ln in enumerate(nonempty[:-1]):
        if re.search(rf"(?i)\b\d{{1,2}}\.\s*(?:{MONTH_RE})\b", ln) and re.search(r"(?i)møde|referat|dagsorden", ln):
            m = IN_PLACE_LINE.match(nonempty[k + 1])
            return m.group("place") if m and not SENTENCE_VERB.search(m.group("place")) else None
    return None


KIND_PREFIX = re.compile(r"^(?i:referat|dagsorden|beslutningsprotokol)\s*:\s*")
# 'kommunalbestyrelsessalen, Landemærket 26, Rønne': a room, a street and its number (any street name), a town
ROOM_STREET_TOWN = re.compile(r"[\wæøåÆØÅ][\wæøåÆØÅ .-]{2,60},\s*[A-ZÆØÅ][\wæøå.-]+(?:\s+[A-ZÆØÅ][\wæøå.-]+){0,2}"
                              r"\s+\d{1,4}[A-Za-z]?\s*,\s*(?:\d{4}\s+)?[A-ZÆØÅ][\wæøå.-]+(?:\s+[A-ZÆØÅ][\wæøå.-]+)?\.?")


def place_under_date(lines: list[str]) -> str | None:
    """'08-03-2021 16:00' then 'Video' (a template that prints date, time and place on three short lines): the
    short capitalised line right under a line of only the date and time, when it is no label, name of a body,
    kind of document or list of people."""
    nonempty = [x.strip() for x in lines if x and x.strip()][:12]
    for k, ln in enumerate(nonempty[:-1]):
        ln = KIND_PREFIX.sub("", ln)  # 'Referat: 20. september 2022 kl. 14:00' / 'Innovest, Ånumvej 28, Skjern'
        named = PLACE_BEFORE_DAY.match(ln)
        if named and DEFINITE_BODY_END.search(named.group("place")):
            ln = ln[named.end("place"):].lstrip(" ,")  # 'Seniorrådet tirsdag den 26. april 2022 kl. 10:00'
        if not DATE_TIME_ONLY.match(ln) or not dates_in(ln):
            continue
        nxt = nonempty[k + 1]
        if BODY_NAME_LINE.fullmatch(nxt) and k + 2 < len(nonempty):
            nxt = nonempty[k + 2]  # 'Torsdag 10. nov 2016 kl. 10:30' / 'Ældrerådet' / 'Nicolaiplads 6 - Festsalen'
        if (STREET_LINE.match(nxt) or any(STREET_PART.match(p.strip()) for p in nxt.split(",")[1:])
                or ROOM_STREET_TOWN.fullmatch(nxt)) and len(nxt) <= 100 and not KL.search(nxt):
            # 'Rådhustorvet 5, 2. sal – indgang gennem gården.', 'Kulturhavn Gilleleje, Peter Fjelstrups Vej 12':
            # an address under the date
            return nxt.rstrip(".")
        if len(nxt) <= 40 and nxt[:1].isupper() and ":" not in nxt and not dates_in(nxt) and not KL.search(nxt) \
                and not re.search(r"\b(?:referat|dagsorden|medlemmer|deltagere|afbud|fraværende|indhold)", nxt, re.I) \
                and not re.search(r"(?:udvalg|råd|bestyrelse|gruppe|forum|nævn)(?:et|en|s)?\b", nxt, re.I) \
                and not SENTENCE_VERB.search(nxt) and "," not in nxt \
                and not any(p.match(nxt) for p in (PLACE_LABEL, DATE_LABEL, START_LABEL, END_LABEL, BODY_LABEL)):
            return nxt  # never a label of its own ('Mødested' with its value on the next line)
        return None
    return None


# 'i personalerummet', 'i mødelokale 1, Asylgade 22, Thisted.': a place on a line of its own after 'i'
PLACE_AFTER_I = re.compile(r"^i\s+(?P<place>[\wÆØÅæøå][^:]{2,98}?)\.?$")


def place_beside_when(lines: list[str]) -> str | None:
    """'Onsdag den 12. april 2023 kl. 18.30 - 21.00' / 'i personalerummet', 'i Kirkecenter Højvangen' / 'Onsdag, den
    26. juni 2019 kl. 19:00', '… kl. 13.00 i' / 'Middelfart Midtpunkt – lokale 1': the place on the line right
    below or above the line that gives the meeting's date and time, as the rest of that sentence."""
    nonempty = [x.strip() for x in lines if x and x.strip()][:15]
    for k, ln in enumerate(nonempty):
        if not dates_in(ln) or not KL.search(ln):
            continue
        below = nonempty[k + 1] if k + 1 < len(nonempty) else ""
        above = nonempty[k - 1] if k > 0 else ""
        if re.search(r"\si$", ln) and below and _place_shaped(below) and below[:1].isupper():
            return below.rstrip(".")
        for near in (below, above):
            m = PLACE_AFTER_I.match(near)
            if m and _place_shaped(m.group("place")):
                return m.group("place").rstrip(" .")
        return None
    return None


def _place_shaped(text: str) -> bool:
    return len(text) <= 100 and not dates_in(text) and not KL.search(text) and not SENTENCE_VERB.search(text) \
        and not re.search(r"\b(?:referat|dagsorden|medlemmer|deltagere|afbud|fraværende|mødet)\b", text, re.I)


PLACE_THEN_TIME = re.compile(r"^(?P<place>[A-ZÆØÅ][^:]{3,150}?),?\s+(?:kl\.?|klokken)\s*(\d{1,2})[.:](\d{2})"
                             r"(?:\s*[-–]\s*(\d{1,2})[.:](\d{2}))?\s*$")


def _place_then_time(lines: list[str]) -> re.Match | None:
    """A header line of a place and a time and no date, right under the dated line."""
    nonempty = [x for x in lines if x]
    for k, ln in enumerate(nonempty[:8]):
        m = PLACE_THEN_TIME.match(ln.strip())
        if m and not dates_in(ln) and any(dates_in(x) for x in nonempty[max(0, k - 2):k]) \
                and not SENTENCE_VERB.search(m.group("place")) and not MEETING_WORDS.search(m.group("place")):
            return m
    return None


MEETING_WHEN_LINE = re.compile(rf"^(?i:{WEEKDAY})\s+(?:den\s+|d\.\s*)?[\d./-]{{6,10}}\s+(?:kl\.?\s*)?"
                               rf"\d{{1,2}}[.:]\d{{2}}(?:\s*[-–]\s*\d{{1,2}}[.:]\d{{2}})?$")
COLUMN_HEADS = re.compile(r"(?i:(?:dato|type|hent|tid|sted|status|dokument(?:er)?|mødedato|møde)\s*){2,6}")


# ('Tidspunkt: 13.00 13.45 Rundvisning': a programme's first slot, no start)
INLINE_START = re.compile(r"\b(?:mødetidspunkt|tidspunkt|mødestart|starttidspunkt)\s*:?\s*(?:kl\.?\s*)?"
                          r"(\d{1,2})[.:](\d{2})\b(?!\s+\d{1,2}[.:]\d{2})", re.I)
INLINE_END = re.compile(r"\b(?:sluttidspunkt|mødeafslutning|mødet\s+slut(?:ter)?)\s*:?\s*(?:kl\.?\s*)?"
                        r"(\d{1,2})[.:](\d{2})\b", re.I)
TIME_AND_PLACE_LABEL = re.compile(r"^(?:tid(?:spunkt)?|dato)\s*(?:og|&)\s*sted\s*:?\s*(?P<value>.*)$", re.I)


def _place_after_when(value: str, lines: list[str], k: int) -> str | None:
    """What a 'time and place' label's value (or the lines under it) says after its date and time: the place."""
    for text in [value] + [ln.strip() for ln in lines[k + 1:k + 4] if ln and ln.strip()][:2]:
        text = KL_HOURS.sub(" ", KL.sub(" ", text))
        # the parts between commas and full stops that hold no date, weekday or number alone
        parts = [p.strip(" .:;-–") for p in re.split(r"(?<=[^\W\d_])\.\s+|,\s*|\s+[-–]\s+", text)]
        kept = [p for p in parts if re.search(r"[^\W\d_]{3}", p) and not dates_in(p)
                and not re.fullmatch(rf"(?i:{WEEKDAY})(?:\s+(?:den|d\.))?", p)]
        place = ", ".join(kept)
        if kept and not SENTENCE_VERB.search(place) and len(place) <= 120:
            return place
    return None


def search_header(header: list[str], title: str) -> HeaderFound:
    """Header fields where they are written: labels ('Mødested: X', 'STED' / next line), sentences
    ('den 22. november 2023 kl. 08:30' / 'i L128, ...', 'Mødet blev hævet kl. 11.30', 'mødet i X')."""
    found = HeaderFound()
    lines = [ln for ln in header]
    labelled_date = None
    for k, ln in enumerate(lines):
        if not ln:
            continue
        for label, setter in ((START_LABEL, "start"), (DATE_LABEL, "date"), (END_LABEL, "end")):
            m = label.match(ln)
            if not m:
                continue
            value = m.group(1).strip() or _next_value(lines, k)
            ds = dates_in(value)
            if ds and labelled_date is None and setter in ("start", "date"):
                labelled_date = ds[0][1]
            s, e = times_in(value)
            hours = HOURS_ONLY.match(value)
            if s is None and hours and setter in ("start", "end"):  # 'Tid: 14-16'
                s, e = _t(hours.group(1), 0), (_t(hours.group(2), 0) if hours.group(2) else None)
            if s is None:
                bt = BARE_TIME.search(value)
                if bt and (setter in ("start", "end") or re.search(r"\bkl", value, re.I)):
                    s = _t(bt.group(1), bt.group(2))
                    if s and s.hour < 12 and re.match(r"\s*PM\b", value[bt.end():]):
                        s = s.replace(hour=s.hour + 12)  # 'Mødet hævet:' / '05:00 PM': a page's 12-hour clock
            if setter in ("start", "date") and s and found.start is None:
                found.start = s
                if e and found.end is None:
                    found.end = e
            if setter == "end" and s and found.end is None:
                found.end = s
            break
        pm = PLACE_LABEL.match(ln)
        room = PLACE_THEN_KL.sub("", ln.strip()) if pm else ""  # 'Mødelokale F2 kl. 00.00': the hour after the room
        if pm and found.place is None and ROOM_LINE.match(room):
            found.place = room
        elif pm and found.place is None:
            value = NEXT_LABEL.sub("", pm.group(1).strip()) or _next_value(lines, k)
            value = re.sub(r"^\s*(?:kl\.?\s*)?\d{1,2}[.:]\d{2}\s*(?:[-–]\s*\d{1,2}[.:]\d{2})?\s*[-–:]?\s*", "", value)
            at_time = PLACE_THEN_KL.search(value)
            if at_time and at_time.start() > 0:  # 'Mødested: Øster Elkjær, Blå Stue kl. 09.30.': the start after it
                found.start = found.start or _t(at_time.group(1), at_time.group(2))
                value = value[:at_time.start()]
            if value.endswith(":"):
                value = place_in_stacked_labels(lines, k) or value
            if value and not value.endswith(":") and not PLACE_LABEL_ONLY.match(value) and not DATE_LABEL.match(value) \
                    and not LABEL_NOT_PLACE.match(value) and not NO_PLACE.match(value):  # 'Mødested: Bemærkninger:'
                found.place = value.strip()
        both = TIME_AND_PLACE_LABEL.match(ln) if found.place is None else None
        if both:  # 'Tidspunkt og sted: Kl. 17-19. Phønix, Schacksgade 39', 'Tid & Sted:' / date and time / place
            found.place = _place_after_when(both.group("value").strip(), lines, k)
        bm = BODY_LABEL.match(ln)
        if bm and found.body is None and COLUMN_HEADS.fullmatch(bm.group(1).strip()):
            # 'Udvalg Dato Type Hent' / 'Byrådet 24-06-2020 16:00 Referat …': a table's header row, then its row
            row = _next_value(lines, k)
            cut = re.search(r"\s\d{1,2}[-./]\d{1,2}[-./]\d{2,4}\b", row)
            if cut and cut.start() > 2:
                found.body = row[:cut.start()].strip()
            continue
        if bm and found.body is None:
            value = NEXT_LABEL.sub("", bm.group(1).strip()) or _next_value(lines, k)
            if value and len(value) < 90:
                found.body = value
    # 'Dato 27. februar 2014 Mødetidspunkt 18:00 Sluttidspunkt 20:25 Sted …': a transcript's first page run into one
    # line, its labels inside it
    if found.start is None or found.end is None:
        for ln in [x for x in lines if x][:15]:
            start, end = INLINE_START.search(ln), INLINE_END.search(ln)
            if start and found.start is None:
                found.start = _t(start.group(1), start.group(2))
            if end and found.end is None and found.start is not None:
                found.end = _t(end.group(1), end.group(2))
    # the date: a labelled one; else the first in a line about the meeting; never a print date
    found.date = labelled_date
    if found.date is None:
        nonempty = [ln for ln in lines if ln]
        # 'Mandag den 04-02-2019 kl. 17:30' under a portal's news line '31. oktober 2019: Offentlige information …':
        # a line of only the meeting's weekday, date and time comes first
        when_line = next((ln for ln in nonempty[:15] if MEETING_WHEN_LINE.match(ln.strip()) and dates_in(ln)), None)
        if when_line is not None and not dates_in(title or ""):
            found.date = dates_in(when_line)[0][1]
    if found.date is None:
        nonempty = [ln for ln in lines if ln]
        for k, ln in enumerate([title] + nonempty):
            if not ln or PRINT_DATE.search(ln):
                continue
            if k > 12 and not MEETING_WORDS.search(ln):
                continue
            ds = dates_in(ln)
            if ds:
                found.date = ds[0][1]
                break
    # times in sentences: the line with the meeting's date, then any 'kl.' line of the header
    if found.start is None:
        for ln in [title] + lines:
            if not ln or PRINT_DATE.search(ln) or (re.match(r"^\d{1,3}\.\s", ln) and not starts_with_date(ln)):
                continue  # a numbered line, but not '3. marts 2026, 14.00-16.00'
            if dates_in(ln) or re.match(r"^\s*(?:fra\s+)?(?:kl\.?:?|klokken)\s*\d", ln, re.I) \
                    or DAY_MONTH_KL.search(ln) or TIME_RANGE_LINE.match(ln) \
                    or re.search(r"\bmødetidspunkt|\btid\b", ln, re.I) or meeting_time_line(ln):
                s, e = times_in(ln)
                if s is None:
                    after = DATE_THEN_TIME.search(ln)
                    s = _t(after.group(1), after.group(2)) if after else None
                if s:
                    found.start = s
                    if e and found.end is None:
                        found.end = e
                    break
    # 'Rehabiliteringsafdelingen, Frederikssund Hospital, Frederikssundsvej 30, Frederikssund kl. 16.00' right under
    # the dated line: the place and the start on one line
    place_then_time = _place_then_time(lines)
    if place_then_time and found.start is None:
        found.start, found.end = _t(place_then_time.group(2), place_then_time.group(3)), \
            found.end or _t(place_then_time.group(4), place_then_time.group(5))
    if found.end is None:
        for ln in lines:
            m = END_SENTENCE.search(ln or "")
            if m:
                found.end = _t(m.group(1), m.group(2))
                break
    # the place in a sentence: '... kl. 08:30' followed by 'i L128, Regionshospitalet Gødstrup'
    if found.place is None:
        for k, ln in enumerate(lines):
            if not ln:
                continue
            m = re.match(r"^(?:[iI]|[pP]å)\s+(?P<place>[A-ZÆØÅ0-9].{2,150})$", ln)
            if m and k > 0 and any(KL.search(x or "") or dates_in(x or "") for x in lines[max(0, k - 2):k]):
                found.place = place_end(m.group("place").strip())
                break
            columns = place_in_label_columns(_with_values_below(lines, k))
            if columns:
                found.place = columns
                break
            m = HELD_AT_LABEL_IN_RUN.search(ln) or PLACE_CAPITALS_LABEL_IN_RUN.search(ln)
            if m:  # 'Mødetidspunkt :00 Mødeafholdelse Rådssalen Protokollen blev læst …' (a transcript's run)
                found.place = m.group("place").strip(" ,")
                break
            m = PLACE_SENTENCE.search(ln) or PLACE_AFTER_TIME.search(ln)
            if m and m.re is PLACE_AFTER_TIME and SENTENCE_VERB.search(m.group("place") or ""):
                m = None  # '... kl. 13.00. Mødet blev holdt ...': a sentence, no place
            if m and m.re is PLACE_AFTER_TIME and m.group("room"):
                found.place = m.group("room")
                break
            if m and not re.match(r"(?:punkt|pkt|sag|behandlingen)\b", m.group("place"), re.I):  # "kl. 18.40 i punkt 2"
                found.place = place_end(m.group("place").strip(" ,."))
                break
    # 'Sengeløse Sognegård, onsdag den 19. maj kl. 19:00', 'Sognegården onsdag 9. juni 2021 kl. 19:00': the place
    # before the weekday and date of the meeting's line; 'Mødet afholdtes Bag Kirken 5, 4573 Højby.': an address
    if found.place is None:
        for ln in [x for x in lines if x][:12]:
            m = PLACE_BEFORE_DAY.match(ln.strip()) or HELD_AT_ADDRESS.search(ln) or MEETING_AT_PLACE.match(ln.strip()) \
                or MEETING_ON_PLACE.match(ln.strip()) or PLACE_AFTER_KIND_AND_TIME.search(ln)
            if m and not SENTENCE_VERB.search(m.group("place")) and not MEETING_WORD.search(m.group("place")) \
                    and not KIND_WORD.search(m.group("place")) \
                    and not (m.re is PLACE_BEFORE_DAY and DEFINITE_BODY_END.search(m.group("place"))):
                found.place = m.group("place").strip(" ,.")  # (not 'Menighedsrådsmøde onsdag d. 7. april')
                break
    if found.place is None:
        for ln in [x for x in lines if x][:12]:
            m = PLACE_AFTER_BARE_TIME.search(ln.strip())
            dated = [d for _, d in dates_in(ln)] if m else []
            if dated and found.date and found.date not in dated:
                continue  # (a transcript page's list of other documents: 'REFERAT. Møde i … 27. september 2011 kl …')
            if m and _place_shaped(m.group("place")) and not MEETING_WORDS.search(ROOM_WORD.sub("", m.group("place"))) \
                    and not AGENDA_OPENING.match(m.group("place")):
                found.place = m.group("place").strip(" ,.")
                break
    # a room named on its own line near the top: 'Skovboskolen, mødelokale K2'
    if found.place is None:
        for ln in [x for x in lines if x][:8]:
            t = ln.strip()
            if ROOM_WORD.search(t) and len(t) <= 80 and not dates_in(t) and not KL.search(t) and ":" not in t \
                    and t[:1].isupper() and not SENTENCE_VERB.search(t):
                found.place = t
                break
    # ... or as one part of a line: 'Ekstraordinært møde - Mødelokale F7 kl. 12.00'
    if found.place is None:
        found.place = next((r for r in (room_segment(x) for x in [x for x in lines if x][:8]) if r), None)
    # ... or as the short line right under a line that holds only the date and time ('08-03-2021 16:00' / 'Video')
    if found.place is None:
        found.place = place_under_date(lines) or place_after_dated_title(lines) or place_beside_when(lines)
    if found.place is None and place_then_time and ("," in place_then_time.group("place")
                                                    or ROOM_WORD.search(place_then_time.group("place"))):
        found.place = place_then_time.group("place").strip(" ,")
    # the body: 'mødet i X', 'Møde i X', 'X - Referat - dato', 'Referat - X den ...'
    if found.body is None:
        for ln in [title] + lines[:25]:
            if not ln:
                continue
            for pattern in (TITLE_BODY, KIND_BODY, LISTING_BODY, GENITIVE_BODY, BODY_SENTENCE, MOEDE_BODY, PREFIX_BODY,
                            COMPOUND_DATE_BODY, DECISION_BODY, OWN_MEETING_BODY):
                m = pattern.search(ln) if pattern in (BODY_SENTENCE, MOEDE_BODY, GENITIVE_BODY) else pattern.match(ln)
                if m:
                    body = _body_clean(m.group("body"))
                    if body and not dates_in(body) and len(body) >= 3 and not NOT_BODY_START.match(body):
                        found.body = body
                        break
            if found.body:
                break
    return found


NOT_BODY_START = re.compile(r"^(?:(?:den|nr\.?)\s*\d|(?:til|af|med|om)\s)")  # 'den 15', 'til møde'


# --- people --------------------------------------------------------------------------------

ORG_WORDS = re.compile(
    r"\b(?:kommune|region|regionen|regionshospital(?:et)?|hospital(?:et|s)?|hospitalsenhed(?:en)?|sygehus(?:et)?|"
    r"psykiatri(?:en)?|regionspsykiatrien|praksis|plo(?:-\w+)?|kkr|kosu|auh|ouh|he|rh|sekretariat(?:et)?|"
    r"udvalg(?:et)?|klynge(?:n)?|forvaltning(?:en)?|center|centret|afdeling(?:en)?|sundhedsplanlægning|koncern|"
    r"styrelse(?:n)?|forening(?:en)?|lokalråd|råd(?:et)?|kvalitet|social|ældre|handicap|universitet|institut|"
    r"fonden|aps|a/s|i/s)\b", re.I)


ROLE_WORD = re.compile(
    r"^(?:[\w-]*direktør|[\w-]*chef|[\w-]*leder|[\w-]*koordinator|[\w-]*repræsentant|\w*formand|\w*konsulent|\w*faglig|"
    r"praksis|plo(?:-\w+)?|borgmester|rådmand|\w*overlæge|professor|dr\.?|fuldmægtig|sekretær|"
    r"referent|medlem|suppleant|stedfortræder|praktiserende|læge|mødeleder|dirigent|ordstyrer|"
    r"biskop|\w*provst|\w*præst|mf)$", re.I)  # ('MF Jan Johansen': medlem af Folketinget)


# 'Koncerndirektør i Region Hovedstaden Svend Hansen': a role at an authority written before the name
ROLE_AT_AUTHORITY = re.compile(
    r"^[A-ZÆØÅa-zæøå][a-zæøå-]+\s+(?:i|for|ved|fra)\s+(?:Region\s+[A-ZÆØÅ][\w-]+|[A-ZÆØÅ][\w-]+\s+(?:Regions)?[Kk]ommune|"
    r"[A-ZÆØÅ][\w-]*(?:[Ss]ygehus|[Hh]ospital)(?:et)?(?:\s+[A-ZÆØÅ][\w-]+)?)\s+(?=[A-ZÆØÅ][\w-]+\s+[A-ZÆØÅ])")


def strip_roles(name: str) -> str:
    """'Lægefaglig direktør Jens Friis Bak' -> 'Jens Friis Bak'; 'PLO-m Susanne Krogsgaard' -> 'Susanne Krogsgaard';
    'Koncerndirektør i Region Hovedstaden Svend Hansen' -> 'Svend Hansen'."""
    name = ROLE_AT_AUTHORITY.sub("", name.strip())
    words = name.split()
    while len(words) > 2 and ROLE_WORD.match(words[0]):
        words.pop(0)
    return " ".join(words)


# a month in lower case or beside a number ('4. jan', 'marts 2024'); a capitalised one alone is a name ('Jan Bo')
NOT_A_NAME = re.compile(rf"^(?:{WEEKDAY}|den|dato|dagsorden|referat|ingen)\b|(?-i:\b(?:{MONTH_RE})\b)"
                        rf"|\d\.?\s*(?:{MONTH_RE})\b|\b(?:{MONTH_RE})\.?\s*\d", re.I)
# 'PS LANDSFORENING'; 'Georg Hoxer Kjeldsen, Aarhus Domprovsti': a deanery, a parish or diocesan council
ORG_STEMS = re.compile(r"(?:hospital|sygehus|kommune|region|universitet|psykiatri|klinik|institut|styrelse|lægevagt|"
                       r"sekretariat|forvaltning|samarbejde|forening|forbund|organisation|provsti|menighedsråd|"
                       r"stiftsråd)", re.I)


def is_organisation(name: str) -> bool:
    """'Herning Kommune', 'HE Vest', 'Psykiatri og Social', 'Koncern Kvalitet', 'PLO-M' are no persons
    (nor are 'Onsdag den' and other words a label shuffle put where a name was expected)."""
    s = name.strip()
    if not s:
        return True
    if ORG_WORDS.search(s) or ORG_STEMS.search(s) or NOT_A_NAME.search(s):
        return True
    words = s.split()
    return all(w.isupper() and len(w) <= 6 for w in words)  # 'KKR', 'HE Vest' handled above; 'PLO M'


# a person's name: two to five capitalised words, a capital of another European language too ('Ali Ünsal', 'Ayşe
# Özdemir', 'Éric Çelik'); parse.py uses this one pattern
NAME_CAPITAL = "A-ZÆØÅÄÖÜÉÈÁÓÍÚÇŞŠŽČ"
NAME = rf"[{NAME_CAPITAL}][\w'’-]*\.?(?:\s+(?:[{NAME_CAPITAL}][\w'’-]*\.?|von|van|de|la|af)){{1,4}}"
NAME_LIST = rf"{NAME}(?:\s*(?:\([^)]*\))?\s*(?:,|\bog\b)\s*{NAME})*"
APOLOGY_SENTENCES = [
    # "Der var afbud fra A, B og C." / "Afbud fra A, B og C"
    # ("Afbud fra Charlotte Lomholdt og stedfortræder Trine Würtz Hansen": the member's substitute sent one too)
    re.compile(rf"\b(?i:(?:der (?:var|er)\s+)?afbud fra)\s*:?\s*(?P<names>{NAME}(?:\s*(?:\([^)]*\))?\s*(?:,|\bog\b)\s*"
               rf"(?:(?:stedfortræder|suppleant)(?:en)?\s+)?{NAME})*)"),
    # "A og B havde meldt afbud" / "A havde meldt afbud, og C deltog i stedet"
    re.compile(rf"(?P<names>{NAME_LIST})\s*(?:\([^)]*\))?,?\s+(?:havde|har)\s+meldt\s+(?:afbud|forfald)"),
    # "Alle medlemmer var mødt undtagen A og B, der havde meldt afbud" / "undtagen A og B, der havde meldt afbud"
    # ("Medlemmerne var mødt, bortset fra A, B og C, der havde meldt afbud")
    re.compile(rf"\b(?:undtagen|bortset\s+fra)\s+(?P<names>{NAME_LIST})\s*,?\s*(?:der|som)\s+(?:havde\s+)?"
               rf"meldt\s+afbud"),
    # "A - afbud" / "A (C), Næstformand- afbud"
    re.compile(rf"^(?P<names>{NAME})\s*(?:\([^)]*\))?(?:,\s*[\w ]{{0,40}}?)?\s*[-–]\s*(?i:afbud)\b\.?\s*$"),
    # "A og B var fraværende" / "A, B og C var fraværende."
    re.compile(rf"^(?P<names>{NAME_LIST})\s+var\s+fraværende\b"),
    # "A og B med afbud." / "A og B m. afbud" (a line of its own, or after a label)
    re.compile(rf"(?:^|:\s*)(?P<names>{NAME_LIST})\s*(?:\([^)]*\))?,?\s+(?:med|m\.)\s*(?i:afbud)\b"),
    # "Alle medlemmer var mødt undtagen (fra) A, B og C." (the reason left out: the exception is the absence)
    re.compile(rf"\bAlle(?:\s+medlemmer)?\s+var\s+mødt,?\s+(?:undtagen|bortset\s+fra)\s+(?:fra\s+)?"
               rf"(?P<names>{NAME_LIST})"),
    # "Inger Andersen (A) deltog i mødet i stedet for Tanja Larsson (A)", "at X indtræder som stedfortræder for Y":
    # the member replaced is away
    re.compile(rf"\b(?:deltog|deltager|mødte|indtræder|indtrådte)(?:\s+i\s+mødet)?\s+(?:(?:som\s+)?"
               rf"(?:stedfortræder|suppleant)\s+)?(?:i\s+stedet\s+for|(?<=stedfortræder\s)for|(?<=suppleant\s)for)"
               rf"\s+(?P<names>{NAME})(?=\s*(?:\([^)]*\))?\s*(?:[.,;]|$))"),
]
# 'Fraværende: Carla Madsen og Jens Chr. Golding Punkt nr. 42: …', 'Fraværende Stine Sørensen Til stede …', 'Afbud::
# A, B': a transcript's run-on header, the label (capitalised, no 'uden afbud') inside a longer line with the names
INLINE_ABSENT_LABEL = re.compile(rf"(?:^|(?<=\s))(?:Fraværende|Afbud)(?:\s+fra)?\s*:{{0,2}}\s+(?P<names>{NAME_LIST})\b")
# '… Per Jeppesen deltog ikke i pkt. 7 og 8', '… var ikke til stede under behandlingen af …': a partial absence
PARTIAL_ABSENCE_AFTER = re.compile(r"\s+(?:deltog|var)\s+ikke\b.{0,30}?\b(?:pkt|punkt|punkterne|behandlingen|sag)",
                                   re.I)
# the words of the next label or heading that run on after the last name ('… Frode Thule Jensen Stedfortræder …')
RUN_ON_LABEL_WORD = re.compile(r"^(?:Til|Punkt|Pkt\.?|Dagsorden\w*|Stedfortræder\w*|Medlemmer|Deltagere|Tilstede|"
                               r"Indkaldt\w*|Øvrige|Referent|Mødeleder|Sagsfremstilling|Gæst\w*|Embedsmænd|Side|Sag|"
                               r"Bilag|Sagsoversigt|Indholdsfortegnelse|Suppleant\w*|Bemærkninger|Endvidere|Tekst)$")
# (the patterns whose names come before the verb, and where a sentence ends inside such a list of names)
NAMES_BEFORE_VERB = (APOLOGY_SENTENCES[1], APOLOGY_SENTENCES[4], APOLOGY_SENTENCES[5])
SENTENCE_BREAK = re.compile(r"(?<=[a-zæøå]{2})\.\s+(?=[A-ZÆØÅ])")


NAME_STOP = re.compile(
    r"^(?:Mødet|Møde|Der|Det|Den|De|Dagsorden(?:en)?|Referat(?:et)?|Formand(?:en)?|Punkt|Pkt|Herefter|Desuden|"
    r"Endvidere|Sagen|Beslutning|Bemærkninger|Ingen|Alle|Som|Men|Mødeleder|Referent|Deltagere|Tilstede|Gæster|"
    r"Dato|Sted|Tid|Kl|Afbud|Fraværende|Godkendt|Dagsordenen|Udvalget|Rådet|Bestyrelsen|Han|Hun)\.?$")
NAME_PARTICLE = {"von", "van", "de", "la", "af", "du", "der"}


# a label, an outcome or the substitute's role run on before a name ('Fraværende Birgit Pedersen', 'stedfortræder Trine
# Würtz Hansen')
LABEL_WORDS_BEFORE_NAME = {"fraværende", "afbud", "fravær", "godkendt", "stedfortræder", "suppleant", "suppleanten"}


def trim_name(name: str) -> str:
    """A name ends where the words stop being part of it: at a lower-case word ('Martin Bech pga. ferie'),
    at a capitalised function word that starts the next sentence ('Michael Burgess Mødet blev ...') and at a
    bracket or a dash."""
    name = re.sub(r"(?<=[a-zæøå])-\s+(?=[A-ZÆØÅ][a-zæøå])", "-", name.strip())  # 'Inge Olsvig- Brandt': a line break
    tokens = re.split(r"\s+", re.split(r"\s*[(\[]|\s[-–]\s", name)[0].strip())
    if len(tokens) >= 3 and tokens[0].casefold() in LABEL_WORDS_BEFORE_NAME:
        tokens = tokens[1:]  # 'Fraværende Birgit Pedersen', 'Godkendt Emilly L. K. Pedersen': a label or outcome run on
    if len(tokens) >= 3 and len(tokens[0]) >= 8 and tokens[0][:1].isupper() and tokens[0][1:].islower() \
            and words.common_word(tokens[0], compounds=False) and not words.common_word(tokens[-1]):
        tokens = tokens[1:]  # 'Fysioterapeut Hans Andersen', 'Udvalgsmedlem Mai Henriksen': the role before the name
    kept: list[str] = []
    for k, w in enumerate(tokens):
        if k and (NAME_STOP.match(w) or (w[:1].islower() and w not in NAME_PARTICLE)):
            break
        # 'Martin Vibe SAND': the organisation's acronym after the name. Five letters at most, so that a surname
        # written in capitals ('Anne Marie HANSEN', 'JENSEN', 'NIELSEN') stays; a short one ('HOLM') is the risk.
        if k >= 2 and 3 <= len(w) <= 5 and w.isupper() and not any(x.isupper() for x in kept):
            break
        if k >= 2 and _capitals_label(tokens[k:]) and not any(x.isupper() for x in kept):
            break  # 'Helge Tang Holbek ENDVIDERE DELTOG': the next label, in capitals, run on
        if k >= 2 and _capitals_word(w) and not any(x.isupper() for x in kept):
            break  # 'Børge Olsen REFERAT': the next heading's word, in capitals
        kept.append(w)
    while kept and kept[-1] in NAME_PARTICLE:  # 'Underskrift af …': a particle ends no name
        kept.pop()
    if len(kept) >= 3 and kept[-1] in ("X", "x"):
        kept.pop()  # 'Børge Mogensen (BM) X': a table's tick in the absence column after the name
    if len(kept) >= 3 and kept[-1] in PARTY_LETTERS:
        kept.pop()  # 'Klaus Hansen V': the party's letter of a table's next column after the name
    return " ".join(kept).strip(" .,-")


PARTY_LETTERS = {"A", "B", "C", "D", "F", "I", "K", "M", "O", "V", "Ø", "Å"}


def _capitals_word(word: str) -> bool:
    """'REFERAT', 'BESLUTNING': a Danish word of six letters or more in capitals (no surname)."""
    return len(word) >= 6 and word.isupper() and word.isalpha() and words.common_word(word, compounds=False)


def _capitals_label(rest: list[str]) -> bool:
    """'ENDVIDERE DELTOG', 'FRAVÆRENDE:': Danish words in capitals (a label), not a surname written in capitals."""
    label = [w.strip(":") for w in rest[:2]]
    return all(len(w) >= 3 and w.isupper() and w.isalpha() for w in label) \
        and (len(label) == 2 or rest[0].endswith(":")) and all(words.common_word(w, compounds=False) for w in label)


APOLOGY_WORD = re.compile(r"afbud|fraværende|forfald|i\s+stedet\s+for", re.I)


def _may_name_apologies(line: str) -> bool:
    """APOLOGY_WORD in the line (its words looked for first: the pattern on every line cost more)."""
    folded = line.casefold()
    if "mødt" in folded and ("undtagen" in folded or "bortset" in folded) or "stedfortræder for" in folded:
        return True  # 'Alle medlemmer var mødt undtagen …'
    return any(word in folded for word in ("afbud", "fraværende", "forfald", "stedet")) \
        and bool(APOLOGY_WORD.search(line))


def apologies_in(lines: list[str]) -> list[str]:
    """Names of those who sent apologies, in the common phrasings, anywhere in the text."""
    names: list[str] = []
    above = ""  # (the nearest line above with words)
    for ln in lines:
        if not ln or not _may_name_apologies(ln):
            above = ln or above
            continue
        if re.search(r"\b(?:uden afbud|ingen afbud)\b", ln, re.I) and not re.search(r"meldt afbud|afbud fra", ln, re.I):
            continue
        for pattern in APOLOGY_SENTENCES:
            for m in pattern.finditer(ln):
                said = m.group("names")
                if pattern in NAMES_BEFORE_VERB:  # 'Tilstede: A og B. Viggo Schmidt havde meldt afbud.': the
                    said = SENTENCE_BREAK.split(said)[-1]  # names of the verb's own sentence
                for part in re.split(r"\s*,\s*|\s+og\s+", re.sub(r"\([^)]*\)", "", said)):
                    part = re.split(r"(?<=[a-zæøå]{2})\.\s", part)[0].strip(" .")
                    if len(part.split()) >= 2 and not is_organisation(part):
                        names.append(part)
        names.extend(_inline_label_names(ln, above))
        above = ln
    return list(dict.fromkeys(names))


def _inline_label_names(line: str, above: str = "") -> list[str]:
    """The names after an 'Afbud:' or 'Fraværende' label that runs on inside a longer line (a transcript's header),
    each cut where the next label's word begins; a part of five words or more (names the transcript ran together
    without a comma) is left out rather than guessed at."""
    if len(line) < 60:
        return []  # (a short line is the label's own: ``labelled_absent`` reads it)
    names: list[str] = []
    for m in INLINE_ABSENT_LABEL.finditer(line):
        before = line[:m.start()].rstrip() or above.rstrip()
        if before.endswith(":") and not re.search(r"(?:Fraværende|Afbud)\s*:$", before):
            continue  # 'Medlemmer: Fraværende: A, B, …': a header table's labels before their values, the members first
        listed, after = m.group("names"), line[m.end():]
        if after.startswith("-"):  # 'Sisse Wildt Skov- og Naturstyrelsen': the last word is half a compound's
            listed = listed.rsplit(" ", 1)[0]
        parts = re.split(r"\s*,\s*|\s+og\s+", re.sub(r"\([^)]*\)", "", listed))
        partial = bool(PARTIAL_ABSENCE_AFTER.match(after))
        for k, part in enumerate(parts):
            name, list_ends = _listed_name(part.split(), k == len(parts) - 1, partial)
            if name:
                names.append(name)
            if list_ends:
                break
    return names


def _listed_name(said: list[str], last: bool, partial: bool) -> tuple[str | None, bool]:
    """One part of a run-on list of names -> (the name, or None; whether the list ends in this part). ``last``: the
    list's last part, which may run on into the next label; ``partial``: a partial absence follows the list."""
    while said and said[0].isupper() and len(said[0]) > 1:
        said = said[1:]  # 'LO Mette Kindberg': the organisation's acronym before the name
    stop = next((j for j, w in enumerate(said) if _run_on_word(w, last)), len(said))
    kept = said[:stop]
    if len(kept) < len(said) and is_organisation(said[len(kept)]):
        kept = kept[:-1]  # 'Knud Kristensen Vesthimmerlands Kommune': the name ends before the place's
    if last and partial and len(kept) == len(said):
        # '…, Per Jeppesen deltog ikke i pkt. 7 og 8': the last name's own sentence goes on; but 'Mette Busk. Anny
        # Winther deltog ikke …': the list's name ended with its sentence
        end = next((j for j, w in enumerate(kept[:-1]) if re.search(r"[a-zæøå]{2}\.$", w)), None)
        if end is None:
            return None, True
        kept = kept[:end + 1]
    if len(kept) >= 3 and len(kept[-1]) == 1 and kept[-1].isupper():
        kept = kept[:-1]  # 'Klaus Hansen V': the party's letter without its bracket
    name = " ".join(kept).strip(" .-") if 2 <= len(kept) <= 4 and not is_organisation(" ".join(kept)) else None
    return name, len(kept) < len(said)


def _run_on_word(word: str, last: bool) -> bool:
    """A word that ends a run-on list of names: the next label's ('Stedfortræder', 'Sagsoversigt', 'RESUMÉ'), and
    after the last name a capitalised common word ('… Niels Hansen Regnskab 2016 …')."""
    bare = word.strip(".,:;")
    if bare.casefold().endswith(("salen", "lokalet", "rådhuset")):
        return True  # 'Anders Drachmann Byrådssalen': the meeting's room follows
    return bool(RUN_ON_LABEL_WORD.match(bare)) or (bare.isupper() and len(bare) > 1) \
        or (last and len(bare) >= 5 and words.common_word(bare, compounds=False))


ABSENT_LABEL = re.compile(r"^(?:[-–•]\s*)?(?:afbud(?: fra)?|fraværende(?: med afbud)?|meldt (?:afbud|forfald|fravær)|"
                          r"forfald|ikke til stede)\s*:?\s*$", re.I)
LIST_STOP = re.compile(r"^(?:[-–•]\s*)?(?:deltagere|til stede|tilstede|mødedeltagere|medlemmer|gæster|referent|"
                       r"mødeleder|"
                       r"fraværende (?:uden|i)\b|beslutning|bemærkninger|indholdsfortegnelse)", re.I)


# a header label alone on its line, without a colon ('Sted', 'Ordstyrer'): it ends the list above it
BARE_LABEL = re.compile(r"^\s*(?:sted|mødested|dato|mødedato|tid|tidspunkt|ordstyrer|mødeleder|referent|sekretær|"
                        r"deltagere|gæster|gæst|bilag|dagsorden)\s*:?\s*$", re.I)


def labelled_absent(lines: list[str]) -> list[str]:
    """Names listed under an 'Afbud:' label anywhere in the document (one per line, bullets allowed)."""
    names: list[str] = []
    for k, ln in enumerate(lines):
        if not ln or not ABSENT_LABEL.match(ln):
            continue
        blanks = 0
        for nxt in lines[k + 1:k + 60]:
            if not nxt:
                blanks += 1
                if blanks >= 2:
                    break
                continue
            blanks = 0
            if LIST_STOP.match(nxt) or label_role(nxt) or ABSENT_LABEL.match(nxt) or len(nxt) > 120 \
                    or BARE_LABEL.match(nxt) or re.match(r"^\d{1,3}\s*[.)]", nxt) \
                    or re.fullmatch(r"[A-ZÆØÅ][\wæøå ]{1,30}:", nxt.strip()):  # the next label ('Gæst:') ends the list
                break
            entry = re.sub(r"^[-–•]\s*", "", nxt)
            if re.fullmatch(r"(?i)ingen\.?", entry.strip()):
                break  # 'Afbud' / 'Ingen': no one; what follows is no list of the absent
            if PARTIAL_PRESENCE.search(entry):
                continue
            # 'A og B, C deltog': with a comma only the part before it names absent members (both of them)
            entry = re.sub(r"\s*\((?:[^()]*\)|[^()]*$)", "", entry)  # '(Børne- og Ungdoms…)' names no one
            first_part = re.split(r"\s*[,(]", entry)[0]
            found = []
            for chunk in re.split(r"\s*(?:;|\bog\b)\s*", entry if "," not in entry else first_part):
                name = trim_name(strip_roles(re.split(r"\s*[,(]", chunk)[0].strip(" .")))
                if re.fullmatch(NAME, name) and not is_organisation(name):
                    found.append(name)
                elif not re.match(r"^ingen\b", entry, re.I) and not (names or found):
                    break
            if not found and names and not re.match(r"^ingen\b", entry, re.I):
                break  # a line that names no one ('Dekaner og andre') ends the list
            names.extend(found)
    return list(dict.fromkeys(names))
