"""Inserting many new rows at once: an Excel import's targets and figures with their
history, and the stored judgements of a whole document.

What ``bulk_create`` does, without its cost: Django's compiler passes every value
through its generic expression handling, which took 40% of a large import. Here each
value still goes through its field's own ``get_db_prep_save`` (so dates and decimals
are stored exactly as ``bulk_create`` stores them) and the SQL of a chunk is written
once, in each database's own fastest form (:mod:`nghiquyet.core.inserts`). The
history of the new rows is copied by the database, one INSERT … SELECT per chunk:
simple-history's own bulk helper builds a historical instance per row in Python,
which costs more than inserting the rows themselves.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Sequence
from typing import Any

from django.db import connections, router
from django.db.models import DateField, Field, Model
from django.db.models.base import ModelState
from django.utils import timezone

from nghiquyet.core.inserts import Saved, Upsert, insert_rows

#: Rows whose history one INSERT … SELECT copies (well under every database's parameter limit).
HISTORY_CHUNK = 500


def new_row(model: type[Model], related: dict[str, Model], **values: Any) -> Model:
    """``model(**values)`` for a row an import is about to insert: the same instance,
    built for a tenth of the cost.

    ``values`` are column values by attribute name (``created_by_id``), ``related``
    the objects of foreign keys by field name, whose key may come only when they are
    saved (a new target's): :func:`bulk_insert` takes it then. Django's constructor
    looks at every field for every row (defaults, keyword checks, a database router
    for each related object); here the defaults are worked out once per model. The
    instance is checked and saved like any other: this only builds it.
    """
    obj = model.__new__(model)
    obj._state = ModelState()
    state = obj.__dict__
    state.update(_defaults(model))
    state.update(values)
    for name, other in related.items():
        field = _relation(model, name)
        if not isinstance(other, field.related_model):
            raise ValueError(f"{name} must be a {field.related_model.__name__}, not {other!r}")
        # What the key's descriptor stores; it would also drop a cached object, and a
        # new row has none.
        state[field.attname] = other.pk
        field.set_cached_value(obj, other)
    return obj


@functools.cache
def _relation(model: type[Model], name: str) -> Any:
    return model._meta.get_field(name)


@functools.cache
def _defaults(model: type[Model]) -> dict[str, Any]:
    """Each concrete field's default; a model with a computed default has no shortcut."""
    defaults = {}
    for field in model._meta.concrete_fields:
        if (field.has_default() and callable(field.default)) or field.has_db_default():
            raise TypeError(f"{model.__name__}.{field.name} has a computed default")
        defaults[field.attname] = field.get_default()
    return defaults


def bulk_insert(
    model: type[Model],
    objs: list[Model],
    *,
    upsert: Upsert | None = None,
    saved: Saved | None = None,
) -> None:
    """Insert ``objs`` with one multi-row INSERT per chunk; without ``upsert``, set their keys.

    An ``auto_now_add`` column takes one moment for the whole insert, as one import
    happens at once. The keys come back in row order, which Django's own
    ``bulk_create`` relies on as well.
    """
    db = connections[router.db_for_write(model)]
    if not db.features.can_return_rows_from_bulk_insert:
        _bulk_create(model, objs, upsert)
        if saved:
            saved(len(objs))
        return
    # A field whose pre_save does more than read the value (a file to store) keeps
    # it; its column goes last, so that the others are read in one call, and once.
    plain = [field for field in _inserted(model) if _read_plainly(field)]
    own_pre_save = [field for field in _inserted(model) if not _read_plainly(field)]
    fields = plain + own_pre_save
    stamped = [field.attname for field in fields if _stamped(field)]
    relations = {field.cache_name: field for field in fields if field.is_relation}
    now = timezone.now()
    read = _reader([field.attname for field in plain])

    def values(obj: Model) -> Sequence[Any]:
        state = obj.__dict__
        for attname in stamped:
            state[attname] = now
        for name, related in obj._state.fields_cache.items():
            if related is not None and name in relations:
                _take_related_key(obj, relations[name], related)
        if not own_pre_save:
            return read(obj)
        return (*read(obj), *(field.pre_save(obj, True) for field in own_pre_save))

    keys = insert_rows(db, model, fields, map(values, objs), len(objs), upsert, saved)
    if upsert is None:
        for obj, pk in zip(objs, keys, strict=True):
            obj.pk = pk
            obj._state.adding = False
            obj._state.db = db.alias


def insert_values(
    model: type[Model],
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    upsert: Upsert | None = None,
) -> None:
    """Insert ``rows``, plain tuples of the values of ``columns`` (attribute names, every
    column of the table but its key), as :func:`bulk_insert` inserts instances.

    For rows nobody needs as objects (a document's stored verdicts): building a model
    instance per row cost more than inserting it. No default, no ``pre_save``: each
    value is stored as given, converted by its field as ``bulk_create`` converts it.
    """
    fields = _inserted(model)
    by_attname = {field.attname: field for field in fields}
    if sorted(columns) != sorted(by_attname):
        raise TypeError(f"{model.__name__} rows must name exactly {sorted(by_attname)}")
    db = connections[router.db_for_write(model)]
    if not db.features.can_return_rows_from_bulk_insert:
        objs = [model(**dict(zip(columns, row, strict=True))) for row in rows]
        _bulk_create(model, objs, upsert)
        return
    insert_rows(db, model, [by_attname[name] for name in columns], rows, len(rows), upsert, None)


def _reader(attnames: list[str]) -> Callable[[Model], tuple[Any, ...]]:
    """A function giving an instance's values of ``attnames`` as one tuple."""
    if len(attnames) > 1:
        return operator.attrgetter(*attnames)
    return lambda obj: tuple(getattr(obj, attname) for attname in attnames)


def _inserted(model: type[Model]) -> list[Any]:
    return [field for field in model._meta.concrete_fields if not field.primary_key]


def _bulk_create(model: type[Model], objs: list[Model], upsert: Upsert | None) -> None:
    if upsert is None:
        model._base_manager.bulk_create(objs)
    else:
        model._base_manager.bulk_create(
            objs,
            update_conflicts=True,
            unique_fields=list(upsert.unique),
            update_fields=list(upsert.update),
        )


def _stamped(field: Any) -> bool:
    return isinstance(field, DateField) and bool(field.auto_now or field.auto_now_add)


def _read_plainly(field: Any) -> bool:
    """Whether the field's ``pre_save`` on insert is the attribute's value as it is."""
    if isinstance(field, DateField):
        return True  # an automatic date is stamped beforehand; any other is read as is
    return type(field).pre_save is Field.pre_save


def _take_related_key(obj: Model, field: Any, related: Model) -> None:
    """The key of a related object saved after it was assigned (a new target's, say).

    What Django's save does before an insert: a related object still without a key
    is an error, never a silent NULL. The related object stays cached: it is the row
    the key names.
    """
    if related.pk is None:
        raise ValueError(f"{field.name} of {obj!r} is not saved")
    obj.__dict__[field.attname] = related.pk


def bulk_insert_with_history(
    model: type[Model], objs: list[Model], user: Any, *, saved: Saved | None = None
) -> None:
    """Insert ``objs`` in bulk, then their "created" history rows, naming ``user``.

    ``saved`` hears how many rows are inserted, after each chunk.
    """
    if not objs:
        return
    bulk_insert(model, objs, saved=saved)
    history = model.history.model
    db = connections[router.db_for_write(model)]
    quote = db.ops.quote_name
    own = {field.column for field in model._meta.concrete_fields}
    fixed = {
        "history_date": timezone.now(),
        "history_type": "+",
        "history_user": user.pk,
        "history_change_reason": None,
    }
    columns, selected, params = [], [], []
    for column in history._meta.concrete_fields:
        if column.column in own:
            columns.append(quote(column.column))
            selected.append(quote(column.column))
        elif column.name in fixed:
            columns.append(quote(column.column))
            selected.append("%s")
            params.append(column.get_db_prep_save(fixed[column.name], db))
    pks = [obj.pk for obj in objs]
    key = quote(model._meta.pk.column)
    with db.cursor() as cursor:
        for start in range(0, len(pks), HISTORY_CHUNK):
            chunk = pks[start : start + HISTORY_CHUNK]
            if _consecutive(chunk):
                # The new keys of one insert mostly follow each other: the rows between
                # the first and the last are exactly these, read as one range.
                where, keys = f"{key} BETWEEN %s AND %s", [chunk[0], chunk[-1]]
            elif db.vendor == "postgresql":
                # One array rather than a placeholder per key, as in `_insert`.
                where, keys = f"{key} = ANY(%s)", [chunk]
            else:
                where, keys = f"{key} IN ({', '.join(['%s'] * len(chunk))})", chunk
            cursor.execute(
                f"INSERT INTO {quote(history._meta.db_table)} ({', '.join(columns)}) "
                f"SELECT {', '.join(selected)} FROM {quote(model._meta.db_table)} WHERE {where}",
                [*params, *keys],
            )


def _consecutive(keys: list[Any]) -> bool:
    """Whether ``keys`` (distinct, as keys are) are every integer from the first to the last."""
    return (
        all(type(key) is int for key in keys)
        and keys == sorted(keys)
        and keys[-1] - keys[0] == len(keys) - 1
    )
