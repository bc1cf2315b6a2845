"""Minutes and agendas as text -> plain dataclasses. No database, no I/O.

Built for the family of layouts, not for one: Markdown-like headings
(``## **Punkt 3: Title v. Name (kl. 17:25-18:25)**``), plain ``Punkt 3: Title``,
numbered plain text (``3. Title v. Name (kl. 09:05-09:20)``), section words in any case,
with or without bold, alone on a line or followed by their text ("Beslutning: Godkendt.").
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from dataclasses import dataclass, field

from . import glued_contents, layout, title_tails, words
from .bodies import body_in_text, find_body, fuller_body, is_body, plausible_name
from .limits import checkpoint
from .numbers import cell_value, check_totals, describe

DATE_MISSING_MESSAGE = "Mødedatoen står ikke i teksten. Angiv mødedatoen for at importere mødet."


class NoMeetingFound(ValueError):
    """The text holds no recognisable meeting (no items, or nothing that marks a meeting)."""


# --- the result -------------------------------------------------------------------------

@dataclass
class ParsedPerson:
    name: str
    title: str | None = None
    organisation: str | None = None


@dataclass
class ParsedTask:
    description: str
    owner_kind: str  # "person" | "organisation" | "secretariat"
    owner_name: str | None = None
    due: datetime.date | None = None
    recommendation: int | None = None


@dataclass
class ParsedItem:
    number: int | None
    title: str
    presenter: str | None = None
    start: datetime.time | None = None
    end: datetime.time | None = None
    kind: str = "decision"
    closed: bool = False
    case_number: str | None = None
    summary: str = ""
    description: str = ""
    recommendations: list[str] = field(default_factory=list)
    minutes: str = ""
    decision: str = ""
    attachments: list[str] = field(default_factory=list)
    tables: list[list[list]] = field(default_factory=list)
    guests: list[ParsedPerson] = field(default_factory=list)
    tasks: list[ParsedTask] = field(default_factory=list)
    through: int | None = None  # '3. - 8. Valg af enkeltmandsposter': one heading for items 3 to 8


@dataclass
class ParsedWarning:
    code: str
    message: str
    item: int | None = None


@dataclass
class ParsedDocument:
    kind: str
    title: str
    body: str | None
    cluster: str | None
    date: datetime.date | None  # None: the text states no date (warning ``date_missing``); loading needs one
    start: datetime.time | None
    end: datetime.time | None
    place: str | None
    attendees: list[ParsedPerson] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    substitutes: list[tuple[str, str]] = field(default_factory=list)  # (substitute, on behalf of)
    guests: list[ParsedPerson] = field(default_factory=list)
    items: list[ParsedItem] = field(default_factory=list)
    repairs: int = 0
    warnings: list[ParsedWarning] = field(default_factory=list)
    cpr_found: int = 0  # CPR numbers masked or seen in the file (see importer.load.mask_document)
    changes: list[tuple[str, str]] = field(default_factory=list)  # the normaliser's word repairs (from, to)


# --- text helpers -----------------------------------------------------------------------

MONTHS, MONTH_RE = layout.MONTHS, layout.MONTH_RE
DATE_WORDS = re.compile(rf"(?<!\d)(\d{{1,2}})\.?\s*({MONTH_RE})\.?\s*(\d{{4}})", re.I)
DATE_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
DATE_NUM = re.compile(r"(?<![\d-])(\d{1,2})\s*[-./]\s*(\d{1,2})\s*[-./ ]\s*(\d{4}|\d{2})(?![\d-])")
TIME = r"(\d{1,2})[.:](\d{2})"
SLOT = re.compile(
    rf"[(\[]?\s*(?:kl\.?|klokken|tid:?)?\s*{TIME}\s*(?:[-–—]|til|(?=\d{{1,2}}[.:]\d{{2}}\s*[)\]]))\s*(?:kl\.?\s*)?"
    rf"{TIME}\s*[)\]]?", re.I)
# ('(kl. 09:00 09:05)': in brackets, a transcript's range that lost its dash)
# after 'kl.' a comma may part hours and minutes too ('Meddelelser kl. 19,25')
KL_TIME = re.compile(r"\b(?:kl\.?:?|klokken)\s*(\d{1,2})[.:,](\d{2})(?:\s*(?:[-–—]|til)\s*(?:kl\.?\s*)?"
                     r"(\d{1,2})[.:,](\d{2}))?", re.I)
KL_HOURS = re.compile(r"\b(?:kl\.?|klokken)\s*(\d{1,2})(?:[.:](\d{2}))?"
                      r"(?:\s*(?:[-–—]|til)\s*(\d{1,2})(?:[.:](\d{2}))?)?(?![\d.:])", re.I)
# '25 min.', '30 minutter', '(10 min)': the minutes allotted to an item, alone on a line
ALLOTMENT_ONLY = re.compile(r"^\(?\s*\d{1,3}\s*min(?:\.|ut(?:ter)?)?\.?\s*\)?$", re.I)
CASE_NUMBER = layout.BARE_CASE_NUMBER
CASE_LABEL = re.compile(
    r"^\s*(?:journal\s*nr|journalnummer|j\.\s*nr|jnr|sags\s*nr|sagsnummer|sag\s*nr)\.?\s*[:.]?\s*(\S.*)$", re.I)
FROM_COMMITTEE = re.compile(r"^Fra\s+(?:[A-ZÆØÅ][\wæøå-]*\s+(?:og\s+)?)*[\wæøå-]*"
                            r"(?:udvalget|udvalg|bestyrelsen|rådet|[Mm]agistraten)$")
CASE_ID_LABEL = re.compile(r"^\s*sags?id\.?\s*:", re.I)  # 'Sagsid.: 20/985' (a portal's case number)
TOC_LINE = re.compile(r"(?:\.{3,}|…)\s*\t?\s*\d{1,3}\s*$|\t\s*\d{1,3}\s*$")
PUNKT = re.compile(
    r"^(?:(?:ad\s+)?(?:dagsordens)?(?:punkt|pkt\.?)\s*(?:nr\.?\s*)?(?P<num>\d{1,3})?|ad\s+(?P<adnum>\d{1,3}))"
    r"\s*(?P<sep>[:.\-–—)]|\s)\s*(?P<title>.*)$", re.I)
NUMBERED = re.compile(r"^(?P<num>\d{1,2})\s*[.)]\s+(?P<title>\S.*)$")
SLASH_ROLE = (r"(?:næst)?formand(?:en)?|kasserer(?:en)?|sekretær(?:en)?|præst(?:en)?|kirkeværge(?:n)?|"
              r"kontaktperson(?:en)?|direktør(?:en)?|leder(?:en)?|borgmester(?:en)?|administrationen|sekretariatet|"
              r"forvaltningen")
SLASH_PRESENTER = re.compile(rf"\s*/\s*(?:(?:v\.|ved)\s*(?P<name>\S[^/]*?)|(?P<role>{SLASH_ROLE}))\s*$", re.I)
# 'Orientering fra formand / næstformand': a role before the slash too (what the item is about, not who presents it)
ROLE_BEFORE_SLASH = re.compile(rf"\b(?:fra|til|af|med)\s+(?:{SLASH_ROLE}|formandskabet)$", re.I)
PERSON_AFTER_SLASH = re.compile(r"\s+/\s+(?P<name>[A-ZÆØÅ][a-zæøå]+(?:[ -][A-ZÆØÅ][a-zæøå]+){1,3})\s*$")


def _name_key(name: str) -> str:
    """A name as compared: 'Inge Olsvig- Brandt' (a line break in the double name) is 'Inge Olsvig-Brandt'."""
    return re.sub(r"-\s+", "-", name)


def _a_persons_name(name: str) -> bool:
    """'Kirsten Schou' (a first name the dictionary does not hold as a word), not 'Region Syddanmark' or 'Plan
    Nord'."""
    return not layout.is_organisation(name) and not words.common_word(name.split()[0])


# '... v. Pernille Bovtrup (ÆHF) og Bjarne Bruun (BUF)': the presenters, each perhaps with a short code after
# ('…, Ved Rasmus Jürs og Christian': the capital after a comma)
PRESENTER = re.compile(r"(?:\s+(?:v\./|v\.|[vV]/|ved)|,\s*Ved)\s*"
                       r"(?P<name>[A-ZÆØÅ][^()]*?(?:\s*\([A-ZÆØÅ][A-ZÆØÅ\d-]{0,7}\)[^()]*?)*)\s*$")
# 'Orientering fra Skolerådet: (v. AS/HE)', 'Budget (ved Karin Holm)': who presents, in a bracket at the title's end
BRACKETED_PRESENTER = re.compile(r"\s*:?\s*\((?:v\.|v/|ved\s)\s*(?P<who>[^()]{1,40})\)\s*$")
# 'Orientering om økonomien v/ formanden for vækstforum': after 'v/' or 'v.' a role in the definite form, with
# what it chairs, presents the item though no name follows; so does any group in the definite plural ('Nyt fra
# elevrådet v. elevrepræsentanterne')
ROLE_ONLY_PRESENTER = re.compile(
    r"\s+(?:v\.|v/)\s*(?P<role>(?:næst)?formanden|kassereren|sekretæren|præsten|kirkeværgen|direktøren|lederen|"
    r"borgmesteren|administrationen|sekretariatet|forvaltningen|formandskabet|[a-zæøå][\w-]{3,30}(?:erne|ene)|"
    r"[a-zæøå][\w-]{2,30}gruppen)"  # ('v. arbejdsgruppen')
    r"(?:\s+(?:for|i)\s+[^()/]{2,60})?\s*$",
    re.I)
PLACE_PREPOSITION = re.compile(r"\s(?:i|på|til|for|mod|fra|over|under|ved)\s")
PLACE_NOUN_END = re.compile(r"(?:station|vej|gade|stræde|centret|center|plads|torv|skole|skolen|havn|havnen|park|"
                            r"parken|søen|strand|kirke|kirken|hallen|allé|gården|huset|bakken|hus|bibliotek|"
                            r"biblioteket)$", re.I)  # ('… ved Kolby Forsamlingshus')
# 'Lukket møde – status for præsteansættelse', 'Lukket samråd med ministeren': the item is closed, and its title says
# so in words of its own (a lower-case noun after 'Lukket' other than 'punkt' or 'sag', which only mark it)
CLOSED_MEETING_TITLE = re.compile(
    r"^\s*(?:(?i:lukket\s+(?:møde|del)\b)|[Ll]ukket\s+(?!punkt|pkt|sag\b|og\b)[a-zæøå]{3,}\b)")
CLOSED = re.compile(r"\s*[(\[\-–]?\s*\b(?:lukket punkt|lukket møde|lukket|fortroligt)\b\s*[)\]]?\s*", re.I)
# '49/1. Spørgetid (Åben sag)': the open mark after the title says only what an item is unless marked closed
OPEN_MARK = re.compile(r"\s*\((?:åben|åbent)(?:\s+(?:sag|punkt|møde))?\)\s*$", re.I)
# '51/3. Køb og salg. (Lukket sag)': the closed mark in brackets after the title
CLOSED_CASE_MARK = re.compile(r"\s*\(lukket sag\)\s*$", re.I)
# 'Lukket punkt', '(Lukket)', 'Fortroligt punkt': one item's closed mark on a line of its own
ITEM_CLOSED_MARK = re.compile(r"\(?\s*(?:lukket punkt|lukket sag|lukket|fortroligt punkt)\s*\)?\.?", re.I)
OPEN_ITEM_MARK = re.compile(r"\(?\s*(?:åbent punkt|åben sag|åbent)\s*\)?\.?", re.I)
# 'Prorektors ansættelse (behandles for lukkede døre)': a title that says its item is treated behind closed doors
TITLE_SAYS_CLOSED = re.compile(r"\bfor\s+lukkede\s+døre\b|\bbehandles\s+(?:på|i)\s+(?:et\s+)?lukket\s+møde\b", re.I)
# 'Sagen behandles for lukkede døre.', 'Punktet blev behandlet på et lukket møde': the item's own text says so (the
# subject is this item: 'sager, der normalt behandles for lukkede døre' says nothing of it)
# '… behandles for lukkede døre', '… blev behandlet på et lukket møde': what a sentence says of its subject (a word
# or two may stand between: 'Sagen behandles derfor for lukkede døre')
TREATED_CLOSED = (r"(?:[a-zæøå]+\s+){0,2}?(?:behandles|blev behandlet|er behandlet|vil blive behandlet|skal behandles)"
                  r"\s+(?:[a-zæøå]+\s+)?(?:for\s+lukkede\s+døre|(?:på|i|som)\s+(?:et\s+)?lukket\s+(?:møde|punkt))")
TEXT_SAYS_CLOSED = re.compile(
    rf"\b(?:sagen|punktet|denne sag|dette punkt)\s+{TREATED_CLOSED}"
    # 'Overføres til lukket del': a line of the item's own, no subject but the item
    r"|^\s*(?:sagen\s+|punktet\s+)?(?:overføres|flyttes|henvises)\s+til\s+(?:den\s+|et\s+)?lukke(?:t|de)\s+(?:del|møde)",
    re.I | re.M)
# 'Punkt 7 og 8 behandles for lukkede døre': another item's text names the closed ones by number
NUMBERS_SAID_CLOSED = re.compile(
    rf"\bpunk(?:t|terne)\s+(?P<numbers>\d{{1,3}}(?:\s*(?:,|og|-|–)\s*\d{{1,3}})*)\s+{TREATED_CLOSED}", re.I)
NAME = layout.NAME
NAME_RE = re.compile(rf"^{NAME}$")
# 'oplæg v/ hospitalspræst Lotte Hansen': after the unambiguous 'v/' or 'v.' a lower-case role word may stand
# before the presenter's name (the name is kept; after 'ved' only with a role word, ROLE_PRESENTER_VED: 'ved udgangen
# af ...' is no presenter)
ROLE_PRESENTER = re.compile(rf"\s+(?:v\.|[vV]/)\s*(?:[a-zæøå][\w-]{{2,30}}\s+){{1,3}}(?P<name>{NAME})\s*$")
# '… ved ældrekonsulent Lone Vej-Johansen': after the plain 'ved' a role word must come before the name
# (or two, the first capitalised: 'ved Ledende graver Ann Britt Møller')
ROLE_PRESENTER_VED = re.compile(rf"\s+ved\s+(?P<role>(?:[A-ZÆØÅ][a-zæøå-]{{2,30}}\s+)?[a-zæøå][\w-]{{2,30}})\s+"
                                rf"(?P<name>{NAME})\s*$")
# the staff who present items at a parish council's or a board's meeting, besides layout.ROLE_WORD's officers
STAFF_ROLE = re.compile(r"^(?:[\w-]*graver|[\w-]*præst|kirkeværge|kasserer|[\w-]*pædagog|[\w-]*sygeplejerske)$", re.I)


def _presenting_role(role: str) -> bool:
    """'ældrekonsulent', 'Ledende graver': a role word (the last of the words) before a presenter's name."""
    last = role.split()[-1]
    return bool(layout.ROLE_WORD.match(last) or STAFF_ROLE.match(last))


ORG_PATTERN = re.compile(
    r"(?:[A-ZÆØÅ][\w-]+ Kommune|Regionshospitalet [A-ZÆØÅ][\w-]+|Hospitalsenhed(?:en)? [A-ZÆØÅ][\w-]+"
    r"|Sygehus [A-ZÆØÅ][\w-]+|[A-ZÆØÅ][\w-]+ Sygehus|Psykiatrien(?: i)? Region [A-ZÆØÅ]\w+|Region [A-ZÆØÅ]\w+"
    r"|PLO[- ]+[A-ZÆØÅ][\w-]+|PLO|Nord-KAP|Danske Patienter|Danske Regioner|Ældre ?[Ss]agen|Sundhedsstyrelsen|KL\b)"
)
PARTY = re.compile(r"\s*\((?:[A-ZÆØÅ]{1,2}|SF|RV|EL|DF|LA|KD)\)")

SECTIONS = [
    ("summary", r"resum[eé]|sagsresum[eé]|kort resum[eé]|resum[eé] og formål"),
    ("description", r"sagsfremstilling|beskrivelse af sagen|sagsbeskrivelse|sagens indhold|beskrivelse|uddybning"),
    ("recommendations", r"indstilling(?:er)?(?: til beslutning)?|forslag til beslutning|det indstilles,?"
                        r"|sekretariatet indstiller|formandskabet indstiller"),
    ("decision", r"beslutning(?:er)?|konklusion(?:er)?|afgørelse|beslutningsreferat"),
    ("minutes", r"referat|referat af drøftelsen?|drøftelse|bemærkninger"),
    ("attachments", r"bilag(?:sliste)?|vedlagte bilag|bilag til punktet"),
]
SECTION_RE = [(name, re.compile(rf"^(?:{pattern})\s*(?::\s*(?P<rest>.*)|\.?\s*)$", re.I)) for name, pattern in SECTIONS]
ITEM_OPENING = re.compile(r"^(velkomst|godkendelse af|eventuelt|evt\.|pause|orientering|meddelelser|"
                          r"skriftlig orientering|drøftelse|beslutning om|opfølgning på|status på)\b", re.I)
SUBSTITUTION = re.compile(r"\b(?:deltog|deltager|mødte)\s+(?:på vegne af|for|i stedet for)\b|på vegne af", re.I)
SUBSTITUTE_SENTENCE = re.compile(
    rf"({NAME})[^.;\n]{{0,80}}?\b(?:deltog|deltager|mødte)\s+(?:på vegne af|for|i stedet for)\s+({NAME})")
# 'I stedet for Jan Kaspersen deltog Morten Grøn': the same, the absent member named first
INSTEAD_OF_SENTENCE = re.compile(rf"\b[Ii]\s+stedet\s+for\s+(?P<absent>{NAME})\s+(?:deltog|mødte)\s+(?P<sub>{NAME})")
# 'Bo Berg (suppleant for Eva Holm)': the substitute, then the member in brackets
BRACKETED_SUBSTITUTE = re.compile(rf"({NAME})\s*\((?:på vegne af|for|stedfortræder for|suppleant for)\s+({NAME})\)")
# '• Andrea Terp, A - Vibeke Hejnfelt stedfortræder' under 'Afbud': the member (and party), then who stood in
DASHED_SUBSTITUTE = re.compile(rf"({NAME})(?:,\s*[A-ZÆØÅ]{{1,2}})?\s+[-–]\s+({NAME})\s+(?:stedfortræder|suppleant)\b")
ATTACHMENTS_LABEL = dict(SECTION_RE)["attachments"]
# '… 6600 Vejen Medlemmer: …', 'bispegårdenFraværende stiftsrådsmedlemmer:': a transcript's place runs into the
# next label of the header
PLACE_RUNS_INTO_LABEL = re.compile(r"(?:\s+|(?<=[a-zæøå]))(?:Medlemmer|Deltagere|Fraværende|Afbud|Til stede|"
                                   r"Tilstede|I mødet deltog|Mødet? (?:start|deltog|blev))\b.*$")
RECOMMENDATION_LEAD = re.compile(r"^(?:det indstilles|sekretariatet indstiller|formandskabet indstiller)\b", re.I)

HEADER_LABELS = [
    ("date", r"mødedato|dato|tidspunkt|mødetidspunkt|mødetid|tid|afholdt"),
    ("place", r"mødested|sted|lokation|adresse|mødelokale|lokale|placering|hvor|mødeafholdelse"),
    ("body", r"mødeforum|forum|organ|udvalg"),
    ("attendees", r"mødedeltagere|deltagere|til stede|tilstedeværende|tilstede|fremmødte|deltog|medlemmer|"
                  r"[a-zæøå]{3,}smedlemmer(?=\s*:)|referent|"
                  r"deltagende(?:\s+(?:med|uden)\s+stemmeret)?|inviterede|indkaldt(?:\s*/\s*tilstedeværende)?"),
    # ('Inviterede:', 'Indkaldt/tilstedeværende:': the members called)
    ("absent", r"afbud fra|afbud|fraværende|meldt afbud|fravær|meldt forfald|forfald|ikke til stede|ikke tilstede|"
               r"meldt fravær"),
    # ('Fra administrationen:' / 'Fra forvaltningen:': the officers who attend beside the members)
    ("guests", r"gæster|gæst|desuden deltog|derudover deltog|øvrige deltagere|oplægsholdere|"
               r"fra administrationen|fra forvaltningen"),
]
# what minutes say happened: "Jørgen valgt som referent", "Dagsorden godkendt", "orienterede om"
PAST_TENSE = re.compile(r"\b(?:godkendt|godkendte|blev|vedtaget|vedtog|besluttede|besluttet|orienterede|drøftede|"
                        r"valgt|valgte|taget til efterretning|tog\b|deltog|havde)\b", re.I)
NOT_APOLOGY_LABEL = re.compile(
    r"^(?:fraværende|fravær)\s+(?:uden\s+afbud|i\s+mødet|under\b|i\s+punkt|fra\s+kl|til\s+kl|indtil\b)", re.I)
# ('Afbud fra.: Bent Larsen', 'Fraværende; Maibritt Møller Nielsen (D).': a stray full stop, a semicolon for the colon)
HEADER_RE = [(name, re.compile(rf"^(?:{pattern})\b\.?\s*[:;\t]?\s*(?P<rest>.*)$", re.I))
             for name, pattern in HEADER_LABELS]
# a label line of its own ("Ordstyrer:", "Godkendelse af referat:")
NOTE_LABEL = re.compile(r"(?i)(?:bemærkninger?|næste møde|dagsorden)\s*:")  # a label of notes, never of people
OTHER_LABEL = re.compile(r"[A-ZÆØÅ][\wæøå-]+(?:\s[\wæøå-]+){0,3}\s*:")
INLINE_PEOPLE = re.compile(r"(?<=\))\s*[,;]\s*(?=[A-ZÆØÅ])")
DATE_ONLY_LINE = re.compile(rf"(?i)(?:{layout.WEEKDAY}\s+)?(?:den\s+)?\d{{1,2}}\.\s*(?:{MONTH_RE})\s+\d{{4}}")
# 'Referat' / 'Referat fra 18. maj 2022' on a line of its own below a page's roster: the document says what it is
# 'Sagspunkter der blev behandlet på mødet: Fold alle ud': the cases were treated, so the page is the minutes
TREATED_AT_MEETING = re.compile(r"(?i)(?:sagspunkter|sager|punkter)\s+der\s+blev\s+behandlet\b")
MINUTES_LINE = re.compile(r"(?i)(?:referat|beslutningsreferat|mødereferat)(?:\s+(?:fra|af|for)\s+[^.:]{1,40})?")
# dates that are never the meeting's: a rule's ('… Bekendtgørelse om valg … nr. 906 af 25. juni 2025', 'lov nr. 1234
# af 12. december 2019') and a deadline's ('Tilmelding … senest den 15. januar 2013', 'Svarfrist: 1. marts 2024')
OTHER_EVENT_DATE = re.compile(
    r"\bnr\.\s*\d+\s+af\s+(?:den\s+)?\d{1,2}\.\s*[A-Za-zæøå]+\.?\s+\d{4}"
    r"|\b(?:senest|\w*frist(?:en)?\s*:?)\s+(?:den\s+|d\.\s*)?\d{1,2}\.\s*[A-Za-zæøå]+\.?\s+\d{4}", re.I)
ROSTER_LABEL = re.compile(r"^(?:[-–•]\s+)?medlemmer\b", re.I)
ATTENDEE_ITEM = re.compile(r"^(?:mødedeltagere|deltagere|deltagerliste|fremmøde|til stede|tilstedeværende)\b", re.I)
# a header line that says what the document is about which meeting: it outranks a kind word in a viewer's title
KIND_STATEMENT = re.compile(r"^(?:(?P<minutes>referat|beslutningsreferat|mødereferat|beslutningsprotokol)|dagsorden)"
                            r"\s+(?:til|for|fra|af|over)\s+(?:det\s+)?møde", re.I)
KIND_WORDS = re.compile(r"\b(beslutningsreferat|mødereferat|referat|dagsorden)\b", re.I)
CLUSTER_WORD = re.compile(r"klynge|sundhedsråd", re.I)

TASK_VERBS = (
    r"undersøger|udarbejder|sender|sikrer|følger op|indkalder|tager kontakt|kontakter|vender tilbage|indsender|"
    r"udsender|koordinerer|forbereder|afklarer|samler op|inviterer|indhenter|laver|skriver|formidler|"
    r"videreformidler|fremsender|retter|opdaterer|planlægger|tilretter|drøfter videre med|melder tilbage|"
    r"(?:vil|skal)\s+(?:undersøge|udarbejde|sende|sikre|følge op|indkalde|kontakte|vende tilbage|forberede|afklare|"
    r"invitere|indhente|lave|skrive|formidle|fremsende|rette|opdatere|planlægge|tilrette)"
)
TASK_PERSON = re.compile(rf"(?P<owner>{NAME})\s+(?P<verb>{TASK_VERBS})\b(?P<rest>[^.]*)")
TASK_SECRETARIAT = re.compile(
    rf"(?P<owner>\b(?:[Kk]lynge)?[Ss]ekretariatet)\s+(?P<verb>{TASK_VERBS})\b(?P<rest>[^.]*)")
DUE = re.compile(
    rf"\b(?:senest|inden|frist)\s+(?:d\.|den)?\s*(?P<d>\d{{1,2}})\.\s*(?P<m>{MONTH_RE})\.?\s*(?P<y>\d{{4}})", re.I)


_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
_HEADING_MARK = re.compile(r"^\s*#{1,6}\s*")
_LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_BULLET = re.compile(r"^(\s*)[*•·▪◦●]\s+")
_BOLD = re.compile(r"\*\*|__")
_STAR = re.compile(r"(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
_UNDERSCORE = re.compile(r"(?<![\w_])_(?=\S)|(?<=\S)_(?![\w_])")
_UNESCAPE = re.compile("[\ue000-\ue07f]")
_SPACES = re.compile(r"[ ]{2,}")
_MARKUP = re.compile(r"[#*_<\[\\•·▪◦●]")


def _link(m: re.Match) -> str:
    text, url = m.group(1), m.group(2)
    if text and text.replace("www.", "") in url:
        return text
    return f"{text} ({url})".strip()


def plain(line: str) -> str:
    """A line without Markdown/HTML markup: headings, bold, italics, links, escapes."""
    has_tab = "\t" in line
    if not _MARKUP.search(line):
        return line.strip(" ") if has_tab else _SPACES.sub(" ", line).strip()
    s = line.replace("\t", " \t ") if has_tab else line
    s = _ESCAPE.sub(lambda m: chr(0xE000 + ord(m.group(1))), s)
    s = _HEADING_MARK.sub("", s)
    s = _LINK.sub(_link, s)
    s = _TAG.sub("", s)
    s = _BULLET.sub(r"\1- ", s)
    s = _BOLD.sub("", s)
    s = _STAR.sub("", s)
    s = _UNDERSCORE.sub("", s)
    s = _UNESCAPE.sub(lambda m: chr(ord(m.group(0)) - 0xE000), s)
    if has_tab:
        return s.replace(" \t ", "\t").strip(" ")
    return _SPACES.sub(" ", s).strip()


def find_date(text: str) -> datetime.date | None:
    us = layout.us_datetime(text)
    if us:  # '8/29/2019 4:00:00 PM'
        return us[0]
    month_first = layout.DATE_MONTH_FIRST.search(text)
    if month_first and not DATE_WORDS.search(text):  # "Onsdag, April 3, 2019 - 18:00"
        found = layout.dates_in(month_first.group(0))
        if found:
            return found[0][1]
    for pattern, order in ((DATE_WORDS, "dmy_words"), (DATE_ISO, "ymd"), (DATE_NUM, "dmy")):
        for m in pattern.finditer(text):
            try:
                if order == "dmy_words":
                    return datetime.date(int(m.group(3)), MONTHS[m.group(2).lower().rstrip(".")], int(m.group(1)))
                if order == "ymd":
                    return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                year = int(m.group(3))
                year = year + 2000 if year < 100 else year
                return datetime.date(year, int(m.group(2)), int(m.group(1)))
            except (ValueError, KeyError):
                continue
    found = layout.dates_in(text)  # the header search's wider phrasings ('3. marts, 2026', '05-mar-2026')
    return found[0][1] if found else None


def _time(h: str, m: str) -> datetime.time | None:
    try:
        return datetime.time(int(h), int(m))
    except ValueError:
        return None


def _join(lines: list[str]) -> str:
    """Section lines as text: paragraphs separated by one blank line."""
    out: list[str] = []
    for line in lines:
        if not line.strip():
            if out and out[-1] != "":
                out.append("")
            continue
        out.append(line.rstrip())
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out).strip()


