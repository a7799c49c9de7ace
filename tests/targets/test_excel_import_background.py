"""A large targets sheet is imported in the background, and the page follows its progress.

The threshold is lowered to 5 rows so that a sheet of communes' poverty rates is
"large"; tasks run on the immediate backend once the request's transaction commits.
"""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tasks_db.models import DBTaskResult
from openpyxl import Workbook

from nghiquyet.core.models import Job
from nghiquyet.orgs.models import Membership
from nghiquyet.targets.jobs import targets_import_task
from nghiquyet.targets.models import Target

pytestmark = pytest.mark.django_db

HEADERS = ["STT", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu NQ", "Kỳ chỉ tiêu", "Năm 2024"]


@pytest.fixture(autouse=True)
def small_threshold(settings, tmp_path, immediate_tasks):
    settings.TARGETS_IMPORT_BACKGROUND_ROWS = 5
    settings.MEDIA_ROOT = tmp_path / "media"


def communes(count: int, bad_row: int | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for n in range(1, count + 1):
        period = "Năm 2030" if n == bad_row else "Năm 2024"
        sheet.append([n, f"Tỷ lệ hộ nghèo xã số {n}", "%", "dưới 1,5", period, "1,4"])
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def upload(client, resolution, content: bytes):
    return client.post(
        f"/targets/documents/{resolution.pk}/excel/import/",
        {"file": SimpleUploadedFile("ho-ngheo-cac-xa.xlsx", content)},
    )


def test_a_small_sheet_is_still_imported_at_once(client_for, office, resolution):
    response = upload(client_for(office), resolution, communes(4))
    assert response.status_code == 302
    assert response.url == f"/targets/documents/{resolution.pk}/"
    assert Target.objects.filter(document=resolution).count() == 4
    assert not Job.objects.exists()


def test_a_large_sheet_is_imported_in_the_background_and_its_page_shows_the_outcome(
    client_for, office, resolution, django_capture_on_commit_callbacks
):
    client = client_for(office)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, resolution, communes(12))
    job = Job.objects.get(kind="targets_import")
    assert response.status_code == 302
    assert response.url == f"/targets/documents/{resolution.pk}/excel/import/jobs/{job.pk}/"
    assert (job.status, job.progress, job.created_by) == (Job.Status.SUCCESSFUL, 100, office)
    assert Target.objects.filter(document=resolution).count() == 12
    page = client.get(response.url).content.decode()
    assert "hoàn thành" in page and "Đã thêm 12 chỉ tiêu" in page
    assert "hx-get" not in page


def test_the_progress_page_polls_while_the_import_waits_for_a_worker(
    client_for, office, resolution, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client = client_for(office)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, resolution, communes(12))
    job = Job.objects.get(kind="targets_import")
    assert job.status == Job.Status.READY and DBTaskResult.objects.count() == 1
    partial = client.get(response.url, HTTP_HX_REQUEST="true").content.decode()
    assert partial.startswith('<div id="import-job"') and "hx-get" in partial
    assert "đang chờ" in partial
    assert not Target.objects.filter(document=resolution).exists()


def test_the_same_file_sent_twice_is_imported_once(
    client_for, office, resolution, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client = client_for(office)
    content = communes(12)
    with django_capture_on_commit_callbacks(execute=True):
        first = upload(client, resolution, content)
        second = upload(client, resolution, content)
    assert first.url == second.url
    assert Job.objects.count() == 1 and DBTaskResult.objects.count() == 1


def test_a_bad_row_fails_the_import_with_the_reason_in_vietnamese_and_nothing_is_saved(
    client_for, office, resolution, django_capture_on_commit_callbacks
):
    client = client_for(office)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, resolution, communes(12, bad_row=7))
    job = Job.objects.get(kind="targets_import")
    assert (job.status, job.attempts) == (Job.Status.FAILED, 1)
    assert job.error.startswith("Chưa nhập dữ liệu nào.")
    assert "Dòng 8:" in job.error and "2030" in job.error
    assert not Target.objects.filter(document=resolution).exists()
    page = client.get(response.url).content.decode()
    assert "không thành công" in page and "Dòng 8:" in page
    assert "Tải lên tệp đã sửa" in page


def test_who_may_not_import_is_refused_before_anything_is_queued(client_for, leader, resolution):
    response = upload(client_for(leader), resolution, communes(12))
    assert response.status_code == 403
    assert not Job.objects.exists()


def test_a_right_lost_before_the_worker_runs_is_checked_again_and_nothing_is_imported(
    client_for, office, resolution, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        upload(client_for(office), resolution, communes(12))
    job = Job.objects.get(kind="targets_import")
    Membership.objects.filter(user=office).update(role=Membership.Role.LEADER)
    targets_import_task.call(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert job.error == "Bạn không (hoặc không còn) được phép làm việc này."
    assert not Target.objects.filter(document=resolution).exists()


def test_another_province_cannot_see_the_import(
    client_for, office, outsider, resolution, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client_for(office), resolution, communes(12))
    assert client_for(outsider).get(response.url).status_code == 404
