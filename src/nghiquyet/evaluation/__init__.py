"""Pure evaluation of resolution targets: no Django, no third-party imports.

The Django `targets` app maps its models to `TargetSpec` and `Observation`, calls
`judge` (and `trajectory` for multi-year targets), and the `reports` app prints
`summary_sentence(summarize(judgements))`.
"""

from nghiquyet.evaluation.judge import Judgement, judge
from nghiquyet.evaluation.numbers import format_figure, format_number, to_decimal
from nghiquyet.evaluation.observation import Observation
from nghiquyet.evaluation.spec import Comparator, Direction, Kind, TargetSpec
from nghiquyet.evaluation.status import Status
from nghiquyet.evaluation.summary import Summary, summarize, summary_sentence
from nghiquyet.evaluation.trajectory import Pace, Trajectory, trajectory

__all__ = [
    "Comparator",
    "Direction",
    "Judgement",
    "Kind",
    "Observation",
    "Pace",
    "Status",
    "Summary",
    "TargetSpec",
    "Trajectory",
    "format_figure",
    "format_number",
    "judge",
    "summarize",
    "summary_sentence",
    "to_decimal",
    "trajectory",
]
