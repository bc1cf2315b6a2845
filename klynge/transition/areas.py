"""Indicator areas for councils: the union of their municipalities, back in time where data allow."""

from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import Decimal

from klynge.indicators.choices import Unit
from klynge.indicators.models import Area, Indicator, Point, Series
from klynge.organisation.models import Body, BodyArea


def union_points(per_municipality: list[dict], unit: str) -> dict[datetime.date, tuple]:
    """The council's value per period, only for periods every municipality reports.

    Each municipality gives {period: (value, numerator, denominator)}. Counts add up; a share
    or rate is recomputed from the summed numerators and denominators, and a period where any
    municipality lacks them is left out (averaging the rates would weigh small and large alike).
    """
    if not per_municipality:
        return {}
    periods = set(per_municipality[0])
    for points in per_municipality[1:]:
        periods &= set(points)
    out = {}
    for p in sorted(periods):
        rows = [m[p] for m in per_municipality]
        if unit == Unit.COUNT:
            out[p] = (sum(Decimal(r[0]) for r in rows), None, None)
            continue
        if any(r[1] is None or r[2] is None for r in rows):
            continue
        n, d = sum(r[1] for r in rows), sum(r[2] for r in rows)
        if not d:
            continue
        factor = 100 if unit == Unit.PERCENT else 1000
        out[p] = ((Decimal(n) * factor / Decimal(d)).quantize(Decimal("0.0001")), n, d)
    return out


def build_council_series(body_ids, on: datetime.date) -> int:
    """For each council (a body whose kind groups bodies) a series per indicator and age band that every
    one of its municipalities reports, back as far as they all do. Returns the number of series written."""
    written = 0
    for body in Body.objects.filter(pk__in=body_ids, kind__groups_bodies=True).select_related("kind"):
        municipality_ids = list(BodyArea.objects.filter(body=body).active(on).values_list("municipality_id",
                                                                                             flat=True))
        if not municipality_ids:
            continue
        series = list(Series.objects.filter(area__organisation_id__in=municipality_ids)
                      .values_list("pk", "indicator_id", "age_band", "area__organisation_id", "synthetic"))
        groups = defaultdict(dict)
        synthetic = set()
        for pk, indicator_id, age_band, municipality_id, is_synthetic in series:
            groups[(indicator_id, age_band)][municipality_id] = pk
            if is_synthetic:
                synthetic.add((indicator_id, age_band))
        units = dict(Indicator.objects.values_list("pk", "unit"))
        area = None
        for (indicator_id, age_band), by_municipality in groups.items():
            if set(by_municipality) != set(municipality_ids):
                continue
            points = defaultdict(dict)
            for series_id, period, value, numerator, denominator in Point.objects.filter(
                    series_id__in=by_municipality.values()).values_list("series_id", "period", "value",
                                                                        "numerator", "denominator"):
                points[series_id][period] = (value, numerator, denominator)
            union = union_points([points[s] for s in by_municipality.values()], units[indicator_id])
            if not union:
                continue
            area = area or Area.for_body(body)
            # Built from synthetic (demo) data, the council's series is synthetic too and labelled so.
            target, _ = Series.objects.update_or_create(
                indicator_id=indicator_id, area=area, age_band=age_band,
                defaults={"synthetic": (indicator_id, age_band) in synthetic})
            target.points.all().delete()
            Point.objects.bulk_create(Point(series=target, period=p, value=v, numerator=n, denominator=d)
                                      for p, (v, n, d) in union.items())
            written += 1
    return written
