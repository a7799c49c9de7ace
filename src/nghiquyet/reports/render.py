"""One `ReportContent`, three renderings: DOCX from a Word template, HTML, and PDF.

The DOCX comes from an editable .docx template (docxtpl), the office's own when it
uploaded one, otherwise the shipped Party or state template. Every template, shipped
or uploaded, is checked and filled in Jinja's sandbox with plain placeholder values
(`word_template`, `sandbox`, `placeholders`): a template is data, never code.

The PDF is the HTML rendering printed by WeasyPrint, with Times New Roman asked
first and Liberation Serif (metric-compatible, free, installed by the project's
setup) as the fallback.
"""

from __future__ import annotations

import functools
import gc
import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage

from nghiquyet.reports.charts import status_chart, svg_to_png, trend_chart
from nghiquyet.reports.content import Format, ReportContent
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
    """The report as PDF, printed from its HTML by WeasyPrint."""
    html = render_html(content)
    with _cycles_collected_once():
        return _report_html_class()(string=html, base_url=str(TEMPLATE_DIR)).write_pdf()


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


@functools.cache
def _report_html_class() -> type:
    """WeasyPrint's HTML, minus the pseudo-elements a report never has, when that is safe.

    WeasyPrint's browser stylesheet gives *every* element a ``::marker`` and five
    footnote and note pseudo-elements, so each of a year report's ~7,000 table cells
    costs six extra computed styles, a fifth of the PDF's CPU. A report has no list
    items, footnotes or notes, so those rules change nothing on the page. The browser
    stylesheet is only reachable through WeasyPrint internals; if a later version moves
    them, the report is printed with the stock class, slower and otherwise the same.
    """
    from weasyprint import CSS, HTML

    try:
        from weasyprint.css.counters import CounterStyle
        from weasyprint.html import UA, UA_FORM_STYLESHEET
    except ImportError:
        return HTML
    if not callable(getattr(HTML, "_ua_stylesheets", None)):
        return HTML
    rules = "\n".join(line for line in UA.splitlines() if not line.startswith("::"))
    # The counter styles it defines are already WeasyPrint's; a scratch set takes the copies.
    sheet = CSS(string=rules, counter_style=CounterStyle())

    class ReportHTML(HTML):
        def _ua_stylesheets(self, forms: bool = False) -> list:
            return [sheet, UA_FORM_STYLESHEET] if forms else [sheet]

    return ReportHTML


@contextmanager
def _cycles_collected_once() -> Iterator[None]:
    """Hold Python's cycle collector off while WeasyPrint lays out, then collect once.

    Laying out a 1,000-target report allocates millions of objects, half a million of
    them in reference cycles that only the collector frees. Left on, the collector
    walked that growing heap some 1,500 times per PDF, about a third of the CPU; one
    pass at the end frees the same garbage in half a second, with the same peak memory.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            gc.collect(0)


def _image(document: DocxTemplate, svg: str) -> InlineImage:
    return InlineImage(document, io.BytesIO(svg_to_png(svg)), width=CHART_WIDTH)
