"""The citizen manual as an official document (the engine's ``service-manual`` exporter): DOCX and PDF in the
layout of the Licensing Facilitation Act manual, the public download of published manuals, the staff report
page and the command; a missing, unknown or unpublished service is a Thai error or a 404, never a crash."""

from __future__ import annotations

import io
import re

import pypdfium2
import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from docx import Document as open_docx

from conftest import OTHER_HOST
from prongsai.eservice import services_catalogue
from prongsai.eservice.models import DurationUnit, Service
from prongsai.reports.registry import ExportError, Params, export

pytestmark = pytest.mark.django_db

SECTIONS = (
    "ชื่อกระบวนงาน",
    "หน่วยงานเจ้าของกระบวนงาน",
    "ช่องทางการให้บริการ",
    "หลักเกณฑ์ วิธีการ เงื่อนไข",
    "ขั้นตอน ระยะเวลา และส่วนงานที่รับผิดชอบ",
    "รายการเอกสารหลักฐานประกอบ",
    "ค่าธรรมเนียม",
    "ช่องทางการร้องเรียน",
    "ตัวอย่างแบบฟอร์ม",
)


def _export(agency, in_scope, code, fmt):
    with in_scope(agency):
        return export(agency=agency, identifier="service-manual", params=Params(2568, subject=code), fmt=fmt)


def _docx(content):
    document = open_docx(io.BytesIO(content))
    paragraphs = [p.text for p in document.paragraphs]
    # Amounts and times are kept on one line with no-break spaces; compare them as plain spaces.
    tables = [
        [[c.text.replace("\xa0", " ") for c in row.cells] for row in table.rows] for table in document.tables
    ]
    return paragraphs, tables


def _pdf_text(content):
    pdf = pypdfium2.PdfDocument(content)
    text = "".join(pdf[i].get_textpage().get_text_bounded() for i in range(len(pdf)))
    return "".join(text.split())


def _flat(text):
    return "".join(text.split())


@pytest.fixture
def draft(agency, admin_member, catalogue, in_scope):
    with in_scope(agency):
        return services_catalogue.service_create_draft(
            agency=agency,
            acting_user=admin_member,
            code="tree-trimming",
            name_th="การขอให้ตัดแต่งกิ่งไม้ในที่สาธารณะ",
            owner_unit=catalogue["elderly-allowance"].owner_unit,
            category=Service.Category.ENVIRONMENT,
            steps=[
                {
                    "name": "ออกสำรวจและตัดแต่งกิ่งไม้",
                    "duration_value": 5,
                    "duration_unit": DurationUnit.WORKING_DAYS,
                }
            ],
            documents=[],
        )


