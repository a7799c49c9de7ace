"""Generating a report's draft in the background, with progress the report page shows.

The task only calls the `report_generate` service, which checks again that the person
who asked may still change the report.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django_tasks import task

from nghiquyet.core.background import Progress, job_enqueue, job_latest, job_run
from nghiquyet.core.models import Job
from nghiquyet.orgs.access import Action, can
from nghiquyet.reports.models import Report
from nghiquyet.reports.services import report_generate

KIND = "report_generate"


def report_job_key(report: Report) -> str:
    return f"report:{report.pk}"


def report_job_start(*, user: Any, report: Report) -> Job:
    """Queue a generation of ``report``'s draft, or return the one already under way."""
    if not can(user, Action.CHANGE, report):
        raise PermissionDenied
    return job_enqueue(
        task=report_generate_task,
        kind=KIND,
        key=report_job_key(report),
        user=user,
        title=str(report),
        province=report.body.province,
        agency=report.body,
        object_id=report.pk,
    )


def report_latest_job(*, report: Report) -> Job | None:
    return job_latest(key=report_job_key(report))


def _generate(job: Job, progress: Progress) -> dict[str, Any]:
    progress(10, _("Collecting targets and tasks"))
    report = Report.objects.select_related("body__province").get(pk=job.object_id)
    progress(40, _("Writing the Word document"))
    version = report_generate(user=job.created_by, report=report)
    return {"version_id": version.pk, "version_number": version.number}


@task()
def report_generate_task(job_id: int) -> None:
    job_run(job_id=job_id, work=_generate, task=report_generate_task)
