"""Reading a targets sheet (the layout of :mod:`nghiquyet.targets.excel`) row by row.

The file's sheet is streamed (:mod:`nghiquyet.targets.excel_sheet`) and held to the
limits before and while it is read: the upload's size (``TARGETS_IMPORT_MAX_BYTES``), what its parts
unpack to, the rows it declares and the rows it really holds
(``TARGETS_IMPORT_MAX_ROWS``). A larger sheet is refused with a message instead of
holding a server thread for minutes. Each row becomes a :class:`SheetRow` or the
list of what is wrong with it; nothing is written here.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from io import BytesIO
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from nghiquyet.core.periods import Period
from nghiquyet.documents.models import Document
from nghiquyet.orgs.models import Body
from nghiquyet.targets.excel import (
    FIXED_HEADERS,
    HEADER_SEARCH_ROWS,
    ID_HEADER,
    OWNER_HEADER,
    cell_text,
    parse_number,
    parse_period,
    parse_target_value,
)
from nghiquyet.targets.excel_sheet import Row, Sheet, not_a_workbook
from nghiquyet.targets.models import Comparator, Target
from nghiquyet.targets.selectors import target_list

#: How much larger than the upload its unpacked parts may be: a real sheet unpacks to
#: about ten times its size, a "zip bomb" to thousands.
MAX_UNPACKED_RATIO = 30
#: Rows between two progress reports.
PROGRESS_EVERY = 1000
_CODE = re.compile(r"[0-9]{1,18}")
_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")
_ESTIMATE_WORDS = re.compile(r"\(?\s*ước\s*(thực hiện)?\s*\)?", re.IGNORECASE)

Progress = Callable[[str, int], None]


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
class SheetRow:
    """One sheet row, read and checked but not yet applied."""

    number: int
    target: Target | None
    indicator_name: str
    unit: str
    comparator: str
    value: Decimal
    value_max: Decimal | None
    period: Period
    owner: Body | None
    figures: dict[Period, tuple[Decimal, bool]]


@dataclass
class _Layout:
    """Where things are in the sheet: the header row and what each column holds."""

    header: int
    width: int
    id_column: int | None = None
    owner_column: int | None = None
    periods: dict[int, Period] = field(default_factory=dict)


def _limit(name: str) -> int:
    """``TARGETS_IMPORT_MAX_ROWS`` or ``TARGETS_IMPORT_MAX_BYTES`` (see the README)."""
    return int(getattr(settings, name))


# Limits -------------------------------------------------------------------------------


def _content(file: IO[bytes] | bytes) -> bytes:
    """The upload's bytes, refused before reading when it is over the size limit."""
    limit = _limit("TARGETS_IMPORT_MAX_BYTES")
    size = len(file) if isinstance(file, bytes) else getattr(file, "size", None)
    if size is not None and size > limit:
        raise ValidationError(_too_big(size, limit))
    data = file if isinstance(file, bytes) else file.read(limit + 1)
    if len(data) > limit:
        raise ValidationError(_too_big(len(data), limit))
    return data


def _too_big(size: int, limit: int) -> str:
    return _(
        "The file is %(size)s MB; an import takes at most %(limit)s MB. Split it into "
        "several files."
    ) % {"size": f"{size / 2**20:.1f}", "limit": f"{limit / 2**20:.0f}"}


def _too_many_rows(limit: int) -> str:
    return _(
        "The sheet has more than %(limit)s rows; an import takes at most %(limit)s. "
        "Split it into several files."
    ) % {"limit": f"{limit:,}".replace(",", ".")}


def _check_archive(data: bytes) -> bool:
    """Refuse a workbook that unpacks to far more than it weighs; say if it has formulas."""
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise not_a_workbook() from exc
    if sum(member.file_size for member in members) > MAX_UNPACKED_RATIO * max(len(data), 2**20):
        raise ValidationError(_("The file unpacks to far more than its size: it is refused."))
    with archive:
        return any(
            _FORMULA_TAG.search(archive.read(member))
            for member in members
            if member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml")
        )


# Reading ------------------------------------------------------------------------------


