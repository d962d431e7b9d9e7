"""The 13-digit Thai identification number (prongsai.core.thaiid)."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from prongsai.core.thaiid import (
    format_thai_id,
    is_juristic_person_id,
    is_valid_thai_id,
    mask_thai_id,
    normalize_thai_id,
    thai_id_check_digit,
)

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"


def reference_check_digit(first_twelve: str) -> int:
    """The documented formula, written out independently: s = Σ dᵢ·(14 − i), d₁₃ = (11 − s mod 11) mod 10."""
    s = sum(int(first_twelve[i - 1]) * (14 - i) for i in range(1, 13))
    return (11 - (s % 11)) % 10


def with_check_digit(first_twelve: str) -> str:
    return first_twelve + str(reference_check_digit(first_twelve))


# Computed with the formula above: 1·13 + 1·12 + 0·11 + 1·10 + 7·9 + 0·8 + 0·7 + 2·6 + 0·5 + 7·4 + 0·3 + 3·2
# = 144; 144 mod 11 = 1; (11 − 1) mod 10 = 0.
PERSON_ID = "1101700207030"
# 0·13 + 1·12 + 0·11 + 5·10 + 5·9 + 6·8 + 1·7 + 0·6 + 0·5 + 1·4 + 2·3 + 3·2 = 178; 178 mod 11 = 2; 9.
COMPANY_ID = "0105561001239"

twelve_digits = st.text(alphabet="0123456789", min_size=12, max_size=12)
valid_ids = twelve_digits.map(with_check_digit).filter(lambda d: len(set(d)) > 1)


def test_the_worked_examples_agree_with_the_formula():
    assert reference_check_digit(PERSON_ID[:12]) == int(PERSON_ID[12])
    assert reference_check_digit(COMPANY_ID[:12]) == int(COMPANY_ID[12])


def test_the_check_digit_of_a_known_number_is_computed():
    assert thai_id_check_digit("110170020703") == 0
    assert thai_id_check_digit("010556100123") == 9


def test_remainders_zero_and_ten_share_check_digit_one_and_remainder_one_gives_zero():
    assert thai_id_check_digit("000000000000") == 1  # s = 0
    assert thai_id_check_digit("000000000005") == 1  # s = 5·2 = 10
    assert thai_id_check_digit("010000000000") == 0  # s = 12, 12 mod 11 = 1
    assert thai_id_check_digit("000000000010") == 8  # s = 3


@pytest.mark.parametrize("bad", ["", "12345678901", "1234567890123", "12345678901x", "1234 5678901"])
def test_the_check_digit_needs_exactly_twelve_digits(bad):
    with pytest.raises(ValueError):
        thai_id_check_digit(bad)


@given(twelve_digits)
def test_the_check_digit_follows_the_documented_formula(first_twelve):
    assert thai_id_check_digit(first_twelve) == reference_check_digit(first_twelve)


@given(valid_ids)
def test_any_twelve_digits_with_their_computed_check_digit_form_a_valid_id(thai_id):
    assert is_valid_thai_id(thai_id)


@given(valid_ids, st.integers(min_value=1, max_value=9))
def test_changing_the_check_digit_makes_an_id_invalid(thai_id, shift):
    changed = thai_id[:12] + str((int(thai_id[12]) + shift) % 10)
    assert not is_valid_thai_id(changed)


@given(valid_ids, st.sampled_from([i for i in range(12) if i != 2]), st.integers(min_value=1, max_value=9))
def test_changing_any_single_weighted_digit_makes_an_id_invalid_unless_the_check_digit_is_one(
    thai_id, position, shift
):
    # The formula maps both s mod 11 = 0 and s mod 11 = 10 to check digit 1, so for such IDs some single-digit
    # changes go unnoticed; every other check digit names exactly one remainder.
    assume(thai_id[12] != "1")
    changed = thai_id[:position] + str((int(thai_id[position]) + shift) % 10) + thai_id[position + 1 :]
    assert not is_valid_thai_id(changed)


@given(valid_ids, st.integers(min_value=1, max_value=9))
def test_the_third_digit_is_not_guarded_by_the_check_digit_because_its_weight_is_eleven(thai_id, shift):
    # A property of the official formula, pinned here so nobody "fixes" it: d₃ is weighted 14 − 3 = 11 ≡ 0.
    changed = thai_id[:2] + str((int(thai_id[2]) + shift) % 10) + thai_id[3:]
    assume(len(set(changed)) > 1)
    assert is_valid_thai_id(changed)


@pytest.mark.parametrize("digit", "0123456789")
def test_thirteen_copies_of_one_digit_are_never_a_valid_id(digit):
    assert not is_valid_thai_id(digit * 13)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "110170020703",  # twelve digits
        "11017002070300",  # fourteen digits
        "1101700207031",  # wrong check digit
        "110170020703a",
        "1101700207030.",
        "+101700207030",
    ],
)
def test_anything_but_thirteen_digits_with_the_right_check_digit_is_invalid(value):
    assert not is_valid_thai_id(value)


def test_a_valid_id_may_be_written_with_dashes_spaces_or_thai_digits():
    assert is_valid_thai_id("1-1017-00207-03-0")
    assert is_valid_thai_id("1 1017 00207 03 0")
    assert is_valid_thai_id("1–1017–00207–03–0")  # en dashes, as word processors write them
    assert is_valid_thai_id("๑๑๐๑๗๐๐๒๐๗๐๓๐")


def test_normalizing_keeps_only_the_digits():
    assert normalize_thai_id(" 1-1017-00207-03-0 ") == PERSON_ID
    assert normalize_thai_id("๑-๑๐๑๗-๐๐๒๐๗-๐๓-๐") == PERSON_ID
    assert normalize_thai_id("") == ""
    assert normalize_thai_id(None) == ""  # type: ignore[arg-type]


def test_an_id_is_formatted_in_the_official_groups():
    assert format_thai_id(PERSON_ID) == "1-1017-00207-03-0"
    assert format_thai_id("๑๑๐๑๗๐๐๒๐๗๐๓๐") == "1-1017-00207-03-0"


def test_a_value_that_is_not_thirteen_digits_is_returned_unchanged_by_formatting():
    assert format_thai_id("12345") == "12345"
    assert format_thai_id("ไม่ทราบ") == "ไม่ทราบ"


@given(twelve_digits.map(with_check_digit))
def test_formatting_and_normalizing_are_inverse(thai_id):
    formatted = format_thai_id(thai_id)
    assert [len(group) for group in formatted.split("-")] == [1, 4, 5, 2, 1]
    assert normalize_thai_id(formatted) == thai_id
    assert format_thai_id(formatted) == formatted


@given(twelve_digits.map(with_check_digit))
def test_thai_digits_normalize_to_the_same_id(thai_id):
    thai = thai_id.translate(str.maketrans("0123456789", THAI_DIGITS))
    assert normalize_thai_id(thai) == thai_id
    assert is_valid_thai_id(thai) == is_valid_thai_id(thai_id)


def test_masking_keeps_only_the_first_and_the_last_three_digits():
    assert mask_thai_id(PERSON_ID) == "1-xxxx-xxxxx-03-0"
    assert mask_thai_id("1-1017-00207-03-0") == "1-xxxx-xxxxx-03-0"


def test_masking_an_unreadable_value_reveals_nothing():
    assert mask_thai_id("12345") == "x-xxxx-xxxxx-xx-x"
    assert mask_thai_id("") == "x-xxxx-xxxxx-xx-x"


@given(twelve_digits.map(with_check_digit))
def test_a_masked_id_never_shows_the_nine_hidden_digits(thai_id):
    masked = mask_thai_id(thai_id)
    assert masked == f"{thai_id[0]}-xxxx-xxxxx-{thai_id[10:12]}-{thai_id[12]}"
    assert sum(c.isdigit() for c in masked) == 4


def test_a_juristic_person_id_starts_with_zero():
    assert is_juristic_person_id(COMPANY_ID)
    assert is_juristic_person_id("0-1055-61001-23-9")
    assert not is_juristic_person_id(PERSON_ID)


def test_a_juristic_person_id_in_thai_digits_is_recognised():
    assert is_juristic_person_id("๐๑๐๕๕๖๑๐๐๑๒๓๙")