# --- people -----------------------------------------------------------------------------

def _find_org(text: str, organisations: list[str]) -> tuple[str, int, int] | None:
    """(organisation name, start, end) of the first known or recognisable organisation in text."""
    lowered = text.lower()
    best = None
    for org in organisations:
        if org and org.lower() in lowered and (best is None or len(org) > len(best)):
            best = org
    known = None
    if best:
        start = lowered.index(best.lower())
        known = (best, start, start + len(best))
    m = ORG_PATTERN.search(text)
    pattern = None
    if m:
        pattern = (re.sub(r"^PLO[- ]+", "PLO-", m.group(0)) if m.group(0) != "PLO" else "PLO", m.start(), m.end())
    if known and pattern and pattern[1] <= known[1] and pattern[2] >= known[2] and pattern[2] - pattern[1] > len(best):
        return pattern  # "Psykiatrien Region Midtjylland" is more than the known "Region Midtjylland"
    return known or pattern


def parse_person(line: str, organisations: list[str] = ()) -> ParsedPerson | None:
    """'Torben Hansen (A), borgmester Randers Kommune (kommunal formand)' -> name, title, organisation."""
    s = re.sub(r"^\s*(?:[-–•]\s+|\d{1,2}[.)]\s+)", "", line).strip().rstrip(".;,")
    s = PARTY.sub("", s)
    if not s or len(s) > 250:
        return None
    m = re.match(rf"^({NAME})(?=\s*(?:[,(–/-]|$|\s+[a-zæøå]))", s)  # 'Lis Johansen/Ordstyrer': the role after a slash
    if not m:
        return None
    name = m.group(1).strip().rstrip("-–").strip()  # 'Lars Hoppe Søe (B)- deltog ikke i …': no dash in a name
    words = name.split()
    if len(words) < 2 or any(w.lower() in {"kommune", "region", "sygehus", "niveau"} for w in words):
        return None
    rest = s[m.end():].strip(" ,–-/")
    found = _find_org(rest, list(organisations)) if rest else None
    organisation = None
    title = rest
    if found:
        organisation, a, b = found
        title = title[:a] + " " + title[b:]
    title = re.sub(r"\(\s*\)", "", title)  # the organisation was all there was in the brackets
    title = re.sub(r"\s*,\s*,", ",", title)
    title = re.sub(r"\s{2,}", " ", title).strip(" ,–-")
    title = re.sub(r"\s+,", ",", title)
    if title.startswith("(") and title.endswith(")") and title.count("(") == 1:
        title = title[1:-1]
    return ParsedPerson(name, title.strip() or None, organisation)


# 'Søren B', 'René' (a first name may carry an accent)
FIRST_NAME = re.compile(r"^[A-ZÆØÅ][a-zæøåäöüëéèáóíúç]+(?:[- ][A-ZÆØÅ][a-zæøåäöüëéèáóíúç]+){0,2}(?:\s[A-ZÆØÅ]\.?)?$")


# 'Anne Hansen, Per Olsen og Bo Jensen', '…, Tove Poulsen samt Berit Hvilsom': the separators of a list of names
NAME_LIST_SEPARATOR = re.compile(r",|\s+og\s+|\s+samt\s+")


COUNTED_GROUP = re.compile(r"\d{1,2}\s+[a-zæøå-]+")
GROUP_ADDED = re.compile(r"\s*\+\s*[a-zæøå-]{4,}\.?\s*$")


GROUP_WORD = re.compile(r"[a-zæøå][\wæøå-]{3,}\.?")


def _without_group_words(parts: list[str]) -> list[str]:
    """'Birthe, Anders F, elevrådsrepræsentanter': a group named by one lower-case word after the names is no
    person; the names are read without it."""
    return parts[:-1] if len(parts) >= 3 and GROUP_WORD.fullmatch(parts[-1]) else parts


def _first_names(text: str) -> list[str]:
    """'Jesper, Marianne, Kjeld Flemming og Niels.': under an apology label, a list of first names is a
    list of people (small councils write so); every part must be name-shaped."""
    text = GROUP_ADDED.sub("", text)  # 'Emilie, Andreas + elevrepræsentanter': a group besides the names
    parts = [p.strip(" .;") for p in NAME_LIST_SEPARATOR.split(re.sub(r"\s*\([^()]{1,30}\)", "", text))]
    parts = [p for p in parts if p and not COUNTED_GROUP.fullmatch(p)]  # ('2 elevrådsrepræsentanter': no names)
    parts = _without_group_words(parts)
    if len(parts) >= 2 and all(FIRST_NAME.match(p) and not layout.is_organisation(p) for p in parts):
        return parts
    return []


def _listed_names(text: str) -> list[str]:
    """The people of a list after a label: full names, or first names when the list is of first names (and
    those are more: 'Søren B, Marianne, Brøns, Andreas' is five people, not 'Søren B' alone)."""
    full, first = _names_in(text), _first_names(text)
    if not full and not first:
        alone = text.strip(" .")
        if FIRST_NAME.fullmatch(alone) and len(alone) >= 4 and " " not in alone and not words.common_word(alone):
            return [alone]  # 'Fraværende: Inger.': one member, by her first name as the attendees are
    return first if len(first) > len(full) else full


ACRONYM = re.compile(r"^[A-ZÆØÅ]{2,6}$")


# 'Menighedsrådet: …', 'Repræsentanter for personale: …': a group's label before its names
GROUP_LABEL = re.compile(r"^[A-ZÆØÅ][\wæøå-]{2,30}(?:\s[\wæøå-]+){0,2}\s*:\s+(?=[A-ZÆØÅ])")
NAME_THEN_ROLE = re.compile(rf"^(?P<name>{NAME})\s*:\s+\S")
PARTY_MARK = r"\((?:[A-ZÆØÅ]{1,3}|u\.?\s?p\.?|løsgænger|[A-ZÆØÅ][a-zæøå]?)\)"
PARTY_ONLY = re.compile(PARTY_MARK)  # '(F)' alone on its line, below the name it belongs to


def _names_in_a_run(line: str) -> list[str]:
    """'Birgit Lund Terp (A) Carsten Bering (u.p.) Carsten Rasmussen (A) …' and 'Sofia Osmani deltog Søren P.
    Rasmussen deltog …': three or more names, each marked by its party or by 'deltog', with nothing else on the
    line (a list whose commas and line breaks were lost). A name marked 'deltog ikke' or 'afbud' is left out."""
    for mark in (PARTY_MARK, r"deltog(?!\s+ikke)\b"):
        found = list(re.finditer(rf"({NAME})\s*{mark}", line))
        if len(found) < 3:
            continue
        covered = sum(len(m.group(0)) for m in found)
        if covered >= 0.8 * len(re.sub(r"\s+", "", line)) or covered >= 0.8 * len(line.strip()):
            return [m.group(1).strip() for m in found if not layout.is_organisation(m.group(1))]
    return []


LINE_START_NAME = re.compile(rf"^\s*(?:[-–•]\s+)?(?P<name>{NAME})\s*(?:[–,(-]|$)")


def _known_names_in(line: str, lines: list[str]) -> list[str]:
    """'Jesper Balle Kristensen Søren Lahn Sloth.' (two names whose separator was lost): the names the document
    itself writes at the start of a line elsewhere ('Jesper Balle Kristensen – repræsentant for …'), found in
    the run in order; only when they cover all of it."""
    known = {m.group("name").strip() for ln in lines if ln and (m := LINE_START_NAME.match(ln))
             if 2 <= len(m.group("name").split()) <= 4}
    rest = re.sub(r"[.,;:]", " ", line).split()
    found = []
    while rest:
        match = next((n for n in sorted(known, key=len, reverse=True) if rest[:len(n.split())] == n.split()), None)
        if match is None:
            return []
        found.append(match)
        rest = rest[len(match.split()):]
    return found if len(found) >= 2 else []


# 'Esbjerg Kommune Kurt Jakobsen (KJ)', 'Alette Houman Dyhrfjeld (AHD, Referent)': a person's initials in brackets
# after what may be an organisation and the name
BEFORE_INITIALS = re.compile(r"^(?P<before>.*?)\s*\((?P<initials>[A-ZÆØÅ]{2,5})(?:\s*,[^()]*)?\)\s*$")


def name_by_initials(text: str) -> tuple[str, str] | None:
    """'Esbjerg Kommune Kurt Jakobsen (KJ)' -> ('Kurt Jakobsen', 'Esbjerg Kommune'): the name is the run of words at
    the end whose initials spell the bracket (a hyphenated first name gives one or two: 'Anne-Marie' A or AM); what
    stands before it is returned too. None when no such run ends the text."""
    m = BEFORE_INITIALS.match(text.strip())
    if not m:
        return None
    words, initials = m.group("before").split(), m.group("initials")
    for n in range(min(len(words), len(initials)), 1, -1):
        tail = words[-n:]
        spelled = ["".join(p[:1] for p in w.split("-")) for w in tail]
        if all(w[:1].isupper() for w in tail) and ("".join(spelled) == initials
                                                   or "".join(w[:1] for w in tail) == initials):
            name = " ".join(tail)  # ('Region Midtjylland (RM)': an organisation's letters, no person)
            return None if layout.is_organisation(name) else (name, " ".join(words[:-n]))
    return None


def _people_on_line(line: str, organisations: list[str]) -> list[ParsedPerson]:
    """The people one line of a list of attendees or guests names, in its many forms: one person with title and
    organisation, a comma or semicolon list, 'Name (Organisation), …', a run of party-marked names, names among
    organisations and job titles, 'Name: what she represents'."""
    stripped = re.sub(r"^\s*[-–•]\s+", "", line)
    by_initials = name_by_initials(stripped)
    if by_initials and "," not in by_initials[1]:  # 'Esbjerg Kommune Kurt Jakobsen (KJ)': one person, initials given
        name, before = by_initials
        return [ParsedPerson(name, organisation=before if before and layout.is_organisation(before) else None)]
    labelled = NAME_THEN_ROLE.match(stripped)
    if labelled and _names_in_a_list(stripped[labelled.end() - 1:]):
        labelled = None  # 'Seniorråd Syd: Henning Poulsen, Grethe Sprogøe og …': a group's label before its names
    if labelled and layout.ROLE_WORD.match(labelled.group("name")):
        labelled = None  # 'Næstformand: Rasmus Hyldgaard Simonsen': a role's label before the name
    if labelled and not layout.is_organisation(labelled.group("name")):
        stripped = labelled.group("name")  # 'Susanne Lodberg: Kirkens Korshær': the name, then what she is
    grouped = GROUP_LABEL.match(stripped)
    stripped = GROUP_LABEL.sub("", stripped)  # 'Menighedsrådet: Sonja Dygaard, Inge Frandsen, …'
    run = _names_in_a_run(stripped)
    if run:
        return [ParsedPerson(name) for name in run]
    if ";" in stripped:
        return [p for p in (parse_person(chunk, organisations) for chunk in stripped.split(";")) if p]
    names = [p.strip() for p in re.split(r";|,", stripped)]
    # "Jens Hansen (Hillerød Kommune), Lone Berg (Region Hovedstaden)": people on one line.
    bracketed = [c for c in INLINE_PEOPLE.split(stripped) if c.strip()]
    people = [parse_person(c, organisations) for c in bracketed] if len(bracketed) > 1 else []
    if people and all(people):
        return people
    if len(names) > 1 and all(NAME_RE.match(PARTY.sub("", n).strip()) for n in names if n) \
            and not any(layout.is_organisation(n) for n in names if n):
        # ('…, Tove Poulsen.': the list's full stop is no part of the last name)
        return [ParsedPerson(re.sub(r"(?<=[a-zæøå]{2})\.$", "", PARTY.sub("", n).strip())) for n in names if n]
    mixed = [p.strip(" .") for p in re.split(r",|\s+og\s+", stripped) if p.strip(" .")]
    if len(mixed) >= 3 and all((NAME_RE.match(p) or FIRST_NAME.match(p)) and not layout.is_organisation(p)
                               and not any(layout.ROLE_WORD.match(w) for w in p.split()) for p in mixed) \
            and 2 * sum(len(p.split()) >= 2 for p in mixed) >= len(mixed):
        return [ParsedPerson(n) for n in mixed]  # '…, René Flou, Peter Nielsen og Jesper': full names and a first name
    among = _names_among_organisations(stripped)
    if len(among) >= 2:
        return [ParsedPerson(n) for n in among]
    # ('Tanja (formand), Birthe (næstformand.), Lisbeth …': a first name's role in brackets is no part of it)
    firsts = [p.strip(" .") for p in re.split(r",|\s+og\s+", re.sub(r"\s*\([^()]{1,30}\)", "", stripped))
              if p.strip(" .")]
    if len(firsts) >= 3 and all(FIRST_NAME.match(p) and not layout.is_organisation(p) and len(p.split()) <= 2
                                and not any(layout.ROLE_WORD.match(w) for w in p.split()) for p in firsts) \
            and sum(len(p.split()) == 1 for p in firsts) >= 0.8 * len(firsts):
        return [ParsedPerson(n) for n in firsts]  # 'Tilstede: Louise, Lucas, Palle, … og Preben': first names only
    # ('Næstformand: Ida Holm Berg (børn på 2. årg.)': the person after a role's label)
    person = parse_person(stripped if labelled or (grouped and layout.ROLE_WORD.match(grouped.group(0).strip(" :")))
                          else line, organisations)
    return [person] if person else []


def _names_in_a_list(text: str) -> bool:
    """'Henning Poulsen, Grethe Sprogøe, … og Bertha Olsen.': two or more full names, nothing else."""
    parts = [p.strip(" .") for p in NAME_LIST_SEPARATOR.split(text) if p.strip(" .")]
    return len(parts) >= 2 and all(NAME_RE.match(p) and len(p.split()) >= 2 for p in parts)


def _and_sign_between_names(line: str) -> str:
    """'Vicky Glumsøe Jensen & Preben Krogsgaard' -> '… og …'; 'Center for Børn & Familier' (a lower-case word in
    the part before the sign: an organisation's name) keeps its '&'."""
    def joined(m: re.Match) -> str:
        before = re.split(r"[,;]", line[:m.start()])[-1]
        return " og " if not re.search(r"(?:^|\s)[a-zæøå]", before) else m.group(0)
    return re.sub(r"\s+&\s+(?=[A-ZÆØÅ])", joined, line)


def _names_among_organisations(line: str) -> list[str]:
    """'Tom Steffens, LAP, Kirsten Hove, SIND, Centerchef Lone Borberg, afdelingssygeplejerske Anne Rosenquist og
    overlæge Kim Nalders.', '… Anette Vennervald (ankom 19.30). Stedfortrædere: Erik Ancker, Anny D. Jessen
    Sognepræster: Line Rudbeck': names in one list with their organisations, job titles, remarks in brackets and
    group labels -> the names. Every part must be a name (after its title) or an organisation; else nothing."""
    names = []
    line = re.sub(r"\s*\([^()]*\)", "", line.strip().rstrip("."))
    line = _and_sign_between_names(line)
    for part in re.split(r",|;|\s+(?:og|samt)\s+|(?<![A-ZÆØÅ])\.\s+(?=[A-ZÆØÅ])|\s(?=[A-ZÆØÅ][\wæøå-]+:\s)", line):
        part = GROUP_LABEL.sub("", part.strip())
        part = re.sub(r"^(?:[a-zæøå][\wæøå-]*\s+)+", "", part)  # 'overlæge Kim Nalders'
        part = re.sub(r"(?:\s+[a-zæøå][\wæøå-]*\.?)+$", "", part)  # 'Gitte Fensman ref.'
        part = layout.strip_roles(part.strip())
        if not part:
            continue
        first_word = part.split()[0]
        if NAME_RE.match(part) and not layout.is_organisation(part) and not part.isupper():
            if ACRONYM.match(first_word) or re.search(r"\d", first_word):
                return []  # 'WM-data Per Kiilsholm', 'GS1 Denmark Jesper Henkel': organisation and name run together
            names.append(part)
        elif not (layout.is_organisation(part) or part.isupper()):
            return []
    return names if len(names) >= 2 else []


def _names_before_organisations(parts: list[str]) -> list[str]:
    """'Eva Lund, KMD Bo Holm, Dansk Standard Per Ravn, Dansk Standard Ib Ko, SKAT': a list of 'name,
    organisation' pairs whose line breaks were lost, so that each part but the first is 'Organisation Name' and
    the last an organisation alone -> the names. Only when the first part is a name alone, the last an
    organisation and most middle parts open with an acronym or with words another part opens with; the
    organisation is the words shared with another part, else the first word; the last part is left out."""
    if len(parts) < 4:
        return parts
    first, middle, last = parts[0], parts[1:-1], parts[-1]
    if not 2 <= len(first.split()) <= 3 or layout.is_organisation(first) \
            or not (len(last.split()) == 1 or ACRONYM.match(last.split()[0]) or layout.is_organisation(last)) \
            or any(len(p.split()) < 3 for p in middle):
        return parts
    words = [p.split() for p in middle]

    def shared(k: int) -> int:
        return max((next((n for n, (a, b) in enumerate(zip(words[k], other, strict=False)) if a != b),
                         min(len(words[k]), len(other))) for j, other in enumerate(words) if j != k), default=0)

    marked = [bool(ACRONYM.match(w[0])) or shared(k) > 0 for k, w in enumerate(words)]
    if sum(marked) * 2 <= len(middle):
        return parts
    names = [first]
    for k, w in enumerate(words):
        cut = shared(k) or 1
        names.append(" ".join(w[cut:]) if len(w) - cut >= 2 else " ".join(w[1:]))
    return names


INITIALLED = re.compile(rf"({NAME})\s*\(([A-ZÆØÅ]{{2,4}})\)")
INITIALS_ONLY = re.compile(r"^[A-ZÆØÅ]{2,4}$")
INITIALS_MARK = re.compile(r"\([A-ZÆØÅ]{2,4}\)")


def _initials_of(lines: list[str]) -> dict[str, str]:
    """'Carsten Nielsen (CN), Lis Birch Hansen (LBH)': the initials a members' list gives its members (the first
    letters agree), for apologies written with initials only ('Afbud fra: CN (ferie)')."""
    found: dict[str, str] = {}
    for ln in lines:
        if ln and "(" in ln and INITIALS_MARK.search(ln):
            for m in INITIALLED.finditer(ln):
                name, short = m.group(1).strip(), m.group(2)
                if name[:1] == short[:1] and name.split()[-1][:1] in short and not layout.is_organisation(name):
                    found.setdefault(short, name)
    return found


def _by_initials(text: str, initials: dict[str, str]) -> list[str]:
    """'CN (ferie), LBH' -> the members' names, when every part is initials the document's members' list gives."""
    if not initials:
        return []
    parts = [re.sub(r"\s*\([^)]*\)", "", p).strip(" .") for p in re.split(r",|\s+og\s+|;", text)]
    parts = [p for p in parts if p]
    if parts and all(INITIALS_ONLY.match(p) and p in initials for p in parts):
        return [initials[p] for p in parts]
    return []


def _split_outside_brackets(text: str) -> list[str]:
    """'Helle Krog (ved pkt. 1 og 2), Ole Andersen (fra pkt. 6, 7 og 8)': split at ',', ';' and ' og ', never inside
    a parenthesis (what it says of the person before it stays with her)."""
    masked = re.sub(r"\([^()]*\)", lambda m: m.group(0).replace(",", "\x00").replace(";", "\x01")
                    .replace(" og ", "\x02"), text)
    return [p.replace("\x00", ",").replace("\x01", ";").replace("\x02", " og ")
            for p in re.split(r";|\s+og\s+|,", masked)]


# the full stop between two names of a list ('… Kristensen. H. Kristian …'; an initial's stop follows a capital)
NAME_STOP = re.compile(r"(?<=[a-zæøå])\.\s+(?=[A-ZÆØÅ])")


# '…, Lene Glesner og Jette Erichsen, alle med afbud': the list's own remark that every name sent apologies
ALL_WITH_APOLOGIES = re.compile(r",?\s*\(?\b(?:alle|begge)\s+(?:med\s+|har\s+meldt\s+)?afbud\)?\s*\.?$", re.I)


# a surname alone before the list's next comma ('Awada, Rasmus Andersen, …'): the rest of a name the line cut
SURNAME_THEN_COMMA = re.compile(r"^[A-ZÆØÅ][\wæøå-]+,\s")


def _list_wrapped_on(names: str, lines: list[str], k: int) -> str:
    """'Afbud: …, Andreas Jensen,' / 'Freja-Maria Olesen, …, Toufic' / 'Awada, Rasmus Andersen.': a list of names
    the page wrapped goes on on the lines below while a line ends on a comma or the next begins with a surname
    and a comma (five lines at most)."""
    j = k + 1
    while j < len(lines) and j - k <= 5 and lines[j] and (names.rstrip().endswith(",")
                                                           or SURNAME_THEN_COMMA.match(lines[j])):
        names = f"{names.rstrip()} {lines[j].strip()}"
        j += 1
    return names


# '080616 BESTYRELSESMØDE', '251016 Konstituerende møde …': a board's file-style date (ddmmyy) opening its heading
COMPACT_DATE_HEADING = re.compile(r"^(?P<d>\d{2})(?P<m>\d{2})(?P<y>\d{2})\s+(?=\S*\s*\S*(?i:møde|bestyrelse))")


