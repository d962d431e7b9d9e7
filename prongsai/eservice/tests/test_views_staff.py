"""Back-office pages: queues, a request's page and its actions, walk-in recording, files; the outsider sees
nothing; completion is counted in the statistics under the right channel."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django_scopes import scopes_disabled

from conftest import AGENCY_HOST, login_verified, make_member
from prongsai.core.roles import Role
from prongsai.core.thai import BANGKOK
from prongsai.eservice import services, statistics
from prongsai.eservice.models import Channel, RequestStatus, ServiceRequest

from .conftest import checked_pdf, pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def head_client(agency):
    head = make_member(agency, "head", Role.HEAD_OF_DIVISION)
    return login_verified(Client(HTTP_HOST=AGENCY_HOST), head)


def test_the_queue_lists_open_requests_and_highlights_the_late_ones(staff_client, catalogue, submit, now):
    on_time = submit(catalogue["elderly-allowance"]).request
    late = submit(catalogue["official-information"], at=now.current() - timedelta(days=40)).request
    page = staff_client.get("/staff/eservice/").content.decode()
    assert on_time.display_code in page and late.display_code in page
    assert page.count("overdue-row") == 1
    overdue = staff_client.get("/staff/eservice/?state=overdue").content.decode()
    assert late.display_code in overdue and on_time.display_code not in overdue


def test_the_queue_filters_by_unit(staff_client, catalogue, submit, now, agency):
    submit(catalogue["garbage-collection"])
    submit(catalogue["elderly-allowance"])
    with scopes_disabled():
        unit = catalogue["garbage-collection"].owner_unit
    page = staff_client.get(f"/staff/eservice/?unit={unit.pk}").content.decode()
    assert "เก็บขนขยะ" in page and "เบี้ยยังชีพ" not in page


def test_staff_move_a_request_to_completion_and_it_counts_under_e_service(
    staff_client, head_client, catalogue, submit, now, member, agency
):
    req = submit(catalogue["official-information"]).request
    url = f"/staff/eservice/requests/{req.pk}/"
    page = staff_client.get(url).content.decode()
    assert "นายสมชาย ใจดี" in page and "ขอสำเนาข้อบัญญัติงบประมาณ" in page
    assert staff_client.post(url + "assign/", {"assignee": member.pk}).status_code == 302
    assert staff_client.post(url + "complete-step/", {"step-note": "คำขอชัดเจน"}).status_code == 302
    assert staff_client.post(url + "complete-step/", {"step-note": ""}).status_code == 302
    # An officer may not decide; the head of division does.
    assert staff_client.post(url + "approve/", {"decision-reason": ""}).status_code == 403
    unconfirmed = head_client.post(url + "approve/", {"decision-reason": "ส่งสำเนาทางอีเมลแล้ว"})
    assert unconfirmed.status_code == 400, "an approval is recorded only once confirmed"
    assert "กรุณาทำเครื่องหมายยืนยันผลการพิจารณาก่อนบันทึก" in unconfirmed.content.decode()
    with scopes_disabled():
        req.refresh_from_db()
    assert req.status != RequestStatus.APPROVED
    response = head_client.post(
        url + "approve/", {"decision-reason": "ส่งสำเนาทางอีเมลแล้ว", "decision-confirm": "on"}
    )
    assert response.status_code == 302
    with scopes_disabled():
        req.refresh_from_db()
    assert req.status == RequestStatus.APPROVED
    with scopes_disabled():
        report = statistics.service_statistics(agency, 2570)
    row = next(r for r in report.rows if r.service.code == "official-information")
    assert (row.total.eservice, row.total.walk_in, row.total.completed, row.total.on_time) == (1, 0, 1, 1)


def test_a_bad_action_re_renders_the_page_with_a_thai_error(
    staff_client, head_client, catalogue, submit, now
):
    req = submit(catalogue["official-information"]).request
    url = f"/staff/eservice/requests/{req.pk}/"
    response = staff_client.post(url + "ask-documents/", {"docs-note": ""})
    assert response.status_code == 400
    assert "กรุณาระบุเอกสารที่ขาดให้ครบในครั้งเดียว ผู้ยื่นคำขอจะได้รับข้อความนี้" in response.content.decode()
    assert staff_client.post(url + "ask-documents/", {"docs-note": "ขอสำเนาบัตร"}).status_code == 302
    again = staff_client.post(url + "ask-documents/", {"docs-note": "อีกครั้ง"})
    assert again.status_code == 400
    assert (
        "คำขอนี้เคยขอเอกสารเพิ่มเติมแล้ว ตามกฎหมายขอได้เพียงครั้งเดียว กรุณาพิจารณาจากเอกสารที่มีอยู่" in again.content.decode()
    )
    assert staff_client.post(url + "documents-received/").status_code == 302
    no_reason = head_client.post(url + "reject/", {"decision-reason": "  ", "decision-confirm": "on"})
    assert no_reason.status_code == 400
    assert "กรุณาระบุเหตุผลที่ไม่อนุมัติ ผู้ยื่นคำขอจะได้รับเหตุผลนี้" in no_reason.content.decode()
    premature = head_client.post(url + "approve/", {"decision-reason": "", "decision-confirm": "on"})
    assert premature.status_code == 400
    assert "ยังมีขั้นตอนที่ต้องดำเนินการก่อน กรุณาดำเนินการให้ครบทุกขั้นตอนก่อนอนุมัติ" in premature.content.decode()
    nobody = staff_client.post(url + "assign/", {"assignee": "999999"})
    assert nobody.status_code == 400
    assert "เลือกตัวเลือกที่ถูกต้อง. ตัวเลือกนั้นไม่สามารถเลือกได้." in nobody.content.decode()


def test_a_walk_in_is_recorded_by_staff_and_counted_under_walk_in(staff_client, catalogue, now, agency):
    with scopes_disabled():
        service = catalogue["elderly-allowance"]
    form = staff_client.get(f"/staff/eservice/walk-in/{service.pk}/")
    assert form.status_code == 200 and "ประกาศความเป็นส่วนตัว" not in form.content.decode()
    key = str(uuid.uuid4())
    data = {
        "idempotency_key": key,
        "applicant_name": "นางบุญมา ศรีสุข",
        "applicant_phone": "",
        "a_citizen_id": "1360400012346",
        "a_birth_date": "01/01/2505",
        "a_home_address": "1 หมู่ที่ 1 ตำบลวังทอง อำเภอภักดีชุมพล จังหวัดชัยภูมิ 36260",
        "a_payment": "cash",
        "received_date": "03/12/2569",
        "received_time": "10:15",
    }
    response = staff_client.post(f"/staff/eservice/walk-in/{service.pk}/", data)
    assert response.status_code == 302
    assert staff_client.post(f"/staff/eservice/walk-in/{service.pk}/", data).status_code == 302  # re-sent
    with scopes_disabled():
        req = ServiceRequest.objects.get()
    assert req.channel == Channel.WALK_IN
    assert req.received_at == datetime(2026, 12, 3, 10, 15, tzinfo=BANGKOK)
    with scopes_disabled():
        report = statistics.service_statistics(agency, 2570)
    row = next(r for r in report.rows if r.service.code == "elderly-allowance")
    assert (row.total.walk_in, row.total.eservice) == (1, 0)
    future = staff_client.post(
        f"/staff/eservice/walk-in/{service.pk}/",
        {**data, "idempotency_key": str(uuid.uuid4()), "received_date": "01/01/2570"},
    )
    assert future.status_code == 400 and "อนาคต" in future.content.decode()


def test_attached_files_download_only_for_staff_and_never_inline(
    staff_client, anon, outsider_client, catalogue, submit, now
):
    req = submit(catalogue["building-permit"], files=[checked_pdf("แบบแปลน.pdf")]).request
    with scopes_disabled():
        stored = req.files.get()
    url = f"/staff/eservice/files/{stored.pk}/"
    response = staff_client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert anon.get(url).status_code == 302
    assert outsider_client.get(url).status_code == 403


def test_a_member_of_another_agency_gets_nothing(outsider, other_agency, catalogue, submit, now):
    req = submit(catalogue["elderly-allowance"]).request
    # Signed in at their own agency's host, the request of the first agency does not exist for them.
    client = login_verified(Client(HTTP_HOST="other.test"), outsider)
    assert client.get(f"/staff/eservice/requests/{req.pk}/").status_code == 404
    assert req.display_code not in client.get("/staff/eservice/?state=all").content.decode()


def test_the_walk_in_page_lists_the_published_services(staff_client, catalogue):
    page = staff_client.get("/staff/eservice/walk-in/").content.decode()
    assert "เบี้ยยังชีพผู้สูงอายุ" in page


def test_the_catalogue_page_for_staff_needs_the_manage_capability(staff_client, admin_client, catalogue):
    assert staff_client.get("/staff/eservice/services/").status_code == 403
    assert "building-permit" in admin_client.get("/staff/eservice/services/").content.decode()


def test_retention_removes_the_identity_and_files_of_old_completed_requests(
    catalogue, submit, now, agency, in_scope
):
    from io import StringIO

    from django.core.management import call_command

    head = make_member(agency, "head", Role.HEAD_OF_DIVISION)
    req = submit(catalogue["building-permit"], files=[checked_pdf()]).request
    with in_scope(agency):
        services.request_reject(request=req, acting_user=head, reason="แบบไม่ถูกต้อง")
    with scopes_disabled():
        stored_path = req.files.get().file.path
    now(now.current() + timedelta(days=6 * 365))
    out = StringIO()
    call_command("purge_personal_data", stdout=out)
    assert "e-service requests anonymised: 1" in out.getvalue()
    with scopes_disabled():
        req.refresh_from_db()
        assert req.applicant_name.startswith("(") and req.answers == {} and not req.files.exists()
    import os

    assert not os.path.exists(stored_path)
    assert req.status == RequestStatus.REJECTED  # the statistics keep the request


def test_oversized_upload_at_the_counter_is_refused(staff_client, catalogue, now):
    with scopes_disabled():
        service = catalogue["building-permit"]
    data = {
        "idempotency_key": str(uuid.uuid4()),
        "applicant_name": "นายก่อ สร้าง",
        "a_owner_id": "1360400012346",
        "a_work": "build",
        "a_deed_no": "1",
        "a_floor_area": "50",
        "a_site_address": "5 หมู่ที่ 2 ตำบลวังทอง อำเภอภักดีชุมพล จังหวัดชัยภูมิ 36260",
        "a_plans": SimpleUploadedFile("p.pdf", pdf_bytes(11 * 1024 * 1024)),
    }
    response = staff_client.post(f"/staff/eservice/walk-in/{service.pk}/", data)
    assert response.status_code == 400 and "เกินกว่าที่รับได้" in response.content.decode()


def test_the_request_page_shows_no_raw_data(staff_client, head_client, catalogue, submit, now, member):
    """Dates in the Buddhist era, actions and people by name, the current assignee selected, and the page
    of a member who cannot decide says who does."""
    member.first_name, member.last_name = "วิไลวรรณ", "ศรีสุข"
    member.save()
    req = submit(catalogue["elderly-allowance"]).request
    url = f"/staff/eservice/requests/{req.pk}/"
    assert staff_client.post(url + "assign/", {"assignee": member.pk}).status_code == 302
    page = staff_client.get(url).content.decode()
    assert "1 พฤษภาคม 2507" in page and "1964-05-01" not in page
    assert "eservice.request." not in page
    assert "รับคำขอ" in page and "มอบหมายผู้รับผิดชอบ" in page
    assert "วิไลวรรณ ศรีสุข · มอบหมายผู้รับผิดชอบ" in page, "the actor by name, not username"
    assert "citizen (E-Service)" not in page and "ประชาชน (E-Service) · รับคำขอ" in page
    assert f'<option value="{member.pk}" selected>' in page
    # The officer works the steps; at the last one the page names who decides.
    who = "หัวหน้าส่วนราชการ, ผู้บริหาร หรือ ผู้ดูแลระบบของหน่วยงาน"
    assert f"การอนุมัติหรือไม่อนุมัติคำขอเป็นอำนาจของ {who}" not in page, "not before the last step"
    with scopes_disabled():
        steps = req.service.steps.count()
    for _step in range(steps - 1):
        assert staff_client.post(url + "complete-step/", {"step-note": ""}).status_code == 302
    last = staff_client.get(url).content.decode()
    assert "/approve/" not in last
    assert f"การอนุมัติหรือไม่อนุมัติคำขอเป็นอำนาจของ {who}" in last
