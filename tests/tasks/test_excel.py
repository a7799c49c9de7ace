"""Excel: the task list goes out as shown; a task plan comes in whole or not at all."""

import datetime as dt
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from nghiquyet.tasks.models import Task, TaskGroup

pytestmark = pytest.mark.django_db

HEADER = [
    "STT",
    "Nhóm",
    "Nhiệm vụ",
    "Chủ trì",
    "Phối hợp",
    "Giám sát",
    "Bắt đầu",
    "Hạn",
    "Định kỳ",
    "Sản phẩm",
]
GOOD_ROWS = [
    [
        "1",
        "3 nhiệm vụ đột phá",
        "Đẩy mạnh chuyển đổi số trong cơ quan nhà nước",
        "Sở Nội vụ tỉnh Đồng Tháp",
        "STC; Sở Công Thương tỉnh Đồng Tháp",
        "UBKTTU",
        dt.date(2024, 1, 15),
        "30/06/2024",
        "",
        "Đề án chuyển đổi số",
    ],
    [
        "2",
        "3 nhiệm vụ đột phá",
        "Báo cáo tiến độ giải ngân vốn đầu tư công",
        "STC",
        "",
        "",
        "2024-01-01",
        "",
        "hằng tháng",
        "Báo cáo tháng",
    ],
    [
        "3",
        "3 công trình trọng điểm",
        "Hoàn thành tuyến đường ĐT.857",
        "Sở Công Thương tỉnh Đồng Tháp",
        "",
        "",
        "01/02/2024",
        "31/12/2024",
        "",
        "",
    ],
]


def workbook(rows) -> SimpleUploadedFile:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    out = BytesIO()
    book.save(out)
    return SimpleUploadedFile("ke-hoach.xlsx", out.getvalue())


def post(client, resolution, rows):
    return client.post("/tasks/import/", {"document": resolution.pk, "file": workbook(rows)})


def test_a_valid_plan_imports_every_task_with_its_groups_and_agencies(
    client_for, office, resolution, dongthap
):
    response = post(client_for(office), resolution, GOOD_ROWS)
    assert response.status_code == 302
    tasks = Task.objects.filter(document=resolution).order_by("code")
    assert [t.title for t in tasks] == [r[2] for r in GOOD_ROWS]
    first, second, _third = tasks
    assert first.lead == dongthap.bodies["so_noi_vu"]
    assert set(first.coordinators.all()) == {
        dongthap.bodies["so_tai_chinh"],
        dongthap.bodies["so_cong_thuong"],
    }
    assert first.supervisor == dongthap.bodies["ubkt"]
    assert (first.start_on, first.deadline) == (dt.date(2024, 1, 15), dt.date(2024, 6, 30))
    assert (second.recurrence, second.deadline) == ("monthly", None)
    assert sorted(TaskGroup.objects.filter(document=resolution).values_list("name", flat=True)) == [
        "3 công trình trọng điểm",
        "3 nhiệm vụ đột phá",
    ]


def test_a_plan_with_bad_rows_imports_nothing_and_lists_every_bad_row(
    client_for, office, resolution
):
    rows = [
        GOOD_ROWS[0],
        [
            "2",
            "",
            "Nhiệm vụ không rõ chủ trì",
            "Sở Du lịch",
            "",
            "",
            "01/01/2024",
            "31/12/2024",
            "",
            "",
        ],
        GOOD_ROWS[2],
        ["4", "", "", "STC", "", "", "ngày mai", "", "thỉnh thoảng", ""],
        ["5", "", "Hạn trước ngày bắt đầu", "STC", "", "", "01/06/2024", "01/01/2024", "", ""],
    ]
    response = post(client_for(office), resolution, rows)
    assert response.status_code == 400
    assert not Task.objects.exists() and not TaskGroup.objects.filter(document=resolution).exists()
    errors = response.context["report"].errors
    assert [e.row for e in errors] == [3, 5, 6]
    assert "Sở Du lịch" in " ".join(errors[0].messages)
    assert (
        len(errors[1].messages) == 4
    )  # no title, start not a date, no deadline, unknown recurrence


def test_importing_the_same_plan_twice_is_refused_the_second_time(client_for, office, resolution):
    client = client_for(office)
    post(client, resolution, GOOD_ROWS)
    response = post(client, resolution, GOOD_ROWS)
    assert response.status_code == 400 and Task.objects.count() == 3


def test_a_file_that_is_not_excel_is_refused(client_for, office, resolution):
    response = client_for(office).post(
        "/tasks/import/",
        {"document": resolution.pk, "file": SimpleUploadedFile("plan.xlsx", b"not a workbook")},
    )
    assert response.status_code == 400 and not Task.objects.exists()


def test_only_the_office_imports_a_plan(client_for, reporter, leader, resolution):
    assert client_for(reporter).get("/tasks/import/").status_code == 403
    assert post(client_for(leader), resolution, GOOD_ROWS).status_code == 403


def test_the_export_has_the_visible_tasks_with_their_status(client_for, reporter, assign):
    assign(
        title="Tăng thu ngân sách nhà nước",
        start_on=dt.date(2024, 4, 1),
        deadline=dt.date(2024, 6, 15),
    )
    assign(
        "so_y_te",
        title="Khám sàng lọc",
        start_on=dt.date(2024, 4, 1),
        deadline=dt.date(2024, 6, 15),
    )
    response = client_for(reporter).get("/tasks/export.xlsx?on=2024-07-05")
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2
    assert rows[1][2] == "Tăng thu ngân sách nhà nước" and rows[1][13] == 20


def test_an_exported_list_imports_into_another_document(
    client_for, office, assign, resolution, dongthap
):
    from nghiquyet.documents.models import Document

    assign(
        title="Tăng thu ngân sách nhà nước",
        start_on=dt.date(2024, 4, 1),
        deadline=dt.date(2024, 6, 15),
        coordinators=["so_y_te"],
    )
    exported = client_for(office).get("/tasks/export.xlsx").content
    plan_2025 = Document.objects.create(
        kind=resolution.kind,
        symbol="40-NQ/TU",
        issuer=resolution.issuer,
        province=dongthap.province,
        title="Nghị quyết năm 2025",
    )
    response = client_for(office).post(
        "/tasks/import/", {"document": plan_2025.pk, "file": SimpleUploadedFile("x.xlsx", exported)}
    )
    assert response.status_code == 302
    copy = Task.objects.get(document=plan_2025)
    assert list(copy.coordinators.all()) == [dongthap.bodies["so_y_te"]]
