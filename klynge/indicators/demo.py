"""Synthetic monthly indicator series for the demo's regions, clusters and municipalities.

Every number here is made up (labelled "syntetisk" wherever it is shown). The levels are of
the order the corpus' status report gives for Region Midtjylland (about 17,350 acute admissions
of citizens 65+ a quarter, 16.9 % readmissions, 356 compulsory admissions a quarter), scaled by
synthetic populations of citizens 65+. A seeded random generator per series keeps the demo
deterministic; running it twice changes nothing.
"""

from __future__ import annotations

import datetime
import math
import random
from decimal import Decimal

from klynge.core.demo import demo_builder
from klynge.organisation.models import Body, Organisation

from .choices import Direction, Frequency, Level, Unit
from .loading import sync_points
from .models import Area, Goal, Indicator, Series
from .periods import month_range

FIRST_MONTH = datetime.date(2023, 10, 1)
MONTHS = 36  # October 2023 – September 2026
REASON = "Syntetiske demodata"
SOURCE = "Syntetiske demodata (konstruerede tal i samme størrelsesorden som Landspatientregistret)"

GOALS = [
    # key, focus area, goal (from the status report's "Prioriterede indsatsområder og mål")
    ("aeldre", "Sammen om ældre borgere",
     "Vi vil styrke samarbejdet om akut syge ældre og nedbringe antallet af akutte indlæggelser blandt ældre"),
    ("psykiatri", "Den nære psykiatri",
     "Vi vil forbedre sundheden og sikre bedre sammenhængende patientforløb for voksne med svær psykisk sygdom"),
]

# slug, name, description, unit, direction, level, age bands, goals, monthly rate per 1,000 of the population
INDICATORS = [
    ("akutte-indlaeggelser-65", "Akutte sygehusindlæggelser, borgere 65+",
     "Antal akutte somatiske indlæggelser af borgere på 65 år og derover pr. måned.",
     Unit.COUNT, Direction.DOWN, Level.MUNICIPALITY, "", ["aeldre"], 21.0),
    ("forebyggelige-indlaeggelser-65", "Forebyggelige indlæggelser blandt ældre (65+)",
     "Antal indlæggelser af borgere på 65 år og derover med diagnoser, hvor indlæggelsen ofte kan forebygges "
     "(f.eks. dehydrering, lungebetændelse, urinvejsinfektion).",
     Unit.COUNT, Direction.DOWN, Level.MUNICIPALITY, "", ["aeldre"], 3.2),
    ("genindlaeggelser-30-dage-65", "Akutte somatiske genindlæggelser inden for 30 dage, 65+",
     "Andel af udskrivelser af borgere på 65 år og derover, der følges af en akut genindlæggelse inden for "
     "30 dage. Tæller: genindlæggelser; nævner: udskrivelser.",
     Unit.PERCENT, Direction.DOWN, Level.MUNICIPALITY, "", ["aeldre"], 16.9),
    ("tvangsindlaeggelser-16", "Tvangsindlæggelser blandt voksne og unge (16+)",
     "Antal tvangsindlæggelser i psykiatrien af borgere på 16 år og derover pr. måned.",
     Unit.COUNT, Direction.DOWN, Level.CLUSTER, "", ["psykiatri"], 0.09),
    ("faerdigbehandlingsdage", "Færdigbehandlingsdage på sygehusene",
     "Antal dage, hvor færdigbehandlede patienter venter på at blive udskrevet til kommunen.",
     Unit.COUNT, Direction.DOWN, Level.MUNICIPALITY, "", ["aeldre"], 1.3),
    ("indlaeggelsesdage-pr-1000-aeldre", "Indlæggelsesdage pr. 1.000 ældre",
     "Somatiske indlæggelsesdage pr. måned pr. 1.000 borgere i aldersgruppen.",
     Unit.RATE_PER_1000, Direction.DOWN, Level.MUNICIPALITY, "65-79, 80+", ["aeldre"], 0.0),
]
DAYS_PER_1000 = {"65-79": 95.0, "80+": 290.0}
SHARE_80_PLUS = 0.26

