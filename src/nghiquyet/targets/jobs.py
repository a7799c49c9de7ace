"""Big Excel imports of targets in the background, with progress the import page polls.

The page keeps small sheets for itself (the answer comes at once) and hands a sheet
declaring more than ``TARGETS_IMPORT_BACKGROUND_ROWS`` rows to a task, so that no
server thread is held for a minute. The right to import is checked before the job
is queued and again by the import service when the task runs. The uploaded file is
kept with the job, in ``MEDIA_ROOT``, which every worker machine must share.

The import is all or nothing in one transaction: progress is reported while the sheet
is read, while its rows are checked and after each chunk of rows saved.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from django_tasks import task

from nghiquyet.core.background import Progress, job_enqueue, job_run
from nghiquyet.core.models import Job
from nghiquyet.documents.models import Document
from nghiquyet.orgs.access import can_create, principal_for
from nghiquyet.orgs.models import Body
from nghiquyet.targets.excel_import import import_allowed, report_lines, targets_import_xlsx
from nghiquyet.targets.models import Target

KIND = "targets_import"


def targets_import_start(
    *, user: Any, document: Document, data: bytes, name: str, rows: int | None
) -> Job:
    """Queue the import of a sheet into ``document``; the same file twice is one job."""
    if not import_allowed(user=user, document=document):
        raise PermissionDenied
    digest = hashlib.sha256(data).hexdigest()[:40]
    # The office's import is the province's; a reporter's (its agency's figures) is its own.
    agency_id = (
        None
        if can_create(user, Target, province=document.province)
        else principal_for(user).agency_id
    )
    return job_enqueue(
        task=targets_import_task,
        kind=KIND,
        key=f"targets-import:{document.pk}:{digest}",
        user=user,
        title=_("Import of %(file)s into %(document)s") % {"file": name, "document": document},
        province=document.province,
        agency=Body.objects.filter(pk=agency_id).first() if agency_id else None,
        object_id=document.pk,
        params={"rows": rows, "name": name},
        file=ContentFile(data, name=name),
    )


def _rows(count: int) -> str:
    return f"{count:,}".replace(",", ".")


def _import(job: Job, progress: Progress) -> dict[str, Any]:
    document = Document.objects.select_related("province").get(pk=job.object_id)
    total = job.params.get("rows") or 0

    def told(stage: str, count: int) -> None:
        share = min(count / total, 1) if total else 0
        if stage == "read":
            progress(
                5 + int(40 * share), _("Reading the sheet: %(rows)s rows") % {"rows": _rows(count)}
            )
        elif stage == "checked":
            progress(
                45 + int(25 * share), _("Checking the rows: %(rows)s") % {"rows": _rows(count)}
            )
        elif stage == "saving":
            progress(70 + int(25 * share), _("Saving: %(rows)s rows") % {"rows": _rows(count)})
        else:
            progress(97, _("Judging the targets"))

    progress(2, _("Opening the file"))
    with job.file.open("rb") as stored:
        data = stored.read()
    report = targets_import_xlsx(user=job.created_by, document=document, file=data, progress=told)
    lines = list(report_lines(report))
    if not report.ok:
        raise ValidationError(
            [_("Nothing was imported. Correct these rows and upload the file again:"), *lines]
        )
    return {
        "lines": lines,
        "targets_created": report.targets_created,
        "targets_updated": report.targets_updated,
        "figures_recorded": report.figures_recorded,
    }


@task()
def targets_import_task(job_id: int) -> None:
    job_run(job_id=job_id, work=_import, task=targets_import_task)
