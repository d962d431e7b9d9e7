"""Demo procurement history of อบต.วังทอง, FY2566–FY2568: road works, school milk, fuel, office supplies,
computers, electrical supplies, vehicle repair, tents, printing. Vendors are invented, with valid check
digits; two are natural persons (their IDs are masked on the public pages). Some rows trip each red flag
on purpose: an agreed price within 1 % of the reference price, three contracts split under the
specific-method limit, one builder's large share of a year, the fuel station chosen again and again by the
specific method, dates out of order and a price above the budget.

Everything is built through the services, as staff would: drafts, the auditor's reviews, publication.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import lru_cache

from django.core.files.uploadedfile import SimpleUploadedFile

from prongsai.core.demo import DemoContext
from prongsai.core.demo_images import document_pdf
from prongsai.core.models import User
from prongsai.core.thai import BANGKOK
from prongsai.core.thaiid import thai_id_check_digit

from . import selectors, services, services_plan
from .models import AnnouncementKind, Category, EgpStatus, Method, Procurement


def demo_tax_id(first_twelve: str) -> str:
    """A 13-digit ID with a correct check digit (the first twelve digits are invented)."""
    return first_twelve + str(thai_id_check_digit(first_twelve))


# key: (name, first twelve digits). IDs starting with 0 are juristic persons; others natural persons.
VENDORS = {
    "builder": ("ห้างหุ้นส่วนจำกัด วังทองก่อสร้าง", "036355100123"),
    "engineering": ("บริษัท ชัยภูมิวิศวกรรม จำกัด", "036555200456"),
    "rival": ("ห้างหุ้นส่วนจำกัด หนองบัวระเหวโยธา", "036355300789"),
    "materials": ("ห้างหุ้นส่วนจำกัด เทพสถิตวัสดุก่อสร้าง", "036355401012"),
    "stationery": ("ห้างหุ้นส่วนจำกัด ภักดีชุมพลพาณิชย์", "036355500001"),
    "dairy": ("สหกรณ์โคนมชัยภูมิ จำกัด", "036554001345"),
    "fuel": ("ห้างหุ้นส่วนจำกัด วังทองปิโตรเลียม", "036355601678"),
    "computer": ("บริษัท ไอทีชัยภูมิ จำกัด", "036555701901"),
    "repair": ("บริษัท สยามเครื่องจักรกลการเกษตร จำกัด", "010555802234"),
    "tent": ("บริษัท ชัยภูมิเต็นท์และเครื่องเสียง จำกัด", "036555902567"),
    "electric": ("นายประสิทธิ์ เจริญการไฟฟ้า", "336010045678"),
    "printing": ("นางสาวสุดา ศรีวังทอง", "136020078901"),
}

BUDGET = "เงินงบประมาณรายจ่ายประจำปี (ข้อบัญญัติ)"
SUBSIDY = "เงินอุดหนุนเฉพาะกิจ"
RESERVE = "เงินสะสม"


@dataclass
class Row:
    title: str
    method: Method
    category: Category
    budget: Decimal
    reference: Decimal | None
    agreed: Decimal | None
    vendor: str | None
    announced: date | None
    signed: date | None
    days: int
    source: str = BUDGET
    status: EgpStatus | None = None
    reason: str = "เป็นผู้มีคุณสมบัติครบถ้วนและเสนอราคาที่เหมาะสม"
    bidders: tuple[tuple[str, Decimal], ...] = ()


def _d(value: int | float) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


def _month_day(fy: int, month: int, day: int) -> date:
    year = fy - 543 - (1 if month >= 10 else 0)
    return date(year, month, day)


def _rows_for_year(fy: int, rnd: random.Random) -> list[Row]:
    rows: list[Row] = []
    # School milk (อาหารเสริม (นม)): one contract per school term with the dairy cooperative.
    for month, term in ((11, f"ภาคเรียนที่ 2/{fy - 1}"), (5, f"ภาคเรียนที่ 1/{fy}"), (3, "ช่วงปิดภาคเรียน")):
        amount = _d(rnd.randrange(380, 460) * 1000)
        signed = _month_day(fy, month, rnd.randrange(3, 12))
        rows.append(
            Row(
                f"จัดซื้ออาหารเสริม (นม) โรงเรียนและศูนย์พัฒนาเด็กเล็ก {term}",
                Method.SPECIFIC,
                Category.GOODS,
                amount,
                amount,
                amount,
                "dairy",
                signed - timedelta(days=5),
                signed,
                100 if term != "ช่วงปิดภาคเรียน" else 45,
                SUBSIDY,
                reason="ผู้ผลิตนมที่ได้รับสิทธิตามหลักเกณฑ์ของคณะกรรมการอาหารนมเพื่อเด็กและเยาวชน",
            )
        )
    # Fuel: nearly every month from the one station in the subdistrict (April is skipped: Songkran).
    for month in (10, 11, 12, 1, 2, 3, 5, 6, 7, 8, 9):
        amount = _d(rnd.randrange(18, 32) * 1000)
        signed = _month_day(fy, month, rnd.randrange(1, 6))
        rows.append(
            Row(
                "จัดซื้อน้ำมันเชื้อเพลิงและหล่อลื่น ประจำเดือน",
                Method.SPECIFIC,
                Category.GOODS,
                amount,
                amount,
                amount - _d(rnd.randrange(0, 900)),
                "fuel",
                signed - timedelta(days=2),
                signed,
                28,
                reason="เป็นสถานีบริการน้ำมันในพื้นที่ ราคาตามประกาศราคาขายปลีก",
            )
        )
    # Office supplies every quarter.
    for month in (11, 2, 5, 8):
        budget = _d(rnd.randrange(15, 45) * 1000)
        agreed = budget - _d(rnd.randrange(100, 2000))
        signed = _month_day(fy, month, rnd.randrange(10, 25))
        rows.append(
            Row(
                "จัดซื้อวัสดุสำนักงาน",
                Method.SPECIFIC,
                Category.GOODS,
                budget,
                budget,
                agreed,
                "stationery",
                signed - timedelta(days=4),
                signed,
                15,
            )
        )
    # Road works: competitive, mostly won by the local builder (its share of the year trips a flag).
    villages = rnd.sample(range(1, 13), 4)
    for index, village in enumerate(villages):
        budget = _d(rnd.randrange(1500, 3800) * 1000)
        reference = budget - _d(rnd.randrange(0, 20) * 1000)
        winner = "builder" if index < 3 else "engineering"
        near = index == 0  # the first road of each year is awarded within 1 % of the reference price
        agreed = reference - (
            _d(rnd.randrange(2, 9) * 1000)
            if near
            else (reference * Decimal(rnd.randrange(6, 13)) / 100).quantize(Decimal("1"))
        )
        announced = _month_day(fy, rnd.choice((12, 1, 2, 6)), rnd.randrange(1, 20))
        signed = announced + timedelta(days=rnd.randrange(30, 45))
        rivals = (
            ("rival", agreed + _d(rnd.randrange(20, 90) * 1000)),
            ("engineering" if winner == "builder" else "builder", agreed + _d(rnd.randrange(5, 60) * 1000)),
        )
        rows.append(
            Row(
                f"โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ {village} บ้านวังทอง",
                Method.E_BIDDING,
                Category.WORKS,
                budget,
                reference,
                agreed,
                winner,
                announced,
                signed,
                120,
                reason="เสนอราคาต่ำสุดและมีคุณสมบัติครบถ้วนตามประกาศเชิญชวน",
                bidders=((winner, agreed), *rivals),
            )
        )
    # Computers, electrical supplies, vehicle repair, tents, printing.
    rows.append(
        Row(
            "จัดซื้อครุภัณฑ์คอมพิวเตอร์ (เครื่องคอมพิวเตอร์สำหรับงานสำนักงาน)",
            Method.SPECIFIC,
            Category.GOODS,
            _d(88000),
            _d(88000),
            _d(86500),
            "computer",
            _month_day(fy, 1, 8),
            _month_day(fy, 1, 15),
            30,
        )
    )
    rows.append(
        Row(
            "จัดซื้อวัสดุไฟฟ้าและวิทยุ (หลอดไฟถนนสาธารณะ)",
            Method.SPECIFIC,
            Category.GOODS,
            _d(45000),
            _d(45000),
            _d(44200),
            "electric",
            _month_day(fy, 12, 2),
            _month_day(fy, 12, 6),
            15,
        )
    )
    rows.append(
        Row(
            "จ้างซ่อมแซมรถบรรทุกขยะ ทะเบียน 82-1234 ชัยภูมิ",
            Method.SPECIFIC,
            Category.SERVICES,
            _d(120000),
            _d(118000),
            _d(117500),
            "repair",
            _month_day(fy, 7, 3),
            _month_day(fy, 7, 10),
            30,
        )
    )
    rows.append(
        Row(
            "จ้างเหมาเช่าเต็นท์และเครื่องเสียง งานประเพณีลอยกระทง",
            Method.SPECIFIC,
            Category.SERVICES,
            _d(35000),
            _d(35000),
            _d(35000),
            "tent",
            _month_day(fy, 11, 1),
            _month_day(fy, 11, 3),
            5,
        )
    )
    rows.append(
        Row(
            "จ้างเหมาถ่ายเอกสารและเข้าเล่มแผนพัฒนาท้องถิ่น",
            Method.SPECIFIC,
            Category.SERVICES,
            _d(12000),
            _d(12000),
            _d(11800),
            "printing",
            _month_day(fy, 6, 12),
            _month_day(fy, 6, 15),
            10,
        )
    )
    return rows


def _special_rows(fy: int) -> list[Row]:
    """Rows that trip the remaining red flags, and a cancelled and an unsigned procurement."""
    rows: list[Row] = []
    if fy == 2567:
        # Three repairs of one road, each just under the specific-method limit, within three weeks.
        for part, (day, amount) in enumerate(((5, 485000), (12, 492000), (26, 478000)), start=1):
            signed = _month_day(fy, 8, day)
            rows.append(
                Row(
                    f"จ้างซ่อมแซมถนนลูกรังสายบ้านหนองไผ่ หมู่ที่ 7 ช่วงที่ {part}",
                    Method.SPECIFIC,
                    Category.WORKS,
                    _d(amount),
                    _d(amount),
                    _d(amount - 1500),
                    "materials",
                    signed - timedelta(days=3),
                    signed,
                    30,
                )
            )
        # A price above the budget.
        rows.append(
            Row(
                "จัดซื้อเครื่องพิมพ์เลเซอร์สำหรับงานทะเบียนราษฎร",
                Method.SPECIFIC,
                Category.GOODS,
                _d(30000),
                _d(31500),
                _d(31200),
                "computer",
                _month_day(fy, 2, 10),
                _month_day(fy, 2, 14),
                15,
            )
        )
    if fy == 2568:
        # Dates out of order: the contract ends before it is signed (as keyed in).
        rows.append(
            Row(
                "จัดซื้อวัสดุงานบ้านงานครัว ศูนย์พัฒนาเด็กเล็ก",
                Method.SPECIFIC,
                Category.GOODS,
                _d(25000),
                _d(25000),
                _d(24800),
                "stationery",
                _month_day(fy, 9, 1),
                _month_day(fy, 9, 10),
                -5,
            )
        )
        # Cancelled, and announced but not yet signed.
        rows.append(
            Row(
                "โครงการก่อสร้างรางระบายน้ำคอนกรีต หมู่ที่ 9",
                Method.E_BIDDING,
                Category.WORKS,
                _d(950000),
                _d(940000),
                None,
                None,
                _month_day(fy, 5, 15),
                None,
                0,
                status=EgpStatus.CANCELLED,
                reason="",
            )
        )
        rows.append(
            Row(
                "โครงการขุดลอกหนองสาธารณะ หมู่ที่ 4",
                Method.E_BIDDING,
                Category.WORKS,
                _d(1200000),
                _d(1185000),
                None,
                None,
                _month_day(fy, 9, 5),
                None,
                0,
                status=EgpStatus.IN_PROGRESS,
                reason="",
            )
        )
    return rows


def _status(row: Row, today: date) -> EgpStatus:
    if row.status is not None:
        return row.status
    ends = row.signed + timedelta(days=row.days) if row.signed else None
    return EgpStatus.COMPLETED if ends is not None and ends < today else EgpStatus.UNDER_CONTRACT


def _create(context: DemoContext, officer: User, fy: int, row: Row, number: int) -> Procurement:
    vendor_name, vendor_id = VENDORS[row.vendor] if row.vendor else ("", "")
    competitive = row.method == Method.E_BIDDING
    project_no = (
        f"{(fy - 2500):02d}{(fy * 37 + number * 7919) % 10**9:09d}"
        if competitive or row.budget >= 5000
        else ""
    )
    item = services.procurement_create(
        agency=context.agency,
        acting_user=officer,
        vendor_tax_id=demo_tax_id(vendor_id) if vendor_id else "",
        vendor_name=vendor_name,
        fiscal_year=fy,
        title=row.title,
        budget=row.budget,
        budget_source=row.source,
        egp_status=_status(row, date(2026, 11, 1)),
        method=row.method,
        category=row.category,
        reference_price=row.reference,
        agreed_price=row.agreed,
        egp_project_no=project_no,
        contract_no=f"{number}/{fy}" if row.signed else "",
        announced_on=row.announced,
        contract_signed_on=row.signed,
        contract_ends_on=row.signed + timedelta(days=row.days) if row.signed else None,
        selection_reason=row.reason,
    )
    for order, (key, price) in enumerate(row.bidders):
        name, first12 = VENDORS[key]
        services.bidder_add(
            procurement=item,
            acting_user=officer,
            name=name,
            tax_id=demo_tax_id(first12),
            price=price,
            is_winner=order == 0,
        )
    return item


@lru_cache(maxsize=8)
def _pdf(kind: str) -> bytes:
    # Drawing a PDF takes a fifth of a second; one per kind of announcement keeps the demo build quick.
    return document_pdf(f"Wang Thong SAO procurement announcement: {kind}")


def _announce(
    context: DemoContext, officer: User, fy: int, item: Procurement, kinds: list[AnnouncementKind]
) -> None:
    admin = context.admin
    titles = {
        AnnouncementKind.INVITATION: "ประกาศเชิญชวน",
        AnnouncementKind.PRICE_REFERENCE: "ประกาศราคากลาง",
        AnnouncementKind.WINNER: "ประกาศผู้ชนะการเสนอราคา",
        AnnouncementKind.CANCELLATION: "ประกาศยกเลิก",
    }
    for kind in kinds:
        day = item.announced_on or date(2023, 1, 1)
        if kind == AnnouncementKind.WINNER and item.contract_signed_on:
            day = item.contract_signed_on - timedelta(days=10)
        if kind == AnnouncementKind.CANCELLATION:
            day = day + timedelta(days=20)
        announcement = services_plan.announcement_create(
            agency=context.agency,
            acting_user=officer,
            kind=kind,
            title=f"{titles[kind]} {item.title}",
            procurement=item,
            fiscal_year=fy,
            announced_on=day,
            body=f"{titles[kind]} {item.title} ด้วยวิธี{item.get_method_display()} เลขที่โครงการ {item.egp_project_no}",
        )
        upload = SimpleUploadedFile("announcement.pdf", _pdf(str(kind)), content_type="application/pdf")
        services_plan.announcement_attach(
            announcement=announcement, acting_user=officer, upload=upload, title=titles[kind]
        )
        services_plan.announcement_publish(
            announcement=announcement,
            acting_user=admin,
            published_at=datetime.combine(day, time(10, 0), tzinfo=BANGKOK),
        )


def _plan(context: DemoContext, officer: User, fy: int, rows: list[Row]) -> None:
    admin = context.admin
    approved = date(fy - 544, 9, 15)  # the budget ordinance, mid-September before the year
    plan = services_plan.plan_create(
        agency=context.agency,
        acting_user=officer,
        fiscal_year=fy,
        title=f"แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. {fy}",
        budget_approved_on=approved,
        announced_on=approved + timedelta(days=20),
        note="ตามข้อบัญญัติงบประมาณรายจ่ายประจำปี และพระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560",
    )
    for row in rows:
        services_plan.plan_item_add(
            plan=plan,
            acting_user=officer,
            title=row.title,
            budget=row.budget,
            budget_source=row.source,
            method=row.method,
            expected_start=row.announced or date(fy - 544, 10, 1),
        )
    services_plan.plan_publish(
        plan=plan,
        acting_user=admin,
        published_at=datetime.combine(approved + timedelta(days=20), time(9, 0), tzinfo=BANGKOK),
    )


ANNUAL_NOTES = {
    2566: (
        "เจ้าหน้าที่พัสดุมีจำนวนจำกัดและต้องรับผิดชอบหลายงาน ทำให้การจัดทำรายงานรายเดือนล่าช้าในบางเดือน "
        "ผู้ประกอบการในพื้นที่มีน้อย การประกวดราคาอิเล็กทรอนิกส์บางโครงการมีผู้เสนอราคาเพียงสองราย",
        "นำเข้าข้อมูลจากระบบ e-GP ทุกเดือนแทนการพิมพ์ซ้ำ ประชาสัมพันธ์ประกาศเชิญชวนให้ผู้ประกอบการในอำเภอใกล้เคียงทราบ "
        "และวางแผนจัดซื้อวัสดุรวมเป็นรายไตรมาสเพื่อลดการจัดซื้อย่อย",
    ),
    2567: (
        "มีการจ้างซ่อมแซมถนนสายเดียวกันหลายครั้งในเดือนเดียว ซึ่งผู้ตรวจสอบภายในตั้งข้อสังเกตเรื่องการแบ่งจ้าง "
        "และมีรายการที่ราคาที่ตกลงสูงกว่าวงเงินงบประมาณหนึ่งรายการ",
        "กองช่างรวบรวมความต้องการซ่อมถนนทั้งสายเป็นโครงการเดียวในแผนปีถัดไป และให้กองคลังตรวจวงเงินงบประมาณก่อนลงนามทุกครั้ง",
    ),
}


def seed(context: DemoContext) -> None:
    """Three fiscal years of procurement, their plans and announcements, the auditor's reviews, publication."""
    agency = context.agency
    officer = context.users.get("officer", context.admin)
    auditor = context.users.get("auditor")
    rnd = random.Random(2567)  # noqa: S311 - plausible demo amounts, not secrets
    number = 0
    for fy in (2566, 2567, 2568):
        rows = _rows_for_year(fy, rnd) + _special_rows(fy)
        _plan(
            context,
            officer,
            fy,
            [r for r in rows if r.method == Method.E_BIDDING] + [r for r in rows if "นม" in r.title][:2],
        )
        for row in sorted(rows, key=lambda r: (r.signed or r.announced or date.max, r.title)):
            number += 1
            item = _create(context, officer, fy, row, number)
            if row.method == Method.E_BIDDING:
                kinds = [AnnouncementKind.PRICE_REFERENCE, AnnouncementKind.INVITATION]
                kinds.append(
                    AnnouncementKind.CANCELLATION
                    if row.status == EgpStatus.CANCELLED
                    else AnnouncementKind.WINNER
                )
                if row.status == EgpStatus.IN_PROGRESS:
                    kinds = kinds[:2]
                _announce(context, officer, fy, item, kinds)
        if fy == 2567:
            road = (
                Procurement.objects.filter(agency=agency, fiscal_year=fy, method=Method.E_BIDDING)
                .order_by("pk")
                .first()
            )
            if road is not None and road.contract_signed_on and road.contract_ends_on:
                services.amendment_add(
                    procurement=road,
                    acting_user=officer,
                    signed_on=road.contract_signed_on + timedelta(days=60),
                    description="ขยายระยะเวลาก่อสร้าง 30 วัน เนื่องจากฝนตกต่อเนื่องทำให้ไม่สามารถเทคอนกรีตได้",
                    new_ends_on=road.contract_ends_on + timedelta(days=30),
                )
    # A plan with nothing above the threshold: published as the "no procurement above 500,000 baht" notice.
    _plan(
        context,
        officer,
        2569,
        [
            Row(
                "จัดซื้อวัสดุสำนักงาน",
                Method.SPECIFIC,
                Category.GOODS,
                _d(120000),
                None,
                None,
                None,
                date(2025, 11, 1),
                None,
                0,
            ),
            Row(
                "จ้างซ่อมแซมถนนลูกรัง หมู่ที่ 2",
                Method.SPECIFIC,
                Category.WORKS,
                _d(450000),
                None,
                None,
                None,
                date(2026, 2, 1),
                None,
                0,
            ),
        ],
    )
    # The internal auditor reviews the flags of FY2566–2567 and all but the vendor-level flags of FY2568,
    # which therefore hold their rows back from publication until reviewed.
    if auditor is not None:
        for fy in (2566, 2567, 2568):
            for reviewed in selectors.red_flags(agency, fy):
                if fy == 2568 and reviewed.flag.kind in {"vendor_share", "dates_order"}:
                    continue
                services.red_flag_review(
                    agency=agency,
                    acting_user=auditor,
                    kind=reviewed.flag.kind,
                    key=reviewed.flag.key,
                    fiscal_year=fy,
                    note="ตรวจเอกสารประกอบแล้ว มีเหตุผลและหลักฐานเพียงพอ ให้ติดตามในการตรวจสอบประจำปี",
                )
    drafts = list(Procurement.objects.filter(agency=agency).values_list("pk", flat=True))
    services.procurement_publish_many(agency=agency, acting_user=context.admin, ids=drafts)
    for fy, (problems, suggestions) in ANNUAL_NOTES.items():
        note = services_plan.annual_note_save(
            agency=agency, acting_user=officer, fiscal_year=fy, problems=problems, suggestions=suggestions
        )
        services_plan.annual_note_publish(note=note, acting_user=context.admin)
