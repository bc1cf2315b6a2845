"""Pages and permissions: dashboard, run chart, benchmark, upload, with the personas."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from klynge.indicators.loading import import_series
from klynge.indicators.models import Area, Point, Series
from klynge.indicators.permissions import can_import, import_targets, uploadable_clusters

from .conftest import RISING, csv_bytes, months

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(structure, indicators):
    rows = [f"akutte-65,Klynge A,{m},{v}" for m, v in zip(months(24), RISING, strict=True)]
    rows += [f"akutte-65,Testby Kommune,{m},{v}" for m, v in zip(months(24), RISING, strict=True)]
    rows += [f"tvang,Klynge A,{m},{v}" for m, v in zip(months(5), [3, 4, 5, 4, 3], strict=True)]
    import_series(csv_bytes(rows), "tal.csv")
    shares = [f"genindlaeggelser,Testby Kommune,{m},,{n},{d}"
              for m, n, d in zip(months(12), [10, 11, 9, 10, 12, 10, 11, 40, 10, 9, 11, 10], [100] * 12, strict=True)]
    bands = [f"sengedage,Testby Kommune,2024-01,,{n},{d},{b}"
             for n, d, b in [(950, 10000, "65-79"), (870, 3000, "80+")]]
    import_series(csv_bytes(shares + bands, header="indicator,area,period,value,numerator,denominator,age_band"),
                  "andele.csv")
    return Area.objects.get(body=structure.cluster)


# --- permissions ----------------------------------------------------------------------------


def test_secretariat_of_the_cluster_may_import_for_the_cluster_and_its_municipalities(structure, secretariat_user):
    assert can_import(secretariat_user)
    assert list(uploadable_clusters(secretariat_user)) == [structure.cluster]
    names = {t.name for t in import_targets(secretariat_user, structure.cluster)}
    assert names == {"Klynge A", "Testby Kommune"}
    with pytest.raises(PermissionError):
        import_targets(secretariat_user, structure.other_cluster)


def test_members_and_other_clusters_and_the_public_may_not_import(structure, member_user, other_cluster_user):
    from django.contrib.auth.models import AnonymousUser

    for user in (member_user, other_cluster_user, AnonymousUser()):
        assert not can_import(user)
        assert not uploadable_clusters(user).exists()
    with pytest.raises(PermissionError):
        import_targets(member_user, structure.cluster)


def test_an_administrator_may_import_anywhere(structure, admin_user):
    assert can_import(admin_user)
    assert import_targets(admin_user, None) is None
    assert set(uploadable_clusters(admin_user)) == {structure.cluster, structure.other_cluster}


def test_upload_page_is_for_secretariat_and_administrators_only(client, login, structure, member_user,
                                                                 other_cluster_user, secretariat_user, admin_user):
    url = reverse("indicators:upload")
    assert client.get(url).status_code == 302  # anonymous: to the login page
    assert login(member_user).get(url).status_code == 403
    assert login(other_cluster_user).get(url).status_code == 403
    assert login(secretariat_user).get(url).status_code == 200
    page = login(admin_user).get(url).content.decode()
    assert "Alle områder (administrator)" in page


def test_secretariat_upload_imports_and_redirects_to_the_dashboard(login, structure, indicators, secretariat_user):
    client = login(secretariat_user)
    data = csv_bytes([f"akutte-65,Testby Kommune,{m},{v}" for m, v in zip(months(3), [1, 2, 3], strict=True)])
    response = client.post(reverse("indicators:upload"), {
        "cluster": structure.cluster.pk, "file": SimpleUploadedFile("tal.csv", data, "text/csv"),
    })
    area = Area.objects.get(organisation=structure.municipality)
    assert response.status_code == 302 and response.url == area.get_absolute_url()
    assert Point.objects.count() == 3
    assert Point.objects.first().history.first().history_user == secretariat_user
    follow = client.get(response.url).content.decode()
    assert "tal.csv er indlæst: 3 nye målinger" in follow


def test_upload_errors_are_listed_and_nothing_is_saved(login, structure, indicators, secretariat_user):
    client = login(secretariat_user)
    data = csv_bytes(["akutte-65,Testby Kommune,2024-01,1", "akutte-65,Region Testland,2024-01,1",
                      "akutte-65,Testby Kommune,januar,1"])
    response = client.post(reverse("indicators:upload"), {
        "cluster": structure.cluster.pk, "file": SimpleUploadedFile("tal.csv", data, "text/csv"),
    })
    page = response.content.decode()
    assert response.status_code == 200
    assert "Filen blev ikke indlæst (2 fejl)" in page
    assert "tal.csv, linje 3, kolonne “area”: du kan ikke indlæse tal for Region Testland" in page
    assert "tal.csv, linje 4, kolonne “period”" in page
    assert Point.objects.count() == 0


def test_secretariat_cannot_post_for_another_cluster(login, structure, indicators, secretariat_user):
    response = login(secretariat_user).post(reverse("indicators:upload"), {
        "cluster": structure.other_cluster.pk,
        "file": SimpleUploadedFile("tal.csv", csv_bytes(["tvang,Klynge B,2024-01,1"]), "text/csv"),
    })
    assert response.status_code == 200  # the form refuses a cluster that is not among the choices
    assert "Marker en gyldig valgmulighed" in response.content.decode()
    assert Point.objects.count() == 0


# --- pages ------------------------------------------------------------------------------------


def test_dashboard_shows_latest_value_arrow_colour_and_a_screen_reader_text(client, loaded):
    page = client.get(loaded.get_absolute_url()).content.decode()
    assert "Indikatorer for Klynge A" in page
    assert "december 2024" in page and ">124<" in page
    assert 'class="ind-arrow ind-red"' in page
    assert ("Tydelig stigning i den forkerte retning: 8 af de seneste 8 måneder ligger over medianen for de "
            "seneste 24 måneder") in page
    assert "For få målinger til at vurdere udviklingen (der kræves 24 måneder, serien har 5)" in page
    assert "Skift: 8 målinger i træk på samme side af medianen (grænse 7)" in page
    assert "syntetisk" not in page


def test_index_lists_regions_and_clusters_with_series(client, loaded):
    page = client.get(reverse("indicators:index")).content.decode()
    assert "Region Testland" in page and loaded.get_absolute_url() in page


def test_run_chart_is_an_svg_with_points_median_signals_and_danish_periods(client, loaded):
    series = Series.objects.get(area=loaded, indicator__slug="akutte-65")
    page = client.get(series.get_absolute_url()).content.decode()
    assert '<svg class="ind-chart"' in page and 'role="img"' in page
    assert page.count('<circle class="ind-point"') + page.count('ind-point--signal') == 24
    assert page.count('class="ind-point ind-point--signal"') == 8
    assert 'class="ind-median"' in page
    assert "jan. 2023" in page and "dec. 2024" in page
    assert "y1=\"" in page and "," not in page.split('class="ind-median"')[1].split("/>")[0]  # no decimal commas


def test_p_chart_appears_for_shares_with_numerator_and_denominator(client, structure, loaded):
    series = Series.objects.get(indicator__slug="genindlaeggelser")
    page = client.get(series.get_absolute_url()).content.decode()
    assert "p-kort" in page
    assert "Der er målinger uden for kontrolgrænserne" in page
    assert page.count("uden for p-kortets grænser") == 1


def test_benchmark_shows_rates_per_1000_by_municipality_and_age_band(client, loaded):
    page = client.get(reverse("indicators:benchmark", args=[loaded.slug])).content.decode()
    assert "Sammenligning af kommuner i Klynge A" in page
    assert "65-79 år" in page and "80+ år" in page
    assert "95,0" in page and "290,0" in page
    assert "januar 2024" in page


def test_synthetic_series_are_labelled_everywhere_they_are_shown(client, structure, indicators):
    area = Area.for_organisation(structure.municipality)
    series = Series.objects.create(indicator=indicators.admissions, area=area, synthetic=True)
    Point.objects.create(series=series, period=datetime.date(2024, 1, 1), value=5)
    for url in (reverse("indicators:index"), area.get_absolute_url(), series.get_absolute_url()):
        assert "Syntetiske data" in client.get(url).content.decode()


def test_unknown_area_and_series_give_404(client, db):
    assert client.get(reverse("indicators:dashboard", args=["findes-ikke"])).status_code == 404
    assert client.get(reverse("indicators:series", args=[999])).status_code == 404


def test_csv_template_has_the_import_columns(client, db):
    response = client.get(reverse("indicators:template_csv"))
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.decode().startswith("indicator,area,period,value,numerator,denominator,age_band")


def test_dashboard_queries_do_not_grow_with_the_number_of_series(client, loaded, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        client.get(loaded.get_absolute_url())


def test_administrators_maintain_definitions_in_the_admin(login, loaded, admin_user):
    client = login(admin_user)
    for name in ("indicator", "goal", "area", "series"):
        response = client.get(reverse(f"admin:indicators_{name}_changelist"))
        assert response.status_code == 200
    page = client.get(reverse("admin:indicators_indicator_changelist")).content.decode()
    assert "Akutte indlæggelser 65+" in page
