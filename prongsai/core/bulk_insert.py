"""Inserting many rows of one model quickly, no model instances: one ``executemany`` per 2,000 rows on SQLite,
one ``COPY`` on PostgreSQL (ADR 0127).

``bulk_create`` (and even building ``Model(...)`` objects) spends most of its time in the generic field
machinery: on 100,000 rows of the procurement register or their revisions, more time than the database
takes. Here each column's conversion is chosen once, the values every row shares (agency, author, times,
defaults) are converted once, and each row only adds its own values, converted by the backend's own
adapters. It runs inside the caller's transaction. No signal is sent and ``save()`` is not called, so only
plain rows (no per-row side effects) may be written this way. The ``COPY`` goes through psycopg's own
cursor, so it is not in Django's query log (``connection.queries``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from operator import itemgetter
from typing import Any

from django.db import connection, models

BATCH = 2000


class JsonText(str):
    """A JSON field's value already serialised (e.g. the canonical JSON a content hash was taken of): written
    as it is, so 100,000 revisions are not serialised twice."""

    __slots__ = ()


# Pages SQLite may keep in memory while a bulk write runs (KiB): the default 2 MB is less than the indexes
# of a 100,000-row register (ten of them, one over random public ids), so each INSERT read index pages back
# from the operating system; a fifth of the commit of such an import (ADR 0127).
BULK_PAGE_CACHE_KIB = 65536


@contextmanager
def bulk_page_cache(kib: int = BULK_PAGE_CACHE_KIB) -> Iterator[None]:
    """Let this SQLite connection cache up to ``kib`` KiB of pages inside the block, then restore its own
    setting (connections are kept between requests and tasks). Nothing happens on other databases, whose
    cache is the server's."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (previous,) = cursor.fetchone()
        cursor.execute(f"PRAGMA cache_size = -{int(kib)}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(previous)}")


def _converter(field: models.Field[Any, Any]) -> Callable[[Any], Any] | None:
    """What turns a Python value of ``field`` into what the backend's driver takes; None if it takes the
    value as it is (so that nothing is called for it per row)."""
    ops = connection.ops
    if isinstance(field, models.UUIDField):
        if connection.features.has_native_uuid_field:
            return None
        return lambda v: v.hex if v else v
    if isinstance(field, models.DateTimeField):
        return ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return ops.adapt_datefield_value
    if isinstance(field, models.DecimalField):
        return lambda v: ops.adapt_decimalfield_value(v, field.max_digits, field.decimal_places)
    if isinstance(field, models.JSONField):
        return lambda v: v if isinstance(v, JsonText) else ops.adapt_json_value(v, field.encoder)
    return None


def _convert(convert: Callable[[Any], Any] | None, value: Any) -> Any:
    return value if convert is None else convert(value)


class FastInsert:
    """INSERT rows of ``model`` given as dicts of attribute names (``vendor_id``, not ``vendor``).

    ``shared`` holds the values every row has (model instances allowed, e.g. ``agency=…``); a field that is
    in neither gets its default, and a callable default (a public id) is called for each row.
    """

    def __init__(self, model: type[models.Model], **shared: Any) -> None:
        fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        template = model(**shared)
        self.names = [f.attname for f in fields]
        self.convert = {f.attname: _converter(f) for f in fields}
        self.shared = {
            f.attname: _convert(self.convert[f.attname], getattr(template, f.attname)) for f in fields
        }
        self.fresh = {
            f.attname: f.default
            for f in fields
            if f.has_default() and callable(f.default) and f.attname not in shared and f.name not in shared
        }
        ops = connection.ops
        table = ops.quote_name(model._meta.db_table)
        columns = ", ".join(ops.quote_name(f.column) for f in fields)
        placeholders = ", ".join(["%s"] * len(fields))
        self.sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608 - names only
        self.copy_sql = f"COPY {table} ({columns}) FROM STDIN"

    def insert(self, rows: Iterable[dict[str, Any]]) -> int:
        rows = list(rows)
        if rows and all(own.keys() == rows[0].keys() for own in rows):
            # Every row sets the same fields (the usual case): written column by column. Keys that are no
            # field of the model are ignored, as below.
            names = [name for name in rows[0] if name in self.convert]
            return self.insert_columns(len(rows), {name: list(map(itemgetter(name), rows)) for name in names})
        convert, shared, names, fresh = self.convert, self.shared, self.names, self.fresh
        params = []
        for own in rows:
            for name, make in fresh.items():
                if name not in own:
                    own[name] = make()
            params.append(tuple(_convert(convert[n], own[n]) if n in own else shared[n] for n in names))
        self._execute(params)
        return len(params)

    def insert_columns(self, count: int, columns: dict[str, list[Any]]) -> int:
        """INSERT ``count`` rows given column by column: ``columns`` maps attribute names to lists of
        ``count`` values (the i-th row takes the i-th value of each).

        The same rows as ``insert`` with dicts, built with a few calls per column instead of a Python step
        per cell: on 100,000 register rows that step cost more than a second.
        """
        series: list[list[Any]] = []
        for name in self.names:
            values = columns.get(name)
            if values is None:
                make = self.fresh.get(name)
                if make is None:
                    series.append([self.shared[name]] * count)
                    continue
                values = [make() for _ in range(count)]
            convert = self.convert[name]
            series.append(values if convert is None else list(map(convert, values)))
        unknown = columns.keys() - set(self.names)
        if unknown:
            raise ValueError(f"not fields of the model: {sorted(unknown)}")
        params = list(zip(*series, strict=True))
        if len(params) != count:
            raise ValueError(f"{len(params)} rows given, {count} expected")
        self._execute(params)
        return count

    def _execute(self, params: list[tuple[Any, ...]]) -> None:
        if connection.vendor == "postgresql" and params:
            # COPY: psycopg binds parameters on the client by default, so each INSERT of an executemany is
            # a statement the server parses and plans again; on 100,000 rows that was most of the commit.
            # Each value goes through the type adapter psycopg would use for it as a parameter.
            connection.ensure_connection()
            raw = connection.connection
            assert raw is not None  # noqa: S101 - ensured just above
            with raw.cursor() as cursor, cursor.copy(self.copy_sql) as copy:
                for row in params:
                    copy.write_row(row)
            return
        with connection.cursor() as cursor:
            for start in range(0, len(params), BATCH):
                cursor.executemany(self.sql, params[start : start + BATCH])
