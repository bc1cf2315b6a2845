"""`klynge agreements import FILE.csv`: agreements and their status per cluster and party (docs/aftaler.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from klynge.agreements.importing import AgreementImportError, import_csv


class Command(BaseCommand):
    help = "Aftaler: importér aftaler og deres status pr. klynge og part fra en CSV-fil."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="{import}")
        imp = sub.add_parser("import", help="Importér aftaler og status fra en CSV-fil (kolonner: docs/aftaler.md).")
        imp.add_argument("file", metavar="FILE.csv")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Filen {path} findes ikke.")
        try:
            result = import_csv(path.read_bytes())
        except AgreementImportError as exc:
            raise CommandError("Intet er importeret:\n" + "\n".join(exc.errors)) from None
        self.stdout.write(result.summary())
