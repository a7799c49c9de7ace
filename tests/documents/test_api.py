"""The documents API answers as the pages do: same services, same access rules."""

import pytest

from nghiquyet.api.services import api_token_create
from nghiquyet.documents.models import Document, DocumentLink

pytestmark = pytest.mark.django_db


def bearer(user) -> dict:
    _token, raw = api_token_create(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def payload(dongthap, **fields) -> dict:
    data = {
        "kind": "chi_thi",
        "symbol": "58-CT/TU",
        "issuer_id": dongthap.bodies["btv"].pk,
        "issued_on": "2023-11-07",
        "title": "Chỉ thị về tăng cường sự lãnh đạo của Đảng đối với Quy hoạch tỉnh",
        "status": "adopted",
    }
    data.update(fields)
    return data


def test_the_office_creates_a_document_with_a_token(client, office, dongthap):
    response = client.post(
        "/api/documents/", payload(dongthap), content_type="application/json", **bearer(office)
    )
    assert response.status_code == 201
    assert response.json()["symbol"] == "58-CT/TU"
    assert response.json()["number"] == "58"


def test_a_duplicate_is_refused_with_the_reason(client, office, dongthap, directive):
    response = client.post(
        "/api/documents/",
        payload(dongthap),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="vi",
        **bearer(office),
    )
    assert response.status_code == 400
    assert "đã có trong hệ thống" in response.json()["errors"]["symbol"][0]
    assert Document.objects.count() == 1


def test_a_symbol_contradicting_the_kind_is_refused(client, office, dongthap):
    response = client.post(
        "/api/documents/",
        payload(dongthap, kind="ke_hoach"),
        content_type="application/json",
        **bearer(office),
    )
    assert response.status_code == 400
    assert not Document.objects.exists()


def test_a_draft_marked_public_is_refused_and_never_listed_to_visitors(client, office, dongthap):
    response = client.post(
        "/api/documents/",
        payload(dongthap, status="draft", symbol="", is_public=True),
        content_type="application/json",
        **bearer(office),
    )
    assert response.status_code == 400
    assert "is_public" in response.json()["errors"]
    assert not Document.objects.exists()
    assert client.get("/api/documents/").json() in ([], {"items": [], "count": 0})


@pytest.mark.parametrize("who", ["leader", "reporter"])
def test_leaders_and_reporters_cannot_create_or_link(who, client, dongthap, programme, request):
    headers = bearer(request.getfixturevalue(who))
    response = client.post(
        "/api/documents/", payload(dongthap), content_type="application/json", **headers
    )
    assert response.status_code == 403
    response = client.post(
        f"/api/documents/{programme.pk}/links",
        {"target_id": programme.pk, "kind": "implements"},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 403


def test_an_outsider_neither_sees_nor_links_another_provinces_document(
    client, outsider, directive, laichau
):
    headers = bearer(outsider)
    assert client.get(f"/api/documents/{directive.pk}", **headers).status_code == 404
    assert directive.pk not in [d["id"] for d in client.get("/api/documents/", **headers).json()]
    response = client.post(
        f"/api/documents/{directive.pk}/links",
        {"target_id": directive.pk, "kind": "implements"},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 404


def test_an_outsider_cannot_create_for_another_province(client, outsider, dongthap):
    response = client.post(
        "/api/documents/", payload(dongthap), content_type="application/json", **bearer(outsider)
    )
    assert response.status_code == 400
    assert "issuer_id" in response.json()["errors"]


def test_the_public_lists_public_documents_only_without_credentials(client, directive, programme):
    ids = [d["id"] for d in client.get("/api/documents/").json()]
    assert programme.pk in ids
    assert directive.pk not in ids
    assert client.get(f"/api/documents/{directive.pk}").status_code == 404
    assert client.post("/api/documents/", {}, content_type="application/json").status_code == 401


def test_the_office_links_a_programme_and_the_detail_shows_it_both_ways(
    client, office, programme, directive
):
    headers = bearer(office)
    response = client.post(
        f"/api/documents/{programme.pk}/links",
        {"target_id": directive.pk, "kind": "implements"},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 201
    assert DocumentLink.objects.filter(source=programme, target=directive).exists()
    source = client.get(f"/api/documents/{programme.pk}", **headers).json()
    target = client.get(f"/api/documents/{directive.pk}", **headers).json()
    assert [link["target_id"] for link in source["links_out"]] == [directive.pk]
    assert [link["source_id"] for link in target["links_in"]] == [programme.pk]


def test_the_list_filters_like_the_register(client, office, directive, programme):
    headers = bearer(office)
    found = client.get("/api/documents/?kind=chi_thi&q=quy%20hoach", **headers).json()
    assert [d["id"] for d in found] == [directive.pk]
