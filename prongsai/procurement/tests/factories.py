"""Builders for procurement tests: vendors with valid IDs and register rows through the services."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from prongsai.core.models import Agency, User
from prongsai.core.thaiid import thai_id_check_digit
from prongsai.procurement import services
from prongsai.procurement.models import Category, EgpStatus, Method, Procurement


def tax_id(first_twelve: str) -> str:
    return first_twelve + str(thai_id_check_digit(first_twelve))


COMPANY = tax_id("010555012345")  # a juristic person (starts with 0)
PERSON = tax_id("310010012345")  # a natural person


def row(agency: Agency, user: User, **overrides: Any) -> Procurement:
    fields: dict[str, Any] = {
        "fiscal_year": 2567,
        "title": "จัดซื้อวัสดุสำนักงาน",
        "budget": Decimal("50000.00"),
        "budget_source": "เงินงบประมาณรายจ่ายประจำปี",
        "egp_status": EgpStatus.UNDER_CONTRACT,
        "method": Method.SPECIFIC,
        "category": Category.GOODS,
        "reference_price": Decimal("50000.00"),
        "agreed_price": Decimal("48000.00"),
        "egp_project_no": "",
        "contract_no": "1/2567",
        "announced_on": date(2024, 1, 5),
        "contract_signed_on": date(2024, 1, 15),
        "contract_ends_on": date(2024, 2, 15),
        "selection_reason": "เสนอราคาต่ำสุด",
        "vendor_tax_id": COMPANY,
        "vendor_name": "บริษัท ทดสอบ จำกัด",
    }
    fields.update(overrides)
    return services.procurement_create(agency=agency, acting_user=user, **fields)


def publish(agency: Agency, user: User, *rows: Procurement) -> None:
    services.procurement_publish_many(agency=agency, acting_user=user, ids=[r.pk for r in rows])


def profile_without_review(agency: Agency, user: User) -> None:
    """Publication without the auditor's gate, for tests about something else."""
    services.settings_update(
        agency=agency, acting_user=user, values={}, require_review_before_publication=False
    )
