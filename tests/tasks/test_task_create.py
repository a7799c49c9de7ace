"""Who creates which task: the office assigns, an agency proposes or breaks its own down."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from nghiquyet.api.services import api_token_create
from nghiquyet.tasks import services
from nghiquyet.tasks.models import Task

pytestmark = pytest.mark.django_db

JSON = "application/json"
FORM = {
    "title": "Số hóa hồ sơ quyết toán ngân sách cấp xã",
    "start_on": "2024-03-01",
    "deadline": "2024-10-31",
}


def bearer(user) -> dict:
    _token, raw = api_token_create(user=user, name="tests")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_a_reporter_proposes_a_task_of_its_own_agency(client_for, reporter, dongthap):
    response = client_for(reporter).post(
        "/tasks/new/", {**FORM, "lead": dongthap.bodies["so_tai_chinh"].pk}
    )
    task = Task.objects.get()
    assert response.status_code == 302
    assert (task.origin, task.lead, task.document) == (
        Task.Origin.PROPOSED,
        dongthap.bodies["so_tai_chinh"],
        None,
    )


def test_a_reporter_cannot_propose_a_task_for_another_agency(client_for, reporter, dongthap):
    response = client_for(reporter).post(
        "/tasks/new/", {**FORM, "lead": dongthap.bodies["so_y_te"].pk}
    )
    assert response.status_code == 200 and not Task.objects.exists()


def test_a_reporter_breaks_its_task_down_into_a_sub_task(client_for, reporter, assign, dongthap):
    parent = assign(start_on=dt.date(2024, 1, 10), deadline=dt.date(2024, 12, 31))
    response = client_for(reporter).post(
        f"/tasks/new/?parent={parent.pk}", {**FORM, "lead": dongthap.bodies["so_tai_chinh"].pk}
    )
    assert response.status_code == 302
    child = Task.objects.get(parent=parent)
    assert (child.origin, child.document, child.group) == (
        Task.Origin.ASSIGNED,
        parent.document,
        parent.group,
    )
    assert child.title in client_for(reporter).get(f"/tasks/{parent.pk}/").content.decode()


def test_a_reporter_cannot_break_down_another_agencys_task(client_for, reporter, assign, dongthap):
    parent = assign("so_y_te", deadline=dt.date(2024, 12, 31))
    assert client_for(reporter).get(f"/tasks/new/?parent={parent.pk}").status_code == 404
    with pytest.raises(PermissionDenied):
        services.task_create(
            user=reporter,
            parent=parent,
            title="Tách nhỏ",
            lead=dongthap.bodies["so_tai_chinh"],
            start_on=dt.date(2024, 2, 1),
            deadline=dt.date(2024, 6, 30),
        )


def test_a_reporter_cannot_assign_a_task_to_itself_from_above(reporter, dongthap, resolution):
    with pytest.raises(PermissionDenied):
        services.task_create(
            user=reporter,
            document=resolution,
            title="Tự giao",
            lead=dongthap.bodies["so_tai_chinh"],
            start_on=dt.date(2024, 2, 1),
            deadline=dt.date(2024, 6, 30),
        )


def test_a_leader_creates_no_task(client_for, leader):
    assert client_for(leader).get("/tasks/new/").status_code == 403


def test_the_office_assigns_a_task_in_a_group(client_for, office, focus_group, dongthap):
    response = client_for(office).post(
        "/tasks/new/",
        {
            **FORM,
            "group": focus_group.pk,
            "lead": dongthap.bodies["so_y_te"].pk,
            "coordinators": [dongthap.bodies["so_tai_chinh"].pk],
            "supervisor": dongthap.bodies["ubkt"].pk,
        },
    )
    assert response.status_code == 302
    task = Task.objects.get()
    assert (task.origin, task.document, task.supervisor) == (
        Task.Origin.ASSIGNED,
        focus_group.document,
        dongthap.bodies["ubkt"],
    )


def test_the_office_must_name_the_assigning_document(office, dongthap):
    with pytest.raises(ValidationError):
        services.task_create(
            user=office,
            title="Không có văn bản",
            lead=dongthap.bodies["so_y_te"],
            start_on=dt.date(2024, 2, 1),
            deadline=dt.date(2024, 6, 30),
        )


def test_a_task_cannot_be_led_by_another_provinces_body(office, laichau, resolution):
    with pytest.raises(ValidationError):
        services.task_create(
            user=office,
            document=resolution,
            title="Sai tỉnh",
            lead=laichau.bodies["so_y_te"],
            start_on=dt.date(2024, 2, 1),
            deadline=dt.date(2024, 6, 30),
        )


def test_a_reporter_proposes_through_the_api_and_cannot_assign(
    client, reporter, dongthap, focus_group
):
    payload = {**FORM, "lead_id": dongthap.bodies["so_tai_chinh"].pk, "origin": "proposed"}
    response = client.post("/api/tasks/", payload, content_type=JSON, **bearer(reporter))
    assert response.status_code == 201 and response.json()["origin"] == "proposed"
    assigned = {**payload, "origin": "assigned", "group_id": focus_group.pk}
    assert (
        client.post("/api/tasks/", assigned, content_type=JSON, **bearer(reporter)).status_code
        == 403
    )
    other = {**payload, "lead_id": dongthap.bodies["so_y_te"].pk}
    assert (
        client.post("/api/tasks/", other, content_type=JSON, **bearer(reporter)).status_code == 403
    )
    assert Task.objects.count() == 1
