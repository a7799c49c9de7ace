"""The register and the document pages, seen by each persona."""

import pytest
from django.test import Client
from django.urls import reverse

from nghiquyet.documents.models import Document, DocumentLink
from nghiquyet.documents.services import document_link

pytestmark = pytest.mark.django_db


def detail(document):
    return reverse("documents:detail", args=[document.pk])


def test_the_office_sees_its_documents_and_the_controls_to_change_them(
    client_for, office, directive
):
    client = client_for(office)
    listing = client.get(reverse("documents:list")).content.decode()
    assert "58-CT/TU" in listing
    page = client.get(detail(directive)).content.decode()
    assert reverse("documents:edit", args=[directive.pk]) in page
    assert reverse("documents:delete", args=[directive.pk]) in page


@pytest.mark.parametrize("who", ["leader", "reporter"])
def test_leaders_and_reporters_read_documents_without_controls(who, client_for, directive, request):
    client = client_for(request.getfixturevalue(who))
    page = client.get(detail(directive))
    assert page.status_code == 200
    assert reverse("documents:edit", args=[directive.pk]) not in page.content.decode()
    assert client.get(reverse("documents:edit", args=[directive.pk])).status_code == 403
    assert client.get(reverse("documents:create")).status_code == 403
    assert client.post(reverse("documents:delete", args=[directive.pk])).status_code == 403
    assert Document.objects.filter(pk=directive.pk).exists()


@pytest.mark.parametrize(
    "name", ["detail", "edit", "delete", "adopt", "link", "version_add", "attach"]
)
def test_another_provinces_clerk_finds_no_such_document(name, client_for, outsider, directive):
    client = client_for(outsider)
    url = reverse(f"documents:{name}", args=[directive.pk])
    response = client.get(url) if name in {"detail", "edit"} else client.post(url)
    assert response.status_code == 404


def test_another_provinces_clerk_does_not_see_it_in_the_register(client_for, outsider, directive):
    listing = client_for(outsider).get(reverse("documents:list")).content.decode()
    assert directive.title not in listing


def test_the_public_sees_public_documents_only(client, directive, programme):
    listing = client.get(reverse("documents:list")).content.decode()
    assert programme.title in listing
    assert directive.title not in listing
    assert client.get(detail(programme)).status_code == 200
    assert client.get(detail(directive)).status_code == 404


def test_the_office_records_a_document_through_the_form(client_for, office, dongthap):
    response = client_for(office).post(
        reverse("documents:create"),
        {
            "kind": "chi_thi",
            "symbol": "58-CT/TU",
            "issuer": dongthap.bodies["btv"].pk,
            "issued_on": "07/11/2023",
            "title": "Chỉ thị về tăng cường sự lãnh đạo của Đảng đối với Quy hoạch tỉnh",
            "status": "adopted",
        },
    )
    document = Document.objects.get(symbol="58-CT/TU")
    assert response.url == detail(document)
    assert document.issued_on.isoformat() == "2023-11-07"


def test_the_form_shows_the_duplicate_in_vietnamese_and_saves_nothing(
    client_for, office, dongthap, directive
):
    response = client_for(office).post(
        reverse("documents:create"),
        {
            "kind": "chi_thi",
            "symbol": "58-CT/TU",
            "issuer": dongthap.bodies["btv"].pk,
            "title": "Bản trùng",
            "status": "draft",
        },
    )
    assert response.status_code == 200
    assert "Văn bản 58-CT/TU của Ban Thường vụ Tỉnh ủy Đồng Tháp đã có trong hệ thống." in (
        response.content.decode()
    )
    assert Document.objects.count() == 1


def test_the_list_filters_by_kind_status_year_and_searches_without_diacritics(
    client_for, office, directive, programme
):
    client = client_for(office)
    url = reverse("documents:list")

    def titles(**query):
        return client.get(url, query).content.decode()

    assert programme.title not in titles(kind="chi_thi")
    assert directive.title in titles(kind="chi_thi")
    assert directive.title not in titles(status="draft")
    assert directive.title in titles(year=2023)
    assert programme.title not in titles(year=2023)
    assert directive.title in titles(q="quy hoach tinh")
    assert programme.title not in titles(q="quy hoach tinh")
    assert directive.title in titles(issuer=directive.issuer_id)


def test_htmx_filtering_returns_only_the_table(client_for, office, directive):
    response = client_for(office).get(
        reverse("documents:list"),
        {"q": "58"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="document-table",
    )
    body = response.content.decode()
    assert "58-CT/TU" in body
    assert "<html" not in body


def test_the_register_downloads_as_a_spreadsheet(client_for, office, directive):
    from io import BytesIO

    from openpyxl import load_workbook

    response = client_for(office).get(reverse("documents:export"))
    sheet = load_workbook(BytesIO(response.content)).active
    assert [c.value for c in sheet[1]][:4] == ["STT", "số, ký hiệu", "loại", "trích yếu"]
    assert sheet["B2"].value == "58-CT/TU"


def test_both_documents_show_the_link_between_them(
    client_for, leader, office, programme, directive
):
    document_link(
        user=office, source=programme, target=directive, kind=DocumentLink.Kind.IMPLEMENTS
    )
    client = client_for(leader)
    assert directive.title in client.get(detail(programme)).content.decode()
    target_page = client.get(detail(directive)).content.decode()
    assert programme.title in target_page
    assert "được thực hiện bởi" in target_page


def test_a_link_added_with_htmx_returns_the_links_section(client_for, office, programme, directive):
    response = client_for(office).post(
        reverse("documents:link", args=[programme.pk]),
        {"kind": "implements", "target": directive.pk},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert 'id="document-links"' in response.content.decode()
    assert DocumentLink.objects.filter(source=programme, target=directive).exists()


def test_a_deleted_document_is_restored_from_the_deleted_list(client_for, office, directive):
    client = client_for(office)
    client.post(reverse("documents:delete", args=[directive.pk]))
    assert "58-CT/TU" in client.get(reverse("documents:deleted")).content.decode()
    client.post(reverse("documents:restore", args=[directive.pk]))
    assert Document.objects.filter(pk=directive.pk).exists()


def test_an_attached_file_is_served_to_readers_and_not_to_outsiders(
    client_for, office, leader, outsider, directive, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    client_for(office).post(
        reverse("documents:attach", args=[directive.pk]),
        {"file": SimpleUploadedFile("ban-ky.pdf", b"%PDF-1.4"), "name": "Bản ký"},
    )
    attachment = directive.attachments.get()
    url = reverse("documents:attachment", args=[attachment.pk])
    assert b"".join(client_for(leader).get(url).streaming_content) == b"%PDF-1.4"
    assert client_for(outsider).get(url).status_code == 404
    assert Client().get(url).status_code == 404


def test_the_history_of_a_document_names_the_clerk(client_for, office, directive):
    from nghiquyet.documents.services import document_update

    document_update(user=office, document=directive, data={"title": "Chỉ thị đã sửa"})
    page = (
        client_for(office)
        .get(reverse("history", args=["documents", "document", directive.pk]))
        .content.decode()
    )
    assert "dongthap_office" in page or "Nguyễn Thị Hồng" in page
