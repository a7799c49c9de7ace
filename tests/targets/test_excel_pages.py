"""The download link and the upload form, for each persona."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from nghiquyet.targets.models import Target

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def export_url(document):
    return reverse("targets:excel_export", args=[document.pk])


def import_url(document):
    return reverse("targets:excel_import", args=[document.pk])


def upload(content: bytes) -> dict:
    return {"file": SimpleUploadedFile("chi-tieu.xlsx", content, content_type=XLSX)}


def test_the_office_downloads_the_targets_for_the_periods_it_asks_for(
    client_for, office, resolution, revenue
):
    response = client_for(office).get(export_url(resolution), {"period": ["2024-H1", "2024"]})
    assert response["Content-Type"] == XLSX
    assert "chi-tieu-12-nqtu.xlsx" in response["Content-Disposition"]
    sheet = load_workbook(BytesIO(response.content)).active
    assert [c.value for c in sheet[2]][5:7] == ["6 tháng đầu năm 2024", "Năm 2024"]


def test_uploading_the_downloaded_file_changes_nothing_and_returns_to_the_dashboard(
    client_for, office, resolution, revenue
):
    client = client_for(office)
    content = client.get(export_url(resolution)).content
    history = Target.history.count()
    response = client.post(import_url(resolution), upload(content))
    assert response.url == reverse("targets:dashboard", args=[resolution.pk])
    assert Target.history.count() == history


def test_a_bad_file_lists_every_bad_row_on_the_page(client_for, office, resolution, revenue):
    client = client_for(office)
    book = load_workbook(BytesIO(client.get(export_url(resolution)).content))
    book.active["D3"] = "nhiều"
    buffer = BytesIO()
    book.save(buffer)
    response = client.post(import_url(resolution), upload(buffer.getvalue()))
    assert response.status_code == 400
    assert "nhiều" in response.content.decode()
    assert Target.objects.get(pk=revenue.pk).comparator == ">"


def test_another_provinces_clerk_finds_neither_page(client_for, outsider, resolution, revenue):
    client = client_for(outsider)
    assert client.get(export_url(resolution)).status_code == 404
    assert client.get(import_url(resolution)).status_code == 404


def test_a_leader_downloads_but_an_upload_is_refused_before_it_is_read(
    client_for, office, leader, resolution, revenue
):
    content = client_for(office).get(export_url(resolution)).content
    book = load_workbook(BytesIO(content))
    book.active["F3"] = 6250
    buffer = BytesIO()
    book.save(buffer)
    client = client_for(leader)
    assert client.get(export_url(resolution)).status_code == 200
    response = client.post(import_url(resolution), upload(buffer.getvalue()))
    assert response.status_code == 403
    assert not revenue.actuals.exists()
