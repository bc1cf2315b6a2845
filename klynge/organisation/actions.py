"""Writes that touch more than one row, each in one transaction with a history reason."""

import datetime

from django.db import transaction

from .models import Mandate


@transaction.atomic
def add_mandate_version(mandate: Mandate, replaces: Mandate | None = None) -> Mandate:
    """Save a new mandate version; an open-ended earlier version ends the day before.

    ``replaces`` is the version the editor had open (carrying the version it was loaded at, see
    core.versioning): if someone else changed or replaced it meanwhile, the save is refused."""
    earlier = (
        Mandate.objects.select_for_update()
        .filter(body=mandate.body, valid_to__isnull=True, valid_from__lt=mandate.valid_from)
    )
    for previous in earlier:
        if replaces is not None and previous.pk == replaces.pk:
            previous._loaded_version = getattr(replaces, "_loaded_version", None)
        previous.valid_to = mandate.valid_from - datetime.timedelta(days=1)
        previous._change_reason = "Afløst af ny version af kommissoriet"
        previous.save()
    mandate._change_reason = "Ny version af kommissoriet"
    mandate.save()
    return mandate
