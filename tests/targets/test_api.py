"""The targets API: same services, same permissions as the pages, with tokens."""

from decimal import Decimal

import pytest

from nghiquyet.api.services import api_token_create
from nghiquyet.targets import demo
from nghiquyet.targets.models import Actual, Target


def bearer(user) -> dict:
    _token, raw = api_token_create(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def demo_resolution(dongthap):
    return demo.load(dongthap)


def target_named(demo_resolution, name: str) -> Target:
    return Target.objects.get(document=demo_resolution, indicator__name=name)


def test_a_reporter_reports_and_submits_through_the_api_and_the_office_approves(
    client, reporter, office, revenue
):
    response = client.post(
        f"/api/targets/targets/{revenue.pk}/actuals",
        {"period": "2024", "value": "6450.5", "is_estimate": True, "submit": True},
        content_type="application/json",
        **bearer(reporter),
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["status"], Decimal(body["value"]), body["is_estimate"]) == (
        "submitted",
        Decimal("6450.5"),
        True,
    )
    approved = client.post(f"/api/targets/actuals/{body['id']}/approve", **bearer(office))
    assert approved.json()["status"] == "approved"


def test_a_reporter_cannot_report_on_another_agencys_target_through_the_api(
    client, reporter, coverage
):
    response = client.post(
        f"/api/targets/targets/{coverage.pk}/actuals",
        {"period": "2024", "value": "99"},
        content_type="application/json",
        **bearer(reporter),
    )
    assert response.status_code == 404
    assert not Actual.objects.exists()


def test_a_reporter_cannot_change_another_agencys_figure_through_the_api(
    client, reporter, demo_resolution
):
    draft = Actual.objects.get(
        target__indicator__name="Tỷ lệ bao phủ bảo hiểm y tế", status=Actual.Status.DRAFT
    )
    headers = bearer(reporter)
    patch = client.patch(
        f"/api/targets/actuals/{draft.pk}",
        {"value": "99"},
        content_type="application/json",
        **headers,
    )
    submit = client.post(f"/api/targets/actuals/{draft.pk}/submit", **headers)
    assert (patch.status_code, submit.status_code) == (404, 404)
    draft.refresh_from_db()
    assert (str(draft.value), draft.status) == ("93.1000", Actual.Status.DRAFT)


def test_a_reporter_cannot_approve_its_own_figure_through_the_api(client, reporter, revenue):
    headers = bearer(reporter)
    created = client.post(
        f"/api/targets/targets/{revenue.pk}/actuals",
        {"period": "2024", "value": "1", "submit": True},
        content_type="application/json",
        **headers,
    ).json()
    assert (
        client.post(f"/api/targets/actuals/{created['id']}/approve", **headers).status_code == 403
    )
    assert Actual.objects.get(pk=created["id"]).status == Actual.Status.SUBMITTED


def test_the_office_returns_with_a_reason_and_a_missing_reason_is_refused(
    client, office, demo_resolution
):
    submitted = Actual.objects.get(status=Actual.Status.SUBMITTED)
    headers = bearer(office)
    url = f"/api/targets/actuals/{submitted.pk}/return"
    refused = client.post(url, {"reason": " "}, content_type="application/json", **headers)
    assert refused.status_code == 400
    assert "reason" in refused.json()["errors"]
    done = client.post(url, {"reason": "Ghi nguồn"}, content_type="application/json", **headers)
    assert (done.json()["status"], done.json()["return_reason"]) == ("returned", "Ghi nguồn")


def test_another_provinces_office_sees_no_targets_and_cannot_approve(
    client, outsider, demo_resolution
):
    headers = bearer(outsider)
    assert client.get("/api/targets/targets", **headers).json() == []
    submitted = Actual.objects.get(status=Actual.Status.SUBMITTED)
    assert client.post(f"/api/targets/actuals/{submitted.pk}/approve", **headers).status_code == 404


def test_the_evaluation_gives_statuses_and_the_report_sentence(client, leader, demo_resolution):
    response = client.get(
        "/api/targets/evaluations",
        {"document_id": demo_resolution.pk, "period": "2024"},
        **bearer(leader),
    )
    body = response.json()
    assert body["sentence"].startswith("Ước có 10/14 chỉ tiêu đạt và vượt")
    assert (body["exceeded"], body["achieved"], body["not_achieved"], body["no_data"]) == (
        6,
        4,
        2,
        2,
    )
    grdp = body["rows"][0]
    assert (grdp["status"], grdp["completion"]) == ("not_achieved", "83.76")


def test_a_bad_period_is_refused_with_a_reason(client, office, demo_resolution):
    response = client.get(
        "/api/targets/evaluations",
        {"document_id": demo_resolution.pk, "period": "2024-Q9"},
        **bearer(office),
    )
    assert response.status_code == 400


def test_the_office_adds_an_indicator_and_a_target(client, office, dongthap, demo_resolution):
    headers = bearer(office)
    indicator = client.post(
        "/api/targets/indicators",
        {"name": "Tỷ lệ hộ nghèo", "unit": "%", "kind": "share", "direction": "less_is_better",
         "sector": "society", "province_id": dongthap.province.pk},
        content_type="application/json",
        **headers,
    ).json()  # fmt: skip
    response = client.post(
        "/api/targets/targets",
        {"document_id": demo_resolution.pk, "indicator_id": indicator["id"], "comparator": "<",
         "value": "2", "period": "2024", "owner_id": dongthap.bodies["so_noi_vu"].pk},
        content_type="application/json",
        **headers,
    )  # fmt: skip
    assert response.status_code == 201, response.content
    assert response.json()["position"] == 15


def test_a_reporter_cannot_add_targets_through_the_api(client, reporter, demo_resolution, dongthap):
    indicator = Target.objects.filter(document=demo_resolution).first().indicator
    response = client.post(
        "/api/targets/targets",
        {"document_id": demo_resolution.pk, "indicator_id": indicator.pk, "comparator": ">=",
         "value": "1", "period": "2024"},
        content_type="application/json",
        **bearer(reporter),
    )  # fmt: skip
    assert response.status_code == 403


def test_public_resolutions_are_readable_without_credentials(client, demo_resolution):
    assert client.get("/api/targets/targets", {"document_id": demo_resolution.pk}).json() == []
    demo_resolution.is_public = True
    demo_resolution.save()
    assert len(client.get("/api/targets/targets", {"document_id": demo_resolution.pk}).json()) == 14
