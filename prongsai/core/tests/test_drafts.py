"""Changing an existing row from a service's keyword arguments writes only what was given."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from prongsai.core.drafts import UNSET, assign, given, save_changes
from prongsai.core.models import OrgUnit


@pytest.fixture
def unit(scoped) -> OrgUnit:
    return OrgUnit.objects.create(agency=scoped, side=OrgUnit.Side.CAREER, name_th="สำนักปลัด", phone="044-1")


def test_only_the_arguments_given_are_changes():
    assert given(title="ใหม่", body=UNSET, order=0, note="") == {"title": "ใหม่", "order": 0, "note": ""}
    assert repr(UNSET) == "UNSET"


def test_the_update_writes_only_the_given_columns_and_the_time_of_change(unit):
    before = unit.updated_at
    with CaptureQueriesContext(connection) as queries:
        save_changes(unit, assign(unit, {"name_th": "กองคลัง"}))
    update = next(q["sql"] for q in queries if q["sql"].startswith("UPDATE"))
    assert '"name_th"' in update and '"updated_at"' in update
    assert '"phone"' not in update and '"duties"' not in update
    unit.refresh_from_db()
    assert unit.name_th == "กองคลัง" and unit.updated_at > before


def test_a_concurrent_change_of_another_column_is_not_overwritten(unit):
    stale = OrgUnit.objects.get(pk=unit.pk)
    OrgUnit.objects.filter(pk=unit.pk).update(phone="044-999")
    save_changes(stale, assign(stale, {"duties": "งานธุรการ"}))
    unit.refresh_from_db()
    assert unit.phone == "044-999" and unit.duties == "งานธุรการ"


def test_the_whole_row_is_validated_before_anything_is_written(unit):
    with pytest.raises(ValidationError) as caught:
        save_changes(unit, assign(unit, {"name_th": ""}))
    assert "name_th" in caught.value.error_dict
    unit.refresh_from_db()
    assert unit.name_th == "สำนักปลัด"


def test_a_name_that_is_not_a_column_is_a_programming_error_and_sets_nothing(unit):
    with pytest.raises(ValueError, match="no field 'nmae_th'"):
        assign(unit, {"duties": "x", "nmae_th": "typo"})
    assert unit.duties == ""
    with pytest.raises(ValueError, match="not a column"):
        assign(unit, {"children": []})


def test_a_new_row_is_not_saved_through_the_update_path(scoped):
    with pytest.raises(ValueError, match="existing row"):
        save_changes(OrgUnit(agency=scoped, side=OrgUnit.Side.CAREER, name_th="ใหม่"), ["name_th"])
