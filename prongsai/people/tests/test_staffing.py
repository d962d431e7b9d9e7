"""Staffing statistics are counted from the posts and who held them on a day, never typed."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from prongsai.core.models import AuditEvent
from prongsai.people import selectors, services
from prongsai.people.tests import factories


def _row(staffing, key):
    return next(r for r in staffing.rows if r.key == key)


def test_staffing_counts_approved_filled_and_vacant_posts_per_position_type_as_of_a_day(
    agency, admin_member, in_scope
):
    with in_scope(agency):
        held = factories.post(agency, admin_member, code="A-1")
        factories.post(agency, admin_member, code="A-2")
        factories.post(agency, admin_member, code="G-1", position_type="general_employee")
        who = factories.person(agency, admin_member)
        services.tenure_start(post=held, acting_user=admin_member, person=who, started_on=date(2023, 1, 1))
        before = selectors.staffing_as_of(agency, date(2022, 12, 31))
        after = selectors.staffing_as_of(agency, date(2023, 9, 30))
    assert (_row(before, "academic_line").approved, _row(before, "academic_line").filled) == (2, 0)
    assert (_row(after, "academic_line").approved, _row(after, "academic_line").filled) == (2, 1)
    assert _row(after, "academic_line").vacant == 1
    assert _row(after, "general_employee").approved == 1
    assert after.career_total.approved == 3 and after.political_total.approved == 0


def test_an_abolished_post_and_an_ended_tenure_stop_counting_from_their_day(agency, admin_member, in_scope):
    with in_scope(agency):
        post = factories.post(agency, admin_member)
        who = factories.person(agency, admin_member)
        tenure = services.tenure_start(
            post=post, acting_user=admin_member, person=who, started_on=date(2022, 10, 1)
        )
        services.tenure_end(tenure=tenure, acting_user=admin_member, ended_on=date(2023, 3, 31))
        services.post_save(agency=agency, acting_user=admin_member, post=post, abolished_on=date(2024, 1, 1))
        on_leaving = _row(selectors.staffing_as_of(agency, date(2023, 3, 31)), "academic_line")
        after_leaving = _row(selectors.staffing_as_of(agency, date(2023, 4, 1)), "academic_line")
        abolished = _row(selectors.staffing_as_of(agency, date(2024, 1, 1)), "academic_line")
    assert (on_leaving.approved, on_leaving.filled) == (1, 1)
    assert (after_leaving.approved, after_leaving.filled) == (1, 0)
    assert abolished.approved == 0


def test_a_post_cannot_have_two_holders_on_the_same_day(agency, admin_member, in_scope):
    with in_scope(agency):
        post = factories.post(agency, admin_member)
        first = factories.person(agency, admin_member)
        second = factories.person(agency, admin_member, first_name="สมใจ")
        services.tenure_start(post=post, acting_user=admin_member, person=first, started_on=date(2023, 1, 1))
        with pytest.raises(ValidationError) as refused:
            services.tenure_start(
                post=post, acting_user=admin_member, person=second, started_on=date(2023, 6, 1)
            )
    assert "ผู้ดำรงตำแหน่งอยู่" in str(refused.value)


def test_a_post_code_is_unique_in_the_agency_and_a_position_type_must_come_from_the_data_file(
    agency, admin_member, in_scope
):
    with in_scope(agency):
        factories.post(agency, admin_member, code="X-1")
        with pytest.raises(ValidationError) as duplicate:
            factories.post(agency, admin_member, code="X-1")
        with pytest.raises(ValidationError) as unknown:
            factories.post(agency, admin_member, code="X-2", position_type="astronaut")
        audited = AuditEvent.objects.filter(agency=agency, action="people.post.created").count()
    assert "เลขที่ตำแหน่งนี้มีอยู่แล้ว" in str(duplicate.value)
    assert "ประเภทตำแหน่ง" in str(unknown.value)
    assert audited == 1


def test_staff_add_a_post_and_appoint_its_holder_from_the_pages(admin_client, agency, admin_member, in_scope):
    with in_scope(agency):
        position = factories.position(agency, admin_member)
        who = factories.person(agency, admin_member)
    response = admin_client.post(
        "/staff/people/posts/new/",
        {
            "position": position.pk,
            "code": "01-001",
            "position_type": "academic_line",
            "established_on": "1 ตุลาคม 2565",
        },
    )
    assert response.status_code == 302
    with in_scope(agency):
        post = selectors.posts_for_staff(agency).get(code="01-001")
    response = admin_client.post(
        f"/staff/people/posts/{post.pk}/tenures/", {"person": who.pk, "started_on": "1 ตุลาคม 2565"}
    )
    assert response.status_code == 302
    page = admin_client.get("/staff/people/posts/").content.decode()
    assert who.full_name in page


def test_a_bad_post_is_a_thai_400_and_nothing_is_saved(admin_client, agency, admin_member, in_scope):
    with in_scope(agency):
        position = factories.position(agency, admin_member)
    response = admin_client.post(
        "/staff/people/posts/new/",
        {
            "position": position.pk,
            "code": "01-001",
            "position_type": "academic_line",
            "established_on": "1 ตุลาคม 2565",
            "abolished_on": "1 ตุลาคม 2564",
        },
    )
    assert response.status_code == 400
    assert "วันที่ยุบเลิกตำแหน่งต้องไม่ก่อนวันที่กำหนดตำแหน่ง" in response.content.decode()
    with in_scope(agency):
        assert not selectors.posts_for_staff(agency).exists()


def test_an_officer_of_another_agency_cannot_open_a_post(outsider_client, agency, admin_member, in_scope):
    with in_scope(agency):
        post = factories.post(agency, admin_member)
    assert outsider_client.get(f"/staff/people/posts/{post.pk}/").status_code == 403


def test_a_two_digit_year_on_a_post_is_a_thai_400_that_keeps_the_form(
    admin_client, agency, admin_member, in_scope
):
    """Issue 19 item 11: "1/10/65" is refused with the four-digit year to write, not read as 2565 silently."""
    with in_scope(agency):
        position = factories.position(agency, admin_member)
    response = admin_client.post(
        "/staff/people/posts/new/",
        {
            "position": position.pk,
            "code": "01-002",
            "position_type": "academic_line",
            "established_on": "1/10/65",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "ปี “65” มีเพียง 2 หลัก กรุณากรอกปี พ.ศ. ให้ครบ 4 หลัก เช่น 1/10/2565" in page
    assert 'value="1/10/65"' in page and 'value="01-002"' in page  # nothing typed is lost
    with in_scope(agency):
        assert not selectors.posts_for_staff(agency).exists()
