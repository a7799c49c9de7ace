"""The API authenticates with a token or a session and applies the same access rules."""

from datetime import timedelta

import pytest
from django.core.management import call_command

from nghiquyet.api.models import ApiToken
from nghiquyet.api.services import api_token_create, api_token_revoke

pytestmark = pytest.mark.django_db


def bearer(raw: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_a_token_sees_the_bodies_of_its_users_province_only(client, office, laichau):
    _token, raw = api_token_create(user=office, name="excel")
    response = client.get("/api/orgs/bodies", **bearer(raw))
    assert response.status_code == 200
    names = {b["name"] for b in response.json()}
    assert "Sở Tài chính tỉnh Đồng Tháp" in names
    assert not any("Lai Châu" in n for n in names)


def test_no_token_and_no_session_is_refused(client, office):
    assert client.get("/api/orgs/bodies").status_code == 401


def test_a_revoked_token_is_refused(client, office):
    token, raw = api_token_create(user=office, name="old")
    api_token_revoke(token=token)
    assert client.get("/api/orgs/bodies", **bearer(raw)).status_code == 401


def test_another_provinces_body_is_not_found(client, outsider, dongthap):
    _token, raw = api_token_create(user=outsider, name="probe")
    body = dongthap.bodies["so_tai_chinh"]
    assert client.get(f"/api/orgs/bodies/{body.pk}", **bearer(raw)).status_code == 404


def test_the_openapi_schema_and_docs_are_served(client):
    assert client.get("/api/openapi.json").status_code == 200
    assert client.get("/api/docs").status_code == 200


def test_the_token_command_prints_a_working_key(client, office, capsys):
    call_command("api_token", office.username, "--name", "cli")
    raw = capsys.readouterr().out.strip()
    assert client.get("/api/orgs/bodies", **bearer(raw)).status_code == 200


def test_a_tokens_last_use_is_recorded_at_most_once_a_minute(client, office):
    token, raw = api_token_create(user=office, name="figures")
    assert client.get("/api/orgs/bodies", **bearer(raw)).status_code == 200
    token.refresh_from_db()
    first = token.last_used_at
    assert first is not None
    assert client.get("/api/orgs/bodies", **bearer(raw)).status_code == 200
    token.refresh_from_db()
    assert token.last_used_at == first
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=first - timedelta(minutes=2))
    assert client.get("/api/orgs/bodies", **bearer(raw)).status_code == 200
    token.refresh_from_db()
    assert token.last_used_at > first
