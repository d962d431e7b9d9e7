"""Every back-office page of procurement through HTTP: it does its job, bad input gets a Thai message on the
page with nothing saved, a role without the capability gets 403, and a record of another agency is a 404."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from prongsai.core.models import AuditEvent, PublicationStatus, Revision
from prongsai.procurement import services_plan
from prongsai.procurement.models import (
    Announcement,
    AnnualReportNote,
    Bidder,
    ContractAmendment,
    ImportBatch,
    PlanItem,
    Procurement,
    ProcurementParameter,
    ProcurementPlan,
    RedFlagReview,
)
from prongsai.procurement.tests.factories import (
    COMPANY,
    announcement,
    bidder,
    pdf_upload,
    plan,
    plan_item,
    profile_without_review,
    publish,
    row,
)

ROW_FORM = {
    "fiscal_year": "2567",
    "title": "ซื้อวัสดุสำนักงาน",
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


def page(response) -> str:
    return response.content.decode()


def error_messages(response) -> list[str]:
    """The error messages at the top of the page (a service's refusal that belongs to no field)."""
    listed = re.findall(r'<ul class="messages">(.*?)</ul>', page(response), re.S)
    return [
        re.sub(r"<[^>]+>", "", item).strip()
        for item in re.findall(r'<li class="[^"]*error[^"]*">(.*?)</li>', "".join(listed), re.S)
    ]


def form_errors(response) -> list[str]:
    """The lines of the error summaries at the top of the page's forms (field errors as "label: message")."""
    summaries = re.findall(r'<div class="error-summary"[^>]*>.*?<ul>(.*?)</ul>', page(response), re.S)
    return [
        re.sub(r"<[^>]+>", "", item).strip()
        for item in re.findall(r"<li>(.*?)</li>", "".join(summaries), re.S)
    ]


def field_errors(response) -> list[str]:
    """The messages the page shows next to the form's fields."""
    return re.findall(
        r"<li>(.*?)</li>", "".join(re.findall(r'<ul class="errorlist[^>]*>(.*?)</ul>', page(response)))
    )


@pytest.fixture
def draft(scoped, admin_member) -> Procurement:
    return row(scoped, admin_member, title="ซื้อน้ำมันเชื้อเพลิง", egp_project_no="67019000001")


@pytest.fixture
def published(scoped, admin_member) -> Procurement:
    profile_without_review(scoped, admin_member)
    item = row(scoped, admin_member, title="จ้างซ่อมรถบรรทุกขยะ", egp_project_no="67019000002")
    publish(scoped, admin_member, item)
    item.refresh_from_db()
    return item


@pytest.fixture
def foreign(other_agency, outsider, in_scope):
    """A draft row, plan, announcement and import of the *other* agency."""
    with in_scope(other_agency):
        return {
            "row": row(other_agency, outsider, title="ของหน่วยงานอื่น"),
            "plan": plan(other_agency, outsider),
            "announcement": announcement(other_agency, outsider),
        }


# --- deny by default ----------------------------------------------------------------------------------------

STAFF_PAGES = [
    "/procurement/staff/",
    "/procurement/staff/register/",
    "/procurement/staff/register/new/",
    "/procurement/staff/import/",
    "/procurement/staff/import/template.csv",
    "/procurement/staff/plans/",
    "/procurement/staff/plans/new/",
    "/procurement/staff/announcements/",
    "/procurement/staff/announcements/new/",
    "/procurement/staff/annual/",
    "/procurement/staff/red-flags/",
    "/procurement/staff/settings/",
]


@pytest.mark.parametrize("url", STAFF_PAGES)
def test_another_agencys_administrator_is_refused_every_page(agency, outsider_client, url):
    assert outsider_client.get(url).status_code == 403


@pytest.mark.parametrize("url", STAFF_PAGES)
def test_an_anonymous_visitor_is_sent_to_sign_in(agency, anon, url):
    response = anon.get(url)
    assert response.status_code == 302 and "/login" in response["Location"]


def test_the_officer_edits_but_neither_publishes_nor_reviews_flags_nor_changes_settings(
    staff_client, draft, agency
):
    assert staff_client.get("/procurement/staff/register/new/").status_code == 200
    assert staff_client.post("/procurement/staff/register/publish/", {"fiscal_year": 2567}).status_code == 403
    assert staff_client.get("/procurement/staff/red-flags/").status_code == 403
    assert staff_client.get("/procurement/staff/settings/").status_code == 403
    assert staff_client.post("/procurement/staff/annual/publish/", {"fiscal_year": 2567}).status_code == 403


def test_the_auditor_reviews_flags_but_edits_nothing(auditor_client, draft):
    assert auditor_client.get("/procurement/staff/red-flags/").status_code == 200
    assert auditor_client.get("/procurement/staff/").status_code == 200
    # The auditor follows a flag to its row and reads it (ADR 0135), but changes nothing.
    assert auditor_client.get(f"/procurement/staff/register/{draft.pk}/").status_code == 200
    assert auditor_client.post(f"/procurement/staff/register/{draft.pk}/", ROW_FORM).status_code == 403
    assert auditor_client.post("/procurement/staff/register/new/", ROW_FORM).status_code == 403
    assert auditor_client.get("/procurement/staff/import/").status_code == 403
    assert auditor_client.get("/procurement/staff/plans/").status_code == 200
    assert auditor_client.get("/procurement/staff/plans/new/").status_code == 403


def test_records_of_another_agency_are_not_found(admin_client, agency, foreign):
    other_row, other_plan, other_item = foreign["row"], foreign["plan"], foreign["announcement"]
    for url, data in [
        (f"/procurement/staff/register/{other_row.pk}/", None),
        (f"/procurement/staff/register/{other_row.pk}/bidders/", {"bidder-name": "x"}),
        (f"/procurement/staff/register/{other_row.pk}/bidders/remove/", {"bidder": "1"}),
        (f"/procurement/staff/register/{other_row.pk}/amendments/", {"amendment-description": "x"}),
        (f"/procurement/staff/plans/{other_plan.pk}/", None),
        (f"/procurement/staff/plans/{other_plan.pk}/items/", {"item-title": "x"}),
        (f"/procurement/staff/plans/{other_plan.pk}/items/remove/", {"item": "1"}),
        (f"/procurement/staff/plans/{other_plan.pk}/publish/", {}),
        (f"/procurement/staff/announcements/{other_item.pk}/", None),
        (f"/procurement/staff/announcements/{other_item.pk}/files/", {}),
        (f"/procurement/staff/announcements/{other_item.pk}/publish/", {}),
    ]:
        response = admin_client.get(url) if data is None else admin_client.post(url, data)
        assert response.status_code == 404, url


# --- overview and register ----------------------------------------------------------------------------------


def test_the_dashboard_counts_drafts_and_published_rows_per_year(admin_client, draft, published):
    html = page(admin_client.get("/procurement/staff/"))
    assert "?fy=2567" in html and "<td>2</td><td>1</td><td>1</td>" in html
    assert "procurement-sorkhor1" in html  # the document links, for a member who may export


def test_the_register_lists_drafts_and_filters_by_state_and_search(admin_client, draft, published):
    html = page(admin_client.get("/procurement/staff/register/?fy=2567"))
    assert "ซื้อน้ำมันเชื้อเพลิง" in html and "จ้างซ่อมรถบรรทุกขยะ" in html
    drafts_only = page(admin_client.get("/procurement/staff/register/?fy=2567&state=draft"))
    assert "ซื้อน้ำมันเชื้อเพลิง" in drafts_only and "จ้างซ่อมรถบรรทุกขยะ" not in drafts_only
    found = page(admin_client.get("/procurement/staff/register/?fy=2567&q=รถบรรทุก"))
    assert "จ้างซ่อมรถบรรทุกขยะ" in found and "ซื้อน้ำมันเชื้อเพลิง" not in found
    # A year that is not a year falls back to the latest year with rows, never a 500.
    assert admin_client.get("/procurement/staff/register/?fy=abc&page=x").status_code == 200


def test_staff_create_a_row_that_stays_a_draft(admin_client, scoped):
    response = admin_client.post("/procurement/staff/register/new/", ROW_FORM, follow=True)
    assert "บันทึกรายการจัดซื้อจัดจ้างเรียบร้อยแล้ว" in page(response)
    created = Procurement.objects.get()
    assert created.status == PublicationStatus.DRAFT and created.vendor.tax_id == COMPANY
    assert AuditEvent.objects.filter(action="procurement.procurement.created").count() == 1


def test_creating_a_row_with_bad_input_saves_nothing(admin_client, scoped):
    response = admin_client.post(
        "/procurement/staff/register/new/",
        {**ROW_FORM, "vendor_tax_id": "", "contract_signed_on": "31/02/2567", "budget": ""},
    )
    assert response.status_code == 400
    html = page(response)
    assert "กรุณาใส่เลขประจำตัวผู้เสียภาษี 13 หลักของผู้ประกอบการ" in html
    assert "ไม่มีวันที่ “31/02/2567” ในปฏิทิน กรุณาตรวจสอบวัน เดือน และปี" in html
    assert "ฟิลด์นี้จำเป็น" in html  # the budget, in Django's Thai
    assert 'value="ซื้อวัสดุสำนักงาน"' in html  # what was typed is kept
    assert not Procurement.objects.exists()


def test_updating_a_draft_changes_it_in_place_without_a_revision(admin_client, draft):
    url = f"/procurement/staff/register/{draft.pk}/"
    assert "ซื้อน้ำมันเชื้อเพลิง" in page(admin_client.get(url))
    response = admin_client.post(url, {**ROW_FORM, "title": "ซื้อน้ำมันดีเซล", "egp_project_no": "67019000001"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title == "ซื้อน้ำมันดีเซล" and draft.status == PublicationStatus.DRAFT
    assert draft.revision_count == 0 and not Revision.objects.filter(record_id=draft.pk).exists()


def test_updating_a_draft_to_a_taken_project_number_is_refused(admin_client, draft, published):
    url = f"/procurement/staff/register/{draft.pk}/"
    response = admin_client.post(url, {**ROW_FORM, "egp_project_no": published.egp_project_no})
    assert response.status_code == 400 and "เลขที่โครงการนี้แล้ว" in page(response)
    draft.refresh_from_db()
    assert draft.egp_project_no == "67019000001"


def test_a_published_row_changes_only_through_a_revision_with_a_reason(admin_client, published):
    url = f"/procurement/staff/register/{published.pk}/"
    data = {**ROW_FORM, "egp_project_no": published.egp_project_no, "agreed_price": "9000"}
    refused = admin_client.post(url, data)
    assert refused.status_code == 400 and "กรุณาระบุเหตุผลของการแก้ไข" in page(refused)
    published.refresh_from_db()
    assert published.agreed_price == Decimal("48000.00") and published.revision_count == 1

    assert admin_client.post(url, {**data, "reason": "แก้ไขราคาตามสัญญา"}).status_code == 302
    published.refresh_from_db()
    assert published.agreed_price == Decimal("9000.00") and published.revision_count == 2
    assert Revision.objects.get(record_id=published.pk, number=2).reason == "แก้ไขราคาตามสัญญา"
    assert "แก้ไขราคาตามสัญญา" in page(admin_client.get(url))  # the history is on the page


# --- bidders and amendments ---------------------------------------------------------------------------------


def test_a_bidder_is_added_and_removed_on_a_draft(admin_client, draft):
    url = f"/procurement/staff/register/{draft.pk}/bidders/"
    response = admin_client.post(url, {"bidder-name": "หจก. ภักดีชุมพล", "bidder-price": "49500"}, follow=True)
    assert "เพิ่มผู้เสนอราคาเรียบร้อยแล้ว" in page(response)
    added = Bidder.objects.get(procurement=draft)
    assert added.price == Decimal("49500.00")
    response = admin_client.post(url + "remove/", {"bidder": str(added.pk)}, follow=True)
    assert "ลบผู้เสนอราคาเรียบร้อยแล้ว" in page(response)
    assert not Bidder.objects.filter(procurement=draft).exists()


def test_a_bidder_with_bad_input_is_refused_in_thai(admin_client, draft):
    url = f"/procurement/staff/register/{draft.pk}/bidders/"
    response = admin_client.post(url, {"bidder-name": "", "bidder-price": "-5", "bidder-tax_id": "123"})
    assert response.status_code == 400
    html = page(response)
    assert "ซื้อน้ำมันเชื้อเพลิง" in html  # the row's page, with the bidder form's errors
    assert "เลขประจำตัว 13 หลักไม่ถูกต้อง" in html
    assert not Bidder.objects.exists()


def test_removing_a_bidder_of_a_published_row_needs_a_reason(admin_client, published, admin_member):
    existing = bidder(published, admin_member, reason="เพิ่มผู้เสนอราคาตามเอกสาร")
    url = f"/procurement/staff/register/{published.pk}/bidders/remove/"
    response = admin_client.post(url, {"bidder": str(existing.pk)}, follow=True)
    assert "รายการนี้เผยแพร่แล้ว การเปลี่ยนแปลงต้องระบุเหตุผลของการแก้ไข" in page(response)
    assert Bidder.objects.filter(pk=existing.pk).exists()
    response = admin_client.post(url, {"bidder": "abc"}, follow=True)
    assert "ไม่พบผู้เสนอราคาที่ต้องการลบ กรุณาลองใหม่" in page(response)
    assert admin_client.post(url, {"bidder": "999999"}).status_code == 404
    admin_client.post(url, {"bidder": str(existing.pk), "reason": "บันทึกผู้เสนอราคาผิดรายการ"})
    assert not Bidder.objects.filter(pk=existing.pk).exists()
    published.refresh_from_db()
    assert published.revision_count == 3


def test_a_bidder_added_to_a_published_row_needs_a_reason(admin_client, published):
    url = f"/procurement/staff/register/{published.pk}/bidders/"
    refused = admin_client.post(url, {"bidder-name": "หจก. ภักดีชุมพล", "bidder-price": "49500"})
    assert refused.status_code == 400
    assert error_messages(refused) == ["รายการนี้เผยแพร่แล้ว การเปลี่ยนแปลงต้องระบุเหตุผลของการแก้ไข"]
    assert not Bidder.objects.exists()


def test_an_amendment_changes_the_contracts_price_and_end(admin_client, draft):
    url = f"/procurement/staff/register/{draft.pk}/amendments/"
    response = admin_client.post(
        url,
        {
            "amendment-signed_on": "01/02/2567",
            "amendment-description": "ขยายระยะเวลาส่งมอบเนื่องจากฝนตกหนัก",
            "amendment-new_agreed_price": "47000",
            "amendment-new_ends_on": "15/03/2567",
        },
        follow=True,
    )
    assert "บันทึกการแก้ไขสัญญาเรียบร้อยแล้ว" in page(response)
    draft.refresh_from_db()
    assert draft.agreed_price == Decimal("47000.00") and draft.contract_ends_on == date(2024, 3, 15)
    assert ContractAmendment.objects.get(procurement=draft).number == 1


def test_an_amendment_without_its_date_and_substance_is_refused_in_thai(admin_client, draft):
    response = admin_client.post(f"/procurement/staff/register/{draft.pk}/amendments/", {})
    assert response.status_code == 400
    assert field_errors(response) == ["ฟิลด์นี้จำเป็น", "ฟิลด์นี้จำเป็น"]  # the date and the substance
    assert not ContractAmendment.objects.exists()


# --- publishing a year --------------------------------------------------------------------------------------


def test_publishing_a_year_publishes_its_drafts_and_says_how_many(admin_client, scoped, admin_member):
    profile_without_review(scoped, admin_member)
    row(scoped, admin_member, egp_project_no="67019000011")
    row(scoped, admin_member, egp_project_no="67019000012")
    response = admin_client.post("/procurement/staff/register/publish/", {"fiscal_year": "2567"}, follow=True)
    assert "เผยแพร่ 2 รายการเรียบร้อยแล้ว" in page(response)
    assert not Procurement.objects.filter(status=PublicationStatus.DRAFT).exists()


def test_publishing_holds_back_rows_with_unreviewed_flags(admin_client, scoped, admin_member):
    row(
        scoped,
        admin_member,
        egp_project_no="67019000011",
        budget=Decimal("10000"),
        agreed_price=Decimal("12000"),
    )
    response = admin_client.post("/procurement/staff/register/publish/", {"fiscal_year": "2567"}, follow=True)
    html = page(response)
    assert "เผยแพร่ 0 รายการเรียบร้อยแล้ว" in html
    assert "1 รายการยังไม่เผยแพร่ เพราะมีข้อสังเกตที่ผู้ตรวจสอบภายในยังไม่ได้พิจารณา" in html
    assert Procurement.objects.get().status == PublicationStatus.DRAFT


def test_publishing_without_a_valid_year_says_so(admin_client, draft):
    response = admin_client.post("/procurement/staff/register/publish/", {"fiscal_year": "ปีนี้"}, follow=True)
    assert "กรุณาเลือกปีงบประมาณที่ต้องการเผยแพร่" in page(response)
    draft.refresh_from_db()
    assert draft.status == PublicationStatus.DRAFT


# --- import -------------------------------------------------------------------------------------------------


def test_the_import_template_lists_the_columns_the_import_reads(admin_client):
    response = admin_client.get("/procurement/staff/import/template.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    header = next(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert "เลขที่โครงการ" in header and "วิธีการจัดซื้อจัดจ้าง" in header


def test_the_import_page_lists_earlier_batches(admin_client, scoped, admin_member):
    from prongsai.procurement.tests.factories import import_batch

    import_batch(scoped, admin_member, b"\xef\xbb\xbfno,header\n", name="old-export.csv")
    assert "old-export.csv" in page(admin_client.get("/procurement/staff/import/"))


def test_an_empty_upload_is_refused_in_thai_and_stores_no_batch(admin_client, scoped):
    response = admin_client.post("/procurement/staff/import/", {"file": SimpleUploadedFile("e.csv", b"")})
    assert response.status_code == 400
    assert "ไฟล์ที่ส่งว่างเปล่า" in page(response)
    assert not ImportBatch.objects.exists()


def test_committing_a_batch_with_problems_is_refused_in_thai(admin_client, scoped, admin_member, run_tasks):
    from prongsai.procurement.tests.factories import import_batch

    batch = run_tasks(import_batch, scoped, admin_member, b"\xef\xbb\xbfno,header\n")
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.HAS_PROBLEMS
    detail = page(admin_client.get(f"/procurement/staff/import/{batch.pk}/"))
    assert "ไม่พบแถวหัวตาราง" in detail
    response = admin_client.post(f"/procurement/staff/import/{batch.pk}/commit/", follow=True)
    assert "นำเข้าไฟล์นี้ไม่ได้ในสถานะปัจจุบัน กรุณาแก้ไขปัญหาในไฟล์แล้วอัปโหลดใหม่" in page(response)
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.HAS_PROBLEMS


def test_a_batch_of_another_agency_is_not_found(admin_client, agency, other_agency, outsider, in_scope):
    from prongsai.procurement.tests.factories import import_batch

    with in_scope(other_agency):
        batch = import_batch(other_agency, outsider, b"\xef\xbb\xbfno,header\n")
    assert admin_client.get(f"/procurement/staff/import/{batch.pk}/").status_code == 404
    assert admin_client.post(f"/procurement/staff/import/{batch.pk}/commit/").status_code == 404


# --- plans --------------------------------------------------------------------------------------------------

PLAN_FORM = {"fiscal_year": "2569", "title": "แผนการจัดซื้อจัดจ้าง ปี 2569", "budget_approved_on": "15/09/2568"}
ITEM_FORM = {
    "item-title": "จัดซื้อวัสดุสำนักงาน",
    "item-budget": "120000",
    "item-budget_source": "ข้อบัญญัติ",
    "item-method": "specific",
    "item-expected_start": "01/11/2568",
}


def test_staff_create_a_plan_and_the_list_shows_it(admin_client, scoped):
    response = admin_client.post("/procurement/staff/plans/new/", PLAN_FORM, follow=True)
    assert "บันทึกแผนการจัดซื้อจัดจ้างเรียบร้อยแล้ว" in page(response)
    created = ProcurementPlan.objects.get()
    assert created.fiscal_year == 2569 and created.status == PublicationStatus.DRAFT
    assert "แผนการจัดซื้อจัดจ้าง ปี 2569" in page(admin_client.get("/procurement/staff/plans/"))


def test_a_second_plan_for_the_same_year_is_refused_in_thai(admin_client, scoped, admin_member):
    plan(scoped, admin_member)
    response = admin_client.post("/procurement/staff/plans/new/", PLAN_FORM)
    assert response.status_code == 400
    assert "มีแผนการจัดซื้อจัดจ้างของปีงบประมาณนี้แล้ว กรุณาแก้ไขแผนเดิม" in page(response)
    assert ProcurementPlan.objects.count() == 1


def test_a_plan_without_a_title_is_refused_in_thai(admin_client, scoped):
    response = admin_client.post("/procurement/staff/plans/new/", {**PLAN_FORM, "title": ""})
    assert response.status_code == 400 and "ฟิลด์นี้จำเป็น" in page(response)
    assert not ProcurementPlan.objects.exists()


def test_items_are_added_to_a_draft_plan_and_removed(admin_client, scoped, admin_member):
    draft_plan = plan(scoped, admin_member)
    url = f"/procurement/staff/plans/{draft_plan.pk}/"
    response = admin_client.post(url + "items/", ITEM_FORM, follow=True)
    assert "เพิ่มรายการในแผนเรียบร้อยแล้ว" in page(response)
    item = PlanItem.objects.get(plan=draft_plan)
    assert item.expected_start == date(2025, 11, 1)
    response = admin_client.post(url + "items/remove/", {"item": str(item.pk)}, follow=True)
    assert "ลบรายการออกจากแผนเรียบร้อยแล้ว" in page(response)
    assert not PlanItem.objects.exists()
    response = admin_client.post(url + "items/remove/", {"item": ""}, follow=True)
    assert "ไม่พบรายการที่ต้องการลบ กรุณาลองใหม่" in page(response)


def test_an_item_with_bad_input_is_refused_in_thai(admin_client, scoped, admin_member):
    draft_plan = plan(scoped, admin_member)
    response = admin_client.post(
        f"/procurement/staff/plans/{draft_plan.pk}/items/",
        {**ITEM_FORM, "item-budget": "หนึ่งแสน", "item-expected_start": "32/13/2568"},
    )
    assert response.status_code == 400
    assert "แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2569" in page(response)  # the plan's page
    assert "กรอกหมายเลข" in page(response)
    assert "ไม่มีวันที่ “32/13/2568” ในปฏิทิน กรุณาตรวจสอบวัน เดือน และปี" in page(response)
    assert not PlanItem.objects.exists()


def test_an_item_added_to_a_published_plan_needs_a_reason(admin_client, scoped, admin_member):
    published_plan = plan(scoped, admin_member)
    services_plan.plan_publish(plan=published_plan, acting_user=admin_member)
    url = f"/procurement/staff/plans/{published_plan.pk}/items/"
    refused = admin_client.post(url, ITEM_FORM)
    assert refused.status_code == 400
    assert "แผนนี้เผยแพร่แล้ว การเพิ่มรายการต้องระบุเหตุผลของการแก้ไข" in page(refused)
    assert not PlanItem.objects.exists()
    admin_client.post(url, {**ITEM_FORM, "item-reason": "เพิ่มรายการตามข้อบัญญัติเพิ่มเติม"})
    published_plan.refresh_from_db()
    assert PlanItem.objects.count() == 1 and published_plan.revision_count == 2


def test_removing_an_item_of_a_published_plan_needs_a_reason(admin_client, scoped, admin_member):
    published_plan = plan(scoped, admin_member)
    item = plan_item(published_plan, admin_member)
    services_plan.plan_publish(plan=published_plan, acting_user=admin_member)
    url = f"/procurement/staff/plans/{published_plan.pk}/items/remove/"
    response = admin_client.post(url, {"item": str(item.pk)}, follow=True)
    assert "แผนนี้เผยแพร่แล้ว การลบรายการต้องระบุเหตุผลของการแก้ไข" in page(response)
    assert PlanItem.objects.filter(pk=item.pk).exists()


def test_the_head_publishes_a_plan_and_the_officer_cannot(admin_client, staff_client, scoped, admin_member):
    draft_plan = plan(scoped, admin_member)
    url = f"/procurement/staff/plans/{draft_plan.pk}/publish/"
    assert staff_client.post(url).status_code == 403
    response = admin_client.post(url, follow=True)
    assert "เผยแพร่แผนการจัดซื้อจัดจ้างเรียบร้อยแล้ว" in page(response)
    draft_plan.refresh_from_db()
    assert draft_plan.is_published
    again = admin_client.post(url, follow=True)  # publishing twice is refused in Thai, not a 500
    assert "รายการนี้เผยแพร่แล้ว หากต้องการแก้ไขให้สร้างฉบับแก้ไขพร้อมระบุเหตุผล" in page(again)


def test_updating_a_draft_plan_changes_it_in_place(admin_client, scoped, admin_member):
    draft_plan = plan(scoped, admin_member)
    url = f"/procurement/staff/plans/{draft_plan.pk}/"
    assert "แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2569" in page(admin_client.get(url))
    response = admin_client.post(url, {**PLAN_FORM, "title": "แผนการจัดซื้อจัดจ้าง (ปรับปรุง)"}, follow=True)
    assert "บันทึกแผนการจัดซื้อจัดจ้างเรียบร้อยแล้ว" in page(response)
    draft_plan.refresh_from_db()
    assert draft_plan.title == "แผนการจัดซื้อจัดจ้าง (ปรับปรุง)" and draft_plan.revision_count == 0
    assert not Revision.objects.filter(record_id=draft_plan.pk).exists()
    assert AuditEvent.objects.filter(action="procurement.plan.draft_updated").count() == 1


def test_a_draft_plan_cannot_move_to_a_year_that_has_a_plan(admin_client, scoped, admin_member):
    plan(scoped, admin_member, fiscal_year=2568, title="แผน 2568")
    draft_plan = plan(scoped, admin_member)
    response = admin_client.post(
        f"/procurement/staff/plans/{draft_plan.pk}/", {**PLAN_FORM, "fiscal_year": "2568"}
    )
    assert response.status_code == 400
    assert field_errors(response) == ["มีแผนการจัดซื้อจัดจ้างของปีงบประมาณนี้แล้ว กรุณาแก้ไขแผนเดิม"]
    draft_plan.refresh_from_db()
    assert draft_plan.fiscal_year == 2569


def test_a_published_plan_changes_only_through_a_revision_with_a_reason(admin_client, scoped, admin_member):
    published_plan = plan(scoped, admin_member)
    services_plan.plan_publish(plan=published_plan, acting_user=admin_member)
    url = f"/procurement/staff/plans/{published_plan.pk}/"
    changed = {**PLAN_FORM, "title": "แผนการจัดซื้อจัดจ้าง (แก้ไข)"}
    refused = admin_client.post(url, changed)
    assert refused.status_code == 400
    assert field_errors(refused) == ["รายการนี้เผยแพร่แล้ว กรุณาระบุเหตุผลของการแก้ไข"]
    published_plan.refresh_from_db()
    assert published_plan.title == "แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2569"
    # The year of a published plan is not editable: a different year in the form changes nothing.
    response = admin_client.post(url, {**changed, "fiscal_year": "2570", "reason": "แก้ชื่อแผนให้ตรงกับประกาศ"})
    assert response.status_code == 302
    published_plan.refresh_from_db()
    assert published_plan.title == "แผนการจัดซื้อจัดจ้าง (แก้ไข)" and published_plan.fiscal_year == 2569
    assert published_plan.revision_count == 2
    assert Revision.objects.get(record_id=published_plan.pk, number=2).reason == "แก้ชื่อแผนให้ตรงกับประกาศ"


# --- announcements ------------------------------------------------------------------------------------------

ANNOUNCEMENT_FORM = {
    "kind": "invitation",
    "title": "ประกาศเชิญชวนจ้างก่อสร้างรางระบายน้ำ",
    "fiscal_year": "2569",
    "announced_on": "01/12/2568",
    "body": "ยื่นข้อเสนอทางระบบ e-GP",
}


def test_staff_create_an_announcement_and_the_list_shows_it(admin_client, scoped):
    response = admin_client.post("/procurement/staff/announcements/new/", ANNOUNCEMENT_FORM, follow=True)
    assert "บันทึกประกาศเรียบร้อยแล้ว" in page(response)
    created = Announcement.objects.get()
    assert created.announced_on == date(2025, 12, 1) and created.status == PublicationStatus.DRAFT
    assert "ประกาศเชิญชวนจ้างก่อสร้างรางระบายน้ำ" in page(admin_client.get("/procurement/staff/announcements/"))


def test_an_announcement_without_its_date_is_refused_in_thai(admin_client, scoped):
    response = admin_client.post(
        "/procurement/staff/announcements/new/", {**ANNOUNCEMENT_FORM, "announced_on": "", "kind": "auction"}
    )
    assert response.status_code == 400
    assert "ไม่ใช่ตัวเลือกที่ใช้ได้" in page(response)
    assert 'value="ประกาศเชิญชวนจ้างก่อสร้างรางระบายน้ำ"' in page(response)
    assert not Announcement.objects.exists()


def test_a_document_is_attached_to_an_announcement_and_a_bad_file_is_refused(
    admin_client, scoped, admin_member
):
    item = announcement(scoped, admin_member)
    url = f"/procurement/staff/announcements/{item.pk}/files/"
    refused = admin_client.post(url, {"file-file": SimpleUploadedFile("x.pdf", b"<html>not a pdf</html>")})
    assert refused.status_code == 400
    assert "ประกาศเชิญชวนประกวดราคาจ้างก่อสร้างถนน" in page(refused)
    assert not item.attachments.exists()
    response = admin_client.post(url, {"file-file": pdf_upload(), "file-title": "ประกาศ"}, follow=True)
    assert "แนบเอกสารเรียบร้อยแล้ว" in page(response)
    assert item.attachments.count() == 1


def test_updating_a_draft_announcement_changes_it_in_place(admin_client, scoped, admin_member):
    item = announcement(scoped, admin_member)
    url = f"/procurement/staff/announcements/{item.pk}/"
    assert "ประกาศเชิญชวนประกวดราคาจ้างก่อสร้างถนน" in page(admin_client.get(url))
    response = admin_client.post(url, ANNOUNCEMENT_FORM, follow=True)
    assert "บันทึกประกาศเรียบร้อยแล้ว" in page(response)
    item.refresh_from_db()
    assert item.title == "ประกาศเชิญชวนจ้างก่อสร้างรางระบายน้ำ" and item.revision_count == 0
    assert AuditEvent.objects.filter(action="procurement.announcement.draft_updated").count() == 1


def test_a_published_announcement_changes_only_through_a_revision_with_a_reason(
    admin_client, scoped, admin_member
):
    item = announcement(scoped, admin_member)
    services_plan.announcement_publish(announcement=item, acting_user=admin_member)
    url = f"/procurement/staff/announcements/{item.pk}/"
    refused = admin_client.post(url, ANNOUNCEMENT_FORM)
    assert refused.status_code == 400
    assert field_errors(refused) == ["รายการนี้เผยแพร่แล้ว กรุณาระบุเหตุผลของการแก้ไข"]
    item.refresh_from_db()
    assert item.title == "ประกาศเชิญชวนประกวดราคาจ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3"
    response = admin_client.post(url, {**ANNOUNCEMENT_FORM, "reason": "แก้ชื่องานให้ตรงกับ e-GP"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "ประกาศเชิญชวนจ้างก่อสร้างรางระบายน้ำ" and item.revision_count == 2
    assert Revision.objects.get(record_id=item.pk, number=2).reason == "แก้ชื่องานให้ตรงกับ e-GP"
    again = admin_client.post(f"{url}publish/", follow=True)
    assert "รายการนี้เผยแพร่แล้ว หากต้องการแก้ไขให้สร้างฉบับแก้ไขพร้อมระบุเหตุผล" in page(again)


def test_a_document_added_to_a_published_announcement_needs_a_reason(admin_client, scoped, admin_member):
    item = announcement(scoped, admin_member)
    services_plan.announcement_publish(announcement=item, acting_user=admin_member)
    url = f"/procurement/staff/announcements/{item.pk}/files/"
    refused = admin_client.post(url, {"file-file": pdf_upload()})
    assert refused.status_code == 400
    assert error_messages(refused) == ["ประกาศนี้เผยแพร่แล้ว การเพิ่มเอกสารต้องระบุเหตุผลของการแก้ไข"]
    assert not item.attachments.exists()


def test_the_head_publishes_an_announcement_and_the_officer_cannot(
    admin_client, staff_client, scoped, admin_member
):
    item = announcement(scoped, admin_member)
    url = f"/procurement/staff/announcements/{item.pk}/publish/"
    assert staff_client.post(url).status_code == 403
    response = admin_client.post(url, follow=True)
    assert "เผยแพร่ประกาศเรียบร้อยแล้ว" in page(response)
    item.refresh_from_db()
    assert item.is_published


# --- the annual report's text -------------------------------------------------------------------------------


def test_the_annual_text_is_saved_then_published(admin_client, scoped):
    response = admin_client.post(
        "/procurement/staff/annual/?fy=2567",
        {"fiscal_year": "2567", "problems": "ผู้ประกอบการในพื้นที่มีน้อย", "suggestions": "ประชาสัมพันธ์ให้กว้างขึ้น"},
        follow=True,
    )
    assert "บันทึกบทวิเคราะห์รายงานประจำปีเรียบร้อยแล้ว" in page(response)
    note = AnnualReportNote.objects.get(fiscal_year=2567)
    assert note.problems == "ผู้ประกอบการในพื้นที่มีน้อย"
    assert "ผู้ประกอบการในพื้นที่มีน้อย" in page(admin_client.get("/procurement/staff/annual/?fy=2567"))
    response = admin_client.post("/procurement/staff/annual/publish/", {"fiscal_year": "2567"}, follow=True)
    assert "เผยแพร่บทวิเคราะห์เรียบร้อยแล้ว" in page(response)
    note.refresh_from_db()
    assert note.is_published


def test_published_annual_text_changes_only_with_a_reason(admin_client, scoped, admin_member):
    note = services_plan.annual_note_save(
        agency=scoped, acting_user=admin_member, fiscal_year=2567, problems="เดิม", suggestions="เดิม"
    )
    services_plan.annual_note_publish(note=note, acting_user=admin_member)
    url = "/procurement/staff/annual/?fy=2567"
    refused = admin_client.post(url, {"fiscal_year": "2567", "problems": "ใหม่", "suggestions": "เดิม"})
    assert refused.status_code == 400
    assert form_errors(refused) == ["กรุณาระบุเหตุผลของการแก้ไข ระบบจะแสดงเหตุผลนี้ในประวัติการแก้ไขต่อสาธารณะ"]
    note.refresh_from_db()
    assert note.problems == "เดิม"
    again = admin_client.post("/procurement/staff/annual/publish/", {"fiscal_year": "2567"}, follow=True)
    assert "รายการนี้เผยแพร่แล้ว หากต้องการแก้ไขให้สร้างฉบับแก้ไขพร้อมระบุเหตุผล" in page(again)


def test_publishing_a_year_without_annual_text_says_what_to_do(admin_client, scoped):
    response = admin_client.post("/procurement/staff/annual/publish/", {"fiscal_year": "2566"}, follow=True)
    assert "ยังไม่มีบทวิเคราะห์ของปีนี้ กรุณาบันทึกก่อนเผยแพร่" in page(response)
    assert not AnnualReportNote.objects.exists()


# --- red flags and settings ---------------------------------------------------------------------------------


def test_the_auditor_reviews_a_flag_with_a_note(auditor_client, scoped, admin_member):
    over = row(scoped, admin_member, budget=Decimal("10000"), agreed_price=Decimal("12000"))
    html = page(auditor_client.get("/procurement/staff/red-flags/?fy=2567"))
    assert "ราคาสูงกว่าวงเงินงบประมาณ" in html and "ยังไม่ได้พิจารณา 1 ข้อ" in html
    data = {"kind": "above_budget", "key": str(over.pk), "fiscal_year": "2567"}
    missing_note = auditor_client.post("/procurement/staff/red-flags/review/", data, follow=True)
    assert "กรุณาบันทึกความเห็นของผู้ตรวจสอบภายในก่อนยืนยันการพิจารณา" in page(missing_note)
    assert not RedFlagReview.objects.exists()
    gone = auditor_client.post(
        "/procurement/staff/red-flags/review/", {**data, "key": "0", "note": "ตรวจแล้ว"}, follow=True
    )
    assert "ไม่พบข้อสังเกตนี้แล้ว ข้อมูลอาจเปลี่ยนไป กรุณาโหลดหน้าใหม่" in page(gone)
    done = auditor_client.post(
        "/procurement/staff/red-flags/review/", {**data, "note": "มีบันทึกอนุมัติเงินเพิ่มแล้ว"}, follow=True
    )
    assert "บันทึกการพิจารณาข้อสังเกตเรียบร้อยแล้ว" in page(done)
    assert RedFlagReview.objects.get().note == "มีบันทึกอนุมัติเงินเพิ่มแล้ว"


def test_settings_change_a_parameter_and_the_audit_log_says_so(admin_client, scoped):
    from prongsai.procurement import parameters

    data = {f"param_{d.key}": str(d.default) for d in parameters.DEFINITIONS}
    first = parameters.DEFINITIONS[0]
    data.update(
        {
            f"param_{first.key}": str(first.default + 1),
            "ocid_prefix": "",
            "ministry": "มหาดไทย",
            "agency_type_label": "องค์กรปกครองส่วนท้องถิ่น",
            "require_review_before_publication": "on",
        }
    )
    response = admin_client.post("/procurement/staff/settings/", data, follow=True)
    assert "บันทึกการตั้งค่าการจัดซื้อจัดจ้างเรียบร้อยแล้ว" in page(response)
    assert ProcurementParameter.objects.get(key=first.key).value == first.default + 1
    assert AuditEvent.objects.filter(action="procurement.settings.updated").count() == 1


def test_settings_with_a_negative_parameter_are_refused_in_thai(admin_client, scoped):
    from prongsai.procurement import parameters

    data = {f"param_{d.key}": str(d.default) for d in parameters.DEFINITIONS}
    first = parameters.DEFINITIONS[0]
    data.update({f"param_{first.key}": "-1", "ministry": "มหาดไทย", "agency_type_label": "อปท."})
    response = admin_client.post("/procurement/staff/settings/", data)
    assert response.status_code == 400
    assert "ค่านี้ต้องมากกว่าหรือเท่ากับ 0" in page(response)
    assert not ProcurementParameter.objects.exists()
