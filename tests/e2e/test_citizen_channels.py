"""The citizen channels in a real browser: a visitor asks a question and files a complaint with a phone photo;
an officer answers and resolves; the visitor tracks both, the published photos carry no location, the
statistics count the complaint, another agency's site knows nothing of either, and bad input is answered in
Thai."""

from __future__ import annotations

import io
import re
from urllib.parse import urljoin, urlsplit

import pytest
from PIL import Image

from prongsai.core.demo_images import activity_photo_jpeg
from tests.e2e.conftest import CHROMIUM_ARGS  # noqa: F401 - same browser set-up as the other modules
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

GPS_IFD = 0x8825
QUESTION_TITLE = "ศูนย์พัฒนาเด็กเล็กรับเด็กอายุเท่าไร"
QUESTION_BODY = "ลูกจะอายุครบสองขวบครึ่งเดือนพฤษภาคม สมัครเข้าศูนย์พัฒนาเด็กเล็กของ อบต. ได้หรือยังครับ"
ANSWER = "ศูนย์พัฒนาเด็กเล็กรับเด็กที่มีอายุครบสองปีหกเดือนในวันเปิดภาคเรียน รับสมัครในเดือนมีนาคมที่กองการศึกษา"
SUBJECT = "ไฟส่องสว่างดับหน้าศาลาประชาคมหมู่ที่ 4"
DESCRIPTION = "ไฟส่องสว่างดับสองต้นติดกันมาห้าวัน ช่วงค่ำมืดมาก ชาวบ้านเดินไปประชุมไม่สะดวก"
CLOSING = "เปลี่ยนหลอดไฟและสายไฟแล้วทั้งสองต้น ทดสอบแล้วใช้งานได้ตามปกติ"
# A person takes longer than the form's minimum fill time (3 seconds); the test waits as long.
HUMAN_PAUSE_MS = 3200


def total_received(page) -> int:
    lead = page.locator("p.lead").inner_text()
    return int(re.search(r"รับเรื่องทั้งหมด (\d+) เรื่อง", lead).group(1))


def qa_counts(page) -> tuple[int, int]:
    text = page.locator(".qa-stats").inner_text()
    found = re.search(r"รับคำถาม (\d+) เรื่อง ตอบแล้ว (\d+) เรื่อง", text)
    return int(found.group(1)), int(found.group(2))


def download_image(page, img) -> Image.Image:
    img.scroll_into_view_if_needed()
    response = page.request.get(urljoin(page.url, img.get_attribute("src")))
    assert response.status == 200
    assert response.headers["content-type"] in {"image/jpeg", "image/png"}
    return Image.open(io.BytesIO(response.body()))


