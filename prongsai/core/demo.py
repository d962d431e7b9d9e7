"""Demo data of the core app: อบต.วังทอง (อ.ภักดีชุมพล จ.ชัยภูมิ), its structure, people and staff accounts.

Names of people are invented; the structure follows the usual layout of an อบต. and the seed report.
Called by ``manage.py seed_demo`` through ``seed(context)``; later apps add their own ``demo.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django_otp.plugins.otp_totp.models import TOTPDevice

from prongsai.core import services
from prongsai.core.demo_images import emblem_png, portrait_jpeg
from prongsai.core.models import Agency, AgencyHost, OrgUnit, Position, User
from prongsai.core.org_defaults import duties_of
from prongsai.core.roles import Role

DEMO_PASSWORD = "wangthong-demo-2567"  # noqa: S105 - demo accounts only; seed_demo refuses to run in production

STAFF_ACCOUNTS = [
    # username, first name, last name, roles
    ("admin", "สมศักดิ์", "ใจดี", [Role.ADMINISTRATOR]),
    ("officer", "วิไลวรรณ", "ศรีสุข", [Role.OFFICER]),
    ("head", "ประเสริฐ", "มั่นคง", [Role.HEAD_OF_DIVISION]),
    ("executive", "บุญเลิศ", "ทองดี", [Role.EXECUTIVE]),
    ("committee", "สุนันทา", "พรหมมา", [Role.INTEGRITY_COMMITTEE]),
    ("custodian", "อำนาจ", "แก้วมณี", [Role.IDENTITY_CUSTODIAN]),
    ("auditor", "จิราพร", "บุญมา", [Role.INTERNAL_AUDITOR]),
]

# The demo hosting operator's account (username, first name, last name): not a member of any agency.
OPERATOR_ACCOUNT = ("province", "ธนพล", "ศรีชัยภูมิ")
# The demo operator's OCDS prefix: a made-up demo value, not registered with the OCDS Helpdesk (ADR 0120).
DEMO_OCDS_PREFIX = "ocds-demo67"


@dataclass
class DemoContext:
    agency: Agency
    admin: User
    users: dict[str, User] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


POLITICAL = [
    (
        "คณะผู้บริหาร",
        "บริหารกิจการขององค์การบริหารส่วนตำบลให้เป็นไปตามนโยบาย แผนพัฒนาท้องถิ่น และข้อบัญญัติงบประมาณ "
        "รับผิดชอบการบริหารราชการตามกฎหมาย และสั่ง อนุญาต อนุมัติ เกี่ยวกับราชการขององค์การบริหารส่วนตำบล",
        [
            ("นายกองค์การบริหารส่วนตำบลวังทอง", Position.Level.TOP_EXECUTIVE, [("นาย", "ชาญชัย", "ศรีวังทอง")]),
            (
                "รองนายกองค์การบริหารส่วนตำบลวังทอง",
                Position.Level.DEPUTY_EXECUTIVE,
                [("นาย", "สมบัติ", "พลนาค"), ("นาง", "ละเอียด", "คำภู")],
            ),
            ("เลขานุการนายกองค์การบริหารส่วนตำบลวังทอง", Position.Level.STAFF, [("นาย", "ธีรวัฒน์", "ชัยมงคล")]),
        ],
    ),
    (
        "สภาองค์การบริหารส่วนตำบลวังทอง",
        "ให้ความเห็นชอบแผนพัฒนาท้องถิ่น พิจารณาและให้ความเห็นชอบร่างข้อบัญญัติงบประมาณรายจ่ายประจำปี "
        "และควบคุมการปฏิบัติงานของนายกองค์การบริหารส่วนตำบลให้เป็นไปตามกฎหมาย นโยบาย และแผนพัฒนา",
        [
            ("ประธานสภาองค์การบริหารส่วนตำบล", Position.Level.COUNCIL, [("นาย", "บุญชู", "แสงทอง")]),
            ("รองประธานสภาองค์การบริหารส่วนตำบล", Position.Level.COUNCIL, [("นาง", "สมพร", "ดวงดี")]),
            ("เลขานุการสภาองค์การบริหารส่วนตำบล", Position.Level.COUNCIL, [("นาย", "ประยูร", "วงศ์ใหญ่")]),
        ],
    ),
]

CAREER_ROOT = (
    "ปลัดองค์การบริหารส่วนตำบล",
    "บังคับบัญชาพนักงานส่วนตำบลและลูกจ้าง รับผิดชอบควบคุมดูแลราชการประจำให้เป็นไปตามนโยบายของนายก",
    [
        ("ปลัดองค์การบริหารส่วนตำบล", Position.Level.TOP_EXECUTIVE, [("นาง", "พรทิพย์", "เจริญสุข")]),
        ("รองปลัดองค์การบริหารส่วนตำบล", Position.Level.DEPUTY_EXECUTIVE, [("นาย", "วีระพงษ์", "สุขประเสริฐ")]),
    ],
)

CAREER_UNITS = [
    (
        "สำนักปลัด",
        duties_of("สำนักปลัด"),
        [
            ("หัวหน้าสำนักปลัด", Position.Level.UNIT_HEAD, [("นาย", "สุรชัย", "บุญประคอง")]),
            ("นักวิเคราะห์นโยบายและแผน", Position.Level.STAFF, [("นางสาว", "กนกวรรณ", "ศรีประเสริฐ")]),
            ("นักทรัพยากรบุคคล", Position.Level.STAFF, [("นางสาว", "อรอุมา", "ทองคำ")]),
            ("นักพัฒนาชุมชน", Position.Level.STAFF, [("นาง", "สายสุนีย์", "ภูมิภักดี")]),
        ],
    ),
    (
        "กองคลัง",
        duties_of("กองคลัง"),
        [
            ("ผู้อำนวยการกองคลัง", Position.Level.UNIT_HEAD, [("นาง", "รัชนี", "มณีวงศ์")]),
            ("นักวิชาการเงินและบัญชี", Position.Level.STAFF, [("นางสาว", "ปิยะนุช", "แก้วกาญจนา")]),
            ("นักวิชาการพัสดุ", Position.Level.STAFF, [("นาย", "ณัฐพล", "คงสมบูรณ์")]),
            ("เจ้าพนักงานจัดเก็บรายได้", Position.Level.STAFF, [("นางสาว", "สุกัญญา", "ชัยภักดี")]),
        ],
    ),
    (
        "กองช่าง",
        duties_of("กองช่าง"),
        [
            ("ผู้อำนวยการกองช่าง", Position.Level.UNIT_HEAD, [("นาย", "อนุชา", "ศรีสมบัติ")]),
            ("นายช่างโยธา", Position.Level.STAFF, [("นาย", "พงษ์ศักดิ์", "ทองประเสริฐ")]),
        ],
    ),
    (
        "กองการศึกษา ศาสนาและวัฒนธรรม",
        duties_of("กองการศึกษา ศาสนาและวัฒนธรรม"),
        [
            ("ผู้อำนวยการกองการศึกษา ศาสนาและวัฒนธรรม", Position.Level.UNIT_HEAD, [("นาง", "วันเพ็ญ", "สุขสวัสดิ์")]),
            ("นักวิชาการศึกษา", Position.Level.STAFF, [("นางสาว", "ธิดารัตน์", "พันธ์ทอง")]),
        ],
    ),
    (
        "กองสาธารณสุขและสิ่งแวดล้อม",
        duties_of("กองสาธารณสุขและสิ่งแวดล้อม"),
        [
            ("ผู้อำนวยการกองสาธารณสุขและสิ่งแวดล้อม", Position.Level.UNIT_HEAD, [("นาย", "เกียรติศักดิ์", "ดีมาก")]),
        ],
    ),
    (
        "หน่วยตรวจสอบภายใน",
        duties_of("หน่วยตรวจสอบภายใน"),
        [
            ("นักวิชาการตรวจสอบภายใน", Position.Level.STAFF, [("นางสาว", "จิราพร", "บุญมา")]),
        ],
    ),
]


def create_agency() -> Agency:
    agency = Agency(
        code="wangthong",
        name_th="องค์การบริหารส่วนตำบลวังทอง",
        name_en="Wang Thong Subdistrict Administrative Organization",
        short_name_th="อบต.วังทอง",
        kind=Agency.Kind.SAO,
        province="ชัยภูมิ",
        district="ภักดีชุมพล",
        subdistrict="วังทอง",
        address="หมู่ที่ 1 ตำบลวังทอง อำเภอภักดีชุมพล จังหวัดชัยภูมิ",
        postal_code="36260",
        phones=["044-056-789", "081-234-5678"],
        email="saraban@wangthong.example",
        latitude=Decimal("16.020300"),
        longitude=Decimal("101.438600"),
        is_default=True,
    )
    agency.full_clean()
    agency.save()
    agency.logo.save("wangthong.png", ContentFile(emblem_png()), save=True)
    AgencyHost.objects.create(agency=agency, host="wangthong.localhost")
    return agency


def create_staff_accounts(agency: Agency) -> dict[str, User]:
    users: dict[str, User] = {}
    for username, first, last, _roles in STAFF_ACCOUNTS:
        user = User.objects.create_user(
            username=username,
            password=DEMO_PASSWORD,
            first_name=first,
            last_name=last,
            email=f"{username}@wangthong.example",
            is_demo=True,
        )
        # A confirmed authenticator per demo account; ``manage.py demo_totp <username>`` prints its code.
        TOTPDevice.objects.create(user=user, name="demo", confirmed=True)
        users[username] = user
    admin = users["admin"]
    for username, _first, _last, roles in STAFF_ACCOUNTS:
        for role in roles:
            services.membership_grant(agency=agency, acting_user=admin, user=users[username], role=role)
    return users


def _demo_phone(seed: int, order: int) -> str:
    return (
        f"08{(seed * 7 + order) % 10}-{(seed * 37) % 900 + 100:03d}-{(seed * 53 + order) % 9000 + 1000:04d}"
    )


def _people(
    agency: Agency, admin: User, position: Position, people: list[tuple[str, str, str]], seed: int
) -> None:
    for order, (prefix, first, last) in enumerate(people):
        photo = SimpleUploadedFile("portrait.jpg", portrait_jpeg(seed + order), content_type="image/jpeg")
        services.person_save(
            agency=agency,
            acting_user=admin,
            photo_upload=photo,
            position=position,
            prefix=prefix,
            first_name=first,
            last_name=last,
            phone=_demo_phone(seed, order),
            email=f"staff{seed}{order}@wangthong.example",
            order=order,
            is_current=True,
        )


def create_structure(agency: Agency, admin: User) -> None:
    seed = 1
    for order, (name, duties, positions) in enumerate(POLITICAL):
        unit = services.org_unit_save(
            agency=agency,
            acting_user=admin,
            side=OrgUnit.Side.POLITICAL,
            name_th=name,
            duties=duties,
            order=order,
        )
        for p_order, (title, level, people) in enumerate(positions):
            position = services.position_save(
                agency=agency, acting_user=admin, unit=unit, title_th=title, level=level, order=p_order
            )
            _people(agency, admin, position, people, seed)
            seed += 1
    name, duties, positions = CAREER_ROOT
    root = services.org_unit_save(
        agency=agency, acting_user=admin, side=OrgUnit.Side.CAREER, name_th=name, duties=duties, order=0
    )
    for p_order, (title, level, people) in enumerate(positions):
        position = services.position_save(
            agency=agency, acting_user=admin, unit=root, title_th=title, level=level, order=p_order
        )
        _people(agency, admin, position, people, seed)
        seed += 1
    for order, (name, duties, positions) in enumerate(CAREER_UNITS, start=1):
        unit = services.org_unit_save(
            agency=agency,
            acting_user=admin,
            side=OrgUnit.Side.CAREER,
            parent=root,
            name_th=name,
            duties=duties,
            order=order,
        )
        for p_order, (title, level, people) in enumerate(positions):
            position = services.position_save(
                agency=agency, acting_user=admin, unit=unit, title_th=title, level=level, order=p_order
            )
            _people(agency, admin, position, people, seed)
            seed += 1


def seed(context: DemoContext) -> None:
    """Structure and people of the demo agency (the agency and accounts exist already)."""
    create_structure(context.agency, context.admin)
