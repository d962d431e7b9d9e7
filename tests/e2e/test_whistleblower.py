"""The corruption-reporting channel in a real browser: a reporter submits with evidence, comes back in a fresh
browser with the receipt typed in Thai digits, and exchanges messages with a committee member who signs in
with password + TOTP and unlocks their key. Every channel page passes axe-core and sends no-store headers."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from prongsai.core.thai import to_thai_digits
from prongsai.whistleblower.demo import DEMO_KEY_PASSPHRASE
from prongsai.whistleblower.tests.conftest import pdf_bytes
from tests.e2e.helpers import (
    axe_violations,
    describe_violations,
    duplicate_ids,
    screenshot,
    seed_demo,
    sign_in,
    submit,
)

pytestmark = pytest.mark.browser

WHAT = "หัวหน้าส่วนเรียกรับเงินจากผู้รับเหมาก่อนตรวจรับงานถนน หมู่ 7 (ทดสอบระบบ)"
QUESTION = "ขอทราบช่วงเวลาที่เกิดเหตุโดยประมาณ"
ANSWER = "ประมาณสัปดาห์แรกของเดือนมีนาคม"


def test_reporter_and_committee_exchange_messages_through_the_receipt(
    browser, live_server, axe_source, artifacts_dir, tmp_path
):
    seed_demo()
    base = live_server.url
    problems: list[str] = []

    def audit(page, label: str) -> None:
        problems.extend(describe_violations(label, axe_violations(page, axe_source)))
        if dupes := duplicate_ids(page):
            problems.append(f"{label}: duplicate ids {dupes}")
        screenshot(page, artifacts_dir, f"whistleblower-{label}")

    # --- The reporter, from the agency's home page ---------------------------------------------------
    reporter_ctx = browser.new_context(locale="th-TH", bypass_csp=True)
    reporter = reporter_ctx.new_page()
    reporter.goto(base + "/")
    reporter.get_by_role("navigation", name="เมนูหลัก").get_by_role("link", name="แจ้งเบาะแสการทุจริต").click()
    reporter.wait_for_url(re.compile(r"/integrity/$"))
    audit(reporter, "landing")
    with reporter.expect_navigation() as nav:
        reporter.get_by_role("main").get_by_role("link", name="แจ้งเบาะแส", exact=True).first.click()
    response = nav.value
    assert response.status == 200
    assert "no-store" in response.headers["cache-control"]
    assert response.headers["referrer-policy"] == "no-referrer"
    audit(reporter, "report-form")

    reporter.get_by_label("เกิดอะไรขึ้น").fill(WHAT)
    reporter.get_by_label("ผู้เกี่ยวข้อง (ชื่อหรือตำแหน่ง)").fill("หัวหน้าส่วนโยธา")
    reporter.get_by_label("เกิดขึ้นเมื่อใด").fill("มีนาคม 2567")
    reporter.get_by_label("ท่านทราบเรื่องนี้อย่างไร").select_option("witnessed")
    evidence = tmp_path / "ใบตรวจรับ.pdf"
    evidence.write_bytes(pdf_bytes("inspection report"))
    reporter.locator("#id_evidence").set_input_files(str(evidence))
    response = submit(reporter, "แจ้งเรื่อง")
    assert response.status == 200, response.status
    assert urlsplit(reporter.url).path == "/integrity/report/done/"
    receipt = reporter.locator("#receipt").inner_text().replace(" ", "")
    assert re.fullmatch(r"\d{16}", receipt), receipt
    audit(reporter, "receipt")
    reporter.reload()
    assert reporter.locator("#receipt").count() == 0, "the receipt is shown once"
    reporter_ctx.close()

    # --- The reporter comes back later, in a fresh browser, typing the receipt in Thai digits ------
    back_ctx = browser.new_context(locale="th-TH", bypass_csp=True)
    back = back_ctx.new_page()
    back.goto(base + "/integrity/follow-up/")
    audit(back, "follow-up-sign-in")
    typed = to_thai_digits(f"{receipt[:4]} {receipt[4:8]} {receipt[8:12]} {receipt[12:]}")
    back.get_by_label("เลขรับแจ้ง 16 หลัก").fill(typed)
    response = submit(back, "เปิดดูเรื่อง")
    assert response.status == 200
    assert urlsplit(back.url).path == "/integrity/follow-up/"
    assert "รับเรื่องแล้ว" in back.locator(".wb-status").inner_text()
    assert WHAT in back.inner_text("main")
    assert receipt not in back.url and "report" not in urlsplit(back.url).query

    # --- A committee member signs in, unlocks the key, reads and answers -----------------------------
    staff_ctx = browser.new_context(locale="th-TH", bypass_csp=True)
    staff = staff_ctx.new_page()
    sign_in(staff, base, "committee")
    staff.get_by_role("navigation", name="เมนูเจ้าหน้าที่").get_by_role("link", name="ช่องทางแจ้งเบาะแส").click()
    staff.wait_for_url(re.compile(r"/staff/integrity/$"))
    staff.get_by_role("link", name="ปลดล็อกกุญแจ").click()
    staff.get_by_label("รหัสผ่านกุญแจ").fill(DEMO_KEY_PASSPHRASE)
    response = submit(staff, "ปลดล็อก")
    assert response.status == 200
    audit(staff, "staff-list")
    with staff.expect_navigation():
        staff.get_by_role("link", name="เปิดรายงาน").first.click()
    assert WHAT in staff.inner_text("main")
    assert re.search(r"/staff/integrity/reports/[\w-]+/$", staff.url)
    audit(staff, "staff-report")
    submit(staff, "รับเรื่องไว้พิจารณา")
    staff.get_by_label("ข้อความใหม่").fill(QUESTION)
    response = submit(staff, "ส่งข้อความ")
    assert response.status == 200
    assert "บันทึกเรียบร้อยแล้ว" in staff.locator(".messages").inner_text()

    # --- The reporter reads the question and answers -------------------------------------------------
    back.reload()
    assert QUESTION in back.inner_text("main")
    assert "อยู่ระหว่างพิจารณา" in back.locator(".wb-status").inner_text()
    back.get_by_label("ข้อความถึงคณะทำงาน").fill(ANSWER)
    response = submit(back, "ส่งถึงคณะทำงาน")
    assert response.status == 200
    assert ANSWER in back.inner_text("main")
    audit(back, "follow-up")

    staff.reload()
    assert ANSWER in staff.inner_text("main")

    # --- Leaving clears the reporter's session ---------------------------------------------------------
    submit(back, "ออกจากการติดตามเรื่อง")
    back.goto(base + "/integrity/follow-up/")
    assert back.get_by_label("เลขรับแจ้ง 16 หลัก").count() == 1
    assert WHAT not in back.inner_text("main")

    back_ctx.close()
    staff_ctx.close()
    assert not problems, "Problems on the channel's pages:\n" + "\n".join(problems)
