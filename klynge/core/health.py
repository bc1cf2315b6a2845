"""`/sundhed/`: a cheap health check for load balancers and monitoring.

Three checks, each answered without secrets (no host names, paths or exception texts; those go to the
log): the database answers ``SELECT 1``, every migration on disk is recorded as applied, and the media
directory has at least ``KLYNGE_HEALTH_MIN_FREE_MB`` free and can be written to. 200 when all hold,
503 when one fails, always JSON and never cached. It reads only: one query for the database, one for
the applied migrations (the migration files are read once per process), and a ``statvfs``.
"""

from __future__ import annotations

import logging
import os
import shutil
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _migrations_on_disk() -> frozenset[tuple[str, str]]:
    """The migrations the code expects: read from the files once per process (they change only
    with a deploy, which restarts the process)."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return frozenset(loader.graph.nodes)


def check_database() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any driver error means "not reachable" to a load balancer
        logger.exception("health: database check failed")
        return {"ok": False}
    return {"ok": True, "vendor": connection.vendor}


def check_migrations() -> dict:
    try:
        # One query (applied_migrations() would first list the tables).
        applied = set(MigrationRecorder(connection).migration_qs.values_list("app", "name"))
    except Exception:
        logger.exception("health: migration check failed")
        return {"ok": False}
    pending = len(_migrations_on_disk() - applied)
    return {"ok": pending == 0, "pending": pending}


def _existing(path: Path) -> Path:
    """MEDIA_ROOT before the first upload may not exist yet: its nearest existing parent decides."""
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def check_media() -> dict:
    minimum = settings.KLYNGE_HEALTH_MIN_FREE_MB
    try:
        where = _existing(Path(settings.MEDIA_ROOT))
        free_mb = shutil.disk_usage(where).free // (1024 * 1024)
        writable = os.access(where, os.W_OK)
    except OSError:
        logger.exception("health: media check failed")
        return {"ok": False}
    return {"ok": writable and free_mb >= minimum, "free_mb": free_mb, "min_free_mb": minimum,
            "writable": writable}


CHECKS = {"database": check_database, "migrations": check_migrations, "media": check_media}


def health_report() -> tuple[bool, dict]:
    results = {"database": check_database()}
    # Without a database the migration check cannot answer; say so instead of a second error.
    results["migrations"] = check_migrations() if results["database"]["ok"] else {"ok": False, "skipped": True}
    results["media"] = check_media()
    healthy = all(r["ok"] for r in results.values())
    return healthy, {"status": "ok" if healthy else "fejl", "checks": results}


@require_safe
@never_cache
def health(request):
    healthy, body = health_report()
    if not healthy:
        logger.warning("health: unhealthy", extra={"checks": {k: v["ok"] for k, v in body["checks"].items()}})
    return JsonResponse(body, status=200 if healthy else 503, json_dumps_params={"ensure_ascii": False})


class HealthCheckMiddleware:
    """Answers GET/HEAD ``/sundhed/`` before the rest of the stack.

    Load balancers and container health checks ask by IP address or an internal name that is not in
    ALLOWED_HOSTS, and over plain HTTP: Django's host check and the HTTPS redirect would turn them away.
    The answer names no host and holds nothing private, so it is given whatever the Host header, without
    sessions or authentication (which also keeps it cheap). Other methods go the normal way (CSRF, 405).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/sundhed/" and request.method in ("GET", "HEAD"):
            response = health(request)
            if request.method == "HEAD":
                response.content = b""
            return response
        return self.get_response(request)
