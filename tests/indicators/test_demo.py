"""The demo's synthetic series: realistic, labelled synthetic, deterministic and idempotent."""

from io import StringIO

import pytest
from django.core.management import call_command

from klynge.indicators import queries
from klynge.indicators.models import Area, Point, Series

pytestmark = pytest.mark.django_db(transaction=False)


def _snapshot():
    return sorted(Point.objects.values_list("series__indicator__slug", "series__area__slug", "series__age_band",
                                            "period", "value", "numerator", "denominator"))


def test_demo_builds_synthetic_monthly_series_for_clusters_regions_and_municipalities():
    call_command("demo", stdout=StringIO())
    assert Series.objects.exists() and not Series.objects.filter(synthetic=False).exists()
    for slug in ("sundhedsklynge-lillebaelt", "randersklyngen", "randers-kommune", "region-midtjylland"):
        readings = queries.readings_for_area(Area.objects.get(slug=slug))
        assert readings and all(len(r.points) == 36 for r in readings)
        assert all(r.arrow in ("up", "down", "flat") for r in readings)
    arrows = {r.arrow for a in Area.objects.all() for r in queries.readings_for_area(a)}
    assert arrows == {"up", "down", "flat"}
    randers = Area.objects.get(slug="randersklyngen")
    cluster_total = Point.objects.filter(series__area=randers, series__indicator__slug="akutte-indlaeggelser-65")
    municipal = Point.objects.filter(series__area__organisation__in=randers.body.member_organisations.filter(
                                         kind="municipality"),
                                     series__indicator__slug="akutte-indlaeggelser-65")
    # a cluster adds up its municipalities
    assert sum(p.value for p in cluster_total) == sum(p.value for p in municipal)


def test_running_the_demo_twice_changes_nothing():
    call_command("demo", stdout=StringIO())
    before, history = _snapshot(), Point.history.count()
    call_command("demo", stdout=StringIO())
    assert _snapshot() == before
    assert Point.history.count() == history
