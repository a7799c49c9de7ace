"""The tasks API answers through the same access rules as the pages, with derived statuses."""

import datetime as dt

import pytest

from nghiquyet.api.services import api_token_create
from nghiquyet.orgs.models import Membership
from nghiquyet.orgs.services import member_create

pytestmark = pytest.mark.django_db

TODAY = dt.date.today()
JSON = "application/json"


def bearer(user) -> dict:
    _token, raw = api_token_create(user=user, name="tests")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def own(assign):
    return assign(
        "so_tai_chinh",
        title="Tăng thu ngân sách nhà nước",
        start_on=dt.date(2024, 4, 1),
        deadline=dt.date(2024, 6, 15),
    )


@pytest.fixture
def others(assign):
    return assign(
        "so_y_te",
        title="Nâng tỷ lệ bao phủ bảo hiểm y tế",
        start_on=dt.date(2024, 1, 10),
        deadline=dt.date(2099, 12, 31),
    )


def test_a_reporter_lists_only_its_agencys_tasks_with_their_status(client, reporter, own, others):
    response = client.get("/api/tasks/?on=2024-07-05", **bearer(reporter))
    assert response.status_code == 200
    assert [(t["id"], t["status"], t["days_late"]) for t in response.json()] == [
        (own.pk, "overdue", 20)
    ]


def test_a_leader_lists_every_task_of_its_province(client, leader, own, others):
    ids = {t["id"] for t in client.get("/api/tasks/", **bearer(leader)).json()}
    assert ids == {own.pk, others.pk}


def test_another_agencys_task_is_not_found_for_a_reporter(client, reporter, others):
    assert client.get(f"/api/tasks/{others.pk}", **bearer(reporter)).status_code == 404


def test_another_provinces_office_finds_nothing(client, outsider, own):
    assert client.get("/api/tasks/", **bearer(outsider)).json() == []
    assert client.get(f"/api/tasks/{own.pk}", **bearer(outsider)).status_code == 404


def test_the_lead_reporter_posts_progress_and_the_status_follows(client, reporter, own):
    headers = bearer(reporter)
    payload = {"reported_on": "2024-06-20", "percent": 100, "narrative": "Hoàn thành"}
    response = client.post(f"/api/tasks/{own.pk}/progress", payload, content_type=JSON, **headers)
    assert response.status_code == 201
    detail = client.get(f"/api/tasks/{own.pk}?on=2024-07-05", **headers).json()
    assert (detail["status"], detail["done_on"], detail["days_late"]) == (
        "done_late",
        "2024-06-20",
        5,
    )


def test_invalid_progress_is_refused_with_the_reason(client, reporter, own):
    payload = {"reported_on": "2024-06-20", "percent": 140, "narrative": "Quá mức"}
    response = client.post(
        f"/api/tasks/{own.pk}/progress", payload, content_type=JSON, **bearer(reporter)
    )
    assert response.status_code == 422 and own.updates.count() == 0


def test_a_leader_cannot_post_progress(client, leader, own):
    payload = {"reported_on": "2024-06-20", "percent": 50, "narrative": "Theo dõi"}
    response = client.post(
        f"/api/tasks/{own.pk}/progress", payload, content_type=JSON, **bearer(leader)
    )
    assert response.status_code == 403 and own.updates.count() == 0


def test_the_requested_agency_answers_through_the_api(client, reporter, own, dongthap, password):
    health = member_create(
        username="dongthap_yte",
        password=password,
        body=dongthap.bodies["so_y_te"],
        role=Membership.Role.REPORTER,
        full_name="Phạm Thị Lan",
    )
    created = client.post(
        f"/api/tasks/{own.pk}/requests",
        {
            "requested_body_id": dongthap.bodies["so_y_te"].pk,
            "subject": "Số liệu chi y tế",
            "requested_on": "2024-05-02",
            "due_on": "2024-05-12",
        },
        content_type=JSON,
        **bearer(reporter),
    )
    assert created.status_code == 201
    request_id = created.json()["id"]
    assert client.get("/api/tasks/requests", **bearer(reporter)).json() == []
    headers = bearer(health)
    assert [
        r["id"] for r in client.get("/api/tasks/requests?unanswered=true", **headers).json()
    ] == [request_id]
    answered = client.post(
        f"/api/tasks/requests/{request_id}/answer",
        {"answer": "Đã gửi", "answered_on": "2024-05-15"},
        content_type=JSON,
        **headers,
    )
    assert (
        answered.status_code == 200
        and answered.json()["answered_by_id"] == dongthap.bodies["so_y_te"].pk
    )


def test_the_four_failures_figures_through_the_api(client, office, own, others, dongthap):
    rows = client.get(
        "/api/tasks/four-failures?period=2024-Q2&on=2024-07-05", **bearer(office)
    ).json()
    finance = next(r for r in rows if r["agency_id"] == own.lead_id)
    assert (finance["not_done"], finance["days_late"], finance["no_initiative"]) == (1, 15, True)
    evidence = client.get(
        f"/api/tasks/four-failures/{own.lead_id}?period=2024-Q2&on=2024-07-05", **bearer(office)
    ).json()
    assert evidence["late"] == [
        {"task_id": own.pk, "due": "2024-06-15", "done_on": None, "days_late": 15}
    ]


def test_a_reporter_gets_only_its_own_row_of_the_four_failures(client, reporter, own, others):
    rows = client.get(
        "/api/tasks/four-failures?period=2024-Q2&on=2024-07-05", **bearer(reporter)
    ).json()
    assert [r["agency_id"] for r in rows] == [own.lead_id]
    response = client.get(
        f"/api/tasks/four-failures/{others.lead_id}?period=2024-Q2", **bearer(reporter)
    )
    assert response.status_code == 404


def test_a_bad_period_code_is_refused(client, office):
    assert (
        client.get("/api/tasks/four-failures?period=Q2-2024", **bearer(office)).status_code == 422
    )


def test_only_the_supervising_body_or_the_office_records_a_check(client, office, reporter, assign):
    task = assign(start_on=dt.date(2024, 4, 1), deadline=dt.date(2024, 12, 31), supervisor="ubkt")
    payload = {"kind": "supervision", "checked_on": "2024-05-20", "findings": "Chậm tiến độ"}
    url = f"/api/tasks/{task.pk}/checks"
    assert client.post(url, payload, content_type=JSON, **bearer(reporter)).status_code == 403
    response = client.post(url, payload, content_type=JSON, **bearer(office))
    assert response.status_code == 201 and response.json()["body_id"] == task.supervisor_id
