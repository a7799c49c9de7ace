"""Which Word template a body's reports use, and the check an uploaded one must pass."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from docxtpl import DocxTemplate
from jinja2 import TemplateError

from nghiquyet.orgs.models import Body
from nghiquyet.reports.models import ReportTemplate


def template_for(body: Body):
    """The body's newest uploaded template as an open file, or None for the shipped one."""
    uploaded = ReportTemplate.objects.filter(body=body).first()
    if uploaded is None:
        return None
    uploaded.file.open("rb")
    return uploaded.file


def template_check(file: UploadedFile) -> None:
    """Refuse a file Word could not open or whose placeholders do not parse.

    Checked at upload, so a broken template is never the reason a report fails later.
    """
    try:
        DocxTemplate(file).get_undeclared_template_variables()
    except TemplateError as exc:
        raise ValidationError(
            {"file": _("A placeholder in the template is malformed: %(error)s") % {"error": exc}}
        ) from exc
    except Exception as exc:  # a zip or XML error: python-docx has no single exception type
        raise ValidationError({"file": _("This file is not a Word document (.docx).")}) from exc
    finally:
        file.seek(0)
