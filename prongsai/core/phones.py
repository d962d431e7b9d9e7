"""Thai telephone numbers, parsed and formatted with Google's libphonenumber (the phonenumbers package)."""

from __future__ import annotations

from functools import lru_cache

import phonenumbers
from django.utils.translation import gettext as _

from prongsai.core.thai import to_arabic_digits


class ThaiPhoneError(ValueError):
    """The message is a Thai sentence saying what a valid number looks like."""


def normalize_thai_phone(value: str) -> str:
    """The number in E.164 form (``+66812345678``), or ThaiPhoneError.

    Accepts ``081-234-5678``, ``0 4481 0123``, ``+66 81 234 5678`` and Thai digits; an extension written as
    ``ต่อ 12`` is kept (``+6644810123;ext=12``).
    """
    text = to_arabic_digits(value or "").strip().replace("ต่อ", " ext ")
    if not text:
        raise ThaiPhoneError(_("กรุณากรอกหมายเลขโทรศัพท์"))
    try:
        number = phonenumbers.parse(text, "TH")
    except phonenumbers.NumberParseException:
        raise ThaiPhoneError(
            _("หมายเลขโทรศัพท์ไม่ถูกต้อง กรุณากรอกเป็นตัวเลข เช่น 081-234-5678 หรือ 044-123-456")
        ) from None
    if number.country_code != 66 or not phonenumbers.is_valid_number(number):
        raise ThaiPhoneError(_("หมายเลขโทรศัพท์นี้ไม่ใช่หมายเลขในประเทศไทยที่ใช้ได้ กรุณาตรวจสอบจำนวนหลักอีกครั้ง"))
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)) + (
        f";ext={number.extension}" if number.extension else ""
    )


def format_thai_phone(value: str) -> str:
    """The national form with dashes, e.g. ``081-234-5678``; other text is returned as is."""
    national = _national(value)
    if national is None:
        return value
    text, ext = national
    if not ext:
        return text
    extension = _("ต่อ")
    return f"{text} {extension} {ext}"


# Both are memoised: every public page prints the agency's numbers in its footer, and libphonenumber's
# parsing of one number costs more than the rest of the footer.
@lru_cache(maxsize=1024)
def _national(value: str) -> tuple[str, str] | None:
    try:
        number = phonenumbers.parse(to_arabic_digits(value or "").replace(";ext=", " ext "), "TH")
    except phonenumbers.NumberParseException:
        return None
    if number.country_code != 66 or not phonenumbers.is_valid_number(number):
        # A foreign number in its own national form would lose its country code (+44 20… shows as 020-…).
        return None
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    main, _sep, ext = national.partition(" ext. ")
    return main.replace(" ", "-"), ext


@lru_cache(maxsize=1024)
def tel_uri(value: str) -> str:
    """A ``tel:`` link target, or an empty string when the number cannot be read."""
    try:
        return "tel:" + normalize_thai_phone(value)
    except ThaiPhoneError:
        return ""