def _layout(rows: Iterator[Row], errors: list[RowError]) -> _Layout | None:
    """The header row (within the first rows) and what each column after it holds.

    Reads ``rows`` up to the header row, no further.
    """
    found_at = None
    for row in rows:
        if row.number > HEADER_SEARCH_ROWS:
            break
        if row.values and cell_text(row.values[0]).upper() == "STT":
            found_at = row
            break
    if found_at is None:
        errors.append(RowError(0, _("No header row starting with STT was found.")))
        return None
    number, values = found_at.number, found_at.values
    found = [cell_text(value) for value in values]
    while found and not found[-1]:
        found.pop()
    layout = _Layout(header=number, width=len(found))
    if [h.lower() for h in found[: len(FIXED_HEADERS)]] != [h.lower() for h in FIXED_HEADERS]:
        errors.append(
            RowError(
                number,
                _("The first columns must be %(expected)s.")
                % {"expected": ", ".join(FIXED_HEADERS)},
            )
        )
        return None
    for index, title in enumerate(found[len(FIXED_HEADERS) :], start=len(FIXED_HEADERS) + 1):
        if not title:
            continue
        if title.lower() == ID_HEADER.lower():
            layout.id_column = index
        elif title.lower() == OWNER_HEADER.lower():
            layout.owner_column = index
        else:
            try:
                layout.periods[index] = parse_period(title)
            except ValueError:
                errors.append(
                    RowError(
                        number,
                        _("Column %(column)s: “%(title)s” is not a period (Năm 2024, Quý II/2024).")
                        % {"column": get_column_letter(index), "title": title},
                    )
                )
    return None if errors else layout


def _figure(value: Any, estimate: bool) -> tuple[Decimal, bool] | None:
    """The figure in a period cell and whether it is an estimate (its text or, as
    ``estimate`` says, its number format marks one); None when empty."""
    if value is None or cell_text(value) == "":
        return None
    if isinstance(value, str):
        text = cell_text(value)
        if "ước" in text.lower():
            estimate = True
            text = _ESTIMATE_WORDS.sub("", text)
        value = text
    return parse_number(value), estimate


class _Reader:
    """Turns each sheet row into a :class:`SheetRow` or the list of what is wrong with it."""

    def __init__(
        self,
        layout: _Layout,
        targets: dict[int, Target],
        bodies: dict[str, Body],
    ):
        self.layout = layout
        self.targets = targets
        self.bodies = bodies
        self.codes_seen: set[int] = set()
        #: Periods read so far, by cell value: the column mostly repeats one period.
        self.periods: dict[tuple[type, Any], Period] = {}

    def read(self, row: Row) -> tuple[SheetRow | None, list[str]]:
        values = row.values

        def cell(column: int) -> Any:
            return values[column - 1]

        # A formula saved without its value reads as an empty cell: said once, as such.
        uncomputed = {column for column in row.formulas if cell_text(cell(column)) == ""}
        problems = [
            _(
                "column %(column)s: the formula cell has no computed value (ô công thức chưa "
                "được tính); open and save the file in Excel, or type the figure."
            )
            % {"column": get_column_letter(column)}
            for column in sorted(uncomputed)
        ]
        target = self._target(cell(self.layout.id_column) if self.layout.id_column else None)
        if isinstance(target, str):
            problems.append(target)
            target = None
        owner = None
        if self.layout.owner_column:
            owner_text = cell_text(cell(self.layout.owner_column))
            owner = self.bodies.get(owner_text.casefold()) if owner_text else None
            if owner_text and owner is None:
                problems.append(
                    _("the owning agency (Cơ quan chủ trì) “%(text)s” is not an agency of the "
                      "province.")
                    % {"text": owner_text}
                )  # fmt: skip
        name = cell_text(cell(2))
        if not name and 2 not in uncomputed:
            problems.append(_("the indicator (Chỉ tiêu) is empty."))
        comparator, value, value_max = Comparator.EQ, Decimal(0), None
        try:
            comparator, value, value_max = parse_target_value(cell(4))
        except ValueError:
            if 4 not in uncomputed:
                problems.append(
                    _(
                        "the target (Chỉ tiêu NQ) “%(text)s” is not a figure such as ≥ 8,5 or "
                        "từ 5 đến 6."
                    )
                    % {"text": cell_text(cell(4))}
                )
        # By type too: 2024 and 2024.0 are equal keys, but only the first reads as a year.
        period_key = (type(cell(5)), cell(5))
        period = self.periods.get(period_key)
        try:
            if period is None:
                period = self.periods[period_key] = parse_period(cell(5))
        except ValueError:
            if 5 not in uncomputed:
                problems.append(
                    _("the period (Kỳ chỉ tiêu) “%(text)s” is not a period such as Năm 2024.")
                    % {"text": cell_text(cell(5))}
                )
        figures: dict[Period, tuple[Decimal, bool]] = {}
        for column, column_period in self.layout.periods.items():
            try:
                figure = _figure(cell(column), column in row.estimates)
            except ValueError:
                problems.append(
                    _("column %(column)s: “%(text)s” is not a number (write 6.000 or 94,95).")
                    % {"column": get_column_letter(column), "text": cell_text(cell(column))}
                )
                continue
            if figure is not None:
                figures[column_period] = figure
        if problems:
            return None, problems
        return (
            SheetRow(
                number=row.number,
                target=target,
                indicator_name=name,
                unit=cell_text(cell(3)),
                comparator=comparator,
                value=value,
                value_max=value_max,
                period=period,
                owner=owner,
                figures=figures,
            ),
            [],
        )

    def _target(self, raw: Any) -> Target | str | None:
        """The target the row's code names, a reason it names none, or None (a new row)."""
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)
        code = cell_text(raw)
        if not code:
            return None
        target = self.targets.get(int(code)) if _CODE.fullmatch(code) else None
        if target is None:
            return _("the code %(code)s is not a target of this document.") % {"code": code}
        if target.pk in self.codes_seen:
            return _("the code %(code)s is on another row too.") % {"code": code}
        self.codes_seen.add(target.pk)
        return target


