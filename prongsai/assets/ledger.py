"""Reading the XLSX asset ledger agencies keep today (ทะเบียนครุภัณฑ์ in a spreadsheet) into rows, with every
problem in Thai. This module touches no database; ``services.ledger_import`` checks the rows against the
agency's types and units and writes them, all or nothing.

The header row is found among the first rows of the sheet by its column names (title lines above it are
common); unknown columns are ignored.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from prongsai.core.thai import ThaiDateError, parse_date, to_arabic_digits

HEADER_SCAN_ROWS = 15
MAX_ROWS = 50_000
CODE = re.compile(r"^([0-9A-Za-z.]{1,10})-(\d{2}|\d{4})-(\d{1,6})$")

# Field → the column names it may have in a file (the first is the name this platform writes).
COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("รหัสครุภัณฑ์", "เลขรหัสครุภัณฑ์", "รหัสทรัพย์สิน"),
    "name": ("ชื่อ ยี่ห้อ และรุ่น", "รายการ", "ชื่อครุภัณฑ์", "ชื่อ"),
    "acquired_on": ("วันที่ได้มา", "วัน เดือน ปี ที่ได้มา", "วันที่ซื้อ"),
    "price": ("ราคาที่ได้มา (บาท)", "ราคาต่อหน่วย", "ราคา", "มูลค่า"),
    "fund_source": ("แหล่งเงิน", "แหล่งที่มาของเงิน"),
    "location": ("สถานที่ตั้ง/เก็บรักษา", "สถานที่ตั้ง", "สถานที่เก็บ"),
    "unit": ("ส่วนงานที่ดูแล", "หน่วยงานที่ดูแล", "ส่วนราชการ"),
    "condition": ("สภาพ",),
}
REQUIRED = ("code", "name", "acquired_on", "price", "unit")


class LedgerError(ValueError):
    """A file that cannot be read at all; the message is a Thai sentence saying what to do."""


@dataclass
class LedgerRow:
    line: int
    type_code: str = ""
    year_be: int = 0
    sequence: int = 0
    name: str = ""
    acquired_on: date | None = None
    price: Decimal | None = None
    fund_source: str = ""
    location: str = ""
    unit: str = ""
    condition: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def code(self) -> str:
        from prongsai.assets.services import format_code

        return format_code(self.type_code, self.year_be, self.sequence) if self.type_code else ""


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _header_key(text: str) -> str:
    return re.sub(r"^[\(\[]?[0-9๐-๙]+[\)\].]?\s*", "", _text(text)).strip()


def _columns(header: list[Any]) -> dict[str, int]:
    found: dict[str, int] = {}
    keys = [_header_key(h) for h in header]
    for name, spellings in COLUMNS.items():
        for index, key in enumerate(keys):
            if key in spellings and name not in found:
                found[name] = index
    return found


def read_ledger(content: bytes) -> list[LedgerRow]:
    """The rows of the first sheet of an XLSX ledger, each with its problems (Thai sentences)."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise LedgerError(_("อ่านไฟล์ไม่ได้ กรุณาใช้ไฟล์ Excel (.xlsx) ที่บันทึกจากโปรแกรมตารางคำนวณ")) from None
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    columns: dict[str, int] = {}
    line = 0
    for raw in rows:
        line += 1
        columns = _columns(list(raw))
        if all(name in columns for name in REQUIRED):
            break
        if line >= HEADER_SCAN_ROWS:
            break
    missing = [COLUMNS[name][0] for name in REQUIRED if name not in columns]
    if missing:
        raise LedgerError(
            _("ไม่พบหัวคอลัมน์ %(names)s ในไฟล์ กรุณาตรวจสอบชื่อหัวคอลัมน์ให้ตรงกับแบบฟอร์ม")
            % {"names": ", ".join(missing)}
        )
    parsed: list[LedgerRow] = []
    for raw in rows:
        line += 1
        values = list(raw)
        if not any(_text(v) for v in values):
            continue
        if len(parsed) >= MAX_ROWS:
            raise LedgerError(_("ไฟล์มีเกิน %(n)s รายการ กรุณาแบ่งเป็นหลายไฟล์") % {"n": MAX_ROWS})
        parsed.append(_row(line, values, columns))
    if not parsed:
        raise LedgerError(_("ไม่พบรายการครุภัณฑ์ใต้หัวคอลัมน์ กรุณาตรวจสอบไฟล์"))
    return parsed


def _cell(values: list[Any], columns: dict[str, int], name: str) -> Any:
    index = columns.get(name)
    return values[index] if index is not None and index < len(values) else None


def _row(line: int, values: list[Any], columns: dict[str, int]) -> LedgerRow:
    row = LedgerRow(line=line)
    code = to_arabic_digits(_text(_cell(values, columns, "code"))).replace(" ", "").replace("/", "-")
    match = CODE.match(code)
    if not match:
        row.problems.append(
            _("รหัสครุภัณฑ์ “%(code)s” ไม่อยู่ในรูปแบบ ประเภท-ปี-ลำดับ เช่น 416-67-0003") % {"code": code or "–"}
        )
    else:
        row.type_code = match.group(1)
        year = int(match.group(2))
        row.year_be = year if year > 100 else 2500 + year
        row.sequence = int(match.group(3))
    row.name = _text(_cell(values, columns, "name"))[:300]
    if not row.name:
        row.problems.append(_("ไม่มีชื่อครุภัณฑ์"))
    acquired = _cell(values, columns, "acquired_on")
    if isinstance(acquired, datetime):
        row.acquired_on = acquired.date()
    elif isinstance(acquired, date):
        row.acquired_on = acquired
    else:
        try:
            row.acquired_on = parse_date(_text(acquired))
        except ThaiDateError as exc:
            row.problems.append(_("วันที่ได้มา: %(error)s") % {"error": str(exc)})
    price = (
        to_arabic_digits(_text(_cell(values, columns, "price"))).replace(",", "").replace("บาท", "").strip()
    )
    try:
        row.price = Decimal(price).quantize(Decimal("0.01"))
        if row.price < 0:
            raise InvalidOperation
    except (InvalidOperation, ValueError):
        row.problems.append(
            _("ราคา “%(price)s” ไม่ใช่จำนวนเงิน กรุณากรอกเป็นตัวเลข เช่น 25000.00") % {"price": price or "–"}
        )
        row.price = None
    row.fund_source = _text(_cell(values, columns, "fund_source"))
    row.location = _text(_cell(values, columns, "location"))[:200]
    row.unit = _text(_cell(values, columns, "unit"))
    row.condition = _text(_cell(values, columns, "condition"))
    return row
