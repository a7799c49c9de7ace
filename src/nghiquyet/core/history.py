"""Reading the change history that django-simple-history keeps for every record."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Field, Model
from django.utils.translation import gettext

from nghiquyet.core.language import current_language
from nghiquyet.core.periods import Period
from nghiquyet.evaluation.numbers import format_figure


@dataclass(frozen=True)
class Change:
    """One saved version of a record: who, when, what kind of change, which fields."""

    when: Any
    who: str
    kind: str
    fields: list[tuple[str, Any, Any]]


_KINDS = {"+": "created", "~": "changed", "-": "deleted"}


def history_attribute(obj: Model, user: Any) -> None:
    """Name ``user`` in the history row that the next save of ``obj`` writes.

    Within a request the history middleware does this; services also run from
    commands, background jobs and the demo loader, where only the caller knows who acts.
    """
    obj._history_user = user if getattr(user, "is_authenticated", False) else None


def _person(user: Any, viewer: Any) -> str:
    """A person as pages name them: the full name to staff; nobody's login to the public."""
    if user is None:
        return "—"
    if not getattr(viewer, "is_authenticated", False):
        return gettext("staff member")
    return user.get_full_name() or user.get_username()


def _shown(field: Field, value: Any, viewer: Any) -> Any:
    """A stored value as a reader knows it: a choice's label, a related record's name,
    a figure without trailing zeros, a period's name."""
    if value is None or value == "":
        return ""
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    if field.many_to_one:
        related = field.related_model._default_manager.filter(pk=value).first()
        if related is None:
            return value
        if field.related_model is get_user_model():
            return _person(related, viewer)
        return str(related)
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, Decimal):
        return format_figure(value, current_language())
    if field.name == "period":
        try:
            return Period.parse(value).label(current_language())
        except ValueError:
            return value
    return value


def changes_of(obj: Model, viewer: Any = None) -> list[Change]:
    """Every version of ``obj``, newest first, each with the fields it changed, in words."""
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-pk"))
    changes = []
    for newer, older in zip(records, [*records[1:], None], strict=True):
        fields = []
        if older is not None:
            delta = newer.diff_against(older)
            fields = []
            for c in delta.changes:
                field = obj._meta.get_field(c.field)
                fields.append(
                    (
                        str(field.verbose_name),
                        _shown(field, c.old, viewer),
                        _shown(field, c.new, viewer),
                    )
                )
        changes.append(
            Change(
                when=newer.history_date,
                who=_person(newer.history_user, viewer),
                kind=_KINDS.get(newer.history_type, newer.history_type),
                fields=fields,
            )
        )
    return changes
