"""One `ReportContent`, three renderings: DOCX from a Word template, HTML, and PDF.

The DOCX comes from an editable .docx template (docxtpl), the office's own when it
uploaded one, otherwise the shipped Party or state template. Every template, shipped
or uploaded, is checked and filled in Jinja's sandbox with plain placeholder values
(`word_template`, `sandbox`, `placeholders`): a template is data, never code.

The PDF is typeset by Typst from the same content (`pdf`), in Liberation Serif 2,
the Times-compatible font the project's setup installs.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import IO

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage

from nghiquyet.reports.charts import status_chart, svg_to_png, trend_chart
from nghiquyet.reports.content import Format, ReportContent
from nghiquyet.reports.pdf import typeset_pdf
from nghiquyet.reports.placeholders import placeholder_values
from nghiquyet.reports.word_template import template_bytes, template_fill

TEMPLATE_DIR = Path(__file__).resolve().parent / "report_templates"
SHIPPED_TEMPLATES = {
    Format.PARTY: TEMPLATE_DIR / "bao_cao_dang.docx",
    Format.STATE: TEMPLATE_DIR / "bao_cao_nha_nuoc.docx",
}
CHART_WIDTH = Mm(150)
#: A Word template: a path, an open file, or None for the shipped one of the format.
Template = str | Path | IO[bytes] | None


class OutputFormat:
    DOCX = "docx"
    PDF = "pdf"
    HTML = "html"
    CHOICES = (DOCX, PDF, HTML)
    MEDIA_TYPES = {
        DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        PDF: "application/pdf",
        HTML: "text/html; charset=utf-8",
    }


def render_docx(content: ReportContent, template: Template = None) -> bytes:
    """The report as an editable Word file, tables as real Word tables.

    A template the sandbox refuses raises a ValidationError that names the placeholder.
    """
    source = template or SHIPPED_TEMPLATES[content.header.format]
    document = DocxTemplate(io.BytesIO(template_bytes(source)))
    context = placeholder_values(content)
    context["status_chart"] = _image(document, status_chart(content))
    trend = trend_chart(content.trend)
    context["trend_chart"] = _image(document, trend) if trend else ""
    template_fill(document, context)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render_html(content: ReportContent, *, standalone: bool = True) -> str:
    """The report as HTML: a whole printable page, or the sheet for the app's preview."""
    template = "reports/document.html" if standalone else "reports/_sheet.html"
    return render_to_string(
        template,
        {
            "report": content,
            "status_chart": mark_safe(status_chart(content)),  # drawn by charts.py, escaped there
            "trend_chart": mark_safe(trend_chart(content.trend)),
        },
    )


def render_pdf(content: ReportContent) -> bytes:
    """The report as PDF, typeset by Typst from the same content (see `pdf`)."""
    return typeset_pdf(content)


def render_output(
    content: ReportContent, output: str, template: str | Path | IO[bytes] | None = None
):
    """The report in `output` ("docx", "pdf" or "html"), as bytes."""
    if output == OutputFormat.DOCX:
        return render_docx(content, template)
    if output == OutputFormat.PDF:
        return render_pdf(content)
    if output == OutputFormat.HTML:
        return render_html(content).encode()
    raise ValueError(f"unknown output format: {output!r}")


def _image(document: DocxTemplate, svg: str) -> InlineImage:
    return InlineImage(document, io.BytesIO(svg_to_png(svg)), width=CHART_WIDTH)
