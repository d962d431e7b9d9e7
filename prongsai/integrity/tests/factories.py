"""Builders for integrity tests, through the services (rules and audit events hold).

Each takes the acting user and keyword overrides of Thai defaults; the caller is inside the agency's scope.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from prongsai.core.models import Agency, User
from prongsai.integrity import services
from prongsai.integrity.models import (
    CultureActivity,
    GiftEntry,
    GiftReport,
    NoGiftDeclaration,
    RiskArea,
    RiskAssessment,
    RiskEvent,
    RiskMeasure,
)


def declaration(agency: Agency, user: User, **overrides: Any) -> NoGiftDeclaration:
    fields: dict[str, Any] = {
        "fiscal_year": 2567,
        "title": "ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่ ประจำปีงบประมาณ พ.ศ. 2567",
        "text_th": "ข้าพเจ้าพร้อมด้วยคณะผู้บริหารและเจ้าหน้าที่ทุกคน จะไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่",
        "text_en": "We, the executives and all staff, will accept no gift in the course of our duties.",
        "signer_name": "นายชาญชัย ศรีวังทอง",
        "signer_position": "นายกองค์การบริหารส่วนตำบลวังทอง",
        "signed_on": date(2023, 10, 2),
    }
    fields.update(overrides)
    return services.declaration_create(agency=agency, acting_user=user, **fields)


def published_declaration(agency: Agency, user: User, **overrides: Any) -> NoGiftDeclaration:
    return services.declaration_publish(declaration=declaration(agency, user, **overrides), acting_user=user)


def activity(agency: Agency, user: User, **overrides: Any) -> CultureActivity:
    fields: dict[str, Any] = {
        "fiscal_year": 2567,
        "title": "กิจกรรมถ่ายทอดนโยบาย No Gift Policy แก่บุคลากร",
        "held_on": date(2023, 11, 15),
        "description": "ชี้แจงหลักเกณฑ์การรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา",
        "participants": "ผู้บริหาร สมาชิกสภา พนักงานส่วนตำบล",
        "participant_count": 42,
    }
    fields.update(overrides)
    return services.activity_create(agency=agency, acting_user=user, **fields)


def gift(agency: Agency, user: User, **overrides: Any) -> GiftEntry:
    """A gift of 500 baht received from a contractor and returned (no decision needed)."""
    fields: dict[str, Any] = {
        "direction": GiftEntry.Direction.RECEIVED,
        "official_name": "นางสาววิไลวรรณ ศรีสุข",
        "counterpart_name": "นายสมชาย ผู้รับเหมา",
        "relationship": GiftEntry.Relationship.CONTRACTOR,
        "occasion": "เทศกาลปีใหม่",
        "description": "กระเช้าของขวัญปีใหม่",
        "estimated_value": Decimal("500"),
        "event_on": timezone.localdate() - timedelta(days=3),
        "handling": GiftEntry.Handling.RETURNED,
    }
    fields.update(overrides)
    return services.gift_record(agency=agency, acting_user=user, **fields)


def gift_report(agency: Agency, user: User, **overrides: Any) -> GiftReport:
    fields: dict[str, Any] = {"fiscal_year": 2567, "signer_name": "นางสาวสุนันทา พรหมมา"}
    fields.update(overrides)
    return services.gift_report_create(agency=agency, acting_user=user, **fields)


def assessment(agency: Agency, user: User, **overrides: Any) -> RiskAssessment:
    fiscal_year = overrides.pop("fiscal_year", 2567)
    fields: dict[str, Any] = {
        "title": f"การประเมินความเสี่ยงการทุจริต ประจำปีงบประมาณ พ.ศ. {fiscal_year}",
        "signer_name": "นายชาญชัย ศรีวังทอง",
        "signer_position": "นายกองค์การบริหารส่วนตำบลวังทอง",
    }
    fields.update(overrides)
    return services.assessment_create(agency=agency, acting_user=user, fiscal_year=fiscal_year, **fields)


def area(agency: Agency, code: str = "procurement") -> RiskArea:
    return RiskArea.objects.get(agency=agency, code=code)


def event(of: RiskAssessment, user: User, **overrides: Any) -> RiskEvent:
    fields: dict[str, Any] = {
        "area": overrides.pop("area", None) or area(of.agency),
        "number": 1,
        "process": "การกำหนดคุณลักษณะเฉพาะของพัสดุ",
        "description": "กำหนดคุณลักษณะเฉพาะเอื้อประโยชน์แก่ผู้ประกอบการบางราย",
        "likelihood": 3,
        "impact": 4,
        "existing_controls": "คณะกรรมการกำหนดร่างขอบเขตของงาน",
        "control_rating": "fair",
    }
    fields.update(overrides)
    return services.event_save(assessment=of, acting_user=user, **fields)


def measure(of: RiskEvent, user: User, **overrides: Any) -> RiskMeasure:
    fields: dict[str, Any] = {
        "number": 1,
        "text": "เผยแพร่ร่างขอบเขตของงานให้สาธารณชนวิจารณ์ก่อนประกาศเชิญชวน",
        "owner": "กองคลัง งานพัสดุ",
        "starts_on": date(2023, 10, 1),
        "ends_on": date(2024, 9, 30),
    }
    fields.update(overrides)
    return services.measure_save(event=of, acting_user=user, **fields)


def published_assessment(agency: Agency, user: User, **overrides: Any) -> RiskAssessment:
    """An assessment with one procurement risk and one measure, published."""
    draft = assessment(agency, user, **overrides)
    measure(event(draft, user), user)
    return services.assessment_publish(assessment=draft, acting_user=user)
