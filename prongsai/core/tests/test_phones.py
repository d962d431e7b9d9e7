"""Thai telephone numbers (prongsai.core.phones)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prongsai.core.phones import ThaiPhoneError, format_thai_phone, normalize_thai_phone, tel_uri

THAI_LETTER = re.compile(r"[ก-ฮ]")
_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

mobile_numbers = st.builds(
    lambda prefix, rest: prefix + rest,
    st.sampled_from(
        ["081", "082", "083", "084", "085", "086", "087", "088", "089", "090", "091", "095", "099"]
    ),
    st.text(alphabet="0123456789", min_size=7, max_size=7),
)
bangkok_numbers = st.text(alphabet="0123456789", min_size=7, max_size=7).map(lambda rest: "02" + rest)
provincial_numbers = st.builds(
    lambda prefix, rest: prefix + rest,
    st.sampled_from(["032", "038", "042", "043", "044", "045", "053", "054", "074", "076", "077"]),
    st.text(alphabet="0123456789", min_size=6, max_size=6),
)


@pytest.mark.parametrize(
    ("written", "e164"),
    [
        ("081-234-5678", "+66812345678"),
        ("0812345678", "+66812345678"),
        ("081 234 5678", "+66812345678"),
        ("+66 81 234 5678", "+66812345678"),
        ("+66812345678", "+66812345678"),
        ("๐๘๑-๒๓๔-๕๖๗๘", "+66812345678"),
        ("044-810-123", "+6644810123"),
        ("0 4481 0123", "+6644810123"),
        ("02-123-4567", "+6621234567"),
        ("  021234567  ", "+6621234567"),
    ],
)
def test_a_thai_number_is_normalized_to_e164(written, e164):
    assert normalize_thai_phone(written) == e164


def test_an_extension_written_in_thai_is_kept():
    assert normalize_thai_phone("044-810-123 ต่อ 12") == "+6644810123;ext=12"
    assert normalize_thai_phone("๐๔๔-๘๑๐-๑๒๓ ต่อ ๑๒") == "+6644810123;ext=12"


@pytest.mark.parametrize(
    "written",
    ["", "   ", "abc", "โทร", "1234", "081-234-567", "081-234-56789", "+1 415 555 2671", "+44 20 7946 0958"],
)
def test_a_number_that_is_not_a_usable_thai_number_is_refused_in_thai(written):
    with pytest.raises(ThaiPhoneError) as caught:
        normalize_thai_phone(written)
    assert THAI_LETTER.search(str(caught.value))


def test_an_empty_number_is_asked_for():
    with pytest.raises(ThaiPhoneError, match="กรุณากรอกหมายเลขโทรศัพท์"):
        normalize_thai_phone("")
    with pytest.raises(ThaiPhoneError, match="กรุณากรอกหมายเลขโทรศัพท์"):
        normalize_thai_phone(None)  # type: ignore[arg-type]


def test_a_phone_error_is_a_value_error():
    with pytest.raises(ValueError):
        normalize_thai_phone("abc")


@pytest.mark.parametrize(
    ("written", "formatted"),
    [
        ("0812345678", "081-234-5678"),
        ("+66812345678", "081-234-5678"),
        ("044810123", "044-810-123"),
        ("+6644810123", "044-810-123"),
        ("021234567", "02-123-4567"),
        ("๐๒๑๒๓๔๕๖๗", "02-123-4567"),
        ("+6644810123;ext=12", "044-810-123 ต่อ 12"),
    ],
)
def test_a_number_is_formatted_in_the_national_style_with_dashes(written, formatted):
    assert format_thai_phone(written) == formatted


@pytest.mark.parametrize("text", ["ติดต่อสำนักปลัด", "1234", "", "+1 415 555 2671", "+44 20 7946 0958"])
def test_text_that_is_not_a_thai_number_is_shown_as_it_was_written(text):
    assert format_thai_phone(text) == text


def test_a_tel_link_targets_the_e164_number():
    assert tel_uri("081-234-5678") == "tel:+66812345678"
    assert tel_uri("044-810-123 ต่อ 12") == "tel:+6644810123;ext=12"


@pytest.mark.parametrize("text", ["", "abc", "1234", "+1 415 555 2671"])
def test_an_unreadable_number_gets_no_tel_link(text):
    assert tel_uri(text) == ""


@given(mobile_numbers)
def test_a_mobile_number_round_trips_through_e164_to_the_dashed_form(digits):
    e164 = normalize_thai_phone(digits)
    assert e164 == "+66" + digits[1:]
    dashed = f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    assert format_thai_phone(e164) == dashed
    assert normalize_thai_phone(dashed) == e164
    assert normalize_thai_phone(dashed.translate(_TO_THAI)) == e164


@given(bangkok_numbers)
def test_a_bangkok_number_is_written_with_a_two_digit_area_code(digits):
    e164 = normalize_thai_phone(digits)
    assert e164 == "+66" + digits[1:]
    assert format_thai_phone(e164) == f"{digits[:2]}-{digits[2:5]}-{digits[5:]}"


@given(provincial_numbers)
def test_a_provincial_number_is_written_with_a_three_digit_area_code(digits):
    e164 = normalize_thai_phone(digits)
    assert e164 == "+66" + digits[1:]
    assert format_thai_phone(e164) == f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    assert tel_uri(format_thai_phone(e164)) == "tel:" + e164


def test_the_extension_word_follows_the_language_although_the_parsing_is_remembered():
    from django.utils import translation

    from prongsai.core.phones import format_thai_phone

    with translation.override("th"):
        assert format_thai_phone("+6644810123;ext=12") == "044-810-123 ต่อ 12"
    with translation.override("en"):
        assert format_thai_phone("+6644810123;ext=12") != "044-810-123 ต่อ 12"
        assert format_thai_phone("+6644810123;ext=12").startswith("044-810-123 ")
    with translation.override("th"):
        assert format_thai_phone("+6644810123;ext=12") == "044-810-123 ต่อ 12"