# Synthetic populations: citizens 65+ (and 16+ for the regions and clusters' psychiatry indicator).
POPULATION_65 = {
    "Billund Kommune": 5900, "Fredericia Kommune": 10600, "Kolding Kommune": 18800, "Middelfart Kommune": 8700,
    "Vejen Kommune": 9100, "Vejle Kommune": 22300, "Randers Kommune": 20600, "Favrskov Kommune": 9900,
    "Norddjurs Kommune": 10700, "Syddjurs Kommune": 11600,
    "Region Syddanmark": 262000, "Region Midtjylland": 276000,
}
POPULATION_16 = {"Region Syddanmark": 1_010_000, "Region Midtjylland": 1_100_000,
                 "sundhedsklynge-lillebaelt": 315_000, "randersklyngen": 190_000}
CLUSTERS = ["sundhedsklynge-lillebaelt", "randersklyngen"]

# The story each series tells over the last months (so the dashboard shows every kind of arrow).
# (indicator slug, area name, or the slug of the cluster a municipality belongs to) -> relative
# change that sets in nine months before the end; "*" for every area; default: stable.
SCENARIOS = {
    ("forebyggelige-indlaeggelser-65", "*"): -0.22,
    ("genindlaeggelser-30-dage-65", "randersklyngen"): 0.22,
    ("genindlaeggelser-30-dage-65", "Region Midtjylland"): 0.08,
    ("akutte-indlaeggelser-65", "sundhedsklynge-lillebaelt"): -0.09,
    ("faerdigbehandlingsdage", "randersklyngen"): 0.40,
    ("faerdigbehandlingsdage", "Vejle Kommune"): -0.30,
    ("tvangsindlaeggelser-16", "randersklyngen"): 0.60,
    ("indlaeggelsesdage-pr-1000-aeldre", "Norddjurs Kommune"): -0.12,
}


def _scenario(slug: str, area: str, cluster: str = "") -> float:
    for key in (area, cluster, "*"):
        if (slug, key) in SCENARIOS:
            return SCENARIOS[(slug, key)]
    return 0.0


def _factor(month: int, change: float, seasonal: float) -> float:
    """Winter peak (December–February) plus a change that sets in over three months, nine months ago."""
    calendar_month = (FIRST_MONTH.month - 1 + month) % 12 + 1
    season = 1 + seasonal * math.cos((calendar_month - 1) / 12 * 2 * math.pi)
    ramp = min(1.0, max(0, month - (MONTHS - 9)) / 3)
    return season * (1 + change * ramp)


def _count(rng: random.Random, mean: float) -> int:
    """A Poisson-like count: normal approximation, never negative."""
    return max(0, round(rng.gauss(mean, math.sqrt(max(mean, 1)))))


def _series_values(slug: str, unit: str, rate: float, population: int, area_key: str, band: str = "",
                   cluster: str = ""):
    """[(value, numerator, denominator)] for 36 months."""
    rng = random.Random(f"klynge-demo/{slug}/{area_key}/{band}")
    change = _scenario(slug, area_key, cluster)
    out = []
    for m in range(MONTHS):
        if unit == Unit.PERCENT:
            discharges = _count(rng, population * 0.024 * _factor(m, 0, 0.06))
            share = rate / 100 * _factor(m, change, 0.0)
            readmissions = min(discharges, _count(rng, discharges * share))
            out.append((Decimal(readmissions * 100) / Decimal(discharges), readmissions, discharges))
        elif unit == Unit.RATE_PER_1000:
            pop = round(population * (SHARE_80_PLUS if band == "80+" else 1 - SHARE_80_PLUS))
            days = _count(rng, pop / 1000 * DAYS_PER_1000[band] * _factor(m, change, 0.07))
            out.append((Decimal(days * 1000) / Decimal(pop), days, pop))
        else:
            count = _count(rng, population / 1000 * rate * _factor(m, change, 0.04))
            out.append((Decimal(count), None, None))
    return out


