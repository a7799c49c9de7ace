"""Judging one target for one period: status, completion and the rule that decided."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from nghiquyet.evaluation.figure import derive
from nghiquyet.evaluation.observation import Observation
from nghiquyet.evaluation.rules import completion_of, status_of
from nghiquyet.evaluation.spec import TargetSpec
from nghiquyet.evaluation.status import Status
from nghiquyet.evaluation.wording import describe, describe_missing


@dataclass(frozen=True)
class Judgement:
    """The verdict on one target, computed and never entered by hand.

    `figure` is what was compared (the growth rate, the term total…), `completion`
    the percentage under the rules of `nghiquyet.evaluation.rules` (None when no ratio
    is meaningful), `estimate` whether any figure used was "ước thực hiện", and
    `rule_key` a stable machine key: "<comparator>.<direction>.<status>" such as
    "ge.more_is_better.exceeded", or "no_data.<reason>" such as "no_data.no_base".
    """

    spec: TargetSpec
    status: Status
    figure: Decimal | None
    completion: Decimal | None
    estimate: bool
    rule_key: str

    @property
    def rule(self) -> str:
        """The rule in Vietnamese, the language of the reports."""
        return self.explain("vi")

    def explain(self, language: str = "vi") -> str:
        """The rule that produced this judgement, in `language` ("vi" or "en")."""
        if self.figure is None:
            return describe_missing(self.rule_key.removeprefix("no_data."), language)
        return describe(self.spec, self.status, self.figure, self.estimate, language)


def judge(spec: TargetSpec, observations: Sequence[Observation] = ()) -> Judgement:
    """Judge a target from the observations of the period, oldest first.

    A cumulative target sums them; any other kind takes the latest that yields a
    figure. Never raises: whatever cannot be computed becomes "chưa có số liệu" or a
    completion of None, with the reason in the rule.
    """
    figure = derive(spec, observations)
    if figure.value is None:
        return Judgement(
            spec=spec,
            status=Status.NO_DATA,
            figure=None,
            completion=None,
            estimate=False,
            rule_key=f"no_data.{figure.missing}",
        )
    status = status_of(spec, figure.value)
    return Judgement(
        spec=spec,
        status=status,
        figure=figure.value,
        completion=completion_of(spec, figure.value),
        estimate=figure.estimate,
        rule_key=f"{spec.comparator.code}.{spec.direction.value}.{status.value}",
    )
