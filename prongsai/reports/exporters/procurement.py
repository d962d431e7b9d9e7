"""Procurement documents (measure 6 of the seed) through the engine, built from the same builders as the
public report pages and their XLSX downloads (``prongsai.procurement.reports``), so a printed PDF, an edited
DOCX and the page never disagree:

* ``procurement-progress``: the 12 fields of every contract signed from 1 October to the "as of" date,
  month by month with an explicit "ไม่มีการจัดซื้อจัดจ้าง" row, signed by the executive. Without a date
  it is as of 31 March of the fiscal year: the six-month report the OIT asks for (o15 of FY2567);
* ``procurement-sorkhor1``: form สขร.1. With an "as of" date, the month of that date (the monthly
  summary); without, the twelve months of the fiscal year, one table (one worksheet) per month; signed by
  the executive;
* ``procurement-dataset16``: the FY2568 OIT data set (O12), 16 columns; with an "as of" date only what had
  happened by then. Arabic digits throughout, as the data set is read back by machines;
* ``procurement-annual-summary``: count and amounts per method whose total is the register's total,
  month by month (nil months named), problems, suggestions and the executive's signature block.

Every one reads published rows only, so each is also offered to the public (``public=True``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from prongsai.core.models import Agency
from prongsai.core.thai import be_year, fiscal_year_range, format_date, half_year_range
from prongsai.procurement import reports
from prongsai.procurement.reports import NO_PROCUREMENT, SorKhor1, TwelveFieldRow
from prongsai.reports.document import Cell, Column, Document, Paragraph, Table
from prongsai.reports.exporters.common import day, head_of_agency, heading, money
from prongsai.reports.registry import Exporter, ExportError, Params, register

GROUP = gettext_lazy("การจัดซื้อจัดจ้าง")


def _check_in_year(as_of: date, fiscal_year: int) -> None:
    start, end = fiscal_year_range(fiscal_year)
    if not start <= as_of <= end:
        raise ExportError(
            _(
                "วันที่ข้อมูล ณ วันที่ %(date)s ไม่อยู่ในปีงบประมาณ %(year)s (%(start)s – %(end)s) "
                "กรุณาเลือกวันที่ในปีงบประมาณเดียวกัน"
            )
            % {
                "date": format_date(as_of),
                "year": fiscal_year,
                "start": format_date(start),
                "end": format_date(end),
            }
        )


def progress_as_of(params: Params) -> date:
    """The date asked for, else 31 March of the fiscal year (the six-month report)."""
    as_of = params.as_of or half_year_range(params.fiscal_year)[1]
    _check_in_year(as_of, params.fiscal_year)
    return as_of


def _blank(count: int) -> list[Cell]:
    return [Cell.of("") for _ in range(count)]


def _amount(value: Decimal | None, *, bold: bool = False) -> Cell:
    return Cell.of(money(value), align="right", nowrap=True, bold=bold)


# --- the progress report (12 fields) ----------------------------------------------------------------------

TWELVE_WIDTHS = (2.4, 2.1, 1.5, 1.4, 1.4, 2.1, 2.1, 2.5, 1.9, 1.9, 1.5, 1.5)
TWELVE_AMOUNTS = {1, 5, 6}  # budget, reference price, agreed price


def twelve_cells(row: TwelveFieldRow) -> list[Cell]:
    vendor_id = row.vendor_tax_id or "–"
    return [
        Cell.of(str(row.number), align="center"),
        Cell.of(row.title),
        _amount(row.budget),
        Cell.of(row.budget_source or "–"),
        Cell.of(row.status),
        Cell.of(row.method),
        _amount(row.reference_price),
        _amount(row.agreed_price),
        # The 13-digit ID and the e-GP project number are codes read back by machines: Arabic digits.
        Cell.of(vendor_id, literal=True),
        Cell.of(row.vendor_name or "–"),
        Cell.of(row.project_no or "–", literal=True),
        Cell.of(day(row.signed_on)),
        Cell.of(day(row.ends_on)),
    ]


def build_progress(agency: Agency, params: Params) -> Document:
    report = reports.progress_report(agency, progress_as_of(params))
    document = Document(
        title=report.title,
        filename_stem=f"procurement-progress-{report.as_of.isoformat()}",
        landscape=True,
        author=agency.name_th,
    )
    heading(document, report.title, agency)
    columns = [Column("ลำดับ", 0.8, "center")] + [
        Column(title, width, "right" if index in TWELVE_AMOUNTS else "left")
        for index, (title, width) in enumerate(zip(report.columns, TWELVE_WIDTHS, strict=True))
    ]
    rows: list[list[Cell]] = []
    for section in report.months:
        rows.append([Cell.of(""), Cell.of(section.label, bold=True), *_blank(11)])
        if section.is_empty:
            rows.append([Cell.of(""), Cell.of(NO_PROCUREMENT), *_blank(11)])
        rows.extend(twelve_cells(row) for row in section.rows)
    rows.append(
        [
            Cell.of(""),
            Cell.of(f"รวม {report.count} สัญญา", bold=True),
            *_blank(5),
            _amount(report.total_agreed, bold=True),
            *_blank(5),
        ]
    )
    document.add(Table(columns=columns, rows=rows, sheet_title="รายงานความก้าวหน้า", compact=True))
    document.add(head_of_agency(agency))
    return document


# --- สขร.1 ------------------------------------------------------------------------------------------------

SORKHOR1_WIDTHS = (0.7, 2.6, 1.6, 1.6, 1.5, 2.4, 2.2, 2.0, 1.8)


def _sorkhor1_table(report: SorKhor1) -> Table:
    rows: list[list[Cell]] = []
    if report.is_empty:
        rows.append([Cell.of(""), Cell.of(NO_PROCUREMENT), *_blank(7)])
    for row in report.rows:
        bidders = [f"{name} {money(price)} บาท" if price is not None else name for name, price in row.bidders]
        winner = [row.winner or "–"]
        if row.agreed_price is not None:
            winner.append(f"{money(row.agreed_price)} บาท")
        rows.append(
            [
                Cell.of(str(row.number), align="center"),
                Cell.of(row.title),
                _amount(row.budget),
                _amount(row.reference_price),
                Cell.of(row.method),
                Cell(bidders or ["–"]),
                Cell(winner),
                Cell.of(row.reason),
                Cell.of(row.contract_text or "–"),
            ]
        )
    columns = [
        Column(title, width, "right" if index in {2, 3} else ("center" if index == 0 else "left"))
        for index, (title, width) in enumerate(zip(report.columns, SORKHOR1_WIDTHS, strict=True))
    ]
    return Table(
        columns=columns, rows=rows, sheet_title=f"{report.month:02d}-{be_year(report.year)}", compact=True
    )


def build_sorkhor1(agency: Agency, params: Params) -> Document:
    if params.as_of is not None:
        _check_in_year(params.as_of, params.fiscal_year)
        monthly = [reports.sorkhor1(agency, params.as_of.year, params.as_of.month)]
        title = monthly[0].title
        stem = f"procurement-sorkhor1-{be_year(params.as_of.year)}-{params.as_of.month:02d}"
    else:
        monthly = reports.sorkhor1_year(agency, params.fiscal_year)
        title = f"สรุปผลการดำเนินการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. {params.fiscal_year}"
        stem = f"procurement-sorkhor1-{params.fiscal_year}"
    document = Document(title=title, filename_stem=stem, landscape=True, author=agency.name_th)
    heading(document, title, agency, "แบบ สขร.1")
    for report in monthly:
        if len(monthly) > 1:
            document.add(Paragraph(report.title, style="heading"))
        document.add(_sorkhor1_table(report))
    document.add(head_of_agency(agency))
    return document


# --- FY2568 data set (16 columns) -------------------------------------------------------------------------

DATASET16_WIDTHS = (0.6, 1.0, 1.8, 1.2, 1.1, 1.1, 1.4, 2.4, 1.9, 1.6, 1.5, 1.5, 1.9, 1.9, 1.8, 2.2)
DATASET16_AMOUNTS = {8, 12, 13}


def _data_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return money(value)
    if isinstance(value, date):
        return format_date(value)
    return str(value)


def build_dataset16(agency: Agency, params: Params) -> Document:
    if params.as_of is not None:
        _check_in_year(params.as_of, params.fiscal_year)
    data = reports.dataset16(agency, params.fiscal_year, params.as_of)
    document = Document(
        title=data.title,
        filename_stem=f"procurement-dataset16-{params.fiscal_year}",
        landscape=True,
        thai_digits=False,
        author=agency.name_th,
    )
    heading(document, data.title, agency)
    columns = [
        Column(title, width, "right" if index in DATASET16_AMOUNTS else "left")
        for index, (title, width) in enumerate(zip(data.columns, DATASET16_WIDTHS, strict=True))
    ]
    rows = [
        [
            Cell.of(_data_text(value), align=columns[index].align, nowrap=index in DATASET16_AMOUNTS)
            for index, value in enumerate(row + [""] * (len(columns) - len(row)))
        ]
        for row in data.rows
    ]
    document.add(Table(columns=columns, rows=rows, sheet_title=f"ITA O12 {params.fiscal_year}", compact=True))
    return document


# --- the annual summary -----------------------------------------------------------------------------------


def _text_block(document: Document, label: str, text: str) -> None:
    document.add(Paragraph(label, style="heading"))
    for line in (text or "–").split("\n"):
        if line.strip():
            document.add(Paragraph(line))


def build_annual_summary(agency: Agency, params: Params) -> Document:
    summary = reports.annual_summary(agency, params.fiscal_year)
    document = Document(
        title=summary.title,
        filename_stem=f"procurement-annual-summary-{params.fiscal_year}",
        author=agency.name_th,
    )
    heading(document, summary.title, agency)
    document.add(
        Paragraph("(1) จำนวนและ (2) งบประมาณที่ใช้ในการจัดซื้อจัดจ้าง จำแนกตามวิธีการจัดซื้อจัดจ้าง", style="heading")
    )
    by_method = [
        [
            Cell.of(line.label),
            Cell.of(str(line.count), align="right"),
            _amount(line.budget),
            _amount(line.agreed),
        ]
        for line in summary.by_method
    ]
    total = summary.total
    by_method.append(
        [
            Cell.of("รวม", bold=True),
            Cell.of(str(total.count), align="right", bold=True),
            _amount(total.budget, bold=True),
            _amount(total.agreed, bold=True),
        ]
    )
    document.add(
        Table(
            columns=[
                Column("วิธีการจัดซื้อจัดจ้าง", 3.2),
                Column("จำนวน (รายการ)", 1.1, "right"),
                Column("วงเงินงบประมาณ (บาท)", 1.6, "right"),
                Column("ราคาที่ตกลงซื้อหรือจ้าง (บาท)", 1.6, "right"),
            ],
            rows=by_method,
            sheet_title="สรุปตามวิธี",
        )
    )
    if total.cancelled:
        document.add(Paragraph(f"ยกเลิกการดำเนินการ {total.cancelled} รายการ (ไม่รวมในยอดข้างต้น)", style="note"))
    document.add(Paragraph("จำแนกตามเดือนที่ลงนามในสัญญา", style="heading"))
    document.add(
        Table(
            columns=[
                Column("เดือน", 3.2),
                Column("จำนวน (รายการ)", 1.1, "right"),
                Column("วงเงินงบประมาณ (บาท)", 1.6, "right"),
                Column("ราคาที่ตกลงซื้อหรือจ้าง (บาท)", 1.6, "right"),
            ],
            rows=[
                [
                    Cell.of(line.label),
                    Cell.of(str(line.count), align="right"),
                    _amount(line.budget),
                    _amount(line.agreed),
                ]
                for line in summary.by_month
            ],
            sheet_title="รายเดือน",
        )
    )
    if summary.unsigned:
        document.add(Paragraph(f"ยังไม่ได้ลงนามในสัญญา {summary.unsigned} รายการ", style="note"))
    _text_block(document, "(3) ปัญหา/อุปสรรค", summary.problems)
    _text_block(document, "(4) ข้อเสนอแนะ/แนวทางการปรับปรุง", summary.suggestions)
    document.add(head_of_agency(agency))
    return document


register(
    Exporter(
        identifier="procurement-progress",
        title=gettext_lazy("รายงานความก้าวหน้าการจัดซื้อจัดจ้าง (12 รายการข้อมูล)"),
        build=build_progress,
        formats=("docx", "pdf", "xlsx"),
        uses_as_of=True,
        group=GROUP,
        description=gettext_lazy(
            "ทุกสัญญาที่ลงนามตั้งแต่ 1 ตุลาคมถึงวันที่ระบุ แยกรายเดือน เดือนที่ไม่มีระบุว่าไม่มีการจัดซื้อจัดจ้าง "
            "หากไม่ระบุวันที่ ใช้ข้อมูล ณ วันที่ 31 มีนาคม ของปีงบประมาณ"
        ),
        public=True,
    )
)
register(
    Exporter(
        identifier="procurement-sorkhor1",
        title=gettext_lazy("สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน (แบบ สขร.1)"),
        build=build_sorkhor1,
        formats=("docx", "pdf", "xlsx"),
        uses_as_of=True,
        group=GROUP,
        description=gettext_lazy("ระบุวันที่เพื่อออกเฉพาะเดือนของวันนั้น หากไม่ระบุ ออกครบ 12 เดือนของปีงบประมาณ"),
        public=True,
    )
)
register(
    Exporter(
        identifier="procurement-dataset16",
        title=gettext_lazy("ชุดข้อมูลรายการการจัดซื้อจัดจ้างและความก้าวหน้า (16 รายการข้อมูล)"),
        build=build_dataset16,
        formats=("xlsx", "pdf", "docx"),
        uses_as_of=True,
        group=GROUP,
        description=gettext_lazy("แบบข้อมูลของ ITA ปี 2568 (ข้อ O12) หากระบุวันที่ จะมีเฉพาะรายการที่เกิดขึ้นถึงวันนั้น"),
        public=True,
    )
)
register(
    Exporter(
        identifier="procurement-annual-summary",
        title=gettext_lazy("รายงานสรุปผลการจัดซื้อจัดจ้างประจำปี"),
        build=build_annual_summary,
        formats=("docx", "pdf", "xlsx"),
        group=GROUP,
        description=gettext_lazy(
            "จำนวนและงบประมาณจำแนกตามวิธี (ยอดรวมเท่ากับทะเบียน) รายเดือน ปัญหา/อุปสรรค และข้อเสนอแนะ"
        ),
        public=True,
    )
)
