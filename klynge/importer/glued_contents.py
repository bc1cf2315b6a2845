"""A transcript's contents list whose titles run together on one line, cut into the items' titles.

A PDF viewer's transcript (docplayer and its kind) writes each page as one line and often drops the numbers and
page numbers between the entries of the contents list, leaving only the first item's number:

    2 Indholdsfortegnelse Side 1. Godkendelse af dagsorden Oplæg til dialog om udbredelse af digital
    kommunikation Lukket - Uddeling af Handicapprisen Høring af udbudsmaterialet … Meddelelser og eventuelt...16

Such a list is often all a stored excerpt keeps of the items, so it is cut here into the titles, in this order:
on separators the list itself repeats ('(Åben)', ', sagsnr. 16/', '/67', ascending page numbers), else where a
capitalised word starts a new title. Danish titles are written in sentence case, so a capital inside a title
is mostly a proper name: a capital after a preposition or article, an all-capital abbreviation, or a capital
after another capitalised word that is not an item's usual first word ('Sundhedshus Sæby', 'Frederikshavn
Kommune') continues the title. An item's number is the one the list prints before it, or the one its own body
prints before its title ('71 Etablering af …'); otherwise it is None, as the text gives none.

Pure functions of the lines; ``parse`` decides whether the list beats the headings found otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import layout, words

# the list's own label, then its column labels and a repeated page header up to the first entry (the last: a case
# list's column heads)
CONTENTS_LABEL = re.compile(r"\b(?:Indholdsfortegnelse|INDHOLDSFORTEGNELSE|Sagsoversigt|Mødeindhold|"
                            r"Med følgende dagsorden:"
                            r"|Følgende sager behandles på mødet|Punkter på åbent møde:|Sag nr\.:\s*Emne:)")
# where the list ends: the attachments' list, the signatures, a file path, a page's footer ('… Henvendelse fra Bent
# Larsen (V) om … Side 2')
LIST_END = re.compile(r"\s(?:Bilagsliste|Samlet bilagsliste|Bilagsfortegnelse|Bilagsoversigt|Underskrifter\b|"
                      r"[A-Z]:\\|[Ss]ide \d+ af \d+|Side \d{1,3}\s*$)")
PAGE_OF_PAGES = re.compile(r"[Ss]ide \d+ af \d+")
# the page's running header before its footer: the kind of paper, the body and the date, no sentence
RUNNING_HEADER = re.compile(r"\s+(?:Dagsorden|Referat|Beslutningsprotokol)\b[^.:]{0,40}\d{1,2}\.\s*"
                            rf"(?:{layout.MONTH_RE})(?:\s+\d{{4}})?\s*$")
# 'Punkter på åbent møde: 23. … Punkter på lukket møde: 32. Hjælpemidler': the closed part's entries follow
CLOSED_PART = re.compile(r"\s*\b(?:Punkter på lukket møde:|Lukkede dagsordenspunkter\b)\s*")
# (or a leader the stored excerpt cut before its page: '… Lukket sag - Orientering...')
DOT_LEADER = re.compile(r"\s*\.{3,}\s*(?:\d{1,3}|[ivxlc]{1,6})\b|\s*\.{3,}\s*$")
FIRST_NUMBER = re.compile(r"(?:^|\s)(?P<n>\d{1,3})(?:\.{1,3}|/\d{1,4})?\s+(?=[\"“”(]?[A-ZÆØÅ])")  # ('1... Meddelelser')
MONTH_WORD = re.compile(rf"(?:{layout.MONTH_RE})\b", re.I)
OPEN_CLOSED_MARK = re.compile(r"\s*\((?P<state>Åben|Lukket)\)\s*")
# '… årsmøde LUKKET SAG Besvarelse af henvendelse … - LUKKET SAG KL's …': a closed entry's mark after its title
CLOSED_SUFFIX = re.compile(r"\s*(?:[-–]\s*)?\bLUKKET (?:SAG|PUNKT)\b\s*")
CASE_NUMBER_MARK = re.compile(r",?\s*sagsnr\.\s*\d{1,4}/(?:\d{1,6}(?:,\s*sagsnr\.\s*\d{1,4}/\d{0,6})*)?\s*")
SLASH_CASE_MARK = re.compile(r"(?:^|\s)/(?P<case>\d{1,4})\s+(?=[\"“”]?[A-ZÆØÅ])")
PAGE_BETWEEN = re.compile(r"(?<=[a-zæøå)\"”])\s+(?P<page>\d{1,3})\s+(?=[\"“”]?[A-ZÆØÅ])")
# an item's usual first words (their stems), where a capital after a capitalised word starts a new title all the
# same: 'Kjellerup Meddelelser', 'Budgetopfølgning Formanden orienterer'
OPENING_STEM = re.compile(r"(?:eventuelt|evt\b|meddel|status|forslag|budget|valg\b|næste|kommende|tema|konference|"
                          r"referat|regnskab|orienter|godkend|høring|drøft|beslut|sager\b|punkter\b|mødeplan|"
                          r"dialogmød|møder\b|besøg|præsent|udkast|ansøg|spørgetid|underskrift|gensidig|antal\b|"
                          r"hilsner|lukket|formand|opfølgning|evaluering|planlægning|fastlæggelse|indkaldelse|"
                          r"vedtægt|oplæg|information|nyt\b|aktuel)")
OPENING_ENDING = re.compile(r"(?:else|elser|ing|inger|ning|ninger|ering|tion|tioner|sion)[:,]?$")
# the words a dropped year followed ('Mødeplan for [2011]', 'plejecentre i [2006]')
YEAR_BEFORE = {"for", "i", "pr.", "til"}
# 'Det sociale Nævn', 'Den Sygdomsspecifikke Sundhedsaftale': a named body's article and adjective before its noun
NAMED_BODY_ARTICLE = {"Det", "Den", "De"}
NUMBERED_ENTRY = re.compile(r"(?:^|\s)(?P<n>\d{1,3})\.\s+(?=[\"“”]?[A-ZÆØÅ])")
# '… buschauffører 3 3 Harmonisering af …': the entry's page, then the next entry's number without its full stop
PAGE_THEN_NUMBER = re.compile(r"(?<=\d)\s+(?P<n>\d{1,3})\s+(?=[\"“”]?[A-ZÆØÅ])")


@dataclass
class GluedEntry:
    number: int | None
    title: str
    closed: bool = False


def contents_entries(lines: list[str]) -> tuple[int, list[GluedEntry]] | None:
    """(the contents line's index, its entries) for the first run-on contents list that gives three titles or
    more; None when there is none."""
    for index, line in enumerate(lines):
        label = CONTENTS_LABEL.search(line) if len(line) >= 80 else None
        if not label:
            continue
        body = "\n".join(lines[index + 1:])
        entries = _entries(line[label.end():] + _continued_on_next_page(line, lines[index + 1:]), body)
        if len(entries) >= 3:
            return index, entries
    return None


# '4 11. Høringssvar vedr. lovforslag …': the next page's line, its page number, then the list's next number
NEXT_PAGE_ENTRY = re.compile(r"^\s*\d{1,3}\s+(?P<n>\d{1,3})\.\s+(?=[\"“”]?[A-ZÆØÅ])")


def _continued_on_next_page(line: str, rest: list[str]) -> str:
    """The list's entries on the next page's line (' 11. Høringssvar … 12. …'), when that line opens with the
    number after one the list prints; '' otherwise."""
    following = next((ln for ln in rest if ln.strip()), "")
    m = NEXT_PAGE_ENTRY.match(following)
    if not m or int(m.group("n")) < 2:
        return ""
    before = re.compile(rf"(?:^|\s){int(m.group('n')) - 1}\.\s+[\"“”]?[A-ZÆØÅ]")
    return " " + following[m.start("n"):] if before.search(line) else ""


# 'Punkt 1: Godkendelse af dagsorden 2 Punkt 2: Meddelelser 3 Punkt 03A: Valg af … 5': a portal's contents, each entry
# labelled 'Punkt' with its number (a lettered case under a point: '03A') and followed by its page
PUNKT_ENTRY = re.compile(r"(?:^|(?<=\s))Punkt\s+(?P<n>\d{1,3})(?P<letter>[A-Z])?\s*:\s+")


def _punkt_entries(listed: str) -> list[GluedEntry]:
    """The entries of a contents list written 'Punkt N: Title page …' (three or more), the cover ('Forside') left out;
    a lettered case ('Punkt 03A: …') has no number of its own."""
    marks = list(PUNKT_ENTRY.finditer(listed))
    if len(marks) < 3:
        return []
    entries = []
    for m, after in zip(marks, [*marks[1:], None], strict=False):
        title = re.sub(r"\s+\d{1,3}\s*$", "", listed[m.end():after.start() if after else len(listed)].strip())
        if title and title.casefold() != "forside":
            entries.append(GluedEntry(None if m.group("letter") else int(m.group("n")), title))
    return entries


def _entries(listed: str, body: str) -> list[GluedEntry]:
    by_punkt = _punkt_entries(re.sub(r"^\s*Punkt\s+Side\s+", "", listed))
    if by_punkt:
        return by_punkt
    start = _first_entry(listed) or _unnumbered_start(listed)
    if start is None:
        return []
    number, listed = start
    end = LIST_END.search(" " + listed)
    if end:
        listed = listed[:max(end.start() - 1, 0)]
        if PAGE_OF_PAGES.match(end.group(0).strip()):
            listed = RUNNING_HEADER.sub("", listed)  # '… Eventuelt/meddelelser Dagsorden til LBR-møde 17. august'

    leader = DOT_LEADER.search(listed)
    if leader:  # 'Meddelelser og eventuelt...16 Bilagsliste...17': the last entry's page
        listed = listed[:leader.start()]
    closed_label = CLOSED_PART.search(listed)
    listed, closed_part = (listed[:closed_label.start()], listed[closed_label.end():]) if closed_label \
        else (listed, "")
    entries = _open_entries(_without_page(listed), number)
    shut = _first_entry(closed_part)
    if shut:
        closed = _open_entries(_without_page(shut[1]), shut[0])
        for entry in closed:
            entry.closed = True
        entries += closed
    entries = _without_attachment_lists(entries)
    for entry in entries:
        entry.title = DROPPED_YEAR_MONTH.sub("", entry.title)
        if entry.number is None:
            entry.number = _number_in_body(entry.title, body)
    return [e for e in entries if len(e.title) >= 3]


# '…, sagsnr. 13/ Bilag: 1. Åbent referat af møde … 3. Generalforsamling rammer, sagsnr. 13/': the attachments of
# the entry before, numbered from 1, then the next entry's own number
ATTACHMENT_LIST = re.compile(r"^Bilag\s*:?\s*(?=1\.\s)")


def _without_attachment_lists(entries: list[GluedEntry]) -> list[GluedEntry]:
    """An entry that opens with the attachments of the entry before ('Bilag: 1. X 2. Y 5. Title') keeps only the
    title after the first number that does not count the attachments on (its item's number); an entry that is only
    attachments is dropped."""
    kept = []
    for entry in entries:
        if not ATTACHMENT_LIST.match(entry.title):
            kept.append(entry)
            continue
        counted = 1
        for m in NUMBERED_ENTRY.finditer(entry.title):
            if int(m.group("n")) == counted:
                counted += 1
                continue
            kept.append(GluedEntry(int(m.group("n")), entry.title[m.end():].strip(), entry.closed))
            break
    return kept


# 'Godkendelse af dagsorden januar [2016]': a month the transcript kept when it dropped the year after it (never
# after a day's number or 'den': '… turismemøde den 10. januar' is a date in the title)
DROPPED_YEAR_MONTH = re.compile(r"(?<![\d.])(?<!\bden)(?<!\bd\.)(?<!\bultimo)(?<!\bprimo)(?<!\bmedio)(?<!\bpr\.)"
                                r"(?<!\bfor)(?<!\bi)(?<!\btil)(?<!\baf)(?<![-–])\s+"
                                r"(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|"
                                r"december)$")


def _open_entries(listed: str, number: int | None) -> list[GluedEntry]:
    """The entries of the list's open (or closed) part, cut by the first way that fits it; entries marked closed
    after their titles ('… LUKKET SAG') end where their mark stands, the open ones before them cut as any list."""
    marks = list(CLOSED_SUFFIX.finditer(listed))
    if not marks:
        return _cut_entries(listed, number)
    entries = _cut_entries(listed[:marks[0].start()], number)
    if entries:
        entries[-1].closed = True  # the title right before the first mark is the first closed entry
    for mark, after in zip(marks, marks[1:] + [None], strict=True):
        title = listed[mark.end():after.start() if after else len(listed)].strip()
        if title and after is not None:
            entries.append(GluedEntry(None, title, closed=True))
        elif title:  # the open entries after the last closed one, cut as any list without numbers
            entries += [GluedEntry(None, t) for t in _titles_with_codes(title)]
    return entries


def _titles_with_codes(listed: str) -> list[str]:
    """'Valg af valgstyrerformænd ØU - Diæter … ØU - Indsamlinger … TMU - …': the titles before the committee codes
    cut by their capitals, then one title from each code on (three codes or more)."""
    marks = list(COMMITTEE_CODE.finditer(listed))
    if len(marks) < 3:
        return split_titles(listed)
    titles = split_titles(listed[:marks[0].start()]) if marks[0].start() else []
    for m, after in zip(marks, [*marks[1:], None], strict=False):
        titles.append(GLUED_PAGE.sub("", listed[m.start():after.start() if after else len(listed)].strip()).strip())
    return [t for t in titles if t]


def _cut_entries(listed: str, number: int | None) -> list[GluedEntry]:
    if number is None:  # no number at all: only the capitals cut it
        return [GluedEntry(None, title) for title in split_titles(listed)]
    return (_split_on_marks(listed, number) or _split_on_pages(listed, number) or _split_on_codes(listed, number)
            or _split_numbered(listed, number)
            or [GluedEntry(number if k == 0 else None, title) for k, title in enumerate(split_titles(listed))])


# 'ØU - Ejendomsanalyse ØU - Borgerrådgiverens … Lukket - ØU - Salg af … BU - Frigivelse …': each title opens with
# the code of the committee it comes from (a council's or a finance committee's list)
# ('Lukket - ØU - …', 'Person - BU - …': a word before the code; '… dagtilbudskøkkener8 6. BU - Placering …': the page
# glued to the title before, then the number the list still prints)
COMMITTEE_CODE = re.compile(r"(?:^|(?<=\s))(?P<printed>(?P<n>\d{1,3})\.\s+)?(?:[A-ZÆØÅ][a-zæøå]+\s+-\s+)?"
                            r"[A-ZÆØÅ]{2,4}\s+-\s+(?=[\"“”]?[A-ZÆØÅ])")
GLUED_PAGE = re.compile(r"(?<=[a-zæøå])\d{1,3}$")


def _split_on_codes(listed: str, number: int) -> list[GluedEntry]:
    """Cut before each committee code, when at least three titles open with one and the list opens with one."""
    marks = list(COMMITTEE_CODE.finditer(listed))
    if len(marks) < 3 or marks[0].start() != 0:
        return []
    entries = []
    for k, (m, after) in enumerate(zip(marks, [*marks[1:], None], strict=False)):
        title = GLUED_PAGE.sub("", listed[m.end("printed") if m.group("printed") else m.start():
                                          after.start() if after else len(listed)].strip())
        printed = int(m.group("n")) if m.group("n") else None
        entries.append(GluedEntry(number if k == 0 else printed, title.strip()))
    return entries


def _first_entry(listed: str) -> tuple[int, str] | None:
    """The first entry's number and the list from its title on: the first small number before a capital that
    is not a date's ('den 18. Maj 2011')."""
    for m in FIRST_NUMBER.finditer(listed):
        rest = listed[m.end():]
        if MONTH_WORD.match(rest):
            continue
        return int(m.group("n")), listed[m.start():].strip() if "/" in m.group(0) else rest
    return None


# the list's furniture before its first title: its column heads and the signature sheet's entry
LIST_FURNITURE = re.compile(r"^(?:\s*(?:Side:?|Punkt nr\.|Underskriftsark|Sag|Dok)\b)+\s*")


def _unnumbered_start(listed: str) -> tuple[None, str] | None:
    """'Indholdsfortegnelse Underskriftsark Godkendelse af dagsorden Dialogmøde med …': a list that lost every
    number, when its first title opens with an item's usual first word."""
    rest = LIST_FURNITURE.sub("", listed)
    first = rest.split(maxsplit=1)[0] if rest.strip() else ""
    return (None, rest) if first[:1].isupper() and _opening_word(first) else None


def _split_on_marks(listed: str, number: int) -> list[GluedEntry]:
    """'(Åben) X (Åben) Y (Lukket) Z', 'X, sagsnr. 16/ Y, sagsnr. 14/', '01/66 X /67 Y /68 Z'."""
    marks = list(OPEN_CLOSED_MARK.finditer(listed))
    if len(marks) >= 2:
        cuts = [(m.start(), m.end(), m.group("state") == "Lukket") for m in marks]
        pieces, closed = [], []
        head = listed[:cuts[0][0]].strip()
        if head:
            pieces.append(head)
            closed.append(False)
        for k, (_, after, shut) in enumerate(cuts):
            stop = cuts[k + 1][0] if k + 1 < len(cuts) else len(listed)
            pieces.append(listed[after:stop].strip())
            closed.append(shut)
        pairs = enumerate(zip(pieces, closed, strict=True))
        return _numbered_by_trailing([GluedEntry(number if k == 0 else None, t, c) for k, (t, c) in pairs if t])
    if len(CASE_NUMBER_MARK.findall(listed)) >= 2:
        pieces = [p.strip() for p in CASE_NUMBER_MARK.split(listed) if p.strip()]
        return [GluedEntry(number if k == 0 else None, p) for k, p in enumerate(pieces)]
    slashed = re.match(r"\d{1,3}/\d{1,4}\s+", listed)
    if slashed and len(SLASH_CASE_MARK.findall(listed)) >= 2:
        pieces = [p.strip() for p in SLASH_CASE_MARK.split(listed[slashed.end():])[::2]]
        # the running case number after the item's ('01/66', '/67', '/68'): the items follow on
        return [GluedEntry(number + k, p) for k, p in enumerate(pieces) if p]
    return []


# '… Struktur for Dagtilbud 3 2', '… status på skolereformen4 3': the entry's page (glued or not), then the number
# of the next entry, before its '(Åben)'
TRAILING_PAGE_AND_NUMBER = re.compile(r"^(?P<title>.*?\S)(?:\s*(?<=[^\d\s])(?P<glued>\d{1,3})|\s+\d{1,3})?"
                                      r"\s+(?P<n>\d{1,3})$")


def _numbered_by_trailing(entries: list[GluedEntry]) -> list[GluedEntry]:
    """Entries cut on their '(Åben)' marks whose titles each end on the next entry's number (counting on from the
    first's): that number goes to the next entry and the page before it is dropped."""
    if len(entries) < 3 or entries[0].number is None:
        return entries
    trailing = [TRAILING_PAGE_AND_NUMBER.match(e.title) for e in entries[:-1]]
    if not all(m and int(m.group("n")) == entries[0].number + k + 1 for k, m in enumerate(trailing)):
        return entries
    for k, m in enumerate(trailing):
        entries[k].title = m.group("title")
        entries[k + 1].number = int(m.group("n"))
    return entries


def _split_on_pages(listed: str, number: int) -> list[GluedEntry]:
    """'Meddelelser 2 Den videre proces … 3 Tværkommunalt … 5': a page number after each title, ascending."""
    pages = list(PAGE_BETWEEN.finditer(listed))
    values = [int(m.group("page")) for m in pages]
    if len(pages) < 2 or values != sorted(values) or len(set(values)) < len(values) - 1:
        return []
    pieces, at = [], 0
    for m in pages:
        pieces.append(listed[at:m.start()].strip())
        at = m.end()
    pieces.append(re.sub(r"\s+\d{1,3}$", "", listed[at:].strip()))
    if len([p for p in pieces if p]) < 3:
        return []
    return [GluedEntry(number if k == 0 else None, p) for k, p in enumerate(pieces) if p]


def _split_numbered(listed: str, number: int) -> list[GluedEntry]:
    """'Ambulant behandling 3 2. Opfølgning på … 6 3. Måling af visioner … Forslag til budget … Eventuelt 27':
    the numbers the list still prints, ascending from the first, each with its page number after the title; the
    rest after the last numbered entry is cut by capitals."""
    marks = sorted((m for pattern in (NUMBERED_ENTRY, PAGE_THEN_NUMBER) for m in pattern.finditer(listed)
                    if not MONTH_WORD.match(listed[m.end():])), key=lambda m: m.start())
    wanted, kept = number + 1, []
    for m in marks:
        n = int(m.group("n"))
        # ('… halharmoniseringsmodellen 6 5 Ikke folkeoplysende …': page 6, then item 5, items 3-4 lost their numbers)
        after_page = m.re is PAGE_THEN_NUMBER or listed[:m.start()].rstrip()[-1:].isdigit()  # ('… Hovedstaden 9 4.')
        if n == wanted or (after_page and wanted < n <= wanted + 3):
            kept.append(m)
            wanted = n + 1
    if not kept:
        return []
    entries, at, current = [], 0, number
    for m in kept:
        between = _without_page(listed[at:m.start()])
        if int(m.group("n")) > current + 1:  # the entries whose numbers were lost: cut by capitals, unnumbered
            titles = split_titles(between)
            entries.append(GluedEntry(current, titles[0]))
            entries.extend(GluedEntry(None, t) for t in titles[1:])
        else:
            entries.append(GluedEntry(current, between))
        at, current = m.end(), int(m.group("n"))
    last = split_titles(_without_page(listed[at:]))
    entries.append(GluedEntry(current, last[0]))
    entries.extend(GluedEntry(None, t) for t in last[1:])
    return entries


def _without_page(text: str) -> str:
    return re.sub(r"(?:\s+\d{1,3})+$", "", text.strip())


def split_titles(listed: str) -> list[str]:
    """'Budgetopfølgning Formanden orienterer' -> ['Budgetopfølgning', 'Formanden orienterer']: cut before each
    word that starts a new title (``starts_title``)."""
    tokens = listed.split()
    titles: list[list[str]] = []
    for k, word in enumerate(tokens):
        if not titles or starts_title(tokens[k - 1], word, titles[-1], _quote_closes(tokens, k)):
            titles.append([word])
        else:
            titles[-1].append(word)
    return [" ".join(t) for t in titles]


def _quote_closes(tokens: list[str], k: int) -> bool:
    """Whether a quotation mark follows in the list at or after token ``k`` (a quotation opened before it and
    never closed, as in '"Tidlig opsporing af KOL …' where the transcript lost the closing mark, is no quotation)."""
    return any(q in token for token in [tokens[k][1:], *tokens[k + 1:]] for q in "\"”")


def starts_title(before: str, word: str, current: list[str], quote_closes: bool = True) -> bool:
    """Whether ``word`` starts a new title after ``before``, the last word of the title so far (``current``);
    ``quote_closes``: whether a quotation mark follows (else a quotation left open never holds a title together)."""
    if not word[:1].isupper() and not (word[:1] in "\"“”" and word[1:2].isupper()):
        return False  # (a bracket never starts a title: 'E-2.1 (Panther Plast)')
    joined = " ".join(current)
    quoted = joined.count('"') % 2 or joined.count("“") > joined.count("”")
    if joined.count("(") > joined.count(")") or quoted and quote_closes:
        return False  # inside a bracket or a quotation
    first = word.lstrip("\"“”")
    if before.casefold() in layout.FUNCTION_WORDS or before.endswith(("-", "/", ",", ":", "&")) \
            or before in layout.NOUN_WANTING or before.casefold() in {"nr.", "kr.", "jf", "vedrørende", "hos", "mod"}:
        # 'af Tønder Kommunes …', 'Temadag: Ældrerådets …', 'Hospitals- og …'; but the transcript drops numbers,
        # so 'Mødeplan for [2011] Gensidig orientering' ends a title on a preposition before an item's first word
        if before.casefold() == "og" and len(current) >= 2 and current[-2].isdigit():
            # '… for årene 2010 og [2011] Udpegning af medlemmer …': the year the transcript dropped ended a title
            return _opening_word(first) and first[1:2].islower() and len(first) >= 8
        return before.casefold() in YEAR_BEFORE and word[:1].isupper() and bool(OPENING_STEM.match(first.casefold()))
    if len(first) > 1 and first.rstrip(".,:)").isupper():
        return first.casefold().startswith("lukket")  # 'KOL', 'DANSKE ÆLDRERÅD', 'FMK': an abbreviation or a name
    if len(current) == 1 and LONE_ADJECTIVE.search(before):
        return False  # 'Kommunal Redegørelse for …', 'Særlig Tilrettelagt …': an adjective alone is no title
    if _opening_word(first):
        return True
    if len(current) >= 2 and current[-2] in NAMED_BODY_ARTICLE and before[:1].islower():
        return False  # 'Det sociale Nævn'
    if first.endswith(":") and first[:1].isupper() and words.common_word(first[:-1]) and len(first) >= 8:
        return True  # '… Kjølskevej, Brønderslev Ældreområdet: Fravalg af …': a title's own topic label opens it
    if word[:1] in "\"“" and not quote_closes and before[:1].isupper() and not quoted:
        return True  # 'Sundhedsprofilundersøgelse "Tidlig opsporing …' (never closed): it opens the next title
    if before[:1].isupper() and NAME_END.search(before):
        return True  # 'Tønder Kommune Sydtrafik budget …', 'Elborg Allé Manglende økonomi …': a name ends there
    if before[:1].isupper() and _two_nouns(before, first):
        return True  # '… Udbudsplan Driftsaftale mellem …', '… Økonomi Bevægelsespolitik for …'
    if (before[:1].isupper() and not re.search(r"-[a-zæøå]", before)) or before.rstrip(".,").isdigit():
        return False  # 'Sundhedshus Sæby', 'Frederikshavn Kommune', 'Regnskab 2010 og …' ('KRAM-undersøgelse': a noun)
    if re.fullmatch(r"[A-ZÆØÅ][a-zæøå]+/[A-ZÆØÅ][a-zæøå]+[.,]?", first):
        return False  # '… byggeplanlægning Rønde/Kolind': two places' names joined by a slash end the title
    return words.common_word(first)  # '… administrationsbyggeri Vordingborg': a place's name ends the title


# the last word of a place's or a body's name ('… Kommune', '… Allé', '… Skole', '… A/S'): a capital after it starts
# the next title
NAME_END = re.compile(r"^(?:Kommune|Allé|Skole|Museum|Plejehjem|Motionsklub|A/S|I/S)$|"
                      r"^[A-ZÆØÅ][a-zæøå]+(?:plads|udvalget)$")  # ('… Genbrugsplads', 'Erhvervsudvalget')


# capitalised words that open a name of several words ('Region Hovedstaden', 'Danske Regioner')
NAME_START = NAMED_BODY_ARTICLE | {"Region", "Regionens", "Danske", "Dansk", "Nationalpark", "Kulturregion",
                                   "Projekt", "Lokale", "Lokalt", "Center", "Nyt", "Ny", "Nye", "Store", "Lille",
                                   "Gammel", "Gamle"}


def _two_nouns(before: str, word: str) -> bool:
    """'Udbudsplan Driftsaftale': a plain Danish noun ends a title and a long one (nine letters or more, no name)
    opens the next; never after a word that opens a name ('Region Hovedstaden')."""
    if before in NAME_START or before.isupper() or word.isupper() or len(word) < 9 or not word.isalpha() \
            or ADJECTIVE_END.search(before) or INSTITUTION_END.search(word) or INSTITUTION_END.search(before) \
            or before.endswith("s"):  # ('Haderslev Kommunes Planstrategi': a genitive wants its noun)
        return False
    return words.common_word(before, compounds=len(before) >= 10) and words.common_word(word)


# 'Særlig', 'Regional', 'Midtjysk', 'Sygdomsspecifikke': an adjective before the noun it names with
ADJECTIVE_END = re.compile(r"(?:ig|al|isk|sk|e)$")
# 'Kragelund Plejehjem', 'Tønder Distriktsskole', 'Halvårsregnskab Erhvervsudvalget': the noun that ends a name
INSTITUTION_END = re.compile(r"(?:skole|skolen|hjem|hjemmet|center|centret|centeret|udvalget|udvalg|huset|rådet|"
                             r"råd|forening|foreningen|afdeling|afdelingen)$")


LONE_ADJECTIVE = re.compile(r"^[A-ZÆØÅ][a-zæøå]*(?:al|lig|isk|ske|ende)$")


def _opening_word(word: str) -> bool:
    folded = word.casefold().rstrip(",:")
    return bool(OPENING_STEM.match(folded)) or bool(OPENING_ENDING.search(folded)) and len(folded) >= 7


@lru_cache(maxsize=256)
def _number_pattern(opening: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?:^|\s)(\d{1,3})\.?\s+" + r"\s+".join(re.escape(w) for w in opening) + r"(?=\W|$)", re.I)


def _number_in_body(title: str, body: str) -> int | None:
    """The number an item's own body prints before its title ('71 Etablering af yderligere …')."""
    opening = tuple(title.split()[:4])
    if len(" ".join(opening)) < 8:
        return None
    found = _number_pattern(opening).search(body)
    return int(found.group(1)) if found else None
