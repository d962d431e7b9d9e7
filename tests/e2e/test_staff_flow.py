"""A staff member's day in a real browser: password and TOTP sign-in, writing a news item with a phone
photo, publishing it, and the public copy of the photo carrying no location; then a form with bad input."""

from __future__ import annotations

import io
import re
from urllib.parse import urljoin, urlsplit

import pytest
from PIL import Image

from prongsai.core.demo import DEMO_PASSWORD
from prongsai.core.demo_images import activity_photo_jpeg
from tests.e2e.helpers import (
    axe_violations,
    current_totp,
    describe_violations,
    duplicate_ids,
    screenshot,
    seed_demo,
    sign_in,
    submit,
)

pytestmark = pytest.mark.browser

GPS_IFD = 0x8825
TITLE = "ทดสอบระบบ: กิจกรรมปลูกต้นไม้ริมหนองน้ำสาธารณะ หมู่ที่ 5"
PHOTO_TITLE = "ภาพกิจกรรมปลูกต้นไม้"


def test_officer_signs_in_publishes_news_with_a_photo_and_sees_thai_errors(
    live_server, page, axe_source, artifacts_dir, tmp_path
):
    seed_demo()
    base = live_server.url
    a11y: list[str] = []

    def audit(label: str) -> None:
        a11y.extend(describe_violations(label, axe_violations(page, axe_source)))
        screenshot(page, artifacts_dir, f"staff-{label}")

    # --- Sign in: password, then the 6-digit code of the authenticator app ---------------------------
    page.goto(base + "/accounts/login/")
    page.get_by_label("ชื่อผู้ใช้").fill("admin")
    page.get_by_label("รหัสผ่าน").fill(DEMO_PASSWORD)
    response = submit(page, "เข้าสู่ระบบ")
    assert response.status == 200
    assert urlsplit(page.url).path == "/accounts/verify/"
    audit("otp-verify")

    page.get_by_label("รหัสยืนยัน 6 หลัก").fill(current_totp("admin"))
    response = submit(page, "ยืนยัน")
    assert response.status == 200
    assert urlsplit(page.url).path == "/staff/"
    assert page.get_by_role("heading", level=1).inner_text() == "ภาพรวม"
    assert "สมศักดิ์" in page.locator(".staff-bar").inner_text()
    audit("dashboard")

    # --- Write a news item ----------------------------------------------------------------------------
    staff_nav = page.get_by_role("navigation", name="เมนูเจ้าหน้าที่")
    staff_nav.get_by_role("link", name="ข่าวประชาสัมพันธ์").click()
    page.wait_for_url(re.compile(r"/staff/news/$"))
    page.get_by_role("link", name="เขียนข่าวใหม่").click()
    page.wait_for_url(re.compile(r"/staff/news/new/$"))
    audit("news-new")

    page.get_by_label("หมวด").select_option(label="ข่าวกิจกรรม")
    page.get_by_label("หัวข้อข่าว").fill(TITLE)
    page.get_by_label("สรุปย่อ").fill("ผู้บริหาร พนักงาน และประชาชนร่วมกันปลูกต้นไม้ 200 ต้น")
    page.get_by_label("เนื้อหา").fill(
        "องค์การบริหารส่วนตำบลวังทองร่วมกับประชาชนหมู่ที่ 5 ปลูกต้นไม้ริมหนองน้ำสาธารณะ\n\nขอขอบคุณทุกท่าน"
    )
    page.get_by_label("วันที่จัดกิจกรรม").fill("15/03/2567")
    response = submit(page, "บันทึก")
    assert response.status == 200
    assert re.search(r"/staff/news/\d+/$", page.url), page.url
    assert "บันทึกข่าวเรียบร้อยแล้ว" in page.locator(".messages").inner_text()
    assert page.get_by_label("วันที่จัดกิจกรรม").input_value() == "15/03/2567"

    # --- Attach a phone photo that carries GPS tags ---------------------------------------------------
    original = activity_photo_jpeg(1, with_gps=True)
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD), "the upload does carry GPS tags"
    photo = tmp_path / "IMG_20240315_0930.jpg"
    photo.write_bytes(original)
    page.locator("#id_file-file").set_input_files(str(photo))
    page.get_by_label("คำอธิบายไฟล์", exact=True).fill(PHOTO_TITLE)
    response = submit(page, "แนบไฟล์")
    assert response.status == 200
    assert "แนบไฟล์เรียบร้อยแล้ว" in page.locator(".messages").inner_text()
    assert PHOTO_TITLE in page.locator(".files").inner_text()
    assert page.locator("#id_title").first.input_value() == TITLE, "the news title was left alone"
    audit("news-draft")

    # --- Publish, then read it as the public does ---------------------------------------------------
    response = submit(page, "เผยแพร่ข่าวนี้")
    assert response.status == 200
    assert "เผยแพร่ข่าวเรียบร้อยแล้ว" in page.locator(".messages").inner_text()
    with page.expect_navigation() as nav:
        page.get_by_role("link", name="ดูหน้าสาธารณะ").click()
    assert nav.value.status == 200
    assert re.search(r"/news/[^/]+/$", urlsplit(page.url).path), page.url
    assert page.get_by_role("heading", level=1).inner_text() == TITLE
    assert "15 มีนาคม 2567" in page.locator("article").inner_text()

    image = page.get_by_role("img", name=PHOTO_TITLE)
    image.scroll_into_view_if_needed()
    page.wait_for_function(
        "(alt) => { const i = [...document.images].find(i => i.alt === alt); return i && i.complete; }",
        arg=PHOTO_TITLE,
    )
    assert image.evaluate("img => img.naturalWidth") > 0, "the published photo is shown"
    audit("news-public")

    src = urljoin(page.url, image.get_attribute("src"))
    download = page.request.get(src)
    assert download.status == 200
    assert download.headers["content-type"] == "image/jpeg"
    published = Image.open(io.BytesIO(download.body()))
    assert published.format == "JPEG"
    assert not published.getexif().get_ifd(GPS_IFD), "the published photo reveals where it was taken"
    assert "exif" not in published.info, "the published photo keeps EXIF metadata"
    assert published.size[0] > 0 and published.size[1] > 0

    # --- Bad input: empty title and 31 February -------------------------------------------------------
    page.goto(base + "/staff/news/new/")
    page.get_by_label("หมวด").select_option(label="ข่าวประชาสัมพันธ์")
    page.get_by_label("เนื้อหา").fill("เนื้อหาทดสอบ")
    page.get_by_label("วันที่จัดกิจกรรม").fill("31/02/2567")
    response = submit(page, "บันทึก")
    assert response.status == 400, f"expected the form again with errors (400), got {response.status}"
    assert urlsplit(page.url).path == "/staff/news/new/"
    summary = page.get_by_role("alert")
    assert "กรุณาแก้ไข" in summary.inner_text()
    summary_text = summary.inner_text()
    assert "หัวข้อข่าว" in summary_text and "วันที่จัดกิจกรรม" in summary_text, summary_text
    # Each summary item links to its field; the typed date stays for the user to correct.
    assert summary.get_by_role("link", name=re.compile("หัวข้อข่าว")).get_attribute("href") == "#id_title"
    assert page.get_by_label("วันที่จัดกิจกรรม").input_value() == "31/02/2567"
    assert page.get_by_label("เนื้อหา").input_value() == "เนื้อหาทดสอบ"
    audit("news-errors")

    assert not a11y, "Accessibility problems in the back office:\n" + "\n".join(a11y)


def test_news_edit_page_labels_point_at_their_own_fields(live_server, page):
    seed_demo()
    sign_in(page, live_server.url, "officer")
    page.goto(live_server.url + "/staff/news/")
    page.get_by_role("table").get_by_role("link").first.click()
    page.wait_for_url(re.compile(r"/staff/news/\d+/$"))

    attach_form = page.locator("form[action$='/attachments/']")
    description = page.get_by_label("คำอธิบายไฟล์", exact=True)
    in_attach_form = description.evaluate("(el, form) => form.contains(el)", attach_form.element_handle())
    assert in_attach_form, "the label คำอธิบายไฟล์ names a field outside the attachment form"
    assert duplicate_ids(page) == []
