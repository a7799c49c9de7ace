"""Judging one target for one period: status, completion and the rule that decided."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from nghiquyet.evaluation.figure import DONE, Figure, derive
from nghiquyet.evaluation.numbers import round_apart
from nghiquyet.evaluation.observation import Observation
from nghiquyet.evaluation.rules import FULL, completion_of, status_of
from nghiquyet.evaluation.spec import Kind, Milestone, TargetSpec
from nghiquyet.evaluation.status import Status
from nghiquyet.evaluation.wording import (
    describe,
    describe_milestone,
    describe_missing,
    describe_progress,
)


@dataclass(frozen=True)
class Judgement:
    """The verdict on one target, computed and never entered by hand.

    `figure` is what was compared (the growth rate, the term total…), `completion`
    the percentage under the rules of `nghiquyet.evaluation.rules` (None when no ratio
    is meaningful), `estimate` whether any figure used was "ước thực hiện", and
    `rule_key` a stable machine key: "<comparator>.<direction>.<status>" such as
    "ge.more_is_better.exceeded", "milestone.<stage>", or "no_data.<reason>" such as
    "no_data.no_base". `progress` is the share of the plan reached so far when the
    period is shorter than the target's horizon (nine months of a year's plan, three
    years of a term total). `to_date` marks a term target judged before the term's end
    against the pace needed: the verdict then says where the term is heading ("ước đến
    hết nhiệm kỳ"). `milestone` is where a milestone target stands.
    """

    spec: TargetSpec
    status: Status
    figure: Decimal | None
    completion: Decimal | None
    estimate: bool
    rule_key: str
    progress: Decimal | None = None
    to_date: bool = False
    milestone: Milestone | None = None

    @property
    def rule(self) -> str:
        """The rule in Vietnamese, the language of the reports."""
        return self.explain("vi")

    def explain(self, language: str = "vi") -> str:
        """The rule that produced this judgement, in `language` ("vi" or "en")."""
        if self.status is Status.IN_PROGRESS and self.figure is not None:
            return describe_progress(self.spec, self.figure, self.progress, language)
        if self.milestone is not None:
            return describe_milestone(self.status, self.milestone, self.estimate, language)
        if self.figure is None:
            return describe_missing(self.rule_key.partition(".")[2], language)
        return describe(
            self.spec, self.status, self.figure, self.estimate, language, progress=self.progress
        )


def judge(spec: TargetSpec, observations: Sequence[Observation] = ()) -> Judgement:
    """Judge a target from the observations of the period, oldest first.

    A cumulative target sums them; any other kind takes the latest that yields a
    figure. Never raises: whatever cannot be computed becomes "chưa có số liệu" or a
    completion of None, with the reason in the rule.
    """
    return judge_figure(spec, derive(spec, observations))


def judge_figure(spec: TargetSpec, figure: Figure) -> Judgement:
    """Judge a figure already derived (a term's sum or mean, a year's estimate)."""
    if figure.value is None:
        return Judgement(
            spec=spec,
            status=Status.NO_DATA,
            figure=None,
            completion=None,
            estimate=False,
            rule_key=f"no_data.{figure.missing}",
        )
    if spec.kind is Kind.MILESTONE:
        return _milestone(spec, figure)
    status = status_of(spec, figure.value)
    return Judgement(
        spec=spec,
        status=status,
        figure=figure.value,
        completion=completion_of(spec, figure.value),
        estimate=figure.estimate,
        rule_key=f"{spec.comparator.code}.{spec.direction.value}.{status.value}",
    )


def _milestone(spec: TargetSpec, figure: Figure) -> Judgement:
    """Done is "đạt" (100%); not started or under way is "chưa đạt", with the share done
    when the agency gave one: the stage decides, so "đang thực hiện" never counts as met."""
    stage = figure.milestone or Milestone.NOT_STARTED
    assert figure.value is not None
    done = stage is Milestone.DONE
    return Judgement(
        spec=spec,
        status=Status.ACHIEVED if done else Status.NOT_ACHIEVED,
        figure=figure.value,
        completion=FULL if done else round_apart(max(min(figure.value, DONE), Decimal(0)), DONE),
        estimate=figure.estimate,
        rule_key=f"milestone.{stage.value}",
        milestone=stage,
    )
