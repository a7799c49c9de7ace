"""Refreshing the per-province summary of stored verdicts (`ProvinceSummary`).

The national view reads the summary, never the verdicts of every target. A
refresh counts the stored verdicts again for one period or for all; it runs after
the verdicts change (a background job once jobs run on the task framework, or by
hand), and each row keeps the time it was counted so a page can say how fresh it is.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from nghiquyet.targets.models import ProvinceSummary, Verdict, VerdictStatus

#: The count column of each verdict.
COLUMNS = {
    VerdictStatus.EXCEEDED: "exceeded",
    VerdictStatus.ACHIEVED: "achieved",
    VerdictStatus.NOT_ACHIEVED: "not_achieved",
    VerdictStatus.IN_PROGRESS: "in_progress",
    VerdictStatus.NO_DATA: "no_data",
}


@transaction.atomic
def province_summaries_refresh(*, period: str | None = None) -> int:
    """Count the stored verdicts of live targets per province for ``period`` (or every
    period) and replace the summary rows with the counts; returns how many rows.

    Replaced in one transaction: a reader sees the old counts or the new, never a mix.
    """
    verdicts = Verdict.objects.filter(
        target__deleted_at__isnull=True, document__deleted_at__isnull=True
    )
    stale = ProvinceSummary.objects.all()
    if period is not None:
        verdicts = verdicts.filter(period=period)
        stale = stale.filter(period=period)
    counts = (
        verdicts.order_by()
        .values("document__province_id", "period")
        .annotate(
            total=Count("pk"),
            **{column: Count("pk", filter=Q(status=status)) for status, column in COLUMNS.items()},
        )
    )
    now = timezone.now()
    rows = [
        ProvinceSummary(
            province_id=row["document__province_id"],
            period=row["period"],
            targets=row["total"],
            refreshed_at=now,
            **{column: row[column] for column in COLUMNS.values()},
        )
        for row in counts
    ]
    stale.delete()
    ProvinceSummary.objects.bulk_create(rows, batch_size=1000)
    return len(rows)
