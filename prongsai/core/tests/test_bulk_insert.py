"""core.bulk_insert: rows given column by column are the rows given as dicts; SQLite's page cache is enlarged
only inside the block (ADR 0127)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.utils import timezone

from prongsai.core.bulk_insert import FastInsert, JsonText, bulk_page_cache
from prongsai.core.models import Revision

FIELDS = ("record_type", "record_id", "number", "content", "content_hash", "reason", "author_id", "agency_id")


def _written(agency, record_type: str) -> list[tuple[object, ...]]:
    rows = Revision.objects.filter(agency=agency, record_type=record_type).order_by("record_id")
    return list(rows.values_list(*FIELDS))


def _inserter(agency, member, record_type: str) -> FastInsert:
    now = timezone.now()
    return FastInsert(
        Revision,
        agency=agency,
        author=member,
        record_type=record_type,
        number=1,
        created_at=now,
        updated_at=now,
    )


@pytest.mark.django_db
def test_rows_given_column_by_column_are_the_rows_given_as_dicts(scoped, member):
    agency = scoped
    contents = [{"title": "ซื้อวัสดุ", "n": 1}, JsonText('{"title":"จ้างเหมา"}'), [1, 2]]
    as_dicts = [
        {"record_id": i, "content": content, "content_hash": f"h{i}", "reason": "นำเข้า", "ignored": "x"}
        for i, content in enumerate(contents)
    ]
    assert _inserter(agency, member, "a").insert(as_dicts) == 3
    written = _inserter(agency, member, "b").insert_columns(
        3,
        {
            "record_id": [0, 1, 2],
            "content": contents,
            "content_hash": ["h0", "h1", "h2"],
            "reason": ["นำเข้า"] * 3,
        },
    )
    assert written == 3
    a, b = _written(agency, "a"), _written(agency, "b")
    assert [row[1:] for row in a] == [row[1:] for row in b]
    assert [row[3] for row in b] == [{"title": "ซื้อวัสดุ", "n": 1}, {"title": "จ้างเหมา"}, [1, 2]]


@pytest.mark.django_db
def test_dicts_that_set_different_fields_are_still_written_row_by_row(scoped, member):
    agency = scoped
    rows = [
        {"record_id": 1, "content": {}, "content_hash": "h1"},
        {"record_id": 2, "content": {}, "content_hash": "h2", "reason": "แก้ไข"},
    ]
    assert _inserter(agency, member, "c").insert(rows) == 2
    assert [(r[1], r[5]) for r in _written(agency, "c")] == [(1, ""), (2, "แก้ไข")]


@pytest.mark.django_db
def test_columns_of_unknown_fields_or_of_the_wrong_length_are_refused(scoped, member):
    agency = scoped
    inserter = _inserter(agency, member, "d")
    with pytest.raises(ValueError, match="not fields"):
        inserter.insert_columns(1, {"record_id": [1], "content": [{}], "content_hash": ["h"], "tilte": ["x"]})
    with pytest.raises(ValueError):
        inserter.insert_columns(2, {"record_id": [1], "content": [{}], "content_hash": ["h"]})
    assert _written(agency, "d") == []


def _cache_size() -> int:
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        return int(cursor.fetchone()[0])


@pytest.mark.django_db
def test_the_sqlite_page_cache_is_enlarged_only_inside_the_block():
    if connection.vendor != "sqlite":
        with bulk_page_cache(1024):
            pass  # nothing to change on PostgreSQL; it must not fail either
        return
    before = _cache_size()
    with bulk_page_cache(4096):
        assert _cache_size() == -4096
    assert _cache_size() == before
    with pytest.raises(RuntimeError), bulk_page_cache(4096):
        raise RuntimeError
    assert _cache_size() == before


@pytest.mark.django_db
def test_a_fast_row_reads_back_as_the_orm_writes_it(scoped, member):
    # On PostgreSQL the rows go by COPY, on SQLite by executemany: both must store what the ORM stores.
    agency = scoped
    content = {"title": "จ้างก่อสร้างถนน", "budget": "1500000.00", "vendor": None, "n": [1, 2.5, True]}
    Revision.objects.create(
        agency=agency,
        author=member,
        record_type="orm",
        record_id=7,
        number=1,
        content=content,
        content_hash="h",
        reason="เหตุผล\tมีแท็บ\nและบรรทัดใหม่ \\ ทับ",
    )
    _inserter(agency, member, "fast").insert(
        [
            {
                "record_id": 7,
                "content": content,
                "content_hash": "h",
                "reason": "เหตุผล\tมีแท็บ\nและบรรทัดใหม่ \\ ทับ",
            }
        ]
    )
    orm, fast = _written(agency, "orm"), _written(agency, "fast")
    assert [row[1:] for row in fast] == [row[1:] for row in orm]
    assert fast[0][3] == content
