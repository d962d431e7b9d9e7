"""The ethics acknowledgement in a real browser: the head sees the officer among those who have not yet
acknowledged the codes of ethics; the officer reads the codes and the Dos & Don'ts and acknowledges; the
head then sees the officer among those who have."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.e2e.helpers import axe_violations, describe_violations, screenshot, seed_demo, sign_in, submit

pytestmark = pytest.mark.browser

OFFICER_NAME = "วิไลวรรณ ศรีสุข"


def _pending(page) -> str:
    return page.locator("#pending").inner_text()


def test_an_officer_acknowledges_the_codes_and_the_head_sees_who_has_not(
    live_server, browser, page, axe_source, artifacts_dir
):
    seed_demo()
    base = live_server.url
    a11y: list[str] = []

    def audit(label: str, on=page) -> None:
        a11y.extend(describe_violations(label, axe_violations(on, axe_source)))
        screenshot(on, artifacts_dir, f"people-{label}")

    # The head stays signed in in a browser of their own (a TOTP code is accepted only once).
    head_context = browser.new_context(
        locale="th-TH", bypass_csp=True, viewport={"width": 1280, "height": 900}
    )
    head = head_context.new_page()
    sign_in(head, base, "head")
    head.goto(base + "/staff/people/acknowledgements/")
    assert OFFICER_NAME in _pending(head)
    audit("acknowledgements-before", head)

    sign_in(page, base, "officer")
    page.get_by_role("navigation", name="เมนูเจ้าหน้าที่").get_by_role("link", name="บุคลากรและจริยธรรม").click()
    page.wait_for_url(f"{base}/staff/people/")
    assert "ผู้ที่ติดตามว่าใครยังไม่ได้รับทราบประมวลจริยธรรม คือ หัวหน้าส่วนราชการ หรือ ผู้บริหาร" in page.content()
    audit("officer-home")
    page.get_by_role("link", name="อ่านและรับทราบ").click()
    page.wait_for_url(f"{base}/staff/people/acknowledge/")
    assert "ประมวลจริยธรรมพนักงานส่วนท้องถิ่น" in page.locator("main").inner_text()
    assert "ไม่รับของขวัญ" in page.locator("main").inner_text()
    audit("acknowledge")
    response = submit(page, "ข้าพเจ้ารับทราบ")
    assert response.status == 200
    assert urlsplit(page.url).path == "/staff/people/acknowledge/"
    assert "บันทึกการรับทราบประมวลจริยธรรมและแนวปฏิบัติเรียบร้อยแล้ว" in page.locator(".messages").inner_text()
    assert page.locator("#acknowledged").is_visible()

    head.reload()
    assert OFFICER_NAME not in _pending(head)
    assert OFFICER_NAME in head.locator("#done").inner_text()
    audit("acknowledgements-after", head)
    head_context.close()
    assert a11y == [], "\n".join(a11y)
