"""Who may see, download and generate reports, through the pages and the API.

Personas from the demo: the Đồng Tháp office, its leader (read-only), the reporter
of Sở Tài chính (its own agency only) and the office of Lai Châu (another province).
"""

import pytest

from nghiquyet.api.services import api_token_create
from nghiquyet.documents.models import DocumentVersion
from nghiquyet.reports.models import Report

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def bearer(user) -> dict:
    _token, raw = api_token_create(user=user, name="reports test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def year(demo_reports) -> Report:
    return demo_reports[("TU", "2024")]


def test_the_office_lists_the_demo_reviews_and_downloads_them_in_one_click(demo, year, client_for):
    client = client_for(demo.office)
    page = client.get("/reports/").content.decode()
    # H1, year (Tỉnh ủy and UBND) of 2024; the year 2023; nine months, mid-term and end of
    # the term
    assert page.count("/file.docx") == 7 and page.count("/file.pdf") == 7
    docx = client.get(f"/reports/{year.pk}/file.docx")
    assert docx.status_code == 200 and docx["Content-Type"] == DOCX
    assert docx["Content-Disposition"].endswith('bao-cao-tong-ket-nam-2024-35-nq-tu.docx"')
    pdf = client.get(f"/reports/{year.pk}/file.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_the_preview_page_shows_the_report_with_its_summary_sentence(demo, year, client_for):
    page = client_for(demo.office).get(f"/reports/{year.pk}/").content.decode()
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in page
    assert "chỉ tiêu đạt và vượt" in page
    assert "Generate a new draft version" in page or "Tạo phiên bản dự thảo mới" in page


def test_the_office_generates_a_draft_version_from_the_page(
    demo, year, client_for, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(demo.office).post(f"/reports/{year.pk}/generate/")
    assert response.status_code == 302
    year.refresh_from_db()
    assert year.document.versions.get().origin == DocumentVersion.Origin.GENERATED


def test_the_office_defines_a_new_review_through_the_form(demo, year, client_for):
    response = client_for(demo.office).post(
        "/reports/",
        {"body": demo.bodies["ubnd"].pk, "resolution": year.resolution.pk, "period": "2024-Q3"},
    )
    report = Report.objects.get(period="2024-Q3")
    assert response.status_code == 302 and report.kind == "quarter"


def test_a_wrong_period_is_refused_with_the_reason(demo, year, client_for):
    response = client_for(demo.office).post(
        "/reports/",
        {"body": demo.bodies["ubnd"].pk, "resolution": year.resolution.pk, "period": "2024-09"},
    )
    assert response.status_code == 200
    assert not Report.objects.filter(period="2024-09").exists()


def test_the_leader_reads_and_downloads_but_cannot_generate(demo, year, client_for):
    client = client_for(demo.users["leader"])
    assert client.get(f"/reports/{year.pk}/").status_code == 200
    assert client.get(f"/reports/{year.pk}/file.docx").status_code == 200
    assert client.post(f"/reports/{year.pk}/generate/").status_code == 403
    client.post(
        "/reports/",
        {"body": demo.bodies["ubnd"].pk, "resolution": year.resolution.pk, "period": "2024-Q3"},
    )
    assert not Report.objects.filter(period="2024-Q3").exists()
    year.refresh_from_db()
    assert year.document is None


def test_a_reporter_does_not_see_another_agencys_review(demo, year, client_for):
    client = client_for(demo.users["reporter"])
    assert client.get(f"/reports/{year.pk}/").status_code == 404
    assert client.get(f"/reports/{year.pk}/file.pdf").status_code == 404
    assert client.post(f"/reports/{year.pk}/generate/").status_code == 404
    assert "/file.docx" not in client.get("/reports/").content.decode()


def test_another_provinces_office_finds_nothing(demo, year, outsider, client_for):
    client = client_for(outsider)
    assert client.get(f"/reports/{year.pk}/").status_code == 404
    assert client.get(f"/reports/{year.pk}/file.docx").status_code == 404
    assert client.post(f"/reports/{year.pk}/generate/").status_code == 404
    assert client.post(f"/reports/{year.pk}/template/").status_code == 404


def test_signing_in_is_required(client, year):
    assert client.get(f"/reports/{year.pk}/file.pdf").status_code == 302


def test_the_api_creates_a_review_renders_it_and_generates_its_draft(
    demo, year, client, django_capture_on_commit_callbacks
):
    auth = bearer(demo.office)
    created = client.post(
        "/api/reports/",
        {
            "body_id": demo.bodies["tinh_uy"].pk,
            "resolution_id": year.resolution_id,
            "period": "2024-9M",
        },
        content_type="application/json",
        **auth,
    )
    assert created.status_code == 201 and created.json()["kind"] == "nine_months"
    report_id = created.json()["id"]
    pdf = client.get(f"/api/reports/{report_id}/file?format=pdf", **auth)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    with django_capture_on_commit_callbacks(execute=True):
        job = client.post(f"/api/reports/{report_id}/jobs", **auth)
    assert job.status_code == 202 and job.json()["status"] == "READY"
    polled = client.get(f"/api/reports/jobs/{job.json()['id']}", **auth).json()
    assert (polled["status"], polled["progress"], polled["attempts"]) == ("SUCCESSFUL", 100, 1)
    assert polled["report_id"] == report_id
    version = DocumentVersion.objects.get(pk=polled["version_id"])
    assert version.document.report.pk == report_id


def test_the_api_refuses_a_period_that_is_no_review_with_the_reason(demo, year, client):
    response = client.post(
        "/api/reports/",
        {
            "body_id": demo.bodies["tinh_uy"].pk,
            "resolution_id": year.resolution_id,
            "period": "2024-13",
        },
        content_type="application/json",
        **bearer(demo.office),
    )
    assert response.status_code == 422
    assert "period" in response.json()["detail"]


def test_the_api_lets_the_leader_download_but_not_generate(demo, year, client):
    auth = bearer(demo.users["leader"])
    assert client.get(f"/api/reports/{year.pk}/file?format=docx", **auth).status_code == 200
    assert client.post(f"/api/reports/{year.pk}/jobs", **auth).status_code == 403


def test_the_api_hides_the_review_from_another_province(demo, year, outsider, client):
    auth = bearer(outsider)
    assert client.get(f"/api/reports/{year.pk}", **auth).status_code == 404
    assert client.post(f"/api/reports/{year.pk}/jobs", **auth).status_code == 404
    assert year.pk not in [r["id"] for r in client.get("/api/reports/", **auth).json()]
