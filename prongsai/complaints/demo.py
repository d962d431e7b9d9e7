"""Demo complaints of อบต.วังทอง: categories routed to the demo units, and a year of complaints in every state.

Everything goes through the services; ``received_at`` and ``at`` date the steps over the last twelve months
as staff would when entering complaints received on paper or by telephone.
"""

from __future__ import annotations

import random
import uuid
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from prongsai.complaints import services
from prongsai.complaints.models import Complaint, ComplaintCategory
from prongsai.complaints.transfer import ReceiverUnavailable, corruption_receiver
from prongsai.core.demo import DemoContext
from prongsai.core.demo_images import activity_photo_jpeg, document_pdf
from prongsai.core.models import OrgUnit, User

CATEGORIES = [
    # name, description, unit, acknowledge within, resolve within (working days)
    ("ถนน ทางเท้า และสะพานชำรุด", "ถนนเป็นหลุมบ่อ ทางระบายน้ำอุดตัน สะพานหรือท่อลอดชำรุด", "กองช่าง", 3, 30),
    ("ไฟฟ้าส่องสว่างสาธารณะ", "ไฟถนนหรือไฟส่องสว่างในหมู่บ้านดับหรือชำรุด", "กองช่าง", 2, 7),
    ("น้ำประปาหมู่บ้าน", "น้ำไม่ไหล น้ำขุ่น ท่อแตก", "กองช่าง", 1, 7),
    ("ขยะและความสะอาด", "ขยะตกค้าง การเก็บขน ที่ทิ้งขยะผิดที่", "กองสาธารณสุขและสิ่งแวดล้อม", 2, 7),
    ("เหตุเดือดร้อนรำคาญ", "กลิ่น เสียง ควัน ฝุ่น จากกิจการหรือบ้านเรือน", "กองสาธารณสุขและสิ่งแวดล้อม", 3, 15),
    ("สวัสดิการและเบี้ยยังชีพ", "เบี้ยยังชีพผู้สูงอายุ คนพิการ ผู้ป่วยเอดส์ และการช่วยเหลือผู้ประสบภัย", "สำนักปลัด", 3, 15),
    ("การให้บริการของเจ้าหน้าที่", "ความล่าช้าหรือความไม่สะดวกในการรับบริการ (ไม่ใช่การทุจริต)", "สำนักปลัด", 3, 15),
    ("เรื่องอื่น ๆ", "เรื่องที่ไม่อยู่ในประเภทข้างต้น", "สำนักปลัด", 3, 15),
]

