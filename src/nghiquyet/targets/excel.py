"""Targets and actuals as the spreadsheet offices already keep: one row per target, one
column per period.

::

    STT | Chỉ tiêu | Đơn vị tính | Chỉ tiêu NQ | Kỳ chỉ tiêu | 6 tháng đầu năm 2024 | … | Mã

"Chỉ tiêu NQ" states the target as a person writes it ("≥ 8,5", "trên 88", "từ 5 đến
6"); "Kỳ chỉ tiêu" the period it is set for; each period column holds the approved
figure for that period, a number Excel can add up. An estimate (ước thực hiện) keeps
its number and shows "(ước)" through the cell's number format, or is typed as text
"8,2 (ước)". The hidden last column "Mã" ties a row to its target, so a re-imported
file updates rather than duplicates; a row without it is a new target. An optional
column "Cơ quan chủ trì" names the owning agency.

This module reads and writes cells and exports; :mod:`nghiquyet.targets.excel_import`
reads a sheet back in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from io import BytesIO
from typing import Any

from django.core.exceptions import PermissionDenied
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from nghiquyet.core.periods import Period
from nghiquyet.core.xlsx import append_row
from nghiquyet.documents.models import Document
from nghiquyet.evaluation import format_number, to_decimal
from nghiquyet.orgs.access import Action, can
from nghiquyet.targets.dashboard import document_periods
from nghiquyet.targets.judging import latest_approved
from nghiquyet.targets.models import Comparator, Target
from nghiquyet.targets.selectors import target_list

SHEET_TITLE = "Chỉ tiêu"
FIXED_HEADERS = ("STT", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu NQ", "Kỳ chỉ tiêu")
ID_HEADER = "Mã"
OWNER_HEADER = "Cơ quan chủ trì"
ESTIMATE_MARK = "(ước)"
#: How far down the sheet the header row may be (a title and a blank line above it are usual).
HEADER_SEARCH_ROWS = 10

_SYMBOL_OF = {
    Comparator.GE: "≥",
    Comparator.GT: ">",
    Comparator.LE: "≤",
    Comparator.LT: "<",
    Comparator.APPROX: "≈",
}
_PREFIXES = [
    (">=", Comparator.GE), ("≥", Comparator.GE), ("<=", Comparator.LE), ("≤", Comparator.LE),
    (">", Comparator.GT), ("<", Comparator.LT), ("≈", Comparator.APPROX), ("~", Comparator.APPROX),
    ("=", Comparator.EQ), ("trên", Comparator.GT), ("dưới", Comparator.LT),
    ("không quá", Comparator.LE), ("tối đa", Comparator.LE), ("khoảng", Comparator.APPROX),
    ("gần", Comparator.APPROX), ("đạt", Comparator.EQ), ("từ", Comparator.GE),
]  # fmt: skip
_RANGE = re.compile(r"^(?:từ\s+)?(?P<low>.+?)\s*(?:đến|–|—)\s*(?P<high>.+)$", re.IGNORECASE)
# ASCII digits only: "²" or "٣" in a cell is a typing accident, not a figure.
_VI_NUMBER = re.compile(r"^-?\d{1,3}(?:\.\d{3})*(?:,\d+)?$|^-?\d+(?:,\d+)?$", re.ASCII)


# Reading cells ------------------------------------------------------------------------


def cell_text(value: Any) -> str:
    """A cell's text with its whitespace collapsed; an empty cell is ""."""
    return " ".join(str(value).split()) if value is not None else ""


def parse_number(value: Any) -> Decimal:
    """A cell's number: a numeric cell, or text the Vietnamese way ("6.000", "94,95", "8,5%").

    "6.5" is refused rather than guessed: in Vietnamese it is not a number, and
    reading it as 6,5 or 65 would both be a silent mistake.
    """
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return to_decimal(value)
    text = cell_text(value).replace(" ", "").rstrip("%").replace("−", "-")
    if not _VI_NUMBER.match(text):
        raise ValueError(text)
    return to_decimal(text.replace(".", "").replace(",", "."))


def parse_target_value(value: Any) -> tuple[str, Decimal, Decimal | None]:
    """ "≥ 8,5", "trên 88", "8,5 trở lên", "từ 5 đến 6", or a bare figure → comparator, values.

    A bare figure means "reach it" (đạt), as resolutions write it.
    """
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return Comparator.EQ, parse_number(value), None
    text = cell_text(value)
    lower = text.lower()
    if lower.endswith("trở lên"):
        body = text[: -len("trở lên")].strip()
        if body.lower().startswith("từ "):
            body = body[3:]
        return Comparator.GE, parse_number(body), None
    # The range pattern, slow on any text, only where a range may be written.
    range_match = (lower.startswith("từ ") or "–" in text or "—" in text) and _RANGE.match(text)
    if range_match:
        low, high = parse_number(range_match["low"]), parse_number(range_match["high"])
        return Comparator.RANGE, low, high
    for prefix, comparator in _PREFIXES:
        if lower.startswith(prefix):
            return comparator, parse_number(text[len(prefix) :].strip()), None
    return Comparator.EQ, parse_number(text), None


