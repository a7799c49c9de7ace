"""Opening and filling a Word template: a sound .docx, filled in the sandbox only.

The same two functions serve the upload check and every rendering (page, API, job,
command), so a template saved before the checks existed is refused when it is used.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from pathlib import Path
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from docx import Document as WordDocument
from docxtpl import DocxTemplate
from jinja2 import TemplateSyntaxError

from nghiquyet.reports.placeholders import placeholder_sample
from nghiquyet.reports.sandbox import ENVIRONMENT, TemplateRefused

logger = logging.getLogger(__name__)

#: A Word template as it is stored; the shipped ones weigh about 40 KB.
TEMPLATE_MAX_BYTES = 10 * 1024 * 1024
#: What its zip may unpack to: text compresses well, pictures hardly at all.
UNPACKED_MAX_BYTES = 50 * 1024 * 1024
PARTS_MAX = 1_000
#: One XML part unpacked (the body is about 16 KB in the shipped templates): docxtpl
#: rewrites each with regular expressions at about a second per 1 MB.
XML_PART_MAX_BYTES = 4 * 1024 * 1024
#: How far, in the part's XML, a closing }} or %} may follow its {{ or {%: Word splits a
#: placeholder into runs, but never a short tag over thousands of characters.
TAG_SPAN_MAX = 4_000
#: A Jinja opening or closing delimiter, with any XML tags Word put between its two signs.
_DELIMITER = re.compile(r"\{(?:<[^>]*>)*[{%#]|[}%#](?:<[^>]*>)*\}")
_XML_TAG = re.compile(r"<[^>]*>")
#: The parts docxtpl fills in: the body, headers, footers, footnotes and the properties.
_FILLED_PART = re.compile(r"word/(document|header|footer|footnotes)[^/]*\.xml|docProps/core\.xml")

Source = str | Path | IO[bytes]


def template_bytes(source: Source) -> bytes:
    """The template's bytes once they are known to be a whole, modest Word document."""
    if isinstance(source, str | Path):
        with open(source, "rb") as handle:
            data = handle.read(TEMPLATE_MAX_BYTES + 1)
    else:
        source.seek(0)
        data = source.read(TEMPLATE_MAX_BYTES + 1)
    if len(data) > TEMPLATE_MAX_BYTES:
        raise ValidationError(_("The template is larger than 10 MB."))
    not_word = ValidationError(_("This file is not a Word document (.docx)."))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = package.infolist()
            if len(parts) > PARTS_MAX or sum(p.file_size for p in parts) > UNPACKED_MAX_BYTES:
                raise ValidationError(
                    _("Unpacked, the template would take more than %(size)s MB.")
                    % {"size": UNPACKED_MAX_BYTES // (1024 * 1024)}
                )
            names = {part.filename for part in parts}
            if not {"[Content_Types].xml", "word/document.xml"} <= names:
                raise not_word
            if package.testzip() is not None:
                raise ValidationError(_("The Word file is damaged; save it again in Word."))
            for part in parts:
                if part.filename.endswith(".xml"):
                    _check_xml_part(package, part)
        WordDocument(io.BytesIO(data))
    except ValidationError:
        raise
    except Exception as exc:  # zip, XML or OPC errors: python-docx has no single exception type
        raise not_word from exc
    return data


def _check_xml_part(package: zipfile.ZipFile, part: zipfile.ZipInfo) -> None:
    if part.file_size > XML_PART_MAX_BYTES:
        raise ValidationError(
            _("Unpacked, a part of the template (%(name)s) takes more than %(size)s MB.")
            % {"name": part.filename, "size": XML_PART_MAX_BYTES // (1024 * 1024)}
        )
    if _FILLED_PART.fullmatch(part.filename):
        _check_delimiters(package.read(part).decode("utf-8", "replace"))


def _check_delimiters(xml: str) -> None:
    """Refuse a part whose {{ … }} and {% … %} are not closed, in order, close by.

    docxtpl rewrites the XML with regular expressions that scan from each delimiter to
    the next closing one: an unclosed or far-away one makes that quadratic, and a few
    thousand of them in a large part would hold the server for minutes.
    """
    opened = None
    for match in _DELIMITER.finditer(xml):
        opening = match.group().startswith("{")
        if opening and opened is None:
            opened = match
            continue
        if not opening and opened is not None and match.end() - opened.start() <= TAG_SPAN_MAX:
            opened = None
            continue
        _refuse_tag_near(xml, (opened or match).start())
    if opened is not None:
        _refuse_tag_near(xml, opened.start())


def _refuse_tag_near(xml: str, position: int) -> None:
    """Refuse, quoting the template's text from the faulty delimiter on."""
    text = " ".join(_XML_TAG.sub(" ", xml[position : position + 400]).split())[:60]
    raise ValidationError(
        _("A placeholder in the template is malformed: %(error)s") % {"error": f"“{text}…”"}
    )


def template_fill(document: DocxTemplate, context: dict[str, Any]) -> None:
    """Fill `document` in the sandbox; any refusal is a ValidationError naming the reason."""
    try:
        document.render(context, jinja_env=ENVIRONMENT, autoescape=True)
    except TemplateRefused as exc:
        raise ValidationError(exc.message) from exc
    except TemplateSyntaxError as exc:
        raise ValidationError(
            _("A placeholder in the template is malformed: %(error)s") % {"error": exc.message}
        ) from exc
    except Exception as exc:  # a template is data: whatever it breaks is reported, not a 500
        logger.info("report template could not be filled in", exc_info=True)
        raise ValidationError(
            _("The template could not be filled in: %(error)s") % {"error": exc}
        ) from exc


def template_check(source: Source) -> None:
    """Refuse a template that is not a sound .docx or that Jinja's sandbox would refuse.

    The template is filled in once with sample values, in the same sandbox as a real
    report, so a broken template is never the reason a report fails later.
    """
    template_fill(DocxTemplate(io.BytesIO(template_bytes(source))), placeholder_sample())
