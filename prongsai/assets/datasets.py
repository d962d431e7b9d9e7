"""The asset loan statistics in the open-data catalogue: one row per fiscal year, counted from the loans.

Counts only: who borrowed what is personal data and stays on the staff pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

from django.db.models import Max, Min
from django.utils.translation import gettext_lazy as _

from prongsai.core.datasets import Column, Dataset, Frequency, Row
from prongsai.core.models import Agency
from prongsai.core.thai import BANGKOK

from . import selectors
from .models import Loan


def _rows(agency: Agency) -> Iterator[Row]:
    for year in sorted(selectors.loan_years(agency)):
        stats = selectors.loan_statistics(agency, year)
        yield [
            year,
            stats.requests,
            stats.approved,
            stats.rejected,
            stats.returned,
            stats.returned_late,
            stats.damaged,
            stats.out_now,
        ]


def _span(agency: Agency) -> tuple[datetime | None, datetime | None]:
    found = Loan.objects.filter(agency=agency).aggregate(first=Min("created_at"), last=Max("updated_at"))
    return found["first"], found["last"]


def _first_published(agency: Agency) -> date | None:
    first = _span(agency)[0]
    return first.astimezone(BANGKOK).date() if first else None


DATASETS = [
    Dataset(
        key="asset-loan-statistics",
        title=_("สถิติการยืมทรัพย์สินของราชการ"),
        description=_(
            "จำนวนคำขอยืมทรัพย์สินของราชการในแต่ละปีงบประมาณ จำนวนที่อนุมัติ ไม่อนุมัติ ส่งคืนแล้ว "
            "ส่งคืนล่าช้า ส่งคืนชำรุด และที่ยังอยู่ระหว่างการยืม นับจากทะเบียนการยืม ไม่ระบุตัวผู้ยืม"
        ),
        objective=_("เปิดเผยการใช้ทรัพย์สินของราชการเพื่อให้ตรวจสอบได้ว่าไม่นำไปใช้เพื่อประโยชน์ส่วนตน"),
        tags=(_("ทรัพย์สินของราชการ"), _("การยืม"), _("สถิติ")),
        frequency=Frequency.MONTHLY,
        theme=_("การบริหารทรัพย์สิน"),
        source=_("ทะเบียนการยืมทรัพย์สินของราชการของหน่วยงาน"),
        columns=(
            Column("fiscal_year", _("ปีงบประมาณ"), "integer", nullable=False),
            Column("requests", _("คำขอยืม"), "integer", nullable=False),
            Column("approved", _("อนุมัติ"), "integer", nullable=False),
            Column("rejected", _("ไม่อนุมัติ"), "integer", nullable=False),
            Column("returned", _("ส่งคืนแล้ว"), "integer", nullable=False),
            Column("returned_late", _("ส่งคืนล่าช้า"), "integer", nullable=False),
            Column("damaged", _("ส่งคืนชำรุด"), "integer", nullable=False),
            Column("out_now", _("อยู่ระหว่างการยืม"), "integer", nullable=False),
        ),
        rows=_rows,
        last_updated=lambda agency: _span(agency)[1],
        first_published=_first_published,
        page_url="assets:manual",
    ),
]
