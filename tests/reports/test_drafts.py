"""A generated report is a draft document with versions; an edited version is never lost."""

import datetime as dt
import io

import pytest
from django.core.files.base import ContentFile
from django_tasks_db.models import DBTaskResult
from docx import Document as WordDocument

from nghiquyet.core.models import Job
from nghiquyet.documents.models import Document, DocumentKind, DocumentVersion
from nghiquyet.documents.services import document_version_add
from nghiquyet.meetings.models import Draft
from nghiquyet.meetings.services import meeting_create
from nghiquyet.reports.jobs import report_generate_task, report_job_start
from nghiquyet.reports.models import Report
from nghiquyet.reports.services import report_generate

pytestmark = pytest.mark.django_db


def test_generating_creates_a_draft_report_of_the_body_with_the_word_file(demo, demo_reports):
    report = demo_reports[("TU", "2024-H1")]
    version = report_generate(user=demo.office, report=report)
    report.refresh_from_db()
    document = report.document
    assert document.kind == DocumentKind.BAO_CAO
    assert document.status == Document.Status.DRAFT
    assert document.issuer == demo.bodies["tinh_uy"]
    assert document.title.startswith(
        "Báo cáo kết quả 6 tháng đầu năm 2024 thực hiện Nghị quyết số 35-NQ/TU"
    )
    assert (version.number, version.origin) == (1, DocumentVersion.Origin.GENERATED)
    word = WordDocument(io.BytesIO(version.file.read()))
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in [
        p.text for t in word.tables for c in t._cells for p in c.paragraphs
    ]
    # six months in, with estimates for the year: "Ước có …"
    assert "có " in version.text.lower() and "chỉ tiêu đạt và vượt" in version.text


def test_regenerating_adds_a_version_and_leaves_the_edited_one_as_it_was(demo, demo_reports):
    report = demo_reports[("TU", "2024")]
    report_generate(user=demo.office, report=report)
    report.refresh_from_db()
    edited = document_version_add(
        user=demo.office,
        document=report.document,
        origin=DocumentVersion.Origin.EDITED,
        text="Bản đã biên tập của Văn phòng Tỉnh ủy.",
        file=ContentFile(b"PK edited", name="bien-tap.docx"),
    )
    again = report_generate(user=demo.office, report=report)
    assert again.number == 3
    edited.refresh_from_db()
    assert edited.text == "Bản đã biên tập của Văn phòng Tỉnh ủy."
    assert edited.origin == DocumentVersion.Origin.EDITED
    assert list(report.document.versions.values_list("number", flat=True)) == [3, 2, 1]


