"""Out-of-range and over-precise figures: refused with a clear message, never stored, never a 500.

Every way a figure reaches the database is tried with the same hostile values:
the API (JSON numbers, bare NaN/Infinity tokens and text), the figure form of the
pages, the office's spreadsheet and the admin. "8,5" and the largest figure the
column holds are accepted exactly; every page, list and export that reads the
largest figure still answers.
"""

import json
from decimal import Decimal
from io import BytesIO

import pytest
from django.utils import translation
from openpyxl import Workbook

from nghiquyet.api.services import api_token_create
from nghiquyet.documents.models import Document, DocumentKind
from nghiquyet.reports.services import report_create
from nghiquyet.targets import services
from nghiquyet.targets.excel_import import targets_import_xlsx
from nghiquyet.targets.models import Actual, Direction, Indicator, Kind, Target

#: The largest figure stored exactly on SQLite and PostgreSQL alike, and the most precise.
LARGEST = "999999999999999"
PRECISE = "12345678901.2345"

#: (JSON text of the value, why it must be refused)
REFUSED = [
    ("NaN", "số hữu hạn"),
    ("Infinity", "số hữu hạn"),
    ("-Infinity", "số hữu hạn"),
    ('"NaN"', "số hữu hạn"),
    ('"Infinity"', "số hữu hạn"),
    ('"-Infinity"', "số hữu hạn"),
    ("1e20", "quá lớn"),
    ('"1e20"', "quá lớn"),
    ("100000000000000000000", "quá lớn"),
    ("1000000000000000", "quá lớn"),
    ("9999999999999999.9999", "quá lớn"),
    ("123456789012.3456", "chữ số"),
    ("1e-10", "chữ số thập phân"),
    ('"8,49999"', "chữ số thập phân"),
    ("0.00005", "chữ số thập phân"),
    ("8.49999", "chữ số thập phân"),
    ('"34.000"', "không rõ"),
    ('"8,5 tỷ"', "không phải là số"),
]
#: (JSON text, the figure stored)
ACCEPTED = [
    ('"8,5"', Decimal("8.5")),
    ("8.5", Decimal("8.5")),
    ('"34.000,5"', Decimal("34000.5")),
    ("8.50000", Decimal("8.5")),
    (LARGEST, Decimal(LARGEST)),
    (f"-{LARGEST}", Decimal(f"-{LARGEST}")),
    (PRECISE, Decimal(PRECISE)),
    ("0.0001", Decimal("0.0001")),
]


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def bearer(user) -> dict:
    _token, raw = api_token_create(user=user, name="numbers")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def resolution(dongthap):
    return Document.objects.create(
        kind=DocumentKind.NGHI_QUYET,
        symbol="31-NQ/TU",
        number="31",
        issuer=dongthap.bodies["tinh_uy"],
        province=dongthap.province,
        title="Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội năm 2024",
        status=Document.Status.ADOPTED,
    )


@pytest.fixture
def growth(dongthap, office):
    return services.indicator_create(
        user=office,
        province=dongthap.province,
        name="Tốc độ tăng trưởng GRDP",
        unit="%",
        kind=Kind.LEVEL,
        direction=Direction.MORE_IS_BETTER,
    )


@pytest.fixture
def target(resolution, growth, dongthap, office):
    """Owned by Sở Tài chính, the agency of the `reporter` persona."""
    return services.target_create(
        user=office,
        document=resolution,
        indicator=growth,
        comparator=">=",
        value="8.5",
        period="2024",
        owner=dongthap.bodies["so_tai_chinh"],
    )


def stored() -> tuple:
    return (
        list(Target.all_objects.order_by("pk").values_list("pk", "value", "value_max")),
        list(Actual.objects.order_by("pk").values_list("pk", "value")),
        Target.history.count(),
        Actual.history.count(),
    )


def post_json(client, url: str, body: str, user, method: str = "post"):
    return getattr(client, method)(url, body, content_type="application/json", **bearer(user))


# API ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "why"), REFUSED)
def test_the_api_refuses_a_reported_figure_that_cannot_be_stored_exactly(
    client, reporter, target, value, why
):
    before = stored()
    url = f"/api/targets/targets/{target.pk}/actuals"
    response = post_json(client, url, f'{{"period": "2024", "value": {value}}}', reporter)
    assert response.status_code == 400, response.content
    assert why in response.json()["errors"]["value"][0]
    assert stored() == before


@pytest.mark.parametrize(("value", "expected"), ACCEPTED)
def test_the_api_stores_a_reported_figure_exactly_as_sent(
    client, reporter, target, value, expected
):
    url = f"/api/targets/targets/{target.pk}/actuals"
    response = post_json(client, url, f'{{"period": "2024", "value": {value}}}', reporter)
    assert response.status_code == 201, response.content
    assert Actual.objects.get(pk=response.json()["id"]).value == expected