def _compact_date_heading(first_line: str) -> datetime.date | None:
    m = COMPACT_DATE_HEADING.match(first_line.strip())
    if not m:
        return None
    try:
        return datetime.date(2000 + int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None


def _first_of_each_name(people) -> list[ParsedPerson]:
    first: dict[str, ParsedPerson] = {}
    for person in people:
        first.setdefault(person.name.casefold(), person)
    return list(first.values())


SENTENCE_AFTER_NAMES = re.compile(r"\.\s+[A-ZÆØÅ][^.]*\s(?:er|var|blev|har|havde|bliver)\s[^.]*\.?$")
CHECK_MARK = re.compile(r"(?<=[\w)])\s+[Xx]$")


def _dash_between_names(text: str) -> str:
    """'Tinne Rehmeier – Sussie Enghøj Bruun': a dash between full names parts them like a comma (never a dash
    before a role or an organisation: 'Anne Holm – formand', 'Per Lund – Kultur og Fritid')."""
    parts = re.split(r"\s+[–-]\s+(?=[A-ZÆØÅ])", text)
    if len(parts) >= 2 and all(NAME_RE.fullmatch(p.strip(" .")) and len(p.split()) >= 2
                               and not layout.is_organisation(p) for p in parts):
        return ", ".join(p.strip() for p in parts)
    return text


def _names_in(text: str) -> list[str]:
    """Names in 'Anne Hansen, Per Olsen og Bo Jensen' or one name with a title."""
    text = re.sub(r"^\s*[-–•]\s+", "", text).strip().rstrip(".")
    if ". " in text:  # 'Henning Møllebæk, Hanne Møller og Lajla Gregers. Erwin Hentzer er indkaldt': a sentence after
        text = SENTENCE_AFTER_NAMES.sub("", text)  # the list says something else
    if text.endswith(("X", "x")):
        text = CHECK_MARK.sub("", text)  # 'Børge Mogensen (BM) X': a table's tick in the absence column
    text = ALL_WITH_APOLOGIES.sub("", text)
    text = re.sub(rf",\s*(?={PARTY_MARK})", " ", text)  # 'Ali Ünsal, (V)': the party after a comma
    # 'Mads Dam (F) Per Holm-Larsen (A) Tilbage til toppen': the parties part the names; a page's link ends the list
    text = re.sub(r"\s+(?:Tilbage til toppen|Til toppen)\s*$", "", text)
    text = re.sub(rf"({PARTY_MARK})\s+(?=[A-ZÆØÅ][a-zæøå])", r"\1, ", text)
    # 'Alice Kiander (Børne- og …, ': a parenthesis never closed ends at the next comma
    text = re.sub(r"(?<=[a-zæøå])\s*\((?![^()]*\))[^(),]*(?=,|$)", "", text)
    text = _dash_between_names(text)
    parts = [p.strip() for p in _split_outside_brackets(text) if p.strip()]
    parts = [p for p in parts if not ORG_PATTERN.fullmatch(p)]  # "Carl Dam, Struer Kommune": one person
    parts = _without_group_words(parts)
    parts = [layout.strip_roles(p) if len(p.split()) > 2 else p for p in parts]  # 'næstformand Grete Jensen'
    bare = [re.sub(r"\s*\([^)]*\)", "", p).strip().rstrip(".") for p in parts]  # "Dorte Friis (Ikast Kommune)"
    if bare and all(NAME_RE.match(b) for b in bare[:-1]):
        unglued = _names_before_organisations(bare)  # the last part may be an organisation alone ('SKAT')
        if unglued is not bare:
            return unglued
        if NAME_RE.match(bare[-1]):
            return bare
    stopped = [p.strip() for p in NAME_STOP.split(text)] if "," not in text else []
    if len(stopped) >= 2 and all(NAME_RE.match(p) for p in stopped):
        return stopped  # 'Lars Kristensen. H. Kristian Wollesen. Kaj Westphal': full stops between the names
    names = []
    for chunk in text.split(";"):
        person = parse_person(chunk)
        if person:
            names.append(person.name)
    return names


# --- the parser -------------------------------------------------------------------------

@dataclass
class _Heading:
    index: int
    number: int | None
    title: str
    strong: bool = True
    tier: int = 2
    list_only: bool = False
    order: int | None = None  # its place in a bulleted agenda, where the items' numbers cannot say it
    closed: bool = False  # under the closed part's own label ('LUKKET MØDE')
    notes: tuple[str, ...] = ()  # what layout warns about this heading ('Punkterne var alle nummereret 1; …')


LETTER_SPACED = re.compile(r"(?<!\w)(?:[A-Za-zÆØÅæøå] ){3,}[A-Za-zÆØÅæøå](?!\w)")


ITEM_CODE = re.compile(r"^(?P<lead>\s*(?:[•·▪\-–]\s*)?)(?P<code>[A-ZÆØÅ]{2,5})\s+"
                       r"(?=(?P<num>\d{1,3})\s*\.[.\s]*[A-ZÆØÅ\d])")
SENTENCE_THEN_ABSENT_LABEL = re.compile(
    r"(?:(?<=[a-zæøå]\.)|(?<=^Bemærkninger:))\s+(?=(?i:afbud|fraværende(?:\s+med\s+afbud)?|ikke til stede)\s*:)")
# ('Bemærkninger: Afbud: Svend Hansen Tarp. Kirsten B. Rasmussen': the apologies written in a portal's remarks)
ROLE_LABEL = re.compile(r"^(?:mødeleder|ordstyrer|sekretær|dirigent)(?:\s*:|\s*$)", re.I)
GLUED_LIST_LABEL = re.compile(r"^((?i:afbud|fraværende|deltagere|mødedeltagere|til stede|mødeleder|sekretær|referent|"
                              r"ordstyrer))(?=[A-ZÆØÅ][a-zæøå])")
LABEL_GLUED_AT_END = re.compile(
    r"(?<=[\wæøå.])(?=(?:Deltagere|Mødedeltagere|Til stede|Tilstede|Afbud|Fraværende)\s*:\s*$)")
LABEL_GLUED_INSIDE = re.compile(r"(?:(?<=[a-zæøå]{3})|(?<=[a-zæøå]\.))"
                                r"(?=(?:Deltagere|Til stede|Tilstede|Afbud|Fraværende|Dagsorden|Referent|Gæster)\s*:)")
# 'Susanne SommerPunkt 61.': a letter's signature and the next item's 'Punkt N' heading run together
PUNKT_GLUED_AT_END = re.compile(r"(?<=[a-zæøå])(?=Punkt\s+\d{1,3}\.?\s*$)")
LEADER_AFTER_NUMBER = re.compile(r"^(\s*(?:[•·▪\-–]\s*)?\d{1,3})\.{3,}\s*(?=[A-ZÆØÅ])")  # '1.......... Titel'


# 'Sag 137 / 30 min / JRW / Orientering/beslutning' above the case's title: its number, then its allotted time, who
# presents it and what kind it is, each after a slash
CASE_WITH_DETAILS = re.compile(r"^\s*(?P<case>(?:sag|punkt|pkt\.?)\s*(?:nr\.?\s*)?\d{1,4})\s*(?P<details>/\s*\S.*)$",
                               re.I)


def _case_details_below_title(raw_lines: list[str]) -> list[str]:
    """'Sag 137 / 30 min / JRW / Orientering' / 'Skoleprojekt': the case's number stays above its title, and the
    details after the slashes go below it as the case's first text. Only where two such lines or more stand."""
    if sum(1 for ln in raw_lines if "/" in ln and CASE_WITH_DETAILS.match(ln)) < 2:
        return raw_lines
    out = list(raw_lines)
    for i, ln in enumerate(raw_lines):
        m = CASE_WITH_DETAILS.match(ln) if "/" in ln else None
        if not m:
            continue
        title_at = next((k for k in range(i + 1, min(i + 4, len(out))) if out[k].strip()), None)
        out[i] = m.group("case")
        if title_at is None or CASE_WITH_DETAILS.match(out[title_at]):
            out[i] += f"\n{m.group('details')}"  # (no title below: the page was cut; the details stay text)
        else:
            out[title_at] = f"{out[title_at]}\n{m.group('details')}"
    return [piece for ln in out for piece in ln.split("\n")]


def _prepare(raw_lines: list[str]) -> tuple[list[str], set[int]]:
    """Web furniture blanked; run-on lines (a transcript with every item on one line) cut before each
    item number; long header lines cut before inline labels ('Til stede:', 'Afbud:')."""
    out: list[str] = []
    run_on: set[int] = set()
    last_listed: int | None = None  # the last item number of the run-on list above, while the next lines go on
    raw_lines = _case_details_below_title(raw_lines)
    for ln in (piece for line in raw_lines for piece in layout.split_contents_glued(line)):
        ln = layout.strip_furniture(ln)
        if "  " not in ln:  # "R e f e r a t" -> "Referat" (letter-spaced words of PDF transcripts)
            ln = LETTER_SPACED.sub(lambda m: m.group(0).replace(" ", ""), ln)
        pieces = layout.split_run_on(ln) if len(ln) >= 200 else layout.split_glued_number(ln)
        if len(pieces) == 1 and len(ln) >= 200:
            pieces = layout.split_glued_run(ln)
        continued = layout.run_on_continued(ln, last_listed) if len(ln) < 200 and last_listed and ln.strip() else None
        if continued:  # the list goes on at the top of the next page of the transcript
            pieces = continued
        if len(ln) >= 200 and len(pieces) > 1:
            last_listed = layout.last_run_on_number(pieces)
        elif ln.strip() and not continued:
            last_listed = None
        for piece in pieces:
            for part in layout.split_header_labels(piece):
                if continued or len(ln) >= 200 and (len(pieces) > 1 or layout.PAGE_BEFORE_ITEM.match(ln)):
                    run_on.add(len(out))  # a transcript's run-on line
                if part[:1] in "AaFfDdMmTtSsRrOo" and GLUED_LIST_LABEL.match(part):  # 'AfbudClaus Kroman, …' (a table)
                    part = GLUED_LIST_LABEL.sub(r"\1: ", part)
                if ":" in part and LABEL_GLUED_INSIDE.search(part):
                    # '… i konfirmandhusetAfbud: Ib Rasmussen', 'Afbud: Helga Blomgreen.Dagsorden:': a label glued
                    # to the word before it starts its own line
                    out.extend(p for p in LABEL_GLUED_INSIDE.split(part) if p.strip())
                    continue
                glued = LABEL_GLUED_AT_END.search(part) if ":" in part else \
                    PUNKT_GLUED_AT_END.search(part) if "Punkt" in part else None  # (the label's colon ends it)
                if glued:  # '… torsdag den 5. december 2013Deltagere:' (the list's label glued to the title line)
                    out.extend([part[:glued.start()], part[glued.start():]])
                    continue
                if ":" in part and len(part) < 120 and SENTENCE_THEN_ABSENT_LABEL.search(part):
                    # '…, Charlotte Slot. Afbud: Jesper Knudsen, …': a short line the long-line splitter leaves
                    out.extend(SENTENCE_THEN_ABSENT_LABEL.split(part))
                    continue
                out.append(part)
    return _without_item_codes(_unglued_allotments(out)), run_on


# 'Punkt 210 minElevrådet har ordet': a flattened table's number, minutes allotted and title cells run together
GLUED_ALLOTMENT = re.compile(r"^(?P<lead>\s*(?:punkt|pkt\.?)\s*)(?P<digits>\d{2,4})\s*(?P<unit>min\.?)(?=[A-ZÆØÅ])",
                             re.I)


def _unglued_allotments(lines: list[str]) -> list[str]:
    """'Punkt 15 minGodkendelse …', 'Punkt 210 minElevrådet …' -> 'Punkt 1 5 min Godkendelse …', 'Punkt 2 10 min
    Elevrådet …': the digits are cut where the item numbers run on from the one before (1, 2, 3 …); a line whose
    digits do not begin with the next number is left as it is."""
    expected = 1
    out = []
    for ln in lines:
        m = GLUED_ALLOTMENT.match(ln) if ln and ln.lstrip()[:1] in "Pp" else None
        number = str(expected)
        if m and m.group("digits").startswith(number) and len(m.group("digits")) > len(number):
            minutes = m.group("digits")[len(number):]
            ln = f"{m.group('lead')}{number} {minutes} {m.group('unit')} {ln[m.end():]}"
            expected += 1
        out.append(ln)
    return out


def _without_item_codes(lines: list[str]) -> list[str]:
    """'HR 1. Oplæg', 'HR 2. Økonomi' (a body's code before every item number, in the contents and at the
    items): the code goes when the same code stands before two or more different numbers."""
    found: dict[str, set[str]] = {}
    for ln in lines:
        m = ITEM_CODE.match(ln) if ln[:12].lstrip(" •·▪-–")[:1].isupper() else None
        if m:
            found.setdefault(m.group("code"), set()).add(m.group("num"))
    codes = {code for code, numbers in found.items() if len(numbers) >= 2}
    if not codes:
        return lines
    out = []
    for ln in lines:
        m = ITEM_CODE.match(ln)
        if m and m.group("code") in codes:
            ln = LEADER_AFTER_NUMBER.sub(r"\1. ", m.group("lead") + ln[m.end():])
        out.append(ln)
    return out



BODY_NOUN = re.compile(r"(?:udvalg(?:et)?|råd(?:et)?|bestyrelse(?:n)?|forum(?:met)?|gruppe(?:n)?|komit[eé](?:en)?|"
                       r"nævn(?:et)?|klynge(?:n)?|repræsentantskab(?:et)?|forsamling(?:en)?|panel(?:et)?)$", re.I)


CLOSING_LABEL = re.compile(r"mødet\s+(?:hævet|hævedes|sluttet|afsluttet)\s*:", re.I)
CLOCK_LINE = re.compile(r"(?:kl\.?\s*)?(\d{1,2})[.:](\d{2})(?::\d{2})?\s*(?P<half>AM|PM)?\.?", re.I)


def _clock_below(lines: list[str], k: int) -> datetime.time | None:
    """The time on the next line that holds text ('05:00 PM': a page's 12-hour clock), or None."""
    below = next((ln.strip() for ln in lines[k + 1:k + 4] if ln and ln.strip()), "")
    m = CLOCK_LINE.fullmatch(below)
    if not m:
        return None
    hour = int(m.group(1)) % 12 + 12 if (m.group("half") or "").upper() == "PM" else int(m.group(1))
    return _time(str(hour), m.group(2))


STAMP_PLACE = re.compile(r"^(?:sted|mødested)\s*:\s*(?P<place>\S.{2,120})$", re.I)


def _stamped_place(lines: list[str]) -> str | None:
    """'Beslutning fra Integrationsrådet' / 'Dato: 11. januar 2018' / 'Sted: Kantinen, …': an item's decision stamped
    with the meeting's date and place (below the first item, where the header's labels are not read)."""
    for k, ln in enumerate(lines):
        m = STAMP_PLACE.match(ln.strip()) if ln and ln[:1] in "SsMm" else None
        if m and re.match(r"[\w -]{2,25}:", m.group("place")):
            continue  # 'Sted: Mødeleder: …': another label, the place left empty
        if m and any(x and layout.DATE_LABEL.match(x.strip()) and layout.dates_in(x) for x in lines[max(0, k - 3):k]):
            return m.group("place").strip(" .")
    return None


HELD_AT = re.compile(r"\bmødet\s+(?:blev\s+)?(?:af)?holdt(?:es)?\s+(?:på|i|hos)\s+"
                     r"(?P<place>(?-i:[A-ZÆØÅ])[\wæøå.' -]{2,60}?)(?:\s+og\s+|\s+kl\b|\s+fra\s+\d|[.,;]|$)", re.I)


def _held_at(lines: list[str]) -> str | None:
    """'3. Mødet blev afholdt på Birkevang i Gilleleje og varede fra 13.00 - 16.00': the meeting's place said in a
    sentence anywhere (an item's decision), when the header gives none."""
    for ln in lines:
        m = HELD_AT.search(ln) if ln and "holdt" in ln else None
        if m and not layout.SENTENCE_VERB.search(m.group("place")):
            return m.group("place").strip()
    return None


ITEM_REFERENCE_PLACE = re.compile(r"^[-–•·]?\s*(?:pkt\.?|punkt)\s*\d", re.I)


def _meeting_sentence(lines: list[str]) -> tuple[datetime.time | None, datetime.time | None, str | None] | None:
    """(start, end, body) from the first sentence anywhere in the text that says when the meeting began
    ('Mødet i Sundhedsudvalget begyndte kl. 14:30 og sluttede kl. 17:00') or ended ('Mødet blev hævet kl. 16.10')."""
    start = end = body = None
    for k, ln in enumerate(lines):
        if not ln or "øde" not in ln:
            continue
        if end is None and CLOSING_LABEL.fullmatch(ln.strip()):
            end = _clock_below(lines, k)  # 'Mødet hævet:' / '05:00 PM'
        m = layout.START_SENTENCE.search(ln)
        if m and start is None:
            start = _time(m.group(2), m.group(3))
            body = m.group("body")
            if m.group(4):
                end = _time(m.group(4), m.group(5))
        if end is None:
            e = layout.END_SENTENCE.search(ln)
            if e:
                end = _time(e.group(1), e.group(2))
        if start is not None and end is not None:
            break
    return (start, end, body) if start is not None or end is not None else None


def heading_lines(text: str) -> tuple[list[str], list[str], set[int]]:
    """The lines find_headings reads (plain), the prepared raw lines and the run-on line indexes."""
    raw_lines, run_on = _prepare(text.split("\n"))
    return [plain(ln) for ln in raw_lines], raw_lines, run_on


def _section_of(text: str):
    for name, pattern in SECTION_RE:
        m = pattern.match(text)
        if m:
            return name, (m.group("rest") or "").strip()
    if RECOMMENDATION_LEAD.match(text):
        return "recommendations", text
    role = layout.label_role(text)
    if role:
        return role, ""
    return None


def _labelled_section(text: str) -> bool:
    """A section word of the fixed vocabulary (evidence of a meeting document)."""
    return any(pattern.match(text) for _, pattern in SECTION_RE) or bool(RECOMMENDATION_LEAD.match(text))


def _looks_like_heading_title(title: str) -> bool:
    return bool(title) and len(title) <= 250 and not title.rstrip().endswith((",", ";"))


def _find_headings(lines: list[str]) -> list[_Heading]:
    punkt = []
    for i, text in enumerate(lines):
        if i % 256 == 0:
            checkpoint()
        if not text or TOC_LINE.search(text):
            continue
        m = PUNKT.match(text)
        if not m:
            continue
        title = m.group("title").strip()
        num = m.group("num") or m.group("adnum")
        if m.group("sep").isspace():
            if not num or not title or title[0].islower() or title.endswith("."):
                continue  # "Punkt 3 blev drøftet ..." is a sentence, not a heading
        if not _looks_like_heading_title(title) and title:
            continue
        number = int(num) if num else None
        punkt.append(_Heading(i, number, title))
    if punkt:
        return punkt

    candidates = []
    for i, text in enumerate(lines):
        m = NUMBERED.match(text)
        if not m or TOC_LINE.search(text) or re.match(r"^\d{1,2}[.)]\s*\d", text):
            continue
        title = m.group("title").strip()
        if not title[0].isupper() or not _looks_like_heading_title(title) or re.match(r"^at\s", title, re.I):
            continue  # "2. At temagruppen godkender ..." is a recommendation
        # tier 2: the line carries a slot or a presenter, or a section word / journal number follows;
        # tier 1: it opens with a word items open with; tier 0: only its number
        tier = 2 if SLOT.search(title) or PRESENTER.search(SLOT.sub("", title)) else 0
        for j in range(i + 1, min(len(lines), i + 5)):
            if lines[j]:
                if _section_of(lines[j]) or CASE_NUMBER.match(lines[j]):
                    tier = 2
                break
        if tier == 0 and ITEM_OPENING.match(title):
            tier = 1
        candidates.append(_Heading(i, int(m.group("num")), title, tier == 2, tier))
    strong = [c for c in candidates if c.tier == 2]
    if len(strong) >= 2:
        chosen = sorted(strong, key=lambda c: c.index)
        taken = {c.number for c in strong}
        for c in sorted((c for c in candidates if c.tier < 2), key=lambda c: -c.tier):
            if c.number in taken:
                continue
            before = [h for h in chosen if h.index < c.index]
            after = [h for h in chosen if h.index > c.index]
            if (not before or before[-1].number < c.number) and (not after or c.number < after[0].number):
                chosen.append(c)
                chosen.sort(key=lambda h: h.index)
                taken.add(c.number)
        return chosen
    # only weak candidates: the longest run counting 1, 2, 3, ...
    chain: list[_Heading] = []
    for c in candidates:
        if c.number == (chain[-1].number + 1 if chain else 1):
            chain.append(c)
        elif c.number == 1 and not chain:
            chain = [c]
    return chain


UNNUMBERED_PUNKT = re.compile(r"^(?i:punkt|pkt\.?)\s*[:\-–]\s*([A-ZÆØÅ].*)$")


def _breaks(lines: list[str], taken: set[int]) -> list[_Heading]:
    """Unnumbered breaks with a slot ("Pause (kl. 19.10-19.20)") are items too."""
    found = []
    for i, text in enumerate(lines):
        if i in taken or not text or len(text) > 80:
            continue
        if layout.BREAK_TITLE.match(text) and SLOT.search(text):
            if not TOC_LINE.search(text):
                found.append(_Heading(i, None, text))
            continue
        m = UNNUMBERED_PUNKT.match(text)
        if m and not TOC_LINE.search(text):  # "Punkt : Pause (19.10-19.20)": an unnumbered item
            found.append(_Heading(i, None, m.group(1)))
    return found


TYPE_CODE = re.compile(r"\s*\((?:[BODE0](?:\s*[/+,]\s*[BODE0])*|beslutning|orientering|drøftelse)\)\.?\s*$", re.I)
# 'Formandens meddelelser – til orientering', 'Budget 2024 (til beslutning)': what the item asks of the meeting
PURPOSE = re.compile(r"\s*(?:[-–—:]\s*|\(\s*)til\s+(?:orientering|beslutning|drøftelse|godkendelse|efterretning)"
                     r"(?:\s+og\s+(?:orientering|beslutning|drøftelse|godkendelse|efterretning))?\s*\)?\.?\s*$", re.I)
# 'Forventningsafstemningssamtale - udgået', 'Eventuelt - intet', 'Nyt fra udvalgene – intet nyt': the minutes'
# short outcome after the title
TRAILING_OUTCOME = re.compile(r"\s+[-–]\s+(?P<outcome>udgået|udgår|drøftet|intet(?: nyt| at berette)?|"
                              r"ingen(?: bemærkninger)?|godkendt|vedtaget|udsat|"
                              r"taget til efterretning|behandlet|"
                              r"[A-ZÆØÅ][\wæøå ]{0,40}\s(?:blev|var|er)\s+"
                              r"(?:valgt|godkendt|vedtaget|genvalgt|udpeget))\.?\s*$")
# ('Valg af referent – Andreas blev valgt': who was chosen, said in the past tense, is the minutes' too)
# 'Habilitetspolitik, beslutningspunkt', 'Meddelelser (orienteringspunkt)': the kind of item, after its title
PURPOSE_KIND = re.compile(r"\s*(?:[,–—-]\s*|\(\s*)(?:beslutnings|orienterings|drøftelses|debat|godkendelses)punkt"
                          r"\s*\)?\.?\s*$", re.I)
# '... v/Præsterne (B 10 min.)', '(ca. 15 minutter)': the time allotted to the item, not part of its title (nor
# is a break announced after it: '(O 10 min.) Pause 10 min.'); the allotment ends the heading, and what follows on
# the line is the item's own text ('... v/Inge Frandsen (10 min.) Inge Frandsen bød velkommen')
# '10 min D+B: Årshjul …': the minutes allotted and the item's kind (B, O, D) before its title
LEADING_ALLOTMENT_AND_KIND = re.compile(r"^\d{1,3}\s*min\.?\s+[BODI](?:\s*[+/]\s*[BODI])*\s*[:.]\s+(?=[A-ZÆØÅ])")
TRAILING_DASH_ALLOTMENT = re.compile(r"\s+(?:[-–]\s*)?(?:ca\.\s*)?\d{1,3}\s*min(?:\.|ut(?:ter)?)?\.?\s*$", re.I)
ALLOTTED_UNTIL = re.compile(r"\s*\(\s*(?:ca\.\s*)?\d{1,3}\s*min\.?\s*[-–,]\s*slut\s+kl\.?\s*(\d{1,2})[.:](\d{2})\s*\)",
                            re.I)
# ('(10 min, orientering)', '(beslutning, 5 min.)', '(30 min. inkl. spørgsmål)', '(O - 15 min)', '(5 min./O)': the
# item's kind or what the minutes include may stand beside them in the bracket)
ALLOTMENT_KIND = r"(?:orientering|beslutning|drøftelse|debat|godkendelse|information|dialog|inspiration)"
ALLOTTED_TIME = re.compile(
    rf"\s*\((?:[BOD](?:\s*/\s*[BOD])?\s*[,–-]?\s*|{ALLOTMENT_KIND}\s*[,/–-]\s*)?(?:ca\.\s*)?\d{{1,3}}\s*"
    rf"(?:min(?:\.|ut(?:ter)?)?)\.?(?:\s*[,/–-]\s*(?:{ALLOTMENT_KIND}|[BOD]\b)|\s+inkl\.?\s+[a-zæøå]+)?\s*\)\.?"
    r"(?:\s+pause\b[^()]{0,30}$)?\s*", re.I)
# 'Orientering fra præsterne v/præsterne': after the unambiguous 'v/' (ved) the rest of the heading, whatever its
# case, names who presents it
SLASH_V_PRESENTER = re.compile(r"\s+[vV]/\s*(?P<who>[^()/:;]{2,60}?)\s*$")


PRESENTER_INITIALS = re.compile(r"[A-ZÆØÅ]{2,4}(?:\s*(?:/|,|&|og)\s*[A-ZÆØÅ]{2,4})*\.?")


def _initials_after_v(match: re.Match) -> bool:
    """'Kirkeværge v/DSC', 'Aktivitetsudvalget v. FAS': after the unambiguous 'v/' or 'v.' a member's initials
    present the item (an organisation's letters would too); only after the plain 'ved' may capitals be a place."""
    return not match.group(0).strip().lower().startswith(("ved", ",")) and \
        bool(PRESENTER_INITIALS.fullmatch(match.group("name").strip()))


# an Aula template's fields after a numbered item's title: who is responsible, then how the item is handled
RESPONSIBLE_FIELDS = re.compile(r"\s*[:\-–]?\s*(?:[-–]\s*)?Ansvarlig\s*\((?P<who>[^()]{1,80})\)\s*"
                                r"(?:[-–]\s*Proces\s*\([^()]*\)?)?\s*$")


ATTACHED_NOTE = re.compile(r"\s+[-–]\s*(?:bilag\s+)?(?:er\s+)?vedhæftet\.?\s*$", re.I)  # ('(vedhæftet)' stays)
# 'Orientering om bestyrelsens arbejde:Vedtægter 2014.pdfVedtægter 2014.pdf': the attached files' names after a colon
ATTACHED_FILES = re.compile(r"\s*:\s*(?=[^:]{1,200}?\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|sxc|sxw|rtf|txt)\b)", re.I)


# 'Elevrådet /(O), (D) / 5 min / AM', 'Referat fra sidste møde/ 3 min.  Slut kl. 18.03': after slashes, the kind of
# item, the minutes allotted and who presents (initials), then when the item ends; a field of minutes or a kind is
# needed ('Budget, status skole/SFO' keeps its '/SFO')
SLASHED_FIELDS = re.compile(
    r"(?:\s*/\s*(?:\([BODI]\)(?:\s*,\s*\([BODI]\))*|\d{1,3}\s*min\.?|[A-ZÆØÅ]{2,3}(?:\s*[+&]\s*[A-ZÆØÅ]{2,3})*)){1,4}"
    r"\s*(?:Slut\b(?:\s+kl\.?\s*(?P<hour>\d{1,2})[.:](?P<minute>\d{2}))?)?\s*$")  # ('Slut' alone: its time cut off)
OPEN_ALLOTMENT = re.compile(r"\s*\(\s*(?:\d+\s*timer?\s*)?(?:\d+\s*min\.?)?\s*[,;]?\s*$", re.I)


TOLD_BY = re.compile(r"(?:\.\s+|\s+)(?:Orientering|Oplæg|Fremlæggelse)\s+(?:ved|v\.)\s+"
                     r"(?P<who>[A-ZÆØÅ][\wæøå-]+(?:\s+[A-ZÆØÅ][\wæøå.-]+){1,3})\.?\s*$")


def _inside_remark(text: str, mark: re.Match) -> bool:
    """The mark stands inside a bracket that opened before it with words of its own ('(dele som lukket punkt)')."""
    before = text[:mark.start()]
    return "(" not in mark.group(0) and before.count("(") > before.count(")") \
        and bool(re.search(r"\w", before[before.rfind("("):]))


def _inside_words(text: str, mark: re.Match) -> bool:
    """'Evt. lukket møde (uden elevdeltagelse)': a mark with no bracket or dash of its own, between the title's own
    words, is what the item is about (it is closed all the same); cutting it would leave 'Evt. (uden …)'."""
    if re.search(r"[()\[\]\-–]", mark.group(0)):
        return False
    before, after = text[:mark.start()].rstrip(), text[mark.end():].lstrip()
    return bool(re.search(r"[\w.]$", before)) and bool(re.match(r"[\w(]", after))


# 'Sager til beslutning', 'Punkter til orientering/drøftelse', 'Beslutningssager': an agenda's group labels, which a
# flattened text runs onto the title of the group's last item before them
AGENDA_GROUP_LABEL = re.compile(r"\s+(?:(?:sager|punkter)\s+til\s+(?:beslutning|orientering|drøftelse|godkendelse|"
                                r"efterretning)|beslutningssager|orienteringssager|drøftelsessager)\b", re.I)
LEADING_CASE_NUMBER = re.compile(r"^(?:j\.\s*nr\.?|journalnr\.?|sagsnr\.?)\s*[\d][\d/.-]*\s+(?=[A-ZÆØÅ\d])", re.I)


LETTERED_POINT_AFTER = re.compile(r"(?<=[a-zæøå]{2})\.\s+(?:Ad\s+)?[A-Ha-h]\)\s+(?=[A-ZÆØÅ])")


def _split_heading(title: str) -> tuple[str, str | None, datetime.time | None, datetime.time | None, bool, str]:
    """Title -> (title, presenter, start, end, closed, text after the heading on the same line)."""
    tail = ""
    # ('Bestyrelsens beslutning.: Godkendt': a body's own label, its full stop before the colon)
    m = re.search(r"(?:(?<=[.:)])|\s{2,}|\s[-–]\s)\s*(?=(?:[a-zæøå]+s\s+)?(?:resum[eé]|sagsfremstilling|indstilling|"
                  r"det indstilles|beslutning|referat|bilag)\s*(?:\.?\s*:|\.?$))", title, re.I)
    if m:
        title, tail = title[:m.start()].strip(), title[m.end():].strip()
    m = re.search(r"(?<=\w)\.:\s+(?=\S)", title)  # 'Eventuelt.: Intet': a full stop and a colon end the title
    # ('Siden sidst: A) Kirkelige tællinger …': the item's lettered points begin after the colon)
    lettered = re.search(r"(?<=\w):\s+(?=[A-Ha-h]\)\s+[A-ZÆØÅ])", title)
    if not m and lettered and layout.SENTENCE_VERB.search(title[lettered.end():]):
        m = lettered  # (a point that is a sentence is the minutes; 'Gudstjenester: a) Julegudstjenester …?' is a title)
    if m:
        title, tail = title[:m.start()].strip(), f"{title[m.end():].strip()} {tail}".strip()
    m = AGENDA_GROUP_LABEL.search(title)
    if m and m.start() > 0:  # 'Meddelelser fra direktionen Sager til beslutning': the next group's label ran on
        title, tail = title[:m.start()].strip(), f"{title[m.start():].strip()} {tail}".strip()
    m = LEADING_CASE_NUMBER.match(title)
    if m and m.end() < len(title):  # 'J.nr. 5 DanFiber salg af aktier': the case's journal number before its title
        title, tail = title[m.end():].strip(), f"{m.group(0).strip()} {tail}".strip()
    responsible = RESPONSIBLE_FIELDS.search(title) if "nsvarlig" in title else None
    if responsible and responsible.start() > 0:  # 'Boden - Ansvarlig(Mikkel og René) - Proces(Information)'
        title = title[:responsible.start()].strip()
    closed_case = bool(CLOSED_CASE_MARK.search(title))
    title = CLOSED_CASE_MARK.sub("", title) or title
    closed = closed_case or bool(CLOSED.search(title)) and bool(re.search(r"\blukket\b|\bfortroligt\b", title, re.I))
    if closed and CLOSED.search(title) and not CLOSED_MEETING_TITLE.match(title):
        bare = re.sub(r"\s+[.,;:]$", "", CLOSED.sub(" ", title).strip())  # '… ledelse). (Lukket punkt).'
        if bare[:1].islower() and CLOSED.match(title):
            bare = title  # 'Fortroligt af hensyn til tredjepart': the word begins the title's own sentence
        elif _inside_remark(title, CLOSED.search(title)) or _inside_words(title, CLOSED.search(title)):
            bare = title  # 'Rektoratsrapport (dele som lukket punkt)': the mark is part of a remark; closed, kept
        # 'Lukket punkt.' names no title: the item keeps 'Lukket punkt' rather than a lone full stop; nor does a
        # remark in brackets ('Lukket punkt (personale-spørgsmål)'), which stays beside it
        title = bare if re.search(r"\w", bare) and not re.fullmatch(r"\([^()]*\)", bare) else \
            f"Lukket punkt {bare}".strip() if re.search(r"\w", bare) else "Lukket punkt"
    start = end = None
    until = ALLOTTED_UNTIL.search(title)
    if until and until.start() > 0:  # 'Nyt fra elevrådet (10 min - slut kl. 18.45)': the item's end
        end = _time(until.group(1), until.group(2))
        title = title[:until.start()] + title[until.end():]
    slots = list(SLOT.finditer(title))
    slot = slots[-1] if slots else None
    if slot is not None:
        start, end = _time(slot.group(1), slot.group(2)), _time(slot.group(3), slot.group(4))
        title = (title[:slot.start()] + title[slot.end():]).strip()
        if title.count("(") > title.count(")"):  # 'Pause (5 min. kl. 14.00 - 14.05)': the allotment before the slot
            title = OPEN_ALLOTMENT.sub("", title)
    else:
        single = KL_TIME.search(title)
        before_time = title[:single.start()] if single else ""
        if single and ((re.search(r"\b\d{4}\s*,?\s*$", before_time) and layout.dates_in(before_time))
                       or re.search(rf"\b\d{{1,2}}\.\s*(?:{layout.MONTH_RE})\s*,?\s*$", before_time, re.I)):
            single = None  # 'Næste møde torsdag den 29. oktober 2020 kl. 17.30', 'Indsamling 11. marts kl. 10.30': the
            # time of that date, no slot
        elif single and before_time.strip(" (-–") and re.search(r"\w", title[single.end():]) \
                and not title[single.end():].lstrip().startswith((")", "-", "–")):
            single = None  # '… en månedlig gudstjeneste kl. 11.00 i Elev Kirke': a time in the title's sentence
        if single:
            start = _time(single.group(1), single.group(2))
            title = (title[:single.start()] + title[single.end():]).strip(" ()")
    title = re.sub(r"\(\s*\)", "", title).strip()
    fields = SLASHED_FIELDS.search(title)
    if fields and fields.start() > 0 and re.search(r"\d\s*min|\([BODI]\)", fields.group(0)):
        if fields.group("hour") and end is None:  # '… / 10 min /GG  Slut kl. 18.40': the item's end
            end = _time(fields.group("hour"), fields.group("minute"))
        title = title[:fields.start()].strip()
    allotted = ALLOTTED_TIME.search(title)
    if allotted and allotted.start() > 0:
        after = title[allotted.end():].strip()
        title = title[:allotted.start()]
        tail = f"{after} {tail}".strip() if after else tail
    title = LEADING_ALLOTMENT_AND_KIND.sub("", title)  # '5 min B: Konstituering', '35 min O+D. Lejrskoler'
    title = TRAILING_DASH_ALLOTMENT.sub("", title)  # 'Bestyrelsen orienteres om enkeltsag – 30 min.'
    title = layout.LEADING_TYPE_CODE.sub("", title)
    title = TYPE_CODE.sub("", title)  # 'Godkendelse af dagsorden (B)': B(eslutning), O(rientering), D(røftelse),
    # E(ventuelt)
    title = OPEN_MARK.sub("", title) or title
    purpose = PURPOSE.search(title) or PURPOSE_KIND.search(title)
    if purpose and purpose.start() > 0:
        title = title[:purpose.start()]
    attached = ATTACHED_NOTE.search(title)
    if attached and attached.start() > 0:  # 'Strategikort 2015 - vedhæftet': the note of an attachment
        title = title[:attached.start()]
    files = ATTACHED_FILES.search(title)
    if files and files.start() > 0:
        title, tail = title[:files.start()], f"{title[files.end():].strip()} {tail}".strip()
    lettered = LETTERED_POINT_AFTER.search(title)
    if lettered and lettered.start() > 0:  # 'Siden sidst. A) Organistens fagforening …': the minutes' sub-points
        tail = f"{title[lettered.start() + 1:].strip()} {tail}".strip()
        title = title[:lettered.start()]
    outcome = TRAILING_OUTCOME.search(title)
    if outcome and outcome.start() > 0:  # 'City kirke samarbejdet - drøftet': the outcome is the item's text
        tail = f"{outcome.group('outcome').capitalize()}. {tail}".strip()
        title = title[:outcome.start()]
    presenter = None
    told = TOLD_BY.search(title)
    if told and told.start() > 0 and not layout.is_organisation(told.group("who")):
        # '… (bilag vedhæftet). Orientering ved Knud Nielsen.': who presents, in a sentence after the title
        presenter, title = told.group("who").rstrip("."), title[:told.start()].rstrip(" .")
    bracketed = BRACKETED_PRESENTER.search(title) if presenter is None else None
    if bracketed and bracketed.start() > 0:  # 'Orientering fra Skolerådet: (v. AS/HE)'
        presenter, title = bracketed.group("who").strip(), title[:bracketed.start()].rstrip(" :")
    before_presenter = title
    pm = PRESENTER.search(title) if presenter is None else None
    if pm and layout.is_organisation(pm.group("name")) and not _initials_after_v(pm):
        pm = None  # "... ved Odense Universitetshospital" is a place, not a presenter
    if pm and pm.group(0).strip().startswith("ved") and (PLACE_PREPOSITION.search(f" {pm.group('name')} ")
                                                          or not NAME_RE.match(pm.group("name").strip())
                                                          or PLACE_NOUN_END.search(pm.group("name").strip())):
        # "... boliger ved Vesterbrogade i Gilleleje", "Cykelsti ved Nymindegab", "ny skole ved Ortenvej, Varde",
        # "boligbebyggelse ved Virum Station": after the plain 'ved' only a person's full name presents the item
        pm = None
    if pm:
        presenter = pm.group("name").strip().rstrip(".,")
        title = title[:pm.start()].strip()
    rm = ROLE_PRESENTER.search(title) if not pm else None
    if rm is None and not pm:
        rm = ROLE_PRESENTER_VED.search(title)
        rm = rm if rm and _presenting_role(rm.group("role")) else None
    if rm and not layout.is_organisation(rm.group("name")):
        presenter = re.sub(r"(?<=[a-zæøå]{2})\.$", "", rm.group("name"))  # 'Ann Britt Møller.' (not 'Hans P.')
        title = title[:rm.start()].strip()
        pm = rm
    om = ROLE_ONLY_PRESENTER.search(title) if not pm else None
    if om and om.start() > 0:
        presenter = om.group(0).strip()[2:].strip()
        title = title[:om.start()].strip()
        pm = om
    vm = SLASH_V_PRESENTER.search(title) if not pm else None
    if vm and vm.start() > 0 and not layout.is_organisation(vm.group("who")):
        presenter = vm.group("who").strip().rstrip(".,")
        title = title[:vm.start()].strip()
        pm = vm
    sm = SLASH_PRESENTER.search(title) if not pm else None
    if sm and sm.group("role") and ROLE_BEFORE_SLASH.search(title[:sm.start()]):
        sm = None  # 'Orientering fra formand / næstformand': the two roles are what the item is about
    if sm and sm.start() > 0:  # 'Kort nyt / ved formanden', 'Regnskab / kassereren'
        presenter = (sm.group("name") or sm.group("role")).strip().rstrip(".,")
        title = title[:sm.start()].strip()
    person = PERSON_AFTER_SLASH.search(title) if not pm and not sm else None
    if person and person.start() > 0 and _a_persons_name(person.group("name")):
        presenter, title = person.group("name"), title[:person.start()].strip()  # 'Kvartalsregnskab / Kirsten Schou'
    said = _name_said_again(presenter) if presenter else None
    if said:  # 'Velkommen v/Lise Hindsholm Lise Hindsholm bød forsamlingen velkommen.': her words follow
        presenter, tail = said[0], f"{said[1]} {tail}".strip()
    if presenter and re.search(r":\s+[a-zæøå]", presenter):
        # 'Oplæg v/ Vejdirektoratet: projektstyring af …': the subject follows the speaker; the line is one title
        title, presenter = before_presenter, None
    title = title.strip(" -–:,").strip()
    title = _without_final_full_stop(title)
    if closed and re.fullmatch(r"(?:pkt\.?|punkt)", title, re.I):  # 'Lukket pkt. v. Janne': the word is the title
        title = f"Lukket {title}"
    if presenter is None and responsible and responsible.start() > 0:
        presenter = responsible.group("who").strip()
    return title, presenter, start, end, closed, tail


def _name_said_again(who: str) -> tuple[str, str] | None:
    """'Lise Hindsholm Lise Hindsholm bød forsamlingen velkommen' -> ('Lise Hindsholm', 'Lise Hindsholm bød …'): a
    presenter's name written again at once begins the item's text."""
    words = who.split()
    for n in (2, 3, 4):
        if len(words) > 2 * n and words[:n] == words[n:2 * n] and all(w[:1].isupper() for w in words[:n]):
            return " ".join(words[:n]), " ".join(words[n:])
    return None


# Words whose full stop marks an abbreviation, not the end of a title ('Evt.', 'Høringer mv.', 'Præstens pkt.'):
# the heading rules' list and a few more seen at the end of titles.
TITLE_ABBREVIATIONS = layout.ABBREVIATIONS | {"etc", "iflg", "pga", "orient", "ref"}


def _without_final_full_stop(title: str) -> str:
    """'Tilsynsrapporter.', 'Indledning ved Hans, som tager brød med.', '... den 15.03.2018.': a full stop after a
    one-sentence title is dropped; an abbreviation's ('Evt.', 'm.v.', 'd. 29.8.') and a second sentence stay."""
    if not title.endswith(".") or re.search(r"\.\s+[A-ZÆØÅ]", title):
        return title
    if title.endswith("..") and not title.endswith("..."):
        title = title[:-1]  # 'Evt..': a typed double stop is one
    last = title.split()[-1][:-1]
    if last.casefold() in TITLE_ABBREVIATIONS or len(last) < 2:
        return title
    if "." in last and not re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{2,4}|\d{1,2}[.:]\d{2}", last):  # '… kl. 17.30.'
        return title  # 'm.v.', 'd. 29.8.' (a date without its year keeps its point); '15.03.2018.' loses it
    return title[:-1]


TRAILING_INITIALS = re.compile(
    r"\s*\((?P<who>[A-Za-zÆØÅæøå]{2,4}(?:\s*(?:/|&|og)\s*[A-Za-zÆØÅæøå]{2,4})*)\)\s*:?\s*$")
# ', Per Skøt' / ', formanden/Per Skøt': a name after the title, perhaps after the presenting role
TRAILING_NAME = re.compile(rf",\s*(?P<who>(?:(?i:{title_tails.ROLE_WORD.pattern})\s*/\s*)?{NAME})\s*:?\s*$")
ABSENCE_LABEL = r"(?:fraværende|afbud|afbud fra|fravær)"
ABSENCE_HEADING = re.compile(rf"^(?P<label>{ABSENCE_LABEL})\s*:\s*(?P<names>\S.*)$", re.I)
ABSENCE_TITLE_ONLY = re.compile(rf"{ABSENCE_LABEL}\s*:?", re.I)  # '1. Fraværende:' with the names below it


def _initials(token: str) -> bool:
    """'laC', 'NÅS', 'GS/DH': initials, not a word ('Fælles') and not a party letter ('A')."""
    parts = [p.strip() for p in re.split(r"/|&|\bog\b", token)]  # 'GS/DH', 'MEK & RF'
    return all(sum(ch.isupper() for ch in p) >= 2 or (p[:1].islower() and any(ch.isupper() for ch in p))
               for p in parts)


def _trailing_presenters(items: list[ParsedItem]) -> None:
    """The responsible person written after the title, when the document does so at least twice:
    'Kastbjerg Kirke, status (laC)', 'Nyt fra skolens hverdag, Per Skøt'. The title ends before it."""
    for pattern, fits in ((TRAILING_INITIALS, _initials), (TRAILING_NAME, lambda who: not layout.is_organisation(who))):
        marked = [(it, m) for it in items if it.presenter is None
                  for m in [pattern.search(it.title)] if m and fits(m.group("who")) and m.start() > 3]
        if len(marked) < 2:
            continue
        for it, m in marked:
            it.presenter = m.group("who").strip()
            it.title = it.title[:m.start()].strip(" ,:-–")


# 'Meddelelser: 18.35', 'Økonomi 19.00': the time an item starts, written after its title without 'kl.'
TRAILING_TIME = re.compile(r"\s*:?\s+(?P<h>[01]?\d|2[0-3])[.:](?P<m>[0-5]\d)\s*$")


def _trailing_times(items: list[ParsedItem]) -> None:
    """A bare time after the title is the item's start when the document does so at least twice (one '… 19.00'
    could belong to the title)."""
    marked = [(it, m) for it in items if it.start is None
              for m in [TRAILING_TIME.search(it.title)] if m and m.start() > 3]
    if len(marked) < 2:
        return
    for it, m in marked:
        it.start = datetime.time(int(m.group("h")), int(m.group("m")))
        it.title = it.title[:m.start()].strip(" ,:-–")


def _absence_headings(items: list[ParsedItem]) -> list[str]:
    """'1. Fraværende: Birgith Lotzfeldt': the item is 'Fraværende'; the names are the meeting's apologies."""
    names: list[str] = []
    for it in items:
        m = ABSENCE_HEADING.match(it.title)
        if m and len(m.group("names")) < 200:
            it.title = m.group("label").capitalize()
            names.extend(_listed_names(m.group("names")))
        elif ABSENCE_TITLE_ONLY.fullmatch(it.title.strip()):
            # '1. Fraværende:' / 'Ole Jørgensen, Kirsten Larsen': the names on the item's first line of text
            said = it.description or it.minutes or it.decision
            first = next((ln.strip() for ln in said.split("\n") if ln.strip()), "")
            listed = _listed_names(first) if len(first) < 200 else []
            if listed and all(NAME_RE.match(n) for n in listed) and len(" ".join(listed)) >= 0.6 * len(first):
                it.title = it.title.strip().rstrip(":").strip().capitalize()
                names.extend(listed)
    return names


def _item_kind(title: str, recommendations: list[str]) -> str:
    t = title.lower()
    if re.match(r"^(skriftlig(e)? orientering|til skriftlig orientering|meddelelser)", t):
        return "written_briefing"
    if re.match(r"^(pause|frokost|frokostpause|kaffepause|kort pause)\b", t):
        return "break"
    if re.match(r"^(velkomst|velkommen|præsentation af deltagere)", t):
        return "welcome"
    if re.match(r"^godkendelse af (?:den )?dagsorden", t):
        return "agenda_approval"
    if re.match(r"^(eventuelt|evt\.?)(\b|$)", t):
        return "any_other_business"
    if re.match(r"^(orientering|status|nyt fra|opfølgning på)\b", t) or " til orientering" in t:
        return "orientation"
    if re.match(r"^(drøftelse|temadrøftelse|tema|dialog|input til|erfaringer)\b", t):
        return "discussion"
    recs = " ".join(recommendations).lower()
    if recs and "efterretning" in recs and not re.search(r"godkend|beslut|vedtag", recs):
        return "orientation"
    if recs and re.search(r"drøft", recs) and not re.search(r"godkend|beslut|vedtag|priorit", recs):
        return "discussion"
    return "decision"


def _recommendations(text: str) -> list[str]:
    lines = [ln.strip() for ln in text.split("\n")]
    numbered: list[str] = []
    bullets: list[str] = []
    at_lines: list[str] = []
    inline = None
    last = None
    for ln in lines:
        if not ln:
            last = None
            continue
        if RECOMMENDATION_LEAD.match(ln):
            m = re.search(r"\bat\s+(.+)$", ln)
            if m and not ln.endswith(":") and len(m.group(1)) > 3 and not re.match(r"^[A-ZÆØÅ]", m.group(1)):
                inline = m.group(1)
            continue
        m = re.match(r"^(\d{1,2})[.)]\s+(.*)$", ln)
        if m:
            numbered.append(m.group(2))
            last = "numbered"
            continue
        m = re.match(r"^-\s+(.*)$", ln)
        if m and m.group(1).strip():
            bullets.append(m.group(1))
            last = "bullets"
            continue
        if re.match(r"^at\s+", ln, re.I):
            at_lines.append(ln)
            last = "at"
            continue
        if last == "numbered":
            numbered[-1] += " " + ln
        elif last == "bullets":
            bullets[-1] += " " + ln
        elif last == "at":
            at_lines[-1] += " " + ln
    chosen = numbered or bullets or at_lines or ([inline] if inline else [])
    if not chosen:
        rest = [ln for ln in lines if ln and not RECOMMENDATION_LEAD.match(ln)]
        chosen = [" ".join(rest)] if rest else []
    out = []
    for rec in chosen:
        rec = re.sub(r"^at\s+", "", rec.strip(), flags=re.I)
        rec = re.sub(r"(?:,|;)?\s*(?:og|samt)?\s*$", "", rec).strip()
        if rec:
            out.append(rec)
    return out


def _table(block: list[str]) -> tuple[list[list], list[list[str]]]:
    raw_rows = []
    for ln in block:
        if ln.strip().startswith("|"):
            cells = [c.strip() for c in ln.strip().strip("|").split("|")]
            if all(re.fullmatch(r":?-{2,}:?", c) or not c for c in cells):
                continue
        else:
            cells = [c.strip() for c in ln.split("\t")]
        raw_rows.append(cells)
    width = max((len(r) for r in raw_rows), default=0)
    raw_rows = [r + [""] * (width - len(r)) for r in raw_rows]
    return [[cell_value(c) for c in r] for r in raw_rows], raw_rows


def _tasks(text: str, recommendation_numbers: set[int], organisations: list[str]) -> list[ParsedTask]:
    tasks = []
    for paragraph in text.split("\n"):
        number = None
        m = re.match(r"^(\d{1,2})[.)]\s+", paragraph)
        if m and int(m.group(1)) in recommendation_numbers:
            number = int(m.group(1))
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])", paragraph):
            sentence = re.sub(r"^\d{1,2}[.)]\s+", "", sentence).strip()
            due_m = DUE.search(sentence)
            due = None
            if due_m:
                try:
                    due = datetime.date(int(due_m.group("y")), MONTHS[due_m.group("m").lower().rstrip(".")],
                                        int(due_m.group("d")))
                except (ValueError, KeyError):
                    due = None
            sm = TASK_SECRETARIAT.search(sentence)
            if sm:
                tasks.append(ParsedTask(sentence.rstrip("."), "secretariat", None, due, number))
                continue
            org = next((o for o in organisations if re.search(rf"\b{re.escape(o)}\s+(?:{TASK_VERBS})\b", sentence)),
                       None)
            if org:
                tasks.append(ParsedTask(sentence.rstrip("."), "organisation", org, due, number))
                continue
            pm = TASK_PERSON.search(sentence)
            if pm:
                owner = pm.group("owner").strip()
                first = owner.split()[0]
                if ORG_PATTERN.fullmatch(owner) or first in {"Det", "Der", "Den", "De", "Fagligt", "Punktet"}:
                    continue
                if len(owner.split()) >= 2:
                    tasks.append(ParsedTask(sentence.rstrip("."), "person", owner, due, number))
    return tasks


