"""Targets and actuals as the spreadsheet offices already keep: one row per target, one
column per period.

::

    STT | Chỉ tiêu | Đơn vị tính | Chỉ tiêu NQ | Kỳ chỉ tiêu | 6 tháng đầu năm 2024 | … | Mã

"Chỉ tiêu NQ" states the target as a person writes it ("≥ 8,5", "trên 88", "từ 5 đến
6"); "Kỳ chỉ tiêu" the period it is set for; each period column holds the approved
figure for that period, a number Excel can add up. An estimate (ước thực hiện) keeps
its number and shows "(ước)" through the cell's number format, or is typed as text
"8,2 (ước)". The hidden last column "Mã" ties a row to its target, so a re-imported
file updates rather than duplicates; a row without it is a new target.

An import is all or nothing. Every row is first read, then applied through the
targets services (so permissions, validation and history are the same as on the
pages) inside one transaction; if any row is refused, the transaction is rolled
back and the report names every refused row with its sheet row number and why.
Rows are never deleted by an import, and an empty cell leaves a figure as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from io import BytesIO
from typing import IO, Any
from zipfile import BadZipFile

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from nghiquyet.core.periods import Period
from nghiquyet.core.xlsx import append_row
from nghiquyet.documents.models import Document
from nghiquyet.evaluation import format_number, to_decimal
from nghiquyet.orgs.access import Action, can
from nghiquyet.targets import services
from nghiquyet.targets.judging import latest_approved
from nghiquyet.targets.models import Comparator, Indicator, Target
from nghiquyet.targets.selectors import document_periods, indicator_list, is_office, target_list

SHEET_TITLE = "Chỉ tiêu"
FIXED_HEADERS = ("STT", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu NQ", "Kỳ chỉ tiêu")
ID_HEADER = "Mã"
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
_VI_NUMBER = re.compile(r"^-?\d{1,3}(?:\.\d{3})*(?:,\d+)?$|^-?\d+(?:,\d+)?$")


# Reading cells ------------------------------------------------------------------------


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def parse_number(value: Any) -> Decimal:
    """A cell's number: a numeric cell, or text the Vietnamese way ("6.000", "94,95", "8,5%").

    "6.5" is refused rather than guessed: in Vietnamese it is not a number, and
    reading it as 6,5 or 65 would both be a silent mistake.
    """
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return to_decimal(value)
    text = _text(value).replace(" ", "").rstrip("%").replace("−", "-")
    if not _VI_NUMBER.match(text):
        raise ValueError(text)
    return to_decimal(text.replace(".", "").replace(",", "."))


def _figure(cell) -> tuple[Decimal, bool] | None:
    """The figure in a period cell and whether it is an estimate; None when empty."""
    value = cell.value
    if value is None or _text(value) == "":
        return None
    estimate = "ước" in (cell.number_format or "")
    if isinstance(value, str):
        text = _text(value)
        if "ước" in text.lower():
            estimate = True
            text = re.sub(r"\(?\s*ước\s*(thực hiện)?\s*\)?", "", text, flags=re.IGNORECASE)
        value = text
    return parse_number(value), estimate


def parse_target_value(value: Any) -> tuple[str, Decimal, Decimal | None]:
    """ "≥ 8,5", "trên 88", "8,5 trở lên", "từ 5 đến 6", or a bare figure → comparator, values.

    A bare figure means "reach it" (đạt), as resolutions write it.
    """
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return Comparator.EQ, parse_number(value), None
    text = _text(value)
    if text.lower().endswith("trở lên"):
        body = text[: -len("trở lên")].strip()
        if body.lower().startswith("từ "):
            body = body[3:]
        return Comparator.GE, parse_number(body), None
    range_match = _RANGE.match(text)
    if range_match and (text.lower().startswith("từ ") or "–" in text or "—" in text):
        low, high = parse_number(range_match["low"]), parse_number(range_match["high"])
        return Comparator.RANGE, low, high
    for prefix, comparator in _PREFIXES:
        if text.lower().startswith(prefix):
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
    text = _text(value).lower()
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


# Import -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowError:
    """Why one row of the sheet was refused (row 0: the file itself)."""

    row: int
    message: str

    def __str__(self) -> str:
        if self.row == 0:
            return self.message
        return _("Row %(row)s: %(message)s") % {"row": self.row, "message": self.message}


@dataclass
class ImportReport:
    """What an import did, or, when ``errors`` is not empty, every reason it did nothing."""

    errors: list[RowError] = field(default_factory=list)
    targets_created: int = 0
    targets_updated: int = 0
    figures_recorded: int = 0
    rows_unchanged: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def changed(self) -> bool:
        return bool(self.targets_created or self.targets_updated or self.figures_recorded)


@dataclass
class _Row:
    """One sheet row, read and checked but not yet applied."""

    number: int
    target: Target | None
    indicator_name: str
    unit: str
    comparator: str
    value: Decimal
    value_max: Decimal | None
    period: Period
    figures: dict[Period, tuple[Decimal, bool]]


def _header_row(sheet) -> int | None:
    for row in range(1, min(sheet.max_row, HEADER_SEARCH_ROWS) + 1):
        if _text(sheet.cell(row=row, column=1).value).upper() == "STT":
            return row
    return None


def _columns(sheet, header: int, errors: list[RowError]) -> tuple[int | None, dict[int, Period]]:
    """The column of "Mã" and the period of each period column, checking the fixed headers."""
    found = [_text(sheet.cell(row=header, column=c).value) for c in range(1, sheet.max_column + 1)]
    if tuple(h.lower() for h in found[: len(FIXED_HEADERS)]) != tuple(
        h.lower() for h in FIXED_HEADERS
    ):
        errors.append(
            RowError(
                header,
                _("The first columns must be %(expected)s.")
                % {"expected": ", ".join(FIXED_HEADERS)},
            )
        )
        return None, {}
    id_column, periods = None, {}
    for index, title in enumerate(found[len(FIXED_HEADERS) :], start=len(FIXED_HEADERS) + 1):
        if not title:
            continue
        if title.lower() == ID_HEADER.lower():
            id_column = index
            continue
        try:
            periods[index] = parse_period(title)
        except ValueError:
            errors.append(
                RowError(
                    header,
                    _("Column %(column)s: “%(title)s” is not a period (Năm 2024, Quý II/2024).")
                    % {"column": get_column_letter(index), "title": title},
                )
            )
    return id_column, periods


def _read_row(
    sheet,
    number: int,
    id_column: int | None,
    periods: dict[int, Period],
    targets: dict[int, Target],
) -> tuple[_Row | None, list[str]]:
    cells = {c: sheet.cell(row=number, column=c) for c in range(1, sheet.max_column + 1)}
    problems: list[str] = []
    target = None
    raw = cells[id_column].value if id_column is not None else None
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if _text(raw):
        raw_id = _text(raw)
        target = targets.get(int(raw_id)) if raw_id.isdigit() else None
        if target is None:
            problems.append(
                _("the code %(code)s is not a target of this document.") % {"code": raw_id}
            )
    name = _text(cells[2].value)
    if not name:
        problems.append(_("the indicator (Chỉ tiêu) is empty."))
    comparator, value, value_max = Comparator.EQ, Decimal(0), None
    try:
        comparator, value, value_max = parse_target_value(cells[4].value)
    except ValueError:
        problems.append(
            _("the target (Chỉ tiêu NQ) “%(text)s” is not a figure such as ≥ 8,5 or từ 5 đến 6.")
            % {"text": _text(cells[4].value)}
        )
    period = None
    try:
        period = parse_period(cells[5].value)
    except ValueError:
        problems.append(
            _("the period (Kỳ chỉ tiêu) “%(text)s” is not a period such as Năm 2024.")
            % {"text": _text(cells[5].value)}
        )
    figures: dict[Period, tuple[Decimal, bool]] = {}
    for column, column_period in periods.items():
        try:
            figure = _figure(cells[column])
        except ValueError:
            problems.append(
                _("column %(column)s: “%(text)s” is not a number (write 6.000 or 94,95).")
                % {"column": get_column_letter(column), "text": _text(cells[column].value)}
            )
            continue
        if figure is not None:
            figures[column_period] = figure
    if problems:
        return None, problems
    return (
        _Row(
            number=number,
            target=target,
            indicator_name=name,
            unit=_text(cells[3].value),
            comparator=comparator,
            value=value,
            value_max=value_max,
            period=period,
            figures=figures,
        ),
        [],
    )


def _open_sheet(file: IO[bytes] | bytes):
    data = file if isinstance(file, bytes) else file.read()
    try:
        book = load_workbook(BytesIO(data), data_only=True)
    except (BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ValidationError(_("The file is not an Excel workbook (.xlsx).")) from exc
    return book[SHEET_TITLE] if SHEET_TITLE in book.sheetnames else book.active


def _read(user: Any, document: Document, file: IO[bytes] | bytes, report: ImportReport):
    try:
        sheet = _open_sheet(file)
    except ValidationError as exc:
        report.errors.append(RowError(0, exc.messages[0]))
        return []
    header = _header_row(sheet)
    if header is None:
        report.errors.append(RowError(0, _("No header row starting with STT was found.")))
        return []
    id_column, periods = _columns(sheet, header, report.errors)
    if report.errors:
        return []
    targets = {t.pk: t for t in target_list(user=user, document=document)}
    rows = []
    for number in range(header + 1, sheet.max_row + 1):
        values = [sheet.cell(row=number, column=c).value for c in range(1, sheet.max_column + 1)]
        if all(_text(v) == "" for v in values):
            continue
        row, problems = _read_row(sheet, number, id_column, periods, targets)
        report.errors.extend(RowError(number, problem) for problem in problems)
        if row is not None:
            rows.append(row)
    return rows


def _indicator_named(user: Any, document: Document, name: str, unit: str) -> Indicator:
    """The catalogue indicator of that name, or a new one in the province's catalogue."""
    match = (
        indicator_list(user=user, province=document.province)
        .filter(name__iexact=name)
        .order_by("province")
        .first()
    )
    return match or services.indicator_create(
        user=user, name=name, unit=unit, province=document.province
    )


