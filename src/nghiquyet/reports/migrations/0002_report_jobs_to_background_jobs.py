# Report generations move to the Tasks framework: each ReportJob row becomes a core.Job
# row (the record of who generated which version, when, and why a run failed) before the
# table goes. The generated drafts themselves are document versions and are untouched.

from django.db import migrations

STATUS = {"queued": "READY", "running": "RUNNING", "done": "SUCCESSFUL", "failed": "FAILED"}
BACK = {value: key for key, value in STATUS.items()}
INTERRUPTED = (
    "Việc tạo dự thảo bị dừng khi nâng cấp hệ thống; hãy bấm tạo lại. "
    "(The generation was stopped by the upgrade; generate the draft again.)"
)


def jobs_forward(apps, schema_editor):
    ReportJob = apps.get_model("reports", "ReportJob")
    Job = apps.get_model("core", "Job")
    for old in ReportJob.objects.select_related("report__body").order_by("pk").iterator():
        status = STATUS[old.status]
        unfinished = status in ("READY", "RUNNING")
        outcome = {}
        if old.version_id:
            outcome = {"version_id": old.version_id, "version_number": old.version.number}
        Job.objects.create(
            kind="report_generate",
            key=f"report:{old.report_id}",
            title=f"Báo cáo {old.report.period} – {old.report.body.name}"[:300],
            object_id=old.report_id,
            province_id=old.report.body.province_id,
            agency_id=old.report.body_id,
            # A run the old runner left waiting would never be picked up now: it is
            # closed with a sentence saying so rather than shown as waiting forever.
            status="FAILED" if unfinished else status,
            progress=old.progress,
            step=old.step[:200],
            error=INTERRUPTED if unfinished else old.error,
            attempts=0 if old.status == "queued" else 1,
            outcome=outcome,
            language="vi",
            created_by_id=old.created_by_id,
            created_at=old.created_at,
            finished_at=old.finished_at or (old.created_at if unfinished else None),
        )


def jobs_backward(apps, schema_editor):
    ReportJob = apps.get_model("reports", "ReportJob")
    Job = apps.get_model("core", "Job")
    Report = apps.get_model("reports", "Report")
    reports = set(Report.objects.values_list("pk", flat=True))
    for job in Job.objects.filter(kind="report_generate").order_by("pk").iterator():
        if job.object_id not in reports:
            continue
        made = ReportJob.objects.create(
            report_id=job.object_id,
            status=BACK[job.status],
            progress=job.progress,
            step=job.step[:120],
            error=job.error,
            version_id=(job.outcome or {}).get("version_id"),
            created_by_id=job.created_by_id,
            finished_at=job.finished_at,
        )
        ReportJob.objects.filter(pk=made.pk).update(created_at=job.created_at)
    Job.objects.filter(kind="report_generate").delete()


class Migration(migrations.Migration):

    dependencies = [
        ("reports", "0001_initial"),
        ("core", "0001_background_jobs"),
        ("documents", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(jobs_forward, jobs_backward),
        migrations.DeleteModel(
            name="ReportJob",
        ),
    ]
