"""The de-identified statistics of the corruption channel in the open-data catalogue.

Counts per month only, as the public statistics page shows them; the dates of the catalogue are given to
the month (the first day of the month of the first report and of the last change), never to the day.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from prongsai.core.datasets import Column, Dataset, Frequency, Row
from prongsai.core.models import Agency
from prongsai.core.thai import BANGKOK

from . import selectors


def _month_start(moment: datetime | None) -> date | None:
    if moment is None:
        return None
    local = moment.astimezone(BANGKOK)
    return date(local.year, local.month, 1)


def _rows(agency: Agency) -> Iterator[Row]:
    today = timezone.localdate()
    for year in sorted(selectors.statistics_years(agency, today=today)):
        stats = selectors.statistics(agency, year, as_of=today)
        for month in stats.months:
            yield [
                year,
                f"{month.year:04d}-{month.month:02d}",
                month.total,
                month.completed,
                month.in_progress,
            ]


def _last_updated(agency: Agency) -> datetime | None:
    day = _month_start(selectors.statistics_span(agency)[1])
    return datetime(day.year, day.month, day.day, tzinfo=BANGKOK) if day else None


DATASETS = [
    Dataset(
        key="corruption-complaint-statistics",
        title=_("สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"),
        description=_(
            "จำนวนเรื่องร้องเรียนการทุจริตและประพฤติมิชอบที่รับในแต่ละเดือน ดำเนินการแล้วเสร็จ "
            "และอยู่ระหว่างดำเนินการ เป็นข้อมูลที่ไม่สามารถระบุตัวบุคคลได้"
        ),
        objective=_("เปิดเผยผลการดำเนินการเรื่องร้องเรียนการทุจริตตามเกณฑ์การประเมิน ITA"),
        tags=(_("ทุจริต"), _("ร้องเรียน"), _("สถิติ"), _("ITA")),
        frequency=Frequency.MONTHLY,
        theme=_("การป้องกันการทุจริต"),
        source=_("ช่องทางแจ้งเรื่องร้องเรียนการทุจริตของหน่วยงาน (นับเฉพาะจำนวน)"),
        columns=(
            Column("fiscal_year", _("ปีงบประมาณ"), "integer", nullable=False),
            Column("month", _("เดือน (ค.ศ. ปี-เดือน)"), nullable=False),
            Column("received", _("จำนวนเรื่องที่รับ"), "integer", nullable=False),
            Column("completed", _("ดำเนินการแล้วเสร็จ"), "integer", nullable=False),
            Column("in_progress", _("อยู่ระหว่างดำเนินการ"), "integer", nullable=False),
        ),
        rows=_rows,
        last_updated=_last_updated,
        first_published=lambda agency: _month_start(selectors.statistics_span(agency)[0]),
        page_url="whistleblower:statistics",
    ),
]
