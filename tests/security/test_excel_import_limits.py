"""The targets import costs what its rows cost, no more, and refuses early what it will not do.

The cost cannot be timed in a test (that is ``nghiquyet bench import``); what makes an
import quadratic is work that grows with every row already read, so the tests count
the SQL queries of a 10-row and a 200-row import and require the same count.
"""

from io import BytesIO

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from openpyxl import Workbook

from nghiquyet.documents.models import Document, DocumentKind
from nghiquyet.targets.excel import targets_export_xlsx
from nghiquyet.targets.excel_import import targets_import_xlsx
from nghiquyet.targets.models import Actual, Indicator, Target

pytestmark = pytest.mark.django_db

HEADERS = ["STT", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu NQ", "Kỳ chỉ tiêu"]


@pytest.fixture
def resolution(dongthap):
    return Document.objects.create(
        kind=DocumentKind.NGHI_QUYET,
        symbol="12-NQ/TU",
        number="12",
        issuer=dongthap.bodies["tinh_uy"],
        province=dongthap.province,
        title="Nghị quyết về nhiệm vụ năm 2024",
        status=Document.Status.ADOPTED,
        is_public=True,
    )


def workbook(rows, headers=None) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(headers or [*HEADERS, "6 tháng 2024", "Năm 2024"])
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def new_targets(count: int, start: int = 1) -> bytes:
    """Targets of communes as a breakdown sheet lists them, each with its own indicator."""
    return workbook(
        [
            [n, f"Tỷ lệ hộ nghèo xã số {n}", "%", "dưới 1,5", "Năm 2024", "1,8 (ước)", "1,4"]
            for n in range(start, start + count)
        ]
    )


def queries_of(**import_args) -> tuple[int, int]:
    """The import's queries: those that are not bulk INSERTs, and the bulk INSERT batches.

    Bulk inserts go in batches (SQLite takes at most 999 parameters a statement), so
    their number grows by one per few dozen rows; every other query must not grow.
    """
    with CaptureQueriesContext(connection) as context:
        report = targets_import_xlsx(**import_args)
    assert report.ok, report.errors[:3]
    inserts = sum(q["sql"].startswith("INSERT") for q in context.captured_queries)
    return len(context.captured_queries) - inserts, inserts


def test_importing_200_new_targets_costs_as_many_queries_as_importing_10(office, resolution):
    # The first import also learns who the user is (cached for the request): not counted.
    queries_of(user=office, document=resolution, file=new_targets(1, start=0))
    small = queries_of(user=office, document=resolution, file=new_targets(10))
    large = queries_of(user=office, document=resolution, file=new_targets(200, start=11))
    assert large[0] == small[0]
    assert large[1] < 200 / 5
    assert Target.objects.filter(document=resolution).count() == 211
    assert Actual.objects.filter(target__document=resolution, status="approved").count() == 422
    assert Target.history.filter(document_id=resolution.pk, history_user=office).count() == 211
    assert Actual.history.filter(history_user=office).count() == 422
    assert Indicator.objects.filter(name__startswith="Tỷ lệ hộ nghèo xã số").count() == 211


def test_new_figures_for_200_existing_targets_cost_as_many_queries_as_for_10(office, resolution):
    report = targets_import_xlsx(user=office, document=resolution, file=new_targets(210))
    assert report.ok
    exported = targets_export_xlsx(user=office, document=resolution, periods=["2024-Q3"])

    def with_figures(count: int) -> bytes:
        from openpyxl import load_workbook

        book = load_workbook(BytesIO(exported))
        sheet = book.active
        for row in range(3, 3 + count):
            sheet.cell(row=row, column=6, value=1.2)
        buffer = BytesIO()
        book.save(buffer)
        return buffer.getvalue()

    # The first figures of a period also give the dashboard that period, whose stored
    # verdicts are then written once: not counted.
    queries_of(user=office, document=resolution, file=with_figures(1))
    small = queries_of(user=office, document=resolution, file=with_figures(10))
    large = queries_of(user=office, document=resolution, file=with_figures(200))
    assert large[0] == small[0]
    assert large[1] < 200 / 5
    assert Actual.objects.filter(period="2024-Q3").count() == 200


def test_a_sheet_past_the_row_limit_is_refused_with_the_limit_and_nothing_is_saved(
    settings, office, resolution
):
    settings.TARGETS_IMPORT_MAX_ROWS = 50
    with translation.override("vi"):
        report = targets_import_xlsx(user=office, document=resolution, file=new_targets(51))
    assert [error.row for error in report.errors] == [0]
    assert "50" in report.errors[0].message and "dòng" in report.errors[0].message
    assert not Target.objects.filter(document=resolution).exists()
    assert targets_import_xlsx(user=office, document=resolution, file=new_targets(50)).ok


def test_a_sheet_of_many_one_cell_rows_is_refused_before_its_rows_are_read(
    settings, office, resolution
):
    """The attack of the report: a tiny file of one-cell rows held a thread for minutes."""
    settings.TARGETS_IMPORT_MAX_ROWS = 1000
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append([*HEADERS, "Năm 2024"])
    for _ in range(5000):
        sheet.append(["x"])
    buffer = BytesIO()
    book.save(buffer)
    with translation.override("en"):
        report = targets_import_xlsx(user=office, document=resolution, file=buffer.getvalue())
    assert [error.row for error in report.errors] == [0]
    assert "more than 1,000 rows" in report.errors[0].message.replace(".", ",")


def test_a_file_past_the_size_limit_is_refused_through_the_page(
    settings, client_for, office, resolution
):
    settings.TARGETS_IMPORT_MAX_BYTES = 2000
    content = new_targets(100)
    assert len(content) > 2000
    response = client_for(office).post(
        f"/targets/documents/{resolution.pk}/excel/import/",
        {"file": SimpleUploadedFile("chi-tieu.xlsx", content)},
    )
    assert response.status_code == 400
    assert "MB" in response.text
    assert not Target.objects.filter(document=resolution).exists()


@pytest.fixture
def no_role(db):
    """Signed in, with no role anywhere: may read public resolutions, write nothing."""
    return get_user_model().objects.create_user("nguoi-dung-moi", password="mat-khau-dai-1")


def test_a_user_with_no_role_is_refused_before_the_file_is_read(no_role, resolution):
    # Not even a workbook: refused for the right, not for the file.
    with pytest.raises(PermissionDenied):
        targets_import_xlsx(user=no_role, document=resolution, file=b"STT;Chi tieu\n1;x")
    with pytest.raises(PermissionDenied):
        targets_import_xlsx(user=no_role, document=resolution, file=new_targets(3))
    assert not Target.objects.filter(document=resolution).exists()


@pytest.mark.parametrize("persona", ["no_role", "leader", "outsider"])
def test_the_import_page_refuses_who_may_not_import(request, client_for, resolution, persona):
    client = client_for(request.getfixturevalue(persona))
    url = f"/targets/documents/{resolution.pk}/excel/import/"
    assert client.get(url).status_code == 403
    upload = SimpleUploadedFile("chi-tieu.xlsx", new_targets(3))
    assert client.post(url, {"file": upload}).status_code == 403
    assert not Target.objects.filter(document=resolution).exists()


def test_exporting_200_targets_costs_as_many_queries_as_exporting_10(office, resolution):
    """The export of a 20,000-target resolution took 78 s: it must not grow per target."""

    def export_queries() -> int:
        with CaptureQueriesContext(connection) as context:
            targets_export_xlsx(user=office, document=resolution)
        return len(context.captured_queries)

    assert targets_import_xlsx(user=office, document=resolution, file=new_targets(10)).ok
    small = export_queries()
    assert targets_import_xlsx(user=office, document=resolution, file=new_targets(190, 11)).ok
    assert export_queries() == small
