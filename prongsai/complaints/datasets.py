"""The complaint statistics in the open-data catalogue: one row per month of every fiscal year."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _

from prongsai.core.datasets import Column, Dataset, Frequency, Row
from prongsai.core.models import Agency
from prongsai.core.thai import BANGKOK

from . import selectors


def _rows(agency: Agency) -> Iterator[Row]:
    for year in sorted(selectors.statistics_years(agency)):
        stats = selectors.complaint_statistics(agency, year)
        for (ce_year, month), row in zip(selectors.statistics_month_keys(year), stats.months, strict=True):
            yield [
                year,
                f"{ce_year:04d}-{month:02d}",
                row.received,
                row.resolved,
                row.rejected,
                row.forwarded,
                row.done,
                row.pending,
                row.resolved_on_time,
            ]


DATASETS = [
    Dataset(
        key="complaint-statistics",
        title=_("สถิติเรื่องร้องเรียนทั่วไป"),
        description=_(
            "จำนวนเรื่องร้องเรียนทั่วไปที่รับในแต่ละเดือนของทุกปีงบประมาณ จำแนกตามสถานะปัจจุบัน "
            "และจำนวนเรื่องที่แก้ไขทันกำหนด ไม่รวมเรื่องร้องเรียนการทุจริต"
        ),
        objective=_("เปิดเผยผลการจัดการเรื่องร้องเรียนของหน่วยงานตามเกณฑ์การประเมิน ITA"),
        tags=(_("ร้องเรียน"), _("สถิติ"), _("บริการประชาชน")),
        frequency=Frequency.MONTHLY,
        theme=_("บริการประชาชน"),
        source=_("ช่องทางรับเรื่องร้องเรียนทั่วไปของหน่วยงาน"),
        columns=(
            Column("fiscal_year", _("ปีงบประมาณ"), "integer", nullable=False),
            Column("month", _("เดือน (ค.ศ. ปี-เดือน)"), nullable=False),
            Column("received", _("รับเรื่อง"), "integer", nullable=False),
            Column("resolved", _("แก้ไขแล้ว"), "integer", nullable=False),
            Column("rejected", _("ไม่รับเรื่อง/ยุติ"), "integer", nullable=False),
            Column("forwarded", _("ส่งต่อหน่วยงานอื่น"), "integer", nullable=False),
            Column("done", _("ดำเนินการแล้วเสร็จ"), "integer", nullable=False),
            Column("pending", _("อยู่ระหว่างดำเนินการ"), "integer", nullable=False),
            Column("resolved_on_time", _("แก้ไขทันกำหนด"), "integer", nullable=False),
        ),
        rows=_rows,
        last_updated=lambda agency: selectors.statistics_span(agency)[1],
        first_published=lambda agency: (
            first.astimezone(BANGKOK).date() if (first := selectors.statistics_span(agency)[0]) else None
        ),
        page_url="complaints:statistics",
    ),
]
