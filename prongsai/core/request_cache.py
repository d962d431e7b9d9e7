"""Shared-cache keys read once at the start of a request, for the code further in that reads them again.

The public page cache (``core/pagecache.py``) reads the page, the instance-wide and agency publication
versions and the host → agency mapping in one round trip before anything else runs. When the page is not
stored, the agency middleware, ``cache_public_page`` and the stored readiness would each read the same keys
again, three more round trips to the shared cache per rendered page. Inside ``prefetched`` they get the
values already read instead.

What was asked and not found is remembered as missing, so the code falls back to its own path (which
creates the key) exactly as it would have. A value read at the start of the request is as good as one read
later in it: every reader only needs a version no newer than the request's start, because what it renders
or stores is filed under that version (a publication during the request moves the version on, and what the
request stored is then never read again).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

_MISSING = object()
_PREFETCHED: ContextVar[dict[str, Any] | None] = ContextVar("prongsai_prefetched", default=None)


@contextmanager
def prefetched(asked: Iterable[str], found: dict[str, Any]) -> Iterator[None]:
    """Within the block, ``get_many`` of keys among ``asked`` is answered from ``found``."""
    values = {key: found.get(key, _MISSING) for key in asked}
    token = _PREFETCHED.set(values)
    try:
        yield
    finally:
        _PREFETCHED.reset(token)


def get_many(cache: Any, keys: list[str]) -> dict[str, Any]:
    """``cache.get_many(keys)``, from the request's prefetched values when all of them were read there."""
    known = _PREFETCHED.get()
    if known is not None and all(key in known for key in keys):
        return {key: known[key] for key in keys if known[key] is not _MISSING}
    return dict(cache.get_many(keys))
