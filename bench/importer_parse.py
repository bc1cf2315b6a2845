"""Benchmark: the importer's --dry-run parsing, for text documents and a 100-page PDF.

    .venv/bin/python bench/importer_parse.py              # the figures
    .venv/bin/python bench/importer_parse.py --docs 200   # more documents

Prints (1) documents per second for reading, normalising (OCR repair included) and parsing
text minutes of the corpus' size, and (2) the seconds for a generated 100-page text PDF with
ruled tables. Targets: at least 20 documents/s on one core, and under 10 s for the PDF; the
exit status is 1 when a target is missed. Text documents are timed in CPU seconds of this
process (one core), wall-clock beside; the PDF in wall-clock seconds (a PDF of more than 30
pages is read by up to four processes in parallel), CPU seconds of all processes beside.
The documents are the corpus copies and their layout and OCR variants from
tests/importer/fixtures/, each given its own date, title and names (seeded), so no two are
alike; the DB's known names are stood in for by 300 generated names. Loading the Danish
dictionary (a cached file) is timed separately.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FIXTURES = ROOT / "tests" / "importer" / "fixtures"
SOURCES = ["lillebaelt-fagligt-strategisk-niveau-2022-12-07.txt", "randersklyngen-2023-11-01.txt",
           "lillebaelt-plain.txt", "lillebaelt-numbered.txt", "lillebaelt-ocr.txt", "randers-ocr-cp1252.txt"]
FIRST = ["Anne", "Bo", "Carl", "Dorte", "Erik", "Fie", "Gitte", "Hans", "Inge", "Jens", "Karen", "Lars", "Mette",
         "Niels", "Ole", "Pia", "Rasmus", "Susanne", "Torben", "Ulla"]
LAST = ["Hansen", "Jensen", "Nielsen", "Sørensen", "Kjær", "Møller", "Bærentsen", "Løkke", "Åberg", "Krog", "Dam",
        "Holm", "Ravn", "Lund", "Thygesen"]
MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
          "november", "december"]


def documents(count: int, seed: int = 4) -> list[tuple[str, bytes]]:
    rng = random.Random(seed)
    raw = [(name, (FIXTURES / name).read_bytes()) for name in SOURCES]
    docs = []
    for n in range(count):
        name, data = raw[n % len(raw)]
        encoding = "cp1252" if "cp1252" in name else "utf-8"
        text = data.decode(encoding)
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2019, 2026)
        text = text.replace("07-12-2022", f"{day:02d}-{month:02d}-{year}").replace(
            "01-11-2023", f"{day:02d}-{month:02d}-{year}")
        text = text.replace("07. december 2022", f"{day:02d}. {MONTHS[month - 1]} {year}")
        text = text.replace("Mette Heidemann", f"{rng.choice(FIRST)} {rng.choice(LAST)}")
        docs.append((f"{n:03d}-{name}", text.encode(encoding, errors="replace")))
    return docs


def known_names(count: int = 300, seed: int = 9) -> list[str]:
    rng = random.Random(seed)
    return [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(count)] + [
        "Sundhedsklynge Lillebælt", "Randersklyngen", "Region Midtjylland", "Region Syddanmark", "Kurt Æbelø"]


def dry_run(name: str, data: bytes, lexicon, names) -> dict:
    """The --dry-run pipeline without the database: extract -> normalise -> parse -> report."""
    from klynge.importer.extract import extract
    from klynge.importer.normalise import normalise
    from klynge.importer.parse import parse
    from klynge.importer.report import to_json

    extracted = extract(name, data, 50 * 1024 * 1024)
    cleaned = normalise(extracted.text, lexicon, names)
    return to_json(parse(cleaned.text, repairs=cleaned.repairs))


def pdf_100_pages() -> bytes:
    from fpdf import FPDF

    font = ROOT / "klynge/static/vendor/dkfds/fonts/IBMPlexSans/complete/ttf/IBMPlexSans-Regular.ttf"
    body = (FIXTURES / "lillebaelt-plain.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in body.split("\n") if p.strip() and "\t" not in p and not p.startswith("Punkt")]
    pdf = FPDF(format="A4")
    pdf.add_font("Plex", "", str(font))
    pdf.set_font("Plex", size=10)
    pdf.add_page()
    pdf.multi_cell(0, 5, "REFERAT Sundhedsklynge Prøve - Chefforum d. 05-03-2024\n"
                         "Mødedato: Tirsdag d. 5. marts 2024 kl. 9:00\nMødested: Rådhuset, Torvet 1, 8900 Randers",
                   new_x="LMARGIN", new_y="NEXT")
    item, k = 1, 0
    while pdf.pages_count < 100:
        heading = f"Punkt {item}: Drøftelse af sag nummer {item} v. Anne Holm"
        pdf.multi_cell(0, 5, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(0, 5, "Sagsfremstilling", new_x="LMARGIN", new_y="NEXT")
        for _ in range(12):
            pdf.multi_cell(0, 5, paragraphs[k % len(paragraphs)], new_x="LMARGIN", new_y="NEXT")
            k += 1
        if item % 5 == 0:
            with pdf.table(first_row_as_headings=False) as grid:
                for row in (["År", "Kommune", "Region", "I alt"], ["2023", "1.000", "2.000", "3.000"],
                            ["2024", "1.500", "2.500", "4.000"]):
                    cells = grid.row()
                    for value in row:
                        cells.cell(value)
        pdf.multi_cell(0, 5, "Beslutning\nGodkendt.", new_x="LMARGIN", new_y="NEXT")
        item += 1
    return bytes(pdf.output())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=120)
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "klynge.settings")  # the import limits are settings
    os.environ.setdefault("KLYNGE_DATA_DIR", "/tmp/importer-data")
    import django

    django.setup()
    from klynge.importer.lexicon import DictionaryMissing, load_lexicon

    wall, cpu = time.perf_counter(), time.process_time()
    try:
        lexicon = load_lexicon()
    except DictionaryMissing as exc:
        print(f"Advarsel: {exc} Målingen kører uden OCR-ordbog.")
        lexicon = None
    print(f"Danish dictionary loaded: {time.process_time() - cpu:.2f} s CPU ({time.perf_counter() - wall:.2f} s wall)")

    docs = documents(args.docs)
    names = known_names()
    dry_run(*docs[0], lexicon, names)  # warm-up: regex compilation
    sizes = sum(len(d) for _, d in docs) / len(docs)
    wall, cpu = time.perf_counter(), time.process_time()
    items = 0
    for name, data in docs:
        items += len(dry_run(name, data, lexicon, names)["items"])
    cpu_s, wall_s = time.process_time() - cpu, time.perf_counter() - wall
    rate = len(docs) / cpu_s
    print(f"Text documents: {len(docs)} of {sizes / 1024:.0f} KB on average, {items} items, "
          f"{cpu_s:.2f} s CPU ({wall_s:.2f} s wall): {rate:.1f} documents/s (target >= 20)")

    pdf = pdf_100_pages()
    before = os.times()
    wall = time.perf_counter()
    report = dry_run("hundrede-sider.pdf", pdf, lexicon, names)
    pdf_wall = time.perf_counter() - wall
    after = os.times()
    pdf_cpu = sum(after[:4]) - sum(before[:4])  # this process and the page-reading processes
    print(f"100-page text PDF ({len(pdf) / 1024:.0f} KB, {len(report['items'])} items, "
          f"{sum(len(i['tables']) for i in report['items'])} tables): {pdf_wall:.2f} s wall "
          f"({pdf_cpu:.2f} s CPU over {os.cpu_count()} cores) (target < 10 s)")
    return 0 if rate >= 20 and pdf_wall < 10 else 1


if __name__ == "__main__":
    sys.exit(main())
