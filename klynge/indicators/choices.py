"""Named choices with Danish labels."""

from django.db import models


class Unit(models.TextChoices):
    COUNT = "count", "Antal"
    PERCENT = "percent", "Procent"
    RATE_PER_1000 = "rate_per_1000", "Pr. 1.000 indbyggere"


class Direction(models.TextChoices):
    UP = "up", "Op (højere er bedre)"
    DOWN = "down", "Ned (lavere er bedre)"
    NONE = "none", "Ingen ønsket retning"


class Frequency(models.TextChoices):
    MONTH = "month", "Måned"
    QUARTER = "quarter", "Kvartal"
    YEAR = "year", "År"


class Level(models.TextChoices):
    """Where an area sits. An indicator's level is the finest level it is reported at."""

    MUNICIPALITY = "municipality", "Kommune"
    CLUSTER = "cluster", "Klynge"
    REGION = "region", "Region"


# Finer levels first: an indicator reported per municipality may also be reported for
# clusters and regions, one reported per region only for regions.
LEVEL_RANK = {Level.MUNICIPALITY: 0, Level.CLUSTER: 1, Level.REGION: 2}

ARROW_SYMBOL = {"up": "↑", "down": "↓", "flat": "→", "insufficient": "–"}
ARROW_TEXT = {
    "up": "Tydelig stigning",
    "down": "Tydeligt fald",
    "flat": "Ingen tydelig udvikling",
    "insufficient": "For få målinger til at vurdere udviklingen",
}
COLOUR_TEXT = {
    "green": "i den ønskede retning",
    "red": "i den forkerte retning",
    "neutral": "",
}