GUEST_LEAD = re.compile(r"\bgæst(?:er|erne)?\b|\b(?:deltager|deltog)\s*(?:under punktet|på mødet)?\s*:?\s*$", re.I)
GUEST_UNDER_ITEM = re.compile(rf"^({NAME}),\s*(.+?)\s+deltager under punktet")


def _guests_in(lines: list[str], organisations: list[str]) -> list[ParsedPerson]:
    """Guests named in an item: after 'gæster', 'deltager:' or 'X deltager under punktet'."""
    guests: list[ParsedPerson] = []
    collecting = False
    for ln in lines:
        s = ln.strip()
        if not s:
            continue
        folded = s.casefold()
        if ("gæst" in folded or "delt" in folded) and GUEST_LEAD.search(s) \
                and (s.endswith(":") or s.endswith(".") or "gæst" in s.lower()):
            collecting = True
            continue
        if collecting and s.startswith("-"):
            person = parse_person(s, organisations)
            if person:
                guests.append(person)
            continue
        collecting = False
        m = GUEST_UNDER_ITEM.match(s) if "deltager under punktet" in s else None
        if m:
            person = parse_person(f"{m.group(1)}, {m.group(2)}", organisations)
            if person:
                guests.append(person)
        m = GUESTS_FOR_ITEM.search(s) if "under" in s else None
        if m:  # 'Jakob Holm og Jørgen Kyed deltager på mødet under dette punkt.', 'Visitationschef Ellen Lykke og …'
            sentence = re.split(r"(?<=[a-zæøå])\.\s+", s[:m.start()])[-1]
            sentence = re.sub(r"\b[A-ZÆØÅ]{2,5}\s+(?=[A-ZÆØÅ][a-zæøå])", "", sentence)  # 'TRS Morten May Petersen'
            names = _names_among_organisations(sentence) or _listed_names(sentence)
            guests.extend(ParsedPerson(n) for n in names if not layout.is_organisation(n))
    return guests


GUESTS_FOR_ITEM = re.compile(r"\s+(?:deltager|deltog)\s+(?:i\s+|på\s+)?(?:mødet\s+)?"
                             r"under\s+(?:dette\s+|behandlingen\s+af\s+(?:dette\s+)?)?punkt")


class _Sections:
    """The lines of one item, sorted into its sections, with its tables."""

    def __init__(self, item: ParsedItem):
        self.item = item
        self.lines: dict[str, list[str]] = {name: [] for name, _ in SECTIONS}
        self.current = "description"
        self.block: list[str] = []
        self.warnings: list[ParsedWarning] = []
        self.labelled: set[str] = set()

    def add(self, line: str) -> None:
        self.lines[self.current].append(line)

    def flush_table(self) -> None:
        block = self.block
        if len(block) >= 2 or (block and block[0].count("\t") >= 2):
            rows, raw_rows = _table(block)
            self.item.tables.append(rows)
            for problem in check_totals(rows, raw_rows):
                self.warnings.append(ParsedWarning("table_total", describe(problem), self.item.number))
        self.lines[self.current].extend(block)
        self.block = []


PRESENTER_LINE = re.compile(rf"^(?:oplægsholder|fremlægges af|præsentation ved|ansvarlig|v\.)\s*:?\s*({NAME})\s*$",
                            re.I)


# the rest of a wrapped heading on the line below it: lower case, or after an em dash ('— orientering om …'), two
# words or more and no lettered sub-point ('a) Gave til …')
LOWER_CASE_REST = re.compile(r"^(?:—\s*)?(?![a-zæøå][.)]\s)[a-zæøå]\S*\s+\S")


def _continues_heading(title: str, lines: list[str], k: int, stop: int) -> bool:
    """Is line k the rest of a heading wrapped by the page width (PDF text)?"""
    nxt = lines[k]
    if nxt and (layout.same_line(nxt, title) or title.endswith(nxt.strip())):
        return False  # the title repeated, or its wrapped rest already joined
    if _without_final_full_stop(title) != title and nxt.lstrip()[:1].isupper():
        return False  # '… og gode ideer.' / 'Kirkebladet går i trykken …': a whole sentence, then the item's text
    if LOWER_CASE_REST.match(nxt) and len(nxt) < 100 and not nxt.rstrip().endswith((".", ":")) \
            and (k + 1 >= stop or not lines[k + 1]) and not layout.SENTENCE_VERB.search(nxt):
        return True  # 'Ad 4. Forretningsorden for fællesmøder' / 'for menighedsrådene i …, 2. behandling' / ''
    if nxt[:1].islower() and len(title) >= 60 and len(nxt) < 100 and not re.match(r"^[a-zæøå][.)]\s", nxt) \
            and not _section_of(nxt) and not layout.label_role(nxt[:1].upper() + nxt[1:]) \
            and any(j < stop and lines[j][:1].isupper() and all(ln[:1].islower() for ln in lines[k:j])
                    for j in (k + 1, k + 2)):
        # PDF text without blank lines: '… Udkast fremsendt inden' / 'mødet.' / 'Sønder Højrup sogns …' (a rest of
        # one or two lower-case lines, then the text's first sentence)
        return True
    if not nxt or len(nxt) > 120 or _section_of(nxt) or re.match(r"^[-–•\d]", nxt) or CASE_NUMBER.match(nxt) \
            or re.match(r"(?i)(?:punkt|pkt\.?)\s*\d", nxt) or CASE_LABEL.match(nxt) or CASE_ID_LABEL.match(nxt):
        # ('Punkt 9. Sagsfremstilling': the item's links; 'Sagsid.: 20/985', 'Sagsnr.: …': its case number)
        return False
    if layout.DECISION_ONLY.match(nxt):
        return False  # 'Godkendt og underskrevet': the item's decision below its heading
    if layout.SPONSOR_LINE.fullmatch(nxt.strip()):
        return False  # '(Medlem af Inatsisartut …)': who proposed it, under the title
    if FROM_COMMITTEE.match(nxt.strip()):
        return False  # 'Fra Kultur- og Fritidsudvalget': the committee the case comes from, a group's label
    if SLOT.search(title) or title.rstrip().endswith((")", "?")):
        return False  # '... (bilag 3)' / '... (laC)' / '... nu?' is a whole title; the next line is its text
    if SLOT.search(nxt) and len(nxt) < 80:
        return True  # "... v. Mette" / "Heidemann (kl. 17:05-17:25)"
    if layout.open_ended(title) and len(nxt) < 80 and not layout.label_role(nxt):
        return True  # "... lokalplan for" / "forlystelsesanlæg"
    after = lines[k + 1] if k + 1 < stop else ""
    if len(nxt) <= 30 and sum(ln.strip() == nxt.strip() for ln in lines) >= 2:
        return False  # 'Orientering' under several headings: the document's own label of the item's kind
    if nxt.lstrip()[:1].isupper() and layout.SENTENCE_VERB.search(nxt.lstrip()[:1].lower() + nxt.lstrip()[1:]):
        return False  # 'Dagplejen får tilsyneladende lov til …': a sentence of the item's text, not the title's rest
    # a page wraps a line of 50-120 characters; a longer heading line is a paragraph of a web page, whole
    return 50 <= len(title) <= 120 and not nxt.endswith((".", ":")) and (
        not after or bool(_section_of(after)) or bool(CASE_NUMBER.match(after)))


