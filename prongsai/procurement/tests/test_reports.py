"""The official reports: the 12-field progress report as of a date, สขร.1, the FY2568 16-column data set and
the annual summary, with explicit "ไม่มีการจัดซื้อจัดจ้าง" rows; printable pages and XLSX files."""

from __future__ import annotations

import io
import re
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from prongsai.procurement import reports, selectors, services
from prongsai.procurement.tests.factories import COMPANY, PERSON, fy2567_register

SEED_TWELVE = (
    "(๑) งานที่ซื้อหรือจ้าง (๒) วงเงินงบประมาณที่ได้รับจัดสรร (บาท) (๓) แหล่งที่มาของงบประมาณ "
    "(๔) สถานะการจัดซื้อจัดจ้างฯ (๕) วิธีการจัดซื้อจัดจ้างฯ (๖) ราคากลาง (บาท) (๗) ราคาที่ตกลงซื้อหรือจ้าง (บาท) "
    "(๘) เลขประจำตัวผู้เสียภาษี/เลขประจำตัวประชาชนของผู้ประกอบการที่ได้รับการคัดเลือก "
    "(๙) รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก (๑๐) เลขที่โครงการ (๑๑) วันที่ลงนามในสัญญา (๑๒) วันสิ้นสุดสัญญา"
)


@pytest.fixture
def year(scoped, admin_member):
    """FY2567: contracts in October, January (two), March and May; one cancelled, one unsigned, one draft."""
    agency = scoped
    rows, draft = fy2567_register(agency, admin_member, with_march=True)
    services.bidder_add(
        procurement=rows[1],
        acting_user=admin_member,
        name="บริษัท ทดสอบ จำกัด",
        price=Decimal("1250000"),
        tax_id=COMPANY,
        is_winner=True,
        reason="เพิ่มผู้เสนอราคา",
    )
    services.bidder_add(
        procurement=rows[1],
        acting_user=admin_member,
        name="หจก. คู่แข่ง",
        price=Decimal("1300000"),
        reason="เพิ่มผู้เสนอราคา",
    )
    return {"rows": rows, "draft": draft, "agency": agency}


def test_the_progress_report_as_of_31_march_2567_lists_the_12_fields_of_every_signed_contract(year):
    report = reports.progress_report(year["agency"], date(2024, 3, 31))
    assert " ".join(report.columns) == SEED_TWELVE
    assert [m.label for m in report.months] == [
        "ตุลาคม 2566",
        "พฤศจิกายน 2566",
        "ธันวาคม 2566",
        "มกราคม 2567",
        "กุมภาพันธ์ 2567",
        "มีนาคม 2567",
    ]
    titles = [r.title for m in report.months for r in m.rows]
    assert titles == ["ซื้อน้ำมันเชื้อเพลิง", "ก่อสร้างถนน คสล. หมู่ที่ 3", "ซื้อวัสดุไฟฟ้า", "จ้างซ่อมรถขยะ"]
    assert [m.is_empty for m in report.months] == [False, True, True, False, True, False]
    road = report.months[3].rows[0]
    assert road.values() == [
        "ก่อสร้างถนน คสล. หมู่ที่ 3",
        Decimal("1500000.00"),
        "เงินงบประมาณรายจ่ายประจำปี",
        "อยู่ระหว่างระยะสัญญา",
        "วิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)",
        Decimal("1480000.00"),
        Decimal("1250000.00"),
        "0-1055-50123-45-" + COMPANY[-1],
        "บริษัท ทดสอบ จำกัด",
        "67019000001",
        date(2024, 1, 15),
        date(2024, 5, 15),
    ]
    # As of 31 March the fuel contract (ended 30 Oct) has ended; the natural person's ID is masked.
    assert report.months[0].rows[0].status == "สิ้นสุดระยะสัญญา"
    assert report.months[3].rows[1].vendor_tax_id.startswith(PERSON[0] + "-xxxx-xxxxx-")
    assert report.count == 4 and report.total_agreed == Decimal("1359000.00")


