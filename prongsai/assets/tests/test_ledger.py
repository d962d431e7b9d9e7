"""Importing the XLSX ledger: each row's problems in Thai, all or nothing, idempotent."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from prongsai.assets import services
from prongsai.assets.models import Asset
from prongsai.core.models import AuditEvent

HEADER = ["รหัสครุภัณฑ์", "ชื่อ ยี่ห้อ และรุ่น", "วันที่ได้มา", "ราคาที่ได้มา (บาท)", "แหล่งเงิน", "ส่วนงานที่ดูแล", "สภาพ"]
GOOD_ROWS = [
    [
        "416-66-0001",
        "เครื่องคอมพิวเตอร์ตั้งโต๊ะ",
        "15/03/2566",
        "17,000.00",
        "เงินอุดหนุนทั่วไป",
        "สำนักปลัด",
        "ใช้งานได้ปกติ",
    ],
    ["๔๑๖-๖๖-๐๐๐๒", "เครื่องคอมพิวเตอร์โน้ตบุ๊ก", "1 เม.ย. 2566", "22000", "", "สำนักปลัด", "ชำรุด"],
]


def _xlsx(rows: list[list[str]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["ทะเบียนครุภัณฑ์ อบต.วังทอง"])  # a title line above the header
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_clean_ledger_is_imported_once_and_again_adds_nothing(
    agency, member, computer_type, unit, in_scope
):
    content = _xlsx(GOOD_ROWS)
    with in_scope(agency):
        preview = services.ledger_import(agency=agency, acting_user=member, content=content, commit=False)
        assert (preview.new, preview.imported, Asset.objects.filter(agency=agency).count()) == (2, False, 0)
        done = services.ledger_import(agency=agency, acting_user=member, content=content, commit=True)
        again = services.ledger_import(agency=agency, acting_user=member, content=content, commit=True)
        codes = sorted(Asset.objects.filter(agency=agency).values_list("code", "condition"))
        events = AuditEvent.objects.filter(agency=agency, action="assets.ledger.imported").count()
    assert (done.new, again.new, again.unchanged) == (2, 0, 2)
    assert codes == [("416-66-0001", "good"), ("416-66-0002", "damaged")]
    assert events == 1


def test_one_bad_row_stops_the_whole_file_and_every_problem_is_named_in_thai(
    agency, member, computer_type, unit, in_scope
):
    rows = [
        *GOOD_ROWS,
        ["999-66-0001", "โต๊ะ", "31/02/2566", "ฟรี", "", "กองไม่มี", ""],
        ["416-66-0001", "ซ้ำ", "1/1/2566", "100", "", "สำนักปลัด", ""],
    ]
    with in_scope(agency):
        result = services.ledger_import(agency=agency, acting_user=member, content=_xlsx(rows), commit=True)
        assert Asset.objects.filter(agency=agency).count() == 0
    problems = {row.line: " ".join(row.problems) for row in result.problems}
    assert set(problems) == {5, 6}
    assert "ไม่มีประเภทครุภัณฑ์รหัส 999" in problems[5]
    assert "ไม่มีวันที่" in problems[5] and "ไม่ใช่จำนวนเงิน" in problems[5] and "กองไม่มี" in problems[5]
    assert "ซ้ำกับแถวที่ 3" in problems[6]


def test_the_import_page_shows_the_problems_and_refuses_a_file_that_is_not_xlsx(
    staff_client, computer_type, unit
):
    bad = SimpleUploadedFile("ledger.xlsx", b"not a spreadsheet")
    response = staff_client.post("/staff/assets/import/", {"file": bad, "action": "preview"})
    assert response.status_code == 400
    assert "อ่านไฟล์ไม่ได้" in response.content.decode()
    rows = [["416-66-0009", "โต๊ะ", "1/1/2566", "ฟรี", "", "สำนักปลัด", ""]]
    upload = SimpleUploadedFile("ledger.xlsx", _xlsx(rows))
    response = staff_client.post("/staff/assets/import/", {"file": upload, "action": "import"})
    assert response.status_code == 400
    assert "ไม่ใช่จำนวนเงิน" in response.content.decode()
