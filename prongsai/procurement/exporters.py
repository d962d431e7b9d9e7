"""Files made from the report builders and the register: XLSX (openpyxl) and CSV.

Each official report is a printable page plus the XLSX written here, both made from the builder output
(``reports.py``); the document engine renders the same output as PDF and DOCX (and its own XLSX) in
``prongsai/reports/exporters/procurement.py``, and the pages link to those. Reports write dates as Thai
text in the Buddhist era, as the official forms do. The register's own downloads (the CSV and XLSX links on
its page) are for people and show dates as the page does: Buddhist-era text in the CSV, real dates with a
Thai Buddhist-calendar format in the XLSX; the open-data catalogue's distributions of the same register
(``datasets.py``) write ISO 8601 dates for machines.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from prongsai.core.thai import format_date

from .models import EgpStatus, Method, Procurement, public_tax_id
from .reports import NO_PROCUREMENT, AnnualSummary, Dataset16, ProgressReport, SorKhor1

if TYPE_CHECKING:
    from openpyxl import Workbook

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MONEY = "#,##0.00"


# openpyxl is imported when a workbook is made, not when the module is: the web and worker processes load
# this module for the register's CSV too, and openpyxl costs start-up time to every one of them.
def _workbook(*, write_only: bool = False) -> Workbook:
    from openpyxl import Workbook

    return Workbook(write_only=write_only)


def _bold() -> Any:
    from openpyxl.styles import Font

    return Font(bold=True)


def _wrap() -> Any:
    from openpyxl.styles import Alignment

    return Alignment(wrap_text=True, vertical="top")


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))


def _cell(value: object) -> object:
    if isinstance(value, date):
        return format_date(value)
    if value is None:
        return ""
    return value


def _sheet_header(sheet: Any, lines: list[str], columns: tuple[str, ...] | list[str]) -> None:
    for line in lines:
        sheet.append([line])
        sheet.cell(row=sheet.max_row, column=1).font = _bold()
    sheet.append(list(columns))
    header_row = sheet.max_row
    for index in range(1, len(columns) + 1):
        cell = sheet.cell(row=header_row, column=index)
        cell.font = _bold()
        cell.alignment = _wrap()
        sheet.column_dimensions[_column_letter(index)].width = 18 if index > 1 else 8
    # Repeat the column headings on every printed page, in landscape.
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4


def _append(sheet: Any, values: list[object]) -> None:
    sheet.append([_cell(v) for v in values])
    row = sheet.max_row
    for index, value in enumerate(values, start=1):
        if isinstance(value, Decimal):
            sheet.cell(row=row, column=index).number_format = MONEY


def _bytes(workbook: Workbook) -> bytes:
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def progress_xlsx(report: ProgressReport) -> bytes:
    workbook = _workbook()
    sheet = workbook.active
    assert sheet is not None  # noqa: S101 - a new workbook has one sheet
    sheet.title = "รายงานความก้าวหน้า"
    _sheet_header(sheet, [report.agency_name, report.title], ["ลำดับ", *report.columns])
    for section in report.months:
        sheet.append([section.label])
        sheet.cell(row=sheet.max_row, column=1).font = _bold()
        if section.is_empty:
            sheet.append(["", NO_PROCUREMENT])
        for row in section.rows:
            _append(sheet, [row.number, *row.values()])
    sheet.append([])
    _append(sheet, ["", f"รวม {report.count} สัญญา", "", "", "", "", "", report.total_agreed])
    return _bytes(workbook)


def _sorkhor1_rows(sheet: Any, report: SorKhor1) -> None:
    _sheet_header(sheet, [report.agency_name, report.title, "แบบ สขร.1"], report.columns)
    if report.is_empty:
        sheet.append(["", NO_PROCUREMENT])
    for row in report.rows:
        bidders = "\n".join(
            f"{name} {price:,.2f} บาท" if price is not None else name for name, price in row.bidders
        )
        winner = f"{row.winner} {row.agreed_price:,.2f} บาท" if row.agreed_price is not None else row.winner
        _append(
            sheet,
            [
                row.number,
                row.title,
                row.budget,
                row.reference_price,
                row.method,
                bidders,
                winner,
                row.reason,
                row.contract_text,
            ],
        )
        for index in (2, 6, 7, 8, 9):
            sheet.cell(row=sheet.max_row, column=index).alignment = _wrap()


def sorkhor1_xlsx(reports: list[SorKhor1]) -> bytes:
    """One sheet per month (a single month or the twelve months of a fiscal year)."""
    workbook = _workbook()
    first = workbook.active
    assert first is not None  # noqa: S101
    workbook.remove(first)
    for report in reports:
        sheet = workbook.create_sheet(title=f"{report.month:02d}-{report.year + 543}")
        _sorkhor1_rows(sheet, report)
    return _bytes(workbook)


def dataset16_xlsx(report: Dataset16) -> bytes:
    workbook = _workbook()
    sheet = workbook.active
    assert sheet is not None  # noqa: S101
    sheet.title = "ITA O12"
    _sheet_header(sheet, [report.title], report.columns)
    for row in report.rows:
        _append(sheet, row)
    return _bytes(workbook)


def annual_xlsx(report: AnnualSummary) -> bytes:
    workbook = _workbook()
    sheet = workbook.active
    assert sheet is not None  # noqa: S101
    sheet.title = "สรุปตามวิธี"
    columns = ("วิธีการจัดซื้อจัดจ้าง", "จำนวน (รายการ)", "วงเงินงบประมาณ (บาท)", "ราคาที่ตกลงซื้อหรือจ้าง (บาท)")
    _sheet_header(sheet, [report.agency_name, report.title], columns)
    for line in report.by_method:
        _append(sheet, [line.label, line.count, line.budget, line.agreed])
    _append(sheet, ["รวม", report.total.count, report.total.budget, report.total.agreed])
    if report.total.cancelled:
        sheet.append([f"ยกเลิกการดำเนินการ {report.total.cancelled} รายการ (ไม่รวมในยอดข้างต้น)"])
    months = workbook.create_sheet("รายเดือน")
    _sheet_header(
        months, [report.title], ("เดือน", "จำนวน (รายการ)", "วงเงินงบประมาณ (บาท)", "ราคาที่ตกลง (บาท)")
    )
    for line in report.by_month:
        _append(months, [line.label, line.count, line.budget, line.agreed])
    notes = workbook.create_sheet("ปัญหาและข้อเสนอแนะ")
    notes.append(["ปัญหา/อุปสรรค"])
    notes.append([report.problems or "-"])
    notes.append(["ข้อเสนอแนะ"])
    notes.append([report.suggestions or "-"])
    notes.column_dimensions["A"].width = 100
    for row in (2, 4):
        notes.cell(row=row, column=1).alignment = _wrap()
    return _bytes(workbook)


# --- open data: the register ------------------------------------------------------------------------------

REGISTER_COLUMNS = (
    ("public_id", "รหัสรายการ"),
    ("fiscal_year", "ปีงบประมาณ"),
    ("title", "งานที่ซื้อหรือจ้าง"),
    ("budget", "วงเงินงบประมาณที่ได้รับจัดสรร (บาท)"),
    ("budget_source", "แหล่งที่มาของงบประมาณ"),
    ("status", "สถานะการจัดซื้อจัดจ้าง"),
    ("method", "วิธีการจัดซื้อจัดจ้าง"),
    ("reference_price", "ราคากลาง (บาท)"),
    ("agreed_price", "ราคาที่ตกลงซื้อหรือจ้าง (บาท)"),
    ("vendor_tax_id", "เลขประจำตัวผู้เสียภาษี/เลขประจำตัวประชาชนของผู้ประกอบการที่ได้รับการคัดเลือก"),
    ("vendor_name", "รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก"),
    ("egp_project_no", "เลขที่โครงการ"),
    ("contract_no", "เลขที่สัญญา"),
    ("contract_signed_on", "วันที่ลงนามในสัญญา"),
    ("contract_ends_on", "วันสิ้นสุดสัญญา"),
    ("ocid", "รหัสกระบวนการจัดซื้อจัดจ้างตามมาตรฐาน OCDS (ocid)"),
)
# Excel's locale code 0107041E: Western digits (01), the Thai Buddhist calendar (07), Thai (041E); the cell
# stays a real date that sorts and filters, and shows as "5 ม.ค. 2567".
THAI_DATE = "[$-107041E]d mmm yyyy"


def register_values(row: Procurement, ocid_prefix: str) -> list[object]:
    """One row of the register's downloads and data set; ``ocid_prefix`` "" (none registered) leaves the ocid
    cell empty rather than printing a made-up one (ADR 0120)."""
    vendor = row.vendor
    return [
        str(row.public_id),
        row.fiscal_year,
        row.title,
        row.budget,
        row.budget_source,
        str(EgpStatus(row.egp_status).label),
        str(Method(row.method).label),
        row.reference_price,
        row.agreed_price,
        public_tax_id(vendor.tax_id) if vendor else "",
        vendor.name if vendor else "",
        row.egp_project_no,
        row.contract_no,
        row.contract_signed_on,
        row.contract_ends_on,
        f"{ocid_prefix}-{row.ocid_local}" if ocid_prefix else None,
    ]


class _Echo:
    def write(self, value: str) -> str:
        return value


def _as_read(value: object) -> object:
    """A cell of the page's CSV: dates in the Buddhist era as the register page shows them."""
    if isinstance(value, date):
        return format_date(value, month="abbr")
    return "" if value is None else value


