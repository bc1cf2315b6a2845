"""klynge import-minutes FILE|DIR... [--body SLUG] [--dry-run] [--json]

A folder is read with its subfolders (.pdf, .docx, .txt, .md), in name order, with a progress bar on
standard error and a summary at the end; each file is imported on its own (one bad file stops nothing)."""

import json
import mimetypes
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from klynge.importer.extract import ImportRefused, check_size
from klynge.importer.service import FileResult, import_file
from klynge.organisation.models import Body


class Command(BaseCommand):
    help = "Importér referater og dagsordener (PDF, Word .docx, tekst) som møder, punkter og beslutninger."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FIL", help="én eller flere filer eller mapper")
        parser.add_argument("--body", metavar="SLUG", help="organets kortnavn; ellers findes organet ud fra titlen")
        parser.add_argument("--dry-run", action="store_true", help="læs og kontrollér uden at gemme noget")
        parser.add_argument("--json", action="store_true", help="skriv rapporten som JSON (se docs/importer.md)")
        parser.add_argument("--date", metavar="ÅÅÅÅ-MM-DD", type=_iso_date,
                            help="mødedatoen, når teksten ikke selv nævner den (ellers bruges en dato i filnavnet)")
        parser.add_argument("--source", metavar="ADRESSE", default="",
                            help="dokumentets webadresse; en dato i den bruges, når teksten ikke nævner datoen")

    def handle(self, *args, files, body=None, dry_run=False, json=False, date=None, source="", **options):
        self.hints = {"meeting_date": date, "source": source or ""}
        target = None
        if body:
            target = Body.objects.filter(slug=body).first()
            if target is None:
                raise CommandError(f"Organet “{body}” findes ikke. Se organernes kortnavne i adresserne på /organer/.")
        paths = expand(files)
        folder = len(paths) != len(files) or any(Path(f).is_dir() for f in files)
        if not paths:
            raise CommandError("Der er ingen filer at importere (.pdf, .docx, .txt eller .md) i det angivne.")
        results = []
        started = time.monotonic()
        for index, path in enumerate(paths, start=1):
            if folder:
                self._bar(index - 1, len(paths), Path(path).name, started)
            results.append(self._one(path, target, dry_run))
        if folder:
            self._bar(len(paths), len(paths), "", started)
            self.stderr.write("")
        if json:
            reports = [r.report for r in results if r.report is not None and r.status != "failed"]
            payload = reports if len(files) > 1 else (reports[0] if reports else None)
            if payload is not None:
                self.stdout.write(_dumps(payload))
        for result in results:
            stream = self.stderr if not result.ok else (self.stderr if json else self.stdout)
            message = result.message
            if result.status == "needs_body":
                message += " Angiv organet med --body SLUG."
            if result.document is not None and result.document.date is None:
                message += " Angiv mødedatoen med --date ÅÅÅÅ-MM-DD."
            stream.write(message)
            if not json and result.document is not None and result.ok:
                for warning in result.document.warnings:
                    where = f" (punkt {warning.item})" if warning.item is not None else ""
                    self.stdout.write(f"  Advarsel{where}: {warning.message}")
            for note in result.notes:
                stream.write(f"  Bemærk: {note}")
        failed = [r for r in results if not r.ok]
        if folder:
            self.stderr.write(summary_line(results, time.monotonic() - started))
        if failed:
            sys.exit(1)

    def _bar(self, done: int, total: int, name: str, started: float) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        elapsed = time.monotonic() - started
        self.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} filer, {elapsed:.0f} s"
                          f"{'  ' + name[:40] if name else ''}", ending="")
        self.stderr.flush()

    def _one(self, path: str, body, dry_run: bool) -> FileResult:
        file = Path(path)
        name = file.name
        if not file.is_file():
            return FileResult(name, "failed", f"{name}: Filen findes ikke.")
        try:
            check_size(name, file.stat().st_size, settings.UPLOAD_MAX_BYTES)
        except ImportRefused as exc:
            return FileResult(name, "failed", str(exc))
        data = file.read_bytes()
        content_type = mimetypes.guess_type(name)[0] or ""
        return import_file(name, data, body=body, dry_run=dry_run, content_type=content_type,
                           **getattr(self, "hints", {}))


def _iso_date(value: str):
    import argparse
    import datetime

    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"“{value}” er ikke en dato på formen ÅÅÅÅ-MM-DD.") from exc


SUFFIXES = {".pdf", ".docx", ".txt", ".md", ".doc"}


def expand(items: list[str]) -> list[str]:
    """Files as given; a folder becomes its importable files (subfolders included), in name order."""
    out: list[str] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            out.extend(str(p) for p in sorted(path.rglob("*"))
                       if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith("."))
        else:
            out.append(item)
    return out


def summary_line(results: list[FileResult], seconds: float) -> str:
    """'Færdig: 12 filer på 3 s – 9 importeret, 1 uændret, 2 mislykkedes (a.pdf, b.txt).'"""
    counts = {"imported": 0, "checked": 0, "unchanged": 0, "needs_body": 0, "failed": 0}
    for r in results:
        counts[r.status] = counts.get(r.status, 0) + 1
    words = [("imported", "importeret"), ("checked", "kontrolleret (prøv kun)"), ("unchanged", "uændret"),
             ("needs_body", "mangler organ"), ("failed", "mislykkedes")]
    parts = [f"{counts[key]} {word}" for key, word in words if counts.get(key)]
    bad = [r.filename for r in results if not r.ok]
    tail = f" ({', '.join(bad[:10])}{' …' if len(bad) > 10 else ''})" if bad else ""
    return f"Færdig: {len(results)} filer på {seconds:.0f} s – {', '.join(parts)}{tail}."


def _dumps(payload) -> str:
    return json.dumps(payload, ensure_ascii=False, indent=2)
