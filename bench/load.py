"""Load: 50 users for 60 s against gunicorn on loopback, with a large import running (issue 16, 5-6).

Uses the national-scale data set of bench/pages.py (built there once, kept in its data directory;
PostgreSQL when DATABASE_URL is set), starts gunicorn on 127.0.0.1 (port 8102 unless --port), and
runs --users simulated users for --seconds. Each user waits a think time (0.5-2 s) between requests
and is either the public (reads of every kind of page, searches on /soeg/) or, one in ten, a
cluster's secretariat (logs in through the login form, reads, and closes follow-up tasks through
their edit form: GET the form, POST it with its CSRF token and version). With --import (default on)
a large import (the corpus' minutes, many copies) is queued as a background job after 10 s and a
`klynge worker` process runs it while the readers go on; the reads during the job are reported
apart.

It prints throughput, p50/p95/p99 and errors overall and per kind of request, the slowest read
during the import, and each gunicorn worker's peak RSS (sampled from /proc every 0.2 s).
No dependency beyond the standard library: one thread per user, urllib with a cookie jar each.

    .venv/bin/python bench/load.py [--users 50] [--seconds 60] [--workers 3] [--no-import]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/klynge_bench .venv/bin/python bench/load.py

Targets: zero errors, p95 < 300 ms; during the import no error and no read over 1 s; worker RSS < 300 MB.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
ROOT = Path(__file__).resolve().parents[1]
SEARCH_WORDS = ["sundhed", "ældre", "hjertestopberedskab", "genoptræning", "diabetes", "akutfunktion", "demens",
                "psykiatri", "udskrivelse", "rehabilitering"]
HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')
CORPUS = Path(os.environ.get("KLYNGE_CORPUS", "/work/shared/corpus"))


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else 0.0


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.rows = []  # (kind, started, ms, status)

    def add(self, kind, started, ms, status):
        with self.lock:
            self.rows.append((kind, started, ms, status))


class User:
    def __init__(self, base, recorder):
        self.base = base
        self.recorder = recorder
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar),
                                                  _NoRedirect())

    def request(self, kind, path, data=None):
        url = self.base + path
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(url, data=body, headers={"Referer": self.base + "/"})
        started = time.perf_counter()
        status, text = 0, ""
        try:
            with self.opener.open(req, timeout=30) as response:
                status, text = response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as exc:
            status = exc.code
            text = exc.read().decode("utf-8", "replace")
        except Exception:  # noqa: BLE001 - a refused or reset connection counts as an error
            status = 0
        self.recorder.add(kind, started, (time.perf_counter() - started) * 1000, status)
        return status, text

    def csrf(self):
        return next((c.value for c in self.jar if c.name == "csrftoken"), "")

    def form(self, kind, path, fields):
        """GET a form, then POST it with its hidden fields (CSRF token, version) and ``fields``."""
        status, text = self.request(kind + " (form)", path)
        if status != 200:
            return status
        data = dict(HIDDEN.findall(text))
        data.update(fields)
        status, _ = self.request(kind, path, data)
        return status


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None

    def http_error_302(self, req, fp, code, msg, headers):
        return fp

    http_error_301 = http_error_303 = http_error_307 = http_error_302


def run_user(user, reads, tasks, deadline, secretariat, credentials, rng):
    if secretariat:
        user.request("login (form)", "/log-ind/")
        user.request("login", "/log-ind/", {"csrfmiddlewaretoken": user.csrf(), **credentials})
    while time.perf_counter() < deadline:
        time.sleep(rng.uniform(0.5, 2.0))
        if time.perf_counter() >= deadline:
            break
        roll = rng.random()
        if secretariat and roll < 0.3 and tasks:
            pk = tasks.pop()
            user.form("write", f"/opgaver/{pk}/afslut/", {"status": "done", "closed_note": "Udført (belastningstest)."})
        elif roll < 0.15:
            user.request("search", "/soeg/?" + urllib.parse.urlencode({"q": rng.choice(SEARCH_WORDS)}))
        else:
            user.request("read", rng.choice(reads))


def cpu_seconds(pid) -> float:
    """A process's CPU seconds so far (user + system), 0 when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime


