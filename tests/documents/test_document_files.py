"""Versions are appended, never overwritten; attachments are files of known kinds."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from nghiquyet.documents.models import DocumentVersion
from nghiquyet.documents.services import document_attach, document_version_add

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_versions_are_numbered_in_order_and_keep_earlier_text(office, programme):
    first = document_version_add(
        user=office, document=programme, origin="generated", text="Dự thảo lần 1"
    )
    second = document_version_add(
        user=office, document=programme, origin="edited", text="Dự thảo lần 2", note="Tổ biên tập"
    )
    assert (first.number, second.number) == (1, 2)
    assert DocumentVersion.objects.get(pk=first.pk).text == "Dự thảo lần 1"
    assert second.created_by == office


def test_an_empty_version_is_refused(office, programme):
    with pytest.raises(ValidationError):
        document_version_add(user=office, document=programme, origin="edited", text="  ")


def test_a_signed_scan_is_attached_under_its_file_name(office, directive):
    scan = SimpleUploadedFile("58-CT-TU.pdf", b"%PDF-1.4 scan", content_type="application/pdf")
    attachment = document_attach(user=office, document=directive, file=scan)
    assert attachment.name == "58-CT-TU.pdf"
    assert attachment.file.read() == b"%PDF-1.4 scan"


def test_a_program_file_is_not_attached(office, directive):
    with pytest.raises(ValidationError):
        document_attach(user=office, document=directive, file=SimpleUploadedFile("run.exe", b"MZ"))
    assert not directive.attachments.exists()


@pytest.mark.parametrize("who", ["leader", "reporter"])
def test_readers_add_no_versions_or_files(who, directive, request):
    user = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        document_version_add(user=user, document=directive, origin="edited", text="x")
    with pytest.raises(PermissionDenied):
        document_attach(user=user, document=directive, file=SimpleUploadedFile("a.pdf", b"x"))
