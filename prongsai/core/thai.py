"""Thai presentation helpers: Buddhist-era dates, fiscal years, Thai numerals and baht amounts.

Dates are stored as ISO dates and aware datetimes; the Buddhist era, Thai month names and Thai digits are
applied only here, at render time. Every template filter and document renderer goes through this module.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

BANGKOK = ZoneInfo("Asia/Bangkok")
BE_OFFSET = 543

MONTHS_FULL = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
MONTHS_ABBR = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)

_THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_THAI = str.maketrans("0123456789", _THAI_DIGITS)
_TO_ARABIC = str.maketrans(_THAI_DIGITS, "0123456789")
_THAI_DIGIT = re.compile(f"[{_THAI_DIGITS}]")


class ThaiDateError(ValueError):
    """A date the parser cannot read; the message is a Thai sentence that says what to write instead."""


# --- numerals ----------------------------------------------------------------------------------------------


def to_thai_digits(text: str) -> str:
    """Replace Arabic digits with Thai digits (๐–๙); everything else is unchanged."""
    return str(text).translate(_TO_THAI)


def to_arabic_digits(text: str) -> str:
    """Replace Thai digits with Arabic digits; used on every input before parsing, storing or searching."""
    text = str(text)
    # Most text has no Thai digit, and translate() on Thai text goes character by character through a
    # dict: on the 100,000 rows of an e-GP import, looking first was several times cheaper.
    if _THAI_DIGIT.search(text) is None:
        return text
    return text.translate(_TO_ARABIC)


# --- ITA item codes ----------------------------------------------------------------------------------------

# An ITA code: the instrument's letter (o: OIT items, i: IIT and e: EIT questions) and the number of the item,
# written with or without a space, a dash or leading zeros, in either digits.
_ITA_CODE = re.compile(r"([oie])\s?[-.]?\s?([0-9๐-๙]{1,3})(?![0-9๐-๙])", re.IGNORECASE)
_ITA_CODE_WHOLE = re.compile(r"\s*" + _ITA_CODE.pattern + r"\s*", re.IGNORECASE)
# In running text a code is the one written after "ข้อ" ("ข้อ e7", "ข้อ O 28"): a letter and digits elsewhere
# (a "Core i5" computer in a procurement title) are not ITA codes and are left alone.
_ITA_CODE_IN_TEXT = re.compile(r"(ข้อ\s*)" + _ITA_CODE.pattern + r"(?![A-Za-z])", re.IGNORECASE)


def _ita_code(letter: str, number: str, thai_digits: bool) -> str:
    text = f"{letter.lower()}{int(to_arabic_digits(number))}"
    return to_thai_digits(text) if thai_digits else text


def ita_code(code: str, *, thai_digits: bool = False) -> str:
    """An ITA item or question code as a person reads it, written one way everywhere (ADR 0123).

    The instrument's letter in lower case, then the item's number without a space or leading zeros: in Thai
    digits in official documents (``e๗``, ``o๒๘``: the seed report's style), in Arabic digits on web pages
    and in data files (``e7``, ``o28``: the rest of the page's numbers, and what a spreadsheet reads).
    ``O 028``, ``e๗`` and ``E-7`` are all read. Anything else (an indicator number, an empty code) is
    returned unchanged.
    """
    match = _ITA_CODE_WHOLE.fullmatch(str(code))
    if match is None:
        return str(code)
    return _ita_code(match.group(1), match.group(2), thai_digits)


def ita_codes_in_text(text: str, *, thai_digits: bool = False) -> str:
    """``text`` with every ITA code written after "ข้อ" put in the one style of ``ita_code``."""
    return _ITA_CODE_IN_TEXT.sub(
        lambda m: m.group(1) + _ita_code(m.group(2), m.group(3), thai_digits), str(text)
    )


# --- years and dates ---------------------------------------------------------------------------------------


def be_year(ce_year: int) -> int:
    return ce_year + BE_OFFSET


def ce_year(be: int) -> int:
    return be - BE_OFFSET


def _as_local_date(value: date | datetime) -> date:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("Naive datetimes are not accepted; pass an aware datetime.")
        return value.astimezone(BANGKOK).date()
    return value


def format_date(
    value: date | datetime,
    *,
    month: str = "full",
    short_year: bool = False,
    era: bool = False,
    thai_digits: bool = False,
) -> str:
    """A date in the Buddhist era, e.g. ``30 กันยายน 2567``, ``30 ก.ย. 2567`` or ``30 ก.ย. 67``.

    ``month`` is "full" or "abbr"; ``era`` adds "พ.ศ." before the year as formal text does; an aware
    datetime is first converted to Bangkok time, so 23:30 UTC on 30 September is 1 October.
    """
    day = _as_local_date(value)
    names = MONTHS_ABBR if month == "abbr" else MONTHS_FULL
    year = be_year(day.year)
    year_text = f"{year % 100:02d}" if short_year else str(year)
    text = f"{day.day} {names[day.month - 1]} {'พ.ศ. ' if era else ''}{year_text}"
    return to_thai_digits(text) if thai_digits else text


def format_datetime(value: datetime, *, month: str = "full", thai_digits: bool = False) -> str:
    """``30 กันยายน 2567 เวลา 14.05 น.`` in Bangkok time (the official style writes the time with a dot).

    A naive datetime is refused as in ``format_date``: ``astimezone`` would read it in the server's zone.
    """
    if value.tzinfo is None:
        raise ValueError("Naive datetimes are not accepted; pass an aware datetime.")
    local = value.astimezone(BANGKOK)
    text = f"{format_date(local, month=month)} เวลา {local:%H.%M} น."
    return to_thai_digits(text) if thai_digits else text


def format_month(year_ce: int, month: int, *, abbr: bool = False, thai_digits: bool = False) -> str:
    """``มีนาคม 2567`` for a month of a Christian-era year."""
    text = f"{(MONTHS_ABBR if abbr else MONTHS_FULL)[month - 1]} {be_year(year_ce)}"
    return to_thai_digits(text) if thai_digits else text


_MONTH_LOOKUP: dict[str, int] = {}
for _i, (_full, _abbr) in enumerate(zip(MONTHS_FULL, MONTHS_ABBR, strict=True), start=1):
    _MONTH_LOOKUP[_full] = _i
    _MONTH_LOOKUP[_abbr] = _i
    _MONTH_LOOKUP[_abbr.replace(".", "")] = _i
    _MONTH_LOOKUP[_abbr.replace(" ", "")] = _i

_TEXT_DATE = re.compile(r"^(\d{1,2})\s*(\D+?)\s*(\d{2}|\d{4})$")
_ERA = re.compile(r"พ\.\s?ศ\.?")
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _year_to_ce(year_text: str) -> int:
    year = int(year_text)
    if len(year_text) == 2:
        # Two-digit years are Buddhist-era short forms as e-GP writes them ("15 ม.ค. 67" = 2567).
        return ce_year(2500 + year)
    if year >= 2400:
        return ce_year(year)
    if year <= 2300:
        return year
    raise ThaiDateError(
        _("ปี %(year)s กำกวม ไม่ทราบว่าเป็น พ.ศ. หรือ ค.ศ. กรุณาระบุปี พ.ศ. (เช่น 2567) หรือ ค.ศ. (เช่น 2024)")
        % {"year": year}
    )


def _refuse_short_year(cleaned: str) -> None:
    """Raise a Thai error naming the four-digit year when ``cleaned`` ends in a two-digit year."""
    match = _NUMERIC_DATE.match(cleaned) or _TEXT_DATE.match(cleaned)
    if match is None or len(match.group(3)) != 2:
        return
    short = match.group(3)
    example = cleaned[: match.start(3)] + str(2500 + int(short))
    raise ThaiDateError(
        _("ปี “%(year)s” มีเพียง 2 หลัก กรุณากรอกปี พ.ศ. ให้ครบ 4 หลัก เช่น %(example)s")
        % {"year": short, "example": example}
    )


def parse_date(text: str, *, short_year: bool = True) -> date:
    """Read a date written the ways Thai documents write it.

    Accepts ``30 กันยายน 2567``, ``30 ก.ย. 67``, ``30 ก.ย. 2567``, ``30 กันยายน พ.ศ. 2567``, ``30/09/2567``,
    ``2024-09-30`` and any of these in Thai digits. Four-digit years from 2400 are Buddhist era, up to 2300
    Christian era; anything in between is refused as ambiguous (a classic bug stores 2567 as a CE year).

    Two-digit years are the e-GP's short Buddhist-era form ("15 ม.ค. 67"): files exported by e-GP use them.
    A date a person types (``short_year=False``, every ``ThaiDateField``) must have the four-digit year: "62"
    may be 2562 or a CE 1962 birth year, and a wrong guess is not seen (ADR 0124).
    """
    cleaned = " ".join(_ERA.sub(" ", to_arabic_digits(text)).strip().split())
    if not cleaned:
        raise ThaiDateError(_("กรุณากรอกวันที่"))
    if not short_year:
        _refuse_short_year(cleaned)
    try:
        if m := _ISO_DATE.match(cleaned):
            return date(_year_to_ce(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m := _NUMERIC_DATE.match(cleaned):
            return date(_year_to_ce(m.group(3)), int(m.group(2)), int(m.group(1)))
        if m := _TEXT_DATE.match(cleaned):
            month_name = m.group(2).replace(" ", "")
            month = _MONTH_LOOKUP.get(month_name) or _MONTH_LOOKUP.get(month_name + ".")
            if month is None and not month_name.strip("."):
                raise ThaiDateError(_("กรุณาระบุเดือน เช่น 30 กันยายน 2567 หรือ 30/09/2567"))
            if month is None:
                raise ThaiDateError(
                    _("ไม่รู้จักชื่อเดือน “%(month)s” กรุณาเขียนเช่น มกราคม หรือ ม.ค.") % {"month": m.group(2)}
                )
            return date(_year_to_ce(m.group(3)), month, int(m.group(1)))
    except ValueError as exc:
        if isinstance(exc, ThaiDateError):
            raise
        raise ThaiDateError(_("ไม่มีวันที่ “%(text)s” ในปฏิทิน กรุณาตรวจสอบวัน เดือน และปี") % {"text": text}) from None
    raise ThaiDateError(
        _("อ่านวันที่ “%(text)s” ไม่ได้ กรุณาเขียนเช่น 30 กันยายน 2567 หรือ 30/09/2567") % {"text": text}
    )


# --- fiscal year -------------------------------------------------------------------------------------------


def fiscal_year(value: date | datetime) -> int:
    """The Buddhist-era fiscal year of a date: 1 Oct 2566 – 30 Sep 2567 is fiscal year 2567."""
    day = _as_local_date(value)
    return be_year(day.year) + (1 if day.month >= 10 else 0)


def fiscal_year_range(fy_be: int) -> tuple[date, date]:
    """First and last day of a fiscal year named by its BE year."""
    end_ce = ce_year(fy_be)
    return date(end_ce - 1, 10, 1), date(end_ce, 9, 30)


def fiscal_quarter(value: date | datetime) -> tuple[int, int]:
    """(fiscal year, quarter 1–4): Q1 is Oct–Dec, Q2 Jan–Mar, Q3 Apr–Jun, Q4 Jul–Sep."""
    day = _as_local_date(value)
    return fiscal_year(day), ((day.month - 10) % 12) // 3 + 1


def quarter_range(fy_be: int, quarter: int) -> tuple[date, date]:
    """First and last day of a fiscal quarter."""
    if quarter not in (1, 2, 3, 4):
        raise ValueError("quarter must be 1, 2, 3 or 4")
    start, _end = fiscal_year_range(fy_be)
    year, month = {
        1: (start.year, 10),
        2: (start.year + 1, 1),
        3: (start.year + 1, 4),
        4: (start.year + 1, 7),
    }[quarter]
    last_month = month + 2
    return date(year, month, 1), date(year, last_month, calendar.monthrange(year, last_month)[1])


def half_year_range(fy_be: int) -> tuple[date, date]:
    """The "รอบ 6 เดือน" window: 1 October to 31 March (data "ณ วันที่ 31 มีนาคม")."""
    start, _end = fiscal_year_range(fy_be)
    return start, date(start.year + 1, 3, 31)


# --- money ----------------------------------------------------------------------------------------------


_SATANG = Decimal("0.01")


def format_baht(amount: Decimal | int | float | str, *, thai_digits: bool = False) -> str:
    """``1,234,567.89`` with two decimals, rounded half up as Thai finance rounds satang."""
    exact = amount if isinstance(amount, Decimal) else Decimal(str(amount))
    value = exact.quantize(_SATANG, rounding=ROUND_HALF_UP)
    text = f"{value:,.2f}"
    return to_thai_digits(text) if thai_digits else text


def baht_words(amount: Decimal | int | float | str) -> str:
    """The amount in words, e.g. ``หนึ่งล้านสองแสนบาทถ้วน`` (PyThaiNLP's bahttext)."""
    # Imported on first use: pythainlp.util pulls in most of PyThaiNLP, which every process would pay for.
    from pythainlp.util import bahttext

    value = Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if value < 0:
        return "ลบ" + str(bahttext(float(-value)))
    return str(bahttext(float(value)))
