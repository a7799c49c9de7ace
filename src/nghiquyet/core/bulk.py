"""Inserting many new rows at once: an Excel import's targets and figures with their
history, and the stored judgements of a whole document.

What ``bulk_create`` does, without its cost: Django's compiler passes every value
through its generic expression handling, which took 40% of a large import. Here each
value still goes through its field's own ``get_db_prep_save`` (so dates and decimals
are stored exactly as ``bulk_create`` stores them) and the SQL of a chunk is written
once. The history of the new rows is copied by the database, one INSERT … SELECT per
chunk: simple-history's own bulk helper builds a historical instance per row in
Python, which costs more than inserting the rows themselves.
"""

from __future__ import annotations

import functools
import itertools
import operator
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import connections, router
from django.db.models import DateField, Field, Model
from django.db.models.base import ModelState
from django.db.models.constants import OnConflict
from django.utils import timezone

#: Rows whose history one INSERT … SELECT copies (well under every database's parameter limit).
HISTORY_CHUNK = 500
#: Rows one INSERT holds at most (the database's parameter limit may allow fewer).
INSERT_CHUNK = 500

#: Values converted every time: decimals rarely repeat (and 1.50 is not stored as 1.5),
#: lists and dicts (JSON) cannot be dictionary keys.
_CONVERTED_ALWAYS = frozenset({Decimal, list, dict})

#: Told the number of rows saved so far, after each chunk.
Saved = Callable[[int], None]


@dataclass(frozen=True)
class Upsert:
    """Overwrite ``update`` of the row already holding the same ``unique`` fields."""

    unique: Sequence[str]
    update: Sequence[str]


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

    keys = _insert(db, model, fields, map(values, objs), len(objs), upsert, saved)
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
    _insert(db, model, [by_attname[name] for name in columns], rows, len(rows), upsert, None)


def _reader(attnames: list[str]) -> Callable[[Model], tuple[Any, ...]]:
    """A function giving an instance's values of ``attnames`` as one tuple."""
    if len(attnames) > 1:
        return operator.attrgetter(*attnames)
    return lambda obj: tuple(getattr(obj, attname) for attname in attnames)


def _inserted(model: type[Model]) -> list[Any]:
    return [field for field in model._meta.concrete_fields if not field.primary_key]


def _insert(
    db: Any,
    model: type[Model],
    fields: list[Any],
    rows: Iterable[Sequence[Any]],
    count: int,
    upsert: Upsert | None,
    saved: Saved | None,
) -> list[Any]:
    """Insert ``rows`` (values in the order of ``fields``) in chunks; the new keys in row
    order, unless ``upsert``.

    A value repeated down a column (the user, the period, the shared timestamp, a
    status) is converted once, while decimals, which are rarely repeated, and JSON
    values are always converted; each through its field's ``get_db_prep_save``, so
    that dates and decimals are stored exactly as ``bulk_create`` stores them. The
    database's own connection is used, not the thread-local ``django.db.connection``
    proxy, whose every attribute lookup would cost more than converting the value.
    """
    quote = db.ops.quote_name
    size = max(1, min(INSERT_CHUNK, _batch_size(db, fields, count)))
    row_sql = f"({', '.join(['%s'] * len(fields))})"
    head = (
        f"INSERT INTO {quote(model._meta.db_table)} "
        f"({', '.join(quote(field.column) for field in fields)}) "
    )
    arrays = _unnest_types(db, fields)
    if upsert is None:
        tail = f" RETURNING {quote(model._meta.pk.column)}"
    else:
        column = {field.name: field.column for field in fields}
        tail = " " + db.ops.on_conflict_suffix_sql(
            fields,
            OnConflict.UPDATE,
            [column[name] for name in upsert.update],
            [column[name] for name in upsert.unique],
        )
    conversions = [(field, {}) for field in fields]
    keys: list[Any] = []
    rows = iter(rows)
    done = 0
    with db.cursor() as cursor:
        while chunk := list(itertools.islice(rows, size)):
            # Column by column: most columns hold one object all the way down (the
            # import's user, document, moment, status), converted once for the chunk.
            columns = [
                _converted(field, converted, column, db)
                for (field, converted), column in zip(
                    conversions, zip(*chunk, strict=True), strict=True
                )
            ]
            if arrays:
                # One array per column: psycopg splits a statement at its placeholders in
                # Python, which cost more than the rest of a PostgreSQL import.
                cursor.execute(f"{head}SELECT * FROM UNNEST({arrays}){tail}", columns)
            elif db.vendor == "sqlite":
                cursor.execute(*_sqlite_insert(head, tail, columns))
            else:
                params = list(itertools.chain.from_iterable(zip(*columns, strict=True)))
                cursor.execute(f"{head}VALUES {', '.join([row_sql] * len(chunk))}{tail}", params)
            if upsert is None:
                keys.extend(pk for (pk,) in cursor.fetchall())
            done += len(chunk)
            if saved:
                saved(done)
    return keys


