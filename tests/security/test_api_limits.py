"""API lists come in pages: a default page, a hard maximum, the total in a header.

Clients written before paging keep working: the body is still the JSON array, and
a resolution's targets fit in the default page.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from nghiquyet.api.pagination import DEFAULT_LIMIT, MAX_LIMIT
from nghiquyet.api.services import api_token_create
from nghiquyet.documents.models import Document, DocumentKind
from nghiquyet.targets import services
from nghiquyet.targets.models import Target

MANY = DEFAULT_LIMIT + 50


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def bearer(user) -> dict:
    _token, raw = api_token_create(user=user, name="limits")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def crowded(dongthap, office):
    """A resolution with more targets than one page holds."""
    resolution = Document.objects.create(
        kind=DocumentKind.NGHI_QUYET,
        symbol="33-NQ/TU",
        number="33",
        issuer=dongthap.bodies["tinh_uy"],
        province=dongthap.province,
        title="Nghị quyết về chuyển đổi số đến năm 2030",
        status=Document.Status.ADOPTED,
    )
    indicator = services.indicator_create(
        user=office, province=dongthap.province, name="Số xã đạt chuẩn nông thôn mới"
    )
    Target.objects.bulk_create(
        Target(
            document=resolution,
            place=dongthap.province,
            indicator=indicator,
            comparator=">=",
            value=number,
            period="2025",
            position=number,
        )
        for number in range(1, MANY + 1)
    )
    return resolution


def test_a_client_that_asks_for_nothing_gets_the_first_page_as_a_plain_list(
    client, office, crowded
):
    response = client.get("/api/targets/targets", {"document_id": crowded.pk}, **bearer(office))
    assert response.status_code == 200
    body = response.json()
    assert isinstance(body, list) and len(body) == DEFAULT_LIMIT
    assert response["X-Total-Count"] == str(MANY)
    assert [t["position"] for t in body] == list(range(1, DEFAULT_LIMIT + 1))


def test_pages_cover_every_target_once(client, office, crowded):
    headers = bearer(office)
    seen = []
    for offset in range(0, MANY, 60):
        page = client.get(
            "/api/targets/targets",
            {"document_id": crowded.pk, "limit": 60, "offset": offset},
            **headers,
        ).json()
        seen += [t["id"] for t in page]
    assert len(seen) == len(set(seen)) == MANY


@pytest.mark.parametrize(
    ("limit", "offset", "items"),
    [(60, 0, 60), (60, 120, MANY - 120), (60, MANY - 1, 1), (60, MANY, 0), (60, MANY + 40, 0)],
)
def test_every_page_gives_the_total_whether_full_short_or_beyond_the_end(
    client, office, crowded, limit, offset, items
):
    query = {"document_id": crowded.pk, "limit": limit, "offset": offset}
    response = client.get("/api/targets/targets", query, **bearer(office))
    assert len(response.json()) == items
    assert response["X-Total-Count"] == str(MANY)


def test_a_list_that_fits_in_one_page_is_not_counted_again(client, office, crowded):
    headers = bearer(office)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(
            "/api/targets/targets", {"document_id": crowded.pk, "limit": 500}, **headers
        )
    assert response["X-Total-Count"] == str(MANY) and len(response.json()) == MANY
    assert not [q for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]


@pytest.mark.parametrize(
    "query", [{"limit": MAX_LIMIT + 1}, {"limit": 0}, {"offset": -1}, {"limit": "tất cả"}]
)
def test_a_page_beyond_the_limits_is_refused_not_served(client, office, crowded, query):
    response = client.get("/api/targets/targets", query, **bearer(office))
    assert response.status_code == 422


def test_every_list_of_the_api_is_paged_and_documents_its_limits(client):
    schema = client.get("/api/openapi.json").json()
    lists = {}
    for path, operations in schema["paths"].items():
        get = operations.get("get")
        if not get:
            continue
        answer = get["responses"].get("200", {}).get("content", {}).get("application/json", {})
        if answer.get("schema", {}).get("type") == "array":
            lists[path] = {p["name"]: p for p in get.get("parameters", [])}
    assert len(lists) >= 11, sorted(lists)
    for path, parameters in lists.items():
        assert {"limit", "offset"} <= set(parameters), path
        assert parameters["limit"]["schema"]["maximum"] == MAX_LIMIT, path
        assert str(DEFAULT_LIMIT) in parameters["limit"]["description"], path


@pytest.mark.parametrize(
    "url",
    [
        "/api/orgs/bodies",
        "/api/documents/",
        "/api/targets/indicators",
        "/api/targets/targets",
        "/api/tasks/",
        "/api/tasks/requests",
        "/api/meetings/",
        "/api/reports/",
    ],
)
def test_each_list_answers_one_item_when_asked_for_one(client, office, crowded, url):
    response = client.get(url, {"limit": 1}, **bearer(office))
    assert response.status_code == 200, response.content[:300]
    assert isinstance(response.json(), list) and len(response.json()) <= 1
    assert int(response["X-Total-Count"]) >= len(response.json())


@pytest.mark.parametrize("number", ["100000000000000000000", "9223372036854775808"])
def test_an_id_beyond_the_database_range_is_refused_not_a_server_error(
    client, office, crowded, number
):
    headers = bearer(office)
    body = (
        f'{{"document_id": {number}, "indicator_id": 1, "comparator": ">=", '
        '"value": 1, "period": "2024"}'
    )
    created = client.post("/api/targets/targets", body, content_type="application/json", **headers)
    listed = client.get("/api/targets/targets", {"document_id": number}, **headers)
    shown = client.get(f"/api/targets/targets/{number}", **headers)
    assert (created.status_code, shown.status_code) == (404, 404)
    # SQLite cannot even send such an integer (refused, 400); PostgreSQL finds nothing.
    if listed.status_code == 400:
        assert listed.json()["detail"] == "Một số trong yêu cầu quá lớn."
    else:
        assert (listed.status_code, listed.json()) == (200, [])
    assert Target.objects.count() == MANY
