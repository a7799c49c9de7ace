"""The comment synthesis table (bảng tổng hợp ý kiến): page, Excel and Word."""

from io import BytesIO

import pytest
from docx import Document as Docx
from openpyxl import load_workbook

from nghiquyet.meetings.models import Comment
from nghiquyet.meetings.selectors import comment_handling_counts, comment_synthesis
from nghiquyet.meetings.services import comment_add, comment_answer

pytestmark = pytest.mark.django_db

HOUSING = "Quan tâm hỗ trợ xây dựng nhà ở xã hội cho công nhân khu công nghiệp."
DOCTORS = "Làm rõ lộ trình đạt 12 bác sĩ/vạn dân vào năm 2030."
WHOLE = "Cơ bản thống nhất với dự thảo."


@pytest.fixture
def comments(draft, reporter, leader, office):
    doctors = comment_add(user=reporter, draft=draft, text=DOCTORS, section="II. Chỉ tiêu")
    housing = comment_add(user=leader, draft=draft, text=HOUSING, section="I. Mục tiêu")
    whole = comment_add(user=leader, draft=draft, text=WHOLE)
    comment_answer(user=office, comment=doctors, handling=Comment.Handling.ACCEPTED)
    comment_answer(
        user=office,
        comment=housing,
        handling=Comment.Handling.PARTLY_ACCEPTED,
        reply="Đưa vào Chương trình hành động thực hiện Nghị quyết số 42.",
    )
    return doctors, housing, whole


def test_rows_put_whole_draft_comments_first_then_sections_in_order(draft, comments):
    rows = comment_synthesis(draft=draft)
    assert [(row.number, row.section, row.comment) for row in rows] == [
        (1, "", WHOLE),
        (2, "I. Mục tiêu", HOUSING),
        (3, "II. Chỉ tiêu", DOCTORS),
    ]
    assert rows[2].delegate == "Võ Hoàng Cương – Tỉnh ủy viên, Bí thư Huyện ủy Lai Vung"
    assert rows[1].reply.startswith("Đưa vào")


def test_counts_by_handling(draft, comments):
    assert comment_handling_counts(draft=draft) == {
        "pending": 1,
        "accepted": 1,
        "partly_accepted": 1,
        "explained": 0,
    }


def test_the_page_shows_the_table_to_a_leader_without_answer_forms(
    draft, comments, leader, client_for
):
    response = client_for(leader).get(f"/meetings/drafts/{draft.pk}/synthesis/")
    assert response.status_code == 200
    assert HOUSING in response.text and "Tiếp thu một phần" in response.text
    assert "/answer/" not in response.text


def test_the_office_answers_from_the_table(draft, comments, office, client_for):
    _doctors, _housing, whole = comments
    client = client_for(office)
    assert (
        f"/meetings/comments/{whole.pk}/answer/"
        in client.get(f"/meetings/drafts/{draft.pk}/synthesis/").text
    )
    client.post(
        f"/meetings/comments/{whole.pk}/answer/",
        {"handling": "explained", "reply": "Ghi nhận."},
    )
    whole.refresh_from_db()
    assert whole.handling == Comment.Handling.EXPLAINED


def test_the_excel_export_has_one_row_per_comment(draft, comments, leader, client_for):
    response = client_for(leader).get(f"/meetings/drafts/{draft.pk}/synthesis.xlsx")
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=4)]
    assert [row[0] for row in values] == [1, 2, 3]
    assert values[1][1:4] == ["I. Mục tiêu", "Lê Quốc Bình – Thường trực Tỉnh ủy", HOUSING]
    assert values[0][1] == "Toàn bộ dự thảo"


def test_the_word_export_is_a_table_with_the_same_rows(draft, comments, leader, client_for):
    response = client_for(leader).get(f"/meetings/drafts/{draft.pk}/synthesis.docx")
    table = Docx(BytesIO(response.content)).tables[0]
    assert len(table.rows) == 4
    assert table.rows[3].cells[3].text == DOCTORS
    assert table.rows[3].cells[4].text == "Tiếp thu"


def test_another_province_cannot_read_the_table(draft, comments, outsider, client_for):
    client = client_for(outsider)
    assert client.get(f"/meetings/drafts/{draft.pk}/synthesis/").status_code == 404
    assert client.get(f"/meetings/drafts/{draft.pk}/synthesis.xlsx").status_code == 404


def test_a_leader_cannot_answer_a_comment(draft, comments, leader, client_for):
    doctors = comments[0]
    response = client_for(leader).post(
        f"/meetings/comments/{doctors.pk}/answer/", {"handling": "explained", "reply": "x"}
    )
    assert response.status_code == 403
