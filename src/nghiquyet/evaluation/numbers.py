"""Exact numbers in, Vietnamese-formatted numbers out.

Figures in resolutions are money, shares and growth rates; they are compared and
divided in `Decimal` so that 94.95% stays 94.95%. Floats are accepted at the edge and
converted through their shortest text form, so 8.7 becomes Decimal("8.7") and not the
binary approximation.
"""

from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation

from nghiquyet.evaluation.language import pick

Number = int | float | Decimal | str

# No figure a province reports comes near 10^30, however small the unit; refusing
# larger or smaller magnitudes up front keeps every later division and rounding exact
# and free of overflow, which lets `judge` promise never to raise.
MAX_EXPONENT = 30

_SEPARATORS = {"vi": (".", ","), "en": (",", ".")}


def to_decimal(value: Number) -> Decimal:
    """Convert an int, float, Decimal or numeric string to a finite Decimal.

    Raises ValueError for booleans, non-numbers, NaN, infinities and magnitudes
    beyond 10^±MAX_EXPONENT: bad input fails where it enters, not deep in a report.
    """
    if isinstance(value, bool):
        raise ValueError(f"not a number: {value!r}")
    try:
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    except (InvalidOperation, TypeError, ValueError) as error:
        raise ValueError(f"not a number: {value!r}") from error
    if not number.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    if number and abs(number.adjusted()) > MAX_EXPONENT:
        raise ValueError(f"out of range: {value!r}")
    return number


def round_half_up(value: Decimal, places: int) -> Decimal:
    """Round the way officials do (0,5 goes up), whatever the size of the value.

    The context precision is widened to the digits needed, so quantize never fails.
    """
    exponent = Decimal(1).scaleb(-places)
    digits = max(value.adjusted(), 0) + places + 2
    return value.quantize(exponent, rounding=ROUND_HALF_UP, context=Context(prec=digits))


def round_apart(value: Decimal, other: Decimal, places: int = 2) -> Decimal:
    """``value`` rounded half up to ``places`` decimals, or to more when fewer would make
    it equal ``other`` (or cross it) while the exact figures differ.

    The one rounding rule of the system: judge on exact figures, and show as many
    decimals as it takes for a shown comparison to agree with the verdict, so that
    8,4999% against 8,5% reads "8,4999%" and never "8,5% < 8,5%".
    """
    side = (value > other) - (value < other)
    for extra in range(places, places + 28):
        rounded = round_half_up(value, extra)
        if (rounded > other) - (rounded < other) == side:
            return rounded
    return value


def places_apart(first: Decimal, second: Decimal, places: int = 2) -> int:
    """The decimals (at least ``places``) two figures need so that, rounded, they compare
    as their exact values do."""
    side = (first > second) - (first < second)
    for extra in range(places, places + 28):
        a, b = round_half_up(first, extra), round_half_up(second, extra)
        if (a > b) - (a < b) == side:
            return extra
    return places + 28


def format_number(value: Number, places: int | None = None, language: str = "vi") -> str:
    """Write a number the way reports do: "34.000", "94,95", "-1,5".

    `places` rounds half up to that many decimals; None keeps the decimals the value
    already has (trailing zeros of a Decimal included, as they carry precision).
    Vietnamese groups thousands with "." and separates decimals with ","; English
    ("en") the other way round.
    """
    number = _exact(value)
    if places is not None:
        number = round_half_up(number, places)
    return _written(number, f"{abs(number):f}", language)


def format_figure(value: Number, language: str = "vi", max_places: int = 2) -> str:
    """Write a figure as a person would quote it: "8,7", "6.000", "102,35".

    At most `max_places` decimals (rounded half up) and no trailing zeros, for rule
    texts where a derived growth rate of 8,333…% must read "8,33".
    """
    number = _exact(value)
    text = _without_trailing_zeros(f"{abs(number):f}")
    if len(text.partition(".")[2]) > max_places:
        number = round_half_up(number, max_places)
        text = _without_trailing_zeros(f"{abs(number):f}")
    return _written(number, text, language)


def format_completion(value: Decimal | None, language: str = "vi") -> str:
    """A completion percentage as every page, sheet and report prints it: "101,25%".

    A judgement's completion already carries the decimals it needs (two, or more so that
    it never reads 100% for a target missed by a hair), so it is written with all of
    them and no trailing zeros; "—" when there is none.
    """
    if value is None:
        return "—"
    places = max(-value.as_tuple().exponent, 0) if isinstance(value, Decimal) else 2
    return format_figure(value, language, max_places=max(places, 2)) + "%"


def _without_trailing_zeros(digits: str) -> str:
    """ "102.3500" → "102.35", "6000.00" → "6000"; digits without a decimal point stay."""
    return digits.rstrip("0").rstrip(".") if "." in digits else digits


def _written(number: Decimal, digits: str, language: str) -> str:
    """``digits`` (the plain text of ``number``'s magnitude) grouped and marked the
    way ``language`` writes numbers. Text work rather than Decimal work: a dashboard
    writes thousands of figures a page."""
    thousands, decimal_mark = pick(_SEPARATORS, language)
    whole, _, fraction = digits.partition(".")
    groups = []
    while len(whole) > 3:
        whole, group = whole[:-3], whole[-3:]
        groups.insert(0, group)
    grouped = thousands.join([whole, *groups])
    sign = "-" if number < 0 else ""
    return sign + grouped + (decimal_mark + fraction if fraction else "")


def _exact(value: Number) -> Decimal:
    """A Decimal as is (computed figures may lie beyond the input range), else converted."""
    return value if isinstance(value, Decimal) else to_decimal(value)
