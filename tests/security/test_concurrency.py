"""Simultaneous writes on a real server: one success, clear refusals, never a 500.

SQLite used to answer "database is locked" (500) when two transactions wanted to
write at once; on PostgreSQL two double-clicks both passed the duplicate check.
"""

import json
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from threading import Barrier
from typing import Any

import pytest

CLICKS = 8


@pytest.fixture(scope="module")
def site(live_site):
    return live_site


def at_once(count: int, call) -> list[Any]:
    """``count`` requests released together, as eight people clicking the same button."""
    barrier = Barrier(count)

    def one(index: int) -> Any:
        barrier.wait()
        return call(index)

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(one, range(count)))


def statuses(answers: list[Any]) -> Counter:
    return Counter(a.status for a in answers)


def test_eight_simultaneous_api_approvals_of_one_figure_approve_it_once(site):
    figure, _target = site.data["submitted"][0]
    answers = at_once(
        CLICKS,
        lambda _: site.request(
            "POST", f"/api/targets/actuals/{figure}/approve", key=site.data["office_key"]
        ),
    )
    assert statuses(answers) == {200: 1, 400: CLICKS - 1}
    refusal = json.loads(next(a.body for a in answers if a.status == 400))
    assert "không thể thực hiện thao tác này" in refusal["detail"]


def test_eight_simultaneous_page_approvals_answer_no_server_error(site):
    figure, target = site.data["submitted"][1]
    answers = at_once(
        CLICKS,
        lambda _: site.request(
            "POST",
            f"/targets/actuals/{figure}/approve/",
            session=site.data["office_session"],
            form={},
        ),
    )
    assert statuses(answers) == {302: CLICKS}
    listed = site.request(
        "GET", f"/api/targets/targets/{target}/actuals", key=site.data["office_key"]
    )
    assert [a["status"] for a in json.loads(listed.body)] == ["approved"]


def test_eight_double_clicks_through_the_api_create_one_figure(site):
    target = site.data["free_targets"][0]
    answers = at_once(
        CLICKS,
        lambda _: site.request(
            "POST",
            f"/api/targets/targets/{target}/actuals",
            key=site.data["reporter_key"],
            json_body={"period": "2024", "value": "6100"},
        ),
    )
    assert statuses(answers) == {201: 1, 400: CLICKS - 1}
    refusal = json.loads(next(a.body for a in answers if a.status == 400))
    assert "đang trong quá trình báo cáo" in refusal["detail"]
    listed = site.request(
        "GET", f"/api/targets/targets/{target}/actuals", key=site.data["reporter_key"]
    )
    assert len(json.loads(listed.body)) == 1


def test_eight_double_clicks_on_the_figure_page_create_one_figure(site):
    target = site.data["free_targets"][1]
    answers = at_once(
        CLICKS,
        lambda _: site.request(
            "POST",
            f"/targets/{target}/report/",
            session=site.data["reporter_session"],
            form={"period": "2024", "value": "6100"},
        ),
    )
    assert statuses(answers) == {302: 1, 200: CLICKS - 1}
    refused = [a.body.decode() for a in answers if a.status == 200]
    assert all("đang trong quá trình báo cáo" in page for page in refused)


def test_two_writers_editing_drafts_while_six_read_the_dashboard_get_no_server_error(site):
    drafts, document = site.data["drafts"], site.data["document"]

    def work(index: int) -> list[Any]:
        if index < 2:
            return [
                site.request(
                    "PATCH",
                    f"/api/targets/actuals/{drafts[index]}",
                    key=site.data["reporter_key"],
                    json_body={"value": str(6000 + round_)},
                )
                for round_ in range(10)
            ]
        return [
            site.request(
                "GET", f"/targets/documents/{document}/", session=site.data["office_session"]
            )
            for _ in range(5)
        ]

    answers = [a for batch in at_once(CLICKS, work) for a in batch]
    assert statuses(answers) == {200: len(answers)}
