"""The task list reads as the plan: a heading per group, numbers in order within it."""

import re

import pytest

from nghiquyet.tasks import demo as tasks_demo

pytestmark = pytest.mark.django_db


def test_the_task_list_has_one_heading_per_group_and_numbers_in_plan_order(
    client_for, office, dongthap
):
    tasks_demo.load(dongthap)
    page = client_for(office).get("/tasks/").content.decode()
    headings = [h.strip() for h in re.findall(r'class="group-heading"><th[^>]*>([^<]+)', page)]
    assert headings == [
        "6 nhiệm vụ trọng tâm",
        "3 nhiệm vụ đột phá",
        "Nhiệm vụ không thuộc nhóm",
        "7 nhóm nhiệm vụ chủ yếu trong quý II",
    ]
    first_group = page.split('class="group-heading"')[1]
    numbers = re.findall(r"<tr>\s*<td>([\d.]*)</td>", first_group)
    assert numbers[:3] == ["1", "1.1", "2"]
