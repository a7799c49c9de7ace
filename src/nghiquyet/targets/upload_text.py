"""The text of an uploaded resolution (.txt, .docx, .pdf), read defensively.

An upload is data from outside: it may be corrupt, cut short, another kind of file
under a borrowed name, or a small archive that inflates to gigabytes. Each case is
refused with a message in the user's language before or while it is read; nothing
here may raise anything but a ValidationError.
"""

from __future__ import annotations

import io
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.formats import number_format
from django.utils.translation import gettext as _

#: Largest file accepted: a resolution with its annexes is well under 2 MB.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
#: Largest inflated content of a .docx: Word's XML is about ten times its zip.
MAX_DOCX_INFLATED_BYTES = 100 * 1024 * 1024
#: Most characters read from one file: a long resolution has some 100,000.
MAX_TEXT_CHARS = 500_000


def _unreadable(kind: str) -> ValidationError:
    return ValidationError(
        _("The file cannot be read as %(kind)s: it is damaged, cut short or of another type.")
        % {"kind": kind}
    )


def _docx_text(data: bytes) -> str:
    import docx

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inflated = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _unreadable(".docx") from None
    if inflated > MAX_DOCX_INFLATED_BYTES:
        raise ValidationError(
            _("The .docx file unpacks to more than %(limit)s MB; it is refused.")
            % {"limit": MAX_DOCX_INFLATED_BYTES // (1024 * 1024)}
        )
    try:
        return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    except Exception:  # any failure of the parser means the same to the user
        raise _unreadable(".docx") from None


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    try:
        pages = PdfReader(io.BytesIO(data)).pages
        return "\n".join(page.extract_text() or "" for page in pages)
    except Exception:  # pypdf raises many kinds on damaged files; all mean "unreadable"
        raise _unreadable(".pdf") from None


def text_of_upload(upload: UploadedFile) -> str:
    """The text of an uploaded .txt, .docx or .pdf file, within the documented limits."""
    name = (upload.name or "").lower()
    if not name.endswith((".txt", ".docx", ".pdf")):
        raise ValidationError(_("Upload a .txt, .docx or .pdf file."))
    if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file is larger than %(limit)s MB.")
            % {"limit": MAX_UPLOAD_BYTES // (1024 * 1024)}
        )
    data = upload.read(MAX_UPLOAD_BYTES + 1)
    if name.endswith(".txt"):
        text = data.decode("utf-8", errors="replace")
    elif name.endswith(".docx"):
        text = _docx_text(data)
    else:
        text = _pdf_text(data)
    if len(text) > MAX_TEXT_CHARS:
        raise ValidationError(
            _("The text is longer than %(limit)s characters.")
            % {"limit": number_format(MAX_TEXT_CHARS, force_grouping=True)}
        )
    return text
