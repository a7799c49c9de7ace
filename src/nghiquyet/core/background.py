"""Background work on Django's Tasks framework: queued once, run with progress, retried a little.

The framework (the ``django-tasks`` backport until Django 6 brings ``django.tasks``)
stores and runs tasks: in the database for one office (``nghiquyet db_worker``), on
Redis for several worker machines (``nghiquyet rqworker``), at once in tests. What it
leaves to the project is what the pages need, and that is kept here in a `Job` row:

- **once**: a job names its work by a key; asking again while one of that key waits
  or runs returns it (a double click queues one generation, not two);
- **after the commit**: the task is sent once the request's transaction commits, so a
  worker never looks for a row that is not there yet, nor runs work that was rolled back;
- **progress and failure** for the page to poll, in the language of the person who
  asked, and the record of the run once the framework's own result is pruned;
- **bounded retries**: an unexpected error (a worker killed, a database briefly away)
  is tried again up to ``JOBS_MAX_ATTEMPTS`` times; a refusal (``ValidationError``,
  ``PermissionDenied``) is final, since running it again would only refuse again.

Each app defines its tasks in ``<app>/jobs.py`` with ``django_tasks.task``; a task
receives the job's id and hands :func:`job_run` the function that calls the app's
service. Rights are checked when the job is asked for and again by the service when it
runs: the person may have lost them in between.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from nghiquyet.core.models import Job

logger = logging.getLogger(__name__)

#: Tells the page how far the work is: ``progress(percent, step)``.
Progress = Callable[[int, str], None]
#: The work of one job: calls a service, returns what the page shows once it is done.
Work = Callable[[Job, Progress], dict[str, Any] | None]

#: Seconds before a retry, times the attempts made, where the backend can wait.
RETRY_DELAY = 10


def job_enqueue(
    *,
    task: Any,
    kind: str,
    key: str,
    user: Any = None,
    title: str = "",
    province: Any = None,
    agency: Any = None,
    object_id: int | None = None,
    params: dict[str, Any] | None = None,
    file: File | None = None,
) -> Job:
    """The job doing this work: the one waiting or running under ``key``, or a new one.

    A new job's task is enqueued when the surrounding transaction commits.
    """
    existing = _unfinished(key)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            job = Job.objects.create(
                kind=kind,
                key=key,
                title=title[:300],
                province=province,
                agency=agency,
                object_id=object_id,
                params=params or {},
                file=file,
                language=get_language() or settings.LANGUAGE_CODE,
                created_by=user if user is not None and user.is_authenticated else None,
                step=_("Waiting for a worker"),
            )
    except IntegrityError:
        # Another request created the job between our look and our insert.
        existing = _unfinished(key)
        if existing is None:
            raise
        return existing
    transaction.on_commit(lambda: _send(task, job.pk))
    # Outside a transaction the task was sent at once, and an immediate backend ran it.
    job.refresh_from_db()
    return job


def _unfinished(key: str) -> Job | None:
    return Job.objects.filter(key=key, status__in=Job.UNFINISHED).first()


def _send(task: Any, job_id: int, *, delay: int = 0) -> None:
    """Hand the job to the task backend; a queue out of reach fails the job visibly."""
    if delay and task.get_backend().supports_defer:
        task = task.using(run_after=timezone.now() + dt.timedelta(seconds=delay))
    try:
        result = task.enqueue(job_id=job_id)
    except Exception:
        logger.exception("job %s could not be queued", job_id)
        _finish(
            job_id,
            Job.Status.FAILED,
            error=_("The background queue could not be reached. Try again later."),
        )
        return
    Job.objects.filter(pk=job_id).update(task_result_id=str(result.id))


def job_run(*, job_id: int, work: Work, task: Any) -> None:
    """Run one job's work, recording progress and how it ended; never raises.

    A job that is already running or finished is left alone: a task delivered twice
    does its work once.
    """
    claimed = Job.objects.filter(pk=job_id, status=Job.Status.READY).update(
        status=Job.Status.RUNNING, attempts=F("attempts") + 1, error=""
    )
    if not claimed:
        return
    job = Job.objects.select_related("created_by").get(pk=job_id)

    def progress(percent: int, step: str) -> None:
        Job.objects.filter(pk=job_id).update(progress=max(0, min(percent, 99)), step=step)

    with translation.override(job.language or settings.LANGUAGE_CODE):
        progress(1, _("Started"))
        try:
            outcome = work(job, progress)
        except (ValidationError, PermissionDenied) as exc:
            _finish(job_id, Job.Status.FAILED, error=refusal_text(exc))
        except Exception as exc:
            logger.exception("job %s (%s) failed on attempt %s", job_id, job.kind, job.attempts)
            if job.attempts < settings.JOBS_MAX_ATTEMPTS:
                Job.objects.filter(pk=job_id).update(
                    status=Job.Status.READY,
                    step=_("An error occurred; trying again (attempt %(next)s of %(max)s).")
                    % {"next": job.attempts + 1, "max": settings.JOBS_MAX_ATTEMPTS},
                    error=str(exc) or type(exc).__name__,
                )
                _send(task, job_id, delay=RETRY_DELAY * job.attempts)
            else:
                _finish(
                    job_id,
                    Job.Status.FAILED,
                    error=_("The work failed %(count)s times: %(error)s")
                    % {"count": job.attempts, "error": str(exc) or type(exc).__name__},
                )
        else:
            _finish(job_id, Job.Status.SUCCESSFUL, outcome=outcome or {})


def refusal_text(exc: ValidationError | PermissionDenied) -> str:
    """A refusal as the sentences the page shows."""
    if isinstance(exc, PermissionDenied):
        return _("You are not (or no longer) allowed to do this.")
    return "\n".join(exc.messages)


def _finish(job_id: int, status: str, *, error: str = "", outcome: dict | None = None) -> None:
    done = status == Job.Status.SUCCESSFUL
    Job.objects.filter(pk=job_id).update(
        status=status,
        error=error,
        outcome=outcome or {},
        progress=100 if done else F("progress"),
        step=_("Done") if done else _("Failed"),
        finished_at=timezone.now(),
    )


def job_latest(*, key: str) -> Job | None:
    """The newest job of that work, finished or not."""
    return Job.objects.filter(key=key).first()