def _cells(line: str) -> list[str]:
    if line.strip().startswith("|"):
        return [c.strip() for c in line.strip().strip("|").split("|")]
    return [c.strip() for c in line.split("\t")]


def _repeated_header(block: list[str], line: str) -> bool:
    return len(block) >= 2 and _cells(block[0]) == _cells(line) and any(
        c and not re.search(r"\d", c) for c in _cells(line))


def _table_continues(block: list[str], lines: list[str], raw_lines: list[str], k: int) -> bool:
    """Blank lines (a page break, its furniture removed) between two parts of one table: the next
    non-blank line is a table row of the same width."""
    if lines[k].strip():
        return False
    for j in range(k + 1, min(len(lines), k + 4)):
        if not lines[j].strip():
            continue
        row = raw_lines[j]
        if "\t" not in row and not (lines[j].startswith("|") and lines[j].count("|") >= 2):
            return False
        return len(_cells(lines[j])) == len(_cells(block[-1]))
    return False


def _text_after_title(line: str, title: str) -> str:
    """'2.Valg af referent. Jørgen valgt som referent.': what the heading line says after its title is the
    item's first line of text (its minutes or decision), not lost."""
    pos = line.find(title)
    rest = line[pos + len(title):].strip(" .:-–") if pos >= 0 else ""
    if not re.search(r"[^\W\d_]{3}", rest) or layout.TOC_SIGN.search(rest) or re.fullmatch(r"\(.*\)", rest) \
            or re.fullmatch(r"(?i:bilag(?:et)?)(?:\s*\d+)?", rest):
        return ""  # ('Budgetopfølgning-bilag': a link to the attachment, not a label that opens the attachments)
    # 'Dagsorden godkendt. …' -> title 'Dagsorden', text 'Godkendt. …' (a sub-point 'a. …' stays as written)
    if re.match(r"[a-zæøå]{2}", rest):
        rest = rest[:1].upper() + rest[1:]
    return rest


def _parse_item(heading: _Heading, stop: int, lines: list[str], raw_lines: list[str], organisations):
    """One item from its heading to the next: (item, its lines, its warnings)."""
    heading_title = heading.title
    body_start = heading.index + 1
    allotment = ""
    if not heading_title:
        nxt = next((j for j in range(heading.index + 1, stop) if lines[j]), None)
        if nxt is not None and ALLOTMENT_ONLY.match(lines[nxt]):
            # 'Punkt 2' / '25 min.' / 'Skolebestyrelsens rolle': the minutes allotted stand above the title
            allotment = lines[nxt].strip()
            nxt = next((j for j in range(nxt + 1, stop) if lines[j]), None)
        if nxt is not None:
            heading_title = lines[nxt]
            body_start = nxt + 1
    # a heading wrapped onto the next line: "... v. Mette" / "Heidemann (kl. 17:05-17:25)"
    joined = 0  # (a second line only for a lower-case rest: '… i et lille' / 'menighedsråd som …' / 'poster honoreres')
    while body_start < stop and joined < 2 and (not joined or lines[body_start][:1].islower()) \
            and _continues_heading(heading_title, lines, body_start, stop):
        heading_title = f"{heading_title} {lines[body_start]}"
        body_start += 1
        joined += 1
    # the title repeated under the numbered heading (many web layouts) is not body text
    while body_start < stop and (not lines[body_start] or layout.same_line(lines[body_start], heading_title)) \
            and body_start - heading.index <= 3:
        body_start += 1
    item_title, presenter, start_t, end_t, closed, tail = _split_heading(heading_title)
    if heading.title and not heading.list_only:  # what the heading rules left on the line after the title follows
        # what this split cut from it ('… beslutning.' / ': Godkendt'): both are the item's first text
        tail = " ".join(t for t in (tail, _text_after_title(lines[heading.index], heading.title)) if t)
    item = ParsedItem(heading.number, item_title, presenter, start_t, end_t, closed=closed or heading.closed)
    sections = _Sections(item)
    lead = [t for t in (allotment, tail) if t]  # (the allotment kept as the item's first text, not lost)
    item_lines = lead + [lines[j] for j in range(body_start, stop)]
    raw_item_lines = lead + [raw_lines[j] for j in range(body_start, stop)]
    # ' Åbent  punkt' / ' 2  Valg af borgmester' / … / 'Åbent punkt' / 'Lukket punkt': the page marks the item open
    # above its heading, and the two lines below are a form's two boxes, its tick lost: they close nothing
    above = next((lines[j] for j in range(heading.index - 1, max(-1, heading.index - 4), -1) if lines[j]), "")
    form_boxes = bool(OPEN_ITEM_MARK.fullmatch(above.strip())) and any(
        ln and OPEN_ITEM_MARK.fullmatch(ln) for ln in item_lines)
    for k, (ln, raw) in enumerate(zip(item_lines, raw_item_lines, strict=True)):
        if ("\t" in raw and ln.strip()) or (ln.startswith("|") and ln.count("|") >= 2):
            if sections.block and _repeated_header(sections.block, ln):
                continue  # the header row printed again on the next page
            sections.block.append(ln)
            continue
        if sections.block and _table_continues(sections.block, item_lines, raw_item_lines, k):
            continue  # a table continued over a page break: joined before its totals are checked
        if sections.block:
            sections.flush_table()
        if not ln:
            sections.add("")
            continue
        section = _section_of(ln)
        if section:
            sections.current, rest = section
            sections.labelled.add(sections.current)
            if rest:
                sections.add(rest)
            continue
        if CASE_NUMBER.match(ln) and not item.case_number:
            item.case_number = ln.strip()
            continue
        cm = CASE_LABEL.match(ln)
        if cm and not item.case_number:
            item.case_number = cm.group(1).strip().rstrip(".")
            continue
        if ITEM_CLOSED_MARK.fullmatch(ln):
            item.closed = item.closed or not form_boxes
            continue
        if item.start is None and re.match(r"^(?:tid|tidspunkt|kl\.?)\s*:?\s*\d", ln, re.I):
            sm = SLOT.search(ln)
            if sm:
                item.start, item.end = _time(sm.group(1), sm.group(2)), _time(sm.group(3), sm.group(4))
                continue
        pm = PRESENTER_LINE.match(ln)
        if pm and item.presenter is None:
            item.presenter = pm.group(1)
            continue
        sections.add(ln)
    if sections.block:
        sections.flush_table()

    found = sections.lines
    item.summary = _join(found["summary"])
    item.description = _join(found["description"])
    item.recommendations = _recommendations(_join(found["recommendations"]))
    item.minutes = _join(found["minutes"])
    item.decision = _join(found["decision"])
    for ln in found["attachments"]:
        ln = re.sub(r"^\s*(?:-\s+|\d{1,2}[.)]\s+|bilag\s*\d+\s*[:.-]\s*)", "", ln, flags=re.I).strip()
        if ln:
            item.attachments.extend(a.strip() for a in ln.split(";") if a.strip())
    item.kind = _item_kind(item.title, item.recommendations)
    rec_numbers = set(range(1, len(item.recommendations) + 1))
    item.tasks = _tasks("\n".join(filter(None, [item.minutes, item.decision])), rec_numbers, organisations)
    item.guests = _guests_in(item_lines, organisations)
    item._unlabelled = "description" not in sections.labelled and "summary" not in sections.labelled
    return item, item_lines, sections.warnings


PROSE_ATTENDANCE = re.compile(r"\b(?:afbud|til stede|tilstede|deltagere|fremmødt|mødedeltagere)\b", re.I)


# 'Referat fra opstartsmøde', 'Referat fra bestyrelsesmøde tirsdag den 8. april 2025': minutes of a meeting by
# their title, whether or not they record attendance
MINUTES_OF_MEETING = re.compile(r"\breferat\s+(?:fra|af)\s+(?:det\s+|den\s+)?\w*møde", re.I)


def _prose_minutes(date, headings, title: str, lines: list[str], header_nonempty: list[str]) -> bool:
    """A dated meeting whose items cannot be found: minutes written as prose (titled 'referat', recording
    attendance), a text with a meeting's own labelled header (`_labelled_meeting_header`), or a text whose title or
    first lines call it an agenda or minutes of a meeting ('Her kan du læse referat af møde i Ældrerådet den 28.
    juni 2023'). Read without items (the user adds them in the review) rather than refused; a report or a letter
    (none of these) is still refused."""
    if date is None or headings:
        return False
    if _labelled_meeting_header(lines) or _calls_itself_a_meeting(title, header_nonempty):
        return True
    if not re.search(r"\b(?:møde)?referat\b", title, re.I):
        return False
    return any(PROSE_ATTENDANCE.search(ln) for ln in lines[:40] if ln) or bool(MINUTES_OF_MEETING.search(title))


def _calls_itself_a_meeting(title: str, header_nonempty: list[str]) -> bool:
    """A kind word ('referat', 'dagsorden') and a meeting word in the title or the first lines; a bare 'Dagsorden:'
    label over bullets the reader did not take names no meeting (the bullets may be anything)."""
    head = " ".join(ln for ln in [title] + header_nonempty[:10] if not re.fullmatch(r"(?i)\s*dagsorden\s*:?\s*", ln))
    return bool(KIND_WORDS.search(head)) and bool(re.search(r"møde|\bafholdt", head, re.I))


KIND_TITLE = re.compile(r"(?i)^(?:dagsorden|referat|beslutningsreferat|beslutningsprotokol|mødereferat)\b")
PORTAL_LABEL = re.compile(r"(?im)^(?:dato|udvalg|mødested|sted|tid|medlemmer|deltagere|afbud|fraværende)(?=\s*:?\s*$)")
# 'Mødedato: Onsdag den 27. november 2013', 'Dato 15. marts 2011 Tid 14:00 Sted …', 'Sted: … Dato: …'
MEETING_LABEL_WORD = re.compile(r"\b(?:mødedato|mødested|mødetidspunkt|mødelokale|dato|sted|tid|tidspunkt|lokale|"
                                r"start kl)\b\.?\s*:?", re.I)
# labels only a meeting's header has ('Mødedato 18.maj 2011 kl Mødelokale Skolens personalerum'): two of them mark
# a meeting without a kind word
MEETING_OWN_LABEL = re.compile(r"\b(?:mødedato|mødested|mødetidspunkt|mødelokale)\b", re.I)


def _labelled_meeting_header(lines: list[str]) -> bool:
    """A kind word ('Referat', 'Dagsorden', 'Beslutningsreferat') and two meeting labels ('Mødedato', 'Sted', 'Tid')
    in the first lines: a meeting's own header, whatever its items look like (a transcript whose items the reader
    cannot find is still read, without items, rather than refused)."""
    nonempty = [ln.strip() for ln in lines[:60] if ln and ln.strip()]
    head = " ".join(nonempty)[:3000]
    labels = {m.group(0).casefold().rstrip(" :.") for m in MEETING_LABEL_WORD.finditer(head)}
    if KIND_WORDS.search(head) and len(labels) >= 2:
        return True
    if len({m.group(0).casefold() for m in MEETING_OWN_LABEL.finditer(head)}) >= 2:
        return True
    # 'Dagsorden' / '11. mødedag, tirsdag den 9. May 2023, kl. 11:00': a kind word as the title, a date right below
    if nonempty and KIND_TITLE.match(nonempty[0]) and any(layout.dates_in(ln) for ln in nonempty[1:5]):
        return True
    # 'Børne- Unge- og Uddannelsesudvalget' / 'Referat • 2. oktober 2024 kl. 13.30': the kind word and its date
    # on the line under the body's name
    if any(KIND_TITLE.match(ln) and layout.dates_in(ln) for ln in nonempty[1:3]):
        return True
    # 'Udvalg' / 'Kommunalbestyrelsen' / 'Dato' / '25. February 2020': the labels of a meeting portal
    own = {m.group(0).casefold() for m in PORTAL_LABEL.finditer("\n".join(nonempty[:20]))}
    return len(own) >= 2 and "dato" in own


SOURCE_DATE = re.compile(r"(?<![0-9])(?:(\d{4})-(\d{2})-(\d{2})|(\d{1,2})-(\d{1,2})-(\d{4})|(\d{8}))(?![0-9])")


SOURCE_WORD_DATE = re.compile(rf"(?<![0-9])(\d{{1,2}})[-_. ]+({MONTH_RE})[-_. ]+(\d{{4}})(?![0-9])", re.I)


# 'Beslutning i Seniorrådet den 31-08-2020', 'Forretningsudvalgets beslutning den 8. november 2022',
# 'Integrationsudvalgets møde den 12. december 2011:': the meeting's date as each item's decision states it
DECISION_DATE = re.compile(
    r"^(?:beslutning|referat)\s+(?:i|fra)\s+.{2,80}?\s+(?:den|d\.)\s+(?P<date>\d.{5,25})$"
    r"|^[A-ZÆØÅ][\w-]{2,60}s\s+(?:beslutning|referat)\s+(?:den|d\.)\s+(?P<date2>\d.{5,25})$"
    r"|^[A-ZÆØÅ][\wæøå-]*s\s+møde\s+(?:den\s+)?(?P<date3>\d{1,2}\.\s*\S+\s+\d{4})\s*:?$", re.I)


def _decision_date(lines: list[str]) -> datetime.date | None:
    """The one date the items' decision lines give, when the header gives none: 'Beslutning i X den …',
    'Integrationsudvalgets møde den 12. december 2011:', or 'Beslutning fra Integrationsrådet' over 'Dato: …'."""
    found = set()
    nonempty = [ln.strip() for ln in lines if ln and ln.strip()]
    for k, ln in enumerate(nonempty):
        m = DECISION_DATE.match(ln) if ln[:1].isupper() else None
        day = find_date(m.group("date") or m.group("date2") or m.group("date3")) if m else None
        if day is None and ln.startswith("Beslutning") and k + 1 < len(nonempty):
            dated = DECISION_BLOCK_DATE.match(nonempty[k + 1]) if DECISION_FROM.match(ln) else None
            day = find_date(dated.group("date")) if dated else None
        if day is not None:
            found.add(day)
    return found.pop() if len(found) == 1 else None


# 'Beslutning fra Integrationsrådet' / 'Dato: 10. december 2015': a case page's decision block dates the meeting
DECISION_FROM = re.compile(r"^Beslutning\s+(?:fra|i)\s+[A-ZÆØÅ][\wæøå-]+\s*$")
DECISION_BLOCK_DATE = re.compile(r"^Dato\s*:\s*(?P<date>\d.{5,25})$")


def date_from_source(source: str) -> datetime.date | None:
    """The meeting date a file name or web address carries ("…/møde-22042021/…", "referat-2019-04-03.pdf"),
    when it carries exactly one valid date; None otherwise. Used only when the text itself states no date."""
    found = set()
    for m in SOURCE_DATE.finditer(source or ""):
        if m.group(1):
            parts = [(int(m.group(1)), int(m.group(2)), int(m.group(3)))]
        elif m.group(4):
            parts = [(int(m.group(6)), int(m.group(5)), int(m.group(4)))]
        else:
            d = m.group(7)  # eight digits: ddmmyyyy (Danish) or yyyymmdd
            parts = [(int(d[4:]), int(d[2:4]), int(d[:2])), (int(d[:4]), int(d[4:6]), int(d[6:]))]
        found.update(_valid_dates(parts))
    for m in SOURCE_WORD_DATE.finditer(source or ""):  # "moede-den-18-november-2021"
        found.update(_valid_dates([(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))]))
    return found.pop() if len(found) == 1 else None


DAY_MONTH = re.compile(rf"\b(?:d\.|den)\s*(\d{{1,2}})\.\s*({MONTH_RE})\b(?!\.?\s*\d{{4}})", re.I)
SOURCE_YEAR = re.compile(r"(?<!\d)((?:19[5-9]|20[0-4])\d)(?:0[1-9]|1[0-2])?(?!\d)")


def _day_month_with_source_year(header: list[str], source: str) -> datetime.date | None:
    """'Referat af bestyrelsesmøde d. 26. april' with one year in the address ('…?m=201005'): the day and
    month from the text's opening lines, the year from the source; never when the source names two years."""
    years = {int(y) for y in SOURCE_YEAR.findall(source or "")}
    if len(years) != 1:
        return None
    m = next((m for m in (DAY_MONTH.search(ln or "") for ln in header) if m), None)
    return _day_month_in(years.pop(), m) if m else None


DAY_MONTH_OPENS = re.compile(rf"^(?:(?:d\.|den)\s*)?(\d{{1,2}})\.\s*({MONTH_RE})\b(?!\.?\s*\d)", re.I)
HEADING_YEAR = re.compile(r"\b(?:19[89]\d|20\d\d)\b")


def _day_month_with_heading_year(header: list[str]) -> datetime.date | None:
    """'Referater af møder i Handicaprådet i 2022' / '27. oktober - Møde i Handicaprådet': a line opening with the
    day and month under a heading that names one year (and the opening lines no other)."""
    years = {y for ln in header for y in HEADING_YEAR.findall(ln)}
    if len(years) != 1:
        return None
    m = next((m for m in (DAY_MONTH_OPENS.match(ln) for ln in header) if m), None)
    return _day_month_in(int(years.pop()), m) if m else None


def _day_month_in(year: int, m: re.Match) -> datetime.date | None:
    """The date of a match whose groups are the day and the month's name, in ``year``."""
    try:
        return datetime.date(year, MONTHS[m.group(2).lower().rstrip(".")], int(m.group(1)))
    except (KeyError, ValueError):
        return None


def _valid_dates(parts) -> set[datetime.date]:
    found = set()
    for y, mo, da in parts:
        if 1990 <= y <= 2100:
            try:
                found.add(datetime.date(y, mo, da))
            except ValueError:
                pass
    return found


# ('Følgende deltog ikke på mødet:' / '- Jes Vissing Tiedemann (B) på grund af arbejde': a sentence as the label)
APOLOGY_LABEL_ALONE = re.compile(r"^(?:fraværende med afbud|fraværende|afbud fra|afbud|meldt afbud|"
                                 r"følgende (?:deltog ikke|havde meldt afbud|har meldt afbud|var fraværende)"
                                 r"(?: (?:på|i) (?:dagens )?mødet)?"
                                 # 'Fraværende i Thisted Kommunalbestyrelsen, 31. maj 2022:' (the body and the date)
                                 r"|fraværende i [A-ZÆØÅ][\wæøå -]{2,60},\s*\d{1,2}\.\s*[a-zæøå]+\s+\d{4}\s*:)"
                                 r"\s*:?\s*$", re.I)


def _apology_blocks(lines: list[str]) -> list[str]:
    """'Fraværende med afbud:' or 'Følgende deltog ikke på mødet:' alone on its line anywhere (inside an item, or
    in a header the header's lists do not read), then one line per name or group of names until a blank line or
    another label: the apologies of a page whose header is its item heading."""
    out: list[str] = []
    for k, ln in enumerate(lines):
        if not APOLOGY_LABEL_ALONE.match(ln or "") or NOT_APOLOGY_LABEL.match(ln):
            continue
        names_below = 0
        for nxt in lines[k + 1:k + 30]:
            if not (nxt and nxt.strip()) and names_below == 0:
                continue  # 'Følgende havde meldt afbud:' / '' / 'Badar Shah, Mara Frej og …': a blank line first
            if not nxt or layout.label_role(nxt) or nxt.rstrip().endswith(":") or not _name_list_shaped(nxt) \
                    or OTHER_LABEL.match(nxt):  # 'Afbud:' / 'Referent: Lissi Petersen': another label
                break
            out.append(nxt)
            names_below += 1
    return out


CAPITALS_TAIL = re.compile(r"(?:\s+[A-ZÆØÅ]+){1,5}\s+[A-ZÆØÅ]{4,}(?:\s+[A-ZÆØÅ]+){0,5}\s*$")


def _without_capitals_tail(text: str) -> str:
    """'Carsten Fuhr, Winnie Sørensen BESLUTNING I ØKONOMIUDVALGET': a transcript's next heading in capitals, glued to
    the last name of a list, is cut off (two or more words in capitals, one of them of four letters or more)."""
    return CAPITALS_TAIL.sub("", text)


PERSON_ALONE = re.compile(r"^(?:[A-ZÆØÅ][a-zæøåéü]+(?:-[A-ZÆØÅ][a-zæøåéü]+)?|[A-ZÆØÅ]\.)"
                          r"(?:\s+(?:[A-ZÆØÅ][a-zæøåéü]+(?:-[A-ZÆØÅ][a-zæøåéü]+)?|[A-ZÆØÅ]\.)){1,3}$")


def _one_name_a_line_below(lines: list[str], k: int) -> list[str]:
    """'Fraværende: Dorte Troldborg Sandegaard' / '' / 'Hanne Pahuus' / '' / 'Helle Rosenkvist' / '' / 'Alle var …':
    a list that began on the label's line goes on with one full name a line (single blank lines between), until
    a line that is not a name alone. Words the dictionary all knows ('Godkendt Referat') are no name."""
    out: list[str] = []
    blanks = 0
    for ln in lines[k + 1:k + 40]:
        text = (ln or "").strip()
        if not text:
            blanks += 1
            if blanks > 1:
                break
            continue
        blanks = 0
        known = all(words.common_word(w, compounds=False) for w in text.split() if len(w) > 2)
        if not PERSON_ALONE.match(text) or known or _column_heads(text):
            break
        out.append(text)
    return out


INLINE_ABSENT = re.compile(r"(?<=\S)\s+(?:ikke til stede|fraværende|afbud fra)\s*:\s*(?P<names>[^:]+)$", re.I)


NAME_THEN_ABSENT = re.compile(rf"^(?:[-–•]\s*)?(?P<name>{NAME})\s*:\s*(?i:afbud|fraværende|meldt afbud)\b")
ABSENT_SENTENCE = re.compile(
    r"^(?P<names>[A-ZÆØÅ][^.:;()]{2,200}?)\s+(?:deltog|var)\s+ikke\s+(?:i|på|med\s+på|til\s+stede\s+(?:i|på|ved))"
    r"\s+(?:dagens\s+|aftenens\s+)?mødet\s*\.?$")


def _absent_sentence(line: str) -> list[str]:
    """'Peter Hansen, Eva lund og Bo Berg deltog ikke på mødet.' (a sentence of its own, often under an item):
    every name of the sentence is absent from the whole meeting (a name written with a lower-case word is left
    out rather than cut). A partial absence ('… deltog ikke i mødet under
    punkt 3') does not end there and is left alone."""
    m = ABSENT_SENTENCE.match(line.strip())
    if not m:
        return []
    parts = [p.strip() for p in re.split(r",|\s+og\s+", m.group("names"))]
    if all(1 < len(p.split()) <= 4 and p[:1].isupper() and all(w.isalpha() or "-" in w for w in p.split())
           for p in parts):
        return [p for p in parts if all(w[:1].isupper() for w in p.split())]  # 'Eva lund': not sure of the name
    return []


# 'Maibritt Møller Nielsen (D) fraværende på dagens møde.', 'Bo Dam har meldt afbud.': one member's absence, a line
NAME_THEN_ABSENT_SENTENCE = re.compile(
    rf"^(?P<name>{NAME})(?:\s*\([^()]*\))?\s+(?:(?:var|er)\s+)?(?:fraværende|har\s+meldt\s+afbud)"
    r"(?:\s+(?:på|ved|til|fra)\s+(?:dagens\s+|hele\s+)?møde(?:t)?)?\.?"
    # ('Jacob Ejs (A) var fraværende. Som stedfortræder deltog Helle Mortensen (A)': the substitute after it)
    r"(?:\s+Som stedfortræder deltog\s+[^.]*\.?)?$")
# 'Fraværende Gitte Carlsberg.' under an item: the label without its colon, then full names and nothing else
BARE_ABSENT_LINE = re.compile(rf"^(?:fraværende|afbud fra)\s+(?P<names>{NAME}(?:\s*(?:,|og)\s*{NAME})*)\.?$", re.I)


def _inline_absent(line: str) -> list[str]:
    """'… Beslutninger Handicaprådet den Ikke til stede: A B, C D, E F Dagsordenen godkendt.' (a transcript's
    run-on line): a comma list of full names after an absence label inside the line; the sentence that
    follows the last name ('Dagsordenen godkendt.') is cut off."""
    m = INLINE_ABSENT.search(line) if ":" in line else None
    if not m:
        return []
    parts = [p.strip() for p in re.split(r",|\s+og\s+", m.group("names"))]
    if len(parts) < 3:
        return []
    last = parts[-1].split()
    cut = next((k for k in range(1, len(last)) if last[k][:1].isupper() and k + 1 < len(last)
                and last[k + 1][:1].islower()), len(last))
    parts[-1] = " ".join(last[:cut]).rstrip(".")
    names = [re.sub(r"\s*\([^)]*\)", "", p).strip() for p in parts]
    if all(NAME_RE.match(n) and 2 <= len(n.split()) <= 4 for n in names):
        return names
    return []


def _group_line(line: str) -> str:
    """'Elevrepræsentanter: Marie Kristine Braad Carstens, Nicolaj Bøje Hansen (måske …?).' under an absence
    label: the group's label, an 'Afbud fra' and the remark in brackets are not names."""
    line = re.sub(r"^[A-ZÆØÅ][\wæøå-]{2,30}\s*:\s*", "", line.strip())
    line = re.sub(r"^(?:afbud fra|afbud)\s*:?\s*", "", line, flags=re.I)
    return re.sub(r"\s*\([^()]*\)", "", line).strip(" .")


