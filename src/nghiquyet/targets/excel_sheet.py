"""The rows of the sheet a targets import reads, streamed one at a time.

openpyxl opens the workbook: which sheet, its shared strings, its styles and date
formats. The size the sheet declares and its rows are then streamed with lxml, whose
parser works in C, and each cell is read as openpyxl's read-only mode reads it with
``data_only`` (numbers as int or float, dates as datetime, shared and inline strings
as text, booleans, error codes as their text). openpyxl's own row reader spent about
0.2 ms of Python on each row, more than all the rest of the import's reading.

Each row also says which of its cells hold a formula and which carry a number format
marking an estimate ("ước"): openpyxl gives a formula or its value, never both, and
needed a second pass for them.

python-calamine reads faster still, but builds the whole sheet as one dense grid: a
5 KB file with cells at A1 and XFD100000 made it ask for 52 GB and abort the process.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from lxml import etree
from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.utils.cell import column_index_from_string, range_boundaries
from openpyxl.utils.datetime import from_excel, from_ISO8601

from nghiquyet.targets.excel import SHEET_TITLE

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_DIMENSION = f"{_MAIN}dimension"
_DATA = f"{_MAIN}sheetData"
_ROW = f"{_MAIN}row"
_CELL = f"{_MAIN}c"
_VALUE = f"{_MAIN}v"
_FORMULA = f"{_MAIN}f"
_INLINE = f"{_MAIN}is"
_RUN = f"{_MAIN}r"
_TEXT = f"{_MAIN}t"
_DIGITS = "0123456789"
ESTIMATE_MARK = "ước"


def not_a_workbook() -> ValidationError:
    return ValidationError(_("The file is not an Excel workbook (.xlsx)."))


@dataclass
class Row:
    """One row of the sheet: its number, its values by column (1 first, at index 0),
    the columns holding a formula and those formatted as an estimate."""

    number: int
    values: list[Any]
    formulas: set[int]
    estimates: set[int]

    def is_empty(self) -> bool:
        return not self.formulas and all(
            value is None or (isinstance(value, str) and not value.strip()) for value in self.values
        )


class Sheet:
    """The import's sheet ("Chỉ tiêu", else the active one) of a workbook's bytes.

    ``with_formulas`` asks each cell whether it holds a formula: only workbooks that
    contain formulas pay for it.
    """

    def __init__(self, data: bytes, *, with_formulas: bool):
        try:
            book, path = _open(data)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
            raise not_a_workbook() from exc
        if path is None:
            book.close()
            raise ValidationError(_("The workbook's first sheet holds no table."))
        self._book = book
        self._path = path
        self._strings = book.shared_strings
        self._dates = book.wb._date_formats
        self._durations = book.wb._timedelta_formats
        self._epoch = book.wb.epoch
        self._estimates = _estimate_styles(book.wb)
        self._with_formulas = with_formulas
        self._columns: dict[str, int] = {}
        #: Columns each row is read to (None: all): set once the header row is known.
        self.width: int | None = None
        #: The last row the sheet's ``<dimension>`` names; None when it has none.
        self.declared_rows = self._declared_rows()

    def close(self) -> None:
        self._book.archive.close()

    def _declared_rows(self) -> int | None:
        """The size the sheet declares before its rows, read without reading them."""
        with self._book.archive.open(self._path) as source:
            try:
                for _event, element in _parse(source, ("start",), (_DIMENSION, _DATA)):
                    if element.tag == _DATA or not element.get("ref"):
                        return None
                    return range_boundaries(element.get("ref"))[3]
            except (etree.XMLSyntaxError, ValueError, TypeError) as exc:
                raise not_a_workbook() from exc
        return None

    def rows(self) -> Iterator[Row]:
        """The rows the sheet holds, in order, each of :attr:`width` columns.

        The parser neither loads a DTD nor expands entities, nor goes to the network.
        """
        with self._book.archive.open(self._path) as source:
            events = _parse(source, ("end",), (_ROW,))
            number = 0
            try:
                for _event, element in events:
                    number = int(element.get("r") or number + 1)
                    yield self._row(number, element, self.width)
                    element.clear()
                    while element.getprevious() is not None:
                        del element.getparent()[0]
            except (etree.XMLSyntaxError, ValueError, IndexError, OverflowError) as exc:
                raise not_a_workbook() from exc

    def _row(self, number: int, element: Any, width: int | None) -> Row:
        row = Row(number, [None] * (width or 0), set(), set())
        values = row.values
        column = 0
        for cell in element.iterchildren(_CELL):
            ref = cell.get("r")
            column = self._column(ref) if ref else column + 1
            if width is not None and column > width:
                continue
            if column > len(values):
                values.extend([None] * (column - len(values)))
            style = int(cell.get("s") or 0)
            values[column - 1], formula = self._value(cell, style)
            if formula and self._with_formulas:
                row.formulas.add(column)
            if style in self._estimates:
                row.estimates.add(column)
        return row

    def _column(self, ref: str) -> int:
        letters = ref.rstrip(_DIGITS)
        column = self._columns.get(letters)
        if column is None:
            column = self._columns[letters] = column_index_from_string(letters)
        return column

    def _value(self, cell: Any, style: int) -> tuple[Any, bool]:
        """The cell's value as openpyxl reads it in read-only mode with ``data_only``, and
        whether it holds a formula.

        The cell's children are walked once, by tag: ``find`` and ``findtext`` go through
        lxml's path language for each call, which cost more than the rest of the row.
        """
        text = inline = None
        formula = False
        for child in cell:
            tag = child.tag
            if tag == _VALUE:
                if text is None:
                    text = child.text or ""
            elif tag == _INLINE:
                if inline is None:
                    inline = child
            elif tag == _FORMULA:
                formula = True
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            return (None if inline is None else _inline_text(inline)), formula
        if not text:
            return None, formula
        if kind == "n":
            number = float(text) if "." in text or "E" in text or "e" in text else int(text)
            if style not in self._dates:
                return number, formula
            try:
                return from_excel(number, self._epoch, timedelta=style in self._durations), formula
            except (OverflowError, ValueError):
                return "#VALUE!", formula
        if kind == "s":
            return self._strings[int(text)], formula
        if kind == "b":
            return bool(int(text)), formula
        if kind == "d":
            return from_ISO8601(text), formula
        return text, formula


def _inline_text(inline: Any) -> str:
    """An inline string's text: its own ``<t>`` first, then its runs' (rich text)."""
    own, runs = None, []
    for child in inline:
        if child.tag == _TEXT:
            if own is None:
                own = child.text or ""
        elif child.tag == _RUN:
            runs.append(next((t.text or "" for t in child if t.tag == _TEXT), None))
    return "".join(part for part in (own, *runs) if part)


def _parse(source: Any, events: tuple[str, ...], tags: tuple[str, ...]) -> Any:
    """lxml's streaming parser, refusing a DTD: no spreadsheet application writes one."""
    parsed = etree.iterparse(
        source,
        events=events,
        tag=tags,
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
    )
    first = True
    for event, element in parsed:
        if first and element.getroottree().docinfo.doctype:
            raise not_a_workbook()
        first = False
        yield event, element


