"""/sundhed/ for load balancers, request ids and JSON logs (issue 15, point 5)."""

import io
import json
import logging
import os
import subprocess
import sys

import pytest
from django.db import OperationalError
from django.test import Client

from klynge.core import health as health_module
from klynge.core.logs import JsonFormatter, RequestIdFilter, incoming_id

pytestmark = pytest.mark.django_db


def test_health_answers_200_with_every_check_as_json_and_is_never_cached(client):
    response = client.get("/sundhed/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "migrations", "media"}
    assert all(check["ok"] for check in body["checks"].values())
    assert body["checks"]["migrations"]["pending"] == 0


def test_health_answers_a_load_balancer_that_asks_by_ip_address_over_plain_http(settings):
    settings.ALLOWED_HOSTS = ["klynge.example.dk"]
    settings.SECURE_SSL_REDIRECT = True
    response = Client().get("/sundhed/", HTTP_HOST="10.0.3.7:8000")
    assert response.status_code == 200
    # Any other page still refuses the unknown host.
    assert Client().get("/", HTTP_HOST="10.0.3.7:8000").status_code == 400


def test_health_answers_head_and_refuses_writes(client):
    head = client.head("/sundhed/")
    assert head.status_code == 200 and head.content == b""
    assert client.post("/sundhed/").status_code == 405
    assert Client(enforce_csrf_checks=True).post("/sundhed/").status_code == 403


def test_health_tells_no_secrets(client, settings):
    text = client.get("/sundhed/").content.decode()
    for secret in (settings.SECRET_KEY, str(settings.MEDIA_ROOT), str(settings.DATA_DIR),
                   str(settings.DATABASES["default"]["NAME"])):
        assert secret not in text


def test_health_is_cheap_two_queries_at_most(client, django_assert_max_num_queries):
    client.get("/sundhed/")  # the first call reads the migration files once per process
    with django_assert_max_num_queries(2):
        assert client.get("/sundhed/").status_code == 200


def test_health_answers_503_when_the_database_cannot_be_reached(client, monkeypatch):
    def broken():
        raise OperationalError("could not connect to server: secret-host.internal")

    monkeypatch.setattr(health_module.connection, "cursor", broken)
    response = client.get("/sundhed/")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fejl"
    assert body["checks"]["database"] == {"ok": False}
    assert body["checks"]["migrations"]["ok"] is False
    assert "secret-host" not in response.content.decode()


def test_health_answers_503_when_a_migration_is_not_applied(client, monkeypatch):
    on_disk = health_module._migrations_on_disk()
    monkeypatch.setattr(health_module, "_migrations_on_disk", lambda: on_disk | {("meetings", "9999_new")})
    response = client.get("/sundhed/")
    assert response.status_code == 503
    assert response.json()["checks"]["migrations"] == {"ok": False, "pending": 1}


def test_health_answers_503_when_media_disk_space_runs_low(client, settings):
    settings.KLYNGE_HEALTH_MIN_FREE_MB = 10**12
    response = client.get("/sundhed/")
    assert response.status_code == 503
    media = response.json()["checks"]["media"]
    assert media["ok"] is False and media["free_mb"] < media["min_free_mb"]


def test_health_answers_503_when_media_cannot_be_written(client, monkeypatch):
    monkeypatch.setattr(health_module.os, "access", lambda path, mode: False)
    response = client.get("/sundhed/")
    assert response.status_code == 503
    assert response.json()["checks"]["media"]["writable"] is False


# --- request ids and structured logs -------------------------------------------------------------

def test_request_id_is_taken_from_x_request_id_or_made_and_is_answered(client):
    assert client.get("/sundhed/", HTTP_X_REQUEST_ID="lb-4711.abc")["X-Request-ID"] == "lb-4711.abc"
    made = client.get("/sundhed/", HTTP_X_REQUEST_ID="<script>")["X-Request-ID"]
    assert made != "<script>" and len(made) == 32
    assert incoming_id("x" * 129) != "x" * 129


@pytest.fixture
def json_log():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    root.removeHandler(handler)


def test_every_log_line_of_a_request_carries_its_request_id(client, settings, json_log):
    settings.KLYNGE_ACCESS_LOG = True
    client.get("/findes-ikke/?q=hemmeligt-soegeord", HTTP_X_REQUEST_ID="req-42")
    lines = json_log()
    mine = [line for line in lines if line["request_id"] == "req-42"]
    assert {line["logger"] for line in mine} >= {"django.request", "klynge.request"}
    access = next(line for line in mine if line["logger"] == "klynge.request")
    assert access["status"] == 404 and access["path"] == "/findes-ikke/" and access["duration_ms"] >= 0
    for line in mine:
        assert {"time", "level", "logger", "message", "request_id"} <= set(line)
        assert line["time"].endswith("Z")
    assert "hemmeligt-soegeord" not in json.dumps(lines)


def test_json_formatter_writes_the_exception_with_its_traceback():
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.getLogger("klynge.test").makeRecord(
            "klynge.test", logging.ERROR, __file__, 1, "it failed", (), sys.exc_info())
    RequestIdFilter().filter(record)
    entry = json.loads(JsonFormatter().format(record))
    assert entry["level"] == "ERROR" and entry["message"] == "it failed" and entry["request_id"] is None
    assert "ValueError: boom" in entry["exception"]


def test_log_format_json_makes_every_line_json(tmp_path):
    env = {**os.environ, "LOG_FORMAT": "json", "KLYNGE_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE":
           "klynge.settings", "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}"}
    code = "import django, logging; django.setup(); logging.getLogger('klynge.demo').warning('æøå %s', 1)"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)  # noqa: S603
    line = json.loads(done.stderr.strip().splitlines()[-1])
    assert line["message"] == "æøå 1" and line["logger"] == "klynge.demo" and line["level"] == "WARNING"
