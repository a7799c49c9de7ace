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

    @property
    def is_movement(self) -> bool:
        """Growth and change measure a move from a base, and may rightly be negative."""
        return self in (Kind.GROWTH, Kind.CHANGE)

    def label(self, language: str = "vi") -> str:
        return pick(KIND_LABELS, language)[self]


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
    },
    "en": {
        Kind.LEVEL: "level",
        Kind.SHARE: "share",
        Kind.GROWTH: "growth",
        Kind.CHANGE: "change",
        Kind.COUNT: "count",
        Kind.RATIO: "ratio",
        Kind.CUMULATIVE: "cumulative total",
    },
}

# "khoảng 27%" is met by anything within 2% of 27% either way (26,46%–27,54%): close
# enough that no official would call it missed, narrow enough that 26% is not "about 27".
APPROX_TOLERANCE = Decimal("0.02")


@dataclass(frozen=True)
class TargetSpec:
    """One target as the evaluation needs it.

    Numbers may be given as int, float, Decimal or numeric string; they are stored as
    Decimal. `value` is the figure in the target's own terms: the level, the share in
    percent, the growth rate in percent, or the signed change in points (a fall of 1,5
    points is -1,5). `base_value` is the base-year level, used to derive growth or
    change when an observation reports a level. `per` scales numerator/denominator
    observations (10000 for "per vạn dân"); it defaults to 100 for shares and 1
    otherwise. `tolerance` is the relative band of the "~" comparator.
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

    def __post_init__(self) -> None:
        # Frozen, so normalisation goes through object.__setattr__.
        object.__setattr__(self, "comparator", Comparator(self.comparator))
        object.__setattr__(self, "direction", Direction(self.direction))
        object.__setattr__(self, "kind", Kind(self.kind))
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
