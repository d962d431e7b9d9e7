"""The editable numbers behind procurement rules and red flags, with their defaults.

Legal amounts are marked [M] in the domain notes (from memory, not yet checked against the ministerial
regulation), so none of them is written into logic: code reads them through ``parameters_for(agency)``,
and an agency's administrator or internal auditor corrects them on the settings page
(``ProcurementParameter`` rows override these defaults).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _

from prongsai.core.models import Agency


@dataclass(frozen=True)
class Definition:
    key: str
    default: Decimal
    label: Any  # a lazy translation
    help: Any
    group: str  # "law" or "flags"


SPECIFIC_METHOD_LIMIT = "specific_method_limit"
PLAN_REQUIRED_ABOVE = "plan_required_above"
PLAN_PUBLISH_WITHIN_DAYS = "plan_publish_within_days"
NEAR_REFERENCE_PERCENT = "near_reference_percent"
NEAR_REFERENCE_MIN_AMOUNT = "near_reference_min_amount"
SPLIT_WINDOW_DAYS = "split_window_days"
SPLIT_MIN_CONTRACTS = "split_min_contracts"
VENDOR_SHARE_PERCENT = "vendor_share_percent"
REPEAT_SPECIFIC_COUNT = "repeat_specific_count"

DEFINITIONS: tuple[Definition, ...] = (
    Definition(
        SPECIFIC_METHOD_LIMIT,
        Decimal("500000"),
        _("วงเงินสูงสุดที่ใช้วิธีเฉพาะเจาะจงได้ (บาท)"),
        _(
            "ตามกฎกระทรวงกำหนดวงเงินการจัดซื้อจัดจ้างพัสดุโดยวิธีเฉพาะเจาะจง ฯ พ.ศ. 2560 (ม.56(2)(ข)) "
            "ใช้ตรวจการแบ่งซื้อแบ่งจ้าง"
        ),
        "law",
    ),
    Definition(
        PLAN_REQUIRED_ABOVE,
        Decimal("500000"),
        _("วงเงินที่ต้องแสดงในแผนการจัดซื้อจัดจ้างที่เผยแพร่ (เกิน … บาท)"),
        _("ถ้าไม่มีรายการใดเกินวงเงินนี้ ระบบจะแสดงประกาศว่าไม่มีการจัดซื้อจัดจ้างที่มีวงเงินเกินกำหนด"),
        "law",
    ),
    Definition(
        PLAN_PUBLISH_WITHIN_DAYS,
        Decimal("30"),
        _("ต้องเผยแพร่แผนภายใน (วัน นับจากวันที่ได้รับอนุมัติงบประมาณ)"),
        _("ใช้แสดงว่าเผยแพร่แผนภายในกำหนดหรือไม่"),
        "law",
    ),
    Definition(
        NEAR_REFERENCE_PERCENT,
        Decimal("1"),
        _("ราคาที่ตกลงห่างจากราคากลางไม่เกิน (ร้อยละ)"),
        _("ราคาที่ตกลงใกล้ราคากลางมากผิดปกติอาจบ่งชี้ว่าราคากลางรั่วไหลหรือไม่มีการแข่งขันจริง"),
        "flags",
    ),
    Definition(
        NEAR_REFERENCE_MIN_AMOUNT,
        Decimal("100000"),
        _("ตรวจราคาใกล้ราคากลางเฉพาะรายการที่มีราคากลางตั้งแต่ (บาท)"),
        _("รายการเล็กที่ซื้อตามราคากลางเป็นเรื่องปกติ จึงไม่ตรวจรายการที่ต่ำกว่าวงเงินนี้"),
        "flags",
    ),
    Definition(
        SPLIT_WINDOW_DAYS,
        Decimal("30"),
        _("ช่วงเวลาที่ใช้ตรวจการแบ่งซื้อแบ่งจ้าง (วัน)"),
        _("สัญญากับผู้ประกอบการรายเดียวกัน ประเภทเดียวกัน ที่ลงนามห่างกันไม่เกินจำนวนวันนี้ถือเป็นกลุ่มเดียวกัน"),
        "flags",
    ),
    Definition(
        SPLIT_MIN_CONTRACTS,
        Decimal("2"),
        _("จำนวนสัญญาขั้นต่ำในกลุ่มที่ถือว่าอาจแบ่งซื้อแบ่งจ้าง"),
        _("แต่ละสัญญาต่ำกว่าวงเงินวิธีเฉพาะเจาะจง แต่รวมกันเกิน"),
        "flags",
    ),
    Definition(
        VENDOR_SHARE_PERCENT,
        Decimal("30"),
        _("สัดส่วนมูลค่าสัญญาของผู้ประกอบการรายเดียวในปี (ร้อยละ) ที่ถือเป็นข้อสังเกต"),
        _("คิดจากราคาที่ตกลงซื้อหรือจ้างรวมทั้งปีงบประมาณ ไม่รวมรายการที่ยกเลิก"),
        "flags",
    ),
    Definition(
        REPEAT_SPECIFIC_COUNT,
        Decimal("5"),
        _("จำนวนครั้งที่ผู้ประกอบการรายเดียวได้รับคัดเลือกโดยวิธีเฉพาะเจาะจงในปีที่ถือเป็นข้อสังเกต"),
        _("การได้รับคัดเลือกโดยไม่มีการแข่งขันซ้ำหลายครั้งควรได้รับการทบทวน"),
        "flags",
    ),
)

BY_KEY = {d.key: d for d in DEFINITIONS}


def defaults() -> dict[str, Decimal]:
    return {d.key: d.default for d in DEFINITIONS}


def parameters_for(agency: Agency) -> dict[str, Decimal]:
    """The defaults overridden by the agency's stored values."""
    from prongsai.procurement.models import ProcurementParameter

    values = defaults()
    for key, value in ProcurementParameter.objects.filter(agency=agency).values_list("key", "value"):
        if key in values:
            values[key] = value
    return values
