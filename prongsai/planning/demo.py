"""Demo plans of อบต.วังทอง: the eight integrity measures of FY2567 exactly as the seed reports them, and
small operations, HR, anti-corruption and development plans (invented but typical) so that every plan
document and every planning-backed OIT item has data."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from prongsai.core.demo import DemoContext
from prongsai.core.models import Agency, User
from prongsai.planning import services
from prongsai.planning.models import Plan, PlanItem
from prongsai.planning.seed_fy2567 import MEASURES

SIGNER = ("นายชาญชัย ศรีวังทอง", "นายกองค์การบริหารส่วนตำบลวังทอง")
FY67 = (date(2023, 10, 1), date(2024, 9, 30))
FY66 = (date(2022, 10, 1), date(2023, 9, 30))

# (title, outputs, budget, period, owner, progress as of 31 Mar or result, spent)
OPERATIONS_2567 = [
    (
        "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3 บ้านหนองบัว",
        "ถนนกว้าง 4 เมตร ยาว 420 เมตร",
        "495000",
        "กองช่าง",
        "ลงนามในสัญญาแล้ว อยู่ระหว่างก่อสร้าง ความก้าวหน้าร้อยละ 40",
        "0",
    ),
    (
        "โครงการป้องกันและลดอุบัติเหตุทางถนนช่วงเทศกาล",
        "จุดบริการประชาชน 2 เทศกาล",
        "30000",
        "สำนักปลัด",
        "ดำเนินการช่วงปีใหม่แล้ว 1 ครั้ง",
        "14500",
    ),
    (
        "โครงการอาหารกลางวันศูนย์พัฒนาเด็กเล็ก",
        "เด็กเล็ก 68 คน ได้รับอาหารกลางวันครบทุกวัน",
        "380800",
        "กองการศึกษา ศาสนาและวัฒนธรรม",
        "จัดอาหารกลางวันครบทุกวันเปิดเรียน",
        "178400",
    ),
    (
        "โครงการอบรมคุณธรรม จริยธรรม สำหรับผู้บริหาร สมาชิกสภา และพนักงาน",
        "ผู้เข้าอบรม 45 คน",
        "20000",
        "สำนักปลัด",
        "จัดอบรมแล้วเมื่อ 15 มีนาคม 2567 ผู้เข้าอบรม 45 คน",
        "18650",
    ),
]
OPERATIONS_2566 = [
    (
        "โครงการซ่อมแซมถนนลูกรัง หมู่ที่ 5",
        "ถนนลูกรังยาว 1,200 เมตร",
        "150000",
        "กองช่าง",
        "ซ่อมแซมแล้วเสร็จ ยาว 1,200 เมตร",
        "148000",
        date(2023, 1, 9),
        date(2023, 3, 20),
    ),
    (
        "โครงการวันเด็กแห่งชาติ",
        "เด็กและเยาวชนเข้าร่วม 300 คน",
        "40000",
        "กองการศึกษา ศาสนาและวัฒนธรรม",
        "เด็กและเยาวชนเข้าร่วม 326 คน",
        "39200",
        date(2023, 1, 14),
        date(2023, 1, 14),
    ),
    (
        "โครงการรณรงค์ป้องกันโรคไข้เลือดออก",
        "ครัวเรือนได้รับทรายกำจัดลูกน้ำ 1,450 ครัวเรือน",
        "60000",
        "กองสาธารณสุขและสิ่งแวดล้อม",
        "แจกทรายกำจัดลูกน้ำครบ 1,450 ครัวเรือน ผู้ป่วยลดลงจากปีก่อน",
        "57600",
        date(2023, 5, 1),
        date(2023, 8, 31),
    ),
]
HR_ITEMS = [
    (
        "โครงการฝึกอบรมเพิ่มประสิทธิภาพการปฏิบัติงานของบุคลากร",
        "บุคลากรได้รับการพัฒนาอย่างน้อยคนละ 1 หลักสูตร",
        "50000",
        "สำนักปลัด",
    ),
    (
        "การส่งบุคลากรเข้ารับการฝึกอบรมตามหลักสูตรของหน่วยงานภายนอก",
        "บุคลากรเข้ารับการอบรมตามสายงาน",
        "120000",
        "ทุกส่วนราชการ",
    ),
    ("โครงการอบรมคุณธรรม จริยธรรม และประมวลจริยธรรม", "ผู้เข้าอบรม 45 คน", "20000", "สำนักปลัด"),
]
ANTI_CORRUPTION_ITEMS = [
    ("โครงการเสริมสร้างคุณธรรม จริยธรรม และธรรมาภิบาล", "บุคลากรทุกระดับเข้าร่วม", "20000", "สำนักปลัด"),
    ("กิจกรรมประกาศเจตนารมณ์ต่อต้านการทุจริตและนโยบาย No Gift Policy", "ประกาศเจตนารมณ์ 1 ครั้ง", "0", "สำนักปลัด"),
    ("กิจกรรมเผยแพร่ข้อมูลข่าวสารด้านการจัดซื้อจัดจ้าง", "เผยแพร่ครบทุกเดือน", "0", "กองคลัง"),
    ("โครงการส่งเสริมการมีส่วนร่วมของประชาชนในการตรวจสอบ", "ประชาคมหมู่บ้าน 12 หมู่บ้าน", "15000", "สำนักปลัด"),
]


def _plan(agency: Agency, admin: User, kind: str, fiscal_year: int, title: str, **extra: Any) -> Plan:
    return services.plan_create(
        agency=agency,
        acting_user=admin,
        kind=kind,
        fiscal_year=fiscal_year,
        title=title,
        signer_name=SIGNER[0],
        signer_position=SIGNER[1],
        **extra,
    )


def _projects(
    agency: Agency, admin: User, plan: Plan, rows: list[tuple[str, str, str, str]], period: tuple[date, date]
) -> list[PlanItem]:
    items = []
    for number, (title, outputs, budget, owner) in enumerate(rows, start=1):
        items.append(
            services.item_save(
                plan=plan,
                acting_user=admin,
                kind=PlanItem.Kind.PROJECT,
                number=number,
                title=title,
                outputs=outputs,
                budget=Decimal(budget),
                period_start=period[0],
                period_end=period[1],
                owner=owner,
            )
        )
    return items


def seed_integrity_measures(agency: Agency, admin: User) -> Plan:
    """The seed's eight measures with their activities, grouped results and cited scores."""
    plan = _plan(
        agency,
        admin,
        Plan.Kind.INTEGRITY_MEASURES,
        2567,
        "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2567",
        approved_on=date(2024, 9, 27),
        description="มาตรการที่กำหนดจากผลการวิเคราะห์ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2566",
    )
    for m_number, (title, activities, results) in enumerate(MEASURES, start=1):
        measure = services.item_save(
            plan=plan,
            acting_user=admin,
            kind=PlanItem.Kind.MEASURE,
            number=m_number,
            title=title,
            owner="คณะทำงานด้านคุณธรรมและความโปร่งใส",
            period_start=FY67[0],
            period_end=FY67[1],
        )
        children = {
            a_number: services.item_save(
                plan=plan,
                acting_user=admin,
                parent=measure,
                kind=PlanItem.Kind.ACTIVITY,
                number=a_number,
                title=text,
                period_start=FY67[0],
                period_end=FY67[1],
                owner="คณะทำงานด้านคุณธรรมและความโปร่งใส",
            )
            for a_number, text in enumerate(activities, start=1)
        }
        for order, (covered, text, citations) in enumerate(results):
            result = services.result_record(
                item=measure,
                acting_user=admin,
                result=text,
                covers=[children[n] for n in covered],
                order=order,
                actual_start=FY67[0],
                actual_end=FY67[1],
            )
            for kind, code, lead in citations:
                services.citation_add(
                    result=result, acting_user=admin, fiscal_year=2567, kind=kind, code=code, lead_text=lead
                )
    services.plan_publish(plan=plan, acting_user=admin)
    return plan