def _bodies(document: Document) -> dict[str, Body]:
    """The province's agencies by full name, short name and issuer code, case-folded."""
    bodies: dict[str, Body] = {}
    for body in Body.objects.filter(province_id__in=document.province.lineage_ids()):
        for name in (body.issuer_code, body.short_name, body.name):
            if name:
                bodies[name.casefold()] = body
    return bodies


def sheet_size(file: IO[bytes] | bytes) -> tuple[bytes, int | None]:
    """The upload's bytes and the rows its sheet declares, without reading the rows.

    Enough for the page to choose between importing now and in the background; the
    size limit and the archive checks refuse a bad file here already. ``None`` when
    the sheet declares no size.
    """
    data = _content(file)
    _check_archive(data)
    sheet = Sheet(data, with_formulas=False)
    sheet.close()
    return data, sheet.declared_rows


def read_sheet(
    *,
    user: Any,
    document: Document,
    file: IO[bytes] | bytes,
    errors: list[RowError],
    progress: Progress | None = None,
) -> list[SheetRow]:
    """The rows of the sheet that read well; what is wrong with the others goes to ``errors``.

    A file past a limit, or that is no workbook, raises ``ValidationError`` at once.
    The targets a row's code may name are those ``user`` sees in ``document``.
    """
    data = _content(file)
    sheet = Sheet(data, with_formulas=_check_archive(data))
    try:
        rows = sheet.rows()
        layout = _layout(rows, errors)
        if layout is None:
            return []
        limit = _limit("TARGETS_IMPORT_MAX_ROWS")
        declared = sheet.declared_rows
        if declared is not None and declared - layout.header > limit:
            # Many rows may be empty, but a sheet that declares this many is refused
            # unread rather than risk minutes of parsing.
            raise ValidationError(_too_many_rows(limit))
        # The declared size may also be too small: the rows the sheet really holds count.
        sheet.width = layout.width
        targets = {t.pk: t for t in target_list(user=user, document=document)}
        reader = _Reader(layout, targets, _bodies(document))
        read_rows, count = [], 0
        for row in rows:
            if row.is_empty():
                continue
            count += 1
            if count > limit:
                raise ValidationError(_too_many_rows(limit))
            read, problems = reader.read(row)
            errors.extend(RowError(row.number, problem) for problem in problems)
            if read is not None:
                read_rows.append(read)
            if progress and count % PROGRESS_EVERY == 0:
                progress("read", count)
        return read_rows
    finally:
        sheet.close()
