from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from klynge.organisation.importing import ImportError_, decode, import_organisations


class Command(BaseCommand):
    help = "Indlæser parter fra en CSV-fil (kolonner: name,kind,parent,region,municipality_code,sor_code)."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Filen {file} findes ikke.")
        try:
            result = import_organisations(decode(path.read_bytes(), path.name), path.name)
        except ImportError_ as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{path.name}: {result.created} parter oprettet, {result.updated} opdateret.")
