"""`klynge worker`: run background jobs (imports, e-mails) in production, beside gunicorn."""

import logging

from django.core.management.base import BaseCommand

from klynge.jobs.worker import make_worker, run_pending_jobs, schedule_periodic_jobs


class Command(BaseCommand):
    help = "Kører baggrundsjob (import, e-mails, påmindelser). Kør én eller flere ved siden af gunicorn i drift."

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="Kør de job, der venter, og stop så.")
        parser.add_argument("--interval", type=float, default=1.0,
                            help="Sekunder mellem opslag i køen, når den er tom (standard 1).")

    def handle(self, *args, batch=False, interval=1.0, **options):
        logging.getLogger("django_tasks").setLevel(logging.INFO)
        schedule_periodic_jobs()  # the daily reminders, queued unless already waiting
        if batch:
            count = run_pending_jobs()
            self.stdout.write(f"Kørte {count} ventende baggrundsjob.")
            return
        worker = make_worker(batch=False, interval=interval)
        worker.configure_signals()
        self.stdout.write("Klynges baggrundsjob kører (stop med Ctrl+C).")
        worker.run()
