"""Reporting from inside a running job: short writes of their own, outside the job's own transaction."""

from __future__ import annotations

import logging

from django.utils import timezone

from .models import Job, JobStatus

log = logging.getLogger(__name__)


class Reporter:
    """Updates one Job row as the work goes. ``update`` is cheap to call often: it writes
    only when the percentage or the stage changes."""

    def __init__(self, job: Job):
        self.job = job
        self._last: tuple[int, str] | None = None

    def _save(self, **fields) -> None:
        for name, value in fields.items():
            setattr(self.job, name, value)
        # One UPDATE: in the worker it commits on its own at once (autocommit), so the
        # progress page sees it while the work goes on.
        Job.objects.filter(pk=self.job.pk).update(**fields)

    def start(self, stage: str = "") -> None:
        self._save(status=JobStatus.RUNNING, started=timezone.now(), stage=stage, progress=0)

    def update(self, fraction: float, stage: str) -> None:
        percent = max(0, min(99, int(fraction * 100)))
        if self._last == (percent, stage):
            return
        self._last = (percent, stage)
        self._save(progress=percent, stage=stage[:200])

    def succeed(self, message: str, result: dict) -> None:
        self._save(status=JobStatus.SUCCEEDED, finished=timezone.now(), progress=100, stage="",
                   message=message, result=result)

    def fail(self, message: str, result: dict | None = None) -> None:
        self._save(status=JobStatus.FAILED, finished=timezone.now(), stage="", message=message,
                   result=result if result is not None else self.job.result)
