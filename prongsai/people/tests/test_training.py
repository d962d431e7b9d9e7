"""Training records: courses, who attended, certificates; per-year and per-person totals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from prongsai.core.demo_images import document_pdf
from prongsai.people import selectors
from prongsai.people.models import Attendance, Course
from prongsai.people.tests import factories


def test_a_course_belongs_to_the_fiscal_year_of_its_first_day(agency, admin_member, in_scope):
    with in_scope(agency):
        september = factories.course(
            agency, admin_member, starts_on=date(2023, 9, 29), ends_on=date(2023, 10, 2)
        )
        october = factories.course(
            agency, admin_member, starts_on=date(2023, 10, 1), ends_on=date(2023, 10, 1)
        )
    assert (september.fiscal_year, october.fiscal_year) == (2566, 2567)


def test_year_and_person_totals_are_counted_from_the_records(agency, admin_member, in_scope):
    with in_scope(agency):
        first = factories.person(agency, admin_member)
        second = factories.person(agency, admin_member, first_name="สมใจ")
        budget = factories.course(agency, admin_member)
        ethics = factories.course(
            agency, admin_member, title="อบรมจริยธรรม", topic="ethics", hours=Decimal("6")
        )
        for who in (first, second):
            factories.attended(ethics, admin_member, who)
        factories.attended(budget, admin_member, first)
        stats = selectors.training_stats(agency, 2566)
        per_person = {
            row.person.pk: (row.courses, row.hours) for row in selectors.training_per_person(agency, 2566)
        }
    assert (stats.courses, stats.attendances, stats.people) == (2, 3, 2)
    assert stats.hours == Decimal("30") and (stats.ethics_courses, stats.ethics_attendances) == (1, 2)
    assert per_person == {first.pk: (2, Decimal("24")), second.pk: (1, Decimal("6"))}


def test_the_same_person_is_not_recorded_twice_in_a_course(agency, admin_member, in_scope):
    with in_scope(agency):
        who = factories.person(agency, admin_member)
        course = factories.course(agency, admin_member)
        factories.attended(course, admin_member, who)
        with pytest.raises(ValidationError) as refused:
            factories.attended(course, admin_member, who)
    assert "บันทึกผู้นี้ในหลักสูตรนี้ไว้แล้ว" in str(refused.value)


def test_a_course_ending_before_it_starts_is_a_thai_400_and_nothing_is_saved(admin_client, agency, in_scope):
    response = admin_client.post(
        "/staff/people/training/new/",
        {
            "title": "หลักสูตรทดสอบ",
            "topic": "general",
            "starts_on": "10 มกราคม 2567",
            "ends_on": "9 มกราคม 2567",
            "hours": "6",
            "provider": "สถาบัน",
            "cost": "0",
        },
    )
    assert response.status_code == 400
    assert "วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่ม" in response.content.decode()
    with in_scope(agency):
        assert not Course.objects.filter(agency=agency).exists()


def test_a_certificate_is_stored_and_shown_to_hr_staff_only(
    admin_client, anon, agency, admin_member, in_scope
):
    with in_scope(agency):
        who = factories.person(agency, admin_member)
        course = factories.course(agency, admin_member)
    response = admin_client.post(
        f"/staff/people/training/{course.pk}/attendances/",
        {
            "person": who.pk,
            "certificate": SimpleUploadedFile("c.pdf", document_pdf("cert"), "application/pdf"),
        },
    )
    assert response.status_code == 302
    with in_scope(agency):
        attendance = Attendance.objects.get(course=course)
    url = f"/staff/people/training/{course.pk}/attendances/{attendance.pk}/certificate/"
    assert admin_client.get(url).status_code == 200
    assert anon.get(url).status_code in {302, 403}
    assert anon.get(f"/people/documents/{attendance.certificate.public_id}/").status_code == 404


def test_the_public_statistics_show_counts_and_never_who_attended(anon, agency, admin_member, in_scope):
    with in_scope(agency):
        who = factories.person(agency, admin_member, first_name="ผู้เข้าอบรมลับ")
        course = factories.course(agency, admin_member)
        factories.attended(course, admin_member, who)
    page = anon.get("/people/statistics/?fiscal_year=2566").content.decode()
    assert "ข้อมูลสถิติจำนวนผู้เข้ารับการฝึกอบรม" in page
    assert "ผู้เข้าอบรมลับ" not in page


def test_staff_record_a_course_and_its_attendance_from_the_pages(
    admin_client, agency, admin_member, in_scope
):
    with in_scope(agency):
        who = factories.person(agency, admin_member)
    response = admin_client.post(
        "/staff/people/training/new/",
        {
            "title": "หลักสูตรการเงินการคลังท้องถิ่น",
            "topic": "functional",
            "starts_on": "10 มกราคม 2567",
            "ends_on": "12 มกราคม 2567",
            "hours": "18",
            "provider": "สถาบันพัฒนาบุคลากรท้องถิ่น",
            "cost": "3500",
        },
    )
    assert response.status_code == 302
    with in_scope(agency):
        course = Course.objects.get(agency=agency)
    assert course.fiscal_year == 2567
    assert (
        admin_client.post(f"/staff/people/training/{course.pk}/attendances/", {"person": who.pk}).status_code
        == 302
    )
    page = admin_client.get("/staff/people/training/?fiscal_year=2567").content.decode()
    assert "หลักสูตรการเงินการคลังท้องถิ่น" in page and who.full_name in page
    refused = admin_client.post(f"/staff/people/training/{course.pk}/attendances/", {"person": who.pk})
    assert refused.status_code == 400 and "บันทึกผู้นี้ในหลักสูตรนี้ไว้แล้ว" in refused.content.decode()
