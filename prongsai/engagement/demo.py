"""Demo data of the Q&A board and the participation records of อบต.วังทอง (built through the services).

The participation records follow measure 3 of the seed report: village forums (ประชาคมหมู่บ้าน) for the local
development plan, public hearings, and the use the agency made of what people said.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from prongsai.core.demo import DemoContext
from prongsai.core.demo_images import activity_photo_jpeg, document_pdf
from prongsai.core.thai import BANGKOK, fiscal_year
from prongsai.engagement import services
from prongsai.engagement.models import ParticipationActivity

Kind = ParticipationActivity.Kind
Stage = ParticipationActivity.Stage

# (title, body, asker name, what happens: "answer" text, "publish", "pending" or ("reject", reason))
QUESTIONS: list[tuple[str, str, str, object]] = [
    (
        "ขั้นตอนการขออนุญาตก่อสร้างบ้านพักอาศัยชั้นเดียว",
        "จะสร้างบ้านชั้นเดียวในที่ดินของตัวเองที่หมู่ 4 ต้องขออนุญาตก่อสร้างหรือไม่ และใช้เอกสารอะไรบ้างครับ",
        "สมชาย",
        "การก่อสร้างอาคารในเขตองค์การบริหารส่วนตำบลวังทองต้องยื่นขออนุญาตก่อสร้างอาคาร (แบบ ข.1) ที่กองช่าง "
        "เอกสารที่ใช้ ได้แก่ สำเนาบัตรประจำตัวประชาชน สำเนาทะเบียนบ้าน สำเนาโฉนดที่ดินหรือเอกสารสิทธิ์ "
        "แบบแปลนอาคาร 5 ชุด และหนังสือยินยอมของเจ้าของที่ดิน (กรณีไม่ใช่ที่ดินของผู้ขอ)\n\n"
        "ระยะเวลาพิจารณาไม่เกิน 45 วันตามพระราชบัญญัติควบคุมอาคาร ค่าธรรมเนียมคิดตามพื้นที่อาคาร "
        "ดูคู่มือสำหรับประชาชนได้ที่หน้าบริการของเว็บไซต์ หรือสอบถามกองช่าง โทร 044-056-789 ต่อ 14",
    ),
    (
        "กำหนดชำระภาษีที่ดินและสิ่งปลูกสร้างปีนี้",
        "ภาษีที่ดินและสิ่งปลูกสร้างต้องชำระภายในวันที่เท่าไร ชำระผ่านช่องทางออนไลน์ได้หรือไม่คะ",
        "",
        "องค์การบริหารส่วนตำบลวังทองจะส่งแบบแจ้งการประเมินภาษีภายในเดือนกุมภาพันธ์ และผู้เสียภาษีต้องชำระภายใน"
        "เดือนเมษายนของทุกปี ชำระได้ที่กองคลังในวันและเวลาราชการ หรือโอนเข้าบัญชีขององค์การบริหารส่วนตำบล"
        "ตามที่ระบุในแบบแจ้งการประเมิน แล้วส่งหลักฐานการโอนทางไลน์ของหน่วยงาน\n\n"
        "ผู้ที่ชำระเกินกำหนดต้องเสียเบี้ยปรับและเงินเพิ่มตามกฎหมาย",
    ),
    (
        "การลงทะเบียนรับเบี้ยยังชีพผู้สูงอายุ",
        "แม่จะอายุครบ 60 ปีในเดือนพฤศจิกายนนี้ ต้องไปลงทะเบียนรับเบี้ยยังชีพเมื่อไร และใช้เอกสารอะไร",
        "ลูกชายผู้สูงอายุ หมู่ 2",
        "ผู้ที่จะมีอายุครบ 60 ปีในปีงบประมาณถัดไป ลงทะเบียนได้ระหว่างเดือนมกราคมถึงเดือนกันยายนของปีนี้ "
        "ที่สำนักปลัด (งานสวัสดิการสังคม) ด้วยตนเองหรือมอบอำนาจ เอกสารที่ใช้ ได้แก่ บัตรประจำตัวประชาชน "
        "ทะเบียนบ้าน และสมุดบัญชีเงินฝากธนาคารหรือพร้อมเพย์ที่ผูกกับเลขประจำตัวประชาชน",
    ),
    (
        "ขอใช้รถบรรทุกน้ำขององค์การบริหารส่วนตำบลช่วงหน้าแล้ง",
        "หมู่บ้านขาดน้ำอุปโภคช่วงเดือนมีนาคม ชาวบ้านขอรถบรรทุกน้ำได้หรือไม่ ต้องทำอย่างไร",
        "ผู้ใหญ่บ้าน หมู่ 7",
        "ผู้ใหญ่บ้านหรือประชาชนที่ได้รับความเดือดร้อนยื่นคำร้องขอรับการช่วยเหลือน้ำอุปโภคบริโภคได้ที่สำนักปลัด "
        "(งานป้องกันและบรรเทาสาธารณภัย) หรือแจ้งผ่านช่องทางร้องเรียนทั่วไปของเว็บไซต์ โดยระบุหมู่บ้าน จำนวนครัวเรือน "
        "และจุดที่ต้องการให้นำน้ำไปส่ง เจ้าหน้าที่จะสำรวจและจัดรถบรรทุกน้ำตามลำดับความเดือดร้อน ไม่มีค่าใช้จ่าย",
    ),
    (
        "ศูนย์พัฒนาเด็กเล็กรับสมัครนักเรียนเมื่อไร",
        "อยากทราบกำหนดรับสมัครเด็กเข้าศูนย์พัฒนาเด็กเล็กของ อบต. สำหรับปีการศึกษาหน้า เด็กต้องอายุเท่าไร",
        "",
        "publish",
    ),
    (
        "ไฟส่องสว่างริมถนนสายหลักเปิดกี่โมง",
        "ไฟส่องสว่างริมถนนสายวังทอง–โนนสูง เปิดอัตโนมัติหรือมีคนเปิดปิด ช่วงหัวค่ำยังมืดอยู่",
        "",
        "pending",
    ),
    (
        "โปรโมชันพิเศษ รับทำเว็บไซต์ราคาถูก",
        "สนใจติดต่อ ไลน์ไอดี ...",
        "",
        ("reject", "ข้อความโฆษณาซึ่งไม่เกี่ยวข้องกับภารกิจของหน่วยงาน"),
    ),
]

PARTICIPATION: list[dict[str, Any]] = [
    dict(
        title="ประชาคมหมู่บ้านเพื่อจัดทำแผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570) เพิ่มเติม ครั้งที่ 1/2567 หมู่ที่ 1–4",
        kind=Kind.VILLAGE_FORUM,
        stage=Stage.PLAN,
        activity_date=date(2023, 11, 14),
        location="ศาลาประชาคมหมู่ที่ 1 บ้านวังทอง",
        description="องค์การบริหารส่วนตำบลวังทองจัดเวทีประชาคมหมู่บ้านเพื่อรับฟังปัญหาและความต้องการของประชาชน "
        "สำหรับเพิ่มเติมแผนพัฒนาท้องถิ่น โดยแบ่งกลุ่มระดมความคิดเห็นตามยุทธศาสตร์การพัฒนา",
        participant_groups=[
            {"group": "ประชาชนทั่วไป", "count": 86},
            {"group": "ผู้นำชุมชน (กำนัน ผู้ใหญ่บ้าน)", "count": 8},
            {"group": "สมาชิกสภาองค์การบริหารส่วนตำบล", "count": 8},
            {"group": "อาสาสมัครสาธารณสุขประจำหมู่บ้าน (อสม.)", "count": 12},
            {"group": "ผู้แทนส่วนราชการและหน่วยงานในพื้นที่", "count": 4},
        ],
        results="ได้โครงการที่ประชาชนเสนอ 27 โครงการ เรียงลำดับความสำคัญแล้ว 3 อันดับแรก ได้แก่ "
        "(1) ก่อสร้างถนนคอนกรีตเสริมเหล็กสายบ้านวังทอง–หนองบัว (2) ขุดลอกหนองสาธารณะหมู่ที่ 3 "
        "(3) ติดตั้งไฟฟ้าส่องสว่างพลังงานแสงอาทิตย์ในหมู่บ้าน",
        use_of_results="บรรจุโครงการลำดับ 1–3 ในแผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570) เพิ่มเติม ครั้งที่ 1/2567 "
        "ซึ่งสภาองค์การบริหารส่วนตำบลให้ความเห็นชอบเมื่อ 15 ธันวาคม 2566 และตั้งงบประมาณโครงการขุดลอกหนองสาธารณะ"
        "ในข้อบัญญัติงบประมาณรายจ่ายประจำปี 2568",
    ),
    dict(
        title="ประชาคมหมู่บ้านเพื่อจัดทำแผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570) เพิ่มเติม ครั้งที่ 1/2567 หมู่ที่ 5–9",
        kind=Kind.VILLAGE_FORUM,
        stage=Stage.PLAN,
        activity_date=date(2023, 11, 16),
        location="ศาลาประชาคมหมู่ที่ 6 บ้านโนนสูง",
        description="เวทีประชาคมหมู่บ้านกลุ่มที่ 2 เพื่อรับฟังปัญหาและความต้องการสำหรับแผนพัฒนาท้องถิ่น",
        participant_groups=[
            {"group": "ประชาชนทั่วไป", "count": 102},
            {"group": "ผู้นำชุมชน (กำนัน ผู้ใหญ่บ้าน)", "count": 10},
            {"group": "สมาชิกสภาองค์การบริหารส่วนตำบล", "count": 10},
            {"group": "เด็กและเยาวชน", "count": 15},
        ],
        results="ได้โครงการที่ประชาชนเสนอ 31 โครงการ ส่วนใหญ่เป็นเรื่องน้ำเพื่อการเกษตรและถนนเข้าพื้นที่การเกษตร "
        "เยาวชนเสนอให้ปรับปรุงลานกีฬาประจำหมู่บ้าน",
        use_of_results="บรรจุโครงการขุดเจาะบ่อบาดาลเพื่อการเกษตร 2 แห่ง และปรับปรุงลานกีฬาหมู่ที่ 6 ไว้ในแผนพัฒนาท้องถิ่น"
        "เพิ่มเติม ครั้งที่ 1/2567 โครงการที่เกินอำนาจหน้าที่ส่งต่อให้อำเภอภักดีชุมพลพิจารณา",
    ),
    dict(
        title="ประชุมรับฟังความคิดเห็นโครงการก่อสร้างถนนคอนกรีตเสริมเหล็กสายบ้านวังทอง–หนองบัว",
        kind=Kind.HEARING,
        stage=Stage.DECIDE,
        activity_date=date(2024, 3, 6),
        location="ห้องประชุมองค์การบริหารส่วนตำบลวังทอง",
        description="ชี้แจงแบบรูปรายการ แนวเขตถนน และระยะเวลาก่อสร้าง และรับฟังความคิดเห็นของเจ้าของที่ดินสองข้างทาง",
        participant_groups=[
            {"group": "ประชาชนทั่วไป", "count": 41},
            {"group": "ผู้นำชุมชน (กำนัน ผู้ใหญ่บ้าน)", "count": 3},
        ],
        results="ผู้เข้าร่วมเห็นด้วยกับโครงการ และขอให้เพิ่มท่อระบายน้ำลอดถนน 2 จุดบริเวณทางน้ำไหลผ่านที่นา "
        "และขอให้ก่อสร้างหลังฤดูเก็บเกี่ยว",
        use_of_results="กองช่างแก้ไขแบบรูปรายการเพิ่มท่อลอดถนน 2 จุด และกำหนดเริ่มงานในเดือนธันวาคม 2567 ตามที่ประชาชนขอ",
    ),
    dict(
        title="ประชาชนร่วมเป็นกรรมการตรวจรับงานจ้างขุดลอกหนองสาธารณะหมู่ที่ 3",
        kind=Kind.MONITORING,
        stage=Stage.MONITOR,
        activity_date=date(2024, 7, 23),
        location="หนองสาธารณะ หมู่ที่ 3",
        description="ผู้แทนประชาชนร่วมเป็นคณะกรรมการตรวจรับพัสดุ และร่วมตรวจวัดความลึกของการขุดลอก",
        participant_groups=[
            {"group": "ผู้แทนประชาชนในคณะกรรมการตรวจรับ", "count": 2},
            {"group": "ประชาชนทั่วไป", "count": 18},
        ],
        results="ตรวจพบความลึกไม่ถึงแบบ 1 จุด คณะกรรมการให้ผู้รับจ้างแก้ไขก่อนตรวจรับ",
        use_of_results="ผู้รับจ้างแก้ไขแล้วเสร็จ คณะกรรมการตรวจรับงานเมื่อ 2 สิงหาคม 2567 "
        "และกำหนดให้มีผู้แทนประชาชนร่วมตรวจรับงานก่อสร้างทุกโครงการในหมู่บ้านนั้น",
    ),
    dict(
        title="ประชาคมตำบลเพื่อทบทวนแผนพัฒนาท้องถิ่นและจัดลำดับโครงการ ปีงบประมาณ 2569",
        kind=Kind.SUBDISTRICT_FORUM,
        stage=Stage.DECIDE,
        activity_date=date(2024, 12, 10),
        location="หอประชุมองค์การบริหารส่วนตำบลวังทอง",
        description="นำโครงการที่ผ่านประชาคมหมู่บ้านมาจัดลำดับความสำคัญในระดับตำบล",
        participant_groups=[
            {"group": "ผู้แทนประชาคมหมู่บ้าน", "count": 45},
            {"group": "ผู้นำชุมชน (กำนัน ผู้ใหญ่บ้าน)", "count": 10},
            {"group": "สมาชิกสภาองค์การบริหารส่วนตำบล", "count": 18},
            {"group": "ผู้แทนกลุ่มอาชีพและภาคเอกชน", "count": 6},
        ],
        results="จัดลำดับโครงการระดับตำบล 20 โครงการ ที่ประชุมให้ความสำคัญกับน้ำเพื่อการเกษตรและความปลอดภัยทางถนน",
        use_of_results="ใช้เป็นกรอบการจัดทำข้อบัญญัติงบประมาณรายจ่ายประจำปี 2569",
    ),
]


def _recent_forum() -> dict[str, Any]:
    """A village forum of the current fiscal year, so that this year's OIT evidence is not empty."""
    day = timezone.localdate() - timedelta(days=20)
    year = fiscal_year(day)
    return dict(
        title=f"ประชาคมหมู่บ้านเพื่อทบทวนแผนพัฒนาท้องถิ่นและจัดทำข้อบัญญัติงบประมาณ ปีงบประมาณ {year + 1}",
        kind=Kind.VILLAGE_FORUM,
        stage=Stage.PLAN,
        activity_date=day,
        location="ศาลาประชาคมหมู่ที่ 4 บ้านหนองบัว",
        description="รับฟังปัญหาความต้องการของประชาชนหมู่ที่ 1–9 และรายงานผลการดำเนินโครงการตามแผนของปีที่ผ่านมา",
        participant_groups=[
            {"group": "ประชาชนทั่วไป", "count": 154},
            {"group": "ผู้นำชุมชน (กำนัน ผู้ใหญ่บ้าน)", "count": 9},
            {"group": "สมาชิกสภาองค์การบริหารส่วนตำบล", "count": 9},
            {"group": "ผู้สูงอายุ", "count": 23},
            {"group": "คนพิการ", "count": 4},
        ],
        results="ประชาชนเสนอโครงการ 38 โครงการ เรื่องที่เสนอมากที่สุดคือไฟฟ้าส่องสว่างและน้ำประปาหมู่บ้าน "
        "ผู้สูงอายุขอให้จัดรถรับส่งไปโรงพยาบาลส่งเสริมสุขภาพตำบล",
        use_of_results="อยู่ระหว่างบรรจุโครงการในแผนพัฒนาท้องถิ่นเพิ่มเติม และเสนอสภาองค์การบริหารส่วนตำบลพิจารณา",
    )


