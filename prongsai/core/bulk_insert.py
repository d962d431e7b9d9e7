"""Inserting many rows of one model quickly: one ``executemany`` per 2,000 rows, no model instances.

``bulk_create`` (and even building ``Model(...)`` objects) spends most of its time in the generic field
machinery: on 100,000 rows of the procurement register or their revisions, more time than the database
takes. Here each column's conversion is chosen once, the values every row shares (agency, author, times,
defaults) are converted once, and each row only adds its own values, converted by the backend's own
adapters. It runs inside the caller's transaction. No signal is sent and ``save()`` is not called, so only
plain rows (no per-row side effects) may be written this way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.db import connection, models

BATCH = 2000


class JsonText(str):
    """A JSON field's value already serialised (e.g. the canonical JSON a content hash was taken of): written
    as it is, so 100,000 revisions are not serialised twice."""

    __slots__ = ()


def _converter(field: models.Field[Any, Any]) -> Callable[[Any], Any]:
    ops = connection.ops
    if isinstance(field, models.UUIDField):
        if connection.features.has_native_uuid_field:
            return lambda v: v
        return lambda v: v.hex if v else v
    if isinstance(field, models.DateTimeField):
        return ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return ops.adapt_datefield_value
    if isinstance(field, models.DecimalField):
        return lambda v: ops.adapt_decimalfield_value(v, field.max_digits, field.decimal_places)
    if isinstance(field, models.JSONField):
        return lambda v: v if isinstance(v, JsonText) else ops.adapt_json_value(v, field.encoder)
    return lambda v: v


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
        self.shared = {f.attname: self.convert[f.attname](getattr(template, f.attname)) for f in fields}
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

    def insert(self, rows: Iterable[dict[str, Any]]) -> int:
        convert, shared, names, fresh = self.convert, self.shared, self.names, self.fresh
        params = []
        for own in rows:
            for name, make in fresh.items():
                if name not in own:
                    own[name] = make()
            params.append(tuple(convert[n](own[n]) if n in own else shared[n] for n in names))
        with connection.cursor() as cursor:
            for start in range(0, len(params), BATCH):
                cursor.executemany(self.sql, params[start : start + BATCH])
        return len(params)
