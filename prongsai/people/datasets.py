"""The public HR statistics in the open-data catalogue: the staffing plan's posts (approved, filled, vacant)
per position type at the end of every fiscal year, and the training statistics of every year.

Counts only, as the public statistics page shows them: who holds a post or attended a course is personal
data and stays on the staff pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

from django.db.models import Max, Min
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from prongsai.core.datasets import Column, Dataset, Frequency, Row
from prongsai.core.models import Agency
from prongsai.core.thai import BANGKOK, fiscal_year, fiscal_year_range

from . import selectors
from .models import Course, StaffPost, Tenure


def _staffing_years(agency: Agency) -> list[int]:
    first = StaffPost.objects.filter(agency=agency).aggregate(first=Min("established_on"))["first"]
    if first is None:
        return []
    return list(range(fiscal_year(first), fiscal_year(timezone.localdate()) + 1))


def _staffing_rows(agency: Agency) -> Iterator[Row]:
    today = timezone.localdate()
    for year in _staffing_years(agency):
        # A year that has not ended yet is counted as of today.
        as_of = min(fiscal_year_range(year)[1], today)
        for row in selectors.staffing_as_of(agency, as_of).rows:
            if row.approved or row.filled:
                yield [year, as_of, row.key, str(row.label), row.side, row.approved, row.filled, row.vacant]


def _staffing_updated(agency: Agency) -> datetime | None:
    moments = [
        StaffPost.objects.filter(agency=agency).aggregate(last=Max("updated_at"))["last"],
        Tenure.objects.filter(agency=agency).aggregate(last=Max("updated_at"))["last"],
    ]
    found = [m for m in moments if m]
    return max(found) if found else None


def _training_rows(agency: Agency) -> Iterator[Row]:
    for year in sorted(selectors.training_years(agency)):
        stats = selectors.training_stats(agency, year)
        yield [
            year,
            stats.courses,
            stats.attendances,
            stats.people,
            stats.hours,
            stats.cost,
            stats.ethics_courses,
            stats.ethics_attendances,
        ]


def _first(model: type[StaffPost] | type[Course], agency: Agency) -> date | None:
    first = model.objects.filter(agency=agency).aggregate(first=Min("created_at"))["first"]
    return first.astimezone(BANGKOK).date() if first else None


DATASETS = [
    Dataset(
        key="staffing-statistics",
        title=_("สถิติอัตรากำลังตามแผนอัตรากำลัง"),
        description=_(
            "จำนวนตำแหน่งตามแผนอัตรากำลัง จำนวนที่มีผู้ครองตำแหน่ง และตำแหน่งว่าง จำแนกตามประเภทตำแหน่ง "
            "ณ วันสิ้นปีงบประมาณของทุกปี (ปีปัจจุบัน ณ วันที่เรียกดู) นับจากทะเบียนอัตรากำลัง"
        ),
        objective=_("เปิดเผยสถิติอัตรากำลังของหน่วยงานตามรายงานผลการบริหารและพัฒนาทรัพยากรบุคคล"),
        tags=(_("อัตรากำลัง"), _("บุคลากร"), _("สถิติ"), _("ITA")),
        frequency=Frequency.IRREGULAR,
        theme=_("การบริหารทรัพยากรบุคคล"),
        source=_("ทะเบียนอัตรากำลังและการครองตำแหน่งของหน่วยงาน"),
        columns=(
            Column("fiscal_year", _("ปีงบประมาณ"), "integer", nullable=False),
            Column("as_of", _("ข้อมูล ณ วันที่"), "date", nullable=False),
            Column("position_type", _("รหัสประเภทตำแหน่ง"), nullable=False),
            Column("position_type_label", _("ประเภทตำแหน่ง"), nullable=False),
            Column("side", _("ฝ่าย (career = ฝ่ายประจำ, political = ฝ่ายการเมือง)"), nullable=False),
            Column("approved", _("ตำแหน่งตามแผนอัตรากำลัง"), "integer", nullable=False),
            Column("filled", _("มีผู้ครองตำแหน่ง"), "integer", nullable=False),
            Column("vacant", _("ตำแหน่งว่าง"), "integer", nullable=False),
        ),
        rows=_staffing_rows,
        last_updated=_staffing_updated,
        first_published=lambda agency: _first(StaffPost, agency),
        page_url="people:statistics",
    ),
    Dataset(
        key="training-statistics",
        title=_("สถิติการพัฒนาบุคลากร"),
        description=_(
            "จำนวนหลักสูตรฝึกอบรม จำนวนครั้งที่บุคลากรเข้ารับการอบรม จำนวนบุคลากรที่ได้รับการพัฒนา "
            "ชั่วโมงอบรมรวม ค่าใช้จ่าย และการอบรมด้านจริยธรรม ของแต่ละปีงบประมาณ นับจากบันทึกการฝึกอบรม"
        ),
        objective=_("เปิดเผยสถิติผู้เข้ารับการพัฒนาตามรายงานผลการบริหารและพัฒนาทรัพยากรบุคคล"),
        tags=(_("ฝึกอบรม"), _("บุคลากร"), _("จริยธรรม"), _("สถิติ")),
        frequency=Frequency.IRREGULAR,
        theme=_("การบริหารทรัพยากรบุคคล"),
        source=_("บันทึกการฝึกอบรมและการเข้าร่วมของบุคลากร"),
        columns=(
            Column("fiscal_year", _("ปีงบประมาณ"), "integer", nullable=False),
            Column("courses", _("จำนวนหลักสูตร"), "integer", nullable=False),
            Column("attendances", _("จำนวนครั้งที่เข้ารับการอบรม"), "integer", nullable=False),
            Column("people", _("จำนวนบุคลากรที่ได้รับการพัฒนา"), "integer", nullable=False),
            Column("person_hours", _("ชั่วโมงอบรมรวม (คน-ชั่วโมง)"), "number", nullable=False),
            Column("cost", _("ค่าใช้จ่าย (บาท)"), "number", nullable=False),
            Column("ethics_courses", _("หลักสูตรด้านจริยธรรม"), "integer", nullable=False),
            Column("ethics_attendances", _("ผู้เข้าอบรมด้านจริยธรรม"), "integer", nullable=False),
        ),
        rows=_training_rows,
        last_updated=lambda agency: Course.objects.filter(agency=agency).aggregate(last=Max("updated_at"))[
            "last"
        ],
        first_published=lambda agency: _first(Course, agency),
        page_url="people:statistics",
    ),
]