def _moment(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour, 0), tzinfo=BANGKOK)


def seed(context: DemoContext) -> None:
    agency, admin = context.agency, context.users.get("officer", context.admin)
    for number, (title, body, name, outcome) in enumerate(QUESTIONS):
        question, _new = services.question_submit(
            agency=agency,
            idempotency_key=uuid.uuid5(uuid.NAMESPACE_URL, f"prongsai-demo-question-{number}"),
            title=title,
            body=body,
            asker_name=name,
        )
        if outcome == "publish":
            services.question_publish(question=question, acting_user=admin)
        elif isinstance(outcome, tuple):
            services.question_reject(question=question, acting_user=admin, reason=outcome[1])
        elif outcome != "pending":
            services.question_answer(question=question, acting_user=admin, answer=str(outcome))

    publisher = context.admin
    for number, fields in enumerate([*PARTICIPATION, _recent_forum()]):
        activity = services.participation_create_draft(agency=agency, acting_user=admin, **fields)
        photo = SimpleUploadedFile(f"forum-{number}.jpg", activity_photo_jpeg(40 + number), "image/jpeg")
        services.participation_attach_file(
            activity=activity, acting_user=admin, upload=photo, title="ภาพกิจกรรม"
        )
        if number == 0:
            report = SimpleUploadedFile(
                "forum-report.pdf", document_pdf("Village forum report 1/2567", pages=2), "application/pdf"
            )
            services.participation_attach_file(
                activity=activity, acting_user=admin, upload=report, title="รายงานการประชุมประชาคม (PDF)"
            )
        day = fields["activity_date"]
        assert isinstance(day, date)  # noqa: S101 - the demo table above
        published = min(_moment(day, 16), timezone.now())
        services.participation_publish(activity=activity, acting_user=publisher, published_at=published)
