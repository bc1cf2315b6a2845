"""Train where an item's title ends (klynge/importer/title_model.json) on the annotated corpus.

    .venv/bin/pip install numpy==2.4.6                         # the trainer's one extra (not needed at run time)
    .venv/bin/python bench/train_title_model.py                # cross-validate, train on everything, write the file
    .venv/bin/python bench/train_title_model.py --dry-run      # cross-validate only
    .venv/bin/python bench/train_title_model.py --unseen R.json ...  # also estimate on readings of unseen documents

Reads ONLY the non-blind splits of bench/importer_corpus/manifest.json; the blind split is skipped before its file
is opened. Every place a title could end (``title_tails.cuts``) is labelled from the truth, in two sets of titles:
- the items' final titles as the importer reads them with this model switched off: a cut is right when the title
  read is wrong and the part before the cut is the annotated title (the tail after «ved»/«v/» may be the
  presenter, as the bench scores it); every cut of a title read right is wrong;
- the headings' raw titles before the heading rules (``parse._split_heading``) cut their known tails: the rules'
  cuts the truth confirms teach the model the general shape of a tail (a presenter, a time allotment, an outcome),
  so it can find shapes the rules do not spell out.
A logistic regression (batch gradient descent on standardised features, L2, fixed iterations: deterministic)
learns the labels. The threshold is the lowest cut probability at which leave-one-group-out cross-validation on
the corpus breaks no document's items (with ``--unseen``: of those, the one that fixes most unseen documents net);
if every threshold breaks one, the file says never.

``--unseen`` takes readings written by bench/importer_readings.py from older code on once-blind sets (as that code
read them before any rule was written from them), and estimates, leaving one set out at a time, how many of those
documents the model would make exactly right and how many it would break.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from importer_accuracy import BLIND, CORPUS, GROUPS, read_document, setup_importer, title_right  # noqa: E402

ITERATIONS = 2000
RATE = 0.5
L2 = 0.001
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)


def read_corpus(lexicon) -> list[dict]:
    """Each non-blind document with items stated: its truth, its items as read with the model off, and its headings'
    raw titles."""
    from klynge.importer import parse, title_tails

    raw: list[list[tuple]] = []
    original = parse._read_items

    def recording(headings, *args, **kwargs):  # the headings' titles before the heading rules cut them
        raw.append([(h.number, h.title) for h in sorted(headings, key=lambda h: h.index)])
        return original(headings, *args, **kwargs)

    parse._read_items = recording
    old = title_tails.use_title_model(title_tails.NEVER)
    try:
        manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
        docs = []
        for doc in manifest["documents"]:
            if doc["split"] == BLIND or doc["split"] not in GROUPS.values() or doc["truth"].get("items") is None:
                continue  # the blind set: never read, never trained on
            raw.clear()
            read, refused, _ = read_document(CORPUS / doc["file"], lexicon, doc.get("url", ""))
            docs.append({"id": doc["id"], "split": doc["split"], "refused": refused,
                         "kind": (read or {}).get("kind"),
                         "truth": [(i["number"], i["title"]) for i in doc["truth"]["items"]],
                         "read": [(i["number"], i["title"], i.get("closed"), i.get("presenter"))
                                  for i in (read or {}).get("items", [])],
                         "headings": raw[-1] if raw else []})
    finally:
        parse._read_items = original
        title_tails.use_title_model(old)
    assert not any(d["split"] == BLIND for d in docs)
    return docs


def right(truth: tuple, number, title: str, closed, presenter) -> bool:
    return title_right({"number": truth[0], "title": truth[1]},
                       {"number": number, "title": title, "closed": closed, "presenter": presenter})


def label_title(truth: tuple, number, title: str, closed, presenter, context) -> list[tuple[dict, int]]:
    """(features, label) of each cut of one title; none when no single cut makes a wrong title right."""
    from klynge.importer.title_tails import cuts, features, presenter_in

    found = cuts(title)
    if not found:
        return []
    if right(truth, number, title, closed, presenter):
        return [(features(title, c, context), 0) for c in found]
    labels = []
    for c in found:
        head, tail = c.split(title)
        labels.append(right(truth, number, head, closed, presenter or presenter_in(tail)))
    if not any(labels):
        return []
    first = labels.index(True)  # the earliest cut that makes it right: later ones leave part of the tail on
    return [(features(title, c, context), int(k == first)) for k, c in enumerate(found)]


def read_pairs(doc: dict) -> list[tuple]:
    """(truth item, read item) when the numbers read are the annotated ones in order; else nothing to learn."""
    truth, read = doc["truth"], doc["read"]
    if len(truth) != len(read) or [t[0] for t in truth] != [r[0] for r in read]:
        return []
    return list(zip(truth, read, strict=True))


def heading_pairs(doc: dict) -> list[tuple]:
    headings, truth = doc.get("headings") or [], doc["truth"]
    numbers = [h[0] for h in headings]
    if None not in numbers and len(set(numbers)) == len(numbers):
        by_number = {h[0]: h for h in headings}
        return [(t, by_number[t[0]]) for t in truth if t[0] in by_number]
    return list(zip(truth, headings, strict=True)) if len(headings) == len(truth) else []


def labelled(doc: dict) -> list[tuple[dict, int]]:
    from klynge.importer.title_tails import TitleContext

    rows = []
    minutes = doc.get("kind") == "minutes"
    pairs = read_pairs(doc)
    context = TitleContext.of([r[1] for _, r in pairs], minutes)
    for truth, (number, title, closed, presenter) in pairs:
        rows += label_title(truth, number, title, closed, presenter, context)
    pairs = heading_pairs(doc)
    context = TitleContext.of([h[1] for _, h in pairs], minutes)
    for truth, (number, title) in pairs:
        closed = bool(re.search(r"lukket|fortrolig", title, re.I))
        rows += label_title(truth, number, title, closed, None, context)
    return rows


def train(rows: list[tuple[dict, int]]):
    import numpy as np

    from klynge.importer.title_tails import TitleModel

    names = sorted({name for f, _ in rows for name in f})
    x = np.array([[f.get(name, 0.0) for name in names] for f, _ in rows])
    y = np.array([label for _, label in rows], dtype=float)
    means, scales = x.mean(axis=0), np.maximum(1e-6, x.std(axis=0))
    z = (x - means) / scales
    w, b, n = np.zeros(len(names)), 0.0, len(rows)
    for _ in range(ITERATIONS):
        p = 1 / (1 + np.exp(-np.clip(b + z @ w, -40, 40)))
        b -= RATE * float((p - y).sum()) / n
        w -= RATE * (z.T @ (p - y) / n + L2 * w)
    return TitleModel(names, [round(float(v), 6) for v in w], round(b, 6), [round(float(v), 6) for v in means],
                      [round(float(v), 6) for v in scales])


def exact(doc: dict, model, threshold: float) -> bool:
    """Items exactly right after the model's cuts at this threshold (math.inf: as read)."""
    from klynge.importer.title_tails import TitleContext, presenter_in

    pairs = read_pairs(doc)
    if doc.get("refused") or not pairs:
        return False
    context = TitleContext.of([r[1] for _, r in pairs], doc.get("kind") == "minutes")
    for truth, (number, title, closed, presenter) in pairs:
        best = model.best_cut(title, context) if threshold < math.inf else None
        if best and best[1] >= threshold:
            title, tail = best[0].split(title)
            presenter = presenter or presenter_in(tail)
        if not right(truth, number, title, closed, presenter):
            return False
    return True


