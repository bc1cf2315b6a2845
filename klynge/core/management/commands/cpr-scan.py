"""Find (and with --mask, mask) CPR numbers already stored in clear text, e.g. from before the guard."""

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction

from klynge.core.cpr import find_cpr, find_cpr_in_stored, guarded, mask_all, mask_cpr


class Command(BaseCommand):
    help = ("Gennemsøger alle tekstfelter i alle modeller (også historikken) for CPR-numre i klartekst. "
            "Med --mask erstattes de med XXXXXX-XXXX. Numrene selv vises aldrig.")

    def add_arguments(self, parser):
        parser.add_argument("--mask", action="store_true", help="erstat de fundne CPR-numre med XXXXXX-XXXX")

    def handle(self, *args, **options):
        masking = options["mask"]
        found = unmasked = 0
        with transaction.atomic():
            for model in apps.get_models():
                if not guarded(model):
                    continue
                fields = [f for f in model._meta.concrete_fields
                          if isinstance(f, (models.CharField, models.TextField, models.JSONField, models.FileField))]
                if not fields:
                    continue
                for row in model._default_manager.only("pk", *[f.attname for f in fields]).iterator():
                    changes = {}
                    for field in fields:
                        value = getattr(row, field.attname)
                        if isinstance(field, models.FileField):
                            count = len(find_cpr(getattr(value, "name", "") or ""))
                            unmasked += count  # a stored file is renamed by hand, not here
                        elif isinstance(field, models.JSONField):
                            new, count = mask_all(value)
                        else:
                            new, count = mask_cpr(value) if isinstance(value, str) else (value, 0)
                            if not count and isinstance(value, str) and find_cpr_in_stored(value):
                                # written with HTML entities or tags (010190&nbsp;1234): fixed by hand
                                count = 1
                                unmasked += 1
                                self.stdout.write(f"{model._meta.label} {row.pk} “{field.verbose_name}”: "
                                                  "1 CPR-nummer i HTML; ret feltet i hånden")
                                found += 1
                                continue
                        if not count:
                            continue
                        found += count
                        self.stdout.write(f"{model._meta.label} {row.pk} “{field.verbose_name}”: {count} CPR-nummer")
                        if not isinstance(field, models.FileField):
                            changes[field.attname] = new
                    if masking and changes:
                        # an UPDATE on purpose: the history rows are masked by this same walk
                        model._default_manager.filter(pk=row.pk).update(**changes)
        if not found:
            self.stdout.write("Ingen CPR-numre fundet.")
        elif masking:
            self.stdout.write(f"{found - unmasked} CPR-nummer/-numre er erstattet med XXXXXX-XXXX.")
        if unmasked:
            raise CommandError(f"{unmasked} felt(er) skal rettes i hånden (filnavne: omdøb filen i lageret; "
                               "HTML: ret teksten).")
        if found and not masking:
            raise CommandError(f"{found} CPR-nummer/-numre fundet. Kør med --mask for at erstatte dem.")