# category index, subject, description, place
MATTERS = [
    (
        0,
        "ถนนลูกรังเป็นหลุมลึกหน้าวัดบ้านโนนสูง",
        "ฝนตกแล้วน้ำขังเป็นหลุมลึก รถจักรยานยนต์ล้มไปแล้ว 2 คัน",
        "หมู่ที่ 6 ถนนหน้าวัดบ้านโนนสูง",
    ),
    (0, "ท่อระบายน้ำอุดตันหน้าตลาดนัด", "น้ำเน่าขังหน้าตลาดนัดวันพุธ ส่งกลิ่นเหม็น", "หมู่ที่ 1 หน้าตลาดนัดบ้านวังทอง"),
    (0, "สะพานไม้ข้ามลำห้วยชำรุด", "ไม้พื้นสะพานผุหลายแผ่น เด็กนักเรียนใช้เดินข้ามทุกวัน", "หมู่ที่ 3 สะพานข้ามลำห้วยวังทอง"),
    (1, "ไฟถนนดับ 3 ต้นต่อเนื่อง", "ไฟส่องสว่างริมถนนดับมาประมาณหนึ่งสัปดาห์ ช่วงกลางคืนมืดมาก", "หมู่ที่ 2 ถนนสายวังทอง–โนนสูง"),
    (
        1,
        "ไฟส่องสว่างหน้าโรงเรียนดับ",
        "ไฟหน้าโรงเรียนบ้านวังทองดับ ผู้ปกครองมารับเด็กตอนค่ำไม่ปลอดภัย",
        "หมู่ที่ 1 หน้าโรงเรียนบ้านวังทอง",
    ),
    (1, "เสาไฟฟ้าเอียงเสี่ยงล้ม", "เสาไฟฟ้าแรงต่ำเอียงหลังพายุ สายไฟหย่อนต่ำ", "หมู่ที่ 8 ทางเข้าบ้านหนองแวง"),
    (2, "น้ำประปาไม่ไหลสามวัน", "น้ำประปาหมู่บ้านไม่ไหลตั้งแต่วันจันทร์ ชาวบ้านต้องซื้อน้ำใช้", "หมู่ที่ 4 บ้านหนองบัว"),
    (2, "น้ำประปาขุ่นมีตะกอน", "น้ำประปาขุ่นสีเหลือง มีตะกอนในถังเก็บน้ำ", "หมู่ที่ 5"),
    (2, "ท่อประปาแตกริมถนน", "ท่อแตกน้ำไหลทิ้งตลอดเวลา", "หมู่ที่ 7 ข้างศาลาประชาคม"),
    (3, "ขยะตกค้างไม่มีรถมาเก็บ", "รถเก็บขยะไม่มาเก็บสองสัปดาห์แล้ว ขยะล้นถัง", "หมู่ที่ 2 ซอย 3"),
    (3, "มีผู้ลักลอบทิ้งขยะข้างทาง", "มีคนนำขยะมาทิ้งริมทางเข้าหมู่บ้านเป็นประจำ", "หมู่ที่ 9 ทางเข้าหมู่บ้าน"),
    (4, "กลิ่นเหม็นจากฟาร์มสุกร", "กลิ่นเหม็นรุนแรงช่วงเย็นถึงกลางคืน มีแมลงวันจำนวนมาก", "หมู่ที่ 5 ใกล้ฟาร์มสุกร"),
    (4, "เสียงดังจากร้านคาราโอเกะหลังเที่ยงคืน", "เปิดเพลงเสียงดังทุกคืนจนถึงตีสอง", "หมู่ที่ 1"),
    (4, "ควันจากการเผาหญ้าในที่ดินว่าง", "มีการเผาหญ้าทุกเย็น ควันเข้าบ้าน เด็กเป็นหอบหืด", "หมู่ที่ 3"),
    (5, "ยังไม่ได้รับเบี้ยยังชีพผู้สูงอายุเดือนนี้", "แม่อายุ 72 ปี ยังไม่ได้รับเงินเบี้ยยังชีพเดือนนี้", "หมู่ที่ 6"),
    (5, "ขอความช่วยเหลือบ้านเรือนเสียหายจากวาตภัย", "หลังคาบ้านปลิวจากพายุ ขอรับความช่วยเหลือ", "หมู่ที่ 8"),
    (6, "รอรับบริการนานที่งานจัดเก็บรายได้", "มาชำระภาษีต้องรอนานกว่าหนึ่งชั่วโมงเพราะมีเจ้าหน้าที่คนเดียว", ""),
    (6, "โทรศัพท์สำนักงานไม่มีผู้รับสาย", "โทรหาหมายเลขสำนักงานหลายครั้งในเวลาราชการไม่มีผู้รับสาย", ""),
    (7, "สุนัขจรจัดจำนวนมากในหมู่บ้าน", "สุนัขจรจัดไล่กัดเด็กนักเรียน", "หมู่ที่ 4"),
    (7, "ขอให้ตัดกิ่งไม้ที่พาดสายไฟ", "กิ่งไม้ใหญ่พาดสายไฟฟ้าแรงสูง เกรงจะเกิดไฟไหม้", "หมู่ที่ 2"),
]

NAMES = ["นายสมหมาย ใจงาม", "นางบุญมี ศรีสุข", "นางสาวพิมพ์ใจ แก้วดี", "", "นายทองใบ มาดี", ""]
CHANNELS = [Complaint.Channel.WEB, Complaint.Channel.WEB, Complaint.Channel.PHONE, Complaint.Channel.WALK_IN]
# The final state of each demo complaint, oldest first; every state appears, most are resolved.
PLAN = (
    ["resolved_confirmed"] * 12
    + ["resolved_disputed"] * 2
    + ["resolved"] * 4
    + ["rejected"] * 2
    + ["forwarded"] * 3
    + ["in_progress"] * 4
    + ["accepted"] * 3
    + ["received"] * 3
    + ["moved"]
)


def _photo(seed: int) -> SimpleUploadedFile:
    return SimpleUploadedFile(
        f"IMG_{seed:04d}.jpg", activity_photo_jpeg(100 + seed, with_gps=True), "image/jpeg"
    )


def _evidence(seed: int) -> SimpleUploadedFile:
    if seed % 4 == 0:
        return SimpleUploadedFile("letter.pdf", document_pdf(f"Result letter {seed}"), "application/pdf")
    return SimpleUploadedFile(
        f"after-{seed}.jpg", activity_photo_jpeg(200 + seed, with_gps=True), "image/jpeg"
    )


def _categories(context: DemoContext) -> list[ComplaintCategory]:
    units = {u.name_th: u for u in OrgUnit.objects.filter(agency=context.agency)}
    result = []
    for order, (name, description, unit, ack, resolve) in enumerate(CATEGORIES):
        result.append(
            services.category_save(
                agency=context.agency,
                acting_user=context.admin,
                name_th=name,
                description=description,
                default_unit=units[unit],
                ack_days=ack,
                resolve_days=resolve,
                order=order,
            )
        )
    return result


