"""Keeping the stored verdicts (`targets.Verdict`) in step with what they are judged from.

Which periods get rows: every period a document's dashboard offers
(:func:`~nghiquyet.targets.in_force.periods_from_figures`, with the mid-term reviews), for
every live target of the document. Those are the targets' own periods (the year, the
term), every period with a figure sent to the office, and the term to date at each
year with figures. A dashboard, its filters and the summary sentence read any of them
without judging; a period outside that set (a report asking for a period nobody
reported) is judged on the spot by the selector, so no one reads a verdict that is
missing or stale. Rows of a period are added for all the document's targets the moment
a figure makes the dashboard show that period, and removed when nothing does any more.

Every service that changes what a verdict is judged from calls :func:`verdicts_refresh`
in its own transaction: approving a figure (a correction is an approval of a new
figure), sending one (it may add a period), adding, correcting, deleting or restoring a
target, or correcting an indicator (its kind and direction judge every target set on
it). Returning a figure changes neither the figures in force nor the periods shown, and a
period lock changes who may still send figures, never a judgement: they refresh nothing.
Each row also keeps what the dashboard's line draws beside the verdict: the pace
towards a multi-year target and the trend of its figures up to the period, so a page
judges nothing at read time. The periods themselves are stored too
(`targets.VerdictPeriod`), so a dashboard lists them without reading every figure. Once
the transaction commits, the national summary of the document's province is counted
again in the background (:func:`nghiquyet.targets.summaries.province_summary_refresh_start`).
Inside :func:`verdicts_batch` (an Excel import of a thousand rows) the refreshes are
gathered and done once per document at the end, in bulk.

The rules stay in `nghiquyet.evaluation`: this module only chooses the figures (through
:mod:`nghiquyet.targets.judging`, as every page does) and writes the judgements down.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from django.db import transaction
from django.utils import timezone

from nghiquyet.core.bulk import Upsert, insert_values
from nghiquyet.core.periods import Period
from nghiquyet.documents.models import Document
from nghiquyet.evaluation import TargetSpec
from nghiquyet.targets.dashboard_cache import dashboards_forget
from nghiquyet.targets.in_force import (
    PeriodsOffered,
    approved_in_force,
    periods_from_figures,
    spec_values,
)
from nghiquyet.targets.judging import (
    SPEC_PATHS,
    Counted,
    judge_for,
    spec_of_values,
    trajectory_of_spec,
    trend_in_force,
)
from nghiquyet.targets.models import Actual, Target
from nghiquyet.targets.models_verdict import (
    PARTS,
    SHOWN_PARTS,
    Verdict,
    VerdictPeriod,
    same_parts,
    verdict_parts,
)
from nghiquyet.targets.summaries import province_summary_refresh_start

#: Every stored column of a row, in the order :func:`judge_stored` gives them.
STORED = (*PARTS, *SHOWN_PARTS)
#: A ``values()`` row's parts of the spec, in the order of ``SPEC_PATHS``.
_spec_parts = itemgetter(*SPEC_PATHS)

Key = tuple[int, str]
Parts = tuple[Any, ...]

#: The refreshes an open :func:`verdicts_batch` has gathered: document → targets
#: (None: all of them).
_batch: ContextVar[dict[int, set[int] | None] | None] = ContextVar("verdicts_batch", default=None)


@dataclass
class Difference:
    """Stored rows that differ from a fresh judgement, by (target, period)."""

    missing: dict[Key, Parts] = field(default_factory=dict)
    changed: dict[Key, tuple[Parts, Parts]] = field(default_factory=dict)
    extra: list[Key] = field(default_factory=list)
    #: Rows dropped wholesale: of periods no longer offered, of targets deleted.
    removed: int = 0
    #: Stored dashboard periods (`VerdictPeriod`) missing, changed or no longer offered.
    periods: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(len(self))

    def __len__(self) -> int:
        return (
            len(self.missing)
            + len(self.changed)
            + len(self.extra)
            + self.removed
            + len(self.periods)
        )


def verdict_periods(*, document: Document | int) -> list[Period]:
    """The periods whose verdicts are stored for ``document``: those its dashboard offers."""
    offered = periods_from_figures(document=document)
    return sorted(offered.shown | offered.reviews)


def shown_parts(
    spec: Any, own: Period, in_force: dict[Period, Counted], period: Period
) -> tuple[str, list[list[Any]]]:
    """What a dashboard's line draws beside the verdict (:data:`SHOWN_PARTS`): the pace
    and the trend, as the target's own page computes them."""
    trajectory = trajectory_of_spec(spec, own, in_force, period)
    trend = [
        [point.period.code, str(point.value), point.estimate]
        for point in trend_in_force(in_force, until=period)
    ]
    return (trajectory.pace.value if trajectory else "", trend)


