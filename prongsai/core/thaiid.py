"""The 13-digit Thai citizen / taxpayer identification number."""

from __future__ import annotations

import re

from prongsai.core.thai import to_arabic_digits

_SEPARATORS = re.compile(r"[\s\-–]")


def normalize_thai_id(value: str) -> str:
    """Digits only: dashes and spaces removed, Thai digits turned into Arabic ones."""
    return _SEPARATORS.sub("", to_arabic_digits(value or ""))


def thai_id_check_digit(first_twelve: str) -> int:
    """The 13th digit: (11 − Σ dᵢ·(14−i) mod 11) mod 10 over the first twelve digits."""
    if len(first_twelve) != 12 or not first_twelve.isdigit():
        raise ValueError("exactly twelve digits are needed")
    total = sum(int(d) * (13 - i) for i, d in enumerate(first_twelve))
    return (11 - total % 11) % 10


def is_valid_thai_id(value: str) -> bool:
    """True for 13 digits with a correct check digit, not all the same digit (formula-valid, never issued)."""
    digits = normalize_thai_id(value)
    if len(digits) != 13 or not digits.isascii() or not digits.isdigit():
        return False
    if len(set(digits)) == 1:
        return False
    return thai_id_check_digit(digits[:12]) == int(digits[12])


def format_thai_id(value: str) -> str:
    """``X-XXXX-XXXXX-XX-X``; a value that is not 13 digits is returned unchanged."""
    d = normalize_thai_id(value)
    if len(d) != 13 or not d.isdigit():
        return value
    return f"{d[0]}-{d[1:5]}-{d[5:10]}-{d[10:12]}-{d[12]}"


def mask_thai_id(value: str) -> str:
    """The form published for a natural person: only the first and the last three digits remain."""
    d = normalize_thai_id(value)
    if len(d) != 13 or not d.isdigit():
        return "x-xxxx-xxxxx-xx-x"
    return f"{d[0]}-xxxx-xxxxx-{d[10:12]}-{d[12]}"


def is_juristic_person_id(value: str) -> bool:
    """Juristic persons (companies, partnerships, agencies) have IDs starting with 0; people do not."""
    return normalize_thai_id(value).startswith("0")
