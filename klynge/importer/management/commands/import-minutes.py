"""klynge import-minutes FILE... [--body SLUG] [--dry-run] [--json]"""

import json
import mimetypes
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from klynge.importer.extract import ImportRefused, check_size
from klynge.importer.service import FileResult, import_file
from klynge.organisation.models import Body


class Command(BaseCommand):
    help = "Importér referater og dagsordener (PDF, Word .docx, tekst) som møder, punkter og beslutninger."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FIL", help="én eller flere filer")
        parser.add_argument("--body", metavar="SLUG", help="organets kortnavn; ellers findes organet ud fra titlen")
        parser.add_argument("--dry-run", action="store_true", help="læs og kontrollér uden at gemme noget")
        parser.add_argument("--json", action="store_true", help="skriv rapporten som JSON (se docs/importer.md)")

    def handle(self, *args, files, body=None, dry_run=False, json=False, **options):
        target = None
        if body:
            target = Body.objects.filter(slug=body).first()
            if target is None:
                raise CommandError(f"Organet “{body}” findes ikke. Se organernes kortnavne i adresserne på /organer/.")
        results = [self._one(path, target, dry_run) for path in files]
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
            stream.write(message)
            if not json and result.document is not None and result.ok:
                for warning in result.document.warnings:
                    where = f" (punkt {warning.item})" if warning.item is not None else ""
                    self.stdout.write(f"  Advarsel{where}: {warning.message}")
            for note in result.notes:
                stream.write(f"  Bemærk: {note}")
        failed = [r for r in results if not r.ok]
        if failed:
            sys.exit(1)

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
        return import_file(name, data, body=body, dry_run=dry_run, content_type=content_type)


def _dumps(payload) -> str:
    return json.dumps(payload, ensure_ascii=False, indent=2)
