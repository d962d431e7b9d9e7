"""The database cache of the embedded default, with a counter that every web process can share.

Without Redis, ``caches["default"]`` is Django's database cache in the ``prongsai_cache`` table, so that
every worker process counts the same abuse limits (``prongsai.core.limits``, ADR 0080). Django's
``DatabaseCache.incr`` is the generic read-then-write of ``BaseCache``: two workers incrementing at once both
read 5 and both write 6, and it writes the new value with the *default* timeout, so an hourly counter would
vanish five minutes after its last hit. This subclass increments inside one transaction that locks the row
(``SELECT … FOR UPDATE`` on PostgreSQL; SQLite's ``BEGIN IMMEDIATE``, set in settings, takes the write lock
before the read) and keeps the row's own expiry.

Django's ``set`` also counts the whole table (``SELECT COUNT(*)``) before every write, to decide whether to
cull. The public page cache writes a row for every page it renders, and the table holds up to
``MAX_ENTRIES`` (200,000) rows, so every uncached page paid for a scan that grows with the table. Here the
table is counted on the first write of a process and then on every 64th: it may outgrow the limit by at most
64 rows per process before the cull, which removes a third of the table.
"""

from __future__ import annotations

import base64
import itertools
import pickle
from datetime import UTC, datetime
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import DatabaseError, connections, models, router, transaction
from django.utils.timezone import now as tz_now

_COUNT_EVERY = 64


class DatabaseCache(DjangoDatabaseCache):
    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote_name = connection.ops.quote_name
        table = quote_name(self._table)  # type: ignore[attr-defined]  # set by BaseDatabaseCache
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {quote_name('value')}, {quote_name('expires')} FROM {table} "  # noqa: S608 - names only
                f"WHERE {quote_name('cache_key')} = %s{lock}",
                [key],
            )
            row = cursor.fetchone()
            if row is None:
                raise ValueError(f"Key '{key}' not found")
            expires = row[1]
            expression = models.Expression(output_field=models.DateTimeField())
            for converter in connection.ops.get_db_converters(expression) + expression.get_db_converters(
                connection
            ):
                expires = converter(expires, expression, connection)
            if expires < tz_now():
                raise ValueError(f"Key '{key}' not found")
            value = pickle.loads(base64.b64decode(connection.ops.process_clob(row[0]).encode()))  # noqa: S301 - our own rows
            new_value = value + delta
            encoded = base64.b64encode(pickle.dumps(new_value, self.pickle_protocol)).decode("latin1")
            cursor.execute(
                f"UPDATE {table} SET {quote_name('value')} = %s "  # noqa: S608 - names only
                f"WHERE {quote_name('cache_key')} = %s",
                [encoded, key],
            )
        return int(new_value)

    def decr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        return self.incr(key, -delta, version)

    def __init__(self, table: str, params: dict[str, Any]) -> None:
        super().__init__(table, params)
        self._writes = itertools.count()

    def _base_set(self, mode: str, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT) -> bool:
        # Django's DatabaseCache._base_set (5.2), with the table counted only every _COUNT_EVERY writes.
        timeout = self.get_backend_timeout(timeout)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote_name = connection.ops.quote_name
        table = quote_name(self._table)  # type: ignore[attr-defined]  # set by BaseDatabaseCache
        with connection.cursor() as cursor:
            now = tz_now().replace(microsecond=0)
            if next(self._writes) % _COUNT_EVERY == 0:
                cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608 - a quoted table name
                num = cursor.fetchone()[0]
                if num > self._max_entries:
                    self._cull(db, cursor, now, num)  # type: ignore[attr-defined]  # Django untyped
            # Naive datetime.max for "never", as Django writes it (its adapter stores it unchanged).
            never = datetime.max  # noqa: DTZ901
            expires = (never if timeout is None else datetime.fromtimestamp(timeout, tz=UTC)).replace(
                microsecond=0
            )
            encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            key_column, value_column, expires_column = (
                quote_name(c) for c in ("cache_key", "value", "expires")
            )
            try:
                with transaction.atomic(using=db):
                    cursor.execute(
                        f"SELECT {key_column}, {expires_column} FROM {table} "  # noqa: S608 - names only
                        f"WHERE {key_column} = %s",
                        [key],
                    )
                    result = cursor.fetchone()
                    current_expires = None
                    if result:
                        current_expires = result[1]
                        expression = models.Expression(output_field=models.DateTimeField())
                        for converter in connection.ops.get_db_converters(
                            expression
                        ) + expression.get_db_converters(connection):
                            current_expires = converter(current_expires, expression, connection)
                    stored_expires = connection.ops.adapt_datetimefield_value(expires)
                    if result and mode == "touch":
                        cursor.execute(
                            f"UPDATE {table} SET {expires_column} = %s WHERE {key_column} = %s",  # noqa: S608
                            [stored_expires, key],
                        )
                    elif result and (
                        mode == "set"
                        or (mode == "add" and current_expires is not None and current_expires < now)
                    ):
                        cursor.execute(
                            f"UPDATE {table} SET {value_column} = %s, {expires_column} = %s "  # noqa: S608
                            f"WHERE {key_column} = %s",
                            [encoded, stored_expires, key],
                        )
                    elif mode != "touch":
                        cursor.execute(
                            f"INSERT INTO {table} ({key_column}, {value_column}, {expires_column}) "  # noqa: S608
                            "VALUES (%s, %s, %s)",
                            [key, encoded, stored_expires],
                        )
                    else:
                        return False  # touch failed
            except DatabaseError:
                # As in Django: to be thread-safe, updates and inserts may fail silently.
                return False
            return True
