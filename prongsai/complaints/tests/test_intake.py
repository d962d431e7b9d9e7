"""Staff record a complaint received by telephone or at the counter: same queue, code and time limits."""

from __future__ import annotations

import re
import uuid
from datetime import datetime

import time_machine

from prongsai.complaints.models import Complaint
from prongsai.complaints.tests.factories import DESCRIPTION, SUBJECT, photo
from prongsai.core.tenancy import agency_scope
from prongsai.core.thai import BANGKOK

NOW = datetime(2024, 6, 12, 14, 0, tzinfo=BANGKOK)  # a Wednesday


def _data(category, **overrides):
    data = {
        "idempotency_key": str(uuid.uuid4()),
        "channel": "phone",
        "received_on": "10 มิถุนายน 2567",
        "received_time": "09:15",
        "category": str(category.pk),
        "subject": SUBJECT,
        "description": DESCRIPTION,
        "location_address": "หมู่ที่ 1",
        "latitude": "",
        "longitude": "",
        "contact_name": "นางสมศรี ใจดี",
        "contact_phone": "0812345678",
        "contact_email": "",
    }
    data.update(overrides)
    return data


@time_machine.travel(NOW, tick=False)
def test_a_telephone_complaint_enters_the_queue_with_its_received_time(staff_client, agency, category):
    form = staff_client.get("/staff/complaints/new/")
    assert form.status_code == 200
    assert (
        "โทรศัพท์" in form.content.decode() and "เว็บไซต์" not in form.context["form"].fields["channel"].choices
    )
    data = _data(category, photos=[photo()])
    response = staff_client.post("/staff/complaints/new/", data)
    assert response.status_code == 302
    again = staff_client.post("/staff/complaints/new/", {**data, "photos": [photo()]})
    assert again.status_code == 302, "a form sent twice records one complaint"
    with agency_scope(agency):
        complaint = Complaint.objects.get()
        assert complaint.channel == "phone" and complaint.unit == category.default_unit
        assert complaint.received_at == datetime(2024, 6, 10, 9, 15, tzinfo=BANGKOK)
        # Two working days to acknowledge, counted from Monday 10 June: due by Wednesday 12 June.
        assert complaint.ack_due.astimezone(BANGKOK).date().isoformat() == "2024-06-12"
        assert complaint.files.count() == 1
    detail = staff_client.get(response["Location"]).content.decode()
    assert re.search(r"รหัสติดตามคือ [A-Z0-9-]+", detail)


@time_machine.travel(NOW, tick=False)
def test_bad_intake_gets_thai_errors_and_records_nothing(staff_client, agency, category):
    future = staff_client.post("/staff/complaints/new/", _data(category, received_on="20 มิถุนายน 2567"))
    assert future.status_code == 400 and "ต้องไม่เป็นเวลาในอนาคต" in future.content.decode()
    bad = staff_client.post(
        "/staff/complaints/new/", _data(category, channel="web", received_time="25:99", subject="")
    )
    assert bad.status_code == 400
    page = bad.content.decode()
    assert "กรุณากรอกเวลาเป็น ชั่วโมง:นาที" in page and "กรุณากรอกเรื่องที่ร้องเรียนโดยสรุป" in page
    assert 'value="นางสมศรี ใจดี"' in page, "what was typed stays in the form"
    with agency_scope(agency):
        assert not Complaint.objects.exists()


def test_only_staff_who_handle_complaints_record_them(agency, outsider_client, anon):
    assert outsider_client.get("/staff/complaints/new/").status_code == 403
    assert anon.get("/staff/complaints/new/").status_code in (302, 403)
