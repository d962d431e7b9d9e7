"""A citizen asks for their data with a tracking code; staff find the request in their queue, export what the
agency holds about the requester and close it within the legal time limit, in a real browser."""

from __future__ import annotations

import io
import re

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled
from openpyxl import load_workbook

from prongsai.complaints.models import Complaint
from prongsai.privacy.models import RequestStatus, SubjectRequest
from tests.e2e.helpers import seed_demo, sign_in, submit

pytestmark = pytest.mark.browser

HUMAN_PAUSE_MS = 3200  # the citizen forms refuse what is sent faster than a person types


def test_a_citizen_asks_for_their_data_and_staff_export_it_within_the_time_limit(live_server, page, tmp_path):
    seed_demo()
    base = live_server.url
    with scopes_disabled():
        complaint = (
            Complaint.objects.filter(agency__code="wangthong")
            .exclude(status=Complaint.Status.MOVED)
            .order_by("pk")
            .first()
        )
    assert complaint is not None, "the demo has complaints"

    # --- The citizen: from the privacy notice to the request form -----------------------------------------
    page.goto(base + "/privacy/")
    assert page.get_by_role("heading", level=1).inner_text() == "ประกาศความเป็นส่วนตัว"
    page.get_by_role("link", name="ยื่นคำขอใช้สิทธิ").click()
    page.wait_for_url(re.compile(r"/privacy/request/$"))
    page.get_by_label("ขอเข้าถึงและขอรับสำเนาข้อมูลส่วนบุคคล").check()
    page.get_by_label("ชื่อและนามสกุล").fill("สมหญิง ใจดี")
    page.get_by_label("อีเมล").fill("somying@example.com")
    page.get_by_label("รหัสติดตามของเรื่องที่เคยยื่นกับหน่วยงาน").fill(complaint.display_code)
    page.wait_for_timeout(HUMAN_PAUSE_MS)
    response = submit(page, "ส่งคำขอ")
    assert response.status == 200
    match = re.search(r"/privacy/request/track/([A-Z2-9-]{14})/$", page.url)
    assert match, page.url
    code = match.group(1)
    status = page.locator("#request-status").inner_text()
    assert "รับคำขอแล้ว" in status
    assert re.search(r"25\d\d", status), "the due date is in the Buddhist era"
    assert "ผู้ดูแลระบบของหน่วยงาน" in page.locator("main").inner_text()

    # --- Staff: the queue, the request, the export --------------------------------------------------------
    sign_in(page, base, "admin")
    page.goto(base + "/staff/privacy/")
    page.get_by_role("link", name=code).click()
    page.wait_for_url(re.compile(r"/staff/privacy/\d+/$"))
    response = submit(page, "รับดำเนินการ (ยืนยันตัวตนผู้ยื่นคำขอแล้ว)")
    assert response.status == 200
    assert "อยู่ระหว่างดำเนินการ" in page.locator("#request").inner_text()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="ส่งออกข้อมูลที่หน่วยงานเก็บ (XLSX)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    saved = tmp_path / "export.xlsx"
    download.save_as(saved)
    sheet = load_workbook(io.BytesIO(saved.read_bytes())).worksheets[0]
    text = "\n".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None)
    assert f"เรื่องร้องเรียน {complaint.display_code}" in text
    assert complaint.subject in text

    page.get_by_label("ผลการดำเนินการหรือเหตุผล").fill("ส่งสำเนาข้อมูลให้ทางอีเมลหลังยืนยันตัวตนแล้ว")
    response = submit(page, "ดำเนินการแล้วเสร็จ")
    assert response.status == 200
    assert "ดำเนินการแล้วเสร็จ" in page.locator("#request").inner_text()
    with scopes_disabled():
        item = SubjectRequest.objects.get(tracking_code=code.replace("-", ""))
    assert item.status == RequestStatus.COMPLETED
    assert timezone.localdate(item.closed_at) <= item.due_on  # within the 30 days of PDPA s. 30
