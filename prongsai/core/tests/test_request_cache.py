"""What the page cache read before rendering is not read again behind it (core/request_cache)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import caches

from prongsai.core import request_cache

pytestmark = pytest.mark.django_db


class _Counting:
    """A cache that records the keys it is asked for."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.values = values
        self.asked: list[list[str]] = []

    def get_many(self, keys: list[str]) -> dict[str, Any]:
        self.asked.append(list(keys))
        return {key: self.values[key] for key in keys if key in self.values}


def test_keys_read_at_the_start_are_answered_without_the_cache():
    cache = _Counting({"a": 1, "b": 2})
    with request_cache.prefetched(["a", "b", "gone"], {"a": 1, "b": 2}):
        assert request_cache.get_many(cache, ["a", "b"]) == {"a": 1, "b": 2}
        # Asked for and not found is an answer too: the caller creates the key as it would have.
        assert request_cache.get_many(cache, ["a", "gone"]) == {"a": 1}
        assert cache.asked == []
        # A key that was not read at the start goes to the cache, with the others.
        assert request_cache.get_many(cache, ["a", "c"]) == {"a": 1}
        assert cache.asked == [["a", "c"]]
    # Outside the block (the next request, a task) everything is read again.
    assert request_cache.get_many(cache, ["a"]) == {"a": 1}
    assert cache.asked == [["a", "c"], ["a"]]


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Round trips to the shared cache: the calls made from outside it (a backend may answer ``get_many``
    with its own ``get`` per key; those are the same round trip)."""
    reads: list[str] = []
    inside: list[bool] = []
    cache = caches["default"]
    for name in ("get", "get_many", "get_or_set"):
        original = getattr(cache, name)

        def counted(*args: Any, _original: Any = original, _name: str = name, **kwargs: Any) -> Any:
            if not inside:
                reads.append(_name)
            inside.append(True)
            try:
                return _original(*args, **kwargs)
            finally:
                inside.pop()

        monkeypatch.setattr(cache, name, counted)
    return reads


def test_a_page_that_is_not_stored_yet_reads_the_shared_cache_once(anon, agency, monkeypatch):
    assert anon.get("/contact/").status_code == 200  # the host mapping and the versions exist now
    reads = _count_reads(monkeypatch)
    response = anon.get("/contact/?from=newsletter")  # an address not stored yet: the page is rendered
    assert response.status_code == 200
    assert agency.name_th in response.content.decode()
    # One round trip for the page, the versions and the host's agency; before, the agency middleware and
    # the page's version read three more.
    assert reads == ["get_many"]
    # Stored under the versions read then: the same address is now one read again, and served.
    reads.clear()
    assert anon.get("/contact/?from=newsletter").content == response.content
    assert reads == ["get_many"]


def test_the_agency_is_still_found_when_nothing_was_read_before(anon, agency, other_agency):
    from conftest import OTHER_HOST

    # A cold cache: no mapping version, no host answer. The agency middleware reads and creates them.
    caches["default"].clear()
    page = anon.get("/contact/", HTTP_HOST=OTHER_HOST).content.decode()
    assert other_agency.name_th in page
    assert anon.get("/contact/?again=1", HTTP_HOST=OTHER_HOST).content.decode().count(other_agency.name_th)
