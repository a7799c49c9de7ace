"""After login the home page lists each role's work, from the demo loaded today."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from nghiquyet.core.demo import demo_load
from nghiquyet.core.worklist import work_for
from nghiquyet.meetings.demo import GUEST_USERNAME

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def today():
    return timezone.localdate()


@pytest.fixture
def demo(places, today):
    home, _other = demo_load(as_of=today)
    return home


def titles(user, today) -> dict:
    return {section.title: section for section in work_for(user=user, today=today)}


def test_the_office_sees_figures_to_approve_tasks_late_and_requests_unanswered(demo, today):
    work = titles(demo.office, today)
    assert {"Số liệu cần duyệt", "Nhiệm vụ sắp đến hạn và quá hạn"} <= set(work)
    assert work["Đề nghị phối hợp cần trả lời"].items
    assert any(item.late for item in work["Nhiệm vụ sắp đến hạn và quá hạn"].items)


def test_a_reporter_sees_only_its_own_agencys_tasks_and_the_draft_it_may_comment_on(demo, today):
    reporter = demo.users["reporter"]
    work = titles(reporter, today)
    assert "Số liệu cần duyệt" not in work
    tasks = work["Nhiệm vụ sắp đến hạn và quá hạn"].items
    assert tasks and all("Sở Tài chính" in item.detail for item in tasks)
    assert work["Dự thảo cần góp ý"].items


def test_a_guest_sees_the_draft_and_the_meeting_it_is_invited_to(demo, today, client):
    guest = get_user_model().objects.get(username=GUEST_USERNAME)
    client.force_login(guest)
    page = client.get("/").content.decode()
    assert "Dự thảo cần góp ý (1)" in page
    assert "Hội nghị, cuộc họp sắp tới (1)" in page
    assert "Số liệu cần duyệt" not in page


def test_a_visitor_has_no_work_list(demo, client):
    assert "Việc của bạn" not in client.get("/").content.decode()
