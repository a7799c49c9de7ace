"""Every change to a record is kept with who and when, and shown on its history page."""

import pytest
from django.contrib.auth.models import AnonymousUser

from nghiquyet.core.history import _person
from nghiquyet.orgs.models import Body
from nghiquyet.targets import demo as targets_demo
from nghiquyet.targets.services import actual_approve

pytestmark = pytest.mark.django_db


def test_an_edit_through_the_admin_is_recorded_with_its_author(client_for, office, dongthap):
    body = dongthap.bodies["so_y_te"]
    client = client_for(office)
    response = client.post(
        f"/admin/orgs/body/{body.pk}/change/",
        {
            "kind": body.kind,
            "name": "Sở Y tế tỉnh Đồng Tháp (mới)",
            "short_name": "SYT",
            "issuer_code": "SYT",
            "province": body.province_id,
            "parent": body.parent_id,
            "commune": "",
            "valid_from": "",
            "valid_to": "",
        },
    )
    assert response.status_code == 302, response.text[:2000]
    latest = Body.history.filter(id=body.pk).order_by("-history_date").first()
    assert latest.history_user == office
    page = client.get(f"/history/orgs/body/{body.pk}/")
    assert page.status_code == 200
    assert "Sở Y tế tỉnh Đồng Tháp (mới)" in page.text
    assert "Nguyễn Thị Hồng" in page.text


def test_an_outsider_cannot_read_the_history_of_another_provinces_record(
    client_for, outsider, dongthap
):
    body = dongthap.bodies["so_y_te"]
    assert client_for(outsider).get(f"/history/orgs/body/{body.pk}/").status_code == 404


def test_the_admin_lists_only_the_office_s_own_province(client_for, office, laichau):
    response = client_for(office).get("/admin/orgs/body/")
    assert response.status_code == 200
    assert "Sở Tài chính tỉnh Đồng Tháp" in response.text
    assert "Lai Châu" not in response.text


def test_a_leader_cannot_use_the_back_office(client_for, leader, dongthap):
    body = dongthap.bodies["so_y_te"]
    response = client_for(leader).get(f"/admin/orgs/body/{body.pk}/change/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_history_of_a_figure_speaks_in_labels_names_and_periods(client_for, office, dongthap):
    resolution = targets_demo.load(dongthap)
    actual = resolution.targets.get(indicator__name="Tỷ lệ đô thị hóa").actuals.get()
    actual_approve(user=office, actual=actual)
    page = client_for(office).get(f"/history/targets/actual/{actual.pk}/").content.decode()
    assert "approved" not in page and "submitted" not in page
    assert "Nguyễn Thị Hồng" in page
    assert "dongthap_office" not in page


def test_a_visitor_reads_no_staff_login_in_a_history(office):
    assert _person(office, AnonymousUser()) == "cán bộ"
    assert _person(office, office) == "Nguyễn Thị Hồng"
