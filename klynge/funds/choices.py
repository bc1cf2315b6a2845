"""Named choices with Danish labels."""

from django.db import models


class InitiativeStatus(models.TextChoices):
    PROPOSED = "proposed", "Foreslået"
    APPROVED = "approved", "Godkendt"
    RUNNING = "running", "I gang"
    ENDED = "ended", "Afsluttet"
    EVALUATED = "evaluated", "Evalueret"


class FundingKind(models.TextChoices):
    POOL = "pool", "Puljemidler"
    FOUNDATION = "foundation", "Fondsmidler"
    PARTY = "party", "Egenfinansiering fra en part"
    OTHER = "other", "Anden finansiering"


class ChangeBasis(models.TextChoices):
    """Why a locked (approved) budget may change."""

    NEW_DECISION = "new_decision", "Ny beslutning"
    OVERRIDE = "override", "Begrundet overstyring"