def _apply_target(user: Any, document: Document, row: _Row, report: ImportReport) -> Target:
    wanted = {
        "comparator": row.comparator,
        "value": row.value,
        "value_max": row.value_max,
        "unit": row.unit,
        "period": row.period.code,
    }
    if row.target is None:
        report.targets_created += 1
        indicator = _indicator_named(user, document, row.indicator_name, row.unit)
        return services.target_create(user=user, document=document, indicator=indicator, **wanted)
    target = row.target
    changes = {
        name: value for name, value in wanted.items() if _differs(getattr(target, name), value)
    }
    if row.indicator_name.lower() != target.indicator.name.lower():
        changes["indicator"] = _indicator_named(user, document, row.indicator_name, row.unit)
    if not changes:
        return target
    report.targets_updated += 1
    return services.target_update(user=user, target=target, **changes)


def _differs(current: Any, wanted: Any) -> bool:
    if isinstance(current, Decimal) or isinstance(wanted, Decimal):
        return current is None or wanted is None or Decimal(current) != Decimal(wanted)
    return (current or "") != (wanted or "")


def _apply_figures(user: Any, target: Target, row: _Row, report: ImportReport) -> None:
    """Record each figure that differs from the one in force; the office's count at once."""
    actuals = list(target.actuals.all())
    in_force = latest_approved(actuals)
    office = is_office(user=user)
    for period, (value, estimate) in row.figures.items():
        current = in_force.get(period)
        if current is not None and current.value == value and current.is_estimate == estimate:
            continue
        report.figures_recorded += 1
        open_one = next((a for a in actuals if a.is_open and a.period == period.code), None)
        if open_one is not None:
            actual = services.actual_update(
                user=user, actual=open_one, value=value, is_estimate=estimate, submit=not office
            )
        else:
            actual = services.actual_create(
                user=user,
                target=target,
                period=period.code,
                value=value,
                is_estimate=estimate,
                source=_("Excel import"),
                submit=not office,
            )
        if office:
            services.actual_approve(user=user, actual=actual)


