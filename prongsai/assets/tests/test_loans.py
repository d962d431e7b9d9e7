"""Loans: approval by the right role, hand-over, return, clashes, private use, overdue notices."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
from django.core.exceptions import ValidationError

from prongsai.assets import services
from prongsai.assets.models import Condition, Loan
from prongsai.assets.tests import factories
from prongsai.core.models import AuditEvent, OutboundEmail


def test_a_loan_on_the_premises_goes_from_request_to_return_with_an_audit_event_at_each_step(
    agency, member, head, laptop, in_scope
):
    loan = factories.loan(agency, member, laptop)
    with in_scope(agency):
        loan = services.loan_approve(loan=loan, acting_user=head, note="อนุมัติ")
        loan = services.loan_hand_over(loan=loan, acting_user=member)
        loan = services.loan_return(loan=loan, acting_user=member, condition=Condition.GOOD)
        actions = list(
            AuditEvent.objects.filter(agency=agency, action__startswith="assets.loan").values_list(
                "action", flat=True
            )
        )
    assert loan.status == Loan.Status.RETURNED
    assert actions == [
        "assets.loan.requested",
        "assets.loan.approved",
        "assets.loan.handed_over",
        "assets.loan.returned",
    ]


def test_use_outside_the_premises_needs_an_executive_not_a_head_of_division(
    agency, member, head, executive, laptop, in_scope
):
    loan = factories.loan(agency, member, laptop, place=Loan.Place.OUTSIDE, use_location="ศาลาประชาคมหมู่ 3")
    with in_scope(agency):
        with pytest.raises(ValidationError, match="หัวหน้าหน่วยงานหรือผู้ที่ได้รับมอบหมาย"):
            services.loan_approve(loan=loan, acting_user=head)
        assert services.loan_approve(loan=loan, acting_user=executive).status == Loan.Status.APPROVED


def test_an_officer_cannot_approve_and_no_one_approves_their_own_request(
    agency, member, head, laptop, in_scope
):
    loan = factories.loan(agency, member, laptop)
    own = factories.loan(
        agency,
        head,
        laptop,
        starts_on=loan.due_on + timedelta(days=1),
        due_on=loan.due_on + timedelta(days=2),
    )
    with in_scope(agency):
        with pytest.raises(ValidationError, match="หัวหน้าส่วนราชการ"):
            services.loan_approve(loan=loan, acting_user=member)
        with pytest.raises(ValidationError, match="อนุมัติคำขอของตนเองไม่ได้"):
            services.loan_approve(loan=own, acting_user=head)


def test_overlapping_dates_are_refused_with_the_booked_period_in_thai(agency, member, laptop):
    first = factories.loan(agency, member, laptop)
    with pytest.raises(ValidationError) as caught:
        factories.loan(
            agency, member, laptop, starts_on=first.due_on, due_on=first.due_on + timedelta(days=1)
        )
    assert "ถูกจองหรือยืมไว้แล้ว" in str(caught.value)
    # the day after the first loan is free
    factories.loan(
        agency,
        member,
        laptop,
        starts_on=first.due_on + timedelta(days=1),
        due_on=first.due_on + timedelta(days=1),
    )


def test_a_rejected_request_frees_its_dates(agency, member, head, laptop, in_scope):
    first = factories.loan(agency, member, laptop)
    with in_scope(agency):
        services.loan_reject(loan=first, acting_user=head, note="ครุภัณฑ์ต้องใช้ในงานอื่น")
    assert factories.loan(agency, member, laptop).status == Loan.Status.REQUESTED


def test_private_use_cannot_be_chosen(agency, member, laptop):
    with pytest.raises(ValidationError) as caught:
        factories.loan(agency, member, laptop, purpose="private")
    assert "ห้ามยืมไปใช้ประโยชน์ส่วนตัว" in str(caught.value)


def test_a_loan_longer_than_the_agencys_rules_allow_is_refused(agency, member, laptop):
    factories.rules(agency, member, premises_max_days=3)
    today = services.today_local()
    with pytest.raises(ValidationError, match="ไม่เกิน 3 วัน"):
        factories.loan(agency, member, laptop, starts_on=today, due_on=today + timedelta(days=3))


def test_an_item_not_lendable_to_the_public_cannot_be_asked_for_by_a_citizen(agency, laptop):
    with pytest.raises(ValidationError, match="ไม่ได้เปิดให้ประชาชนยืม"):
        factories.loan(
            agency,
            None,
            laptop,
            purpose=Loan.Purpose.PUBLIC_BENEFIT,
            place=Loan.Place.OUTSIDE,
            use_location="วัดบ้านวังทอง",
            borrower_name="นายสมชาย ใจดี",
            borrower_phone="081-234-5678",
        )


def test_a_damaged_return_needs_a_note_and_marks_the_item_damaged(agency, member, head, laptop, in_scope):
    loan = factories.loan(agency, member, laptop)
    with in_scope(agency):
        services.loan_approve(loan=loan, acting_user=head)
        services.loan_hand_over(loan=loan, acting_user=member)
        with pytest.raises(ValidationError, match="รายละเอียดความเสียหาย"):
            services.loan_return(loan=loan, acting_user=member, condition=Condition.DAMAGED)
        services.loan_return(loan=loan, acting_user=member, condition=Condition.DAMAGED, note="จอแตกมุมขวา")
        laptop.refresh_from_db()
    assert laptop.condition == Condition.DAMAGED
    with pytest.raises(ValidationError, match="ให้ยืมไม่ได้"):
        factories.loan(
            agency,
            member,
            laptop,
            starts_on=loan.due_on + timedelta(days=5),
            due_on=loan.due_on + timedelta(days=5),
        )


def test_an_overdue_loan_notifies_the_borrower_and_the_custodian_once(agency, member, head, laptop, in_scope):
    member.email = "borrower@example.com"
    member.save()
    head.email = "custodian@example.com"
    head.save()
    with in_scope(agency):
        services.asset_update(asset=laptop, acting_user=member, custodian=head)
    loan = factories.loan(agency, member, laptop)
    with in_scope(agency):
        services.loan_approve(loan=loan, acting_user=head)
        services.loan_hand_over(loan=loan, acting_user=member)
        first = services.loans_notify_overdue(agency=agency, today=loan.due_on + timedelta(days=1))
        again = services.loans_notify_overdue(agency=agency, today=loan.due_on + timedelta(days=2))
        sent = sorted(
            OutboundEmail.objects.filter(agency=agency, subject__contains="เกินกำหนด").values_list(
                "to", flat=True
            )
        )
    assert (first.notified, again.notified) == (1, 0)
    assert sent == ["borrower@example.com", "custodian@example.com"]


def test_a_loan_not_yet_due_raises_no_notice(agency, member, head, laptop, in_scope):
    loan = factories.loan(agency, member, laptop)
    with in_scope(agency):
        services.loan_approve(loan=loan, acting_user=head)
        services.loan_hand_over(loan=loan, acting_user=member)
        assert services.loans_notify_overdue(agency=agency, today=loan.due_on).notified == 0


def test_a_loan_recorded_from_paper_can_be_returned_late_and_counts_as_late(
    agency, member, head, laptop, in_scope
):
    from datetime import datetime

    from prongsai.assets import selectors
    from prongsai.core.thai import BANGKOK, fiscal_year

    asked = datetime(2024, 3, 1, 9, 0, tzinfo=BANGKOK)
    loan = factories.loan(
        agency,
        member,
        laptop,
        requested_at=asked,
        starts_on=asked.date(),
        due_on=asked.date() + timedelta(days=2),
    )
    with in_scope(agency):
        services.loan_approve(loan=loan, acting_user=head, at=asked + timedelta(hours=2))
        services.loan_hand_over(loan=loan, acting_user=member, at=asked + timedelta(hours=3))
        with pytest.raises(ValidationError, match="ไม่ก่อนขั้นตอนก่อนหน้า"):
            services.loan_return(loan=loan, acting_user=member, condition="good", at=asked)
        services.loan_return(loan=loan, acting_user=member, condition="good", at=asked + timedelta(days=6))
        stats = selectors.loan_statistics(agency, fiscal_year(asked))
    assert (stats.requests, stats.approved, stats.returned, stats.returned_late) == (1, 1, 1, 1)


def test_a_citizen_cannot_date_a_request_in_the_past(agency, laptop):
    from datetime import datetime

    with pytest.raises(ValueError):
        factories.loan(agency, None, laptop, requested_at=datetime(2024, 3, 1, tzinfo=UTC))


def test_a_borrowers_contact_is_blanked_a_year_after_the_loan_closed_and_the_name_stays(
    agency, member, head, laptop, in_scope
):
    from prongsai.assets.retention import purge_expired_personal_data

    member.email = "borrower@example.com"
    member.save()
    loan = factories.loan(agency, member, laptop)
    with in_scope(agency):
        services.loan_reject(loan=loan, acting_user=head, note="ไม่ว่าง")
        assert purge_expired_personal_data() == {"contact details of borrowers": 0}
        Loan.objects.filter(pk=loan.pk).update(updated_at=loan.updated_at - timedelta(days=400))
        assert purge_expired_personal_data() == {"contact details of borrowers": 1}
        loan.refresh_from_db()
    assert (loan.borrower_email, loan.borrower_name) == ("", "officer")