def test_a_job_runs_the_generation_and_ends_at_full_progress(
    demo, demo_reports, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        job = report_job_start(user=demo.office, report=demo_reports[("UBND", "2024")])
    job.refresh_from_db()
    assert (job.status, job.progress, job.attempts) == (Job.Status.SUCCESSFUL, 100, 1)
    version = DocumentVersion.objects.get(pk=job.outcome["version_id"])
    assert version.origin == DocumentVersion.Origin.GENERATED
    assert job.task_result_id and job.finished_at is not None


def test_a_double_click_queues_one_generation(
    demo, demo_reports, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    report = demo_reports[("TU", "2024-H1")]
    with django_capture_on_commit_callbacks(execute=True):
        first = report_job_start(user=demo.office, report=report)
        second = report_job_start(user=demo.office, report=report)
    assert first.pk == second.pk
    assert Job.objects.filter(kind="report_generate", object_id=report.pk).count() == 1
    assert DBTaskResult.objects.count() == 1


def test_a_queued_job_waits_for_the_database_worker(
    demo, demo_reports, settings, django_capture_on_commit_callbacks, run_database_worker
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    report = demo_reports[("TU", "2024-H1")]
    with django_capture_on_commit_callbacks(execute=True):
        job = report_job_start(user=demo.office, report=report)
    assert job.status == Job.Status.READY
    assert run_database_worker() == 1
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCESSFUL
    assert DBTaskResult.objects.get(pk=job.task_result_id).status == "SUCCESSFUL"
    report.refresh_from_db()
    assert report.document.versions.count() == 1


def test_a_refused_job_fails_at_once_with_the_reason_in_vietnamese(
    demo, demo_reports, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    report = demo_reports[("TU", "2024")]
    with django_capture_on_commit_callbacks(execute=True):
        job = report_job_start(user=demo.office, report=report)
    # Its author's account is gone: the service refuses an anonymous generation.
    Job.objects.filter(pk=job.pk).update(created_by=None)
    report_generate_task.call(job_id=job.pk)
    job.refresh_from_db()
    assert (job.status, job.attempts) == (Job.Status.FAILED, 1)
    assert job.error == "Bạn không (hoặc không còn) được phép làm việc này."
    assert job.finished_at is not None
    report.refresh_from_db()
    assert report.document is None


def test_an_unexpected_error_is_tried_again_a_bounded_number_of_times(
    demo, demo_reports, settings, django_capture_on_commit_callbacks
):
    settings.JOBS_MAX_ATTEMPTS = 3
    report = demo_reports[("TU", "2024")]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = report_job_start(user=demo.office, report=report)
    # The report disappears before any worker reaches it: not a refusal, an error.
    Report.objects.filter(pk=report.pk).delete()
    for callback in callbacks:
        callback()
    job.refresh_from_db()
    assert (job.status, job.attempts) == (Job.Status.FAILED, 3)
    assert job.error.startswith("Công việc thất bại 3 lần")


def test_a_job_already_claimed_is_not_run_twice(demo, demo_reports, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    report = demo_reports[("TU", "2024")]
    job = report_job_start(user=demo.office, report=report)
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING)
    report_generate_task.call(job_id=job.pk)
    job.refresh_from_db()
    assert (job.status, job.attempts) == (Job.Status.RUNNING, 0)
    report.refresh_from_db()
    assert report.document is None


def test_the_report_goes_to_a_planned_meeting_as_a_draft_from_its_page(
    demo, demo_reports, client_for
):
    report = demo_reports[("TU", "2024")]
    meeting = meeting_create(
        user=demo.office, body=demo.bodies["bch"], starts_on=dt.date(2024, 12, 20)
    )
    response = client_for(demo.office).post(
        f"/reports/{report.pk}/agenda/", {"meeting": meeting.pk}
    )
    assert response.status_code == 302 and response["Location"].endswith(f"/{meeting.pk}/")
    report.refresh_from_db()
    draft = Draft.objects.get(agenda_item__meeting=meeting)
    assert draft.document == report.document
    assert draft.sent_version.origin == DocumentVersion.Origin.GENERATED


def test_the_leader_cannot_put_a_report_on_an_agenda(demo, demo_reports, client_for):
    report = demo_reports[("TU", "2024")]
    meeting = meeting_create(
        user=demo.office, body=demo.bodies["bch"], starts_on=dt.date(2024, 12, 20)
    )
    client = client_for(demo.users["leader"])
    assert client.post(f"/reports/{report.pk}/agenda/", {"meeting": meeting.pk}).status_code == 403
    assert not Draft.objects.filter(agenda_item__meeting=meeting).exists()


def test_the_report_page_shows_the_generation_waiting_then_its_new_version(
    demo,
    demo_reports,
    settings,
    client_for,
    django_capture_on_commit_callbacks,
    run_database_worker,
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    report = demo_reports[("TU", "2024")]
    client = client_for(demo.office)
    with django_capture_on_commit_callbacks(execute=True):
        partial = client.post(f"/reports/{report.pk}/generate/", HTTP_HX_REQUEST="true")
    job = Job.objects.get(kind="report_generate", object_id=report.pk)
    waiting = partial.content.decode()
    assert f'hx-get="/reports/jobs/{job.pk}/"' in waiting and "đang chờ" in waiting
    assert run_database_worker() == 1
    done = client.get(f"/reports/jobs/{job.pk}/").content.decode()
    assert "hx-get" not in done and "Phiên bản 1 của dự thảo đã sẵn sàng" in done
    assert 'value="100"' in done
    page = client.get(f"/reports/{report.pk}/").content.decode()
    assert "Phiên bản 1 của dự thảo đã sẵn sàng" in page