def seed_integrity_measures_year(agency: Agency, admin: User, fiscal_year: int, *, reported_on: date) -> Plan:
    """A later year's integrity measures (the seed's eight, carried on), each measure's result citing the
    ITA score of that year, with the annual report whose date signs the results report."""
    start, end = date(fiscal_year - 544, 10, 1), date(fiscal_year - 543, 9, 30)
    plan = _plan(
        agency,
        admin,
        Plan.Kind.INTEGRITY_MEASURES,
        fiscal_year,
        f"มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {fiscal_year}",
        approved_on=date(fiscal_year - 544, 10, 20),
        description=f"มาตรการที่กำหนดจากผลการวิเคราะห์ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {fiscal_year - 1}",
    )
    for m_number, (title, activities, _results) in enumerate(MEASURES, start=1):
        measure = services.item_save(
            plan=plan,
            acting_user=admin,
            kind=PlanItem.Kind.MEASURE,
            number=m_number,
            title=title,
            owner="คณะทำงานด้านคุณธรรมและความโปร่งใส",
            period_start=start,
            period_end=end,
        )
        children = [
            services.item_save(
                plan=plan,
                acting_user=admin,
                parent=measure,
                kind=PlanItem.Kind.ACTIVITY,
                number=a_number,
                title=text,
                period_start=start,
                period_end=end,
                owner="คณะทำงานด้านคุณธรรมและความโปร่งใส",
            )
            for a_number, text in enumerate(activities, start=1)
        ]
        result = services.result_record(
            item=measure,
            acting_user=admin,
            result=f"ดำเนินการครบทุกกิจกรรมของมาตรการภายในปีงบประมาณ พ.ศ. {fiscal_year} และเผยแพร่ผลบนเว็บไซต์ของหน่วยงาน",
            covers=children,
            order=0,
            actual_start=start,
            actual_end=end,
        )
        services.citation_add(
            result=result,
            acting_user=admin,
            fiscal_year=fiscal_year,
            kind="total",
            code="",
            lead_text=f"(อ้างอิงจากผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {fiscal_year}) คะแนนรวมที่ได้",
        )
    services.plan_publish(plan=plan, acting_user=admin)
    services.annual_report_save(
        plan=plan,
        acting_user=admin,
        summary=f"ดำเนินการตามมาตรการครบทั้ง {len(MEASURES)} มาตรการ",
        problems="บุคลากรมีภารกิจหลายด้าน การรวบรวมหลักฐานบางรายการล่าช้า",
        suggestions="รวบรวมหลักฐานในระบบเดียวและตรวจความพร้อมก่อนวันที่ตอบแบบทุกไตรมาส",
        reported_on=reported_on,
    )
    return plan


