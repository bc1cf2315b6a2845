"""Read side: series with their points, read by the rules, in few queries."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch

from klynge.organisation.choices import OrganisationKind
from klynge.organisation.models import Organisation

from . import rules
from .choices import ARROW_SYMBOL, ARROW_TEXT, COLOUR_TEXT, Frequency, Level, Unit
from .formatting import format_plain, format_value
from .models import Area, Indicator, Point, Series
from .periods import period_label, period_long

SHORT_ARROW_TEXT = {"up": "Stigning", "down": "Fald", "flat": "Stabil", "insufficient": "For få data"}


@dataclass
class Reading:
    """One series read by the rules: what a dashboard row and a run chart page show."""

    series: Series
    points: list[Point]
    development: rules.Development | None   # None: the arrow rule is for monthly series only
    runs: rules.RunsAnalysis                # over the last (up to) 24 points
    window: list[Point]                     # those last (up to) 24 points

    @property
    def indicator(self) -> Indicator:
        return self.series.indicator

    @property
    def latest(self) -> Point | None:
        return self.points[-1] if self.points else None

    @property
    def frequency(self) -> str:
        return self.indicator.frequency

    @property
    def latest_label(self) -> str:
        return period_long(self.latest.period, self.frequency) if self.latest else ""

    @property
    def latest_text(self) -> str:
        return format_value(self.latest.value, self.indicator.unit) if self.latest else "–"

    @property
    def window_text(self) -> str:
        if not self.window:
            return ""
        first, last = self.window[0].period, self.window[-1].period
        return f"{period_long(first, self.frequency)}–{period_long(last, self.frequency)}"

    @property
    def arrow(self) -> str:
        return self.development.arrow if self.development else "insufficient"

    @property
    def colour(self) -> str:
        return self.development.colour if self.development else "neutral"

    @property
    def arrow_symbol(self) -> str:
        return ARROW_SYMBOL[self.arrow]

    @property
    def arrow_short(self) -> str:
        if self.development is None:
            return "Ikke beregnet"
        return SHORT_ARROW_TEXT[self.arrow]

    @property
    def arrow_text(self) -> str:
        """The full sentence for screen readers (and the run chart page)."""
        if self.development is None:
            return "Pilen beregnes kun for månedlige tal"
        text = ARROW_TEXT[self.arrow]
        if self.arrow in ("up", "down"):
            side = "over" if self.arrow == "up" else "under"
            count = self.development.above if self.arrow == "up" else self.development.below
            direction = COLOUR_TEXT[self.colour]
            text += f" {direction}" if direction else " (ingen ønsket retning)"
            text += f": {count} af de seneste 8 måneder ligger {side} medianen for de seneste 24 måneder"
        elif self.arrow == "flat":
            text += ": færre end 7 af de seneste 8 måneder ligger på samme side af medianen"
        else:
            text += f" (der kræves 24 måneder, serien har {len(self.points)})"
        return text

    @property
    def signal_text(self) -> str:
        runs = self.runs
        if runs.useful < 2:
            return "For få målinger"
        parts = []
        if runs.shift:
            parts.append(f"Skift: {runs.longest_run} målinger i træk på samme side af medianen "
                         f"(grænse {runs.longest_run_limit})")
        if runs.too_few_crossings:
            parts.append(f"For få krydsninger af medianen: {runs.crossings} (mindst {runs.crossings_limit})")
        return "; ".join(parts) if parts else "Ingen – tilfældig variation"

    @property
    def has_fraction(self) -> bool:
        return bool(self.window) and all(p.denominator for p in self.window)


def read(series: Series, points: list[Point]) -> Reading:
    values = [p.value for p in points]
    monthly = series.indicator.frequency == Frequency.MONTH
    development = rules.clear_development(values, series.indicator.desired_direction) if monthly else None
    window = points[-rules.DEVELOPMENT_WINDOW:]
    runs = rules.runs_analysis([p.value for p in window])
    return Reading(series, points, development, runs, window)


def _with_points(queryset):
    return queryset.select_related("indicator", "area").prefetch_related(
        Prefetch("points", queryset=Point.objects.order_by("period"), to_attr="ordered_points")
    )


def readings_for_area(area: Area) -> list[Reading]:
    series = _with_points(Series.objects.filter(area=area)).order_by(
        "indicator__sort_order", "indicator__name", "age_band"
    )
    return [read(s, s.ordered_points) for s in series]


def reading_for_series(series_id: int) -> Reading:
    series = _with_points(Series.objects.filter(pk=series_id)).get()
    return read(series, series.ordered_points)


def dashboard_areas():
    """[(region area or region, [cluster areas])] for the index: regions and clusters with series."""
    areas = list(Area.objects.filter(series__isnull=False).exclude(level=Level.MUNICIPALITY)
                 .select_related("region").distinct().order_by("name"))
    by_region: dict[int | None, list[Area]] = defaultdict(list)
    region_areas: dict[int, Area] = {}
    for area in areas:
        if area.level == Level.REGION:
            region_areas[area.organisation_id] = area
        else:
            by_region[area.region_id].append(area)
    region_ids = set(region_areas) | {rid for rid in by_region if rid}
    regions = Organisation.objects.filter(pk__in=region_ids).order_by("name")
    result = [(region, region_areas.get(region.pk), by_region.get(region.pk, [])) for region in regions]
    if by_region.get(None):
        result.append((None, None, by_region[None]))
    return result


def municipalities_of(area: Area) -> list[Organisation]:
    """The municipalities a region or cluster compares: a region's municipalities, a cluster's members."""
    kind = OrganisationKind.MUNICIPALITY
    if area.level == Level.REGION:
        return list(Organisation.objects.filter(region_id=area.organisation_id, kind=kind).order_by("name"))
    if area.level == Level.CLUSTER:
        return list(area.body.member_organisations.filter(kind=kind).order_by("name"))
    return [area.organisation]


@dataclass
class BenchmarkCell:
    rate: Decimal | None
    text: str
    numerator: int | None
    denominator: int | None
    width: float  # bar width in percent of the largest rate


@dataclass
class Benchmark:
    indicator: Indicator
    period: datetime.date | None
    periods: list[datetime.date]
    bands: list[str]                  # "" is all ages
    rows: list[tuple[str, list[BenchmarkCell]]]
    total: tuple[str, list[BenchmarkCell]] | None
    synthetic: bool

    @property
    def period_label(self) -> str:
        return period_long(self.period, self.indicator.frequency) if self.period else ""


def _rate(point: Point | None) -> Decimal | None:
    if point is None:
        return None
    if point.numerator is not None and point.denominator:
        return Decimal(point.numerator) * 1000 / Decimal(point.denominator)
    return point.value


def benchmark_indicators(area: Area) -> list[Indicator]:
    """Rate indicators with series for the area's municipalities."""
    municipalities = municipalities_of(area)
    return list(Indicator.objects.filter(
        unit=Unit.RATE_PER_1000, series__area__organisation__in=municipalities
    ).distinct().order_by("sort_order", "name"))


