"""The one check every stored figure and every stored text passes, whoever writes it.

Pages, the API, the Excel import, the admin and scripts all write through the
services; the services call :func:`figure` for each number they are given and
:func:`check_fields` on each record before saving it. A value that does not fit is
refused with a message in the user's language, never rounded or cut silently: a
figure of 8,49999 stored as 8,5 would turn "chưa đạt" into "đạt", and a figure too
large for its column would make every page that reads it fail.

Figures are stored in decimal columns with :data:`FIGURE_PLACES` decimals and at
most :data:`FIGURE_SIGNIFICANT` digits in all, so the largest is 999.999.999.999.999
and the most precise such as 12.345.678.901,2345.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation, localcontext
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from nghiquyet.core.language import current_language
from nghiquyet.evaluation.numbers import format_number

FIGURE_DIGITS = 20
FIGURE_PLACES = 4
#: SQLite keeps a decimal column as a 64-bit float and Django reads it back with 15
#: significant digits, so a 16th digit would change unseen there; the same limit
#: holds on PostgreSQL, so that a figure reads the same on either database.
FIGURE_SIGNIFICANT = 15

#: How a figure may be written as text, outside a page's own language:
#: "8,5" and "34.000,5" (Vietnamese: comma for decimals, dots between thousands),
#: "8.5" and "1e3" (a decimal point, as in JSON). "34.000" alone is ambiguous.
_COMMA_DECIMAL = re.compile(r"[+-]?(\d+|\d{1,3}(\.\d{3})+),\d+")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(\.\d{3})+")
_AMBIGUOUS = re.compile(r"[+-]?[1-9]\d{0,2}\.\d{3}")
_POINT_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_NOT_FINITE = {"nan", "snan", "inf", "infinity"}

#: Text of a figure as the rule for strings reads it, for the API's documentation.
TEXT_RULE = (
    "A figure is a JSON number (34000, 8.5: the point is the decimal mark) or a string "
    'written the Vietnamese way: "8,5" (comma = decimal mark), "34.000" is refused as '
    'ambiguous, "1.234.567" and "34.000,5" (dots between thousands, with a decimal comma). '
    f"At most {FIGURE_PLACES} decimals and {FIGURE_SIGNIFICANT} digits in all; NaN and "
    "Infinity are refused, and nothing is rounded."
)


def _shown(value: Any) -> str:
    """The input as the person wrote it, short enough for a message."""
    text = str(value).strip()
    return text if len(text) <= 40 else text[:37] + "…"


def _not_a_number(value: Any) -> ValidationError:
    return ValidationError(
        _("%(value)s is not a number: write it like 8,5 or 34000.") % {"value": _shown(value)},
        code="not_a_number",
    )


def _read_text(text: str) -> Decimal:
    """A figure written as text, by the rule of :data:`TEXT_RULE`."""
    compact = re.sub(r"[\s\u00a0\u202f]", "", text).replace("\u2212", "-")
    if compact.lower().lstrip("+-") in _NOT_FINITE:
        raise ValidationError(
            _("%(value)s is not a finite number: enter a figure.") % {"value": _shown(text)},
            code="not_finite",
        )
    if _COMMA_DECIMAL.fullmatch(compact):
        whole, _mark, fraction = compact.partition(",")
        return Decimal(whole.replace(".", "") + "." + fraction)
    if _AMBIGUOUS.fullmatch(compact):
        raise ValidationError(
            _(
                "%(value)s is ambiguous: write %(thousands)s for the thousands, "
                "or use a decimal comma (%(decimal)s)."
            )
            % {
                "value": _shown(text),
                "thousands": compact.replace(".", ""),
                "decimal": compact.replace(".", ","),
            },
            code="ambiguous",
        )
    if _THOUSANDS.fullmatch(compact):
        return Decimal(compact.replace(".", ""))
    if _POINT_DECIMAL.fullmatch(compact):
        return Decimal(compact)
    raise _not_a_number(text)


def read_figure(value: Any) -> Decimal:
    """Any figure a caller hands a service (Decimal, int, float or text) as a Decimal.

    A float is read through its shortest text, so 8.49999 stays 8.49999 and is then
    refused for its decimals rather than stored as 8.5.
    """
    if isinstance(value, bool) or value is None:
        raise _not_a_number(value)
    if isinstance(value, str):
        return _read_text(value)
    try:
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except (InvalidOperation, TypeError, ValueError) as exc:
        raise _not_a_number(value) from exc


def _written(number: Decimal, language: str) -> str:
    """``number`` the way the user writes numbers, unless it is absurdly long."""
    if abs(number.adjusted()) > 30:
        return _shown(number)
    return format_number(number, language=language)


def check_figure(
    number: Decimal, *, digits: int = FIGURE_DIGITS, places: int = FIGURE_PLACES
) -> Decimal:
    """``number`` if it is finite and is stored exactly, else a refusal.

    Trailing zeros do not count as decimals (8,50000 is 8,5), but any digit that
    would be lost is refused: the person decides how to round, not the database.
    """
    if not _stored_exactly(number, digits, places):
        _refuse_figure(number, digits, places)
    return number


def _refuse_figure(number: Decimal, digits: int, places: int) -> None:
    """Raise the refusal :func:`check_figure` gives ``number``, in the reader's language.

    Reached only when `_stored_exactly` says no; it tests everything again with
    decimal arithmetic, so the two must agree (a property test holds them to it).
    """
    language = current_language()
    if not number.is_finite():
        raise ValidationError(
            _("%(value)s is not a finite number: enter a figure.") % {"value": number},
            code="not_finite",
        )
    significant = min(digits, FIGURE_SIGNIFICANT)
    with localcontext() as context:
        context.prec = digits + places + 2
        whole = min(digits - places, significant)
        limit = Decimal(10) ** whole
        if abs(number) >= limit:
            largest = limit - Decimal(1).scaleb(-min(places, significant - whole))
            raise ValidationError(
                _("%(value)s is too large: the largest figure that can be stored is %(max)s.")
                % {"value": _written(number, language), "max": _written(largest, language)},
                code="too_large",
            )
        # A non-zero number below the last place (1e-999999999) has lost digits already.
        lost = number != 0 and number.adjusted() < -places
        exact = number if lost else number.quantize(Decimal(1).scaleb(-places))
        if lost or exact != number:
            raise ValidationError(
                _(
                    "%(value)s has more than %(places)d decimals: round it yourself to at "
                    "most %(places)d, figures are never rounded silently."
                )
                % {"value": _written(number, language), "places": places},
                code="too_many_decimals",
            )
        if len(exact.normalize().as_tuple().digits) > significant:
            raise ValidationError(
                _(
                    "%(value)s has more than %(digits)d digits: a figure keeps at most "
                    "%(digits)d digits in all, round it yourself."
                )
                % {"value": _written(number, language), "digits": significant},
                code="too_many_digits",
            )


def _stored_exactly(number: Decimal, digits: int, places: int) -> bool:
    """Whether ``number`` passes every test of :func:`check_figure`, read off its digits.

    The common case of an import's hundred thousand figures, answered without a
    decimal context or the reader's language; any doubt goes to the full checks,
    which also word the refusal.
    """
    if not number.is_finite():
        return False
    _sign, figures, exponent = number.as_tuple()
    if figures == (0,):  # zero, whatever its exponent, is stored exactly
        return True
    end = len(figures)
    while end > 1 and figures[end - 1] == 0:  # trailing zeros are no digits of the figure
        end -= 1
        exponent += 1
    significant = min(digits, FIGURE_SIGNIFICANT)
    whole = min(digits - places, significant)
    return end <= significant and -exponent <= places and end + exponent <= whole


def figure(
    value: Any, *, field: str, digits: int = FIGURE_DIGITS, places: int = FIGURE_PLACES
) -> Decimal:
    """The figure a service stores for ``field``, or a ValidationError naming that field."""
    try:
        return check_figure(read_figure(value), digits=digits, places=places)
    except ValidationError as exc:
        raise ValidationError({field: exc.messages}) from exc


@deconstructible
class FigureValidator:
    """The model-level form of :func:`check_figure`, for ``full_clean`` and model forms."""

    def __init__(self, digits: int = FIGURE_DIGITS, places: int = FIGURE_PLACES) -> None:
        self.digits = digits
        self.places = places

    def __call__(self, value: Any) -> None:
        if value is not None:
            check_figure(read_figure(value), digits=self.digits, places=self.places)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FigureValidator) and (self.digits, self.places) == (
            other.digits,
            other.places,
        )


class FigureFormField(forms.DecimalField):
    """A form's decimal field that refuses with the messages of :func:`check_figure`.

    Django's own digit and decimal checks are left out so a person reads one clear
    message ("has more than 4 decimals") rather than two.
    """

    def __init__(self, *, digits: int = FIGURE_DIGITS, places: int = FIGURE_PLACES, **kwargs):
        kwargs.pop("max_digits", None)
        kwargs.pop("decimal_places", None)
        super().__init__(**kwargs)
        self.digits = digits
        self.places = places

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value not in self.empty_values:
            check_figure(value, digits=self.digits, places=self.places)


class FigureField(models.DecimalField):
    """A decimal column for figures whose checks speak in :func:`check_figure`'s words.

    The column itself is a plain ``DecimalField``: ``deconstruct`` says so, which keeps
    migrations (and the database) unchanged; only validation and the form field differ.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_digits", FIGURE_DIGITS)
        kwargs.setdefault("decimal_places", FIGURE_PLACES)
        super().__init__(*args, **kwargs)

    @cached_property
    def validators(self) -> list:
        own = FigureValidator(self.max_digits, self.decimal_places)
        return [*self._validators, own]

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.DecimalField", args, kwargs

    def formfield(self, **kwargs: Any):
        kwargs.setdefault("form_class", FigureFormField)
        kwargs.setdefault("digits", self.max_digits)
        kwargs.setdefault("places", self.decimal_places)
        return super().formfield(**kwargs)