def format_target_value(target: Target) -> str:
    """The "Chỉ tiêu NQ" cell: exact, in Vietnamese notation, readable back by the import."""
    value = _exact(target.value)
    if target.comparator == Comparator.RANGE:
        return f"từ {value} đến {_exact(target.value_max)}"
    symbol = _SYMBOL_OF.get(target.comparator)
    return f"{symbol} {value}" if symbol else value


def _exact(number: Decimal) -> str:
    """All the digits the value has, none it does not: 6000.0000 → "6.000", 8.5000 → "8,5"."""
    return format_number(number.normalize())


_PERIOD_WORDS = [
    (re.compile(r"^năm (\d{4})$"), lambda m: m[1]),
    (re.compile(r"^6 tháng (?:đầu năm )?(\d{4})$"), lambda m: f"{m[1]}-H1"),
    (re.compile(r"^6 tháng cuối năm (\d{4})$"), lambda m: f"{m[1]}-H2"),
    (re.compile(r"^9 tháng (?:đầu năm )?(\d{4})$"), lambda m: f"{m[1]}-9M"),
    (re.compile(r"^quý (i{1,3}|iv|[1-4])/(\d{4})$"), lambda m: f"{m[2]}-Q{_quarter(m[1])}"),
    (re.compile(r"^tháng (\d{1,2})/(\d{4})$"), lambda m: f"{m[2]}-{int(m[1]):02d}"),
    (re.compile(r"^nhiệm kỳ (\d{4})\s*[-–]\s*(\d{4})$"), lambda m: f"{m[1]}/{m[2]}"),
]


def _quarter(text: str) -> int:
    return {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(text) or int(text)


def parse_period(value: Any) -> Period:
    """A period from a header or cell: "Năm 2024", "6 tháng 2024", "Quý II/2024" or a code."""
    text = cell_text(value).lower()
    for pattern, code in _PERIOD_WORDS:
        match = pattern.match(text)
        if match:
            return Period.parse(code(match))
    return Period.parse(text.replace("–", "/"))


def period_header(period: Period) -> str:
    """ "Năm 2024", "6 tháng đầu năm 2024", "Quý II/2024": the label, capitalised."""
    label = period.label("vi")
    return label[0].upper() + label[1:]


# Export -------------------------------------------------------------------------------


def _number_format(value: Decimal, estimate: bool) -> str:
    places = max(0, -value.normalize().as_tuple().exponent) if value != 0 else 0
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return f'{pattern}" {ESTIMATE_MARK}"' if estimate else pattern


def targets_export_xlsx(
    *, user: Any, document: Document, periods: Sequence[Period | str] | None = None
) -> bytes:
    """The document's targets ``user`` may see, with the approved figure of each period.

    ``periods`` default to every period the document's targets are set or reported for.
    """
    if not can(user, Action.VIEW, document):
        raise PermissionDenied
    chosen = [p if isinstance(p, Period) else Period.parse(p) for p in periods or []]
    chosen = chosen or document_periods(document=document)
    targets = target_list(user=user, document=document).prefetch_related("actuals")

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLE
    append_row(sheet, [document.title])[0].font = Font(bold=True, size=13)
    headers = [*FIXED_HEADERS, *(period_header(p) for p in chosen), ID_HEADER]
    for cell in append_row(sheet, headers):
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for number, target in enumerate(targets, start=1):
        in_force = latest_approved(target.actuals.all())
        figures = [in_force.get(period) for period in chosen]
        cells = append_row(
            sheet,
            [
                number,
                target.indicator.name,
                target.unit,
                format_target_value(target),
                period_header(target.period_obj),
                *(a.value if a else None for a in figures),
                target.pk,
            ],
        )
        for cell, actual in zip(cells[len(FIXED_HEADERS) :], figures, strict=False):
            if actual is not None:
                cell.number_format = _number_format(actual.value, actual.is_estimate)
    widths = [5, 50, 12, 16, 16, *([14] * len(chosen))]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.column_dimensions[get_column_letter(len(headers))].hidden = True
    sheet.freeze_panes = "C3"
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