@pytest.mark.parametrize(("value", "why"), REFUSED)
def test_the_api_refuses_a_corrected_draft_that_cannot_be_stored_exactly(
    client, reporter, target, value, why
):
    draft = services.actual_create(user=reporter, target=target, period="2024", value="8,2")
    before = stored()
    response = post_json(
        client, f"/api/targets/actuals/{draft.pk}", f'{{"value": {value}}}', reporter, "patch"
    )
    assert response.status_code == 400, response.content
    assert why in response.json()["errors"]["value"][0]
    assert stored() == before


@pytest.mark.parametrize("field", ["value", "value_max", "base_value"])
@pytest.mark.parametrize(("value", "why"), REFUSED)
def test_the_api_refuses_a_target_value_that_cannot_be_stored_exactly(
    client, office, resolution, growth, field, value, why
):
    values = {"value": "5", "value_max": "6", "base_value": "100", field: value}
    body = (
        f'{{"document_id": {resolution.pk}, "indicator_id": {growth.pk}, "comparator": "range", '
        f'"period": "2025", "base_year": 2020, "value": {values["value"]}, '
        f'"value_max": {values["value_max"]}, "base_value": {values["base_value"]}}}'
    )
    before = stored()
    response = post_json(client, "/api/targets/targets", body, office)
    assert response.status_code == 400, response.content
    assert why in response.json()["errors"][field][0]
    assert stored() == before


def test_the_api_accepts_a_target_at_the_largest_value_the_column_holds(
    client, office, resolution, growth
):
    body = {
        "document_id": resolution.pk,
        "indicator_id": growth.pk,
        "comparator": ">=",
        "period": "2024",
        "value": LARGEST,
    }
    response = post_json(client, "/api/targets/targets", json.dumps(body), office)
    assert response.status_code == 201, response.content
    assert Target.objects.get(pk=response.json()["id"]).value == Decimal(LARGEST)


@pytest.mark.parametrize(
    ("value", "why"),
    [("NaN", "số hữu hạn"), ("1e20", "quá lớn"), ("1.25", "chữ số thập phân")],
)
def test_the_api_refuses_a_meeting_length_that_cannot_be_stored_exactly(
    client, office, dongthap, value, why
):
    from nghiquyet.meetings.models import Meeting

    body = (
        f'{{"body_id": {dongthap.bodies["tinh_uy"].pk}, "starts_on": "2024-12-10", '
        f'"duration_days": {value}}}'
    )
    response = post_json(client, "/api/meetings/", body, office)
    assert response.status_code == 400, response.content
    assert why in json.dumps(response.json(), ensure_ascii=False)
    assert not Meeting.objects.exists()


def test_the_api_documents_how_a_figure_is_written(client):
    schema = client.get("/api/openapi.json").json()
    value = schema["components"]["schemas"]["ActualIn"]["properties"]["value"]
    assert "decimal mark" in value["description"]


# Pages --------------------------------------------------------------------------------

PAGE_REFUSED = [
    ("NaN", "số"),
    ("Infinity", "số"),
    ("-Infinity", "số"),
    ("1e20", "quá lớn"),
    ("100000000000000000000", "quá lớn"),
    ("1e-10", "chữ số thập phân"),
    ("8,49999", "chữ số thập phân"),
    ("0,00005", "chữ số thập phân"),
    ("0.00005", "chữ số thập phân"),
    ("8.49999", "chữ số thập phân"),
]


@pytest.mark.parametrize(("value", "why"), PAGE_REFUSED)
def test_the_figure_form_refuses_a_figure_that_cannot_be_stored_exactly(
    client_for, reporter, target, value, why
):
    before = stored()
    response = client_for(reporter).post(
        f"/targets/{target.pk}/report/", {"period": "2024", "value": value}
    )
    assert response.status_code == 200
    assert why in response.content.decode()
    assert stored() == before


@pytest.mark.parametrize(("value", "expected"), [("8,5", "8.5"), ("34.000", "34000")])
def test_the_figure_form_stores_a_figure_exactly_as_typed(
    client_for, reporter, target, value, expected
):
    response = client_for(reporter).post(
        f"/targets/{target.pk}/report/", {"period": "2024", "value": value}
    )
    assert response.status_code == 302
    assert target.actuals.get().value == Decimal(expected)


@pytest.mark.parametrize(("value", "why"), PAGE_REFUSED)
def test_the_figure_edit_form_refuses_a_figure_that_cannot_be_stored_exactly(
    client_for, reporter, target, value, why
):
    draft = services.actual_create(user=reporter, target=target, period="2024", value="8,2")
    before = stored()
    response = client_for(reporter).post(f"/targets/actuals/{draft.pk}/edit/", {"value": value})
    assert response.status_code == 200
    assert why in response.content.decode()
    assert stored() == before


# Excel import -------------------------------------------------------------------------


def sheet(rows) -> bytes:
    book = Workbook()
    grid = book.active
    grid.append(["CÁC CHỈ TIÊU CHỦ YẾU NĂM 2024"])
    grid.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu NQ", "Kỳ chỉ tiêu", "Năm 2024"])
    for row in rows:
        grid.append(row)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


EXCEL_REFUSED = [10**18, 1e20, 1e-10, 0.00005, 8.49999, "8,49999", "0,00005"]


