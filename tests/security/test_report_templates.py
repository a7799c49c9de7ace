"""A Word template is data, never code: hostile templates through every path that reaches one.

The attack: a template whose placeholders walk from a Jinja object to Python's globals
(``cycler.__init__.__globals__.os``) runs a command or reads the secret key when the
report is rendered. Templates reach the renderer through the report page, the admin
and the database (one stored before templates were checked); they are rendered by the
page's download, the API's download, the background job and ``nghiquyet report``.
Every path must refuse, name the bad placeholder in the user's language, and store or
run nothing.
"""

import io
import zipfile
from io import StringIO

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from docx import Document as WordDocument

from nghiquyet.api.services import api_token_create
from nghiquyet.core.models import Job
from nghiquyet.documents.models import Document, DocumentKind, DocumentVersion
from nghiquyet.documents.services import document_create
from nghiquyet.reports.assemble import report_content
from nghiquyet.reports.content import Format
from nghiquyet.reports.models import Report, ReportTemplate
from nghiquyet.reports.render import SHIPPED_TEMPLATES
from nghiquyet.reports.services import report_create

pytestmark = pytest.mark.django_db

RUN_ID = "{{ cycler.__init__.__globals__.os.popen('id').read() }}"
SECRET = (
    "{{ cycler.__init__.__globals__.__builtins__.__import__('django.conf')"
    ".conf.settings.SECRET_KEY }}"
)
#: Each hostile placeholder, and the part of it the refusal must name.
HOSTILE = [
    pytest.param(RUN_ID, "cycler", id="command"),
    pytest.param(SECRET, "cycler", id="secret-key"),
    pytest.param("{{ self.__init__.__globals__ }}", "self", id="self-globals"),
    pytest.param(
        "{{ ''.__class__.__mro__[1].__subclasses__() }}", "__subclasses__", id="subclasses"
    ),
    pytest.param("{% for x in range(10**9) %}.{% endfor %}", "range", id="billion-loop"),
    pytest.param("{{ header.__class__ }}", "header.__class__", id="dunder-of-placeholder"),
    pytest.param("{{ lipsum.__globals__ }}", "lipsum", id="lipsum"),
    pytest.param("{{ namespace(a=1) }}", "namespace", id="namespace"),
    pytest.param("{{ joiner() }}", "joiner", id="joiner"),
    pytest.param("{{ settings.SECRET_KEY }}", "settings", id="settings"),
    pytest.param("{{ subtitle.format(header) }}", "subtitle.format", id="str-format"),
    pytest.param("{{ 'A' * 1000000000 }}", "*", id="huge-string"),
    pytest.param("{{ header|attr('__class__') }}", "attr", id="attr-filter"),
    pytest.param(
        "{% for a in target_rows %}{% for b in target_rows %}.{% endfor %}{% endfor %}",
        "target_rows",
        id="nested-loops",
    ),
    pytest.param("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "macro", id="macro"),
]


@pytest.fixture(autouse=True)
def report_settings(settings, tmp_path, immediate_tasks):
    """Tasks run inside the call; uploaded and generated files go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def demo(places):
    """The demo province, whose reviews have targets to print."""
    from nghiquyet.core.demo import demo_load

    home, _other = demo_load()
    return home


@pytest.fixture
def resolution(dongthap) -> Document:
    return document_create(
        user=dongthap.office,
        kind=DocumentKind.NGHI_QUYET,
        title="Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội năm 2024",
        issuer=dongthap.bodies["tinh_uy"],
        symbol="15-NQ/TU",
        term=dongthap.term,
        status=Document.Status.ADOPTED,
    )


@pytest.fixture
def own_report(dongthap, reporter, resolution) -> Report:
    """A review the reporter of Sở Tài chính defines for its own agency (allowed)."""
    return report_create(
        user=reporter, body=dongthap.bodies["so_tai_chinh"], resolution=resolution, period="2024"
    )


@pytest.fixture
def office_report(dongthap, office, resolution) -> Report:
    return report_create(
        user=office, body=dongthap.bodies["tinh_uy"], resolution=resolution, period="2024"
    )


def word_file(*lines: str) -> bytes:
    """The shipped Party template as an office edits it in Word: paragraphs added."""
    document = WordDocument(SHIPPED_TEMPLATES[Format.PARTY])
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def touching(marker) -> str:
    """A placeholder that, if it ever ran, would create the file ``marker``."""
    return f"{{{{ cycler.__init__.__globals__.os.popen('touch {marker}').read() }}}}"


def stored_before_the_checks(body, data: bytes) -> ReportTemplate:
    """A template saved straight to the database, as one uploaded before templates were checked."""
    return ReportTemplate.objects.create(body=body, file=ContentFile(data, name="mau-cu.docx"))


def all_text(data: bytes) -> str:
    document = WordDocument(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [p.text for t in document.tables for c in t._cells for p in c.paragraphs]
    return "\n".join(parts)


def shown_messages(response) -> str:
    """The messages the page shows after a redirect, one per line."""
    return "\n".join(str(message) for message in response.context["messages"])


def upload(client, report: Report, data: bytes, name: str = "mau.docx"):
    return client.post(
        f"/reports/{report.pk}/template/",
        {"file": SimpleUploadedFile(name, data), "note": "Mẫu của Văn phòng"},
        follow=True,
    )


# Upload through the report page


@pytest.mark.parametrize(("payload", "named"), HOSTILE)
def test_the_office_uploading_a_hostile_template_is_refused_and_told_which_placeholder(
    office, office_report, client_for, payload, named
):
    response = upload(client_for(office), office_report, word_file(payload))
    assert ReportTemplate.objects.count() == 0
    assert named in shown_messages(response)


def test_a_reporter_cannot_upload_a_template_even_for_its_own_agencys_report(
    reporter, own_report, client_for
):
    response = client_for(reporter).post(
        f"/reports/{own_report.pk}/template/",
        {"file": SimpleUploadedFile("mau.docx", word_file(RUN_ID))},
    )
    assert response.status_code == 403
    assert ReportTemplate.objects.count() == 0


def test_the_reporters_report_page_offers_no_template_upload(
    office, reporter, own_report, client_for
):
    page = client_for(reporter).get(f"/reports/{own_report.pk}/").content.decode()
    assert f"/reports/{own_report.pk}/template/" not in page
    office_page = client_for(office).get(f"/reports/{own_report.pk}/").content.decode()
    assert f"/reports/{own_report.pk}/template/" in office_page


def test_the_office_still_uploads_a_template_that_uses_only_the_documented_placeholders(
    demo, client_for
):
    office = demo.office
    office_report = Report.objects.get(body=demo.bodies["tinh_uy"], period="2024")
    lines = (
        "Kính gửi: {{ header.issuer|upper }}",
        "{% if summary_sentence %}Tóm tắt: {{ summary_sentence }}{% endif %}",
        "{% for row in target_rows %}{{ loop.index }}. {{ row.indicator }}"
        "{% if row.estimate %} (ước){% endif %}; {% endfor %}",
    )
    response = upload(client_for(office), office_report, word_file(*lines))
    assert ReportTemplate.objects.filter(body=office_report.body).count() == 1
    assert "Đã lưu mẫu" in shown_messages(response)
    text = all_text(client_for(office).get(f"/reports/{office_report.pk}/file.docx").content)
    content = report_content(report=office_report, user=office)
    assert "Kính gửi: TỈNH ỦY" in text and f"Tóm tắt: {content.summary_sentence}" in text
    assert f"1. {content.target_rows[0].indicator}" in text


# Files that are not a usable Word document


def zip_bomb() -> bytes:
    """A .docx whose picture expands to 100 MB: small on the wire, huge in memory."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(word_file())) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr("word/media/image9.png", b"\0" * 100_000_000)
    return buffer.getvalue()


def spreadsheet() -> bytes:
    from openpyxl import Workbook

    buffer = io.BytesIO()
    workbook = Workbook()
    workbook.active["A1"] = "Chỉ tiêu"
    workbook.save(buffer)
    return buffer.getvalue()


BAD_FILES = [
    pytest.param(lambda: b"PK\x03\x04 not really a zip", "mau.docx", id="corrupt"),
    pytest.param(lambda: word_file()[:6000], "mau.docx", id="truncated"),
    pytest.param(lambda: word_file()[: len(word_file()) - 200], "mau.docx", id="tail-cut"),
    pytest.param(spreadsheet, "mau.docx", id="spreadsheet-renamed"),
    pytest.param(lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "mau.docx", id="pdf-renamed"),
    pytest.param(word_file, "mau.pdf", id="wrong-extension"),
    pytest.param(lambda: word_file() + b"\0" * (11 * 1024 * 1024), "mau.docx", id="huge"),
    pytest.param(zip_bomb, "mau.docx", id="zip-bomb"),
]


@pytest.mark.parametrize(("make", "name"), BAD_FILES)
def test_a_file_that_is_not_a_usable_word_template_is_refused_with_a_reason(
    office, office_report, client_for, make, name
):
    response = upload(client_for(office), office_report, make(), name)
    assert response.status_code == 200
    assert ReportTemplate.objects.count() == 0
    shown = shown_messages(response)
    assert "Word" in shown or "MB" in shown


# Upload through the admin


def test_the_office_adding_a_hostile_template_in_the_admin_is_refused(dongthap, office, client_for):
    client = client_for(office)
    response = client.post(
        "/admin/reports/reporttemplate/add/",
        {
            "body": dongthap.bodies["tinh_uy"].pk,
            "file": SimpleUploadedFile("mau.docx", word_file(RUN_ID)),
            "note": "",
        },
    )
    assert response.status_code == 200
    assert "cycler" in response.content.decode()
    assert ReportTemplate.objects.count() == 0


def test_the_office_adds_a_sound_template_in_the_admin_through_the_same_checks(
    dongthap, office, client_for
):
    response = client_for(office).post(
        "/admin/reports/reporttemplate/add/",
        {
            "body": dongthap.bodies["tinh_uy"].pk,
            "file": SimpleUploadedFile("mau.docx", word_file("Mẫu riêng")),
            "note": "Bản 2025",
        },
    )
    assert response.status_code == 302
    saved = ReportTemplate.objects.get()
    assert saved.uploaded_by == office and saved.note == "Bản 2025"


def test_the_admin_cannot_swap_a_stored_templates_file_around_the_checks(
    dongthap, office, client_for
):
    stored = stored_before_the_checks(dongthap.bodies["tinh_uy"], word_file("Mẫu cũ"))
    name = stored.file.name
    client_for(office).post(
        f"/admin/reports/reporttemplate/{stored.pk}/change/",
        {
            "body": dongthap.bodies["tinh_uy"].pk,
            "file": SimpleUploadedFile("mau.docx", word_file(RUN_ID)),
            "note": "",
        },
    )
    stored.refresh_from_db()
    assert stored.file.name == name


def test_a_reporter_with_admin_access_cannot_add_a_template_there(dongthap, reporter, client_for):
    reporter.is_staff = True
    reporter.save()
    response = client_for(reporter).post(
        "/admin/reports/reporttemplate/add/",
        {
            "body": dongthap.bodies["so_tai_chinh"].pk,
            "file": SimpleUploadedFile("mau.docx", word_file("x")),
        },
    )
    assert response.status_code == 403
    assert ReportTemplate.objects.count() == 0


def test_the_office_cannot_add_a_template_for_another_provinces_body_in_the_admin(
    office, laichau, client_for
):
    response = client_for(office).post(
        "/admin/reports/reporttemplate/add/",
        {
            "body": laichau.bodies["tinh_uy"].pk,
            "file": SimpleUploadedFile("mau.docx", word_file("x")),
        },
    )
    assert response.status_code == 200
    # The admin offers only the office's own bodies: another province's is not a choice.
    assert "body" in response.context["adminform"].form.errors
    assert ReportTemplate.objects.count() == 0


# Rendering a hostile template stored before the checks


def test_downloading_the_report_refuses_a_stored_hostile_template_and_runs_nothing(
    reporter, own_report, client_for, tmp_path
):
    marker = tmp_path / "ran"
    stored_before_the_checks(
        own_report.body,
        word_file(RUN_ID, touching(marker)),
    )
    response = client_for(reporter).get(f"/reports/{own_report.pk}/file.docx", follow=True)
    assert not marker.exists()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "uid=" not in response.content.decode()
    assert "cycler" in shown_messages(response)


@pytest.mark.parametrize(("payload", "named"), HOSTILE)
def test_the_api_download_refuses_a_stored_hostile_template(
    reporter, own_report, client, payload, named
):
    stored_before_the_checks(own_report.body, word_file(payload))
    _token, raw = api_token_create(user=reporter, name="bao cao")
    response = client.get(
        f"/api/reports/{own_report.pk}/file?format=docx", HTTP_AUTHORIZATION=f"Bearer {raw}"
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert named in body and "uid=" not in body and settings.SECRET_KEY not in body


def test_the_pdf_and_printable_page_never_use_the_word_template(reporter, own_report, client_for):
    stored_before_the_checks(own_report.body, word_file(RUN_ID))
    client = client_for(reporter)
    assert client.get(f"/reports/{own_report.pk}/file.pdf").status_code == 200
    assert "uid=" not in client.get(f"/reports/{own_report.pk}/file.html").content.decode()


def test_the_background_job_fails_with_the_reason_and_writes_no_version(
    reporter, own_report, client_for, tmp_path, django_capture_on_commit_callbacks
):
    marker = tmp_path / "ran"
    stored_before_the_checks(
        own_report.body,
        word_file(touching(marker)),
    )
    with django_capture_on_commit_callbacks(execute=True):
        client_for(reporter).post(f"/reports/{own_report.pk}/generate/")
    job = Job.objects.get(kind="report_generate", object_id=own_report.pk)
    assert job.status == Job.Status.FAILED
    assert "cycler" in job.error and "{'" not in job.error
    assert not marker.exists()
    assert not DocumentVersion.objects.filter(document__report=own_report).exists()


def test_the_background_job_never_writes_the_secret_key_into_a_draft(
    reporter, own_report, django_capture_on_commit_callbacks
):
    from nghiquyet.reports.jobs import report_job_start

    stored_before_the_checks(own_report.body, word_file(SECRET))
    with django_capture_on_commit_callbacks(execute=True):
        job = report_job_start(user=reporter, report=own_report)
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    for version in DocumentVersion.objects.all():
        assert settings.SECRET_KEY not in all_text(version.file.read())


def test_the_command_refuses_a_stored_hostile_template_and_writes_no_file(
    dongthap, office, resolution, tmp_path
):
    body = dongthap.bodies["tinh_uy"]
    stored_before_the_checks(body, word_file(SECRET))
    target = tmp_path / "bao-cao.docx"
    with pytest.raises(CommandError, match="cycler"):
        call_command(
            "report", "--body", str(body.pk), "--resolution", "15-NQ/TU", "--period", "2024",
            "-o", str(target), "--user", office.username, stdout=StringIO(),
        )  # fmt: skip
    assert not target.exists()


def test_a_stored_zip_bomb_is_refused_at_render_time(office, office_report, client_for):
    stored_before_the_checks(office_report.body, zip_bomb())
    response = client_for(office).get(f"/reports/{office_report.pk}/file.docx", follow=True)
    assert response["Content-Type"].startswith("text/html")
    assert "MB" in shown_messages(response)
