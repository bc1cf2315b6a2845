"""cProfile one page of the national data set as a persona; prints the functions that cost the most.

Uses the data set bench/pages.py built (same KLYNGE_DATA_DIR / DATABASE_URL), renders the page once to
warm up, then N times under cProfile, and prints the top functions by own time and by cumulative time,
with the CPU ms per request (time.process_time), the Python function calls per request (a count: it does
not depend on the machine's load, unlike any timing) and the query count.

    KLYNGE_DATA_DIR=/tmp/klynge-bench-sqlite .venv/bin/python bench/profile_page.py "meeting, 60 items"
    .venv/bin/python bench/profile_page.py /moeder/123/ --user secretariat --repeat 20 --top 40

The page is a label of bench/dataset.py's pages() (or a word in one) or a path starting with "/".
--user public|secretariat (default secretariat), --sort tottime|cumulative (default both), --callers
REGEX (who calls the functions matching it, e.g. "_clone").
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page")
    parser.add_argument("--user", choices=["public", "secretariat"], default="secretariat")
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--top", type=int, default=30, help="0: only the summary line")
    parser.add_argument("--sort", choices=["tottime", "cumulative", "both"], default="both")
    parser.add_argument("--callers", default="", help="also print who calls functions matching this")
    args = parser.parse_args()
    from bench.pages import setup_django

    facts = setup_django()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    import klynge.wsgi  # noqa: F401 - set up like a web worker
    from bench.dataset import pages

    path = args.page
    if not path.startswith("/"):
        matches = [p for label, p in pages(facts) if label == args.page] or \
                  [p for label, p in pages(facts) if args.page in label]
        if not matches:
            sys.exit(f"no page labelled {args.page!r}; labels: {[label for label, _ in pages(facts)]}")
        path = matches[0]
    client = Client()
    if args.user == "secretariat":
        client.force_login(get_user_model().objects.get(username=facts.secretariat_username))
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    queries = []
    with connection.execute_wrapper(lambda execute, sql, *rest: queries.append(sql) or execute(sql, *rest)):
        client.get(path)
    profile = cProfile.Profile(time.process_time)  # CPU time: what the neighbours do is not counted
    began = time.process_time()
    profile.enable()
    for _ in range(args.repeat):
        client.get(path)
    profile.disable()
    cpu = (time.process_time() - began) * 1000 / args.repeat
    calls = pstats.Stats(profile).total_calls / args.repeat  # the same on a busy machine as on a quiet one
    print(f"{path} as {args.user}: {cpu:.1f} CPU ms per request under the profiler, {calls:,.0f} Python function "
          f"calls per request, {len(queries)} queries, {len(response.content):,} bytes")
    for key in (["tottime", "cumulative"] if args.sort == "both" else [args.sort]) if args.top else []:
        out = io.StringIO()
        pstats.Stats(profile, stream=out).strip_dirs().sort_stats(key).print_stats(args.top)
        print(f"--- by {key} ---")
        print(out.getvalue().split("\n", 5)[-1] if "function calls" in out.getvalue() else out.getvalue())
    if args.callers:
        out = io.StringIO()
        pstats.Stats(profile, stream=out).strip_dirs().sort_stats("tottime").print_callers(args.callers)
        print(out.getvalue())


if __name__ == "__main__":
    main()
