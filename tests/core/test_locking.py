"""Readers are never locked out by writers: a GET takes no write lock and waits for no writer;
a write request runs in one transaction, all or nothing."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory

from klynge.core.transactions import AtomicWritesMiddleware, WriteOnRead
from klynge.meetings.choices import MeetingStatus
from klynge.organisation.choices import OrganisationKind
from klynge.organisation.models import Organisation
from tests.meetings.factories import make_item, make_meeting

PROBE = Path(__file__).with_name("locking_probe.py")
ROOT = Path(__file__).resolve().parents[2]


def _url_of_this_database(tmp_path) -> str:
    """A DATABASE_URL another process can open: on SQLite a file copy of the (in-memory) test
    database, with its committed rows; on PostgreSQL the test database itself."""
    if connection.vendor == "sqlite":
        path = tmp_path / "klynge.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.close()
        return f"sqlite:///{path}"
    s = connection.settings_dict
    auth = quote(s["USER"] or "") + (":" + quote(s["PASSWORD"]) if s.get("PASSWORD") else "")
    return f"postgres://{auth}@{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{s['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_a_public_meeting_page_answers_at_once_while_another_connection_holds_a_write_transaction(
        structure, tmp_path):
    meeting = make_meeting(structure.political, status=MeetingStatus.AGENDA_PUBLISHED)
    make_item(meeting, title="Fælles plan for hjemmebehandling")
    env = {**os.environ, "DATABASE_URL": _url_of_this_database(tmp_path), "KLYNGE_DATA_DIR": str(tmp_path / "data"),
           "DEBUG": "false", "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, str(PROBE), meeting.get_absolute_url(), str(structure.political.pk)],
                         env=env, cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["writer_errors"] == []
    assert result["status"] == 200, result["excerpt"]
    assert not result["locked"]
    assert not result["sees_uncommitted"]  # it read the last committed state, not the writer's
    # a reader that waited for the lock would take the whole busy timeout (20 s) and then fail
    assert result["seconds"] < settings.DATABASES["default"].get("OPTIONS", {}).get("timeout", 20) / 4


def test_requests_are_not_atomic_as_a_whole_and_writes_are_wrapped_by_the_last_middleware_with_a_process_view():
    assert settings.DATABASES["default"]["ATOMIC_REQUESTS"] is False
    from django.utils.module_loading import import_string

    index = settings.MIDDLEWARE.index("klynge.core.transactions.AtomicWritesMiddleware")
    # its process_view runs the view: no middleware after it may have a process_view of its own
    assert not any(hasattr(import_string(path), "process_view") for path in settings.MIDDLEWARE[index + 1:])


def _through_middleware(method: str, view):
    request = RequestFactory().generic(method, "/")
    middleware = AtomicWritesMiddleware(lambda r: HttpResponse())
    return middleware.process_view(request, view, (), {}) or view(request)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("method", ["GET", "HEAD", "OPTIONS"])
def test_a_read_runs_in_autocommit_without_a_transaction(method):
    seen = {}

    def view(request):
        seen["atomic"] = connection.in_atomic_block
        return HttpResponse()

    _through_middleware(method, view)
    assert seen == {"atomic": False}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_a_write_request_runs_in_one_transaction(method):
    seen = {}

    def view(request):
        seen["atomic"] = connection.in_atomic_block
        return HttpResponse()

    _through_middleware(method, view)
    assert seen == {"atomic": True}


@pytest.mark.django_db(transaction=True)
def test_a_write_request_that_fails_halfway_leaves_nothing_behind():
    def view(request):
        Organisation.objects.create(name="Halvt skrevet", kind=OrganisationKind.MUNICIPALITY)
        raise RuntimeError("fejl midt i")

    with pytest.raises(RuntimeError):
        _through_middleware("POST", view)
    assert not Organisation.objects.filter(name="Halvt skrevet").exists()


@pytest.mark.django_db(transaction=True)
def test_a_view_that_writes_on_a_get_is_refused_under_test_and_logged_in_production(settings, caplog):
    def view(request):
        Organisation.objects.create(name="Skrevet ved læsning", kind=OrganisationKind.MUNICIPALITY)
        return HttpResponse()

    with pytest.raises(WriteOnRead):
        _through_middleware("GET", view)
    assert not Organisation.objects.filter(name="Skrevet ved læsning").exists()
    settings.KLYNGE_WRITES_ON_READ = "log"
    _through_middleware("GET", view)
    assert "A read request wrote to the database (/)" in caplog.text
