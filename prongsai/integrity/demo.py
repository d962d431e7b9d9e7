"""Demo No Gift and corruption-risk data of อบต.วังทอง (seed measures 8.4–8.7): the FY2567 and FY2569
declarations and culture activities, a gift register with a returned gift and a gift above the threshold
decided by the chief executive, the gift reports (FY2566 a stated zero), and the risk registers of
FY2566–FY2569 on the four bribery topics with measures, progress and results."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal

from django.utils import timezone

from prongsai.core.demo import DemoContext
from prongsai.core.models import User
from prongsai.core.thai import BANGKOK
from prongsai.integrity import services
from prongsai.integrity.models import GiftEntry, RiskArea, RiskMeasure

SIGNER = ("นายชาญชัย ศรีวังทอง", "นายกองค์การบริหารส่วนตำบลวังทอง")

DECLARATION_TH = (
    "ตามที่สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติได้ขับเคลื่อนนโยบายการไม่รับของขวัญและของกำนัล"
    "ทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy) เพื่อปลูกฝังค่านิยมและวัฒนธรรมสุจริตในหน่วยงานภาครัฐ\n\n"
    "องค์การบริหารส่วนตำบลวังทอง จึงประกาศเจตนารมณ์ว่า ข้าพเจ้าพร้อมด้วยคณะผู้บริหาร สมาชิกสภา "
    "พนักงานส่วนตำบล และพนักงานจ้างทุกคน จะไม่รับของขวัญ ของกำนัล หรือประโยชน์อื่นใดจากการปฏิบัติหน้าที่ "
    "และจะไม่ให้ของขวัญแก่ผู้บังคับบัญชาหรือบุคคลอื่นในทุกโอกาส หากมีความจำเป็นต้องรับตามหลักเกณฑ์การรับ"
    "ทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา จะรายงานต่อผู้บังคับบัญชาตามมาตรา ๑๒๘ "
    "แห่งพระราชบัญญัติประกอบรัฐธรรมนูญว่าด้วยการป้องกันและปราบปรามการทุจริต พ.ศ. ๒๕๖๑"
)
DECLARATION_EN = (
    "Following the No Gift Policy of the National Anti-Corruption Commission, which promotes a culture of "
    "integrity in public agencies,\n\n"
    "Wang Thong Subdistrict Administrative Organization declares that its executives, council members and all "
    "staff will not accept gifts, presents or any other benefit in the course of their duties, and will give "
    "no gifts to their superiors or others on any occasion. Anything that must be accepted by ethical custom "
    "will be reported to the head of the agency under Section 128 of the Organic Act on Anti-Corruption B.E. "
    "2561 (2018)."
)

# (fiscal year, title, held on, description, participants, count)
ACTIVITIES = [
    (
        2567,
        "กิจกรรมประชุมชี้แจงนโยบาย No Gift Policy แก่บุคลากร",
        date(2023, 10, 16),
        "ชี้แจงประกาศเจตนารมณ์และหลักเกณฑ์การรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา "
        "พร้อมแนวปฏิบัติเมื่อมีผู้เสนอให้ของขวัญในช่วงเทศกาลปีใหม่",
        "ผู้บริหาร สมาชิกสภา พนักงานส่วนตำบล และพนักงานจ้าง",
        46,
    ),
    (
        2567,
        "กิจกรรมรณรงค์ “งดให้ งดรับ ของขวัญ” ช่วงเทศกาลปีใหม่ 2567",
        date(2023, 12, 20),
        "ติดป้ายประชาสัมพันธ์ ณ จุดบริการประชาชน และเผยแพร่ทางเว็บไซต์และเพจของหน่วยงาน",
        "พนักงานส่วนตำบลและประชาชนผู้มาติดต่อ",
        None,
    ),
    (
        2568,
        "กิจกรรมมอบเกียรติบัตรหน่วยงานต้นแบบ “ไม่รับ ไม่ให้ ของขวัญ”",
        date(2025, 1, 10),
        "ยกย่องส่วนราชการที่ไม่มีการรับหรือให้ของขวัญตลอดปีที่ผ่านมา และทบทวนแนวปฏิบัติช่วงเทศกาล",
        "ผู้บริหาร หัวหน้าส่วนราชการ และพนักงานส่วนตำบล",
        40,
    ),
    (
        2569,
        "กิจกรรมเสริมสร้างความรู้เรื่องการรับทรัพย์สินโดยธรรมจรรยาของเจ้าพนักงานของรัฐ",
        date(2025, 11, 12),
        "บรรยายหลักเกณฑ์มาตรา ๑๒๘ และกรณีตัวอย่าง พร้อมแบบทดสอบความเข้าใจ",
        "ผู้บริหาร พนักงานส่วนตำบล และพนักงานจ้าง",
        44,
    ),
]

# Risk events per fiscal year and topic: (area code, process, event, likelihood, impact, controls, rating,
# measure, owner, result).
RISKS: dict[str, list[tuple[str, str, int, int, str, str, str, str, str]]] = {
    "approval": [
        (
            "การพิจารณาอนุญาตก่อสร้าง ดัดแปลง อาคาร",
            "เจ้าหน้าที่เรียกรับผลประโยชน์เพื่อเร่งรัดการพิจารณาอนุญาตให้เร็วกว่าระยะเวลาในคู่มือ",
            3,
            4,
            "คู่มือสำหรับประชาชนกำหนดขั้นตอนและระยะเวลา",
            "fair",
            "ประกาศขั้นตอนและระยะเวลาการอนุญาต ณ จุดบริการ และรับคำขอผ่านระบบ E-Service พร้อมติดตามสถานะได้",
            "กองช่าง",
            "ประกาศขั้นตอนครบทุกงานอนุญาต รับคำขอผ่านระบบ E-Service ทุกคำขอพิจารณาแล้วเสร็จภายในเวลา "
            "ไม่มีเรื่องร้องเรียนการเรียกรับ",
        )
    ],
    "legal_power": [
        (
            "การจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง",
            "เจ้าหน้าที่ใช้ดุลยพินิจประเมินภาษีต่ำกว่าความเป็นจริงเพื่อแลกกับผลประโยชน์",
            2,
            4,
            "การตรวจสอบโดยหัวหน้าหน่วยงานคลัง",
            "good",
            "สุ่มตรวจสอบการประเมินภาษีโดยคณะกรรมการ และเผยแพร่อัตราภาษีต่อสาธารณะ",
            "กองคลัง",
            "สุ่มตรวจสอบร้อยละ 20 ของแบบประเมิน ไม่พบความคลาดเคลื่อน",
        )
    ],
    "procurement": [
        (
            "การกำหนดคุณลักษณะเฉพาะและราคากลาง",
            "กำหนดคุณลักษณะเฉพาะของพัสดุเอื้อประโยชน์แก่ผู้ประกอบการรายใดรายหนึ่ง",
            3,
            5,
            "คณะกรรมการกำหนดร่างขอบเขตของงานและราคากลาง",
            "fair",
            "เผยแพร่ร่างขอบเขตของงานเพื่อรับฟังความคิดเห็นก่อนประกาศเชิญชวน และให้กรรมการลงนามไม่มีส่วนได้เสีย",
            "กองคลัง งานพัสดุ",
            "เผยแพร่ร่างขอบเขตของงานครบทุกโครงการที่ใช้วิธี e-bidding กรรมการลงนามแบบแสดงความไม่มีส่วนได้เสียครบ",
        )
    ],
    "personnel": [
        (
            "การสรรหาและเลื่อนขั้นเงินเดือน",
            "ผู้มีอำนาจใช้ดุลยพินิจในการประเมินผลการปฏิบัติงานโดยมิชอบเพื่อแลกกับผลประโยชน์",
            2,
            3,
            "หลักเกณฑ์การประเมินผลการปฏิบัติงานที่ประกาศไว้",
            "good",
            "ประกาศผลการประเมินและเปิดโอกาสให้ทักท้วง พร้อมแต่งตั้งคณะกรรมการกลั่นกรองผลการประเมิน",
            "สำนักปลัด งานการเจ้าหน้าที่",
            "ประกาศผลการประเมินทั้งสองรอบ ไม่มีการทักท้วง",
        )
    ],
}
FY2569_EXTRA = (
    "disbursement",
    "การตรวจรับงานและเบิกจ่ายเงิน",
    "ผู้รับจ้างเสนอผลประโยชน์แก่คณะกรรมการตรวจรับเพื่อให้ตรวจรับงานที่ไม่เป็นไปตามสัญญา",
    2,
    5,
    "คณะกรรมการตรวจรับพัสดุ 3 คน",
    "fair",
    "ถ่ายภาพการตรวจรับทุกงวดและเผยแพร่ผลการตรวจรับบนเว็บไซต์",
    "กองช่าง",
    "ถ่ายภาพและเผยแพร่ผลการตรวจรับครบทุกงวดงาน",
)


def _at(day: date) -> datetime:
    """A publication moment on ``day`` (10:00 in Bangkok), never in the future."""
    moment = datetime.combine(day, time(10, 0), tzinfo=BANGKOK).astimezone(UTC)
    return min(moment, timezone.now())


def _no_gift(context: DemoContext, officer: User, executive: User) -> None:
    agency, admin = context.agency, context.admin
    for fiscal_year, signed in (
        (2567, date(2023, 10, 2)),
        (2568, date(2024, 10, 1)),
        (2569, date(2025, 10, 1)),
    ):
        declaration = services.declaration_create(
            agency=agency,
            acting_user=admin,
            fiscal_year=fiscal_year,
            title=f"ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่ ประจำปีงบประมาณ พ.ศ. {fiscal_year}",
            text_th=DECLARATION_TH,
            text_en=DECLARATION_EN,
            signer_name=SIGNER[0],
            signer_position=SIGNER[1],
            signed_on=signed,
        )
        services.declaration_publish(declaration=declaration, acting_user=admin, published_at=_at(signed))
    for fiscal_year, title, held_on, description, participants, count in ACTIVITIES:
        activity = services.activity_create(
            agency=agency,
            acting_user=admin,
            fiscal_year=fiscal_year,
            title=title,
            held_on=held_on,
            description=description,
            participants=participants,
            participant_count=count,
        )
        services.activity_publish(activity=activity, acting_user=admin, published_at=_at(held_on))

    # The register: a basket returned (FY2567), a gift above the threshold handed to the agency on the chief
    # executive's decision (FY2567), a relative's wedding gift kept by the rule (FY2568).
    returned = services.gift_record(
        agency=agency,
        acting_user=officer,
        direction=GiftEntry.Direction.RECEIVED,
        official_name="นางสาววิไลวรรณ ศรีสุข",
        official_position="นักวิชาการพัสดุ",
        counterpart_name="ห้างหุ้นส่วนจำกัด วังทองก่อสร้าง",
        relationship=GiftEntry.Relationship.CONTRACTOR,
        occasion="เทศกาลปีใหม่ 2567",
        description="กระเช้าของขวัญปีใหม่",
        estimated_value=Decimal("1200"),
        event_on=date(2023, 12, 28),
        handling=GiftEntry.Handling.RETURNED,
        note="ส่งคืนพร้อมหนังสือแจ้งนโยบาย No Gift Policy",
    )
    services.gift_close(entry=returned, acting_user=officer)
    above = services.gift_record(
        agency=agency,
        acting_user=officer,
        direction=GiftEntry.Direction.RECEIVED,
        official_name="นายประเสริฐ มั่นคง",
        official_position="ผู้อำนวยการกองช่าง",
        counterpart_name="ผู้แทนชุมชนบ้านหนองบัว",
        relationship=GiftEntry.Relationship.CITIZEN,
        occasion="พิธีเปิดถนนคอนกรีตหมู่ที่ 3",
        description="ของที่ระลึกแกะสลักไม้",
        estimated_value=Decimal("4500"),
        event_on=date(2024, 2, 14),
        handling=GiftEntry.Handling.AWAITING,
        note="มอบในพิธีต่อหน้าสาธารณชน ไม่อาจปฏิเสธได้",
    )
    services.gift_decide(
        entry=above,
        acting_user=executive,
        decision=GiftEntry.Decision.HAND_OVER,
        reason="มูลค่าเกิน 3,000 บาท ให้ส่งมอบเป็นทรัพย์สินของหน่วยงานและจัดแสดงที่ห้องประชุม",
        decided_at=_at(date(2024, 2, 20)),
    )
    relative = services.gift_record(
        agency=agency,
        acting_user=officer,
        direction=GiftEntry.Direction.RECEIVED,
        official_name="นางสาววิไลวรรณ ศรีสุข",
        counterpart_name="นางสมพร ศรีสุข",
        relationship=GiftEntry.Relationship.RELATIVE,
        occasion="งานมงคลสมรส",
        description="สร้อยคอทองคำ",
        estimated_value=Decimal("6000"),
        event_on=date(2025, 3, 8),
        handling=GiftEntry.Handling.KEPT_BY_RULE,
    )
    services.gift_close(entry=relative, acting_user=officer)

    # Reports: FY2566 a stated zero (published in FY2567, window PREV_FY), then FY2567 and FY2568.
    for fiscal_year, reported in (
        (2566, date(2023, 10, 20)),
        (2567, date(2024, 10, 18)),
        (2568, date(2025, 10, 17)),
    ):
        report = services.gift_report_create(
            agency=agency,
            acting_user=admin,
            fiscal_year=fiscal_year,
            signer_name="นางสาวสุนันทา พรหมมา",
            signer_position="ปลัดองค์การบริหารส่วนตำบลวังทอง",
            reported_on=reported,
        )
        services.gift_report_publish(report=report, acting_user=admin, published_at=_at(reported))


def _risk(context: DemoContext) -> None:
    agency, admin = context.agency, context.admin
    for fiscal_year in (2566, 2567, 2568, 2569):
        start = date(fiscal_year - 544, 10, 1)
        approved = date(fiscal_year - 544, 10, 25)
        assessment = services.assessment_create(
            agency=agency,
            acting_user=admin,
            fiscal_year=fiscal_year,
            title=f"การประเมินความเสี่ยงการทุจริต ประจำปีงบประมาณ พ.ศ. {fiscal_year}",
            scope="ประเมินความเสี่ยงการทุจริตจากการดำเนินงานตามภารกิจของหน่วยงาน "
            + (
                "ในประเด็นที่เกี่ยวข้องกับสินบน 4 ประเด็น"
                if fiscal_year < 2569
                else "ตามแนวทางของสำนักงาน ป.ป.ช. 5 ขั้นตอน ครอบคลุมประเด็นการเบิกจ่ายงบประมาณเพิ่มเติม"
            ),
            signer_name=SIGNER[0],
            signer_position=SIGNER[1],
            approved_on=approved,
        )
        rows = [(code, *row) for code, events in RISKS.items() for row in events]
        if fiscal_year >= 2569:
            rows.append(FY2569_EXTRA)
        measures = []
        for number, (
            code,
            process,
            event_text,
            likelihood,
            impact,
            controls,
            rating,
            measure,
            owner,
            result,
        ) in enumerate(rows, start=1):
            area = RiskArea.objects.get(agency=agency, code=code)
            event = services.event_save(
                assessment=assessment,
                acting_user=admin,
                area=area,
                number=number,
                process=process,
                description=event_text,
                likelihood=likelihood,
                impact=impact,
                existing_controls=controls,
                control_rating=rating,
            )
            m = services.measure_save(
                event=event,
                acting_user=admin,
                number=1,
                text=measure,
                owner=owner,
                starts_on=start,
                ends_on=date(fiscal_year - 543, 9, 30),
            )
            measures.append((m, result))
        services.assessment_publish(assessment=assessment, acting_user=admin, published_at=_at(approved))
        for m, result in measures:
            services.progress_record(
                measure=m,
                acting_user=admin,
                reported_on=min(date(fiscal_year - 543, 3, 31), timezone.localdate()),
                percent=50,
                note="ดำเนินการตามแผนแล้วครึ่งหนึ่ง",
            )
            services.measure_save(
                event=m.event, acting_user=admin, measure=m, status=RiskMeasure.Status.DONE, result=result
            )
        report_day = date(fiscal_year - 543, 11, 20)
        services.treatment_report_update(
            assessment=assessment,
            acting_user=admin,
            summary="ดำเนินการตามมาตรการครบทุกมาตรการ ไม่มีเรื่องร้องเรียนการทุจริตในประเด็นที่ประเมิน",
            problems="บุคลากรบางส่วนยังไม่เข้าใจแนวปฏิบัติ",
            suggestions="จัดอบรมทบทวนแนวปฏิบัติทุกปี",
        )
        if report_day < timezone.localdate():
            services.treatment_report_publish(
                assessment=assessment, acting_user=admin, published_at=_at(report_day)
            )


def seed(context: DemoContext) -> None:
    officer = context.users.get("officer", context.admin)
    executive = context.users.get("executive", context.admin)
    _no_gift(context, officer, executive)
    _risk(context)
