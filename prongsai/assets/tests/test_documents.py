"""The official documents, opened as files: manual, register, stock-take report, loan register."""

from __future__ import annotations

import io
from datetime import date

import pypdfium2
import pytest
from docx import Document as open_docx
from openpyxl import load_workbook

from prongsai.assets import services
from prongsai.assets.tests import factories
from prongsai.core.thai import fiscal_year, to_thai_digits
from prongsai.reports.registry import ExportError, Params, export


def _pdf_text(content: bytes) -> str:
    pdf = pypdfium2.PdfDocument(content)
    return "".join("".join(pdf[i].get_textpage().get_text_bounded().split()) for i in range(len(pdf)))


def _docx_text(content: bytes) -> str:
    document = open_docx(io.BytesIO(content))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells).replace("\xa0", " ")


def test_the_manual_is_refused_until_the_rules_are_published(agency, member, in_scope):
    factories.rules(agency, member)
    with in_scope(agency), pytest.raises(ExportError, match="ยังไม่ได้เผยแพร่"):
        export(agency=agency, identifier="asset-manual", params=Params(2568), fmt="pdf")


def test_the_manual_says_who_approves_for_how_long_and_refuses_private_use(agency, member, in_scope):
    factories.rules(agency, member, publish=True, outside_max_days=15)
    with in_scope(agency):
        docx = _docx_text(
            export(agency=agency, identifier="asset-manual", params=Params(2568), fmt="docx").content
        )
        pdf = _pdf_text(
            export(agency=agency, identifier="asset-manual", params=Params(2568), fmt="pdf").content
        )
    assert "หัวหน้าหน่วยงานหรือผู้ที่ได้รับมอบหมาย" in docx
    assert f"{to_thai_digits('15')} วัน" in docx
    assert "ไม่ให้ยืมทรัพย์สินของราชการไปใช้ประโยชน์ส่วนตัว" in docx
    assert "คู่มือการใช้ทรัพย์สินของราชการ" in pdf


def test_the_register_lists_every_item_with_its_depreciation_in_xlsx(
    agency, member, computer_type, unit, in_scope
):
    factories.asset(agency, member, computer_type, unit, acquired_on=date(2023, 10, 1))
    factories.asset(agency, member, computer_type, unit, acquired_on=date(2023, 10, 2), name="เครื่องพิมพ์")
    with in_scope(agency):
        xlsx = export(agency=agency, identifier="asset-register", params=Params(2567), fmt="xlsx").content
    sheet = load_workbook(io.BytesIO(xlsx)).active
    values = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert "416-66-0001" in values and "416-66-0002" in values  # acquired in 2566 (BE), fiscal year 2567
    assert "เครื่องพิมพ์" in values


def test_the_stocktake_report_lists_every_item_with_totals_that_equal_the_register(
    agency, member, executive, computer_type, unit, in_scope
):
    items = [factories.asset(agency, member, computer_type, unit, name=f"รายการ {n}") for n in range(4)]
    with in_scope(agency):
        stocktake = services.stocktake_appoint(
            agency=agency,
            acting_user=executive,
            fiscal_year=2567,
            committee=[member],
            order_reference="250/2567",
            appointed_on=date(2024, 9, 20),
        )
        for item, result in zip(items, ["good", "good", "damaged", "not_needed"], strict=True):
            services.stocktake_check(
                stocktake=stocktake, acting_user=member, asset=item, result=result, note="ตรวจแล้ว"
            )
        services.stocktake_report(stocktake=stocktake, acting_user=member)
        xlsx = export(agency=agency, identifier="asset-stocktake", params=Params(2567), fmt="xlsx").content
        pdf = _pdf_text(
            export(agency=agency, identifier="asset-stocktake", params=Params(2567), fmt="pdf").content
        )
    book = load_workbook(io.BytesIO(xlsx))
    summary = {row[0]: row[1] for row in book["สรุป"].iter_rows(min_row=2, values_only=True) if row[0]}
    listed = [
        row[1] for row in book["รายการ"].iter_rows(values_only=True) if str(row[1] or "").startswith("416-")
    ]
    assert sorted(listed) == sorted(i.code for i in items)
    assert str(summary["ใช้งานได้ปกติ"]) == "2" and str(summary["ชำรุด"]) == "1"
    assert str(summary["รวม"]) == "4"
    assert "รายงานผลการตรวจสอบพัสดุประจำปี" in pdf


def test_a_stocktake_not_appointed_is_a_thai_error(agency, in_scope):
    with in_scope(agency), pytest.raises(ExportError, match="แต่งตั้งคณะกรรมการก่อน"):
        export(agency=agency, identifier="asset-stocktake", params=Params(2567), fmt="pdf")


def test_the_loan_register_shows_the_item_the_approver_and_the_condition_on_return(
    agency, member, head, laptop, in_scope
):
    head.first_name, head.last_name = "สมศักดิ์", "ใจงาม"
    head.save()
    loan = factories.loan(agency, member, laptop)
    with in_scope(agency):
        services.loan_approve(loan=loan, acting_user=head)
        services.loan_hand_over(loan=loan, acting_user=member)
        services.loan_return(loan=loan, acting_user=member, condition="damaged", note="ขาตั้งหัก")
        year = fiscal_year(loan.starts_on)
        docx = _docx_text(
            export(agency=agency, identifier="asset-loans", params=Params(year), fmt="docx").content
        )
    assert laptop.code in docx
    assert "สมศักดิ์ ใจงาม" in docx
    assert "ชำรุด" in docx
    assert f"คืนในสภาพชำรุดหรือสูญหาย {to_thai_digits('1')} รายการ" in docx
