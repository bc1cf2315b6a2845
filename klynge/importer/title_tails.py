"""Where an item's title ends: a learned cut for text the heading rules left glued to a title.

The heading rules in ``parse._split_heading`` cut the tails they know (a presenter after «v/», a time slot, a
purpose in brackets). Unseen layouts glue other text on: the minutes («… referat. Dagsorden godkendt»), a decision
without a space («…26.08.2009Ingen kommentarer»), a template's fields («- Ansvarlig(alle)»), an outcome shared by
every item («– intet nyt»). Rules written one layout at a time did not carry over to the next unseen documents,
so this is a logistic regression over plain features of every place a title could end (``cuts``): the separator,
the words after it (past tense, outcome words, a first name, a time), the words before it, and whether the same
kind of tail recurs on the document's other items. It is trained on the annotated corpus by
bench/train_title_model.py and shipped as title_model.json; pure Python at run time, nothing downloaded.

A title is cut at most once, at the most likely place, and only when the model is sure (its threshold was chosen
by cross-validation). Nothing is lost: the tail becomes the item's presenter (after «ved», «v/») or the first
line of its text.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .shipped_model import ShippedModel, sigmoid, standardised_logit

MODEL_PATH = Path(__file__).with_name("title_model.json")

# words whose full stop is an abbreviation, not a sentence's end ('Evt.', 'vedr.', 'pkt.')
ABBREVIATIONS = {
    "evt", "vedr", "pkt", "nr", "bl", "a", "mv", "m.v", "mm", "m.m", "ca", "jf", "kl", "d", "dvs", "inkl", "ekskl",
    "etc", "iflg", "pga", "orient", "ref", "st", "fx", "f.eks", "mht", "ift", "bla", "b", "kass", "adm", "dir",
    "udv", "sekr", "stk", "hhv", "tlf", "incl", "min", "max", "godk", "opf", "besl", "dr", "prof", "lekt", "cand",
    "mag", "ass", "int", "ekst", "gl", "ndr", "sdr", "vest", "øst", "sct", "skt",
}
PRESENTER_WORD = re.compile(r"^(?:ved|v/|v\.|v\./|v\s)", re.I)
# a tail that names who presents: 'v. arbejdsgruppen', 'ved Rasmus Jürs' (the name after the word)
PRESENTER_TAIL = re.compile(r"(?:ved|v/|v\./|v\.)\s*(?P<who>\S.{0,60})$", re.I)
# a tail that says what happened at the meeting: the minutes, not the title
OUTCOME_WORD = re.compile(
    r"\b(?:godkendt|godkendte|vedtaget|vedtog|besluttet|besluttede|taget til efterretning|tog|underskrevet|"
    r"drøftet|drøftede|gennemgået|gennemgik|orienteret|orienterede|valgt|valgtes|blev|var|havde|afgav|"
    r"intet|ingen|enige|enighed|fremlagt|fremlagde|udsat|udgår|udgik|bevilget|bevilgede|noteret|aftalt|"
    r"aftaltes|konstateret|konkluderede|tiltrådt|tiltrådte|sang|sangen)\b", re.I)
PAST_TENSE_SUFFIX = re.compile(r"\b[a-zæøå]{3,}(?:ede|tes|ede sig)\b")
# a present passive ('Regnskabet fremlægges og behandles', 'Forslag … drøftes'): the agenda's own words
PRESENT_PASSIVE = re.compile(r"\b[a-zæøå]{3,}(?:es|eres)\b")
TIME_OR_ALLOTMENT = re.compile(r"\bkl\.?\s*\d|\b\d{1,3}\s*(?:min|minutter|time[r]?)\b", re.I)
ATTACHMENT_WORD = re.compile(r"\b(?:bilag|vedhæftet|vedlagt|link|se\s+(?:bilag|vedhæftede))\b", re.I)
ITEM_NUMBER_IN_TAIL = re.compile(r"\b(?:punkt|pkt\.?)\s*\d", re.I)
FIELD_WORD = re.compile(r"\b(?:ansvarlig|proces|tid|sagsnr|journalnr|sagsbehandler)\b", re.I)
LINKING_WORD = re.compile(r"(?:^|\s)(?:af|til|for|om|med|i|på|og|fra|ved|samt|eller|under|efter|mod|vedr\.?)$",
                          re.I)
# who presents, by initials: 'v/FAS', 'GS/DH'
INITIALS = re.compile(r"^(?:(?:ved|v/|v\.|v\./)\s*)?[A-ZÆØÅ]{2,4}(?:\s*(?:/|,|og|&)\s*[A-ZÆØÅ]{2,4})*\.?$")
# who presents, named by a role: 'v. arbejdsgruppen', 'ved formanden', 'v/ kassereren'
ROLE_WORD = re.compile(r"\b(?:formand(?:en)?|næstformand(?:en)?|kasserer(?:en)?|præst(?:en)?|sekretær(?:en)?|"
                       r"sekretariat(?:et)?|arbejdsgruppe(?:n)?|udvalg(?:et)?|leder(?:en)?|skoleleder(?:en)?|"
                       r"direktør(?:en)?|chef(?:en)?|konsulent(?:en)?|forvaltning(?:en)?|administration(?:en)?|"
                       r"kirkeværge(?:n)?|kontaktperson(?:en)?|graver(?:en)?|alle)\b", re.I)
FIRST_NAME_SHAPE = re.compile(r"^[A-ZÆØÅ][a-zæøåéü]+(?:\s+[A-ZÆØÅ][a-zæøåéü-]+)?[.,]?$")
SEPARATORS = ("sentence", "dash", "comma", "colon", "bracket", "glued", "presenter", "capital")


@dataclass(frozen=True)
class Cut:
    """The title ends at ``at``; its tail begins at ``resume``."""
    at: int
    resume: int
    separator: str

    def split(self, title: str) -> tuple[str, str]:
        """(the title up to the cut, the tail after it)."""
        return title[:self.at].strip(" ,:;-–—"), title[self.resume:].strip()


def cuts(title: str) -> list[Cut]:
    """Every place the title could end, in order: after a sentence, before a dash, a comma, a colon, a bracket,
    a presenter word, a capital glued to a word, or a capitalised word after a lower-case one."""
    found: dict[int, Cut] = {}

    def add(at: int, resume: int, separator: str) -> None:
        head, tail = title[:at].strip(" .,:;-–—"), title[resume:].strip()
        if len(head) >= 3 and re.search(r"[A-Za-zÆØÅæøå]{2}", head) and re.search(r"\w", tail) and at not in found:
            found[at] = Cut(at, resume, separator)

    for m in re.finditer(r"(?<=\S)\.\s+(?=\S)", title):
        word = re.search(r"([\w.]+)$", title[:m.start()])
        if word and (word.group(1).casefold().rstrip(".") in ABBREVIATIONS or word.group(1).isdigit()
                     or len(word.group(1)) == 1):
            continue  # 'Evt. ', '9. maj', 'a. '
        add(m.start(), m.end(), "sentence")
    for m in re.finditer(r"\s+[-–—]+\s*|\s*[–—]\s+", title):
        add(m.start(), m.end(), "dash")
    for m in re.finditer(r",\s+", title):
        add(m.start(), m.end(), "comma")
    for m in re.finditer(r":\s+", title):
        add(m.start(), m.end(), "colon")
    for m in re.finditer(r"\s*\(", title):
        add(m.start(), m.start() + len(m.group(0)) - 1, "bracket")
    for m in re.finditer(r"\s+(?=(?:ved|Ved|v/|v\.|V/)\s*\S)", title):
        add(m.start(), m.end(), "presenter")
    for m in re.finditer(r"(?<=[a-zæøå0-9.])(?=[A-ZÆØÅ][a-zæøå]{2,})", title):
        add(m.start(), m.start(), "glued")
    for m in re.finditer(r"(?<=[a-zæøå0-9])\s+(?=[A-ZÆØÅ][a-zæøå])", title):
        add(m.start(), m.end(), "capital")
    return [found[k] for k in sorted(found)]


def tail_shape(title: str, cut: Cut) -> tuple[str, str]:
    """What kind of tail this is, to find the same kind on the document's other items: the separator and the
    tail's first word ('dash', 'intet'; 'bracket', '3')."""
    first = re.match(r"\W*([\w/]+)", title[cut.resume:])
    word = first.group(1).casefold() if first else ""
    return cut.separator, re.sub(r"\d+", "0", word)


