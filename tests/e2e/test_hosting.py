"""A hosting operator in a real browser: it creates an agency, the agency's administrator accepts the
invitation (password, then an authenticator) and publishes a news item on the new host, and the operator's
dashboard shows it; the pages pass axe-core and fit a 390 px phone."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from prongsai.core.demo import DEMO_PASSWORD
from tests.e2e.helpers import (
    axe_violations,
    current_totp,
    describe_violations,
    horizontal_overflow,
    screenshot,
    seed_demo,
    submit,
)

pytestmark = pytest.mark.browser

NEWS_TITLE = "หนองบัวเปิดเว็บไซต์ใหม่ พร้อมช่องทางบริการประชาชนออนไลน์"
NEW_PASSWORD = "หนองบัว-ตั้งรหัสผ่าน-2570"


def _code_of_pending_device(username: str) -> str:
    device = TOTPDevice.objects.get(user__username=username, confirmed=False)
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):0{device.digits}d}"


def test_operator_onboards_an_agency_whose_administrator_publishes_news(
    live_server, browser, page, axe_source, artifacts_dir
):
    seed_demo()
    base = live_server.url
    port = urlsplit(base).port
    a11y: list[str] = []

    def audit(on: object, label: str) -> None:
        a11y.extend(describe_violations(label, axe_violations(on, axe_source)))
        screenshot(on, artifacts_dir, f"hosting-{label}")

    # --- The province office signs in and lands on its dashboard ------------------------------------
    page.goto(base + "/accounts/login/")
    page.get_by_label("ชื่อผู้ใช้").fill("province")
    page.get_by_label("รหัสผ่าน").fill(DEMO_PASSWORD)
    submit(page, "เข้าสู่ระบบ")
    page.get_by_label("รหัสยืนยัน 6 หลัก").fill(current_totp("province"))
    response = submit(page, "ยืนยัน")
    assert response.status == 200
    assert urlsplit(page.url).path == "/hosting/", page.url
    assert page.get_by_role("heading", level=1).inner_text() == "ภาพรวมหน่วยงานในความดูแล"
    table = page.locator("#table-title + .table-wrap")
    assert "องค์การบริหารส่วนตำบลวังทอง" in table.inner_text()
    assert "องค์การบริหารส่วนตำบลแหลมทอง" in table.inner_text()
    assert page.locator("svg[role=group]").count() == 1
    audit(page, "dashboard")

    # --- It creates a new agency ----------------------------------------------------------------------
    page.get_by_role("navigation", name="เมนูผู้ให้บริการระบบ").get_by_role("link", name="เพิ่มหน่วยงาน").click()
    page.wait_for_url(re.compile(r"/hosting/agencies/new/$"))
    audit(page, "agency-new")
    page.locator("#id_name_th").fill("องค์การบริหารส่วนตำบลหนองบัว")
    page.locator("#id_short_name_th").fill("อบต.หนองบัว")
    page.locator("#id_kind").select_option("sao")
    page.locator("#id_code").fill("nongbua")
    page.locator("#id_district").fill("ภักดีชุมพล")
    page.locator("#id_hosts").fill("nongbua.localhost")
    page.locator("#id_brand_colour").fill("#0a5c36")
    page.locator("#id_admin_first_name").fill("สมหญิง")
    page.locator("#id_admin_last_name").fill("ใจงาม")
    page.locator("#id_admin_username").fill("nongbua.admin")
    page.locator("#id_admin_email").fill("admin@nongbua.example")
    response = submit(page, "สร้างหน่วยงาน")
    assert response.status == 200
    link = page.locator("[data-invitation-link]").input_value()
    assert link.startswith(f"http://nongbua.localhost:{port}/accounts/invitation/"), link
    audit(page, "agency-created")

    # --- Its administrator accepts the invitation in their own browser ------------------------------
    admin_context = browser.new_context(
        locale="th-TH", bypass_csp=True, viewport={"width": 390, "height": 844}
    )
    admin_context.set_default_timeout(15_000)
    try:
        admin = admin_context.new_page()
        response = admin.goto(link)
        assert response is not None and response.status == 200
        assert "nongbua.admin" in admin.locator("main").inner_text()
        audit(admin, "invitation")
        admin.locator("#id_new_password1").fill(NEW_PASSWORD)
        admin.locator("#id_new_password2").fill(NEW_PASSWORD)
        response = submit(admin, "ตั้งรหัสผ่าน")
        assert response.status == 200
        assert urlsplit(admin.url).path == "/accounts/two-factor/", admin.url
        admin.get_by_label("รหัสยืนยัน 6 หลัก").fill(_code_of_pending_device("nongbua.admin"))
        response = submit(admin, "ยืนยันและเข้าสู่ระบบ")
        assert response.status == 200
        assert urlsplit(admin.url) == urlsplit(f"http://nongbua.localhost:{port}/staff/"), admin.url

        # --- ... and publishes a news item on the new host ----------------------------------------------
        admin.goto(f"http://nongbua.localhost:{port}/staff/news/new/")
        admin.get_by_label("หมวด").select_option(label="ข่าวประชาสัมพันธ์")
        admin.get_by_label("หัวข้อข่าว").fill(NEWS_TITLE)
        admin.get_by_label("เนื้อหา").fill("องค์การบริหารส่วนตำบลหนองบัวเปิดใช้เว็บไซต์ใหม่แล้ว")
        response = submit(admin, "บันทึก")
        assert response.status == 200
        response = submit(admin, "เผยแพร่ข่าวนี้")
        assert response.status == 200
        assert "เผยแพร่ข่าวเรียบร้อยแล้ว" in admin.locator(".messages").inner_text()
        response = admin.goto(f"http://nongbua.localhost:{port}/news/")
        assert response is not None and response.status == 200
        assert NEWS_TITLE in admin.locator("main").inner_text()
        assert "องค์การบริหารส่วนตำบลหนองบัว" in admin.locator(".brand-name").inner_text()
    finally:
        admin_context.close()

    # --- The operator's dashboard shows the new agency and its news -----------------------------------
    page.goto(base + "/hosting/")
    row = page.locator("#agency-nongbua")
    assert "องค์การบริหารส่วนตำบลหนองบัว" in row.inner_text()
    news_cell = row.locator("td").nth(6)
    assert news_cell.inner_text().startswith("1"), news_cell.inner_text()
    page.set_viewport_size({"width": 390, "height": 844})
    assert horizontal_overflow(page) is None, horizontal_overflow(page)
    audit(page, "dashboard-390")

    assert not a11y, "\n".join(a11y)


def test_operator_sets_the_ocds_prefix_its_agencies_publish_under(
    live_server, page, axe_source, artifacts_dir
):
    seed_demo()
    base = live_server.url
    page.goto(base + "/accounts/login/")
    page.get_by_label("ชื่อผู้ใช้").fill("province")
    page.get_by_label("รหัสผ่าน").fill(DEMO_PASSWORD)
    submit(page, "เข้าสู่ระบบ")
    page.get_by_label("รหัสยืนยัน 6 หลัก").fill(current_totp("province"))
    submit(page, "ยืนยัน")
    page.get_by_role("navigation", name="เมนูผู้ให้บริการระบบ").get_by_role(
        "link", name="การตั้งค่าผู้ให้บริการระบบ"
    ).click()
    page.wait_for_url(re.compile(r"/hosting/settings/$"))
    field = page.get_by_label("คำนำหน้ารหัส OCDS ที่ลงทะเบียนไว้")
    assert field.input_value() == "ocds-demo67"  # the demo operator's demo value

    # A malformed prefix is refused in Thai and what was typed stays in the field.
    field.fill("ocds-12345")
    response = submit(page, "บันทึก")
    assert response.status == 400
    assert "ocds- ตามด้วยอักษรภาษาอังกฤษตัวเล็กหรือตัวเลขรวม 6 ตัว" in page.locator("main").inner_text()
    assert page.get_by_label("คำนำหน้ารหัส OCDS ที่ลงทะเบียนไว้").input_value() == "ocds-12345"
    page.set_viewport_size({"width": 390, "height": 844})
    assert horizontal_overflow(page) is None, horizontal_overflow(page)
    problems = describe_violations("hosting-settings-error", axe_violations(page, axe_source))
    screenshot(page, artifacts_dir, "hosting-settings-error-390")

    page.get_by_label("คำนำหน้ารหัส OCDS ที่ลงทะเบียนไว้").fill("ocds-pr0v01")
    response = submit(page, "บันทึก")
    assert response.status == 200
    table = page.locator("table").inner_text()
    assert "ocds-pr0v01-wangthong-<เลขที่โครงการ>" in table and "ocds-pr0v01-laemthong-<เลขที่โครงการ>" in table
    assert horizontal_overflow(page) is None, horizontal_overflow(page)
    problems += describe_violations("hosting-settings", axe_violations(page, axe_source))

    # The agency's public OCDS page uses it at once.
    page.goto(base + "/procurement/ocds/")
    assert "ocds-pr0v01-wangthong" in page.locator("main").inner_text()
    assert not problems, "\n".join(problems)
