"""How often two hand annotations of the same documents agree on the items, scored as the importer is scored.

    .venv/bin/python bench/annotation_agreement.py

bench/importer_corpus/second_reading.json holds a second annotation of the items of 40 documents (drawn at random,
seed 47, from the once-blind sets heldout26-heldout46), made by a helper who read only those 40 texts and a short
guide, never manifest.json. Here the second annotation is scored against the manifest's truth exactly as
bench/importer_accuracy.py scores the importer: a document's items are "exactly right" when the numbers and titles
agree in order with nothing missing or spurious (the same folding and tolerance, a presenter or closed marker in
the title counted as the bench counts them). So the figure says how far "items exactly right" can go when the
reader is a careful person working from a written guide rather than from the first annotator's conventions.

Also printed: the same figure leaving out the items either annotator marked doubtful (the second annotator's
``doubtful`` flag; the first annotation's per-document notes are not machine-readable, so only the second's flags
count), and per document where the two disagree.
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from importer_accuracy import BLIND, CORPUS, GROUPS, title_right  # noqa: E402


def items_agree(first: list[dict], second: list[dict]) -> bool:
    return len(first) == len(second) and all(title_right(a, b) for a, b in zip(first, second, strict=True))


def main() -> int:
    manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    truth = {d["file"]: d for d in manifest["documents"] if d["split"] != BLIND and d["split"] in GROUPS.values()}
    second = json.loads((CORPUS / "second_reading.json").read_text(encoding="utf-8"))["documents"]
    agree = agree_clear = clear_docs = items = item_agree = 0
    rows = []
    for doc in second:
        first_items = truth[doc["file"]]["truth"]["items"]
        # closed=True: the guide had the second annotator leave a closed marker out of the title, which is what
        # the importer does when it stores the item as closed (the bench's CLOSURE_MARK credit)
        second_items = [{"number": i["number"], "title": i["title"], "presenter": i.get("presenter"), "closed": True}
                        for i in doc["items"]]
        same = items_agree(first_items, second_items)
        agree += same
        doubtful = any(i.get("doubtful") for i in doc["items"])
        if not doubtful:
            clear_docs += 1
            agree_clear += same
        # items: pairs in order with the same number and title (a lost or extra item shifts nothing else,
        # since items are matched by position only when the counts agree)
        items += max(len(first_items), len(second_items))
        if len(first_items) == len(second_items):
            item_agree += sum(title_right(a, b) for a, b in zip(first_items, second_items, strict=True))
        if not same:
            rows.append((doc["file"], first_items, second_items))
    n = len(second)
    print(f"Two annotations of the items of {n} documents (second blind to the first), scored as the importer:")
    print(f"  items exactly the same: {agree} of {n} documents ({100 * agree / n:.1f} %)")
    print(f"  documents with no item the second annotator marked doubtful: {agree_clear} of {clear_docs} "
          f"({100 * agree_clear / max(1, clear_docs):.1f} %)")
    print(f"  items the same (documents with as many items in both): {item_agree} of {items} "
          f"({100 * item_agree / max(1, items):.1f} %)")
    for file, first_items, second_items in rows:
        print(f"\n-- {file}")
        for a, b in itertools.zip_longest(first_items, second_items):
            ok = a is not None and b is not None and title_right(a, b)
            left = f"{a['number']} {a['title']}" if a else "-"
            right = f"{b['number']} {b['title']}" + (f" (v/ {b['presenter']})" if b and b.get("presenter") else "") \
                if b else "-"
            print(f"  {'  ' if ok else '≠ '}{left[:70]:<72}| {right[:70]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
