"""What a target asks for, as plain values the Django `targets` app maps its models to."""

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from nghiquyet.evaluation.language import pick
from nghiquyet.evaluation.numbers import to_decimal


class Direction(StrEnum):
    """Which way the indicator improves; a property of the indicator, not of the text."""

    MORE_IS_BETTER = "more_is_better"
    LESS_IS_BETTER = "less_is_better"

    @property
    def sign(self) -> int:
        """+1 or -1: multiplying a figure by it turns "better" into "larger"."""
        return 1 if self is Direction.MORE_IS_BETTER else -1

    def label(self, language: str = "vi") -> str:
        return pick(DIRECTION_LABELS, language)[self]


class Comparator(StrEnum):
    """The relation the text states between the actual and the figure."""

    GE = ">="  # "8,5% trở lên"
    GT = ">"  # "trên 88 triệu đồng"
    LE = "<="  # "không quá", "tối đa"
    LT = "<"  # "dưới 2%"
    APPROX = "~"  # "khoảng", "gần 27%"
    EQ = "="  # "đạt 99,7%" or a bare figure: reach it, in the good direction
    RANGE = "range"  # "từ 5% đến 6%", with value_max

    @property
    def code(self) -> str:
        """A word-like name for machine keys, since the values are symbols."""
        return self.name.lower()

    @property
    def sense(self) -> int:
        """+1 for a floor (GE, GT), -1 for a ceiling (LE, LT), 0 when it has no side."""
        return _SENSES.get(self, 0)

    @property
    def strict(self) -> bool:
        return self in (Comparator.GT, Comparator.LT)

    def label(self, language: str = "vi") -> str:
        """The words of the resolution for this comparator, for forms and tables."""
        return pick(COMPARATOR_LABELS, language)[self]


class Kind(StrEnum):
    """What sort of figure the target sets; decides how observations become one figure."""

    LEVEL = "level"  # budget revenue 6.000 tỷ đồng
    SHARE = "share"  # health-insurance coverage 94,95%
    GROWTH = "growth"  # GRDP +8,5% compared with the base year
    CHANGE = "change"  # poverty rate down 1,5 points: the signed change in points
    COUNT = "count"  # 520 new enterprises
    RATIO = "ratio"  # 12 doctors per 10.000 people
    CUMULATIVE = "cumulative"  # a term figure, the sum of the yearly actuals
    REDUCTION = "reduction"  # "giảm 1–1,5%/năm": the fall, written positive as officials do
    MILESTONE = "milestone"  # "Hoàn thành sắp xếp đơn vị hành chính cấp xã": done or not

    @property
    def is_movement(self) -> bool:
        """Growth, change and reduction measure a move from a base, and may rightly be
        negative (a reduction below zero is a rise)."""
        return self in (Kind.GROWTH, Kind.CHANGE, Kind.REDUCTION)

    @property
    def is_amount(self) -> bool:
        """Counts and amounts add up over periods (jobs, revenue); rates and shares do not,
        so a per-year target is judged over the term on their sum, the others on the mean."""
        return self in (Kind.LEVEL, Kind.COUNT, Kind.CUMULATIVE)

    def label(self, language: str = "vi") -> str:
        return pick(KIND_LABELS, language)[self]


class Horizon(StrEnum):
    """What the target's figure is set for.

    PERIOD: the target's own period, a year ("năm 2025") or the end of a term ("đến năm
    2025", a term total). PER_YEAR: each year of the term ("25.000 lao động/năm", "tăng
    bình quân 9%/năm"), judged each year and over the term.
    """

    PERIOD = "period"
    PER_YEAR = "per_year"


