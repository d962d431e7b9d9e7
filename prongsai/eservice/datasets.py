"""The service statistics in the open-data catalogue: one row per service and month of every fiscal year."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _

from prongsai.core.datasets import Column, Dataset, Frequency, Row
from prongsai.core.models import Agency
from prongsai.core.thai import BANGKOK

from . import statistics


def _rows(agency: Agency) -> Iterator[Row]:
    for year in sorted(statistics.statistics_years(agency)):
        report = statistics.service_statistics(agency, year)
        for row in report.rows:
            for month, cell in zip(report.months, row.months, strict=True):
                yield [
                    year,
                    f"{month.year:04d}-{month.month:02d}",
                    row.service.code,
                    row.service.name_th,
                    cell.walk_in,
                    cell.eservice,
                    cell.completed,
                    cell.on_time,
                    cell.median_days,
                ]


DATASETS = [
    Dataset(
        key="service-statistics",
        title=_("สถิติการให้บริการประชาชน"),
        description=_(
            "จำนวนคำขอรับบริการแต่ละงานบริการในแต่ละเดือน แยกตามช่องทาง (ยื่นที่สำนักงานและยื่นออนไลน์) "
            "จำนวนที่ดำเนินการแล้วเสร็จ ที่เสร็จทันกำหนด และมัธยฐานของจำนวนวันทำการที่ใช้"
        ),
        objective=_("เปิดเผยผลการให้บริการตามพระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ"),
        tags=(_("บริการประชาชน"), _("สถิติ"), _("E-Service")),
        frequency=Frequency.MONTHLY,
        theme=_("บริการประชาชน"),
        source=_("ระบบรับคำขอรับบริการของหน่วยงาน (ยื่นที่สำนักงานและออนไลน์)"),
        columns=(
            Column("fiscal_year", _("ปีงบประมาณ"), "integer", nullable=False),
            Column("month", _("เดือน (ค.ศ. ปี-เดือน)"), nullable=False),
            Column("service_code", _("รหัสงานบริการ"), nullable=False),
            Column("service_name", _("งานบริการ"), nullable=False),
            Column("walk_in", _("ยื่นที่สำนักงาน"), "integer", nullable=False),
            Column("eservice", _("ยื่นออนไลน์"), "integer", nullable=False),
            Column("completed", _("ดำเนินการแล้วเสร็จ"), "integer", nullable=False),
            Column("on_time", _("เสร็จทันกำหนด"), "integer", nullable=False),
            Column("median_working_days", _("มัธยฐานจำนวนวันทำการที่ใช้"), "number"),
        ),
        rows=_rows,
        last_updated=lambda agency: statistics.statistics_span(agency)[1],
        first_published=lambda agency: (
            first.astimezone(BANGKOK).date() if (first := statistics.statistics_span(agency)[0]) else None
        ),
        page_url="eservice:statistics",
    ),
]
