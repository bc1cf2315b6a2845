"""Structured logs and request ids.

Every request gets an id when it starts (a ``request_started`` receiver, so even Django's own lines
written after the middleware has returned carry it; ``RequestIdMiddleware``, first in MIDDLEWARE,
puts it on the request and the response): the caller's ``X-Request-ID``
when it is a plain token (letters, digits, ``.-_:``, at most 128 characters; a proxy or load balancer
usually sets it), else a new random one. The id is answered in the ``X-Request-ID`` header and put on
every log record written while the request runs (``RequestIdFilter``), so one request's lines can be
found across web server, Klynge and proxy logs.

With ``LOG_FORMAT=json`` every line is one JSON object (``JsonFormatter``): ``time`` (UTC, ISO 8601),
``level``, ``logger``, ``message``, ``request_id``, and ``exception`` with the traceback when there is
one; records may add plain fields through ``extra=``. The middleware also writes one access line per
request (logger ``klynge.request``: method, path without the query string, status, duration) when
``KLYNGE_ACCESS_LOG`` is on (default: on with JSON logs). Nothing from headers, cookies, query strings
or bodies is logged.
"""

from __future__ import annotations

import contextvars
import datetime
import json
import logging
import re
import time
import uuid

from django.conf import settings
from django.core.signals import request_finished, request_started

_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("klynge_request_id", default=None)
VALID_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
HEADER = "X-Request-ID"
access_logger = logging.getLogger("klynge.request")

# Attributes every LogRecord has; anything else on a record came from ``extra=`` and is written out.
# ``request`` (Django's request logs) is left out: its text carries the query string, which may hold
# search words; the message already names the path.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "request_id", "request"}


def current_request_id() -> str | None:
    return _request_id.get()


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = _request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC)
                    .isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_") and key not in entry:
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def incoming_id(value: str | None) -> str:
    if value and VALID_ID.fullmatch(value):
        return value
    return uuid.uuid4().hex


def _started(sender, environ=None, scope=None, **kwargs):
    """Set at the very start of the request, so Django's own 4xx/5xx lines (written after the last
    middleware has returned) carry the id too; cleared when the response is finished."""
    header = None
    if environ is not None:
        header = environ.get("HTTP_X_REQUEST_ID")
    elif scope is not None:
        header = dict(scope.get("headers") or []).get(b"x-request-id", b"").decode("latin-1") or None
    _request_id.set(incoming_id(header))


def _finished(sender, **kwargs):
    _request_id.set(None)


request_started.connect(_started, dispatch_uid="klynge-request-id-start")
request_finished.connect(_finished, dispatch_uid="klynge-request-id-finish")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = _request_id.get()  # set by request_started from the same header
        if request_id is None:
            request_id = incoming_id(request.headers.get(HEADER))
            _request_id.set(request_id)
        request.request_id = request_id
        started = time.monotonic()
        response = self.get_response(request)
        response[HEADER] = request_id
        if getattr(settings, "KLYNGE_ACCESS_LOG", False):
            access_logger.info(
                "%s %s %s", request.method, request.path, response.status_code,
                extra={"method": request.method, "path": request.path, "status": response.status_code,
                       "duration_ms": round((time.monotonic() - started) * 1000, 1)},
            )
        return response
