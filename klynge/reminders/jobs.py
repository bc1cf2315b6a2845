"""The daily reminder job on the background queue (django-tasks, ``klynge.jobs``).

No cron is needed: whichever worker starts (``klynge serve``'s thread under ``make run``, or
``klynge worker`` beside gunicorn in production) calls ``ensure_scheduled()``, which queues the job
unless one is already waiting; each run queues the next for the following morning at ``HOUR``.
``klynge reminders send`` does the same work by hand or from cron; reminders are sent once per person
whoever runs them (``SentReminder``).
"""

from __future__ import annotations

import datetime
import logging

from django.utils import timezone
from django_tasks import default_task_backend, task

log = logging.getLogger(__name__)

HOUR = 7  # local time of the daily run


def next_run(now: datetime.datetime | None = None) -> datetime.datetime:
    """The next HOUR:00 local time after ``now``."""
    now = timezone.localtime(now or timezone.now())
    run = now.replace(hour=HOUR, minute=0, second=0, microsecond=0)
    return run if run > now else run + datetime.timedelta(days=1)


@task()
def send_reminders_job() -> dict:
    from .sending import send_due_reminders

    counts = send_due_reminders()
    if default_task_backend.supports_defer:
        send_reminders_job.using(run_after=next_run()).enqueue()
    return counts


def ensure_scheduled() -> bool:
    """Queue the reminder job to run now unless one is already waiting (True when queued).

    Only with the database queue: the immediate backend of the tests would send at worker start."""
    if not default_task_backend.supports_defer:
        return False
    from django_tasks_db.models import DBTaskResult

    path = send_reminders_job.module_path
    waiting = DBTaskResult.objects.filter(task_path=path, status__in=["READY", "RUNNING"]).exists()
    if waiting:
        return False
    send_reminders_job.enqueue()
    log.info("Påmindelsesjobbet er sat i kø.")
    return True
