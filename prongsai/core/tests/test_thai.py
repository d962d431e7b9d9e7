"""Buddhist-era dates, Thai numerals, fiscal years and baht amounts (prongsai.core.thai)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prongsai.core import thai
from prongsai.core.thai import (
    BANGKOK,
    MONTHS_ABBR,
    MONTHS_FULL,
    ThaiDateError,
    baht_words,
    fiscal_quarter,
    fiscal_year,
    fiscal_year_range,
    format_baht,
    format_date,
    format_datetime,
    format_month,
    half_year_range,
    parse_date,
    quarter_range,
    to_arabic_digits,
    to_thai_digits,
)

THAI_LETTER = re.compile(r"[ก-ฮ]")
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"

# A four-digit BE year (2400–9999) is what the parser reads back as Buddhist era.
round_trip_dates = st.dates(min_value=date(2400 - 543, 1, 1), max_value=date(9999 - 543, 12, 31))
# The two-digit form names 25xx only.
short_year_dates = st.dates(min_value=date(2500 - 543, 1, 1), max_value=date(2599 - 543, 12, 31))
fiscal_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))
fiscal_years = st.integers(min_value=2450, max_value=2750)
# Hypothesis takes naive bounds and attaches the zone itself.
aware_datetimes = st.datetimes(
    min_value=datetime(1950, 1, 2),  # noqa: DTZ001
    max_value=datetime(2150, 12, 30),  # noqa: DTZ001
    timezones=st.timezones(),
)


def _is_thai_sentence(message: str) -> bool:
    return bool(THAI_LETTER.search(message))


# --- formatting ---------------------------------------------------------------------------------------------


def test_a_date_is_written_with_the_full_month_name_and_the_buddhist_year():
    assert format_date(date(2024, 9, 30)) == "30 กันยายน 2567"


def test_the_day_of_the_month_is_not_zero_padded():
    assert format_date(date(2024, 1, 1)) == "1 มกราคม 2567"


def test_the_abbreviated_style_uses_the_dotted_month_abbreviation():
    assert format_date(date(2024, 9, 30), month="abbr") == "30 ก.ย. 2567"


def test_the_short_year_style_writes_the_last_two_digits_of_the_buddhist_year():
    assert format_date(date(2024, 9, 30), month="abbr", short_year=True) == "30 ก.ย. 67"


def test_a_short_year_below_ten_keeps_its_leading_zero():
    assert format_date(date(1966, 5, 4), month="abbr", short_year=True) == "4 พ.ค. 09"


def test_the_formal_style_puts_the_era_before_the_year():
    assert format_date(date(2024, 9, 30), era=True) == "30 กันยายน พ.ศ. 2567"


def test_thai_digits_replace_every_arabic_digit_of_a_date():
    assert format_date(date(2024, 9, 30), thai_digits=True) == "๓๐ กันยายน ๒๕๖๗"
    assert format_date(date(2024, 10, 1), month="abbr", era=True, thai_digits=True) == "๑ ต.ค. พ.ศ. ๒๕๖๗"


def test_every_month_has_its_thai_name_in_order():
    assert [format_date(date(2024, m, 1)).split()[1] for m in range(1, 13)] == list(MONTHS_FULL)
    assert [format_date(date(2024, m, 1), month="abbr").split()[1] for m in range(1, 13)] == list(MONTHS_ABBR)
    assert MONTHS_FULL[0] == "มกราคม" and MONTHS_FULL[11] == "ธันวาคม"
    assert MONTHS_ABBR[1] == "ก.พ." and MONTHS_ABBR[9] == "ต.ค."


def test_an_aware_datetime_is_dated_by_the_bangkok_calendar():
    late_utc = datetime(2024, 9, 30, 17, 30, tzinfo=UTC)
    assert format_date(late_utc) == "1 ตุลาคม 2567"


def test_a_naive_datetime_is_refused_rather_than_guessed():
    with pytest.raises(ValueError):
        format_date(datetime(2024, 9, 30, 12, 0))  # noqa: DTZ001 - naive on purpose


def test_a_datetime_is_written_in_bangkok_time_with_a_dot_between_hours_and_minutes():
    moment = datetime(2024, 9, 30, 7, 5, tzinfo=UTC)
    assert format_datetime(moment) == "30 กันยายน 2567 เวลา 14.05 น."


def test_a_datetime_shortly_before_midnight_utc_is_already_the_next_day_in_bangkok():
    moment = datetime(2024, 9, 30, 17, 30, tzinfo=UTC)
    assert format_datetime(moment, month="abbr") == "1 ต.ค. 2567 เวลา 00.30 น."


def test_a_datetime_can_be_written_in_thai_digits():
    moment = datetime(2024, 9, 30, 14, 5, tzinfo=BANGKOK)
    assert format_datetime(moment, thai_digits=True) == "๓๐ กันยายน ๒๕๖๗ เวลา ๑๔.๐๕ น."


def test_a_datetime_in_another_zone_is_converted_to_bangkok_before_formatting():
    new_york = datetime(2024, 3, 10, 12, 0, tzinfo=ZoneInfo("America/New_York"))  # 16:00 UTC, EDT
    assert format_datetime(new_york) == "10 มีนาคม 2567 เวลา 23.00 น."


def test_a_naive_datetime_is_refused_when_formatting_the_time_too():
    with pytest.raises(ValueError):
        format_datetime(datetime(2024, 9, 30, 7, 5))  # noqa: DTZ001 - naive on purpose


def test_a_month_is_written_with_its_buddhist_year():
    assert format_month(2024, 3) == "มีนาคม 2567"
    assert format_month(2024, 3, abbr=True) == "มี.ค. 2567"
    assert format_month(2024, 12, thai_digits=True) == "ธันวาคม ๒๕๖๗"


@given(round_trip_dates)
def test_the_full_style_reads_back_as_the_same_date(day):
    assert parse_date(format_date(day)) == day


@given(round_trip_dates)
def test_the_abbreviated_style_reads_back_as_the_same_date(day):
    assert parse_date(format_date(day, month="abbr")) == day


@given(short_year_dates)
def test_the_short_year_style_reads_back_as_the_same_date_within_the_twenty_sixth_century(day):
    assert parse_date(format_date(day, month="abbr", short_year=True)) == day
    assert parse_date(format_date(day, short_year=True)) == day


@given(round_trip_dates, st.sampled_from(["full", "abbr"]))
def test_the_formal_style_with_the_era_reads_back_as_the_same_date(day, month):
    assert parse_date(format_date(day, month=month, era=True)) == day


@given(round_trip_dates, st.sampled_from(["full", "abbr"]), st.booleans())
def test_a_date_in_thai_digits_reads_back_as_the_same_date(day, month, era):
    text = format_date(day, month=month, era=era, thai_digits=True)
    assert not re.search(r"[0-9]", text)
    assert parse_date(text) == day


@given(short_year_dates)
def test_a_short_year_in_thai_digits_reads_back_as_the_same_date(day):
    assert parse_date(format_date(day, month="abbr", short_year=True, thai_digits=True)) == day


@given(aware_datetimes)
def test_an_aware_datetime_is_formatted_as_its_bangkok_date(moment):
    assert format_date(moment) == format_date(moment.astimezone(BANGKOK).date())


# --- parsing ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "30 กันยายน 2567",
        "30 ก.ย. 67",
        "30 ก.ย. 2567",
        "30 กันยายน พ.ศ. 2567",
        "30 ก.ย. พ.ศ. 2567",
        "30 กันยายน พ.ศ.2567",
        "30/09/2567",
        "30/9/2567",
        "30/09/67",
        "30-09-2567",
        "30.09.2567",
        "2024-09-30",
        "30/09/2024",
        "30 กย 2567",
        "30 ก.ย 2567",
        "30ก.ย.2567",
        "  30   กันยายน   2567  ",
        "๓๐ กันยายน ๒๕๖๗",
        "๓๐ ก.ย. ๖๗",
        "๓๐/๐๙/๒๕๖๗",
    ],
)
def test_every_usual_way_of_writing_the_last_day_of_fiscal_2567_is_read(text):
    assert parse_date(text) == date(2024, 9, 30)


def test_a_two_digit_year_is_a_buddhist_year_of_the_twenty_sixth_century():
    assert parse_date("15 ม.ค. 67") == date(2024, 1, 15)
    assert parse_date("15 ม.ค. 00") == date(1957, 1, 15)
    assert parse_date("15 ม.ค. 99") == date(2056, 1, 15)


def test_a_four_digit_year_from_2400_is_buddhist_era():
    assert parse_date("1/1/2400") == date(1857, 1, 1)


def test_a_four_digit_year_up_to_2300_is_christian_era():
    assert parse_date("1/1/2300") == date(2300, 1, 1)
    assert parse_date("1 มกราคม 2024") == date(2024, 1, 1)


def test_an_iso_date_with_a_buddhist_year_is_read_as_buddhist_era():
    assert parse_date("2567-09-30") == date(2024, 9, 30)


def test_the_twenty_ninth_of_february_exists_in_a_leap_year_only():
    assert parse_date("29 ก.พ. 2567") == date(2024, 2, 29)
    with pytest.raises(ThaiDateError):
        parse_date("29 ก.พ. 2566")


@pytest.mark.parametrize("year", [2301, 2350, 2399])
def test_a_year_between_the_eras_is_refused_as_ambiguous_in_thai(year):
    with pytest.raises(ThaiDateError) as caught:
        parse_date(f"1 มกราคม {year}")
    assert str(year) in str(caught.value)
    assert _is_thai_sentence(str(caught.value))


@pytest.mark.parametrize(
    "text",
    [
        "31 ก.พ. 67",
        "32/01/2567",
        "1 ฟูบาร์ 2567",
        "1 มกราคม 2350",
        "00/01/2567",
        "15/13/2567",
        "2024-02-30",
        "30/09/256",
        "30 กันยายน",
        "กันยายน 2567",
        "hello",
        "",
        "   ",
        "1 พ.ศ. 2567",
    ],
)
def test_an_unreadable_or_impossible_date_is_refused_with_a_thai_message(text):
    with pytest.raises(ThaiDateError) as caught:
        parse_date(text)
    assert _is_thai_sentence(str(caught.value))


def test_an_unknown_month_name_is_quoted_back_to_the_writer():
    with pytest.raises(ThaiDateError, match="ฟูบาร์"):
        parse_date("1 ฟูบาร์ 2567")


def test_a_date_that_is_not_in_the_calendar_says_so():
    with pytest.raises(ThaiDateError, match="ปฏิทิน"):
        parse_date("31 ก.พ. 67")


def test_a_thai_date_error_is_a_value_error():
    with pytest.raises(ValueError):
        parse_date("32/01/2567")


# --- numerals -----------------------------------------------------------------------------------------------


def test_arabic_digits_become_thai_digits_and_the_rest_is_unchanged():
    assert to_thai_digits("เลขที่ 123/2567") == "เลขที่ ๑๒๓/๒๕๖๗"
    assert to_thai_digits("0123456789") == THAI_DIGITS


def test_thai_digits_become_arabic_digits_and_the_rest_is_unchanged():
    assert to_arabic_digits("ที่ ชย ๗๘๙๐๑/๒๕๖๗") == "ที่ ชย 78901/2567"


def test_numbers_are_accepted_where_text_is_expected():
    assert to_thai_digits(2567) == "๒๕๖๗"  # type: ignore[arg-type]


@given(st.text().filter(lambda s: not any(c in THAI_DIGITS for c in s)))
def test_text_without_thai_digits_survives_a_trip_through_thai_digits(text):
    thai = to_thai_digits(text)
    assert not re.search(r"[0-9]", thai)
    assert to_arabic_digits(thai) == text


@given(st.text().filter(lambda s: not re.search(r"[0-9]", s)))
def test_text_without_arabic_digits_survives_a_trip_through_arabic_digits(text):
    arabic = to_arabic_digits(text)
    assert not any(c in THAI_DIGITS for c in arabic)
    assert to_thai_digits(arabic) == text


@given(st.text(alphabet=st.sampled_from("0123456789๐๑๒๓๔๕๖๗๘๙กขค /.-"), max_size=40))
def test_mixed_digits_converge_to_one_form_either_way(text):
    assert to_arabic_digits(to_thai_digits(text)) == to_arabic_digits(text)
    assert to_thai_digits(to_arabic_digits(text)) == to_thai_digits(text)
    assert len(to_thai_digits(text)) == len(text)


# --- fiscal year --------------------------------------------------------------------------------------------


def test_the_thirtieth_of_september_closes_the_fiscal_year():
    assert fiscal_year(date(2024, 9, 30)) == 2567


def test_the_first_of_october_starts_the_next_fiscal_year():
    assert fiscal_year(date(2024, 10, 1)) == 2568


def test_the_first_of_january_stays_in_the_fiscal_year_that_began_in_october():
    assert fiscal_year(date(2024, 1, 1)) == 2567


def test_a_moment_after_midnight_in_bangkok_on_the_first_of_october_is_in_the_next_fiscal_year():
    moment = datetime(2024, 9, 30, 17, 30, tzinfo=UTC)  # 1 October 00:30 in Bangkok
    assert fiscal_year(moment) == 2568
    assert fiscal_quarter(moment) == (2568, 1)


def test_midnight_in_bangkok_is_the_exact_fiscal_year_boundary():
    assert fiscal_year(datetime(2024, 9, 30, 16, 59, 59, tzinfo=UTC)) == 2567
    assert fiscal_year(datetime(2024, 9, 30, 17, 0, 0, tzinfo=UTC)) == 2568
    assert fiscal_year(datetime(2024, 9, 30, 23, 59, 59, tzinfo=BANGKOK)) == 2567
    assert fiscal_year(datetime(2024, 10, 1, 0, 0, 0, tzinfo=BANGKOK)) == 2568


def test_the_last_evening_of_september_in_bangkok_is_still_the_old_fiscal_year_even_when_utc_says_otherwise():
    # 23:30 on 30 September in Bangkok is 16:30 UTC; in UTC+10 it is already 1 October.
    moment = datetime(2024, 10, 1, 2, 30, tzinfo=timezone(timedelta(hours=10)))
    assert moment.astimezone(BANGKOK).date() == date(2024, 9, 30)
    assert fiscal_year(moment) == 2567
    assert fiscal_quarter(moment) == (2567, 4)


def test_a_naive_datetime_has_no_fiscal_year():
    with pytest.raises(ValueError):
        fiscal_year(datetime(2024, 9, 30, 23, 0))  # noqa: DTZ001 - naive on purpose


def test_fiscal_year_2567_runs_from_1_october_2566_to_30_september_2567():
    assert fiscal_year_range(2567) == (date(2023, 10, 1), date(2024, 9, 30))


@pytest.mark.parametrize(
    ("quarter", "first", "last"),
    [
        (1, date(2023, 10, 1), date(2023, 12, 31)),
        (2, date(2024, 1, 1), date(2024, 3, 31)),
        (3, date(2024, 4, 1), date(2024, 6, 30)),
        (4, date(2024, 7, 1), date(2024, 9, 30)),
    ],
)
def test_the_quarters_of_fiscal_2567(quarter, first, last):
    assert quarter_range(2567, quarter) == (first, last)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2023, 10, 1), (2567, 1)),
        (date(2023, 12, 31), (2567, 1)),
        (date(2024, 1, 1), (2567, 2)),
        (date(2024, 3, 31), (2567, 2)),
        (date(2024, 4, 1), (2567, 3)),
        (date(2024, 6, 30), (2567, 3)),
        (date(2024, 7, 1), (2567, 4)),
        (date(2024, 9, 30), (2567, 4)),
        (date(2024, 10, 1), (2568, 1)),
    ],
)
def test_a_day_belongs_to_its_fiscal_quarter(day, expected):
    assert fiscal_quarter(day) == expected


@pytest.mark.parametrize("quarter", [0, 5, -1])
def test_there_are_only_four_quarters(quarter):
    with pytest.raises(ValueError):
        quarter_range(2567, quarter)


def test_the_half_year_report_covers_1_october_to_31_march():
    assert half_year_range(2567) == (date(2023, 10, 1), date(2024, 3, 31))


@given(fiscal_dates)
def test_the_fiscal_year_is_the_buddhist_year_plus_one_from_october(day):
    expected = day.year + 543 + (1 if day.month >= 10 else 0)
    assert fiscal_year(day) == expected


@given(fiscal_dates)
def test_every_date_lies_within_the_range_of_its_fiscal_year(day):
    first, last = fiscal_year_range(fiscal_year(day))
    assert first <= day <= last


@given(fiscal_dates)
def test_every_date_lies_in_exactly_one_quarter_of_its_fiscal_year(day):
    fy = fiscal_year(day)
    containing = [q for q in (1, 2, 3, 4) if quarter_range(fy, q)[0] <= day <= quarter_range(fy, q)[1]]
    assert len(containing) == 1
    assert fiscal_quarter(day) == (fy, containing[0])


@given(aware_datetimes)
def test_the_fiscal_year_of_a_moment_is_that_of_its_bangkok_date(moment):
    local_day = moment.astimezone(BANGKOK).date()
    assert fiscal_year(moment) == fiscal_year(local_day)
    assert fiscal_quarter(moment) == fiscal_quarter(local_day)


@given(fiscal_years)
def test_the_four_quarters_tile_the_fiscal_year_without_gaps_or_overlaps(fy):
    first, last = fiscal_year_range(fy)
    quarters = [quarter_range(fy, q) for q in (1, 2, 3, 4)]
    assert quarters[0][0] == first
    assert quarters[3][1] == last
    for (_start, end), (next_start, _end) in pairwise(quarters):
        assert next_start == end + timedelta(days=1)
    assert all(start <= end for start, end in quarters)
    assert sum((end - start).days + 1 for start, end in quarters) == (last - first).days + 1


@given(fiscal_years)
def test_a_fiscal_year_lasts_a_calendar_year_and_the_next_one_begins_the_day_after(fy):
    first, last = fiscal_year_range(fy)
    assert (first.month, first.day) == (10, 1)
    assert (last.month, last.day) == (9, 30)
    assert (last - first).days + 1 in (365, 366)
    assert fiscal_year(first) == fy and fiscal_year(last) == fy
    assert fiscal_year_range(fy + 1)[0] == last + timedelta(days=1)


@given(fiscal_years)
def test_the_half_year_is_the_first_two_quarters(fy):
    assert half_year_range(fy) == (quarter_range(fy, 1)[0], quarter_range(fy, 2)[1])


# --- money --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (Decimal("1234567.89"), "1,234,567.89"),
        (0, "0.00"),
        (1200000, "1,200,000.00"),
        ("21.5", "21.50"),
        (1.5, "1.50"),
        ("0.005", "0.01"),
        ("2.345", "2.35"),
        ("0.994", "0.99"),
        ("999.995", "1,000.00"),
        (Decimal("-1234.5"), "-1,234.50"),
    ],
)
def test_an_amount_is_written_with_thousands_separators_and_satang_rounded_half_up(amount, expected):
    assert format_baht(amount) == expected


def test_an_amount_can_be_written_in_thai_digits():
    assert format_baht(Decimal("1234567.89"), thai_digits=True) == "๑,๒๓๔,๕๖๗.๘๙"


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (1200000, "หนึ่งล้านสองแสนบาทถ้วน"),
        (Decimal("1234567.89"), "หนึ่งล้านสองแสนสามหมื่นสี่พันห้าร้อยหกสิบเจ็ดบาทแปดสิบเก้าสตางค์"),
        ("21.25", "ยี่สิบเอ็ดบาทยี่สิบห้าสตางค์"),
        (1, "หนึ่งบาทถ้วน"),
        (0, "ศูนย์บาทถ้วน"),
        ("0.995", "หนึ่งบาทถ้วน"),
        (-5, "ลบห้าบาทถ้วน"),
    ],
)
def test_an_amount_is_spelled_out_in_thai_words(amount, expected):
    assert baht_words(amount) == expected


# --- ITA codes (ADR 0123) ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "web", "document"),
    [
        ("o1", "o1", "o๑"),
        ("O 028", "o28", "o๒๘"),
        ("e๗", "e7", "e๗"),
        ("E-7", "e7", "e๗"),
        ("i15", "i15", "i๑๕"),
    ],
)
def test_an_ita_code_is_written_one_way_on_pages_and_one_way_in_documents(typed, web, document):
    assert thai.ita_code(typed) == web
    assert thai.ita_code(typed, thai_digits=True) == document


@pytest.mark.parametrize("other", ["1", "", "IIT", "o1a", "x7"])
def test_what_is_not_an_ita_code_is_left_as_it_is(other):
    assert thai.ita_code(other) == other
    assert thai.ita_code(other, thai_digits=True) == other


def test_codes_written_after_kho_in_running_text_take_the_same_style_and_nothing_else_changes():
    text = "คะแนนข้อ E7 ได้ ข้อ o ๐๒๘ และข้อ i๙ เครื่อง Core i5 ข้อ 3 ข้อ e7a"
    assert thai.ita_codes_in_text(text, thai_digits=True) == (
        "คะแนนข้อ e๗ ได้ ข้อ o๒๘ และข้อ i๙ เครื่อง Core i5 ข้อ 3 ข้อ e7a"
    )
    assert thai.ita_codes_in_text(text) == "คะแนนข้อ e7 ได้ ข้อ o28 และข้อ i9 เครื่อง Core i5 ข้อ 3 ข้อ e7a"
