"""Reads over review reports, always through the one access layer."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from nghiquyet.core.models import Job
from nghiquyet.documents.models import Document, DocumentKind, DocumentVersion
from nghiquyet.meetings.models import Meeting
from nghiquyet.meetings.selectors import meeting_list
from nghiquyet.orgs.access import Action, can_create, get_for, scope
from nghiquyet.orgs.models import Body
from nghiquyet.reports.jobs import KIND
from nghiquyet.reports.models import Report, ReportTemplate

#: The documents whose targets and tasks a review reports on.
RESOLUTION_KINDS = (
    DocumentKind.NGHI_QUYET,
    DocumentKind.NGHI_QUYET_DAI_HOI,
    DocumentKind.CHUONG_TRINH,
    DocumentKind.KE_HOACH,
    DocumentKind.CHI_THI,
    DocumentKind.KET_LUAN,
    DocumentKind.DE_AN,
)


def report_list(*, user: Any) -> QuerySet[Report]:
    """The reviews `user` may see, newest period first."""
    return scope(
        Report.objects.select_related("body", "resolution", "document", "term"), user, Action.VIEW
    )


def report_get(*, user: Any, pk: int, action: Action = Action.VIEW) -> Report:
    """One review, or 404 when invisible and 403 when visible but not changeable."""
    return get_for(
        Report.objects.select_related("body__province", "resolution", "document", "term"),
        user,
        action,
        pk=pk,
    )


def report_versions(*, report: Report) -> QuerySet[DocumentVersion]:
    """The versions of the report's draft, newest first (generated, edited, uploaded)."""
    if report.document_id is None:
        return DocumentVersion.objects.none()
    return report.document.versions.select_related("created_by").order_by("-number")


def report_job_get(*, user: Any, pk: int) -> Job:
    """A report generation ``user`` may see (the report's province and agency), or 404."""
    return get_for(Job.objects.filter(kind=KIND), user, Action.VIEW, pk=pk)


def report_job_version(*, job: Job | None) -> DocumentVersion | None:
    """The draft version a finished generation made."""
    version_id = (job.outcome or {}).get("version_id") if job is not None else None
    return DocumentVersion.objects.filter(pk=version_id).first() if version_id else None


def report_bodies(*, user: Any) -> QuerySet[Body]:
    """Bodies `user` may write a review for: any of the office's province, a reporter's own."""
    return scope(Body.objects.filter(province__isnull=False), user, Action.CHANGE)


def report_resolutions(*, user: Any) -> QuerySet[Document]:
    """Resolutions and programmes a review may cover: those of the user's province."""
    return scope(
        Document.objects.filter(province__isnull=False, kind__in=RESOLUTION_KINDS), user
    ).select_related("issuer")


def report_meetings(*, user: Any, report: Report) -> QuerySet[Meeting]:
    """Planned meetings of the report's province `user` may prepare, soonest first."""
    return (
        scope(meeting_list(user=user), user, Action.CHANGE)
        .filter(status=Meeting.Status.PLANNED, province_id=report.body.province_id)
        .order_by("starts_on", "pk")
    )


def template_upload_allowed(*, user: Any, body: Body) -> bool:
    """Whether `user` may choose the Word template of `body`'s reports: the office only."""
    return body.province is not None and can_create(user, ReportTemplate, province=body.province)
