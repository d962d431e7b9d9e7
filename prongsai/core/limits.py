"""Fixed-window counters of every abuse limit, in the store that all web processes share.

The citizen forms (``prongsai.core.safeguards``), Open311 and the open-data API (``prongsai.api.throttling``)
and the corruption channel (``prongsai.whistleblower.ratelimit``) all count here, in ``caches["default"]``:
the database cache table ``prongsai_cache`` on the embedded default, Redis when ``REDIS_URL`` is set
(settings; ADR 0080). A counter kept in a process's memory is worth nothing with two gunicorn workers: each
grants the full allowance again.

Counts use ``add`` then ``incr``, both atomic in Redis, in the local-memory cache of the tests, and in our
``prongsai.core.cache.DatabaseCache`` (Django's own database ``incr`` is not). A key names its window, so a
window's count is never reset by a later one, and it expires a minute after its window ends. Callers pass
keys that hold no address in clear (a keyed hash, see ``client_fingerprint``).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.cache import cache

KEY_PREFIX = "prongsai:limit"


@dataclass(frozen=True)
class Window:
    """A fixed window of ``seconds`` (an hour, a day), aligned to the Unix epoch so every process agrees."""

    seconds: int

    def index(self, now: float | None = None) -> int:
        return int((time.time() if now is None else now) // self.seconds)

    def remaining(self, now: float | None = None) -> int:
        """Whole seconds until this window ends (for ``Retry-After``)."""
        moment = time.time() if now is None else now
        return max(1, int(self.seconds - moment % self.seconds))

    def key(self, name: str, now: float | None = None) -> str:
        return f"{KEY_PREFIX}:{name}:{self.seconds}:{self.index(now)}"


HOUR = Window(3600)
DAY = Window(86400)


def hit(name: str, window: Window, *, now: float | None = None) -> int:
    """Count one event of ``name`` in the current window; return the count including this one."""
    key = window.key(name, now)
    ttl = window.remaining(now) + 60
    cache.add(key, 0, timeout=ttl)
    try:
        return int(cache.incr(key))
    except ValueError:  # expired (or culled) between add and incr: this event starts a new count
        cache.add(key, 1, timeout=ttl)
        return 1


def current(name: str, window: Window, *, now: float | None = None) -> int:
    """The count of ``name`` in the current window, without counting."""
    return int(cache.get(window.key(name, now)) or 0)


def current_many(counters: Sequence[tuple[str, Window]], *, now: float | None = None) -> list[int]:
    """Several counts in one round trip to the store."""
    keys = [window.key(name, now) for name, window in counters]
    found = cache.get_many(keys)
    return [int(found.get(key) or 0) for key in keys]
