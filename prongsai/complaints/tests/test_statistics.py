"""Public complaint statistics per month and category, and the retention of complainants' contact details."""

from __future__ import annotations

from datetime import datetime, timedelta
from io import StringIO

from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django.utils.html import strip_tags

from conftest import OTHER_HOST, make_member
from prongsai.complaints import selectors, services
from prongsai.complaints.models import Complaint
from prongsai.complaints.tests import factories
from prongsai.complaints.tests.factories import photo
from prongsai.core.models import OrgUnit
from prongsai.core.tenancy import agency_scope
from prongsai.core.thai import BANGKOK


def at(year: int, month: int, day: int, hour: int = 10) -> datetime:
    return datetime(year, month, day, hour, 0, tzinfo=BANGKOK)


def build_year(agency, category, officer) -> None:
    """FY2568 (1 Oct 2567 – 30 Sep 2568): five complaints in three months, in different states."""
    with agency_scope(agency):
        roads = services.category_save(
            agency=agency,
            acting_user=officer,
            name_th="ถนนชำรุด",
            default_unit=OrgUnit.objects.create(agency=agency, side="career", name_th="กองช่างโยธา"),
        )
    october = [
        factories.complaint(agency, category, acting_user=officer, received_at=at(2024, 10, d))
        for d in (1, 15)
    ]
    # Midnight of 1 November in Bangkok is still 31 October in UTC: months are counted in Bangkok time.
    late_october = factories.complaint(agency, roads, acting_user=officer, received_at=at(2024, 10, 31, 23))
    november = factories.complaint(agency, roads, acting_user=officer, received_at=at(2024, 11, 1, 0))
    march = factories.complaint(agency, category, acting_user=officer, received_at=at(2025, 3, 3))
    with agency_scope(agency):
        services.complaint_accept(complaint=october[0], acting_user=officer, at=at(2024, 10, 2))
        services.complaint_resolve(
            complaint=october[0],
            acting_user=officer,
            closing_note="แล้วเสร็จ",
            evidence=[photo()],
            at=at(2024, 10, 3),
        )
        services.complaint_reject(
            complaint=late_october, acting_user=officer, reason="ไม่ใช่อำนาจหน้าที่", at=at(2024, 11, 2)
        )
        services.complaint_forward(
            complaint=november, acting_user=officer, to_agency="อำเภอ", at=at(2024, 11, 4)
        )
        services.complaint_accept(complaint=march, acting_user=officer, at=at(2025, 3, 4))
    # Outside the year: the day before it starts.
    factories.complaint(agency, category, acting_user=officer, received_at=at(2024, 9, 30, 23))


def test_statistics_count_by_month_and_category_with_zero_months_listed(agency, category):
    officer = make_member(agency, "clerk", "officer")
    build_year(agency, category, officer)
    with agency_scope(agency):
        stats = selectors.complaint_statistics(agency, 2568)
    assert [m.label for m in stats.months][:2] == ["ตุลาคม 2567", "พฤศจิกายน 2567"]
    assert len(stats.months) == 12
    by_label = {m.label: m for m in stats.months}
    october, november, march = by_label["ตุลาคม 2567"], by_label["พฤศจิกายน 2567"], by_label["มีนาคม 2568"]
    assert (october.received, october.resolved, october.rejected, october.pending) == (3, 1, 1, 1)
    assert october.resolved_on_time == 1
    assert (november.received, november.forwarded, november.done) == (1, 1, 1)
    assert (march.received, march.pending) == (1, 1)
    assert by_label["มกราคม 2568"].received == 0
    assert (stats.total.received, stats.total.done, stats.total.pending) == (5, 3, 2)
    categories = {c.label: c.received for c in stats.categories}
    assert categories == {"ไฟฟ้าส่องสว่างสาธารณะ": 3, "ถนนชำรุด": 2}
    matrix = {row.label: row.counts for row in stats.by_category_and_month}
    assert matrix["ถนนชำรุด"][:2] == [1, 1]
    assert sum(matrix["ไฟฟ้าส่องสว่างสาธารณะ"]) == 3


def test_the_public_page_shows_the_year_and_another_agency_counts_only_its_own(
    anon, agency, other_agency, category
):
    officer = make_member(agency, "clerk", "officer")
    build_year(agency, category, officer)
    # Headings keep their Thai words whole with markup between them (core.thai_words): read as text.
    html = strip_tags(anon.get("/complaints/statistics/?year=2568").content.decode())
    assert "สถิติเรื่องร้องเรียนทั่วไป ปีงบประมาณ พ.ศ. 2568" in html
    assert "รับเรื่องทั้งหมด 5 เรื่อง ดำเนินการแล้วเสร็จ 3 เรื่อง อยู่ระหว่างดำเนินการ 2 เรื่อง" in html
    assert "ถนนชำรุด" in html
    elsewhere_page = Client(HTTP_HOST=OTHER_HOST).get("/complaints/statistics/?year=2568")
    elsewhere = strip_tags(elsewhere_page.content.decode())
    assert "รับเรื่องทั้งหมด 0 เรื่อง" in elsewhere and "ถนนชำรุด" not in elsewhere


def test_a_year_given_badly_falls_back_to_one_that_exists(anon, agency, category):
    assert anon.get("/complaints/statistics/?year=abc").status_code == 200
    assert anon.get("/complaints/statistics/?year=1900").status_code == 200


def test_contact_details_are_blanked_a_year_after_closing_and_the_matter_stays(agency, member, category):
    officer = make_member(agency, "clerk", "officer")
    old = factories.complaint(
        agency,
        category,
        acting_user=officer,
        received_at=timezone.now() - timedelta(days=500),
        contact_name="นายสมหมาย ใจงาม",
        contact_phone="081-234-5678",
        contact_email="old@example.com",
    )
    recent = factories.complaint(agency, category, contact_email="recent@example.com")
    with agency_scope(agency):
        services.complaint_reject(
            complaint=old, acting_user=member, reason="ยุติ", at=timezone.now() - timedelta(days=400)
        )
        services.complaint_reject(complaint=recent, acting_user=member, reason="ยุติ")
    out = StringIO()
    call_command("purge_personal_data", stdout=out)
    assert "contact details of complainants: 1" in out.getvalue()
    with agency_scope(agency):
        old.refresh_from_db()
        recent.refresh_from_db()
    assert (old.contact_name, old.contact_phone, old.contact_email) == ("", "", "")
    assert old.subject and old.status == Complaint.Status.REJECTED
    assert recent.contact_email == "recent@example.com"


def test_askers_addresses_are_blanked_180_days_after_the_answer(agency, member):
    import uuid

    from prongsai.engagement import services as qa
    from prongsai.engagement.models import Question

    with agency_scope(agency):
        question, _new = qa.question_submit(
            agency=agency, idempotency_key=uuid.uuid4(), title="ถาม", body="ถาม", asker_email="a@example.com"
        )
        qa.question_answer(question=question, acting_user=member, answer="ตอบ")
        Question.objects.filter(pk=question.pk).update(answered_at=timezone.now() - timedelta(days=181))
    out = StringIO()
    call_command("purge_personal_data", stdout=out)
    assert "e-mail addresses of askers: 1" in out.getvalue()
    with agency_scope(agency):
        question.refresh_from_db()
    assert question.asker_email == "" and question.answer == "ตอบ"