def _open(data: bytes) -> tuple[ExcelReader, str | None]:
    """The workbook's parts openpyxl reads when it opens it, and the import sheet's path.

    What ``load_workbook(read_only=True)`` does, but for one thing: it measures every
    sheet as it opens it, and a sheet without a ``<dimension>`` (as scripts write them)
    is parsed whole for that, which cost a quarter of reading it.
    """
    book = ExcelReader(BytesIO(data), read_only=True, data_only=True)
    book.read_manifest()
    book.read_strings()
    book.read_workbook()
    apply_stylesheet(book.archive, book.wb)
    sheets = [
        (sheet.name, rel)
        for sheet, rel in book.parser.find_sheets()
        if rel.target in book.valid_files
    ]
    named = [entry for entry in sheets if entry[0] == SHEET_TITLE]
    try:
        chosen = named[0] if named else sheets[book.wb._active_sheet_index]
    except IndexError:
        return book, None
    return book, None if "chartsheet" in chosen[1].Type else chosen[1].target


def _estimate_styles(book: Any) -> frozenset[int]:
    """The cell styles whose number format marks an estimate, as the export writes it."""
    styles = set()
    for index, style in enumerate(book._cell_styles):
        code = style.numFmtId
        if code < BUILTIN_FORMATS_MAX_SIZE:
            number_format = BUILTIN_FORMATS.get(code, "General")
        else:
            custom = code - BUILTIN_FORMATS_MAX_SIZE
            formats = book._number_formats
            number_format = formats[custom] if 0 <= custom < len(formats) else ""
        if ESTIMATE_MARK in (number_format or ""):
            styles.add(index)
    return frozenset(styles)
