"""Who reads a task besides its lead agency: its coordinators, its supervisor, the UBKT.

Party rules ask that the inspection committee can read every task record, and an
agency asked to coordinate or to supervise must see the task it works on; none of
them may change it.
"""

import datetime as dt

import pytest

from nghiquyet.orgs.access import Action, can, scope
from nghiquyet.orgs.models import Membership
from nghiquyet.orgs.services import member_create
from nghiquyet.tasks.models import Check, Task

pytestmark = pytest.mark.django_db


@pytest.fixture
def reporter_of(dongthap, laichau, password):
    def make(body_key, setup=None):
        setup = setup or dongthap
        return member_create(
            username=f"{setup.province.code}_{body_key}_reporter",
            password=password,
            body=setup.bodies[body_key],
            role=Membership.Role.REPORTER,
        )

    return make


@pytest.fixture
def task(assign):
    return assign(
        "so_tai_chinh",
        title="Rà soát các khoản thu ngân sách nội địa",
        deadline=dt.date(2024, 6, 30),
        coordinators=["so_cong_thuong", "so_nong_nghiep"],
        supervisor="ban_noi_chinh",
    )


def test_a_coordinating_agency_reads_the_task_but_cannot_change_it(task, reporter_of):
    coordinator = reporter_of("so_cong_thuong")
    assert can(coordinator, Action.VIEW, task)
    assert not can(coordinator, Action.CHANGE, task)


def test_the_supervising_body_reads_the_task_and_records_a_check_on_its_page(
    task, reporter_of, client_for
):
    supervisor = reporter_of("ban_noi_chinh")
    client = client_for(supervisor)
    assert client.get(f"/tasks/{task.pk}/").status_code == 200
    response = client.post(
        f"/tasks/{task.pk}/checks/",
        {
            "kind": Check.Kind.values[0],
            "checked_on": "2024-05-20",
            "findings": "Đã rà soát 12 khoản thu, còn 2 khoản chưa đôn đốc.",
        },
    )
    assert response.status_code in (200, 302)
    check = Check.objects.get(task=task)
    assert check.body.name.startswith("Ban Nội chính")
    assert check.history.first().history_user == supervisor


def test_the_inspection_committee_reads_every_task_of_its_province(task, assign, reporter_of):
    other = assign(
        "so_y_te", title="Nâng tỷ lệ bao phủ bảo hiểm y tế", deadline=dt.date(2024, 9, 30)
    )
    inspector = reporter_of("ubkt")
    visible = scope(Task.objects.all(), inspector)
    assert set(visible) == {task, other}
    assert not can(inspector, Action.CHANGE, task)


def test_another_provinces_inspection_committee_reads_nothing(task, reporter_of, laichau):
    inspector = reporter_of("ubkt", laichau)
    assert not can(inspector, Action.VIEW, task)


def test_an_agency_with_no_part_in_the_task_still_does_not_see_it(task, reporter_of, client_for):
    bystander = reporter_of("so_giao_duc")
    assert not can(bystander, Action.VIEW, task)
    assert client_for(bystander).get(f"/tasks/{task.pk}/").status_code == 404


def test_a_coordinator_of_several_tasks_sees_each_once(task, assign, reporter_of):
    assign(
        "so_y_te",
        title="Kiểm tra an toàn thực phẩm",
        deadline=dt.date(2024, 8, 1),
        coordinators=["so_cong_thuong", "so_nong_nghiep"],
    )
    coordinator = reporter_of("so_cong_thuong")
    listed = list(scope(Task.objects.all(), coordinator).values_list("pk", flat=True))
    assert len(listed) == len(set(listed)) == 2
