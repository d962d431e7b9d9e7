"""Data subjects' requests: the citizen's form, the 30-day limit, the staff queue, the export, the notice."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django_scopes import scopes_disabled
from openpyxl import load_workbook

from conftest import AGENCY_HOST
from prongsai.complaints.tests import factories as complaint_factories
from prongsai.core.models import AuditEvent
from prongsai.core.personal_data import INVENTORY
from prongsai.core.safeguards import aged_token
from prongsai.core.tenancy import agency_scope
from prongsai.core.tests import factories as core_factories
from prongsai.privacy import notice, services
from prongsai.privacy.models import RequestStatus, SubjectRequest
from prongsai.privacy.tests.factories import subject_request


@pytest.fixture
def complaint(agency, admin_member):
    with agency_scope(agency):
        unit = core_factories.org_unit(agency, admin_member, name_th="กองช่าง", order=1)
        category = complaint_factories.category(agency, admin_member, unit)
    return complaint_factories.complaint(
        agency, category, contact_name="สมหญิง ใจดี", contact_email="somying@example.com"
    )


def _form(**overrides):
    data = {
        "form_token": aged_token("privacy_request"),
        "website": "",
        "kind": "access",
        "requester_name": "สมหญิง ใจดี",
        "requester_email": "somying@example.com",
        "requester_phone": "",
        "record_codes": "",
        "details": "",
    }
    data.update(overrides)
    return data


def test_a_citizen_files_a_request_and_gets_a_tracking_code_and_a_due_date_30_days_later(agency, anon):
    with time_machine.travel("2026-03-02 10:00 +07:00", tick=False):
        answer = anon.post("/privacy/request/", _form(), HTTP_HOST=AGENCY_HOST)
    assert answer.status_code == 302
    with scopes_disabled():
        item = SubjectRequest.objects.get(agency=agency)
    assert answer["Location"].endswith(f"/privacy/request/track/{item.display_code}/")
    assert str(item.due_on) == "2026-04-01"  # 30 calendar days (PDPA s. 30), not working days
    page = anon.get(answer["Location"], HTTP_HOST=AGENCY_HOST).content.decode()
    assert "1 เมษายน 2569" in page  # Buddhist era
    assert "ผู้ดูแลระบบของหน่วยงาน" in page  # who must act, by role


def test_sending_the_same_form_twice_makes_one_request(agency, anon):
    data = _form()
    anon.post("/privacy/request/", data, HTTP_HOST=AGENCY_HOST)
    anon.post("/privacy/request/", data, HTTP_HOST=AGENCY_HOST)
    with scopes_disabled():
        assert SubjectRequest.objects.count() == 1


def test_a_request_without_any_contact_is_refused_in_thai_and_keeps_what_was_typed(agency, anon):
    answer = anon.post(
        "/privacy/request/", _form(requester_email="", details="ขอสำเนาข้อมูล"), HTTP_HOST=AGENCY_HOST
    )
    assert answer.status_code == 400
    page = answer.content.decode()
    assert "กรุณากรอกอีเมลหรือหมายเลขโทรศัพท์อย่างน้อยหนึ่งช่อง" in page
    assert "ขอสำเนาข้อมูล" in page
    bad = anon.post("/privacy/request/", _form(requester_email="not-an-email"), HTTP_HOST=AGENCY_HOST)
    assert bad.status_code == 400 and "รูปแบบอีเมลไม่ถูกต้อง" in bad.content.decode()


def test_an_unknown_tracking_code_is_a_404(agency, anon):
    assert anon.get("/privacy/request/track/ABCD-2345-EFGH/", HTTP_HOST=AGENCY_HOST).status_code == 404


def test_the_export_holds_the_complaint_found_by_code_and_by_email_and_is_audited(
    agency, admin_member, admin_client, complaint
):
    item = subject_request(agency, record_codes=complaint.display_code.lower())
    answer = admin_client.get(f"/staff/privacy/{item.pk}/export.xlsx", HTTP_HOST=AGENCY_HOST)
    assert answer.status_code == 200
    assert answer["Cache-Control"] == "private, no-store"
    sheet = load_workbook(io.BytesIO(answer.content)).worksheets[0]
    cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    text = "\n".join(cells)
    assert f"เรื่องร้องเรียน {complaint.display_code}" in text
    assert "somying@example.com" in text and "สมหญิง ใจดี" in text
    assert text.count("เรื่องร้องเรียน ") == 1  # found by code and by e-mail, listed once
    assert "25" in cells[2]  # a Buddhist-era year
    with scopes_disabled():
        event = AuditEvent.objects.get(agency=agency, action="privacy.exported")
    assert event.data["records"] == 1


def test_an_export_of_someone_with_no_records_says_so(agency, admin_client):
    item = subject_request(agency, requester_email="nobody@example.com")
    answer = admin_client.get(f"/staff/privacy/{item.pk}/export.xlsx", HTTP_HOST=AGENCY_HOST)
    sheet = load_workbook(io.BytesIO(answer.content)).worksheets[0]
    assert any("ไม่พบข้อมูล" in str(c) for row in sheet.iter_rows(values_only=True) for c in row if c)


def test_the_queue_orders_by_due_date_and_flags_overdue_requests(agency, admin_client):
    with time_machine.travel("2026-01-05 10:00 +07:00", tick=False):
        old = subject_request(agency, requester_name="ผู้ขอรายแรก")
    with time_machine.travel("2026-02-20 10:00 +07:00", tick=False):
        new = subject_request(agency, requester_name="ผู้ขอรายที่สอง")
        page = admin_client.get("/staff/privacy/", HTTP_HOST=AGENCY_HOST).content.decode()
    assert page.index(old.display_code) < page.index(new.display_code)
    assert "เกินกำหนด 16 วัน" in page
    assert "เหลือ 30 วัน" in page


def test_only_the_roles_that_answer_requests_see_the_queue(
    agency, staff_client, outsider_client, admin_client
):
    item = subject_request(agency)
    assert staff_client.get("/staff/privacy/", HTTP_HOST=AGENCY_HOST).status_code == 403
    assert staff_client.get(f"/staff/privacy/{item.pk}/export.xlsx", HTTP_HOST=AGENCY_HOST).status_code == 403
    assert outsider_client.get(f"/staff/privacy/{item.pk}/", HTTP_HOST=AGENCY_HOST).status_code in (403, 404)
    assert admin_client.get(f"/staff/privacy/{item.pk}/", HTTP_HOST=AGENCY_HOST).status_code == 200


def test_staff_start_then_complete_a_request_and_the_citizen_sees_the_outcome(agency, admin_client, anon):
    item = subject_request(agency)
    admin_client.post(f"/staff/privacy/{item.pk}/start/", HTTP_HOST=AGENCY_HOST)
    empty = admin_client.post(
        f"/staff/privacy/{item.pk}/close/", {"decision": "complete", "outcome": ""}, HTTP_HOST=AGENCY_HOST
    )
    assert empty.status_code == 400
    assert "กรุณาบันทึกผลการดำเนินการ" in empty.content.decode()
    done = admin_client.post(
        f"/staff/privacy/{item.pk}/close/",
        {"decision": "complete", "outcome": "ส่งสำเนาข้อมูลทางอีเมลแล้ว"},
        HTTP_HOST=AGENCY_HOST,
    )
    assert done.status_code == 302
    with scopes_disabled():
        item.refresh_from_db()
    assert item.status == RequestStatus.COMPLETED
    page = anon.get(f"/privacy/request/track/{item.display_code}/", HTTP_HOST=AGENCY_HOST).content.decode()
    assert "ส่งสำเนาข้อมูลทางอีเมลแล้ว" in page


def test_a_closed_request_cannot_be_closed_again(agency, admin_member):
    item = subject_request(agency)
    with agency_scope(agency):
        services.subject_request_refuse(item=item, acting_user=admin_member, outcome="ไม่ใช่ข้อมูลของผู้ขอ")
        with pytest.raises(ValidationError):
            services.subject_request_complete(item=item, acting_user=admin_member, outcome="x")


def test_every_inventoried_record_type_has_thai_wording_in_the_notice():
    missing = {entry.model for entry in INVENTORY} - set(notice.WORDING)
    assert not missing, f"add Thai wording to prongsai/privacy/notice.py for {sorted(missing)}"


def test_the_privacy_notice_lists_the_inventory_and_the_cookies(agency, anon):
    page = anon.get("/privacy/", HTTP_HOST=AGENCY_HOST).content.decode()
    assert "ผู้ร้องเรียน" in page and "ลบเมื่อครบ 180 วันหลังส่ง" in page
    assert "sessionid" in page and "csrftoken" in page
    assert "/privacy/request/" in page


def test_forms_that_take_personal_data_link_the_privacy_notice(agency, anon, complaint):
    for path in ("/complaints/new/", "/privacy/request/"):
        assert 'href="/privacy/"' in anon.get(path, HTTP_HOST=AGENCY_HOST).content.decode(), path


def test_closed_requests_are_deleted_a_year_later(agency, admin_member):
    from prongsai.privacy.retention import purge_expired_personal_data

    item = subject_request(agency)
    with agency_scope(agency):
        services.subject_request_complete(item=item, acting_user=admin_member, outcome="เสร็จแล้ว")
    with time_machine.travel(timedelta(days=366)):
        assert purge_expired_personal_data() == {"data subject requests": 1}
