"""`klynge reminders send`: queue the reminders that are due today (the daily job does the same)."""

from django.core.management.base import BaseCommand

from klynge.reminders.sending import send_due_reminders


class Command(BaseCommand):
    help = ("Påmindelser: 'send' lægger dagens påmindelser (møder om få dage, opgavefrister) i udbakken. "
            "Hver påmindelse sendes kun én gang til hver person.")

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["send"])

    def handle(self, *args, action, **options):
        counts = send_due_reminders()
        self.stdout.write(f"Påmindelser lagt i udbakken: {counts['meetings']} om møder, "
                          f"{counts['tasks']} om opgavefrister.")
