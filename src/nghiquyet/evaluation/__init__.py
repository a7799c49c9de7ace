"""Pure evaluation of resolution targets: no Django, no third-party imports.

The Django `targets` app maps its models to `TargetSpec` and `Observation`, calls
`judge` (`judge_term` and `judge_in_year` for other horizons, `trajectory` and the
`pace_of_*` functions for the pace), and the `reports` app prints
`summary_sentence(summarize(judgements))`.
"""

from nghiquyet.evaluation.horizon import judge_in_year, judge_term
from nghiquyet.evaluation.judge import Judgement, judge
from nghiquyet.evaluation.numbers import (
    format_completion,
    format_figure,
    format_number,
    to_decimal,
)
from nghiquyet.evaluation.observation import Observation
from nghiquyet.evaluation.spec import Comparator, Direction, Horizon, Kind, Milestone, TargetSpec
from nghiquyet.evaluation.status import Status
from nghiquyet.evaluation.summary import (
    Review,
    Summary,
    summarize,
    summarize_groups,
    summary_sentence,
)
from nghiquyet.evaluation.trajectory import (
    Pace,
    Trajectory,
    pace_of_growth,
    pace_of_total,
    trajectory,
)

__all__ = [
    "Comparator",
    "Direction",
    "Horizon",
    "Judgement",
    "Kind",
    "Milestone",
    "Observation",
    "Pace",
    "Review",
    "Status",
    "Summary",
    "TargetSpec",
    "Trajectory",
    "format_completion",
    "format_figure",
    "format_number",
    "judge",
    "judge_in_year",
    "judge_term",
    "pace_of_growth",
    "pace_of_total",
    "summarize",
    "summarize_groups",
    "summary_sentence",
    "to_decimal",
    "trajectory",
]
