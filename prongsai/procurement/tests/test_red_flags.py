"""Red flags on the agency's own data, each with its explanation, shown to the internal auditor before
publication; their parameters are editable data."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from conftest import AGENCY_HOST, login_verified
from prongsai.core.models import PublicationStatus
from prongsai.procurement import parameters, selectors, services
from prongsai.procurement.models import Category, Method, Procurement, ProcurementParameter, RedFlagReview
from prongsai.procurement.red_flags import FlagKind
from prongsai.procurement.tests.factories import row, tax_id

OTHER = tax_id("010555099999")


def kinds(agency, fy=2567):
    return {item.flag.kind: item.flag for item in selectors.red_flags(agency, fy)}


def test_an_agreed_price_within_1_percent_of_the_reference_price_in_a_competition(scoped, admin_member):
    near = row(
        scoped,
        admin_member,
        method=Method.E_BIDDING,
        budget=Decimal("2000000"),
        reference_price=Decimal("2000000"),
        agreed_price=Decimal("1994000"),
    )
    row(
        scoped,
        admin_member,
        method=Method.E_BIDDING,
        budget=Decimal("2000000"),
        vendor_tax_id=OTHER,
        vendor_name="อื่น",
        reference_price=Decimal("2000000"),
        agreed_price=Decimal("1800000"),
    )
    # Under the specific method the price normally equals the reference: no flag.
    row(
        scoped,
        admin_member,
        vendor_tax_id=OTHER,
        vendor_name="อื่น",
        budget=Decimal("300000"),
        reference_price=Decimal("300000"),
        agreed_price=Decimal("300000"),
    )
    flags = [i.flag for i in selectors.red_flags(scoped, 2567) if i.flag.kind == FlagKind.NEAR_REFERENCE]
    assert [f.procurement_ids for f in flags] == [(near.pk,)]
    assert flags[0].explanation == (
        "ราคาที่ตกลง 1,994,000.00 บาท ต่างจากราคากลาง 2,000,000.00 บาท เพียงร้อยละ 0.30 (เกณฑ์ไม่เกินร้อยละ 1)"
    )
    assert "ราคากลางรั่วไหล" in flags[0].why


def test_contracts_split_under_the_specific_method_limit(scoped, admin_member):
    parts = [
        row(
            scoped,
            admin_member,
            title=f"ซ่อมถนน ช่วงที่ {n}",
            category=Category.WORKS,
            budget=Decimal(amount),
            reference_price=Decimal(amount),
            agreed_price=Decimal(amount),
            contract_signed_on=day,
            contract_ends_on=date(2024, 9, 30),
        )
        for n, (amount, day) in enumerate(
            [("480000", date(2024, 8, 1)), ("490000", date(2024, 8, 15)), ("470000", date(2024, 8, 29))],
            start=1,
        )
    ]
    # Far in time from the others: not part of the group.
    row(
        scoped,
        admin_member,
        category=Category.WORKS,
        agreed_price=Decimal("400000"),
        budget=Decimal("400000"),
        contract_signed_on=date(2024, 1, 5),
    )
    split = kinds(scoped)[FlagKind.SPLIT]
    assert split.procurement_ids == tuple(p.pk for p in parts)
    assert "ได้รับ 3 สัญญาระหว่าง 1 ส.ค. 2567 ถึง 29 ส.ค. 2567" in split.explanation
    assert "รวมกัน 1,440,000.00 บาท" in split.explanation


def test_one_vendors_share_and_repeated_specific_wins(scoped, admin_member):
    for month in range(1, 6):
        row(
            scoped,
            admin_member,
            title="ซื้อน้ำมัน",
            agreed_price=Decimal("20000"),
            budget=Decimal("20000"),
            contract_signed_on=date(2024, month, 3),
        )
    row(
        scoped,
        admin_member,
        vendor_tax_id=OTHER,
        vendor_name="บริษัท อื่น จำกัด",
        agreed_price=Decimal("10000"),
        budget=Decimal("10000"),
    )
    found = kinds(scoped)
    assert (
        "คิดเป็นร้อยละ 90.91 ของมูลค่าการจัดซื้อจัดจ้างทั้งปี 110,000.00 บาท" in found[FlagKind.VENDOR_SHARE].explanation
    )
    assert "ได้รับคัดเลือกโดยวิธีเฉพาะเจาะจง 5 ครั้งในปีงบประมาณ 2567" in found[FlagKind.REPEAT_SPECIFIC].explanation


def test_dates_out_of_order_and_a_price_above_budget(scoped, admin_member):
    late = row(
        scoped,
        admin_member,
        announced_on=date(2024, 2, 1),
        contract_signed_on=date(2024, 1, 15),
        contract_ends_on=date(2024, 1, 10),
    )
    over = row(
        scoped,
        admin_member,
        vendor_tax_id=OTHER,
        vendor_name="อื่น",
        budget=Decimal("30000"),
        agreed_price=Decimal("31200"),
    )
    found = kinds(scoped)
    assert found[FlagKind.DATES_ORDER].procurement_ids == (late.pk,)
    assert "ลงนามในสัญญาวันที่ 15 ม.ค. 2567 ก่อนวันประกาศ 1 ก.พ. 2567" in found[FlagKind.DATES_ORDER].explanation
    assert "วันสิ้นสุดสัญญา 10 ม.ค. 2567 อยู่ก่อนวันลงนาม 15 ม.ค. 2567" in found[FlagKind.DATES_ORDER].explanation
    assert found[FlagKind.ABOVE_BUDGET].procurement_ids == (over.pk,)
    assert "สูงกว่าวงเงินงบประมาณ 30,000.00 บาท อยู่ 1,200.00 บาท" in found[FlagKind.ABOVE_BUDGET].explanation


def test_the_parameters_are_editable_data(scoped, admin_member):
    for month in range(1, 4):
        row(scoped, admin_member, contract_signed_on=date(2024, month, 3))
    assert FlagKind.REPEAT_SPECIFIC not in kinds(scoped)
    services.settings_update(
        agency=scoped, acting_user=admin_member, values={parameters.REPEAT_SPECIFIC_COUNT: Decimal("3")}
    )
    assert parameters.parameters_for(scoped)[parameters.REPEAT_SPECIFIC_COUNT] == Decimal("3")
    assert FlagKind.REPEAT_SPECIFIC in kinds(scoped)
    # Back to the default: the stored override disappears.
    services.settings_update(
        agency=scoped, acting_user=admin_member, values={parameters.REPEAT_SPECIFIC_COUNT: Decimal("5")}
    )
    assert not ProcurementParameter.objects.exists()


def test_flagged_rows_wait_for_the_auditor_before_publication(scoped, admin_member, auditor):
    flagged = row(scoped, admin_member, budget=Decimal("30000"), agreed_price=Decimal("31000"))
    clean = row(
        scoped,
        admin_member,
        vendor_tax_id=OTHER,
        vendor_name="อื่น",
        agreed_price=Decimal("100"),
        budget=Decimal("100"),
        reference_price=Decimal("100"),
    )
    result = services.procurement_publish_many(
        agency=scoped, acting_user=admin_member, ids=[flagged.pk, clean.pk]
    )
    assert result.published == 1 and flagged.pk in result.held_back
    flagged.refresh_from_db()
    assert flagged.status == PublicationStatus.DRAFT
    flag = kinds(scoped)[FlagKind.ABOVE_BUDGET]
    with pytest.raises(ValidationError):
        services.red_flag_review(
            agency=scoped, acting_user=auditor, kind=flag.kind, key=flag.key, fiscal_year=2567, note=" "
        )
    # Every flag the row is part of (here also the vendor's share of the year) must be reviewed.
    for item in selectors.red_flags(scoped, 2567):
        services.red_flag_review(
            agency=scoped,
            acting_user=auditor,
            kind=item.flag.kind,
            key=item.flag.key,
            fiscal_year=2567,
            note="ตรวจแล้ว",
        )
    assert RedFlagReview.objects.filter(reviewed_by=auditor).count() == len(selectors.red_flags(scoped, 2567))
    result = services.procurement_publish_many(agency=scoped, acting_user=admin_member, ids=[flagged.pk])
    assert result.published == 1 and result.held_back == []


def test_only_the_auditor_sees_the_flags_page_and_reviews_through_it(
    agency, admin_member, auditor, staff_client, in_scope
):
    with in_scope(agency):
        row(agency, admin_member, budget=Decimal("30000"), agreed_price=Decimal("31000"))
    assert staff_client.get("/procurement/staff/red-flags/?fy=2567").status_code == 403
    client = login_verified(Client(HTTP_HOST=AGENCY_HOST), auditor)
    page = client.get("/procurement/staff/red-flags/?fy=2567").content.decode()
    assert "ราคาสูงกว่าวงเงินงบประมาณ" in page and "ยังไม่เผยแพร่" in page
    with in_scope(agency):
        flag = kinds(agency)[FlagKind.ABOVE_BUDGET]
    missing_note = client.post(
        "/procurement/staff/red-flags/review/",
        {"kind": flag.kind, "key": flag.key, "fiscal_year": 2567, "note": ""},
        follow=True,
    )
    assert "กรุณาบันทึกความเห็น" in missing_note.content.decode()
    client.post(
        "/procurement/staff/red-flags/review/",
        {"kind": flag.kind, "key": flag.key, "fiscal_year": 2567, "note": "ตรวจแล้ว"},
    )
    with in_scope(agency):
        assert RedFlagReview.objects.filter(note="ตรวจแล้ว").exists()
    bogus = client.post(
        "/procurement/staff/red-flags/review/",
        {"kind": "split", "key": "999", "fiscal_year": 2567, "note": "x"},
        follow=True,
    )
    assert "ไม่พบข้อสังเกตนี้" in bogus.content.decode()


def test_an_agencys_flags_see_only_its_own_rows(scoped, admin_member, other_agency, in_scope):
    row(scoped, admin_member, budget=Decimal("30000"), agreed_price=Decimal("31000"))
    with in_scope(other_agency):
        assert selectors.red_flags(other_agency, 2567) == []
        assert not Procurement.objects.exists()
