"""The national-scale data set (issue 16, point 4), importable by every benchmark and test.

21 clusters in 5 regions; each cluster has 8 bodies under it (four levels and four working
groups) that met six times a year for ten years: 10,080 meetings, ~100,000 agenda items with a
recommendation each, an attachment (a real text file, and its text where the model keeps it) on
every fourth item, a follow-up task on every third, and matters that span the bodies of a cluster
(each topic is treated by several bodies over the years). Cluster 07 has a matter with 240
appearances, a matter with 40, and a meeting with 60 items (tasks due over a year ago are done);
each cluster has persons with
memberships, a secretariat user (``sekretariat-07`` etc., password ``bench-password``), grants,
initiatives with budget lines, and indicator series.

    from bench.dataset import build, Scale
    facts = build(Scale())            # full size, minutes; Scale.small() for tests

Everything is written with ``bulk_create`` in one transaction per cluster (no history rows; the
CPR-checking QuerySet still scans the text, which is part of the cost).
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
from pathlib import Path

PASSWORD = "bench-password"

WORDS = ("sundhed borger kommune region hospital almen praksis genoptræning forebyggelse rehabilitering "
         "psykiatri ældre kronisk sygdom diabetes hjertestopberedskab akutfunktion udskrivelse sammenhæng "
         "patientforløb data digitalisering rekruttering sygepleje demens lungesygdom børn unge mental "
         "trivsel lighed implementering evaluering økonomi aftale indsats klynge samarbejde").split()


@dataclass
class Scale:
    clusters: int = 21
    bodies_per_cluster: int = 8
    years: int = 10
    meetings_per_year: int = 6
    items_per_meeting: int = 10
    big_matter_appearances: int = 240
    mid_matter_appearances: int = 40
    big_meeting_items: int = 60
    topics_per_cluster: int = 1200
    initiatives_per_cluster: int = 20
    indicators: int = 8
    months: int = 36
    attachment_every: int = 4
    task_every: int = 3

    @classmethod
    def small(cls, factor: int = 1) -> Scale:
        """A small set for query-count tests; ``factor`` multiplies the rows that may not add queries."""
        return cls(clusters=2, bodies_per_cluster=2 + factor, years=1 + factor, meetings_per_year=2,
                   items_per_meeting=2 + 3 * factor, big_matter_appearances=3 * factor,
                   mid_matter_appearances=2 * factor, big_meeting_items=10 * factor, topics_per_cluster=4 * factor,
                   initiatives_per_cluster=2 * factor, indicators=2 * factor, months=14 * factor,
                   attachment_every=2, task_every=2)


@dataclass
class Facts:
    """Handles into the built data that benchmarks and tests name pages by."""

    cluster_slug: str = ""
    body_slug: str = ""
    meeting_pk: int = 0
    big_meeting_pk: int = 0
    big_matter_pk: int = 0
    mid_matter_pk: int = 0
    person_slug: str = ""
    secretariat_username: str = ""
    year: int = 0
    area_slug: str = ""
    counts: dict = field(default_factory=dict)


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def build(scale: Scale | None = None, seed: int = 16, media_root: str | Path | None = None) -> Facts:
    """Builds the data set into the current database (which should be empty) and returns its facts."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from klynge.funds.models import BudgetLine, Grant, Initiative
    from klynge.indicators.models import Area, Indicator, Point, Series
    from klynge.meetings.choices import ItemKind, MeetingStatus, Outcome, TaskStatus
    from klynge.meetings.models import AgendaItem, Attachment, Matter, Meeting, Recommendation, Task
    from klynge.organisation.choices import OrganisationKind, Role
    from klynge.organisation.models import Body, BodyKind, Membership, Organisation, Person

    scale = scale or Scale()
    rng = random.Random(seed)
    media = Path(media_root or settings.MEDIA_ROOT)
    User = get_user_model()
    password = make_password(PASSWORD)
    today = datetime.date.today()
    start_year = today.year - scale.years + 1
    facts = Facts(year=today.year - 1)
    attachment_has_text = any(f.name == "text" for f in Attachment._meta.get_fields())

    with transaction.atomic():
        cluster_kind = BodyKind.objects.create(name="Sundhedsklynge", slug="sundhedsklynge", groups_bodies=True)
        level_names = ["Politisk niveau", "Fagligt strategisk niveau", "Koordinerende niveau",
                       "Arbejdsgruppe"]
        level_kinds = [BodyKind.objects.create(name=n, slug=f"bench-{i}") for i, n in enumerate(level_names)]
        regions = [Organisation.objects.create(name=f"Region {n}", slug=f"region-{n}", kind=OrganisationKind.REGION)
                   for n in range(5)]
        indicators = Indicator.objects.bulk_create([
            Indicator(name=f"Indikator {i}", slug=f"indikator-{i}", sort_order=i) for i in range(scale.indicators)])

    chosen = 7 if scale.clusters > 7 else scale.clusters - 1   # the cluster the facts name
    for c in range(scale.clusters):
        with transaction.atomic():
            region = regions[c % len(regions)]
            cluster = Body.objects.create(name=f"Klynge {c:02d}", slug=f"klynge-{c:02d}", kind=cluster_kind,
                                          region=region)
            municipalities = Organisation.objects.bulk_create([
                Organisation(name=f"Kommune {c:02d}-{m}", slug=f"kommune-{c:02d}-{m}",
                             kind=OrganisationKind.MUNICIPALITY, region=region)
                for m in range(4)])
            bodies = []
            for b in range(scale.bodies_per_cluster):
                kind = level_kinds[min(b, 3)]
                name = kind.name if b < 3 else f"Arbejdsgruppe {b - 2}"
                bodies.append(Body.objects.create(name=f"Klynge {c:02d} – {name}", slug=f"klynge-{c:02d}-b{b}",
                                                  kind=kind, parent=cluster))
            persons = Person.objects.bulk_create([
                Person(name=f"Person {c:02d}-{p}", slug=f"person-{c:02d}-{p}") for p in range(40)])
            Membership.objects.bulk_create([
                Membership(person=persons[p], body=bodies[p % len(bodies)], role=Role.MEMBER,
                           organisation=municipalities[p % 4], start=datetime.date(start_year, 1, 1),
                           end=None if p % 3 else datetime.date(start_year + max(1, scale.years // 2), 1, 1))
                for p in range(1, 40)])
            secretary = User.objects.create(username=f"sekretariat-{c:02d}", password=password)
            Person.objects.filter(pk=persons[0].pk).update(user=secretary)
            Membership.objects.create(person=persons[0], body=cluster, role=Role.SECRETARIAT,
                                      organisation=municipalities[0], start=datetime.date(start_year, 1, 1))

            meetings = []
            for body in bodies:
                for y in range(scale.years):
                    for m in range(scale.meetings_per_year):
                        date = datetime.date(start_year + y, 1 + (12 * m) // scale.meetings_per_year,
                                             5 + bodies.index(body) % 20)
                        status = MeetingStatus.MINUTES_PUBLISHED if date < today else MeetingStatus.PLANNED
                        meetings.append(Meeting(body=body, date=date, start=datetime.time(13),
                                                end=datetime.time(16), status=status, address="Rådhuset"))
            meetings = Meeting.objects.bulk_create(meetings)
            past = [m for m in meetings if m.date < today]
            big_meeting = past[-1] if c == chosen else None

            matters = Matter.objects.bulk_create([
                Matter(case_number=f"{c:02d}-{t:05d}", title=_text(rng, 5)) for t in range(scale.topics_per_cluster)])
            big, mid = Matter.objects.bulk_create([
                Matter(case_number=f"{c:02d}-stor", title="Sammenhængende patientforløb på tværs"),
                Matter(case_number=f"{c:02d}-mellem", title="Akutfunktion i kommunerne")])
            big_left = scale.big_matter_appearances
            mid_left = scale.mid_matter_appearances

            items = []
            for n_meeting, meeting in enumerate(meetings):
                count = scale.big_meeting_items if meeting is big_meeting else scale.items_per_meeting
                for i in range(count):
                    matter = matters[(n_meeting * 7 + i * 13) % len(matters)]
                    if i == 1 and big_left > 0 and meeting.date < today:
                        matter, big_left = big, big_left - 1
                    elif i == 2 and mid_left > 0 and meeting.date < today:
                        matter, mid_left = mid, mid_left - 1
                    items.append(AgendaItem(
                        meeting=meeting, position=i, number=i + 1, title=_text(rng, 6),
                        kind=ItemKind.DECISION, duration_minutes=15, closed=(i % 10 == 3),
                        summary=_text(rng, 40), description=_text(rng, 80), decision="Godkendt.",
                        case_number=matter.case_number, matter=matter))
            # Items of one matter over several meetings: spread the big matter over the bodies of the
            # cluster, not only the first body (meeting order interleaves bodies by year below).
            items = AgendaItem.objects.bulk_create(items, batch_size=2000)
            Recommendation.objects.bulk_create([
                Recommendation(item=item, number=1, text="Sekretariatet indstiller, at forslaget godkendes.",
                               outcome=Outcome.APPROVED if item.meeting.date < today else "")
                for item in items], batch_size=2000)
            # Tasks due more than a year ago are done (a secretariat closes its tasks); the rest are open.
            Task.objects.bulk_create([
                Task(item=item, description=_text(rng, 8), due=item.meeting.date + datetime.timedelta(days=60),
                     **({"status": TaskStatus.DONE, "closed_note": "Udført."}
                        if item.meeting.date + datetime.timedelta(days=60) < today - datetime.timedelta(days=365)
                        else {}))
                for item in items[::scale.task_every]], batch_size=2000)
            attachments = []
            for item in items[::scale.attachment_every]:
                text = _text(rng, 60)
                name = f"bilag/{item.meeting_id}/{item.pk}/bilag-{item.pk}.txt"
                path = media / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
                attachment = Attachment(item=item, title=f"Bilag til punkt {item.number}", file=name,
                                        size=len(text.encode()), position=0)
                if attachment_has_text:
                    attachment.text = text
                attachments.append(attachment)
            Attachment.objects.bulk_create(attachments, batch_size=2000)

            Grant.objects.bulk_create([
                Grant(cluster=cluster, year=start_year + y, party=party, amount=500_000 + 10_000 * y)
                for y in range(scale.years) for party in municipalities])
            initiatives = Initiative.objects.bulk_create([
                Initiative(cluster=cluster, number=str(i + 1), title=_text(rng, 5), responsible_body=bodies[i % 3],
                           description=_text(rng, 30))
                for i in range(scale.initiatives_per_cluster)])
            BudgetLine.objects.bulk_create([
                BudgetLine(initiative=initiative, year=today.year, party=party, amount=50_000)
                for initiative in initiatives for party in municipalities[:2]])

            area = Area.objects.create(body=cluster, level="cluster", region=region, name=cluster.name,
                                       slug=f"klynge-{c:02d}")
            series = Series.objects.bulk_create([Series(indicator=ind, area=area) for ind in indicators])
            first_month = datetime.date(today.year - 3, 1, 1)
            Point.objects.bulk_create([
                Point(series=s, period=datetime.date(first_month.year + (k // 12), 1 + k % 12, 1),
                      value=100 + rng.randint(-10, 10))
                for s in series for k in range(scale.months)], batch_size=2000)

            if c == chosen:
                facts.cluster_slug = cluster.slug
                facts.body_slug = bodies[0].slug
                facts.meeting_pk = next(m.pk for m in reversed(past) if m.body_id == bodies[0].pk)
                facts.big_meeting_pk = (big_meeting or past[-1]).pk
                facts.big_matter_pk, facts.mid_matter_pk = big.pk, mid.pk
                facts.person_slug = persons[1].slug
                facts.secretariat_username = secretary.username
                facts.area_slug = area.slug
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # planner statistics after a bulk load (both databases)
    facts.counts = {"meetings": Meeting.objects.count(), "items": AgendaItem.objects.count(),
                    "attachments": Attachment.objects.count(), "tasks": Task.objects.count(),
                    "matters": Matter.objects.count(),
                    "big matter appearances": AgendaItem.objects.filter(matter_id=facts.big_matter_pk).count()}
    return facts


def pages(facts: Facts) -> list[tuple[str, str]]:
    """(label, path) of every page issue 16 holds to its targets, named from the built data."""
    year = facts.year
    return [
        ("front page", "/"),
        ("cluster page", f"/organer/{facts.cluster_slug}/"),
        ("body page", f"/organer/{facts.body_slug}/"),
        ("body's meetings", f"/organer/{facts.body_slug}/moeder/"),
        ("meeting, 10 items", f"/moeder/{facts.meeting_pk}/"),
        ("meeting, 60 items", f"/moeder/{facts.big_meeting_pk}/"),
        ("calendar (default)", "/moeder/"),
        ("calendar of a cluster, a year", f"/moeder/?aar={year}&klynge={facts.cluster_slug}"),
        ("national calendar, a year", f"/moeder/?aar={year}"),
        ("matters list", "/sager/"),
        ("matters list, ?q=", "/sager/?q=akutfunktion"),
        ("matter, many appearances", f"/sager/{facts.big_matter_pk}/"),
        ("matter, fewer appearances", f"/sager/{facts.mid_matter_pk}/"),
        ("follow-up of a cluster", f"/opfoelgning/{facts.cluster_slug}/"),
        ("follow-up of a cluster, page 2", f"/opfoelgning/{facts.cluster_slug}/?side=2"),
        ("person page", f"/personer/{facts.person_slug}/"),
        ("funds overview", "/klyngemidler/"),
        ("funds of a cluster", f"/klyngemidler/{facts.cluster_slug}/"),
        ("indicators dashboard", f"/indikatorer/omraader/{facts.area_slug}/"),
        ("search, common word", "/soeg/?q=sundhed"),     # every word of the data set is in most items
        ("search, two common words", "/soeg/?q=%C3%A6ldre+kronisk"),
        ("search, rare word", "/soeg/?q=indikator"),
        ("API: bodies", "/api/v1/bodies"),
        ("API: meetings of a body", f"/api/v1/meetings?body={facts.body_slug}"),
        ("API: a meeting", f"/api/v1/meetings/{facts.big_meeting_pk}"),
    ]
