"""Text longer than its column, and integers beyond theirs: refused by the services, never stored.

SQLite keeps any length, PostgreSQL answers an error the user would see as a 500:
either way the service must refuse first, naming the field and its limit.
"""

import datetime as dt
import json

import pytest
from django.urls import reverse
from django.utils import translation

from nghiquyet.api.services import api_token_create
from nghiquyet.documents.models import Document, DocumentKind
from nghiquyet.meetings.models import Meeting
from nghiquyet.targets import services
from nghiquyet.targets.models import Actual, Indicator, Target
from nghiquyet.tasks.models import Task

HUGE = "Nâng cao chất lượng nguồn nhân lực " * 2900  # more than 100,000 characters
JSON = "application/json"


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def bearer(user) -> dict:
    _token, raw = api_token_create(user=user, name="lengths")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def resolution(dongthap):
    return Document.objects.create(
        kind=DocumentKind.NGHI_QUYET,
        symbol="32-NQ/TU",
        number="32",
        issuer=dongthap.bodies["tinh_uy"],
        province=dongthap.province,
        title="Nghị quyết về nhiệm vụ năm 2024",
        status=Document.Status.ADOPTED,
    )


@pytest.fixture
def target(resolution, dongthap, office):
    indicator = services.indicator_create(
        user=office, province=dongthap.province, name="Thu ngân sách nội địa", unit="tỷ đồng"
    )
    return services.target_create(
        user=office,
        document=resolution,
        indicator=indicator,
        comparator=">",
        value="6000",
        period="2024",
        owner=dongthap.bodies["so_tai_chinh"],
    )


def counts() -> tuple:
    return (
        Document.all_objects.count(),
        Indicator.objects.count(),
        Target.all_objects.count(),
        Actual.objects.count(),
        Meeting.objects.count(),
        Task._base_manager.count(),
    )


def refused(response, field: str | None = None, status: int = 400) -> str:
    """The refusal's text, after checking it names the limit (and the field, when keyed)."""
    assert response.status_code == status, response.content[:300]
    text = json.dumps(response.json(), ensure_ascii=False)
    assert "quá dài" in text or "nhỏ hơn hoặc bằng" in text, text[:300]
    if field:
        assert field in response.json()["errors"]
    assert len(text) < 2000, "the refusal does not echo the huge text"
    return text


def test_the_api_refuses_a_document_title_longer_than_its_column(client, office, dongthap):
    before = counts()
    payload = {
        "kind": "nghi_quyet",
        "issuer_id": dongthap.bodies["tinh_uy"].pk,
        "title": HUGE,
    }
    response = client.post("/api/documents/", payload, content_type=JSON, **bearer(office))
    text = refused(response, "title")
    assert "tối đa 500 ký tự" in text
    assert counts() == before


def test_the_api_refuses_an_indicator_name_longer_than_its_column(client, office, dongthap):
    before = counts()
    payload = {"name": HUGE, "province_id": dongthap.province.pk}
    response = client.post("/api/targets/indicators", payload, content_type=JSON, **bearer(office))
    refused(response, "name")
    assert counts() == before


def test_the_api_refuses_a_target_unit_longer_than_its_column(client, office, target):
    before = counts()
    payload = {
        "document_id": target.document_id,
        "indicator_id": target.indicator_id,
        "comparator": ">=",
        "value": 5,
        "period": "2024",
        "unit": HUGE,
    }
    response = client.post("/api/targets/targets", payload, content_type=JSON, **bearer(office))
    refused(response, "unit")
    assert counts() == before


def test_the_api_refuses_a_target_position_beyond_its_column(client, office, target):
    before = counts()
    payload = {
        "document_id": target.document_id,
        "indicator_id": target.indicator_id,
        "comparator": ">=",
        "value": 5,
        "period": "2024",
        "position": 10**9,
    }
    response = client.post("/api/targets/targets", payload, content_type=JSON, **bearer(office))
    refused(response, "position")
    assert counts() == before


def test_the_api_refuses_a_figure_source_longer_than_its_column(client, reporter, target):
    before = counts()
    payload = {"period": "2024", "value": "6100", "source": HUGE}
    response = client.post(
        f"/api/targets/targets/{target.pk}/actuals", payload, content_type=JSON, **bearer(reporter)
    )
    refused(response, "source")
    assert counts() == before


def test_the_api_refuses_a_meeting_venue_longer_than_its_column(client, office, dongthap):
    before = counts()
    payload = {
        "body_id": dongthap.bodies["tinh_uy"].pk,
        "starts_on": "2024-12-10",
        "venue": HUGE,
    }
    response = client.post("/api/meetings/", payload, content_type=JSON, **bearer(office))
    assert "Địa điểm" in refused(response)
    assert counts() == before


def test_the_api_refuses_a_meeting_member_count_beyond_its_column(client, office, dongthap):
    before = counts()
    payload = {
        "body_id": dongthap.bodies["tinh_uy"].pk,
        "starts_on": "2024-12-10",
        "members_count": 10**6,
    }
    response = client.post("/api/meetings/", payload, content_type=JSON, **bearer(office))
    refused(response)
    assert counts() == before


def test_the_api_refuses_a_task_title_longer_than_its_column(client, office, dongthap):
    before = counts()
    payload = {
        "title": HUGE,
        "lead_id": dongthap.bodies["so_tai_chinh"].pk,
        "start_on": dt.date(2024, 3, 1).isoformat(),
        "deadline": dt.date(2024, 12, 31).isoformat(),
        "origin": "proposed",
    }
    response = client.post("/api/tasks/", payload, content_type=JSON, **bearer(office))
    refused(response, status=422)
    assert counts() == before


def test_the_document_page_refuses_a_title_longer_than_its_column(client_for, office, dongthap):
    before = counts()
    response = client_for(office).post(
        reverse("documents:create"),
        {"kind": "nghi_quyet", "issuer": dongthap.bodies["tinh_uy"].pk, "title": HUGE},
    )
    assert response.status_code == 200
    assert "500" in response.content.decode()
    assert counts() == before


def test_the_figure_page_refuses_a_source_longer_than_its_column(client_for, reporter, target):
    before = counts()
    response = client_for(reporter).post(
        f"/targets/{target.pk}/report/", {"period": "2024", "value": "6100", "source": HUGE}
    )
    assert response.status_code == 200
    assert "300" in response.content.decode()
    assert counts() == before


def test_a_service_refuses_an_over_long_value_whoever_calls_it(office, target):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refusal:
        services.target_update(user=office, target=target, unit=HUGE)
    assert "quá dài" in refusal.value.message_dict["unit"][0]
    target.refresh_from_db()
    assert target.unit == "tỷ đồng"