def judge_stored(
    *, document: Document | int, targets: Iterable[int] | None, periods: Iterable[Period]
) -> dict[Key, Parts]:
    """A fresh judgement, as stored parts, of each live target of ``document`` (or of those
    in ``targets``) at each of ``periods``."""
    periods = list(periods)
    live = Target.objects.filter(document=document)
    figures = Actual.objects.filter(target__document=document, target__deleted_at__isnull=True)
    if targets is not None:
        wanted = list(targets)
        live = live.filter(pk__in=wanted)
        figures = figures.filter(target__in=wanted)
    if not periods:
        return {}
    in_force = approved_in_force(figures)
    judged: dict[Key, Parts] = {}
    # Targets set alike (a commune breakdown of one indicator) share one spec: it is
    # frozen, and building it cost a tenth of judging. The key is each part's repr, so
    # 1.50 and 1.5, which a page prints differently, stay apart.
    specs: dict[tuple[str, ...], TargetSpec] = {}
    for row in spec_values(live.order_by()):
        key = tuple(map(repr, _spec_parts(row)))
        spec = specs.get(key)
        if spec is None:
            spec = specs[key] = spec_of_values(row)
        own = Period.parse(row["own_period"])
        figures_of = in_force.get(row["pk"], {})
        for period in periods:
            judgement = judge_for(spec, own, figures_of, period)[0]
            judged[row["pk"], period.code] = (
                *verdict_parts(judgement),
                *shown_parts(spec, own, figures_of, period),
            )
    return judged


def _stored(rows: Any) -> dict[Key, Parts]:
    return {
        (target_id, period): tuple(parts)
        for target_id, period, *parts in rows.values_list("target_id", "period", *STORED)
    }


def _compare(wanted: dict[Key, Parts], stored: dict[Key, Parts]) -> Difference:
    difference = Difference()
    for key, parts in wanted.items():
        if key not in stored:
            difference.missing[key] = parts
        elif not same_parts(stored[key], parts):
            difference.changed[key] = (stored[key], parts)
    difference.extra = [key for key in stored if key not in wanted]
    return difference


def verdicts_difference(*, document: Document | int) -> Difference:
    """How the stored verdicts of ``document`` differ from a fresh judgement of all of them."""
    offered = periods_from_figures(document=document)
    wanted = judge_stored(
        document=document, targets=None, periods=sorted(offered.shown | offered.reviews)
    )
    difference = _compare(wanted, _stored(Verdict.objects.filter(document=document)))
    difference.periods = _periods_difference(document, offered)[0]
    return difference


def _period_rows(offered: PeriodsOffered) -> dict[str, tuple[bool, bool, bool]]:
    """The `VerdictPeriod` rows ``offered`` calls for: code → (own, approved, review)."""
    return {
        period.code: (period in offered.own, period in offered.approved, period in offered.reviews)
        for period in offered.shown | offered.reviews
    }


def _periods_difference(
    document: Document | int, offered: PeriodsOffered
) -> tuple[list[str], dict[str, tuple[bool, bool, bool]]]:
    """The codes whose stored `VerdictPeriod` row is missing, differs or is not offered,
    and the rows wanted."""
    wanted = _period_rows(offered)
    stored = {
        code: tuple(flags)
        for code, *flags in VerdictPeriod.objects.filter(document=document).values_list(
            "period", "own", "approved", "review"
        )
    }
    differ = sorted(
        {code for code, flags in wanted.items() if stored.get(code) != flags}
        | (stored.keys() - wanted.keys())
    )
    return differ, wanted


def periods_refresh(*, document: Document | int) -> list[str]:
    """Store the periods ``document``'s dashboard offers, read from its figures; the codes
    that changed. For a load that wrote the verdicts behind the services' back."""
    document_id = document if isinstance(document, int) else document.pk
    return _write_periods(document_id, periods_from_figures(document=document_id))


def _write_periods(document_id: int, offered: PeriodsOffered) -> list[str]:
    """Bring ``document``'s stored dashboard periods in step; the codes that changed."""
    differ, wanted = _periods_difference(document_id, offered)
    if differ:
        VerdictPeriod.objects.filter(document_id=document_id, period__in=differ).delete()
        VerdictPeriod.objects.bulk_create(
            VerdictPeriod(
                document_id=document_id,
                period=code,
                own=wanted[code][0],
                approved=wanted[code][1],
                review=wanted[code][2],
            )
            for code in differ
            if code in wanted
        )
    return differ


