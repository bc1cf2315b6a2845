"""`klynge serve`: serve Klynge for development and demos at 127.0.0.1:8000.

Background jobs (imports, e-mails) run in a worker thread in the same process, so nothing
else needs starting. Production runs gunicorn and `klynge worker` instead (see README).
"""

import os

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Starter Klynge på http://127.0.0.1:8000 (udvikling og demo)."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--reload", action="store_true", help="Genstart ved kodeændringer.")
        parser.add_argument("--no-worker", action="store_true",
                            help="Kør ikke baggrundsjob her (når `klynge worker` kører for sig).")

    def handle(self, *args, **options):
        self.stdout.write(f"Klynge kører på http://{options['addrport']}/  (stop med Ctrl+C)")
        # with --reload, only the child process that serves runs the worker
        if not options["no_worker"] and (not options["reload"] or os.environ.get("RUN_MAIN") == "true"):
            from klynge.jobs.worker import start_worker_thread

            start_worker_thread()
            self.stdout.write("Baggrundsjob (import, e-mails) kører i samme proces.")
        call_command("runserver", options["addrport"], use_reloader=options["reload"])
