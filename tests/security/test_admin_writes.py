"""A province office at /admin/ writes only inside its own province and the figure workflow.

Every attack posts the admin's real form, as the Đồng Tháp office, against Lai Châu's
records (public, so the office reads them), and checks that nothing was saved.
"""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document as WordDocument

from nghiquyet.documents.demo import central_bodies
from nghiquyet.documents.models import Document
from nghiquyet.meetings.models import Meeting, Participant
from nghiquyet.meetings.services import meeting_create, participant_invite
from nghiquyet.orgs.models import Body
from nghiquyet.reports.models import ReportTemplate
from nghiquyet.targets import services
from nghiquyet.targets.models import Actual, PeriodLock, PeriodLockException, Target
from nghiquyet.tasks.models import Check, Task
from nghiquyet.tasks.services import task_create

from .conftest import add_inline_row, admin_form


def change_url(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def add_url(model) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")


def form_errors(response) -> dict:
    return response.context["adminform"].form.errors


# Targets and figures ------------------------------------------------------------------


def test_the_office_cannot_move_its_target_into_another_provinces_resolution(
    office_client, home, foreign
):
    url = change_url(home.target)
    data = admin_form(office_client, url)
    data["document"] = str(foreign.resolution.pk)
    data["value"] = "6500"
    office_client.post(url, data)
    home.target.refresh_from_db()
    assert home.target.document_id == home.resolution.pk
    assert list(foreign.resolution.targets.all()) == [foreign.target]


def test_the_office_cannot_add_a_target_to_another_provinces_resolution(
    office_client, home, foreign
):
    url = add_url(Target)
    data = admin_form(office_client, url)
    data.update(
        document=foreign.resolution.pk,
        indicator=foreign.indicator.pk,
        place=foreign.setup.province.pk,
        comparator=">=",
        value="25000",
        unit="lao động",
        period="2025",
        position="2",
        source_text="giải quyết việc làm cho 25.000 lao động",
    )
    response = office_client.post(url, data)
    assert response.status_code == 200
    assert "document" in form_errors(response)
    assert list(Target.all_objects.filter(document=foreign.resolution)) == [foreign.target]


def test_the_office_adds_a_target_to_its_own_resolution_through_the_service(
    office_client, office, home
):
    url = add_url(Target)
    data = admin_form(office_client, url)
    data.update(
        document=home.resolution.pk,
        indicator=home.indicator.pk,
        place=home.setup.province.pk,
        comparator=">=",
        value="6500",
        unit="",
        period="2025",
        position="2",
    )
    response = office_client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    added = home.resolution.targets.get(position=2)
    # The service fills the unit from the indicator, which the bare model would not.
    assert added.unit == "tỷ đồng"
    assert added.history.first().history_user == office


def test_the_office_cannot_add_a_figure_to_another_provinces_target(office_client, foreign):
    url = add_url(Actual)
    data = admin_form(office_client, url)
    data.update(target=foreign.target.pk, period="2025", value="1")
    response = office_client.post(url, data)
    assert "target" in form_errors(response)
    assert list(foreign.target.actuals.all()) == [foreign.approved]


def test_an_approved_figure_cannot_be_changed_in_the_admin(office_client, office, home):
    url = change_url(home.approved)
    assert office_client.get(url).status_code == 200
    response = office_client.post(
        url,
        {
            "target": home.target.pk,
            "period": "2025",
            "value": "9999",
            "source": "Cục Thống kê",
            "note": "",
            "return_reason": "",
        },
    )
    assert response.status_code == 403
    home.approved.refresh_from_db()
    assert home.approved.value == 6210.5
    assert home.approved.status == Actual.Status.APPROVED
    assert home.approved.approved_by == office


def test_a_correction_of_an_approved_figure_is_a_new_draft_beside_it(office_client, home):
    url = add_url(Actual)
    data = admin_form(office_client, url)
    data.update(target=home.target.pk, period="2025", value="6198.2", source="Cục Thống kê")
    response = office_client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    assert home.target.actuals.count() == 2
    correction = home.target.actuals.exclude(pk=home.approved.pk).get()
    assert correction.status == Actual.Status.DRAFT
    home.approved.refresh_from_db()
    assert home.approved.value == 6210.5


def test_a_draft_figure_is_corrected_through_the_service(office_client, office, home):
    draft = services.actual_create(user=office, target=home.target, period="2025-H1", value="2900")
    url = change_url(draft)
    data = admin_form(office_client, url)
    data["value"] = "2950"
    response = office_client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    draft.refresh_from_db()
    assert draft.value == 2950
    assert draft.history.first().history_user == office


# Documents and agencies ---------------------------------------------------------------


def test_the_office_cannot_move_a_document_to_another_province(office_client, home, foreign):
    url = change_url(home.resolution)
    data = admin_form(office_client, url)
    data["province"] = str(foreign.setup.province.pk)
    office_client.post(url, data)
    home.resolution.refresh_from_db()
    assert home.resolution.province == home.setup.province


def test_the_office_cannot_give_its_document_another_provinces_issuer(office_client, home, foreign):
    url = change_url(home.resolution)
    data = admin_form(office_client, url)
    data["issuer"] = str(foreign.setup.bodies["tinh_uy"].pk)
    response = office_client.post(url, data)
    assert "issuer" in form_errors(response)
    home.resolution.refresh_from_db()
    assert home.resolution.issuer == home.setup.bodies["tinh_uy"]
    assert home.resolution.province == home.setup.province


def test_the_office_corrects_its_document_through_the_service(office_client, home):
    url = change_url(home.resolution)
    data = admin_form(office_client, url)
    data["symbol"] = "01-nq/tu"
    data["title"] = "Nghị quyết về nhiệm vụ năm 2025 (sửa đổi)"
    response = office_client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    home.resolution.refresh_from_db()
    # document_update normalises the symbol and refreshes the search text.
    assert home.resolution.symbol == "01-NQ/TU"
    assert "sua doi" in home.resolution.search_text


def test_the_office_cannot_move_an_agency_to_another_province(office_client, dongthap, laichau):
    health = dongthap.bodies["so_y_te"]
    url = change_url(health)
    data = admin_form(office_client, url)
    data["province"] = str(laichau.province.pk)
    response = office_client.post(url, data)
    assert "province" in form_errors(response)
    health.refresh_from_db()
    assert health.province == dongthap.province


def test_the_office_cannot_hang_its_agency_under_another_provinces_body(
    office_client, dongthap, laichau
):
    health = dongthap.bodies["so_y_te"]
    url = change_url(health)
    data = admin_form(office_client, url)
    data["parent"] = str(laichau.bodies["ubnd"].pk)
    office_client.post(url, data)
    health.refresh_from_db()
    assert health.parent == dongthap.bodies["ubnd"]


def test_the_office_cannot_add_an_agency_in_another_province(office_client, laichau):
    url = add_url(Body)
    data = admin_form(office_client, url)
    data.update(name="Sở Khoa học và Công nghệ tỉnh Lai Châu", kind=Body.Kind.DEPARTMENT)
    data["province"] = str(laichau.province.pk)
    office_client.post(url, data)
    assert not Body.objects.filter(name="Sở Khoa học và Công nghệ tỉnh Lai Châu").exists()


# Report templates and reporting deadlines ---------------------------------------------


def word_file() -> SimpleUploadedFile:
    document = WordDocument()
    document.add_paragraph("BÁO CÁO {{ header.issuer }}")
    buffer = io.BytesIO()
    document.save(buffer)
    return SimpleUploadedFile("mau-bao-cao.docx", buffer.getvalue())


def test_the_office_cannot_add_a_report_template_for_another_provinces_body(office_client, laichau):
    url = add_url(ReportTemplate)
    data = admin_form(office_client, url)
    data.update(body=laichau.bodies["so_tai_chinh"].pk, note="Mẫu của Sở", file=word_file())
    response = office_client.post(url, data)
    assert "body" in form_errors(response)
    assert not ReportTemplate.objects.exists()


def test_the_office_cannot_set_a_reporting_deadline_for_another_province(office_client, laichau):
    url = add_url(PeriodLock)
    data = admin_form(office_client, url)
    data.update(province=laichau.province.pk, period="2025", deadline="2026-01-15")
    response = office_client.post(url, data)
    assert "province" in form_errors(response)
    assert not PeriodLock.objects.filter(province=laichau.province).exists()


def test_the_office_cannot_extend_a_deadline_for_another_provinces_agency(
    office_client, office, dongthap, laichau
):
    lock = services.period_lock_set(
        user=office, province=dongthap.province, period="2025", deadline=dt.date(2026, 1, 15)
    )
    url = change_url(lock)
    data = admin_form(office_client, url)
    add_inline_row(
        data, "exceptions", body=laichau.bodies["so_y_te"], until="2026-02-01", reason="Xin lùi hạn"
    )
    office_client.post(url, data)
    assert not PeriodLockException.objects.exists()


def test_the_office_extends_a_deadline_for_its_own_agency_through_the_service(
    office_client, office, dongthap
):
    lock = services.period_lock_set(
        user=office, province=dongthap.province, period="2025", deadline=dt.date(2026, 1, 15)
    )
    url = change_url(lock)
    data = admin_form(office_client, url)
    add_inline_row(data, "exceptions", body=dongthap.bodies["so_y_te"], until="2026-01-10")
    response = office_client.post(url, data, follow=True)
    # The service refuses an exception that ends before the deadline, and says so.
    assert "Ngày gia hạn phải sau hạn báo cáo." in response.content.decode()
    assert not PeriodLockException.objects.exists()
    data = admin_form(office_client, url)
    add_inline_row(data, "exceptions", body=dongthap.bodies["so_y_te"], until="2026-02-01")
    response = office_client.post(url, data)
    assert response.status_code == 302
    assert lock.exceptions.get().body == dongthap.bodies["so_y_te"]


# The office's admin and the administrator's -------------------------------------------


def test_the_office_sees_the_apps_it_works_in_on_the_admin_index(office_client):
    response = office_client.get(reverse("admin:index"))
    models = {
        (app["app_label"], model["object_name"])
        for app in response.context["app_list"]
        for model in app["models"]
    }
    assert {("documents", "Document"), ("targets", "Target"), ("targets", "Actual")} <= models
    assert ("orgs", "Body") in models
    # The map, the people and the logins stay the administrator's.
    assert not {("orgs", "Place"), ("orgs", "Membership"), ("api", "ApiToken")} & models


def test_a_reporter_has_no_admin(reporter, client_for):
    response = client_for(reporter).get(reverse("admin:index"))
    assert response.status_code == 302


@pytest.mark.parametrize("province_key", ["dongthap", "laichau"])
def test_the_administrator_still_changes_any_provinces_target(
    province_key, root, client_for, home, foreign
):
    records = {"dongthap": home, "laichau": foreign}[province_key]
    client = client_for(root)
    url = change_url(records.target)
    data = admin_form(client, url)
    data["value"] = "7000"
    response = client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    records.target.refresh_from_db()
    assert records.target.value == 7000
    assert records.target.history.first().history_user == root


def test_the_administrator_sets_a_deadline_and_moves_an_agency_in_any_province(
    root, client_for, dongthap, laichau
):
    client = client_for(root)
    url = add_url(PeriodLock)
    data = admin_form(client, url)
    data.update(province=laichau.province.pk, period="2025", deadline="2026-01-15")
    assert client.post(url, data).status_code == 302
    assert PeriodLock.objects.filter(province=laichau.province, period="2025").exists()
    body = dongthap.bodies["so_y_te"]
    url = change_url(body)
    data = admin_form(client, url)
    data["province"] = str(laichau.province.pk)
    data["parent"] = str(laichau.bodies["ubnd"].pk)
    assert client.post(url, data).status_code == 302
    body.refresh_from_db()
    assert body.province == laichau.province


def test_the_administrator_records_a_central_document(root, client_for, places):
    client = client_for(root)
    url = add_url(Document)
    data = admin_form(client, url)
    data.update(
        kind="nghi_quyet",
        symbol="57-NQ/TW",
        issuer=central_bodies()["bct"].pk,
        issued_on="2024-12-22",
        status=Document.Status.ADOPTED,
        title="Nghị quyết về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo",
    )
    response = client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    saved = Document.objects.get(symbol="57-NQ/TW")
    assert saved.is_public and saved.province is None


# Tasks and meetings -------------------------------------------------------------------


def test_the_office_cannot_assign_a_task_to_another_provinces_agency(office_client, home, laichau):
    url = add_url(Task)
    data = admin_form(office_client, url)
    data.update(
        document=home.resolution.pk,
        title="Rà soát, sắp xếp trụ sở dôi dư sau hợp nhất",
        lead=laichau.bodies["so_tai_chinh"].pk,
        start_on="2025-07-01",
        deadline="2025-12-31",
        origin=Task.Origin.ASSIGNED,
    )
    response = office_client.post(url, data)
    assert "lead" in form_errors(response)
    assert not Task.objects.exists()


def test_the_office_assigns_a_task_through_the_service(office_client, home, dongthap):
    url = add_url(Task)
    data = admin_form(office_client, url)
    data.update(
        document=home.resolution.pk,
        title="Rà soát, sắp xếp trụ sở dôi dư sau hợp nhất",
        lead=dongthap.bodies["so_tai_chinh"].pk,
        coordinators=[dongthap.bodies["so_noi_vu"].pk],
        start_on="2025-07-01",
        deadline="2025-12-31",
        origin=Task.Origin.ASSIGNED,
    )
    response = office_client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    task = Task.objects.get()
    # task_create takes the province from the resolution: nobody types it.
    assert task.province == dongthap.province
    assert list(task.coordinators.all()) == [dongthap.bodies["so_noi_vu"]]


def test_the_office_cannot_call_a_meeting_of_another_provinces_body(office_client, laichau):
    url = add_url(Meeting)
    data = admin_form(office_client, url)
    data.update(
        body=laichau.bodies["bch"].pk,
        title="Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 5",
        starts_on="2025-12-20",
        ends_on="2025-12-20",
        duration_days="1",
    )
    response = office_client.post(url, data)
    assert "body" in form_errors(response)
    assert not Meeting.objects.exists()


def test_the_office_calls_and_moves_its_meeting_through_the_services(office_client, dongthap):
    url = add_url(Meeting)
    data = admin_form(office_client, url)
    data.update(
        body=dongthap.bodies["bch"].pk,
        title="Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 5",
        starts_on="2025-12-20",
        ends_on="2025-12-20",
        duration_days="1",
        members_count="53",
    )
    response = office_client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    meeting = Meeting.objects.get()
    assert meeting.province == dongthap.province
    url = change_url(meeting)
    data = admin_form(office_client, url)
    data.update(ends_on="2025-12-21", duration_days="2", venue="Hội trường Tỉnh ủy")
    assert office_client.post(url, data).status_code == 302
    meeting.refresh_from_db()
    assert (meeting.duration_days, meeting.venue) == (2, "Hội trường Tỉnh ủy")


def test_a_meeting_with_a_guest_from_another_province_is_still_saved_in_the_admin(
    office_client, office, dongthap, laichau
):
    meeting = meeting_create(
        user=office,
        body=dongthap.bodies["bch"],
        title="Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 5",
        starts_on=dt.date(2025, 12, 20),
    )
    guest = participant_invite(
        user=office,
        meeting=meeting,
        name="Đỗ Thị Lan",
        position="Chuyên viên Văn phòng Tỉnh ủy Lai Châu",
        delegate=laichau.office,
        kind=Participant.Kind.GUEST,
    )
    url = change_url(meeting)
    data = admin_form(office_client, url)
    data["venue"] = "Hội trường Tỉnh ủy"
    response = office_client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    guest.refresh_from_db()
    assert guest.user == laichau.office


def test_a_check_added_in_the_admin_names_who_recorded_it(office_client, office, home, dongthap):
    task = task_create(
        user=office,
        document=home.resolution,
        title="Kiểm tra việc thu ngân sách tại các xã",
        lead=dongthap.bodies["so_tai_chinh"],
        start_on=dt.date(2025, 7, 1),
        deadline=dt.date(2025, 12, 31),
    )
    url = add_url(Check)
    data = admin_form(office_client, url)
    assert "created_by" not in data
    data.update(
        task=task.pk,
        body=dongthap.bodies["ubkt"].pk,
        kind=Check.Kind.SUPERVISION,
        checked_on="2025-10-15",
        findings="Tiến độ thu đạt 78% dự toán.",
    )
    response = office_client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    assert task.checks.get().created_by == office


def test_the_office_lists_its_terms_and_cannot_give_one_to_another_provinces_body(
    office_client, dongthap, laichau
):
    listed = office_client.get(reverse("admin:orgs_term_changelist"))
    assert set(listed.context["cl"].result_list) == {dongthap.term}
    url = change_url(dongthap.term)
    data = admin_form(office_client, url)
    data["body"] = str(laichau.bodies["tinh_uy"].pk)
    response = office_client.post(url, data)
    assert "body" in form_errors(response)
    dongthap.term.refresh_from_db()
    assert dongthap.term.body == dongthap.bodies["tinh_uy"]


# Reverting to an old version from the history page ------------------------------------


def history_url(obj, version) -> str:
    name = f"admin:{obj._meta.app_label}_{obj._meta.model_name}_simple_history"
    return reverse(name, args=[obj.pk, version.history_id])


def test_an_approved_figure_cannot_be_reverted_to_its_draft(office_client, office, home):
    draft_version = home.approved.history.earliest()
    response = office_client.post(
        history_url(home.approved, draft_version),
        {"target": home.target.pk, "period": "2025", "value": "1", "source": "", "note": ""},
    )
    assert response.status_code == 403
    home.approved.refresh_from_db()
    assert (home.approved.value, home.approved.status) == (6210.5, Actual.Status.APPROVED)


def test_the_office_cannot_revert_another_provinces_target(office_client, foreign):
    version = foreign.target.history.earliest()
    response = office_client.post(
        history_url(foreign.target, version),
        {
            "indicator": foreign.indicator.pk,
            "place": foreign.setup.province.pk,
            "comparator": ">",
            "value": "1",
            "period": "2025",
            "position": "1",
        },
    )
    assert response.status_code == 403
    foreign.target.refresh_from_db()
    assert foreign.target.value == 6000


def test_the_office_reverts_its_own_target_through_the_service(office_client, office, home):
    first = home.target.history.earliest()
    services.target_update(user=office, target=home.target, value="6500")
    url = history_url(home.target, first)
    data = admin_form(office_client, url)
    response = office_client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    home.target.refresh_from_db()
    assert home.target.value == 6000
    assert home.target.history.first().history_user == office
