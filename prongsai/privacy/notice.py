"""The privacy notice of an agency, generated from the personal-data inventory (``core.personal_data``).

The inventory says, per model field, why it is kept, for how long and whether it is published; this module
gives each inventoried record type its Thai wording for citizens (what, why, how long, who sees it). A test
fails when the inventory lists a record type that has no wording here, so the notice cannot fall behind.
The cookies are read from the settings: the site sets only strictly necessary cookies, so no banner.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from prongsai.core.personal_data import INVENTORY


@dataclass(frozen=True)
class Wording:
    audience: Promise  # whose data it is
    why: Promise
    how_long: Promise
    who_sees: Promise


WORDING: dict[str, Wording] = {
    "core.user": Wording(
        _("เจ้าหน้าที่ผู้ใช้ระบบ"),
        _("เข้าสู่ระบบและบันทึกว่าใครทำรายการใด"),
        _("ตลอดเวลาที่มีบัญชีผู้ใช้ เมื่อพ้นหน้าที่บัญชีจะถูกระงับ"),
        _("ผู้ดูแลระบบของหน่วยงาน"),
    ),
    "core.person": Wording(
        _("ผู้บริหารและบุคลากรที่หน่วยงานเผยแพร่ตามกฎหมาย"),
        _("เปิดเผยโครงสร้าง ผู้บริหาร และช่องทางติดต่อตามที่กฎหมายและเกณฑ์ ITA กำหนด"),
        _("ตลอดเวลาที่ดำรงตำแหน่ง"),
        _("เผยแพร่ต่อสาธารณะ"),
    ),
    "core.auditevent": Wording(
        _("เจ้าหน้าที่ผู้ใช้ระบบ"),
        _("ตรวจสอบย้อนหลังได้ว่าใครทำรายการใด"),
        _("ตลอดอายุของบันทึกการตรวจสอบ"),
        _("ผู้ดูแลระบบและผู้ตรวจสอบภายใน"),
    ),
    "core.outboundemail": Wording(
        _("ผู้รับอีเมลแจ้งเตือน"),
        _("ส่งอีเมลแจ้งความคืบหน้า"),
        _("ลบเมื่อครบ 180 วันหลังส่ง"),
        _("ระบบส่งอีเมลเท่านั้น"),
    ),
    "core.attachment": Wording(
        _("ผู้ที่มีชื่ออยู่ในชื่อไฟล์เอกสารที่เผยแพร่"),
        _("แสดงชื่อไฟล์เอกสารที่หน่วยงานเผยแพร่"),
        _("ตลอดเวลาที่เผยแพร่เอกสาร"),
        _("เผยแพร่ต่อสาธารณะ"),
    ),
    "core.linelink": Wording(
        _("ผู้ที่ติดตามเรื่องทาง LINE"),
        _("ส่งข้อความแจ้งเมื่อสถานะของเรื่องที่ท่านติดตามเปลี่ยน (ท่านเป็นผู้ส่งรหัสติดตามมาเอง)"),
        _("ลบเมื่อครบ 2 ปี หรือทันทีเมื่อเรื่องถูกย้ายออกจากช่องทางบริการประชาชน"),
        _("ระบบส่งข้อความเท่านั้น"),
    ),
    "core.outboundline": Wording(
        _("ผู้รับข้อความ LINE"),
        _("ส่งข้อความแจ้งสถานะ (มีเพียงรหัสติดตามและสถานะ)"),
        _("ลบเมื่อครบ 180 วันหลังส่ง"),
        _("ระบบส่งข้อความเท่านั้น"),
    ),
    "procurement.vendor": Wording(
        _("ผู้ประกอบการที่ได้รับการคัดเลือก"),
        _("เผยแพร่ผลการจัดซื้อจัดจ้างตามที่กฎหมายกำหนด เลขประจำตัวประชาชนของบุคคลธรรมดาถูกปกปิด"),
        _("ตลอดเวลาที่เก็บเอกสารการจัดซื้อจัดจ้างตามระเบียบ"),
        _("เผยแพร่ต่อสาธารณะ"),
    ),
    "procurement.bidder": Wording(
        _("ผู้เสนอราคา"),
        _("เผยแพร่รายชื่อผู้เสนอราคาและราคาที่เสนอตามแบบ สขร.1"),
        _("ตลอดเวลาที่เก็บเอกสารการจัดซื้อจัดจ้างตามระเบียบ"),
        _("ชื่อเผยแพร่ต่อสาธารณะ เลขประจำตัวเห็นเฉพาะเจ้าหน้าที่พัสดุ"),
    ),
    "procurement.importbatch": Wording(
        _("ผู้ประกอบการในไฟล์ที่นำเข้าจากระบบ e-GP"),
        _("นำเข้าข้อมูลการจัดซื้อจัดจ้าง"),
        _("ไฟล์ถูกลบเมื่อครบ 90 วันหลังนำเข้า"),
        _("เจ้าหน้าที่พัสดุ"),
    ),
    "eservice.servicerequest": Wording(
        _("ผู้ยื่นคำขอรับบริการ"),
        _("พิจารณาคำขอและติดต่อผู้ยื่นคำขอตามพระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ"),
        _("ทำให้ไม่ระบุตัวบุคคลเมื่อครบ 5 ปีหลังคำขอเสร็จสิ้น"),
        _("เจ้าหน้าที่ผู้รับผิดชอบงานบริการ"),
    ),
    "eservice.requestfile": Wording(
        _("ผู้ยื่นคำขอรับบริการ"),
        _("เอกสารประกอบคำขอ"),
        _("ลบพร้อมข้อมูลในคำขอ"),
        _("เจ้าหน้าที่ผู้รับผิดชอบงานบริการ"),
    ),
    "eservice.satisfactionresponse": Wording(
        _("ผู้ตอบแบบสำรวจความพึงพอใจ"),
        _("ปรับปรุงการให้บริการ"),
        _("ลบความเห็นเมื่อครบ 5 ปี"),
        _("เจ้าหน้าที่ผู้รับผิดชอบงานบริการ"),
    ),
    "whistleblower.report": Wording(
        _("ผู้แจ้งเบาะแสการทุจริตและผู้ที่ถูกกล่าวถึง"),
        _("ตรวจสอบเรื่องร้องเรียนการทุจริต ข้อมูลถูกเข้ารหัส อ่านได้เฉพาะคณะทำงานที่ได้รับมอบหมาย"),
        _("จนครบระยะเวลาเก็บรักษาที่หน่วยงานกำหนดหลังยุติเรื่อง (ค่าเริ่มต้น 5 ปี)"),
        _("คณะทำงานด้านคุณธรรมและความโปร่งใสเท่านั้น ตัวตนผู้แจ้งเปิดได้เมื่อได้รับอนุมัติและบันทึกเหตุผล"),
    ),
    "whistleblower.reportmessage": Wording(
        _("ผู้แจ้งเบาะแสการทุจริต"),
        _("สื่อสารสองทางโดยไม่เปิดเผยตัวตน"),
        _("เช่นเดียวกับรายงาน"),
        _("คณะทำงานด้านคุณธรรมและความโปร่งใสเท่านั้น"),
    ),
    "whistleblower.reportfile": Wording(
        _("ผู้แจ้งเบาะแสการทุจริต"),
        _("หลักฐานประกอบรายงาน"),
        _("เช่นเดียวกับรายงาน"),
        _("คณะทำงานด้านคุณธรรมและความโปร่งใสเท่านั้น"),
    ),
    "whistleblower.identityrequest": Wording(
        _("เจ้าหน้าที่ผู้ขอเปิดตัวตนผู้แจ้ง"),
        _("บันทึกเหตุผลของการขอเปิดตัวตนผู้แจ้งเบาะแส"),
        _("เช่นเดียวกับรายงาน"),
        _("ผู้ดูแลข้อมูลตัวตนผู้แจ้งเบาะแส"),
    ),
    "planning.plan": Wording(
        _("ผู้บริหารผู้ลงนามในแผน"),
        _("แสดงผู้ลงนามในเอกสารราชการ"),
        _("ตลอดอายุของแผน"),
        _("เผยแพร่ต่อสาธารณะ"),
    ),
    "engagement.question": Wording(
        _("ผู้ถามในกระดานถาม-ตอบ"),
        _("ตอบคำถามและแจ้งผู้ถามเมื่อมีคำตอบ ชื่อแสดงเฉพาะเมื่อผู้ถามเลือกให้แสดง อีเมลไม่แสดง"),
        _("อีเมลถูกลบเมื่อครบ 180 วันหลังตอบ"),
        _("เจ้าหน้าที่ผู้ตอบคำถาม"),
    ),
    "complaints.complaint": Wording(
        _("ผู้ร้องเรียน"),
        _("ติดต่อผู้ร้องและแก้ไขปัญหาที่ร้องเรียน"),
        _("ข้อมูลติดต่อถูกลบเมื่อครบ 1 ปีหลังปิดเรื่อง"),
        _("เจ้าหน้าที่ผู้รับผิดชอบเรื่องร้องเรียน"),
    ),
    "complaints.complaintfile": Wording(
        _("ผู้ร้องเรียน"),
        _("ภาพประกอบปัญหาและผลการแก้ไข (ลบข้อมูลตำแหน่งและกล้องออกแล้ว)"),
        _("เช่นเดียวกับเรื่องร้องเรียน"),
        _("เจ้าหน้าที่และผู้ถือรหัสติดตาม"),
    ),
    "complaints.complaintevent": Wording(
        _("ผู้ร้องเรียนและผู้ที่ถูกกล่าวถึง"),
        _("บันทึกการดำเนินการของเจ้าหน้าที่"),
        _("เช่นเดียวกับเรื่องร้องเรียน"),
        _("เจ้าหน้าที่ผู้รับผิดชอบเรื่องร้องเรียน"),
    ),
    "privacy.subjectrequest": Wording(
        _("ผู้ยื่นคำขอใช้สิทธิของเจ้าของข้อมูลส่วนบุคคล"),
        _("ดำเนินการตามคำขอใช้สิทธิตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562"),
        _("ลบเมื่อครบ 1 ปีหลังดำเนินการเสร็จ"),
        _("ผู้ดูแลระบบของหน่วยงานและหัวหน้าส่วนราชการ"),
    ),
}


@dataclass(frozen=True)
class NoticeRow:
    record: str  # the record type, in Thai (the model's verbose name)
    fields: list[str]  # its fields that hold personal data, in Thai
    wording: Wording | None
    published: bool


def notice_rows() -> list[NoticeRow]:
    grouped: dict[str, list[str]] = {}
    published: dict[str, bool] = {}
    for entry in INVENTORY:
        grouped.setdefault(entry.model, []).append(entry.field)
        published[entry.model] = published.get(entry.model, False) or entry.published
    rows = []
    for label, names in grouped.items():
        app_label, model_name = label.split(".")
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue
        fields = [str(model._meta.get_field(n).verbose_name) for n in names]
        rows.append(NoticeRow(str(model._meta.verbose_name), fields, WORDING.get(label), published[label]))
    return rows


@dataclass(frozen=True)
class CookieRow:
    name: str
    why: Promise


def cookies() -> list[CookieRow]:
    """The cookies the site may set; all strictly necessary, so the site needs no consent banner."""
    return [
        CookieRow(settings.SESSION_COOKIE_NAME, _("รักษาการเข้าสู่ระบบของเจ้าหน้าที่และข้อความแจ้งผลหลังส่งแบบฟอร์ม")),
        CookieRow(settings.CSRF_COOKIE_NAME, _("ป้องกันการส่งแบบฟอร์มแทนท่านจากเว็บไซต์อื่น")),
        CookieRow(settings.LANGUAGE_COOKIE_NAME, _("จำภาษาที่ท่านเลือก (ไทยหรืออังกฤษ)")),
    ]
