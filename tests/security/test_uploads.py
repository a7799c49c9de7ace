"""Damaged, disguised, huge and inflating files uploaded to "targets from text".

Each is answered with the page and a message in Vietnamese, saves nothing, and
never a 500; a sound file of each kind still yields its targets.
"""

import io
import zipfile

import docx
import pytest
import typst
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nghiquyet.targets.models import Target
from nghiquyet.targets.upload_text import MAX_DOCX_INFLATED_BYTES, MAX_UPLOAD_BYTES

pytestmark = pytest.mark.django_db

TEXT = (
    "Phấn đấu GRDP tăng trưởng 8,5% trở lên so với năm 2023; thu ngân sách nội địa trên "
    "6.000 tỷ đồng; tạo việc làm mới cho 23.000 lao động."
)
UNREADABLE = "bị hỏng, không đầy đủ hoặc không đúng loại"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def sound_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph(TEXT)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def sound_pdf() -> bytes:
    """A one-paragraph PDF typeset by Typst, the text passed in as data."""
    return typst.compile(
        b'#set text(font: "Liberation Serif")\n#sys.inputs.text',
        format="pdf",
        sys_inputs={"text": TEXT},
        font_paths=[str(settings.REPORT_FONT_DIR)],
        ignore_system_fonts=True,
    )


def bomb_docx() -> bytes:
    """A small .docx whose document part inflates past the limit (zeros compress ~1000:1)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            chunk = b"0" * (1024 * 1024)
            for _ in range(MAX_DOCX_INFLATED_BYTES // len(chunk) + 1):
                part.write(chunk)
        archive.writestr("[Content_Types].xml", "<Types/>")
    return out.getvalue()


def upload(client_for, office, resolution, name: str, data: bytes):
    url = reverse("targets:document_from_text", args=[resolution.pk])
    file = SimpleUploadedFile(name, data)
    return client_for(office).post(url, {"step": "read", "year": "2024", "file": file})


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("nghi-quyet.docx", b"PK\x03\x04 this is not really a Word file" * 50),
        ("nghi-quyet.pdf", b"%PDF-1.7\n%\xe2\xe3 garbage that is not a PDF \x00\xff" * 50),
        ("nghi-quyet.docx", sound_docx()[:1500]),
        ("anh-chup.docx", PNG * 20),
        ("anh-chup.pdf", PNG * 20),
    ],
    ids=["corrupt-docx", "corrupt-pdf", "truncated-docx", "png-as-docx", "png-as-pdf"],
)
def test_an_unreadable_file_is_refused_with_a_message_and_saves_nothing(
    client_for, office, resolution, name, data
):
    response = upload(client_for, office, resolution, name, data)
    assert response.status_code == 200
    assert UNREADABLE in response.content.decode()
    assert not Target.objects.filter(document=resolution).exists()


def test_a_truncated_pdf_is_refused_or_read_as_far_as_it_goes_never_a_server_error(
    client_for, office, resolution
):
    data = sound_pdf()
    response = upload(client_for, office, resolution, "nghi-quyet.pdf", data[: len(data) // 2])
    assert response.status_code == 200
    page = response.content.decode()
    assert UNREADABLE in page or "Không tìm thấy chỉ tiêu" in page


def test_a_file_beyond_the_documented_size_is_refused(client_for, office, resolution):
    huge = TEXT.encode() * (MAX_UPLOAD_BYTES // len(TEXT.encode()) + 10)
    response = upload(client_for, office, resolution, "nghi-quyet.txt", huge)
    assert response.status_code == 200
    assert "Tệp lớn hơn 10 MB" in response.content.decode()


def test_a_docx_that_inflates_past_the_limit_is_refused_before_it_is_parsed(
    client_for, office, resolution
):
    data = bomb_docx()
    assert len(data) < 1024 * 1024
    response = upload(client_for, office, resolution, "nghi-quyet.docx", data)
    assert response.status_code == 200
    assert "giải nén ra hơn 100 MB" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "maker"), [("nghi-quyet.docx", sound_docx), ("nghi-quyet.pdf", sound_pdf)]
)
def test_a_sound_file_still_yields_its_targets(client_for, office, resolution, name, maker):
    response = upload(client_for, office, resolution, name, maker())
    assert response.status_code == 200
    assert response.context["formset"] is not None
    names = [form.initial["indicator_name"] for form in response.context["formset"]]
    assert any("GRDP" in n for n in names)
    assert any("việc làm" in n for n in names)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Hội nghị " * 20_000, "tối đa 100000 kí tự"),
        ("\x00\x01 {{ cycler.__init__.__globals__ }} <script>alert(1)</script>", ""),
    ],
    ids=["beyond-the-limit", "binary-and-markup"],
)
def test_the_meeting_from_text_form_answers_hostile_text_with_its_page(
    client_for, office, text, message
):
    files = {"file": SimpleUploadedFile("bien-ban.docx", PNG * 20)}
    response = client_for(office).post(reverse("meetings:from_text"), {"text": text, **files})
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "<script>alert(1)</script>" not in page
