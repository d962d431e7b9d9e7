"""The official documents: the HR report's staffing and training tables equal the records, in DOCX and PDF,
and change when a record changes; the HR plan and the ethics report."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pypdfium2
import pytest
from docx import Document as open_docx
from openpyxl import load_workbook

from prongsai.core.thai import to_thai_digits
from prongsai.people import services
from prongsai.people.tests import factories
from prongsai.planning import services as plan_services
from prongsai.planning.models import Plan, PlanItem
from prongsai.reports.registry import ExportError, Params, export


def docx_rows(content: bytes) -> list[list[str]]:
    document = open_docx(io.BytesIO(content))
    return [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]


def docx_text(content: bytes) -> str:
    document = open_docx(io.BytesIO(content))
    return "\n".join([p.text for p in document.paragraphs] + ["\t".join(r) for r in docx_rows(content)])


def pdf_text(content: bytes) -> str:
    pdf = pypdfium2.PdfDocument(content)
    return "\n".join(pdf[i].get_textpage().get_text_bounded() for i in range(len(pdf)))


def squash(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def fy2566(agency, admin_member, in_scope):
    """FY2566: three academic posts (two held), one general employee, a course attended by two people."""
    with in_scope(agency):
        posts = [factories.post(agency, admin_member, code=f"A-{n}") for n in range(3)]
        factories.post(agency, admin_member, code="G-1", position_type="general_employee")
        people = [factories.person(agency, admin_member, first_name=name) for name in ("สมศรี", "สมใจ")]
        for post, who in zip(posts, people, strict=False):
            services.tenure_start(
                post=post, acting_user=admin_member, person=who, started_on=date(2022, 10, 1)
            )
        course = factories.course(agency, admin_member)
        for who in people:
            factories.attended(course, admin_member, who)
        ethics = factories.course(
            agency, admin_member, title="อบรมประมวลจริยธรรม", topic="ethics", hours=Decimal("6"), cost=0
        )
        factories.attended(ethics, admin_member, people[0])
        return {"people": people, "posts": posts}


def _export(agency, in_scope, fmt, identifier="hr-report", year=2566):
    with in_scope(agency):
        return export(agency=agency, identifier=identifier, params=Params(fiscal_year=year), fmt=fmt).content


def _row(rows, label):
    return next(r for r in rows if r[0] == label)


def test_the_hr_report_docx_lists_staff_by_position_type_and_training_equal_to_the_records(
    agency, fy2566, in_scope
):
    rows = docx_rows(_export(agency, in_scope, "docx"))
    academic = _row(rows, "พนักงานส่วนตำบล สายงานวิชาการ")
    assert academic[1:] == [to_thai_digits(n) for n in ("3", "2", "1")]
    assert _row(rows, "พนักงานจ้างทั่วไป")[1:] == [to_thai_digits(n) for n in ("1", "0", "1")]
    assert _row(rows, "รวมฝ่ายประจำ")[1:] == [to_thai_digits(n) for n in ("4", "2", "2")]
    assert _row(rows, "คุณธรรม จริยธรรม และความโปร่งใส")[1:] == [to_thai_digits("1"), to_thai_digits("1")]
    assert _row(rows, "รวม")[1:] == [to_thai_digits("2"), to_thai_digits("3")]


def test_the_hr_report_pdf_carries_the_same_statistics(agency, fy2566, in_scope):
    text = squash(pdf_text(_export(agency, in_scope, "pdf")))
    assert squash("ข้อมูลสถิติอัตรากำลัง จำแนกตามประเภทตำแหน่ง") in text
    assert squash("พนักงานส่วนตำบล สายงานวิชาการ") + "".join(to_thai_digits(n) for n in "321") in text
    assert squash("อบรมประมวลจริยธรรม") in text


def test_the_hr_report_changes_when_a_training_record_changes(agency, admin_member, fy2566, in_scope):
    before = _row(docx_rows(_export(agency, in_scope, "docx")), "รวม")
    with in_scope(agency):
        extra = factories.person(agency, admin_member, first_name="สมหมาย")
        course = factories.course(
            agency, admin_member, title="หลักสูตรใหม่", starts_on=date(2023, 5, 1), ends_on=date(2023, 5, 1)
        )
        factories.attended(course, admin_member, extra)
    after = _row(docx_rows(_export(agency, in_scope, "docx")), "รวม")
    assert before[1:] == [to_thai_digits("2"), to_thai_digits("3")]
    assert after[1:] == [to_thai_digits("3"), to_thai_digits("4")]


def test_the_hr_report_shows_the_hr_plan_results_problems_and_suggestions(
    agency, admin_member, fy2566, in_scope
):
    with in_scope(agency):
        plan = plan_services.plan_create(
            agency=agency,
            acting_user=admin_member,
            kind=Plan.Kind.HR,
            fiscal_year=2566,
            title="แผนการบริหารและพัฒนาทรัพยากรบุคคล",
        )
        item = plan_services.item_save(
            plan=plan,
            acting_user=admin_member,
            kind=PlanItem.Kind.PROJECT,
            number=1,
            title="โครงการพัฒนาศักยภาพบุคลากร",
            budget=Decimal("50000"),
        )
        plan_services.result_record(
            item=item,
            acting_user=admin_member,
            result="บุคลากรเข้ารับการอบรมครบทุกคน",
            spent=Decimal("48000"),
            actual_start=date(2023, 1, 10),
            actual_end=date(2023, 1, 12),
        )
        plan_services.annual_report_save(
            plan=plan,
            acting_user=admin_member,
            problems="งบประมาณจำกัด",
            suggestions="จัดอบรมออนไลน์เพิ่ม",
            reported_on=date(2023, 10, 15),
        )
    text = docx_text(_export(agency, in_scope, "docx"))
    assert "บุคลากรเข้ารับการอบรมครบทุกคน" in text
    assert "งบประมาณจำกัด" in text and "จัดอบรมออนไลน์เพิ่ม" in text


def test_the_hr_report_xlsx_has_the_staffing_sheet(agency, fy2566, in_scope):
    book = load_workbook(io.BytesIO(_export(agency, in_scope, "xlsx")))
    sheet = book["อัตรากำลัง"]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert any(row and row[0] == "พนักงานส่วนตำบล สายงานวิชาการ" for row in values)


def test_an_hr_report_of_a_year_without_data_is_refused_in_thai(agency, in_scope):
    with pytest.raises(ExportError) as refused:
        _export(agency, in_scope, "docx", year=2560)
    assert "ยังไม่มีข้อมูลบุคลากร" in str(refused.value)


def test_the_ethics_report_names_the_codes_the_group_the_dos_and_donts_and_the_training(
    agency, admin_member, fy2566, in_scope
):
    with in_scope(agency):
        factories.ethics_code(agency, admin_member)
        factories.working_group(agency, admin_member, fy2566["people"], fiscal_year=2566)
        factories.conduct_guide(agency, admin_member, fiscal_year=2566)
        factories.ethics_report(agency, admin_member, fiscal_year=2566)
    text = docx_text(_export(agency, in_scope, "docx", identifier="ethics-report"))
    assert "ประมวลจริยธรรมพนักงานส่วนท้องถิ่น" in text
    assert fy2566["people"][0].full_name in text
    assert "ไม่รับของขวัญจากผู้มาติดต่อ" in text
    assert "อบรมประมวลจริยธรรม" in text
    assert "ร้อยละ " + to_thai_digits("95") in text
    assert squash("รายงานผลการขับเคลื่อนจริยธรรม") in squash(
        pdf_text(_export(agency, in_scope, "pdf", identifier="ethics-report"))
    )
