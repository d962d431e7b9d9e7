"""Selecting many rows by primary key without 5,000-value ``IN`` lists where the keys are consecutive.

Bulk paths (publishing 100,000 imported rows, loading their bidders) used ``pk__in`` with thousands of values
per query. Django prepares every value of such a list in Python before the query is sent, and on 100,000 rows
that preparation cost more than the database's work. The rows of one import have consecutive keys, so a run of
consecutive keys is selected as ``BETWEEN first AND last``, which selects exactly the same rows; keys that are
not part of a long run still go in an ``IN`` list. The conditions are exact either way, so an UPDATE may use
them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.db.models import Q

# A run shorter than this goes into an IN list: a BETWEEN per two or three keys only makes the SQL longer.
MIN_RUN = 64


def _runs(ids: list[int]) -> Iterator[list[int]]:
    run: list[int] = []
    for value in ids:
        if run and value != run[-1] + 1:
            yield run
            run = []
        run.append(value)
    if run:
        yield run


def id_conditions(ids: Iterable[int], *, size: int = 5000, field: str = "pk") -> Iterator[Q]:
    """Conditions on ``field`` that together select exactly ``ids`` (duplicates ignored), each covering at
    most ``size`` keys, in ascending key order within each kind of condition."""
    ordered = sorted(set(ids))
    scattered: list[int] = []
    for run in _runs(ordered):
        if len(run) < MIN_RUN:
            scattered.extend(run)
            continue
        for start in range(0, len(run), size):
            part = run[start : start + size]
            # gte/lte rather than __range, which foreign keys do not support.
            yield Q(**{f"{field}__gte": part[0], f"{field}__lte": part[-1]})
    for start in range(0, len(scattered), size):
        yield Q(**{f"{field}__in": scattered[start : start + size]})
