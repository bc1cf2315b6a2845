"""Pages: the matrix in a constant number of queries, the goal page's arrows, visibility of drafts,
and status reports reproducible for a date."""

import datetime
import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from klynge.agreements import actions
from klynge.agreements.models import AgreementStatus, StatusReport
from klynge.indicators.choices import Direction, Level, Unit
from klynge.indicators.models import Area, Indicator, Point, Series
from klynge.organisation.models import Body, Organisation

from .factories import make_agreement, make_framework, make_goal, scope

D = datetime.date


def _matrix_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_matrix_takes_the_same_number_of_queries_for_more_agreements_clusters_and_parties(structure):
    framework = make_framework(structure.political)
    first = make_agreement(structure.political, framework, slug="a1")
    scope(first, structure.cluster, [structure.municipality], emails=False)
    client = Client()
    small, _ = _matrix_queries(client, "/aftaler/matrix/")
    for n in range(2, 6):
        a = make_agreement(structure.political, framework, slug=f"a{n}", title=f"Aftale {n}")
        for c in (structure.cluster, structure.other_cluster):
            party = Organisation.objects.create(name=f"Part {n} {c.slug}", kind="municipality")
            scope(a, c, [party, structure.hospital], emails=False)
    large, text = _matrix_queries(client, "/aftaler/matrix/")
    assert large == small
    parties, _ = _matrix_queries(client, "/aftaler/matrix/?visning=parter")
    assert parties == small
    filtered, text = _matrix_queries(client, "/aftaler/matrix/?status=implemented&klynge=klynge-b")
    assert "Ingen aftaler passer til filtret." in text


def test_a_draft_agreement_is_shown_only_to_the_owning_body(structure, member_user, other_cluster_user):
    draft = make_agreement(structure.political, approved=False, slug="udkast", title="Udkast til aftale")
    assert Client().get(draft.get_absolute_url()).status_code == 404
    assert "Udkast til aftale" not in Client().get("/aftaler/").content.decode()
    other = Client()
    other.force_login(other_cluster_user)
    assert other.get(draft.get_absolute_url()).status_code == 404
    assert other.get("/api/v1/agreements/udkast").status_code == 404
    member = Client()
    member.force_login(member_user)
    assert member.get(draft.get_absolute_url()).status_code == 200


def test_the_goal_page_shows_the_target_and_each_areas_latest_value_with_the_arrow_and_a_text_alternative(
        structure):
    framework = make_framework(structure.political)
    goal = make_goal(framework, unit="%", target=75, title="75 % vaccineres")
    indicator = Indicator.objects.create(name="Vaccinationsdækning 65+", slug="vacc", unit=Unit.PERCENT,
                                         desired_direction=Direction.UP, level=Level.CLUSTER)
    goal.indicators.add(indicator)
    series = Series.objects.create(indicator=indicator, area=Area.for_body(structure.cluster))
    for month in range(24):
        Point.objects.create(series=series, period=D(2019 + month // 12, month % 12 + 1, 1),
                             value=50 + month if month >= 16 else 50)
    text = Client().get(goal.get_absolute_url()).content.decode()
    assert "Mindst 75 %" in text
    assert "73,0 %" in text and "Målet er ikke nået" in text
    assert "↑" in text and "Tydelig stigning i den ønskede retning" in text
    assert 'class="arrow-green"' in text


def test_a_status_report_for_a_date_reads_the_statuses_then_and_comes_out_the_same_again(structure):
    from klynge.agreements import reports

    framework = make_framework(structure.political)
    agreement = make_agreement(structure.political, framework, for_collaboration="Samarbejdstekst")
    scope(agreement, structure.cluster, [structure.municipality], emails=False)
    AgreementStatus.objects.create(agreement=agreement, as_of=D(2021, 6, 30), status="implementing",
                                   text="Status pr. 2. kvartal 2021: i gang")
    AgreementStatus.objects.create(agreement=agreement, as_of=D(2022, 6, 30), status="implemented",
                                   text="Senere status")
    actions.set_status(agreement, structure.cluster, structure.municipality, "preparing", "", D(2021, 3, 1))
    actions.set_status(agreement, structure.cluster, structure.municipality, "implemented", "", D(2022, 3, 1))
    report = StatusReport.objects.create(framework=framework, as_of=D(2021, 6, 30), period_label="2. kvartal 2021",
                                         foreword="Forord")
    doc = reports.build(report)
    entry = doc.agreements["Forebyggelse"][0]
    assert entry.status_text == "Status pr. 2. kvartal 2021: i gang"
    # on 30 June 2021 the party was preparing (it implemented in 2022); the cluster row has no status of its own
    assert entry.clusters == [("Klynge A", "Forberedes")]
    assert reports.build(report) == doc
    import pdfplumber

    pdf = reports.render_pdf(doc)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        text = "\n".join(p.extract_text() or "" for p in document.pages)
    assert "Status pr. 2. kvartal 2021" in text and "Senere status" not in text
    assert "UDKAST" in text


def test_a_draft_status_report_is_hidden_from_the_public_and_the_api(structure):
    framework = make_framework(structure.political)
    report = StatusReport.objects.create(framework=framework, as_of=D(2021, 6, 30), foreword="Hemmeligt forord")
    assert Client().get(report.get_absolute_url()).status_code == 404
    assert Client().get(report.get_absolute_url() + "rapport.pdf").status_code == 404
    assert Client().get("/api/v1/status-reports").json() == []


@pytest.mark.parametrize("url", ["/aftaler/matrix/?omraade=abc", "/aftaler/matrix/?omraade=99999999999999"])
def test_a_bad_filter_value_gives_a_danish_notice_not_an_error(structure, url):
    response = Client().get(url)
    assert response.status_code == 200 and "Indsatsområdet" in response.content.decode()


def test_cluster_kind_is_data(structure):
    assert Body.objects.filter(kind__groups_bodies=True).count() == 2


def test_a_goal_outside_any_priority_area_is_reported_under_other_goals(structure):
    from klynge.agreements import reports

    framework = make_framework(structure.political)
    make_goal(framework, title="Færre dagligrygere", unit="%", target=15)
    report = StatusReport.objects.create(framework=framework, as_of=D(2021, 6, 30))
    doc = reports.build(report)
    assert ("Øvrige mål", "", ["Færre dagligrygere"]) in doc.areas
    import pdfplumber

    with pdfplumber.open(io.BytesIO(reports.render_pdf(doc))) as document:
        assert "Færre dagligrygere" in "\n".join(p.extract_text() or "" for p in document.pages)
