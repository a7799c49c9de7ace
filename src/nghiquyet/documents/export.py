"""The register of documents as a spreadsheet, with headers in the reader's language."""

from io import BytesIO

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Font

from nghiquyet.core.xlsx import append_row
from nghiquyet.documents.models import Document


def documents_xlsx(documents: QuerySet[Document]) -> bytes:
    """One row per document: symbol, kind, title, issuer, date (dd/mm/yyyy), status."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Documents")[:31]
    headers = [_("No."), _("symbol"), _("kind"), pgettext("document", "title"), _("issuer")]
    append_row(sheet, [*headers, _("date issued"), _("status")])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row, document in enumerate(documents, start=1):
        cells = append_row(
            sheet,
            [
                row,
                document.symbol,
                document.get_kind_display(),
                document.title,
                str(document.issuer or ""),
                document.issued_on,
                document.get_status_display(),
            ],
        )
        cells[5].number_format = "dd/mm/yyyy"
    for column, width in zip("ABCDEFG", (6, 14, 22, 70, 36, 12, 12), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
