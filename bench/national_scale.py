"""Pages at national scale: 21 clusters in 5 regions, ten years of meetings.

Builds a temporary SQLite database (or uses DATABASE_URL if set to a scratch PostgreSQL
database) with 21 clusters x 4 bodies x 10 years x 6 meetings x 10 items (~5,000 meetings,
~50,000 items, ~25,000 memberships-history rows), then renders the main pages through
Django's test client and prints median and p95 in milliseconds and the SQL query count.

    .venv/bin/python bench/national_scale.py [--repeat 15]

Target: every page under 300 ms median on SQLite on a 2-core machine.
"""

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def setup_django():
    if not os.environ.get("DATABASE_URL"):
        os.environ["KLYNGE_DATA_DIR"] = tempfile.mkdtemp(prefix="klynge-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "klynge.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(years=10, meetings_per_year=6, items_per_meeting=10):
    from django.db import transaction

    from klynge.meetings.choices import ItemKind, MeetingStatus, Outcome
    from klynge.meetings.models import AgendaItem, Matter, Meeting, Recommendation, Task
    from klynge.organisation.choices import OrganisationKind, Role
    from klynge.organisation.models import Body, BodyKind, Membership, Organisation, Person

    cluster_kind = BodyKind.objects.create(name="Sundhedsklynge", slug="sundhedsklynge", groups_bodies=True)
    level_kinds = [BodyKind.objects.create(name=n, slug=n.lower().replace(" ", "-"))
                   for n in ("Politisk niveau", "Fagligt strategisk niveau", "Koordinerende niveau", "Arbejdsgruppe")]
    start_year = datetime.date.today().year - years + 1
    with transaction.atomic():
        regions = [Organisation.objects.create(name=f"Region {n}", kind=OrganisationKind.REGION) for n in range(5)]
        for c in range(21):
            region = regions[c % 5]
            cluster = Body.objects.create(name=f"Klynge {c:02d}", slug=f"klynge-{c:02d}", kind=cluster_kind,
                                          region=region)
            municipalities = [Organisation.objects.create(name=f"Kommune {c:02d}-{m}",
                                                          kind=OrganisationKind.MUNICIPALITY, region=region)
                              for m in range(4)]
            bodies = [Body.objects.create(name=f"Klynge {c:02d} – {k.name}", slug=f"klynge-{c:02d}-{k.slug}",
                                          kind=k, parent=cluster) for k in level_kinds]
            persons = Person.objects.bulk_create(
                [Person(name=f"Person {c:02d}-{p}", slug=f"person-{c:02d}-{p}") for p in range(40)])
            Membership.objects.bulk_create([
                Membership(person=persons[p], body=bodies[p % 4], role=Role.MEMBER,
                           organisation=municipalities[p % 4], start=datetime.date(start_year, 1, 1),
                           end=None if p % 3 else datetime.date(start_year + 5, 1, 1))
                for p in range(40)])
            meetings = []
            for body in bodies:
                for y in range(years):
                    for m in range(meetings_per_year):
                        meetings.append(Meeting(body=body, date=datetime.date(start_year + y, 1 + 2 * m, 10),
                                                start=datetime.time(13), end=datetime.time(16),
                                                status=MeetingStatus.MINUTES_PUBLISHED, address="Rådhuset"))
            meetings = Meeting.objects.bulk_create(meetings)
            matters = Matter.objects.bulk_create([Matter(case_number=f"{c}-{i}", title=f"Sag {c}-{i}")
                                                  for i in range(items_per_meeting)])
            items = AgendaItem.objects.bulk_create([
                AgendaItem(meeting=meeting, position=i, number=i + 1, title=f"Punkt {i + 1} om emne {i}",
                           kind=ItemKind.DECISION, duration_minutes=15, closed=(i == 3),
                           summary="Resumé " * 20, decision="Godkendt.", case_number=f"{c}-{i}",
                           matter=matters[i])
                for meeting in meetings for i in range(items_per_meeting)])
            Recommendation.objects.bulk_create([Recommendation(item=item, number=1, text="godkender indstillingen",
                                                               outcome=Outcome.APPROVED) for item in items])
            Task.objects.bulk_create([Task(item=item, description="Sekretariatet følger op.",
                                           due=item.meeting.date + datetime.timedelta(days=60))
                                      for item in items[:: items_per_meeting * 3]])
    return Body.objects.get(slug="klynge-07"), Meeting.objects.filter(body__slug="klynge-07-politisk-niveau").last()


def measure(client, path, repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # warm up
    timings = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            began = time.perf_counter()
            response = client.get(path)
            timings.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(round(0.95 * (len(timings) - 1))))]
    return statistics.median(timings), p95, len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    setup_django()
    began = time.perf_counter()
    cluster, meeting = build()
    from django.test import Client

    from klynge.meetings.models import AgendaItem, Meeting

    print(f"Built {Meeting.objects.count()} meetings and {AgendaItem.objects.count()} items "
          f"in {time.perf_counter() - began:.1f} s")
    client = Client()
    year = meeting.date.year
    pages = [
        ("front page", "/"),
        ("cluster page", f"/organer/{cluster.slug}/"),
        ("body page", f"/organer/{meeting.body.slug}/"),
        ("body's meetings (10 years)", f"/organer/{meeting.body.slug}/moeder/"),
        ("meeting page", f"/moeder/{meeting.pk}/"),
        ("cluster calendar, one year", f"/moeder/?aar={year}&klynge={cluster.slug}"),
        ("follow-up of a cluster", f"/opfoelgning/{cluster.slug}/"),
        ("matters list", "/sager/"),
        ("matter (240 treatments)", f"/sager/{meeting.items.first().matter_id}/"),
        ("person page", "/personer/person-07-1/"),
        ("API meetings of a body", f"/api/v1/meetings?body={meeting.body.slug}"),
        ("cluster calendar feed", f"/kalender/klynge/{cluster.slug}.ics"),
    ]
    print(f"{'page':<32}{'median ms':>10}{'p95 ms':>10}{'queries':>9}")
    for label, path in pages:
        median, p95, queries = measure(client, path, args.repeat)
        print(f"{label:<32}{median:>10.1f}{p95:>10.1f}{queries:>9}")


if __name__ == "__main__":
    main()
