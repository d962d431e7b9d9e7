"""Builders for people tests, through the services (rules and audit events hold).

Each takes the acting user and keyword overrides of Thai defaults; the caller is inside the agency's scope.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from prongsai.core import services as core_services
from prongsai.core.models import Agency, OrgUnit, Person, Position, User
from prongsai.core.tests import factories as core_factories
from prongsai.people import services
from prongsai.people.models import (
    Attendance,
    ConductGuide,
    Course,
    EthicsCode,
    EthicsReport,
    HrRule,
    StaffPost,
    WorkingGroup,
)


def position(
    agency: Agency, user: User, title: str = "นักวิชาการเงินและบัญชี", unit: OrgUnit | None = None
) -> Position:
    found = Position.objects.filter(agency=agency, title_th=title).first()
    if found is not None:
        return found
    if unit is None:
        unit = OrgUnit.objects.filter(agency=agency, name_th="กองคลัง").first() or core_factories.org_unit(
            agency, user
        )
    return core_factories.position(unit, user, title_th=title)


def person(
    agency: Agency, user: User, first_name: str = "สมศรี", last_name: str = "ใจดี", **overrides: Any
) -> Person:
    fields: dict[str, Any] = {"prefix": "นางสาว", "position": position(agency, user)}
    fields.update(overrides)
    return core_services.person_save(
        agency=agency, acting_user=user, first_name=first_name, last_name=last_name, **fields
    )


def post(agency: Agency, user: User, code: str = "01-2-04-3201-001", **overrides: Any) -> StaffPost:
    fields: dict[str, Any] = {
        "position": position(agency, user),
        "position_type": "academic_line",
        "established_on": date(2022, 10, 1),
    }
    fields.update(overrides)
    return services.post_save(agency=agency, acting_user=user, code=code, **fields)


def course(agency: Agency, user: User, **overrides: Any) -> Course:
    fields: dict[str, Any] = {
        "title": "หลักสูตรการจัดทำงบประมาณ",
        "topic": Course.Topic.FUNCTIONAL,
        "starts_on": date(2022, 11, 14),
        "ends_on": date(2022, 11, 16),
        "hours": Decimal("18"),
        "provider": "สถาบันพัฒนาบุคลากรท้องถิ่น",
        "cost": Decimal("4500"),
    }
    fields.update(overrides)
    return services.course_save(agency=agency, acting_user=user, **fields)


def attended(of_course: Course, user: User, who: Person) -> Attendance:
    return services.attendance_add(course=of_course, acting_user=user, person=who)


def hr_rule(agency: Agency, user: User, *, publish: bool = True, **overrides: Any) -> HrRule:
    fields: dict[str, Any] = {
        "topic": HrRule.Topic.RECRUITMENT,
        "title": "หลักเกณฑ์การสรรหาและเลือกสรรพนักงานจ้าง",
        "body": "ประกาศรับสมัครอย่างเปิดเผย สอบแข่งขันโดยคณะกรรมการ",
        "effective_on": date(2022, 10, 1),
        "signer_name": "นายสมชาย รักถิ่น",
        "signer_position": "นายกองค์การบริหารส่วนตำบลวังทอง",
    }
    fields.update(overrides)
    rule = services.hr_rule_save(agency=agency, acting_user=user, **fields)
    return services.record_publish_people(record=rule, acting_user=user) if publish else rule


def ethics_code(agency: Agency, user: User, *, publish: bool = True, **overrides: Any) -> EthicsCode:
    fields: dict[str, Any] = {
        "kind": "staff",
        "title": "ประมวลจริยธรรมพนักงานส่วนท้องถิ่น",
        "issued_on": date(2021, 11, 1),
    }
    fields.update(overrides)
    code = services.ethics_code_save(agency=agency, acting_user=user, **fields)
    return services.record_publish_people(record=code, acting_user=user) if publish else code


def working_group(
    agency: Agency, user: User, members: list[Person], *, publish: bool = True, **overrides: Any
) -> WorkingGroup:
    fields: dict[str, Any] = {
        "fiscal_year": 2567,
        "title": "คณะทำงานขับเคลื่อนจริยธรรม",
        "order_number": "123/2566",
        "ordered_on": date(2023, 10, 16),
    }
    fields.update(overrides)
    group = services.working_group_save(agency=agency, acting_user=user, **fields)
    for index, member in enumerate(members):
        services.group_member_add(
            group=group,
            acting_user=user,
            person=member,
            role="chair" if index == 0 else "member",
            order=index,
        )
    return services.record_publish_people(record=group, acting_user=user) if publish else group


def conduct_guide(agency: Agency, user: User, *, publish: bool = True, **overrides: Any) -> ConductGuide:
    fields: dict[str, Any] = {
        "fiscal_year": 2567,
        "title": "แนวปฏิบัติ Dos & Don'ts ประจำปีงบประมาณ พ.ศ. 2567",
        "dos": "ให้บริการด้วยความเป็นธรรม\nเปิดเผยข้อมูลตามกฎหมาย",
        "donts": "ไม่รับของขวัญจากผู้มาติดต่อ\nไม่ใช้ทรัพย์สินของราชการเพื่อประโยชน์ส่วนตน",
        "announced_on": date(2023, 10, 20),
    }
    fields.update(overrides)
    guide = services.conduct_guide_save(agency=agency, acting_user=user, **fields)
    return services.record_publish_people(record=guide, acting_user=user) if publish else guide


def ethics_report(agency: Agency, user: User, *, publish: bool = True, **overrides: Any) -> EthicsReport:
    fields: dict[str, Any] = {
        "fiscal_year": 2567,
        "summary": "จัดอบรมด้านจริยธรรมและเผยแพร่แนวปฏิบัติ",
        "assessment": "บุคลากรผ่านการประเมินการรับรู้ประมวลจริยธรรมร้อยละ 95",
        "reported_on": date(2024, 9, 30),
    }
    fields.update(overrides)
    report = services.ethics_report_save(agency=agency, acting_user=user, **fields)
    return services.record_publish_people(record=report, acting_user=user) if publish else report
