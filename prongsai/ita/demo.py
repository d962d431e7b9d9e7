"""Demo ITA data of อบต.วังทอง: the catalogues, the FY2567 result the seed cites, the FY2567 analysis of the
FY2566 result (seed measure 8.10) and a few manual evidence documents for subjects whose app is not built."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from prongsai.core.demo import DemoContext
from prongsai.core.demo_images import document_pdf
from prongsai.core.models import Agency, User
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
        "owner": "คณะทำงานด้านคุณธรรมและความโปร่งใส",
        "steps": "เปิดช่องทาง ประชาสัมพันธ์ รายงานสถิติเรื่องร้องเรียนทุกไตรมาส",
        "period": "ต.ค. 2566 – ก.ย. 2567",
    },
]


# The results NACC published for อบต.วังทอง after the seed year (demo figures, as imported from ITAS).
LATER_RESULTS: dict[int, dict[str, Any]] = {
    2568: {
        "total": "94.46",
        "indicators": {
            1: "97.10",
            2: "93.45",
            3: "95.80",
            4: "90.12",
            5: "94.60",
            6: "92.35",
            7: "91.88",
            8: "90.40",
            9: "96.15",
            10: "97.50",
        },
        "oit_missing": ["O15"],
    },
    2569: {
        "total": "95.74",
        "indicators": {
            1: "97.85",
            2: "94.90",
            3: "96.20",
            4: "92.75",
            5: "95.10",
            6: "93.40",
            7: "93.05",
            8: "92.60",
            9: "96.15",
            10: "100.00",
        },
        "oit_missing": ["O14"],
    },
}
ANSWER_DATES = {2568: date(2025, 4, 28), 2569: date(2026, 4, 27)}


def seed_later_years(agency: Agency, admin: User) -> None:
    """FY2568 and FY2569 as of 6 December 2569: settings, imported results and the analyses of each."""
    for year, data in LATER_RESULTS.items():
        catalogue = Catalogue.objects.get(code=str(year))
        services.year_setting_choose(
            agency=agency,
            acting_user=admin,
            fiscal_year=year,
            catalogue=catalogue,
            answer_date=ANSWER_DATES[year],
        )
        codes = list(catalogue.oit_items.values_list("code", flat=True))
        services.result_save(
            agency=agency,
            acting_user=admin,
            fiscal_year=year,
            catalogue=catalogue,
            total=Decimal(str(data["total"])),
            indicators={int(k): Decimal(v) for k, v in data["indicators"].items()},
            oit={c: Decimal("0" if c in data["oit_missing"] else "100") for c in codes},
            source="demo",
        )
        analysis = services.analysis_save(
            agency=agency,
            acting_user=admin,
            fiscal_year=year,
            result_year=year - 1,
            summary=f"วิเคราะห์ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {year - 1} เพื่อกำหนดมาตรการของปีงบประมาณ พ.ศ. {year}",
            limitations="บุคลากรที่รับผิดชอบการเผยแพร่ข้อมูลมีจำนวนจำกัดและมีภารกิจหลายด้าน",
            problems="หลักฐานบางรายการเผยแพร่หลังวันที่ตอบแบบ จึงไม่ได้รับการนับ",
            suggestions="ตรวจความพร้อมตามวันที่ตอบแบบในระบบก่อนตอบแบบ OIT ทุกเดือน",
            topics=ANALYSIS_TOPICS,
        )
        services.analysis_publish(analysis=analysis, acting_user=admin)


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
    seed_later_years(agency, admin)


def seed_second(context: DemoContext) -> None:
    """อบต.แหลมทอง half-way through preparing FY2570 (on the provisional FY2569 catalogue): a few documents
    in order, a half-year report dated too early and a declaration not yet signed, so the readiness page has
    something to say about what is missing and by when."""
    agency, admin = context.agency, context.admin
    for subject, title, checks, day in [
        ("ethics_code", "ประมวลจริยธรรมพนักงานส่วนท้องถิ่น", ["exists"], date(2026, 10, 5)),
        ("powers_duties", "อำนาจหน้าที่ขององค์การบริหารส่วนตำบลแหลมทอง", ["text"], date(2026, 10, 12)),
        (
            "operations_progress",
            "รายงานการกำกับติดตามการดำเนินงาน ไตรมาสที่ 1",
            ["results", "spending"],
            date(2026, 12, 1),
        ),
        ("news", "ข่าวประชาสัมพันธ์ประจำเดือนพฤศจิกายน", ["items"], date(2026, 11, 30)),
    ]:
        services.manual_evidence_add(
            agency=agency,
            acting_user=admin,
            fiscal_year=2570,
            subject=subject,
            title=title,
            upload=SimpleUploadedFile(
                f"{subject}.pdf", document_pdf(f"Laem Thong SAO {subject}"), "application/pdf"
            ),
            document_date=day,
            confirmed_checks=checks,
        )
