"""A citizen uses the E-Service in a real browser, as a new user would: finds the service in the catalogue,
reads its manual, submits the request with an attachment, gets a tracking code (with a QR code), and sees
the first step due on the right working day — moved by a Thai public holiday — and re-sending the same
submission creates nothing new. The pages pass axe-core.

The live server runs in the test's own process, so the E-Service clock (``prongsai.eservice.clock``) is set
for the test and the server alike: Friday 4 December 2026, 10:00 in Bangkok. The first step of the service
takes one working day; without holidays it would be due on Monday 7 December, but that Monday is the
substitution holiday for Father's Day (Saturday 5 December, in prongsai/core/data/holidays/2569.csv), so it
is due on Tuesday 8 December.
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime

import pytest
from django_scopes import scopes_disabled
from PIL import Image

from prongsai.core.models import PublicHoliday, User
from prongsai.core.tenancy import agency_scope
from prongsai.core.thai import BANGKOK
from prongsai.core.workdays import add_working_days
from prongsai.eservice import clock
from prongsai.eservice.demo_catalogue import create_catalogue
from prongsai.eservice.models import RequestFile, ServiceRequest
from tests.e2e.helpers import (
    axe_violations,
    describe_violations,
    duplicate_ids,
    minimal_agency,
    screenshot,
    submit,
)

pytestmark = pytest.mark.browser

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=BANGKOK)
SERVICE = "การลงทะเบียนและยื่นคำขอรับเงินเบี้ยยังชีพผู้สูงอายุ"
HUMAN_PAUSE_MS = 3200  # the citizen forms refuse what is sent faster than a person types


def _photo(tmp_path) -> str:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (20, 90, 160)).save(out, format="PNG")
    path = tmp_path / "บัตรประชาชน.png"
    path.write_bytes(out.getvalue())
    return str(path)


def _fill(page, photo: str) -> None:
    page.get_by_label("ชื่อ-นามสกุลผู้ยื่นคำขอ").fill("นางสมศรี ใจงาม")
    page.get_by_label("หมายเลขโทรศัพท์ที่ติดต่อได้").fill("081-234-5678")
    page.get_by_label("เลขประจำตัวประชาชน").fill("1 3604 00012 34 6")
    page.get_by_label("วันเดือนปีเกิด").fill("1/5/2507")
    page.get_by_label("ที่อยู่ตามทะเบียนบ้าน").fill("12 หมู่ที่ 3 ตำบลวังทอง อำเภอภักดีชุมพล จังหวัดชัยภูมิ 36260")
    page.get_by_label("ช่องทางรับเงิน").select_option(label="โอนเข้าบัญชีเงินฝากธนาคาร")
    page.get_by_label("สำเนาบัตรประจำตัวประชาชน").set_input_files(photo)
    page.get_by_label("ข้าพเจ้าได้อ่านและรับทราบประกาศความเป็นส่วนตัวข้างต้นแล้ว").check()


def test_a_citizen_submits_online_and_the_holiday_moves_the_first_due_date(
    live_server, page, axe_source, artifacts_dir, tmp_path, monkeypatch
):
    monkeypatch.setattr(clock, "now", lambda: NOW)
    agency = minimal_agency()
    admin = User.objects.create_user(username="setup", password="not-used-here-0123")
    with agency_scope(agency):
        create_catalogue(agency, admin, only={"elderly-allowance", "building-permit"})
    with scopes_disabled():
        assert PublicHoliday.objects.filter(date=date(2026, 12, 7)).exists(), "the holiday data is loaded"
        expected = add_working_days(agency, NOW, 1)
    assert expected.date() == date(2026, 12, 8)

    base = live_server.url
    a11y: list[str] = []

    def audit(label: str) -> None:
        a11y.extend(describe_violations(label, axe_violations(page, axe_source)))
        assert duplicate_ids(page) == [], label
        screenshot(page, artifacts_dir, f"eservice-{label}")

    # --- Find the service: home page → E-Service → the manual ---------------------------------------
    page.goto(base + "/")
    page.get_by_role("navigation", name="เมนูหลัก").get_by_role("link", name="E-Service").click()
    page.wait_for_url(re.compile(r"/eservice/$"))
    audit("catalogue")
    page.get_by_role("link", name=SERVICE, exact=True).click()
    page.wait_for_url(re.compile(r"/eservice/services/elderly-allowance/$"))
    manual = page.locator("article.manual")
    assert "ไม่มีค่าธรรมเนียม" in manual.inner_text()
    assert "ตรวจสอบคุณสมบัติและเอกสารหลักฐาน" in manual.inner_text()
    audit("manual")

    # --- Submit with an attachment ------------------------------------------------------------------
    page.locator("article.manual").get_by_role("link", name="ยื่นคำขอออนไลน์").click()
    page.wait_for_url(re.compile(r"/request/$"))
    audit("form")
    photo = _photo(tmp_path)
    _fill(page, photo)
    key = page.locator("input[name=form_token]").input_value()
    page.wait_for_timeout(HUMAN_PAUSE_MS)
    response = submit(page, "ส่งคำขอ")
    assert response.status == 200
    assert re.search(r"/eservice/track/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/$", page.url), page.url
    code = page.locator("#tracking-code").inner_text().strip()
    assert code in page.url
    assert "ได้รับคำขอของท่านแล้ว" in page.locator(".messages").inner_text()
    assert page.get_by_role("img", name="คิวอาร์โค้ดของหน้าติดตามสถานะนี้").evaluate("i => i.naturalWidth") > 0

    # --- The first step is due on Tuesday 8 December 2569, not on the holiday Monday -----------------
    first = page.locator(".timeline li").first
    assert "ตรวจสอบคุณสมบัติและเอกสารหลักฐาน" in first.inner_text()
    due = first.locator("time")
    assert due.get_attribute("datetime").startswith("2026-12-08T10:00:00")
    assert "8 ธันวาคม 2569 เวลา 10.00 น." in due.inner_text()
    assert "7 ธันวาคม 2569" not in page.locator(".timeline").inner_text()
    # Nothing personal on the public page.
    body = page.inner_text("body")
    for personal in ("สมศรี", "081-234-5678", "1360400012346", "36260"):
        assert personal not in body
    audit("track")

    with scopes_disabled():
        req = ServiceRequest.objects.get()
        assert req.display_code == code
        assert RequestFile.objects.filter(request=req, kind="png").count() == 1

    # --- Re-send the same submission: back to the form, the same form data and key, send again ---------
    page.go_back()
    page.wait_for_url(re.compile(r"/request/$"))
    _fill(page, photo)
    # The form token carries the idempotency key.
    page.evaluate("(key) => { document.querySelector('input[name=form_token]').value = key; }", key)
    response = submit(page, "ส่งคำขอ")
    assert response.status == 200
    assert page.locator("#tracking-code").inner_text().strip() == code
    assert "ไม่ได้สร้างคำขอซ้ำ" in page.locator(".messages").inner_text()
    with scopes_disabled():
        assert ServiceRequest.objects.count() == 1
        assert RequestFile.objects.count() == 1

    # --- The tracking page can be found again from the catalogue with the code ---------------------
    page.goto(base + "/eservice/")
    page.get_by_label("ติดตามสถานะคำขอ").fill(code.lower())
    page.get_by_role("button", name="ติดตาม", exact=True).click()
    page.wait_for_url(re.compile(rf"/eservice/track/{code}/$"))

    # --- The statistics page counts it under E-Service ------------------------------------------------
    page.goto(base + "/eservice/statistics/?fy=2570")
    assert page.locator("svg.chart").count() == 2
    audit("statistics")

    assert not a11y, "Accessibility problems in the E-Service:\n" + "\n".join(a11y)
