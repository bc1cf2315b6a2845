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

A view that writes on a GET is a bug; a write outside a request (a job, a command) opens
its own ``transaction.atomic()``.
"""

from __future__ import annotations

from django.db import DEFAULT_DB_ALIAS, transaction

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


def is_write_request(request) -> bool:
    return request.method not in SAFE_METHODS


class AtomicWritesMiddleware:
    """Place last in MIDDLEWARE: the view of a write request runs in one transaction."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not is_write_request(request):
            return None
        if DEFAULT_DB_ALIAS in getattr(view_func, "_non_atomic_requests", set()):
            return None
        # The view's exceptions propagate out of the block (rolling it back) to Django's
        # handlers, which answer 400/403/404/500 with the Danish pages.
        with transaction.atomic(using=DEFAULT_DB_ALIAS):
            return view_func(request, *view_args, **view_kwargs)
