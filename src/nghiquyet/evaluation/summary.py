"""Counting the verdicts of a resolution for a period, and the sentence reports print.

"Có 7/24 chỉ tiêu đạt và vượt Nghị quyết (trong đó 3 chỉ tiêu vượt); các chỉ tiêu còn
lại đạt từ 41% trở lên."
"""

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from nghiquyet.evaluation.judge import Judgement
from nghiquyet.evaluation.language import pick
from nghiquyet.evaluation.numbers import format_number
from nghiquyet.evaluation.status import Status


@dataclass(frozen=True)
class Summary:
    """Counts per status and the lowest completion among the targets not met.

    `lowest_completion` is None when no target falls short, or when one that falls
    short has no meaningful completion: "từ X% trở lên" must hold for every one of them.
    `estimates` counts judgements resting on "ước thực hiện" figures.
    """

    total: int
    exceeded: int
    achieved: int
    not_achieved: int
    no_data: int
    estimates: int
    lowest_completion: Decimal | None

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
        }[status]


def summarize(judgements: Iterable[Judgement]) -> Summary:
    """Count a resolution's judgements for one period."""
    judgements = list(judgements)
    counts = Counter(judgement.status for judgement in judgements)
    shortfalls = [j.completion for j in judgements if j.status is Status.NOT_ACHIEVED]
    lowest = None
    if shortfalls and None not in shortfalls:
        lowest = min(completion for completion in shortfalls if completion is not None)
    return Summary(
        total=len(judgements),
        exceeded=counts[Status.EXCEEDED],
        achieved=counts[Status.ACHIEVED],
        not_achieved=counts[Status.NOT_ACHIEVED],
        no_data=counts[Status.NO_DATA],
        estimates=sum(judgement.estimate for judgement in judgements),
        lowest_completion=lowest,
    )


_PARTS = {
    "vi": {
        "none": "Chưa có chỉ tiêu nào để đánh giá.",
        "met": "Có {met}/{total} chỉ tiêu đạt và vượt {document}",
        "exceeded": " (trong đó {exceeded} chỉ tiêu vượt)",
        "no_data": "{no_data} chỉ tiêu chưa có số liệu",
        "rest_from": "các chỉ tiêu còn lại đạt từ {lowest}% trở lên",
        "rest_short": "các chỉ tiêu còn lại chưa đạt",
        "document": "Nghị quyết",
    },
    "en": {
        "none": "There are no targets to assess.",
        "met": "{met} of {total} {targets} met or exceeded the {document}",
        "exceeded": " ({exceeded} exceeded)",
        "no_data": "{no_data} had no data",
        "rest_from": "the others reached at least {lowest}%",
        "rest_short": "the others fell short",
        "document": "Resolution",
    },
}


def summary_sentence(
    summary: Summary, document_label: str | None = None, language: str = "vi"
) -> str:
    """The sentence officials write about a resolution's targets.

    The lowest completion is floored to a whole percent, because "từ 41% trở lên" must
    be true of 41,7%. Targets without data are named before "các chỉ tiêu còn lại", so
    that "the others" means exactly the targets that fell short. `document_label`
    defaults to "Nghị quyết" / "Resolution".
    """
    parts = pick(_PARTS, language)
    if summary.total == 0:
        return parts["none"]
    sentence = parts["met"].format(
        met=summary.met,
        total=summary.total,
        targets="target" if summary.total == 1 else "targets",
        document=document_label or parts["document"],
    )
    if summary.exceeded:
        sentence += parts["exceeded"].format(exceeded=summary.exceeded)
    clauses = [sentence]
    if summary.no_data:
        clauses.append(parts["no_data"].format(no_data=summary.no_data))
    if summary.not_achieved:
        if summary.lowest_completion is None:
            clauses.append(parts["rest_short"])
        else:
            lowest = format_number(math.floor(summary.lowest_completion), language=language)
            clauses.append(parts["rest_from"].format(lowest=lowest))
    return "; ".join(clauses) + "."
