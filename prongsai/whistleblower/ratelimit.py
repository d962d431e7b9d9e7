"""Rate limits of the channel, counted in the store every web process shares, under hourly keyed hashes.

Receipt guesses are refused *before* any slow hash runs (``services.receipt_open``). The counters live in
``caches["default"]`` through ``prongsai.core.limits`` — the database cache table or Redis — so that two
gunicorn workers grant one allowance, not one each (ADR 0080 revises ADR 0041 here).

A client is known only by an HMAC of its address under a **random pepper of the current hour**, shared by
the processes through the same store (``add`` is atomic: the first process to need it creates it, every
other one reads it) and deleted at the next hour by whoever creates the next one. It is never derived from
SECRET_KEY and never in a backup (the archive leaves out the cache table's rows), so an hour after a
request neither the counters nor anything else can be turned back into an address, even with the database,
a backup and SECRET_KEY. What remains is the live store during that hour, which is no more than the web
server's own memory holds then.
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

from prongsai.core import limits

WINDOW = limits.HOUR
_PEPPER_KEY = "pswb:pepper:{window}"
_lock = threading.Lock()
_pepper: tuple[int, bytes] | None = None


def _hour_pepper(now: float | None = None) -> bytes:
    global _pepper
    window = WINDOW.index(now)
    with _lock:
        if _pepper is not None and _pepper[0] == window:
            return _pepper[1]
    key = _PEPPER_KEY.format(window=window)
    fresh = secrets.token_hex(32)
    if cache.add(key, fresh, timeout=WINDOW.remaining(now) + 60):
        # We started this hour: the previous hour's pepper has no use left, so it goes at once.
        cache.delete(_PEPPER_KEY.format(window=window - 1))
    value = cache.get(key) or fresh  # or fresh: the store lost it in between; counting goes on regardless
    pepper = bytes.fromhex(str(value))
    with _lock:
        _pepper = (window, pepper)
    return pepper


def client_tag(address: str) -> str:
    """An unlinkable stand-in for a client address, the same in every process during the hour."""
    return hmac.new(_hour_pepper(), address.encode(), hashlib.sha256).hexdigest()[:32]


def opaque(value: str) -> str:
    """Any other value the channel counts by (a receipt's lookup tag), hashed under the hour's pepper."""
    return hmac.new(_hour_pepper(), b"value:" + value.encode(), hashlib.sha256).hexdigest()[:32]


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
# Once the agency's hourly receipt budget is spent, each receipt prefix (its lookup tag) still gets this many
# slow-hash checks an hour, so a flood of wrong receipts cannot lock out the holder of a right one.
DEFAULT_PER_PREFIX = 5


def limit(name: str) -> Limit:
    configured = getattr(settings, "WHISTLEBLOWER_RATE_LIMITS", {}) or {}
    base = DEFAULT_LIMITS[name]
    per_client, global_ = configured.get(name, (base.per_client, base.global_))
    return Limit(name, int(per_client), int(global_), base.window_seconds)


def per_prefix() -> int:
    return int(getattr(settings, "WHISTLEBLOWER_RECEIPT_PER_PREFIX", DEFAULT_PER_PREFIX))


def _hit(name: str, rule: Limit, scope: str) -> int:
    return limits.hit(f"wb:{name}:{scope}", limits.Window(rule.window_seconds))


def allow_client(name: str, *, client: str, agency_id: int) -> bool:
    """Count one attempt of this client; False when its allowance for this window is used up."""
    rule = limit(name)
    return _hit(name, rule, f"{agency_id}:{client}") <= rule.per_client


def within_global(name: str, *, agency_id: int) -> bool:
    """Count one attempt against the agency's allowance; False once this window's is used up."""
    rule = limit(name)
    return _hit(name, rule, f"{agency_id}:*") <= rule.global_


def allow(name: str, *, client: str, agency_id: int) -> bool:
    """Both: the client's allowance first (a refused client does not spend the agency's)."""
    return allow_client(name, client=client, agency_id=agency_id) and within_global(name, agency_id=agency_id)


def allow_prefix(*, agency_id: int, tag: str) -> bool:
    """Count one check of a receipt prefix past the agency's budget; False once its share is spent."""
    count = limits.hit(f"wb:receipt-prefix:{agency_id}:{opaque(tag)}", WINDOW)
    return count <= per_prefix()


# --- equal timing when no slow hash runs ----------------------------------------------------------------

_hash_seconds: float | None = None


def note_hash_time(seconds: float) -> None:
    """Remember how long one receipt Argon2id takes here (a moving average)."""
    global _hash_seconds
    with _lock:
        _hash_seconds = seconds if _hash_seconds is None else 0.8 * _hash_seconds + 0.2 * seconds


def hash_seconds() -> float | None:
    return _hash_seconds


def wait_like_a_hash(started: float) -> None:
    """Sleep until as long as a slow hash would have taken has passed since ``started``.

    Past the budget, a prefix that no report carries is refused without Argon2id; waiting instead (which
    costs no CPU) keeps that answer as slow as a real check, so timing does not tell which prefixes exist.
    """
    target = _hash_seconds
    if target is None:
        return
    remaining = target - (time.perf_counter() - started)
    if remaining > 0:
        time.sleep(remaining)
