"""Reading e-GP export files (CSV or XLSX) into register rows, with every problem in Thai.

This module touches no database: it turns bytes into ``ParsedRow`` objects and ``Problem`` messages. The
import services decide what the rows change and write them (``services_import``).

The header row is found among the first rows of the sheet (e-GP exports often have title lines above it)
by matching column names; each column may be written several ways, numbered ("(๑) งานที่ซื้อหรือจ้าง") or not,
in any order. Unknown columns are ignored.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from operator import add, attrgetter, itemgetter
from typing import Any

from django.utils.translation import gettext as _

from prongsai.core.thai import fiscal_year as fiscal_year_of
from prongsai.core.thai import to_arabic_digits

from .models.choices import SIGNED_STATUSES, Category, EgpStatus, Method
from .models.register import IMPORT_COMPARED
from .normalize import (
    clean_text,
    parse_amount,
    parse_category,
    parse_day,
    parse_fiscal_year,
    parse_method,
    parse_status,
    parse_tax_id,
)

HEADER_SCAN_ROWS = 20
MAX_TITLE = 500
DEFAULT_BUDGET_SOURCE = "เงินงบประมาณรายจ่ายประจำปี"
TOTAL_LINE = "รวม"  # many exports end with a total line: no project number, a title starting with this word

# Field → the column names it may have in a file (the first is the name this platform writes).
COLUMNS: dict[str, tuple[str, ...]] = {
    "egp_project_no": ("เลขที่โครงการ", "เลขที่โครงการในระบบ e-GP", "เลขที่โครงการ e-GP", "เลขโครงการ"),
    "title": (
        "งานที่ซื้อหรือจ้าง",
        "ชื่อรายการของงานที่ซื้อหรือจ้าง",
        "ชื่อโครงการ",
        "งานที่จัดซื้อหรือจัดจ้าง",
        "รายการ",
    ),
    "budget": (
        "วงเงินงบประมาณที่ได้รับจัดสรร (บาท)",
        "วงเงินงบประมาณ (บาท)",
        "วงเงินงบประมาณ",
        "วงเงินที่จะซื้อหรือจ้าง (บาท)",
        "วงเงินที่จะซื้อหรือจ้าง",
    ),
    "budget_source": ("แหล่งที่มาของงบประมาณ", "แหล่งเงิน", "แหล่งงบประมาณ"),
    "egp_status": ("สถานะการจัดซื้อจัดจ้าง", "สถานะโครงการ", "สถานะ"),
    "method": ("วิธีการจัดซื้อจัดจ้าง", "วิธีการจัดหา", "วิธีซื้อหรือจ้าง"),
    "category": ("ประเภทการจัดซื้อจัดจ้าง", "ประเภท"),
    "reference_price": ("ราคากลาง (บาท)", "ราคากลาง"),
    "agreed_price": (
        "ราคาที่ตกลงซื้อหรือจ้าง (บาท)",
        "ราคาที่ตกลงซื้อหรือจ้าง",
        "ราคาที่ตกลง",
        "จำนวนเงินตามสัญญา",
    ),
    "vendor_tax_id": (
        "เลขประจำตัวผู้เสียภาษี/เลขประจำตัวประชาชนของผู้ประกอบการที่ได้รับการคัดเลือก",
        "เลขประจำตัวผู้เสียภาษี/เลขประจำตัวประชาชน",
        "เลขประจำตัวผู้เสียภาษีอากร",
        "เลขประจำตัวผู้เสียภาษี",
    ),
    "vendor_name": (
        "รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก",
        "ชื่อผู้ประกอบการที่ได้รับการคัดเลือก",
        "ชื่อผู้ประกอบการ",
        "ผู้ได้รับการคัดเลือก",
        "ผู้ชนะการเสนอราคา",
    ),
    "contract_no": ("เลขที่สัญญา", "เลขที่สัญญา/ใบสั่งซื้อ"),
    "announced_on": ("วันที่ประกาศเชิญชวน", "วันที่ประกาศ", "วันที่เริ่มดำเนินการ"),
    "contract_signed_on": ("วันที่ลงนามในสัญญา", "วันที่ลงนามสัญญา", "วันที่ทำสัญญา"),
    "contract_ends_on": ("วันสิ้นสุดสัญญา", "วันที่สิ้นสุดสัญญา", "วันครบกำหนดส่งมอบ"),
    "fiscal_year": ("ปีงบประมาณ",),
    "selection_reason": ("เหตุผลที่คัดเลือกโดยสรุป", "เหตุผลที่คัดเลือก"),
}
REQUIRED = ("egp_project_no", "title", "budget", "egp_status", "method")
LABELS: dict[str, str] = {field: names[0] for field, names in COLUMNS.items()}

_NUMBERING = re.compile(r"^\s*\(?\s*\d{1,2}\s*[).]\s*")
_PROJECT_NO = re.compile(r"^[0-9A-Za-z\-/]{4,20}$")


def _header_key(text: object) -> str:
    cleaned = _NUMBERING.sub("", to_arabic_digits(clean_text(text)))
    # "ฯ" (the abbreviation mark) ends several names in the seed's wording: "สถานะการจัดซื้อจัดจ้างฯ".
    return re.sub(r"[\s\-_.()ฯ]", "", cleaned.lower())


_ALIASES: dict[str, str] = {}
for _field, _names in COLUMNS.items():
    for _name in _names:
        _ALIASES.setdefault(_header_key(_name), _field)


class FileProblem(ValueError):
    """The file as a whole cannot be read (wrong type, no header, missing columns): a Thai sentence."""


@dataclass(frozen=True)
class Problem:
    row_number: int
    column: str
    value: str
    message: str


@dataclass(slots=True)
class ParsedRow:
    row_number: int
    egp_project_no: str
    title: str
    budget: Decimal
    budget_source: str
    egp_status: EgpStatus
    method: Method
    category: Category
    reference_price: Decimal | None
    agreed_price: Decimal | None
    vendor_tax_id: str
    vendor_name: str
    contract_no: str
    announced_on: date | None
    contract_signed_on: date | None
    contract_ends_on: date | None
    fiscal_year: int
    selection_reason: str

    def register_values(self) -> dict[str, Any]:
        """The values of the Procurement fields this row sets (the vendor is resolved by the caller)."""
        return {
            "fiscal_year": self.fiscal_year,
            "title": self.title,
            "budget": self.budget,
            "budget_source": self.budget_source,
            "egp_status": str(self.egp_status),
            "method": str(self.method),
            "category": str(self.category),
            "reference_price": self.reference_price,
            "agreed_price": self.agreed_price,
            "contract_no": self.contract_no,
            "announced_on": self.announced_on,
            "contract_signed_on": self.contract_signed_on,
            "contract_ends_on": self.contract_ends_on,
            "selection_reason": self.selection_reason,
        }

    @staticmethod
    def register_columns(rows: list[ParsedRow]) -> dict[str, list[Any]]:
        """``register_values`` of many rows, column by column (field → the rows' values, in order), as
        ``FastInsert.insert_columns`` takes them: a few calls per field instead of a dict per row."""
        columns = {name: list(map(attrgetter(name), rows)) for name in _REGISTER_FIELDS}
        for name in _REGISTER_CHOICES:
            columns[name] = list(map(str, columns[name]))
        return columns


# What register_values returns: the fields an import compares and writes (one list, on the model), of which
# the choices are written as text (their values).
_REGISTER_CHOICES = ("egp_status", "method", "category")
_REGISTER_FIELDS = IMPORT_COMPARED


# --- reading the table ----------------------------------------------------------------------------------


def detect_kind(content: bytes) -> str:
    """ "xlsx" or "csv" judged by the bytes; anything else is refused with a Thai message."""
    if content.startswith(b"PK"):
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as package:
                if "xl/workbook.xml" in package.namelist():
                    return "xlsx"
        except zipfile.BadZipFile:
            pass
        raise FileProblem(_("ไฟล์นี้ไม่ใช่ไฟล์ Excel (XLSX) ที่อ่านได้ กรุณาบันทึกเป็น .xlsx หรือ .csv แล้วอัปโหลดใหม่"))
    if b"\x00" in content[:4096]:
        raise FileProblem(
            _("ไฟล์นี้ไม่ใช่ไฟล์ CSV หรือ XLSX (อาจเป็นไฟล์ Excel รุ่นเก่า .xls) กรุณาบันทึกเป็น .xlsx หรือ .csv แล้วอัปโหลดใหม่")
        )
    return "csv"


def _decode(content: bytes) -> str:
    # e-GP and Thai Excel write UTF-8 (often with a BOM) or Windows-874 (TIS-620).
    for encoding in ("utf-8-sig", "cp874"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FileProblem(_("อ่านตัวอักษรในไฟล์ CSV ไม่ได้ กรุณาบันทึกไฟล์เป็น CSV แบบ UTF-8 แล้วอัปโหลดใหม่"))


def _csv_rows(content: bytes) -> Iterator[list[Any]]:
    text = _decode(content)
    sample = text[:8192]
    delimiter = max([",", ";", "\t"], key=sample.count)
    yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def _xlsx_rows(content: bytes) -> Iterator[list[Any]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds of errors for a damaged file
        raise FileProblem(
            _("เปิดไฟล์ Excel ไม่ได้ (%(error)s) กรุณาบันทึกไฟล์ใหม่แล้วอัปโหลดอีกครั้ง") % {"error": type(exc).__name__}
        ) from None
    try:
        sheet = workbook.worksheets[0]
        for values in sheet.iter_rows(values_only=True):
            yield list(values)
    finally:
        workbook.close()


def table_rows(content: bytes, kind: str) -> Iterator[list[Any]]:
    return _xlsx_rows(content) if kind == "xlsx" else _csv_rows(content)


def _map_header(cells: list[Any]) -> dict[str, int]:
    mapping: dict[str, int] = {}
    for index, cell in enumerate(cells):
        field = _ALIASES.get(_header_key(cell))
        if field is not None and field not in mapping:
            mapping[field] = index
    return mapping


@dataclass
class Table:
    header_row: int
    columns: dict[str, int]
    rows: Iterator[tuple[int, list[Any]]]


def open_table(content: bytes, kind: str) -> Table:
    """Find the header row and return the data rows with their row numbers as a spreadsheet shows them."""
    iterator = table_rows(content, kind)
    for row_number, cells in enumerate(iterator, start=1):
        columns = _map_header(cells)
        if "egp_project_no" in columns and len(columns) >= 3:
            missing = [LABELS[f] for f in REQUIRED if f not in columns]
            if missing:
                raise FileProblem(
                    _("ไฟล์ไม่มีคอลัมน์ %(columns)s กรุณาเพิ่มคอลัมน์แล้วอัปโหลดใหม่")
                    % {"columns": ", ".join(f"“{m}”" for m in missing)}
                )

            return Table(
                header_row=row_number, columns=columns, rows=enumerate(iterator, start=row_number + 1)
            )
        if row_number >= HEADER_SCAN_ROWS:
            break
    raise FileProblem(
        _(
            "ไม่พบแถวหัวตาราง กรุณาตรวจว่าไฟล์มีคอลัมน์ “เลขที่โครงการ”, “งานที่ซื้อหรือจ้าง”, "
            "“วงเงินงบประมาณที่ได้รับจัดสรร (บาท)”, “สถานะการจัดซื้อจัดจ้าง” และ “วิธีการจัดซื้อจัดจ้าง” "
            "ภายใน %(rows)s แถวแรก"
        )
        % {"rows": HEADER_SCAN_ROWS}
    )


# --- one row --------------------------------------------------------------------------------------------


def _cell(cells: list[Any], columns: dict[str, int], field: str) -> Any:
    index = columns.get(field)
    if index is None or index >= len(cells):
        return None
    return cells[index]


def _is_blank(cells: list[Any]) -> bool:
    # The same as every cell's clean_text() being "" (collapsing spaces and NFC never empty a text that has
    # something besides white space), without normalising every cell of 100,000 rows.
    # A loop rather than any() over a generator, a quarter of its time: most rows stop at their first cell.
    for c in cells:  # noqa: SIM110
        if c is not None and (c if isinstance(c, str) else str(c)).strip():
            return False
    return True


class _Layout:
    """Where each field's cell is in the rows of one file, worked out once per file instead of per cell.

    ``pad`` gives every field a cell to read by index, as ``_cell`` reads it: a row shorter than the header
    is lengthened with empty cells (None), and one more empty cell at the end (index -1) is read by the fields
    the file has no column for.
    """

    def __init__(self, columns: dict[str, int]) -> None:
        self.columns = dict(columns)
        self.width = max(columns.values(), default=-1) + 1
        self.index = {field: columns.get(field, -1) for field in COLUMNS}
        self.readers = [(self.index[field], _READERS[field]) for field in _READ_FIELDS]

    def pad(self, cells: list[Any]) -> list[Any]:
        return [*cells, *[None] * (self.width - len(cells)), None]


_last_layout: _Layout | None = None


def _layout(columns: dict[str, int]) -> _Layout:
    # The rows of a file all come with the same columns: the last layout is kept (one file at a time).
    global _last_layout
    layout = _last_layout
    if layout is None or layout.columns != columns:
        layout = _last_layout = _Layout(columns)
    return layout


def parse_row(row_number: int, cells: list[Any], columns: dict[str, int]) -> ParsedRow | list[Problem]:
    """One data row → a ParsedRow, or the list of its problems (every problem, not just the first)."""
    layout = _layout(columns)
    cells = layout.pad(cells)
    row = _parse_clean_row(row_number, cells, layout)
    return row if row is not None else _parse_row(row_number, cells, layout.index)


# --- the short path for rows without problems (nearly all of them) --------------------------------------


class _Invalid:
    """The type of ``_INVALID``, what a reader gives for a cell its parser refuses."""


_INVALID = _Invalid()


def _cached_reader(parse: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``parse`` cached by the cell's value (and type: 1, 1.0 and True are different cells), giving
    ``_INVALID`` instead of raising: a file repeats its statuses, methods, dates, vendor IDs and budgets
    thousands of times. Only whether a cell is valid is kept; the Thai message of a refused cell is made
    by ``_parse_row``, in the language of the moment."""

    @lru_cache(maxsize=65536, typed=True)
    def read(raw: Any) -> Any:
        try:
            return parse(raw)
        except ValueError:
            return _INVALID

    return read


# The fields read by _parse_clean_row's one list, in this order; the category, which depends on the title,
# is read apart.
_READ_FIELDS = (
    "budget",
    "egp_status",
    "method",
    "reference_price",
    "agreed_price",
    "vendor_tax_id",
    "announced_on",
    "contract_signed_on",
    "contract_ends_on",
    "fiscal_year",
)


def _read_amount(raw: Any) -> Any:
    # Amounts are not cached here: on 100,000 rows most agreed prices are distinct, and parse_amount caches
    # what repeats (and reads the common form "1,250,000.00" without its clean-up).
    try:
        return parse_amount(raw)
    except ValueError:
        return _INVALID


_READERS = {
    "budget": _read_amount,
    "egp_status": _cached_reader(parse_status),
    "method": _cached_reader(parse_method),
    "reference_price": _read_amount,
    "agreed_price": _read_amount,
    "vendor_tax_id": _cached_reader(parse_tax_id),
    "announced_on": _cached_reader(parse_day),
    "contract_signed_on": _cached_reader(parse_day),
    "contract_ends_on": _cached_reader(parse_day),
    "fiscal_year": _cached_reader(parse_fiscal_year),
}


@lru_cache(maxsize=4096, typed=True)
def _read_category(raw: Any, title: str) -> Any:
    try:
        return parse_category(raw, title)
    except ValueError:
        return _INVALID


def _parse_clean_row(row_number: int, cells: list[Any], layout: _Layout) -> ParsedRow | None:
    """The row ``_parse_row`` gives for a row without problems, read with cached readers and without its
    per-field bookkeeping (on 100,000 rows, half of the check's parsing time); None as soon as anything
    would be a problem, and ``_parse_row`` then lists the problems. Every condition below is one of
    ``_parse_row``'s, which stays the rule; a test compares both on valid and invalid rows (ADR 0127)."""
    index = layout.index
    project_no = to_arabic_digits(clean_text(cells[index["egp_project_no"]]))
    title = clean_text(cells[index["title"]])
    if not project_no or not _PROJECT_NO.match(project_no) or not title or len(title) > MAX_TITLE:
        return None
    got = [read(cells[position]) for position, read in layout.readers]
    category = _read_category(cells[index["category"]], title)
    # By type: ``_INVALID in got`` would compare each Decimal with it, an abstract-class check each time.
    if _Invalid in map(type, got) or category is _INVALID:
        return None
    budget, status, method, reference_price, agreed_price, tax_id, announced_on, signed_on, ends_on, year = (
        got
    )
    vendor_name = clean_text(cells[index["vendor_name"]])[:300]
    if budget is None or bool(vendor_name) != bool(tax_id):
        return None
    if status in SIGNED_STATUSES and (not vendor_name or agreed_price is None or signed_on is None):
        return None
    if year is None:
        anchor = signed_on or announced_on
        if anchor is None:
            return None
        year = fiscal_year_of(anchor)
    return ParsedRow(
        row_number,
        project_no,
        title,
        budget,
        clean_text(cells[index["budget_source"]])[:200] or DEFAULT_BUDGET_SOURCE,
        status,
        method,
        category,
        reference_price,
        agreed_price,
        tax_id,
        vendor_name,
        clean_text(cells[index["contract_no"]])[:60],
        announced_on,
        signed_on,
        ends_on,
        year,
        clean_text(cells[index["selection_reason"]]),
    )


# --- every problem of a row ----------------------------------------------------------------------------


def _parse_row(row_number: int, cells: list[Any], index: dict[str, int]) -> ParsedRow | list[Problem]:
    """``parse_row`` for padded cells, cell by cell, listing every problem of the row in order."""
    problems: list[Problem] = []
    values: dict[str, Any] = {}

    def read(field: str, parser: Any) -> Any:
        raw = cells[index[field]]
        try:
            return parser(raw)
        except ValueError as exc:
            problems.append(Problem(row_number, LABELS[field], clean_text(raw)[:200], str(exc)))
            return None

    project_no = to_arabic_digits(clean_text(cells[index["egp_project_no"]]))
    if not project_no:
        problems.append(
            Problem(
                row_number, LABELS["egp_project_no"], "", _("ไม่มีเลขที่โครงการ กรุณาใส่เลขที่โครงการจากระบบ e-GP")
            )
        )
    elif not _PROJECT_NO.match(project_no):
        problems.append(
            Problem(
                row_number,
                LABELS["egp_project_no"],
                project_no[:200],
                _("เลขที่โครงการ “%(number)s” ไม่ถูกต้อง กรุณาใช้เลขที่โครงการจากระบบ e-GP (ตัวเลข 4–20 หลัก)")
                % {"number": project_no},
            )
        )
    title = clean_text(cells[index["title"]])
    if not title:
        problems.append(Problem(row_number, LABELS["title"], "", _("ไม่มีชื่องานที่ซื้อหรือจ้าง กรุณาใส่ชื่อรายการ")))
    elif len(title) > MAX_TITLE:
        problems.append(
            Problem(
                row_number,
                LABELS["title"],
                title[:200],
                _("ชื่องานยาวเกิน %(limit)s ตัวอักษร กรุณาย่อชื่อรายการ") % {"limit": MAX_TITLE},
            )
        )
    values["budget"] = read("budget", parse_amount)
    if values["budget"] is None and not any(p.column == LABELS["budget"] for p in problems):
        problems.append(
            Problem(row_number, LABELS["budget"], "", _("ไม่มีวงเงินงบประมาณ กรุณาใส่จำนวนเงิน เช่น 1,250,000.00"))
        )
    status = read("egp_status", parse_status)
    method = read("method", parse_method)
    category = read("category", lambda raw: parse_category(raw, title))
    reference_price = read("reference_price", parse_amount)
    agreed_price = read("agreed_price", parse_amount)
    tax_id = read("vendor_tax_id", parse_tax_id) or ""
    vendor_name = clean_text(cells[index["vendor_name"]])[:300]
    announced_on = read("announced_on", parse_day)
    signed_on = read("contract_signed_on", parse_day)
    ends_on = read("contract_ends_on", parse_day)
    year = read("fiscal_year", parse_fiscal_year)

    if vendor_name and not tax_id and not any(p.column == LABELS["vendor_tax_id"] for p in problems):
        problems.append(
            Problem(
                row_number,
                LABELS["vendor_tax_id"],
                "",
                _("มีชื่อผู้ประกอบการแต่ไม่มีเลขประจำตัวผู้เสียภาษี กรุณาใส่เลข 13 หลักของผู้ประกอบการ"),
            )
        )
    if tax_id and not vendor_name:
        problems.append(
            Problem(
                row_number,
                LABELS["vendor_name"],
                "",
                _("มีเลขประจำตัวผู้เสียภาษีแต่ไม่มีชื่อผู้ประกอบการ กรุณาใส่ชื่อ"),
            )
        )
    if status in SIGNED_STATUSES:
        for field, present in (
            ("vendor_name", bool(vendor_name)),
            ("agreed_price", agreed_price is not None),
            ("contract_signed_on", signed_on is not None),
        ):
            if not present and not any(p.column == LABELS[field] for p in problems):
                problems.append(
                    Problem(
                        row_number,
                        LABELS[field],
                        "",
                        _("สถานะ “%(status)s” ต้องมี%(column)s กรุณาเพิ่มข้อมูลหรือแก้ไขสถานะ")
                        % {"status": status.label, "column": LABELS[field]},
                    )
                )
    if year is None:
        anchor = signed_on or announced_on
        if anchor is not None:
            year = fiscal_year_of(anchor)
        elif not problems:
            problems.append(
                Problem(
                    row_number,
                    LABELS["fiscal_year"],
                    "",
                    _("ไม่ทราบปีงบประมาณของรายการนี้ กรุณาเพิ่มคอลัมน์ปีงบประมาณ หรือใส่วันที่ลงนามในสัญญา"),
                )
            )
    if problems:
        return problems
    return ParsedRow(
        row_number=row_number,
        egp_project_no=project_no,
        title=title,
        budget=values["budget"],
        budget_source=clean_text(cells[index["budget_source"]])[:200] or DEFAULT_BUDGET_SOURCE,
        egp_status=status,
        method=method,
        category=category,
        reference_price=reference_price,
        agreed_price=agreed_price,
        vendor_tax_id=tax_id,
        vendor_name=vendor_name,
        contract_no=clean_text(cells[index["contract_no"]])[:60],
        announced_on=announced_on,
        contract_signed_on=signed_on,
        contract_ends_on=ends_on,
        fiscal_year=year,
        selection_reason=clean_text(cells[index["selection_reason"]]),
    )


# Part of every row's digest: changing how cells are read (normalize.py, parse_row) must change this, so
# that rows imported under the old rules are compared field by field again instead of passing as unchanged.
PARSER_VERSION = "1"


@dataclass(slots=True)
class RawRow:
    """A data row as read from the file, before parsing, with the digest of the cells the import reads."""

    row_number: int
    cells: list[Any]
    project_no: str  # as parse_row reads it: the text with Arabic digits
    digest: str


@dataclass(frozen=True)
class _DigestPlan:
    """The columns a row's digest covers, in field order: their "name=" prefixes and cell indexes."""

    prefixes: tuple[str, ...]
    indexes: tuple[int, ...]
    cells: Callable[[list[Any]], tuple[Any, ...]]  # the cells at ``indexes``, read in one call


def _digest_plan(columns: dict[str, int]) -> _DigestPlan:
    names = sorted(columns)
    indexes = tuple(columns[name] for name in names)
    getter = itemgetter(*indexes)
    return _DigestPlan(
        prefixes=tuple(f"{name}=" for name in names),
        indexes=indexes,
        # itemgetter of one index returns the cell itself, not a tuple of one.
        cells=getter if len(indexes) > 1 else lambda cells: (getter(cells),),
    )


def row_digest(cells: list[Any], columns: dict[str, int], plan: _DigestPlan | None = None) -> str:
    """A digest of the cells of the columns the import reads, in field order (so moving a column does not
    change it); the register keeps it on each row an import wrote (``Procurement.import_digest``).
    ``plan`` is ``_digest_plan(columns)``, worked out once per file by ``iter_raw``."""
    plan = plan or _digest_plan(columns)
    try:
        # A CSV row: every cell is text and the row is long enough; "name=" + cell is what the general
        # case below writes for it, without a Python step per cell.
        parts = list(map(add, plan.prefixes, plan.cells(cells)))
    except (TypeError, IndexError):
        # Spreadsheet cells (numbers, dates, None) or a short row: a missing or empty cell is "name=".
        width = len(cells)
        parts = []
        for prefix, index in zip(plan.prefixes, plan.indexes, strict=True):
            value = cells[index] if index < width else None
            parts.append(prefix if value is None else f"{prefix}{value!s}")
    return hashlib.blake2b("\x1f".join([PARSER_VERSION, *parts]).encode(), digest_size=16).hexdigest()


def iter_raw(table: Table) -> Iterator[RawRow]:
    """Every non-blank data row of the table that is not a total line, unparsed, with its digest."""
    plan = _digest_plan(table.columns)
    for row_number, cells in table.rows:
        if _is_blank(cells):
            continue
        project = clean_text(_cell(cells, table.columns, "egp_project_no"))
        if not project and clean_text(_cell(cells, table.columns, "title")).startswith(TOTAL_LINE):
            continue
        yield RawRow(row_number, cells, to_arabic_digits(project), row_digest(cells, table.columns, plan))


def duplicate_problem(row_number: int, project_no: str, first_row: int) -> Problem:
    return Problem(
        row_number,
        LABELS["egp_project_no"],
        project_no,
        _("เลขที่โครงการ %(number)s ซ้ำกับแถวที่ %(first_row)s กรุณารวมเป็นแถวเดียวหรือแก้ไขเลขที่โครงการ")
        % {"number": project_no, "first_row": first_row},
    )


def iter_parsed(content: bytes, kind: str) -> Iterator[ParsedRow | list[Problem]]:
    """Every non-blank data row of the file, parsed; a project number seen twice is a problem."""
    table = open_table(content, kind)
    seen: dict[str, int] = {}
    for raw in iter_raw(table):
        result = parse_row(raw.row_number, raw.cells, table.columns)
        if isinstance(result, ParsedRow):
            first = seen.get(result.egp_project_no)
            if first is not None:
                result = [duplicate_problem(raw.row_number, result.egp_project_no, first)]
            else:
                seen[result.egp_project_no] = raw.row_number
        yield result
