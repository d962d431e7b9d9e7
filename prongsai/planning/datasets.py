"""The agency's published plans in the open-data catalogue: every item with its budget and period."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _

from prongsai.core.datasets import Column, Dataset, Frequency, Row
from prongsai.core.models import Agency
from prongsai.core.thai import BANGKOK

from . import selectors
from .models import Plan, PlanItem


def _rows(agency: Agency) -> Iterator[Row]:
    for item in selectors.published_items(agency).iterator(chunk_size=500):
        plan = item.plan
        yield [
            str(plan.public_id),
            str(Plan.Kind(plan.kind).label),
            plan.fiscal_year,
            plan.title,
            str(PlanItem.Kind(item.kind).label),
            item.number,
            item.title,
            item.budget,
            item.period_start,
            item.period_end,
        ]


DATASETS = [
    Dataset(
        key="plans",
        title=_("แผนงาน โครงการ และงบประมาณ"),
        description=_(
            "รายการยุทธศาสตร์ แผนงาน และโครงการของแผนทุกฉบับที่หน่วยงานเผยแพร่แล้ว พร้อมงบประมาณและระยะเวลาดำเนินการ"
        ),
        objective=_("เปิดเผยแผนและงบประมาณของหน่วยงานให้ประชาชนติดตามได้"),
        tags=(_("แผน"), _("โครงการ"), _("งบประมาณ")),
        frequency=Frequency.ANNUAL,
        theme=_("การเงิน งบประมาณ และการจัดซื้อจัดจ้าง"),
        source=_("แผนที่หน่วยงานจัดทำและเผยแพร่ในระบบ"),
        columns=(
            Column("plan_id", _("รหัสแผน"), nullable=False),
            Column("plan_kind", _("ประเภทแผน"), nullable=False),
            Column("fiscal_year", _("ปีงบประมาณ"), "integer", nullable=False),
            Column("plan_title", _("ชื่อแผน"), nullable=False),
            Column("item_kind", _("ประเภทรายการ"), nullable=False),
            Column("number", _("ลำดับที่"), "integer", nullable=False),
            Column("title", _("ชื่อ/รายละเอียด"), nullable=False),
            Column("budget", _("งบประมาณ (บาท)"), "number"),
            Column("period_start", _("ระยะเวลาเริ่ม"), "date"),
            Column("period_end", _("ระยะเวลาสิ้นสุด"), "date"),
        ),
        rows=_rows,
        last_updated=lambda agency: selectors.plans_span(agency)[1],
        first_published=lambda agency: (
            first.astimezone(BANGKOK).date() if (first := selectors.plans_span(agency)[0]) else None
        ),
        page_url="planning:plan_list",
    ),
]
