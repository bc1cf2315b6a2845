"""`klynge backup`: the database and the uploaded files in one archive (see klynge/core/backup.py)."""

from django.core.management.base import BaseCommand, CommandError

from klynge.core.backup import BackupError, make_backup


class Command(BaseCommand):
    help = ("Tager en sikkerhedskopi af databasen og de uploadede filer i én fil (.tar.gz). "
            "/ Backs up the database and media files into one archive.")

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", help="Filen, der skrives (standard: KLYNGE_BACKUP_DIR/klynge-backup-"
                                                   "<tid>.tar.gz). / The archive to write.")

    def handle(self, *args, output=None, **options):
        try:
            path, manifest = make_backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["tables"].values())
        size = sum(m["size"] for m in manifest["media"])
        self.stdout.write(
            f"Sikkerhedskopi skrevet: {path}\n"
            f"  database ({manifest['vendor']}): {len(manifest['tables'])} tabeller, {rows} rækker\n"
            f"  filer: {len(manifest['media'])} ({size} bytes)")