def test_the_progress_page_and_its_xlsx_show_nil_months_and_mask_persons(year, anon):
    html = anon.get("/procurement/reports/progress/?as_of=31 มีนาคม 2567").content.decode()
    assert "ข้อมูล ณ วันที่ 31 มีนาคม 2567" in html
    assert html.count("ไม่มีการจัดซื้อจัดจ้าง") == 3
    assert PERSON not in html and "ร่างที่ยังไม่เผยแพร่" not in html
    response = anon.get("/procurement/reports/progress/?as_of=2024-03-31&format=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [c for r in sheet.iter_rows(values_only=True) for c in r if c is not None]
    assert "(๘) เลขประจำตัวผู้เสียภาษี/เลขประจำตัวประชาชนของผู้ประกอบการที่ได้รับการคัดเลือก" in values
    assert values.count("ไม่มีการจัดซื้อจัดจ้าง") == 3
    assert "15 มกราคม 2567" in values and PERSON not in [str(v) for v in values]


def test_a_bad_as_of_date_is_a_400_in_thai(year, anon):
    response = anon.get("/procurement/reports/progress/?as_of=31 ก.พ. 2567")
    assert response.status_code == 400
    assert "ไม่มีวันที่" in response.content.decode()


def test_sorkhor1_lists_bidders_and_says_so_when_a_month_has_no_procurement(year, anon):
    january = reports.sorkhor1(year["agency"], 2024, 1)
    assert len(january.columns) == 9
    road = january.rows[0]
    assert road.bidders == [("บริษัท ทดสอบ จำกัด", Decimal("1250000.00")), ("หจก. คู่แข่ง", Decimal("1300000.00"))]
    assert road.contract_text == "เลขที่ 1/2567 ลงวันที่ 15 มกราคม 2567"
    assert reports.sorkhor1(year["agency"], 2024, 2).is_empty  # only a draft was signed in February
    html = anon.get("/procurement/reports/sorkhor1/2567/2/").content.decode()
    assert "ไม่มีการจัดซื้อจัดจ้าง" in html and "ร่างที่ยังไม่เผยแพร่" not in html
    workbook = load_workbook(io.BytesIO(anon.get("/procurement/reports/sorkhor1/2567/?format=xlsx").content))
    assert len(workbook.sheetnames) == 12
    february = [c for r in workbook["02-2567"].iter_rows(values_only=True) for c in r if c]
    assert "ไม่มีการจัดซื้อจัดจ้าง" in february


def test_the_fy2568_data_set_has_16_columns_and_every_row_of_the_year(year, anon):
    data = reports.dataset16(year["agency"], 2567)
    assert len(data.columns) == 16 and data.columns[-1] == "เลขที่โครงการในระบบ e-GP"
    assert len(data.rows) == 7 and all(len(r) == 16 for r in data.rows)
    assert data.rows[0][5] == "มหาดไทย" and data.rows[0][6] == "องค์กรปกครองส่วนท้องถิ่น"
    half = reports.dataset16(year["agency"], 2567, date(2024, 3, 31))
    assert len(half.rows) == 6  # the May contract is after 31 March
    empty = reports.dataset16(year["agency"], 2566)
    assert empty.rows[0][7] == "ไม่มีการจัดซื้อจัดจ้าง"
    sheet = load_workbook(
        io.BytesIO(anon.get("/procurement/reports/dataset/2567/?format=xlsx").content)
    ).active
    header = list(next(r for r in sheet.iter_rows(values_only=True) if r[0] == "ที่"))
    assert header == list(reports.DATASET16_COLUMNS)


def test_the_annual_summary_totals_equal_the_register(year, anon, admin_member):
    agency = year["agency"]
    summary = reports.annual_summary(agency, 2567)
    register = selectors.totals(selectors.register(agency, selectors.RegisterFilter(fiscal_year=2567)))
    assert summary.total == register
    assert summary.total.count == sum(line.count for line in summary.by_method) == 6
    assert (
        summary.total.agreed
        == sum((line.agreed for line in summary.by_method), Decimal(0))
        == Decimal("1759000.00")
    )
    assert summary.total.cancelled == 1
    assert summary.unsigned == 1
    assert sum(1 for line in summary.by_month if line.count == 0) == 8
    # The same totals appear on the public register page and the printable report.
    page = anon.get("/procurement/register/?fy=2567").content.decode()
    assert "พบ 6 รายการ" in page and "1,759,000.00" in page
    annual = anon.get("/procurement/reports/annual/2567/").content.decode()
    assert re.search(r'id="total-count">6<', annual) and re.search(r'id="total-agreed">1,759,000.00<', annual)
    book = load_workbook(io.BytesIO(anon.get("/procurement/reports/annual/2567/?format=xlsx").content))
    total_row = next(r for r in book["สรุปตามวิธี"].iter_rows(values_only=True) if r[0] == "รวม")
    assert total_row[1] == 6 and Decimal(str(total_row[3])) == Decimal("1759000")


def test_problems_and_suggestions_appear_once_published(year, anon, admin_member):
    from prongsai.procurement import services_plan

    note = services_plan.annual_note_save(
        agency=year["agency"],
        acting_user=admin_member,
        fiscal_year=2567,
        problems="เจ้าหน้าที่น้อย",
        suggestions="อบรมเพิ่ม",
    )
    assert "เจ้าหน้าที่น้อย" not in anon.get("/procurement/reports/annual/2567/").content.decode()
    services_plan.annual_note_publish(note=note, acting_user=admin_member)
    page = anon.get("/procurement/reports/annual/2567/").content.decode()
    assert "เจ้าหน้าที่น้อย" in page and "อบรมเพิ่ม" in page
