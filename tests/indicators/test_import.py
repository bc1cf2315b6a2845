"""Import from CSV and Excel: every bad row reported with its line, and nothing written."""

import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import Workbook

from klynge.indicators.loading import ImportFailed, import_series
from klynge.indicators.models import Area, Point, Series
from klynge.indicators.periods import PeriodError, parse_period, period_label
from klynge.indicators.permissions import cluster_targets
from klynge.indicators.tabular import parse_number

from .conftest import csv_bytes, months

pytestmark = pytest.mark.django_db


def test_a_good_csv_is_imported_with_exact_values(structure, indicators):
    data = csv_bytes([f"akutte-65,Testby Kommune,{m},{v}" for m, v in zip(months(3), [412, 398, 405], strict=True)])
    result = import_series(data, "tal.csv")
    assert (result.created, result.updated, result.unchanged) == (3, 0, 0)
    series = Series.objects.get()
    assert series.area == Area.objects.get(organisation=structure.municipality)
    assert not series.synthetic
    assert [p.value for p in series.points.order_by("period")] == [Decimal(412), Decimal(398), Decimal(405)]
    assert series.points.first().history.count() == 1


def test_areas_can_be_named_by_name_slug_or_municipality_code(structure, indicators):
    data = csv_bytes([
        "akutte-65,Testby Kommune,2024-01,1",
        "Akutte indlæggelser 65+,999,2024-02,2",
        "AKUTTE-65,region-testland,2024-01,3",
        "tvang,Klynge A,2024-01,4",
    ])
    result = import_series(data, "tal.csv")
    assert result.created == 4
    assert Series.objects.count() == 3
    assert Area.objects.get(body=structure.cluster).level == "cluster"


def test_numerator_and_denominator_give_the_value_when_it_is_left_out(structure, indicators):
    data = csv_bytes(["genindlaeggelser,Testby Kommune,2024-01,,61,402,",
                      "sengedage,Testby Kommune,2024-01,,2010,5120,80+"],
                     header="indicator,area,period,value,numerator,denominator,age_band")
    import_series(data, "tal.csv")
    share = Point.objects.get(series__indicator=indicators.readmissions)
    assert (share.numerator, share.denominator, share.value) == (61, 402, Decimal("15.1741"))
    rate = Point.objects.get(series__indicator=indicators.bed_days)
    assert rate.series.age_band == "80+"
    assert rate.value == Decimal("392.5781")


def test_danish_headings_semicolons_and_decimal_commas_are_read(structure, indicators):
    data = "indikator;område;periode;værdi\nGenindlæggelser inden for 30 dage;Testby Kommune;2024-01;16,9\n"
    import_series(data.encode("cp1252"), "eksport.csv")
    assert Point.objects.get().value == Decimal("16.9")


def test_bad_rows_are_reported_with_line_numbers_and_nothing_is_imported(structure, indicators):
    data = csv_bytes([
        "akutte-65,Testby Kommune,2024-01,412",        # line 2: fine
        "ukendt-indikator,Testby Kommune,2024-02,1",   # line 3
        "akutte-65,Atlantis Kommune,2024-02,1",        # line 4
        "akutte-65,Testby Kommune,2024-13,1",          # line 5
        "akutte-65,Testby Kommune,2024-03,mange",      # line 6
        "akutte-65,Testby Kommune,2024-01,400",        # line 7: duplicate of line 2
    ])
    with pytest.raises(ImportFailed) as failure:
        import_series(data, "tal.csv")
    errors = failure.value.errors
    assert len(errors) == 5
    assert errors[0] == "tal.csv, linje 3, kolonne “indicator”: ukendt indikator “ukendt-indikator”."
    assert errors[1].startswith("tal.csv, linje 4, kolonne “area”: ukendt område “Atlantis Kommune”")
    assert errors[2].startswith("tal.csv, linje 5, kolonne “period”: Perioden “2024-13” kan ikke læses")
    assert errors[3] == ("tal.csv, linje 6, kolonne “value”: “mange” er ikke et tal "
                         "(brug f.eks. 17350, 16,9 eller 16.9).")
    assert errors[4].startswith("tal.csv, linje 7, kolonne “period”: perioden 2024-01")
    assert "står allerede på linje 2" in errors[4]
    assert Point.objects.count() == 0 and Series.objects.count() == 0 and Area.objects.count() == 0


