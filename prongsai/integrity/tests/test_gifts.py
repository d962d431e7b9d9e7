"""The No Gift Policy: the declaration, activities, the gift register with the head's decision, the report."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from prongsai.core.models import AuditEvent, Revision
from prongsai.integrity import rules, services
from prongsai.integrity.models import GiftEntry
from prongsai.integrity.tests import factories


def test_the_threshold_of_section_128_is_data_of_the_day_of_the_gift():
    rule = rules.gift_rule(date(2024, 1, 1))
    assert rule.threshold_baht == Decimal("3000")
    assert rule.decision_days == 30
    # Before the first row the earliest rule applies (the notice is from 2563).
    assert rules.gift_rule(date(2001, 1, 1)).threshold_baht == Decimal("3000")


def test_a_declaration_is_published_only_when_signed(scoped, admin_member):
    draft = factories.declaration(scoped, admin_member, signer_name="", signed_on=None)
    with pytest.raises(ValidationError, match="ผู้ลงนาม"):
        services.declaration_publish(declaration=draft, acting_user=admin_member)
    services.declaration_update(
        declaration=draft,
        acting_user=admin_member,
        signer_name="นายชาญชัย ศรีวังทอง",
        signed_on=date(2023, 10, 2),
    )
    published = services.declaration_publish(declaration=draft, acting_user=admin_member)
    assert published.is_published and published.revision_count == 1


def test_a_published_declaration_is_corrected_only_by_a_revision_with_a_reason(scoped, admin_member):
    declaration = factories.published_declaration(scoped, admin_member)
    with pytest.raises(ValidationError, match="เหตุผล"):
        services.declaration_update(declaration=declaration, acting_user=admin_member, text_en="Changed.")
    services.declaration_update(
        declaration=declaration, acting_user=admin_member, text_en="Changed.", reason="แก้คำแปล"
    )
    assert (
        Revision.objects.filter(record_id=declaration.pk, record_type="integrity.nogiftdeclaration").count()
        == 2
    )


def test_staff_acknowledge_the_published_policy_once(scoped, admin_member, member):
    declaration = factories.published_declaration(scoped, admin_member)
    first = services.declaration_acknowledge(declaration=declaration, acting_user=member)
    again = services.declaration_acknowledge(declaration=declaration, acting_user=member)
    assert first.pk == again.pk


def test_an_officer_cannot_publish_a_declaration(scoped, admin_member, member):
    draft = factories.declaration(scoped, admin_member)
    with pytest.raises(PermissionError):
        services.declaration_publish(declaration=draft, acting_user=member)


def test_an_activity_date_outside_its_fiscal_year_is_refused_with_a_thai_message(scoped, admin_member):
    with pytest.raises(ValidationError, match="ปีงบประมาณ 2567"):
        factories.activity(scoped, admin_member, held_on=date(2024, 10, 2))


def test_a_small_returned_gift_needs_no_decision_and_its_recorder_closes_it(scoped, member):
    entry = factories.gift(scoped, member)
    assert not entry.needs_decision and entry.status == GiftEntry.Status.OPEN
    closed = services.gift_close(entry=entry, acting_user=member)
    assert closed.status == GiftEntry.Status.CLOSED and closed.closed_at is not None


def test_a_gift_above_3000_baht_from_a_non_relative_goes_to_the_head_with_a_deadline(scoped, member):
    entry = factories.gift(
        scoped, member, estimated_value=Decimal("4500"), handling=GiftEntry.Handling.AWAITING
    )
    assert entry.needs_decision
    assert entry.status == GiftEntry.Status.AWAITING_DECISION
    assert entry.decision_due == max(entry.event_on, timezone.localdate()) + timedelta(days=30)


def test_a_gift_above_3000_baht_cannot_be_closed_without_the_heads_decision(scoped, member, admin_member):
    entry = factories.gift(
        scoped, member, estimated_value=Decimal("4500"), handling=GiftEntry.Handling.AWAITING
    )
    with pytest.raises(ValidationError, match="ผู้บริหาร"):
        services.gift_close(entry=entry, acting_user=member)
    entry.refresh_from_db()
    assert entry.status == GiftEntry.Status.AWAITING_DECISION
    # Not even the administrator can decide: only the head of the agency.
    with pytest.raises(PermissionError):
        services.gift_decide(entry=entry, acting_user=admin_member, decision="return", reason="x")


def test_the_heads_decision_closes_the_gift_and_is_recorded(scoped, member, executive):
    entry = factories.gift(
        scoped, member, estimated_value=Decimal("4500"), handling=GiftEntry.Handling.AWAITING
    )
    decided = services.gift_decide(
        entry=entry, acting_user=executive, decision=GiftEntry.Decision.HAND_OVER, reason="มูลค่าเกินหลักเกณฑ์"
    )
    assert decided.status == GiftEntry.Status.CLOSED
    assert decided.decided_by == executive and decided.handling == GiftEntry.Handling.HANDED_TO_AGENCY
    assert AuditEvent.objects.filter(action="integrity.gift.decided", object_id=str(entry.pk)).exists()


def test_a_gift_above_the_threshold_cannot_be_kept_by_the_rule(scoped, member):
    with pytest.raises(ValidationError) as error:
        factories.gift(
            scoped, member, estimated_value=Decimal("3500"), handling=GiftEntry.Handling.KEPT_BY_RULE
        )
    assert "handling" in error.value.error_dict


def test_a_gift_from_a_relative_above_the_threshold_needs_no_decision(scoped, member):
    entry = factories.gift(
        scoped,
        member,
        estimated_value=Decimal("8000"),
        relationship=GiftEntry.Relationship.RELATIVE,
        handling=GiftEntry.Handling.KEPT_BY_RULE,
    )
    assert not entry.needs_decision
    assert services.gift_close(entry=entry, acting_user=member).status == GiftEntry.Status.CLOSED


def test_a_refused_gift_needs_no_decision_whatever_its_value(scoped, member):
    entry = factories.gift(
        scoped, member, estimated_value=Decimal("50000"), handling=GiftEntry.Handling.REFUSED
    )
    assert not entry.needs_decision


def test_the_report_freezes_de_identified_totals_of_its_period(scoped, member, admin_member):
    factories.gift(scoped, member, event_on=date(2024, 1, 2))
    factories.gift(scoped, member, event_on=date(2024, 2, 2), handling=GiftEntry.Handling.REFUSED)
    factories.gift(scoped, member, event_on=date(2022, 2, 2))  # another year
    report = services.gift_report_publish(
        report=factories.gift_report(scoped, admin_member), acting_user=admin_member
    )
    assert report.totals["count"] == 2 and not report.is_nil
    assert report.totals["by_handling"] == {"refused": 1, "returned": 1}
    assert "นายสมชาย" not in str(report.snapshot())


def test_a_year_without_gifts_is_reported_as_a_stated_zero(scoped, admin_member):
    report = services.gift_report_publish(
        report=factories.gift_report(scoped, admin_member), acting_user=admin_member
    )
    assert report.is_nil and report.totals["count"] == 0


def test_the_report_waits_for_the_heads_pending_decisions(scoped, member, admin_member):
    factories.gift(
        scoped,
        member,
        event_on=date(2024, 1, 2),
        estimated_value=Decimal("4000"),
        handling=GiftEntry.Handling.AWAITING,
    )
    with pytest.raises(ValidationError, match="รอผู้บริหารวินิจฉัย"):
        services.gift_report_publish(
            report=factories.gift_report(scoped, admin_member), acting_user=admin_member
        )


def test_a_second_report_of_the_same_period_is_refused(scoped, admin_member):
    factories.gift_report(scoped, admin_member)
    with pytest.raises(ValidationError) as error:
        factories.gift_report(scoped, admin_member)
    assert "period" in error.value.error_dict
