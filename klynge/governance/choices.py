from django.db import models


class ProcedureStatus(models.TextChoices):
    OPEN = "open", "Åben for svar"
    CLOSED = "closed", "Afsluttet"


class Vote(models.TextChoices):
    AGREE = "agree", "Tiltræder"
    DISAGREE = "disagree", "Tiltræder ikke"
    ABSTAIN = "abstain", "Undlader at stemme"


class Outcome(models.TextChoices):
    APPROVED = "approved", "Godkendt"
    NOT_APPROVED = "not_approved", "Ikke godkendt"
