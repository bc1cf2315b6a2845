"""`klynge indicators signals FILE.csv --json` and `klynge indicators import`."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from klynge.indicators.models import Point

from .conftest import RISING, months

KEYS = ["indicator", "area", "latest", "median", "arrow", "colour", "longest_run", "longest_run_limit",
        "crossings", "crossings_limit", "runs_signal"]


def run(*args) -> str:
    out = StringIO()
    call_command("indicators", *args, stdout=out)
    return out.getvalue()


def write_csv(tmp_path, rows, name="serier.csv"):
    path = tmp_path / name
    path.write_text("indicator,area,period,value,desired\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_signals_json_has_one_object_per_indicator_and_area_in_the_documented_format(tmp_path):
    rows = [f"Genindlæggelser,Region Midtjylland,{m},{v},down" for m, v in zip(months(24), RISING, strict=True)]
    rows += [f"Akutte 65+,Randers,{m},{v},none" for m, v in zip(months(10), range(10), strict=True)]
    result = json.loads(run("signals", str(write_csv(tmp_path, rows)), "--json"))
    assert [list(item) for item in result] == [KEYS, KEYS]
    first, second = result
    # median 101; the three 101s are not useful, so n = 21: limits round(log2 21 + 3) = 7 and
    # qbinom(0.05, 20, 0.5) = 6. Sides: - + --- + ---- + -- ++++++++ : 8 runs, 7 crossings, a run of 8.
    assert first == {
        "indicator": "Genindlæggelser", "area": "Region Midtjylland", "latest": 124, "median": 101,
        "arrow": "up", "colour": "red", "longest_run": 8, "longest_run_limit": 7,
        "crossings": 7, "crossings_limit": 6, "runs_signal": True,
    }
    assert second["arrow"] == "insufficient" and second["colour"] == "neutral"
    assert second["latest"] == 9 and second["median"] == 4.5
    assert isinstance(second["runs_signal"], bool) and isinstance(second["crossings_limit"], int)


def test_signals_use_the_last_24_points_in_period_order_whatever_the_file_order(tmp_path):
    values = [1000] * 12 + RISING
    rows = [f"X,Y,{m},{v},up" for m, v in zip(months(36), values, strict=True)]
    result = json.loads(run("signals", str(write_csv(tmp_path, list(reversed(rows)))), "--json"))
    assert result[0]["median"] == 101 and result[0]["arrow"] == "up" and result[0]["colour"] == "green"


def test_decimal_values_come_out_as_json_numbers(tmp_path):
    rows = [f"Andel,Region,{m},16.{i % 10},down" for i, m in enumerate(months(24))]
    result = json.loads(run("signals", str(write_csv(tmp_path, rows)), "--json"))
    assert result[0]["latest"] == 16.3 and isinstance(result[0]["median"], float)


def test_signals_without_json_prints_a_danish_line_per_series(tmp_path):
    rows = [f"Genindlæggelser,Region Midtjylland,{m},{v},down" for m, v in zip(months(24), RISING, strict=True)]
    text = run("signals", str(write_csv(tmp_path, rows)))
    assert "Genindlæggelser · Region Midtjylland: seneste 124,0, median 101,0, pil ↑ (up, red)" in text
    assert text.rstrip().endswith("krydsninger 7 (grænse 6): signal")


def test_bad_rows_fail_with_line_numbers(tmp_path):
    path = write_csv(tmp_path, ["X,Y,2024-01,1,down", "X,Y,2024-13,2,down", "X,Y,2024-02,to,down",
                                "X,Y,2024-03,3,sideways", "X,Y,2024-01,4,down", "X,Y,2024-04,5,up"])
    with pytest.raises(CommandError) as failure:
        run("signals", str(path), "--json")
    lines = str(failure.value).splitlines()
    assert [line.split(",")[1].strip() for line in lines] == ["linje 3", "linje 4", "linje 5", "linje 6", "linje 7"]
    assert "står allerede på linje 2" in lines[3]
    assert "modsiger “down” på linje 2" in lines[4]


def test_missing_file_and_missing_columns_are_named(tmp_path):
    with pytest.raises(CommandError, match="findes ikke"):
        run("signals", str(tmp_path / "nej.csv"))
    path = tmp_path / "kort.csv"
    path.write_text("indicator,area,period,value\nX,Y,2024-01,1\n")
    with pytest.raises(CommandError, match="kolonnen “desired” mangler"):
        run("signals", str(path))


@pytest.mark.django_db
def test_import_command_writes_all_or_nothing(tmp_path, structure, indicators):
    good = tmp_path / "god.csv"
    good.write_text("indicator,area,period,value\nakutte-65,999,2024-01,412\nakutte-65,999,2024-02,398\n")
    assert "2 nye målinger" in run("import", str(good))
    bad = tmp_path / "daarlig.csv"
    bad.write_text("indicator,area,period,value\nakutte-65,999,2024-03,1\nakutte-65,999,2024-04,x\n")
    with pytest.raises(CommandError, match="daarlig.csv, linje 3"):
        run("import", str(bad))
    assert Point.objects.count() == 2


@pytest.mark.django_db
def test_import_command_can_be_limited_to_a_cluster(tmp_path, structure, indicators):
    path = tmp_path / "region.csv"
    path.write_text("indicator,area,period,value\nakutte-65,Region Testland,2024-01,1\n")
    with pytest.raises(CommandError, match="kun for Klynge A og klyngens kommuner"):
        run("import", str(path), "--klynge", "klynge-a")
    with pytest.raises(CommandError, match="ingen klynge med kortnavnet"):
        run("import", str(path), "--klynge", "klynge-a-politisk")
