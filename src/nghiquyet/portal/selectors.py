"""What the public portal shows: the published part of the province's records, read only.

Published means, in one place (:func:`published_documents`): a provincial
document the office published (``is_public``, through
``documents.services.document_publish``) that is no longer a draft and not
deleted. Its live targets are then public, and of their figures only the
approved ones: drafts, submitted or returned figures, the notes agencies write
on them, tasks, meetings, comments, and the names or logins of staff never are.
Every read here goes through these filters and the targets app's selectors run
as an anonymous visitor, so the access layer agrees with the portal.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncDate
from django.http import Http404

from nghiquyet.core.periods import Period
from nghiquyet.documents.models import Document, DocumentLink
from nghiquyet.evaluation import Pace, Status, Summary
from nghiquyet.orgs.models import Place
from nghiquyet.reports.models import Report
from nghiquyet.targets.dashboard import (
    TargetRow,
    default_period,
    rows_summary,
    summary_sentence_of,
    target_rows,
    target_verdicts,
)
from nghiquyet.targets.models import Actual, Indicator, Sector, Target

VISITOR = AnonymousUser()


def published_documents() -> QuerySet[Document]:
    """The provincial documents citizens may read: published, adopted, not deleted."""
    return Document.objects.filter(is_public=True, province__isnull=False).exclude(
        status=Document.Status.DRAFT
    )


def published_targets() -> QuerySet[Target]:
    """The live targets of published documents."""
    return Target.objects.filter(document__in=published_documents())


def approved_figures() -> QuerySet[Actual]:
    """The approved figures of published targets, the only figures the public sees."""
    return Actual.objects.filter(
        target__in=published_targets(), status=Actual.Status.APPROVED
    ).order_by("target_id", "period", "approved_at", "pk")


def published_resolutions() -> list[Document]:
    """Published documents that set targets, newest first, with how many."""
    live = Q(targets__deleted_at__isnull=True)
    return list(
        published_documents()
        .annotate(target_count=Count("targets", filter=live))
        .filter(target_count__gt=0)
        .select_related("province", "issuer")
        .order_by("-issued_on", "-pk")
    )


def resolution_get(pk: int) -> Document:
    """A published resolution, or 404 for anything else (a draft, a private document)."""
    try:
        return published_documents().select_related("province", "issuer", "term").get(pk=pk)
    except Document.DoesNotExist as exc:
        raise Http404 from exc


# Progress ----------------------------------------------------------------------------


@dataclass
class SectorGroup:
    """The targets of one field (lĩnh vực), as resolutions group them."""

    sector: str
    label: str
    rows: list[TargetRow]

    @cached_property
    def summary(self) -> Summary:
        return rows_summary(self.rows)


@dataclass
class Progress:
    """A published resolution judged for one period: rows, summary, pace, groups."""

    document: Document
    period: Period | None
    rows: list[TargetRow] = field(default_factory=list)

    @cached_property
    def summary(self) -> Summary:
        return rows_summary(self.rows)

    @property
    def sentence(self) -> str:
        return summary_sentence_of(self.summary) if self.rows else ""

    @cached_property
    def pace(self) -> list[tuple[Pace, int]]:
        """How many targets are on track, need a push, are slow or going backwards."""
        counts = Counter(row.trajectory.pace for row in self.rows if row.trajectory)
        return [(pace, counts[pace]) for pace in Pace if counts[pace]]

    @property
    def met_share(self) -> int:
        """Targets met and exceeded, in percent of all (the progress bar)."""
        total = self.summary.total
        return round(100 * self.summary.met / total) if total else 0

    @cached_property
    def groups(self) -> list[SectorGroup]:
        by_sector: dict[str, list[TargetRow]] = defaultdict(list)
        for row in self.rows:
            by_sector[row.target.indicator.sector].append(row)
        return [
            SectorGroup(sector, str(label), by_sector[sector])
            for sector, label in Sector.choices
            if by_sector.get(sector)
        ]


def resolution_periods(document: Document) -> list[Period]:
    """The periods a published resolution can be read for: its targets' and approved ones."""
    own = Target.objects.filter(document=document).values_list("period", flat=True)
    approved = approved_figures().filter(target__document=document).values_list("period", flat=True)
    codes = set(own.distinct()) | set(approved.distinct())
    return sorted(Period.parse(code) for code in codes)


def resolution_progress(document: Document, period: Period | None = None) -> Progress:
    """The resolution judged for ``period`` (by default the latest with approved figures)."""
    period = period or default_period(document=document)
    if period is None:
        return Progress(document, None)
    return Progress(document, period, target_rows(user=VISITOR, document=document, period=period))


@dataclass(frozen=True)
class SectorCount:
    sector: str
    label: str
    total: int
    exceeded: int
    achieved: int
    not_achieved: int
    no_data: int