def _name_list_shaped(line: str) -> bool:
    """'Jens Askov og Henrik Bang-Pedersen, Jes König deltog' is a line of names; 'Godkendt.' and a sentence
    are not; '- Jes Vissing Tiedemann (B) på grund af arbejde' is one name, with its bullet, party and reason."""
    line = re.sub(r"\s*\([^()]*\)", "", re.sub(r"^\s*[-–•]\s*", "", line))
    line = re.sub(r"\s+(?:på grund af|pga\.?|grundet)\s.*$", "", line)
    parts = [p.strip(" .;") for p in re.split(r",|\s+og\s+", line) if p.strip(" .;")]
    if not parts or any(not p[:1].isupper() or len(p.split()) > 5 for p in parts):
        return False
    return len(parts) >= 2 or len(parts[0].split()) >= 2


APOLOGY_LABEL_START = re.compile(r"^(?:afbud|fraværende|meldt afbud)", re.I)


def _without_speakers(absent: list[str], lines: list[str], items) -> list[str]:
    """A guest speaker named in an item's heading whose cancellation the text reports ('… ved udvalgsformand
    Caroline Christensen' / 'Caroline havde meldt afbud') is not a member's apology - unless a label lists her."""
    named = " ".join(f"{i.title} {i.presenter or ''}" for i in items).casefold()
    labelled = " ".join(ln for ln in lines if APOLOGY_LABEL_START.match(ln)).casefold()
    return [n for n in absent if n.casefold() not in named or n.casefold() in labelled]


MARKED_ABSENT = re.compile(rf"(?P<name>{NAME})\s*(?:\([^)]*\)\s*)?[(\[]\s*(?i:afbud|meldt afbud|fraværende|forfald)"
                           rf"\s*[)\]]|(?P<name2>{NAME})\s*(?:\([^)]*\)\s*)?\s[-–]\s*(?i:afbud|fraværende)\b")


# 'Esbjerg Kommune Kurt Jakobsen (KJ) Afbud': a person with initials, then the mark
INITIALLED_ABSENT = re.compile(r"^(?P<person>.*\([A-ZÆØÅ]{2,5}(?:\s*,[^()]*)?\))\s*[-–]?\s*(?i:afbud|fraværende)\.?$")
TRAILING_ABSENT = re.compile(r"^(?P<name>[^,;:/()]+?)(?:\s*\([^()]*\))?(?:\s*/\s*[^,;:()]+?)?"
                             # ('Peter Jacobsen (O), 1. næstformand- afbud': the member's role after a comma)
                             r"(?:,\s*(?:\d\.\s*)?[a-zæøå][a-zæøå.-]{2,30}?)?(?:\s*[-–]\s*|\s+)"
                             r"(?i:afbud|fraværende)\.?$")


# 'Tilstede: A, B og C. Viggo Schmidt havde meldt afbud. Endvidere …': a sentence of apologies inside the list
ABSENCE_SENTENCE_IN_LIST = re.compile(rf"(?<=\.)\s+(?P<names>{NAME}(?:\s*(?:,|og)\s*{NAME})*)\s+(?:havde|har)\s+"
                                      r"meldt\s+(?:afbud|forfald)\.?")


def _absence_sentence_out(line: str, absent: list[str]) -> str:
    """The attendees' line without a sentence saying who had sent apologies; those names go to ``absent``."""
    m = ABSENCE_SENTENCE_IN_LIST.search(line) if "meldt" in line else None
    if not m:
        return line
    absent.extend(_names_in(m.group("names")))
    return line[:m.start()]


def _marked_absent(line: str, absent: list[str]) -> str:
    """'Ole Olsen, Hans Hansen (afbud), Grete Jensen (V) (afbud)' in a list of attendees: the names marked
    absent go to ``absent`` and leave the line."""
    if not re.search(r"afbud|fraværende|forfald", line, re.I):
        return line
    initialled = INITIALLED_ABSENT.match(line.strip())
    by_initials = name_by_initials(initialled.group("person")) if initialled else None
    if by_initials:  # 'Esbjerg Kommune Kurt Jakobsen (KJ) Afbud'
        absent.append(by_initials[0])
        return ""
    trailing = TRAILING_ABSENT.match(line.strip())
    if trailing and NAME_RE.fullmatch(trailing.group("name")):  # 'Ann-Sofie Rosted Afbud', 'Theo Lund/Elevråd Afbud'
        absent.append(trailing.group("name"))
        return ""
    for m in MARKED_ABSENT.finditer(line):
        name = (m.group("name") or m.group("name2")).strip()
        person = NAME_BEFORE_ORGANISATION.search(line[:m.start()]) if layout.is_organisation(name) else None
        absent.append(person.group("name") if person else name)  # 'Svend Tarp, Aabenraa Kommune (afbud)'
    return MARKED_ABSENT.sub("", line).strip(" ,;")


# the person before the organisation that a mark of absence follows: 'Svend Hansen Tarp, ' + 'Aabenraa Kommune (afbud)'
NAME_BEFORE_ORGANISATION = re.compile(rf"(?:^|[,;]\s*)(?P<name>{NAME}),\s*$")


def _body_phrase_of(lines: list[str], headings, title: str) -> str | None:
    """The best-scored body-noun phrase of the document's first lines, the item headings left out."""
    heading_at = {h.index for h in headings}
    first_lines = [ln for k, ln in enumerate(lines[:300]) if ln and k not in heading_at][:40]
    return find_body(first_lines, title, "\n".join(lines[:400]))


DECISION_IN_BODY = re.compile(r"^(?:beslutning|referat|indstilling)\s+i\s+(?P<body>[A-ZÆØÅ][^():]{2,80}?)"
                              r"(?:\s*\([^()]{1,20}\))?\s+(?:den|d\.)\s+(?P<date>\d.{4,25}?)\s*:?$", re.I)


# 'Sundheds- og Omsorgsudvalget, 03-04-2014, pkt. 34': an agenda portal's citation of the item in its body's meeting
BODY_DATE_ITEM = re.compile(r"^\s*(?P<body>[A-ZÆØÅ][^,:()]{2,80}?),\s*(?P<date>\d{1,2}-\d{1,2}-\d{4}),\s*pkt\.\s*\d")


def _body_deciding_on(lines: list[str], day: datetime.date | None) -> str | None:
    """'Beslutning i Folkeoplysningsudvalget (18-21) den 27-02-2018' under the items, or the portal's citation
    'Sundheds- og Omsorgsudvalget, 03-04-2014, pkt. 34': the body whose decisions these are, when the line's date is
    the meeting's own (a case's history names other bodies on other dates)."""
    if day is None:
        return None
    for ln in lines:
        m = DECISION_IN_BODY.match(ln) if ln[:1] in "BbRrIi" else BODY_DATE_ITEM.match(ln) if ", pkt." in ln else None
        if m and any(found == day for _, found in layout.dates_in(m.group("date"))):
            return m.group("body").strip()
    return None


def _body_in_running_text(lines: list[str]) -> str | None:
    return body_in_text("\n".join(ln for ln in lines[:400] if ln))


BULLET_NUMBER = re.compile(r"^\s*•\s*(\d{1,3})\s*$")


def _item_page_instead(lines: list[str], headings: list[_Heading]) -> list[_Heading]:
    """'Mødedato: …' / 'Referat og godkendelse af dagsordenen' / 'Indstilling' / … / 'Beslutning' / '1. Lokaludvalget
    udsatte …' / '2. Lokaludvalget godkendte …': a portal's page of one item whose numbered lines all stand in its
    sections (a decision's points) has that one item, not the points."""
    page = layout.item_page_heading(lines)
    if not page or not any(layout.MEETING_HEADER_LABEL.match(ln.strip()) for ln in lines[:page[0].index] if ln):
        return headings  # (only a portal's page, its meeting's labels above the title)
    title_at = page[0].index
    first_label = next((k for k in range(title_at + 1, len(lines)) if lines[k] and layout.label_role(lines[k].strip())),
                       None)
    # (each point a sentence: 'Lokaludvalget godkendte …'; a numbered heading under 'Sager til beslutning' is the item)
    under_sections = all(h.index > first_label and _label_above(lines, h.index) in ("decision", "recommendations")
                         and layout.SENTENCE_VERB.search(h.title or lines[h.index]) for h in headings) \
        if first_label is not None else False
    if not under_sections:
        return headings
    return [_Heading(title_at, None, page[0].title)]


def _lone_label_cases_instead(lines: list[str], headings: list[_Heading]) -> list[_Heading]:
    """'Godkendelse af dagsorden' / 'Sagsfremstilling' / … / 'Meddelelser' / 'Sagsfremstilling' / '1. d. 24. november
    havde borgmesteren …': a portal page whose cases each carry one lone description label has those cases as its
    items when every numbered line stands inside a case's text (the points of its news), none above a label."""
    cases = layout.unnumbered_headings(lines)
    if len(cases) < 2 or not layout.one_label_cases(lines):
        return headings
    taken = {c.index for c in cases}
    if any(h.index in taken or h.index < cases[0].index for h in headings):
        return headings
    return [_Heading(c.index, c.number, c.title, closed=c.closed) for c in cases]


def _label_above(lines: list[str], i: int) -> str | None:
    """The role of the nearest section label above line i."""
    return next((layout.label_role(lines[k].strip()) for k in range(i - 1, -1, -1)
                 if lines[k] and layout.label_role(lines[k].strip())), None)


def _without_number_markers(lines: list[str], raw_lines: list[str], headings: list[_Heading]) -> None:
    """'• 2' / 'Imm./pkt.: 66' right above a heading's title: the marker that gave the item its number is no part of
    the text of the item before it."""
    for h in headings:
        k = next((j for j in range(h.index - 1, max(h.index - 4, -1), -1) if lines[j] and lines[j].strip()), None)
        if k is not None and h.number is not None and (
                BULLET_NUMBER.match(raw_lines[k] or "") or layout.ITEM_NUMBER_LABEL.match(lines[k])):
            lines[k] = raw_lines[k] = ""


def _bullet_numbers_instead(lines: list[str], raw_lines: list[str], headings: list[_Heading]) -> list[_Heading]:
    """'• 1' / 'Spørgetid' / … / '• 2' / 'Indtræden i kommunalbestyrelsen …': a portal that marks each item with a
    bulleted number on its own line, the title on the next. Those are the items; a numbered line inside an item's
    text ('1. at kommunalbestyrelsen godkender …', '2. V fremsætter ændringsforslag …') is none."""
    bullets: list[_Heading] = []
    for i, line in enumerate(raw_lines):
        m = BULLET_NUMBER.match(line or "")
        below = next((k for k in range(i + 1, min(i + 3, len(lines))) if lines[k] and lines[k].strip()), None)
        if m and below is not None and layout.label_role(lines[below].strip()) is None:
            bullets.append(_Heading(below, int(m.group(1)), lines[below].strip()))
    numbers = [b.number for b in bullets]
    if not bullets or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return headings
    at_bullets = {b.index for b in bullets} | {b.index - 1 for b in bullets} | {b.index - 2 for b in bullets}
    return headings if all(h.index in at_bullets for h in headings) else bullets


def _with_bullet_agenda(lines: list[str], headings: list[_Heading]) -> list[_Heading]:
    """'Referat' / '- Godkendelse af dagsorden' / '- Center Bakkehuset' / ... then '1: Godkendelse af dagsorden' /
    ... / '3: Sundhedsklynger': a bulleted agenda before the numbered item bodies names every item. Each body pairs
    with the next entry of the same title; an entry without a body is kept in its place, without a number. Only
    when every body pairs, in order, and the list names more items than the bodies."""
    first = min(h.index for h in headings)
    agenda = layout.bullet_agenda_before(lines, first)
    bodies = sorted(headings, key=lambda h: h.index)
    if len(agenda) <= len(bodies) or any(h.list_only for h in bodies):
        return headings
    merged: list[_Heading] = []
    k = 0
    for order, entry in enumerate(agenda):
        if k < len(bodies) and layout.fuzzy_same(entry.title, _split_heading(bodies[k].title)[0]):
            bodies[k].order = order
            merged.append(bodies[k])
            k += 1
        else:
            merged.append(_Heading(entry.index, None, entry.title, list_only=True, order=order))
    return merged if k == len(bodies) else headings


MEETING_ON = re.compile(r"^(?:referat|beslutningsprotokol)\s+(?:fra|af)\s+(?:det\s+)?(?:[\wæøå-]+s\s+)?møde(?:t)?\b"
                        r"[^.:]{0,80}?"
                        r"\b(?:den|d\.)\s*(?P<date>\d{1,2}\.\s*[a-zæøå]+\s+\d{4})", re.I)


# 'Møde i Nationalparkbestyrelsen 17. april 2013', '… til bestyrelsesmøde i CTR Onsdag d. 3. december 2014 kl':
# a meeting word, or a weekday and a time, beside the date (the previous or next meeting's date excepted)
MEETING_WORD_DATE = re.compile(r"^(?:\d{1,3}\s+)?\w*møde\b[^.:]{0,80}?\b(?P<date>\d{1,2}\.\s*[a-zæøå]+\s+\d{4})", re.I)
WEEKDAY_DATE_KL = re.compile(rf"\b{layout.WEEKDAY}\s*,?\s*(?:den\s+|d\.\s*)?(?P<date>\d{{1,2}}\.\s*[a-zæøå]+\s+\d{{4}})"
                             r"\s*[,.]?\s*(?:kl\b|klokken\b)", re.I)  # ('… 4. september 2014. kl. 19.00')
OTHER_MEETING = re.compile(r"\b(?:forrige|sidste|seneste|næste|kommende|tidligere)\s+(?:\w+\s+)?\w*møde|"
                           r"referat(?:et)?\s+(?:fra|af)\s+(?:\w+\s+)?\w*mødet?\s+(?:den\s+|d\.\s*)?\d", re.I)


def _meeting_phrase_date(header: list[str]) -> tuple[datetime.date | None, bool]:
    """The date the minutes' own heading gives the meeting: 'Referat fra møde i Handicaprådet torsdag, den 19.
    november 2015' (beside a letterhead's later 'Dato'), 'Møde i Nationalparkbestyrelsen 17. april 2013'; and
    whether the date is given with a weekday and a time ('… Onsdag d. 3. december 2014 kl'), which dates the
    meeting even before a letter's own later or earlier date."""
    for ln in header:
        m = MEETING_ON.search(ln)
        if m and find_date(m.group("date")):
            return find_date(m.group("date")), False
    for pattern in (WEEKDAY_DATE_KL, MEETING_WORD_DATE):
        for ln in header:
            m = pattern.search(ln)
            if m and find_date(m.group("date")) and not OTHER_MEETING.search(ln[:m.end()]):
                return find_date(m.group("date")), pattern is WEEKDAY_DATE_KL
    return None, False


def _not_a_value(value: str) -> bool:
    """A label ('Dato:'), a date or a time taken for a labelled field's value."""
    return bool(re.fullmatch(r"[\w -]{1,30}:", value.strip()) or find_date(value) or KL_TIME.search(value))


def parse(text: str, organisations=(), repairs: int = 0, changes=(), *, source: str = "",
          meeting_date: datetime.date | None = None) -> ParsedDocument:
    """Parse normalised text. Raises NoMeetingFound when no meeting can be recognised. A meeting whose text
    states no date is read all the same, with date None and the warning ``date_missing`` (loading needs a date).

    ``meeting_date`` (given by the user) and then ``source`` (the file name or web address) supply the date
    only when the text states none; the report then says where the date came from.

    The stages: the items' headings; the header above the first (title, labelled fields, date and times); the
    check that a meeting is there at all; kind, body and cluster; the items; the people; the warnings."""
    organisations = sorted({o for o in organisations if o}, key=len, reverse=True)
    raw_lines, run_on = _prepare(text.split("\n"))
    lines = [plain(ln) for ln in raw_lines]
    headings, found_by = _choose_headings(lines, raw_lines, run_on)
    headings, found_by = _glued_contents_instead(text, lines, headings, found_by)
    _without_glued_headings(headings)
    headings = _titles_run_together(headings, run_on)
    _close_under_closed_label(lines, headings)
    _without_number_markers(lines, raw_lines, headings)
    first = min(h.index for h in headings) if headings else len(lines)
    header = lines[:first] + _header_before_contents(lines, first, found_by)
    header_nonempty = [ln for ln in header if ln][:80]
    title, title_at, title_is_heading = _title_of(header_nonempty, headings, lines)
    fields, lists = _header_fields(header)
    _lists_after_agenda(lines, headings, lists)
    when = _meeting_when(fields, title, header, header_nonempty, lines, first, meeting_date, source)
    date, start, end = when.date, when.start, when.end
    if start == datetime.time(0, 0):
        start, end = None, (end if end != datetime.time(0, 0) else None)  # 'kl. 00:00': a portal's empty time
    prose = _refuse_unless_meeting(date, headings, title, header_nonempty, fields, lists, lines)
    kind, body, cluster = _kind_body_cluster(title, title_at, title_is_heading, header_nonempty, fields, when, lines,
                                             headings)
    place = fields.get("place") or when.searched.place or _stamped_place(lines) or _held_at(lines) or None
    if place and ITEM_REFERENCE_PLACE.match(place):
        other = when.searched.place or ""  # 'Sted:' / '• Pkt. 9 …': an item's line below an empty label is no place
        place = other if other and not ITEM_REFERENCE_PLACE.match(other) else None
    at_time = layout.PLACE_THEN_KL.search(place or "")
    if at_time and at_time.start() > 0:
        place = place[:at_time.start()]  # 'Øster Elkjær, Blå Stue kl. 09.30.': the start is read by the header search
    if place:
        place = layout.MEETING_KIND_TAIL.sub("", place) or place  # 'Mødesalen, Ringe - Ekstraordinært'
    if place:
        place = PLACE_RUNS_INTO_LABEL.sub("", place) or place
    if place:
        place = layout.extend_address(re.sub(r"\s{2,}", " ", place).strip(), header)
    items, item_warnings, item_guests, absence_items = _read_items(headings, lines, raw_lines, organisations, lists)
    attendees, absent, substitutes, guests = _people(lines, first, lists, absence_items, item_guests, organisations)
    absent = _absent_by_header_columns(absent, raw_lines)
    absent_keys = {_name_key(n) for n in absent}
    attendees = [p for p in attendees if _name_key(p.name) not in absent_keys]  # (the header's columns name again)
    listed = [ln for key in ("attendees", "absent") for ln in lists.get(key, [])]  # 'Hanne (Ella & Mie's mor)'
    people = [p.name for p in attendees] + absent + listed
    _presenters_by_first_name(items, people)
    _presenters_after_comma(items, people)
    _bracketed_presenters(items)
    _close_by_what_items_say(items)

    if not kind:
        said = " ".join(f"{i.description} {i.minutes}" for i in items)
        kind = "minutes" if any(i.minutes or i.decision for i in items) or len(PAST_TENSE.findall(said)) >= 2 \
            else "agenda"
    for item in items:
        # in minutes, an item's text under no section word is what was said: the minutes
        if kind == "minutes" and getattr(item, "_unlabelled", False) and item.description and not item.minutes:
            item.minutes, item.description = item.description, ""
        item.__dict__.pop("_unlabelled", None)
    trimmed = _trim_title_tails(items, kind)
    slotted = sum(1 for i in items if i.end)
    if end is None and slotted and (any(i.end for i in items[-2:]) or 2 * slotted >= len(items)):
        # the last slot's end is the meeting's when the slots run to the end (an unslotted 'Eventuelt' aside) or
        # make up most of the programme (written orientations after it take no time); a Folketing agenda that
        # slots its first two items of five leaves the end open
        end = max(i.end for i in items if i.end)
    if start is None and items and items[0].start:  # the first item's time slot: the meeting's start
        start = items[0].start
    absent = _without_speakers(absent, lines, items)

    warnings: list[ParsedWarning] = []
    if date is None:
        warnings.append(ParsedWarning("date_missing", DATE_MISSING_MESSAGE, None))
    if when.note:
        warnings.append(ParsedWarning(when.note_code, when.note, None))
    if found_by:
        warnings.append(ParsedWarning("unnumbered_items", UNNUMBERED_WARNINGS[found_by], None))
    warnings.extend(ParsedWarning("items_renumbered", note, h.number) for h in headings for note in h.notes)
    if prose:
        warnings.append(ParsedWarning("no_items", "Der blev ikke fundet nogen punkter i teksten: mødet er læst uden "
                                      "punkter (dato, sted, deltagere og afbud); tilføj punkterne i hånden, "
                                      "fx under «Gennemse og ret».", None))
    for item in items:
        warnings.extend(item_warnings[id(item)])
    warnings.extend(trimmed)
    warnings.extend(check_items(items))
    return ParsedDocument(kind, title, body, cluster, date, start, end, place, attendees, absent, substitutes,
                          guests, items, repairs, warnings, changes=list(changes))


def _trim_title_tails(items: list[ParsedItem], kind: str) -> list[ParsedWarning]:
    """Text the heading rules left glued to a title, cut where the learned model (``title_tails``) is sure: the
    tail becomes the presenter («v. arbejdsgruppen») or the first line of the item's minutes (in minutes) or
    text. Each cut is reported, so the user can check it."""
    model = title_tails.title_model()
    if not items or model.threshold == float("inf"):
        return []
    context = title_tails.TitleContext.of([i.title for i in items], kind == "minutes")
    warnings = []
    for item in items:
        title, tail = model.trimmed(item.title, context)
        if not tail:
            continue
        item.title = title
        who = title_tails.presenter_in(tail)
        if who and item.presenter is None:
            item.presenter = who
            where = "det er læst som oplægsholder"
        elif kind == "minutes":
            item.minutes, where = f"{tail}\n\n{item.minutes}".strip(), "resten står først i punktets referat"
        else:
            item.description, where = f"{tail}\n\n{item.description}".strip(), "resten står først i punktets tekst"
        shown = tail if len(tail) <= 60 else f"{tail[:60]}…"
        label = f"punkt {item.number}" if item.number is not None else f"punktet «{item.title}»"
        warnings.append(ParsedWarning("title_trimmed", f"Titlen på {label} er afkortet før «{shown}»; {where}. "
                                      "Kontrollér det.", item.number))
    return warnings


FIRST_NAME_AFTER_VED = re.compile(r"\s+ved\s+(?P<name>[A-ZÆØÅ][a-zæøå]+)$")


def _presenters_by_first_name(items: list[ParsedItem], people: list[str]) -> None:
    """'Orientering fra Regnbuen ved Tove': after the plain 'ved' a lone first name presents the item when the
    document's own people include someone of that first name ('Cykelsti ved Nymindegab' stays a place)."""
    first_names = {m.group(0) for m in (re.match(r"[A-ZÆØÅ][a-zæøå]+", name.strip()) for name in people) if m}
    for item in items:
        m = FIRST_NAME_AFTER_VED.search(item.title) if item.presenter is None else None
        if m and m.start() >= 8 and m.group("name") in first_names:
            item.presenter = m.group("name")
            item.title = item.title[:m.start()].strip()


def _close_by_what_items_say(items: list[ParsedItem]) -> None:
    """An item is closed when its title or its own text says it is treated behind closed doors ('Sagen behandles
    for lukkede døre'), or when any item's text names it so by number ('Punkt 7 og 8 behandles for lukkede døre').
    A sentence with 'ikke' in it closes nothing. Closing too much is the safe error: the review form shows the
    mark, and an open item wrongly imported as closed is only unpublished."""
    by_number = {item.number: item for item in items if item.number is not None}
    for item in items:
        said = "\n".join((item.summary, item.description, item.minutes, item.decision))
        if TITLE_SAYS_CLOSED.search(item.title) or _says(TEXT_SAYS_CLOSED, said):
            item.closed = True
        for m in filter(_affirmed, NUMBERS_SAID_CLOSED.finditer(said)):
            for number in _numbers_named(m.group("numbers")):
                if number in by_number:
                    by_number[number].closed = True


def _affirmed(match: re.Match) -> bool:
    return "ikke" not in match.group(0).casefold()  # 'Sagen behandles ikke for lukkede døre'


def _says(pattern: re.Pattern, text: str) -> bool:
    return any(map(_affirmed, pattern.finditer(text)))


def _numbers_named(written: str) -> list[int]:
    """'7', '7 og 8', '7, 9 og 11', '7-9': the item numbers a sentence names."""
    numbers = []
    for part in re.split(r"\s*(?:,|og)\s*", written):
        ends = [int(n) for n in re.findall(r"\d{1,3}", part)]
        if len(ends) == 2 and ends[0] < ends[1] <= ends[0] + 20:
            numbers.extend(range(ends[0], ends[1] + 1))
        else:
            numbers.extend(ends)
    return numbers


NAME_AFTER_COMMA = re.compile(r",\s+(?P<name>[A-ZÆØÅ][a-zæøåé]+(?:[ -][A-ZÆØÅ][a-zæøåé]+){0,3})$")


def _presenters_after_comma(items: list[ParsedItem], people: list[str]) -> None:
    """'Kort præsentation af trivselsgruppen, Nette Schultz': a name after the title's last comma presents the item
    when the document lists that person among its own people (the whole name, or a lone first name that is one
    listed person's first name); 'Budget, Region Midtjylland' and names the document does not list stay."""
    whole = {re.sub(r"\s+", " ", name).strip().casefold() for name in people if name}
    first = {name.split()[0].casefold() for name in whole if name}
    for item in items:
        m = NAME_AFTER_COMMA.search(item.title) if item.presenter is None else None
        if not m or m.start() < 8:
            continue
        name = m.group("name")
        if name.casefold() in whole or (" " not in name and name.casefold() in first):
            item.presenter = name
            item.title = item.title[:m.start()].strip()


# 'Politikpapirer (Emma)', 'Skolestart (Mikkel og Anja)': a first name (or two) in brackets closing the title
BRACKETED_NAME = re.compile(r"\s*\((?P<name>[A-ZÆØÅ][a-zæøåéü]{1,14}"
                            r"(?:\s*(?:og|&|/|,)\s*[A-ZÆØÅ][a-zæøåéü]{1,14}){0,3})\)$")
# what such a bracket says when it is no name: the item's purpose or state ('Budget (Orientering)')
BRACKET_WORDS = re.compile(r"(?i)^(?:orientering|beslutning|drøftelse|godkendelse|debat|information|info|status|"
                           r"bilag|lukket|åben|åbent|fortroligt?|udsat|tema|sag|punkt|referat|høring|evt|eventuelt|"
                           r"opfølgning|valg|budget|regnskab|forslag|indstilling|temadrøftelse|gensidig|nyt|alle)$")


