"""Named choices with Danish labels for agreements and their follow-up."""

from django.db import models


class ImplementationStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Ikke startet"
    PREPARING = "preparing", "Forberedes"
    IMPLEMENTING = "implementing", "Implementeres"
    IMPLEMENTED = "implemented", "Implementeret"
    IN_OPERATION = "in_operation", "I drift"
    PAUSED = "paused", "Sat på pause"
    ENDED = "ended", "Ophørt"


# The order a matrix cell reads them in: a cluster is as far as its least advanced party.
STATUS_RANK = {
    ImplementationStatus.NOT_STARTED: 0, ImplementationStatus.PAUSED: 1, ImplementationStatus.PREPARING: 2,
    ImplementationStatus.IMPLEMENTING: 3, ImplementationStatus.IMPLEMENTED: 4,
    ImplementationStatus.IN_OPERATION: 5, ImplementationStatus.ENDED: 6,
}
# Short labels for matrix cells (the full label is in the cell's text for screen readers).
STATUS_SHORT = {
    ImplementationStatus.NOT_STARTED: "–", ImplementationStatus.PREPARING: "F", ImplementationStatus.IMPLEMENTING: "I",
    ImplementationStatus.IMPLEMENTED: "✓", ImplementationStatus.IN_OPERATION: "D", ImplementationStatus.PAUSED: "P",
    ImplementationStatus.ENDED: "Ø",
}


class Cadence(models.TextChoices):
    YEARLY = "yearly", "Årligt"
    BIENNIAL = "biennial", "Hvert 2. år"
    DATES = "dates", "På fastsatte datoer"
    NONE = "none", "Ingen fast opfølgning"


class GoalComparison(models.TextChoices):
    AT_LEAST = "at_least", "Mindst"
    AT_MOST = "at_most", "Højst"


class RoundKind(models.TextChoices):
    BASELINE = "baseline", "Baseline"
    FOLLOW_UP = "follow_up", "Opfølgning"


class RoundStatus(models.TextChoices):
    DRAFT = "draft", "Under forberedelse"
    SENT = "sent", "Udsendt"
    CLOSED = "closed", "Afsluttet"


class QuestionKind(models.TextChoices):
    TEXT = "text", "Tekst"
    YES_NO = "yes_no", "Ja/nej"
    CHOICE = "choice", "Valg mellem svarmuligheder"
    NUMBER = "number", "Tal"
    SCALE = "scale", "Skala"


class ConsolidatedStatus(models.TextChoices):
    DRAFT = "draft", "Udkast"
    SUBMITTED = "submitted", "Indsendt"
