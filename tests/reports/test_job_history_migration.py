"""Upgrading keeps the record of past report generations when the home-made runner goes.

The migration copies every old report job into the background jobs table: finished
ones as they ended (with the version they made), and a job the old runner left
waiting as failed with a sentence asking to generate again, since no worker of the
new framework would ever pick it up.
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from nghiquyet.core.models import Job
from nghiquyet.documents.models import Document, DocumentKind, DocumentVersion

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("reports", "0001_initial")]
AFTER = [("reports", "0002_report_jobs_to_background_jobs")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_old_report_jobs_become_background_jobs_with_their_outcome(places, dongthap, office):
    body = dongthap.bodies["tinh_uy"]
    # The documents app is not migrated back: its rows are made with today's models.
    document = Document.objects.create(
        kind=DocumentKind.BAO_CAO, title="Báo cáo năm 2024", province=dongthap.province
    )
    version = DocumentVersion.objects.create(
        document=document, number=1, origin="generated", text="Báo cáo kết quả năm 2024"
    )
    old = migrate(BEFORE)
    report = old.get_model("reports", "Report").objects.create(
        body_id=body.pk, period="2024", kind="year"
    )
    report_job = old.get_model("reports", "ReportJob")
    report_job.objects.create(
        report=report,
        status="done",
        progress=100,
        step="Hoàn thành",
        version_id=version.pk,
        created_by_id=office.pk,
    )
    report_job.objects.create(
        report=report, status="failed", progress=40, error="Mẫu Word có chỗ trống lạ: cycler"
    )
    report_job.objects.create(report=report, status="queued", step="Đang chờ thực hiện")

    migrate(AFTER)

    jobs = list(Job.objects.filter(key=f"report:{report.pk}").order_by("pk"))
    assert [(j.status, j.progress) for j in jobs] == [
        (Job.Status.SUCCESSFUL, 100),
        (Job.Status.FAILED, 40),
        (Job.Status.FAILED, 0),
    ]
    done, failed, waiting = jobs
    assert done.outcome == {"version_id": version.pk, "version_number": 1}
    assert done.created_by == office
    assert (done.province_id, done.agency_id) == (dongthap.province.pk, body.pk)
    assert failed.error == "Mẫu Word có chỗ trống lạ: cycler"
    assert waiting.error.startswith("Việc tạo dự thảo bị dừng khi nâng cấp")
    assert waiting.finished_at is not None
    assert DocumentVersion.objects.filter(pk=version.pk).exists()
