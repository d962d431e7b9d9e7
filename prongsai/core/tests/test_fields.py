"""Form fields for Thai input: Buddhist-era dates, 13-digit IDs and telephone numbers."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django import forms
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from prongsai.core.fields import ThaiDateField, ThaiIDField, ThaiPhoneField, thai_date_display

THAI_LETTER = re.compile(r"[ก-ฮ]")
PERSON_ID = "1101700207030"  # check digit computed in test_thaiid.py


def thai_messages(error: ValidationError) -> list[str]:
    return [m for m in error.messages if THAI_LETTER.search(m)]


class ApplicationForm(forms.Form):
    received_on = ThaiDateField()
    citizen_id = ThaiIDField(required=False)
    phone = ThaiPhoneField(required=False)


# --- ThaiDateField ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    ["30/09/2567", "30 กันยายน 2567", "30 ก.ย. 2567", "๓๐/๐๙/๒๕๖๗", "2024-09-30", "30 กันยายน พ.ศ. 2567"],
)
def test_the_date_field_reads_buddhist_era_input(written):
    assert ThaiDateField().clean(written) == date(2024, 9, 30)


def test_the_date_field_passes_a_date_object_through():
    assert ThaiDateField().clean(date(2024, 9, 30)) == date(2024, 9, 30)


@pytest.mark.parametrize("written", ["31 ก.พ. 2567", "32/01/2567", "1 ฟูบาร์ 2567", "1/1/2350", "เมื่อวาน"])
def test_the_date_field_refuses_bad_input_with_a_thai_message(written):
    with pytest.raises(ValidationError) as caught:
        ThaiDateField().clean(written)
    assert caught.value.error_list[0].code == "invalid"
    assert thai_messages(caught.value) == caught.value.messages


@pytest.mark.parametrize(
    ("written", "example"),
    [
        ("15/06/62", "15/06/2562"),
        ("๑๕/๐๖/๖๒", "15/06/2562"),
        ("15 มิ.ย. 62", "15 มิ.ย. 2562"),
        ("15 มิถุนายน พ.ศ. 05", "15 มิถุนายน 2505"),
    ],
)
def test_a_two_digit_year_typed_by_a_person_is_refused_with_the_four_digit_year_to_write(written, example):
    """Issue 19 item 11: "62" may be 2562 or a CE 1962 birth year; the form never guesses it silently."""
    with pytest.raises(ValidationError) as caught:
        ThaiDateField().clean(written)
    message = caught.value.messages[0]
    assert caught.value.error_list[0].code == "invalid"
    assert "มีเพียง 2 หลัก" in message and "ปี พ.ศ. ให้ครบ 4 หลัก" in message
    assert f"เช่น {example}" in message


def test_the_date_field_explains_an_ambiguous_year():
    with pytest.raises(ValidationError) as caught:
        ThaiDateField().clean("1/1/2350")
    assert "พ.ศ." in caught.value.messages[0]


def test_a_required_date_field_asks_for_a_value_in_thai():
    with pytest.raises(ValidationError) as caught:
        ThaiDateField().clean("")
    assert caught.value.error_list[0].code == "required"
    assert thai_messages(caught.value)


def test_an_optional_empty_date_field_cleans_to_none():
    assert ThaiDateField(required=False).clean("") is None
    assert ThaiDateField(required=False).clean(None) is None


def test_the_date_widget_shows_a_stored_date_in_the_buddhist_era():
    assert ThaiDateField().widget.format_value(date(2024, 9, 30)) == "30/09/2567"
    assert ThaiDateField().widget.format_value(date(2024, 1, 5)) == "05/01/2567"


def test_the_date_widget_shows_typed_text_unchanged():
    assert ThaiDateField().widget.format_value("30 ก.ย. 67") == "30 ก.ย. 67"


def test_the_date_field_helps_with_a_numeric_keyboard_and_a_thai_hint():
    field = ThaiDateField()
    assert field.widget.attrs["inputmode"] == "numeric"
    assert field.widget.attrs["placeholder"] == "วว/ดด/ปปปป"
    assert "พ.ศ." in str(field.help_text)


@given(st.dates(min_value=date(1857, 1, 1), max_value=date(9456, 12, 31)))
def test_a_date_shown_by_the_widget_cleans_back_to_the_same_date(day):
    field = ThaiDateField()
    assert field.clean(field.widget.format_value(day)) == day


def test_a_bound_form_renders_the_initial_date_in_the_buddhist_era():
    form = ApplicationForm(initial={"received_on": date(2024, 9, 30)})
    assert 'value="30/09/2567"' in str(form["received_on"])


def test_a_bound_form_with_an_invalid_date_shows_the_thai_error_and_keeps_the_text():
    form = ApplicationForm(data={"received_on": "31 ก.พ. 67"})
    assert not form.is_valid()
    assert THAI_LETTER.search(form.errors["received_on"][0])
    assert 'value="31 ก.พ. 67"' in str(form["received_on"])


def test_thai_date_display_formats_a_date_or_nothing():
    assert thai_date_display(date(2024, 9, 30)) == "30 กันยายน 2567"
    assert thai_date_display(None) == ""


# --- ThaiIDField --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("written", [PERSON_ID, "1-1017-00207-03-0", " 1 1017 00207 03 0 ", "๑๑๐๑๗๐๐๒๐๗๐๓๐"])
def test_the_id_field_cleans_a_valid_id_to_thirteen_digits(written):
    assert ThaiIDField().clean(written) == PERSON_ID


@pytest.mark.parametrize("written", ["1101700207031", "110170020703", "1111111111111", "abcdefghijklm"])
def test_the_id_field_refuses_an_invalid_id_with_a_thai_message(written):
    with pytest.raises(ValidationError) as caught:
        ThaiIDField().clean(written)
    assert caught.value.error_list[0].code == "invalid"
    assert "13 หลัก" in caught.value.messages[0]


def test_an_optional_empty_id_field_cleans_to_an_empty_string():
    assert ThaiIDField(required=False).clean("") == ""


def test_a_required_id_field_asks_for_a_value_in_thai():
    with pytest.raises(ValidationError) as caught:
        ThaiIDField().clean("")
    assert thai_messages(caught.value)


def test_the_id_field_shows_a_stored_id_in_groups():
    assert ThaiIDField().prepare_value(PERSON_ID) == "1-1017-00207-03-0"
    assert ThaiIDField().prepare_value("") == ""
    assert ThaiIDField().prepare_value(None) is None


def test_the_id_field_turns_off_autocomplete_and_asks_for_digits():
    field = ThaiIDField()
    assert field.widget.attrs["inputmode"] == "numeric"
    assert field.widget.attrs["autocomplete"] == "off"
    assert field.max_length == 20


# --- ThaiPhoneField -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "cleaned"),
    [
        ("0812345678", "081-234-5678"),
        ("+66 81 234 5678", "081-234-5678"),
        ("๐๘๑๒๓๔๕๖๗๘", "081-234-5678"),
        ("044810123", "044-810-123"),
        ("021234567", "02-123-4567"),
        ("044-810-123 ต่อ 12", "044-810-123 ต่อ 12"),
    ],
)
def test_the_phone_field_cleans_to_the_national_form_with_dashes(written, cleaned):
    assert ThaiPhoneField().clean(written) == cleaned


@pytest.mark.parametrize("written", ["abc", "1234", "081-234-567", "+1 415 555 2671"])
def test_the_phone_field_refuses_a_bad_number_with_a_thai_message(written):
    with pytest.raises(ValidationError) as caught:
        ThaiPhoneField().clean(written)
    assert caught.value.error_list[0].code == "invalid"
    assert thai_messages(caught.value) == caught.value.messages


def test_an_optional_empty_phone_field_cleans_to_an_empty_string():
    assert ThaiPhoneField(required=False).clean("") == ""


def test_the_phone_field_asks_for_a_telephone_keyboard():
    field = ThaiPhoneField()
    assert field.widget.attrs["inputmode"] == "tel"
    assert field.widget.attrs["autocomplete"] == "tel"


def test_a_whole_form_cleans_thai_input():
    form = ApplicationForm(
        data={"received_on": "๓๐ ก.ย. ๒๕๖๗", "citizen_id": "1-1017-00207-03-0", "phone": "0812345678"}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {
        "received_on": date(2024, 9, 30),
        "citizen_id": PERSON_ID,
        "phone": "081-234-5678",
    }


def test_a_date_that_has_happened_cannot_be_in_the_future_and_a_ce_year_is_read_as_ce():
    from datetime import timedelta

    from django.utils import timezone

    field = ThaiDateField(not_in_future=True)
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError) as caught:
        field.clean(tomorrow.isoformat())
    assert "วันที่นี้ต้องไม่เกินวันนี้" in caught.value.messages[0]
    assert field.clean("15/06/2505") == date(1962, 6, 15)
    assert field.clean("15/06/1962") == date(1962, 6, 15), "a CE year typed by habit is read as CE"
    assert ThaiDateField().clean(tomorrow.isoformat()) == tomorrow, "other dates may lie ahead"
