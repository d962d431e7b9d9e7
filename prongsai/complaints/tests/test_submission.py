"""Filing a general complaint: routing, working-day deadlines, clean photos, idempotency, Thai errors."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import strip_tags
from django_scopes import scopes_disabled
from PIL import Image

from prongsai.complaints.models import Complaint, ComplaintEvent, ComplaintFile
from prongsai.complaints.tests import factories
from prongsai.complaints.tests.factories import DESCRIPTION, SUBJECT, file_complaint, form_data, photo
from prongsai.complaints.transfer import CORRUPTION_CHANNEL_PATH
from prongsai.core.demo_images import document_pdf
from prongsai.core.models import AgencyDayOff, AuditEvent
from prongsai.core.tenancy import agency_scope
from prongsai.core.thai import BANGKOK

GPS_IFD = 0x8825


def test_the_form_sends_corruption_reports_to_the_separate_channel(anon, category):
    html = anon.get("/complaints/new/").content.decode()
    # Headings keep their Thai words whole with markup between them (core.thai_words): read as text.
    assert "ร้องเรียนการทุจริตของเจ้าหน้าที่ ใช้ช่องทางแยกต่างหาก" in strip_tags(html)
    assert f'href="{CORRUPTION_CHANNEL_PATH}"' in html
    assert CORRUPTION_CHANNEL_PATH == "/integrity/report/"
    assert f'href="{CORRUPTION_CHANNEL_PATH}"' in anon.get("/complaints/").content.decode()


def test_a_visitor_files_a_complaint_with_a_photo_and_tracks_it(anon, agency, category, unit):
    response = anon.post("/complaints/new/", {**form_data(category), "photos": [photo()]})
    assert response.status_code == 302
    with agency_scope(agency):
        complaint = Complaint.objects.get()
        stored = complaint.files.get()
        event = AuditEvent.objects.get(action="complaints.complaint.received")
    assert response["Location"] == f"/complaints/track/{complaint.display_code}/"
    assert complaint.unit == unit, "routed to the category's default unit"
    assert complaint.status == Complaint.Status.RECEIVED
    assert complaint.latitude is not None and complaint.location_address
    assert event.actor is None and SUBJECT not in str(event.data) and SUBJECT not in event.object_repr
    # Headings keep their Thai words whole with markup between them (core.thai_words): read as text.
    page = strip_tags(anon.get(response["Location"]).content.decode())
    assert complaint.display_code in page and "รับเรื่องแล้ว รอตรวจสอบ" in page and SUBJECT in page
    assert "ได้รับเรื่องร้องเรียนของท่านแล้ว" in page
    # The stored copy and the served copy of the photo carry no metadata at all.
    with stored.file.open("rb") as handle:
        on_disk = Image.open(io.BytesIO(handle.read()))
    assert not on_disk.getexif() and "exif" not in on_disk.info
    served = anon.get(f"/complaints/track/{complaint.display_code}/files/{stored.public_id}/")
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    assert served["Content-Security-Policy"] == "default-src 'none'; sandbox"
    image = Image.open(io.BytesIO(b"".join(served.streaming_content)))
    assert not image.getexif().get_ifd(GPS_IFD)


def test_deadlines_are_counted_on_the_agencys_working_day_calendar(agency, category):
    friday = datetime(2025, 1, 10, 10, 0, tzinfo=BANGKOK)
    with agency_scope(agency):
        AgencyDayOff.objects.create(agency=agency, date=date(2025, 1, 13), name_th="งานประจำปีของตำบล")
    from conftest import make_member

    officer = make_member(agency, "clerk", "officer")
    complaint = factories.complaint(agency, category, received_at=friday, acting_user=officer)
    # 2 working days: Monday the 13th is the agency's day off, so Tuesday and Wednesday count.
    assert complaint.ack_due.astimezone(BANGKOK) == datetime(2025, 1, 15, 10, 0, tzinfo=BANGKOK)
    # 7 working days: 14, 15, 16, 17, 20, 21, 22 January.
    assert complaint.resolve_due.astimezone(BANGKOK) == datetime(2025, 1, 22, 10, 0, tzinfo=BANGKOK)


def test_re_sending_the_same_form_files_one_complaint(anon, agency, category):
    data = form_data(category)
    first = anon.post("/complaints/new/", {**data, "photos": [photo()]})
    second = anon.post("/complaints/new/", {**data, "photos": [photo()]})
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    with agency_scope(agency):
        assert Complaint.objects.count() == 1
        assert ComplaintFile.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"category": ""}, "กรุณาเลือกประเภทเรื่องร้องเรียน"),
        ({"category": "999999"}, "กรุณาเลือกประเภทเรื่องร้องเรียนจากรายการ"),
        ({"subject": ""}, "กรุณากรอกเรื่องที่ร้องเรียนโดยสรุป"),
        ({"description": ""}, "กรุณาเล่ารายละเอียดของปัญหา"),
        ({"longitude": ""}, "กรุณากรอกทั้งละติจูดและลองจิจูด"),
        ({"latitude": "101.4386", "longitude": "16.0203"}, "พิกัดอยู่นอกประเทศไทย"),
        ({"latitude": "สิบหก"}, "กรุณากรอกละติจูดเป็นตัวเลขทศนิยม"),
        ({"latitude": "16.1234567"}, "ทศนิยมได้ไม่เกิน 6 ตำแหน่ง"),
        ({"contact_phone": "12"}, "โทรศัพท์"),
        ({"contact_email": "ที่อยู่อีเมล"}, "รูปแบบอีเมลไม่ถูกต้อง"),
    ],
)
def test_bad_input_gets_a_thai_error_keeps_the_text_and_saves_nothing(
    anon, agency, category, overrides, message
):
    response = file_complaint(anon, category, **overrides)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "ยังบันทึกไม่ได้ กรุณาแก้ไขรายการต่อไปนี้" in html
    if "subject" not in overrides:
        assert SUBJECT in html
    assert DESCRIPTION in html or overrides.get("description") == ""
    with agency_scope(agency):
        assert not Complaint.objects.exists()


def test_a_file_that_is_not_a_photo_is_refused_whatever_its_name(anon, agency, category):
    fake = SimpleUploadedFile("IMG_0002.jpg", document_pdf("not a photo"), "image/jpeg")
    response = anon.post("/complaints/new/", {**form_data(category), "photos": [fake]})
    assert response.status_code == 400
    assert "ไม่ใช่ชนิดที่รับได้" in response.content.decode()
    with agency_scope(agency), scopes_disabled():
        assert not Complaint.objects.exists() and not ComplaintFile.objects.exists()


def test_more_than_five_photos_are_refused(anon, agency, category):
    photos = [photo(n, f"IMG_{n}.jpg") for n in range(6)]
    response = anon.post("/complaints/new/", {**form_data(category), "photos": photos})
    assert response.status_code == 400
    assert "ไม่เกิน 5 ไฟล์" in response.content.decode()


def test_a_category_of_another_agency_or_a_closed_one_cannot_be_chosen(
    anon, agency, other_agency, admin_member, category
):
    from prongsai.complaints import services
    from prongsai.core.models import OrgUnit

    with agency_scope(other_agency):
        foreign_unit = OrgUnit.objects.create(agency=other_agency, side="career", name_th="กองช่าง")
        foreign = services.category_save(
            agency=other_agency, acting_user=admin_member, name_th="ของหน่วยงานอื่น", default_unit=foreign_unit
        )
    assert "ของหน่วยงานอื่น" not in anon.get("/complaints/new/").content.decode()
    assert file_complaint(anon, foreign).status_code == 400
    with agency_scope(agency):
        services.category_save(
            agency=agency,
            acting_user=admin_member,
            name_th="ขยะและความสะอาด",
            default_unit=category.default_unit,
        )
        services.category_save(agency=agency, acting_user=admin_member, category=category, is_active=False)
    response = file_complaint(anon, category)
    assert response.status_code == 400
    assert "กรุณาเลือกประเภทเรื่องร้องเรียนจากรายการ" in response.content.decode()


def test_the_receipt_is_recorded_as_the_first_step_of_the_public_timeline(agency, complaint):
    with agency_scope(agency):
        events = list(ComplaintEvent.objects.filter(complaint=complaint))
    assert [e.action for e in events] == [ComplaintEvent.Action.RECEIVED]
    assert events[0].is_public and events[0].actor is None


def test_the_time_of_receipt_is_set_only_by_staff(agency, category):
    with pytest.raises(ValueError):
        factories.complaint(agency, category, received_at=datetime(2025, 1, 10, 10, 0, tzinfo=BANGKOK))


def test_an_agency_without_categories_says_it_does_not_take_complaints_online(anon, agency):
    html = anon.get("/complaints/new/").content.decode()
    assert "หน่วยงานยังไม่เปิดรับเรื่องร้องเรียนทางเว็บไซต์" in html
    assert "/integrity/report/" in html


def test_a_wrong_photo_type_is_told_on_the_first_round_with_the_other_errors(anon, agency, category):
    """Issue 19: the photo is checked with the other fields, not only once everything else is right."""
    fake = SimpleUploadedFile("IMG_0003.jpg", document_pdf("not a photo"), "image/jpeg")
    response = anon.post("/complaints/new/", {**form_data(category), "subject": "", "photos": [fake]})
    assert response.status_code == 400
    html = response.content.decode()
    assert "ไม่ใช่ชนิดที่รับได้" in html and "กรุณากรอกเรื่องที่ร้องเรียนโดยสรุป" in html
