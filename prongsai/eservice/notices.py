"""E-mails to the applicant, queued in the outbox (``core.services.email_queue``) inside the caller's
transaction, so they are sent only if the change commits. Bodies carry the tracking code and the public
tracking link, never the content of the request, and no text the sender typed — not even the name: the
address is whatever the sender typed too, so an e-mail must be useless for writing to a stranger (issue 15).
How often one address is mailed at all is capped by the outbox itself (``email_queue``)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from prongsai.core.links import agency_url
from prongsai.core.services import email_queue
from prongsai.core.services_line import line_notify_status
from prongsai.core.thai import format_datetime

from .models import RequestStatus, ServiceRequest


def tracking_link(request: ServiceRequest) -> str:
    """The public tracking page of ``request`` on the agency's site (a path if it has none)."""
    return agency_url(request.agency, reverse("eservice:track", args=[request.display_code]))


def _send(request: ServiceRequest, subject: str, lines: list[str]) -> bool:
    line_notify_status(agency=request.agency, kind="eservice", tracking_code=request.tracking_code)
    if not request.applicant_email:
        return False
    footer = [
        "",
        _("รหัสติดตาม: %(code)s") % {"code": request.display_code},
        _("ติดตามสถานะได้ที่ %(link)s") % {"link": tracking_link(request)},
        "",
        request.agency.name_th,
    ]
    email_queue(
        agency=request.agency,
        to=request.applicant_email,
        subject=f"[{request.agency.short_name_th or request.agency.name_th}] {subject}",
        body="\n".join([_("เรียน ผู้ยื่นคำขอ"), "", *lines, *footer]),
    )
    return True


def acknowledge(request: ServiceRequest) -> bool:
    lines = [_("หน่วยงานได้รับคำขอ “%(service)s” ของท่านแล้ว") % {"service": request.service.name_th}]
    if request.due_at:
        lines.append(_("กำหนดแล้วเสร็จตามคู่มือ: %(due)s") % {"due": format_datetime(request.due_at)})
    return _send(request, _("ได้รับคำขอของท่านแล้ว"), lines)


def documents_requested(request: ServiceRequest) -> bool:
    lines = [
        _("เจ้าหน้าที่ขอเอกสารหรือข้อมูลเพิ่มเติมดังนี้"),
        request.documents_request_note,
        "",
        _("ระหว่างรอเอกสาร ระบบหยุดนับระยะเวลาดำเนินการ และจะนับต่อเมื่อหน่วยงานได้รับเอกสารครบ"),
    ]
    return _send(request, _("ขอเอกสารเพิ่มเติมสำหรับคำขอของท่าน"), lines)


def decided(request: ServiceRequest) -> bool:
    if request.status == RequestStatus.APPROVED:
        lines = [
            _("คำขอ “%(service)s” ของท่านได้รับการอนุมัติ/ดำเนินการแล้วเสร็จ") % {"service": request.service.name_th}
        ]
    else:
        lines = [_("คำขอ “%(service)s” ของท่านไม่ได้รับการอนุมัติ") % {"service": request.service.name_th}]
    if request.decision_reason:
        lines += ["", _("เหตุผล: %(reason)s") % {"reason": request.decision_reason}]
    lines += ["", _("ท่านสามารถตอบแบบสำรวจความพึงพอใจได้ที่หน้าติดตามสถานะ")]
    return _send(request, _("แจ้งผลการพิจารณาคำขอของท่าน"), lines)


def progress(request: ServiceRequest) -> bool:
    step = request.current_step
    lines = [
        _("คำขอ “%(service)s” ของท่านยังดำเนินการไม่แล้วเสร็จและเลยกำหนดเวลาตามคู่มือแล้ว")
        % {"service": request.service.name_th},
        _("ขณะนี้อยู่ในขั้นตอน: %(step)s") % {"step": step.name if step else "-"},
        _("หน่วยงานจะแจ้งความคืบหน้าให้ท่านทราบทุก 7 วันจนกว่าจะแล้วเสร็จ ขออภัยในความล่าช้า"),
    ]
    return _send(request, _("แจ้งความคืบหน้าคำขอของท่าน"), lines)