def seed_next_year_drafts(agency: Agency, admin: User, fiscal_year: int) -> None:
    """The plans of the year that has just begun, still drafts (what an agency has in early December)."""
    for kind, title in (
        (Plan.Kind.INTEGRITY_MEASURES, "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"),
        (Plan.Kind.ANTI_CORRUPTION, "แผนปฏิบัติการป้องกันการทุจริต"),
    ):
        _plan(agency, admin, kind, fiscal_year, f"{title} ประจำปีงบประมาณ พ.ศ. {fiscal_year} (ร่าง)")


def seed_operations(agency: Agency, admin: User) -> None:
    plan = _plan(
        agency,
        admin,
        Plan.Kind.OPERATIONS,
        2567,
        "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2567",
        approved_on=date(2023, 10, 25),
    )
    items = _projects(agency, admin, plan, [r[:4] for r in OPERATIONS_2567], FY67)
    services.plan_publish(plan=plan, acting_user=admin)
    services.progress_report_save(
        plan=plan,
        acting_user=admin,
        as_of=date(2024, 3, 31),
        entries={item: (row[4], Decimal(row[5])) for item, row in zip(items, OPERATIONS_2567, strict=True)},
        summary="ผลการใช้จ่ายงบประมาณรอบ 6 เดือน ร้อยละ 22.8 ของงบประมาณตามแผน",
    )
    previous = _plan(
        agency,
        admin,
        Plan.Kind.OPERATIONS,
        2566,
        "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2566",
        approved_on=date(2022, 10, 28),
    )
    old_items = _projects(agency, admin, previous, [r[:4] for r in OPERATIONS_2566], FY66)
    services.plan_publish(plan=previous, acting_user=admin)
    for item, row in zip(old_items, OPERATIONS_2566, strict=True):
        services.result_record(
            item=item,
            acting_user=admin,
            result=row[4],
            spent=Decimal(row[5]),
            actual_start=row[6],
            actual_end=row[7],
        )
    services.annual_report_save(
        plan=previous,
        acting_user=admin,
        summary="ดำเนินโครงการตามแผนครบ 3 โครงการ ใช้จ่ายงบประมาณร้อยละ 97.6",
        problems="ฝนตกชุกในช่วงเดือนสิงหาคม ทำให้งานซ่อมแซมถนนล่าช้า",
        suggestions="วางแผนงานก่อสร้างให้แล้วเสร็จก่อนฤดูฝน",
        reported_on=date(2023, 10, 20),
    )


def _simple_pair(
    agency: Agency,
    admin: User,
    kind: str,
    title: str,
    rows: list[tuple[str, str, str, str]],
    *,
    multi_year: bool = False,
) -> None:
    extra = {"first_year": 2567, "last_year": 2569} if multi_year else {}
    plan = _plan(
        agency,
        admin,
        kind,
        2567,
        f"{title} ประจำปีงบประมาณ พ.ศ. 2567",
        approved_on=date(2023, 10, 30),
        **extra,
    )
    items = _projects(agency, admin, plan, rows, FY67)
    services.plan_publish(plan=plan, acting_user=admin)
    services.progress_report_save(
        plan=plan,
        acting_user=admin,
        as_of=date(2024, 3, 31),
        entries={item: ("อยู่ระหว่างดำเนินการตามแผน", Decimal("0")) for item in items},
    )
    previous = _plan(
        agency, admin, kind, 2566, f"{title} ประจำปีงบประมาณ พ.ศ. 2566", approved_on=date(2022, 10, 30)
    )
    old = _projects(agency, admin, previous, rows, FY66)
    services.plan_publish(plan=previous, acting_user=admin)
    for item in old:
        services.result_record(
            item=item,
            acting_user=admin,
            result="ดำเนินการแล้วเสร็จตามแผน",
            spent=item.budget,
            actual_start=FY66[0],
            actual_end=FY66[1],
        )
    services.annual_report_save(
        plan=previous,
        acting_user=admin,
        problems="งบประมาณมีจำกัด",
        suggestions="บูรณาการกิจกรรมร่วมกับหน่วยงานอื่น",
        reported_on=date(2023, 10, 25),
    )
    if multi_year:
        _multi_year_results(admin, plan, items)