def _write(document_id: int, difference: Difference) -> None:
    """Apply ``difference``: insert or overwrite what is missing or changed, drop the rest."""
    now = timezone.now()
    fresh = {**difference.missing, **{k: new for k, (_old, new) in difference.changed.items()}}
    if fresh:
        # Two approvals of one new period's figures in parallel both insert its rows.
        insert_values(
            Verdict,
            ["target_id", "document_id", "period", "computed_at", *STORED],
            [
                (target_id, document_id, period, now, *parts)
                for (target_id, period), parts in fresh.items()
            ],
            upsert=Upsert(unique=["target", "period"], update=[*STORED, "document", "computed_at"]),
        )
    by_target: dict[int, list[str]] = {}
    for target_id, period in difference.extra:
        by_target.setdefault(target_id, []).append(period)
    for target_id, periods in by_target.items():
        Verdict.objects.filter(target_id=target_id, period__in=periods).delete()


@transaction.atomic
def verdicts_refresh(
    *, document: Document | int, targets: Iterable[int] | None = None
) -> Difference:
    """Bring the stored verdicts of ``document`` in step, and say what changed.

    ``targets`` are the targets whose figures or particulars changed: they are judged
    again at every period. Every other target of the document is judged only at the
    periods its dashboard newly offers; rows of periods it no longer offers, and of
    targets deleted, go. None judges every target again (an import, a repair).
    Inside :func:`verdicts_batch` the work waits for the batch's end.
    """
    document_id = document if isinstance(document, int) else document.pk
    # Whatever called this changed what a dashboard shows, even when no verdict moves
    # (a figure submitted, not yet approved).
    dashboards_forget(document_id)
    pending = _batch.get()
    if pending is not None:
        if targets is None or pending.get(document_id, set()) is None:
            pending[document_id] = None
        else:
            pending.setdefault(document_id, set()).update(targets)
        return Difference()
    # Verdicts of one document are refreshed one transaction at a time: a refresh that
    # waited reads, once it holds the lock, the figures the other one committed.
    locked = Document._base_manager.select_for_update().filter(pk=document_id).first()
    offered = periods_from_figures(document=document_id)
    periods = sorted(offered.shown | offered.reviews)
    codes = {period.code for period in periods}
    stored_rows = Verdict.objects.filter(document_id=document_id)
    stored_codes = set(stored_rows.order_by().values_list("period", flat=True).distinct())
    live = Target.objects.filter(document_id=document_id).values("pk")
    gone = stored_rows.exclude(period__in=codes) | stored_rows.exclude(target_id__in=live)
    removed = gone.count()
    if removed:
        gone.delete()
    if targets is None:
        wanted = judge_stored(document=document_id, targets=None, periods=periods)
        stored = _stored(stored_rows)
    else:
        changed = set(targets)
        wanted = judge_stored(document=document_id, targets=changed, periods=periods)
        stored = _stored(stored_rows.filter(target_id__in=changed))
        added = [period for period in periods if period.code not in stored_codes]
        if added:
            # A period the dashboard now offers: every target gets its row.
            wanted = judge_stored(document=document_id, targets=None, periods=added) | wanted
            stored |= _stored(stored_rows.filter(period__in=[p.code for p in added]))
    difference = _compare(wanted, stored)
    _write(document_id, difference)
    difference.removed = removed
    difference.periods = _write_periods(document_id, offered)
    if difference and locked is not None and locked.province_id is not None:
        province_id = locked.province_id
        transaction.on_commit(lambda: province_summary_refresh_start(province_id=province_id))
    return difference


@contextmanager
def verdicts_batch() -> Iterator[None]:
    """Gather the refreshes of the block and do them once per document at its end.

    For a bulk path (an import) that calls many services: judging a document's targets
    once costs what judging one target costs a thousand times less. Nested batches join
    the outer one. Use inside the transaction of the changes.
    """
    if _batch.get() is not None:
        yield
        return
    token = _batch.set({})
    try:
        yield
        pending = _batch.get() or {}
    finally:
        _batch.reset(token)
    if transaction.get_connection().in_atomic_block and transaction.get_rollback():
        # The block's changes are being undone: there is nothing to keep in step.
        return
    for document_id, targets in pending.items():
        verdicts_refresh(document=document_id, targets=targets)
