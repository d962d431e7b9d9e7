"""Thai names of audit actions, for the pages where a person reads a record's history.

The chain stores stable codes (``eservice.request.step_completed``); a page never shows one. A code named in
``ACTION_LABELS`` gets its own wording; any other is named by what was done (its last part, ``published``)
from ``VERB_LABELS``; a code matching neither is called a change of the record ("บันทึกการเปลี่ยนแปลง"),
and the audit log keeps the code beside it for the auditor.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "eservice.request.received": _("รับคำขอ"),
    "eservice.request.assigned": _("มอบหมายผู้รับผิดชอบ"),
    "eservice.request.step_completed": _("ดำเนินการขั้นตอนเสร็จ ส่งต่อขั้นตอนถัดไป"),
    "eservice.request.documents_requested": _("ขอเอกสารเพิ่มเติมจากผู้ยื่นคำขอ (หยุดนับเวลา)"),
    "eservice.request.documents_received": _("ได้รับเอกสารเพิ่มเติม (นับเวลาต่อ)"),
    "eservice.request.approved": _("อนุมัติ/ดำเนินการแล้วเสร็จ"),
    "eservice.request.rejected": _("ไม่อนุมัติ"),
    "eservice.request.progress_notice": _("แจ้งความคืบหน้าแก่ผู้ยื่นคำขอ"),
    "core.operator.ocds_prefix_updated": _("ผู้ให้บริการระบบแก้ไขคำนำหน้ารหัส OCDS"),
}

VERB_LABELS = {
    "created": _("สร้าง"),
    "drafted": _("จัดทำฉบับร่าง"),
    "draft_updated": _("แก้ไขฉบับร่าง"),
    "updated": _("แก้ไข"),
    "saved": _("บันทึก"),
    "published": _("เผยแพร่"),
    "revised": _("แก้ไขฉบับที่เผยแพร่ พร้อมเหตุผล"),
    "deleted": _("ลบ"),
    "removed": _("นำออก"),
    "added": _("เพิ่ม"),
    "recorded": _("บันทึก"),
    "uploaded": _("อัปโหลดไฟล์"),
    "imported": _("นำเข้าข้อมูล"),
    "exported": _("ส่งออกข้อมูล"),
    "submitted": _("ยื่นเรื่อง"),
    "received": _("รับเรื่อง"),
    "requested": _("ยื่นคำขอ"),
    "approved": _("อนุมัติ"),
    "rejected": _("ไม่อนุมัติ"),
    "decided": _("วินิจฉัย"),
    "answered": _("ตอบ"),
    "acknowledged": _("รับทราบ"),
    "assigned": _("มอบหมาย"),
    "started": _("เริ่มดำเนินการ"),
    "resolved": _("ดำเนินการแล้วเสร็จ"),
    "forwarded": _("ส่งต่อหน่วยงานอื่น"),
    "reopened": _("เปิดเรื่องอีกครั้ง"),
    "moved_to_corruption_channel": _("โอนไปช่องทางร้องเรียนการทุจริต"),
    "handed_over": _("ส่งมอบ"),
    "returned": _("รับคืน"),
    "written_off": _("จำหน่ายออกจากทะเบียน"),
    "member_added": _("เพิ่มสมาชิก"),
    "member_removed": _("นำสมาชิกออก"),
    "granted": _("ให้สิทธิ์"),
    "revoked": _("เพิกถอนสิทธิ์"),
    "signed_in": _("เข้าสู่ระบบ"),
    "read": _("เปิดอ่าน"),
    "purged": _("ลบตามระยะเวลาเก็บรักษา"),
}

OTHER_CHANGE = _("บันทึกการเปลี่ยนแปลง")


def action_label(code: str) -> str:
    """The Thai name of the audit action ``code``."""
    if code in ACTION_LABELS:
        return str(ACTION_LABELS[code])
    verb = code.rsplit(".", 1)[-1]
    return str(VERB_LABELS.get(verb, OTHER_CHANGE))


# Labels written into the chain in English by older code paths, named in Thai when shown.
_ACTOR_LABELS = {
    "system": _("ระบบ"),
    "citizen": _("ประชาชน"),
    "citizen (E-Service)": _("ประชาชน (E-Service)"),
    "citizen (Open311)": _("ประชาชน (ผ่านระบบเชื่อมต่อ Open311)"),
    "citizen (survey)": _("ประชาชน (แบบสำรวจ)"),
}


def actor_name(event: object) -> str:
    """Who acted, as a person reads it: a member's full name (their username only when they have none), or
    the Thai name of the channel a citizen or the system acted through."""
    actor = getattr(event, "actor", None)
    if actor is not None:
        full = actor.get_full_name().strip()
        return str(full or actor.get_username())
    label = str(getattr(event, "actor_label", ""))
    return str(_ACTOR_LABELS.get(label, label))
