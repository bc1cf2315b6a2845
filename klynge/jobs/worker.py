"""Running the queue: a worker process in production, a thread under `klynge serve`, once in tests.

The queue is django-tasks' database backend; this wraps its worker with our defaults.
"""

from __future__ import annotations

import threading

from django.utils.crypto import get_random_string

# Jobs that book their own next run (the daily reminders): an app registers a function that queues its
# job unless one is waiting, and every worker calls them when it starts (see schedule_periodic_jobs).
_PERIODIC: list = []


def register_periodic(ensure) -> None:
    """``ensure()`` queues a self-rescheduling job unless one is already waiting (an AppConfig.ready calls this)."""
    if ensure not in _PERIODIC:
        _PERIODIC.append(ensure)


def schedule_periodic_jobs() -> None:
    """Make sure each registered periodic job is queued; a failure is logged, never stops the worker."""
    import logging

    for ensure in _PERIODIC:
        try:
            ensure()
        except Exception:  # noqa: BLE001 - e.g. the database not migrated yet
            logging.getLogger(__name__).exception("Kunne ikke sætte et fast job i kø")


def make_worker(*, batch: bool, interval: float = 1.0, worker_id: str | None = None):
    from django_tasks_db.management.commands.db_worker import Worker

    return Worker(queue_names=["*"], interval=interval, batch=batch, backend_name="default", startup_delay=False,
                  max_tasks=None, worker_id=worker_id or get_random_string(32), excluded_queue_names=[])


def run_pending_jobs() -> int:
    """Run every job waiting in the queue, then return how many ran (tests, `klynge worker --batch`).

    The worker's own loop, claim and run, without its connection housekeeping (which would
    close a connection that is inside a transaction, as a test's is)."""
    from django_tasks_db.models import DBTaskResult
    from django_tasks_db.utils import exclusive_transaction

    worker = make_worker(batch=True, interval=0)
    count = 0
    while True:
        with exclusive_transaction():
            result = DBTaskResult.objects.ready().filter(backend_name="default").get_locked()
            if result is not None:
                result.claim(worker.worker_id)
        if result is None:
            return count
        worker.run_task(result)
        count += 1


def start_worker_thread(interval: float = 1.0) -> threading.Thread:
    """A daemon thread that works the queue beside the development server (`klynge serve`)."""
    schedule_periodic_jobs()
    worker = make_worker(batch=False, interval=interval, worker_id="serve-" + get_random_string(8))
    thread = threading.Thread(target=worker.run, name="klynge-worker", daemon=True)
    thread.start()
    return thread
