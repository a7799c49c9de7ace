"""``nghiquyet remind``: tasks due soon, late tasks and unanswered requests, once a day."""

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext
from django_tasks_db.models import DBTaskResult

from nghiquyet.core.models import Job
from nghiquyet.orgs.models import Membership
from nghiquyet.orgs.services import member_create
from nghiquyet.tasks import services
from nghiquyet.tasks.models import ReminderSent

pytestmark = pytest.mark.django_db

TODAY = dt.date(2024, 6, 20)


@pytest.fixture
def mailboxes(dongthap, reporter, password):
    reporter.email = "taichinh@dongthap.gov.vn"
    reporter.save()
    member_create(
        username="dongthap_yte",
        password=password,
        body=dongthap.bodies["so_y_te"],
        role=Membership.Role.REPORTER,
        full_name="Phạm Thị Lan",
        email="yte@dongthap.gov.vn",
    )


@pytest.fixture
def pending(assign, office, dongthap, mailboxes):
    late = assign(
        title="Rà soát nợ đọng thuế", start_on=dt.date(2024, 4, 1), deadline=dt.date(2024, 6, 15)
    )
    soon = assign(
        title="Báo cáo quyết toán 6 tháng",
        start_on=dt.date(2024, 4, 1),
        deadline=dt.date(2024, 6, 25),
    )
    assign(title="Kế hoạch năm sau", start_on=dt.date(2024, 4, 1), deadline=dt.date(2024, 12, 31))
    services.coordination_request_create(
        user=office,
        task=soon,
        requested_body=dongthap.bodies["so_y_te"],
        subject="Cung cấp số liệu chi sự nghiệp y tế",
        requested_on=dt.date(2024, 6, 1),
        due_on=dt.date(2024, 6, 10),
        today=TODAY,
    )
    return late, soon


def remind(*args):
    out = StringIO()
    call_command("remind", "--date", TODAY.isoformat(), "--days", "7", *args, stdout=out)
    return out.getvalue()


def test_each_agency_receives_its_late_tasks_tasks_due_soon_and_unanswered_requests(pending):
    remind()
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert set(by_recipient) == {"taichinh@dongthap.gov.vn", "yte@dongthap.gov.vn"}
    finance = by_recipient["taichinh@dongthap.gov.vn"].body
    assert "Rà soát nợ đọng thuế" in finance and "5 ngày" in finance
    assert "Báo cáo quyết toán 6 tháng" in finance
    assert "Kế hoạch năm sau" not in finance
    health = by_recipient["yte@dongthap.gov.vn"].body
    assert "Cung cấp số liệu chi sự nghiệp y tế" in health and "quá hạn" in health


def test_running_twice_the_same_day_sends_each_message_once(pending):
    remind()
    first = len(mail.outbox)
    output = remind()
    assert first == 2 and len(mail.outbox) == 2
    assert ReminderSent.objects.filter(sent_on=TODAY).count() == 2
    with translation.override("vi"):
        assert output.count(gettext("already sent today")) == 2


def test_the_next_day_sends_again(pending):
    remind()
    call_command("remind", "--date", (TODAY + dt.timedelta(days=1)).isoformat(), stdout=StringIO())
    assert len(mail.outbox) == 4


def test_an_agency_without_an_e_mail_address_is_reported_not_sent(assign, dongthap):
    assign("so_cong_thuong", start_on=dt.date(2024, 4, 1), deadline=dt.date(2024, 6, 1))
    output = remind()
    assert mail.outbox == []
    assert dongthap.bodies["so_cong_thuong"].name in output


def test_done_tasks_are_not_reminded(assign, office, mailboxes):
    task = assign(start_on=dt.date(2024, 4, 1), deadline=dt.date(2024, 6, 22))
    services.task_progress_add(
        user=office,
        task=task,
        reported_on=dt.date(2024, 6, 18),
        percent=100,
        narrative="Đã hoàn thành",
        today=TODAY,
    )
    remind()
    assert mail.outbox == []


def test_the_daily_timer_queues_the_reminders_once_and_a_worker_sends_them(
    pending, settings, django_capture_on_commit_callbacks, run_database_worker
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        first = remind("--enqueue")
        second = remind("--enqueue")
    job = Job.objects.get(kind="reminders_send")
    assert f"số {job.pk}" in first and f"số {job.pk}" in second
    assert DBTaskResult.objects.count() == 1 and mail.outbox == []
    assert run_database_worker() == 1
    job.refresh_from_db()
    assert (job.status, job.outcome) == (Job.Status.SUCCESSFUL, {"sent": 2, "agencies": 2})
    assert len(mail.outbox) == 2


def test_queued_reminders_on_the_immediate_backend_are_sent_at_once(
    pending, immediate_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        remind("--enqueue")
    assert len(mail.outbox) == 2
    assert Job.objects.get(kind="reminders_send").status == Job.Status.SUCCESSFUL
