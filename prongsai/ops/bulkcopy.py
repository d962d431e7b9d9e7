"""Writing many rows of a model at once, below the ORM: PostgreSQL ``COPY``, else one ``executemany``.

Only the scale simulation uses this (ADR 0105): it writes millions of rows where ``bulk_create`` would spend
most of its time building model instances. Rows are plain tuples of the columns a caller names; every other
column gets the model field's default (a callable default such as a random public id is called per row), so
a new field with a default never breaks the writer, and a new required field without one fails loudly here
instead of writing a row the application could not read.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any

from django.db import connection, models
from django.db.models import NOT_PROVIDED

_STAMP_FIELDS = ("created_at", "updated_at")


class MissingColumn(Exception):
    """A required column of the model was neither given nor has a default."""


class Table:
    """The columns of one model as the simulation writes them."""

    def __init__(self, model: type[models.Model], columns: Sequence[str], *, with_id: bool = False) -> None:
        self.model = model
        meta = model._meta
        self.given: list[models.Field[Any, Any]] = []
        for name in columns:
            given = meta.get_field(name)
            if not isinstance(given, models.Field):
                raise MissingColumn(f"{meta.label}.{name} is not a column")
            self.given.append(given)
        self.with_id = with_id
        # Every other concrete column: (field, constant value or per-row callable, is_callable).
        self.filled: list[tuple[models.Field[Any, Any], Any, bool]] = []
        for field in meta.concrete_fields:
            if field.primary_key or field.name in columns:
                continue
            if field.name in _STAMP_FIELDS:
                self.filled.append((field, None, False))  # replaced by the batch's time in rows()
            elif field.default is not NOT_PROVIDED:
                default = field.default
                self.filled.append((field, default, callable(default)))
            elif field.null:
                self.filled.append((field, None, False))
            elif field.blank and isinstance(field, models.CharField | models.TextField | models.FileField):
                self.filled.append((field, "", False))
            else:
                raise MissingColumn(f"{meta.label}.{field.name} needs a value")
        self.fields: list[models.Field[Any, Any]] = (
            ([meta.pk] if with_id else []) + self.given + [f for f, _v, _c in self.filled]
        )
        self._json = [isinstance(f, models.JSONField) for f in self.fields]

    @property
    def db_table(self) -> str:
        return self.model._meta.db_table

    def column_names(self) -> list[str]:
        return [f.column for f in self.fields]

    def complete(self, rows: Iterable[Sequence[Any]], stamp: datetime) -> Iterable[list[Any]]:
        """Each given row with its id first (when written with ids) and the filled columns after it."""
        fills: list[Callable[[], Any]] = []
        for field, value, is_callable in self.filled:
            if field.name in _STAMP_FIELDS:
                fills.append(lambda: stamp)
            elif is_callable:
                fills.append(value)
            else:
                fills.append(_constant(value))
        json_at = [i for i, is_json in enumerate(self._json) if is_json]
        for row in rows:
            values = list(row)
            values.extend(fill() for fill in fills)
            for index in json_at:
                values[index] = json.dumps(values[index], ensure_ascii=False)
            yield values


def _constant(value: Any) -> Callable[[], Any]:
    return lambda: value


def allocate_ids(model: type[models.Model], count: int) -> list[int]:
    """``count`` primary keys for rows written with their ids, so that other rows can point at them."""
    if count <= 0:
        return []
    table = model._meta.db_table
    column = model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [table, column, count],
            )
            return [row[0] for row in cursor.fetchall()]
        # SQLite (the test suite's default): the writer holds the database lock for the transaction.
        cursor.execute(f'SELECT COALESCE(MAX("{column}"), 0) FROM "{table}"')  # noqa: S608 - model metadata
        first = int(cursor.fetchone()[0]) + 1
        return list(range(first, first + count))


def write(table: Table, rows: Iterable[Sequence[Any]], stamp: datetime) -> int:
    """Write ``rows`` (each beginning with its id when the table is written with ids); how many."""
    names = ", ".join(f'"{name}"' for name in table.column_names())
    written = 0
    if connection.vendor == "postgresql":
        raw = connection.connection
        if raw is None:
            connection.ensure_connection()
            raw = connection.connection
        with raw.cursor() as cursor, cursor.copy(f'COPY "{table.db_table}" ({names}) FROM STDIN') as copy:
            for values in table.complete(rows, stamp):
                copy.write_row(values)
                written += 1
        return written
    # JSON columns were serialised by complete(); every other value goes through its field's preparation.
    prepared = [
        [
            value if isinstance(field, models.JSONField) else field.get_db_prep_save(value, connection)
            for field, value in zip(table.fields, values, strict=True)
        ]
        for values in table.complete(rows, stamp)
    ]
    placeholders = ", ".join(["%s"] * len(table.fields))
    if prepared:
        with connection.cursor() as cursor:
            cursor.executemany(
                f'INSERT INTO "{table.db_table}" ({names}) VALUES ({placeholders})',  # noqa: S608 - metadata
                prepared,
            )
    return len(prepared)
