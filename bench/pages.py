"""Every page of issue 16 at national scale: p50/p95 per page and the SQL time behind it (point 2).

Builds the national-scale data set (bench/dataset.py: 21 clusters x 8 bodies x 10 years, 10,080
meetings, ~100,000 items) once into a data directory kept between runs, then renders each page
through Django's test Client (full middleware stack) as the public and as the secretariat of a
cluster, and prints per page and persona: p50 and p95 of the whole request in ms, the p50 of the
time spent in the database (the SQL p50),
the ratio page/SQL, the CPU time of the request in this process (p50 of time.process_time: Python and
templates, the database client's share included, the database server's not) and the query count. The
SQL time is the queries each request ran, replayed raw right after it through the same connection
(execute and fetch every row, no model building).

    .venv/bin/python bench/pages.py                     # SQLite in /tmp/klynge-bench-sqlite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/klynge_bench .venv/bin/python bench/pages.py
                                                        # files in /tmp/klynge-bench-pg

Options: --repeat N (default 20), --only WORD (pages whose label contains it), --rebuild.
Targets: p95 < 100 ms, and page p50 within 5x the SQL p50 where the SQL is more than a few ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DEFAULT_DATA_DIR = "/tmp/klynge-bench-sqlite"


def setup_django(data_dir: str | None = None, rebuild: bool = False, clusters: int | None = None):
    """Django with the national data set in place; returns the data set's facts. ``clusters``: build
    only that many clusters (a smaller set when the full one cannot be built in the time at hand)."""
    default = DEFAULT_DATA_DIR if not os.environ.get("DATABASE_URL") else DEFAULT_DATA_DIR.replace("sqlite", "pg")
    os.environ["KLYNGE_DATA_DIR"] = data_dir or os.environ.get("KLYNGE_DATA_DIR") or default
    Path(os.environ["KLYNGE_DATA_DIR"]).mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "klynge.settings")
    os.environ.setdefault("ALLOWED_HOSTS", "*")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)  # first: a data set from older code may lack tables a flush touches
    if rebuild:
        call_command("flush", interactive=False, verbosity=0)
    return ensure_dataset(clusters)


def ensure_dataset(clusters: int | None = None):
    """Builds the data set unless it is there; returns its facts (stored beside the data)."""
    import json

    from django.conf import settings
    from django.core.management import call_command

    from bench.dataset import Facts, Scale, build
    from klynge.meetings.models import Meeting

    marker = Path(settings.MEDIA_ROOT) / "bench-facts.json"
    if Meeting.objects.exists() and marker.exists():
        return Facts(**json.loads(marker.read_text()))
    began = time.perf_counter()
    facts = build(Scale(clusters=clusters) if clusters else Scale())
    print(f"Built the data set in {time.perf_counter() - began:.0f} s: {facts.counts}", flush=True)
    began = time.perf_counter()
    call_command("search", "reindex", verbosity=0)  # bulk_create sends no signals: search and matters ?q= need it
    print(f"klynge search reindex in {time.perf_counter() - began:.0f} s", flush=True)
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text(json.dumps(facts.__dict__))
    return facts


class SqlRecorder:
    """Records every query a request runs (SQL and parameters), to replay them raw afterwards."""

    def __init__(self):
        self.queries = []

    def __call__(self, execute, sql, params, many, context):
        self.queries.append((sql, params, many))
        return execute(sql, params, many, context)


def raw_sql_ms(queries) -> float:
    """The time the database takes for these queries on their own: execute and fetch every row,
    through the same connection, without Django building models or rendering anything."""
    from django.db import connection

    began = time.perf_counter()
    with connection.cursor() as cursor:
        for sql, params, many in queries:
            if many or not sql.lstrip().upper().startswith(("SELECT", "WITH")):
                continue  # reads only (a page runs no writes; sessions may)
            cursor.execute(sql, params)
            cursor.fetchall()
    return (time.perf_counter() - began) * 1000


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def measure(client, path, repeat):
    from django.db import connection

    client.get(path)  # warm up (templates, session)
    totals, sqls, cpus, count = [], [], [], 0
    for _ in range(repeat):
        recorder = SqlRecorder()
        with connection.execute_wrapper(recorder):
            began, began_cpu = time.perf_counter(), time.process_time()
            response = client.get(path)
            totals.append((time.perf_counter() - began) * 1000)
            cpus.append((time.process_time() - began_cpu) * 1000)
        assert response.status_code == 200, (path, response.status_code)
        sqls.append(raw_sql_ms(recorder.queries))
        count = len(recorder.queries)
    return statistics.median(totals), percentile(totals, 95), statistics.median(sqls), statistics.median(cpus), count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--only", default="")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--clusters", type=int, help="build only this many clusters (default: all 21)")
    args = parser.parse_args()
    facts = setup_django(rebuild=args.rebuild, clusters=args.clusters)
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    import klynge.wsgi  # noqa: F401 - as in a web worker: the application loaded, then gc.freeze()
    from bench.dataset import pages

    anonymous, secretariat = Client(), Client()
    secretariat.force_login(get_user_model().objects.get(username=facts.secretariat_username))
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}; DEBUG={settings.DEBUG}; "
          f"repeat {args.repeat}; {facts.counts}")
    print(f"{'page':<32}{'user':<13}{'p50 ms':>8}{'p95 ms':>8}{'SQL ms':>8}{'x SQL':>7}{'CPU ms':>8}{'queries':>8}")
    worst = 0.0
    for label, path in pages(facts):
        if args.only and args.only not in label:
            continue
        for who, client in (("public", anonymous), ("secretariat", secretariat)):
            p50, p95, sql, cpu, queries = measure(client, path, args.repeat)
            worst = max(worst, p95)
            print(f"{label:<32}{who:<13}{p50:>8.1f}{p95:>8.1f}{sql:>8.1f}{p50 / max(sql, 0.001):>7.1f}"
                  f"{cpu:>8.1f}{queries:>8}", flush=True)
    print(f"worst p95: {worst:.1f} ms (target < 100 ms)")


if __name__ == "__main__":
    main()