def _receiver_installed() -> bool:
    try:
        corruption_receiver()
    except ReceiverUnavailable:
        return False
    return True


def _step(moment: datetime, rng: random.Random, low: float, high: float) -> datetime:
    return min(moment + timedelta(hours=rng.uniform(low, high)), timezone.now() - timedelta(minutes=5))


def seed(context: DemoContext) -> None:
    agency = context.agency
    officer: User = context.users.get("officer", context.admin)
    head: User = context.users.get("head", context.admin)
    categories = _categories(context)
    rng = random.Random(2567)  # noqa: S311 - demo data only
    now = timezone.now()
    plan = [state for state in PLAN if state != "moved" or _receiver_installed()]
    count = len(plan)
    for number, state in enumerate(plan):
        category_index, subject, description, place = MATTERS[number % len(MATTERS)]
        # Spread over the last year, oldest first; open ones are the most recent.
        age_days = 360 * (count - number) / count + rng.uniform(-4, 4)
        received = now - timedelta(days=max(age_days, 1.5))
        name = NAMES[number % len(NAMES)]
        complaint, _new = services.complaint_submit(
            agency=agency,
            idempotency_key=uuid.uuid5(uuid.NAMESPACE_URL, f"prongsai-demo-complaint-{number}"),
            category=categories[category_index],
            subject=subject,
            description=description,
            location_address=place,
            latitude=None,
            longitude=None,
            contact_name=name,
            contact_phone=f"08{number % 10}-{rng.randrange(100, 999)}-{rng.randrange(1000, 9999)}"
            if name
            else "",
            photos=[_photo(number)] if number % 3 == 0 else [],
            acting_user=officer,
            channel=CHANNELS[number % len(CHANNELS)],
            received_at=received,
        )
        if state == "received":
            continue
        if state == "moved":
            try:
                services.complaint_move_to_corruption_channel(
                    complaint=complaint,
                    acting_user=head,
                    reason="ผู้ร้องระบุว่าเจ้าหน้าที่เรียกรับเงินเพื่อเร่งออกใบอนุญาต ซึ่งเป็นเรื่องร้องเรียนการทุจริต",
                )
            except ValidationError:
                # The corruption channel refuses a report nobody could read yet (its committee's keys are
                # set up by its own demo, which may run after this one): the complaint stays as received.
                context.notes.append("complaints: no complaint moved to the corruption channel (no key yet)")
            continue
        moment = _step(received, rng, 2, 30)
        if state == "rejected":
            services.complaint_reject(
                complaint=complaint,
                acting_user=officer,
                reason="ตรวจสอบแล้วเป็นพื้นที่ของเอกชน ไม่อยู่ในอำนาจหน้าที่ขององค์การบริหารส่วนตำบล "
                "ได้แนะนำให้ผู้ร้องติดต่อเจ้าของที่ดินโดยตรง",
                at=moment,
            )
            continue
        if state == "forwarded":
            services.complaint_forward(
                complaint=complaint,
                acting_user=officer,
                to_agency="การไฟฟ้าส่วนภูมิภาคอำเภอภักดีชุมพล",
                note="เป็นทรัพย์สินของการไฟฟ้าส่วนภูมิภาค ได้มีหนังสือแจ้งให้ดำเนินการแล้ว",
                at=moment,
            )
            continue
        services.complaint_accept(
            complaint=complaint, acting_user=officer, note="ส่งเรื่องให้ส่วนงานที่รับผิดชอบตรวจสอบแล้ว", at=moment
        )
        if state == "accepted":
            continue
        moment = _step(moment, rng, 12, 72)
        services.complaint_start(
            complaint=complaint, acting_user=officer, note="เจ้าหน้าที่ออกสำรวจพื้นที่และเตรียมการแก้ไข", at=moment
        )
        if state == "in_progress":
            continue
        # Most are solved within the time limit; a few late ones keep the statistics honest.
        moment = _step(moment, rng, 24, 24 * (25 if number % 5 == 0 else 8))
        services.complaint_resolve(
            complaint=complaint,
            acting_user=officer,
            closing_note="ดำเนินการแก้ไขแล้วเสร็จ ตามภาพถ่ายหลังการแก้ไขที่แนบ",
            evidence=[_evidence(number)],
            at=moment,
        )
        if state == "resolved_confirmed":
            services.complaint_citizen_respond(complaint=complaint, confirmed=True, comment="ขอบคุณครับ")
        elif state == "resolved_disputed":
            services.complaint_citizen_respond(
                complaint=complaint, confirmed=False, comment="ซ่อมแล้วแต่ยังมีปัญหาเหมือนเดิมหลังฝนตก"
            )
