"""Public pages (plan, announcements, register with filters and Thai search, downloads) and the staff forms:
only published rows, natural persons masked, bad input answered in Thai, another agency sees nothing."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from prongsai.core.demo_images import document_pdf
from prongsai.core.models import Revision
from prongsai.procurement import services, services_plan
from prongsai.procurement.models import AnnouncementKind, EgpStatus, Method, Procurement
from prongsai.procurement.tests.factories import COMPANY, PERSON, profile_without_review, publish, row, tax_id


@pytest.fixture
def register_rows(scoped, admin_member):
    agency = scoped
    profile_without_review(agency, admin_member)
    road = row(
        agency,
        admin_member,
        title="ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ ๓",
        method=Method.E_BIDDING,
        egp_project_no="67019000001",
        budget=Decimal("1500000"),
        agreed_price=Decimal("1250000"),
        contract_signed_on=date(2024, 1, 15),
    )
    milk = row(
        agency,
        admin_member,
        title="จัดซื้ออาหารเสริม (นม) โรงเรียน",
        vendor_tax_id=tax_id("036554001345"),
        vendor_name="สหกรณ์โคนมชัยภูมิ จำกัด",
        contract_signed_on=date(2024, 5, 2),
        egp_status=EgpStatus.COMPLETED,
    )
    person = row(
        agency,
        admin_member,
        title="ซื้อวัสดุไฟฟ้า",
        vendor_tax_id=PERSON,
        vendor_name="นายประสิทธิ์ ไฟฟ้า",
        contract_signed_on=date(2024, 1, 20),
    )
    publish(agency, admin_member, road, milk, person)
    draft = row(agency, admin_member, title="ร่างลับยังไม่เผยแพร่", contract_signed_on=date(2024, 1, 22))
    return {"road": road, "milk": milk, "person": person, "draft": draft}


_THAI = re.compile(r"[\u0e00-\u0e7f]")


def titles(response) -> set[str]:
    html = response.content.decode()
    return {t for t in ("ก่อสร้างถนน", "อาหารเสริม (นม)", "ซื้อวัสดุไฟฟ้า", "ร่างลับ") if t in html}


def test_the_register_filters_by_month_method_status_and_vendor(register_rows, anon):
    assert titles(anon.get("/procurement/register/")) == {"ก่อสร้างถนน", "อาหารเสริม (นม)", "ซื้อวัสดุไฟฟ้า"}
    assert titles(anon.get("/procurement/register/?fy=2567&month=2024-01")) == {"ก่อสร้างถนน", "ซื้อวัสดุไฟฟ้า"}
    assert titles(anon.get("/procurement/register/?method=e_bidding")) == {"ก่อสร้างถนน"}
    assert titles(anon.get("/procurement/register/?status=completed")) == {"อาหารเสริม (นม)"}
    vendor = register_rows["milk"].vendor.public_id
    assert titles(anon.get(f"/procurement/register/?vendor={vendor}")) == {"อาหารเสริม (นม)"}


def test_thai_search_finds_words_inside_compounds_and_thai_digits(register_rows, anon):
    assert titles(anon.get("/procurement/register/?q=คอนกรีต")) == {"ก่อสร้างถนน"}
    assert titles(anon.get("/procurement/register/?q=หมู่ที่ 3")) == {"ก่อสร้างถนน"}
    assert titles(anon.get("/procurement/register/?q=นม สหกรณ์")) == {"อาหารเสริม (นม)"}
    assert titles(anon.get("/procurement/register/?q=67019000001")) == {"ก่อสร้างถนน"}
    assert "ไม่พบรายการที่ตรงกับตัวกรอง" in anon.get("/procurement/register/?q=ร่างลับ").content.decode()


def test_bad_filters_are_reported_not_a_500(register_rows, anon):
    response = anon.get("/procurement/register/?method=auction&month=2099-13")
    assert response.status_code == 400
    html = response.content.decode()
    assert "auction ไม่ใช่ตัวเลือกที่ใช้ได้" in html  # Django's Thai message, next to the field
    assert "พบ 3 รายการ" in html  # the invalid filters are ignored and every published row is shown


def test_a_natural_persons_id_is_masked_on_every_public_page_and_download(register_rows, anon):
    person = register_rows["person"]
    pages = [
        anon.get(f"/procurement/register/{person.public_id}/").content.decode(),
        b"".join(anon.get("/procurement/register.csv").streaming_content).decode("utf-8-sig"),
        anon.get("/procurement/reports/progress/?as_of=2024-09-30").content.decode(),
    ]
    for html in pages:
        assert PERSON not in html
        assert f"{PERSON[0]}-xxxx-xxxxx-{PERSON[10:12]}-{PERSON[12]}" in html
    assert "0-1055-50123-45" in pages[1]  # a company's ID is published in full
    book = load_workbook(io.BytesIO(anon.get("/procurement/register.xlsx").content))
    assert PERSON not in str(list(book.active.iter_rows(values_only=True)))


def test_downloads_follow_the_filters_and_hold_only_published_rows(register_rows, anon):
    answer = anon.get("/procurement/register.csv?method=e_bidding")
    assert 'filename="procurement-register-filtered.csv"' in answer["Content-Disposition"]
    body = b"".join(answer.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0][2] == "งานที่ซื้อหรือจ้าง" and len(rows) == 2
    assert all(_THAI.search(label) for label in rows[0][1:])  # every column is headed in Thai
    # Dates as the page shows them, in the Buddhist era.
    assert rows[1][11] == "67019000001" and rows[1][13] == "15 ม.ค. 2567"
    assert rows[1][15] == ""  # no prefix registered for the agency: no ocid rather than a made-up one
    book = load_workbook(io.BytesIO(anon.get("/procurement/register.xlsx").content))
    assert book.active.max_row == 4
    assert "ร่างลับ" not in str(list(book.active.iter_rows(values_only=True)))
    # In the XLSX a date stays a date (it sorts and filters) and is shown in the Thai Buddhist calendar.
    signed = next(row[13] for row in book.active.iter_rows(min_row=2) if row[11].value == "67019000001")
    assert signed.is_date and signed.value.date() == date(2024, 1, 15)
    assert signed.number_format == "[$-107041E]d mmm yyyy"


def test_a_download_is_named_after_its_year_and_month(register_rows, anon):
    answer = anon.get("/procurement/register.xlsx?fy=2567&month=2024-01")
    assert 'filename="procurement-register-fy2567-2567-01.xlsx"' in answer["Content-Disposition"]
    assert (
        'filename="procurement-register.csv"' in anon.get("/procurement/register.csv")["Content-Disposition"]
    )


def test_a_month_can_be_chosen_before_a_year(register_rows, anon):
    page = anon.get("/procurement/register/").content.decode()
    assert '<optgroup label="ปีงบประมาณ 2567">' in page and '<option value="2024-01">' in page
    assert titles(anon.get("/procurement/register/?month=2024-01")) == {"ก่อสร้างถนน", "ซื้อวัสดุไฟฟ้า"}


def test_a_draft_is_not_public_and_another_agency_sees_nothing(register_rows, anon, outsider_client):
    draft = register_rows["draft"]
    assert anon.get(f"/procurement/register/{draft.public_id}/").status_code == 404
    assert anon.get("/procurement/register/not-a-uuid/").status_code == 404
    from django.test import Client

    other = Client(HTTP_HOST="other.test")
    assert titles(other.get("/procurement/register/")) == set()
    assert other.get(f"/procurement/register/{register_rows['road'].public_id}/").status_code == 404
    assert outsider_client.get(f"/procurement/staff/register/{draft.pk}/").status_code == 403


def test_the_plan_page_announces_when_nothing_is_above_500000_baht(scoped, admin_member, anon):
    plan = services_plan.plan_create(
        agency=scoped,
        acting_user=admin_member,
        fiscal_year=2569,
        title="แผน 2569",
        budget_approved_on=date(2025, 9, 15),
    )
    services_plan.plan_item_add(
        plan=plan,
        acting_user=admin_member,
        title="จัดซื้อวัสดุสำนักงาน",
        budget=Decimal("120000"),
        budget_source="ข้อบัญญัติ",
        method=Method.SPECIFIC,
        expected_start=date(2025, 11, 17),
    )
    assert anon.get("/procurement/plan/2569/").status_code == 404
    services_plan.plan_publish(plan=plan, acting_user=admin_member)
    html = anon.get("/procurement/plan/2569/").content.decode()
    assert "ไม่มีการจัดซื้อจัดจ้างที่มีวงเงินเกิน 500,000.00 บาท" in html
    assert "พฤศจิกายน 2568" in html and "(๕) ช่วงเวลาที่คาดว่าจะเริ่มดำเนินการ" in html
    with pytest.raises(Exception, match="ระบุเหตุผล"):
        services_plan.plan_item_add(
            plan=plan,
            acting_user=admin_member,
            title="งานใหญ่",
            budget=Decimal("900000"),
            budget_source="ข้อบัญญัติ",
            method=Method.E_BIDDING,
            expected_start=date(2026, 1, 1),
        )
    services_plan.plan_item_add(
        plan=plan,
        acting_user=admin_member,
        title="ก่อสร้างอาคาร",
        budget=Decimal("900000"),
        budget_source="ข้อบัญญัติ",
        method=Method.E_BIDDING,
        expected_start=date(2026, 1, 1),
        reason="เพิ่มรายการตามข้อบัญญัติเพิ่มเติม",
    )
    html = anon.get("/procurement/plan/2569/").content.decode()
    assert "ไม่มีการจัดซื้อจัดจ้างที่มีวงเงินเกิน" not in html and "เพิ่มรายการตามข้อบัญญัติเพิ่มเติม" in html


def test_announcements_are_published_with_their_documents(register_rows, scoped, admin_member, anon):
    road = register_rows["road"]
    item = services_plan.announcement_create(
        agency=scoped,
        acting_user=admin_member,
        kind=AnnouncementKind.WINNER,
        title="ประกาศผู้ชนะ ก่อสร้างถนน",
        procurement=road,
        fiscal_year=2567,
        announced_on=date(2024, 1, 5),
    )
    assert item.egp_project_no == "67019000001"
    services_plan.announcement_attach(
        announcement=item,
        acting_user=admin_member,
        upload=SimpleUploadedFile("win.pdf", document_pdf("winner")),
        title="ประกาศ",
    )
    attachment = item.attachments.get()
    assert anon.get(f"/procurement/files/{attachment.public_id}/").status_code == 404  # not yet published
    services_plan.announcement_publish(announcement=item, acting_user=admin_member)
    listing = anon.get("/procurement/announcements/?kind=winner").content.decode()
    assert "ประกาศผู้ชนะ ก่อสร้างถนน" in listing
    detail = anon.get(f"/procurement/announcements/{item.public_id}/").content.decode()
    assert "67019000001" in detail
    response = anon.get(f"/procurement/files/{attachment.public_id}/")
    assert (
        response.status_code == 200 and response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    )


# --- staff forms ------------------------------------------------------------------------------------------


def test_a_staff_form_with_bad_input_answers_400_in_thai_and_keeps_the_input(admin_client, agency):
    response = admin_client.post(
        "/procurement/staff/register/new/",
        {
            "fiscal_year": "2567",
            "title": "ซื้อวัสดุ",
            "budget": "abc",
            "budget_source": "ข้อบัญญัติ",
            "egp_status": "under_contract",
            "method": "specific",
            "category": "goods",
            "vendor_tax_id": "0105550123450",
            "vendor_name": "บริษัท ก",
            "contract_signed_on": "31/02/2567",
        },
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "เลขประจำตัว 13 หลักไม่ถูกต้อง" in html and "ไม่มีวันที่" in html
    assert 'value="ซื้อวัสดุ"' in html


def test_staff_create_edit_and_revise_with_a_reason(admin_client, agency, admin_member, in_scope):
    data = {
        "fiscal_year": "2567",
        "title": "ซื้อวัสดุ",
        "budget": "10000",
        "budget_source": "ข้อบัญญัติ",
        "egp_status": "under_contract",
        "method": "specific",
        "category": "goods",
        "agreed_price": "9500",
        "vendor_tax_id": COMPANY,
        "vendor_name": "บริษัท ก จำกัด",
        "contract_signed_on": "15/01/2567",
        "egp_project_no": "67019000009",
    }
    response = admin_client.post("/procurement/staff/register/new/", data)
    assert response.status_code == 302
    with in_scope(agency):
        item = Procurement.objects.get()
        profile_without_review(agency, admin_member)
        services.procurement_publish_many(agency=agency, acting_user=admin_member, ids=[item.pk])
    edit = f"/procurement/staff/register/{item.pk}/"
    no_reason = admin_client.post(edit, {**data, "agreed_price": "9000"})
    assert no_reason.status_code == 400 and "กรุณาระบุเหตุผลของการแก้ไข" in no_reason.content.decode()
    assert (
        admin_client.post(edit, {**data, "agreed_price": "9000", "reason": "แก้ไขราคาตามสัญญา"}).status_code
        == 302
    )
    with in_scope(agency):
        item.refresh_from_db()
        assert item.agreed_price == Decimal("9000.00") and item.revision_count == 2
        assert Revision.objects.get(record_id=item.pk, number=2).reason == "แก้ไขราคาตามสัญญา"
    duplicate = admin_client.post("/procurement/staff/register/new/", data)
    assert duplicate.status_code == 400 and "เลขที่โครงการนี้แล้ว" in duplicate.content.decode()


def test_an_amendment_before_signing_is_refused_in_thai(admin_client, agency, admin_member, in_scope):
    with in_scope(agency):
        item = row(agency, admin_member, contract_signed_on=date(2024, 1, 15))
    response = admin_client.post(
        f"/procurement/staff/register/{item.pk}/amendments/",
        {
            "amendment-signed_on": "01/01/2567",
            "amendment-description": "ขยายเวลา",
        },
    )
    assert response.status_code == 400
    assert "วันที่แก้ไขสัญญาต้องไม่ก่อนวันที่ลงนามในสัญญา" in response.content.decode()


def test_the_officer_cannot_publish_or_change_settings(staff_client, agency):
    assert staff_client.post("/procurement/staff/register/publish/", {"fiscal_year": 2567}).status_code == 403
    assert staff_client.get("/procurement/staff/settings/").status_code == 403
    assert staff_client.get("/procurement/staff/register/").status_code == 200


def test_settings_refuse_a_malformed_ocid_prefix(admin_client, agency):
    from prongsai.procurement import parameters

    data = {f"param_{d.key}": str(d.default) for d in parameters.DEFINITIONS}
    data.update({"ocid_prefix": "ocds-bad", "ministry": "มหาดไทย", "agency_type_label": "อปท."})
    response = admin_client.post("/procurement/staff/settings/", data)
    assert response.status_code == 400
    assert (
        "คำนำหน้ารหัส OCDS ต้องขึ้นต้นด้วย ocds- ตามด้วยอักษร 6 ตัวที่ลงทะเบียนไว้ เช่น ocds-213czf-wangthong"
        in response.content.decode()
    )


def test_the_filter_offers_the_years_and_the_vendors_of_published_rows(
    register_rows, scoped, admin_member, anon
):
    from prongsai.procurement import selectors

    agency = scoped
    earlier = row(
        agency,
        admin_member,
        title="ซ่อมแซมอาคารเรียน",
        fiscal_year=2566,
        vendor_tax_id=tax_id("036554009999"),
        vendor_name="หจก. ช่างดี",
        contract_signed_on=date(2023, 3, 1),
    )
    publish(agency, admin_member, earlier)
    row(
        agency,
        admin_member,
        title="ร่าง",
        fiscal_year=2565,
        vendor_tax_id=tax_id("036554008888"),
        vendor_name="ผู้ขายในร่าง",
        contract_signed_on=date(2022, 3, 1),
    )
    cancelled = row(
        agency,
        admin_member,
        title="ยกเลิกแล้ว",
        vendor_tax_id=tax_id("036554001345"),
        vendor_name="สหกรณ์โคนมชัยภูมิ จำกัด",
        egp_status=EgpStatus.CANCELLED,
        budget=Decimal("70000.00"),
    )
    publish(agency, admin_member, cancelled)
    choices = selectors.register_choices(agency)
    assert choices.years == [2567, 2566]  # no year of a draft
    # The totals that come with the choices are the register's own, for every year and for all years.
    for year in (2567, 2566, 2565, None):
        flt = selectors.RegisterFilter(fiscal_year=year)
        assert choices.totals(year) == selectors.totals(selectors.register(agency, flt))
    assert choices.totals(2567).cancelled == 1 and choices.totals(None).count == 4
    assert selectors.RegisterFilter(fiscal_year=2567).year_only and selectors.RegisterFilter().year_only
    assert not selectors.RegisterFilter(fiscal_year=2567, method=Method.SPECIFIC).year_only
    names_2567 = [name for _id, name in choices.vendors(2567)]
    assert sorted(names_2567) == sorted(["บริษัท ทดสอบ จำกัด", "สหกรณ์โคนมชัยภูมิ จำกัด", "นายประสิทธิ์ ไฟฟ้า"])
    assert [name for _id, name in choices.vendors(2566)] == ["หจก. ช่างดี"]
    assert len(choices.vendors(None)) == 4 and "ผู้ขายในร่าง" not in dict(choices.vendors(None)).values()
    # The page offers the same: every vendor without a year, the year's vendors with one.
    page = anon.get("/procurement/register/?fy=2566").content.decode()
    assert "หจก. ช่างดี" in page and "สหกรณ์โคนมชัยภูมิ" not in page
    assert "สหกรณ์โคนมชัยภูมิ" in anon.get("/procurement/register/").content.decode()


def test_the_first_page_read_once_built_is_the_querysets_page(register_rows, scoped):
    """The first page of the whole register or of a year is read by a TenantQuery (core/prepared.py); it
    must be the page the queryset gives, with the same link to the next page."""
    from django.http import QueryDict

    from prongsai.procurement import selectors

    url_name = "procurement:procurement_detail"
    for per_page in (2, 50):
        for year in (None, 2567, 2566):
            flt = selectors.RegisterFilter(fiscal_year=year)
            params = QueryDict("" if year is None else f"fy={year}")
            prepared = selectors.published_register_page(scoped, flt, params, per_page, url_name=url_name)
            plain = selectors.register_page(
                selectors.register(scoped, flt), params, per_page, url_name=url_name
            )
            assert prepared == plain
    found, lines = selectors.published_register_page(
        scoped, selectors.RegisterFilter(), QueryDict(""), 2, url_name=url_name
    )
    assert len(lines) == 2 and found.next_query is not None and found.previous_query is None


def test_the_filter_choices_are_summed_from_the_index_alone(register_rows, scoped):
    """The choices and totals of every uncached register page are read from procurement_register_sums
    without the table's rows (ADR 0131); a change to the query or the index that loses this shows here."""
    from django.db import connection

    from prongsai.procurement import selectors

    if connection.vendor != "sqlite":
        pytest.skip("the plan is SQLite's; PostgreSQL chooses by its statistics")
    compiled = selectors._CHOICES._for("default")
    params = [scoped.pk if name else constant for name, constant in compiled.slots]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {compiled.sql}", params)
        plan = " | ".join(str(row[-1]) for row in cursor.fetchall())
    assert "USING COVERING INDEX procurement_register_sums" in plan, plan
    assert "GROUP BY" not in plan, plan  # the index's order is the grouping's: no temporary tree for it