def test_the_docx_manual_has_every_section_the_steps_with_their_times_and_the_documents(
    agency, catalogue, in_scope
):
    result = _export(agency, in_scope, "building-permit", "docx")
    assert result.filename == "service-manual-building-permit.docx"
    paragraphs, tables = _docx(result.content)
    assert paragraphs[0] == "คู่มือสำหรับประชาชน: การขออนุญาตก่อสร้าง ดัดแปลง หรือรื้อถอนอาคาร"
    assert [p for p in paragraphs if re.match(r"\d+\. ", p)] == [
        "1. ชื่อกระบวนงาน",
        "2. หน่วยงานเจ้าของกระบวนงาน",
        "3. ประเภทของงานบริการ",
        "4. หมวดหมู่ของงานบริการ",
        "5. กฎหมายที่ให้อำนาจการอนุญาต หรือที่เกี่ยวข้อง",
        "6. ช่องทางการให้บริการ",
        "7. หลักเกณฑ์ วิธีการ เงื่อนไข (ถ้ามี) ในการยื่นคำขอ และในการพิจารณาอนุญาต",
        "8. ขั้นตอน ระยะเวลา และส่วนงานที่รับผิดชอบ",
        "9. รายการเอกสารหลักฐานประกอบ",
        "10. ค่าธรรมเนียม",
        "11. ช่องทางการร้องเรียน",
        "12. ตัวอย่างแบบฟอร์ม ตัวอย่าง และคู่มือการกรอก",
    ]
    assert any(p.startswith("วันและเวลาเปิดให้บริการ: วันจันทร์ – วันศุกร์") for p in paragraphs)
    assert "หน่วยงานที่รับผิดชอบ: กองช่าง" in paragraphs
    assert "พระราชบัญญัติควบคุมอาคาร พ.ศ. 2522" in paragraphs

    steps, documents = tables
    assert steps[0] == ["ที่", "ขั้นตอนการบริการ", "ระยะเวลา", "ส่วนงาน/หน่วยงานที่รับผิดชอบ"]
    assert steps[1] == ["1", "ตรวจสอบคำขอและเอกสารหลักฐาน", "1 วันทำการ", "กองช่าง"]
    assert steps[3][1:3] == ["พิจารณาแบบแปลนและรายการคำนวณ", "30 วันทำการ"]
    assert steps[4][1] == "เสนอเจ้าพนักงานท้องถิ่นลงนามใบอนุญาต (อ.1)" and steps[4][3] == "สำนักปลัด"
    assert steps[-1][1:3] == ["ระยะเวลาดำเนินการรวม", "45 วันทำการ"]

    assert documents[0][:4] == ["ที่", "รายการเอกสารหลักฐาน", "ฉบับจริง/สำเนา", "จำนวน"]
    assert ["1", "บัตรประจำตัวประชาชน", "ฉบับจริงและสำเนา", "1 ชุด", ""] in documents
    assert ["4", "แบบแปลนและรายการประกอบแบบแปลน", "ฉบับจริง", "5 ชุด", ""] in documents
    assert any(row[1].startswith("สำเนาโฉนดที่ดิน") and row[2] == "สำเนา" for row in documents)

    assert any(p.startswith("ค่าธรรมเนียมใบอนุญาตตามกฎกระทรวง") for p in paragraphs)
    assert any("ศูนย์ดำรงธรรมอำเภอ" in p for p in paragraphs)  # the complaint channel
    assert "ยื่นคำขอออนไลน์: https://wangthong.test/eservice/services/building-permit/request/" in paragraphs
    # The manual's reference title is in Thai only: the service's code is for machines, not for citizens.
    reference = next(p for p in paragraphs if p.startswith("ชื่ออ้างอิงของคู่มือ"))
    assert "building-permit" not in reference and reference.endswith("องค์การบริหารส่วนตำบลวังทอง")


def test_a_service_without_a_fee_says_so_in_the_pdf(agency, catalogue, in_scope):
    result = _export(agency, in_scope, "elderly-allowance", "pdf")
    assert result.content_type == "application/pdf" and result.content.startswith(b"%PDF")
    text = _pdf_text(result.content)
    assert _flat("คู่มือสำหรับประชาชน") in text
    assert _flat("ไม่มีค่าธรรมเนียม") in text
    for section in SECTIONS:
        assert _flat(section) in text, section
    with in_scope(agency):
        service = Service.objects.get(agency=agency, code="elderly-allowance")
        steps = list(service.steps.order_by("order"))
        documents = list(service.documents.order_by("order"))
        total = " และ ".join(service.total_time)
    for step in steps:
        assert _flat(step.name) in text, step.name
        assert _flat(f"{step.duration_value} {step.get_duration_unit_display()}") in text
    for document in documents:
        assert _flat(document.name) in text, document.name
    assert _flat(f"ระยะเวลาดำเนินการรวม {total}") in text


def test_the_service_must_be_named_and_known_to_the_agency(agency, catalogue, other_agency, in_scope):
    with pytest.raises(ExportError, match="กรุณาเลือกงานบริการ"):
        _export(agency, in_scope, "", "pdf")
    with pytest.raises(ExportError, match="ไม่พบงานบริการรหัส “no-such-service”"):
        _export(agency, in_scope, "no-such-service", "docx")
    # A code of this agency names nothing in another agency.
    with pytest.raises(ExportError, match="ไม่พบงานบริการรหัส “building-permit”"):
        _export(other_agency, in_scope, "building-permit", "pdf")


