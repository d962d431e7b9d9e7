"""The request-form builder (forms_builder.py): rows in, the same form definition out, without any JSON."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest

from prongsai.eservice.demo_catalogue import catalogue
from prongsai.eservice.forms_builder import FieldSpecFormSet, initial_rows


def post_data(rows: list[dict[str, Any]], *, extra: int = 2, initial: int = 0) -> dict[str, Any]:
    """What a browser sends for these rows (and ``extra`` untouched empty rows)."""
    data: dict[str, Any] = {
        "fields-TOTAL_FORMS": str(len(rows) + extra),
        "fields-INITIAL_FORMS": str(initial),
        "fields-MIN_NUM_FORMS": "0",
        "fields-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            if isinstance(value, bool):
                if value:
                    data[f"fields-{index}-{key}"] = "on"
            elif isinstance(value, list):
                data[f"fields-{index}-{key}"] = value
            else:
                data[f"fields-{index}-{key}"] = str(value)
    for index in range(len(rows), len(rows) + extra):
        data[f"fields-{index}-kind"] = "text"
    return data


def bound(data: dict[str, Any], initial: list[dict[str, Any]] | None = None) -> Any:
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for key, value in data.items():
        if isinstance(value, list):
            query.setlist(key, value)
        else:
            query[key] = value
    return FieldSpecFormSet(query, prefix="fields", initial=initial or [])


def demo_definitions() -> list[list[dict[str, Any]]]:
    units: dict[str, Any] = defaultdict(lambda: None)
    return [service["form_fields"] for service in catalogue(units) if service["form_fields"]]


@pytest.mark.parametrize("definition", demo_definitions())
def test_every_demo_form_comes_back_unchanged_through_the_builder(definition):
    rows = initial_rows(definition)
    formset = bound(post_data(rows, initial=len(rows)), initial=rows)
    assert formset.is_valid(), formset.errors
    assert formset.definition() == definition


def test_rows_are_ordered_by_their_order_numbers_and_deleted_rows_are_dropped():
    rows = [
        {"label": "ชื่อโครงการ", "kind": "text", "required": True, "name": "project", "ORDER": 2},
        {"label": "งบประมาณ", "kind": "number", "name": "budget", "ORDER": 1},
        {"label": "ไม่ใช้แล้ว", "kind": "text", "name": "old", "ORDER": 3, "DELETE": True},
    ]
    formset = bound(post_data(rows))
    assert formset.is_valid(), formset.errors
    assert [f["name"] for f in formset.definition()] == ["budget", "project"]
    assert formset.definition()[0] == {
        "name": "budget",
        "label": "งบประมาณ",
        "kind": "number",
        "required": False,
    }


def test_a_field_without_a_code_gets_one_and_choices_without_keys_get_keys():
    rows = [
        {"label": "วันเกิด", "kind": "date", "required": True, "past": True, "help": "ปี พ.ศ."},
        {"label": "ประเภท", "kind": "choice", "choices": "ก่อสร้าง\nrepair | ซ่อมแซม\n\n", "name": "field_1"},
        {"label": "แบบแปลน", "kind": "file", "accept": ["pdf"], "choices": "ไม่ใช้"},
    ]
    formset = bound(post_data(rows))
    assert formset.is_valid(), formset.errors
    assert formset.definition() == [
        {
            "name": "field_2",
            "label": "วันเกิด",
            "kind": "date",
            "required": True,
            "help": "ปี พ.ศ.",
            "past": True,
        },
        {
            "name": "field_1",
            "label": "ประเภท",
            "kind": "choice",
            "required": False,
            "choices": [["c1", "ก่อสร้าง"], ["repair", "ซ่อมแซม"]],
        },
        {"name": "field_3", "label": "แบบแปลน", "kind": "file", "required": False, "accept": ["pdf"]},
    ]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([{"label": "ประเภท", "kind": "choice"}], "จึงต้องมีรายการตัวเลือก"),
        ([{"label": "ก", "kind": "text", "name": "consent"}], "ไม่ซ้ำกับชื่อที่ระบบใช้"),
        ([{"label": "ก", "kind": "text", "name": "a"}, {"label": "ข", "kind": "text", "name": "a"}], "ซ้ำกัน"),
        ([{"label": "ก", "kind": "choice", "choices": "x | ข\nx | ค"}], "รหัสของตัวเลือกซ้ำกัน"),
        ([{"label": "", "kind": "number", "required": True}], "กรุณากรอกข้อความกำกับของช่องกรอก"),
    ],
)
def test_a_bad_row_is_refused_in_thai(rows, message):
    formset = bound(post_data(rows))
    assert not formset.is_valid()
    errors = [str(e) for form_errors in formset.errors for e in form_errors.values()]
    errors += [str(e) for e in formset.non_form_errors()]
    assert any(message in e for e in " ".join(errors).split("\n")) or message in " ".join(errors), errors


def test_untouched_empty_rows_are_not_fields():
    formset = bound(post_data([], extra=3))
    assert formset.is_valid() and formset.definition() == []
