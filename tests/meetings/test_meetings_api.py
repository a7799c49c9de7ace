"""The meetings API: same services, same access layer as the pages."""

import pytest

from nghiquyet.api.services import api_token_create
from nghiquyet.meetings.models import Comment, Vote

pytestmark = pytest.mark.django_db


def bearer(user) -> dict:
    _token, raw = api_token_create(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_the_list_and_detail_of_the_provinces_meetings(client, meeting, draft, leader):
    headers = bearer(leader)
    listed = client.get("/api/meetings/", **headers).json()
    assert [m["session"] for m in listed] == [17]
    detail = client.get(f"/api/meetings/{meeting.pk}", **headers).json()
    assert detail["venue"] == "hội trường Sen Hồng"
    assert [p["name"] for p in detail["participants"] if p["is_chair"]] == [
        "Lê Quốc Phong",
        "Phan Văn Thắng",
        "Phạm Thiện Nghĩa",
    ]
    assert detail["agenda"][0]["drafts"][0]["status"] == "draft"


def test_another_province_gets_nothing(client, meeting, outsider):
    headers = bearer(outsider)
    assert client.get("/api/meetings/", **headers).json() == []
    assert client.get(f"/api/meetings/{meeting.pk}", **headers).status_code == 404


def test_the_office_calls_a_meeting_and_a_wrong_number_is_a_400(client, dongthap, office):
    headers = bearer(office)
    payload = {
        "body_id": dongthap.bodies["btv"].pk,
        "term_id": dongthap.term.pk,
        "session": 1,
        "starts_on": "2024-06-27",
        "duration_days": "0.5",
    }
    created = client.post("/api/meetings/", payload, content_type="application/json", **headers)
    assert created.status_code == 201
    assert created.json()["ends_on"] == "2024-06-27"
    again = client.post("/api/meetings/", payload, content_type="application/json", **headers)
    assert again.status_code == 400


def test_a_leader_cannot_call_a_meeting(client, dongthap, leader):
    payload = {"body_id": dongthap.bodies["btv"].pk, "starts_on": "2024-06-27"}
    response = client.post(
        "/api/meetings/", payload, content_type="application/json", **bearer(leader)
    )
    assert response.status_code == 403


def test_an_invited_delegate_comments_and_an_uninvited_office_is_refused(
    client, draft, reporter, office
):
    url = f"/api/meetings/drafts/{draft.pk}/comments"
    body = {"text": "Bổ sung chỉ tiêu nhà ở xã hội.", "section": "II. Chỉ tiêu"}
    ok = client.post(url, body, content_type="application/json", **bearer(reporter))
    assert ok.status_code == 201 and ok.json()["handling"] == "pending"
    refused = client.post(url, body, content_type="application/json", **bearer(office))
    assert refused.status_code == 403
    assert Comment.objects.count() == 1
    rows = client.get(f"/api/meetings/drafts/{draft.pk}/synthesis", **bearer(office)).json()
    assert rows[0]["section"] == "II. Chỉ tiêu"


def test_votes_through_the_api_follow_the_members_rule(client, item, office, reporter):
    url = f"/api/meetings/items/{item.pk}/votes"
    failing = {"present": 30, "in_favour": 25, "against": 3, "abstain": 2}
    first = client.post(url, failing, content_type="application/json", **bearer(office))
    assert first.status_code == 201 and first.json()["adopted"] is False
    correction = {
        "present": 45,
        "in_favour": 44,
        "against": 0,
        "abstain": 1,
        "corrects_id": first.json()["id"],
        "reason": "Nhập nhầm biên bản kiểm phiếu",
    }
    second = client.post(url, correction, content_type="application/json", **bearer(office))
    assert second.json()["adopted"] is True
    assert second.json()["supersedes_id"] == first.json()["id"]
    denied = client.post(url, failing, content_type="application/json", **bearer(reporter))
    assert denied.status_code == 403
    assert Vote.objects.count() == 2
