"""Writes on review reports: define a review, generate its draft, upload a template.

Each function takes the acting ``user``, asks the one access layer, refuses bad input
with a ``ValidationError`` before anything changes, and runs in one transaction.
The draft is a `Document` of the documents app; every generation adds a version
through that app's service, so a version an author edited is never overwritten.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from nghiquyet.core.periods import Period, PeriodKind
from nghiquyet.core.validation import create_checked
from nghiquyet.documents.models import Document, DocumentKind, DocumentVersion
from nghiquyet.documents.services import document_create, document_version_add
from nghiquyet.meetings.models import Draft, Meeting
from nghiquyet.meetings.services import agenda_item_add_draft
from nghiquyet.orgs.access import Action, can, can_create
from nghiquyet.orgs.models import Body, Term
from nghiquyet.reports.assemble import report_content
from nghiquyet.reports.content import ReportKind
from nghiquyet.reports.models import Report, ReportTemplate
from nghiquyet.reports.naming import report_file_name
from nghiquyet.reports.plain import content_text
from nghiquyet.reports.render import render_docx
from nghiquyet.reports.templates_store import template_for
from nghiquyet.reports.word_template import template_check


def kind_for(period: Period, term: Term | None = None) -> ReportKind:
    """The review a period calls for; a term-long period is the end-of-term review."""
    match period.kind:
        case PeriodKind.QUARTER:
            return ReportKind.QUARTER
        case PeriodKind.HALF:
            return ReportKind.SIX_MONTHS
        case PeriodKind.NINE_MONTHS:
            return ReportKind.NINE_MONTHS
        case PeriodKind.YEAR:
            return ReportKind.YEAR
        case PeriodKind.TERM:
            if term is not None and period.end_year < term.end_year:
                return ReportKind.MID_TERM
            return ReportKind.END_OF_TERM
    raise ValidationError(
        {"period": _("Reviews are written for a quarter, six or nine months, a year or a term.")}
    )


def period_parse(code: str) -> Period:
    """A period code as a Period, or a ValidationError in the user's language."""
    try:
        return Period.parse(code)
    except ValueError as exc:
        raise ValidationError(
            {"period": _("Write the period as 2024, 2024-H1, 2024-Q2, 2024-9M or 2020/2025.")}
        ) from exc


@transaction.atomic
def report_create(
    *,
    user: Any,
    body: Body,
    period: str,
    resolution: Document | None = None,
    kind: str = "",
    term: Term | None = None,
) -> Report:
    """Define a review (or find the same one already defined): body, resolution, period."""
    if body.province is None or not can_create(
        user, Report, province=body.province, agency_id=body.pk
    ):
        raise PermissionDenied
    parsed = period_parse(period)
    if resolution is not None and resolution.province_id not in (None, body.province_id):
        raise ValidationError({"resolution": _("The resolution belongs to another province.")})
    term = term or (resolution.term if resolution is not None else None)
    if resolution is None and term is None:
        raise ValidationError(
            {"term": _("Choose a resolution, or the term whose resolutions to review.")}
        )
    chosen = ReportKind(kind) if kind else kind_for(parsed, term)
    if chosen.is_term_review != (parsed.kind is PeriodKind.TERM):
        raise ValidationError({"kind": _("A term review needs a term period (2020/2025).")})
    report, _created = Report.objects.get_or_create(
        body=body,
        resolution=resolution,
        period=parsed.code,
        kind=chosen.value,
        defaults={"term": term, "created_by": user if user.is_authenticated else None},
    )
    return report


@transaction.atomic
def report_generate(
    *, user: Any, report: Report, issued_on: dt.date | None = None, language: str = ""
) -> DocumentVersion:
    """Generate the report from the live records as a new version of its draft document.

    The first generation creates the draft (a "báo cáo" of the reporting body); later
    ones add versions. Nothing already there is changed. The draft keeps the report's
    own Vietnamese title; its file is named in `language` (the active one by default).
    """
    if not can(user, Action.CHANGE, report):
        raise PermissionDenied
    content = report_content(report=report, user=user, issued_on=issued_on)
    docx = render_docx(content, template_for(report.body))
    if report.document is None:
        report.document = document_create(
            user=user,
            kind=DocumentKind.BAO_CAO,
            title=f"Báo cáo {content.subtitle}",
            issuer=report.body,
            term=report.term,
        )
        report.save(update_fields=["document"])
    name = report_file_name(report, "docx", language or None)
    return document_version_add(
        user=user,
        document=report.document,
        origin=DocumentVersion.Origin.GENERATED,
        text=content_text(content),
        file=ContentFile(docx, name=name),
        note=_("Generated from the records"),
    )


def report_template_validate(*, user: Any, body: Body, file: UploadedFile) -> None:
    """Everything an upload must pass, saving nothing: who uploads, the file, the sandbox.

    Only the province office (and the system administrator) chooses the Word template
    of a body's reports; the access layer says so, since a template belongs to no agency.
    """
    if body.province is None or not can_create(user, ReportTemplate, province=body.province):
        raise PermissionDenied
    if os.path.splitext(file.name or "")[1].lower() != ".docx":
        raise ValidationError({"file": _("Upload the template as a Word file (.docx).")})
    try:
        template_check(file)
    except ValidationError as exc:
        raise ValidationError({"file": exc.messages}) from exc
    finally:
        file.seek(0)


@transaction.atomic
def report_template_upload(
    *, user: Any, body: Body, file: UploadedFile, note: str = ""
) -> ReportTemplate:
    """Keep a body's own Word template; its reports use the newest one from now on."""
    report_template_validate(user=user, body=body, file=file)
    return create_checked(
        ReportTemplate,
        body=body,
        file=file,
        note=note.strip(),
        uploaded_by=user if user.is_authenticated else None,
    )


@transaction.atomic
def report_put_on_agenda(*, user: Any, report: Report, meeting: Meeting) -> Draft:
    """Put the report's draft before a meeting, generating the draft first if there is none.

    The meetings app keeps the agenda item and fixes the version delegates receive.
    """
    if not can(user, Action.CHANGE, report):
        raise PermissionDenied
    if report.document is None:
        report_generate(user=user, report=report)
        report.refresh_from_db()
    return agenda_item_add_draft(
        user=user, meeting=meeting, document=report.document, presenter=report.body
    )
