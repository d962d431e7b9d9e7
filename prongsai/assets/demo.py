"""Demo government property of อบต.วังทอง: about 300 durable articles, the published lending rules, loans from
FY2567 to FY2570 (late returns, a damaged item, an item out past its due date, requests waiting) and the
FY2567 stock-take, reported.

Everything goes through the services; ``requested_at`` and ``at`` date the steps as staff would when copying
the paper loan book. Community requests of the past are recorded by the officer (a citizen cannot date a
request) and then carry the community's name, as the paper book does.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError

from prongsai.assets import selectors, services
from prongsai.assets.models import Asset, AssetType, Classification, Condition, FundSource, Loan
from prongsai.core.demo import DemoContext
from prongsai.core.models import OrgUnit, User
from prongsai.core.thai import BANGKOK

TYPES = [
    # code, name, classification, useful life (years)
    ("416", "เครื่องคอมพิวเตอร์และอุปกรณ์", Classification.COMPUTER, 5),
    ("417", "เครื่องพิมพ์", Classification.COMPUTER, 5),
    ("400", "โต๊ะ ตู้ และเก้าอี้สำนักงาน", Classification.OFFICE, 12),
    ("401", "เครื่องปรับอากาศ", Classification.ELECTRIC, 8),
    ("402", "เครื่องถ่ายเอกสาร", Classification.OFFICE, 5),
    ("420", "รถยนต์และรถบรรทุก", Classification.VEHICLE, 8),
    ("450", "เครื่องฉายภาพและเครื่องเสียง", Classification.ADVERTISING, 5),
    ("470", "เครื่องจักรงานก่อสร้าง", Classification.CONSTRUCTION, 10),
    ("480", "เต็นท์ โต๊ะพับ และเก้าอี้พลาสติก", Classification.HOUSEHOLD, 5),
    ("490", "เครื่องตัดหญ้าและเครื่องมือการเกษตร", Classification.AGRICULTURE, 5),
]

# type code, name, price, how many, unit, lendable, lendable to the public
ITEMS = [
    ("416", "เครื่องคอมพิวเตอร์ตั้งโต๊ะ สำหรับงานสำนักงาน", "17000", 70, "สำนักปลัด", False, False),
    ("416", "เครื่องคอมพิวเตอร์โน้ตบุ๊ก สำหรับงานประมวลผล", "22000", 14, "สำนักปลัด", True, False),
    ("416", "เครื่องสำรองไฟฟ้า ขนาด 800 VA", "2500", 30, "กองคลัง", False, False),
    ("417", "เครื่องพิมพ์เลเซอร์ ขาวดำ", "7900", 18, "กองคลัง", False, False),
    ("417", "เครื่องพิมพ์ Multifunction แบบฉีดหมึก", "8000", 8, "กองการศึกษา ศาสนาและวัฒนธรรม", False, False),
    ("400", "โต๊ะทำงานเหล็ก ขนาด 5 ฟุต", "5500", 45, "สำนักปลัด", False, False),
    ("400", "เก้าอี้สำนักงานมีพนักพิง", "2900", 45, "สำนักปลัด", False, False),
    ("400", "ตู้เหล็กเก็บเอกสาร 2 บาน", "5900", 25, "กองคลัง", False, False),
    ("401", "เครื่องปรับอากาศ แบบแยกส่วน ขนาด 24,000 บีทียู", "32000", 12, "กองช่าง", False, False),
    ("402", "เครื่องถ่ายเอกสาร ระบบดิจิทัล", "145000", 2, "สำนักปลัด", False, False),
    ("420", "รถบรรทุกน้ำอเนกประสงค์ ขนาด 6,000 ลิตร", "2450000", 1, "สำนักปลัด", True, True),
    ("420", "รถยนต์บรรทุก ขนาด 1 ตัน ขับเคลื่อน 4 ล้อ", "854000", 2, "กองช่าง", True, False),
    ("450", "เครื่องฉายภาพ (โปรเจกเตอร์) 4,000 ลูเมน", "29500", 2, "สำนักปลัด", True, False),
    ("450", "ชุดเครื่องเสียงเคลื่อนที่ พร้อมไมโครโฟนไร้สาย", "35000", 2, "สำนักปลัด", True, True),
    ("470", "รถบดถนนแบบสั่นสะเทือน ขนาด 1 ตัน", "480000", 1, "กองช่าง", True, False),
    ("480", "เต็นท์ผ้าใบ ขนาด 4x8 เมตร", "18000", 10, "สำนักปลัด", True, True),
    ("480", "ชุดโต๊ะพับ 10 ตัว", "9000", 6, "สำนักปลัด", True, True),
    ("480", "ชุดเก้าอี้พลาสติก 50 ตัว", "7500", 8, "สำนักปลัด", True, True),
    ("490", "เครื่องตัดหญ้าแบบสะพายข้าง", "9500", 6, "กองช่าง", True, False),
]

LOCATIONS = {
    "สำนักปลัด": "อาคารที่ทำการ อบต.วังทอง ชั้น 1",
    "กองคลัง": "อาคารที่ทำการ อบต.วังทอง ชั้น 2 ห้องกองคลัง",
    "กองช่าง": "โรงจอดรถและพัสดุ กองช่าง",
    "กองการศึกษา ศาสนาและวัฒนธรรม": "ศูนย์พัฒนาเด็กเล็กบ้านวังทอง",
}

RULES: dict[str, Any] = {
    "who_may_borrow": "พนักงานส่วนตำบล ลูกจ้างประจำ และพนักงานจ้างขององค์การบริหารส่วนตำบลวังทอง ยืมเพื่อปฏิบัติราชการ\n"
    "ประชาชน ชุมชน วัด โรงเรียน และหน่วยงานในตำบล ยืมสิ่งของที่ประกาศให้ยืมเพื่อกิจกรรมสาธารณประโยชน์",
    "purposes": "ใช้ในราชการขององค์การบริหารส่วนตำบล\nกิจกรรมสาธารณประโยชน์ของชุมชน เช่น งานบุญประเพณี งานศพ การประชุมประชาคม "
    "การช่วยเหลือผู้ประสบภัย",
    "how_to_ask": "เจ้าหน้าที่ยื่นคำขอยืมในระบบโปร่งใส ระบุครุภัณฑ์ วันที่ยืม กำหนดส่งคืน เหตุผล และสถานที่ใช้\n"
    "ประชาชนยื่นคำขอทางเว็บไซต์ของ อบต. หรือที่สำนักปลัด และรับรหัสติดตามผล\n"
    "เมื่อได้รับอนุมัติ ให้รับสิ่งของจากเจ้าหน้าที่ผู้ดูแลในวันเริ่มยืม และลงชื่อรับในทะเบียน",
    "premises_max_days": 7,
    "outside_max_days": 15,
    "follow_up_days": 7,
    "on_damage": "ผู้ยืมต้องส่งคืนในสภาพที่ใช้การได้เรียบร้อย หากชำรุดเสียหายหรือใช้การไม่ได้หรือสูญหาย ผู้ยืมต้องจัดการแก้ไข"
    "ซ่อมแซมให้คงสภาพเดิมโดยเสียค่าใช้จ่ายของตนเอง หรือชดใช้เป็นพัสดุประเภท ชนิด ขนาด ลักษณะและคุณภาพอย่างเดียวกัน "
    "หรือชดใช้เป็นเงินตามราคาที่เป็นอยู่ในขณะยืม",
    "public_lending": "อบต.วังทอง ให้ประชาชนยืมเต็นท์ โต๊ะพับ เก้าอี้พลาสติก ชุดเครื่องเสียง และรถบรรทุกน้ำ "
    "เพื่อกิจกรรมสาธารณประโยชน์ โดยไม่คิดค่าใช้จ่าย ผู้ยืมรับและส่งคืนเองที่ อบต. ยกเว้นรถบรรทุกน้ำซึ่งพนักงานขับรถของ อบต. "
    "เป็นผู้ขับ",
}

BORROWER_NAMES = ["นายสมชาย ศรีวังทอง", "นางสาวมาลี ทองดี", "คณะกรรมการวัดบ้านโนนสูง", "โรงเรียนบ้านหนองบัว"]
REASONS_STAFF = [
    "ประชุมประชาคมหมู่บ้านเพื่อจัดทำแผนพัฒนาท้องถิ่น",
    "อบรมอาสาสมัครป้องกันภัยฝ่ายพลเรือน",
    "ออกหน่วยบริการรับชำระภาษีเคลื่อนที่",
    "ซ่อมแซมถนนลูกรังหมู่ที่ 6",
    "ตัดหญ้าริมทางสาธารณะ",
]
REASONS_PUBLIC = ["งานบุญประจำปี", "งานฌาปนกิจ", "งานกีฬาเยาวชนตำบล", "แจกจ่ายน้ำอุปโภคบริโภคช่วงภัยแล้ง"]


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 0), tzinfo=BANGKOK)


def _register(context: DemoContext, units: dict[str, OrgUnit], custodian: User) -> list[Asset]:
    agency, admin = context.agency, context.admin
    types = {
        code: services.asset_type_save(
            agency=agency,
            acting_user=admin,
            code=code,
            name_th=name,
            classification=cls,
            useful_life_years=life,
        )
        for code, name, cls, life in TYPES
    }
    rng = random.Random(5)  # noqa: S311 - demo data only
    fallback = next(iter(units.values()))
    items: list[Asset] = []
    for code, name, price, count, unit_name, lendable, public in ITEMS:
        unit = units.get(unit_name, fallback)
        for _n in range(count):
            acquired = date(2016, 10, 1) + timedelta(days=rng.randrange(0, 365 * 9 + 60))
            items.append(
                services.asset_register(
                    agency=agency,
                    acting_user=admin,
                    asset_type=types[code],
                    name=name,
                    acquired_on=acquired,
                    price=Decimal(price),
                    fund_source=rng.choice(
                        [FundSource.OWN_BUDGET, FundSource.OWN_BUDGET, FundSource.GENERAL_SUBSIDY]
                    ),
                    location=LOCATIONS.get(unit_name, LOCATIONS["สำนักปลัด"]),
                    custodian_unit=unit,
                    custodian=custodian,
                    lendable=lendable,
                    lendable_to_public=public,
                )
            )
    return items


def _loans(context: DemoContext, lendable: list[Asset], users: dict[str, User]) -> None:
    agency = context.agency
    officer, head, executive = users["officer"], users["head"], users["executive"]
    today = services.today_local()
    rng = random.Random(2567)  # noqa: S311 - demo data only
    number = 0
    # Fiscal years 2567 to 2570: on each lendable item, loans one after another from October 2023.
    for asset in lendable:
        day = date(2023, 10, 2) + timedelta(days=rng.randrange(0, 40))
        while day < today - timedelta(days=20):
            number += 1
            public = asset.lendable_to_public and number % 2 == 0
            outside = public or asset.asset_type.classification in (
                Classification.VEHICLE,
                Classification.CONSTRUCTION,
            )
            length = rng.randrange(1, 4)
            loan, _new = services.loan_request(
                agency=agency,
                acting_user=officer,
                idempotency_key=uuid.uuid5(uuid.NAMESPACE_URL, f"prongsai-demo-loan-{number}"),
                asset=asset,
                purpose=Loan.Purpose.PUBLIC_BENEFIT if public else Loan.Purpose.OFFICIAL,
                reason=(REASONS_PUBLIC if public else REASONS_STAFF)[number % 4],
                place=Loan.Place.OUTSIDE if outside else Loan.Place.PREMISES,
                use_location=f"หมู่ที่ {number % 12 + 1} ตำบลวังทอง" if outside else "",
                starts_on=day,
                due_on=day + timedelta(days=length),
                requested_at=_at(day - timedelta(days=2), 9),
            )
            if public:
                # A citizen's request copied from the paper form: their name, not the officer's.
                Loan.objects.filter(pk=loan.pk).update(
                    borrower_kind=Loan.Borrower.CITIZEN,
                    borrower=None,
                    borrower_name=BORROWER_NAMES[number % len(BORROWER_NAMES)],
                    borrower_phone=f"08{number % 10}-{rng.randrange(100, 999)}-{rng.randrange(1000, 9999)}",
                    borrower_email="",
                )
            approver = executive if outside else head
            if number % 17 == 0:
                services.loan_reject(
                    loan=loan,
                    acting_user=approver,
                    note="ครุภัณฑ์ต้องใช้ในราชการช่วงเวลาดังกล่าว",
                    at=_at(day - timedelta(days=1), 10),
                )
            else:
                services.loan_approve(loan=loan, acting_user=approver, at=_at(day - timedelta(days=1), 10))
                services.loan_hand_over(loan=loan, acting_user=officer, at=_at(day, 8))
                late = number % 9 == 0
                back = day + timedelta(days=length + (rng.randrange(2, 6) if late else 0))
                damaged = number == 25
                services.loan_return(
                    loan=loan,
                    acting_user=officer,
                    condition=Condition.DAMAGED if damaged else Condition.GOOD,
                    note="ผ้าใบเต็นท์ขาดยาวประมาณ 1 เมตร ผู้ยืมรับจะซ่อมแซมให้คงสภาพเดิม" if damaged else "",
                    at=_at(back, 16),
                )
                if damaged:
                    services.asset_update(asset=asset, acting_user=officer, condition=Condition.GOOD)
            day = day + timedelta(days=length + rng.randrange(60, 160))
    # Now: one item out past its due date (its notice goes out), one out, one approved, two waiting.
    current = [a for a in lendable if a.asset_type.code in ("416", "450")][:5]
    start = today - timedelta(days=12)
    for index, asset in enumerate(current):
        days = [
            (start, start + timedelta(days=3)),
            (today - timedelta(days=1), today + timedelta(days=3)),
            (today + timedelta(days=2), today + timedelta(days=4)),
            (today + timedelta(days=5), today + timedelta(days=6)),
            (today + timedelta(days=7), today + timedelta(days=8)),
        ][index]
        try:
            loan, _new = services.loan_request(
                agency=agency,
                acting_user=officer,
                idempotency_key=uuid.uuid5(uuid.NAMESPACE_URL, f"prongsai-demo-loan-now-{index}"),
                asset=asset,
                purpose=Loan.Purpose.OFFICIAL,
                reason=REASONS_STAFF[index],
                place=Loan.Place.PREMISES,
                starts_on=days[0],
                due_on=days[1],
                requested_at=_at(min(days[0], today) - timedelta(days=2), 9),
            )
        except ValidationError:
            continue  # the item is already booked on those days by the history above
        if index <= 2:
            services.loan_approve(
                loan=loan, acting_user=head, at=_at(min(days[0], today) - timedelta(days=1), 10)
            )
        if index <= 1:
            services.loan_hand_over(loan=loan, acting_user=officer, at=_at(days[0], 8))


def _stocktake(context: DemoContext, users: dict[str, User]) -> None:
    agency = context.agency
    committee = [users["committee"], users["auditor"]]
    stocktake = services.stocktake_appoint(
        agency=agency,
        acting_user=users["executive"],
        fiscal_year=2567,
        committee=committee,
        order_reference="คำสั่งองค์การบริหารส่วนตำบลวังทอง ที่ 298/2567",
        appointed_on=date(2024, 9, 20),
    )
    rng = random.Random(2568)  # noqa: S311 - demo data only
    for n, asset in enumerate(selectors.stocktake_items(stocktake)):
        roll = rng.random()
        result, note = Condition.GOOD, ""
        if roll < 0.02:
            result, note = Condition.DAMAGED, "ใช้งานไม่ได้ รอซ่อม"
        elif roll < 0.05:
            result, note = Condition.DETERIORATED, "เสื่อมสภาพตามอายุการใช้งาน"
        elif roll < 0.06:
            result, note = Condition.NOT_NEEDED, "ไม่มีความจำเป็นต้องใช้ในราชการ"
        elif n == 7:
            result, note = Condition.LOST, "ไม่พบ ณ สถานที่เก็บรักษา"
        services.stocktake_check(
            stocktake=stocktake, acting_user=committee[n % 2], asset=asset, result=result, note=note
        )
    services.stocktake_report(
        stocktake=stocktake,
        acting_user=committee[0],
        summary="คณะกรรมการเห็นควรแต่งตั้งคณะกรรมการสอบหาข้อเท็จจริงกรณีครุภัณฑ์สูญไป และดำเนินการจำหน่ายครุภัณฑ์ที่ชำรุดและหมดความจำเป็น",
    )


def seed(context: DemoContext) -> None:
    agency = context.agency
    if AssetType.objects.filter(agency=agency).exists():
        return
    users = {
        name: context.users.get(name, context.admin)
        for name in ("officer", "head", "executive", "committee", "auditor")
    }
    units = {u.name_th: u for u in OrgUnit.objects.filter(agency=agency, side=OrgUnit.Side.CAREER)}
    # The officer keeps the register; the stock-take committee is never a custodian.
    items = _register(context, units, users["officer"])
    services.rules_save(agency=agency, acting_user=context.admin, **RULES)
    services.rules_publish(agency=agency, acting_user=context.admin)
    # Loan history on a few items of each lendable kind (enough for the statistics; quick to build).
    per_kind: dict[str, int] = {}
    history = []
    for item in items:
        if item.lendable and per_kind.get(item.name, 0) < 3:
            per_kind[item.name] = per_kind.get(item.name, 0) + 1
            history.append(item)
    _loans(context, history, users)
    _stocktake(context, users)
    services.loans_notify_overdue(agency=agency)
    context.notes.append(f"assets: {len(items)} items, the FY2567 stock-take, loans FY2567–FY2570")
