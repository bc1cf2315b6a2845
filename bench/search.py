"""Benchmark: search at national scale, on whichever database DATABASE_URL points at.

    .venv/bin/python bench/search.py                     # SQLite in a temporary directory
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/klynge_bench_search .venv/bin/python bench/search.py
    .venv/bin/python bench/search.py --reuse             # keep a data set built before (same database)
    .venv/bin/python bench/search.py --national          # bench/dataset.py's data set (the one bench/pages.py
                                                         # builds and keeps), indexed once, its own queries

Builds its own national-scale data set (bench/national_scale.py's generator writes the same text
into every item, which cannot tell a common word from a rare one): 21 clusters x 8 bodies x
10 years x 6 meetings x 10 items (~10,000 meetings, ~100,000 items) with Danish text drawn from a
vocabulary in which "sundhed" stands in about half of the items and "hjertestopberedskab" in
five, one recommendation per item, an attachment with text for every fifth item, every tenth
item closed, the last year's meetings spread over the cycle (planned, agenda published, draft
minutes, published). Then ``klynge search reindex`` (timed), and each query is run ``--repeat``
times through ``search.engine.search`` (the SQL and the Python of one result page) and through
the /soeg/ page (Django's test client), as anonymous and as a cluster's secretariat.
Prints median and p95 in ms and hits on the first page. Target: p95 < 50 ms for every query on
both databases; exit status 1 when missed.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

WORDS = ("borgere patienter kommunen regionen sygehuset almen praksis sammenhæng forløb udskrivning "
         "genoptræning rehabilitering forebyggelse psykiatri misbrug ældre børn unge familier data "
         "samarbejde aftale indsats økonomi budget evaluering opfølgning implementering kvalitet "
         "medicin akutfunktion hjemmesygepleje sundhedsplejen telemedicin diabetes kol hjertesvigt "
         "demens kræft lighed tryghed rekruttering uddannelse personale vagtordning kapacitet "
         "ventetid visitation koordinering strategi handleplan projekt pilotprojekt erfaringer "
         "indlæggelser genindlæggelser målgruppe tilbud kommunale regionale nationale").split()
FILLER = "og i at for med til af på som der er det en den skal kan vil også".split()
QUERIES = [
    ("common: sundhed", "sundhed"),
    ("common: borgere", "borgere"),
    ("two common words", "ældre borgere"),
    ("stemmed: indlæggelse", "indlæggelse"),
    ("rare: hjertestopberedskab", "hjertestopberedskab"),
    ("rare: tolkebistand", "tolkebistand"),
    ("nowhere", "zqfindesikke"),
]
# bench/dataset.py writes its 36 words into nearly every item: every word is a common word there.
NATIONAL_QUERIES = [
    ("common: sundhed", "sundhed"),
    ("common: borger", "borger"),
    ("two common words", "ældre kronisk"),
    ("stemmed: udskrivelsen", "udskrivelsen"),
    ("rare: indikator", "indikator"),
    ("rare: arbejdsgruppe 3", "arbejdsgruppe 3"),
    ("nowhere", "zqfindesikke"),
]


def setup_django(data_dir: str | None):
    if not os.environ.get("DATABASE_URL"):
        os.environ["KLYNGE_DATA_DIR"] = data_dir or tempfile.mkdtemp(prefix="klynge-bench-search-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "klynge.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def sentence(rng: random.Random, n: int, extra: tuple[str, ...] = ()) -> str:
    words = [rng.choice(WORDS) if rng.random() < 0.7 else rng.choice(FILLER) for _ in range(n)]
    for word in extra:
        words.insert(rng.randrange(len(words) + 1), word)
    return " ".join(words).capitalize() + "."


def build(seed=7, clusters=21, years=10, meetings_per_year=6, items_per_meeting=10):
    """The data set, written with bulk_create (no signals): the index is built afterwards by reindex."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from klynge.meetings.choices import ItemKind, MeetingStatus, Outcome
    from klynge.meetings.models import AgendaItem, Attachment, Meeting, Recommendation
    from klynge.organisation.choices import OrganisationKind, Role
    from klynge.organisation.models import Body, BodyKind, Membership, Organisation, Person

    rng = random.Random(seed)
    this_year = datetime.date.today().year
    start_year = this_year - years + 1
    cycle = [MeetingStatus.MINUTES_PUBLISHED, MeetingStatus.MINUTES_DRAFT, MeetingStatus.AGENDA_PUBLISHED,
             MeetingStatus.PLANNED]
    made = 0
    with transaction.atomic():
        cluster_kind = BodyKind.objects.create(name="Sundhedsklynge", slug="sundhedsklynge", groups_bodies=True)
        kinds = [BodyKind.objects.create(name=n, slug=f"niveau-{i}") for i, n in enumerate((
            "Politisk niveau", "Fagligt strategisk niveau", "Koordinerende niveau", "Arbejdsgruppe om ældre",
            "Arbejdsgruppe om børn", "Arbejdsgruppe om psykiatri", "Arbejdsgruppe om data"))]
        regions = [Organisation.objects.create(name=f"Region {n}", kind=OrganisationKind.REGION) for n in range(5)]
        secretariat = None
        for c in range(clusters):
            cluster = Body.objects.create(name=f"Klynge {c:02d}", slug=f"klynge-{c:02d}", kind=cluster_kind,
                                          region=regions[c % 5], description=sentence(rng, 30))
            bodies = [cluster] + [Body.objects.create(name=f"Klynge {c:02d} – {k.name}", kind=k, parent=cluster,
                                                      slug=f"klynge-{c:02d}-{k.slug}", description=sentence(rng, 20))
                                  for k in kinds]
            municipality = Organisation.objects.create(name=f"Kommune {c:02d}", kind=OrganisationKind.MUNICIPALITY,
                                                       region=regions[c % 5])
            Person.objects.bulk_create([Person(name=f"Person {c:02d}-{p}", slug=f"person-{c:02d}-{p}",
                                               title=rng.choice(["Direktør", "Overlæge", "Borgmester", "Konsulent"]))
                                        for p in range(40)])
            if c == 7:
                user = get_user_model().objects.create_user(username="bench-sekretariat", password="x")
                person = Person.objects.create(name="Bench Sekretariat", user=user)
                Membership.objects.create(person=person, body=cluster, role=Role.SECRETARIAT,
                                          organisation=municipality, start=datetime.date(start_year, 1, 1))
                secretariat = user
            meetings = []
            for body in bodies:
                for y in range(years):
                    for m in range(meetings_per_year):
                        status = (rng.choice(cycle) if start_year + y == this_year
                                  else MeetingStatus.MINUTES_PUBLISHED)
                        meetings.append(Meeting(
                            body=body, date=datetime.date(start_year + y, 1 + 2 * m, 10 + rng.randrange(10)),
                            start=datetime.time(13), end=datetime.time(16), status=status, address="Rådhuset",
                            agenda_published_at=None if status == MeetingStatus.PLANNED
                            else datetime.datetime(start_year + y, 1 + 2 * m, 1, tzinfo=datetime.UTC)))
            meetings = Meeting.objects.bulk_create(meetings)
            items = []
            for meeting in meetings:
                for i in range(items_per_meeting):
                    extra = ("sundhed",) if rng.random() < 0.5 else ()
                    if rng.random() < 0.0005:
                        extra += ("tolkebistand",)
                    made += 1
                    if made % 20_000 == 1_234:  # five items in 100,000
                        extra += ("hjertestopberedskab",)
                    items.append(AgendaItem(
                        meeting=meeting, position=i, number=i + 1, kind=ItemKind.DECISION, duration_minutes=15,
                        title=sentence(rng, 6).rstrip("."), closed=(i == 3),
                        summary=sentence(rng, 30, extra), description=f"<p>{sentence(rng, 80)}</p>",
                        decision=sentence(rng, 15), minutes=sentence(rng, 25), case_number=f"{c}-{meeting.pk}-{i}"))
            items = AgendaItem.objects.bulk_create(items, batch_size=2000)
            Recommendation.objects.bulk_create(
                [Recommendation(item=item, number=1, text=sentence(rng, 15), outcome=Outcome.APPROVED,
                                decision_text=sentence(rng, 10)) for item in items], batch_size=2000)
            Attachment.objects.bulk_create(
                [Attachment(item=item, title=f"Bilag {item.number}: {sentence(rng, 4)}", text=sentence(rng, 300),
                            position=0) for item in items[::5]], batch_size=1000)
    return secretariat


