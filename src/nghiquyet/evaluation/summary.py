"""Counting the verdicts of a resolution for a period, and the sentence reports print.

"Có 25/28 chỉ tiêu đạt và vượt (trong đó 15 chỉ tiêu vượt); 3 chỉ tiêu chưa đạt."
"""

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Protocol

from nghiquyet.evaluation.judge import Judgement
from nghiquyet.evaluation.language import pick
from nghiquyet.evaluation.numbers import format_number
from nghiquyet.evaluation.status import Status


@dataclass(frozen=True)
class Summary:
    """Counts per status and the lowest completion among the targets not met.

    `lowest_completion` is None when no target falls short, or when one that falls
    short has no meaningful completion: "từ X% trở lên" must hold for every one of them.
    `estimates` counts judgements resting on "ước thực hiện" figures, `in_progress` the
    annual targets seen at an in-year period without an estimate for the year, and
    `to_date` the term targets judged before the term's end.
    """

    total: int
    exceeded: int
    achieved: int
    not_achieved: int
    no_data: int
    estimates: int
    lowest_completion: Decimal | None
    in_progress: int = 0
    to_date: int = 0

    @property
    def met(self) -> int:
        """Targets "đạt và vượt": the first number of the sentence."""
        return self.exceeded + self.achieved

    def count(self, status: Status) -> int:
        return {
            Status.EXCEEDED: self.exceeded,
            Status.ACHIEVED: self.achieved,
            Status.NOT_ACHIEVED: self.not_achieved,
            Status.NO_DATA: self.no_data,
            Status.IN_PROGRESS: self.in_progress,
        }[status]


class Judged(Protocol):
    """What a summary reads of a verdict: a `Judgement`, or a stored verdict that has not
    rebuilt its judgement (a dashboard counts a thousand and shows a hundred)."""

    @property
    def status(self) -> Status: ...

    @property
    def completion(self) -> Decimal | None: ...

    @property
    def estimate(self) -> bool: ...

    @property
    def to_date(self) -> bool: ...


def summarize(judgements: Iterable[Judgement | Judged]) -> Summary:
    """Count a resolution's judgements for one period."""
    judgements = list(judgements)
    groups = Counter((j.status, bool(j.estimate), bool(j.to_date)) for j in judgements)
    return summarize_groups(
        (
            (status, estimate, to_date, count)
            for (status, estimate, to_date), count in groups.items()
        ),
        [j.completion for j in judgements if j.status is Status.NOT_ACHIEVED],
    )


def summarize_groups(
    groups: Iterable[tuple[Status, bool, bool, int]], shortfalls: Iterable[Decimal | None]
) -> Summary:
    """:func:`summarize` from how many judgements share each (status, estimate, to date)
    and the completions of those not met: what a database counts without handing over
    a thousand rows."""
    counts: Counter[Status] = Counter()
    estimates = to_date = 0
    for status, estimate, term_to_date, count in groups:
        counts[status] += count
        # An estimate that decided no verdict (an in-year figure) makes no "ước có".
        if estimate and status.rank is not None:
            estimates += count
        if term_to_date:
            to_date += count
    shortfalls = list(shortfalls)
    lowest = None
    if shortfalls and None not in shortfalls:
        lowest = min(completion for completion in shortfalls if completion is not None)
    return Summary(
        total=sum(counts.values()),
        exceeded=counts[Status.EXCEEDED],
        achieved=counts[Status.ACHIEVED],
        not_achieved=counts[Status.NOT_ACHIEVED],
        no_data=counts[Status.NO_DATA],
        estimates=estimates,
        lowest_completion=lowest,
        in_progress=counts[Status.IN_PROGRESS],
        to_date=to_date,
    )


class Review(StrEnum):
    """Which review a sentence is written for: a mid-term review speaks of the term's
    end ("ước đến hết nhiệm kỳ"); the others of the period reviewed."""

    PERIOD = "period"
    MID_TERM = "mid_term"


_PARTS = {
    "vi": {
        "none": "Chưa có chỉ tiêu nào để đánh giá.",
        "met": "{opening} {met}/{total} chỉ tiêu đạt và vượt{document}",
        "plain": "Có",
        "estimated": "Ước có",
        "mid_term": "Ước đến hết nhiệm kỳ có",
        "exceeded": " (trong đó {exceeded} chỉ tiêu vượt)",
        "not_achieved": "{count} chỉ tiêu chưa đạt",
        "lowest": " (đạt từ {lowest}% trở lên)",
        "no_data": "{count} chỉ tiêu chưa có số liệu",
        "in_progress": "{count} chỉ tiêu chưa hết kỳ đánh giá",
    },
    "en": {
        "none": "There are no targets to assess.",
        "met": "{opening} {met} of {total} {targets} met or exceeded{document}",
        "plain": "",
        "estimated": "An estimated",
        "mid_term": "By the end of the term, an estimated",
        "exceeded": " ({exceeded} exceeded)",
        "not_achieved": "{count} not met",
        "lowest": " (each at least {lowest}%)",
        "no_data": "{count} without data",
        "in_progress": "{count} not yet due",
    },
}


def summary_sentence(
    summary: Summary,
    document_label: str | None = None,
    language: str = "vi",
    review: Review | None = None,
) -> str:
    """The sentence officials write about a resolution's targets.

    "Có 25/28 chỉ tiêu đạt và vượt (trong đó 15 chỉ tiêu vượt); 3 chỉ tiêu chưa đạt."
    The number not met is always stated, with the lowest completion floored to a whole
    percent ("từ 41% trở lên" must be true of 41,7%) only when it is below 100%, so
    "đạt từ 100% trở lên" never stands beside "chưa đạt". It opens with "Ước có" when
    any figure used is an estimate, and with "Ước đến hết nhiệm kỳ có" for a mid-term
    review (``review``, by default a mid-term one when a term target was judged to
    date). Targets without data, and in-year figures of annual targets, are counted
    after. ``document_label`` ("Nghị quyết") follows "đạt và vượt" when given.
    """
    parts = pick(_PARTS, language)
    if summary.total == 0:
        return parts["none"]
    if review is None:
        review = Review.MID_TERM if summary.to_date else Review.PERIOD
    if review is Review.MID_TERM:
        opening = parts["mid_term"]
    else:
        opening = parts["estimated"] if summary.estimates else parts["plain"]
    sentence = (
        parts["met"]
        .format(
            opening=opening,
            met=summary.met,
            total=summary.total,
            targets="target" if summary.total == 1 else "targets",
            document=f" {document_label}" if document_label else "",
        )
        .strip()
    )
    sentence = sentence[0].upper() + sentence[1:]
    if summary.exceeded:
        sentence += parts["exceeded"].format(exceeded=summary.exceeded)
    clauses = [sentence]
    if summary.not_achieved:
        clause = parts["not_achieved"].format(count=summary.not_achieved)
        lowest = summary.lowest_completion
        if lowest is not None and math.floor(lowest) < 100:
            clause += parts["lowest"].format(
                lowest=format_number(math.floor(lowest), language=language)
            )
        clauses.append(clause)
    if summary.no_data:
        clauses.append(parts["no_data"].format(count=summary.no_data))
    if summary.in_progress:
        clauses.append(parts["in_progress"].format(count=summary.in_progress))
    return "; ".join(clauses) + "."
