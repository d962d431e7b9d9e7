"""The import's fast paths give exactly what the general ones give (ADR 0127): cached readers, the short
path for plain amounts, the short path for rows without problems, digests of text cells, the staging file
written column by column and the register values given column by column. Bad input gets the same Thai
problems as before."""

from __future__ import annotations

import itertools
import random
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest

from prongsai.procurement import egp_import, import_staging, normalize
from prongsai.procurement.egp_import import ParsedRow, Problem, parse_row
from prongsai.procurement.models import Category, EgpStatus, ImportBatch, Method
from prongsai.procurement.tests.factories import COMPANY, PERSON

AMOUNTS = [
    "1,250,000.00",
    "980.50",
    "1250000.00",
    "0.00",
    "000.50",
    "9,999,999,999,999.99",
    "99999999999999.99",
    "10,000,000,000,000.00",
    "1,00.00",
    "1,000.001",
    "1,234",
    "1234.5",
    "๑,๒๐๐.๐๐",
    "  1,000.00  ",
    "\xa01,000.00",
    "1,200 บาท",
    "-5.00",
    "1,2a0",
    "1e5",
    "NaN",
    "",
    "-",
    "–",
]


def outcome(parse: Any, *args: Any) -> tuple[str, Any]:
    """What a parser gives for the arguments: ("value", value and its type) or ("error", the message)."""
    try:
        value = parse(*args)
    except ValueError as exc:
        return ("error", str(exc))
    return ("value", (value, type(value), str(value)))


@pytest.mark.parametrize("text", AMOUNTS)
def test_a_plain_amount_is_read_as_the_general_rules_read_it(text):
    # _parse_amount is the general reading without cache or short path.
    assert outcome(normalize.parse_amount, text) == outcome(normalize._parse_amount, text)


@pytest.mark.parametrize(
    ("parse", "uncached", "values"),
    [
        (
            normalize.parse_status,
            lambda v: normalize._parse_status.__wrapped__(normalize.clean_text(v)),
            ["สิ้นสุดระยะสัญญา", " อยู่ระหว่างระยะสัญญา ", "ยกเลิก", "ประมูล", "", None, 5],
        ),
        (
            normalize.parse_method,
            lambda v: normalize._parse_method.__wrapped__(normalize.clean_text(v)),
            ["e-bidding", "E-Bidding ", "วิธีเฉพาะเจาะจง", "ประมูล", "", None],
        ),
        (
            normalize.parse_fiscal_year,
            None,
            ["2567", "67", "๒๕๖๗", "2567.0", 2567, 67.0, "", None, "ปี", "3000"],
        ),
    ],
)
def test_cached_statuses_methods_and_years_give_the_same_values_and_messages(parse, uncached, values):
    for value in values:
        first, again = outcome(parse, value), outcome(parse, value)  # the second from the cache
        assert first == again
        if uncached is not None:
            assert first == outcome(uncached, value)
    assert outcome(normalize.parse_fiscal_year, None) == outcome(normalize.parse_fiscal_year, "")


def test_the_category_guess_is_cached_by_title_and_a_missing_column_reads_as_an_empty_cell():
    for title in ["จ้างก่อสร้างถนน", "จ้างเหมาบริการ", "ซื้อวัสดุ", "เช่ารถ", ""]:
        assert normalize.guess_category(title) == normalize.guess_category.__wrapped__(title)
        assert normalize.parse_category(None, title) == normalize.parse_category("", title)
    assert outcome(normalize.parse_category, "อะไร", "ซื้อวัสดุ")[0] == "error"


def test_a_cached_reader_gives_the_parser_s_value_or_invalid_and_tells_cell_types_apart():
    read = egp_import._cached_reader(normalize.parse_amount)
    assert read("1,000.00") == Decimal("1000.00")
    assert read("1,2a0") is egp_import._INVALID
    assert read(1) == Decimal("1.00")
    # True equals 1 as a dict key; the parser refuses it, so the cache must not answer it from 1.
    assert read(True) is egp_import._INVALID
    assert read(1.5) == Decimal("1.50")
    assert read(None) is None
    day = egp_import._cached_reader(normalize.parse_day)
    # A spreadsheet date cell: openpyxl gives naive datetimes.
    assert day(datetime(2024, 1, 15, 8, 30)) == date(2024, 1, 15)  # noqa: DTZ001
    assert day("31 ก.พ. 67") is egp_import._INVALID


# --- whole rows -------------------------------------------------------------------------------------------