@pytest.mark.parametrize("value", EXCEL_REFUSED)
def test_the_import_refuses_a_target_value_that_cannot_be_stored_exactly(office, resolution, value):
    before = stored()
    content = sheet([[1, "Thu ngân sách nội địa", "tỷ đồng", value, "Năm 2024", None]])
    report = targets_import_xlsx(user=office, document=resolution, file=content)
    assert not report.ok
    assert any(error.row == 3 for error in report.errors), report.errors
    text = " ".join(str(error) for error in report.errors)
    assert "quá lớn" in text or "chữ số thập phân" in text
    assert stored() == before


@pytest.mark.parametrize("value", EXCEL_REFUSED)
def test_the_import_refuses_a_figure_that_cannot_be_stored_exactly(office, resolution, value):
    before = stored()
    content = sheet([[1, "Thu ngân sách nội địa", "tỷ đồng", "trên 6.000", "Năm 2024", value]])
    report = targets_import_xlsx(user=office, document=resolution, file=content)
    assert not report.ok
    text = " ".join(str(error) for error in report.errors)
    assert "quá lớn" in text or "chữ số thập phân" in text
    assert stored() == before


def test_the_import_stores_a_decimal_comma_and_the_largest_value_exactly(office, resolution):
    content = sheet([[1, "Thu ngân sách nội địa", "tỷ đồng", Decimal(LARGEST), "Năm 2024", "8,5"]])
    report = targets_import_xlsx(user=office, document=resolution, file=content)
    assert report.ok, report.errors
    imported = Target.objects.get(document=resolution)
    assert imported.actuals.get().value == Decimal("8.5")


# Admin --------------------------------------------------------------------------------


@pytest.fixture
def admin_client(client, django_user_model):
    root = django_user_model.objects.create_superuser("quantri", "quantri@example.vn", "x")
    client.force_login(root)
    return client


def admin_target_form(target: Target, **changes) -> dict:
    form = {
        "document": target.document_id,
        "place": target.place_id,
        "indicator": target.indicator_id,
        "comparator": target.comparator,
        "value": str(target.value),
        "value_max": "",
        "unit": target.unit,
        "period": target.period,
        "base_year": "",
        "base_value": "",
        "owner": target.owner_id or "",
        "position": target.position,
        "source_text": target.source_text,
    }
    form.update(changes)
    return form


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("NaN", "số"),
        ("Infinity", "số"),
        ("1e20", "quá lớn"),
        ("100000000000000000000", "quá lớn"),
        ("1e-10", "chữ số thập phân"),
        ("0.00005", "chữ số thập phân"),
        ("8.49999", "chữ số thập phân"),
    ],
)
def test_the_admin_refuses_a_target_value_that_cannot_be_stored_exactly(
    admin_client, target, value, why
):
    before = stored()
    response = admin_client.post(
        f"/admin/targets/target/{target.pk}/change/", admin_target_form(target, value=value)
    )
    assert response.status_code == 200
    assert why in response.content.decode()
    assert stored() == before


# Reading the largest figure -----------------------------------------------------------


@pytest.fixture
def largest(office, reporter, resolution, growth, dongthap):
    """A target at the largest value the column holds, and the largest and smallest figures."""
    big = services.target_create(
        user=office,
        document=resolution,
        indicator=growth,
        comparator=">=",
        value=LARGEST,
        period="2024",
        owner=dongthap.bodies["so_tai_chinh"],
    )
    tiny = services.target_create(
        user=office,
        document=resolution,
        indicator=Indicator.objects.create(province=dongthap.province, name="Tỷ lệ hộ nghèo"),
        comparator="<=",
        value="0.0001",
        period="2024",
        owner=dongthap.bodies["so_tai_chinh"],
    )
    for target, value in ((big, "0.0001"), (tiny, LARGEST), (big, PRECISE)):
        actual = services.actual_create(user=office, target=target, period="2024", value=value)
        services.actual_approve(user=office, actual=actual)
    return big


def test_every_page_list_and_export_answers_with_the_largest_figure_stored(
    client_for, office, resolution, largest
):
    client = client_for(office)
    headers = bearer(office)
    urls = [
        f"/targets/{largest.pk}/",
        f"/targets/documents/{resolution.pk}/",
        f"/targets/documents/{resolution.pk}/?period=2024",
        "/targets/review/",
        "/targets/report/",
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url
    api = [
        f"/api/targets/targets?document_id={resolution.pk}",
        f"/api/targets/targets/{largest.pk}/actuals",
        f"/api/targets/evaluations?document_id={resolution.pk}&period=2024",
    ]
    for url in api:
        assert client.get(url, **headers).status_code == 200, url
    export = client.get(f"/targets/documents/{resolution.pk}/excel/")
    assert export.status_code == 200
    report = report_create(
        user=office, body=resolution.issuer, resolution=resolution, period="2024"
    )
    rendered = client.get(f"/api/reports/{report.pk}/file?format=html", **headers)
    assert rendered.status_code == 200
    assert "999.999.999.999.999" in rendered.content.decode()
