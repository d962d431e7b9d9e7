"""``id_conditions`` selects exactly the given ids: runs by range, the rest by IN list, never a neighbour."""

from __future__ import annotations

import pytest
from django.db.models import Q

from prongsai.core.id_ranges import MIN_RUN, id_conditions


def _selected(conditions: list[Q], universe: range) -> set[int]:
    chosen: set[int] = set()
    for condition in conditions:
        ((lookup, value),) = [c for c in condition.children if c[0].endswith("__in")] or [(None, None)]
        if lookup:
            chosen |= set(value)
        else:
            bounds = dict(condition.children)
            chosen |= {i for i in universe if bounds["pk__gte"] <= i <= bounds["pk__lte"]}
    return chosen


@pytest.mark.parametrize(
    "ids",
    [
        [],
        [5],
        list(range(1, 200)),
        [*list(range(1, 200)), 500, 502, 504],
        [3, 1, 2, 2, 9000, *list(range(1000, 1000 + MIN_RUN))],
        list(range(1, 12_001)),
    ],
)
def test_conditions_select_exactly_the_ids(ids):
    conditions = list(id_conditions(ids, size=5000))
    assert _selected(conditions, range(0, 13_000)) == set(ids)
    for condition in conditions:
        ((lookup, value), *_rest) = condition.children
        covered = len(value) if lookup.endswith("__in") else dict(condition.children)["pk__lte"] - value + 1
        assert covered <= 5000


def test_a_long_run_is_a_range_and_short_runs_an_in_list():
    conditions = list(id_conditions([*range(10, 10 + MIN_RUN), 500, 501]))
    assert [sorted(dict(c.children)) for c in conditions] == [["pk__gte", "pk__lte"], ["pk__in"]]


def test_the_field_is_named_by_the_caller():
    (condition,) = id_conditions(range(1, 100), field="procurement_id")
    assert dict(condition.children) == {"procurement_id__gte": 1, "procurement_id__lte": 99}
