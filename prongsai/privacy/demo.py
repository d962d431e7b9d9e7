"""Data subjects' requests of the demo agency, in every state of the staff queue (as of the demo's day): one
just received, one in progress and due within a week, one past the 30-day limit, one completed with the
export sent, one refused. The access request names a real e-service request, so its export finds data."""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.utils import timezone

from prongsai.core.demo import DemoContext
from prongsai.core.thai import BANGKOK
from prongsai.eservice.models import ServiceRequest

from . import services
from .models import LEGAL_LIMIT_DAYS, RequestKind, SubjectRequest

# (kind, name, e-mail, phone, details, days since received, what staff have done)
REQUESTS = [
    (
        RequestKind.ACCESS,
        "นางสาวมาลี ดอกไม้",
        "malee@example.com",
        "",
        "ขอสำเนาข้อมูลส่วนบุคคลของข้าพเจ้าที่ อบต. เก็บไว้จากคำขอรับบริการ",
        2,
        "",
    ),
    (
        RequestKind.CORRECTION,
        "นายประยุทธ์ ทองคำ",
        "",
        "0812345670",
        "หมายเลขโทรศัพท์ในคำขออนุญาตก่อสร้างไม่ถูกต้อง ขอแก้ไขเป็น 081-234-5670",
        25,
        "start",
    ),
    (
        RequestKind.ERASURE,
        "นางบุญมี ศรีสวัสดิ์",
        "boonmee@example.com",
        "",
        "ขอให้ลบข้อมูลที่อยู่และหมายเลขโทรศัพท์ของข้าพเจ้าในเรื่องร้องเรียนที่ยุติแล้ว",
        34,
        "start",
    ),
    (
        RequestKind.ACCESS,
        "นายสมหมาย ใจงาม",
        "sommai@example.com",
        "",
        "ขอทราบว่าหน่วยงานเก็บข้อมูลอะไรของข้าพเจ้าบ้าง",
        40,
        "complete",
    ),
    (
        RequestKind.OBJECTION,
        "นางสาวกาญจนา แสงทอง",
        "kanjana@example.com",
        "",
        "คัดค้านการเผยแพร่ชื่อของข้าพเจ้าในคำสั่งแต่งตั้งคณะกรรมการตรวจรับพัสดุ",
        20,
        "refuse",
    ),
]


def seed(context: DemoContext) -> None:
    agency, admin = context.agency, context.admin
    head = context.users.get("head", admin)
    now = timezone.now()
    # The first access request names one of the e-service requests, as a citizen would copy its code.
    named = ServiceRequest.objects.filter(agency=agency).order_by("received_at").first()
    for number, (kind, name, email, phone, details, days, done) in enumerate(REQUESTS):
        item, _created = services.subject_request_submit(
            agency=agency,
            idempotency_key=uuid.uuid5(uuid.NAMESPACE_URL, f"prongsai-demo-privacy-{number}"),
            kind=kind,
            requester_name=name,
            requester_email=email,
            requester_phone=phone,
            record_codes=named.tracking_code if named is not None and number == 0 else "",
            details=details,
        )
        # Received ``days`` ago: the 30-day limit runs from then (the demo's queue shows every state).
        received = now - timedelta(days=days)
        SubjectRequest.objects.filter(pk=item.pk).update(
            received_at=received,
            due_on=received.astimezone(BANGKOK).date() + timedelta(days=LEGAL_LIMIT_DAYS),
        )
        item.refresh_from_db()
        if done in {"start", "complete"}:
            item = services.subject_request_start(item=item, acting_user=head)
        if done == "complete":
            services.subject_request_complete(
                item=item,
                acting_user=head,
                outcome="ส่งสำเนาข้อมูลทางอีเมลแล้ว หลังตรวจสอบบัตรประจำตัวประชาชนของผู้ยื่นคำขอ",
            )
        elif done == "refuse":
            services.subject_request_refuse(
                item=item,
                acting_user=head,
                outcome="คำสั่งแต่งตั้งคณะกรรมการตรวจรับพัสดุต้องเผยแพร่ตามพระราชบัญญัติการจัดซื้อจัดจ้างฯ "
                "(มาตรา 24 (4) แห่งพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562)",
            )
    context.notes.append(f"PDPA: {len(REQUESTS)} data subjects' requests in every state of the queue")