def test_missing_columns_are_named(structure, indicators):
    with pytest.raises(ImportFailed) as failure:
        import_series(b"indicator,omraade,vaerdi\n", "tal.csv")
    assert failure.value.errors == ["tal.csv, linje 1: kolonnen “period” (periode) mangler."]


def test_unknown_column_is_reported_rather_than_ignored(structure, indicators):
    with pytest.raises(ImportFailed) as failure:
        import_series(csv_bytes(["akutte-65,999,2024-01,1,x"], header="indicator,area,period,value,vardi"),
                      "tal.csv")
    assert failure.value.errors[0].startswith("tal.csv, linje 1: ukendt kolonne “vardi”")


def test_fraction_rules_are_checked(structure, indicators):
    data = csv_bytes([
        "genindlaeggelser,Testby Kommune,2024-01,,61,",
        "genindlaeggelser,Testby Kommune,2024-02,,10,0",
        "genindlaeggelser,Testby Kommune,2024-03,,11,10",
        "genindlaeggelser,Testby Kommune,2024-04,,1.5,10",
        "sengedage,Testby Kommune,2024-01,5,1,10,50-64",
    ], header="indicator,area,period,value,numerator,denominator,age_band")
    with pytest.raises(ImportFailed) as failure:
        import_series(data, "tal.csv")
    text = "\n".join(failure.value.errors)
    assert "linje 2, kolonne “denominator”: tæller og nævner skal angives sammen" in text
    assert "linje 3, kolonne “denominator”: nævneren må ikke være 0." in text
    assert "linje 4, kolonne “numerator”: tælleren (11) er større end nævneren (10) for en andel." in text
    assert "linje 5, kolonne “numerator”: “1.5” skal være et helt tal." in text
    assert "linje 6, kolonne “age_band”: aldersgruppen “50-64” findes ikke" in text
    assert Point.objects.count() == 0


def test_an_indicator_cannot_be_imported_below_its_level(structure, indicators):
    with pytest.raises(ImportFailed) as failure:
        import_series(csv_bytes(["tvang,Testby Kommune,2024-01,3"]), "tal.csv")
    assert failure.value.errors == [
        "tal.csv, linje 2, kolonne “area”: “Tvangsindlæggelser” opgøres på klyngeniveau og kan ikke "
        "indlæses for kommunen Testby Kommune."
    ]


def test_a_cluster_scoped_import_refuses_areas_outside_the_cluster(structure, indicators):
    allowed = cluster_targets(structure.cluster)
    data = csv_bytes(["akutte-65,Testby Kommune,2024-01,1", "akutte-65,Region Testland,2024-01,1",
                      "tvang,Klynge B,2024-01,1"])
    with pytest.raises(ImportFailed) as failure:
        import_series(data, "tal.csv", allowed=allowed, scope_name="Klynge A og klyngens kommuner")
    assert [e.split(": ", 1)[1] for e in failure.value.errors] == [
        "du kan ikke indlæse tal for Region Testland; kun for Klynge A og klyngens kommuner.",
        "du kan ikke indlæse tal for Klynge B; kun for Klynge A og klyngens kommuner.",
    ]
    assert Point.objects.count() == 0


def test_reimport_corrects_changed_values_and_keeps_the_history(structure, indicators):
    import_series(csv_bytes(["akutte-65,999,2024-01,412", "akutte-65,999,2024-02,398"]), "a.csv")
    result = import_series(csv_bytes(["akutte-65,999,2024-01,412", "akutte-65,999,2024-02,399"]), "b.csv")
    assert (result.created, result.updated, result.unchanged) == (0, 1, 1)
    point = Point.objects.get(period=datetime.date(2024, 2, 1))
    assert point.value == 399
    assert [h.value for h in point.history.order_by("history_date")] == [Decimal(398), Decimal(399)]
    assert point.history.latest().history_change_reason == "Import fra b.csv"


