"""Reads of one agency's rows whose SQL the ORM builds once per database connection, not once per request.

Building and compiling a queryset costs Django 0.3–0.4 ms of Python for the register's queries, several
times what SQLite takes to run them, and an uncached register page asked for four. A ``TenantQuery`` is
declared once with a function that builds the queryset from its parameters; the first call on a
connection builds it with stand-in values, compiles it, and remembers the SQL and where each stand-in
went among the query's parameters. Later calls run that SQL with the real values and convert the columns
exactly as the queryset would (the compiler's own converters), so the rows are what ``values_list`` gives.

Tenancy stays fail-closed (ADR 0001): the agency is a parameter of every call, the build runs inside the
scope of the stand-in agency (so the scoped manager's own filter is a parameter too, not a constant), and
a call outside the scope of that same agency raises ``ScopeError`` as the scoped manager would.

Only plain parameters can stand in: integers and text that the ORM passes to the database unchanged (an
equality, an ``IN`` of one value), and UUIDs, which reach PostgreSQL as they are and SQLite as their 32 hex
digits (the slot remembers which, and the real value is passed the same way). A parameter the ORM rewrites
otherwise (``__contains`` wraps text in ``%``, a date becomes text on SQLite) would not be found among the
compiled parameters, and the first call says so.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connections
from django.db.models import QuerySet
from django.db.models.sql.compiler import SQLCompiler
from django_scopes import ScopeError, get_scope, scope

from prongsai.core.models import Agency

# Stand-ins no constant of a query takes: ids are positive, no text starts with U+FFFF, and no query of ours
# compares with 32,007 and the like. Each must still fit the column it is compared with: since Django 5.0 a
# value out of an integer column's range makes the lookup match nothing instead of reaching the database
# (a fiscal year is a small integer, an agency id a 32- or 64-bit one).
_AGENCY = -2_147_483_000


def _stand_in(name: str, kind: type, index: int) -> Any:
    if kind is int:
        return 32_000 + 11 * index + 7
    if kind is uuid.UUID:
        return uuid.UUID(int=(0xFFFF_FFFF << 96) + index)  # no random UUID begins with 32 one bits
    return f"\uffff{name}\uffff"


_HEX = "hex"  # the slot takes the UUID's 32 hex digits (SQLite), not the UUID (PostgreSQL)


@dataclass(frozen=True)
class _Compiled:
    sql: str
    # For each parameter of the SQL: (name of the value it takes, "" or _HEX), or ("", constant).
    slots: tuple[tuple[str, Any], ...]
    compiler: SQLCompiler


class TenantQuery:
    """``build(agency_id, **values)`` → the queryset; ``rows(agency, **values)`` → its rows as tuples."""

    def __init__(self, build: Callable[..., QuerySet[Any]], **kinds: type) -> None:
        self.build = build
        self.kinds = kinds
        self._compiled: dict[str, _Compiled] = {}
        self._lock = threading.Lock()

    def rows(self, agency: Agency | int, **values: Any) -> list[tuple[Any, ...]]:
        """The rows for ``agency`` (the agency or its id) and ``values``."""
        agency_id = agency if isinstance(agency, int) else agency.pk
        current = get_scope()
        if current.get("_enabled", True) and not _covers(current.get("agency"), agency_id):
            raise ScopeError("A TenantQuery runs only inside the scope of the agency it reads.")
        if set(values) != set(self.kinds) or any(
            type(values[name]) is not kind for name, kind in self.kinds.items()
        ):
            raise TypeError(f"expected values {self.kinds}, got {values!r}")
        compiled = self._for("default")
        given = {"agency_id": agency_id, **values}
        params = [
            (given[name].hex if how == _HEX else given[name]) if name else how for name, how in compiled.slots
        ]
        connection = connections["default"]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            found = cursor.fetchall()
        # The compiler's converters (decimals, dates, time zones), as the queryset would apply them.
        return [tuple(row) for row in compiled.compiler.results_iter([found])]

    def _for(self, alias: str) -> _Compiled:
        connection = connections[alias]
        # One entry per connection object: the SQL is the vendor's, the converters are the connection's.
        key = f"{alias}:{id(connection)}"
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compile(alias)
            with self._lock:
                self._compiled[key] = compiled
        return compiled

    def _compile(self, alias: str) -> _Compiled:
        stand_ins = {name: _stand_in(name, kind, i) for i, (name, kind) in enumerate(self.kinds.items())}
        with scope(agency=_AGENCY):
            queryset = self.build(_AGENCY, **stand_ins)
        compiler = queryset.query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        by_value: dict[Any, tuple[str, str]] = {_AGENCY: ("agency_id", "")}
        for name, value in stand_ins.items():
            by_value[value] = (name, "")
            if isinstance(value, uuid.UUID):
                by_value[value.hex] = (name, _HEX)
        slots = tuple(by_value[p] if _hashable(p) and p in by_value else ("", p) for p in params)
        found = {name for name, _how in slots if name}
        expected = {"agency_id", *stand_ins}
        if found != expected:
            missing = sorted(expected - found)
            raise ValueError(f"the ORM did not pass {missing} to the database unchanged: not a TenantQuery")
        return _Compiled(sql=sql, slots=slots, compiler=compiler)


def _covers(scoped: Any, agency_id: int) -> bool:
    """Whether the scope's agency value (an agency, its id, or a list of either, as the scoped manager
    accepts) includes the agency ``agency_id``; no scope covers nothing."""
    values = scoped if isinstance(scoped, (list, tuple, set, frozenset)) else [scoped]
    return any(value is not None and getattr(value, "pk", value) == agency_id for value in values)


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True