def _bracketed_presenters(items: list[ParsedItem]) -> None:
    """'Assens sundhedspolitik (Matilde)' / 'Politikpapirer (Emma)' / 'Bekæmp madspil (Maja)': where at least two
    items end in a bracketed first name (or one in three or four of them) and none of those brackets holds a purpose
    or state word, the names are the items' presenters (a layout puts the same kind of note on every item it has
    one for)."""
    found = [(item, m) for item in items if item.presenter is None and (m := BRACKETED_NAME.search(item.title))]
    # ('Opfølgning på møde med skolelederne (Emma, Anna, Kristine)': three names say it on one item alone)
    named = any(len(re.findall(r"[A-ZÆØÅ]", m.group("name"))) >= 3 for _, m in found)
    stated = any(BRACKET_WORDS.match(w) for _, m in found for w in re.split(r"\W+", m.group("name")) if w)
    if (len(found) < 2 and not named) or stated:
        return
    for item, m in found:
        item.presenter = m.group("name")
        item.title = item.title[:m.start()].strip()


# how the items were found when the document numbers none of them (``_choose_headings``): what the user is told
UNNUMBERED_WARNINGS = {
    "contents": "Punkterne er læst fra indholdsfortegnelsen, hvor titlerne står i ét stræk uden numre; de er delt "
                "ved de ord, der plejer at begynde en titel. Kontrollér titlerne og deres numre.",
    "own_labels": "Punkterne er ikke nummererede; de er fundet ud fra de afsnitsoverskrifter, der gentages under "
                  "hvert punkt. Kontrollér dem.",
    "timed": "Punkterne er ikke nummererede; de er fundet ud fra linjer, der begynder med et klokkeslæt "
             "(«13.00-13.10 Velkomst»). Kontrollér dem.",
    "label_bullets": "Punkterne er ikke nummererede; de er fundet ud fra punkttegn-linjer, der begynder med "
                     "punktets navn og et kolon («• Byggeudvalg: …»). Kontrollér dem.",
    "listed": "Punkterne er ikke nummererede; de er fundet ud fra linjerne (med eller uden punkttegn) under "
              "«Dagsorden». Kontrollér dem.",
    "purposed": "Punkterne er ikke nummererede; de er fundet ud fra linjer, der slutter med punktets formål i parentes "
                "(«Budget 24-27 (Orientering)»). Kontrollér dem.",
    "templated": "Punkterne er ikke nummererede; de er fundet ud fra linjer med de samme felter efter titlen "
                 "(«Titel - Ansvarlig (…) - Proces (…)»). Kontrollér dem.",
    "bulleted": "Punkterne er ikke nummererede; de er fundet ud fra punkttegn-linjer («- Titel»), som hver "
                "efterfølges af et afsnit som «Beslutning». Kontrollér dem.",
    "lettered": "Punkterne er ikke nummererede; de er fundet ud fra linjer, der begynder med et bogstav i "
                "rækkefølge («a. Godkendelse af referat», «b. …»). Kontrollér dem.",
    "decimal": "Punkterne er nummereret inden for grupper («1.1.», «1.2.», «2.1.»); de er læst uden nummer i "
               "rækkefølge, og gruppernes overskrifter («1.0.») er ikke punkter. Kontrollér dem.",
    "colon_rows": "Punkterne er ikke nummererede; de er fundet ud fra rækkerne under «Dagsorden: Referat:», hvor "
                  "punktets titel står før et kolon og referatet efter («Valg af dirigent: Nina Hviid»). "
                  "Kontrollér dem.",
    "paragraphs": "Punkterne er hverken nummererede eller markerede; de er fundet ud fra korte overskriftslinjer "
                  "med teksten under sig. Kontrollér dem, og ret dem, der ikke er punkter.",
}


def _close_under_closed_label(lines: list[str], headings: list[_Heading]) -> None:
    """'2. Budget' / 'Lukket møde' / '3. Salg af grund': every item after the closed part's own label line is closed,
    until an open part's label, however the items are numbered. Only labels between two items count (an agenda list
    above the item bodies may hold its own, and the bodies follow it all). Then ``_close_by_mark_above``."""
    ordered = sorted(headings, key=lambda h: h.index)
    if not ordered:
        return
    listed_closed = _numbers_under_closed_label(lines[:ordered[0].index])
    closed = False
    for heading in ordered:
        heading.closed = heading.closed or heading.number in listed_closed
    for before, heading in zip(ordered, ordered[1:], strict=False):
        if before.list_only and not heading.list_only:
            closed = False  # a contents list's closed part ends with the list; the item bodies follow it all
        for line in lines[before.index + 1:heading.index]:
            label = layout.part_label(line)
            closed = closed if label is None else label
        heading.closed = heading.closed or closed
    _close_by_mark_above(lines, ordered)


def _close_by_mark_above(lines: list[str], ordered: list[_Heading]) -> None:
    """'Beslutning: Drøftet' / 'Lukket punkt' / '3. Salg af grund': a closed mark on the line right above a heading
    (no blank line between), after the item above has had its own text, marks the item below. The mark line is
    blanked in ``lines`` so that the item above does not take it as its own (with a blank line before the heading
    the mark stays the item above's)."""
    for before, heading in zip(ordered, ordered[1:], strict=False):
        between = [j for j in range(before.index + 1, heading.index) if lines[j] and lines[j].strip()]
        if len(between) >= 2 and between[-1] == heading.index - 1 and ITEM_CLOSED_MARK.fullmatch(
                lines[between[-1]].strip()):
            heading.closed = True
            lines[between[-1]] = ""


LISTED_NUMBER = re.compile(r"^(\d{1,3})\s*[.):]\s+\S")


def _numbers_under_closed_label(lines: list[str]) -> set[int]:
    """'Dagsorden:' / '1. …' / '2. …' / 'Lukket møde:' / '3. Salg af grund': the numbers an agenda list above the item
    bodies names under its closed part's label (until an open part's label)."""
    numbers: set[int] = set()
    closed = False
    for line in lines:
        label = layout.part_label(line)
        if label is not None:
            closed = label
        elif closed and (m := LISTED_NUMBER.match(line.strip() if line else "")):
            numbers.add(int(m.group(1)))
    return numbers


def _choose_headings(lines: list[str], raw_lines: list[str], run_on: set[int]) -> tuple[list[_Heading], str]:
    """The items' headings in reading order, and how they were found when the document numbers none of them:
    "bulleted", "timed", "own_labels", "listed", "label_bullets" … (each gives its own warning), or "" otherwise."""
    found_headings = layout.find_headings(lines, raw_lines, run_on)
    if found_headings:
        headings = [_Heading(h.index, h.number, h.title, list_only=h.list_only, closed=h.closed,
                             notes=tuple(h.warnings)) for h in found_headings]
        headings = _with_bullet_agenda(lines, headings)
        headings = _bullet_numbers_instead(lines, raw_lines, headings)
        headings = _item_page_instead(lines, headings)
        headings = _lone_label_cases_instead(lines, headings)
    else:
        headings = [h for h in _find_headings(lines) if not layout.is_sentence(h.title)]
    found_by = ""
    templated = layout.templated_headings(lines)
    if len(templated) > len(headings):  # 'Titel - Ansvarlig (X) - Proces (Y)' beats two '- Ad 1. Godkendt' lines
        headings, found_by = [_Heading(h.index, None, h.title) for h in templated], "templated"
    for how, finder in (("bulleted", layout.bulleted_headings), ("timed", layout.slot_headings),
                        ("", layout.unnumbered_headings), ("own_labels", layout.recurring_label_headings),
                        ("purposed", layout.purpose_headings), ("decimal", layout.decimal_headings),
                        ("listed", layout.agenda_bullets), ("label_bullets", layout.labelled_bullet_headings),
                        ("lettered", layout.lower_lettered_headings), ("", layout.item_number_label_headings),
                        ("colon_rows", layout.colon_titled_lines),
                        ("", layout.item_page_heading),
                        ("paragraphs", layout.paragraph_headings)):
        if headings:
            break
        headings = [_Heading(h.index, h.number, h.title, closed=h.closed) for h in finder(lines)]
        found_by = how if headings else ""
    if headings:
        taken = {h.index for h in headings}
        headings = headings + _breaks(lines, taken)
        if not found_headings:
            headings.sort(key=lambda h: h.index)
    if headings and all(h.number is not None for h in headings):
        # 'A. Godkendelse af referat' … 'E. Meddelelser' before '1. Høring …': standing items lettered A, B, C
        first_numbered = min(h.index for h in headings)
        lettered = [h for h in layout.lettered_headings(lines) if h.index < first_numbered]
        headings = [_Heading(h.index, None, h.title) for h in lettered] + headings
    return headings, found_by


def _titles_run_together(headings: list[_Heading], run_on: set[int]) -> list[_Heading]:
    """'4. Strategi Opfølgning på turismemøde den 10. januar Økonomi 7. Nordjysk Open Data indsats': a transcript's
    run-on list that lost the numbers of the entries between two numbered ones holds their titles in the title
    before the gap. When that title cuts (``glued_contents.split_titles``) into exactly as many titles as the gap
    needs, each is an item, without the number the text does not print."""
    out: list[_Heading] = []
    for h, nxt in zip(headings, [*headings[1:], None], strict=False):
        gap = nxt.number - h.number if nxt is not None and h.number is not None and nxt.number is not None else 0
        pieces = glued_contents.split_titles(h.title) if 2 <= gap <= 4 and h.index in run_on else []
        if not pieces or len(pieces) != gap or any(layout.label_role(p) == "attachments" for p in pieces[1:]):
            out.append(h)
            continue
        out.append(dataclasses.replace(h, title=pieces[0], notes=()))
        out.extend(dataclasses.replace(h, number=None, title=piece, notes=()) for piece in pieces[1:])
    return out


def _without_glued_headings(headings: list[_Heading]) -> None:
    """'14. Eventuelt - Udvalget for Børn den 29.01.20138. Godkendelse af dagsorden til …': a web page's agenda list
    with the first item's own heading glued to its last entry; the other item's number and title are cut off."""
    numbered = [h for h in headings if h.number is not None and len(h.title) >= 8]
    for h in headings:
        for other in numbered:
            glued = f"{other.number}. {other.title}"
            if other is not h and h.title.endswith(glued) and len(h.title) >= len(glued) + 3:
                h.title = h.title[:-len(glued)].rstrip(" :")
                break


def _glued_contents_instead(text: str, lines: list[str], headings: list[_Heading],
                            found_by: str) -> tuple[list[_Heading], str]:
    """A transcript whose contents list runs its titles together (``glued_contents``) names more items there than
    the headings found in its (often cut) pages: the list's titles are the items, each at the list's line."""
    raw = text.split("\n")
    if not any(len(ln) >= 200 for ln in raw):
        return headings, found_by  # only a transcript's pages run on like this
    found = glued_contents.contents_entries(raw)
    if found is None or len(found[1]) <= len(headings):
        return headings, found_by
    at = next((k for k, ln in enumerate(lines) if glued_contents.CONTENTS_LABEL.search(ln)), 0)
    return [_Heading(at, e.number, e.title, list_only=True, closed=e.closed) for e in found[1]], "contents"


def _header_before_contents(lines: list[str], first: int, found_by: str) -> list[str]:
    """'1 DAGSORDEN Møde i … 17. august 2010 kl … Med følgende dagsorden: 1. Godkendelse …': a transcript's first
    page runs the header and the contents list together on one line; the part before the list is the header's."""
    if found_by != "contents" or first >= len(lines):
        return []
    label = glued_contents.CONTENTS_LABEL.search(lines[first])
    return [lines[first][:label.start()].strip()] if label and label.start() >= 20 else []


DATED_NEWS_LINE = re.compile(rf"^\d{{1,2}}\.\s*(?:{MONTH_RE})\s+\d{{4}}:\s+[A-ZÆØÅ]", re.I)


def _title_of(header_nonempty: list[str], headings: list[_Heading], lines: list[str]) -> tuple[str, int, bool]:
    """The document's title: the first header line that is not a label (a bare "Referat" takes the next line
    too); its place among the header's lines; and whether the title is the first item's heading (an item page:
    its one heading names the item, not the body)."""
    title = ""
    title_at = -1
    for k, ln in enumerate(header_nonempty):
        if any(p.match(ln) for _, p in HEADER_RE) and not KIND_WORDS.search(ln):
            continue
        if re.fullmatch(r"(indholdsfortegnelse|indhold)", ln, re.I) or layout.PRINT_DATE.match(ln) \
                or DATED_NEWS_LINE.match(ln):
            continue  # ('Behandlet og godkendt af menighedsrådet 9. oktober 2019.': the minutes' approval; '31.
            # oktober 2019: Offentlig information om …': a portal's dated news line above the meeting)
        if DATE_ONLY_LINE.fullmatch(ln.strip()) and k + 1 < len(header_nonempty) \
                and re.search(r"(?i)møde\b|referat|dagsorden", header_nonempty[k + 1]):
            continue  # '19. marts 2024' above 'Bestyrelsesmøde, Institut for …': a page's date, the title below
        title = ln
        title_at = k
        if KIND_WORDS.fullmatch(ln.strip(" :")) and k + 1 < len(header_nonempty):
            title = f"{ln} {header_nonempty[k + 1]}"
            title_at = k + 1
        break
    title_is_heading = not title and bool(headings)
    if title_is_heading:
        title = lines[headings[0].index]  # an item page: its one heading names the item, not the body
    return title, title_at, title_is_heading


def _lists_after_agenda(lines: list[str], headings: list[_Heading], lists: dict[str, list[str]]) -> None:
    """'1. … 5. Eventuelt' (the agenda), then 'Tilstede: …', then 'Ad.1 Velkomst': the lists of people between an
    agenda and the first item's minutes belong to the header, added to its own."""
    bodies = [h.index for h in headings if not h.list_only]
    if not bodies:
        return
    agenda = [h.index for h in headings if h.list_only and h.index < min(bodies)]
    if not agenda:
        return
    _, found = _header_fields(lines[max(agenda) + 1:min(bodies)])
    for key, found_lines in found.items():
        lists[key] = lists.get(key, []) + found_lines


def _group_of_names_below(header: list[str], k: int) -> bool:
    """Does the list go on below the bare label at ``k``: is the next line a name, or a role or group label with
    names after it ('Næstformand: Rasmus Hyldgaard Simonsen (børn på 5. og 8. årg.)')?"""
    nxt = next((x for x in header[k + 1:k + 8] if x and not OTHER_LABEL.fullmatch(x.strip())), "")  # 'Formand:'
    if any(pattern.match(nxt) for _, pattern in HEADER_RE):
        return False
    nxt = re.sub(rf"^{OTHER_LABEL.pattern}\s*", "", nxt)
    nxt = re.sub(r"\s*\([^()]*\)\s*$", "", nxt)
    return bool(nxt) and bool(NAME_RE.match(nxt) or len(_listed_names(nxt)) >= 2)


def _header_fields(header: list[str]) -> tuple[dict[str, str], dict[str, list[str]]]:
    """The header's labelled fields ('Dato:', 'Sted:', 'Forum:') and its lists of people (attendees, absent,
    guests)."""
    fields: dict[str, str] = {}
    lists: dict[str, list[str]] = {"attendees": [], "absent": [], "guests": [], "roster": []}
    current_list = None
    names_on_label_line = False
    in_toc = False
    for k, ln in enumerate(header):
        if not ln:
            continue
        if re.fullmatch(r"(indholdsfortegnelse|indhold|dagsorden)\s*:?", ln, re.I):
            in_toc = True
            current_list = None
            continue
        if TOC_LINE.search(ln):
            continue
        if NOT_APOLOGY_LABEL.match(ln):
            current_list = None  # "Fraværende uden afbud:", "Fraværende i mødet:" list no apologies
            continue
        matched = False
        for name, pattern in HEADER_RE:
            m = pattern.match(re.sub(r"^[-–•]\s+", "", ln))
            if not m:
                continue
            if name == "absent" and m.group("rest")[:1].islower() and ". " in m.group("rest") \
                    and len(m.group("rest").split()) >= 6 and not re.search(r"[:;\t]", m.string[:m.start("rest")]):
                continue  # 'Afbud ringes/mailes til kontor. …': a sentence that starts with the word, no label
            matched = True
            in_toc = False
            rest = m.group("rest").strip()
            if name == "place" and layout.ROOM_LINE.match(layout.PLACE_THEN_KL.sub("", ln.strip())):
                rest = ln.strip()  # 'Mødelokale F2 kl. 00.00': no label but the room's own name
            if name == "attendees" and ROSTER_LABEL.match(ln):
                name = "roster"  # 'Medlemmer:' lists who belongs; who came is under 'Tilstede:', when it is written
            if name in lists:
                # 'Referent: Klara Søndergaard' names one person; the lines below a bare 'Referent' are no list
                current_list = None if re.match(r"(?i)referent\b", ln) else name
                names_on_label_line = bool(rest)
                if rest:
                    lists[name].append(rest)
                if name == "absent" and re.match(r"(?i)ingen\b", rest):
                    current_list = None  # 'Fraværende: Ingen': no one; the lines below are no names
            else:
                current_list = None
                if name == "place" and layout.ROOM_LINE.match(ln.strip()):
                    rest = ln.strip()  # "Mødelokale 20": the room line is the place
                if name in ("place", "body"):
                    rest = layout.NEXT_LABEL.sub("", rest)  # "Forum: Handicaprådet Tid: ..."
                if not rest:
                    nxt = next((x for x in header[k + 1:] if x), "")
                    rest = nxt
                # ('Mødested' / 'Mødet afholdes' (the place was cut off), 'Lokation:' / 'Dagsorden publiceret:')
                label_only = layout.LABEL_NOT_PLACE.match(rest) or layout.NO_PLACE.match(rest) \
                    or re.fullmatch(r"\w[\w-]*(?:\s+\w[\w-]*){0,2}\s*:", rest)
                if name == "body" and layout.COLUMN_HEADS.fullmatch(rest):
                    pass  # 'Udvalg Dato Type Hent': a table's header row; the header search reads its row
                elif not (name == "place" and label_only):
                    fields.setdefault(name, rest)  # "Mødested: Bemærkninger: …" leaves the place empty
            break
        if matched or in_toc:
            continue
        if OTHER_LABEL.fullmatch(ln.strip()) and current_list == "attendees" and not ROLE_LABEL.match(ln) \
                and _group_of_names_below(header, k):
            continue  # 'Deltagere' / 'Forældrevalgte:' / 'Næstformand: Rasmus …': a group's label inside the list
        if OTHER_LABEL.fullmatch(ln.strip()) or (current_list and (ROLE_LABEL.match(ln) or NOTE_LABEL.match(ln))):
            current_list = None  # 'Ordstyrer:', 'Mødeleder: Eva Holm', 'Sekretær', 'Bemærkninger: Godkendelse af …':
            continue  # another label ends the list
        if current_list and PARTY_ONLY.fullmatch(ln.strip()):
            continue  # 'Tina Boel' / '(F)': the party of the name above, one cell a line; the list goes on
        if current_list and _column_heads(ln):
            current_list = None  # 'Mødepunkt Referat': the heads of the items' table end the list above them
            continue
        if current_list == "absent" and lists["absent"] and ":" not in ln and not _listed_names(ln) \
                and not re.match(r"^(?:[-–•]\s*)?ingen\b", ln, re.I):
            current_list = None  # 'Dekaner og andre' after 'Afbud fra:' / names: a line naming no one ends the list
            continue
        if current_list == "absent" and names_on_label_line and lists["attendees"] and GROUP_LABEL.match(ln) \
                and not re.match(r"(?i)fra\s", ln):
            # 'Fraværende: A, B.' / 'Elevrepræsentanter: C, D.': the next group present ('Fra Herning Kommune: E',
            # an officer from elsewhere, is not one of the body's groups)
            current_list = "attendees"
        if current_list:
            lists[current_list].append(ln)
    roster = lists.pop("roster")
    if not lists["attendees"]:
        lists["attendees"] = roster
    return fields, lists


def _column_heads(line: str) -> bool:
    """'Mødepunkt Referat', 'Punkt Beslutning': two or three capitalised words, the last a section's label."""
    parts = line.split()
    return 2 <= len(parts) <= 3 and all(p[:1].isupper() for p in parts) and bool(layout.label_role(parts[-1]))


@dataclass
class _When:
    """The meeting's date and times, where the date came from when the header does not state it, what the
    header search found (its place and body are used later) and a body named in a sentence about the meeting."""
    date: datetime.date | None
    start: datetime.time | None
    end: datetime.time | None
    note: str | None
    searched: object
    sentence_body: str | None
    note_code: str = "date_from_source"  # the warning the note is given as: where the date came from


def _meeting_when(fields: dict[str, str], title: str, header: list[str], header_nonempty: list[str],
                  lines: list[str], first: int, meeting_date: datetime.date | None, source: str) -> _When:
    date = find_date(fields.get("date", "")) or (find_date(title) if not layout.PRINT_DATE.search(title) else None)
    timed_meeting_line = False
    if date is None:
        # a line about the meeting first ('AKTIVITETSUDVALGETS MØDE 12. JUNI 2018' under 'se under dagsordenen for
        # 8. maj 2019'), then any line; never an approval or print date
        dated = [ln for ln in (OTHER_EVENT_DATE.sub(" ", x) for x in header_nonempty[:30])
                 if not layout.PRINT_DATE.search(ln) and find_date(ln)]
        about = next((ln for ln in dated if re.search(r"møde\b|mødet\b", ln, re.I) or KIND_TITLE.match(ln)), None)
        # ('Referat • 12. september 2023 kl. 15.00': the kind word, the date and the hour are the meeting's)
        date = find_date(about or (dated[0] if dated else ""))
        # 'Bestyrelsesmøde nr. 3 den 18.03.2024 kl. 18.30 afholdes i …' dates the meeting and gives its hour
        timed_meeting_line = about is not None and bool(KL_TIME.search(about))
    time_source = fields.get("date", "") + " " + title
    start = end = None
    km = KL_TIME.search(time_source) or SLOT.search(fields.get("date", ""))
    if km:
        start = _time(km.group(1), km.group(2))
        if km.group(3):
            end = _time(km.group(3), km.group(4))
    else:
        hm = KL_HOURS.search(time_source)  # "kl. 9-11", "kl. 14"
        if hm:
            start = _time(hm.group(1), hm.group(2) or "0")
            end = _time(hm.group(3), hm.group(4) or "0") if hm.group(3) else None

    searched = layout.search_header([OTHER_EVENT_DATE.sub(" ", x) if x else x for x in header], title)
    if date is None or ("date" not in fields and searched.date is not None and not timed_meeting_line):
        date = searched.date or date
    if "date" not in fields and date is not None:
        date = layout.past_page_stamp(date, header_nonempty, "\n".join(lines)) or date
    stated, timed = _meeting_phrase_date(header_nonempty[:30])
    if date is not None and stated is not None and not timed_meeting_line \
            and (0 < (date - stated).days <= 60 or (timed and 0 < abs((date - stated).days) <= 60)):
        date = stated  # a letterhead's 'Dato 25. november' above 'Referat fra møde ... den 19. november'
    if start is None:
        start = searched.start
        if end is None:
            end = searched.end
    if end is None:
        end = searched.end
    sentence_body = None
    if start is None or end is None or not (fields.get("body") or searched.body):
        said = _meeting_sentence(lines)  # 'Mødet i X begyndte kl. 14:30 og sluttede kl. 17:00.' in an item's text
        if said is not None:
            if start is None and said[0] is not None:
                start, end = said[0], end or said[1]
            if end is None:
                end = said[1]
            if said[2] and BODY_NOUN.search(said[2]):  # 'Mødet i Rådhusets mødesal begyndte ...' names a room
                sentence_body = said[2]
    if date is None:  # a labelled date below what was taken for the first item ('Dato: 12. januar 2026')
        date = next((d for d in (find_date(m.group(1)) for m in (layout.DATE_LABEL.match(ln)
                                                                     for ln in [x for x in lines if x][:25]) if m)
                     if d), None)
    if date is None and header_nonempty:
        date = _compact_date_heading(header_nonempty[0])
    date_note = None
    note_code = "date_from_source"
    if date is None and meeting_date is not None:
        date = meeting_date
        date_note = "Mødedatoen står ikke i teksten; den angivne mødedato er brugt."
    elif date is None and (decided := _decision_date(lines)) is not None:
        date = decided
        date_note = "Mødedatoen står ikke i mødets hoved; den er taget fra punkternes beslutninger."
        note_code = "date_from_decisions"
    elif date is None and date_from_source(source) is not None:
        date = date_from_source(source)
        date_note = "Mødedatoen står ikke i teksten; den er taget fra filnavnet eller adressen."
    elif date is None and _day_month_with_source_year(header_nonempty[:6], source) is not None:
        date = _day_month_with_source_year(header_nonempty[:6], source)
        date_note = "Teksten nævner dag og måned uden år; året er taget fra filnavnet eller adressen."
    elif date is None and (headed := _day_month_with_heading_year(header_nonempty[:8])) is not None:
        date = headed
        date_note = "Teksten nævner dag og måned uden år; året er taget fra overskriften over mødet."
    return _When(date, start, end, date_note, searched, sentence_body, note_code)


STANDING_ITEM = re.compile(r"(?i)^(?:godkendelse\s+af\s+(?:dagsorden|referat)|eventuelt\b|evt\.?$|"
                           r"meddelelser\b|orientering\s+fra\s+formand)")


def _refuse_unless_meeting(date, headings: list[_Heading], title: str, header_nonempty: list[str],
                           fields: dict[str, str], lists: dict[str, list[str]], lines: list[str]) -> bool:
    """Raises NoMeetingFound unless the text marks a meeting; True when it is minutes written as prose, without
    items."""
    meeting_marker = KIND_WORDS.search(" ".join(header_nonempty[:15])) or "date" in fields \
        or lists["absent"] or lists["attendees"] \
        or re.search(r"møde|\bafholdt", " ".join([title] + header_nonempty[:15]), re.I) \
        or (len(headings) >= 3 and any(STANDING_ITEM.match(h.title) for h in headings)) \
        or (date is not None and len(headings) >= 3 and bool(KL_TIME.search(" ".join(header_nonempty[:15])))) \
        or (date is not None and len(headings) >= 2
            and sum(bool(layout.DECISION_OPENER.match(ln.strip())) for ln in lines if ln) >= 2)
    # ('9. december 2009' / cases each under 'Naalakkersuisut besluttede:': a government's decisions of the day)
    # ('1. Godkendelse af dagsorden' … '9. Eventuelt': a meeting's standing items mark it, header or not; so do a
    # date and an hour above three items or more: 'Onsdag den 26-10-2016 kl. 15:00' / '100 Budget 2017-2020 …')
    prose = _prose_minutes(date, headings, title, lines, header_nonempty)
    if not prose and (not headings or (not meeting_marker and not any(
            _labelled_section(ln) and (date is not None or not ATTACHMENTS_LABEL.match(ln)) for ln in lines if ln))):
        # an undated text is read like a dated one (the user gives the date) when it marks a meeting; without a
        # date, an appendix line («Bilag: Organisering» in a report's contents) is no such mark
        raise NoMeetingFound(
            "Der blev ikke genkendt noget møde: "
            + ("ingen mødedato og ingen dagsordenspunkter" if date is None else "ingen dagsordenspunkter")
            + " i teksten."
        )
    return prose


