"""The daily reminders as a background task, which the daily timer queues.

``nghiquyet remind --enqueue`` queues it instead of sending at once, so that the mail
server's slowness is a worker's wait, not the timer's; the task calls the same
`reminders_send` service, which sends each agency's reminder once a day whatever runs it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext as _
from django_tasks import task

from nghiquyet.core.background import Progress, job_enqueue, job_run
from nghiquyet.core.models import Job
from nghiquyet.orgs.models import Place
from nghiquyet.tasks.reminders import reminders_send

KIND = "reminders_send"


def reminders_enqueue(*, today: dt.date, within_days: int, province: Place | None = None) -> Job:
    """Queue the reminders of ``today``; queueing the same day's again returns that job."""
    where = province.pk if province is not None else "all"
    return job_enqueue(
        task=reminders_send_task,
        kind=KIND,
        key=f"remind:{today.isoformat()}:{within_days}:{where}",
        title=_("Reminders of %(day)s") % {"day": today.strftime("%d/%m/%Y")},
        province=province,
        params={
            "today": today.isoformat(),
            "within_days": within_days,
            "province_id": province.pk if province is not None else None,
        },
    )


def _send(job: Job, progress: Progress) -> dict[str, Any]:
    province_id = job.params.get("province_id")
    outcomes = reminders_send(
        today=dt.date.fromisoformat(job.params["today"]),
        within_days=job.params["within_days"],
        province=Place.objects.get(pk=province_id) if province_id else None,
    )
    return {"sent": sum(o.sent for o in outcomes), "agencies": len(outcomes)}


@task()
def reminders_send_task(job_id: int) -> None:
    job_run(job_id=job_id, work=_send, task=reminders_send_task)
