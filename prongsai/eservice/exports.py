"""The service statistics as an XLSX data set (OIT o13), written with openpyxl.

One row per service and month, then the totals, then the satisfaction summary on a second sheet. The
document engine (``reports`` app) will take this over as an exporter; until then the public page serves it.
"""

from __future__ import annotations

import io

from django.utils.translation import gettext as _

from prongsai.core.models import Agency
from prongsai.core.thai import format_date, format_month

from .statistics import Cell, StatisticsReport, satisfaction_summary

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _cells(cell: Cell) -> list[object]:
    return [
        cell.walk_in,
        cell.eservice,
        cell.total,
        cell.completed,
        cell.on_time,
        cell.on_time_percent if cell.on_time_percent is not None else "",
        cell.median_days if cell.median_days is not None else "",
    ]


def statistics_xlsx(agency: Agency, report: StatisticsReport) -> bytes:
    """The workbook's bytes."""
    # Imported here, not at the top: openpyxl costs start-up time to every process that never writes XLSX.
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # noqa: S101 - a new workbook always has its first sheet
    sheet.title = _("สถิติการให้บริการ")
    bold = Font(bold=True)
    sheet.append(
        [
            _("ข้อมูลสถิติการให้บริการ %(agency)s ปีงบประมาณ พ.ศ. %(fy)s")
            % {"agency": agency.name_th, "fy": report.fiscal_year}
        ]
    )
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(
        [
            _("ช่วงเวลา %(start)s ถึง %(end)s นับตามเดือนที่รับคำขอ")
            % {"start": format_date(report.start), "end": format_date(report.end)}
        ]
    )
    sheet.append([])
    headers = [
        _("งานบริการ"),
        _("เดือน"),
        _("ติดต่อด้วยตนเอง (Walk-in)"),
        _("E-Service"),
        _("รวม"),
        _("แล้วเสร็จ"),
        _("แล้วเสร็จภายในกำหนด"),
        _("ร้อยละภายในกำหนด"),
        _("คำขอครึ่งหนึ่งเสร็จภายใน (วันทำการ)"),
    ]
    sheet.append(headers)
    header_row = sheet.max_row
    for column in range(1, len(headers) + 1):
        sheet.cell(row=header_row, column=column).font = bold
        sheet.cell(row=header_row, column=column).alignment = Alignment(wrap_text=True, vertical="top")
    for row in report.rows:
        for month, cell in zip(report.months, row.months, strict=True):
            sheet.append([row.service.name_th, format_month(month.year, month.month), *_cells(cell)])
        sheet.append([row.service.name_th, _("รวมทั้งปี"), *_cells(row.total)])
        sheet.cell(row=sheet.max_row, column=2).font = bold
    for month, cell in zip(report.months, report.month_totals, strict=True):
        sheet.append([_("ทุกงานบริการ"), format_month(month.year, month.month), *_cells(cell)])
    sheet.append([_("ทุกงานบริการ"), _("รวมทั้งปี"), *_cells(report.total)])
    for total_cell in sheet[sheet.max_row]:
        total_cell.font = bold
    sheet.freeze_panes = f"C{header_row + 1}"
    widths = [48, 18, 14, 12, 10, 10, 14, 12, 16]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width

    survey = book.create_sheet(_("ความพึงพอใจ"))
    survey.append([_("ผลการสำรวจความพึงพอใจ (คะแนนเฉลี่ย 1–5)")])
    survey["A1"].font = Font(bold=True, size=14)
    survey.append(
        [
            _("งานบริการ"),
            _("จำนวนผู้ตอบ"),
            _("ความรวดเร็ว"),
            _("เจ้าหน้าที่"),
            _("ความชัดเจน"),
            _("โดยรวม"),
            _("ร้อยละผู้พึงพอใจ (4–5)"),
        ]
    )
    for cell in survey[2]:
        cell.font = bold
    for answer in satisfaction_summary(agency, report.start, report.end):
        survey.append(
            [
                answer.service.name_th if answer.service else _("ทุกงานบริการ"),
                answer.answers,
                answer.speed if answer.speed is not None else "",
                answer.staff if answer.staff is not None else "",
                answer.clarity if answer.clarity is not None else "",
                answer.overall if answer.overall is not None else "",
                answer.satisfied_percent if answer.satisfied_percent is not None else "",
            ]
        )
    survey.column_dimensions["A"].width = 48
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
