"""The statistics of the corruption channel as the PDF and XLSX files FY2569 O18 asks for: opened as real
files for a year with reports and a year without (which says so), downloadable by anyone from the public
statistics page, and counted by the FY2569 O18 item for the demo agency."""

from __future__ import annotations

import io
from datetime import date, datetime

import pypdfium2
import time_machine
from django.test import Client
from openpyxl import load_workbook

from conftest import AGENCY_HOST, make_member
from prongsai.core.demo import DemoContext
from prongsai.core.roles import Role
from prongsai.core.tenancy import agency_scope
from prongsai.core.thai import BANGKOK, to_thai_digits
from prongsai.ita.models import Catalogue
from prongsai.ita.readiness import Status, readiness
from prongsai.reports.registry import ExportError, Params, export
from prongsai.whistleblower import demo
from prongsai.whistleblower.tests import factories

from .conftest import unlocked_client

PDF = "/documents/corruption-complaint-statistics.pdf"
XLSX = "/documents/corruption-complaint-statistics.xlsx"
NIL_2567 = "ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบในปีงบประมาณ พ.ศ. 2567"
SECRET = "ลับมาก-เรียกรับเงินที่กองช่าง"


def _pdf_text(content: bytes) -> str:
    pdf = pypdfium2.PdfDocument(content)
    return "\n".join(pdf[i].get_textpage().get_text_bounded() for i in range(len(pdf)))


def _xlsx_rows(content: bytes) -> list[tuple]:
    book = load_workbook(io.BytesIO(content))
    assert len(book.worksheets) == 1
    return list(book.active.iter_rows(values_only=True))


def _export(agency, fmt, fiscal_year=2567):
    with agency_scope(agency):
        return export(
            agency=agency,
            identifier="corruption-complaint-statistics",
            params=Params(fiscal_year=fiscal_year),
            fmt=fmt,
        )


def _three_reports_one_closed(agency, committee):
    """FY2567: one report in October 2566 (closed), two in March 2567 (in progress)."""
    for moment in [
        datetime(2023, 10, 3, 9, tzinfo=BANGKOK),
        datetime(2024, 3, 5, 9, tzinfo=BANGKOK),
        datetime(2024, 3, 20, 9, tzinfo=BANGKOK),
    ]:
        with time_machine.travel(moment, tick=False), agency_scope(agency):
            factories.report(agency, what=SECRET)
    staff = unlocked_client(committee)
    handle = staff.get("/staff/integrity/").context["rows"][-1][0]  # the October report
    staff.post(f"/staff/integrity/reports/{handle}/action/", {"action": "close", "outcome": "insufficient"})


def test_the_xlsx_of_a_year_with_reports_has_every_month_and_the_totals_and_nothing_else(agency, committee):
    _three_reports_one_closed(agency, committee)
    with time_machine.travel(datetime(2024, 9, 30, 12, tzinfo=BANGKOK), tick=False):
        result = _export(agency, "xlsx")
    assert result.filename == "corruption-complaint-statistics-2567.xlsx"
    rows = _xlsx_rows(result.content)
    texts = [str(v) for row in rows for v in row if v is not None]
    assert texts[0] == "สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. 2567"
    assert "ข้อมูล ณ วันที่ 30 กันยายน 2567 นับตามเดือนที่รับเรื่อง ไม่มีข้อมูลที่ระบุตัวบุคคล" in texts
    header = rows.index(("เดือน", "จำนวนเรื่องทั้งหมด", "ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ"))
    body = rows[header + 1 :]
    assert len(body) == 13
    assert body[0] == ("ตุลาคม 2566", 1, 1, 0)
    assert body[1] == ("พฤศจิกายน 2566", 0, 0, 0)
    assert body[5] == ("มีนาคม 2567", 2, 0, 2)
    assert body[11] == ("กันยายน 2567", 0, 0, 0)
    assert body[12] == ("รวม", 3, 1, 2)
    assert not any(NIL_2567 in t or SECRET in t or "ลับมาก" in t for t in texts)


def test_the_pdf_of_a_year_with_reports_shows_the_counts_in_thai_numerals_with_a_buddhist_era_date(
    agency, committee
):
    _three_reports_one_closed(agency, committee)
    with time_machine.travel(datetime(2024, 9, 30, 12, tzinfo=BANGKOK), tick=False):
        result = _export(agency, "pdf")
    assert result.content_type == "application/pdf"
    text = _pdf_text(result.content)
    flat = " ".join(text.split())
    assert to_thai_digits("ประจำปีงบประมาณ พ.ศ. 2567") in flat
    assert "องค์การบริหารส่วนตำบลวังทอง" in flat
    assert to_thai_digits("ข้อมูล ณ วันที่ 30 กันยายน 2567") in flat
    assert to_thai_digits("ตุลาคม 2566") in flat and to_thai_digits("กันยายน 2567") in flat
    assert "ดำเนินการแล้วเสร็จ" in flat and "อยู่ระหว่างดำเนินการ" in flat
    assert "ไม่มีเรื่องร้องเรียน" not in flat
    assert "ลับมาก" not in flat and "เรียกรับเงิน" not in flat