def register_csv(rows: Iterable[Procurement], ocid_prefix: str) -> Iterator[str]:
    """CSV lines (UTF-8 with a BOM so that Excel reads Thai), streamed row by row."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow([label for _key, label in REGISTER_COLUMNS])
    for row in rows:
        yield writer.writerow([_as_read(v) for v in register_values(row, ocid_prefix)])


def register_xlsx(rows: Iterable[Procurement], ocid_prefix: str) -> bytes:
    from openpyxl.cell import WriteOnlyCell

    workbook = _workbook(write_only=True)
    sheet = workbook.create_sheet("ทะเบียนการจัดซื้อจัดจ้าง")
    sheet.append([label for _key, label in REGISTER_COLUMNS])
    for row in rows:
        cells: list[object] = []
        for value in register_values(row, ocid_prefix):
            if isinstance(value, date):
                cell = WriteOnlyCell(sheet, value=datetime.combine(value, time.min))
                cell.number_format = THAI_DATE
                cells.append(cell)
            else:
                cells.append("" if value is None else value)
        sheet.append(cells)
    return _bytes(workbook)


def import_template_csv() -> str:
    """An empty e-GP-style file with the columns the import reads, and one example row."""
    from .egp_import import LABELS

    order = [
        "egp_project_no",
        "title",
        "budget",
        "budget_source",
        "egp_status",
        "method",
        "reference_price",
        "agreed_price",
        "vendor_tax_id",
        "vendor_name",
        "contract_no",
        "announced_on",
        "contract_signed_on",
        "contract_ends_on",
        "selection_reason",
    ]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([LABELS[f] for f in order])
    writer.writerow(
        [
            "67019123456",
            "จัดซื้อวัสดุสำนักงาน",
            "25,000.00",
            "เงินงบประมาณรายจ่ายประจำปี",
            "สิ้นสุดระยะสัญญา",
            "เฉพาะเจาะจง",
            "25,000.00",
            "24,500.00",
            "0363555000010",
            "ห้างหุ้นส่วนจำกัด ภักดีชุมพลพาณิชย์",
            "12/2567",
            "10 ม.ค. 67",
            "15 ม.ค. 67",
            "30 ม.ค. 67",
            "เสนอราคาต่ำสุดและมีคุณสมบัติครบถ้วน",
        ]
    )
    return "\ufeff" + out.getvalue()
