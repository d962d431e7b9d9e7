"""Procurement documents of the engine: the 12-field progress report as of 31 March 2567, สขร.1 with its
nil months, the FY2568 16-column data set and the annual summary whose totals are the register's, opened
as real DOCX, PDF and XLSX files; and the public and staff pages that link to them."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pypdfium2
import pytest
from docx import Document as open_docx
from openpyxl import load_workbook

from prongsai.core.thai import to_thai_digits
from prongsai.procurement import selectors, services_plan
from prongsai.procurement.tests.factories import COMPANY, PERSON, fy2567_register
from prongsai.reports.registry import ExportError, Params, export

MARCH_31 = date(2024, 3, 31)


@pytest.fixture
def year(agency, admin_member, in_scope):
    """FY2567: contracts in October, January (two) and May; one cancelled, one unsigned, one draft; the
    annual problems and suggestions published."""
    with in_scope(agency):
        fy2567_register(agency, admin_member, with_march=False)
        note = services_plan.annual_note_save(
            agency=agency,
            acting_user=admin_member,
            fiscal_year=2567,
            problems="เจ้าหน้าที่พัสดุมีจำนวนจำกัด",
            suggestions="นำเข้าข้อมูลจากระบบ e-GP ทุกเดือน",
        )
        services_plan.annual_note_publish(note=note, acting_user=admin_member)
    return agency


def _export(agency, in_scope, identifier, fmt, fiscal_year=2567, as_of=None):
    with in_scope(agency):
        return export(agency=agency, identifier=identifier, params=Params(fiscal_year, as_of), fmt=fmt)


def _docx_rows(content: bytes) -> list[list[str]]:
    document = open_docx(io.BytesIO(content))
    return [[cell.text for cell in r.cells] for table in document.tables for r in table.rows]


def _pdf_text(content: bytes) -> str:
    pdf = pypdfium2.PdfDocument(content)
    return "\n".join(pdf[i].get_textpage().get_text_bounded() for i in range(len(pdf)))


def _xlsx_rows(content: bytes, sheet: str | None = None) -> list[tuple]:
    book = load_workbook(io.BytesIO(content))
    return list((book[sheet] if sheet else book.active).iter_rows(values_only=True))


ROAD_AS_OF_MARCH = [
    "ก่อสร้างถนน คสล. หมู่ที่ 3",
    "1,500,000.00",
    "เงินงบประมาณรายจ่ายประจำปี",
    "อยู่ระหว่างระยะสัญญา",
    "วิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)",
    "1,480,000.00",
    "1,250,000.00",
    "0-1055-50123-45-" + COMPANY[-1],
    "บริษัท ทดสอบ จำกัด",
    "67019000001",
    "15 ม.ค. 2567",
    "15 พ.ค. 2567",
]


def test_the_progress_docx_as_of_31_march_2567_has_the_12_fields_of_a_signed_contract(year, in_scope):
    result = _export(year, in_scope, "procurement-progress", "docx", as_of=MARCH_31)
    assert result.filename == "procurement-progress-2024-03-31.docx"
    rows = _docx_rows(result.content)
    header = rows[0]
    assert header[1] == "(๑) งานที่ซื้อหรือจ้าง" and header[12] == "(๑๒) วันสิ้นสุดสัญญา" and len(header) == 13
    road = next(r for r in rows if r[1] == "ก่อสร้างถนน คสล. หมู่ที่ ๓")
    # Thai numerals in the printed document, except the 13-digit ID and the e-GP project number (codes).
    expected = [v if i in {7, 9} else to_thai_digits(v) for i, v in enumerate(ROAD_AS_OF_MARCH)]
    assert [c.replace("\u00a0", " ") for c in road[1:]] == expected
    # Six months from October to March; November, December, February and March have no contract.
    months = [
        r[1] for r in rows if r[1].startswith(("ตุลาคม", "พฤศจิกายน", "ธันวาคม", "มกราคม", "กุมภาพันธ์", "มีนาคม"))
    ]
    assert months == [
        to_thai_digits(m)
        for m in ("ตุลาคม 2566", "พฤศจิกายน 2566", "ธันวาคม 2566", "มกราคม 2567", "กุมภาพันธ์ 2567", "มีนาคม 2567")
    ]
    assert [r[1] for r in rows].count("ไม่มีการจัดซื้อจัดจ้าง") == 4
    titles = [r[1] for r in rows]
    assert "ซื้อนมโรงเรียน ภาคเรียนที่ 1" not in titles and "ร่างที่ยังไม่เผยแพร่" not in titles
    assert PERSON not in " ".join(c for r in rows for c in r)  # the natural person's ID is masked


def test_the_progress_pdf_is_landscape_and_defaults_to_31_march_of_the_fiscal_year(year, in_scope):
    result = _export(year, in_scope, "procurement-progress", "pdf")
    assert result.filename == "procurement-progress-2024-03-31.pdf"
    pdf = pypdfium2.PdfDocument(result.content)
    width, height = pdf[0].get_size()
    assert width > height
    text = _pdf_text(result.content)
    assert "ข้อมูล ณ วันที่ ๓๑ มีนาคม ๒๕๖๗" in text
    assert "๑,๒๕๐,๐๐๐.๐๐" in text and "67019000001" in text
    assert text.count("ไม่มีการจัดซื้อจัดจ้าง") == 4
    assert "ลงชื่อ" in text.split("ไม่มีการจัดซื้อจัดจ้าง")[-1]  # the signature block closes the report


def test_the_progress_xlsx_keeps_numbers_for_machines(year, in_scope):
    rows = _xlsx_rows(_export(year, in_scope, "procurement-progress", "xlsx", as_of=MARCH_31).content)
    road = next(r for r in rows if r[1] == "ก่อสร้างถนน คสล. หมู่ที่ 3")
    assert road[2] == 1500000 and road[7] == 1250000 and road[11] == "15 ม.ค. 2567"
    assert [r[1] for r in rows].count("ไม่มีการจัดซื้อจัดจ้าง") == 4


def test_an_as_of_date_outside_the_fiscal_year_is_a_thai_error(year, in_scope):
    with pytest.raises(ExportError, match="ไม่อยู่ในปีงบประมาณ 2567"):
        _export(year, in_scope, "procurement-progress", "pdf", as_of=date(2024, 10, 1))


def test_sorkhor1_of_the_year_has_a_table_per_month_with_nil_months(year, in_scope):
    result = _export(year, in_scope, "procurement-sorkhor1", "xlsx")
    book = load_workbook(io.BytesIO(result.content))
    assert len(book.sheetnames) == 12 and book.sheetnames[0] == "10-2566"
    february = [c for r in book["02-2567"].iter_rows(values_only=True) for c in r if c]
    assert "ไม่มีการจัดซื้อจัดจ้าง" in february  # only a draft was signed in February
    january = [c for r in book["01-2567"].iter_rows(values_only=True) for c in r if c]
    assert "ก่อสร้างถนน คสล. หมู่ที่ 3" in january and "เลขที่ 1/2567 ลงวันที่ 15 มกราคม 2567" in january
    docx_rows = _docx_rows(_export(year, in_scope, "procurement-sorkhor1", "docx").content)
    assert [r[1] for r in docx_rows].count("ไม่มีการจัดซื้อจัดจ้าง") == 12 - 3  # October, January, May


def test_sorkhor1_of_a_month_is_asked_by_a_date_in_it(year, in_scope):
    result = _export(year, in_scope, "procurement-sorkhor1", "pdf", as_of=date(2024, 2, 10))
    assert result.filename == "procurement-sorkhor1-2567-02.pdf"
    text = _pdf_text(result.content)
    assert "กุมภาพันธ์ ๒๕๖๗" in text and "ไม่มีการจัดซื้อจัดจ้าง" in text and "มกราคม" not in text
    assert "ลงชื่อ" in text.split("ไม่มีการจัดซื้อจัดจ้าง")[-1]  # signed after the table


def test_the_fy2568_data_set_has_16_columns_in_xlsx_pdf_and_docx(year, in_scope):
    header_of = lambda rows: next(list(r) for r in rows if r[0] == "ที่")  # noqa: E731
    xlsx = _xlsx_rows(_export(year, in_scope, "procurement-dataset16", "xlsx").content)
    header = header_of(xlsx)
    assert len(header) == 16 and header[-1] == "เลขที่โครงการในระบบ e-GP"
    data = [r for r in xlsx[xlsx.index(tuple(header)) + 1 :] if r[0] is not None]
    assert len(data) == 6 and all(r[1] == 2567 for r in data)  # every published row, cancelled included
    docx = _docx_rows(_export(year, in_scope, "procurement-dataset16", "docx").content)
    assert docx[0] == header and len(docx) == 7
    text = _pdf_text(_export(year, in_scope, "procurement-dataset16", "pdf").content)
    assert "1,250,000.00" in text and "67019000001" in text  # a data set keeps Arabic digits
    empty = _xlsx_rows(_export(year, in_scope, "procurement-dataset16", "xlsx", fiscal_year=2566).content)
    assert "ไม่มีการจัดซื้อจัดจ้าง" in [c for r in empty for c in r]


def test_the_annual_summary_totals_equal_the_register_in_every_format(year, in_scope):
    with in_scope(year):
        register = selectors.totals(selectors.register(year, selectors.RegisterFilter(fiscal_year=2567)))
    assert register.count == 5 and register.agreed == Decimal("1679000.00")
    rows = _xlsx_rows(_export(year, in_scope, "procurement-annual-summary", "xlsx").content, "สรุปตามวิธี")
    methods = [r for r in rows if str(r[0]).startswith("วิธี") and isinstance(r[1], int)]
    total = next(r for r in rows if r[0] == "รวม")
    assert (total[1], Decimal(str(total[3]))) == (register.count, register.agreed)
    assert len(methods) == 5 and sum(r[1] for r in methods) == register.count
    assert sum(Decimal(str(r[3])) for r in methods) == register.agreed
    months = _xlsx_rows(_export(year, in_scope, "procurement-annual-summary", "xlsx").content, "รายเดือน")
    assert sum(1 for r in months if r[0] and "(ไม่มีการจัดซื้อจัดจ้าง)" in str(r[0])) == 9
    docx = _export(year, in_scope, "procurement-annual-summary", "docx").content
    docx_total = next(r for r in _docx_rows(docx) if r[0] == "รวม")
    assert docx_total[1:] == [to_thai_digits(v) for v in ("5", "2,230,000.00", "1,679,000.00")]
    paragraphs = [p.text for p in open_docx(io.BytesIO(docx)).paragraphs]
    assert "เจ้าหน้าที่พัสดุมีจำนวนจำกัด" in paragraphs and "นำเข้าข้อมูลจากระบบ e-GP ทุกเดือน" in paragraphs
    assert any(p.startswith("ลงชื่อ") for p in paragraphs)  # the signature block
    text = _pdf_text(_export(year, in_scope, "procurement-annual-summary", "pdf").content)
    assert "๑,๖๗๙,๐๐๐.๐๐" in text and "ยกเลิกการดำเนินการ ๑ รายการ" in text


def test_the_public_report_pages_link_to_the_pdf_and_docx_and_anyone_downloads_them(year, anon):
    page = anon.get("/procurement/reports/progress/?as_of=31/03/2567").content.decode()
    link = "/documents/procurement-progress.pdf?fiscal_year=2567&amp;as_of=2024-03-31"
    assert f'href="{link}"' in page
    response = anon.get(link.replace("&amp;", "&"))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert 'filename="procurement-progress-2024-03-31.pdf"' in response["Content-Disposition"]
    annual = anon.get("/procurement/reports/annual/2567/").content.decode()
    assert 'href="/documents/procurement-annual-summary.docx?fiscal_year=2567"' in annual
    month = anon.get("/procurement/reports/sorkhor1/2567/2/").content.decode()
    assert 'href="/documents/procurement-sorkhor1.pdf?fiscal_year=2567&amp;as_of=2024-02-01"' in month
    index = anon.get("/procurement/reports/").content.decode()
    assert 'href="/documents/procurement-dataset16.pdf?fiscal_year=2567"' in index


def test_only_public_documents_are_public_and_bad_requests_are_thai_errors(year, anon):
    # A staff-only document is "not found" to the public, as is an unknown one or a format not offered.
    assert anon.get("/documents/ita-answer-sheet.pdf?fiscal_year=2567").status_code == 404
    assert anon.get("/documents/no-such-report.pdf?fiscal_year=2567").status_code == 404
    assert anon.get("/documents/procurement-annual-summary.csv?fiscal_year=2567").status_code == 404
    missing_year = anon.get("/documents/procurement-annual-summary.pdf")
    assert missing_year.status_code == 400
    assert "กรุณาระบุปีงบประมาณเป็นปี พ.ศ. เช่น 2567" in missing_year.content.decode()
    wrong_date = anon.get("/documents/procurement-progress.pdf?fiscal_year=2567&as_of=2024-10-01")
    assert wrong_date.status_code == 400 and "ไม่อยู่ในปีงบประมาณ 2567" in wrong_date.content.decode()


def test_the_staff_pages_link_to_the_engine_downloads(year, admin_client):
    dashboard = admin_client.get("/procurement/staff/").content.decode()
    assert 'href="/staff/reports/procurement-annual-summary/?fiscal_year=2567&amp;fmt=pdf"' in dashboard
    annual = admin_client.get("/procurement/staff/annual/?fy=2567").content.decode()
    assert 'href="/staff/reports/procurement-annual-summary/?fiscal_year=2567&amp;fmt=docx"' in annual
    response = admin_client.get("/staff/reports/procurement-dataset16/?fiscal_year=2567&fmt=xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="procurement-dataset16-2567.xlsx"'
