"""``nghiquyet report`` writes a file from the live records; offices bring their own template."""

import io
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from docx import Document as WordDocument

from nghiquyet.reports.content import Format
from nghiquyet.reports.render import SHIPPED_TEMPLATES, render_docx
from nghiquyet.reports.services import report_generate

pytestmark = pytest.mark.django_db


def run_report(*args: str) -> str:
    out = StringIO()
    call_command("report", *args, stdout=out)
    return out.getvalue()


def test_the_command_writes_the_six_month_pdf_of_the_demo_resolution(demo, tmp_path, read_pdf):
    target = tmp_path / "bao-cao.pdf"
    printed = run_report(
        "--body", "Tỉnh ủy Đồng Tháp", "--resolution", "35-NQ/TU", "--period", "2024-H1",
        "--format", "pdf", "-o", str(target), "--user", demo.office.username,
    )  # fmt: skip
    text = read_pdf(target.read_bytes())
    assert "6 tháng đầu năm 2024" in text and "ĐẢNG BỘ TỈNH ĐỒNG THÁP" in text
    assert "chỉ tiêu đạt và vượt" in printed


def test_the_command_writes_a_word_file_as_the_first_administrator_by_default(
    demo, tmp_path, read_docx
):
    target = tmp_path / "bao-cao.docx"
    run_report(
        "--body", str(demo.bodies["ubnd"].pk), "--resolution", "35-NQ/TU", "--period", "2024",
        "--format", "docx", "-o", str(target),
    )  # fmt: skip
    lines, tables = read_docx(target.read_bytes())
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines
    assert len(next(t for t in tables if t[0][:2] == ["TT", "Chỉ tiêu"])) == 15


def test_the_command_explains_a_wrong_period_or_an_unknown_resolution(demo, tmp_path):
    common = ["--body", "Tỉnh ủy Đồng Tháp", "-o", str(tmp_path / "x.docx")]
    with pytest.raises(CommandError, match="2024-H1"):
        run_report(*common, "--resolution", "35-NQ/TU", "--period", "2024-H3")
    with pytest.raises(CommandError, match="99-NQ/TU"):
        run_report(*common, "--resolution", "99-NQ/TU", "--period", "2024")


def test_the_shipped_templates_are_word_files_with_the_placeholders_offices_edit():
    for template_format, path in SHIPPED_TEMPLATES.items():
        text = "\n".join(
            p.text for t in WordDocument(path).tables for c in t._cells for p in c.paragraphs
        )
        assert "{{ header.issuer }}" in text and "{%tr for row in target_rows %}" in text
        assert ("{{ header.motto_line }}" in text) is (template_format is Format.STATE)


def office_template(marker: str) -> bytes:
    """The shipped Party template as an office would edit it in Word: a line added."""
    document = WordDocument(SHIPPED_TEMPLATES[Format.PARTY])
    document.add_paragraph(marker)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_an_uploaded_template_is_used_for_that_bodys_reports(demo, demo_reports, client_for):
    report = demo_reports[("TU", "2024")]
    marker = "Mẫu riêng của Văn phòng Tỉnh ủy"
    upload = SimpleUploadedFile("mau-bao-cao.docx", office_template(marker))
    response = client_for(demo.office).post(f"/reports/{report.pk}/template/", {"file": upload})
    assert response.status_code == 302
    version = report_generate(user=demo.office, report=report)
    lines = [p.text for p in WordDocument(io.BytesIO(version.file.read())).paragraphs]
    assert marker in lines
    download = client_for(demo.office).get(f"/reports/{report.pk}/file.docx")
    assert marker in [p.text for p in WordDocument(io.BytesIO(download.content)).paragraphs]


def test_a_template_with_a_broken_placeholder_is_refused(demo, demo_reports, client_for):
    report = demo_reports[("TU", "2024")]
    upload = SimpleUploadedFile("hong.docx", office_template("{{ header.issuer "))
    client = client_for(demo.office)
    response = client.post(f"/reports/{report.pk}/template/", {"file": upload}, follow=True)
    assert report.body.report_templates.count() == 0
    assert "Trường thay thế trong mẫu bị sai cú pháp" in response.content.decode()


def test_a_file_that_is_not_word_is_refused(demo, demo_reports, client_for):
    report = demo_reports[("TU", "2024")]
    upload = SimpleUploadedFile("mau.docx", b"not a zip")
    client_for(demo.office).post(f"/reports/{report.pk}/template/", {"file": upload})
    assert report.body.report_templates.count() == 0


def test_the_leader_cannot_upload_a_template(demo, demo_reports, client_for):
    report = demo_reports[("TU", "2024")]
    upload = SimpleUploadedFile("mau.docx", office_template("x"))
    response = client_for(demo.users["leader"]).post(
        f"/reports/{report.pk}/template/", {"file": upload}
    )
    assert response.status_code == 403
    assert report.body.report_templates.count() == 0


def test_rendering_with_a_template_path_uses_that_file(content, tmp_path, read_docx):
    path = tmp_path / "mau.docx"
    path.write_bytes(office_template("Dòng riêng"))
    lines, _tables = read_docx(render_docx(content, path))
    assert "Dòng riêng" in lines
