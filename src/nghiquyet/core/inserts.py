"""The INSERT statements of a bulk write (:mod:`nghiquyet.core.bulk`), written as each
database takes them best.

Every value goes through its field's own ``get_db_prep_save``, so that dates and
decimals are stored exactly as ``bulk_create`` stores them; the statement around the
values is the database's own fastest form: arrays through ``UNNEST`` on PostgreSQL,
on SQLite large multi-row inserts that send a value repeated down a column once.
"""

from __future__ import annotations

import itertools
import operator
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Model
from django.db.models.constants import OnConflict

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


def insert_rows(
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
