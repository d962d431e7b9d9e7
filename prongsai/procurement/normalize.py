"""Reading the values of e-GP exports and staff input: amounts, methods, statuses, categories, search text.

Each ``parse_*`` returns the normalised value or raises ``ValueError`` with a whole Thai sentence saying what
to write instead, which the import preview shows next to the row.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from django.utils.translation import gettext as _

from prongsai.core.thai import ThaiDateError, parse_date, to_arabic_digits
from prongsai.core.thaiid import is_valid_thai_id, normalize_thai_id

from .models.choices import Category, EgpStatus, Method

_SPACES = re.compile(r"\s+")
_AMOUNT_NOISE = re.compile(r"(บาท|฿|THB|\s)", re.IGNORECASE)
_MAX_AMOUNT = Decimal("9999999999999.99")


def clean_text(value: object) -> str:
    """A cell as text: None is empty, spaces collapsed, Unicode NFC.

    Called for every cell of imports of 100,000 rows, so the common case (already clean) is checked first.
    """
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = value.strip() if isinstance(value, str) else str(value).strip()
    if "  " in text or "\n" in text or "\t" in text or "\r" in text or "\xa0" in text:
        text = _SPACES.sub(" ", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def search_text(*parts: str) -> str:
    """What the register's Thai search matches: Arabic digits, lower case, single spaces."""
    return _SPACES.sub(
        " ", unicodedata.normalize("NFC", to_arabic_digits(" ".join(p for p in parts if p)))
    ).lower()


def parse_amount(value: object) -> Decimal | None:
    if isinstance(value, str):
        return _parse_amount_text(value)
    return _parse_amount(value)


# An amount as e-GP exports write it ("1,250,000.00", "980.50"): ASCII digits (in groups of three or not), two
# decimals, nothing around it. Such text needs none of the clean-up below (spaces, Thai digits, "บาท") and
# Decimal() already gives it its two places; on 100,000 rows most agreed prices are distinct, so the cache
# misses and this short path is what they take.
_PLAIN_AMOUNT = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})*|[0-9]+)\.[0-9]{2}")


@lru_cache(maxsize=65536)
def _parse_amount_text(value: str) -> Decimal | None:
    if _PLAIN_AMOUNT.fullmatch(value):
        amount = Decimal(value.replace(",", ""))
        if amount <= _MAX_AMOUNT:
            return amount
    return _parse_amount(value)


def _parse_amount(value: object) -> Decimal | None:
    """``1,234,567.50``, ``๑,๒๐๐``, ``1,200 บาท`` or a spreadsheet number → Decimal with 2 places; blank/"-"
    → None."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(_("อ่านจำนวนเงินไม่ได้ กรุณาใส่ตัวเลข เช่น 1,250,000.00"))
    if isinstance(value, int | float | Decimal):
        amount = Decimal(str(value))
    else:
        text = _AMOUNT_NOISE.sub("", to_arabic_digits(clean_text(value)))
        if text in {"", "-", "–"}:
            return None
        text = text.replace(",", "")
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise ValueError(
                _("อ่านจำนวนเงิน “%(value)s” ไม่ได้ กรุณาใส่ตัวเลข เช่น 1,250,000.00") % {"value": clean_text(value)}
            ) from None
    if not amount.is_finite():
        raise ValueError(_("จำนวนเงินต้องเป็นตัวเลข กรุณาใส่ตัวเลข เช่น 1,250,000.00"))
    if amount < 0:
        raise ValueError(_("จำนวนเงินติดลบ (%(amount)s) ไม่ได้ กรุณาใส่จำนวนเงินที่ถูกต้อง") % {"amount": amount})
    if amount > _MAX_AMOUNT:
        raise ValueError(_("จำนวนเงินมากเกินกว่าที่เป็นไปได้ กรุณาตรวจสอบตัวเลข"))
    return amount.quantize(Decimal("0.01"))


def parse_day(value: object) -> date | None:
    if isinstance(value, str):
        return _parse_day_text(value)
    return _parse_day(value)


@lru_cache(maxsize=65536)
def _parse_day_text(value: str) -> date | None:
    return _parse_day(value)


def _parse_day(value: object) -> date | None:
    """A date cell: a spreadsheet date, or text such as "15 ม.ค. 67" / "15/01/2567"; blank → None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = clean_text(value)
    if text in {"", "-", "–"}:
        return None
    try:
        return parse_date(text)
    except ThaiDateError as exc:
        raise ValueError(str(exc)) from None


