"""Builders of the assets tests: types, items, rules, loans and stock-takes, all through the services."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from prongsai.assets import services
from prongsai.assets.models import Asset, AssetType, Classification, FundSource, LendingRules, Loan
from prongsai.core.models import Agency, OrgUnit, User
from prongsai.core.tenancy import agency_scope

MANUAL_TEXT: dict[str, Any] = {
    "who_may_borrow": "พนักงานส่วนตำบล ลูกจ้าง และพนักงานจ้างขององค์การบริหารส่วนตำบล",
    "purposes": "ใช้ในราชการ หรือกิจกรรมสาธารณประโยชน์ของชุมชน",
    "how_to_ask": "ยื่นคำขอยืมในระบบ ระบุครุภัณฑ์ วันที่ยืม กำหนดส่งคืน และเหตุผล",
    "on_damage": "ผู้ยืมต้องซ่อมแซมให้คงสภาพเดิม หรือชดใช้เป็นพัสดุประเภท ชนิด ขนาด ลักษณะและคุณภาพเดียวกัน หรือชดใช้เป็นเงิน",
    "public_lending": "ประชาชนและชุมชนยืมเต็นท์ โต๊ะ เก้าอี้ และรถบรรทุกน้ำ เพื่อกิจกรรมสาธารณประโยชน์",
}


def asset_type(agency: Agency, user: User, **overrides: Any) -> AssetType:
    fields: dict[str, Any] = {
        "code": "416",
        "name_th": "เครื่องคอมพิวเตอร์",
        "classification": Classification.COMPUTER,
        "useful_life_years": 5,
    }
    fields.update(overrides)
    with agency_scope(agency):
        return services.asset_type_save(agency=agency, acting_user=user, **fields)


def asset(agency: Agency, user: User, kind: AssetType, unit: OrgUnit, **overrides: Any) -> Asset:
    fields: dict[str, Any] = {
        "name": "เครื่องคอมพิวเตอร์โน้ตบุ๊ก สำหรับงานประมวลผล",
        "acquired_on": date(2023, 11, 15),
        "price": Decimal("22000.00"),
        "fund_source": FundSource.OWN_BUDGET,
        "location": "ห้องสำนักปลัด ชั้น 1",
        "custodian_unit": unit,
        "lendable": True,
    }
    fields.update(overrides)
    with agency_scope(agency):
        return services.asset_register(agency=agency, acting_user=user, asset_type=kind, **fields)


def rules(agency: Agency, user: User, *, publish: bool = False, **overrides: Any) -> LendingRules:
    values = {**MANUAL_TEXT, "premises_max_days": 7, "outside_max_days": 15, "follow_up_days": 7, **overrides}
    with agency_scope(agency):
        saved = services.rules_save(agency=agency, acting_user=user, **values)
        if publish:
            saved = services.rules_publish(agency=agency, acting_user=user)
        return saved


def loan(agency: Agency, user: User | None, item: Asset, **overrides: Any) -> Loan:
    today = services.today_local()
    fields: dict[str, Any] = {
        "purpose": Loan.Purpose.OFFICIAL,
        "reason": "ใช้นำเสนอในการประชุมประชาคมหมู่บ้าน",
        "place": Loan.Place.PREMISES,
        "starts_on": today,
        "due_on": today + timedelta(days=2),
    }
    fields.update(overrides)
    with agency_scope(agency):
        made, _new = services.loan_request(
            agency=agency, acting_user=user, idempotency_key=uuid.uuid4(), asset=item, **fields
        )
    return made