# 'Beslutning Handicaprådet den 22-02-2022', 'Beslutning i Byrådet den 11. december 2017': a body's decision and its
# date, as agenda portals print it under a case
DECISION_DATED = re.compile(r"^\s*Beslutning\s+(?:i\s+)?[A-ZÆØÅ].{0,80}?\s+den\s+(?P<date>\d.{5,20})$")


def _decided_on(lines: list[str], date: datetime.date) -> bool:
    """Does the text record a decision taken on the meeting's own date? Then it is the meeting's minutes, whatever
    the page's title says (an earlier meeting's decision on the same case does not count)."""
    return any(m and find_date(m.group("date")) == date for m in (DECISION_DATED.match(ln) for ln in lines if ln))


def _kind_body_cluster(title: str, title_at: int, title_is_heading: bool, header_nonempty: list[str],
                       fields: dict[str, str], when: _When, lines: list[str],
                       headings: list[_Heading]) -> tuple[str, str | None, str | None]:
    """Agenda or minutes ("" when the header does not say), the body and the cluster, from the title, the
    labelled fields, the header search and the running text. ('Dagsordenpunkter' labels the items' list: it does
    not say the document is an agenda.)"""
    searched, sentence_body = when.searched, when.sentence_body
    kind_source = " ".join([title] + header_nonempty[:6])
    kind = "" if title_is_heading else \
        "minutes" if re.search(r"referat|beslutningsprotokol", title, re.I) else \
        "agenda" if re.search(r"dagsorden(?!s?punkt)", title, re.I) else \
        "minutes" if re.search(r"referat|beslutningsprotokol", kind_source, re.I) else \
        "minutes" if any(MINUTES_LINE.fullmatch(ln.strip()) or TREATED_AT_MEETING.match(ln.strip())
                         for ln in header_nonempty) else ""
    labelled = re.search(r"\b(?:mødeforum|forum|udvalg)\s*:\s*(?P<v>.+)$", title, re.I)
    name_part = KIND_WORDS.sub(" ", layout.NEXT_LABEL.sub("", labelled.group("v")) if labelled else title)
    name_part = re.sub(rf"\b(?:d\.|den|fra|for|møde i|mødet i|møde|af)\s+(?=\d|{MONTH_RE})", " ", name_part, flags=re.I)
    name_part = DATE_WORDS.sub(" ", name_part)
    name_part = DATE_ISO.sub(" ", layout.DATE_MONTH_FIRST.sub(" ", name_part))
    name_part = DATE_NUM.sub(" ", name_part)
    name_part = KL_TIME.sub(" ", name_part)
    name_part = re.sub(r"\b(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\b", " ", name_part, flags=re.I)
    name_part = re.sub(r"^\s*(?:(?:af|fra|for)\s+)?(?:(?:det\s+)?(?:mødet|møde|mødet)\s+(?:i|for)\s+)?", " ", name_part,
                       flags=re.I)
    name_part = re.sub(r"\s+(?:d\.|den)\s*$", "", name_part.strip(" -–—,:"), flags=re.I).strip(" -–—,:")
    # "Social, psykiatri og specialundervisning" is one name: a comma before a lower-case word splits nothing
    parts = [p.strip(" ,:") for p in re.split(r"\s+[-–—]\s+|\s*[|/]\s*|,\s+(?![a-zæøå])", name_part) if p.strip(" ,:")]
    cluster = next((p for p in parts if CLUSTER_WORD.search(p)), None)
    body = next((p for p in parts if p != cluster and re.search(r"[^\W\d_]{3}", p)
                 and not re.fullmatch(r"(?:dato|sted|tid|mødested|mødedato)\W*", p, re.I)), None)
    stated = next((m for m in (KIND_STATEMENT.match(ln) for ln in header_nonempty[:6]) if m
                   and layout.dates_in(m.string)), None)
    if stated and not title_is_heading and stated.string not in title:
        # 'Referat til mødet i X den 17. november 2020' under a viewer's 'Sbsys dagsorden preview' (not when the
        # title is a bare 'Referat' joined to the line: the title's own first word decides then)
        kind = "minutes" if stated.group("minutes") else "agenda"
    if kind == "agenda" and when.date is not None and _decided_on(lines, when.date):
        kind = "minutes"  # a portal's 'Dagsorden' page that holds the meeting's own decisions
    if title_is_heading:
        body = None
    if fields.get("body"):
        body = fields["body"]
    elif searched.body:
        found_body = searched.body.strip(" ()")
        body_parts = [p.strip(" ,:()") for p in re.split(r"\s+[-–—]\s+|\s*[|/]\s*|\s+(?=[A-ZÆØÅ][\w-]*klyngen?$)",
                                                         found_body) if p.strip(" ,:()")]
        in_cluster = next((p for p in body_parts if CLUSTER_WORD.search(p)), None)
        if in_cluster and len(body_parts) > 1:
            cluster = cluster or in_cluster
            body = next(p for p in body_parts if p != in_cluster)
        elif not (cluster and body and in_cluster):
            body = found_body
    if body is None and sentence_body:
        body = sentence_body
    body = layout.body_name(body)
    labelled_body = fields.get("body")
    if body and body != labelled_body and not title_is_heading and 0 <= title_at < len(header_nonempty) - 1:
        body = fuller_body(body, header_nonempty[title_at + 1]) or body
    if body and not (plausible_name(body) or (body == labelled_body and not _not_a_value(body))):
        body = None  # 'Dato:', 'oktober 2019', 'på X samt ...', a breadcrumb trail: no body
    search_title = "" if title_is_heading else title
    if body is None or (body[:1].islower() and body != labelled_body):
        # none, or a lower-case phrase from a sentence ('dialogmøde med Socialudvalget'): a body-noun phrase
        # found in the first lines is better
        body = _body_deciding_on(lines, when.date) or _body_phrase_of(lines, headings, search_title) or body
    if body is None and not title_is_heading:
        body = _body_in_running_text(lines)  # named only in running text
    elif body and body != labelled_body and not is_body(body):
        # a phrase without a body noun ('MR møde', 'Der afholdes ordinært menighedsrådsmøde', a name from a member
        # list) is weaker evidence than a body the document names: a body-noun phrase of the first lines, or the
        # one body its running text names again and again
        named = _body_phrase_of(lines, headings, search_title) or _body_in_running_text(lines)
        if named and not CLUSTER_WORD.search(named):  # a cluster is no body of it ('Fagligt strategisk niveau')
            body = named
        elif not plausible_name(body):
            body = None  # 'PDF Udskriv Email', 'Gå til hovedindholdet': no body rather than web furniture
    body = layout.body_name(body)  # whichever way it was found: no kind, page number or authority around it
    if cluster is None:
        for ln in header_nonempty[:15]:
            m = re.search(r"\b(Sundhedsklynge [A-ZÆØÅ][\w-]+|[A-ZÆØÅ]\w*klyngen|Sundhedsråd [A-ZÆØÅ][\w-]+)", ln)
            if m:
                cluster = m.group(1)
                break
    return kind, body, cluster


def _read_items(headings: list[_Heading], lines: list[str], raw_lines: list[str], organisations: list[str],
                lists: dict[str, list[str]]):
    """The items from their headings, in the meeting's order: (items, each item's warnings by id, the guests
    named in items, the names of items that are apologies). The people of a 'Mødedeltagere' item join
    ``lists["attendees"]``."""
    items: list[ParsedItem] = []
    item_warnings: dict[int, list[ParsedWarning]] = {}
    all_guests: list[ParsedPerson] = []
    item_heading_index: dict[int, int] = {}
    bodies = sorted((h for h in headings if not h.list_only), key=lambda h: h.index)
    marks = sorted({h.index for h in headings})
    for heading in bodies:
        checkpoint()
        stop = next((x for x in marks if x > heading.index), len(lines))
        item, item_lines, found = _parse_item(heading, stop, lines, raw_lines, organisations)
        item_warnings[id(item)] = found
        item_heading_index[id(item)] = heading.index
        item.through = _range_end(lines[heading.index], heading)
        all_guests.extend(item.guests)
        if ATTENDEE_ITEM.match(item.title):
            _item_people(item_lines, lists)
        items.append(item)
    for heading in (h for h in headings if h.list_only):
        # named only in the agenda list: kept, in its place by number
        item_title, presenter, start_t, end_t, closed, tail = _split_heading(heading.title)
        item = ParsedItem(heading.number, item_title, presenter, start_t, end_t, closed=closed or heading.closed)
        if tail:  # 'Forventningsafstemningssamtale - udgået': the list line's own text (the minutes, in minutes)
            item.description = tail
            item._unlabelled = True
        item.kind = _item_kind(item.title, [])
        item_warnings[id(item)] = []
        item_heading_index[id(item)] = heading.index
        item.through = _range_end(lines[heading.index], heading)
        at = next((k for k, o in enumerate(items) if o.number is not None and heading.number is not None
                   and o.number > heading.number), len(items))
        items.insert(at, item)
    if any(h.order is not None for h in headings):
        # a bulleted agenda merged with the numbered bodies: the list's order is the meeting's
        order_of = {h.index: h.order for h in headings}
        items.sort(key=lambda o: order_of.get(item_heading_index[id(o)], 0))
    numbers = [o.number for o in items]
    if any(h.list_only for h in headings) and None not in numbers and len(set(numbers)) == len(numbers):
        # the agenda list merged with the bodies found: the list's order (by number) is the meeting's, also when
        # a list line was taken for a body above the first item's page
        items.sort(key=lambda o: o.number)

    _trailing_presenters(items)
    _trailing_times(items)
    absence_items = _absence_headings(items)

    # a table of contents written as headings: an empty heading repeated later is not an item
    keep = []
    for k, item in enumerate(items):
        size = 30 if item.number is not None else None  # unnumbered items: 'Budgetopfølgning for X' / '… for Y'
        # (two unnumbered entries of one title, both empty, are two items: 'Udlejning af ejendom' twice in a list)
        later = any(o.number == item.number and o.title.lower()[:size] == item.title.lower()[:size]
                    and (item.number is not None or not _empty_item(o)) for o in items[k + 1:])
        if not (_empty_item(item) and later):
            keep.append(item)
    items = keep
    return items, item_warnings, all_guests, absence_items


def _empty_item(item: ParsedItem) -> bool:
    return not any([item.summary, item.description, item.recommendations, item.minutes, item.decision,
                    item.attachments, item.tables])


def _sentence_name(name: str, before_verb: bool = False) -> str:
    """A name found in running text keeps to its own sentence (an initial's point, 'Kasper E. Olesen', ends none):
    'Morten Grøn. Morten Normann Jørgensen deltog ikke' after the verb -> 'Morten Grøn'; 'Tina Ebler. Ida Götke'
    before 'deltog for' (``before_verb``) -> 'Ida Götke'."""
    pieces = re.split(r"(?<=[a-zæøå]{2})(?<!\bChr)(?<!\bJoh)\.\s", name)  # ('Jens Chr. Golding': a short name)
    return pieces[-1 if before_verb else 0].strip(" .")


# 'Afbud: Eva Holm, Bo Berg', '- Fraværende – Jens Ravn': an absence label and its names on one line (the label's
# words in ABSENCE_WORDS: the pattern is tried only on a line that holds one)
# ('2. Fraværende: Leif Dræbye og …': a point of a numbered decision)
ABSENCE_LABEL_LINE = re.compile(r"^(?:-\s*|\d{1,2}\.\s+)?(?:afbud fra|afbud|fraværende med afbud|fraværende|fravær|"
                                r"meldt afbud|meldt forfald|forfald|ikke til stede|ikke tilstede|meldt fravær)"
                                r"\s*[:\-–]\s*(.+)$", re.I)
ABSENCE_WORDS = ("afbud", "fravær", "forfald", "ikke til")


# 'Indkaldelse af suppleanter : N/a': a label whose value names no one
EMPTY_VALUE = re.compile(r"^[^:]{2,60}:\s*(?:n/?a|ingen|-+)\.?\s*$", re.I)


PRESENT_LABEL = re.compile(r"^(?:mødedeltagere|deltagere|til stede|tilstedeværende|tilstede|fremmødte)\s*:\s*", re.I)


def _item_people(item_lines: list[str], lists: dict[str, list[str]]) -> None:
    """The lines of a 'Mødedeltagere' / 'Fremmøde …' item: those present, and after an absence label
    ('Fravær: Merry Rasmussen (sognepræst)' / 'Gitte Buur (kasserer)') those absent."""
    into = "attendees"
    for ln in item_lines:
        if not ln or _section_of(ln) or EMPTY_VALUE.match(ln.strip()):
            continue
        absence = ABSENCE_LABEL_LINE.match(ln.strip())
        if absence:
            into = "absent"
            lists["absent"].append(absence.group(1))
        elif not re.search(r"afbud", ln, re.I):
            lists[into].append(PRESENT_LABEL.sub("", ln.strip()))  # 'Deltagere:   Lars Enghoff Jensen (formand)'


def _people(lines: list[str], first: int, lists: dict[str, list[str]], absence_items: list[str],
            item_guests: list[ParsedPerson], organisations: list[str]):
    """Apologies, substitutes, attendees and guests found anywhere in the text: (attendees, absent, substitutes,
    guests). Organisations and hospital units are never persons."""
    all_guests = item_guests
    # apologies, substitutes and attendees anywhere in the text
    absent: list[str] = []
    substitutes: list[tuple[str, str]] = []
    initials = _initials_of(lines)
    for k, ln in enumerate(lines):
        if not ln:
            continue
        folded = ln.casefold()
        am = ABSENCE_LABEL_LINE.match(ln) if any(word in folded for word in ABSENCE_WORDS) else None
        if am and not re.match(r"^ingen\b", am.group(1), re.I):
            names = _list_wrapped_on(am.group(1), lines, k)
            listed = _listed_names(_without_capitals_tail(names)) or _by_initials(names, initials)
            absent.extend(listed)
            if len(listed) == 1:
                absent.extend(_one_name_a_line_below(lines, k))
        elif ln[:1] in "FfAa" and (bare := BARE_ABSENT_LINE.match(ln)):
            absent.extend(n for n in _names_in(bare.group("names")) if len(n.split()) >= 2)
        said = NAME_THEN_ABSENT_SENTENCE.match(ln) if "fraværende" in ln or "afbud" in ln else None
        if said and said.group("name") not in absent:
            absent.append(said.group("name"))
        nm = NAME_THEN_ABSENT.match(ln)
        if nm and nm.group("name") not in absent:  # '• Eva Holm: Afbud (stedfortræder …)' in a members' list
            absent.append(nm.group("name"))
        # (each pattern is tried only on a line with its verb or bracket: scanning every line for a name was a
        # tenth of the reading time)
        if "delt" in ln or "mødte" in ln:
            for sm in SUBSTITUTE_SENTENCE.finditer(ln):
                substitutes.append((_sentence_name(sm.group(1), before_verb=True), _sentence_name(sm.group(2))))
        if "stedet" in ln:
            for sm in INSTEAD_OF_SENTENCE.finditer(ln):
                substitutes.append((_sentence_name(sm.group("sub")), _sentence_name(sm.group("absent"))))
        if "stedfortræder" in ln or "suppleant" in ln:
            for sm in DASHED_SUBSTITUTE.finditer(ln):
                substitutes.append((sm.group(2).strip(), sm.group(1).strip()))
        if "(" in ln:
            for sm in BRACKETED_SUBSTITUTE.finditer(ln):
                substitutes.append((sm.group(1).strip().rstrip("."), sm.group(2).strip().rstrip(".")))
    absent.extend(absence_items)
    for ln in lines:
        absent.extend(_inline_absent(ln or ""))
        if ln and "ikke" in ln:
            absent.extend(n for n in _absent_sentence(ln) if n not in absent)
    for ln in _apology_blocks(lines):
        if ln not in lists["absent"]:
            lists["absent"].append(ln)
    for ln in lists["absent"]:
        if layout.PARTIAL_PRESENCE.search(ln):
            continue  # a partial absence ("deltog ikke i punkterne 2-11", "ankom til mødet kl. 17.35") is no apology
        if not re.match(r"^ingen\b", ln, re.I) and not SUBSTITUTION.search(ln):
            one = parse_person(ln, organisations) if re.match(r"^\s*[-–•]\s", ln) and ln.count(",") == 1 else None
            if one is not None:  # ' • Michael Prehn, Danske Maritime (…)': one person a bullet, then where from
                absent.append(one.name)
                continue
            names = _listed_names(ln) or _by_initials(ln, initials) or _names_in(_group_line(ln))
            if not names or any(len(n.split()) > 4 for n in names):
                names = _known_names_in(ln, lines) or names  # 'Jesper Balle Kristensen Søren Lahn Sloth.'
            absent.extend(names)

    attendees: list[ParsedPerson] = []
    lists["attendees"] = [_marked_absent(_absence_sentence_out(ln, absent), absent) for ln in lists["attendees"]]
    for ln in lists["attendees"]:
        if re.search(r"\bingen afbud\b", ln, re.I) or re.fullmatch(r".*:\s*", ln):
            continue
        attendees.extend(_people_on_line(ln, organisations))
    attendees.extend(ParsedPerson(sub) for sub, _ in substitutes)  # (each person once: _first_of_each_name below)
    for _, behalf in substitutes:
        if behalf not in absent:
            absent.append(behalf)
    guests: list[ParsedPerson] = []
    for ln in lists["guests"]:  # ('Jørgen Lerhard (afbud)' among the officers: an apology, as among the members)
        guests.extend(_people_on_line(_marked_absent(ln, absent), organisations))
    guests.extend(all_guests)
    absent.extend(layout.apologies_in(lines))
    absent.extend(layout.labelled_absent(lines))
    # organisations and hospital units are never persons; job titles are not part of a name
    absent = [layout.trim_name(_sentence_name(n)) for n in absent]
    absent = list(dict.fromkeys(layout.strip_roles(n) for n in absent if not layout.is_organisation(n)))
    absent = [n for n in absent if (len(n.split()) >= 2 or n[:1].isupper()) and not _heading_in_capitals(n)]
    # 'Toufic' / 'Awada': the halves of a name a line break cut, where the whole name was read from the list too
    words_of_full_names = {w for n in absent if len(n.split()) >= 2 for w in n.split()}
    absent = [n for n in absent if len(n.split()) >= 2 or n not in words_of_full_names]
    absent = _without_variants(absent)
    for person in attendees + guests:
        person.name = layout.strip_roles(person.name)
    # 'Formand Søren D. Sørensen (SDS)' above the list that names him again: one person once the role is off
    attendees = _first_of_each_name(p for p in attendees if not layout.is_organisation(p.name))
    guests = _first_of_each_name(p for p in guests if not layout.is_organisation(p.name))
    absent_keys = {n.lower() for n in absent} | _first_name_matches(absent, [p.name for p in attendees])
    attendees = [p for p in attendees if p.name.lower() not in absent_keys]
    return attendees, absent, substitutes, guests


# 'Medlemmer: Afbud: A (S), B (V), C (V) B' / '… Tommy Frederiksen Ingen': a transcript ran a header table's two
# columns together, the labels first, then the members, then the absence column's value
HEADER_COLUMNS = re.compile(r"\bMedlemmer:\s+(?:Afbud|Fraværende):\s+(?:(?:Afbud|Fraværende):\s+)?")
COLUMN_ROLE = re.compile(r"(?:\b\d\.\s+)?\b[A-ZÆØÅ][\wæøå-]*\s*:\s*")  # 'Borgmester:', '1. Viceborgmester:'


def _absent_by_header_columns(absent: list[str], lines: list[str]) -> list[str]:
    """The apologies read again where a header's 'Medlemmer:' and 'Afbud:' columns ran together (``HEADER_COLUMNS``):
    the absence column repeats members' names after the list (or says 'Ingen'), so the members named once are
    present and those named again are absent; where no name comes again the reading is left as it was."""
    # the lines of each paragraph joined again (the reader may have cut the run at its labels); a blank line (the
    # transcript's next page) ends the run
    head = re.sub(r"(?<!\n)\n(?!\n)", " ", "\n".join(ln or "" for ln in lines[:120]))
    m = HEADER_COLUMNS.search(head) if "Medlemmer:" in head else None
    columns = _header_columns(head[m.end():].split("\n")[0]) if m else None
    if columns is None:
        return absent
    members, away = columns
    kept = [n for n in absent if n not in members and not _known_sequence(n.split(), sorted(members))]
    return kept + [n for n in away if n not in kept]


def _header_columns(run: str) -> tuple[set[str], list[str]] | None:
    """(the members, those named again) of a run of the two columns' values; None when no name comes again."""
    run = re.split(r"\s+Side\s+\d", run)[0]
    run = re.sub(r"\(+[^()]*\)+", ",", COLUMN_ROLE.sub(", ", run))
    members: list[str] = []
    away: list[str] = []
    for piece in (p.strip() for p in run.split(",")):
        if not piece:
            continue
        new, again = _new_then_known(piece.split(), members)
        if away and new:
            # what the run goes on to ('Norddjurs Kommune', 'Lars Brandstrup Sagsoversigt …'): no name, the known
            # name before it the last one
            away.extend(name for name in members if piece.startswith(name + " "))
            break
        if again == ["Ingen"]:
            return set(members + ([" ".join(new)] if new else [])), []
        if new:
            members.append(" ".join(new))
        away.extend(again)
    return (set(members), away) if away else None


def _new_then_known(tokens: list[str], known: list[str]) -> tuple[list[str], list[str]]:
    """'Tommy Frederiksen Ingen' -> (['Tommy', 'Frederiksen'], ['Ingen']); 'Paw Karslund Camilla Schwalbe' with
    Camilla Schwalbe known -> (['Paw', 'Karslund'], ['Camilla Schwalbe']); the words of a new name first, then the
    known names the rest is made of (or 'Ingen'); (tokens, []) when no tail is."""
    for start in range(len(tokens)):
        tail = tokens[start:]
        if tail == ["Ingen"]:
            return tokens[:start], ["Ingen"]
        names = _known_sequence(tail, known)
        if names:
            return tokens[:start], names
    return tokens, []


def _known_sequence(tokens: list[str], known: list[str]) -> list[str]:
    """The known names ``tokens`` are made of, one after the other ('Pernelle Jensen Børge Larsen'); [] otherwise."""
    if not tokens:
        return []
    for name in known:
        size = len(name.split())
        if tokens[:size] == name.split():
            rest = _known_sequence(tokens[size:], known) if len(tokens) > size else []
            if len(tokens) == size or rest:
                return [name, *rest]
    return []


def _heading_in_capitals(text: str) -> bool:
    """'BESLUTNING I BØRNE': a heading in capitals where a name was looked for (a Danish word in it, no name)."""
    parts = text.split()
    return len(parts) >= 2 and all(p.isupper() for p in parts if p.isalpha()) \
        and any(len(p) >= 6 and p.isalpha() and words.common_word(p, compounds=False) for p in parts)


def _first_name_matches(absent: list[str], attendees: list[str]) -> set[str]:
    """'Deltagere: …, Katrine Kop Fogsgaard, Line Storgaard, …' / 'Afbud: Ditte Vuholm, Line, Katrine': a members'
    list under the attendees' label with the apologies given by first name only. The one attendee whose first name an
    apology is (where only one has it) is absent, not present (lower-cased, as the caller compares)."""
    found: set[str] = set()
    for name in absent:
        if len(name.split()) != 1:
            continue
        same = [a for a in attendees if len(a.split()) >= 2 and a.split()[0].casefold() == name.casefold()]
        if len(same) == 1:
            found.add(same[0].lower())
    return found



def _without_variants(names: list[str]) -> list[str]:
    """'Brigitte Klintskov Jerkel' and, two lines on, 'Brigitte Klinskov Jerkel': one person named twice (a slip in
    the middle name); the first spelling stays. Only names of three words or more, first and last words equal."""
    kept: list[str] = []
    for name in names:
        parts = name.split()
        if len(parts) >= 3 and any(len(k.split()) == len(parts) and k.split()[0] == parts[0]
                                   and k.split()[-1] == parts[-1] for k in kept):
            continue
        kept.append(name)
    return kept


NUMBER_RANGE_HEADING = re.compile(r"^\s*(?:(?i:ad|punkt|pkt)\.?\s*)?\d{1,3}\.?\s*[-–]\s*(\d{1,3})\.\s")  # 'Ad 3-4. …'


def _range_end(line: str, heading: _Heading) -> int | None:
    """'3. - 8. Valg af enkeltmandsposter' -> 8: the last item number one heading covers."""
    m = NUMBER_RANGE_HEADING.match(line)
    return int(m.group(1)) if m and heading.number is not None and int(m.group(1)) > heading.number else None


def check_items(items: list[ParsedItem]) -> list[ParsedWarning]:
    """Time slots out of order or overlapping; item numbers repeated or skipped."""
    warnings = []
    previous = None
    for item in items:
        label = f"punkt {item.number}" if item.number is not None else f"punktet “{item.title}”"
        if item.start and item.end and item.end <= item.start:
            warnings.append(ParsedWarning("time_slot_invalid", f"Tidsrummet for {label} slutter "
                                          f"kl. {item.end:%H:%M}, før det starter kl. {item.start:%H:%M}.",
                                          item.number))
        if item.start is None:
            continue
        if previous is not None:
            plabel = f"punkt {previous.number}" if previous.number is not None else f"punktet “{previous.title}”"
            if item.start < previous.start:
                warnings.append(ParsedWarning(
                    "time_slot_order", f"{label.capitalize()} starter kl. {item.start:%H:%M}, før {plabel} "
                    f"(kl. {previous.start:%H:%M}), selv om det står efter det.", item.number))
            elif previous.end and item.start < previous.end:
                warnings.append(ParsedWarning(
                    "time_slot_overlap", f"{label.capitalize()} starter kl. {item.start:%H:%M}, før {plabel} "
                    f"slutter kl. {previous.end:%H:%M}.", item.number))
        previous = item
    seen: set[int] = set()
    last = None
    for item in items:
        if item.number is None:
            continue
        if last is not None and item.closed and (item.number - last > 4 or (item.number == 1 and last > 1)):
            # 'lukket 101' after '12', or a closed part numbered from 1 again: a series of their own
            seen, last = {item.number}, item.number
            continue
        if item.number in seen:
            warnings.append(ParsedWarning("item_number_repeated",
                                          f"Punktnummer {item.number} står mere end én gang.", item.number))
        elif last is not None and item.number > last + 5:
            warnings.append(ParsedWarning("item_number_skipped",
                                          f"Punktnummeret springer fra {last} til {item.number}.", item.number))
        elif last is not None and item.number > last + 1:
            missing = ", ".join(str(n) for n in range(last + 1, item.number))
            warnings.append(ParsedWarning("item_number_skipped",
                                          f"Punktnummer {missing} mangler mellem punkt {last} og punkt {item.number}.",
                                          item.number))
        elif last is not None and item.number < last:
            warnings.append(ParsedWarning("item_number_order",
                                          f"Punkt {item.number} står efter punkt {last}.", item.number))
        seen.add(item.number)
        covered = item.through or item.number  # '3. - 8.': the next item is 9
        last = max(last, covered) if last is not None else covered
    return warnings
