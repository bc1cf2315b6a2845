from django.core.management.base import BaseCommand

from klynge.outbox.delivery import deliver_due
from klynge.outbox.models import MailStatus, OutgoingMail


class Command(BaseCommand):
    help = "Udbakken: 'send' sender de e-mails, der venter; 'status' tæller dem."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["send", "status"])

    def handle(self, *args, action, **options):
        if action == "send":
            sent, failed = deliver_due()
            self.stdout.write(f"Sendt: {sent}. Mislykkede forsøg: {failed}.")
        counts = {label: OutgoingMail.objects.filter(status=value).count() for value, label in MailStatus.choices}
        self.stdout.write(", ".join(f"{label}: {count}" for label, count in counts.items()))
        if counts[MailStatus.FAILED.label]:
            self.stderr.write("Der er e-mails, som ikke kunne sendes: se /udbakke/.")