HEADER = [
    "เลขที่โครงการ",
    "งานที่ซื้อหรือจ้าง",
    "วงเงินงบประมาณที่ได้รับจัดสรร (บาท)",
    "แหล่งที่มาของงบประมาณ",
    "สถานะการจัดซื้อจัดจ้าง",
    "วิธีการจัดซื้อจัดจ้าง",
    "ราคากลาง (บาท)",
    "ราคาที่ตกลงซื้อหรือจ้าง (บาท)",
    "เลขประจำตัวผู้เสียภาษี",
    "รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก",
    "เลขที่สัญญา",
    "วันที่ลงนามในสัญญา",
    "วันสิ้นสุดสัญญา",
]
ROW = [
    "67019000001",
    "จ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ ๓",
    "1,500,000.00",
    "เงินอุดหนุนเฉพาะกิจ",
    "อยู่ระหว่างระยะสัญญา",
    "e-bidding",
    "1,480,000",
    "1,250,000.00",
    COMPANY,
    "บริษัท ทดสอบก่อสร้าง จำกัด",
    "1/2567",
    "15 ม.ค. 67",
    "15 พ.ค. 67",
]
# Values each cell is tried with: valid and invalid ones, blanks, Thai digits, spreadsheet values.
ODD = [
    "",
    " ",
    None,
    "-",
    "0",
    "1,2a0",
    "๑,๒๐๐",
    "-5",
    "99999999999999.00",
    "31 ก.พ. 67",
    "15/01/2567",
    "2024-01-15",
    "15 xx 67",
    "0105550123456",
    PERSON,
    "0-1055-50123-45-6",
    "ประมูล",
    "ยกเลิก",
    "สิ้นสุดระยะสัญญา",
    "เฉพาะเจาะจง",
    "รวม",
    "67",
    "ก" * 501,
    "670190000012345678901",
    1250000.0,
    5,
    True,
    datetime(2024, 1, 15),  # noqa: DTZ001 - a spreadsheet date cell, naive as openpyxl gives it
    date(2023, 10, 1),
]


def _variants() -> list[list[Any]]:
    rnd = random.Random(2567)
    rows = [list(ROW)]
    for column, value in itertools.product(range(len(ROW)), ODD):
        row = list(ROW)
        row[column] = value
        rows.append(row)
    for _ in range(400):
        row = list(ROW)
        for column in rnd.sample(range(len(ROW)), 3):
            row[column] = rnd.choice(ODD)
        rows.append(row[: rnd.randrange(len(ROW) - 3, len(ROW) + 1)])  # some rows shorter than the header
    return rows


@pytest.mark.parametrize("extra", [False, True])
def test_the_short_path_for_clean_rows_gives_what_the_cell_by_cell_path_gives(extra):
    header = [*HEADER, "หมายเหตุ"] if extra else HEADER
    columns = egp_import._map_header(header)
    layout = egp_import._layout(columns)
    clean = problems = 0
    for number, row in enumerate(_variants(), start=3):
        cells = layout.pad([*row, "ไม่ใช่คอลัมน์ของระบบ"] if extra and len(row) == len(ROW) else row)
        full = egp_import._parse_row(number, cells, layout.index)
        short = egp_import._parse_clean_row(number, cells, layout)
        if isinstance(full, ParsedRow):
            clean += 1
            assert short == full
            assert [type(getattr(short, f)) for f in short.__slots__] == [
                type(getattr(full, f)) for f in full.__slots__
            ]
        else:
            problems += 1
            assert short is None
        assert parse_row(number, row, columns) == full
    assert clean > 50 and problems > 300  # both paths were exercised


def test_a_field_without_a_column_reads_an_empty_cell_even_when_the_row_has_unknown_columns():
    # No category column, and cells beyond the last known column: the category is guessed from the title,
    # never read from an unknown column.
    columns = egp_import._map_header(HEADER)
    row = parse_row(3, [*ROW, "จ้าง", "ซื้อ"], columns)
    assert isinstance(row, ParsedRow)
    assert row.category == Category.WORKS


