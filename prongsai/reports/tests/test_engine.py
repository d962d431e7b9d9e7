"""The document engine: registry, renderers and the staff report page."""

from __future__ import annotations

import io

import pypdfium2
import pytest
from django.utils import timezone
from docx import Document as open_docx
from openpyxl import load_workbook

from prongsai.core.thai import BANGKOK, fiscal_year, to_thai_digits
from prongsai.reports.document import Cell, Column, Document, Paragraph, Signature, Table
from prongsai.reports.registry import ExportError, Params, exporters, get_exporter
from prongsai.reports.render_data import render_csv, render_xlsx
from prongsai.reports.render_docx import render_docx
from prongsai.reports.render_pdf import render_pdf

HOSTILE = '#panic("x") $x^2$ *bold* = heading #import "@preview/x:0.1.0" ]) } \\ `raw`'


def _document(text: str = HOSTILE, rows: int = 60, landscape: bool = False) -> Document:
    document = Document(title="ทดสอบ 2567", filename_stem="t", landscape=landscape)
    document.add(Paragraph("หัวเรื่องทดสอบ ปีงบประมาณ 2567", style="title", align="center"))
    document.add(Paragraph(text))
    document.add(
        Table(
            columns=[Column("ลำดับ", 0.5), Column("รายการ", 3), Column("จำนวนเงิน", 1, "right")],
            rows=[
                [Cell.of(str(n)), Cell.of(f"รายการที่ {n} {text}"), Cell.of("1,234,567.89", nowrap=True)]
                for n in range(1, rows + 1)
            ],
        )
    )
    document.add(Signature(name="นายชาญชัย ศรีวังทอง", position="นายกองค์การบริหารส่วนตำบลวังทอง"))
    return document


def _pdf_text(content: bytes) -> list[str]:
    pdf = pypdfium2.PdfDocument(content)
    return [pdf[i].get_textpage().get_text_bounded() for i in range(len(pdf))]


def test_typst_markup_in_data_is_printed_literally_never_executed():
    pages = _pdf_text(render_pdf(_document()))
    flat = "".join("".join(p.split()) for p in pages)
    assert "".join(to_thai_digits(HOSTILE).split()) in flat  # printed as text (digits in Thai)


def test_a_long_table_repeats_its_header_on_every_page_and_ends_with_the_signature():
    pages = _pdf_text(render_pdf(_document(text="ข้อความยาว " * 12)))
    assert len(pages) > 2
    for page in pages:
        assert "จำนวนเงิน" in page
    assert "นายชาญชัย ศรีวังทอง" in pages[-1]
    assert "๑,๒๓๔,๕๖๗.๘๙" in pages[0]  # Thai numerals in a Thai document


def test_a_landscape_document_is_a4_landscape():
    pdf = pypdfium2.PdfDocument(render_pdf(_document(rows=3, landscape=True)))
    width, height = pdf[0].get_size()
    assert (round(width), round(height)) == (842, 595)


def test_data_sets_keep_arabic_digits_and_numbers():
    document = _document(text="ข้อความ", rows=3)
    sheet = load_workbook(io.BytesIO(render_xlsx(document))).active
    values = [c.value for row in sheet.iter_rows() for c in row if c.value is not None]
    assert 1234567.89 in values
    assert sheet.freeze_panes is not None
    csv_text = render_csv(document).decode("utf-8-sig")
    assert csv_text.splitlines()[0] == "ลำดับ,รายการ,จำนวนเงิน"


def test_docx_keeps_amounts_unbreakable_and_signs_at_the_end():
    document = open_docx(io.BytesIO(render_docx(_document(text="ข้อความ", rows=2))))
    cells = [c.text for row in document.tables[0].rows for c in row.cells]
    assert "๑,๒๓๔,๕๖๗.๘๙" in cells
    assert "( นายชาญชัย ศรีวังทอง )" in [p.text for p in document.paragraphs]


def test_every_exporter_has_a_unique_identifier_and_known_formats():
    identifiers = [e.identifier for e in exporters()]
    assert len(identifiers) == len(set(identifiers))
    assert {
        "integrity-measures-results",
        "ita-answer-sheet",
        "plan-operations",
        "progress-operations",
    } <= set(identifiers)
    with pytest.raises(ExportError):
        get_exporter("no-such-report")