def rss_sampler(master_pid, peaks, stop, cpu=None):
    """Each worker's peak RSS (kB) into ``peaks``; its CPU seconds so far into ``cpu``."""
    while not stop.is_set():
        for child in _children(master_pid):
            try:
                status = Path(f"/proc/{child}/status").read_text()
            except OSError:
                continue
            kb = int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
            peaks[child] = max(peaks.get(child, 0), kb)
            if cpu is not None:
                cpu[child] = max(cpu.get(child, 0.0), cpu_seconds(child))
        stop.wait(0.2)


def _children(pid):
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def queue_import(username, copies):
    """Queues one import job of ``copies`` minutes files (the corpus, each copy made distinct)."""
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import transaction

    from klynge.importer.jobs import start_import

    files = sorted(CORPUS.glob("*.txt"))
    run = time.strftime("%Y-%m-%d %H:%M:%S")  # a rerun imports new files, not the same bytes again
    uploads = []
    for n in range(copies):
        source = files[n % len(files)]
        data = source.read_bytes() + f"\n\nKopi {n} ({run})\n".encode()  # new bytes each run: no dedup
        uploads.append(SimpleUploadedFile(f"{source.stem}-kopi-{n}.txt", data, content_type="text/plain"))
    user = get_user_model().objects.get(username=username)
    with transaction.atomic():
        return start_import(user, uploads, body=None, dry_run=False, accept_match=True).pk


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--port", type=int, default=8102)
    parser.add_argument("--no-import", action="store_true")
    parser.add_argument("--import-copies", type=int, default=6)
    parser.add_argument("--worker-nice", type=int, default=0,
                        help="run the import worker at this CPU niceness (deploy/systemd sets Nice= likewise)")
    args = parser.parse_args()

    from bench.pages import setup_django

    facts = setup_django()
    from django.conf import settings
    from django.db import connection

    from bench.dataset import PASSWORD, pages
    from klynge.meetings.choices import OPEN_TASK_STATUSES
    from klynge.meetings.models import Task
    from klynge.organisation import permissions
    from klynge.organisation.models import Body

    cluster = Body.objects.get(slug=facts.cluster_slug)
    tasks = list(Task.objects.filter(item__meeting__body_id__in=permissions.descendant_ids([cluster.pk]),
                                     status__in=OPEN_TASK_STATUSES).values_list("pk", flat=True)[:5000])
    random.Random(5).shuffle(tasks)
    reads = [p for label, p in pages(facts) if "many appearances" not in label] + [
        f"/moeder/{facts.meeting_pk}/", f"/organer/{facts.cluster_slug}/", "/personer/person-03-4/",
        "/organer/klynge-12-b2/", "/sager/?side=2"]
    connection.close()

    env = dict(os.environ, KLYNGE_DATA_DIR=os.environ["KLYNGE_DATA_DIR"], ALLOWED_HOSTS="127.0.0.1,localhost",
               DJANGO_SETTINGS_MODULE="klynge.settings")
    gunicorn = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "klynge.wsgi:application", "-b", f"127.0.0.1:{args.port}",
         "-w", str(args.workers), "--timeout", "60", "--log-level", "warning"], cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{args.port}"
    worker = None
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/", timeout=5).read()
                break
            except Exception:  # noqa: BLE001 - not up yet
                time.sleep(0.2)
        peaks, cpu, stop = {}, {}, threading.Event()
        threading.Thread(target=rss_sampler, args=(gunicorn.pid, peaks, stop, cpu), daemon=True).start()
        cpu_at_start = {child: cpu_seconds(child) for child in _children(gunicorn.pid)}
        recorder = Recorder()
        began = time.perf_counter()
        generator_cpu = time.process_time()
        deadline = began + args.seconds
        credentials = {"username": facts.secretariat_username, "password": PASSWORD}
        threads = []
        for n in range(args.users):
            user = User(base, recorder)
            t = threading.Thread(target=run_user, args=(user, reads, tasks, deadline, n % 10 == 0, credentials,
                                                       random.Random(n)), daemon=True)
            t.start()
            threads.append(t)
        import_window = None
        job_state = ""
        if not args.no_import:
            time.sleep(min(10, args.seconds / 4))
            job_pk = queue_import(facts.secretariat_username, args.import_copies)
            worker = subprocess.Popen(["nice", "-n", str(args.worker_nice), str(ROOT / ".venv/bin/klynge"), "worker",
                                       "--interval", "0.2"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
            from klynge.jobs.models import Job

            start = time.perf_counter()
            job = Job.objects.get(pk=job_pk)
            while job.status in ("queued", "running") and time.perf_counter() < deadline + 120:
                time.sleep(0.5)
                job = Job.objects.get(pk=job_pk)
            import_window = (start, time.perf_counter())
            job_state = f"{job.status} ({len((job.result or {}).get('files', []))} files)"
            connection.close()
        for t in threads:
            t.join()
        wall = min(time.perf_counter(), deadline) - began  # throughput over the load's own duration
    finally:
        stop_event = locals().get("stop")
        if stop_event:
            stop_event.set()
        for process in (worker, gunicorn):
            if process is None:
                continue
            process.terminate()
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:  # a worker stuck in a request: stop it hard
                process.kill()
                process.wait()

    rows = recorder.rows
    print(f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}; {args.users} users, "
          f"{args.seconds:.0f} s, gunicorn -w {args.workers}; think time 0.5-2 s; {facts.counts['items']} items")
    print(f"{'requests':<24}{'count':>7}{'req/s':>7}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}{'max ms':>8}{'errors':>7}")

    def line(label, subset):
        ms = [r[2] for r in subset]
        errors = sum(1 for r in subset if r[3] == 0 or r[3] >= 400)
        print(f"{label:<24}{len(subset):>7}{len(subset) / wall:>7.1f}{percentile(ms, 50):>8.0f}"
              f"{percentile(ms, 95):>8.0f}{percentile(ms, 99):>8.0f}{max(ms, default=0):>8.0f}{errors:>7}")

    line("all", rows)
    for kind in sorted({r[0] for r in rows}):
        line(kind, [r for r in rows if r[0] == kind])
    if import_window:
        during = [r for r in rows if import_window[0] <= r[1] <= import_window[1] and r[0] in ("read", "search")]
        line("reads during import", during)
        print(f"import job: {job_state}, ran {import_window[1] - import_window[0]:.1f} s; "
              f"reads over 1 s during it: {sum(1 for r in during if r[2] > 1000)}")
    worker_cpu = sum(cpu.values()) - sum(cpu_at_start.get(child, 0.0) for child in cpu)
    print(f"gunicorn workers' CPU: {worker_cpu:.1f} s for {len(rows)} requests = "
          f"{1000 * worker_cpu / max(len(rows), 1):.1f} ms per request (2 cores give at most "
          f"{2 * len(rows) / max(worker_cpu, 0.001):.0f} req/s); this load generator's own CPU: "
          f"{time.process_time() - generator_cpu:.1f} s")
    print("gunicorn worker peak RSS: " + ", ".join(f"{kb / 1024:.0f} MB" for kb in sorted(peaks.values()))
          + f" (max {max(peaks.values(), default=0) / 1024:.0f} MB)")
    statuses = statistics.multimode([r[3] for r in rows if r[3] == 0 or r[3] >= 400]) if any(
        r[3] == 0 or r[3] >= 400 for r in rows) else []
    if statuses:
        print(f"most common error status: {statuses}")


if __name__ == "__main__":
    main()