def parse_tax_id(value: object) -> str:
    return _parse_tax_id(value if isinstance(value, str) else clean_text(value))


@lru_cache(maxsize=65536)
def _parse_tax_id(value: str) -> str:
    """13 digits with a correct check digit (dashes, spaces and Thai digits allowed); blank → ""."""
    text = clean_text(value)
    if not text or text in {"-", "–"}:
        return ""
    digits = normalize_thai_id(text)
    if len(digits) != 13 or not digits.isdigit():
        raise ValueError(_("เลขประจำตัว “%(number)s” ต้องมี 13 หลัก กรุณาตรวจสอบตัวเลข") % {"number": text})
    if not is_valid_thai_id(digits):
        raise ValueError(
            _("เลขประจำตัว “%(number)s” ไม่ถูกต้อง (เลขหลักสุดท้ายไม่ตรงกับเลขตรวจสอบ) กรุณาตรวจสอบตัวเลข")
            % {"number": text}
        )
    return digits


def _key(text: str) -> str:
    return re.sub(r"[\s\-_().]", "", clean_text(text).lower())


# e-GP and agencies write each method several ways; each spelling maps to one method of the Act.
_METHOD_NAMES: dict[Method, list[str]] = {
    Method.E_BIDDING: [
        "e-bidding",
        "ebidding",
        "ประกวดราคาอิเล็กทรอนิกส์",
        "วิธีประกวดราคาอิเล็กทรอนิกส์",
        "ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)",
        "ประกาศเชิญชวนทั่วไป",
        "วิธีประกาศเชิญชวนทั่วไป",
    ],
    Method.E_MARKET: [
        "e-market",
        "emarket",
        "ตลาดอิเล็กทรอนิกส์",
        "วิธีตลาดอิเล็กทรอนิกส์",
        "ตลาดอิเล็กทรอนิกส์ (e-market)",
    ],
    Method.PRICE_INQUIRY: ["สอบราคา", "วิธีสอบราคา"],
    Method.SELECTION: ["คัดเลือก", "วิธีคัดเลือก"],
    Method.SPECIFIC: ["เฉพาะเจาะจง", "วิธีเฉพาะเจาะจง", "เจาะจง", "ตกลงราคา"],
}
_METHOD_ALIASES: dict[str, Method] = {}
for _method, _names in _METHOD_NAMES.items():
    for _name in [*_names, _method.value, str(_method.label)]:
        _METHOD_ALIASES[_key(_name)] = _method

_STATUS_NAMES: dict[EgpStatus, list[str]] = {
    EgpStatus.IN_PROGRESS: [
        "อยู่ระหว่างการดำเนินการ",
        "ระหว่างดำเนินการ",
        "อยู่ระหว่างดำเนินการ",
        "ยังไม่ได้ลงนามในสัญญา",
        "อยู่ระหว่างการพิจารณา",
        "แผนการจัดซื้อจัดจ้าง",
    ],
    EgpStatus.CONTRACTED: ["จัดทำสัญญา/PO แล้ว", "จัดทำสัญญาแล้ว", "ลงนามในสัญญาแล้ว", "จัดทำสัญญา/ใบสั่งซื้อสั่งจ้างแล้ว"],
    EgpStatus.UNDER_CONTRACT: ["อยู่ระหว่างระยะสัญญา", "ระหว่างระยะสัญญา", "อยู่ระหว่างสัญญา"],
    EgpStatus.COMPLETED: ["สิ้นสุดระยะสัญญา", "สิ้นสุดสัญญา", "ส่งมอบงานแล้ว", "ดำเนินการแล้วเสร็จ"],
    EgpStatus.CANCELLED: ["ยกเลิกการดำเนินการ", "ยกเลิก", "ยกเลิกโครงการ", "ยกเลิกประกาศ"],
}
_STATUS_ALIASES: dict[str, EgpStatus] = {}
for _status, _names in _STATUS_NAMES.items():
    for _name in [*_names, _status.value, str(_status.label)]:
        _STATUS_ALIASES[_key(_name)] = _status

_CATEGORY_NAMES: dict[Category, list[str]] = {
    Category.GOODS: ["ซื้อ", "จัดซื้อ", "สินค้า", "goods"],
    Category.SERVICES: ["จ้าง", "จ้างทั่วไป", "จ้างเหมาบริการ", "จ้างทำของ", "บริการ", "services", "เช่า"],
    Category.WORKS: ["จ้างก่อสร้าง", "ก่อสร้าง", "งานก่อสร้าง", "works"],
}
_CATEGORY_ALIASES: dict[str, Category] = {}
for _category, _names in _CATEGORY_NAMES.items():
    for _name in [*_names, _category.value]:
        _CATEGORY_ALIASES[_key(_name)] = _category