@dataclass
class TitleContext:
    """What a cut's features look at besides its own title: the document's kind and how many of its items have a
    tail of each shape."""
    minutes: bool = False
    shapes: Counter = field(default_factory=Counter)
    items: int = 0

    @classmethod
    def of(cls, titles: list[str], minutes: bool) -> TitleContext:
        shapes: Counter = Counter()
        for title in titles:
            shapes.update({tail_shape(title, c) for c in cuts(title)})
        return cls(minutes, shapes, len(titles))


def features(title: str, cut: Cut, context: TitleContext) -> dict[str, float]:
    head = title[:cut.at].strip(" .,:;-–—")
    tail = title[cut.resume:].strip()
    head_words, tail_words = head.split(), tail.split()
    f: dict[str, float] = {f"sep_{cut.separator}": 1.0}
    f["head_words"] = math.log1p(len(head_words))
    f["tail_words"] = math.log1p(len(tail_words))
    f["tail_share"] = len(tail) / max(1, len(title))
    f["tail_capital"] = float(tail[:1].isupper())
    f["tail_outcome"] = float(bool(OUTCOME_WORD.search(tail)))
    f["tail_past"] = float(bool(PAST_TENSE_SUFFIX.search(tail)))
    f["tail_passive"] = float(bool(PRESENT_PASSIVE.search(tail)) and not OUTCOME_WORD.search(tail))
    f["tail_presenter"] = float(bool(PRESENTER_WORD.match(tail)))
    f["tail_name"] = float(bool(FIRST_NAME_SHAPE.match(re.sub(PRESENTER_WORD, "", tail).strip())))
    f["tail_initials"] = float(bool(INITIALS.match(tail)))
    f["tail_role"] = float(bool(ROLE_WORD.search(tail)) and len(tail_words) <= 4)
    f["tail_lower"] = float(tail[:1].islower())
    f["tail_time"] = float(bool(TIME_OR_ALLOTMENT.search(tail)))
    f["tail_attachment"] = float(bool(ATTACHMENT_WORD.search(tail)))
    f["tail_item_number"] = float(bool(ITEM_NUMBER_IN_TAIL.search(tail)))
    f["tail_field"] = float(bool(FIELD_WORD.search(tail)))
    f["tail_sentence"] = float(len(tail_words) >= 6 and tail.rstrip().endswith((".", "!", "?")))
    f["tail_open_bracket"] = float(tail.count("(") > tail.count(")") or tail.count(")") > tail.count("("))
    f["head_linking_end"] = float(bool(LINKING_WORD.search(head)))
    f["head_one_word"] = float(len(head_words) == 1)
    f["head_open_bracket"] = float(head.count("(") > head.count(")"))
    f["minutes"] = float(context.minutes)
    recurs = context.shapes.get(tail_shape(title, cut), 0) - 1
    f["shape_recurs"] = float(recurs >= 1)
    f["shape_share"] = recurs / max(1, context.items - 1)
    for sep in SEPARATORS:  # a few interactions the data shows: a capital glued on is rarely a name in minutes
        if cut.separator == sep:
            f[f"{sep}_outcome"] = f["tail_outcome"]
            f[f"{sep}_recurs"] = f["shape_recurs"]
    return f


