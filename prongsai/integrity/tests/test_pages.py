"""The public pages and the staff pages: who sees what, who must act, and bad input as a Thai 400."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from prongsai.core.demo_images import activity_photo_jpeg
from prongsai.core.files import PREVIEW_SIDE
from prongsai.integrity import services
from prongsai.integrity.models import GiftEntry, RiskEvent
from prongsai.integrity.tests import factories

GIFT_FORM = {
    "direction": "received",
    "official_name": "นางสาววิไลวรรณ ศรีสุข",
    "official_position": "",
    "counterpart_name": "บริษัท ผู้ให้ จำกัด",
    "relationship": "contractor",
    "occasion": "ปีใหม่",
    "description": "นาฬิกาข้อมือ",
    "estimated_value": "4500",
    "event_on": "2/1/2567",
    "handling": "awaiting",
    "note": "",
}


def _png() -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(out, format="PNG")
    return SimpleUploadedFile("photo.png", out.getvalue(), content_type="image/png")


@pytest.fixture
def published(agency, admin_member, member, in_scope):
    with in_scope(agency):
        declaration = factories.published_declaration(agency, admin_member)
        activity = factories.activity(agency, admin_member)
        services.activity_add_photo(
            activity=activity, acting_user=admin_member, upload=_png(), caption="ภาพกิจกรรม"
        )
        activity = services.activity_publish(activity=activity, acting_user=admin_member)
        factories.gift(agency, member, event_on=date(2024, 1, 5), counterpart_name="นายลับ ไม่เปิดเผย")
        report = services.gift_report_publish(
            report=factories.gift_report(agency, admin_member), acting_user=admin_member
        )
        assessment = factories.published_assessment(agency, admin_member)
    return {"declaration": declaration, "activity": activity, "report": report, "assessment": assessment}


def test_citizens_read_the_declaration_in_thai_and_english(anon, published):
    page = anon.get(f"/no-gift/declarations/{published['declaration'].public_id}/").content.decode()
    assert "นายชาญชัย ศรีวังทอง" in page and "will accept no gift" in page
    assert "2 ตุลาคม 2566" in page  # Buddhist era
    index = anon.get("/no-gift/").content.decode()
    assert published["declaration"].title in index


def test_the_activity_page_shows_its_photos_served_as_images(anon, published, agency, in_scope):
    activity = published["activity"]
    page = anon.get(f"/no-gift/activities/{activity.public_id}/").content.decode()
    assert "กิจกรรมถ่ายทอดนโยบาย" in page and "/photos/" in page
    with in_scope(agency):
        photo = activity.photos.get()
    response = anon.get(f"/no-gift/activities/{activity.public_id}/photos/{photo.public_id}/")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    # An 8-px photo needs no preview: the gallery's preview address serves the photo itself, and links it.
    preview = f"/no-gift/activities/{activity.public_id}/photos/{photo.public_id}/preview/"
    assert f'<img src="{preview}"' in page
    assert f'<a href="/no-gift/activities/{activity.public_id}/photos/{photo.public_id}/">' in page
    assert b"".join(anon.get(preview).streaming_content) == b"".join(response.streaming_content)


def test_a_large_activity_photo_is_shown_as_its_preview(anon, agency, admin_member, in_scope):
    with in_scope(agency):
        activity = factories.activity(agency, admin_member)
        services.activity_add_photo(
            activity=activity,
            acting_user=admin_member,
            upload=SimpleUploadedFile("big.jpg", activity_photo_jpeg(4), content_type="image/jpeg"),
            caption="",
        )
        unpublished = activity.photos.get()
        address = f"/no-gift/activities/{activity.public_id}/photos/{unpublished.public_id}/preview/"
        assert anon.get(address).status_code == 404  # not public before the activity is
        services.activity_publish(activity=activity, acting_user=admin_member)
    served = Image.open(io.BytesIO(b"".join(anon.get(address).streaming_content)))
    assert served.size == (PREVIEW_SIDE, PREVIEW_SIDE * 2 // 3)
    # Bad addresses are "not found" (in Thai), never an error.
    for bad in (
        f"/no-gift/activities/{activity.public_id}/photos/not-a-uuid/preview/",
        f"/no-gift/activities/not-a-uuid/photos/{unpublished.public_id}/preview/",
    ):
        response = anon.get(bad)
        assert response.status_code == 404
        assert "ไม่พบ" in response.content.decode()


def test_the_public_gift_report_shows_totals_and_never_a_name(anon, published):
    page = anon.get(f"/no-gift/reports/{published['report'].public_id}/").content.decode()
    assert "จำนวนรายการทั้งหมด 1 รายการ" in page
    assert "นายลับ" not in page and "วิไลวรรณ" not in page


def test_the_public_assessment_draws_the_matrix_and_the_four_topics(anon, published):
    assessment = published["assessment"]
    page = anon.get(f"/corruption-risk/{assessment.public_id}/").content.decode()
    assert "<svg" in page and page.count('width="60" height="60"') == 25
    for topic in ("การอนุมัติ อนุญาต", "การใช้อำนาจตามกฎหมาย", "การจัดซื้อจัดจ้าง", "การบริหารงานบุคคล"):
        assert topic in page
    assert "กำหนดคุณลักษณะเฉพาะเอื้อประโยชน์" in page
    # The treatment report is not public before it is published.
    assert anon.get(f"/corruption-risk/{assessment.public_id}/report/").status_code == 404


def test_drafts_and_unknown_ids_are_404(anon, agency, admin_member, in_scope):
    with in_scope(agency):
        draft = factories.declaration(agency, admin_member)
    assert anon.get(f"/no-gift/declarations/{draft.public_id}/").status_code == 404
    assert anon.get("/no-gift/declarations/not-a-uuid/").status_code == 404


def test_an_officer_records_a_gift_above_the_threshold_and_is_told_who_decides(
    staff_client, agency, in_scope
):
    response = staff_client.post("/staff/no-gift/gifts/new/", GIFT_FORM)
    assert response.status_code == 302
    with in_scope(agency):
        entry = GiftEntry.objects.get()
    assert entry.status == GiftEntry.Status.AWAITING_DECISION
    page = staff_client.get(f"/staff/no-gift/gifts/{entry.pk}/").content.decode()
    assert "รอผู้บริหาร" in page and "บันทึกคำวินิจฉัย" not in page
    # No close button is offered, and posting to it is refused with a Thai message.
    response = staff_client.post(f"/staff/no-gift/gifts/{entry.pk}/close/", follow=True)
    assert "ผู้บริหารวินิจฉัยแล้วเท่านั้น" in response.content.decode()


def test_a_bad_gift_form_is_a_thai_400_and_nothing_is_saved(staff_client, agency, in_scope):
    response = staff_client.post(
        "/staff/no-gift/gifts/new/", {**GIFT_FORM, "estimated_value": "สามพัน", "event_on": "32/13/2567"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "ไม่มีวันที่ “32/13/2567” ในปฏิทิน" in page
    assert "กรุณากรอกมูลค่าเป็นตัวเลขเป็นบาท" in page
    assert "นาฬิกาข้อมือ" in page  # what was typed is kept
    with in_scope(agency):
        assert not GiftEntry.objects.exists()


def test_keeping_a_gift_above_the_threshold_is_refused_on_the_page(staff_client, agency, in_scope):
    response = staff_client.post("/staff/no-gift/gifts/new/", {**GIFT_FORM, "handling": "kept"})
    assert response.status_code == 400
    assert "รับไว้ตามหลักเกณฑ์ไม่ได้" in response.content.decode()


def test_the_executive_decides_on_the_page(executive_client, agency, member, in_scope):
    with in_scope(agency):
        entry = factories.gift(
            agency, member, estimated_value=Decimal("4500"), handling=GiftEntry.Handling.AWAITING
        )
    assert "ของขวัญที่รอการวินิจฉัยของท่าน" in executive_client.get("/staff/no-gift/").content.decode()
    response = executive_client.post(
        f"/staff/no-gift/gifts/{entry.pk}/", {"decision": "return", "reason": ""}
    )
    assert response.status_code == 400
    response = executive_client.post(
        f"/staff/no-gift/gifts/{entry.pk}/", {"decision": "return", "reason": "ให้ส่งคืน"}
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == GiftEntry.Status.CLOSED and entry.decision == "return"


def test_the_register_is_read_by_the_head_and_the_auditor_only(
    staff_client, admin_client, auditor_client, executive_client, agency, admin_member, member, in_scope
):
    with in_scope(agency):
        mine = factories.gift(agency, member, description="ของของเจ้าหน้าที่")
        other = factories.gift(agency, admin_member, description="ของของผู้ดูแลระบบ")
    # A member sees what they recorded, not the others' entries.
    page = staff_client.get("/staff/no-gift/gifts/").content.decode()
    assert "ของของเจ้าหน้าที่" in page and "ของของผู้ดูแลระบบ" not in page
    assert staff_client.get(f"/staff/no-gift/gifts/{other.pk}/").status_code == 404
    # The administrator is not the head: same rule.
    assert admin_client.get(f"/staff/no-gift/gifts/{mine.pk}/").status_code == 404
    for client in (auditor_client, executive_client):
        page = client.get("/staff/no-gift/gifts/").content.decode()
        assert "ของของเจ้าหน้าที่" in page and "ของของผู้ดูแลระบบ" in page


def test_the_auditor_reads_but_cannot_edit_the_risk_register(auditor_client, published):
    assert auditor_client.get("/staff/corruption-risk/new/").status_code == 403
    assert auditor_client.get(f"/staff/corruption-risk/{published['assessment'].pk}/").status_code == 403


def test_the_other_agencys_administrator_sees_nothing(outsider_client, published):
    assert outsider_client.get("/staff/no-gift/").status_code == 403
    assert outsider_client.get(f"/staff/corruption-risk/{published['assessment'].pk}/").status_code == 403


def test_staff_build_the_risk_register_page_by_page(admin_client, agency, in_scope):
    response = admin_client.post(
        "/staff/corruption-risk/new/",
        {"fiscal_year": "2568", "title": "การประเมินความเสี่ยงการทุจริต ประจำปีงบประมาณ พ.ศ. 2568", "method": ""},
    )
    assert response.status_code == 302
    url = response["Location"]
    page = admin_client.get(url).content.decode()
    assert "การประเมินความเสี่ยงการให้หรือรับสินบน 4 ประเด็น" in page and "<svg" in page
    with in_scope(agency):
        from prongsai.integrity.models import RiskArea

        area = RiskArea.objects.get(agency=agency, code="personnel")
    event_url = f"{url}events/new/"
    bad = admin_client.post(
        event_url, {"area": area.pk, "number": "1", "event": "x", "likelihood": "9", "impact": "1"}
    )
    assert bad.status_code == 400
    good = admin_client.post(
        event_url,
        {"area": area.pk, "number": "1", "event": "เลื่อนขั้นโดยมิชอบ", "likelihood": "2", "impact": "3"},
    )
    assert good.status_code == 302
    with in_scope(agency):
        event = RiskEvent.objects.get()
    response = admin_client.post(
        f"{url}events/{event.pk}/measures/new/",
        {
            "number": "1",
            "measure": "ประกาศผลการประเมิน",
            "owner": "สำนักปลัด",
            "status": "planned",
            "starts_on": "1/10/2567",
            "ends_on": "30/9/2568",
            "result": "",
        },
    )
    assert response.status_code == 302
    assert admin_client.post(f"{url}publish/").status_code == 302
    page = admin_client.get(url).content.decode()
    assert "ประกาศผลการประเมิน" in page and "เผยแพร่รายงานผลการดำเนินการ" in page
    # The register of a published assessment changes only with a reason.
    response = admin_client.post(
        f"{url}events/{event.pk}/",
        {"area": area.pk, "number": "1", "event": "เปลี่ยนแล้ว", "likelihood": "2", "impact": "3", "reason": ""},
    )
    assert response.status_code == 400 and "เหตุผล" in response.content.decode()


def test_an_officer_is_told_who_publishes(staff_client, agency, admin_member, in_scope):
    with in_scope(agency):
        factories.declaration(agency, admin_member)
    page = staff_client.get("/staff/no-gift/").content.decode()
    assert "รอ ผู้บริหาร, หัวหน้าส่วนราชการ, ผู้ดูแลระบบของหน่วยงาน เผยแพร่" in page