def percentile(timings, fraction):
    ordered = sorted(timings)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--reuse", action="store_true", help="use the data set already in the database")
    parser.add_argument("--data-dir", help="SQLite: the data directory to build in (kept afterwards)")
    parser.add_argument("--clusters", type=int, default=21)
    parser.add_argument("--national", action="store_true",
                        help="bench/dataset.py's data set (built once by bench/pages.py's setup, kept)")
    parser.add_argument("--only", default="", help="queries whose label contains this")
    args = parser.parse_args()
    if args.national:
        from bench.pages import setup_django as setup_national

        if args.data_dir:
            os.environ["KLYNGE_DATA_DIR"] = args.data_dir
        facts = setup_national(clusters=args.clusters if args.clusters != 21 else None)
    else:
        setup_django(args.data_dir)

    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import AnonymousUser
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.pages import SqlRecorder, raw_sql_ms
    from klynge.meetings.models import AgendaItem, Meeting
    from klynge.search.engine import search
    from klynge.search.models import SearchDocument

    queries = QUERIES
    if args.national:
        queries = NATIONAL_QUERIES
        secretariat = get_user_model().objects.get(username=facts.secretariat_username)
        if SearchDocument.objects.filter(kind="item").count() < AgendaItem.objects.count() // 2:  # built, not indexed
            began = time.perf_counter()
            call_command("search", "reindex", verbosity=0)
            print(f"klynge search reindex: {SearchDocument.objects.count():,} documents "
                  f"in {time.perf_counter() - began:.0f} s")
    else:
        secretariat = get_user_model().objects.filter(username="bench-sekretariat").first()
    if not args.national and (secretariat is None or not args.reuse):
        if Meeting.objects.exists():
            print("The database holds data already: use --reuse, or point DATABASE_URL at an empty database.")
            return 2
        began = time.perf_counter()
        secretariat = build(clusters=args.clusters)
        print(f"Built {Meeting.objects.count():,} meetings, {AgendaItem.objects.count():,} items "
              f"in {time.perf_counter() - began:.0f} s")
        began = time.perf_counter()
        call_command("search", "reindex", verbosity=0)
        print(f"klynge search reindex: {SearchDocument.objects.count():,} documents "
              f"in {time.perf_counter() - began:.0f} s")
    print(f"Database: {connection.vendor}; {SearchDocument.objects.count():,} search documents; "
          f"{args.repeat} runs per query")

    clients = {"anonymous": Client(), "secretariat": Client()}
    clients["secretariat"].force_login(secretariat)
    users = {"anonymous": AnonymousUser(), "secretariat": secretariat}
    print(f"{'query':<28}{'user':<13}{'engine p50':>11}{'p95':>7}{'SQL p50':>8}"
          f"{'page p50':>10}{'p95':>7}{'hits':>6}{'queries':>9}")
    missed = False
    for label, query in queries:
        if args.only and args.only not in label:
            continue
        for who in ("anonymous", "secretariat"):
            user, client = users[who], clients[who]
            engine, page, sql = [], [], []
            search(query, user)  # warm up
            client.get("/soeg/", {"q": query})
            for _ in range(args.repeat):
                recorder = SqlRecorder()
                with connection.execute_wrapper(recorder):
                    began = time.perf_counter()
                    results = search(query, user)
                    engine.append((time.perf_counter() - began) * 1000)
                sql.append(raw_sql_ms(recorder.queries))  # the same SQL replayed raw: the database's part
                with CaptureQueriesContext(connection) as captured:
                    began = time.perf_counter()
                    response = client.get("/soeg/", {"q": query})
                    page.append((time.perf_counter() - began) * 1000)
                assert response.status_code == 200
            p95 = percentile(engine, 0.95)
            missed |= p95 >= 50
            print(f"{label:<28}{who:<13}{statistics.median(engine):>11.1f}{p95:>7.1f}{statistics.median(sql):>8.1f}"
                  f"{statistics.median(page):>10.1f}{percentile(page, 0.95):>7.1f}"
                  f"{len(results.hits):>6}{len(captured):>9}", flush=True)
    print("target: engine p95 < 50 ms for every query:", "MISSED" if missed else "met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