class Milestone(StrEnum):
    """Where a milestone target stands; the values are stable codes for the API."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"

    def label(self, language: str = "vi") -> str:
        return pick(MILESTONE_LABELS, language)[self]


MILESTONE_LABELS: dict[str, dict[Milestone, str]] = {
    "vi": {
        Milestone.NOT_STARTED: "chưa thực hiện",
        Milestone.IN_PROGRESS: "đang thực hiện",
        Milestone.DONE: "hoàn thành",
    },
    "en": {
        Milestone.NOT_STARTED: "not started",
        Milestone.IN_PROGRESS: "in progress",
        Milestone.DONE: "done",
    },
}


_SENSES = {Comparator.GE: 1, Comparator.GT: 1, Comparator.LE: -1, Comparator.LT: -1}

COMPARATOR_LABELS: dict[str, dict[Comparator, str]] = {
    "vi": {
        Comparator.GE: "trở lên",
        Comparator.GT: "trên",
        Comparator.LE: "không quá",
        Comparator.LT: "dưới",
        Comparator.APPROX: "khoảng",
        Comparator.EQ: "đạt",
        Comparator.RANGE: "từ … đến …",
    },
    "en": {
        Comparator.GE: "at least",
        Comparator.GT: "above",
        Comparator.LE: "at most",
        Comparator.LT: "below",
        Comparator.APPROX: "about",
        Comparator.EQ: "reach",
        Comparator.RANGE: "from … to …",
    },
}

DIRECTION_LABELS: dict[str, dict[Direction, str]] = {
    "vi": {
        Direction.MORE_IS_BETTER: "càng cao càng tốt",
        Direction.LESS_IS_BETTER: "càng thấp càng tốt",
    },
    "en": {
        Direction.MORE_IS_BETTER: "higher is better",
        Direction.LESS_IS_BETTER: "lower is better",
    },
}

KIND_LABELS: dict[str, dict[Kind, str]] = {
    "vi": {
        Kind.LEVEL: "mức",
        Kind.SHARE: "tỷ lệ",
        Kind.GROWTH: "tăng trưởng",
        Kind.CHANGE: "thay đổi",
        Kind.COUNT: "số lượng",
        Kind.RATIO: "tỷ số",
        Kind.CUMULATIVE: "lũy kế",
        Kind.REDUCTION: "giảm",
        Kind.MILESTONE: "mốc",
    },
    "en": {
        Kind.LEVEL: "level",
        Kind.SHARE: "share",
        Kind.GROWTH: "growth",
        Kind.CHANGE: "change",
        Kind.COUNT: "count",
        Kind.RATIO: "ratio",
        Kind.CUMULATIVE: "cumulative total",
        Kind.REDUCTION: "reduction",
        Kind.MILESTONE: "milestone",
    },
}

# "khoảng 27%" is met by anything within 2% of 27% either way (26,46%–27,54%): close
# enough that no official would call it missed, narrow enough that 26% is not "about 27".
# The resolution's owner may set another band per target.
APPROX_TOLERANCE = Decimal("0.02")


@dataclass(frozen=True)
class TargetSpec:
    """One target as the evaluation needs it.

    Numbers may be given as int, float, Decimal or numeric string; they are stored as
    Decimal. `value` is the figure in the target's own terms: the level, the share in
    percent, the signed change in points (a rise of 1,5 points is 1,5), the fall for a
    reduction as officials write it (a fall of 1,2 points is 1,2), or 100 (percent done)
    for a milestone. `base_value` is the level of `base_year`, from which growth, change
    or reduction is derived when an observation reports a level; a per-year growth
    ("tăng bình quân 9%/năm") is then the compound annual rate from `base_year` to the
    observation's year. `per` scales numerator/denominator observations (10000 for "per
    vạn dân"); it defaults to 100 for shares and 1 otherwise. `tolerance` is the
    relative band of the "~" comparator. `horizon` says whether the figure is for the
    period or for each year of it.
    """

    comparator: Comparator
    value: Decimal
    direction: Direction = Direction.MORE_IS_BETTER
    kind: Kind = Kind.LEVEL
    value_max: Decimal | None = None
    base_value: Decimal | None = None
    unit: str = ""
    per: Decimal | None = None
    tolerance: Decimal = APPROX_TOLERANCE
    base_year: int | None = None
    horizon: Horizon = Horizon.PERIOD

    def __post_init__(self) -> None:
        # Frozen, so normalisation goes through object.__setattr__.
        object.__setattr__(self, "comparator", Comparator(self.comparator))
        object.__setattr__(self, "direction", Direction(self.direction))
        object.__setattr__(self, "kind", Kind(self.kind))
        object.__setattr__(self, "horizon", Horizon(self.horizon))
        for name in ("value", "tolerance"):
            object.__setattr__(self, name, to_decimal(getattr(self, name)))
        for name in ("value_max", "base_value", "per"):
            if getattr(self, name) is not None:
                object.__setattr__(self, name, to_decimal(getattr(self, name)))
        if self.per is None:
            object.__setattr__(self, "per", Decimal(100 if self.kind is Kind.SHARE else 1))
        self._check()

    def _check(self) -> None:
        """Refuse specs no report could mean, so a wrong mapping fails where it is made."""
        if self.comparator is Comparator.RANGE:
            if self.value_max is None:
                raise ValueError("a range target needs value_max")
            if self.value_max < self.value:
                raise ValueError("value_max must not be below value")
        elif self.value_max is not None:
            raise ValueError("value_max only belongs to a range target")
        if self.tolerance < 0:
            raise ValueError("tolerance must not be negative")
        if self.per is not None and self.per <= 0:
            raise ValueError("per must be positive")
