import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from klynge.indicators.choices import Unit
from klynge.indicators.models import Area, Indicator, Point, Series
from klynge.organisation.models import Body
from klynge.transition import areas
from klynge.transition.models import PlanStatus, TransitionPlan

from .conftest import CSV, council


def run_cli(*args) -> str:
    out = StringIO()
    call_command("transition", *args, stdout=out)
    return out.getvalue()


def test_cli_loads_dry_runs_and_runs_a_plan_once(reform, tmp_path):
    path = tmp_path / "testland.csv"
    path.write_text(CSV.format(access="ja"), encoding="utf-8")
    out = run_cli("load", str(path), "--name", "Testland", "--date", reform.date.isoformat(),
                  "--region", "Region Testland")
    assert "Planen er kontrolleret" in out
    plan = TransitionPlan.objects.get(name="Testland")
    dry = run_cli("run", "Testland", "--dry-run")
    assert "Prøvekørsel – intet er ændret endnu" in dry
    assert "  - Sekretariatet udarbejder forslag til forløb [Klynge A → Sundhedsråd Test]" in dry
    assert "Restmidler, der overføres pr. part (3), i alt 2.200.000 kr." in dry
    assert not Body.objects.filter(name="Sundhedsråd Test").exists()
    with pytest.raises(CommandError, match="begrundelse"):
        run_cli("run", str(plan.pk))
    done = run_cli("run", str(plan.pk), "--reason", "Reformen", "--by", "Regionens administrator")
    assert done.startswith("Overgangsplan: Testland") and "Gennemført:" in done
    plan.refresh_from_db()
    assert plan.status == PlanStatus.RUN and plan.run_by_name == "Regionens administrator"
    with pytest.raises(CommandError, match="allerede gennemført"):
        run_cli("run", "Testland", "--reason", "Igen")


def test_cli_names_the_row_of_a_bad_plan_and_moves_nothing(reform, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("handling;forgænger;efterfølger\nafløsning;Klynge A;Klynge A\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Intet er flyttet"):
        call_command("transition", "load", str(path), "--date", reform.date.isoformat(), stdout=StringIO())
    with pytest.raises(CommandError, match="findes ikke"):
        run_cli("run", "Ingen plan", "--dry-run")
    with pytest.raises(CommandError, match="ÅÅÅÅ-MM-DD"):
        run_cli("load", str(path), "--date", "1.1.2027")


def test_the_demo_has_a_labelled_plan_per_demo_region_that_dry_runs_and_runs(db):
    call_command("demo", stdout=StringIO())
    plans = list(TransitionPlan.objects.order_by("name"))
    assert [p.name for p in plans] == ["DEMO: Randersklyngen bliver sundhedsråd",
                                       "DEMO: Sundhedsklynge Lillebælt bliver sundhedsråd"]
    assert all(p.is_demo and p.status == PlanStatus.CHECKED and not p.report["errors"] for p in plans)
    call_command("demo", stdout=StringIO())          # idempotent
    assert TransitionPlan.objects.count() == 2
    run_cli("run", str(plans[0].pk), "--reason", "Demo")
    randers = Body.objects.get(name="Sundhedsråd Randers-området (DEMO)")
    assert randers.active_from == datetime.date(2027, 1, 1)
    assert set(randers.areas.values_list("municipality__name", flat=True)) == {
        "Randers Kommune", "Favrskov Kommune", "Norddjurs Kommune", "Syddjurs Kommune"}
    # the demo's municipal series are synthetic, so the council's are too, and labelled so
    series = Series.objects.filter(area__body=randers)
    assert series.exists() and not series.filter(synthetic=False).exists()


def test_a_councils_area_is_the_union_of_its_municipalities_back_in_time(reform, load):
    from klynge.transition import actions

    share = Indicator.objects.create(name="Andel genindlagte", slug="andel", unit=Unit.PERCENT, level="municipality")
    for org, rows in ((reform.s.municipality, [(2024, 10, 100), (2025, 30, 100)]),
                      (reform.north, [(2025, 10, 300)])):
        s = Series.objects.create(indicator=share, area=Area.for_organisation(org))
        for year, n, d in rows:
            Point.objects.create(series=s, period=datetime.date(year, 1, 1), value=n * 100 / d, numerator=n,
                                 denominator=d)
    actions.run(load(), reason="Reformen")
    points = Point.objects.filter(series__area__body=council()).order_by("period")
    # 2024 only Testby reports: left out; 2025: (30 + 10) / (100 + 300)
    assert [(p.period.year, p.numerator, p.denominator, float(p.value)) for p in points] == [(2025, 40, 400, 10.0)]


def test_union_of_counts_adds_up_and_a_share_without_fractions_is_left_out():
    jan = datetime.date(2025, 1, 1)
    assert areas.union_points([{jan: (5, None, None)}, {jan: (7, None, None)}], Unit.COUNT) == {jan: (12, None, None)}
    assert areas.union_points([{jan: (5, None, None)}, {jan: (7, 1, 2)}], Unit.PERCENT) == {}


def test_cli_refuses_a_plan_holding_a_cpr_number(reform, tmp_path):
    path = tmp_path / "cpr.csv"
    path.write_text(CSV.format(access="ja") + "medlem;;Sundhedsråd Test;;;;Person 010190-1234;Medlem;;;;\n",
                    encoding="utf-8")
    with pytest.raises(CommandError, match="CPR-nummer"):
        run_cli("load", str(path), "--date", reform.date.isoformat())
    assert not TransitionPlan.objects.exists()
