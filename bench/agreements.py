"""Benchmark: the agreements matrix and the status report PDF (issue 11, point 12).

    .venv/bin/python bench/agreements.py             # 40 agreements × 21 clusters × 10 parties, 20 renders
    .venv/bin/python bench/agreements.py --runs 50

Builds a throwaway SQLite database in a temporary directory (KLYNGE_DATA_DIR set to it, DATABASE_URL
unset, so no real database is touched), migrates it and fills it with 21 clusters of 10 parties each
and 40 approved agreements, each in scope in every cluster and party (40 × 21 × 11 = 9.240
implementation rows with a status and an update). It renders /aftaler/matrix/ (agreements × clusters)
and /aftaler/matrix/?visning=parter (parties × agreements) as an anonymous citizen through Django's
test Client, and prints the median and 95th percentile in ms and the SQL queries per render, also
for a quarter of the data: the count must not grow with the data. Then it builds and renders the
status report PDF for a framework agreement with 25 agreements (with their texts and cluster
statuses) and prints the median seconds.

Targets: matrix median under 150 ms; report PDF under 3 s. Exit status 1 when a target is missed
or the query count grows.
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

MATRIX_MS = 150.0
PDF_SECONDS = 3.0
D = datetime.date


def setup_django(data_dir: str) -> None:
    os.environ["KLYNGE_DATA_DIR"] = data_dir
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "klynge.settings"
    os.environ.setdefault("DEBUG", "false")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)


def build(n_agreements: int, n_clusters: int, n_parties: int, tag: str, with_report: int = 0):
    from klynge.agreements.models import (
        AgreementStatus,
        CollaborationAgreement,
        FrameworkAgreement,
        Implementation,
        ImplementationUpdate,
        PriorityArea,
        StatusReport,
        ensure_default_kinds,
    )
    from klynge.organisation.choices import OrganisationKind
    from klynge.organisation.models import Body, BodyKind, Organisation

    statuses = ["not_started", "preparing", "implementing", "implemented", "in_operation", "paused"]
    kinds = ensure_default_kinds()
    region, _ = Organisation.objects.get_or_create(name=f"Region {tag}", defaults={"kind": OrganisationKind.REGION,
                                                                                   "slug": f"region-{tag}"})
    cluster_kind, _ = BodyKind.objects.get_or_create(name="Sundhedsklynge", defaults={"groups_bodies": True})
    owner_kind, _ = BodyKind.objects.get_or_create(name="Regionalt udvalg")
    owner = Body.objects.create(name=f"SSU {tag}", slug=f"ssu-{tag}", kind=owner_kind, region=region)
    fw = FrameworkAgreement.objects.create(title=f"Sundhedsaftale {tag}", slug=f"sa-{tag}", owner_body=owner,
                                           period_start=D(2019, 1, 1), period_end=D(2023, 12, 31),
                                           visions="Mere lighed i sundhed\nPå borgernes præmisser",
                                           principles="Fælles populationsansvar")
    areas = [PriorityArea.objects.create(framework=fw, title=f"Indsatsområde {i}") for i in range(3)]
    clusters, parties = [], {}
    for c in range(n_clusters):
        cluster = Body.objects.create(name=f"Klynge {tag} {c:02d}", slug=f"klynge-{tag}-{c}", kind=cluster_kind,
                                      region=region)
        clusters.append(cluster)
        parties[cluster.pk] = Organisation.objects.bulk_create([
            Organisation(name=f"Part {tag} {c}-{p}", slug=f"part-{tag}-{c}-{p}", kind=OrganisationKind.MUNICIPALITY)
            for p in range(n_parties)])
    agreements = CollaborationAgreement.objects.bulk_create([
        CollaborationAgreement(framework=fw, kind=kinds["Samarbejdsaftale"], priority_area=areas[i % 3],
                               title=f"Samarbejdsaftale {tag} {i:02d}", slug=f"aftale-{tag}-{i}", owner_body=owner,
                               approved_by=owner, approved_on=D(2019, 6, 1),
                               summary="Samarbejdsaftalen opstiller klare rammer for arbejdsdeling. " * 4,
                               for_citizens="Borgerne oplever sammenhængende forløb. " * 4,
                               for_collaboration="Ansvarsfordelingen tydeliggøres på tværs af sektorer. " * 4)
        for i in range(n_agreements)])
    rows = []
    for i, a in enumerate(agreements):
        for cluster in clusters:
            rows.append(Implementation(agreement=a, cluster=cluster, party=None, status=statuses[i % 6],
                                       status_date=D(2021, 6, 1)))
            for p, party in enumerate(parties[cluster.pk]):
                rows.append(Implementation(agreement=a, cluster=cluster, party=party,
                                           status=statuses[(i + p) % 6], status_date=D(2021, 6, 1)))
    rows = Implementation.objects.bulk_create(rows, batch_size=2000)
    ImplementationUpdate.objects.bulk_create([ImplementationUpdate(implementation=r, status=r.status,
                                                                   date=r.status_date) for r in rows],
                                             batch_size=2000)
    AgreementStatus.objects.bulk_create([AgreementStatus(agreement=a, as_of=D(2021, 6, 30), status="implementing",
                                                         text="Status pr. 2. kvartal 2021. " * 6) for a in agreements])
    report = None
    if with_report:
        report = StatusReport.objects.create(framework=fw, as_of=D(2021, 6, 30), period_label="2. kvartal 2021",
                                             foreword="Forord. " * 80, ongoing_work="Igangværende. " * 40,
                                             organisation_text="Organisering. " * 40, published_at=None)
    return fw, report


def timed(client, url, runs):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, queries = [], None
    for _ in range(runs):
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(captured)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], queries


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        setup_django(data_dir)
        from django.test import Client

        from klynge.agreements import reports
        from klynge.agreements.models import CollaborationAgreement, Implementation

        failed = False
        client = Client()
        views = (("aftaler × klynger", "/aftaler/matrix/"), ("parter × aftaler", "/aftaler/matrix/?visning=parter"))
        build(4, 3, 2, "liden")
        counts = {view: timed(client, url, 3)[2] for view, url in views}
        CollaborationAgreement.objects.all().delete()
        build(40, 21, 10, "stor")
        print(f"Data: {CollaborationAgreement.objects.count()} aftaler, "
              f"{Implementation.objects.values('cluster').distinct().count()} klynger, "
              f"{Implementation.objects.count()} implementeringsrækker")
        for view, url in views:
            median, p95, queries = timed(client, url, args.runs)
            ok = median < MATRIX_MS and queries == counts[view]
            failed |= not ok
            print(f"Matrix {view}: median {median:.0f} ms, p95 {p95:.0f} ms, {queries} SQL-forespørgsler "
                  f"(lille datasæt: {counts[view]}) {'OK' if ok else 'FOR LANGSOM / FLERE FORESPØRGSLER'}")
        _, report = build(25, 5, 10, "rapport", with_report=1)
        seconds = []
        for _ in range(5):
            start = time.perf_counter()
            pdf = reports.render_pdf(reports.build(report))
            seconds.append(time.perf_counter() - start)
        median = statistics.median(seconds)
        ok = median < PDF_SECONDS
        failed |= not ok
        print(f"Statusrapport som PDF, 25 aftaler: median {median:.2f} s ({len(pdf) // 1024} kB) "
              f"{'OK' if ok else 'FOR LANGSOM'}")
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
