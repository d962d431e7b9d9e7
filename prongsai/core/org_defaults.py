"""The org chart a new local government organisation starts with (its divisions, duties and top posts).

Every อบต., เทศบาล and อบจ. is organised the same way by the DLA's staffing rules: a political side (the
executive and the council) and a career side under the permanent secretary (ปลัด) with the same divisions.
Only the names of the offices change with the kind of organisation. Staff rename, add and remove units
afterwards on the structure pages; the demo uses the same duties so that the two never drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from prongsai.core import services
from prongsai.core.models import Agency, OrgUnit, Position, User


@dataclass(frozen=True)
class OfficeNames:
    executive: str  # นายก…
    council: str  # สภา…
    secretary: str  # ปลัด…
    secretary_office: str  # สำนักปลัด…
    short: str  # อบต. / ทต. / ทม. / ทน. / อบจ.


OFFICE_NAMES: dict[str, OfficeNames] = {
    Agency.Kind.SAO: OfficeNames(
        "นายกองค์การบริหารส่วนตำบล", "สภาองค์การบริหารส่วนตำบล", "ปลัดองค์การบริหารส่วนตำบล", "สำนักปลัด", "อบต."
    ),
    Agency.Kind.SUBDISTRICT_MUNICIPALITY: OfficeNames(
        "นายกเทศมนตรีตำบล", "สภาเทศบาลตำบล", "ปลัดเทศบาล", "สำนักปลัดเทศบาล", "ทต."
    ),
    Agency.Kind.TOWN_MUNICIPALITY: OfficeNames(
        "นายกเทศมนตรีเมือง", "สภาเทศบาลเมือง", "ปลัดเทศบาล", "สำนักปลัดเทศบาล", "ทม."
    ),
    Agency.Kind.CITY_MUNICIPALITY: OfficeNames(
        "นายกเทศมนตรีนคร", "สภาเทศบาลนคร", "ปลัดเทศบาล", "สำนักปลัดเทศบาล", "ทน."
    ),
    Agency.Kind.PAO: OfficeNames(
        "นายกองค์การบริหารส่วนจังหวัด",
        "สภาองค์การบริหารส่วนจังหวัด",
        "ปลัดองค์การบริหารส่วนจังหวัด",
        "สำนักปลัดองค์การบริหารส่วนจังหวัด",
        "อบจ.",
    ),
}

# The kinds an operator can onboard (a local government organisation); "other" agencies set up by hand.
LOCAL_KINDS = tuple(OFFICE_NAMES)

EXECUTIVE_DUTIES = (
    "บริหารกิจการของหน่วยงานให้เป็นไปตามนโยบาย แผนพัฒนาท้องถิ่น และข้อบัญญัติหรือเทศบัญญัติงบประมาณ "
    "รับผิดชอบการบริหารราชการตามกฎหมาย และสั่ง อนุญาต อนุมัติ เกี่ยวกับราชการของหน่วยงาน"
)
COUNCIL_DUTIES = (
    "ให้ความเห็นชอบแผนพัฒนาท้องถิ่น พิจารณาและให้ความเห็นชอบร่างข้อบัญญัติหรือเทศบัญญัติงบประมาณรายจ่ายประจำปี "
    "และควบคุมการปฏิบัติงานของฝ่ายบริหารให้เป็นไปตามกฎหมาย นโยบาย และแผนพัฒนา"
)
SECRETARY_DUTIES = "บังคับบัญชาพนักงานส่วนท้องถิ่นและลูกจ้าง รับผิดชอบควบคุมดูแลราชการประจำให้เป็นไปตามนโยบายของฝ่ายบริหาร"

# (name, duties, title of its head); the first is the secretary's own office, named per kind.
DIVISIONS: tuple[tuple[str, str, str], ...] = (
    (
        "",
        "งานบริหารทั่วไป งานธุรการและสารบรรณ งานนโยบายและแผน งานบริหารงานบุคคล งานกฎหมายและคดี "
        "งานป้องกันและบรรเทาสาธารณภัย งานสวัสดิการสังคมและพัฒนาชุมชน และงานที่ไม่ได้กำหนดให้เป็นหน้าที่ของกองใด",
        "หัวหน้าสำนักปลัด",
    ),
    (
        "กองคลัง",
        "งานการเงินและบัญชี งานจัดเก็บรายได้ งานพัสดุและทรัพย์สิน งานแผนที่ภาษีและทะเบียนทรัพย์สิน",
        "ผู้อำนวยการกองคลัง",
    ),
    (
        "กองช่าง",
        "งานก่อสร้างและบำรุงรักษาถนน สะพาน ทางระบายน้ำ งานออกแบบและควบคุมอาคาร งานประปา และงานไฟฟ้าสาธารณะ",
        "ผู้อำนวยการกองช่าง",
    ),
    (
        "กองการศึกษา ศาสนาและวัฒนธรรม",
        "งานส่งเสริมการศึกษา งานศูนย์พัฒนาเด็กเล็ก งานอาหารเสริม (นม) และอาหารกลางวัน "
        "งานศาสนา ศิลปวัฒนธรรม ประเพณี กีฬาและนันทนาการ",
        "ผู้อำนวยการกองการศึกษา ศาสนาและวัฒนธรรม",
    ),
    (
        "กองสาธารณสุขและสิ่งแวดล้อม",
        "งานส่งเสริมสุขภาพ งานป้องกันและควบคุมโรคติดต่อ งานรักษาความสะอาดและกำจัดขยะมูลฝอย "
        "งานอนามัยสิ่งแวดล้อม และการอนุญาตกิจการที่เป็นอันตรายต่อสุขภาพ",
        "ผู้อำนวยการกองสาธารณสุขและสิ่งแวดล้อม",
    ),
    (
        "หน่วยตรวจสอบภายใน",
        "ตรวจสอบการเงิน การบัญชี การพัสดุ และการปฏิบัติงานของส่วนราชการ ให้เป็นไปตามกฎหมาย ระเบียบ "
        "และมาตรฐานการควบคุมภายใน และรายงานผลต่อผู้บริหาร",
        "นักวิชาการตรวจสอบภายใน",
    ),
)


def duties_of(division: str) -> str:
    """The standard duties of a division by its name (the secretary's office under any of its names)."""
    for name, duties, _head in DIVISIONS:
        if name == division or (not name and division.startswith("สำนักปลัด")):
            return duties
    return ""


def place_name(agency: Agency) -> str:
    """The place part of the agency's name ("วังทอง" of "องค์การบริหารส่วนตำบลวังทอง")."""
    for prefix in ("องค์การบริหารส่วนตำบล", "องค์การบริหารส่วนจังหวัด", "เทศบาลตำบล", "เทศบาลเมือง", "เทศบาลนคร"):
        if agency.name_th.startswith(prefix):
            return agency.name_th.removeprefix(prefix)
    return ""


@transaction.atomic
def default_org_chart_create(*, agency: Agency, acting_user: User) -> list[OrgUnit]:
    """Create the standard units and top posts of a new agency (no people: staff add them)."""
    names = OFFICE_NAMES.get(agency.kind, OFFICE_NAMES[Agency.Kind.SAO])
    place = place_name(agency)
    units: list[OrgUnit] = []

    def unit(side: str, name: str, duties: str, order: int, parent: OrgUnit | None = None) -> OrgUnit:
        created = services.org_unit_save(
            agency=agency,
            acting_user=acting_user,
            side=side,
            parent=parent,
            name_th=name,
            duties=duties,
            order=order,
        )
        units.append(created)
        return created

    def post(where: OrgUnit, title: str, level: str, order: int = 0) -> None:
        services.position_save(
            agency=agency, acting_user=acting_user, unit=where, title_th=title, level=level, order=order
        )

    executive = unit(OrgUnit.Side.POLITICAL, "คณะผู้บริหาร", EXECUTIVE_DUTIES, 0)
    post(executive, f"{names.executive}{place}", Position.Level.TOP_EXECUTIVE)
    post(executive, f"รอง{names.executive}{place}", Position.Level.DEPUTY_EXECUTIVE, 1)
    council = unit(OrgUnit.Side.POLITICAL, f"{names.council}{place}", COUNCIL_DUTIES, 1)
    post(council, f"ประธาน{names.council}", Position.Level.COUNCIL)
    root = unit(OrgUnit.Side.CAREER, names.secretary, SECRETARY_DUTIES, 0)
    post(root, names.secretary, Position.Level.TOP_EXECUTIVE)
    for order, (name, duties, head) in enumerate(DIVISIONS, start=1):
        division = unit(OrgUnit.Side.CAREER, name or names.secretary_office, duties, order, parent=root)
        level = Position.Level.STAFF if name == "หน่วยตรวจสอบภายใน" else Position.Level.UNIT_HEAD
        post(division, head if name else f"หัวหน้า{names.secretary_office}", level)
    return units