def _refusal(exc: Exception) -> list[str]:
    if isinstance(exc, PermissionDenied):
        return [_("you may not change this target or report its figures.")]
    return list(exc.messages)


def targets_import_xlsx(*, user: Any, document: Document, file: IO[bytes] | bytes) -> ImportReport:
    """Apply a sheet in the export's layout to ``document``: all rows, or none.

    The office's figures are approved as they are imported (it enters figures
    itself); an agency reporter's are submitted for the office to approve.
    """
    if not can(user, Action.VIEW, document):
        raise PermissionDenied
    report = ImportReport()
    rows = _read(user, document, file, report)
    # Rows that read well are applied even when others did not, so that the report
    # names the rows the services refuse too; any error rolls everything back.
    with transaction.atomic():
        for row in rows:
            before = (report.targets_created, report.targets_updated, report.figures_recorded)
            try:
                with transaction.atomic():
                    target = _apply_target(user, document, row, report)
                    _apply_figures(user, target, row, report)
            except (ValidationError, PermissionDenied) as exc:
                report.errors.extend(RowError(row.number, m) for m in _refusal(exc))
            if before == (report.targets_created, report.targets_updated, report.figures_recorded):
                report.rows_unchanged += 1
        if report.errors:
            transaction.set_rollback(True)
            return ImportReport(errors=sorted(report.errors, key=lambda error: error.row))
    return report
    with transaction.atomic():
        for row in rows:
            before = (report.targets_created, report.targets_updated, report.figures_recorded)
            try:
                with transaction.atomic():
                    target = _apply_target(user, document, row, report)
                    _apply_figures(user, target, row, report)
            except (ValidationError, PermissionDenied) as exc:
                report.errors.extend(RowError(row.number, m) for m in _refusal(exc))
            if before == (report.targets_created, report.targets_updated, report.figures_recorded):
                report.rows_unchanged += 1
        if report.errors:
            transaction.set_rollback(True)
            return ImportReport(errors=report.errors)
    return report


def report_lines(report: ImportReport) -> Iterable[str]:
    """The report as sentences for a page or a command."""
    if report.errors:
        yield from (str(error) for error in report.errors)
        return
    yield _(
        "%(created)s targets added, %(updated)s targets corrected, %(figures)s figures recorded."
    ) % {
        "created": report.targets_created,
        "updated": report.targets_updated,
        "figures": report.figures_recorded,
    }
