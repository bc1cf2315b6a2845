"""Transactions only where something is written.

``AtomicWritesMiddleware`` runs the view of every request with a non-safe method (POST, PUT,
PATCH, DELETE) inside one ``transaction.atomic()``: everything the view writes is kept
together, and an exception leaves nothing half-written. Safe methods (GET, HEAD, OPTIONS,
TRACE) run in autocommit, so a page read never opens a transaction and, on SQLite, never
takes or waits for the write lock (with WAL it reads a snapshot while a writer works).

This replaces ``ATOMIC_REQUESTS``, which wrapped every request (GETs too) and so, with
SQLite's ``transaction_mode: IMMEDIATE``, serialised all requests on the write lock. Write
transactions keep IMMEDIATE: they take the lock when they begin, so two writers queue
instead of failing with a deadlock on lock upgrade.

A view that writes on a GET is a bug (it would write outside any transaction): the view of
a safe request runs under a database hook that sees every statement. With the setting
``KLYNGE_WRITES_ON_READ = "refuse"`` (the tests) a write raises ``WriteOnRead``; by default it
is logged as an error with the path. A write outside a request (a job, a command) opens its
own ``transaction.atomic()``.
"""

from __future__ import annotations

import logging
import re

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
WRITE_SQL = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)

log = logging.getLogger(__name__)


class WriteOnRead(Exception):
    """A view answering a safe request (GET, HEAD, ...) tried to write to the database."""


class _ReadOnlyGuard:
    def __init__(self, path: str, refuse: bool):
        self.path = path
        self.refuse = refuse

    def __call__(self, execute, sql, params, many, context):
        if WRITE_SQL.match(sql or ""):
            if self.refuse:
                raise WriteOnRead(f"{self.path}: a read request wrote to the database: {sql[:120]}")
            log.error("A read request wrote to the database (%s): %s", self.path, sql[:200])
        return execute(sql, params, many, context)


def is_write_request(request) -> bool:
    return request.method not in SAFE_METHODS


class AtomicWritesMiddleware:
    """Place after every middleware with a process_view: the view of a write request runs in one
    transaction (and no later process_view would run).

    Because the view is called here, in process_view, Django would not hand its exceptions to the
    middlewares' ``process_exception`` (it does so only for views it calls itself). So this does it,
    in Django's order (the last middleware first), after the transaction has been rolled back: a
    stale save still becomes the Danish 409 page and a refused CPR number the Danish 400 page.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self._exception_handlers = _exception_handlers()

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        try:
            return self._run_view(request, view_func, view_args, view_kwargs)
        except Exception as exception:
            for handler in self._exception_handlers:
                response = handler(request, exception)
                if response is not None:
                    return response
            raise

    def _run_view(self, request, view_func, view_args, view_kwargs):
        if not is_write_request(request):
            guard = _ReadOnlyGuard(request.path, getattr(settings, "KLYNGE_WRITES_ON_READ", "log") == "refuse")
            with connections[DEFAULT_DB_ALIAS].execute_wrapper(guard):
                return view_func(request, *view_args, **view_kwargs)
        if DEFAULT_DB_ALIAS in getattr(view_func, "_non_atomic_requests", set()):
            return None  # Django calls the view itself, outside any transaction
        # The view's exceptions propagate out of the block (rolling it back) to the middlewares'
        # process_exception (above), then to Django's handlers (the Danish 400/403/404/500 pages).
        with transaction.atomic(using=DEFAULT_DB_ALIAS):
            return view_func(request, *view_args, **view_kwargs)


def _exception_handlers():
    """The ``process_exception`` of every other middleware in settings, last first (Django's order)."""
    from django.utils.module_loading import import_string

    handlers = []
    for path in reversed(settings.MIDDLEWARE):
        middleware = import_string(path)
        if middleware is AtomicWritesMiddleware or not hasattr(middleware, "process_exception"):
            continue
        handlers.append(middleware(lambda request: None).process_exception)
    return handlers
