"""The cyclic garbage collector paused for the length of a bulk operation.

An import, a publication or a backfill of 100,000 register rows allocates millions of short-lived objects
(rows, tuples, dicts, decimals, dates). Each 700 allocations start a collection of the youngest generation,
and every so often of the oldest, which walks every object the process holds: the longer the operation runs,
the more each of those costs. On the procurement benchmark this was 15–40 % of a publication's time (ADR
0134). Nothing those operations allocate relies on the cycle collector to be freed in time: reference
counting frees it, and what cycles remain are collected when the pause ends.

The pause is counted, so overlapping operations in threads of one process end it only when the last one
ends, and a collector that was already off (a caller's own choice) is left off.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def collection_paused() -> Iterator[None]:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()


def with_collection_paused(function: Callable[P, R]) -> Callable[P, R]:
    """``function`` run with the collector paused (for bulk services; see the module's docstring)."""

    @wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with collection_paused():
            return function(*args, **kwargs)

    return wrapper
