"""Bulk statements without a model instance per row: what the CSV import and the
benchmark's sample loader write with.

At 100,000 rows, building and compiling a model instance per row is most of what
bulk_create and bulk_update spend their time on; COPY (PostgreSQL) and multi-row INSERT
and UPDATE statements cost a fraction of that. What goes into each column is still
decided by the model: one prototype instance, built by the model's own constructor with
a placeholder for each per-row value, shows which columns receive which value (the
constructor may copy a value into several, such as a translation column) and every
other column's default. As with bulk_create, no save() or signal runs: the models have
none that these fields need. Rows go many to a statement, never one statement per row:
the data-version trigger fires once per statement on PostgreSQL.

Why not the libraries: the import written with django-simple-history's
bulk_create_with_history and bulk_update_with_history (Django's bulk_create and bulk_update
underneath, and bulk_create for the links) was measured against this, with the README's
100,000 rows ("Import"), on a two-core machine shared with other work. Creating them took
51–54 s of CPU instead of 12–13 on SQLite (73–163 s instead of 12–41), and on PostgreSQL
43 s of the client's CPU instead of 7–8 (292 s instead of 24–65); changing every text took
166 s of CPU instead of 10–11 on SQLite (350–434 s instead of 11–40), and 162 instead of 15
on PostgreSQL (696 s instead of 27–51), bulk_update writing a CASE per row and column. The
benchmark's sample was three times as slow too (see bench/sample.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from django.db import DEFAULT_DB_ALIAS, NotSupportedError, connections, models
from django.db.backends.base.base import BaseDatabaseWrapper

from core.batches import batched

T = TypeVar("T")
# The most rows in one statement, which is also the most values in any IN (...) list built
# from a batch: below the 999 variables per statement of SQLite builds before 3.32.
BATCH = 900


class _PerRow:
    """Stands in for the row's value number `index` while the prototype is built."""

    __slots__ = ("index",)

    def __init__(self, index: int) -> None:
        self.index = index


def insert_many(
    model: type[models.Model],
    *,
    constant: dict[str, Any],
    varying: Sequence[str],
    rows: Sequence[Sequence[Any]],
    return_keys: bool = False,
) -> list[int]:
    """INSERT one record per row; a row holds the values of the `varying` fields. With
    `return_keys`, returns the new records' primary keys in the order of `rows` (otherwise
    an empty list: drawing keys cost PostgreSQL 5–10 s a million rows, on a busy machine).

    The keys come from the insert itself, never from the table afterwards: with another
    writer inserting at the same time (PostgreSQL), the rows between a MAX(id) read before
    and one after are not all ours, nor in a range, so whatever is recorded of "the new
    rows" (their audit history) would take in the other writer's."""
    if not rows:
        return []
    database = connections[DEFAULT_DB_ALIAS]
    if return_keys and not database.features.can_return_rows_from_bulk_insert:
        raise NotSupportedError(
            "Bulk inserts need a database that returns their keys: PostgreSQL, or SQLite 3.35 "
            "or later."
        )
    pk = model._meta.pk
    prototype = model(**constant, **{name: _PerRow(i) for i, name in enumerate(varying)})
    columns = [column for column in model._meta.concrete_fields if column is not pk]
    # pre_save fills the auto_now timestamps, as an insert through the ORM would.
    values = [column.pre_save(prototype, add=True) for column in columns]
    constants = [
        None if isinstance(value, _PerRow) else column.get_db_prep_save(value, database)
        for column, value in zip(columns, values, strict=True)
    ]
    per_row = [
        (position, value.index, column)
        for position, (column, value) in enumerate(zip(columns, values, strict=True))
        if isinstance(value, _PerRow)
    ]

    def prepared(row: Sequence[Any]) -> list[Any]:
        statement_values = constants.copy()
        for position, index, column in per_row:
            statement_values[position] = db_value(column, row[index], database)
        return statement_values

    quote = database.ops.quote_name
    table = quote(model._meta.db_table)
    names = ", ".join(quote(column.column) for column in columns)
    with database.cursor() as cursor:
        if database.vendor == "postgresql":
            # COPY streams the rows: no SQL text to build and parse, and one statement,
            # so a statement trigger fires once. It returns nothing, so keys are drawn from
            # the table's sequence first, in one query: nextval never gives a value to two
            # transactions. (65,867 rows: COPY 1.4–2.1 s, with the keys drawn 1.9–2.4 s,
            # INSERT … RETURNING 9–14 s, on a busy two-core machine.) COPY runs on the
            # driver's own cursor, so its errors are turned into Django's here.
            keys: list[int] = []
            copied: Iterable[list[Any]] = map(prepared, rows)
            if return_keys:
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                    [model._meta.db_table, pk.column, len(rows)],
                )
                keys = [key for (key,) in cursor.fetchall()]
                names = f"{quote(pk.column)}, {names}"
                copied = ([key, *prepared(row)] for key, row in zip(keys, rows, strict=True))
            copy_sql = f"COPY {table} ({names}) FROM STDIN"
            with database.wrap_database_errors, cursor.cursor.copy(copy_sql) as copy:
                for values in copied:
                    copy.write_row(values)
            return keys
        # Elsewhere (SQLite), many rows per statement within the parameter limit: measured
        # faster than executemany's statement per row. RETURNING gives the keys in the
        # order of the VALUES, which Django's own bulk_create relies on too.
        keys = []
        returning = f" RETURNING {quote(pk.column)}" if return_keys else ""
        placeholders = "({})".format(", ".join(["%s"] * len(columns)))
        for chunk in batched(rows, rows_per_statement(database, len(columns))):
            cursor.execute(
                f"INSERT INTO {table} ({names}) "
                f"VALUES {', '.join([placeholders] * len(chunk))}{returning}",
                [value for row in chunk for value in prepared(row)],
            )
            if return_keys:
                keys += [key for (key,) in cursor.fetchall()]
        return keys


