"""Reading the change history that django-simple-history keeps for every record."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Model


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


def changes_of(obj: Model) -> list[Change]:
    """Every version of ``obj``, newest first, each with the fields it changed."""
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-pk"))
    changes = []
    for newer, older in zip(records, [*records[1:], None], strict=True):
        fields = []
        if older is not None:
            delta = newer.diff_against(older)
            fields = [
                (str(obj._meta.get_field(c.field).verbose_name), c.old, c.new)
                for c in delta.changes
            ]
        changes.append(
            Change(
                when=newer.history_date,
                who=str(newer.history_user or "—"),
                kind=_KINDS.get(newer.history_type, newer.history_type),
                fields=fields,
            )
        )
    return changes
