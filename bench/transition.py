"""The 2027 transition at the scale of a region: dry run and run.

Builds a temporary SQLite database (or uses DATABASE_URL if set to a scratch PostgreSQL
database) with one region of 5 clusters x 4 bodies x 10 years x 6 meetings x 10 items
(1,200 meetings, 12,000 items), thousands of open tasks and matters, pending proposals,
memberships, grants and initiatives with budgets; then loads a plan making the five
clusters two councils, and times the dry run and the run (one transaction).

    .venv/bin/python bench/transition.py

Target: dry run and run each under 10 s on SQLite on a 2-core machine.
"""

import datetime
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

CLUSTERS = 5


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

    from klynge.funds.choices import InitiativeStatus
    from klynge.funds.models import BudgetLine, Grant, Initiative
    from klynge.meetings.choices import ItemKind, MeetingStatus, ProposalStatus
    from klynge.meetings.models import AgendaItem, Matter, Meeting, Proposal, Task
    from klynge.organisation.choices import OrganisationKind, Role
    from klynge.organisation.models import Body, BodyArea, BodyKind, Membership, Organisation, Person

    cluster_kind = BodyKind.objects.create(name="Sundhedsklynge", slug="sundhedsklynge", groups_bodies=True)
    BodyKind.objects.create(name="Sundhedsråd", slug="sundhedsraad", groups_bodies=True)
    level_kinds = [BodyKind.objects.create(name=n, slug=n.lower().replace(" ", "-"))
                   for n in ("Politisk niveau", "Fagligt strategisk niveau", "Koordinerende niveau", "Arbejdsgruppe")]
    start_year = datetime.date.today().year - years + 1
    rows = ["handling;forgænger;efterfølger;ny_type;region;kommune;person;rolle;part;arkivadgang;overtager;indsatser"]
    with transaction.atomic():
        region = Organisation.objects.create(name="Region Bench", kind=OrganisationKind.REGION)
        for c in range(CLUSTERS):
            cluster = Body.objects.create(name=f"Klynge {c:02d}", slug=f"klynge-{c:02d}", kind=cluster_kind,
                                          region=region, active_from=datetime.date(start_year, 1, 1))
            council = "Sundhedsråd Nord" if c < 3 else "Sundhedsråd Syd"
            rows.append(f"afløsning;{cluster.slug};{council};Sundhedsråd;Region Bench;;;;;ja;;flyt")
            municipalities = [Organisation.objects.create(name=f"Kommune {c:02d}-{m}",
                                                          kind=OrganisationKind.MUNICIPALITY, region=region)
                              for m in range(4)]
            for m in municipalities:
                BodyArea.objects.create(body=cluster, municipality=m, start=datetime.date(start_year, 1, 1))
                rows.append(f"kommune;;{council};;;{m.name};;;;;;")
            bodies = [Body.objects.create(name=f"Klynge {c:02d} – {k.name}", slug=f"klynge-{c:02d}-{k.slug}",
                                          kind=k, parent=cluster, active_from=datetime.date(start_year, 1, 1))
                      for k in level_kinds]
            persons = Person.objects.bulk_create(
                [Person(name=f"Person {c:02d}-{p}", slug=f"person-{c:02d}-{p}") for p in range(40)])
            Membership.objects.bulk_create([
                Membership(person=persons[p], body=bodies[p % 4], role=Role.MEMBER,
                           organisation=municipalities[p % 4], start=datetime.date(start_year, 1, 1))
                for p in range(40)])
            rows += [f"medlem;;{council};;;;Person {c:02d}-{p};Medlem;;;;" for p in range(4)]
            meetings = Meeting.objects.bulk_create([
                Meeting(body=body, date=datetime.date(start_year + y, 1 + 2 * m, 10), start=datetime.time(13),
                        end=datetime.time(16), status=MeetingStatus.MINUTES_PUBLISHED, address="Rådhuset")
                for body in bodies for y in range(years) for m in range(meetings_per_year)])
            items = AgendaItem.objects.bulk_create([
                AgendaItem(meeting=meeting, position=i, number=i + 1, title=f"Punkt {i + 1}", kind=ItemKind.DECISION,
                           duration_minutes=15, closed=(i == 3), decision="Godkendt.")
                for meeting in meetings for i in range(items_per_meeting)])
            matters = Matter.objects.bulk_create([Matter(case_number=f"{c}-{n}", title=f"Sag {c}-{n}")
                                                  for n in range(len(items) // 4)])
            for n, item in enumerate(items[::4]):
                item.matter = matters[n]
            AgendaItem.objects.bulk_update(items[::4], ["matter"], batch_size=1000)
            Task.objects.bulk_create([Task(item=item, description=f"Opgave fra punkt {item.pk}.",
                                           due=item.meeting.date + datetime.timedelta(days=60))
                                      for item in items[::3]])
            Proposal.objects.bulk_create([Proposal(source_item=item, target_body=bodies[0], title=f"Forslag {item.pk}",
                                                   status=ProposalStatus.PENDING) for item in items[::60]])
            parties = [region, *municipalities]
            Grant.objects.bulk_create([Grant(cluster=cluster, year=start_year + y, party=p, amount=1_000_000)
                                       for y in range(years) for p in parties])
            initiatives = Initiative.objects.bulk_create([
                Initiative(cluster=cluster, number=str(n + 1), title=f"Indsats {n + 1}",
                           status=InitiativeStatus.RUNNING if n % 2 else InitiativeStatus.ENDED)
                for n in range(20)])
            BudgetLine.objects.bulk_create([BudgetLine(initiative=i, year=start_year + y, party=p, amount=100_000)
                                            for i in initiatives for y in range(0, years, 3) for p in parties])
    return "\n".join(rows) + "\n"


def main():
    setup_django()
    began = time.perf_counter()
    csv = build()
    from klynge.meetings.models import AgendaItem, Matter, Meeting, Task
    from klynge.transition import actions

    print(f"Built {Meeting.objects.count()} meetings, {AgendaItem.objects.count()} items, "
          f"{Task.objects.count()} tasks and {Matter.objects.count()} matters "
          f"in {time.perf_counter() - began:.1f} s")
    date = datetime.date(datetime.date.today().year + 1, 1, 1)
    began = time.perf_counter()
    plan = actions.load_plan(csv, name="Bench", date=date)
    print(f"load {len(csv.splitlines()) - 1} rows: {time.perf_counter() - began:.2f} s")
    began, cpu = time.perf_counter(), time.process_time()
    report = actions.dry_run(plan)
    dry, dry_cpu = time.perf_counter() - began, time.process_time() - cpu
    assert not report["errors"], report["errors"]
    counts = ", ".join(f"{s['kind']} {s['count']}" for s in report["sections"])
    print(f"dry run: {dry:.2f} s wall, {dry_cpu:.2f} s CPU ({counts})")
    if os.environ.get("BENCH_PROFILE"):
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
    began, cpu = time.perf_counter(), time.process_time()
    actions.run(plan, by_name="bench", reason="Benchmark")
    print(f"run (one transaction): {time.perf_counter() - began:.2f} s wall, {time.process_time() - cpu:.2f} s CPU")
    if os.environ.get("BENCH_PROFILE"):
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
