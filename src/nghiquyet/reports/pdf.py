"""The report as PDF, typeset by Typst through its Python binding's public API.

Typst is a typesetting engine made for documents: it lays out the year report of
1,000 targets in well under a second, where printing the HTML with WeasyPrint took
seven seconds even through its internals. The layout lives in one Typst file,
`report_templates/bao_cao.typ`; the content goes in as JSON through `sys.inputs`, so
every text is a Typst string, shown exactly as written: a title holding `#`, `*`,
`$`, `[` or `\\` prints those characters and is never read as markup or code.

Only Liberation Serif 2 from ``settings.REPORT_FONT_DIR`` is offered to Typst (no
system fonts, no fonts bundled with Typst, no fallback): every page is set in the one
Times-compatible font with all Vietnamese letters, the same on every machine, or the
PDF is refused with a message naming the package to install.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import typst
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from nghiquyet.reports.charts import status_chart, trend_chart
from nghiquyet.reports.content import ReportContent

TEMPLATE = Path(__file__).resolve().parent / "report_templates" / "bao_cao.typ"
#: The only font the template uses; its folder holds the fonts-liberation2 files.
FONT_FAMILY = "Liberation Serif"


def typeset_pdf(content: ReportContent) -> bytes:
    """The report as PDF bytes, laid out by `bao_cao.typ`."""
    compiler = typst.Compiler(
        TEMPLATE,
        # The template's folder is all Typst may read: no other file of the server.
        root=TEMPLATE.parent,
        font_paths=_fonts(str(settings.REPORT_FONT_DIR)),
        ignore_system_fonts=True,
    )
    report = json.dumps(typst_data(content), ensure_ascii=False)
    return compiler.compile(format="pdf", sys_inputs={"report": report})


def typst_data(content: ReportContent) -> dict:
    """What the Typst template reads: plain strings, numbers and lists, nothing to run."""
    header = content.header
    return {
        "title": content.title,
        "subtitle": content.subtitle,
        "header": {
            "format": header.format.value,
            "upper": header.upper,
            "upper_bold": header.upper_bold,
            "issuer": header.issuer,
            "symbol": header.symbol,
            "national_name": header.national_name,
            "motto_line": header.motto_line,
            "place_date": header.place_date,
        },
        "introduction": content.introduction,
        "headings": content.headings,
        "assessment": content.assessment,
        "summary_sentence": content.summary_sentence,
        "target_rows": [
            [row.number, row.indicator, row.target, row.actual, row.completion, row.status_label]
            for row in content.target_rows
        ],
        "estimate_note": content.estimate_note,
        # Drawn by charts.py with every text escaped; Typst reads them as SVG images.
        "charts": [chart for chart in (status_chart(content), trend_chart(content.trend)) if chart],
        "agency_rows": [
            [
                row.agency,
                row.total,
                row.done,
                row.in_progress,
                row.late,
                row.no_initiative,
                row.not_done,
                row.slow_coordination,
                row.unchecked,
            ]
            for row in content.agency_rows
        ],
        "limitations": content.limitations,
        "next_tasks": content.next_tasks,
        "recipients": content.recipients,
        "signer_capacity": content.signer_capacity,
        "signer_title": content.signer_title,
        "signer_name": content.signer_name,
    }


@functools.cache
def _fonts(folder: str) -> typst.Fonts:
    """Liberation Serif 2 in its four styles, read once per process from `folder`.

    Typst sets no letter when a font is missing and fallback is off, and says nothing:
    so the four styles are checked here, and a missing font stops with the remedy.
    """
    fonts = typst.Fonts(
        include_system_fonts=False, include_embedded_fonts=False, font_paths=[folder]
    )
    styles = {
        (info.style, info.weight >= 600) for info in fonts.fonts() if info.family == FONT_FAMILY
    }
    if len(styles) < 4:
        raise ImproperlyConfigured(
            f"{FONT_FAMILY} (regular, bold, italic, bold italic) is missing from {folder}: "
            "install it with `apt-get install fonts-liberation2`, or set REPORT_FONT_DIR."
        )
    return fonts