def test_the_staff_report_page_lists_and_downloads_reports(admin_client, agency, seed_fy2567):
    index = admin_client.get("/staff/reports/")
    assert index.status_code == 200
    assert "integrity-measures-results" in index.content.decode()
    response = admin_client.get("/staff/reports/integrity-measures-results/?fiscal_year=2567&fmt=pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert 'filename="integrity-measures-results-2567.pdf"' in response["Content-Disposition"]


def test_bad_report_requests_are_thai_errors_not_crashes(admin_client, agency, catalogues):
    wrong_format = admin_client.get("/staff/reports/integrity-measures-results/?fiscal_year=2567&fmt=csv")
    assert wrong_format.status_code == 400
    assert "รูปแบบ: เลือกตัวเลือกที่ถูกต้อง. csv ไม่ใช่ตัวเลือกที่ใช้ได้." in wrong_format.content.decode()
    no_plan = admin_client.get("/staff/reports/integrity-measures-results/?fiscal_year=2560&fmt=pdf")
    assert no_plan.status_code == 400
    assert (
        "ยังไม่มีมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ของปีงบประมาณ 2560 กรุณาจัดทำแผนก่อนออกรายงาน"
        in no_plan.content.decode()
    )
    bad_year = admin_client.get("/staff/reports/integrity-measures-results/?fiscal_year=abc&fmt=pdf")
    assert bad_year.status_code == 400
    assert "ปีงบประมาณ (พ.ศ.): กรอกหมายเลข" in bad_year.content.decode()
    assert admin_client.get("/staff/reports/no-such-report/").status_code == 404


def test_another_agency_gets_no_report(outsider_client, agency, seed_fy2567):
    response = outsider_client.get("/staff/reports/integrity-measures-results/?fiscal_year=2567&fmt=pdf")
    assert response.status_code == 403


def test_the_ita_analysis_and_results_render(agency, admin_member, seed_fy2567, in_scope):
    from prongsai.ita import services
    from prongsai.reports.registry import export

    with in_scope(agency):
        analysis = services.analysis_save(
            agency=agency,
            acting_user=admin_member,
            fiscal_year=2567,
            result_year=2566,
            limitations="บุคลากรมีจำกัด",
            problems="เอกสารไม่ระบุวันที่",
            suggestions="ตรวจความพร้อมทุกไตรมาส",
            topics=[
                {"findings": f"ผลการวิเคราะห์ประเด็น {n}", "method": "วิธี", "owner": "สำนักปลัด", "period": "ตลอดปี"}
                for n in range(1, 8)
            ],
        )
        services.analysis_publish(analysis=analysis, acting_user=admin_member)
        docx = export(agency=agency, identifier="ita-analysis", params=Params(2567), fmt="docx")
        results = export(agency=agency, identifier="ita-results", params=Params(2567), fmt="pdf")
    cells = " ".join(
        c.text for t in open_docx(io.BytesIO(docx.content)).tables for r in t.rows for c in r.cells
    )
    assert "การให้บริการและระบบ E-Service" in cells and "ผลการวิเคราะห์ประเด็น ๗" in cells
    paragraphs = [p.text for p in open_docx(io.BytesIO(docx.content)).paragraphs if p.text.strip()]
    assert paragraphs[-3].startswith("ลงชื่อ")  # the executive signs the analysis
    text = "".join(_pdf_text(results.content))
    assert "๙๓.๕๐" in text and "๙๘.๓๘" in text


def test_the_report_list_opens_on_the_latest_year_with_data_and_lets_the_user_choose(
    admin_client, agency, seed_fy2567
):
    """FY2567 has the demo data; the current fiscal year has none, so the list opens on FY2567."""
    page = admin_client.get("/staff/reports/").content.decode()
    assert '<option value="2567" selected>' in page
    assert "/staff/reports/integrity-measures-results/?fiscal_year=2567&amp;fmt=pdf" in page
    current = fiscal_year(timezone.now().astimezone(BANGKOK))
    assert f'<option value="{current}">' in page, "the current year is offered too"
    chosen = admin_client.get(f"/staff/reports/?fiscal_year={current}&as_of=31/03/2567")
    assert chosen.status_code == 200
    html = chosen.content.decode()
    assert "ข้อมูล ณ วันที่ 31 มีนาคม 2567" in html
    assert f"?fiscal_year={current}&amp;as_of=2024-03-31&amp;fmt=" in html, "as-of links for as-of reports"
    assert f"/staff/reports/integrity-measures-results/?fiscal_year={current}&amp;fmt=pdf" in html
    wrong = admin_client.get("/staff/reports/?fiscal_year=1999")
    assert wrong.status_code == 400, "a year not offered is a Thai form error"