def _sum_series(parts):
    """A cluster's series from its municipalities': counts add up, fractions add numerators and denominators."""
    out = []
    for month in zip(*parts, strict=True):
        if month[0][1] is None:
            out.append((sum(v for v, _, _ in month), None, None))
        else:
            num, den = sum(n for _, n, _ in month), sum(d for _, _, d in month)
            out.append((None, num, den))
    return out


def _save(model, lookup: dict, values: dict):
    """get_or_create, then save only what differs (no history rows when nothing changed)."""
    obj, created = model.objects.get_or_create(**lookup, defaults=values)
    if not created:
        changed = [field for field, value in values.items() if getattr(obj, field) != value]
        if changed:
            for field in changed:
                setattr(obj, field, values[field])
            obj.save()
    return obj


@demo_builder(order=50)
def build_indicators(out):
    goals = {key: _save(Goal, {"title": title}, {"focus_area": focus}) for key, focus, title in GOALS}
    indicators = {}
    for order, (slug, name, description, unit, direction, level, bands, goal_keys, _) in enumerate(INDICATORS):
        indicator = _save(Indicator, {"slug": slug}, {
            "name": name, "description": description, "unit": unit, "desired_direction": direction,
            "source": SOURCE, "frequency": Frequency.MONTH, "level": level, "age_bands": bands,
            "sort_order": (order + 1) * 10,
        })
        if set(indicator.goals.all()) != {goals[k] for k in goal_keys}:
            indicator.goals.set([goals[k] for k in goal_keys])
        indicators[slug] = indicator

    clusters = {b.slug: b for b in Body.objects.filter(slug__in=CLUSTERS).select_related("kind")}
    periods = month_range(FIRST_MONTH, MONTHS)
    created = skipped = 0

    def store(indicator, area, values, band=""):
        nonlocal created, skipped
        series, _ = Series.objects.get_or_create(indicator=indicator, area=area, age_band=band,
                                                 defaults={"synthetic": True})
        if not series.synthetic:
            skipped += 1  # real figures have been imported: never overwrite them with demo data
            return
        rows = []
        unit = indicator.unit
        for period, (value, num, den) in zip(periods, values, strict=True):
            if value is None:
                factor = 100 if unit == Unit.PERCENT else 1000
                value = Decimal(num * factor) / Decimal(den)
            rows.append((period, Decimal(value).quantize(Decimal("0.0001")), num, den))
        created += sync_points(series, rows, reason=REASON)[0]

    for slug, _, _, unit, _, level, bands, _, rate in INDICATORS:
        indicator = indicators[slug]
        band_list = [b.strip() for b in bands.split(",") if b.strip()] or [""]
        for cluster_slug, cluster in clusters.items():
            municipalities = list(cluster.member_organisations.filter(kind="municipality").order_by("name"))
            for band in band_list:
                parts = []
                for org in municipalities:
                    values = _series_values(slug, unit, rate, POPULATION_65[org.name], org.name, band,
                                            cluster_slug)
                    parts.append(values)
                    if level == Level.MUNICIPALITY:
                        store(indicator, Area.for_organisation(org), values, band)
                if level == Level.CLUSTER:
                    store(indicator, Area.for_body(cluster),
                          _series_values(slug, unit, rate, POPULATION_16[cluster_slug], cluster_slug, band), band)
                elif parts:
                    store(indicator, Area.for_body(cluster), _sum_series(parts), band)
        for region in Organisation.objects.filter(name__in=["Region Syddanmark", "Region Midtjylland"]):
            population = POPULATION_16[region.name] if level == Level.CLUSTER else POPULATION_65[region.name]
            for band in band_list:
                store(indicator, Area.for_organisation(region),
                      _series_values(slug, unit, rate, population, region.name, band), band)

    out.write(f"Indikatorer: {len(indicators)} indikatorer, {created} nye syntetiske målinger"
              + (f", {skipped} serier med rigtige tal sprunget over" if skipped else "") + ".")
