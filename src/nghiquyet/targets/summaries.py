"""Refreshing the per-province summary of stored verdicts (`ProvinceSummary`).

The national view reads the summary, never the verdicts of every target. Whenever a
document's stored verdicts change, :mod:`nghiquyet.targets.verdicts` asks, once the
transaction commits, for its province to be counted again in the background
(:func:`province_summary_refresh_start`, a task on the Tasks framework); each row keeps
the time it was counted so a page can say how fresh it is. The task lives here rather
than in ``jobs.py``: the verdicts' refresh, which every write service calls, needs it,
and ``jobs.py`` reaches back to those services.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from nghiquyet.core.background import Progress, job_enqueue, job_run
from nghiquyet.core.models import Job
from nghiquyet.targets.models import ProvinceSummary, Verdict, VerdictStatus

#: The count column of each verdict.
COLUMNS = {
    VerdictStatus.EXCEEDED: "exceeded",
    VerdictStatus.ACHIEVED: "achieved",
    VerdictStatus.NOT_ACHIEVED: "not_achieved",
    VerdictStatus.IN_PROGRESS: "in_progress",
    VerdictStatus.NO_DATA: "no_data",
}
KIND = "province_summary"
#: Jobs of one province that may be queued or running at once. A job already running
#: may have counted before the change that asks again, so a change that finds every
#: job of its province running queues one more; one waiting job covers every change.
SLOTS = 3


@transaction.atomic
def province_summaries_refresh(*, period: str | None = None, province: Any = None) -> int:
    """Count the stored verdicts of live targets per province for ``period`` (or every
    period), of ``province`` (or every province), and replace those summary rows with
    the counts; returns how many rows.

    Replaced in one transaction: a reader sees the old counts or the new, never a mix.
    """
    verdicts = Verdict.objects.filter(
        target__deleted_at__isnull=True,
        document__deleted_at__isnull=True,
        document__province__isnull=False,
    )
    stale = ProvinceSummary.objects.all()
    if period is not None:
        verdicts = verdicts.filter(period=period)
        stale = stale.filter(period=period)
    if province is not None:
        verdicts = verdicts.filter(document__province=province)
        stale = stale.filter(province=province)
    counts = (
        verdicts.order_by()
        .values("document__province_id", "period")
        .annotate(
            total=Count("pk"),
            **{column: Count("pk", filter=Q(status=status)) for status, column in COLUMNS.items()},
        )
    )
    now = timezone.now()
    rows = [
        ProvinceSummary(
            province_id=row["document__province_id"],
            period=row["period"],
            targets=row["total"],
            refreshed_at=now,
            **{column: row[column] for column in COLUMNS.values()},
        )
        for row in counts
    ]
    stale.delete()
    ProvinceSummary.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def province_summary_refresh_start(*, province_id: int) -> Job:
    """Queue the count of ``province_id``'s summary, unless a queued one will see the
    change anyway (it has not started yet).

    Called once the transaction that changed the verdicts has committed.
    """
    keys = [f"province-summary:{province_id}:{slot}" for slot in range(SLOTS)]
    unfinished = {
        job.key: job for job in Job.objects.filter(key__in=keys, status__in=Job.UNFINISHED)
    }
    waiting = [job for job in unfinished.values() if job.status == Job.Status.READY]
    if waiting:
        return waiting[0]
    free = next((key for key in keys if key not in unfinished), keys[-1])
    return job_enqueue(
        task=province_summary_refresh_task,
        kind=KIND,
        key=free,
        title=_("Counting the targets met in a province again"),
        params={"province": province_id},
    )


def _refresh(job: Job, progress: Progress) -> dict[str, Any]:
    rows = province_summaries_refresh(province=job.params["province"])
    return {"rows": rows}


@task()
def province_summary_refresh_task(job_id: int) -> None:
    job_run(job_id=job_id, work=_refresh, task=province_summary_refresh_task)
