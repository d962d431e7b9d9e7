"""The Thai template filters, available in every template without {% load %}."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from django.template import Context, Template

FILTERS = [
    "thai_date",
    "thai_date_abbr",
    "thai_date_short",
    "thai_date_formal",
    "thai_datetime",
    "thai_digits",
    "arabic_digits",
    "baht",
    "bahttext",
    "fiscal_year",
    "thai_id",
    "mask_thai_id",
    "thai_phone",
    "tel_uri",
]

LAST_DAY_OF_FY_2567 = date(2024, 9, 30)


def render(source: str, **context: Any) -> str:
    return Template(source).render(Context(context))


def test_a_date_renders_in_the_buddhist_era_without_loading_the_library():
    assert render("{{ d|thai_date }}", d=LAST_DAY_OF_FY_2567) == "30 กันยายน 2567"


def test_the_abbreviated_date_filter_uses_the_dotted_month():
    assert render("{{ d|thai_date_abbr }}", d=LAST_DAY_OF_FY_2567) == "30 ก.ย. 2567"


def test_the_short_date_filter_writes_the_e_gp_style():
    assert render("{{ d|thai_date_short }}", d=LAST_DAY_OF_FY_2567) == "30 ก.ย. 67"


def test_the_formal_date_filter_writes_the_era():
    assert render("{{ d|thai_date_formal }}", d=LAST_DAY_OF_FY_2567) == "30 กันยายน พ.ศ. 2567"


def test_a_datetime_renders_in_bangkok_time():
    moment = datetime(2024, 9, 30, 7, 5, tzinfo=UTC)
    assert render("{{ m|thai_datetime }}", m=moment) == "30 กันยายน 2567 เวลา 14.05 น."


def test_a_datetime_late_in_the_utc_evening_renders_as_the_next_bangkok_day():
    moment = datetime(2024, 9, 30, 17, 30, tzinfo=UTC)
    assert render("{{ m|thai_date }}", m=moment) == "1 ตุลาคม 2567"
    assert render("{{ m|thai_datetime }}", m=moment) == "1 ตุลาคม 2567 เวลา 00.30 น."
    assert render("{{ m|fiscal_year }}", m=moment) == "2568"


def test_the_datetime_filter_on_a_plain_date_renders_the_date_only():
    assert render("{{ d|thai_datetime }}", d=LAST_DAY_OF_FY_2567) == "30 กันยายน 2567"


def test_the_fiscal_year_filter_turns_over_on_the_first_of_october():
    assert render("{{ d|fiscal_year }}", d=date(2024, 9, 30)) == "2567"
    assert render("{{ d|fiscal_year }}", d=date(2024, 10, 1)) == "2568"


def test_digits_can_be_shown_in_thai_and_read_back_in_arabic():
    assert render("{{ v|thai_digits }}", v="ที่ ชย 123/2567") == "ที่ ชย ๑๒๓/๒๕๖๗"
    assert render("{{ v|thai_digits }}", v=2567) == "๒๕๖๗"
    assert render("{{ v|thai_digits }}", v=0) == "๐"
    assert render("{{ v|arabic_digits }}", v="๑๒๓/๒๕๖๗") == "123/2567"


def test_filters_chain_to_give_a_thai_digit_date():
    assert render("{{ d|thai_date|thai_digits }}", d=LAST_DAY_OF_FY_2567) == "๓๐ กันยายน ๒๕๖๗"


def test_an_amount_renders_with_separators_and_two_decimals():
    assert render("{{ v|baht }}", v=Decimal("1234567.891")) == "1,234,567.89"
    assert render("{{ v|baht }}", v=1200000) == "1,200,000.00"
    assert render("{{ v|baht }}", v="21.5") == "21.50"
    assert render("{{ v|baht }}", v=0) == "0.00"


def test_an_amount_is_spelled_out_in_words():
    assert render("{{ v|bahttext }}", v=Decimal("1234567.89")) == (
        "หนึ่งล้านสองแสนสามหมื่นสี่พันห้าร้อยหกสิบเจ็ดบาทแปดสิบเก้าสตางค์"
    )
    assert render("{{ v|bahttext }}", v=1200000) == "หนึ่งล้านสองแสนบาทถ้วน"


def test_a_value_that_is_not_a_number_renders_no_amount():
    assert render("{{ v|baht }}", v="ไม่ระบุ") == ""
    assert render("{{ v|bahttext }}", v="abc") == ""


def test_a_thai_id_renders_in_groups_or_masked():
    assert render("{{ v|thai_id }}", v="1101700207030") == "1-1017-00207-03-0"
    assert render("{{ v|mask_thai_id }}", v="1101700207030") == "1-xxxx-xxxxx-03-0"


def test_a_phone_number_renders_in_the_national_style_and_as_a_tel_link():
    assert render("{{ v|thai_phone }}", v="+66812345678") == "081-234-5678"
    assert render("{{ v|tel_uri }}", v="044-810-123") == "tel:+6644810123"


def test_an_unreadable_phone_number_is_shown_as_written_with_no_link():
    assert render("{{ v|thai_phone }}", v="ติดต่อสำนักปลัด") == "ติดต่อสำนักปลัด"
    assert render("{{ v|tel_uri }}", v="ติดต่อสำนักปลัด") == ""


def test_a_phone_extension_is_written_in_thai():
    assert render("{{ v|thai_phone }}", v="+6644810123;ext=12") == "044-810-123 ต่อ 12"


@pytest.mark.parametrize("name", FILTERS)
def test_every_filter_renders_nothing_for_none(name):
    assert render(f"[{{{{ v|{name} }}}}]", v=None) == "[]"


@pytest.mark.parametrize("name", FILTERS)
def test_every_filter_renders_nothing_for_an_empty_string(name):
    assert render(f"[{{{{ v|{name} }}}}]", v="") == "[]"


@pytest.mark.parametrize("name", FILTERS)
def test_every_filter_renders_nothing_for_a_missing_variable(name):
    assert render(f"[{{{{ missing|{name} }}}}]") == "[]"


@pytest.mark.parametrize(
    "name", ["thai_date", "thai_date_abbr", "thai_date_short", "thai_date_formal", "fiscal_year"]
)
def test_date_filters_render_nothing_for_a_value_that_is_not_a_date(name):
    assert render(f"[{{{{ v|{name} }}}}]", v="30/09/2567") == "[]"


def test_filter_output_is_escaped_like_any_other_value():
    assert render("{{ v|thai_phone }}", v="<b>โทร</b>") == "&lt;b&gt;โทร&lt;/b&gt;"