@dataclass
class TitleModel:
    names: list[str]
    weights: list[float]
    bias: float
    means: list[float]
    scales: list[float]
    threshold: float = math.inf  # probability at which a title is cut; inf: never

    def probability(self, f: dict[str, float]) -> float:
        return sigmoid(standardised_logit(self.names, self.weights, self.bias, self.means, self.scales, f))

    def best_cut(self, title: str, context: TitleContext) -> tuple[Cut, float] | None:
        scored = [(c, self.probability(features(title, c, context))) for c in cuts(title)]
        return max(scored, key=lambda cp: cp[1]) if scored else None

    def trimmed(self, title: str, context: TitleContext) -> tuple[str, str]:
        """(title, tail): the title cut where the model is sure, else (title, '')."""
        best = self.best_cut(title, context)
        if best is None or best[1] < self.threshold:
            return title, ""
        return best[0].split(title)

    @classmethod
    def from_json(cls, data: dict) -> TitleModel:
        threshold = data.get("threshold")
        return cls(list(data["features"]), [float(w) for w in data["weights"]], float(data["bias"]),
                   [float(x) for x in data["means"]], [float(x) for x in data["scales"]],
                   math.inf if threshold is None else float(threshold))

    def to_json(self) -> dict:
        return {"features": self.names, "weights": self.weights, "bias": self.bias, "means": self.means,
                "scales": self.scales, "threshold": None if self.threshold == math.inf else self.threshold}


NEVER = TitleModel([], [], 0.0, [], [])
_SHIPPED = ShippedModel(MODEL_PATH, TitleModel.from_json, NEVER)


def title_model() -> TitleModel:
    """The shipped model (title_model.json beside this module); never cuts when the file is missing."""
    return _SHIPPED.get()


def use_title_model(model: TitleModel | None) -> TitleModel | None:
    """Replace the model parse uses (training and cross-validation); returns the old one. None reloads the file."""
    return _SHIPPED.use(model)


def presenter_in(tail: str) -> str | None:
    """Who presents, when a cut-off tail names them after «ved», «v.» or «v/»."""
    m = PRESENTER_TAIL.match(tail)
    return m.group("who").strip(" .,") if m else None