def parse_method(value: object) -> Method:
    if isinstance(value, str):
        return _parse_method_cell(value)
    return _parse_method(clean_text(value))


@lru_cache(maxsize=1024)
def _parse_method_cell(value: str) -> Method:
    # A file writes a handful of spellings 100,000 times: cached by the cell as it is, before clean_text.
    return _parse_method(clean_text(value))


@lru_cache(maxsize=1024)
def _parse_method(text: str) -> Method:
    method = _METHOD_ALIASES.get(_key(text))
    if method is None:
        raise ValueError(
            _("ไม่รู้จักวิธีการจัดซื้อจัดจ้าง “%(value)s” กรุณาใช้ e-bidding, e-market, สอบราคา, คัดเลือก หรือเฉพาะเจาะจง")
            % {"value": text}
            if text
            else _("ไม่มีวิธีการจัดซื้อจัดจ้าง กรุณาระบุ เช่น e-bidding หรือเฉพาะเจาะจง")
        )
    return method


def parse_status(value: object) -> EgpStatus:
    if isinstance(value, str):
        return _parse_status_cell(value)
    return _parse_status(clean_text(value))


@lru_cache(maxsize=1024)
def _parse_status_cell(value: str) -> EgpStatus:
    # As _parse_method_cell: cached by the cell as it is, before clean_text.
    return _parse_status(clean_text(value))


@lru_cache(maxsize=1024)
def _parse_status(text: str) -> EgpStatus:
    status = _STATUS_ALIASES.get(_key(text))
    if status is None:
        raise ValueError(
            _("ไม่รู้จักสถานะ “%(value)s” กรุณาใช้สถานะตามระบบ e-GP เช่น อยู่ระหว่างระยะสัญญา หรือ สิ้นสุดระยะสัญญา")
            % {"value": text}
            if text
            else _("ไม่มีสถานะการจัดซื้อจัดจ้าง กรุณาระบุ เช่น อยู่ระหว่างระยะสัญญา")
        )
    return status


def parse_category(value: object, title: str) -> Category:
    """The category column if there is one, else a guess from the title ("ซื้อ…", "จ้างก่อสร้าง…")."""
    if value is None:  # no category column (most e-GP exports): the same as an empty cell
        return guess_category(title)
    text = clean_text(value)
    if text:
        category = _CATEGORY_ALIASES.get(_key(text))
        if category is None:
            raise ValueError(
                _("ไม่รู้จักประเภทการจัดซื้อจัดจ้าง “%(value)s” กรุณาใช้ ซื้อ, จ้าง หรือ จ้างก่อสร้าง") % {"value": text}
            )
        return category
    return guess_category(title)


_SERVICE_PREFIXES = ("จ้าง", "โครงการจ้าง", "เช่า")
_WORKS_WORDS = ("ก่อสร้าง", "ปรับปรุงถนน", "ซ่อมแซมถนน", "วางท่อ", "ขุดลอก", "ถนนคอนกรีต", "ถนนลูกรัง", "รางระบายน้ำ")


@lru_cache(maxsize=4096)
def guess_category(title: str) -> Category:
    # Cached: an agency's titles repeat ("จัดซื้อวัสดุสำนักงาน" every month), and each guess looks for eight
    # words in the title.
    text = clean_text(title)
    if any(word in text for word in _WORKS_WORDS):
        return Category.WORKS
    if text.startswith(_SERVICE_PREFIXES):
        return Category.SERVICES
    return Category.GOODS


def parse_fiscal_year(value: object) -> int | None:
    """``2567`` or ``67`` (BE); blank → None."""
    if value is None:  # no fiscal-year column: what an empty cell gives, without reading it
        return None
    text = to_arabic_digits(clean_text(value))
    if not text:
        return None
    if text.endswith(".0"):
        text = text[:-2]
    if not text.isdigit():
        raise ValueError(_("ปีงบประมาณ “%(value)s” ต้องเป็นตัวเลข พ.ศ. เช่น 2567") % {"value": text})
    year = int(text)
    if year < 100:
        year += 2500
    if not 2500 <= year <= 2700:
        raise ValueError(_("ปีงบประมาณ “%(value)s” ต้องเป็นปี พ.ศ. เช่น 2567") % {"value": text})
    return year
