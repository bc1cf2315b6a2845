"""Accuracy of the importer on real public Danish minutes and agendas (bench/importer_corpus/).

    .venv/bin/python bench/importer_accuracy.py                 # the seen groups' figures and tables
    .venv/bin/python bench/importer_accuracy.py --show-heldout  # also the blind group's figures and per-document table
    .venv/bin/python bench/importer_accuracy.py --doc ID        # one document: truth beside what was read
    .venv/bin/python bench/importer_accuracy.py --json          # every figure as JSON

Each document runs through the same pipeline as ``klynge import-minutes --dry-run`` without a database:
extract -> normalise (the Danish dictionary when installed) -> parse, with the document's web address as its
source (as ``--source``: a date there is used only when the text states none). The truth was annotated by hand in
bench/importer_corpus/manifest.json; a field whose truth is null (not written in the document) is not scored,
except that anything read for it counts against precision.

Per field: precision = right / read, recall = right / annotated. Items: a document's items are "exactly right"
when the numbers and titles read equal the annotated ones, in order, nothing missing and nothing spurious.
Names are compared case-insensitively; free text (place, body, titles) after folding case, dashes, quotes and
spaces, with a small tolerance (SequenceMatcher ratio >= 0.9; place and body also when one contains the other
and the shorter is at least 60 % of the longer). A refused document ("ingen dagsordenspunkter") reads nothing.

Groups (``GROUPS``): "dev" (tuned on from the start), "train1".."train3" (collected for training, never blind),
"seen" and "seen2".."seen75" (split "heldoutN": each collected blind by a helper that read no code, its output
shown once in the report of its round, a development group since; docs/importer-history.md says when and what)
and "blind" (split ``BLIND``, not collected until the next round).
While tuning, look only at dev and the seen groups; the blind group is not even read without --show-heldout,
and its figures, its per-document table and --doc on a blind document are printed only with --show-heldout
(for the final report).
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT / "bench" / "importer_corpus"

SCALARS = ["date", "start", "end", "place", "body", "cluster", "kind"]
NAMES = ["attendees", "apologies", "guests"]
ORG_WORDS = re.compile(
    r"\b(?:kommune|region|regionen|hospital|hospitalet|regionshospitalet|sygehus|psykiatri|psykiatrien|plo|plo-m|kkr|"
    r"kosu|auh|ouh|sekretariat|sekretariatet|udvalg|udvalget|klynge|klyngen|forvaltning|center|afdeling|"
    r"sundhedsplanlægning|koncern|styrelse|styrelsen|forening|foreningen)\b", re.I)


def fold(text: str | None) -> str:
    if text is None:
        return ""
    text = text.casefold().replace("–", "-").replace("—", "-").replace("”", '"').replace("“", '"')
    text = re.sub(r"^\s*lukket punkt\s*[-–:]?\s*", "", text)
    text = re.sub(r"\s+", " ", text).strip(" .:;,")
    return text


# '… (lukket punkt)', '… (lukket møde)', '… - fortroligt': the annotators keep a closed item's marker in its title
# as written; the importer stores the item as closed (the page shows it so) and the title without it. Both say the
# same.
CLOSURE_PREFIX = re.compile(r"^\s*lukket\s*(?::|\s[-–])\s*", re.I)  # 'Lukket: Køb af …', 'Lukket - Orientering'
# (the bracketed marker may stand before a last remark: 'Rektoratet fremadrettet (lukket punkt) (bilag)')
CLOSURE_MARK = re.compile(r"\s*(?:\(\s*(?:lukket(?: punkt| møde)?|fortroligt?)\s*\)(?=\s*(?:\([^()]*\)\s*)?$)"
                          r"|[-–]\s*fortroligt\s*$|(?:\s[-–])?\s+LUKKET (?:SAG|PUNKT)\s*$"
                          r"|\s[-–]\s*LUKKET\s*$)", re.I)  # '… - LUKKET SAG', '… - LUKKET'


def title_right(truth_item: dict, read_item: dict) -> bool:
    """Number and title right; a closed marker in the annotated title (after it, or 'Lukket:' before it) counts as
    the read item's closed flag, and a presenter written in the annotated title ('Aktiviteter busture mm.
    v/Martine') as the read item's presenter."""
    if truth_item["number"] != read_item["number"]:
        return False
    if similar(truth_item["title"], read_item["title"]):
        return True
    bare = CLOSURE_PREFIX.sub("", CLOSURE_MARK.sub("", truth_item["title"] or ""))
    if bool(read_item.get("closed")) and bare != truth_item["title"] and similar(bare, read_item["title"]):
        return True
    presenter = read_item.get("presenter")
    said = PRESENTER_MARK.search(truth_item["title"] or "")
    return bool(presenter and said and fold(presenter) in fold(said.group(0))
                and similar(truth_item["title"][:said.start()], read_item["title"]))


# ' v/Martine', ' v. Anne Hansen', ' ved Sidsel', ' ved udvalgsformand Caroline Christensen', ' - Jeanette og Jonna',
# ' (Malou)' at the end of an annotated title
PRESENTER_MARK = re.compile(r"(?:\s+(?:v/|v\.|ved)\s*(?:[a-zæøå][\w-]{2,30}\s+)?|\s+[-–]\s+|\s*\()"
                            r"[A-ZÆØÅ][^()]{0,60}\)?\s*$")


def similar(a: str | None, b: str | None, contain: bool = False) -> bool:
    fa, fb = fold(a), fold(b)
    if not fa or not fb:  # 'Lukket punkt' folds to '': such a title matches only itself
        return not fa and not fb and bool(a and b) and a.casefold().strip(" .:") == b.casefold().strip(" .:")
    if fa == fb or difflib.SequenceMatcher(None, fa, fb).ratio() >= 0.9:
        return True
    if contain:
        short, long_ = sorted((fa, fb), key=len)
        return short in long_ and len(short) >= 0.6 * len(long_)
    return False


def scalar_right(field: str, truth, read) -> bool:
    if field in ("place", "body", "cluster"):
        return similar(truth, read, contain=True)
    return truth == read


def read_document(path: Path, lexicon, source: str = "") -> tuple[dict | None, str | None, float]:
    from klynge.importer.extract import ImportRefused, extract
    from klynge.importer.normalise import normalise
    from klynge.importer.parse import NoMeetingFound, parse
    from klynge.importer.report import to_json

    data = path.read_bytes()
    started = time.perf_counter()
    try:
        extracted = extract(path.name, data, 50 * 1024 * 1024)
        cleaned = normalise(extracted.text, lexicon, ())
        # the source is the document's web address, as a user's upload would carry it; the corpus file
        # name is not passed (the annotators put the truth's date in it)
        report = to_json(parse(cleaned.text, repairs=cleaned.repairs, changes=cleaned.replacements, source=source))
        report["_replacements"] = [list(c) for c in cleaned.replacements][:50]
        return report, None, time.perf_counter() - started
    except (NoMeetingFound, ImportRefused) as exc:
        return None, str(exc), time.perf_counter() - started


def score_document(truth: dict, read: dict | None) -> dict:
    """Per field: (tp, fp, fn) counts for this document."""
    out: dict[str, list[int]] = {}
    read = read or {}
    for field in SCALARS:
        t, r = truth.get(field), read.get(field)
        if field == "kind" and r == "":
            r = None
        right = t is not None and r is not None and scalar_right(field, t, r)
        out[field] = [int(right), int(r is not None and not right), int(t is not None and not right)]
    people = {
        "attendees": [p["name"] for p in read.get("attendees", [])],
        "apologies": list(read.get("absent", [])),
        "guests": list(read.get("guests", [])),
    }
    for field in NAMES:
        t = truth.get(field)
        if t is None:
            continue
        tset = {fold(n) for n in t}
        rset = {fold(n) for n in people[field]}
        tp = len(tset & rset)
        out[field] = [tp, len(rset - tset), len(tset - rset)]
    if truth.get("items") is None:
        # items not stated (a portal page whose saved text lost the item titles): not scored, as the manifest says
        for field in ("items", "items_exact", "item_presenter", "item_start", "item_recommendations"):
            out[field] = [0, 0, 0]
        out["_org_as_person"] = [n for field in NAMES for n in people[field] if ORG_WORDS.search(n)]
        out["_table_warnings"] = [w["message"] for w in read.get("warnings", []) if w["code"] == "table_total"]
        out["_misfiled"] = misfiled_texts(read.get("items", []))
        return out
    titems = truth.get("items") or []
    ritems = read.get("items", []) if read else []
    used = set()
    tp = 0
    for ti in titems:
        for k, ri in enumerate(ritems):
            if k not in used and title_right(ti, ri):
                used.add(k)
                tp += 1
                break
    out["items"] = [tp, len(ritems) - tp, len(titems) - tp]
    exact = bool(read) and len(titems) == len(ritems) and all(
        title_right(ti, ri) for ti, ri in zip(titems, ritems, strict=False))
    out["items_exact"] = [int(exact), 0, int(not exact)]
    # per-item details where annotated, over items matched by number
    by_number = {ri["number"]: ri for ri in ritems}
    for field, key in (("item_presenter", "presenter"), ("item_start", "start")):
        c = [0, 0, 0]
        for ti in titems:
            if key not in ti:
                continue
            ri = by_number.get(ti["number"])
            got = ri.get(key) if ri else None
            right = got is not None and (similar(ti[key], got) if key == "presenter" else ti[key] == got)
            c[0] += right
            c[1] += got is not None and not right
            c[2] += not right
        out[field] = c
    c = [0, 0, 0]
    for ti in titems:
        if "recommendations" not in ti:
            continue
        ri = by_number.get(ti["number"])
        right = ri is not None and len(ri["recommendations"]) == ti["recommendations"]
        c[0] += right
        c[1] += ri is not None and not right
        c[2] += not right
    out["item_recommendations"] = c
    orgs = [n for field in NAMES for n in people[field] if ORG_WORDS.search(n)]
    out["_org_as_person"] = orgs
    out["_table_warnings"] = [w["message"] for w in read.get("warnings", []) if w["code"] == "table_total"]
    out["_misfiled"] = misfiled_texts(ritems)
    return out


def misfiled_texts(items: list[dict]) -> list[str]:
    """Items whose text holds another item's heading as a line of its own ('1 Fraværende og bemærkninger' inside
    item 2): text filed under the wrong heading. Needs no truth; a sign, not a proof (the bench scores titles,
    and a change that moves every item's text one heading down keeps all the titles right)."""
    found = []
    titles = {re.sub(r"\W+", " ", i["title"]).strip().casefold(): i for i in items if len(i["title"]) >= 12}
    for item in items:
        text = "\n".join(item.get(k) or "" for k in ("summary", "description", "minutes", "decision"))
        for line in text.split("\n"):
            key = re.sub(r"\W+", " ", re.sub(r"^\W*(?:punkt\s+)?\d{1,3}\W*", "", line, flags=re.I)).strip().casefold()
            other = titles.get(key)
            if other is not None and other is not item:
                found.append(f"{item['number']}: {other['title'][:60]}")
    return found


FIELDS = SCALARS + NAMES + ["items", "items_exact", "item_presenter", "item_start", "item_recommendations"]


def summarise(rows: list[dict]) -> dict:
    total: dict[str, dict] = {}
    for field in FIELDS:
        tp = sum(r["score"][field][0] for r in rows if field in r["score"])
        fp = sum(r["score"][field][1] for r in rows if field in r["score"])
        fn = sum(r["score"][field][2] for r in rows if field in r["score"])
        total[field] = {
            "tp": tp, "fp": fp, "fn": fn,
            "precision": tp / (tp + fp) if tp + fp else None,
            "recall": tp / (tp + fn) if tp + fn else None,
        }
    total["documents"] = len(rows)
    total["refused"] = [r["id"] for r in rows if r["refused"]]
    total["org_as_person"] = sorted({n for r in rows for n in r["score"]["_org_as_person"]})
    total["table_warnings"] = sum(len(r["score"]["_table_warnings"]) for r in rows)
    total["misfiled"] = sum(len(r["score"].get("_misfiled", ())) for r in rows)
    return total


def pct(x) -> str:
    return "   - " if x is None else f"{100 * x:5.1f}"


BLIND = "heldout180"
BLIND_NAME = "blind held-out (heldout180)"
GROUPS = {"development": "dev", "seen (old held-out)": "heldout", "seen2 (heldout2, shown once)": "heldout2",
          "seen3 (heldout3, shown once)": "heldout3", "seen4 (heldout4, shown once)": "heldout4",
          "seen5 (heldout5, shown once)": "heldout5", "seen6 (heldout6, shown once)": "heldout6",
          "seen7 (heldout7, shown once)": "heldout7",
          "seen8 (heldout8, shown once)": "heldout8",
          "seen9 (heldout9, shown once)": "heldout9",
          "seen10 (heldout10, shown once)": "heldout10",
          "seen11 (heldout11, shown once)": "heldout11",
          "seen12 (heldout12, shown once)": "heldout12",
          "seen13 (heldout13, shown once)": "heldout13",
          "seen14 (heldout14, shown once)": "heldout14",
          "seen15 (heldout15, shown once)": "heldout15",
          "seen16 (heldout16, shown once)": "heldout16",
          "seen17 (heldout17, shown once)": "heldout17",
          "seen18 (heldout18, shown once)": "heldout18",
          "seen19 (heldout19, shown once)": "heldout19",
          "seen20 (heldout20, shown once)": "heldout20",
          "seen21 (heldout21, shown once)": "heldout21",
          "seen22 (heldout22, shown once)": "heldout22",
          "seen23 (heldout23, shown once)": "heldout23",
          "seen24 (heldout24, shown once)": "heldout24",
          "seen25 (heldout25, shown once)": "heldout25",
          "seen26 (heldout26, known hosts, shown once)": "heldout26",
          "seen27 (heldout27, known hosts, shown once)": "heldout27",
          "seen28 (heldout28, known hosts, shown once)": "heldout28",
          "seen29 (heldout29, known hosts, shown once)": "heldout29",
          "seen30 (heldout30, known hosts, shown once)": "heldout30",
          "seen31 (heldout31, known hosts, shown once)": "heldout31",
          "seen32 (heldout32, known hosts, shown once)": "heldout32",
          "seen33 (heldout33, known hosts, shown once)": "heldout33",
          "seen34 (heldout34, known hosts, shown once)": "heldout34",
          "seen35 (heldout35, known hosts, shown once)": "heldout35",
          "seen36 (heldout36, known hosts, shown once)": "heldout36",
          "seen37 (heldout37, known hosts, shown once)": "heldout37",
          "seen38 (heldout38, known hosts, shown once)": "heldout38",
          "seen39 (heldout39, known hosts, shown once)": "heldout39",
          "seen40 (heldout40, known hosts, shown once)": "heldout40",
          "seen41 (heldout41, shown once)": "heldout41",
          "seen42 (heldout42, new hosts, shown once)": "heldout42",
          "seen43 (heldout43, shown once)": "heldout43",
          "seen44 (heldout44, shown once)": "heldout44",
          "seen45 (heldout45, shown once)": "heldout45",
          "seen46 (heldout46, shown once)": "heldout46",
          "seen47 (heldout47, shown once)": "heldout47",
          "seen48 (heldout48, shown once)": "heldout48",
          "seen49 (heldout49, shown once)": "heldout49",
          "seen50 (heldout50, shown once)": "heldout50",
          "seen51 (heldout51, shown once)": "heldout51",
          "seen52 (heldout52, shown once)": "heldout52",
          "seen53 (heldout53, shown once)": "heldout53",
          "seen54 (heldout54, shown once)": "heldout54",
          "seen55 (heldout55, shown once)": "heldout55",
          "seen56 (heldout56, shown once)": "heldout56",
          "seen57 (heldout57, shown once)": "heldout57",
          "seen58 (heldout58, shown once)": "heldout58",
          "seen59 (heldout59, shown once)": "heldout59",
          "seen60 (heldout60, shown once)": "heldout60",
          "seen61 (heldout61, shown once)": "heldout61",
          "seen62 (heldout62, shown once)": "heldout62",
          "seen63 (heldout63, shown once)": "heldout63",
          "seen64 (heldout64, shown once)": "heldout64",
          "seen65 (heldout65, shown once)": "heldout65",
          "seen66 (heldout66, shown once)": "heldout66",
          "seen67 (heldout67, shown once)": "heldout67",
          "seen68 (heldout68, shown once)": "heldout68",
          "seen69 (heldout69, shown once)": "heldout69",
          "seen70 (heldout70, shown once)": "heldout70",
          "seen71 (heldout71, shown once)": "heldout71",
          "seen72 (heldout72, shown once)": "heldout72",
          "seen73 (heldout73, shown once)": "heldout73",
          "seen74 (heldout74, shown once)": "heldout74",
          "seen75 (heldout75, shown once)": "heldout75",
          "seen76 (heldout76, shown once)": "heldout76",
          "seen77 (heldout77, shown once)": "heldout77",
          "seen78 (heldout78, shown once)": "heldout78",
          "seen79 (heldout79, shown once)": "heldout79",
          "seen80 (heldout80, shown once)": "heldout80",
          "seen81 (heldout81, shown once)": "heldout81",
          "seen82 (heldout82, shown once)": "heldout82",
          "seen83 (heldout83, shown once)": "heldout83",
          "seen84 (heldout84, shown once)": "heldout84",
          "seen85 (heldout85, shown once)": "heldout85",
          "seen86 (heldout86, shown once)": "heldout86",
          "seen87 (heldout87, shown once)": "heldout87",
          "seen88 (heldout88, shown once)": "heldout88",
          "seen89 (heldout89, shown once)": "heldout89",
          "seen90 (heldout90, shown once)": "heldout90",
          "seen91 (heldout91, shown once)": "heldout91",
          "seen92 (heldout92, shown once)": "heldout92",
          "seen93 (heldout93, shown once)": "heldout93",
          "seen94 (heldout94, shown once)": "heldout94",
          "seen95 (heldout95, shown once)": "heldout95",
          "seen96 (heldout96, shown once)": "heldout96",
          "seen97 (heldout97, shown once)": "heldout97",
          "seen98 (heldout98, shown once)": "heldout98",
          "seen99 (heldout99, shown once)": "heldout99",
          "seen100 (heldout100, shown once)": "heldout100",
          "seen101 (heldout101, shown once)": "heldout101",
          "seen102 (heldout102, shown once)": "heldout102",
          "seen103 (heldout103, shown once)": "heldout103",
          "seen104 (heldout104, shown once)": "heldout104",
          "seen105 (heldout105, shown once)": "heldout105",
          "seen106 (heldout106, shown once)": "heldout106",
          "seen107 (heldout107, shown once)": "heldout107",
          "seen108 (heldout108, shown once)": "heldout108",
          "seen109 (heldout109, shown once)": "heldout109",
          "seen110 (heldout110, shown once)": "heldout110",
          "seen111 (heldout111, shown once)": "heldout111",
          "seen112 (heldout112, shown once)": "heldout112",
          "seen113 (heldout113, shown once)": "heldout113",
          "seen114 (heldout114, shown once)": "heldout114",
          "seen115 (heldout115, shown once)": "heldout115",
          "seen116 (heldout116, shown once)": "heldout116",
          "seen117 (heldout117, shown once)": "heldout117",
          "seen118 (heldout118, shown once)": "heldout118",
          "seen119 (heldout119, shown once)": "heldout119",
          "seen120 (heldout120, shown once)": "heldout120",
          "seen121 (heldout121, shown once)": "heldout121",
          "seen122 (heldout122, shown once)": "heldout122",
          "seen123 (heldout123, shown once)": "heldout123",
          "seen124 (heldout124, shown once)": "heldout124",
          "seen125 (heldout125, shown once)": "heldout125",
          "seen126 (heldout126, shown once)": "heldout126",
          "seen127 (heldout127, shown once)": "heldout127",
          "seen128 (heldout128, shown once)": "heldout128",
          "seen129 (heldout129, shown once)": "heldout129",
          "seen130 (heldout130, shown once)": "heldout130",
          "seen131 (heldout131, shown once)": "heldout131",
          "seen132 (heldout132, shown once)": "heldout132",
          "seen133 (heldout133, shown once)": "heldout133",
          "seen134 (heldout134, shown once)": "heldout134",
          "seen135 (heldout135, shown once)": "heldout135",
          "seen136 (heldout136, shown once)": "heldout136",
          "seen137 (heldout137, shown once)": "heldout137",
          "seen138 (heldout138, shown once)": "heldout138",
          "seen139 (heldout139, shown once)": "heldout139",
          "seen140 (heldout140, shown once)": "heldout140",
          "seen141 (heldout141, shown once)": "heldout141",
          "seen142 (heldout142, shown once)": "heldout142",
          "seen143 (heldout143, shown once)": "heldout143",
          "seen144 (heldout144, shown once)": "heldout144",
          "seen145 (heldout145, shown once)": "heldout145",
          "seen146 (heldout146, shown once)": "heldout146",
          "seen147 (heldout147, shown once)": "heldout147",
          "seen148 (heldout148, shown once)": "heldout148",
          "seen149 (heldout149, shown once)": "heldout149",
          "seen150 (heldout150, shown once)": "heldout150",
          "seen151 (heldout151, shown once)": "heldout151",
          "seen152 (heldout152, shown once)": "heldout152",
          "seen153 (heldout153, shown once)": "heldout153",
          "seen154 (heldout154, shown once)": "heldout154",
          "seen155 (heldout155, shown once)": "heldout155",
          "seen156 (heldout156, shown once)": "heldout156",
          "seen157 (heldout157, shown once)": "heldout157",
          "seen158 (heldout158, shown once)": "heldout158",
          "seen159 (heldout159, shown once)": "heldout159",
          "seen160 (heldout160, shown once)": "heldout160",
          "seen161 (heldout161, shown once)": "heldout161",
          "seen162 (heldout162, shown once)": "heldout162",
          "seen163 (heldout163, shown once)": "heldout163",
          "seen164 (heldout164, shown once)": "heldout164",
          "seen165 (heldout165, shown once)": "heldout165",
          "seen166 (heldout166, shown once)": "heldout166",
          "seen167 (heldout167, shown once)": "heldout167",
          "seen168 (heldout168, shown once)": "heldout168",
          "seen169 (heldout169, shown once)": "heldout169",
          "seen170 (heldout170, shown once)": "heldout170",
          "seen171 (heldout171, shown once)": "heldout171",
          "seen172 (heldout172, shown once)": "heldout172",
          "seen173 (heldout173, shown once)": "heldout173",
          "seen174 (heldout174, shown once)": "heldout174",
          "seen175 (heldout175, shown once)": "heldout175",
          "seen176 (heldout176, shown once)": "heldout176",
          "seen177 (heldout177, shown once)": "heldout177",
          "seen178 (heldout178, shown once)": "heldout178",
          "seen179 (heldout179, shown once)": "heldout179",
          "train1 (Midtjylland, for training)": "train1", "train2 (Hovedstaden, for training)": "train2",
          "train3 (Syddanmark and national, for training)": "train3", BLIND_NAME: BLIND}
TARGETS = {"items_exact": 0.90, "date": 0.95, "start": 0.85, "place": 0.75, "body": 0.75, "apologies": 0.80}


def print_summary(name: str, s: dict) -> None:
    print(f"\n== {name}: {s['documents']} documents, {len(s['refused'])} refused ==")
    print(f"{'field':22} {'prec %':>7} {'recall %':>9}   tp/fp/fn     target")
    for field in FIELDS:
        f = s[field]
        target = TARGETS.get(field)
        note = ""
        if target is not None:
            ok = f["recall"] is not None and f["recall"] >= target
            if field == "apologies":
                ok = ok and (f["precision"] or 0) >= 0.90
                note = f"recall >= {target:.0%}, precision >= 90 %: {'met' if ok else 'MISSED'}"
            else:
                note = f"{target:.0%}: {'met' if ok else 'MISSED'}"
        counts = f"{f['tp']:>3}/{f['fp']:>3}/{f['fn']:>3}"
        print(f"{field:22} {pct(f['precision']):>7} {pct(f['recall']):>9}   {counts}   {note}")
    print(f"organisations stored as persons: {len(s['org_as_person'])} {s['org_as_person'][:8]}")
    print(f"table-sum warnings (the corpus has no real one): {s['table_warnings']}")
    print(f"item texts holding another item's heading (text under the wrong item): {s['misfiled']}")
    if s["refused"]:
        print(f"refused: {', '.join(s['refused'])}")


def mark(score, field) -> str:
    if field not in score:
        return "."
    tp, fp, fn = score[field]
    if tp and not fp and not fn:
        return "ok"
    if not tp and not fp and not fn:
        return "."
    return f"{tp}/{tp + fn}" if field in NAMES or field == "items" else "X"


def print_table(rows: list[dict]) -> None:
    cols = ["date", "start", "end", "place", "body", "kind", "apologies", "items", "items_exact"]
    head = f"{'document':42}" + "".join(f"{c[:9]:>10}" for c in cols)
    print(head)
    for r in rows:
        line = f"{r['id'][:42]:42}" + "".join(f"{mark(r['score'], c):>10}" for c in cols)
        if r["refused"]:
            line += "   REFUSED"
        print(line)


def setup_importer():
    """Django set up for the importer; the Danish dictionary, or None when hunspell-da is missing."""
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "klynge.settings")
    os.environ.setdefault("KLYNGE_DATA_DIR", "/tmp/importer-data")
    import django

    django.setup()
    from klynge.importer.lexicon import DictionaryMissing, load_lexicon

    try:
        return load_lexicon()
    except DictionaryMissing:
        return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show-heldout", action="store_true", help="print the held-out per-document table too")
    parser.add_argument("--doc", help="show one document's truth and reading")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    lexicon = setup_importer()
    dictionary = ("with the Danish dictionary" if lexicon is not None
                  else "WITHOUT the Danish dictionary (hunspell-da not installed)")
    manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    rows = []
    elapsed = 0.0
    for doc in manifest["documents"]:
        if args.doc and doc["id"] != args.doc:
            continue
        if doc["split"] not in GROUPS.values():
            continue  # a set collected blind for a later round: not read until BLIND names it
        if doc["split"] == BLIND and not args.show_heldout:
            rows.append({"id": doc["id"], "split": doc["split"], "layout": doc["layout"], "refused": None,
                         "score": None, "read": None, "truth": doc["truth"]})
            continue  # the blind group is not even read until the final report
        read, refused, seconds = read_document(CORPUS / doc["file"], lexicon, doc.get("url", ""))
        elapsed += seconds
        rows.append({"id": doc["id"], "split": doc["split"], "layout": doc["layout"], "refused": refused,
                     "score": score_document(doc["truth"], read), "read": read, "truth": doc["truth"]})
    if args.doc:
        if not rows:
            print(f"no document {args.doc}")
            return 2
        r = rows[0]
        if r["split"] == BLIND and not args.show_heldout:
            print("held-out document: add --show-heldout to look at it (only for the final report)")
            return 2
        print(json.dumps({"truth": r["truth"], "read": r["read"], "refused": r["refused"],
                          "score": r["score"]}, ensure_ascii=False, indent=1, default=str))
        return 0
    halves = {name: [r for r in rows if r["split"] == split] for name, split in GROUPS.items()}
    summaries = {name: summarise(part) if name != BLIND_NAME or args.show_heldout else {"documents": len(part)}
                 for name, part in halves.items()}
    read_rows = [r for r in rows if r["score"] is not None]
    speed = len(read_rows) / elapsed if elapsed else 0
    if args.json:
        print(json.dumps({"summaries": summaries, "documents_per_second": speed,
                          "per_document": {r["id"]: dict(r["score"]) for r in read_rows}},
                         ensure_ascii=False, indent=1, default=str))
        return 0
    print(f"Importer accuracy on {len(read_rows)} real documents ({dictionary}); "
          f"{speed:.1f} documents/s (wall, one process)")
    for name, s in summaries.items():
        if name == BLIND_NAME and not args.show_heldout:
            print(f"\n== {name}: {s['documents']} documents (figures only with --show-heldout) ==")
            continue
        print_summary(name, s)
    for name, part in halves.items():
        if name == BLIND_NAME and not args.show_heldout:
            continue
        print(f"\n-- {name}, per document --")
        print_table(part)
    return 0


if __name__ == "__main__":
    sys.exit(main())
