"""The importer's peak memory on a 100-page PDF (issue 16, point 6).

Writes a 100-page PDF of minutes (headings, paragraphs and a ruled table on every page) with fpdf2,
then reads it with the importer's extract step (importer/extract.py: pdfplumber, page ranges in
parallel processes) in a child process, sampling the RSS of that process and all its children from
/proc every 20 ms. Prints the peak RSS of the whole process tree and of the largest single process.
The web worker's peak under load is printed by bench/load.py.

    .venv/bin/python bench/memory.py [--pages 100]

Target: under 300 MB.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FONT = ROOT / "klynge/static/vendor/dkfds/fonts/IBMPlexSans/complete/ttf/IBMPlexSans-Regular.ttf"

READER = """
import sys, time
sys.path.insert(0, {root!r})
import os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "klynge.settings")
import django
django.setup()
from klynge.importer.extract import extract
data = open({path!r}, "rb").read()
began = time.perf_counter()
result = extract("referat.pdf", data)
print(f"{{result.pages}} pages, {{len(result.text):,}} characters read in {{time.perf_counter() - began:.1f}} s")
"""


def write_pdf(path: Path, pages: int) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    font = "Helvetica"
    if FONT.exists():
        pdf.add_font("Plex", "", str(FONT))
        font = "Plex"
    for n in range(pages):
        pdf.add_page()
        pdf.set_font(font, size=14)
        pdf.cell(0, 10, f"Punkt {n + 1}. Sammenhængende patientforløb for ældre medicinske patienter", new_x="LMARGIN",
                 new_y="NEXT")
        pdf.set_font(font, size=10)
        pdf.multi_cell(0, 5, ("Sundhedsklyngen drøftede status for indsatsen og de kommunale akutfunktioner. "
                              "Sekretariatet indstiller, at klyngen godkender planen for udbredelse. ") * 8)
        with pdf.table(first_row_as_headings=False) as table:
            for r in range(12):
                row = table.row()
                for c in range(4):
                    row.cell(f"Kommune {r}" if c == 0 else f"{(r + 1) * (c + 3) * 1000:,} kr.".replace(",", "."))
        pdf.multi_cell(0, 5, "Beslutning: Godkendt. Opfølgning på næste møde. " * 6)
    pdf.output(str(path))


def tree(pid: int) -> list[int]:
    found, frontier = [], [pid]
    while frontier:
        p = frontier.pop()
        found.append(p)
        try:
            for task in Path(f"/proc/{p}/task").iterdir():
                frontier += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def rss_kb(pid: int) -> int:
    try:
        return int(re.search(r"VmRSS:\s+(\d+)", Path(f"/proc/{pid}/status").read_text()).group(1))
    except (OSError, AttributeError):
        return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="klynge-memory-"))
    pdf = folder / "referat.pdf"
    write_pdf(pdf, args.pages)
    print(f"PDF: {args.pages} pages, {pdf.stat().st_size / 1024:.0f} kB")
    child = subprocess.Popen([sys.executable, "-c", READER.format(root=str(ROOT), path=str(pdf))], cwd=ROOT,
                             env={"KLYNGE_DATA_DIR": str(folder), "PATH": "/usr/bin:/bin"})
    peak_tree = peak_one = processes = 0
    while child.poll() is None:
        pids = tree(child.pid)
        sizes = [rss_kb(p) for p in pids]
        peak_tree, peak_one = max(peak_tree, sum(sizes)), max(peak_one, max(sizes, default=0))
        processes = max(processes, len(pids))
        time.sleep(0.02)
    print(f"importer peak RSS: {peak_tree / 1024:.0f} MB for the process tree (up to {processes} processes), "
          f"{peak_one / 1024:.0f} MB the largest single process (target < 300 MB)")
    return child.returncode


if __name__ == "__main__":
    sys.exit(main())
