"""The shared counters of every abuse limit (ADR 0080) and the database cache that holds them by default."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from prongsai.core import limits
from prongsai.core.cache import DatabaseCache

TABLE = "prongsai_cache_limits_test"


@pytest.fixture
def db_cache(db) -> DatabaseCache:
    call_command("createcachetable", TABLE)
    return DatabaseCache(TABLE, {})


def _expires(key: str) -> datetime:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT expires FROM {TABLE} WHERE cache_key = %s", [key])  # noqa: S608
        value = cursor.fetchone()[0]
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if timezone.is_aware(value) else value.replace(tzinfo=UTC)


def test_the_database_counter_counts_every_increment_and_keeps_its_own_expiry(db_cache):
    assert db_cache.add("counter", 0, timeout=3600)
    for _ in range(25):
        db_cache.incr("counter")
    assert db_cache.get("counter") == 25
    assert db_cache.decr("counter", 5) == 20
    # Django's own DatabaseCache.incr rewrote the row with the default timeout (5 minutes).
    left = _expires(db_cache.make_key("counter")) - timezone.now()
    assert timedelta(minutes=55) < left <= timedelta(hours=1)


def test_the_database_counter_refuses_a_missing_or_expired_key(db_cache):
    with pytest.raises(ValueError):
        db_cache.incr("missing")
    db_cache.set("old", 3, timeout=-1)
    with pytest.raises(ValueError):
        db_cache.incr("old")


def test_the_database_cache_sets_adds_and_touches_as_djangos_does(db_cache):
    db_cache.set("page", {"body": b"<p>"}, timeout=60)
    assert db_cache.get("page") == {"body": b"<p>"}
    assert db_cache.add("page", "other") is False  # present and fresh
    assert db_cache.get("page") == {"body": b"<p>"}
    db_cache.set("stale", 1, timeout=-1)
    assert db_cache.add("stale", 2, timeout=60) is True  # present but expired
    assert db_cache.get("stale") == 2
    db_cache.set_many({"a": 1, "b": 2}, timeout=None)
    assert db_cache.get_many(["a", "b"]) == {"a": 1, "b": 2}
    assert _expires(db_cache.make_key("a")).year == 9999
    assert db_cache.touch("a", 30) is True
    assert _expires(db_cache.make_key("a")) - timezone.now() <= timedelta(seconds=30)
    assert db_cache.touch("missing", 30) is False


def test_the_table_is_still_culled_when_it_outgrows_its_limit(db):
    call_command("createcachetable", TABLE)
    small = DatabaseCache(TABLE, {"OPTIONS": {"MAX_ENTRIES": 30, "CULL_FREQUENCY": 2}})
    for number in range(200):
        small.set(f"k{number}", number, timeout=600)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {TABLE}")  # noqa: S608
        rows = cursor.fetchone()[0]
    # Counted every 64 writes instead of before each: never more than the limit plus 64 rows.
    assert rows <= 30 + 64
    assert small.get("k199") == 199


def test_a_window_counts_its_own_events_and_the_next_starts_from_one():
    start = 1_800_000_000.0 - 1_800_000_000.0 % 3600  # the start of an hour
    assert [limits.hit("t", limits.HOUR, now=start + n) for n in range(3)] == [1, 2, 3]
    assert limits.current("t", limits.HOUR, now=start + 3599) == 3
    assert limits.hit("t", limits.HOUR, now=start + 3600) == 1
    assert limits.current_many([("t", limits.HOUR), ("u", limits.DAY)], now=start + 3600) == [1, 0]
    assert limits.HOUR.remaining(now=start + 3500) == 100