def test_a_draft_prints_for_staff_marked_as_a_draft(agency, draft, in_scope):
    paragraphs, tables = _docx(_export(agency, in_scope, "tree-trimming", "docx").content)
    assert "ฉบับร่าง ยังไม่เผยแพร่ต่อประชาชน" in paragraphs
    assert "ไม่ต้องใช้เอกสารหลักฐานประกอบ" in paragraphs
    assert "ไม่มีค่าธรรมเนียม" in paragraphs
    assert len(tables) == 1  # the steps only: no documents table


def test_the_public_manual_page_offers_the_pdf_and_docx_downloads(anon, catalogue):
    page = anon.get("/eservice/services/garbage-collection/").content.decode()
    assert 'href="/eservice/services/garbage-collection/manual.pdf"' in page
    assert 'href="/eservice/services/garbage-collection/manual.docx"' in page
    assert "ดาวน์โหลด PDF" in page

    pdf = anon.get("/eservice/services/garbage-collection/manual.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert 'filename="service-manual-garbage-collection.pdf"' in pdf["Content-Disposition"]
    assert _flat("20.00 บาท") in _pdf_text(pdf.content)

    docx = anon.get("/eservice/services/garbage-collection/manual.docx")
    assert docx.status_code == 200
    paragraphs, _tables = _docx(docx.content)
    assert paragraphs[0] == "คู่มือสำหรับประชาชน: การขอรับบริการเก็บขนขยะมูลฝอย"


def test_the_public_download_finds_no_draft_unknown_or_other_agency_manual(
    anon, agency, draft, other_catalogue
):
    assert anon.get("/eservice/services/tree-trimming/manual.pdf").status_code == 404
    assert anon.get("/eservice/services/no-such-service/manual.docx").status_code == 404
    assert anon.get("/eservice/services/building-permit/manual.xlsx").status_code == 404
    assert anon.get("/eservice/services/building-permit/manual.pdf").status_code == 200
    # The other agency's site serves its own manuals only.
    other_site = Client(HTTP_HOST=OTHER_HOST)
    assert other_site.get("/eservice/services/building-permit/manual.pdf").status_code == 404
    assert other_site.get("/eservice/services/elderly-allowance/manual.docx").status_code == 200


def test_the_staff_report_page_asks_which_service(admin_client, agency, catalogue, draft):
    index = admin_client.get("/staff/reports/").content.decode()
    assert 'href="/staff/reports/service-manual/"' in index
    form = admin_client.get("/staff/reports/service-manual/")
    assert form.status_code == 200
    page = form.content.decode()
    assert 'value="building-permit"' in page and "(ฉบับร่าง)" in page

    missing = admin_client.get("/staff/reports/service-manual/?fiscal_year=2568&fmt=pdf&subject=")
    assert missing.status_code == 400
    assert "กรุณาเลือกงานบริการ" in missing.content.decode()

    response = admin_client.get(
        "/staff/reports/service-manual/?fiscal_year=2568&fmt=docx&subject=tree-trimming"
    )
    assert response.status_code == 200
    assert 'filename="service-manual-tree-trimming.docx"' in response["Content-Disposition"]


def test_the_year_reports_still_take_no_service(admin_client, agency, catalogue):
    page = admin_client.get("/staff/reports/plan-operations/").content.decode()
    assert 'name="subject"' not in page


def test_the_command_writes_the_manual_of_the_named_service(agency, catalogue, tmp_path):
    output = tmp_path / "manual.docx"
    arguments = ["export_report", "service-manual", "--fiscal-year", "2568", "--output", str(output)]
    call_command(*arguments, "--service", "garbage-collection", "--format", "docx")
    paragraphs, tables = _docx(output.read_bytes())
    assert any(p.startswith("20.00 บาท") for p in paragraphs)
    assert tables[0][-1][1] == "ระยะเวลาดำเนินการรวม"
    with pytest.raises(CommandError, match="กรุณาเลือกงานบริการ"):
        call_command(*arguments)
