"""Demo data of the people app for อบต.วังทอง: about 45 people by position type with their posts, the HR
rules and policy, FY2566–FY2570 training (an ethics course every year), the ethics working group, the Dos &
Don'ts, the three codes of ethics, the yearly ethics reports and some acknowledgements.

Names are invented. Runs after core (the structure and its people) and planning (the HR plans).
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from prongsai.core import services as core_services
from prongsai.core.demo import DemoContext
from prongsai.core.demo_images import document_pdf
from prongsai.core.models import Agency, OrgUnit, Person, Position, User
from prongsai.core.thai import fiscal_year
from prongsai.people import catalogue, services
from prongsai.people.models import Course, GroupMember, HrRule

SIGNER = ("นายชาญชัย ศรีวังทอง", "นายกองค์การบริหารส่วนตำบลวังทอง")

# Position title → position type; a title missing here is matched by its first word below.
TYPES_BY_TITLE = {
    "นายกองค์การบริหารส่วนตำบลวังทอง": "mayor",
    "รองนายกองค์การบริหารส่วนตำบลวังทอง": "deputy_mayor",
    "เลขานุการนายกองค์การบริหารส่วนตำบลวังทอง": "mayor_secretary",
    "ปลัดองค์การบริหารส่วนตำบล": "executive_line",
    "รองปลัดองค์การบริหารส่วนตำบล": "executive_line",
    "หัวหน้าสำนักปลัด": "director_line",
}
TYPES_BY_PREFIX = [
    ("ผู้อำนวยการ", "director_line"),
    ("นัก", "academic_line"),
    ("เจ้าพนักงาน", "general_line"),
    ("นายช่าง", "general_line"),
    ("ประธานสภา", "council_member"),
    ("รองประธานสภา", "council_member"),
    ("เลขานุการสภา", "council_member"),
    ("สมาชิกสภา", "council_member"),
]

# More people of the agency: (unit, position title, position type, [(prefix, first, last)]).
MORE_PEOPLE = [
    (
        "สภาองค์การบริหารส่วนตำบลวังทอง",
        "สมาชิกสภาองค์การบริหารส่วนตำบล",
        "council_member",
        [
            ("นาย", "ทองใบ", "ศรีสุข"),
            ("นาย", "สมหมาย", "บุญเรือง"),
            ("นาง", "บุญมี", "ทองคำ"),
            ("นาย", "ประสิทธิ์", "แสนดี"),
            ("นาย", "วิชัย", "คำแก้ว"),
            ("นาง", "สุดใจ", "พรมมา"),
            ("นาย", "เสถียร", "ดวงจันทร์"),
            ("นาย", "อุดม", "ศรีเมือง"),
            ("นาง", "ลำดวน", "ภูผา"),
        ],
    ),
    (
        "สำนักปลัด",
        "ผู้ช่วยเจ้าพนักงานธุรการ",
        "mission_employee",
        [("นางสาว", "ศิริพร", "มีสุข"), ("นางสาว", "จันทร์เพ็ญ", "ใจงาม")],
    ),
    ("สำนักปลัด", "พนักงานขับรถยนต์", "general_employee", [("นาย", "สมาน", "ขันทอง"), ("นาย", "ชัยวัฒน์", "บุญล้อม")]),
    ("สำนักปลัด", "นักการภารโรง", "permanent_employee", [("นาย", "บุญส่ง", "ศรีนวล")]),
    ("กองคลัง", "ผู้ช่วยเจ้าพนักงานการเงินและบัญชี", "mission_employee", [("นางสาว", "วาสนา", "แสงสว่าง")]),
    ("กองช่าง", "ผู้ช่วยนายช่างโยธา", "mission_employee", [("นาย", "ธนากร", "พลอยงาม")]),
    ("กองช่าง", "คนงานทั่วไป", "general_employee", [("นาย", "สมพงษ์", "ดีเลิศ"), ("นาย", "ทวี", "ศักดิ์ดี")]),
    (
        "กองการศึกษา ศาสนาและวัฒนธรรม",
        "ครู",
        "teacher",
        [("นาง", "อัมพร", "ศรีบุญ"), ("นาง", "ประภาพร", "ทองมา"), ("นางสาว", "นิตยา", "คำดี")],
    ),
    (
        "กองการศึกษา ศาสนาและวัฒนธรรม",
        "ผู้ดูแลเด็ก",
        "mission_employee",
        [("นางสาว", "รุ่งนภา", "สุขใจ"), ("นางสาว", "กัลยา", "มาลัย")],
    ),
]
# Approved posts nobody holds (vacancies of the staffing plan).
VACANT = [
    ("กองสาธารณสุขและสิ่งแวดล้อม", "นักวิชาการสาธารณสุข", "academic_line"),
    ("สำนักปลัด", "นักจัดการงานทั่วไป", "academic_line"),
]

RULES = [
    (
        HrRule.Topic.POLICY,
        "นโยบายการบริหารทรัพยากรบุคคล องค์การบริหารส่วนตำบลวังทอง",
        "1. สรรหาบุคลากรที่มีความรู้ความสามารถอย่างโปร่งใส เป็นธรรม\n"
        "2. พัฒนาบุคลากรทุกคนอย่างน้อยปีละหนึ่งหลักสูตร\n"
        "3. ประเมินผลการปฏิบัติงานตามผลสัมฤทธิ์ของงาน\n"
        "4. ส่งเสริมคุณธรรม จริยธรรม และสร้างขวัญกำลังใจแก่บุคลากร",
        date(2022, 10, 3),
    ),
    (
        HrRule.Topic.RECRUITMENT,
        "หลักเกณฑ์การสรรหาและเลือกสรรพนักงานจ้าง",
        "ประกาศรับสมัครอย่างเปิดเผยไม่น้อยกว่า 5 วันทำการ คัดเลือกโดยคณะกรรมการด้วยการสอบข้อเขียนและสัมภาษณ์ "
        "ประกาศผลและขึ้นบัญชีผู้ผ่านการเลือกสรรต่อสาธารณะ",
        date(2022, 10, 3),
    ),
    (
        HrRule.Topic.TRANSFER,
        "หลักเกณฑ์การรับโอน ย้าย พนักงานส่วนตำบล",
        "พิจารณาตามกรอบอัตรากำลังที่ว่าง ความรู้ความสามารถ และความเห็นชอบของคณะกรรมการพนักงานส่วนตำบลจังหวัด",
        date(2022, 10, 3),
    ),
    (
        HrRule.Topic.PROMOTION,
        "หลักเกณฑ์การเลื่อนระดับและการเลื่อนขั้นเงินเดือน",
        "พิจารณาจากผลการประเมินผลการปฏิบัติงานสองรอบต่อปี โดยคณะกรรมการกลั่นกรองที่นายกแต่งตั้ง",
        date(2022, 10, 3),
    ),
    (
        HrRule.Topic.APPRAISAL,
        "หลักเกณฑ์และวิธีการประเมินผลการปฏิบัติงาน",
        "ประเมินปีละสองรอบ (1 ตุลาคม – 31 มีนาคม และ 1 เมษายน – 30 กันยายน) ผลสัมฤทธิ์ของงานร้อยละ 70 "
        "และพฤติกรรมการปฏิบัติราชการ (สมรรถนะ) ร้อยละ 30",
        date(2022, 10, 3),
    ),
    (
        HrRule.Topic.DEVELOPMENT,
        "หลักเกณฑ์การพัฒนาบุคลากร",
        "บุคลากรทุกคนได้รับการพัฒนาตามแผนพัฒนาบุคลากรสามปี อย่างน้อยปีละหนึ่งหลักสูตร รวมถึงหลักสูตรด้านจริยธรรม",
        date(2022, 10, 3),
    ),
    (
        HrRule.Topic.DISCIPLINE,
        "หลักเกณฑ์การรักษาวินัย การให้คุณให้โทษ และการสร้างขวัญกำลังใจ",
        "ยกย่องบุคลากรดีเด่นประจำปี และดำเนินการทางวินัยตามประกาศคณะกรรมการพนักงานส่วนตำบลจังหวัดชัยภูมิ",
        date(2022, 10, 3),
    ),
]

# Courses of each fiscal year (title, topic, month offset from October, days, hours, provider, cost, share).
# ``share`` is which part of the staff attends: "all", "career" or a number of people.
COURSES: list[tuple[str, str, int, int, str, str, str, str | int]] = [
    ("โครงการอบรมคุณธรรม จริยธรรม และประมวลจริยธรรม", Course.Topic.ETHICS, 3, 1, "6", "สำนักปลัด", "20000", "all"),
    ("หลักสูตรการจัดทำแผนพัฒนาท้องถิ่น", Course.Topic.FUNCTIONAL, 1, 3, "18", "สถาบันพัฒนาบุคลากรท้องถิ่น", "9000", 3),
    ("หลักสูตรการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ", Course.Topic.FUNCTIONAL, 4, 3, "18", "กรมบัญชีกลาง", "12000", 4),
    ("การพัฒนาทักษะดิจิทัลสำหรับบุคลากรท้องถิ่น", Course.Topic.GENERAL, 6, 2, "12", "สำนักงาน ก.พ.", "0", "career"),
    ("หลักสูตรผู้บริหารท้องถิ่นยุคใหม่", Course.Topic.MANAGEMENT, 8, 2, "12", "กรมส่งเสริมการปกครองท้องถิ่น", "8000", 4),
]


def _position_type(title: str) -> str:
    if title in TYPES_BY_TITLE:
        return TYPES_BY_TITLE[title]
    for prefix, kind in TYPES_BY_PREFIX:
        if title.startswith(prefix):
            return kind
    return "general_line"


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


def _pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(f"{name}.pdf", document_pdf(f"Wang Thong SAO {name}"), "application/pdf")


def _more_people(agency: Agency, admin: User) -> None:
    for unit_name, title, _kind, people in MORE_PEOPLE:
        unit = OrgUnit.objects.get(agency=agency, name_th=unit_name)
        position = Position.objects.filter(agency=agency, unit=unit, title_th=title).first()
        if position is None:
            position = core_services.position_save(
                agency=agency, acting_user=admin, unit=unit, title_th=title, order=20
            )
        for order, (prefix, first, last) in enumerate(people, start=10):
            core_services.person_save(
                agency=agency,
                acting_user=admin,
                position=position,
                prefix=prefix,
                first_name=first,
                last_name=last,
                order=order,
            )


def _posts(agency: Agency, admin: User) -> list[Person]:
    """A post for every current person (held since FY2565) and the vacancies; returns the career staff."""
    kinds = {title: kind for _unit, title, kind, _people in MORE_PEOPLE}
    established = date(2021, 10, 1)
    career: list[Person] = []
    number = 0
    for person in Person.objects.filter(agency=agency, is_current=True).select_related("position__unit"):
        number += 1
        kind = kinds.get(person.position.title_th) or _position_type(person.position.title_th)
        post = services.post_save(
            agency=agency,
            acting_user=admin,
            position=person.position,
            code=f"WT-{number:03d}",
            position_type=kind,
            established_on=established,
        )
        # One mission employee joined during FY2567; everyone else has held their post since FY2565.
        started = date(2024, 1, 15) if person.first_name == "กัลยา" else established
        services.tenure_start(post=post, acting_user=admin, person=person, started_on=started)
        found = catalogue.position_type(kind)
        if found is not None and found.side == "career":
            career.append(person)
    for unit_name, title, kind in VACANT:
        number += 1
        unit = OrgUnit.objects.get(agency=agency, name_th=unit_name)
        position = core_services.position_save(
            agency=agency, acting_user=admin, unit=unit, title_th=title, order=30
        )
        services.post_save(
            agency=agency,
            acting_user=admin,
            position=position,
            code=f"WT-{number:03d}",
            position_type=kind,
            established_on=established,
        )
    return career


def _rules(agency: Agency, admin: User) -> None:
    for topic, title, body, effective in RULES:
        rule = services.hr_rule_save(
            agency=agency,
            acting_user=admin,
            topic=topic,
            title=title,
            body=body,
            effective_on=effective,
            signer_name=SIGNER[0],
            signer_position=SIGNER[1],
            document_upload=_pdf(f"hr-rule-{topic}"),
        )
        services.record_publish_people(record=rule, acting_user=admin, published_at=_at(date(2022, 10, 5)))


def _training(agency: Agency, admin: User, everyone: list[Person], career: list[Person]) -> None:
    today = timezone.localdate()
    for year in range(2566, 2571):
        first_october = date(year - 544, 10, 1)
        for index, (title, topic, offset, days, hours, provider, cost, share) in enumerate(COURSES):
            month = (first_october.month - 1 + offset) % 12 + 1
            start = date(first_october.year + (first_october.month - 1 + offset) // 12, month, 10 + index)
            if start > today:
                continue
            course = services.course_save(
                agency=agency,
                acting_user=admin,
                title=f"{title} ประจำปีงบประมาณ พ.ศ. {year}",
                topic=topic,
                starts_on=start,
                ends_on=date.fromordinal(start.toordinal() + days - 1),
                hours=Decimal(hours),
                provider=provider,
                cost=Decimal(cost),
            )
            if share == "all":
                attendees = everyone
            elif share == "career":
                attendees = career
            else:
                begin = (year * 7 + index * 5) % len(career)
                attendees = [career[(begin + n) % len(career)] for n in range(int(share))]
            for person in attendees:
                services.attendance_add(course=course, acting_user=admin, person=person)


def _ethics(agency: Agency, admin: User, by_name: dict[str, Person]) -> None:
    issued = {"executives": date(2021, 12, 20), "council": date(2021, 12, 20), "staff": date(2021, 11, 1)}
    for kind in catalogue.code_kinds():
        code = services.ethics_code_save(
            agency=agency,
            acting_user=admin,
            kind=kind.kind,
            title=kind.title_th,
            issued_on=issued[kind.kind],
            summary="มาตรฐานทางจริยธรรมที่เจ้าหน้าที่ต้องยึดถือ: ยึดมั่นในสถาบันหลักของประเทศ ซื่อสัตย์สุจริต "
            "มีจิตสำนึกที่ดี รับผิดชอบ ยึดถือประโยชน์ของประเทศชาติเหนือประโยชน์ส่วนตน",
            document_upload=_pdf(f"ethics-code-{kind.kind}"),
        )
        services.record_publish_people(record=code, acting_user=admin, published_at=_at(date(2022, 1, 10)))
    members = [
        ("พรทิพย์", GroupMember.Role.CHAIR),
        ("วีระพงษ์", GroupMember.Role.MEMBER),
        ("สุรชัย", GroupMember.Role.MEMBER),
        ("รัชนี", GroupMember.Role.MEMBER),
        ("อนุชา", GroupMember.Role.MEMBER),
        ("วันเพ็ญ", GroupMember.Role.MEMBER),
        ("อรอุมา", GroupMember.Role.SECRETARY),
    ]
    today = timezone.localdate()
    for year in range(2566, 2571):
        ordered = date(year - 544, 10, 16)
        if ordered > today:
            continue
        group = services.working_group_save(
            agency=agency,
            acting_user=admin,
            fiscal_year=year,
            title=f"คณะทำงานขับเคลื่อนจริยธรรม องค์การบริหารส่วนตำบลวังทอง ประจำปีงบประมาณ พ.ศ. {year}",
            order_number=f"{200 + year - 2566}/{year - 1}",
            ordered_on=ordered,
            duties="ส่งเสริมและขับเคลื่อนการปฏิบัติตามประมวลจริยธรรม ให้คำปรึกษาตอบคำถามทางจริยธรรม "
            "และรายงานผลการขับเคลื่อนจริยธรรมต่อนายกองค์การบริหารส่วนตำบล",
            order_upload=_pdf(f"ethics-group-{year}"),
        )
        for order, (first_name, role) in enumerate(members):
            services.group_member_add(
                group=group, acting_user=admin, person=by_name[first_name], role=role, order=order
            )
        services.record_publish_people(record=group, acting_user=admin, published_at=_at(ordered))
        announced = date(year - 544, 10, 20)
        guide = services.conduct_guide_save(
            agency=agency,
            acting_user=admin,
            fiscal_year=year,
            title=f"แนวปฏิบัติ Dos & Don'ts องค์การบริหารส่วนตำบลวังทอง ประจำปีงบประมาณ พ.ศ. {year}",
            dos="ให้บริการประชาชนด้วยความเสมอภาค ไม่เลือกปฏิบัติ\n"
            "ปฏิบัติงานตามคู่มือและระยะเวลาที่กำหนด\n"
            "เปิดเผยข้อมูลข่าวสารตามที่กฎหมายกำหนด\n"
            "แจ้งผู้บังคับบัญชาเมื่อมีผลประโยชน์ทับซ้อน",
            donts="ไม่รับของขวัญหรือประโยชน์ใด ๆ จากการปฏิบัติหน้าที่ (No Gift Policy)\n"
            "ไม่ใช้ทรัพย์สินของราชการเพื่อประโยชน์ส่วนตน\n"
            "ไม่เปิดเผยข้อมูลส่วนบุคคลของผู้รับบริการ\n"
            "ไม่ใช้ตำแหน่งหน้าที่แสวงหาประโยชน์แก่ตนเองหรือผู้อื่น",
            announced_on=announced,
        )
        services.record_publish_people(record=guide, acting_user=admin, published_at=_at(announced))
        # The report of the year's ethics assessment, made after the January ethics training and published before
        # the OIT answer date (30 April), when the assessed year's items are judged.
        reported = date(year - 543, 4, 10)
        if reported > today:
            continue
        report = services.ethics_report_save(
            agency=agency,
            acting_user=admin,
            fiscal_year=year,
            summary="จัดอบรมคุณธรรม จริยธรรม และประมวลจริยธรรมแก่บุคลากรทุกคน แต่งตั้งคณะทำงานขับเคลื่อนจริยธรรม "
            "ประกาศแนวปฏิบัติ Dos & Don'ts และให้บุคลากรทุกคนรับทราบประมวลจริยธรรม",
            assessment="ผลการประเมินการรับรู้และการปฏิบัติตามประมวลจริยธรรมของบุคลากร ผ่านเกณฑ์ร้อยละ 96 "
            "ไม่พบการร้องเรียนการฝ่าฝืนประมวลจริยธรรม",
            problems="บุคลากรบางส่วนติดภารกิจในวันอบรม",
            suggestions="จัดอบรมออนไลน์เสริมสำหรับผู้ที่ไม่ได้เข้าร่วม",
            reported_on=reported,
            signer_name=SIGNER[0],
            signer_position=SIGNER[1],
        )
        services.record_publish_people(record=report, acting_user=admin, published_at=_at(reported))


def seed(context: DemoContext) -> None:
    agency, admin = context.agency, context.admin
    _more_people(agency, admin)
    career = _posts(agency, admin)
    everyone = list(Person.objects.filter(agency=agency, is_current=True).order_by("pk"))
    by_name = {p.first_name: p for p in everyone}
    _rules(agency, admin)
    _training(agency, admin, everyone, career)
    _ethics(agency, admin, by_name)
    # Some of the staff accounts have acknowledged the codes of this year; the officer has not yet.
    year = fiscal_year(timezone.localdate())
    for username in ("admin", "head", "executive"):
        user = context.users.get(username)
        if user is not None:
            services.acknowledge(agency=agency, acting_user=user, fiscal_year=year)
