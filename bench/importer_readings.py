"""Write what an importer read from some corpus groups, as JSON, for bench/train_title_model.py --unseen.

    .venv/bin/python bench/importer_readings.py CODE_ROOT SPLIT... > readings.json

CODE_ROOT is a checkout whose klynge/ is read (an older commit, e.g. `git archive 9e80201 | tar -x -C /tmp/old`),
with this checkout's bench/ (manifest and corpus) copied in. Use it on once-blind splits with the code that was
current before any rule was written from them: the readings are then what the importer did on documents it had not
seen. The blind split is refused.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys


def main() -> int:
    root, splits = os.path.abspath(sys.argv[1]), set(sys.argv[2:])
    sys.path.insert(0, root)
    os.chdir(root)
    spec = importlib.util.spec_from_file_location("accuracy", f"{root}/bench/importer_accuracy.py")
    accuracy = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(accuracy)
    if accuracy.BLIND in splits or not splits <= set(accuracy.GROUPS.values()):
        print("the blind split, and a set collected for a later round, are not read")
        return 2
    lexicon = accuracy.setup_importer()
    manifest = json.loads((accuracy.CORPUS / "manifest.json").read_text(encoding="utf-8"))
    out = []
    for doc in manifest["documents"]:
        if doc["split"] not in splits or doc["truth"].get("items") is None:
            continue
        read, refused, _ = accuracy.read_document(accuracy.CORPUS / doc["file"], lexicon, doc.get("url", ""))
        out.append({"id": doc["id"], "split": doc["split"], "refused": refused, "kind": (read or {}).get("kind"),
                    "truth": [(i["number"], i["title"]) for i in doc["truth"]["items"]],
                    "read": [(i["number"], i["title"], i.get("closed"), i.get("presenter"))
                             for i in (read or {}).get("items", [])]})
    json.dump(out, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