def _batch_size(db: Any, fields: list[Any], count: int) -> int:
    """Rows one INSERT may hold under the database's limit on parameters.

    On SQLite the limit is the library's own, read from the connection: Django
    assumes the 999 of SQLite before 3.32, which held 49 figures per statement.
    """
    if db.vendor == "sqlite":
        db.ensure_connection()
        return db.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // len(fields)
    return db.ops.bulk_batch_size(fields, range(count))


def _sqlite_insert(head: str, tail: str, columns: list[list[Any]]) -> tuple[str, list[Any]]:
    """The INSERT of a chunk on SQLite, a column of one value all the way down sent once:
    ``INSERT INTO t (a, b, c) SELECT column1, %s, column2 FROM (VALUES (%s, %s), …)``.

    Each placeholder costs SQLite a binding and Django a pass of its placeholder
    rewriting; an import's user, document, moment and status take a third of them.
    SQLite itself writes a multi-row VALUES as this very SELECT, so the rows go in,
    and their keys come back, in the same order. ``WHERE true`` keeps an upsert's
    ``ON CONFLICT`` from reading as a join's ``ON``, as SQLite's manual asks.
    """
    repeated = [
        len(column) > 1 and all(map(operator.is_, column, itertools.repeat(column[0])))
        for column in columns
    ]
    if not any(repeated) or all(repeated):
        rows = len(columns[0])
        params = list(itertools.chain.from_iterable(zip(*columns, strict=True)))
        row_sql = f"({', '.join(['%s'] * len(columns))})"
        return f"{head}VALUES {', '.join([row_sql] * rows)}{tail}", params
    selected, once, varying = [], [], []
    for column, same in zip(columns, repeated, strict=True):
        if same:
            selected.append("%s")
            once.append(column[0])
        else:
            varying.append(column)
            selected.append(f"column{len(varying)}")
    row_sql = f"({', '.join(['%s'] * len(varying))})"
    rows = ", ".join([row_sql] * len(varying[0]))
    params = [*once, *itertools.chain.from_iterable(zip(*varying, strict=True))]
    return f"{head}SELECT {', '.join(selected)} FROM (VALUES {rows}) WHERE true{tail}", params


def _converted(field: Any, converted: dict, column: Sequence[Any], db: Any) -> list[Any]:
    """The values of one column of a chunk as ``field.get_db_prep_save`` gives them.

    One object all the way down (checked by identity, in C) is converted once; otherwise
    each value is, through ``converted``, the column's conversions by type and value.
    """
    first = column[0]
    if all(map(operator.is_, column, itertools.repeat(first))):
        return [field.get_db_prep_save(first, db)] * len(column)
    values = []
    append = values.append
    for value in column:
        kind = type(value)
        if kind in _CONVERTED_ALWAYS:
            append(field.get_db_prep_save(value, db))
            continue
        key = (kind, value)
        try:
            append(converted[key])
        except KeyError:
            converted[key] = field.get_db_prep_save(value, db)
            append(converted[key])
    return values


def _unnest_types(db: Any, fields: list[Any]) -> str:
    """The typed array placeholders of an ``INSERT … SELECT * FROM UNNEST(…)``, as Django's
    own bulk insert writes them on PostgreSQL and under the same conditions; "" elsewhere.
    """
    if db.vendor != "postgresql" or any(
        hasattr(field, "get_placeholder")
        or (field.target_field if field.is_relation else field).get_internal_type()
        not in db.data_types
        for field in fields
    ):
        return ""
    # Without the type's parameters: varchar[], not varchar(50)[], so nothing is cut.
    return ", ".join(f"(%s)::{field.db_type(db).split('(')[0]}[]" for field in fields)


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
