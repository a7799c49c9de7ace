"""The import streams its sheet with lxml and reads every cell as openpyxl reads it.

openpyxl (read-only, ``data_only``) is the reference: the same values for every kind
of cell an office's file holds, plus the two facts openpyxl needed a second pass for,
formula cells and number formats marking an estimate.
"""

import datetime as dt
import re
import zipfile
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook, load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from nghiquyet.targets.excel_sheet import Sheet

ROWS = [
    ["STT", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu NQ", "Kỳ chỉ tiêu", "Năm 2024"],
    [1, "Thu ngân sách nội địa", "tỷ đồng", "> 6.000", "Năm 2024", 6250],
    [2, "Tốc độ tăng trưởng GRDP", "%", 8.5, "Năm 2024", "8,7"],
    [3, "Tỷ lệ bao phủ bảo hiểm y tế", "%", "94,95", dt.datetime(2024, 12, 31), True],
    [4, "  Số xã đạt chuẩn nông thôn mới ", None, "≥ 45", dt.date(2024, 6, 30), "#DIV/0!"],
    ["²", "Tỷ lệ hộ nghèo", "%", "dưới 1,5", dt.time(8, 30), 1e20],
    [None, None, None, None, None, None],
    ["٣", "Chỉ số cải cách hành chính (PAR Index)", "điểm", "=8.5", "Năm 2024", "=3050+3050"],
]


def book_bytes(book: Workbook) -> bytes:
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def office_sheet() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Chỉ tiêu"
    for row in ROWS:
        sheet.append(row)
    sheet["F2"].number_format = '#,##0" (ước)"'
    sheet["G4"] = CellRichText("Sở ", TextBlock(InlineFont(b=True), "Tài chính"))
    return book_bytes(book)


def streamed(content: bytes, *, with_formulas: bool = True):
    sheet = Sheet(content, with_formulas=with_formulas)
    try:
        return list(sheet.rows())
    finally:
        sheet.close()


def test_every_kind_of_cell_reads_as_openpyxl_reads_it():
    content = office_sheet()
    reference = load_workbook(BytesIO(content), read_only=True, data_only=True)["Chỉ tiêu"]
    reference.reset_dimensions()
    expected = {
        number: [value for value in values]
        for number, values in enumerate(reference.iter_rows(values_only=True), start=1)
        if any(value is not None for value in values)
    }
    rows = {row.number: row.values for row in streamed(content) if not row.is_empty()}
    assert rows.keys() == expected.keys()
    for number, values in rows.items():
        width = len(expected[number])
        assert values + [None] * (width - len(values)) == expected[number], number


def test_formula_cells_and_estimate_formats_are_named_by_column():
    rows = {row.number: row for row in streamed(office_sheet())}
    assert rows[8].formulas == {4, 6}
    assert all(not row.formulas for number, row in rows.items() if number != 8)
    assert rows[2].estimates == {6}
    assert all(not row.estimates for number, row in rows.items() if number != 2)


def test_a_row_of_empty_cells_is_empty_and_a_formula_row_is_not():
    rows = {row.number: row for row in streamed(office_sheet())}
    book = Workbook()
    book.active.append(["", "   ", None])
    (blank,) = streamed(book_bytes(book))
    assert blank.is_empty()
    assert not rows[8].is_empty()


def test_rows_are_read_to_the_width_asked_for():
    sheet = Sheet(office_sheet(), with_formulas=False)
    rows = sheet.rows()
    header = next(rows)
    sheet.width = 3
    following = next(rows)
    sheet.close()
    assert header.values == ROWS[0]
    assert following.values == [1, "Thu ngân sách nội địa", "tỷ đồng"]


def with_entity(content: bytes) -> bytes:
    """The sheet's XML given a DTD whose entity reads a file of the server."""
    source = zipfile.ZipFile(BytesIO(content))
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(
                    rb"^(<\?xml[^>]*\?>)?",
                    rb'\1<!DOCTYPE worksheet [<!ENTITY secret SYSTEM "file:///etc/passwd">]>',
                    data,
                    count=1,
                )
                data = data.replace(b"<v>6250</v>", b"<v>&secret;</v>")
            target.writestr(item, data)
    return buffer.getvalue()


def test_a_sheet_with_an_entity_is_refused_and_nothing_of_the_server_is_read():
    with pytest.raises(ValidationError) as refused:
        streamed(with_entity(office_sheet()))
    assert "root:" not in str(refused.value)
