"""The integrity app's public data in the open-data catalogue: the de-identified No Gift reports (counts by
what happened to the gifts, as the published report shows them, a stated zero as a row of zeros) and the
published corruption-risk assessments with their measures.

Nothing from the gift register itself: who declared what is read by the head and the internal auditor only.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Max, Min, QuerySet
from django.utils.translation import gettext_lazy as _

from prongsai.core.datasets import Column, Dataset, Frequency, Row
from prongsai.core.models import Agency, Publishable
from prongsai.core.thai import BANGKOK

from . import selectors
from .models import GiftEntry


def _gift_rows(agency: Agency) -> Iterator[Row]:
    for report in reversed(list(selectors.published_gift_reports(agency))):
        totals = report.totals or {}
        by_handling = totals.get("by_handling", {})
        by_direction = totals.get("by_direction", {})
        yield [
            report.fiscal_year,
            report.period,
            str(report.get_period_display()),
            report.is_nil,
            int(totals.get("count", 0)),
            Decimal(str(totals.get("value", "0"))),
            int(totals.get("above_threshold", 0)),
            *(int(by_direction.get(choice.value, 0)) for choice in GiftEntry.Direction),
            *(int(by_handling.get(choice.value, 0)) for choice in GiftEntry.Handling),
            report.reported_on,
        ]


def _risk_rows(agency: Agency) -> Iterator[Row]:
    for assessment in reversed(list(selectors.published_assessments(agency))):
        for event in selectors.events_of(assessment):
            measures = [m.measure.strip() for m in event.measures.all()]
            yield [
                assessment.fiscal_year,
                event.area.name_th,
                event.number,
                event.process,
                event.event,
                event.likelihood,
                event.impact,
                event.score,
                event.level_label,
                "\n".join(measures),
            ]


def _span(rows: QuerySet[Publishable]) -> tuple[datetime | None, datetime | None]:
    found = rows.order_by().aggregate(first=Min("published_at"), last=Max("updated_at"))
    return found["first"], found["last"]


def _day(moment: datetime | None) -> date | None:
    return moment.astimezone(BANGKOK).date() if moment else None


# One column per choice, in the order of the choices, so a new choice is a new column and never lost; the
# choice values are ASCII and stable (they are what the report's totals store).
_DIRECTION_COLUMNS = tuple(
    Column(f"direction_{c.value}", c.label, "integer", nullable=False) for c in GiftEntry.Direction
)
_HANDLING_COLUMNS = tuple(
    Column(f"handling_{c.value}", c.label, "integer", nullable=False) for c in GiftEntry.Handling
)

DATASETS = [
    Dataset(
        key="no-gift-reports",
        title=_("รายงานผลการดำเนินการตามนโยบาย No Gift Policy"),
        description=_(
            "จำนวนครั้งที่มีการเสนอให้ รับ หรือมอบของขวัญและประโยชน์อื่นใดของบุคลากรในแต่ละรอบรายงาน "
            "มูลค่ารวมโดยประมาณ และการดำเนินการ (ปฏิเสธ ส่งคืน รับไว้ตามหลักเกณฑ์ ส่งมอบให้หน่วยงาน) "
            "ตามรายงานที่เผยแพร่ ไม่ระบุตัวบุคคล รอบที่ไม่มีการรับหรือให้ระบุเป็นศูนย์"
        ),
        objective=_("เปิดเผยผลการดำเนินการตามนโยบายไม่รับของขวัญ (No Gift Policy) ตามเกณฑ์การประเมิน ITA"),
        tags=(_("No Gift Policy"), _("ของขวัญ"), _("ป้องกันการทุจริต"), _("ITA")),
        frequency=Frequency.IRREGULAR,
        theme=_("การป้องกันการทุจริต"),
        source=_("รายงานการรับของขวัญที่หน่วยงานเผยแพร่ (สรุปจากทะเบียนการรับของขวัญ)"),
        columns=(
            Column("fiscal_year", _("ปีงบประมาณ"), "integer", nullable=False),
            Column("period", _("รหัสรอบรายงาน (year = ทั้งปี, h1 = รอบ 6 เดือน)"), nullable=False),
            Column("period_label", _("รอบรายงาน"), nullable=False),
            Column("nil_report", _("ไม่มีการรับหรือให้ของขวัญ"), "boolean", nullable=False),
            Column("count", _("จำนวนครั้ง"), "integer", nullable=False),
            Column("value", _("มูลค่ารวมโดยประมาณ (บาท)"), "number", nullable=False),
            Column("above_threshold", _("มูลค่าเกินเกณฑ์ที่ต้องให้หัวหน้าหน่วยงานวินิจฉัย"), "integer", nullable=False),
            *_DIRECTION_COLUMNS,
            *_HANDLING_COLUMNS,
            Column("reported_on", _("วันที่รายงาน"), "date"),
        ),
        rows=_gift_rows,
        last_updated=lambda agency: _span(selectors.published_gift_reports(agency))[1],
        first_published=lambda agency: _day(_span(selectors.published_gift_reports(agency))[0]),
        page_url="integrity:index",
    ),
    Dataset(
        key="corruption-risk-assessments",
        title=_("ผลการประเมินความเสี่ยงการทุจริต"),
        description=_(
            "เหตุการณ์ความเสี่ยงการทุจริตที่หน่วยงานประเมินในแต่ละปีงบประมาณ จำแนกตามประเด็น "
            "พร้อมโอกาส ผลกระทบ คะแนนและระดับความเสี่ยงตามวิธีการของ ป.ป.ช. และมาตรการบริหารจัดการความเสี่ยง"
        ),
        objective=_("เปิดเผยการประเมินความเสี่ยงการทุจริตและมาตรการป้องกันตามเกณฑ์การประเมิน ITA"),
        tags=(_("ความเสี่ยงการทุจริต"), _("ป้องกันการทุจริต"), _("ITA")),
        frequency=Frequency.ANNUAL,
        theme=_("การป้องกันการทุจริต"),
        source=_("รายงานการประเมินความเสี่ยงการทุจริตที่หน่วยงานเผยแพร่"),
        columns=(
            Column("fiscal_year", _("ปีงบประมาณ"), "integer", nullable=False),
            Column("area", _("ประเด็นความเสี่ยง"), nullable=False),
            Column("number", _("ลำดับที่"), "integer", nullable=False),
            Column("process", _("กระบวนงาน/ขั้นตอน")),
            Column("event", _("เหตุการณ์ความเสี่ยง"), nullable=False),
            Column("likelihood", _("โอกาส (1–5)"), "integer", nullable=False),
            Column("impact", _("ผลกระทบ (1–5)"), "integer", nullable=False),
            Column("score", _("คะแนนความเสี่ยง"), "integer", nullable=False),
            Column("level", _("ระดับความเสี่ยง"), nullable=False),
            Column("measures", _("มาตรการบริหารจัดการความเสี่ยง")),
        ),
        rows=_risk_rows,
        last_updated=lambda agency: _span(selectors.published_assessments(agency))[1],
        first_published=lambda agency: _day(_span(selectors.published_assessments(agency))[0]),
        page_url="integrity:index",
    ),
]
