"""Rate limits of the channel, counted in the cache under keyed hashes of client addresses.

Receipt guesses are refused *before* any slow hash runs. A client is known only by an HMAC of its
address under a random key that lives in this process's memory and changes every day: the key is never
written anywhere, so neither the cache (even a Redis snapshot) nor anything else lets anyone recover an
address, even with the database and SECRET_KEY. The price: with several worker processes each has its
own key, so a client may get its allowance once per process — the global limit bounds the total.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

_lock = threading.Lock()
_pepper: tuple[int, bytes] | None = None


def _daily_pepper() -> bytes:
    global _pepper
    day = int(time.time() // 86400)
    with _lock:
        if _pepper is None or _pepper[0] != day:
            _pepper = (day, secrets.token_bytes(32))
        return _pepper[1]


def client_tag(address: str) -> str:
    """An unlinkable, never-persisted stand-in for a client address."""
    return hmac.new(_daily_pepper(), address.encode(), hashlib.sha256).hexdigest()[:32]


@dataclass(frozen=True)
class Limit:
    name: str
    per_client: int
    global_: int
    window_seconds: int


DEFAULT_LIMITS = {
    # A reporter mistypes a receipt a few times; a guesser needs 10^12 tries.
    "receipt": Limit("receipt", per_client=10, global_=300, window_seconds=3600),
    "submit": Limit("submit", per_client=10, global_=120, window_seconds=3600),
}


def limit(name: str) -> Limit:
    configured = getattr(settings, "WHISTLEBLOWER_RATE_LIMITS", {}) or {}
    base = DEFAULT_LIMITS[name]
    per_client, global_ = configured.get(name, (base.per_client, base.global_))
    return Limit(name, int(per_client), int(global_), base.window_seconds)


def _hit(key: str, window: int) -> int:
    # add+incr are atomic in Redis and in the local-memory cache, so concurrent requests are all counted.
    cache.add(key, 0, timeout=window + 5)
    try:
        return int(cache.incr(key))
    except ValueError:
        cache.set(key, 1, timeout=window + 5)
        return 1


def allow(name: str, *, client: str, agency_id: int) -> bool:
    """Count one attempt; False when the client's or the agency's allowance for this window is used up."""
    rule = limit(name)
    window = int(time.time() // rule.window_seconds)
    own = _hit(f"pswb:rl:{name}:{window}:{agency_id}:{client}", rule.window_seconds)
    if own > rule.per_client:
        return False
    total = _hit(f"pswb:rl:{name}:{window}:{agency_id}:*", rule.window_seconds)
    return total <= rule.global_
