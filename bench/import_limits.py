"""Benchmark: how fast the importer refuses files built to exhaust it, and at what memory.

    .venv/bin/python bench/import_limits.py

Builds (in memory, nothing written) a .docx of about 100 KB whose document.xml unpacks to
30 MB (a zip bomb) and a 16 MB text file of a million lines, and times how long reading each
takes until it is refused with its Danish message, with the process's peak RSS. Before the
limits the bomb took 22 s and 622 MB and the text file ran past gunicorn's timeout. Target:
each refused in under 1 s on this machine, with peak RSS under 300 MB; exit status 1 when
a target is missed. Pure reading: no database is touched.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "klynge.settings")
os.environ.setdefault("KLYNGE_DATA_DIR", "/tmp/klynge-bench-limits")


def main() -> int:
    import django

    django.setup()
    from klynge.importer.extract import ImportRefused, extract
    from tests.importer.test_limits import zip_bomb

    million_lines = ("Punkt 1. Godkendelse af dagsorden\n" * 1_000_000)[:16_000_000].encode()
    cases = {
        "docx zip bomb (30 MB XML)": ("bombe.docx", zip_bomb(30)),
        "text, 1,000,000 lines": ("linjer.txt", million_lines),
    }
    missed = False
    print(f"{'case':<28} {'file':>9} {'refused in':>11}  message")
    for label, (name, data) in cases.items():
        began = time.perf_counter()
        try:
            extract(name, data)
            message = "NOT REFUSED"
            missed = True
        except ImportRefused as exc:
            message = exc.problem[:90]
        seconds = time.perf_counter() - began
        missed |= seconds > 1
        print(f"{label:<28} {len(data) / 1024:>7.0f}KB {seconds * 1000:>9.0f}ms  {message}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    missed |= peak > 300
    print(f"peak RSS of this process: {peak:.0f} MB")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
