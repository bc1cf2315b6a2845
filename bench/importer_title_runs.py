"""How well the importer cuts run-on contents titles apart (``glued_contents.split_titles``), on the corpus.

    .venv/bin/python bench/importer_title_runs.py        # runs, runs cut exactly, boundaries right/wrong/missed
    .venv/bin/python bench/importer_title_runs.py -v     # also every run cut wrongly
    .venv/bin/python bench/importer_title_runs.py -b     # also every boundary missed or added (the word pair)

A transcript often keeps a contents list whose titles run together without their numbers. The truth gives those
items as consecutive titles with number null; where three or more such titles stand in the saved text as one run
(whitespace collapsed), the run is joined and cut again by ``split_titles``, and the cuts are compared with the
truth's. Only the development groups are read (never the blind split).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import importer_accuracy as bench  # noqa: E402


def title_runs(manifest: dict) -> list[tuple[str, list[str]]]:
    """(document id, titles) for every run of three or more unnumbered titles written as one run in the text."""
    runs = []
    for doc in manifest["documents"]:
        if doc["split"] == bench.BLIND or doc["split"] not in bench.GROUPS.values():
            continue
        items = doc["truth"].get("items") or []
        text = " ".join((bench.CORPUS / doc["file"]).read_text(encoding="utf-8", errors="replace").split())
        current: list[str] = []
        for item in [*items, None]:
            if item is not None and item["number"] is None and current:
                current.append(item["title"])
                continue
            if len(current) >= 3 and " ".join(current) in text:
                runs.append((doc["id"], current))
            current = [item["title"]] if item is not None else []
    return runs


def cuts(titles: list[str]) -> set[int]:
    """The word positions where the titles after the first begin."""
    at, out = 0, set()
    for title in titles[:-1]:
        at += len(title.split())
        out.add(at)
    return out


def main() -> int:
    bench.setup_importer()
    from klynge.importer.glued_contents import split_titles

    manifest = json.loads((bench.CORPUS / "manifest.json").read_text(encoding="utf-8"))
    right = wrong = missed = exact = 0
    shown = []
    runs = title_runs(manifest)
    for doc_id, titles in runs:
        got = split_titles(" ".join(titles))
        want, have = cuts(titles), cuts(got)
        right, wrong, missed = right + len(want & have), wrong + len(have - want), missed + len(want - have)
        exact += want == have
        if want != have:
            shown.append((doc_id, titles, got, want, have))
    print(f"{len(runs)} runs of unnumbered titles, {exact} cut exactly; boundaries: {right} right, {wrong} wrong, "
          f"{missed} missed")
    for doc_id, titles, got, want, have in shown:
        if "-v" in sys.argv:
            print(f"== {doc_id}\n   truth: {' | '.join(titles)[:400]}\n   read:  {' | '.join(got)[:400]}")
        if "-b" in sys.argv:
            words = " ".join(titles).split()
            for at in sorted(want - have):
                print(f"   missed {words[at - 1]!r} | {words[at]!r}  ({doc_id})")
            for at in sorted(have - want):
                print(f"   wrong  {words[at - 1]!r} | {words[at]!r}  ({doc_id})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
