"""A review's title and download file names, wholly in the reader's language.

The report itself is the Vietnamese document an office signs; what names it on the
pages and on disk follows the reader: "Báo cáo kết quả 9 tháng đầu năm 2024" and
``bao-cao-ket-qua-9-thang-dau-nam-2024-35-nq-tu.docx`` in Vietnamese, "Nine-month
review, first nine months of 2024" and
``nine-month-review-first-nine-months-of-2024-35-nq-tu.docx`` in English, never a mix.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from nghiquyet.core.language import current_language
from nghiquyet.reports.content import ReportKind

if TYPE_CHECKING:
    from nghiquyet.reports.models import Report


def _titles() -> dict[ReportKind, str]:
    """Each review's title around its period, looked up in the active language."""
    return {
        ReportKind.QUARTER: _("Quarterly review, %(period)s"),
        ReportKind.SIX_MONTHS: _("Six-month review, %(period)s"),
        ReportKind.NINE_MONTHS: _("Nine-month review, %(period)s"),
        ReportKind.YEAR: _("Year-end review, %(period)s"),
        ReportKind.MID_TERM: _("Mid-term review, %(period)s"),
        ReportKind.END_OF_TERM: _("End-of-term review, %(period)s"),
    }


def report_title(report: Report, language: str | None = None) -> str:
    """ "Nine-month review, first nine months of 2024" / "Báo cáo kết quả 9 tháng đầu năm 2024"."""
    language = language or current_language()
    with translation.override(language):
        template = _titles()[ReportKind(report.kind)]
    return template % {"period": report.period_obj.label(language)}


def report_file_name(report: Report, extension: str, language: str | None = None) -> str:
    """The title as an ASCII file name, with the resolution's number when it has one."""
    parts = [report_title(report, language)]
    if report.resolution is not None and report.resolution.symbol:
        parts.append(report.resolution.symbol)
    return f"{ascii_slug(' '.join(parts))}.{extension}"


def ascii_slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: "Đầu năm 2020–2025" → "dau-nam-2020-2025".

    Django's slugify drops accents by decomposing letters, but "đ" does not decompose,
    so it is spelt "d" first; dashes and slashes separate words like spaces.
    """
    for letter, plain in (("đ", "d"), ("Đ", "D"), ("–", " "), ("/", " ")):
        text = text.replace(letter, plain)
    return slugify(text)
