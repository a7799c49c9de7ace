"""The task pages speak Vietnamese by default and English on request, statuses included."""

import datetime as dt

import pytest
from django.conf import settings

from nghiquyet.tasks import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def late(assign, office):
    task = assign(start_on=dt.date(2024, 4, 1), deadline=dt.date(2024, 5, 31))
    services.task_progress_add(
        user=office, task=task, reported_on=dt.date(2024, 6, 10), percent=100, narrative="Xong"
    )
    return task


@pytest.mark.parametrize(
    "language,expected",
    [
        ("vi", ["Hoàn thành quá hạn", "Cơ quan chủ trì", "chậm 10 ngày"]),
        ("en", ["Done late", "Lead agency", "10 days late"]),
    ],
)
def test_the_task_page_speaks_the_chosen_language(client_for, office, late, language, expected):
    client = client_for(office)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(f"/tasks/{late.pk}/").content.decode()
    for text in expected:
        assert text in page
