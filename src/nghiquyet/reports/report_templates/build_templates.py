"""Build the two shipped Word templates: bao_cao_dang.docx and bao_cao_nha_nuoc.docx.

Run ``python -m nghiquyet.reports.report_templates.build_templates`` after changing
the layout. The .docx files are what the app reads, and what an office opens in Word,
restyles and uploads as its own template: the placeholders (``{{ header.issuer }}``,
``{%tr for row in target_rows %}``…) are docxtpl's Jinja tags, documented in README.md
beside this file. A4, margins 20/20/30/15 mm, Times New Roman 14 for the text, as
both the Party guidance and Decree 30/2020/NĐ-CP ask.
"""

from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

HERE = Path(__file__).resolve().parent
FONT = "Times New Roman"
BODY_SIZE = Pt(14)
TABLE_SIZE = Pt(12)


def build(path: Path, *, party: bool) -> None:
    document = Document()
    _page(document)
    _heading(document, party=party)
    _title(document)
    _sections(document)
    _signature(document)
    document.save(path)


def _page(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = BODY_SIZE
    # Word picks the font per script: name it for every slot so Vietnamese never falls back.
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.space_before = Pt(0)


def _para(
    container,
    text: str = "",
    *,
    bold=False,
    italic=False,
    underline=False,
    align=WD_ALIGN_PARAGRAPH.CENTER,
    size=None,
    indent=False,
    after=0,
):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(after)
    if indent:
        paragraph.paragraph_format.first_line_indent = Mm(10)
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic, run.underline = bold, italic, underline
        if size:
            run.font.size = size
    return paragraph


def _cell(table, row: int, column: int):
    """A table cell emptied of the paragraph python-docx puts in it."""
    cell = table.cell(row, column)
    cell._element.remove(cell.paragraphs[0]._element)
    return cell


def _heading(document, *, party: bool) -> None:
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = (Mm(70), Mm(95))
    left, right = _cell(table, 0, 0), _cell(table, 0, 1)
    for cell, width in zip((left, right), widths, strict=True):
        cell.width = width
    size = Pt(13)
    _para(left, "{{r header_upper }}", size=size)
    _para(left, "{{ header.issuer }}", bold=True, size=size)
    _para(left, "*" if party else "―――――", size=size)
    _para(left, "{{ header.symbol }}", size=size)
    if party:
        _para(right, "{{ header.national_name }}", bold=True, underline=True, size=Pt(15))
        _para(right, "", size=size)
    else:
        _para(right, "{{ header.national_name }}", bold=True, size=Pt(12))
        _para(right, "{{ header.motto_line }}", bold=True, underline=True, size=Pt(14))
    _para(
        right,
        "{{ header.place_date }}",
        italic=True,
        size=Pt(14),
        align=WD_ALIGN_PARAGRAPH.RIGHT if party else WD_ALIGN_PARAGRAPH.CENTER,
    )


def _title(document) -> None:
    _para(document, "")
    _para(document, "{{ title }}", bold=True, size=Pt(16))
    _para(document, "{{ subtitle }}", bold=True)
    _para(document, "-----", after=12)


def _text(document, text: str, **kwargs):
    return _para(document, text, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True, after=6, **kwargs)


def _loop(document, opening: str, line: str, closing: str = "{%p endfor %}") -> None:
    _para(document, opening, align=WD_ALIGN_PARAGRAPH.LEFT)
    _text(document, line)
    _para(document, closing, align=WD_ALIGN_PARAGRAPH.LEFT)


def _grid(document, headings: list[str], cells: list[str], loop: str, widths: list[int]):
    """A real Word table: a heading row, then one row per item through a {%tr %} loop."""
    table = document.add_table(rows=4, cols=len(headings))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    rows = [
        headings,
        [f"{{%tr for row in {loop} %}}"] + [""] * (len(headings) - 1),
        cells,
        ["{%tr endfor %}"] + [""] * (len(headings) - 1),
    ]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.width = Mm(widths[c])
            paragraph = cell.paragraphs[0]
            paragraph.alignment = (
                WD_ALIGN_PARAGRAPH.LEFT if c == 1 and r == 2 else WD_ALIGN_PARAGRAPH.CENTER
            )
            run = paragraph.add_run(value)
            run.font.size = TABLE_SIZE
            run.bold = r == 0
    return table


def _sections(document) -> None:
    _text(document, "{{ introduction }}")
    _para(document, "{{ headings.assessment }}", bold=True, align=WD_ALIGN_PARAGRAPH.LEFT, after=6)
    _loop(document, "{%p for paragraph in assessment %}", "{{ paragraph }}")
    _para(document, "{{ headings.targets }}", bold=True, align=WD_ALIGN_PARAGRAPH.LEFT, after=6)
    _text(document, "{{ summary_sentence }}")
    _grid(
        document,
        ["TT", "Chỉ tiêu", "Chỉ tiêu Nghị quyết", "Thực hiện", "Tỷ lệ hoàn thành", "Đánh giá"],
        [
            "{{ row.number }}",
            "{{ row.indicator }}",
            "{{ row.target }}",
            "{{ row.actual }}",
            "{{ row.completion }}",
            "{{ row.status_label }}",
        ],
        "target_rows",
        [10, 55, 30, 28, 20, 22],
    )
    _para(
        document,
        "{{ estimate_note }}",
        italic=True,
        size=Pt(12),
        align=WD_ALIGN_PARAGRAPH.LEFT,
        after=6,
    )
    _para(document, "{{ status_chart }}")
    _para(document, "{{ trend_chart }}", after=6)
    _para(document, "{{ headings.tasks }}", bold=True, align=WD_ALIGN_PARAGRAPH.LEFT, after=6)
    _grid(
        document,
        [
            "TT",
            "Cơ quan, đơn vị",
            "Số nhiệm vụ",
            "Hoàn thành",
            "Đang thực hiện",
            "Chậm",
            "(1)",
            "(2)",
            "(3)",
            "(4)",
        ],
        [
            "{{ loop.index }}",
            "{{ row.agency }}",
            "{{ row.total }}",
            "{{ row.done }}",
            "{{ row.in_progress }}",
            "{{ row.late }}",
            "{{ row.no_initiative }}",
            "{{ row.not_done }}",
            "{{ row.slow_coordination }}",
            "{{ row.unchecked }}",
        ],
        "agency_rows",
        [9, 50, 16, 16, 16, 13, 11, 11, 11, 11],
    )
    _para(
        document,
        "“4 không”: (1) không chủ động đề xuất; (2) được giao nhưng không thực hiện hoặc chậm; "
        "(3) không phối hợp hoặc phối hợp chậm; (4) triển khai nhưng không kiểm tra, giám sát.",
        italic=True,
        size=Pt(12),
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
        after=6,
    )
    _para(document, "{{ headings.limitations }}", bold=True, align=WD_ALIGN_PARAGRAPH.LEFT, after=6)
    _loop(document, "{%p for item in limitations %}", "- {{ item }}")
    _para(document, "{{ headings.next_tasks }}", bold=True, align=WD_ALIGN_PARAGRAPH.LEFT, after=6)
    _loop(document, "{%p for item in next_tasks %}", "{{ loop.index }}. {{ item }}")


def _signature(document) -> None:
    _para(document, "")
    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    left, right = _cell(table, 0, 0), _cell(table, 0, 1)
    left.width, right.width = Mm(85), Mm(80)
    _para(left, "Nơi nhận:", bold=True, italic=True, size=Pt(12), align=WD_ALIGN_PARAGRAPH.LEFT)
    _para(left, "{%p for line in recipients %}", align=WD_ALIGN_PARAGRAPH.LEFT)
    _para(left, "- {{ line }}", size=Pt(11), align=WD_ALIGN_PARAGRAPH.LEFT)
    _para(left, "{%p endfor %}", align=WD_ALIGN_PARAGRAPH.LEFT)
    _para(right, "{{ signer_capacity }}", bold=True)
    _para(right, "{{ signer_title }}", bold=True, after=60)
    _para(right, "{{ signer_name }}", bold=True)


def main() -> None:
    build(HERE / "bao_cao_dang.docx", party=True)
    build(HERE / "bao_cao_nha_nuoc.docx", party=False)


if __name__ == "__main__":
    main()
