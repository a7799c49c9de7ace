"""A target without an owning agency, as a plain Excel import creates, must not break the
resolution's dashboard; an "Cơ quan chủ trì" column names the owner when the sheet has one.
"""

from io import BytesIO

import pytest
from openpyxl import Workbook

from nghiquyet.targets.excel_import import targets_import_xlsx
from nghiquyet.targets.models import Target

pytestmark = pytest.mark.django_db

HEADERS = ["STT", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu NQ", "Kỳ chỉ tiêu", "Năm 2024"]


def workbook(headers, rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def imported(office, resolution):
    content = workbook(HEADERS, [[1, "Tốc độ tăng trưởng GRDP", "%", "≥ 8,5", "Năm 2024", "8,7"]])
    report = targets_import_xlsx(user=office, document=resolution, file=content)
    assert report.ok, report.errors
    return Target.objects.get(document=resolution)


@pytest.mark.parametrize("persona", ["office", "leader", "reporter"])
def test_the_dashboard_of_a_resolution_with_an_owner_less_target_answers_for_everyone(
    client, dongthap, resolution, imported, persona
):
    assert imported.owner is None
    client.force_login(dongthap.users[persona])
    for query in ("", "?period=2024", f"?period=2024&owner={dongthap.bodies['so_y_te'].pk}"):
        response = client.get(f"/targets/documents/{resolution.pk}/{query}")
        assert response.status_code == 200, query
    # An agency reporter reads only its own agency's targets; the office and leaders read all.
    shown = "Tốc độ tăng trưởng GRDP" in client.get(f"/targets/documents/{resolution.pk}/").text
    assert shown == (persona != "reporter")
