"""Targets and actuals through the office's spreadsheet: import, refusal, round trip.

The resolution is the conftest's Đồng Tháp 2024 resolution with its two targets:
budget revenue above 6.000 tỷ đồng (Sở Tài chính) and health-insurance coverage
of 94,95% (Sở Y tế).
"""

from decimal import Decimal
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation
from openpyxl import Workbook, load_workbook

from nghiquyet.targets import services
from nghiquyet.targets.excel import targets_export_xlsx
from nghiquyet.targets.excel_import import targets_import_xlsx
from nghiquyet.targets.models import Actual, Indicator, Target

pytestmark = pytest.mark.django_db

HEADERS = ["STT", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu NQ", "Kỳ chỉ tiêu"]


def approved(office, target, period, value, estimate=False):
    actual = services.actual_create(
        user=office, target=target, period=period, value=value, is_estimate=estimate
    )
    return services.actual_approve(user=office, actual=actual)


@pytest.fixture
def figures(office, revenue, coverage):
    """A half-year estimate and a year figure for revenue; the year for coverage."""
    approved(office, revenue, "2024-H1", "3120.5", estimate=True)
    approved(office, revenue, "2024", "6250")
    approved(office, coverage, "2024", "95.1")


def sheet_of(content: bytes):
    return load_workbook(BytesIO(content)).active


def workbook(rows, headers=None) -> bytes:
    """A spreadsheet as an office types it: a title line, the headers, then the rows."""
    book = Workbook()
    sheet = book.active
    sheet.append(["CÁC CHỈ TIÊU CHỦ YẾU NĂM 2024"])
    sheet.append(headers or [*HEADERS, "6 tháng 2024", "Năm 2024"])
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def snapshot():
    return (
        list(Target.all_objects.order_by("pk").values_list("pk", "value", "period", "unit")),
        list(Actual.objects.order_by("pk").values_list("pk", "value", "status", "is_estimate")),
        Target.history.count(),
        Actual.history.count(),
    )


# Export -------------------------------------------------------------------------------


def test_the_export_has_one_row_per_target_and_one_column_per_period(
    office, resolution, revenue, coverage, figures
):
    sheet = sheet_of(
        targets_export_xlsx(user=office, document=resolution, periods=["2024-H1", "2024"])
    )
    assert [c.value for c in sheet[2]] == [
        *HEADERS,
        "6 tháng đầu năm 2024",
        "Năm 2024",
        "Mã",
    ]
    assert [c.value for c in sheet[3]][:7] == [
        1,
        "Thu ngân sách nội địa",
        "tỷ đồng",
        "> 6.000",
        "Năm 2024",
        3120.5,
        6250,
    ]
    assert [c.value for c in sheet[4]][:7] == [
        2,
        "Tỷ lệ bao phủ bảo hiểm y tế",
        "%",
        "94,95",
        "Năm 2024",
        None,
        95.1,
    ]
    assert sheet["F3"].number_format == '#,##0.0" (ước)"'
    assert sheet["G3"].number_format == "#,##0"
    assert sheet.column_dimensions["H"].hidden


def test_the_export_shows_only_approved_figures(office, reporter, revenue, resolution):
    services.actual_create(user=reporter, target=revenue, period="2024", value="7000", submit=True)
    sheet = sheet_of(targets_export_xlsx(user=office, document=resolution, periods=["2024"]))
    assert sheet["F3"].value is None


def test_a_reporter_exports_only_its_agencys_targets(reporter, resolution, revenue, coverage):
    sheet = sheet_of(targets_export_xlsx(user=reporter, document=resolution, periods=["2024"]))
    assert [sheet.cell(row=r, column=2).value for r in range(3, sheet.max_row + 1)] == [
        "Thu ngân sách nội địa"
    ]


def test_an_outsider_cannot_export_another_provinces_targets(outsider, resolution, revenue):
    with pytest.raises(PermissionDenied):
        targets_export_xlsx(user=outsider, document=resolution, periods=["2024"])


# Round trip ---------------------------------------------------------------------------


def test_exporting_and_importing_again_changes_nothing(office, resolution, figures):
    content = targets_export_xlsx(user=office, document=resolution)
    before = snapshot()
    report = targets_import_xlsx(user=office, document=resolution, file=BytesIO(content))
    assert report.ok
    assert not report.changed
    assert report.rows_unchanged == 2
    assert snapshot() == before
    again = targets_export_xlsx(user=office, document=resolution)
    assert [[c.value for c in row] for row in sheet_of(again).iter_rows()] == [
        [c.value for c in row] for row in sheet_of(content).iter_rows()
    ]


# Import -------------------------------------------------------------------------------


def test_the_office_imports_new_targets_and_figures_which_count_at_once(office, resolution):
    content = workbook(
        [
            [1, "Tốc độ tăng trưởng GRDP", "%", "≥ 8,5", "Năm 2024", None, "6,8 (ước)"],
            [2, "GRDP bình quân đầu người", "triệu đồng", "trên 88", "Năm 2024", None, "89,2"],
            [3, "Số lao động được tạo việc làm", "lao động", "23.000", "Năm 2024", 11500, 23150],
        ]
    )
    report = targets_import_xlsx(user=office, document=resolution, file=content)
    assert report.ok, report.errors
    assert (report.targets_created, report.figures_recorded) == (3, 4)
    growth = Target.objects.get(document=resolution, indicator__name="Tốc độ tăng trưởng GRDP")
    assert (growth.comparator, growth.value, growth.period) == (">=", Decimal("8.5"), "2024")
    figure = growth.actuals.get()
    assert (figure.value, figure.is_estimate, figure.status) == (Decimal("6.8"), True, "approved")
    jobs = Target.objects.get(document=resolution, indicator__name="Số lao động được tạo việc làm")
    assert sorted(jobs.actuals.values_list("period", "value")) == [
        ("2024", Decimal("23150")),
        ("2024-H1", Decimal("11500")),
    ]
    assert growth.history.first().history_user == office


def test_a_sheet_of_many_communes_keeps_each_figure_with_its_own_target_and_history(
    office, resolution
):
    # More rows than one INSERT holds on SQLite, so keys are handed out chunk by chunk.
    communes = 130
    content = workbook(
        [
            [
                number,
                f"Tỷ lệ hộ nghèo theo chuẩn đa chiều, xã số {number}",
                "%",
                "dưới 1,5",
                "Năm 2024",
                f"1,{number:03d} (ước)",
                f"{number},25",
            ]
            for number in range(1, communes + 1)
        ]
    )
    report = targets_import_xlsx(user=office, document=resolution, file=content)
    assert report.ok, report.errors
    assert (report.targets_created, report.figures_recorded) == (communes, 2 * communes)
    for number in (1, 62, 63, 100, communes):
        target = Target.objects.get(
            document=resolution,
            indicator__name=f"Tỷ lệ hộ nghèo theo chuẩn đa chiều, xã số {number}",
        )
        assert sorted(target.actuals.values_list("period", "value", "is_estimate")) == [
            ("2024", Decimal(f"{number}.25"), False),
            ("2024-H1", Decimal(f"1.{number:03d}"), True),
        ]
        created = target.history.get()
        assert (created.history_type, created.history_user, created.value) == (
            "+",
            office,
            Decimal("1.5"),
        )
    imported = Actual.objects.filter(target__document=resolution)
    history = Actual.history.filter(target__document=resolution, history_type="+")
    assert sorted(history.values_list("id", "value", "history_user")) == sorted(
        (pk, value, office.pk) for pk, value in imported.values_list("id", "value")
    )


def test_a_corrected_figure_is_a_new_approved_figure_beside_the_old_one(
    office, resolution, revenue, figures
):
    content = targets_export_xlsx(user=office, document=resolution, periods=["2024"])
    book = load_workbook(BytesIO(content))
    book.active["F3"] = "6.310"
    buffer = BytesIO()
    book.save(buffer)
    report = targets_import_xlsx(user=office, document=resolution, file=buffer.getvalue())
    assert (report.ok, report.figures_recorded, report.rows_unchanged) == (True, 1, 1)
    assert sorted(revenue.actuals.filter(period="2024").values_list("value", flat=True)) == [
        Decimal("6250"),
        Decimal("6310"),
    ]


def test_a_reporters_figures_are_submitted_for_the_office_to_approve(reporter, resolution, revenue):
    content = targets_export_xlsx(user=reporter, document=resolution, periods=["2024"])
    book = load_workbook(BytesIO(content))
    book.active["F3"] = 6250
    buffer = BytesIO()
    book.save(buffer)
    report = targets_import_xlsx(user=reporter, document=resolution, file=buffer.getvalue())
    assert report.ok, report.errors
    assert revenue.actuals.get().status == Actual.Status.SUBMITTED


def test_a_file_with_bad_rows_imports_nothing_and_names_every_bad_row(
    office, resolution, revenue, figures
):
    content = workbook(
        [
            [1, "Tốc độ tăng trưởng GRDP", "%", "≥ 8,5", "Năm 2024", None, "6,8"],
            [2, "", "%", "≥ 8,5", "Năm 2024", None, None],
            [3, "GRDP bình quân đầu người", "triệu đồng", "nhiều", "Năm 2024", None, None],
            [4, "Tỷ lệ hộ nghèo", "%", "dưới 1,5", "Năm 2024", "sáu", None],
            [5, "Thu ngân sách", "tỷ đồng", "> 6.000", "Năm 2030", None, None],
            [6, "Số doanh nghiệp thành lập mới", "doanh nghiệp", "520", "Năm 2024", None, 500],
        ]
    )
    before = snapshot()
    with translation.override("vi"):
        report = targets_import_xlsx(user=office, document=resolution, file=content)
        messages = [str(error) for error in report.errors]
    assert not report.ok
    assert [error.row for error in report.errors] == [4, 5, 6]
    assert messages[0].startswith("Dòng 4:")
    assert "Chỉ tiêu" in messages[0]
    assert "nhiều" in messages[1]
    assert "sáu" in messages[2] and "cột F" in messages[2]
    assert snapshot() == before


def test_rows_the_services_refuse_are_all_named_and_nothing_is_kept(
    office, resolution, revenue, figures
):
    """Row 3 is fine, rows 4 and 5 fail only when applied: the good row is rolled back too."""
    content = workbook(
        [
            [1, "Tốc độ tăng trưởng GRDP", "%", "≥ 8,5", "Năm 2024", None, "6,8"],
            [2, "Tỷ lệ hộ nghèo", "%", "dưới 1,5", "Năm 2024", None, None, 999999],
            [3, "Thu ngân sách", "tỷ đồng", "> 6.000", "Năm 2023", None, 6100],
        ],
        headers=[*HEADERS, "6 tháng 2024", "Năm 2024", "Mã"],
    )
    before = snapshot()
    report = targets_import_xlsx(user=office, document=resolution, file=content)
    assert [error.row for error in report.errors] == [4, 5]
    assert snapshot() == before
    assert not Target.objects.filter(indicator__name="Tốc độ tăng trưởng GRDP").exists()


def test_a_new_indicator_too_long_for_the_catalogue_is_refused_by_name_and_unit(office, resolution):
    content = workbook(
        [
            [1, "Tỷ lệ hộ nghèo " + "xã vùng sâu " * 30, "%", "dưới 1,5", "Năm 2024", None, "1,4"],
            [2, "Tỷ lệ trường đạt chuẩn", "trường " * 10, "≥ 60", "Năm 2024", None, "62"],
            [3, "Tỷ lệ xã đạt chuẩn nông thôn mới", "%", "≥ 90", "Năm 2024", None, "91"],
        ]
    )
    before = snapshot()
    with translation.override("en"):
        report = targets_import_xlsx(user=office, document=resolution, file=content)
        messages = [str(error) for error in report.errors]
    assert messages == [
        "Row 3: Ensure this value has at most 300 characters (it has 374).",
        "Row 4: Ensure this value has at most 60 characters (it has 69).",
    ]
    assert snapshot() == before
    assert not Indicator.objects.filter(name="Tỷ lệ xã đạt chuẩn nông thôn mới").exists()


def test_a_reporter_cannot_import_figures_for_another_agencys_target(
    office, reporter, resolution, revenue, coverage
):
    content = targets_export_xlsx(user=office, document=resolution, periods=["2024"])
    book = load_workbook(BytesIO(content))
    book.active["F3"] = 6250
    book.active["F4"] = 95
    buffer = BytesIO()
    book.save(buffer)
    before = snapshot()
    with translation.override("en"):
        report = targets_import_xlsx(user=reporter, document=resolution, file=buffer.getvalue())
    assert [error.row for error in report.errors] == [4]
    assert "not a target of this document" in report.errors[0].message
    assert snapshot() == before


def test_a_file_that_is_not_excel_is_refused(office, resolution):
    report = targets_import_xlsx(user=office, document=resolution, file=b"STT;Chi tieu\n1;x")
    assert not report.ok
    assert report.errors[0].row == 0


def test_a_sheet_without_the_office_headers_is_refused(office, resolution):
    content = workbook([[1, "x"]], headers=["STT", "Tên", "Giá trị"])
    report = targets_import_xlsx(user=office, document=resolution, file=content)
    assert [error.row for error in report.errors] == [2]


def test_an_unreadable_period_column_is_named_by_its_letter(office, resolution):
    content = workbook([], headers=[*HEADERS, "Năm 2024", "Cả năm"])
    with translation.override("en"):
        report = targets_import_xlsx(user=office, document=resolution, file=content)
    assert "Column G" in report.errors[0].message


def test_an_outsider_cannot_import_into_another_provinces_document(outsider, resolution):
    with pytest.raises(PermissionDenied):
        targets_import_xlsx(user=outsider, document=resolution, file=workbook([]))
