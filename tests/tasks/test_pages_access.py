"""Who sees and updates which task, through the pages: reporters their own, leaders read all."""

import datetime as dt

import pytest

from nghiquyet.orgs.models import Membership
from nghiquyet.orgs.services import member_create
from nghiquyet.tasks import services
from nghiquyet.tasks.models import CoordinationRequest, ProgressUpdate

pytestmark = pytest.mark.django_db

TODAY = dt.date.today()


@pytest.fixture
def own(assign):
    return assign(
        "so_tai_chinh",
        title="Tăng thu ngân sách nhà nước",
        start_on=dt.date(2024, 1, 10),
        deadline=dt.date(2099, 12, 31),
        supervisor="ubkt",
    )


@pytest.fixture
def others(assign):
    return assign(
        "so_y_te",
        title="Nâng tỷ lệ bao phủ bảo hiểm y tế",
        start_on=dt.date(2024, 1, 10),
        deadline=dt.date(2099, 12, 31),
    )


@pytest.fixture
def health_reporter(dongthap, password):
    return member_create(
        username="dongthap_yte",
        password=password,
        body=dongthap.bodies["so_y_te"],
        role=Membership.Role.REPORTER,
        full_name="Phạm Thị Lan",
    )


@pytest.fixture
def request_to_health(own, office, dongthap):
    return services.coordination_request_create(
        user=office,
        task=own,
        requested_body=dongthap.bodies["so_y_te"],
        subject="Cung cấp số liệu chi sự nghiệp y tế",
        requested_on=TODAY,
        due_on=TODAY + dt.timedelta(days=7),
    )


def progress_post(client, task, percent=30):
    return client.post(
        f"/tasks/{task.pk}/progress/",
        {"reported_on": TODAY.isoformat(), "percent": percent, "narrative": "Đã triển khai"},
    )


def test_a_reporter_lists_only_the_tasks_of_its_agency(client_for, reporter, own, others):
    page = client_for(reporter).get("/tasks/").content.decode()
    assert own.title in page and others.title not in page


def test_a_leader_lists_every_task_of_its_province(client_for, leader, own, others):
    page = client_for(leader).get("/tasks/").content.decode()
    assert own.title in page and others.title in page


def test_another_agencys_task_page_is_not_found_for_a_reporter(client_for, reporter, others):
    assert client_for(reporter).get(f"/tasks/{others.pk}/").status_code == 404


def test_another_provinces_office_cannot_see_the_task(client_for, outsider, own):
    assert client_for(outsider).get(f"/tasks/{own.pk}/").status_code == 404
    assert own.title not in client_for(outsider).get("/tasks/").content.decode()


def test_the_task_page_shows_the_timeline_and_the_progress_form_to_the_lead(
    client_for, reporter, own
):
    page = client_for(reporter).get(f"/tasks/{own.pk}/").content.decode()
    assert own.title in page and f"/tasks/{own.pk}/progress/" in page
    assert f"/tasks/{own.pk}/deadline/" not in page


def test_a_reporter_posts_progress_on_its_own_task(client_for, reporter, own):
    response = progress_post(client_for(reporter), own)
    assert response.status_code == 302
    assert own.updates.get().created_by == reporter


