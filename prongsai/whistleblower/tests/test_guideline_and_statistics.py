"""The published guideline (with revisions) and the de-identified statistics per fiscal year and month."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import time_machine
from django.test import Client

from conftest import AGENCY_HOST
from prongsai.core.tenancy import agency_scope
from prongsai.core.thai import BANGKOK
from prongsai.whistleblower.tests import factories

from .conftest import submit, unlocked_client

GUIDELINE = {
    "title": "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "what_to_include": "ชื่อหรือตำแหน่งของผู้ถูกร้อง พฤติการณ์ ช่วงเวลา สถานที่ และหลักฐาน",
    "channels": "ช่องทางแจ้งเบาะแสออนไลน์ที่ /integrity/report/ หรือยื่นด้วยตนเอง",
    "steps": "รับเรื่อง ตรวจสอบข้อเท็จจริง แจ้งผล",
    "responsible_unit": "คณะทำงานด้านคุณธรรมและความโปร่งใส สำนักปลัด",
    "time_frame": "ตอบรับภายใน 3 วันทำการ แจ้งความคืบหน้าภายใน 15 วันทำการ",
}


def test_the_guideline_is_drafted_published_and_corrected_only_with_a_reason(agency, admin_client, anon):
    assert "ยังไม่ได้เผยแพร่แนวปฏิบัติ" in anon.get("/integrity/guideline/").content.decode()
    assert admin_client.post("/staff/integrity/guideline/", {**GUIDELINE, "title": ""}).status_code == 400
    assert admin_client.post("/staff/integrity/guideline/", GUIDELINE).status_code == 302
    assert anon.get("/integrity/guideline/").context["guideline"] is None, "a draft is not public"
    assert admin_client.post("/staff/integrity/guideline/publish/").status_code == 302
    page = anon.get("/integrity/guideline/").content.decode()
    assert "ตอบรับภายใน 3 วันทำการ" in page and "เผยแพร่ครั้งแรก" in page
    changed = {**GUIDELINE, "time_frame": "ตอบรับภายใน 5 วันทำการ"}
    assert admin_client.post("/staff/integrity/guideline/", changed).status_code == 400
    assert (
        admin_client.post("/staff/integrity/guideline/", {**changed, "reason": "ปรับตามคำสั่งใหม่"}).status_code
        == 302
    )
    page = anon.get("/integrity/guideline/").content.decode()
    assert "ตอบรับภายใน 5 วันทำการ" in page and "ปรับตามคำสั่งใหม่" in page


def test_the_guideline_is_not_shown_to_another_agency(agency, other_agency, admin_client):
    admin_client.post("/staff/integrity/guideline/", GUIDELINE)
    admin_client.post("/staff/integrity/guideline/publish/")
    other = Client(HTTP_HOST="other.test")
    assert other.get("/integrity/guideline/").context["guideline"] is None


def test_statistics_list_every_month_of_the_fiscal_year_with_explicit_zeros(agency, committee):
    for moment in [
        datetime(2023, 10, 3, 9, tzinfo=BANGKOK),
        datetime(2024, 3, 5, 9, tzinfo=BANGKOK),
        datetime(2024, 3, 20, 9, tzinfo=BANGKOK),
    ]:
        with time_machine.travel(moment, tick=False), agency_scope(agency):
            factories.report(agency)
    staff = unlocked_client(committee)
    handle = staff.get("/staff/integrity/").context["rows"][-1][0]  # the October report
    staff.post(f"/staff/integrity/reports/{handle}/action/", {"action": "close", "outcome": "insufficient"})
    with time_machine.travel(datetime(2024, 9, 30, 12, tzinfo=BANGKOK), tick=False):
        anon = Client(HTTP_HOST=AGENCY_HOST)
        response = anon.get("/integrity/statistics/?year=2567")
        stats = response.context["stats"]
        assert [m.total for m in stats.months] == [1, 0, 0, 0, 0, 3 - 1, 0, 0, 0, 0, 0, 0]
        assert (stats.total, stats.completed, stats.in_progress) == (3, 1, 2)
        page = response.content.decode()
        assert "ตุลาคม 2566" in page and "กันยายน 2567" in page
        rows = list(
            csv.reader(
                io.StringIO(anon.get("/integrity/statistics.csv?year=2567").content.decode("utf-8-sig"))
            )
        )
    assert rows[0] == ["ปีงบประมาณ", "เดือน", "จำนวนเรื่องทั้งหมด", "ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ"]
    assert len(rows) == 14 and rows[-1] == ["2567", "รวม", "3", "1", "2"]
    assert rows[2] == ["2567", "พฤศจิกายน 2566", "0", "0", "0"]


def test_statistics_carry_nothing_but_counts_and_another_agency_counts_nothing(
    agency, other_agency, committee
):
    submit(Client(HTTP_HOST=AGENCY_HOST), what="ลับมาก-สถิติ")
    page = Client(HTTP_HOST=AGENCY_HOST).get("/integrity/statistics/").content.decode()
    assert "ลับมาก" not in page
    other = Client(HTTP_HOST="other.test").get("/integrity/statistics/")
    assert other.context["stats"].total == 0


def test_an_unknown_year_falls_back_to_the_current_one(agency, anon):
    response = anon.get("/integrity/statistics/?year=abc")
    assert response.status_code == 200