def update_many(
    model: type[models.Model], *, varying: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """UPDATE the `varying` fields of one record per row; a row holds their values, then the
    record's primary key. One UPDATE ... SET column = CASE pk WHEN ... per chunk of rows,
    the statement bulk_update writes."""
    if not rows:
        return
    database = connections[DEFAULT_DB_ALIAS]
    prototype = model(**{name: _PerRow(i) for i, name in enumerate(varying)})
    columns = [
        (column, value.index)
        for column in model._meta.concrete_fields
        if isinstance(value := getattr(prototype, column.attname), _PerRow)
    ]
    pk, quote = model._meta.pk, database.ops.quote_name
    for chunk in batched(rows, rows_per_statement(database, 2 * len(columns) + 1)):
        keys = [db_value(pk, row[-1], database) for row in chunk]
        assignments, params = [], []
        for column, index in columns:
            case = "CASE {} {} END".format(
                quote(pk.column), " ".join(["WHEN %s THEN %s"] * len(chunk))
            )
            if database.features.requires_casted_case_in_updates:
                # PostgreSQL types a CASE of parameters as text.
                case = f"CAST({case} AS {column.cast_db_type(database)})"
            assignments.append(f"{quote(column.column)} = {case}")
            for key, row in zip(keys, chunk, strict=True):
                params += [key, db_value(column, row[index], database)]
        sql = "UPDATE {} SET {} WHERE {} IN ({})".format(
            quote(model._meta.db_table),
            ", ".join(assignments),
            quote(pk.column),
            ", ".join(["%s"] * len(chunk)),
        )
        with database.cursor() as cursor:
            cursor.execute(sql, params + keys)


def rows_per_statement(database: BaseDatabaseWrapper, params_per_row: int) -> int:
    """As many rows as the database takes parameters in one statement (PostgreSQL: 65,535)."""
    limit = database.features.max_query_params or 65535
    return max(1, min(BATCH, limit // params_per_row))


def db_value(column: models.Field, value: Any, database: BaseDatabaseWrapper) -> Any:
    """The value as the driver takes it. Integers, strings and None already are, for the key,
    integer and text columns written here (get_db_prep_save would return them unchanged, at
    a cost that shows over a million values); dates and timestamps go through their field."""
    if value is None or type(value) in (int, str):
        return value
    return column.get_db_prep_save(value, database)