def test_a_progress_form_sent_with_htmx_returns_the_refreshed_timeline(client_for, reporter, own):
    response = client_for(reporter).post(
        f"/tasks/{own.pk}/progress/",
        {"reported_on": TODAY.isoformat(), "percent": 55, "narrative": "Hoàn thành dự thảo"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Hoàn thành dự thảo" in body and "<html" not in body


def test_a_progress_report_for_a_future_day_is_refused_with_a_message(client_for, reporter, own):
    response = client_for(reporter).post(
        f"/tasks/{own.pk}/progress/",
        {
            "reported_on": (TODAY + dt.timedelta(days=3)).isoformat(),
            "percent": 20,
            "narrative": "x",
        },
    )
    assert response.status_code == 400 and not ProgressUpdate.objects.exists()


def test_a_reporter_cannot_post_progress_on_another_agencys_task(client_for, reporter, others):
    assert progress_post(client_for(reporter), others).status_code == 404
    assert not ProgressUpdate.objects.exists()


def test_a_leader_reads_but_cannot_post_progress(client_for, leader, own):
    assert client_for(leader).get(f"/tasks/{own.pk}/").status_code == 200
    assert progress_post(client_for(leader), own).status_code == 403
    assert not ProgressUpdate.objects.exists()


def test_the_office_moves_a_deadline_and_the_reporter_cannot(client_for, office, reporter, own):
    data = {"deadline": "2099-12-31", "reason": "Kết luận số 12-KL/TU"}
    assert client_for(reporter).post(f"/tasks/{own.pk}/deadline/", data).status_code == 403
    data["deadline"] = "2100-06-30"
    assert client_for(office).post(f"/tasks/{own.pk}/deadline/", data).status_code == 302
    own.refresh_from_db()
    assert own.deadline == dt.date(2100, 6, 30)


def test_the_requested_agency_sees_and_answers_the_request_addressed_to_it(
    client_for, health_reporter, request_to_health
):
    client = client_for(health_reporter)
    assert "Cung cấp số liệu chi sự nghiệp y tế" in client.get("/tasks/requests/").content.decode()
    response = client.post(
        f"/tasks/requests/{request_to_health.pk}/answer/",
        {"answer": "Đã gửi số liệu", "answered_on": TODAY.isoformat()},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200 and "Đã gửi số liệu" in response.content.decode()
    request_to_health.refresh_from_db()
    assert request_to_health.answered_by.name.startswith("Sở Y tế")


def test_a_requested_agency_cannot_claim_another_agency_answered(
    client_for, health_reporter, request_to_health, dongthap
):
    response = client_for(health_reporter).post(
        f"/tasks/requests/{request_to_health.pk}/answer/",
        {
            "answer": "Sở Nội vụ trả lời",
            "answered_on": TODAY.isoformat(),
            "answered_by": dongthap.bodies["so_noi_vu"].pk,
        },
    )
    assert response.status_code == 403
    assert CoordinationRequest.objects.get().answered_on is None


def test_the_requesting_reporter_cannot_answer_its_own_request(
    client_for, reporter, request_to_health
):
    page = client_for(reporter).get("/tasks/requests/").content.decode()
    assert "Cung cấp số liệu chi sự nghiệp y tế" not in page
    response = client_for(reporter).post(
        f"/tasks/requests/{request_to_health.pk}/answer/",
        {"answer": "Tự trả lời", "answered_on": TODAY.isoformat()},
    )
    assert response.status_code == 404


def test_the_task_page_lists_the_request_in_its_timeline(
    client_for, reporter, own, request_to_health
):
    page = client_for(reporter).get(f"/tasks/{own.pk}/").content.decode()
    assert "Cung cấp số liệu chi sự nghiệp y tế" in page


def test_the_four_failures_table_ranks_the_agencies_for_the_office(client_for, office, own, others):
    page = (
        client_for(office)
        .get("/tasks/four-failures/?period=2024-Q2&on=2024-07-05")
        .content.decode()
    )
    assert own.lead.name in page and others.lead.name in page


def test_a_reporter_sees_only_its_own_agency_in_the_four_failures(
    client_for, reporter, own, others
):
    client = client_for(reporter)
    page = client.get("/tasks/four-failures/?period=2024-Q2&on=2024-07-05").content.decode()
    assert own.lead.name in page and others.lead.name not in page
    assert client.get(f"/tasks/four-failures/{others.lead_id}/?period=2024-Q2").status_code == 404
    assert client.get(f"/tasks/four-failures/{own.lead_id}/?period=2024-Q2").status_code == 200


def test_the_agency_page_shows_the_evidence_behind_its_numbers(client_for, office, others):
    page = client_for(office).get(
        f"/tasks/four-failures/{others.lead_id}/?period=2024-Q2&on=2024-07-05"
    )
    body = page.content.decode()
    assert others.title in body and "172" in body


def test_the_list_filters_by_status(client_for, office, own, others):
    services.task_progress_add(
        user=office, task=own, reported_on=TODAY, percent=40, narrative="Đang làm"
    )
    page = client_for(office).get("/tasks/?status=in_progress").content.decode()
    assert own.title in page and others.title not in page


def test_pages_need_a_login(client, own):
    assert client.get("/tasks/").status_code == 302
    assert client.get(f"/tasks/{own.pk}/").status_code == 302


def test_evidence_that_is_not_a_document_or_image_is_refused(client_for, reporter, own):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_for(reporter).post(
        f"/tasks/{own.pk}/progress/",
        {
            "reported_on": TODAY.isoformat(),
            "percent": 30,
            "narrative": "Kèm minh chứng",
            "evidence": SimpleUploadedFile("setup.exe", b"MZ"),
        },
    )
    assert response.status_code == 400 and not ProgressUpdate.objects.exists()


def test_evidence_is_kept_with_the_update(client_for, reporter, own, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    client_for(reporter).post(
        f"/tasks/{own.pk}/progress/",
        {
            "reported_on": TODAY.isoformat(),
            "percent": 30,
            "narrative": "Kèm biên bản",
            "evidence": SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4"),
        },
    )
    assert ProgressUpdate.objects.get().evidence.read() == b"%PDF-1.4"
