"""Handling a complaint: the state machine, evidence, the citizen's answer, e-mails and the audit trail."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from django.utils.html import strip_tags

from conftest import AGENCY_HOST, OTHER_HOST, login_verified, make_member
from prongsai.complaints import selectors, services
from prongsai.complaints.models import Complaint, ComplaintEvent, ComplaintFile
from prongsai.complaints.tests import factories
from prongsai.complaints.tests.factories import ADDRESS, DESCRIPTION, SUBJECT, photo
from prongsai.core.demo_images import document_pdf
from prongsai.core.models import AuditEvent, OutboundEmail
from prongsai.core.tenancy import agency_scope

CLOSING = "เปลี่ยนหลอดไฟแล้วทั้งสามต้น ตรวจสอบแล้วใช้งานได้ตามปกติ"


def resolve(complaint: Complaint, user, **kwargs) -> Complaint:
    with agency_scope(complaint.agency):
        services.complaint_accept(complaint=complaint, acting_user=user)
        services.complaint_start(complaint=complaint, acting_user=user)
        return services.complaint_resolve(
            complaint=complaint, acting_user=user, closing_note=CLOSING, evidence=[photo(7)], **kwargs
        )


def test_the_status_cannot_be_assigned_directly(complaint):
    with pytest.raises(AttributeError):
        complaint.status = Complaint.Status.RESOLVED


def test_the_whole_way_through_with_audit_events_that_carry_no_content(
    anon, agency, member, complaint, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        resolved = resolve(complaint, member)
    assert resolved.status == Complaint.Status.RESOLVED
    assert resolved.acknowledged_at and resolved.closed_at
    with agency_scope(agency):
        actions = list(
            AuditEvent.objects.filter(object_type="complaints.complaint")
            .order_by("seq")
            .values_list("action", flat=True)
        )
        events = AuditEvent.objects.filter(object_type="complaints.complaint")
        timeline = list(ComplaintEvent.objects.filter(complaint=complaint).values_list("action", flat=True))
    assert actions == [
        "complaints.complaint.received",
        "complaints.complaint.accepted",
        "complaints.complaint.started",
        "complaints.complaint.resolved",
    ]
    for event in events:
        text = f"{event.data} {event.object_repr}"
        for content in (SUBJECT, DESCRIPTION, ADDRESS, CLOSING, "citizen@example.com"):
            assert content not in text
    assert timeline == ["received", "accepted", "started", "resolved"]
    # Headings keep their Thai words whole with markup between them (core.thai_words): read as text.
    page = strip_tags(anon.get(f"/complaints/track/{complaint.display_code}/").content.decode())
    assert CLOSING in page and "ดำเนินการแล้วเสร็จ" in page and "ปัญหาได้รับการแก้ไขแล้วหรือไม่" in page
    # The citizen was told of each decision by e-mail: the code and the status, never the matter.
    assert [m.to for m in mail.outbox] == [["citizen@example.com"], ["citizen@example.com"]]
    for message in mail.outbox:
        assert complaint.display_code in message.body
        assert SUBJECT not in message.body and CLOSING not in message.body
    assert "ดำเนินการแล้วเสร็จ" in mail.outbox[1].body


def test_a_complaint_is_resolved_only_with_a_note_and_evidence(agency, member, complaint):
    with agency_scope(agency):
        services.complaint_accept(complaint=complaint, acting_user=member)
        with pytest.raises(ValidationError) as no_evidence:
            services.complaint_resolve(complaint=complaint, acting_user=member, closing_note=CLOSING)
        with pytest.raises(ValidationError) as no_note:
            services.complaint_resolve(
                complaint=complaint, acting_user=member, closing_note=" ", evidence=[photo(2)]
            )
        complaint.refresh_from_db()
    assert "กรุณาแนบหลักฐาน" in str(no_evidence.value)
    assert "กรุณาสรุปผลการดำเนินการ" in str(no_note.value)
    assert complaint.status == Complaint.Status.ACCEPTED


def test_evidence_may_be_a_document_and_photos_lose_their_metadata(agency, member, complaint):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    letter = SimpleUploadedFile("ผลการดำเนินการ.pdf", document_pdf("Result letter"), "application/pdf")
    with agency_scope(agency):
        services.complaint_accept(complaint=complaint, acting_user=member)
        services.complaint_resolve(
            complaint=complaint, acting_user=member, closing_note=CLOSING, evidence=[letter, photo(3)]
        )
        evidence = list(ComplaintFile.objects.filter(complaint=complaint, purpose="evidence").order_by("pk"))
    assert [e.kind for e in evidence] == ["pdf", "jpg"]
    with evidence[1].file.open("rb") as handle:
        assert not Image.open(handle).getexif()
    assert "ผลการดำเนินการ" not in evidence[0].file.name  # stored under a generated name


def test_the_citizen_confirms_once_from_the_tracking_page(anon, agency, member, complaint):
    resolve(complaint, member)
    response = anon.post(
        f"/complaints/track/{complaint.display_code}/respond/", {"answer": "confirm", "comment": ""}
    )
    assert response.status_code == 302
    with agency_scope(agency):
        complaint.refresh_from_db()
    assert complaint.citizen_response == Complaint.CitizenResponse.CONFIRMED
    page = anon.get(f"/complaints/track/{complaint.display_code}/").content.decode()
    assert "ผู้ร้องยืนยันว่าได้รับการแก้ไขแล้ว" in page and "ปัญหาได้รับการแก้ไขแล้วหรือไม่" not in page
    again = anon.post(
        f"/complaints/track/{complaint.display_code}/respond/", {"answer": "dispute", "comment": "x"}
    )
    assert again.status_code == 400
    assert "ท่านได้ตอบกลับผลการดำเนินการของเรื่องนี้แล้ว" in again.content.decode()


def test_a_dispute_needs_a_comment_flags_the_complaint_and_staff_can_reopen_it(
    anon, agency, member, complaint
):
    resolve(complaint, member)
    url = f"/complaints/track/{complaint.display_code}/respond/"
    empty = anon.post(url, {"answer": "dispute", "comment": ""})
    assert empty.status_code == 400 and "กรุณาบอกว่ายังมีปัญหาอะไรอยู่" in empty.content.decode()
    assert anon.post(url, {"answer": "dispute", "comment": "ไฟดับอีกแล้วต้นที่สอง"}).status_code == 302
    with agency_scope(agency):
        disputed = list(selectors.complaints_for_staff(agency, view="disputed"))
        assert disputed == [complaint]
        assert selectors.queue_counts(agency).disputed == 1
        services.complaint_reopen(complaint=complaint, acting_user=member, reason="ผู้ร้องแจ้งว่าไฟดับอีก")
        services.complaint_resolve(complaint=complaint, acting_user=member, closing_note="เปลี่ยนสายไฟใหม่แล้ว")
        complaint.refresh_from_db()
    # The evidence of the first resolution still counts; the citizen may answer the new resolution.
    assert complaint.status == Complaint.Status.RESOLVED and complaint.citizen_response == ""
    assert anon.post(url, {"answer": "confirm"}).status_code == 302


def test_reject_and_forward_close_the_complaint_with_a_public_reason(anon, agency, member, category):
    rejected = factories.complaint(agency, category)
    forwarded = factories.complaint(agency, category)
    with agency_scope(agency):
        with pytest.raises(ValidationError):
            services.complaint_reject(complaint=rejected, acting_user=member, reason="")
        services.complaint_reject(complaint=rejected, acting_user=member, reason="เป็นที่ดินของเอกชน")
        services.complaint_forward(complaint=forwarded, acting_user=member, to_agency="การไฟฟ้าส่วนภูมิภาค")
        with pytest.raises(ValidationError) as wrong_state:
            services.complaint_accept(complaint=rejected, acting_user=member)
    assert "ไม่รับเรื่อง/ยุติเรื่อง" in str(wrong_state.value)
    assert "เป็นที่ดินของเอกชน" in anon.get(f"/complaints/track/{rejected.display_code}/").content.decode()
    assert "การไฟฟ้าส่วนภูมิภาค" in anon.get(f"/complaints/track/{forwarded.display_code}/").content.decode()


def test_a_step_cannot_be_dated_in_the_future_or_before_the_previous_one(agency, member, complaint):
    with agency_scope(agency):
        with pytest.raises(ValidationError):
            services.complaint_accept(
                complaint=complaint, acting_user=member, at=timezone.now() + timedelta(hours=1)
            )
        with pytest.raises(ValidationError):
            services.complaint_accept(
                complaint=complaint, acting_user=member, at=complaint.received_at - timedelta(days=1)
            )


def test_routing_to_another_unit_is_recorded_and_stays_within_the_agency(
    agency, other_agency, member, complaint, other_unit
):
    from prongsai.core.models import OrgUnit

    with agency_scope(agency):
        services.complaint_assign_unit(
            complaint=complaint, acting_user=member, unit=other_unit, note="เป็นงานธุรการ"
        )
        complaint.refresh_from_db()
        assert complaint.unit == other_unit
    with agency_scope(other_agency):
        foreign = OrgUnit.objects.create(agency=other_agency, side="career", name_th="กองช่าง")
    with agency_scope(agency), pytest.raises(ValidationError):
        services.complaint_assign_unit(complaint=complaint, acting_user=member, unit=foreign)


def test_overdue_complaints_are_flagged_for_staff(agency, category):
    officer = make_member(agency, "clerk", "officer")
    late = factories.complaint(
        agency, category, acting_user=officer, received_at=timezone.now() - timedelta(days=30)
    )
    fresh = factories.complaint(agency, category)
    assert late.ack_overdue and late.resolve_overdue
    assert not fresh.ack_overdue and not fresh.resolve_overdue
    with agency_scope(agency):
        assert list(selectors.complaints_for_staff(agency, view="overdue")) == [late]
        counts = selectors.queue_counts(agency)
    assert (counts.open, counts.ack_overdue, counts.resolve_overdue) == (2, 1, 1)


def test_staff_handle_the_complaint_in_the_back_office(staff_client, agency, complaint):
    page = staff_client.get("/staff/complaints/")
    assert page.status_code == 200 and complaint.display_code in page.content.decode()
    detail = staff_client.get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert SUBJECT in detail and "citizen@example.com" in detail
    assert (
        staff_client.post(f"/staff/complaints/{complaint.pk}/accept/", {"accept-note": ""}).status_code == 302
    )
    response = staff_client.post(
        f"/staff/complaints/{complaint.pk}/resolve/", {"resolve-closing_note": CLOSING}
    )
    assert response.status_code == 400
    assert "กรุณาแนบหลักฐานผลการดำเนินการ" in response.content.decode()
    response = staff_client.post(
        f"/staff/complaints/{complaint.pk}/resolve/",
        {"resolve-closing_note": CLOSING, "resolve-evidence": [photo(5)]},
    )
    assert response.status_code == 302
    with agency_scope(agency):
        complaint.refresh_from_db()
        evidence = complaint.files.get(purpose="evidence")
    assert complaint.status == Complaint.Status.RESOLVED
    assert (
        staff_client.get(f"/staff/complaints/{complaint.pk}/files/{evidence.public_id}/").status_code == 200
    )


def test_bad_staff_input_gets_thai_errors(staff_client, complaint):
    response = staff_client.post(f"/staff/complaints/{complaint.pk}/reject/", {"reject-reason": ""})
    assert response.status_code == 400 and "กรุณาระบุเหตุผล" in response.content.decode()
    response = staff_client.post(f"/staff/complaints/{complaint.pk}/forward/", {"forward-to_agency": ""})
    assert response.status_code == 400 and "กรุณาระบุชื่อหน่วยงานที่ส่งเรื่องต่อไป" in response.content.decode()
    response = staff_client.post(f"/staff/complaints/{complaint.pk}/start/", {"start-note": ""})
    assert response.status_code == 400
    assert (
        "ทำรายการนี้ไม่ได้ เพราะเรื่องนี้อยู่ในสถานะ “รับเรื่องแล้ว รอตรวจสอบ” แล้ว "
        "กรุณาเปิดหน้านี้ใหม่เพื่อดูสถานะล่าสุด" in response.content.decode()
    )


def test_the_auditor_reads_but_does_not_act(agency, complaint):
    auditor = make_member(agency, "auditor", "internal_auditor")
    client = login_verified(Client(HTTP_HOST=AGENCY_HOST), auditor)
    assert client.get(f"/staff/complaints/{complaint.pk}/").status_code == 200
    assert client.post(f"/staff/complaints/{complaint.pk}/accept/", {"accept-note": ""}).status_code == 403


def test_another_agency_sees_nothing_of_the_complaint(agency, other_agency, outsider, complaint):
    with agency_scope(agency):
        stored = complaint.files.get()
    elsewhere = Client(HTTP_HOST=OTHER_HOST)
    assert elsewhere.get(f"/complaints/track/{complaint.display_code}/").status_code == 404
    assert (
        elsewhere.get(f"/complaints/track/{complaint.display_code}/files/{stored.public_id}/").status_code
        == 404
    )
    assert elsewhere.get("/complaints/track/", {"code": complaint.display_code}).status_code == 400
    own = login_verified(Client(HTTP_HOST=OTHER_HOST), outsider)
    assert own.get(f"/staff/complaints/{complaint.pk}/").status_code == 404
    assert own.get(f"/staff/complaints/{complaint.pk}/files/{stored.public_id}/").status_code == 404
    assert own.post(f"/staff/complaints/{complaint.pk}/accept/", {"accept-note": ""}).status_code == 404
    assert complaint.display_code not in own.get("/staff/complaints/?view=all").content.decode()
    with agency_scope(agency):
        complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.RECEIVED


def test_a_notification_is_linked_to_its_complaint(agency, member, complaint):
    with agency_scope(agency):
        services.complaint_accept(complaint=complaint, acting_user=member)
        assert list(complaint.emails.values_list("email__to", flat=True)) == ["citizen@example.com"]
        assert OutboundEmail.objects.count() == 1