def sector_counts(progresses: list[Progress]) -> list[SectorCount]:
    """Targets per field across resolutions, with how many met, exceeded or fell short."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for progress in progresses:
        for row in progress.rows:
            counts[row.target.indicator.sector][row.status] += 1
    return [
        SectorCount(
            sector,
            str(label),
            sum(counts[sector].values()),
            counts[sector][Status.EXCEEDED],
            counts[sector][Status.ACHIEVED],
            counts[sector][Status.NOT_ACHIEVED],
            counts[sector][Status.NO_DATA] + counts[sector][Status.IN_PROGRESS],
        )
        for sector, label in Sector.choices
        if counts.get(sector)
    ]


def provinces_of(documents: list[Document]) -> list[Place]:
    """The provinces whose resolutions are shown (one in a province's own installation)."""
    seen: dict[int, Place] = {}
    for document in documents:
        seen.setdefault(document.province_id, document.province)
    return list(seen.values())


# Reviews and publication history -----------------------------------------------------


@dataclass(frozen=True)
class Review:
    """One review of a resolution on its timeline, with the result it found."""

    period: Period
    kind: str
    sentence: str
    documents: tuple[Document, ...]


def resolution_reviews(document: Document) -> list[Review]:
    """The reviews held on a resolution (six months, year, mid-term, end of term), in order.

    The result at each review is computed from approved figures, the same for
    everyone; a review's report is linked only once the office published it.
    """
    published = set(published_documents().values_list("pk", flat=True))
    reviews: dict[tuple[str, str], list[Document]] = {}
    kinds: dict[tuple[str, str], str] = {}
    for report in Report.objects.filter(resolution=document).select_related("document"):
        key = (report.period, report.kind)
        kinds[key] = report.get_kind_display()
        found = reviews.setdefault(key, [])
        if report.document_id in published and report.document not in found:
            found.append(report.document)
    result = []
    for (code, kind), documents in reviews.items():
        period = Period.parse(code)
        verdicts = target_verdicts(user=VISITOR, document=document, period=period)
        sentence = summary_sentence_of(rows_summary(verdicts)) if verdicts else ""
        result.append(Review(period, kinds[(code, kind)], sentence, tuple(documents)))
    return sorted(result, key=lambda review: (review.period.end, review.period.start))


def review_documents(document: Document) -> list[Document]:
    """Published documents recorded as reviewing the resolution (the reports adopted on it)."""
    return [
        link.source
        for link in DocumentLink.objects.filter(
            target=document,
            kind=DocumentLink.Kind.REVIEWS,
            source__in=published_documents(),
        ).select_related("source")
    ]


@dataclass(frozen=True)
class PublicationEvent:
    """What was made public and when: the resolution itself, or a batch of approved figures."""

    day: date
    kind: str  # "published", "unpublished" or "figures"
    count: int = 0
    period: Period | None = None


def publication_history(document: Document) -> list[PublicationEvent]:
    """When the resolution was published (or taken off) and when its figures were approved.

    Read from the document's history, naming no one: the public learns what and
    when, never who.
    """
    events = []
    was_public = False
    for when, is_public in document.history.order_by("history_date", "history_id").values_list(
        "history_date", "is_public"
    ):
        if is_public != was_public:
            events.append(
                PublicationEvent(when.date(), "published" if is_public else "unpublished")
            )
            was_public = is_public
    batches = (
        approved_figures()
        .filter(target__document=document)
        .annotate(day=TruncDate("approved_at"))
        .values("day", "period")
        .annotate(count=Count("pk"))
        .order_by()
    )
    events += [
        PublicationEvent(batch["day"], "figures", batch["count"], Period.parse(batch["period"]))
        for batch in batches
        if batch["day"] is not None
    ]
    return sorted(events, key=_newest_first, reverse=True)


def _newest_first(event: PublicationEvent) -> tuple:
    """On one day the publication comes first, then the figures of the latest period."""
    return (event.day, event.kind == "published", event.period.end if event.period else date.min)


# Indicators --------------------------------------------------------------------------


@dataclass(frozen=True)
class Point:
    """One approved figure in force for a period."""

    period: Period
    value: Decimal
    estimate: bool
    source: str


@dataclass
class Series:
    """A published target and its approved figures, oldest first."""

    target: Target
    points: list[Point]
    row: TargetRow


def indicator_get(pk: int) -> Indicator:
    """An indicator that a published target is set on, or 404."""
    try:
        return Indicator.objects.filter(targets__in=published_targets()).distinct().get(pk=pk)
    except Indicator.DoesNotExist as exc:
        raise Http404 from exc


def indicator_series(indicator: Indicator) -> list[Series]:
    """Every published target on ``indicator`` with its approved figures in force.

    A corrected figure replaces the one before it for its period, as in the office's
    dashboards; a figure still waiting for approval is not there at all.
    """
    targets = list(
        published_targets()
        .filter(indicator=indicator)
        .select_related("document", "place", "indicator")
        .order_by("place__level", "place__name", "document", "period", "pk")
    )
    in_force: dict[int, dict[str, Actual]] = defaultdict(dict)
    for figure in approved_figures().filter(target__in=[t.pk for t in targets]):
        in_force[figure.target_id][figure.period] = figure
    # One judging pass per resolution and period, not one per target (a breakdown
    # over a hundred communes is a hundred targets).
    groups: dict[tuple[int, str], list[int]] = defaultdict(list)
    for target in targets:
        groups[(target.document_id, target.period)].append(target.pk)
    documents = {target.document_id: target.document for target in targets}
    rows = {
        row.target.pk: row
        for (document_id, period), pks in groups.items()
        for row in target_rows(
            user=VISITOR, document=documents[document_id], period=period, pks=pks
        )
    }
    series = []
    for target in targets:
        figures = sorted(in_force[target.pk].values(), key=lambda a: Period.parse(a.period))
        points = [
            Point(Period.parse(a.period), a.value, a.is_estimate, a.source.strip()) for a in figures
        ]
        series.append(Series(target, points, rows[target.pk]))
    return series
