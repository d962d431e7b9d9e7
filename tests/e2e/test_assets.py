"""Government property in a real browser: an officer asks to borrow a laptop, a private-use request and a
clash are refused in Thai, the head of division approves, the item is handed over and returned; an overdue
loan shows its notice; the stock-take committee checks every item on a 390 px phone screen and the exported
report's totals equal the register."""

from __future__ import annotations

import io
import re
import uuid
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from prongsai.assets import selectors, services
from prongsai.assets.models import Classification, FundSource, Loan
from prongsai.core.demo import DEMO_PASSWORD
from prongsai.core.models import User
from prongsai.core.roles import Role
from prongsai.core.tenancy import agency_scope
from prongsai.core.tests import factories as core_factories
from prongsai.core.thai import BANGKOK
from prongsai.reports.registry import Params, export
from tests.e2e.conftest import CHROMIUM_ARGS  # noqa: F401 - same browser set-up as the other modules
from tests.e2e.helpers import minimal_agency, screenshot, sign_in, submit

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def _thai(day: date) -> str:
    return f"{day.day}/{day.month}/{day.year + 543}"


def _people(agency):
    people = {}
    for username, role in [
        ("officer", Role.OFFICER),
        ("head", Role.HEAD_OF_DIVISION),
        ("executive", Role.EXECUTIVE),
        ("committee", Role.INTEGRITY_COMMITTEE),
    ]:
        user = core_factories.member(agency, username, role)
        user.set_password(DEMO_PASSWORD)
        user.first_name = username
        user.save()
        people[username] = user
    return people


def _register(agency, people, count: int = 5):
    with agency_scope(agency):
        unit = core_factories.org_unit(agency, people["officer"], name_th="สำนักปลัด")
        kind = services.asset_type_save(
            agency=agency,
            acting_user=people["officer"],
            code="416",
            name_th="เครื่องคอมพิวเตอร์",
            classification=Classification.COMPUTER,
            useful_life_years=5,
        )
        return [
            services.asset_register(
                agency=agency,
                acting_user=people["officer"],
                asset_type=kind,
                name=f"เครื่องคอมพิวเตอร์โน้ตบุ๊ก เครื่องที่ {n}",
                acquired_on=date(2023, 11, 1),
                price=Decimal("22000"),
                fund_source=FundSource.OWN_BUDGET,
                location="ห้องสำนักปลัด",
                custodian_unit=unit,
                custodian=people["officer"],
                lendable=True,
            )
            for n in range(1, count + 1)
        ]


def test_a_loan_goes_through_approval_hand_over_and_return_and_bad_requests_are_refused_in_thai(
    live_server, browser, artifacts_dir
):
    agency = minimal_agency()
    people = _people(agency)
    items = _register(agency, people)
    base = live_server.url
    today = services.today_local()

    officer = browser.new_context(locale="th-TH", viewport={"width": 1280, "height": 900}).new_page()
    sign_in(officer, base, "officer")
    officer.goto(base + "/staff/assets/loans/new/")
    officer.get_by_label("ครุภัณฑ์ที่ขอยืม").select_option(value=str(items[0].pk))
    officer.get_by_label("เหตุผลและงานที่จะใช้").fill("นำเสนอแผนพัฒนาท้องถิ่นในการประชุมประชาคม")
    officer.get_by_label("ใช้ภายในสถานที่ราชการ").check()
    officer.get_by_label("ยืมตั้งแต่วันที่").fill(_thai(today))
    officer.get_by_label("กำหนดส่งคืน").fill(_thai(today + timedelta(days=2)))
    # Private use is not among the choices; a tampered form is refused with a Thai sentence.
    assert "ส่วนตัว" not in officer.get_by_label("ลักษณะการใช้").inner_text()
    officer.evaluate(
        "() => { const s = document.querySelector('#id_purpose');"
        " s.add(new Option('private', 'private')); s.value = 'private'; }"
    )
    response = submit(officer, "ส่งคำขอยืม")
    assert response.status == 400
    assert "ห้ามยืมไปใช้ประโยชน์ส่วนตัว" in officer.locator("main").inner_text()
    officer.get_by_label("ลักษณะการใช้").select_option(value="official")
    response = submit(officer, "ส่งคำขอยืม")
    assert response.status == 200
    assert re.search(r"/staff/assets/loans/\d+/$", officer.url)
    assert "รอหัวหน้าส่วนราชการที่ดูแลครุภัณฑ์ (สำนักปลัด) อนุมัติ" in officer.locator("#next-step").inner_text()
    loan_url = officer.url
    screenshot(officer, artifacts_dir, "assets-loan-requested")

    # The same item on overlapping days: refused, and what was typed is still there.
    officer.goto(base + "/staff/assets/loans/new/")
    officer.get_by_label("ครุภัณฑ์ที่ขอยืม").select_option(value=str(items[0].pk))
    officer.get_by_label("ลักษณะการใช้").select_option(value="official")
    officer.get_by_label("เหตุผลและงานที่จะใช้").fill("อบรมอาสาสมัคร")
    officer.get_by_label("ใช้ภายในสถานที่ราชการ").check()
    officer.get_by_label("ยืมตั้งแต่วันที่").fill(_thai(today + timedelta(days=1)))
    officer.get_by_label("กำหนดส่งคืน").fill(_thai(today + timedelta(days=1)))
    response = submit(officer, "ส่งคำขอยืม")
    assert response.status == 400
    assert "ถูกจองหรือยืมไว้แล้ว" in officer.locator("main").inner_text()
    assert officer.get_by_label("เหตุผลและงานที่จะใช้").input_value() == "อบรมอาสาสมัคร"

    head = browser.new_context(locale="th-TH").new_page()
    sign_in(head, base, "head")
    head.goto(loan_url)
    head.get_by_label("ความเห็น").first.fill("อนุมัติตามเสนอ")
    head.locator("#id_approve-confirm").check()
    assert submit(head, "อนุมัติ").status == 200
    assert "อนุมัติแล้ว" in head.locator("#loan-status").inner_text()

    officer.goto(loan_url)
    assert "ส่งมอบครุภัณฑ์ในวันเริ่มยืม" in officer.locator("#next-step").inner_text()
    assert submit(officer, "บันทึกการส่งมอบ").status == 200
    officer.get_by_label("สภาพเมื่อรับคืน").select_option(value="good")
    assert submit(officer, "บันทึกการรับคืน").status == 200
    assert "คืนแล้ว" in officer.locator("#loan-status").inner_text()

    # An item out past its due date: the daily job sends its notice, and the page shows it.
    asked = datetime.combine(today - timedelta(days=10), datetime.min.time(), tzinfo=BANGKOK)
    with agency_scope(agency):
        late, _new = services.loan_request(
            agency=agency,
            acting_user=people["officer"],
            idempotency_key=uuid.uuid4(),
            asset=items[1],
            purpose=Loan.Purpose.OFFICIAL,
            reason="ออกหน่วยบริการเคลื่อนที่",
            place=Loan.Place.PREMISES,
            starts_on=asked.date(),
            due_on=asked.date() + timedelta(days=2),
            requested_at=asked,
        )
        services.loan_approve(loan=late, acting_user=people["head"], at=asked + timedelta(hours=1))
        services.loan_hand_over(loan=late, acting_user=people["officer"], at=asked + timedelta(hours=2))
        assert services.loans_notify_overdue(agency=agency).notified == 1
    officer.goto(f"{base}/staff/assets/loans/{late.pk}/")
    assert "เกินกำหนดส่งคืน" in officer.locator("#next-step").inner_text()
    assert "แจ้งเตือนเกินกำหนดเมื่อ" in officer.locator("main").inner_text()
    screenshot(officer, artifacts_dir, "assets-loan-overdue")


