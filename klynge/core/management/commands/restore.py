"""`klynge restore ARCHIVE [--force]`: put a backup from `klynge backup` back (see klynge/core/backup.py)."""

from django.core.management.base import BaseCommand, CommandError

from klynge.core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = ("Gendanner en sikkerhedskopi fra `klynge backup` (database og filer). Afviser en database eller "
            "mediemappe, der ikke er tom, medmindre --force gives. / Restores a backup; refuses a non-empty "
            "database unless --force.")

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Sikkerhedskopien (.tar.gz). / The backup archive.")
        parser.add_argument("--force", action="store_true",
                            help="Erstat en database og mediemappe, der ikke er tomme. / Replace existing data.")

    def handle(self, *args, archive, force=False, **options):
        try:
            result = restore_backup(archive, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Gendannet fra {archive}{' (det hidtidige indhold er erstattet)' if result.replaced else ''}:\n"
            f"  database: {result.tables} tabeller, {result.rows} rækker (rækketal kontrolleret)\n"
            f"  filer: {result.media_files} ({result.media_bytes} bytes, SHA-256 kontrolleret)")