# The yearly results of the three-year HR plan 2567–2569, each year's annual report dated in the October after
# it (as of 6 December 2569 every year of the plan has closed).
MULTI_YEAR_RESULTS = {
    2567: ("ดำเนินการแล้วเสร็จตามแผน", "ผู้เข้ารับการอบรมบางส่วนติดภารกิจ", date(2024, 10, 28)),
    2568: (
        "ดำเนินการแล้วเสร็จตามแผน บุคลากรได้รับการพัฒนาครบทุกคน",
        "งบประมาณฝึกอบรมภายนอกไม่เพียงพอ",
        date(2025, 10, 27),
    ),
    2569: ("ดำเนินการแล้วเสร็จตามแผน และประเมินผลการพัฒนาแล้ว", "หลักสูตรออนไลน์มีจำกัด", date(2026, 10, 26)),
}


def _multi_year_results(admin: User, plan: Plan, items: list[PlanItem]) -> None:
    for year, (text, problem, reported_on) in MULTI_YEAR_RESULTS.items():
        start, end = date(year - 544, 10, 1), date(year - 543, 9, 30)
        for item in items:
            services.result_record(
                item=item,
                acting_user=admin,
                fiscal_year=year,
                result=text,
                spent=item.budget,
                actual_start=start,
                actual_end=end,
            )
        services.annual_report_save(
            plan=plan,
            acting_user=admin,
            fiscal_year=year,
            summary=f"ดำเนินการตามแผนครบ {len(items)} โครงการ ประจำปีงบประมาณ พ.ศ. {year}",
            problems=problem,
            suggestions="ส่งเสริมการเรียนรู้ด้วยตนเองผ่านหลักสูตรออนไลน์ของหน่วยงานกลาง",
            reported_on=reported_on,
        )


def seed_development(agency: Agency, admin: User) -> None:
    plan = _plan(
        agency,
        admin,
        Plan.Kind.DEVELOPMENT,
        2566,
        "แผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570)",
        first_year=2566,
        last_year=2570,
        approved_on=date(2021, 10, 29),
    )
    for number, (title, outputs, indicators) in enumerate(
        [
            ("ยุทธศาสตร์การพัฒนาโครงสร้างพื้นฐาน", "ถนนและแหล่งน้ำได้มาตรฐาน", "ร้อยละของถนนที่ได้มาตรฐาน"),
            ("ยุทธศาสตร์การพัฒนาคุณภาพชีวิต", "ประชาชนมีคุณภาพชีวิตที่ดี", "จำนวนผู้ได้รับสวัสดิการ"),
            (
                "ยุทธศาสตร์การบริหารจัดการบ้านเมืองที่ดี",
                "การบริหารโปร่งใส ตรวจสอบได้",
                "ผลการประเมิน ITA ไม่ต่ำกว่า 85 คะแนน",
            ),
        ],
        start=1,
    ):
        services.item_save(
            plan=plan,
            acting_user=admin,
            kind=PlanItem.Kind.STRATEGY,
            number=number,
            title=title,
            outputs=outputs,
            indicators=indicators,
            period_text="พ.ศ. 2566–2570",
            owner="ทุกส่วนราชการ",
        )
    services.plan_publish(plan=plan, acting_user=admin)


def seed(context: DemoContext) -> None:
    agency, admin = context.agency, context.admin
    seed_integrity_measures(agency, admin)
    seed_operations(agency, admin)
    _simple_pair(agency, admin, Plan.Kind.HR, "แผนการบริหารและพัฒนาทรัพยากรบุคคล", HR_ITEMS, multi_year=True)
    _simple_pair(agency, admin, Plan.Kind.ANTI_CORRUPTION, "แผนปฏิบัติการป้องกันการทุจริต", ANTI_CORRUPTION_ITEMS)
    seed_development(agency, admin)
    # As of 6 December 2569: FY2568 and FY2569 closed with their reports, FY2570 drafted.
    seed_integrity_measures_year(agency, admin, 2568, reported_on=date(2025, 10, 24))
    seed_integrity_measures_year(agency, admin, 2569, reported_on=date(2026, 10, 23))
    seed_next_year_drafts(agency, admin, 2570)