def benchmark(area: Area, indicator: Indicator, period: datetime.date | None = None) -> Benchmark:
    municipalities = municipalities_of(area)
    series = list(Series.objects.filter(indicator=indicator, area__organisation__in=municipalities)
                  .select_related("area"))
    own = list(Series.objects.filter(indicator=indicator, area=area)) if area.level != Level.MUNICIPALITY else []
    all_series = series + own
    periods = sorted(set(Point.objects.filter(series__in=all_series).values_list("period", flat=True)),
                     reverse=True)
    if period not in periods:
        period = periods[0] if periods else None
    points = {p.series_id: p for p in Point.objects.filter(series__in=all_series, period=period)}
    bands = indicator.age_band_list() or [""]
    if any(s.age_band == "" for s in all_series) and "" not in bands:
        bands = [*bands, ""]
    index = {(s.area.organisation_id, s.age_band): s for s in series}
    own_index = {s.age_band: s for s in own}
    grid = []
    for org in municipalities:
        cells = [points.get(index[(org.pk, band)].pk) if (org.pk, band) in index else None for band in bands]
        grid.append((org.name, cells))
    total = None
    if own:
        total = (area.name, [points.get(own_index[b].pk) if b in own_index else None for b in bands])
    rates = [_rate(p) for _, cells in grid for p in cells] + ([_rate(p) for p in total[1]] if total else [])
    largest = max((r for r in rates if r is not None), default=None)

    def cell(point):
        rate = _rate(point)
        width = float(rate / largest * 100) if rate is not None and largest else 0.0
        return BenchmarkCell(rate, format_plain(rate, Unit.RATE_PER_1000) if rate is not None else "–",
                             point.numerator if point else None, point.denominator if point else None, width)

    rows = [(name, [cell(p) for p in cells]) for name, cells in grid if any(cells)]
    total_row = (total[0], [cell(p) for p in total[1]]) if total and any(total[1]) else None
    synthetic = any(s.synthetic for s in all_series)
    return Benchmark(indicator, period, periods, bands, rows, total_row, synthetic)


def period_choices(benchmark: Benchmark) -> list[tuple[str, str]]:
    return [(p.isoformat(), period_label(p, benchmark.indicator.frequency)) for p in benchmark.periods]
