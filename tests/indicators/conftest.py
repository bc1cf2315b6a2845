"""Indicator definitions for the shared test structure (Region Testland, Testby Kommune, Klynge A)."""

import datetime
from dataclasses import dataclass

import pytest

from klynge.indicators.choices import Direction, Frequency, Level, Unit
from klynge.indicators.models import Indicator


@dataclass
class Indicators:
    admissions: Indicator     # count, down, monthly, municipality level
    readmissions: Indicator   # percent with numerator/denominator
    bed_days: Indicator       # rate per 1,000 with age bands
    compulsory: Indicator     # cluster level
    quarterly: Indicator      # quarterly count


@pytest.fixture
def indicators(db) -> Indicators:
    return Indicators(
        Indicator.objects.create(name="Akutte indlæggelser 65+", slug="akutte-65", unit=Unit.COUNT,
                                 desired_direction=Direction.DOWN, level=Level.MUNICIPALITY),
        Indicator.objects.create(name="Genindlæggelser inden for 30 dage", slug="genindlaeggelser",
                                 unit=Unit.PERCENT, desired_direction=Direction.DOWN, level=Level.MUNICIPALITY),
        Indicator.objects.create(name="Indlæggelsesdage pr. 1.000 ældre", slug="sengedage",
                                 unit=Unit.RATE_PER_1000, desired_direction=Direction.DOWN,
                                 level=Level.MUNICIPALITY, age_bands="65-79, 80+"),
        Indicator.objects.create(name="Tvangsindlæggelser", slug="tvang", unit=Unit.COUNT,
                                 desired_direction=Direction.DOWN, level=Level.CLUSTER),
        Indicator.objects.create(name="Kvartalstal", slug="kvartal", unit=Unit.COUNT,
                                 desired_direction=Direction.UP, frequency=Frequency.QUARTER),
    )


def months(count: int, first=datetime.date(2023, 1, 1)) -> list[str]:
    out = []
    year, month = first.year, first.month
    for _ in range(count):
        out.append(f"{year}-{month:02d}")
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return out


def csv_bytes(rows: list[str], header: str = "indicator,area,period,value") -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


# A monthly series whose last 8 of 24 months lie clearly above the median of the last 24.
RISING = [100, 102, 98, 101, 99, 100, 103, 97, 100, 101, 99, 98, 102, 100, 99, 101,
          120, 125, 118, 130, 122, 127, 119, 124]
