"""Demo data of the corruption-reporting channel: keys for the demo committee member and custodian, the
published guideline, and a few reports in different states (all built through the services, so encrypted).

The demo accounts' key passphrase is DEMO_KEY_PASSPHRASE; demo reports' receipts are random and not shown.
"""

from __future__ import annotations

from prongsai.core.demo import DemoContext
from prongsai.core.demo_images import document_pdf
from prongsai.whistleblower import services, services_case, services_keys
from prongsai.whistleblower.transfer import receive_complaint

DEMO_KEY_PASSPHRASE = "wangthong-key-2567"  # noqa: S105 - demo accounts only (seed_demo refuses production)

GUIDELINE = {
    "title": "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ องค์การบริหารส่วนตำบลวังทอง",
    "what_to_include": (
        "1. ชื่อ ตำแหน่ง หรือส่วนงานของเจ้าหน้าที่ผู้ถูกร้องเรียน\n"
        "2. พฤติการณ์ของการทุจริตหรือประพฤติมิชอบ เช่น การเรียกรับเงินหรือประโยชน์ การเอื้อประโยชน์ในการจัดซื้อจัดจ้าง\n"
        "3. วัน เวลา และสถานที่ที่เกิดเหตุ เท่าที่ทราบ\n"
        "4. พยานหลักฐาน เช่น เอกสาร ภาพถ่าย หรือผู้ที่รู้เห็นเหตุการณ์\n"
        "ผู้แจ้งไม่จำเป็นต้องระบุชื่อของตนเอง"
    ),
    "channels": (
        "1. ช่องทางแจ้งเบาะแสออนไลน์บนเว็บไซต์หลักของหน่วยงาน เมนู “แจ้งเบาะแสการทุจริต” (แยกจากช่องทางร้องเรียนทั่วไป)\n"
        "2. ยื่นหนังสือด้วยตนเองหรือทางไปรษณีย์ถึงนายกองค์การบริหารส่วนตำบลวังทอง โดยระบุบนซองว่า “ลับ”\n"
        "3. สำนักงาน ป.ป.ช. สายด่วน 1205 หรือสำนักงาน ป.ป.ท. สายด่วน 1206"
    ),
    "steps": (
        "1. คณะทำงานรับเรื่องและตอบรับภายในกำหนด ผู้แจ้งทางออนไลน์ตรวจสอบสถานะได้ด้วยเลขรับแจ้ง\n"
        "2. คณะทำงานพิจารณาว่าเรื่องอยู่ในอำนาจของหน่วยงานหรือไม่ หากไม่อยู่ในอำนาจ ส่งต่อสำนักงาน ป.ป.ช. หรือ ป.ป.ท.\n"
        "3. ตรวจสอบข้อเท็จจริง โดยไม่เปิดเผยตัวผู้แจ้ง และผู้ที่อาจมีส่วนได้เสียไม่ร่วมพิจารณา\n"
        "4. รายงานผลต่อผู้บริหารและแจ้งผลแก่ผู้แจ้ง แล้วยุติเรื่องพร้อมบันทึกผลการดำเนินการ"
    ),
    "responsible_unit": "คณะทำงานด้านคุณธรรมและความโปร่งใส สำนักปลัด องค์การบริหารส่วนตำบลวังทอง",
    "time_frame": (
        "ตอบรับเรื่องภายใน 3 วันทำการ แจ้งความคืบหน้าแก่ผู้แจ้งภายใน 15 วันทำการ "
        "และดำเนินการให้แล้วเสร็จภายใน 60 วันทำการ เว้นแต่มีเหตุจำเป็นซึ่งจะแจ้งให้ผู้แจ้งทราบ"
    ),
}


def seed(context: DemoContext) -> None:
    agency, admin = context.agency, context.admin
    committee, custodian = context.users["committee"], context.users["custodian"]
    services_keys.key_setup(agency=agency, acting_user=committee, passphrase=DEMO_KEY_PASSPHRASE)
    services_keys.key_setup(agency=agency, acting_user=custodian, passphrase=DEMO_KEY_PASSPHRASE)

    guideline = services_case.guideline_save_draft(agency=agency, acting_user=admin, **GUIDELINE)
    services_case.guideline_publish(guideline=guideline, acting_user=admin)

    first = services.report_submit(
        agency=agency,
        acting_user=None,
        content=services.ReportContent(
            what="มีการแบ่งซื้อแบ่งจ้างวัสดุก่อสร้างเพื่อให้ใช้วิธีเฉพาะเจาะจงกับร้านเดิมทุกครั้ง (ข้อมูลสาธิต)",
            who="เจ้าหน้าที่พัสดุ",
            when="ไตรมาสแรกของปีงบประมาณ",
            where="กองช่าง",
            how_known="documents",
        ),
        files=[services.Evidence("สำเนาใบสั่งซื้อ.pdf", "application/pdf", document_pdf("Demo purchase orders"))],
        identity=services.Identity(name="ผู้แจ้งสาธิต", contact="081-000-0000"),
        submission_token="demo-report-1",  # noqa: S106 - an idempotency key
    )
    services_case.report_acknowledge(report=first.report, acting_user=committee)
    services.report_submit(
        agency=agency,
        acting_user=None,
        content=services.ReportContent(
            what="มีการเรียกรับเงินเพื่อเร่งออกใบอนุญาตก่อสร้าง (ข้อมูลสาธิต)", how_known="told"
        ),
        files=[],
        identity=None,
        submission_token="demo-report-2",  # noqa: S106 - an idempotency key
    )
    receive_complaint(
        agency=agency,
        acting_user=context.users["officer"],
        category="การจัดซื้อจัดจ้าง",
        description="ผู้ร้องเรียนแจ้งว่ามีการกำหนดคุณลักษณะเฉพาะเอื้อผู้ขายรายเดียว (ข้อมูลสาธิต)",
        location="หมู่ที่ 3",
        occurred="มกราคม",
        attachments=[],
    )
    context.notes.append(f"Key passphrase of the demo committee member and custodian: {DEMO_KEY_PASSPHRASE}")