def test_a_visitor_asks_and_complains_staff_answer_and_resolve_and_the_visitor_tracks_both(
    live_server, browser, page, axe_source, artifacts_dir, tmp_path
):
    seed_demo()
    base = live_server.url
    port = urlsplit(base).port
    a11y: list[str] = []

    def audit(where, label: str) -> None:
        a11y.extend(describe_violations(label, axe_violations(where, axe_source)))
        dupes = duplicate_ids(where)
        assert dupes == [], f"{label}: duplicate ids {dupes}"
        screenshot(where, artifacts_dir, f"citizen-{label}")

    # --- The visitor finds the channels from the main menu and asks a question ---------------------------
    page.goto(base + "/")
    page.get_by_role("navigation", name="เมนูหลัก").get_by_role("link", name="ถาม-ตอบ ร้องเรียน").click()
    page.wait_for_url(re.compile(r"/participate/$"))
    audit(page, "hub")
    page.get_by_role("link", name="ถาม-ตอบ (Q&A)").click()
    page.wait_for_url(re.compile(r"/qa/$"))
    asked_before, answered_before = qa_counts(page)
    page.get_by_role("link", name="ถามคำถามใหม่").click()
    page.wait_for_url(re.compile(r"/qa/ask/$"))
    page.get_by_label("หัวข้อคำถาม").fill(QUESTION_TITLE)
    page.get_by_label("รายละเอียดคำถาม").fill(QUESTION_BODY)
    page.get_by_label("อีเมลสำหรับรับแจ้งเมื่อได้รับคำตอบ (ไม่บังคับ)").fill("parent@example.com")
    audit(page, "question-ask")
    page.wait_for_timeout(HUMAN_PAUSE_MS)
    response = submit(page, "ส่งคำถาม")
    assert response.status == 200
    assert re.search(r"/qa/track/[A-Z2-9-]{14}/$", page.url), page.url
    question_code = page.locator(".tracking-code").inner_text().strip()
    assert "รอตรวจสอบก่อนเผยแพร่" in page.locator("main").inner_text()
    assert question_code in page.locator(".messages").inner_text()
    audit(page, "question-status-pending")

    # --- The complaint form: the corruption channel is separate; bad input is answered in Thai -----------
    page.goto(base + "/complaints/new/")
    notice = page.locator(".corruption-notice")
    assert "ช่องทางแยกต่างหาก" in notice.inner_text()
    assert (
        notice.get_by_role("link", name="ไปยังช่องทางร้องเรียนการทุจริต").get_attribute("href")
        == "/integrity/report/"
    )
    page.goto(base + "/complaints/statistics/")
    received_before = total_received(page)
    page.goto(base + "/complaints/new/")
    page.get_by_label("ละติจูด (ถ้าทราบ)").fill("101.4386")
    page.wait_for_timeout(HUMAN_PAUSE_MS)
    response = submit(page, "ส่งเรื่องร้องเรียน")
    assert response.status == 400
    summary = page.get_by_role("alert")
    summary_text = summary.inner_text()
    for message in ("กรุณาเลือกประเภทเรื่องร้องเรียน", "กรุณากรอกเรื่องที่ร้องเรียนโดยสรุป", "กรุณาเล่ารายละเอียดของปัญหา"):
        assert message in summary_text, summary_text
    assert summary.get_by_role("link", name=re.compile("ประเภทเรื่อง")).get_attribute("href") == "#id_category"
    audit(page, "complaint-errors")

    page.get_by_label("ประเภทเรื่อง").select_option(label="ไฟฟ้าส่องสว่างสาธารณะ")
    page.get_by_label(re.compile(r"^เรื่อง")).fill(SUBJECT)
    page.get_by_label(re.compile(r"^รายละเอียด")).fill(DESCRIPTION)
    page.get_by_label("สถานที่เกิดเหตุ").fill("หมู่ที่ 4 หน้าศาลาประชาคมบ้านหนองบัว")
    page.get_by_label("ละติจูด (ถ้าทราบ)").fill("16.021500")
    page.get_by_label("ลองจิจูด (ถ้าทราบ)").fill("101.440200")
    original = activity_photo_jpeg(11, with_gps=True)
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD), "the upload does carry GPS tags"
    photo = tmp_path / "IMG_20250304_1930.jpg"
    photo.write_bytes(original)
    page.locator("#id_photos").set_input_files(str(photo))
    page.get_by_label("อีเมลสำหรับรับแจ้งความคืบหน้า (ไม่บังคับ)").fill("villager@example.com")
    response = submit(page, "ส่งเรื่องร้องเรียน")
    assert response.status == 200
    assert re.search(r"/complaints/track/[A-Z2-9-]{14}/$", page.url), page.url
    complaint_code = page.locator(".tracking-code").inner_text().strip()
    assert "รับเรื่องแล้ว รอตรวจสอบ" in page.locator("main").inner_text()
    citizen_photo = page.get_by_role("img", name="ภาพถ่ายจากผู้ร้อง ภาพที่ 1")
    published = download_image(page, citizen_photo)
    assert not published.getexif().get_ifd(GPS_IFD), "the published photo reveals where it was taken"
    assert "exif" not in published.info
    audit(page, "complaint-status-received")

    # --- An officer answers the question and resolves the complaint --------------------------------------
    staff_context = browser.new_context(
        locale="th-TH", bypass_csp=True, viewport={"width": 1280, "height": 900}
    )
    staff_context.set_default_timeout(15_000)
    try:
        officer = staff_context.new_page()
        sign_in(officer, base, "officer")
        officer.get_by_role("navigation", name="เมนูเจ้าหน้าที่").get_by_role(
            "link", name="ถาม-ตอบ ร้องเรียน"
        ).click()
        officer.wait_for_url(re.compile(r"/staff/participate/$"))
        officer.get_by_role("link", name="ตรวจสอบและตอบคำถาม").click()
        officer.get_by_role("link", name=QUESTION_TITLE).click()
        officer.wait_for_url(re.compile(r"/staff/qa/\d+/$"))
        audit(officer, "staff-question")
        officer.get_by_label("คำตอบ (เว้นว่างได้หากจะเผยแพร่คำถามก่อนแล้วตอบภายหลัง)").fill(ANSWER)
        response = submit(officer, "เผยแพร่พร้อมคำตอบ")
        assert response.status == 200
        assert "เผยแพร่คำถามพร้อมคำตอบเรียบร้อยแล้ว" in officer.locator(".messages").inner_text()

        officer.goto(base + "/staff/complaints/")
        officer.get_by_role("link", name=complaint_code).click()
        officer.wait_for_url(re.compile(r"/staff/complaints/\d+/$"))
        assert SUBJECT in officer.locator("main").inner_text()
        audit(officer, "staff-complaint")
        assert submit(officer, "รับเรื่อง").status == 200
        assert submit(officer, "บันทึกว่าเริ่มดำเนินการ").status == 200
        # Closing without evidence is refused in Thai; then with a photo of the repaired lamp.
        officer.get_by_label("สรุปผลการดำเนินการ").fill(CLOSING)
        response = submit(officer, "ปิดเรื่องพร้อมหลักฐาน")
        assert response.status == 400
        assert "กรุณาแนบหลักฐานผลการดำเนินการ" in officer.get_by_role("alert").inner_text()
        after = tmp_path / "IMG_20250306_1015.jpg"
        after.write_bytes(activity_photo_jpeg(12, with_gps=True))
        officer.get_by_label("สรุปผลการดำเนินการ").fill(CLOSING)
        officer.locator("#id_resolve-evidence").set_input_files(str(after))
        response = submit(officer, "ปิดเรื่องพร้อมหลักฐาน")
        assert response.status == 200
        assert "ดำเนินการแล้วเสร็จ" in officer.locator("main").inner_text()
    finally:
        staff_context.close()

    # --- The visitor tracks both ---------------------------------------------------------------------------
    page.goto(base + "/qa/track/")
    page.get_by_label("รหัสติดตาม").fill(question_code.lower().replace("-", " "))
    response = submit(page, "ดูสถานะ")
    assert response.status == 200
    assert "ตอบแล้ว" in page.locator(".status").inner_text()
    assert ANSWER in page.locator(".answer-text").inner_text()
    audit(page, "question-status-answered")
    # The answered question is on the board and found by a Thai word from inside the answer.
    page.goto(base + "/qa/")
    assert qa_counts(page) == (asked_before + 1, answered_before + 1)
    page.get_by_role("searchbox", name="ค้นหาคำถามที่ตอบแล้ว").fill("กองการศึกษา")
    page.get_by_role("search", name="ค้นหาในกระดานถาม-ตอบ").get_by_role("button", name="ค้นหา").click()
    page.wait_for_url(re.compile(r"/qa/\?q="))
    assert page.get_by_role("link", name=QUESTION_TITLE).count() == 1
    audit(page, "qa-search")

    page.goto(base + "/complaints/track/")
    page.get_by_label("รหัสติดตาม").fill(complaint_code)
    response = submit(page, "ดูความคืบหน้า")
    assert response.status == 200
    main = page.locator("main").inner_text()
    assert "ดำเนินการแล้วเสร็จ" in main and CLOSING in main
    evidence = download_image(page, page.get_by_role("img", name="หลักฐานผลการดำเนินการ ภาพที่ 1"))
    assert not evidence.getexif().get_ifd(GPS_IFD), "the evidence photo reveals where it was taken"
    audit(page, "complaint-status-resolved")
    response = submit(page, "ยืนยันว่าได้รับการแก้ไขแล้ว")
    assert response.status == 200
    assert "ผู้ร้องยืนยันว่าได้รับการแก้ไขแล้ว" in page.locator("main").inner_text()

    # --- The complaint statistics count it -----------------------------------------------------------
    page.goto(base + "/complaints/statistics/")
    assert total_received(page) == received_before + 1
    audit(page, "statistics")

    # --- Another agency's site knows nothing of either ------------------------------------------------------
    other = f"http://laemthong.localhost:{port}"
    for path in (f"/complaints/track/{complaint_code}/", f"/qa/track/{question_code}/"):
        assert page.goto(other + path).status == 404, path
    page.goto(other + "/qa/")
    assert QUESTION_TITLE not in page.locator("main").inner_text()
    page.goto(other + "/complaints/statistics/")
    assert total_received(page) == 0

    assert not a11y, "Accessibility problems in the citizen channels:\n" + "\n".join(a11y)
