"""`klynge serve`: serve Klynge for development and demos at 127.0.0.1:8000.

Production runs gunicorn instead (see README).
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Starter Klynge på http://127.0.0.1:8000 (udvikling og demo)."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--reload", action="store_true", help="Genstart ved kodeændringer.")

    def handle(self, *args, **options):
        self.stdout.write(f"Klynge kører på http://{options['addrport']}/  (stop med Ctrl+C)")
        call_command("runserver", options["addrport"], use_reloader=options["reload"])
