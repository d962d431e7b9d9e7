"""The working-day calendar every time limit is counted on (prongsai.core.workdays)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from django_scopes import scopes_disabled
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import make_agency
from prongsai.core.models import AgencyDayOff, PublicHoliday
from prongsai.core.tenancy import agency_scope
from prongsai.core.thai import BANGKOK
from prongsai.core.workdays import (
    OFFICE_CLOSES,
    OFFICE_OPENS,
    WorkCalendar,
    add_working_days,
    add_working_hours,
    is_working_day,
    working_days_between,
)

pytestmark = pytest.mark.django_db

SEVEN_HOURS = timedelta(hours=7)


def bkk(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=BANGKOK)


@pytest.fixture
def second_agency(db):
    return make_agency("second", "องค์การบริหารส่วนตำบลที่สอง", "second.test")


def give_day_off(agency, day: date, name: str = "งานประเพณีท้องถิ่น") -> None:
    with agency_scope(agency):
        AgencyDayOff.objects.create(agency=agency, date=day, name_th=name)


# --- the holiday data the calendar reads --------------------------------------------------------------------


def test_the_national_holidays_are_in_the_database_after_migrate():
    songkran = set(
        PublicHoliday.objects.filter(date__range=(date(2024, 4, 12), date(2024, 4, 16))).values_list(
            "date", flat=True
        )
    )
    assert songkran == {
        date(2024, 4, 12),
        date(2024, 4, 13),
        date(2024, 4, 14),
        date(2024, 4, 15),
        date(2024, 4, 16),
    }


def test_saturdays_and_sundays_are_not_working_days(agency):
    assert is_working_day(agency, date(2024, 6, 14))  # Friday
    assert not is_working_day(agency, date(2024, 6, 15))  # Saturday
    assert not is_working_day(agency, date(2024, 6, 16))  # Sunday
    assert is_working_day(agency, date(2024, 6, 17))  # Monday


@pytest.mark.parametrize(
    "day",
    [
        date(2024, 4, 12),  # special holiday before Songkran
        date(2024, 4, 15),  # Songkran
        date(2024, 4, 16),  # substitution for Songkran
        date(2024, 4, 8),  # substitution for Chakri Day
        date(2024, 12, 5),
        date(2024, 12, 31),
    ],
)
def test_a_national_holiday_on_a_weekday_is_not_a_working_day(agency, day):
    assert day.weekday() < 5
    assert not is_working_day(agency, day)


# --- add_working_days ---------------------------------------------------------------------------------------


def test_a_request_on_friday_morning_plus_one_working_day_is_due_on_monday_at_the_same_time(agency):
    due = add_working_days(agency, bkk(2024, 6, 14, 10, 0), 1)
    assert due == bkk(2024, 6, 17, 10, 0)
    assert due.utcoffset() == SEVEN_HOURS


def test_the_day_of_receipt_is_not_counted(agency):
    assert add_working_days(agency, bkk(2024, 6, 11, 10, 0), 1) == bkk(2024, 6, 12, 10, 0)
    assert add_working_days(agency, bkk(2024, 6, 11, 10, 0), 5) == bkk(2024, 6, 18, 10, 0)


def test_zero_working_days_from_a_working_day_is_the_same_moment(agency):
    start = bkk(2024, 6, 12, 14, 45)
    assert add_working_days(agency, start, 0) == start


def test_a_start_given_in_utc_is_counted_on_the_bangkok_clock(agency):
    # 03:00 UTC on Friday 14 June is 10:00 in Bangkok.
    due = add_working_days(agency, datetime(2024, 6, 14, 3, 0, tzinfo=UTC), 1)
    assert due == bkk(2024, 6, 17, 10, 0)


def test_a_late_friday_evening_in_utc_is_already_saturday_in_bangkok(agency):
    # 18:00 UTC on Friday 14 June is 01:00 on Saturday in Bangkok, so the clock starts on Monday at 08.30.
    due = add_working_days(agency, datetime(2024, 6, 14, 18, 0, tzinfo=UTC), 1)
    assert due == bkk(2024, 6, 18, 8, 30)


def test_a_start_on_saturday_moves_to_half_past_eight_of_the_next_working_day(agency):
    assert add_working_days(agency, bkk(2024, 6, 15, 11, 0), 0) == bkk(2024, 6, 17, 8, 30)
    assert add_working_days(agency, bkk(2024, 6, 15, 11, 0), 1) == bkk(2024, 6, 18, 8, 30)


def test_a_start_on_sunday_night_moves_to_monday_at_half_past_eight(agency):
    assert add_working_days(agency, bkk(2024, 6, 16, 23, 59), 0) == bkk(2024, 6, 17, 8, 30)


def test_a_start_on_a_weekday_holiday_moves_to_half_past_eight_of_the_next_working_day(agency):
    # Tuesday 16 April 2024 is the substitution day for Songkran.
    assert add_working_days(agency, bkk(2024, 4, 16, 10, 0), 0) == bkk(2024, 4, 17, 8, 30)
    assert add_working_days(agency, bkk(2024, 4, 16, 10, 0), 1) == bkk(2024, 4, 18, 8, 30)


def test_a_start_after_office_hours_on_a_working_day_keeps_its_time_of_day(agency):
    # The documented rule moves only starts on closed days; the evening of a working day still counts it.
    assert add_working_days(agency, bkk(2024, 6, 14, 20, 0), 1) == bkk(2024, 6, 17, 20, 0)


def test_songkran_2567_pushes_a_due_date_past_the_long_holiday(agency):
    # Thursday 11 April 2024 + 1: Friday 12 (special), 13–15 (Songkran), 16 (substitution) are closed.
    assert add_working_days(agency, bkk(2024, 4, 11, 10, 0), 1) == bkk(2024, 4, 17, 10, 0)


def test_a_due_date_counted_over_songkran_is_later_than_on_a_plain_calendar(agency):
    due = add_working_days(agency, bkk(2024, 4, 10, 9, 0), 3)
    # Without the holidays it would be Monday 15 April; with them: 11, 17, 18.
    assert due == bkk(2024, 4, 18, 9, 0)


def test_a_substitution_monday_is_skipped(agency):
    # Friday 5 April 2024 + 1: Monday 8 April is the substitution for Chakri Day (Saturday 6 April).
    assert add_working_days(agency, bkk(2024, 4, 5, 10, 0), 1) == bkk(2024, 4, 9, 10, 0)


def test_a_day_off_of_the_agency_moves_its_due_date_but_not_that_of_another_agency(agency, second_agency):
    give_day_off(agency, date(2024, 6, 12))
    start = bkk(2024, 6, 11, 10, 0)
    assert add_working_days(agency, start, 1) == bkk(2024, 6, 13, 10, 0)
    assert add_working_days(second_agency, start, 1) == bkk(2024, 6, 12, 10, 0)
    assert not is_working_day(agency, date(2024, 6, 12))
    assert is_working_day(second_agency, date(2024, 6, 12))


def test_a_day_off_created_with_scopes_disabled_counts_too(agency, second_agency):
    with scopes_disabled():
        AgencyDayOff.objects.create(agency=second_agency, date=date(2024, 6, 12), name_th="วันสถาปนา")
    assert add_working_days(second_agency, bkk(2024, 6, 11, 10, 0), 1) == bkk(2024, 6, 13, 10, 0)
    assert add_working_days(agency, bkk(2024, 6, 11, 10, 0), 1) == bkk(2024, 6, 12, 10, 0)


def test_a_start_on_a_day_off_of_the_agency_moves_to_the_next_opening(agency):
    give_day_off(agency, date(2024, 6, 12))
    assert add_working_days(agency, bkk(2024, 6, 12, 10, 0), 0) == bkk(2024, 6, 13, 8, 30)


def test_a_long_time_limit_reaches_beyond_the_first_loaded_window(agency):
    # 300 working days from 3 January 2024 end well over 400 calendar days later.
    start = bkk(2024, 1, 3, 9, 0)
    due = add_working_days(agency, start, 300)
    assert due.date() - start.date() > timedelta(days=400)
    assert is_working_day(agency, due.date())
    assert working_days_between(agency, start.date(), due.date()) == 300
    # The special holiday of 30 December 2024 lies inside the span and is not counted.
    assert not is_working_day(agency, date(2024, 12, 30))


def test_negative_working_days_are_refused(agency):
    with pytest.raises(ValueError):
        add_working_days(agency, bkk(2024, 6, 14, 10, 0), -1)


def test_a_naive_start_is_refused_when_adding_working_days(agency):
    with pytest.raises(ValueError):
        add_working_days(agency, datetime(2024, 6, 14, 10, 0), 1)  # noqa: DTZ001 - naive on purpose


# --- add_working_hours --------------------------------------------------------------------------------------


def test_working_hours_within_one_day_simply_add_up(agency):
    assert add_working_hours(agency, bkk(2024, 6, 12, 9, 0), 3) == bkk(2024, 6, 12, 12, 0)
    assert add_working_hours(agency, bkk(2024, 6, 12, 9, 0), 0.5) == bkk(2024, 6, 12, 9, 30)


def test_working_hours_that_end_exactly_at_closing_time_end_that_day(agency):
    assert add_working_hours(agency, bkk(2024, 6, 12, 15, 30), 1) == bkk(2024, 6, 12, 16, 30)
    assert add_working_hours(agency, bkk(2024, 6, 12, 8, 30), 8) == bkk(2024, 6, 12, 16, 30)


def test_working_hours_carry_over_the_half_past_four_close_to_the_next_morning(agency):
    assert add_working_hours(agency, bkk(2024, 6, 12, 16, 0), 1) == bkk(2024, 6, 13, 9, 0)


def test_working_hours_carry_over_a_weekend(agency):
    # Friday 15.30 + 2 hours: one hour on Friday, one on Monday.
    assert add_working_hours(agency, bkk(2024, 6, 14, 15, 30), 2) == bkk(2024, 6, 17, 9, 30)


def test_working_hours_carry_over_songkran(agency):
    # Thursday 11 April 2024 16.00 + 1 hour: half an hour on Thursday, the rest on Wednesday 17 April.
    assert add_working_hours(agency, bkk(2024, 4, 11, 16, 0), 1) == bkk(2024, 4, 17, 9, 0)


def test_working_hours_spanning_several_days_count_eight_hours_a_day(agency):
    assert add_working_hours(agency, bkk(2024, 6, 10, 8, 30), 16) == bkk(2024, 6, 11, 16, 30)
    assert add_working_hours(agency, bkk(2024, 6, 10, 8, 30), 24) == bkk(2024, 6, 12, 16, 30)
    assert add_working_hours(agency, bkk(2024, 6, 10, 8, 30), 40.5) == bkk(2024, 6, 17, 9, 0)


def test_a_start_before_opening_time_counts_from_half_past_eight(agency):
    assert add_working_hours(agency, bkk(2024, 6, 12, 7, 0), 1) == bkk(2024, 6, 12, 9, 30)


def test_a_start_at_or_after_closing_time_counts_from_the_next_opening(agency):
    assert add_working_hours(agency, bkk(2024, 6, 12, 16, 30), 1) == bkk(2024, 6, 13, 9, 30)
    assert add_working_hours(agency, bkk(2024, 6, 14, 19, 0), 1) == bkk(2024, 6, 17, 9, 30)


def test_a_start_on_a_weekend_counts_from_monday_morning(agency):
    assert add_working_hours(agency, bkk(2024, 6, 15, 10, 0), 2) == bkk(2024, 6, 17, 10, 30)
    assert add_working_hours(agency, bkk(2024, 6, 15, 10, 0), 0) == bkk(2024, 6, 17, 8, 30)


def test_working_hours_skip_a_day_off_of_the_agency_only(agency, second_agency):
    give_day_off(agency, date(2024, 6, 13))
    start = bkk(2024, 6, 12, 16, 0)
    assert add_working_hours(agency, start, 1) == bkk(2024, 6, 14, 9, 0)
    assert add_working_hours(second_agency, start, 1) == bkk(2024, 6, 13, 9, 0)


def test_working_hours_from_a_utc_start_use_the_bangkok_office_hours(agency):
    # 08:00 UTC is 15:00 in Bangkok: 1.5 hours left on Wednesday, 0.5 on Thursday.
    assert add_working_hours(agency, datetime(2024, 6, 12, 8, 0, tzinfo=UTC), 2) == bkk(2024, 6, 13, 9, 0)


def test_negative_working_hours_are_refused(agency):
    with pytest.raises(ValueError):
        add_working_hours(agency, bkk(2024, 6, 14, 10, 0), -0.5)


def test_a_naive_start_is_refused_when_adding_working_hours(agency):
    with pytest.raises(ValueError):
        add_working_hours(agency, datetime(2024, 6, 14, 10, 0), 1)  # noqa: DTZ001 - naive on purpose


# --- working_days_between -----------------------------------------------------------------------------------


def test_working_days_between_counts_the_days_after_the_start_up_to_the_end(agency):
    # Monday 10 to Friday 14 June 2024: 11, 12, 13, 14.
    assert working_days_between(agency, date(2024, 6, 10), date(2024, 6, 14)) == 4
    # Friday 14 to Monday 17 June: only Monday.
    assert working_days_between(agency, date(2024, 6, 14), date(2024, 6, 17)) == 1


def test_working_days_between_skips_holidays(agency):
    # After Friday 5 April up to Friday 12 April 2024: 6 Sat, 7 Sun, 8 substitution, 9, 10, 11, 12 special.
    assert working_days_between(agency, date(2024, 4, 5), date(2024, 4, 12)) == 3
    assert working_days_between(agency, date(2024, 4, 11), date(2024, 4, 17)) == 1


def test_working_days_between_skips_a_day_off_of_the_agency_only(agency, second_agency):
    give_day_off(agency, date(2024, 6, 12))
    assert working_days_between(agency, date(2024, 6, 10), date(2024, 6, 14)) == 3
    assert working_days_between(second_agency, date(2024, 6, 10), date(2024, 6, 14)) == 4


def test_working_days_between_is_zero_when_the_end_is_not_after_the_start(agency):
    assert working_days_between(agency, date(2024, 6, 14), date(2024, 6, 14)) == 0
    assert working_days_between(agency, date(2024, 6, 14), date(2024, 6, 10)) == 0


# --- WorkCalendar -------------------------------------------------------------------------------------------


def test_one_calendar_answers_for_dates_far_after_and_before_its_first_question(agency):
    cal = WorkCalendar(agency)
    assert cal.is_working_day(date(2025, 6, 2))
    assert not cal.is_working_day(date(2027, 12, 31))  # beyond the first window: read forward
    assert not cal.is_working_day(date(2023, 12, 29))  # before the first window: read backward
    assert not cal.is_working_day(date(2024, 4, 12))
    assert cal.is_working_day(date(2023, 12, 28))


def test_next_working_day_is_strictly_after_the_given_day(agency):
    cal = WorkCalendar(agency)
    assert cal.next_working_day(date(2024, 6, 12)) == date(2024, 6, 13)
    assert cal.next_working_day(date(2024, 6, 14)) == date(2024, 6, 17)
    assert cal.next_working_day(date(2024, 4, 11)) == date(2024, 4, 17)


def test_a_shared_calendar_gives_the_same_answers_as_a_fresh_one(agency):
    cal = WorkCalendar(agency)
    start = bkk(2024, 4, 11, 10, 0)
    assert add_working_days(agency, start, 1, calendar=cal) == add_working_days(agency, start, 1)
    assert add_working_hours(agency, start, 10, calendar=cal) == add_working_hours(agency, start, 10)


# --- properties over the real holiday data ------------------------------------------------------------------

# Hypothesis takes naive bounds; every start is then placed on the Bangkok clock.
starts = st.datetimes(
    min_value=datetime(2023, 1, 1),  # noqa: DTZ001
    max_value=datetime(2026, 12, 31),  # noqa: DTZ001
).map(lambda naive: naive.replace(tzinfo=BANGKOK))
db_settings = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@db_settings
@given(start=starts, days=st.integers(min_value=0, max_value=40))
def test_a_due_date_is_a_working_day_exactly_that_many_working_days_on(agency, start, days):
    due = add_working_days(agency, start, days)
    assert is_working_day(agency, due.date())
    assert due.tzinfo is not None and due.utcoffset() == SEVEN_HOURS
    if is_working_day(agency, start.date()):
        assert due.time() == start.time()
        assert working_days_between(agency, start.date(), due.date()) == days
    else:
        assert due.time() == OFFICE_OPENS
        assert working_days_between(agency, start.date(), due.date()) == days + 1


@db_settings
@given(start=starts, quarter_hours=st.integers(min_value=0, max_value=8 * 4 * 12))
def test_a_working_hours_deadline_falls_within_office_hours_of_a_working_day(agency, start, quarter_hours):
    hours = quarter_hours / 4
    due = add_working_hours(agency, start, hours)
    local = due.astimezone(BANGKOK)
    assert is_working_day(agency, local.date())
    assert OFFICE_OPENS <= local.time() <= OFFICE_CLOSES
    assert due >= start
    if quarter_hours:
        # Adding one more quarter of an hour never gives an earlier deadline.
        assert add_working_hours(agency, start, hours + 0.25) > due


def test_office_hours_are_half_past_eight_to_half_past_four():
    assert time(8, 30) == OFFICE_OPENS
    assert time(16, 30) == OFFICE_CLOSES