def _length_error(field: models.Field, value: str) -> str:
    return _("%(field)s is too long: at most %(max)d characters, this has %(length)d.") % {
        "field": str(field.verbose_name).capitalize(),
        "max": field.max_length,
        "length": len(value),
    }


def _check_integer(bounds: tuple[Any, Any] | None, value: Any) -> None:
    """An integer within its column's range on every database (``bounds``: the
    validators of :func:`_range_validators`).

    Django checks the range of the database in use, and SQLite takes any 64-bit
    integer: 100000 in a small integer column would pass there and fail on PostgreSQL.
    """
    if bounds is None or not isinstance(value, int):
        return
    low, high = bounds
    low(value)
    high(value)


def _range_validators(bounds: tuple[int, int] | None) -> tuple[Any, Any] | None:
    """The validators of an integer column's range on every database, built once per
    field rather than for each value an import checks."""
    if bounds is None:
        return None
    return MinValueValidator(bounds[0]), MaxValueValidator(bounds[1])


def check_fields(obj: models.Model, *, exclude: tuple[str, ...] = ()) -> None:
    """Refuse ``obj`` before it is saved when a value does not fit its column.

    Lengths, integer ranges and figures are checked for every concrete field, with
    one message per field; choices, uniqueness and foreign keys are each service's
    business (they need the database or the user's scope). Cheap enough to run on
    every row of an import: no query, and what each field needs is worked out once
    per model (`_field_checks`).
    """
    errors: dict[str, list[str]] = {}
    for field, attname, max_length, bounds in _field_checks(type(obj)):
        if field.name in exclude:
            continue
        value = getattr(obj, attname)
        if value is None or value == "":
            continue
        if max_length and isinstance(value, str):
            if len(value) > max_length:
                errors[field.name] = [_length_error(field, value)]
            continue
        try:
            field.run_validators(value)
            _check_integer(bounds, value)
        except ValidationError as exc:
            errors[field.name] = exc.messages
    if errors:
        raise ValidationError(errors)


@functools.cache
def _field_checks(model: type[models.Model]) -> tuple[tuple[Any, ...], ...]:
    """For each field :func:`check_fields` looks at (every concrete one but keys and
    relations): the field, its attribute, its maximum length and its integer range
    (the two validators of :func:`_range_validators`).

    A field with nothing to check (no length, no range, no validator: a date, a flag,
    a text) is left out, as the loop would only read its value: an import checks
    hundreds of thousands of rows. So is a file: reading it gives a ``FieldFile``,
    never text, so its length was never checked here, and each read built one.
    """
    ranges = BaseDatabaseOperations.integer_field_ranges
    checks = (
        (
            field,
            field.attname,
            getattr(field, "max_length", None),
            _range_validators(ranges.get(field.get_internal_type())),
        )
        for field in model._meta.concrete_fields
        if not (field.primary_key or field.is_relation or isinstance(field, models.FileField))
    )
    return tuple(check for check in checks if check[2] or check[3] or check[0].validators)


def create_checked(model: type[models.Model], **values: Any) -> Any:
    """``model.objects.create(**values)`` once :func:`check_fields` accepts the values."""
    obj = model(**values)
    check_fields(obj)
    obj.save(force_insert=True)
    return obj