def test_a_year_without_reports_says_so_in_both_files_with_its_twelve_zero_months(agency):
    with time_machine.travel(datetime(2023, 11, 1, 9, tzinfo=BANGKOK), tick=False):
        factories.recipient(agency, "early", Role.INTEGRITY_COMMITTEE)  # the channel opens in FY2567
    with time_machine.travel(datetime(2025, 5, 1, 9, tzinfo=BANGKOK), tick=False):
        pdf = _export(agency, "pdf")
        xlsx = _export(agency, "xlsx")
    assert to_thai_digits(NIL_2567) in " ".join(_pdf_text(pdf.content).split())
    rows = _xlsx_rows(xlsx.content)
    assert any(row[0] == NIL_2567 for row in rows)
    header = next(i for i, row in enumerate(rows) if row[0] == "เดือน")
    body = rows[header + 1 :]
    assert [row[1] for row in body] == [0] * 13 and body[-1][0] == "รวม"


def test_a_year_the_statistics_page_does_not_offer_is_refused_with_a_thai_message(agency, anon):
    with time_machine.travel(datetime(2025, 5, 1, 9, tzinfo=BANGKOK), tick=False):
        try:
            _export(agency, "pdf", fiscal_year=2560)
        except ExportError as exc:
            assert "ปีงบประมาณ 2560" in str(exc)
        else:
            raise AssertionError("a year before the channel opened must be refused")
        response = anon.get(f"{PDF}?fiscal_year=2560")
        assert response.status_code == 400
        assert "กรุณาเลือกปีที่หน้าสถิติแสดง" in response.content.decode()
        assert anon.get(f"{PDF}?fiscal_year=abc").status_code == 400
        assert anon.get("/documents/corruption-complaint-statistics.docx?fiscal_year=2568").status_code == 404


def test_the_statistics_page_links_both_files_and_anyone_downloads_them(agency, committee):
    _three_reports_one_closed(agency, committee)
    with time_machine.travel(datetime(2024, 9, 30, 12, tzinfo=BANGKOK), tick=False):
        anon = Client(HTTP_HOST=AGENCY_HOST)
        page = anon.get("/integrity/statistics/?year=2567").content.decode()
        assert f'href="{PDF}?fiscal_year=2567"' in page
        assert f'href="{XLSX}?fiscal_year=2567"' in page
        pdf = anon.get(f"{PDF}?fiscal_year=2567")
        xlsx = anon.get(f"{XLSX}?fiscal_year=2567")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf["X-Content-Type-Options"] == "nosniff"
    assert "corruption-complaint-statistics-2567.pdf" in pdf["Content-Disposition"]
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert ("รวม", 3, 1, 2) in _xlsx_rows(xlsx.content)


def test_another_agency_downloads_only_its_own_zeros(agency, other_agency, committee):
    _three_reports_one_closed(agency, committee)
    with time_machine.travel(datetime(2024, 9, 30, 12, tzinfo=BANGKOK), tick=False):
        other = Client(HTTP_HOST="other.test")
        response = other.get(f"{XLSX}?fiscal_year=2567")
    assert response.status_code == 200
    rows = _xlsx_rows(response.content)
    assert ("รวม", 0, 0, 0) in rows and any(row[0] == NIL_2567 for row in rows)


def test_the_fy2569_o18_files_check_passes_for_the_demo_agency(agency, admin_member, catalogues):
    users = {
        "committee": make_member(agency, "committee", Role.INTEGRITY_COMMITTEE),
        "custodian": make_member(agency, "custodian", Role.IDENTITY_CUSTODIAN),
        "officer": make_member(agency, "officer", Role.OFFICER),
    }
    with time_machine.travel(datetime(2026, 1, 15, 10, tzinfo=BANGKOK), tick=False), agency_scope(agency):
        demo.seed(DemoContext(agency=agency, admin=admin_member, users=users))
    with time_machine.travel(datetime(2026, 5, 1, 9, tzinfo=BANGKOK), tick=False), agency_scope(agency):
        state = readiness(agency, Catalogue.objects.get(code="2569"), as_of=date(2026, 4, 30))
    item = next(s for s in state.items if s.item.code == "O18")
    files = [e for e in item.elements if e.element.check_key == "files"]
    assert files and all(e.counts for e in files)
    assert item.status == Status.READY
    assert f"{PDF}?fiscal_year=2569" in item.urls and f"{XLSX}?fiscal_year=2569" in item.urls