def test_bad_cells_still_get_their_thai_problems_in_order():
    columns = egp_import._map_header(HEADER)
    row = list(ROW)
    row[2], row[5], row[11] = "1,2a0", "ประมูล", "31 ก.พ. 67"
    problems = parse_row(7, row, columns)
    assert isinstance(problems, list)
    assert [(p.row_number, p.column, p.value) for p in problems] == [
        (7, "วงเงินงบประมาณที่ได้รับจัดสรร (บาท)", "1,2a0"),
        (7, "วิธีการจัดซื้อจัดจ้าง", "ประมูล"),
        (7, "วันที่ลงนามในสัญญา", "31 ก.พ. 67"),
    ]
    assert problems[0].message == "อ่านจำนวนเงิน “1,2a0” ไม่ได้ กรุณาใส่ตัวเลข เช่น 1,250,000.00"
    assert problems[1].message.startswith("ไม่รู้จักวิธีการจัดซื้อจัดจ้าง “ประมูล”")
    assert problems[2].message == "ไม่มีวันที่ “31 ก.พ. 67” ในปฏิทิน กรุณาตรวจสอบวัน เดือน และปี"
    assert all(isinstance(p, Problem) for p in problems)


def _general_digest(cells: list[Any], columns: dict[str, int]) -> str:
    """row_digest as ADR 0110 defined it, cell by cell."""
    import hashlib

    parts = [egp_import.PARSER_VERSION]
    for name in sorted(columns):
        index = columns[name]
        value = cells[index] if index < len(cells) else None
        parts.append(f"{name}=" if value is None else f"{name}={value!s}")
    return hashlib.blake2b("\x1f".join(parts).encode(), digest_size=16).hexdigest()


def test_the_digest_of_text_cells_is_the_digest_of_any_cells():
    columns = egp_import._map_header(HEADER)
    plan = egp_import._digest_plan(columns)
    for row in _variants()[:300]:
        assert egp_import.row_digest(row, columns, plan) == _general_digest(row, columns)
    single = {"egp_project_no": 1}
    cells = ["x", "67019000001"]
    assert egp_import.row_digest(cells, single) == _general_digest(cells, single)
    assert egp_import.row_digest(["x"], single) == _general_digest(["x"], single)


def _parsed_rows() -> list[ParsedRow]:
    columns = egp_import._map_header(HEADER)
    rows = [parse_row(n, row, columns) for n, row in enumerate(_variants(), start=3)]
    parsed = [r for r in rows if isinstance(r, ParsedRow)]
    blank = ParsedRow(
        row_number=2,
        egp_project_no="67019000009",
        title="ซื้อวัสดุ",
        budget=Decimal("10.00"),
        budget_source="เงินสะสม",
        egp_status=EgpStatus.IN_PROGRESS,
        method=Method.SPECIFIC,
        category=Category.GOODS,
        reference_price=None,
        agreed_price=None,
        vendor_tax_id="",
        vendor_name="",
        contract_no="",
        announced_on=None,
        contract_signed_on=None,
        contract_ends_on=None,
        fiscal_year=2567,
        selection_reason="",
    )
    return [*parsed, blank]


def test_register_columns_are_the_register_values_of_each_row():
    rows = _parsed_rows()
    columns = ParsedRow.register_columns(rows)
    for i, row in enumerate(rows):
        values = row.register_values()
        assert {name: columns[name][i] for name in values} == values
        assert all(type(columns[name][i]) is type(values[name]) for name in values)
    assert set(columns) == set(rows[0].register_values())


def test_the_staging_columns_give_back_the_same_rows():
    parsed = [(f"{i:032x}", row) for i, row in enumerate(_parsed_rows())]
    back = import_staging._rows(import_staging._columns(parsed))
    assert back == parsed
    assert [type(r.egp_status) for _d, r in back] == [EgpStatus] * len(back)


@pytest.mark.django_db
def test_a_staging_file_of_the_former_row_by_row_format_is_not_used(scoped, admin_member):
    from django.core.files.base import ContentFile

    batch = ImportBatch(agency=scoped, original_name="e.csv", file_kind="csv", sha256="0" * 64)
    batch.uploaded_by = admin_member
    batch.file.save("import.csv", ContentFile(b"x"), save=False)
    batch.save()
    import_staging.write(batch, [import_staging.StagedChunk(parsed=[("d" * 32, _parsed_rows()[0])])])
    assert [len(c.parsed) for c in import_staging.read(batch)] == [1]
    storage, name = batch.file.storage, import_staging._name(batch)
    with storage.open(name, "rb") as handle:
        head, _nl, body = handle.read().partition(b"\n")
    import json

    header = json.loads(head)
    del header["format"]
    storage.delete(name)
    with storage.open(name, "wb") as handle:
        handle.write(json.dumps(header).encode() + b"\n" + body)
    with pytest.raises(import_staging.Unusable, match="format"):
        import_staging.read(batch)
