"""The official documents, opened as a reader would: the declaration, the gift report, the FY2567 risk
assessment and the FY2566 treatment report, generated from the register (a changed value is seen)."""

from __future__ import annotations

import io
import re
from datetime import date
from decimal import Decimal

import pypdfium2
import pytest
from django.core.management import call_command
from docx import Document as open_docx
from openpyxl import load_workbook

from prongsai.integrity import services
from prongsai.integrity.models import GiftEntry, RiskMeasure
from prongsai.integrity.tests import factories
from prongsai.reports.registry import ExportError, Params, export

TOPICS = ["การอนุมัติ อนุญาต", "การใช้อำนาจตามกฎหมาย", "การจัดซื้อจัดจ้าง", "การบริหารงานบุคคล"]


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _pdf_text(content: bytes) -> str:
    pdf = pypdfium2.PdfDocument(content)
    return "\n".join(pdf[i].get_textpage().get_text_bounded() for i in range(len(pdf)))


def _docx_text(content: bytes) -> str:
    doc = open_docx(io.BytesIO(content))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def _export(agency, identifier: str, fmt: str, year: int):
    return export(agency=agency, identifier=identifier, params=Params(fiscal_year=year), fmt=fmt)


@pytest.fixture
def register_2567(scoped, admin_member):
    """A FY2567 assessment with one event in each of the four topics, each with a measure; published."""
    assessment = factories.assessment(scoped, admin_member, fiscal_year=2567)
    for number, code in enumerate(["approval", "legal_power", "procurement", "personnel"], start=1):
        event = factories.event(
            assessment,
            admin_member,
            area=factories.area(scoped, code),
            number=number,
            description=f"เหตุการณ์เสี่ยงทดสอบ{code}",
            likelihood=number,
            impact=4,
        )
        factories.measure(event, admin_member, text=f"มาตรการทดสอบ{code}")
    return services.assessment_publish(assessment=assessment, acting_user=admin_member)


def test_the_fy2567_assessment_pdf_lists_the_four_topics_with_events_levels_and_measures(
    register_2567, scoped
):
    result = _export(scoped, "risk-assessment", "pdf", 2567)
    assert result.filename == "risk-assessment-2567.pdf"
    pdf = pypdfium2.PdfDocument(result.content)
    width, height = pdf[0].get_size()
    assert width > height
    text = _flat(_pdf_text(result.content))
    for topic in TOPICS:
        assert _flat(topic) in text
    for code in ("approval", "legal_power", "procurement", "personnel"):
        assert _flat(f"เหตุการณ์เสี่ยงทดสอบ{code}") in text
        assert _flat(f"มาตรการทดสอบ{code}") in text
    # Levels from the matrix: 1×4 = 4 low, 2×4 = 8 medium, 3×4 = 12 high, 4×4 = 16 high.
    assert "ต่ำ" in text and "ปานกลาง" in text and "สูง" in text
    assert "ผลการดำเนินการตามมาตรการ" not in text


def test_the_assessment_document_follows_the_register(register_2567, scoped, admin_member):
    event = register_2567.events.get(number=3)
    services.event_save(
        assessment=register_2567,
        acting_user=admin_member,
        event=event,
        description="ผู้ประกอบการเสนอผลประโยชน์แก่กรรมการตรวจรับ",
        likelihood=5,
        impact=5,
        reason="ทบทวนเหตุการณ์",
    )
    text = _docx_text(_export(scoped, "risk-assessment", "docx", 2567).content)
    assert "ผู้ประกอบการเสนอผลประโยชน์แก่กรรมการตรวจรับ" in text
    assert "เหตุการณ์เสี่ยงทดสอบprocurement" not in text
    assert "สูงมาก" in text


