"""No Gift and corruption risk in a real browser: the public pages are Thai, axe-core clean
(serious/critical) and fit a phone; an officer records a gift above the threshold and is told who decides;
the chief executive decides it from the dashboard."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.e2e.helpers import (
    DESKTOP,
    MOBILE,
    axe_violations,
    describe_violations,
    duplicate_ids,
    horizontal_overflow,
    screenshot,
    seed_demo,
    sign_in,
    submit,
)

pytestmark = pytest.mark.browser


def _check(page, path: str, axe_source: str, artifacts_dir, name: str) -> list[str]:
    problems: list[str] = []
    if page.evaluate("() => document.documentElement.lang") != "th":
        problems.append(f"{path}: <html lang> is not 'th'")
    if duplicates := duplicate_ids(page):
        problems.append(f"{path}: duplicate element ids {duplicates}")
    page.set_viewport_size(DESKTOP)
    problems.extend(describe_violations(path, axe_violations(page, axe_source)))
    screenshot(page, artifacts_dir, f"integrity-{name}-desktop")
    page.set_viewport_size(MOBILE)
    if (overflow := horizontal_overflow(page)) is not None:
        problems.append(f"{path}: wider than a 375px screen: {overflow}")
    page.set_viewport_size(DESKTOP)
    return problems


def test_the_public_no_gift_and_risk_pages_are_thai_accessible_and_fit_a_phone(
    live_server, page, axe_source, artifacts_dir
):
    seed_demo()
    problems: list[str] = []
    response = page.goto(live_server.url + "/no-gift/")
    assert response is not None and response.status == 200
    problems += _check(page, "/no-gift/", axe_source, artifacts_dir, "index")
    links = {
        "declaration": page.get_by_role(
            "link", name="ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่ ประจำปีงบประมาณ พ.ศ. 2567"
        ),
        "report": page.get_by_role("link", name="ปีงบประมาณ 2566 (ทั้งปีงบประมาณ)"),
        "risk": page.get_by_role("link", name="การประเมินความเสี่ยงการทุจริต ประจำปีงบประมาณ พ.ศ. 2567"),
    }
    hrefs = {name: link.get_attribute("href") for name, link in links.items()}
    for name, href in hrefs.items():
        response = page.goto(live_server.url + href)
        assert response is not None and response.status == 200, href
        problems += _check(page, href, axe_source, artifacts_dir, name)
    page.goto(live_server.url + hrefs["report"])
    assert "ไม่มีการรับหรือให้ของขวัญ" in page.content()
    page.goto(live_server.url + hrefs["risk"])
    assert page.locator("figure.risk-matrix > svg").count() == 1
    assert page.get_by_role("heading", name="(3) การจัดซื้อจัดจ้าง").count() == 1
    assert not problems, "Problems on the integrity pages:\n" + "\n".join(problems)


def test_an_officer_records_a_gift_and_the_executive_decides_it(live_server, page):
    seed_demo()
    sign_in(page, live_server.url, "officer")
    page.goto(live_server.url + "/staff/no-gift/gifts/new/")
    page.get_by_label("ลักษณะ").select_option("received")
    page.get_by_label("ชื่อเจ้าหน้าที่ผู้รับหรือผู้ให้").fill("นางสาววิไลวรรณ ศรีสุข")
    page.get_by_label("ชื่อผู้ให้หรือผู้รับภายนอก").fill("บริษัท ทดสอบ จำกัด")
    page.get_by_label("ความสัมพันธ์").select_option("contractor")
    page.get_by_label("โอกาสหรือเทศกาล").fill("ปีใหม่")
    page.get_by_label("สิ่งของหรือประโยชน์").fill("นาฬิกาข้อมือทดสอบ")
    page.get_by_label("มูลค่าโดยประมาณ (บาท)").fill("4500")
    day = timezone.localdate() - timedelta(days=2)
    page.get_by_label("วันที่ได้รับหรือให้").fill(f"{day.day}/{day.month}/{day.year + 543}")
    page.get_by_label("การดำเนินการ").select_option("awaiting")
    response = submit(page, "บันทึก")
    assert response.status == 200
    assert "รอผู้บริหาร (หัวหน้าหน่วยงาน) วินิจฉัย" in page.content()
    assert page.get_by_role("button", name="ปิดเรื่อง").count() == 0

    page.context.clear_cookies()
    sign_in(page, live_server.url, "executive")
    page.goto(live_server.url + "/staff/no-gift/")
    with page.expect_navigation():
        page.get_by_role("link", name="นาฬิกาข้อมือทดสอบ").click()
    page.locator("#id_decision").select_option("return")
    page.locator("#id_reason").fill("มูลค่าเกินหลักเกณฑ์ ให้ส่งคืนผู้ให้")
    response = submit(page, "บันทึกคำวินิจฉัย")
    assert response.status == 200
    assert "ปิดเรื่องแล้ว" in page.content() and "ให้ส่งคืนผู้ให้" in page.content()