def test_the_committee_checks_every_item_on_a_phone_and_the_report_totals_equal_the_register(
    live_server, browser, artifacts_dir
):
    agency = minimal_agency()
    people = _people(agency)
    items = _register(agency, people, count=4)
    year = 2567
    with agency_scope(agency):
        stocktake = services.stocktake_appoint(
            agency=agency,
            acting_user=people["executive"],
            fiscal_year=year,
            committee=[people["committee"]],
            order_reference="298/2567",
            appointed_on=date(2024, 9, 20),
        )
    base = live_server.url
    phone = browser.new_context(locale="th-TH", viewport=PHONE, is_mobile=True).new_page()
    sign_in(phone, base, "committee")
    phone.goto(f"{base}/staff/assets/stocktakes/{stocktake.pk}/")
    results = ["good", "good", "damaged", "lost"]
    for item, result in zip(items, results, strict=True):
        card = phone.locator(".check-item", has_text=item.code)
        card.get_by_label({"good": "ใช้งานได้ปกติ", "damaged": "ชำรุด", "lost": "สูญไป"}[result]).check()
        if result != "good":
            card.get_by_label("หมายเหตุ").fill("ตรวจพบระหว่างตรวจนับ")
        with phone.expect_navigation():
            card.get_by_role("button", name=f"บันทึกผล {item.code}").click()
        assert phone.locator(".check-item", has_text=item.code).count() == 0
    width = phone.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways on a phone ({width}px)"
    assert "ตรวจแล้ว 4 จาก 4 รายการ" in phone.locator("#progress").inner_text()
    screenshot(phone, artifacts_dir, "assets-stocktake-phone")
    assert submit(phone, "รายงานผลการตรวจสอบ").status == 200
    assert "รายงานผลแล้ว" in phone.locator("#stocktake-status").inner_text()

    with agency_scope(agency):
        register = selectors.register_totals(agency)
        book = load_workbook(
            io.BytesIO(
                export(agency=agency, identifier="asset-stocktake", params=Params(year), fmt="xlsx").content
            )
        )
    summary = {r[0]: r[1] for r in book["สรุป"].iter_rows(min_row=2, values_only=True) if r[0]}
    listed = [r[1] for r in book["รายการ"].iter_rows(values_only=True) if str(r[1] or "").startswith("416-")]
    assert sorted(listed) == sorted(i.code for i in items)
    assert str(summary["รวม"]) == str(sum(register.values())) == "4"
    assert str(summary["ชำรุด"]) == str(register["damaged"]) == "1"
    assert str(summary["สูญไป"]) == str(register["lost"]) == "1"
    assert User.objects.filter(username="committee").exists()
