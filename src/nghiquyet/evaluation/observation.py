"""What an agency reported for a period, as plain values."""

from dataclasses import dataclass
from decimal import Decimal

from nghiquyet.evaluation.numbers import to_decimal
from nghiquyet.evaluation.spec import Milestone


@dataclass(frozen=True)
class Observation:
    """One reported actual.

    Give the figure in one of three forms:
    - `value`: already in the target's terms (the growth rate for a growth target);
    - `level`: the indicator's level, from which growth or change is derived against
      the target's base value (for other kinds the level is the figure);
    - `numerator` and `denominator`: a ratio, scaled by the target's `per`.
    None of them means the agency reported without a figure, which judges as no data.
    `estimate` marks an "ước thực hiện" figure, shown as "(ước)" until the official
    one replaces it. `period` is a free label ("2024", "2024-H1") for traceability;
    `year` is the year the figure is for, which a compound rate from a base year needs.
    `milestone` is where a milestone target stands (a value, if given, is the share done).
    """

    value: Decimal | None = None
    level: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    estimate: bool = False
    period: str = ""
    year: int | None = None
    milestone: Milestone | None = None

    def __post_init__(self) -> None:
        if self.milestone is not None:
            object.__setattr__(self, "milestone", Milestone(self.milestone))
        for name in ("value", "level", "numerator", "denominator"):
            if getattr(self, name) is not None:
                object.__setattr__(self, name, to_decimal(getattr(self, name)))
        if (self.numerator is None) != (self.denominator is None):
            raise ValueError("numerator and denominator go together")
        forms = [self.value, self.level, self.numerator]
        if sum(form is not None for form in forms) > 1:
            raise ValueError("give one of value, level or numerator/denominator")
