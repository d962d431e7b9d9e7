"""Template filters for Thai presentation. Loaded as a builtin, so every template can use them.

Each filter returns an empty string for an empty value, so templates need no guards.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django import template

from prongsai.core import audit_labels, phones, thai, thai_words, thaiid

register = template.Library()


def _dateish(value: Any) -> date | datetime | None:
    return value if isinstance(value, date | datetime) else None


@register.filter
def thai_date(value: Any) -> str:
    """``30 กันยายน 2567``"""
    d = _dateish(value)
    return thai.format_date(d) if d else ""


@register.filter
def thai_date_abbr(value: Any) -> str:
    """``30 ก.ย. 2567``"""
    d = _dateish(value)
    return thai.format_date(d, month="abbr") if d else ""


@register.filter
def thai_date_short(value: Any) -> str:
    """``30 ก.ย. 67`` (the e-GP style)"""
    d = _dateish(value)
    return thai.format_date(d, month="abbr", short_year=True) if d else ""


@register.filter
def thai_date_formal(value: Any) -> str:
    """``30 กันยายน พ.ศ. 2567``"""
    d = _dateish(value)
    return thai.format_date(d, era=True) if d else ""


@register.filter
def thai_datetime(value: Any) -> str:
    """``30 กันยายน 2567 เวลา 14.05 น.`` in Bangkok time"""
    return thai.format_datetime(value) if isinstance(value, datetime) else thai_date(value)


@register.filter
def thai_digits(value: Any) -> str:
    return thai.to_thai_digits(str(value)) if value not in (None, "") else ""


@register.filter
def ita_code(value: Any) -> str:
    """An ITA item or question code as web pages write it: ``o28``, ``e7`` (``core.thai.ita_code``)."""
    return thai.ita_code(str(value)) if value not in (None, "") else ""


@register.filter
def ita_codes(value: Any) -> str:
    """Text with the ITA codes written after "ข้อ" in the web pages' one style (``ข้อ e7``)."""
    return thai.ita_codes_in_text(str(value)) if value not in (None, "") else ""


@register.filter
def arabic_digits(value: Any) -> str:
    return thai.to_arabic_digits(str(value)) if value not in (None, "") else ""


def _decimal(value: Any) -> Decimal | None:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


@register.filter
def baht(value: Any) -> str:
    """``1,234,567.89``"""
    amount = _decimal(value) if value not in (None, "") else None
    return thai.format_baht(amount) if amount is not None else ""


@register.filter
def bahttext(value: Any) -> str:
    """``หนึ่งล้านสองแสนสามหมื่นสี่พันห้าร้อยหกสิบเจ็ดบาทแปดสิบเก้าสตางค์``"""
    amount = _decimal(value) if value not in (None, "") else None
    return thai.baht_words(amount) if amount is not None else ""


@register.filter
def fiscal_year(value: Any) -> str:
    d = _dateish(value)
    return str(thai.fiscal_year(d)) if d else ""


@register.filter
def thai_id(value: Any) -> str:
    return thaiid.format_thai_id(str(value)) if value else ""


@register.filter
def mask_thai_id(value: Any) -> str:
    return thaiid.mask_thai_id(str(value)) if value else ""


@register.filter
def thai_phone(value: Any) -> str:
    return phones.format_thai_phone(str(value)) if value else ""


@register.filter
def tel_uri(value: Any) -> str:
    return phones.tel_uri(str(value)) if value else ""


@register.filter
def audit_action(code: str) -> str:
    """The Thai name of an audit action code (``eservice.request.approved`` → ``อนุมัติ/ดำเนินการแล้วเสร็จ``)."""
    return audit_labels.action_label(str(code)) if code else ""


@register.filter
def audit_actor(event: Any) -> str:
    """Who did it: the member's full name, or the channel in Thai; never a username when a name is known."""
    return audit_labels.actor_name(event) if event else ""


@register.filter(is_safe=True)
def thai_wrap(value: Any) -> str:
    """Thai text (or a block of safe HTML, with ``{% filter thai_wrap %}``) whose words cannot be broken
    inside: a line breaks only between PyThaiNLP's words (core/thai_words.py)."""
    return thai_words.thai_wrap(value)
