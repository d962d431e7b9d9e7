"""Paging long lists by keyset ("the rows after this one") instead of by page number.

A page-numbered list counts every matching row to know how many pages there are and skips ``OFFSET`` rows
to reach page n, so both cost more the longer the list. Here a page is "the next ``per_page`` rows after
the last row shown" (or "before the first row shown", going back), found with the list's own ordering and
index, at the same cost on the first page and on the thousandth. The list's ordering must end with the
primary key so that it is total (two rows never tie) and stable.

The cursor is the sort key of a row written into the URL (``?after=…`` / ``?before=…``) next to the other
filters, which are kept. A cursor that cannot be read (edited by hand, from an older version) gives the first
page, never an error.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.db import models
from django.db.models import Q, QuerySet
from django.http import QueryDict

# What a page holds: model instances, or the named rows of ``values_list(..., named=True)``.
M = TypeVar("M")

SEPARATOR = "~"
NULL = "-"


@dataclass(frozen=True)
class Key:
    """One column of the ordering, newest first (descending) with empty values (NULL) after the others."""

    field: str
    kind: type  # int or datetime.date: how the cursor's text is read back


@dataclass
class KeysetPage(Generic[M]):
    rows: list[M]
    next_query: str | None  # the query string of the next page (filters kept), None on the last page
    previous_query: str | None  # the query string of the previous page, None on the first page
    first_query: str | None  # the first page, offered when this is not the first page

    @property
    def has_other_pages(self) -> bool:
        return self.next_query is not None or self.previous_query is not None


def _encode(values: Sequence[Any]) -> str:
    return SEPARATOR.join(
        NULL if v is None else (v.isoformat() if hasattr(v, "isoformat") else str(v)) for v in values
    )


def _decode(text: str, keys: Sequence[Key]) -> list[Any] | None:
    parts = text.split(SEPARATOR)
    if len(parts) != len(keys):
        return None
    values: list[Any] = []
    try:
        for part, key in zip(parts, keys, strict=True):
            if part == NULL:
                values.append(None)
            elif key.kind is datetime.date:
                values.append(datetime.date.fromisoformat(part))
            else:
                values.append(int(part))
    except ValueError:
        return None
    if values[-1] is None:  # the last key is the primary key: never empty
        return None
    return values


def _after(keys: Sequence[Key], values: Sequence[Any]) -> Q:
    """Rows that come after ``values`` in the order (descending, NULLs last)."""
    condition = Q(pk__in=[])
    equal = Q()
    for key, value in zip(keys, values, strict=True):
        if value is None:
            # Nothing is after an empty value in this column except other empty values (ties, next key).
            equal &= Q(**{f"{key.field}__isnull": True})
            continue
        condition |= equal & (Q(**{f"{key.field}__lt": value}) | Q(**{f"{key.field}__isnull": True}))
        equal &= Q(**{key.field: value})
    return condition


def _before(keys: Sequence[Key], values: Sequence[Any]) -> Q:
    """Rows that come before ``values`` in the order (descending, NULLs last)."""
    condition = Q(pk__in=[])
    equal = Q()
    for key, value in zip(keys, values, strict=True):
        if value is None:
            condition |= equal & Q(**{f"{key.field}__isnull": False})
            equal &= Q(**{f"{key.field}__isnull": True})
            continue
        condition |= equal & Q(**{f"{key.field}__gt": value})
        equal &= Q(**{key.field: value})
    return condition


def ordering(keys: Sequence[Key]) -> list[Any]:
    return [models.F(k.field).desc(nulls_last=True) for k in keys]


def _query(base: QueryDict, **cursor: str) -> str:
    query = base.copy()
    for name in ("after", "before", "page"):
        query.pop(name, None)
    for name, value in cursor.items():
        query[name] = value
    return query.urlencode()


def page(qs: QuerySet[Any, M], keys: Sequence[Key], params: QueryDict, per_page: int) -> KeysetPage[M]:
    """The page of ``qs`` that ``params`` (the request's GET) asks for, ordered by ``keys`` (the last being
    ``pk``). Reads at most ``per_page + 1`` rows: the extra one tells whether there is another page."""

    def key_of(row: M) -> str:
        return _encode([getattr(row, k.field) for k in keys])

    after = _decode(params.get("after", ""), keys) if params.get("after") else None
    before = _decode(params.get("before", ""), keys) if params.get("before") and after is None else None
    if before is not None:
        reverse = [models.F(k.field).asc(nulls_first=True) for k in keys]
        found = list(qs.filter(_before(keys, before)).order_by(*reverse)[: per_page + 1])
        more_before = len(found) > per_page
        rows = list(reversed(found[:per_page]))
        if not rows:  # nothing before it any more: start again from the first page
            return page(qs, keys, QueryDict(_query(params)), per_page)
        return KeysetPage(
            rows=rows,
            next_query=_query(params, after=key_of(rows[-1])),
            previous_query=_query(params, before=key_of(rows[0])) if more_before else None,
            first_query=_query(params) if more_before else None,
        )
    ordered = qs.order_by(*ordering(keys))
    if after is None:
        return first_page(list(ordered[: per_page + 1]), keys, params, per_page)
    found = list(ordered.filter(_after(keys, after))[: per_page + 1])
    rows = found[:per_page]
    return KeysetPage(
        rows=rows,
        next_query=_query(params, after=key_of(rows[-1])) if len(found) > per_page else None,
        previous_query=_query(params, before=key_of(rows[0])) if rows else None,
        first_query=_query(params),
    )


def is_first_page(params: QueryDict) -> bool:
    """Whether ``params`` ask for the first page (no cursor, or a cursor ``page`` would not read)."""
    return not params.get("after") and not params.get("before")


def first_page(found: list[M], keys: Sequence[Key], params: QueryDict, per_page: int) -> KeysetPage[M]:
    """The first page from its rows read elsewhere: the first ``per_page + 1`` rows in the keys' order."""
    rows = found[:per_page]
    more = len(found) > per_page
    return KeysetPage(
        rows=rows,
        next_query=_query(params, after=_encode([getattr(rows[-1], k.field) for k in keys]))
        if more
        else None,
        previous_query=None,
        first_query=None,
    )
