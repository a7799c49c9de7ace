"""Generating a report in the background, with progress the page can show.

No task queue for one kind of job: a `ReportJob` row is the queue. The setting
``REPORT_JOBS`` chooses how a queued job runs:

- ``"thread"`` (default): a daemon thread starts once the request's transaction
  commits; a job a restart interrupted is picked up by ``nghiquyet run_jobs``;
- ``"queue"``: jobs wait for ``nghiquyet run_jobs`` (a cron line or a systemd timer);
- ``"eager"``: the job runs inside the call, as tests need.

A job only calls the `report_generate` service, as the style guide asks of jobs.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import close_old_connections, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nghiquyet.orgs.access import Action, can
from nghiquyet.reports.models import Report, ReportJob
from nghiquyet.reports.services import report_generate

logger = logging.getLogger(__name__)


def jobs_mode() -> str:
    mode = getattr(settings, "REPORT_JOBS", "thread")
    if mode not in ("thread", "queue", "eager"):
        raise ValueError(f"REPORT_JOBS must be thread, queue or eager, not {mode!r}")
    return mode


@transaction.atomic
def report_job_start(*, user: Any, report: Report, language: str = "") -> ReportJob:
    """Queue a generation of `report` and start it the way the settings say.

    `language` names the draft's file; a job left to ``run_jobs`` names it in the
    site's default language, since a queued job keeps no more than its report.
    """
    if not can(user, Action.CHANGE, report):
        raise PermissionDenied
    job = ReportJob.objects.create(
        report=report,
        created_by=user if user.is_authenticated else None,
        step=_("Waiting to start"),
    )
    mode = jobs_mode()
    if mode == "eager":
        report_job_run(job_id=job.pk, language=language)
        job.refresh_from_db()
    elif mode == "thread":
        transaction.on_commit(lambda: _start_thread(job.pk, language))
    return job


def report_job_run(*, job_id: int, language: str = "") -> ReportJob:
    """Run one queued job to the end, recording each step; a failure is recorded, not raised."""
    claimed = ReportJob.objects.filter(pk=job_id, status=ReportJob.Status.QUEUED).update(
        status=ReportJob.Status.RUNNING, progress=10, step=_("Collecting targets and tasks")
    )
    job = ReportJob.objects.select_related("report__body", "created_by").get(pk=job_id)
    if not claimed:
        return job
    try:
        _progress(job, 40, _("Writing the Word document"))
        version = report_generate(user=job.created_by, report=job.report, language=language)
    except ValidationError as exc:  # a refused template: the reason is for the author
        job.status, job.step = ReportJob.Status.FAILED, _("Failed")
        job.error = " ".join(exc.messages)
    except Exception as exc:  # the job records any failure for the page to show
        logger.exception("report job %s failed", job_id)
        job.status, job.step = ReportJob.Status.FAILED, _("Failed")
        job.error = str(exc) or type(exc).__name__
    else:
        job.status, job.version, job.step = ReportJob.Status.DONE, version, _("Done")
        job.progress = 100
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "error", "step", "version", "progress", "finished_at"])
    return job


def report_jobs_run_queued() -> int:
    """Run every queued job, oldest first (``nghiquyet run_jobs``); returns how many ran."""
    ran = 0
    for job_id in (
        ReportJob.objects.filter(status=ReportJob.Status.QUEUED)
        .order_by("pk")
        .values_list("pk", flat=True)
    ):
        report_job_run(job_id=job_id)
        ran += 1
    return ran


def _progress(job: ReportJob, percent: int, step: str) -> None:
    ReportJob.objects.filter(pk=job.pk).update(progress=percent, step=step)


def _start_thread(job_id: int, language: str) -> None:
    def run() -> None:
        try:
            report_job_run(job_id=job_id, language=language)
        finally:
            close_old_connections()

    threading.Thread(target=run, name=f"report-job-{job_id}", daemon=True).start()
