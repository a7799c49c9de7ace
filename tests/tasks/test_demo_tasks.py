"""The demo province's tasks show every one of the "4 không" in quý II/2024."""

import datetime as dt

import pytest

from nghiquyet.core.demo import demo_load
from nghiquyet.core.periods import Period
from nghiquyet.tasks.models import CoordinationRequest, ProgressUpdate, Task, TaskGroup
from nghiquyet.tasks.selectors import four_failures_evidence

pytestmark = pytest.mark.django_db

Q2 = Period.parse("2024-Q2")


@pytest.fixture
def demo(places):
    return demo_load()[0]


def evidence_of(setup, key, rows):
    return next(e for e in rows if e.agency == setup.bodies[key])


def test_the_demo_has_the_task_groups_of_seeds_001_and_004(demo):
    names = set(TaskGroup.objects.values_list("name", flat=True))
    assert {
        "6 nhiệm vụ trọng tâm",
        "3 nhiệm vụ đột phá",
        "7 nhóm nhiệm vụ chủ yếu trong quý II",
    } <= names
    assert Task.objects.filter(group__name="7 nhóm nhiệm vụ chủ yếu trong quý II").count() == 7
    assert Task.objects.filter(group__name="6 nhiệm vụ trọng tâm", parent=None).count() == 6
    assert Task.objects.filter(parent__isnull=False).exists()


def test_the_demo_shows_each_of_the_four_failures_in_quarter_two(demo):
    rows = four_failures_evidence(province=demo.province, period=Q2, today=dt.date(2024, 7, 5))
    assert evidence_of(demo, "so_y_te", rows).no_initiative
    assert not evidence_of(demo, "so_tai_chinh", rows).no_initiative
    forest = evidence_of(demo, "so_nong_nghiep", rows)
    assert [(i.done, i.days_late) for i in forest.late] == [(True, 10)]
    business = evidence_of(demo, "so_cong_thuong", rows)
    assert [(i.done, i.days_late) for i in business.late] == [(False, 10)]
    assert [i.days_late for i in business.answered_late] == [7]
    assert len(business.unanswered) == 1
    assert len(evidence_of(demo, "so_noi_vu", rows).unanswered) == 1
    assert [g.kind for g in evidence_of(demo, "mttq", rows).gaps] == ["update"]
    assert len(evidence_of(demo, "ban_noi_chinh", rows).no_check) == 2
    education = evidence_of(demo, "so_giao_duc", rows)
    assert education.late == [] and education.due_count == 1
    finance = evidence_of(demo, "so_tai_chinh", rows)
    assert finance.failures == 0 and finance.coordination == [] and finance.requests_count == 1


def test_loading_the_demo_twice_adds_no_task_records(demo):
    counts = (
        Task.objects.count(),
        ProgressUpdate.objects.count(),
        CoordinationRequest.objects.count(),
    )
    demo_load()
    assert (
        Task.objects.count(),
        ProgressUpdate.objects.count(),
        CoordinationRequest.objects.count(),
    ) == counts
