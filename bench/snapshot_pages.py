"""Saves the HTML of many pages as several users, to prove a performance change left every byte alone.

Renders, through Django's test Client, the pages of bench/dataset.py's ``pages()`` (when the data set
in the data directory was built by bench/pages.py) and a sample of other pages (meetings of every
status, bodies, body meeting lists, persons, matters, calendars), as the public and as each given
user, and writes each response to OUT/<user>/<n>-<slug of the path>.html with CSRF tokens blanked.
Run it before and after a change and compare with ``diff -r``:

    KLYNGE_DATA_DIR=/tmp/klynge-bench-sqlite .venv/bin/python bench/snapshot_pages.py /tmp/before
    ... change the code ...
    KLYNGE_DATA_DIR=/tmp/klynge-bench-sqlite .venv/bin/python bench/snapshot_pages.py /tmp/after
    diff -r /tmp/before /tmp/after

Options: --sql (also
write each request's SQL with its parameters to <n>-<slug>.sql: the queries must stay the same too),
--users a,b (default: the bench data set's secretariat user, or with --demo the demo's users),
--demo (load `klynge demo` into the data directory first; its users cover member and other-cluster
views), --sample N (pages of each kind, default 15).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

CSRF = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
DEMO_USERS = ["admin", "sekretariat", "sekretariat-lillebaelt", "medlem", "anden-klynge"]


def spread(queryset, n):
    """n rows spread evenly over the queryset's primary keys (deterministic)."""
    pks = list(queryset.order_by("pk").values_list("pk", flat=True))
    if len(pks) <= n:
        return pks
    step = len(pks) / n
    return [pks[int(i * step)] for i in range(n)]


def paths(sample: int) -> list[tuple[str, str]]:
    import json

    from django.conf import settings

    from klynge.meetings.models import Matter, Meeting
    from klynge.organisation.models import Body, Person

    out = []
    marker = Path(settings.MEDIA_ROOT) / "bench-facts.json"
    if marker.exists():
        from bench.dataset import Facts, pages

        out += pages(Facts(**json.loads(marker.read_text())))
    for status in sorted(set(Meeting.objects.values_list("status", flat=True))):
        out += [(f"meeting {status}", f"/moeder/{pk}/") for pk in spread(Meeting.objects.filter(status=status), sample)]
    for body in Body.objects.filter(pk__in=spread(Body.objects.all(), sample)):
        out += [("body", f"/organer/{body.slug}/"), ("body's meetings", f"/organer/{body.slug}/moeder/")]
    out += [("person", f"/personer/{p.slug}/") for p in Person.objects.filter(pk__in=spread(Person.objects.all(),
                                                                                            sample))]
    out += [("matter", f"/sager/{pk}/") for pk in spread(Matter.objects.all(), sample)]
    years = sorted({d.year for d in Meeting.objects.dates("date", "year")})
    for year in years[:: max(1, len(years) // 3)]:
        out.append(("calendar", f"/moeder/?aar={year}"))
        for cluster in Body.objects.filter(kind__groups_bodies=True).order_by("pk")[:3]:
            out.append(("calendar", f"/moeder/?aar={year}&klynge={cluster.slug}"))
    for meeting in Meeting.objects.filter(co_hosts__isnull=False).distinct().order_by("pk")[:sample]:
        out.append(("calendar, joint meeting", f"/moeder/?aar={meeting.date.year}&maaned={meeting.date.month}"))
        for body in [meeting.body, *meeting.body.ancestors()]:
            if body.kind.groups_bodies:
                out.append(("calendar, joint meeting", f"/moeder/?aar={meeting.date.year}&klynge={body.slug}"))
    for cluster in Body.objects.filter(kind__groups_bodies=True).order_by("pk")[:2]:
        body = Body.objects.filter(parent=cluster).order_by("pk").first() or cluster
        out.append(("search, filtered", f"/soeg/?q=sundhed&klynge={cluster.slug}&organ={body.slug}"))
    for cluster in Body.objects.filter(kind__groups_bodies=True).order_by("pk")[:sample]:
        out += [("follow-up", f"/opfoelgning/{cluster.slug}/"), ("follow-up", f"/opfoelgning/{cluster.slug}/?side=2")]
    out += [("search", "/soeg/?q=sundhed&type=item"), ("search", "/soeg/?q=akut&side=2"),
            ("persons", "/personer/"), ("overview", "/mit-overblik/")]
    seen, unique = set(), []
    for label, path in out:
        if path not in seen:
            seen.add(path)
            unique.append((label, path))
    return unique


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--users", default="")
    parser.add_argument("--demo", action="store_true")
    parser.add_argument("--sample", type=int, default=15)
    parser.add_argument("--sql", action="store_true", help="also write each request's SQL and parameters")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "klynge.settings")
    os.environ.setdefault("ALLOWED_HOSTS", "*")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    call_command("migrate", verbosity=0)
    if args.demo:
        call_command("demo", verbosity=0)
        users = DEMO_USERS
    elif args.users:
        users = args.users.split(",")
    else:
        import json

        from django.conf import settings

        facts = json.loads((Path(settings.MEDIA_ROOT) / "bench-facts.json").read_text())
        users = [facts["secretariat_username"]]
    clients = {"anonymous": Client()}
    for username in users:
        clients[username] = Client()
        clients[username].force_login(get_user_model().objects.get(username=username))
    todo = paths(args.sample)
    for who, client in clients.items():
        folder = Path(args.out) / who
        folder.mkdir(parents=True, exist_ok=True)
        for n, (_label, path) in enumerate(todo):
            queries = []

            def record(execute, sql, params, *rest, queries=queries):
                queries.append(f"{sql} -- {params!r}")
                return execute(sql, params, *rest)

            with connection.execute_wrapper(record):
                response = client.get(path)
            body = CSRF.sub(r"\1-\2", response.content.decode("utf-8", "replace"))
            name = re.sub(r"[^A-Za-z0-9]+", "-", path).strip("-")[:80] or "front"
            (folder / f"{n:03d}-{name}.html").write_text(f"{response.status_code}\n{body}")
            if args.sql:
                (folder / f"{n:03d}-{name}.sql").write_text("\n".join(queries) + "\n")
    print(f"{len(todo)} paths x {len(clients)} users written to {args.out}")


if __name__ == "__main__":
    main()
