"""Careless cells in an imported sheet get a row message in the reader's language, never
a 500 and never a silent empty figure."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from openpyxl import Workbook

from nghiquyet.targets import services
from nghiquyet.targets.excel_import import targets_import_xlsx
from nghiquyet.targets.models import Actual, Target

pytestmark = pytest.mark.django_db

HEADERS = ["STT", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu NQ", "Kỳ chỉ tiêu", "Năm 2024", "Mã"]


@pytest.fixture
def revenue(office, resolution, dongthap):
    indicator = services.indicator_create(
        user=office, name="Thu ngân sách nội địa", unit="tỷ đồng", province=dongthap.province
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


def workbook(rows, headers=HEADERS) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def snapshot():
    return (
        list(Target.all_objects.values_list("pk", "value", "owner")),
        list(Actual.objects.values_list("pk", "value", "status")),
    )


@pytest.mark.parametrize("code", ["²", "1²", "٣", "9" * 5000, "1e400", "-1"])
def test_an_odd_code_is_a_row_error_in_both_languages(office, resolution, revenue, code):
    content = workbook([[1, "Thu ngân sách nội địa", "tỷ đồng", "> 6.000", "Năm 2024", 6100, code]])
    before = snapshot()
    with translation.override("vi"):
        report = targets_import_xlsx(user=office, document=resolution, file=content)
        vietnamese = str(report.errors[0])
    with translation.override("en"):
        english = str(targets_import_xlsx(user=office, document=resolution, file=content).errors[0])
    assert [error.row for error in report.errors] == [2]
    assert vietnamese.startswith("Dòng 2:") and "không phải" in vietnamese
    assert english.startswith("Row 2:") and "is not a target of this document" in english
    assert snapshot() == before


@pytest.mark.parametrize("figure", ["6.1²", "٦١٠٠", "²"])
def test_a_figure_with_a_digit_like_character_is_a_row_error(office, resolution, revenue, figure):
    content = workbook(
        [[1, "Thu ngân sách nội địa", "tỷ đồng", "> 6.000", "Năm 2024", figure, revenue.pk]]
    )
    with translation.override("en"):
        report = targets_import_xlsx(user=office, document=resolution, file=content)
    assert [error.row for error in report.errors] == [2]
    assert "column F" in report.errors[0].message and "is not a number" in report.errors[0].message
    assert not revenue.actuals.exists()


def test_a_code_with_a_superscript_answers_the_page_with_the_row_not_a_500(
    client_for, office, resolution, revenue
):
    content = workbook([[1, "Thu ngân sách nội địa", "tỷ đồng", "> 6.000", "Năm 2024", 6100, "²"]])
    response = client_for(office).post(
        f"/targets/documents/{resolution.pk}/excel/import/",
        {"file": SimpleUploadedFile("chi-tieu.xlsx", content)},
    )
    assert response.status_code == 400
    assert "Dòng 2" in response.text


def test_an_uncomputed_formula_is_refused_not_imported_as_an_empty_figure(
    office, resolution, revenue
):
    """openpyxl, scripts and some online editors save formulas without their value."""
    content = workbook(
        [
            [
                1,
                "Thu ngân sách nội địa",
                "tỷ đồng",
                "> 6.000",
                "Năm 2024",
                "=3050+3050",
                revenue.pk,
            ],
            [2, "Tốc độ tăng trưởng GRDP", "%", "=8.5", "Năm 2024", 8.7, None],
        ]
    )
    before = snapshot()
    with translation.override("vi"):
        report = targets_import_xlsx(user=office, document=resolution, file=content)
        messages = [str(error) for error in report.errors]
    assert [error.row for error in report.errors] == [2, 3]
    assert "ô công thức chưa được tính" in messages[0] and "cột F" in messages[0]
    assert "ô công thức chưa được tính" in messages[1] and "cột D" in messages[1]
    assert snapshot() == before
    with translation.override("en"):
        report = targets_import_xlsx(user=office, document=resolution, file=content)
    assert "the formula cell has no computed value" in report.errors[0].message


def test_an_owner_column_sets_the_owning_agency_by_name(office, resolution, dongthap):
    finance = dongthap.bodies["so_tai_chinh"]
    content = workbook(
        [
            [1, "Tốc độ tăng trưởng GRDP", "%", "≥ 8,5", "Năm 2024", "8,7", finance.name.upper()],
            [2, "Tỷ lệ bao phủ bảo hiểm y tế", "%", "94,95", "Năm 2024", None, ""],
        ],
        headers=[*HEADERS[:6], "Cơ quan chủ trì"],
    )
    report = targets_import_xlsx(user=office, document=resolution, file=content)
    assert report.ok, report.errors
    owners = dict(Target.objects.values_list("indicator__name", "owner"))
    assert owners == {"Tốc độ tăng trưởng GRDP": finance.pk, "Tỷ lệ bao phủ bảo hiểm y tế": None}


def test_an_unknown_or_foreign_agency_in_the_owner_column_is_a_row_error(
    office, resolution, laichau
):
    foreign = laichau.bodies["so_tai_chinh"].name
    content = workbook(
        [[1, "Tốc độ tăng trưởng GRDP", "%", "≥ 8,5", "Năm 2024", "8,7", foreign]],
        headers=[*HEADERS[:6], "Cơ quan chủ trì"],
    )
    with translation.override("vi"):
        report = targets_import_xlsx(user=office, document=resolution, file=content)
    assert [error.row for error in report.errors] == [2]
    assert "Cơ quan chủ trì" in report.errors[0].message
    assert not Target.objects.exists()
