"""Files the office hands out: the comment synthesis table (.xlsx, .docx), the minutes and
the news summary (.docx). Each is built from a selector's rows, never from a page.
"""

from __future__ import annotations

from io import BytesIO

from django.utils.translation import gettext as _
from docx import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from nghiquyet.core.xlsx import append_row

from .models import Draft
from .news import news_paragraphs, news_title
from .record import MeetingRecord, chair_text, duration_text, vote_text
from .selectors import SynthesisRow, comment_synthesis


def synthesis_headers() -> list[str]:
    return [
        _("No."),
        _("Section"),
        _("Delegate"),
        _("Comment"),
        _("Handling"),
        _("Reply of the editorial team"),
    ]


def synthesis_title(draft: Draft) -> str:
    return _("Comment synthesis table: %(title)s") % {"title": draft.document.title}


def _cells(row: SynthesisRow) -> list[str | int]:
    section = row.section or _("Whole draft")
    return [row.number, section, row.delegate, row.comment, row.handling_label, row.reply]


def synthesis_xlsx(*, draft: Draft) -> bytes:
    """The table as offices keep it in Excel: one row per comment, wrapped text."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Comments")[:31]
    append_row(sheet, [synthesis_title(draft)])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    append_row(sheet, synthesis_headers())
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for row in comment_synthesis(draft=draft):
        append_row(sheet, _cells(row))
    for column, width in zip("ABCDEF", (6, 22, 28, 60, 16, 60), strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A4"
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _new_docx(*, landscape: bool = False) -> DocxDocument:
    document = DocxDocument()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    if landscape:
        section = document.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    return document


def _heading(document: DocxDocument, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text.upper())
    run.bold = True


def _saved(document: DocxDocument) -> bytes:
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def synthesis_docx(*, draft: Draft) -> bytes:
    """The table as it is attached to the revised draft (landscape, Times New Roman)."""
    document = _new_docx(landscape=True)
    _heading(document, synthesis_title(draft))
    rows = comment_synthesis(draft=draft)
    table = document.add_table(rows=1, cols=6)
    table.style = "Table Grid"
    for cell, header in zip(table.rows[0].cells, synthesis_headers(), strict=True):
        cell.text = header
        cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        for cell, value in zip(table.add_row().cells, _cells(row), strict=True):
            cell.text = str(value)
    return _saved(document)


def minutes_docx(*, record: MeetingRecord) -> bytes:
    """The minutes (biên bản): time and place, chairs, attendance, items, votes, conclusion."""
    meeting = record.meeting
    document = _new_docx()
    _heading(document, _("Minutes"))
    _heading(document, str(meeting))
    document.add_paragraph(
        _("Time: from %(start)s to %(end)s (%(duration)s).")
        % {
            "start": f"{meeting.starts_on:%d/%m/%Y}",
            "end": f"{meeting.ends_on:%d/%m/%Y}",
            "duration": duration_text(meeting),
        }
    )
    if meeting.venue:
        document.add_paragraph(_("Venue: %(venue)s.") % {"venue": meeting.venue})
    if record.chairs:
        document.add_paragraph(_("Chaired by:"))
        for chair in record.chairs:
            document.add_paragraph(chair_text(chair), style="List Bullet")
    document.add_paragraph(
        _(
            "Attendance: %(present)s of %(invited)s invited participants present "
            "(%(members)s members, %(guests)s guests); %(excused)s absent with leave."
        )
        % {
            "present": record.attendance.present,
            "invited": record.attendance.invited,
            "members": record.attendance.members_present,
            "guests": record.attendance.guests_present,
            "excused": record.attendance.excused,
        }
    )
    if record.guests:
        document.add_paragraph(
            _("Guests: %(guests)s.") % {"guests": "; ".join(p.name for p in record.guests)}
        )
    for item_record in record.items:
        item = item_record.item
        document.add_heading(str(item), level=2)
        document.add_paragraph(_("Presented by %(body)s.") % {"body": item.presenter.name})
        for draft in item_record.drafts:
            document.add_paragraph(str(draft), style="List Bullet")
        document.add_paragraph(_("Comments received: %(count)s.") % {"count": item_record.comments})
        if item_record.vote:
            document.add_paragraph(_("Vote: %(vote)s") % {"vote": vote_text(item_record.vote)})
    if record.conclusion:
        document.add_heading(_("Conclusion"), level=2)
        document.add_paragraph(record.conclusion)
    return _saved(document)


def news_docx(*, record: MeetingRecord) -> bytes:
    document = _new_docx()
    title = document.add_paragraph()
    title.add_run(news_title(record)).bold = True
    for paragraph in news_paragraphs(record):
        document.add_paragraph(paragraph)
    return _saved(document)
