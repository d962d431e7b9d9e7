"""Demo ITA data of อบต.วังทอง: the catalogues, the FY2567 result the seed cites, the FY2567 analysis of the
FY2566 result (seed measure 8.10) and a few manual evidence documents for subjects whose app is not built."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from prongsai.core.demo import DemoContext
from prongsai.core.demo_images import document_pdf
from prongsai.ita import services
from prongsai.ita.catalogue_files import load_all
from prongsai.ita.models import Catalogue
from prongsai.planning.seed_fy2567 import SEED_INDICATORS, SEED_OIT, SEED_QUESTIONS, SEED_TOTAL

ANALYSIS_TOPICS = [
    {
        "findings": "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ ได้คะแนนสูง แต่ผู้รับบริการบางส่วนยังไม่ทราบขั้นตอนและระยะเวลาการให้บริการ",
        "method": "ทบทวนคู่มือการปฏิบัติงานและประกาศขั้นตอนและระยะเวลาให้บริการ ณ จุดบริการและบนเว็บไซต์",
        "owner": "สำนักปลัด",
        "steps": "ทบทวนคู่มือ เสนอผู้บริหาร เผยแพร่ และติดตามผลทุกไตรมาส",
        "period": "ต.ค. 2566 – ก.ย. 2567",
    },
    {
        "findings": "ประชาชนใช้บริการออนไลน์น้อย เพราะยังไม่รู้จักช่องทาง E-Service",
        "method": "ประชาสัมพันธ์ช่องทาง E-Service ผ่านเว็บไซต์ เสียงตามสาย และที่ประชุมประจำเดือนของหมู่บ้าน",
        "owner": "สำนักปลัด",
        "steps": "จัดทำสื่อประชาสัมพันธ์ แนะนำการใช้งาน ณ จุดบริการ และรายงานสถิติการใช้งานทุกเดือน",
        "period": "ต.ค. 2566 – ก.ย. 2567",
    },
    {
        "findings": "ข้อมูลข่าวสารบางเรื่องเผยแพร่ล่าช้า",
        "method": "กำหนดผู้รับผิดชอบเผยแพร่ข่าวของแต่ละกองและเผยแพร่ภายใน 3 วันทำการ",
        "owner": "ทุกส่วนราชการ",
        "steps": "มอบหมายผู้รับผิดชอบ ตรวจสอบความครบถ้วนของข้อมูลทุกเดือน",
        "period": "ต.ค. 2566 – ก.ย. 2567",
    },
    {
        "findings": "ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ ได้คะแนนต่ำกว่าตัวชี้วัดอื่นของแบบ IIT",
        "method": "จัดทำคู่มือการยืมทรัพย์สินและระบบบันทึกการยืม-คืน",
        "owner": "กองคลัง",
        "steps": "จัดทำคู่มือ ชี้แจงบุคลากร ตรวจสอบทรัพย์สินเป็นระยะ",
        "period": "ต.ค. 2566 – มี.ค. 2567",
    },
    {
        "findings": "ประชาชนเข้าถึงข้อมูลการจัดซื้อจัดจ้างได้จำกัด",
        "method": "เผยแพร่แผนและรายงานความก้าวหน้าการจัดซื้อจัดจ้างรายเดือนบนเว็บไซต์",
        "owner": "กองคลัง",
        "steps": "จัดทำรายงานทุกเดือน ตรวจทานโดยหัวหน้าเจ้าหน้าที่พัสดุ และเผยแพร่",
        "period": "ทุกเดือน",
    },
    {
        "findings": "บุคลากรบางส่วนยังไม่มั่นใจในความเป็นธรรมของการมอบหมายงาน",
        "method": "ประกาศหลักเกณฑ์การมอบหมายงานและการประเมินผลการปฏิบัติงานให้ทราบทั่วกัน",
        "owner": "สำนักปลัด (งานบริหารงานบุคคล)",
        "steps": "ประกาศหลักเกณฑ์ ชี้แจงในที่ประชุมประจำเดือน และเปิดช่องทางรับฟังความเห็น",
        "period": "ต.ค. 2566 – ก.ย. 2567",
    },
    {
        "findings": "ช่องทางแจ้งเบาะแสการทุจริตยังไม่แยกจากช่องทางร้องเรียนทั่วไป",
        "method": "จัดให้มีช่องทางแจ้งเบาะแสการทุจริตออนไลน์ที่คุ้มครองผู้แจ้ง และจัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
        "owner": "คณะทำงานส่งเสริมคุณธรรมและความโปร่งใส",
        "steps": "เปิดช่องทาง ประชาสัมพันธ์ รายงานสถิติเรื่องร้องเรียนทุกไตรมาส",
        "period": "ต.ค. 2566 – ก.ย. 2567",
    },
]


def seed(context: DemoContext) -> None:
    agency, admin = context.agency, context.admin
    load_all()
    catalogue = Catalogue.objects.get(code="2567-A")
    services.year_setting_choose(
        agency=agency, acting_user=admin, fiscal_year=2567, catalogue=catalogue, answer_date=date(2024, 4, 30)
    )
    services.result_save(
        agency=agency,
        acting_user=admin,
        fiscal_year=2567,
        catalogue=catalogue,
        total=Decimal(SEED_TOTAL),
        indicators={k: Decimal(v) for k, v in SEED_INDICATORS.items()},
        questions={k: Decimal(v) for k, v in SEED_QUESTIONS.items()},
        oit={k: Decimal(v) for k, v in SEED_OIT.items()},
        source="demo",
    )
    analysis = services.analysis_save(
        agency=agency,
        acting_user=admin,
        fiscal_year=2567,
        result_year=2566,
        summary="วิเคราะห์ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2566 เพื่อกำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2567",
        limitations="บุคลากรที่รับผิดชอบการเผยแพร่ข้อมูลมีจำนวนจำกัดและมีภารกิจหลายด้าน",
        problems="การรวบรวมหลักฐานจากหลายส่วนราชการใช้เวลามาก และบางเอกสารไม่ได้ระบุวันที่",
        suggestions="รวบรวมข้อมูลในระบบเดียวและตรวจความพร้อมก่อนตอบแบบ OIT ทุกไตรมาส",
        topics=ANALYSIS_TOPICS,
    )
    services.analysis_publish(analysis=analysis, acting_user=admin)
    # A few subjects whose app is not built yet, answered with a document as an agency would today.
    for subject, title, checks, day in [
        (
            "gift_declaration",
            "ประกาศเจตนารมณ์นโยบาย No Gift Policy ประจำปีงบประมาณ พ.ศ. 2567",
            ["signed"],
            date(2023, 11, 1),
        ),
        ("gift_culture", "กิจกรรมสร้างวัฒนธรรม No Gift Policy", ["activity"], date(2024, 1, 15)),
    ]:
        services.manual_evidence_add(
            agency=agency,
            acting_user=admin,
            fiscal_year=2567,
            subject=subject,
            title=title,
            upload=SimpleUploadedFile(
                f"{subject}.pdf", document_pdf(f"Wang Thong SAO {subject}"), "application/pdf"
            ),
            document_date=day,
            confirmed_checks=checks,
        )