def test_real_figures_replace_a_synthetic_series_entirely(structure, indicators):
    area = Area.for_organisation(structure.municipality)
    series = Series.objects.create(indicator=indicators.admissions, area=area, synthetic=True)
    Point.objects.create(series=series, period=datetime.date(2020, 1, 1), value=1)
    import_series(csv_bytes(["akutte-65,999,2024-01,412"]), "rigtige.csv")
    series.refresh_from_db()
    assert not series.synthetic
    assert list(series.points.values_list("value", flat=True)) == [Decimal(412)]


def test_excel_workbooks_are_imported_with_row_numbers_in_errors(structure, indicators):
    book = Workbook()
    sheet = book.active
    sheet.append(["indicator", "area", "period", "value", "numerator", "denominator"])
    sheet.append(["akutte-65", "Testby Kommune", "2024-01", 412, None, None])
    sheet.append(["genindlaeggelser", "Testby Kommune", datetime.datetime(2024, 1, 1), 15.2, 61, 402])
    sheet.append(["kvartal", "Testby Kommune", "2024-K2", 7, None, None])
    buffer = io.BytesIO()
    book.save(buffer)
    result = import_series(buffer.getvalue(), "tal.xlsx")
    assert result.created == 3
    assert Point.objects.get(series__indicator=indicators.quarterly).period == datetime.date(2024, 4, 1)
    assert Point.objects.get(series__indicator=indicators.readmissions).value == Decimal("15.2")

    sheet.append(["akutte-65", "Testby Kommune", "januar", "x", None, None])
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(ImportFailed) as failure:
        import_series(buffer.getvalue(), "tal.xlsx")
    assert [e.split(":")[0] for e in failure.value.errors] == ["tal.xlsx, linje 5, kolonne “period”",
                                                              "tal.xlsx, linje 5, kolonne “value”"]


def test_a_file_that_is_not_a_table_gives_one_clear_message(structure, indicators):
    with pytest.raises(ImportFailed) as failure:
        import_series(b"PK\x03\x04 not really a zip", "tal.xlsx")
    assert failure.value.errors == ["tal.xlsx: filen kan ikke læses som et Excel-regneark (.xlsx)."]
    with pytest.raises(ImportFailed) as failure:
        import_series(b"indicator,area,period,value\n", "tom.csv")
    assert failure.value.errors == ["tom.csv: filen har ingen datarækker under overskrifterne."]


@pytest.mark.parametrize("text, expected", [
    ("17350", Decimal(17350)), ("16,9", Decimal("16.9")), ("16.9", Decimal("16.9")),
    ("1.089,5", Decimal("1089.5")), ("16,9 %", Decimal("16.9")), (" 2 614 ", Decimal(2614)), (412, Decimal(412)),
])
def test_numbers_are_read_the_danish_and_the_machine_way(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "1.2.3,4,5", True])
def test_malformed_numbers_are_refused(text):
    with pytest.raises(ValueError):
        parse_number(text)


def test_periods_parse_by_frequency_and_have_danish_labels():
    assert parse_period("2024-01") == datetime.date(2024, 1, 1)
    assert parse_period("2024-K3", "quarter") == datetime.date(2024, 7, 1)
    assert parse_period("3. kvt. 2024", "quarter") == datetime.date(2024, 7, 1)
    assert parse_period("2024", "year") == datetime.date(2024, 1, 1)
    assert period_label(datetime.date(2024, 1, 1)) == "jan. 2024"
    assert period_label(datetime.date(2024, 5, 1)) == "maj 2024"
    assert period_label(datetime.date(2024, 10, 1), "quarter") == "4. kvt. 2024"
    for bad, frequency in [("2024-1-1", "month"), ("2024-00", "month"), ("24-01", "month"), ("2024-K5", "quarter"),
                           ("2024-01", "year")]:
        with pytest.raises(PeriodError):
            parse_period(bad, frequency)
