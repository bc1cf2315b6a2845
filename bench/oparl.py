"""Benchmark: an OParl client's walk over the demo data, cold (files not yet rendered) and warm.

    .venv/bin/python bench/oparl.py

Builds a throwaway SQLite database in a temporary directory (KLYNGE_DATA_DIR is set to it and
DATABASE_URL unset, so the project's own database is never touched), migrates it, runs `klynge demo`,
then walks /oparl/v1/ as an OParl client does (every URL in every answer, lists to their last page,
the file contents too) twice: first with an empty documents cache (each public Word/PDF file of a
meeting is rendered once), then again with the cache filled. Prints the number of requests, the
seconds of each walk, the slowest URL, and the SQL queries of one meetings list page.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections import deque
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
BASE = "http://testserver/oparl/v1/"


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
    call_command("demo", stdout=open(os.devnull, "w"))  # noqa: SIM115


def urls_in(node):
    if isinstance(node, dict):
        for value in node.values():
            yield from urls_in(value)
    elif isinstance(node, list):
        for value in node:
            yield from urls_in(value)
    elif isinstance(node, str) and node.startswith(BASE):
        yield node


def walk(client) -> tuple[int, float, tuple[float, str]]:
    seen, queue, slowest = set(), deque([BASE]), (0.0, "")
    started = time.perf_counter()
    while queue:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        t = time.perf_counter()
        response = client.get(url)
        slowest = max(slowest, (time.perf_counter() - t, url))
        assert response.status_code == 200, (url, response.status_code)
        if response["Content-Type"].startswith("application/json"):
            queue.extend(u for u in urls_in(json.loads(response.content)) if u not in seen)
    return len(seen), time.perf_counter() - started, slowest


def main() -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        setup_django(data_dir)
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        client = Client()
        for label in ("cold", "warm"):
            count, seconds, (slow, slow_url) = walk(client)
            print(f"{label}: {count} requests in {seconds:.1f} s; slowest {slow * 1000:.0f} ms {slow_url}")
        bodies = client.get(f"{BASE}bodies").json()["data"]
        meetings = max(bodies, key=lambda b: client.get(b["meeting"]).json()["pagination"]["totalElements"])
        with CaptureQueriesContext(connection) as queries:
            page = client.get(meetings["meeting"]).json()
        print(f"meetings list of {meetings['name']}: {len(page['data'])} meetings, {len(queries)} SQL queries (warm)")


if __name__ == "__main__":
    main()