def cross_validate(docs: list[dict], extra: list[dict], label: str) -> dict[float, tuple[int, int]]:
    """Leave one group out: each group's documents cut by a model trained on every other group (and on
    ``extra``'s other groups). Per threshold: (documents fixed, documents broken)."""
    rows = {d["id"]: labelled(d) for d in docs + extra}
    out = {t: [0, 0] for t in THRESHOLDS}
    for group in sorted({d["split"] for d in docs}):
        model = train([r for d in docs + extra if d["split"] != group for r in rows[d["id"]]])
        for d in (d for d in docs if d["split"] == group):
            before = exact(d, model, math.inf)
            for t in THRESHOLDS:
                after = exact(d, model, t)
                out[t][0] += after and not before
                out[t][1] += before and not after
    total = sum(exact(d, None, math.inf) for d in docs)
    print(f"{label}: {len(docs)} documents, {total} exactly right as read")
    for t in THRESHOLDS:
        print(f"  threshold {t:.2f}: {out[t][0]} fixed, {out[t][1]} broken -> {total + out[t][0] - out[t][1]}")
    return {t: tuple(v) for t, v in out.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--unseen", nargs="*", default=[], help="readings of once-blind sets by older code")
    args = parser.parse_args()
    try:
        import numpy  # noqa: F401
    except ImportError:
        print("the trainer needs numpy: .venv/bin/pip install numpy==2.4.6")
        return 2
    lexicon = setup_importer()
    docs = read_corpus(lexicon)
    unseen = [d for path in args.unseen for d in json.loads(Path(path).read_text(encoding="utf-8"))]
    for d in unseen:
        d["split"] = f"unseen:{d['split']}"  # its own group, apart from the same set's current reading
    corpus = cross_validate(docs, [], "corpus, leave one group out")
    safe = [t for t in THRESHOLDS if corpus[t][1] == 0]
    if unseen:
        # each once-blind set left out together with its current reading in the corpus
        for d in docs:
            if any(u["id"] == d["id"] for u in unseen):
                d["split"] = next(u["split"] for u in unseen if u["id"] == d["id"])
        estimate = cross_validate(unseen, docs, "unseen readings, leave one set out")
        safe.sort(key=lambda t: (-(estimate[t][0] - estimate[t][1]), t))
    threshold = safe[0] if safe else math.inf
    model = train([r for d in docs for r in labelled(d)])
    model.threshold = threshold
    print(f"threshold chosen: {threshold}")
    if not args.dry_run:
        path = ROOT / "klynge" / "importer" / "title_model.json"
        splits = {d["split"].removeprefix("unseen:") for d in docs}  # a once-blind set's corpus documents too
        data = {**model.to_json(), "trained_on": sorted(splits)}
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"written {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