def test_the_fy2566_treatment_report_adds_each_measures_result(scoped, admin_member):
    assessment = factories.published_assessment(scoped, admin_member, fiscal_year=2566)
    measure = RiskMeasure.objects.get(event__assessment=assessment)
    services.measure_save(
        event=measure.event,
        acting_user=admin_member,
        measure=measure,
        status=RiskMeasure.Status.DONE,
        result="เผยแพร่ร่างขอบเขตของงานครบทุกโครงการ ไม่มีข้อร้องเรียน",
        reason="บันทึกผล",
    )
    services.treatment_report_update(
        assessment=assessment, acting_user=admin_member, problems="บุคลากรมีจำกัด", suggestions="อบรมเพิ่มเติม"
    )
    services.treatment_report_publish(assessment=assessment, acting_user=admin_member)
    text = _flat(_pdf_text(_export(scoped, "risk-treatment-report", "pdf", 2566).content))
    assert _flat("ผลการดำเนินการตามมาตรการ") in text
    assert _flat("เผยแพร่ร่างขอบเขตของงานครบทุกโครงการ") in text
    assert _flat("บุคลากรมีจำกัด") in text
    # A later correction of the result (with a reason) is what the document shows.
    services.measure_save(
        event=measure.event, acting_user=admin_member, measure=measure, result="ผลที่แก้ไขแล้ว", reason="แก้ไขผล"
    )
    rows = [
        c
        for ws in load_workbook(io.BytesIO(_export(scoped, "risk-treatment-report", "xlsx", 2566).content))
        for r in ws.iter_rows(values_only=True)
        for c in r
        if c
    ]
    assert any("ผลที่แก้ไขแล้ว" in str(c) for c in rows)


def test_the_treatment_report_is_refused_before_it_is_published(scoped, admin_member):
    factories.published_assessment(scoped, admin_member, fiscal_year=2566)
    with pytest.raises(ExportError, match="ยังไม่ได้เผยแพร่รายงานผล"):
        _export(scoped, "risk-treatment-report", "pdf", 2566)


def test_the_declaration_document_is_signed_in_thai_and_english(scoped, admin_member):
    factories.published_declaration(scoped, admin_member)
    text = _docx_text(_export(scoped, "nogift-declaration", "docx", 2567).content)
    assert "ประกาศองค์การบริหารส่วนตำบลวังทอง" in text
    assert "นายชาญชัย ศรีวังทอง" in text
    assert "ประกาศ ณ วันที่ ๒ ตุลาคม ๒๕๖๖" in text  # Buddhist era, Thai numerals
    assert "will accept no gift" in text


def test_the_gift_report_never_names_a_giver_or_a_receiver(scoped, member, admin_member, executive):
    factories.gift(scoped, member, event_on=date(2024, 1, 5))
    above = factories.gift(
        scoped,
        member,
        event_on=date(2024, 2, 5),
        estimated_value=Decimal("5000"),
        handling=GiftEntry.Handling.AWAITING,
        counterpart_name="บริษัท ตัวอย่าง จำกัด",
    )
    services.gift_decide(entry=above, acting_user=executive, decision="return", reason="เกินหลักเกณฑ์")
    report = factories.gift_report(scoped, admin_member)
    services.gift_report_publish(report=report, acting_user=admin_member)
    for fmt in ("pdf", "docx", "xlsx"):
        content = _export(scoped, "gift-report", fmt, 2567).content
        text = _pdf_text(content) if fmt == "pdf" else _docx_text(content) if fmt == "docx" else ""
        if fmt == "xlsx":
            book = load_workbook(io.BytesIO(content))
            text = " ".join(str(c) for ws in book for r in ws.iter_rows(values_only=True) for c in r if c)
        for name in ("วิไลวรรณ", "สมชาย", "บริษัท ตัวอย่าง"):
            assert name not in text
    docx_text = _docx_text(_export(scoped, "gift-report", "docx", 2567).content)
    assert "จำนวนรายการทั้งหมด ๒ รายการ" in docx_text


def test_the_stated_zero_is_written_in_the_gift_report(scoped, admin_member):
    services.gift_report_publish(report=factories.gift_report(scoped, admin_member), acting_user=admin_member)
    assert "ไม่มีการรับของขวัญ" in _docx_text(_export(scoped, "gift-report", "docx", 2567).content)


def test_export_report_command_takes_the_fiscal_year(register_2567, tmp_path):
    out = tmp_path / "a.pdf"
    call_command(
        "export_report",
        "risk-assessment",
        "--agency",
        "wangthong",
        "--fiscal-year",
        "2567",
        "--format",
        "pdf",
        "--output",
        str(out),
    )
    assert out.read_bytes().startswith(b"%PDF")
