"""The pages: each role sees what it can do and who must act; bad input is a Thai error, never a 500."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.test import Client
from django.utils.html import strip_tags
from django_scopes import scopes_disabled

from conftest import AGENCY_HOST, login_verified
from prongsai.assets import services
from prongsai.assets.models import Asset, Loan
from prongsai.assets.tests import factories
from prongsai.core.safeguards import aged_token
from prongsai.core.thai import format_date


def _client(user) -> Client:
    return login_verified(Client(HTTP_HOST=AGENCY_HOST), user)


def _dates(offset: int = 0, length: int = 1) -> tuple[str, str]:
    start = services.today_local() + timedelta(days=offset)
    return format_date(start, month="abbr"), format_date(start + timedelta(days=length), month="abbr")


def test_the_register_page_lists_and_searches_items(
    staff_client, laptop, agency, member, computer_type, unit
):
    factories.asset(agency, member, computer_type, unit, name="เครื่องพิมพ์เลเซอร์")
    page = staff_client.get("/staff/assets/", {"q": "เลเซอร์"}).content.decode()
    assert "เครื่องพิมพ์เลเซอร์" in page and laptop.name not in page


def test_an_officer_registers_an_item_and_a_bad_price_is_a_thai_error(
    staff_client, computer_type, unit, in_scope, agency
):
    data = {
        "asset_type": computer_type.pk,
        "name": "เครื่องสำรองไฟฟ้า",
        "acquired_on": "15/11/2566",
        "price": "สองพัน",
        "fund_source": "own_budget",
        "location": "ห้องกองคลัง",
        "custodian_unit": unit.pk,
        "condition": "good",
    }
    refused = staff_client.post("/staff/assets/new/", data)
    assert refused.status_code == 400
    assert "กรุณากรอกราคาเป็นตัวเลข" in refused.content.decode()
    done = staff_client.post("/staff/assets/new/", {**data, "price": "2500"})
    assert done.status_code == 302
    with in_scope(agency):
        assert Asset.objects.get(agency=agency, name="เครื่องสำรองไฟฟ้า").code == "416-66-0001"


def test_an_auditor_sees_the_register_but_no_button_to_change_it(auditor, laptop):
    client = _client(auditor)
    page = client.get(f"/staff/assets/{laptop.pk}/").content.decode()
    assert laptop.code in page
    assert "/edit/" not in page
    assert client.get("/staff/assets/new/").status_code == 403


def test_a_private_use_request_is_refused_on_the_page_in_thai(staff_client, laptop):
    start, end = _dates()
    response = staff_client.post(
        "/staff/assets/loans/new/",
        {
            "asset": laptop.pk,
            "purpose": "private",
            "reason": "ไปเที่ยว",
            "place": "premises",
            "starts_on": start,
            "due_on": end,
            "key": str(uuid.uuid4()),
        },
    )
    assert response.status_code == 400
    assert "ห้ามยืมไปใช้ประโยชน์ส่วนตัว" in response.content.decode()


def test_a_clash_is_refused_on_the_page_and_the_form_keeps_what_was_typed(
    staff_client, agency, member, laptop
):
    factories.loan(agency, member, laptop)
    start, end = _dates()
    response = staff_client.post(
        "/staff/assets/loans/new/",
        {
            "asset": laptop.pk,
            "purpose": "official",
            "reason": "อบรมอาสาสมัคร",
            "place": "premises",
            "starts_on": start,
            "due_on": end,
            "key": str(uuid.uuid4()),
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "ถูกจองหรือยืมไว้แล้ว" in page and "อบรมอาสาสมัคร" in page


def test_the_loan_page_says_who_must_approve_and_only_that_role_sees_the_button(
    agency, member, head, executive, laptop
):
    loan = factories.loan(agency, member, laptop, place=Loan.Place.OUTSIDE, use_location="ศาลาประชาคม")
    as_head = _client(head).get(f"/staff/assets/loans/{loan.pk}/").content.decode()
    assert "รอผู้บริหาร" in as_head
    assert "/approve/" not in as_head
    as_executive = _client(executive).get(f"/staff/assets/loans/{loan.pk}/").content.decode()
    assert "/approve/" in as_executive
    refused = _client(head).post(
        f"/staff/assets/loans/{loan.pk}/approve/", {"approve-note": "", "approve-confirm": "on"}
    )
    assert refused.status_code == 400
    assert "หัวหน้าหน่วยงานหรือผู้ที่ได้รับมอบหมาย" in refused.content.decode()


def test_the_whole_flow_runs_through_the_pages(agency, member, head, laptop, in_scope):
    loan = factories.loan(agency, member, laptop)
    assert (
        _client(head)
        .post(f"/staff/assets/loans/{loan.pk}/approve/", {"approve-note": "ใช้ได้", "approve-confirm": "on"})
        .status_code
        == 302
    )
    officer = _client(member)
    assert officer.post(f"/staff/assets/loans/{loan.pk}/hand-over/").status_code == 302
    assert (
        officer.post(
            f"/staff/assets/loans/{loan.pk}/return/", {"return-condition": "good", "return-note": ""}
        ).status_code
        == 302
    )
    with in_scope(agency):
        loan.refresh_from_db()
    assert loan.status == Loan.Status.RETURNED


def test_the_public_manual_shows_the_published_rules_and_the_statistics(anon, agency, member):
    assert "ยังไม่ได้เผยแพร่" in strip_tags(anon.get("/assets/").content.decode())
    factories.rules(agency, member, publish=True)
    page = strip_tags(anon.get("/assets/").content.decode())
    assert "ผู้มีสิทธิ์ยืม" in page and "สถิติการยืมทรัพย์สินของราชการ" in page


def test_a_citizen_asks_for_a_tent_and_follows_it_with_a_tracking_code(
    anon, agency, member, laptop, in_scope
):
    with in_scope(agency):
        services.asset_update(
            asset=laptop, acting_user=member, lendable_to_public=True, name="เต็นท์ผ้าใบ 4x8 เมตร"
        )
    # The form takes a name and a phone: it links the agency's privacy notice (PDPA section 23).
    assert 'href="/privacy/"' in anon.get("/assets/borrow/").content.decode()
    start, end = _dates(3)
    response = anon.post(
        "/assets/borrow/",
        {
            "form_token": aged_token("asset-loan"),
            "website": "",
            "asset": laptop.pk,
            "reason": "งานบุญประจำปีหมู่ 5",
            "use_location": "วัดบ้านโนนสะอาด",
            "starts_on": start,
            "due_on": end,
            "borrower_name": "นางสาวมาลี ทองดี",
            "borrower_phone": "0812345678",
            "borrower_email": "",
        },
    )
    assert response.status_code == 302
    page = anon.get(response["Location"]).content.decode()
    assert "รอหัวหน้าหน่วยงาน" in page
    with in_scope(agency):
        loan = Loan.objects.get(agency=agency)
    assert loan.borrower_kind == Loan.Borrower.CITIZEN and loan.purpose == Loan.Purpose.PUBLIC_BENEFIT


def test_a_citizens_request_with_an_unreadable_date_is_a_thai_error(anon, laptop):
    response = anon.post(
        "/assets/borrow/",
        {
            "form_token": aged_token("asset-loan"),
            "website": "",
            "asset": laptop.pk,
            "reason": "งานบุญ",
            "use_location": "วัด",
            "starts_on": "พรุ่งนี้",
            "due_on": "x",
            "borrower_name": "มาลี",
            "borrower_phone": "0812345678",
        },
    )
    assert response.status_code == 400
    assert "อ่านวันที่ “พรุ่งนี้” ไม่ได้" in response.content.decode()


def test_the_stocktake_page_saves_one_item_and_refuses_a_non_member(
    agency, member, executive, head, laptop, in_scope
):
    from datetime import date

    with in_scope(agency):
        stocktake = services.stocktake_appoint(
            agency=agency,
            acting_user=executive,
            fiscal_year=2567,
            committee=[member],
            order_reference="250/2567",
            appointed_on=date(2024, 9, 20),
        )
    url = f"/staff/assets/stocktakes/{stocktake.pk}/check/"
    refused = _client(head).post(url, {"code": laptop.code, "result": "good"})
    assert refused.status_code == 400
    assert "เฉพาะกรรมการ" in refused.content.decode()
    assert _client(member).post(url, {"code": laptop.code, "result": "good", "note": ""}).status_code == 302
    page = _client(member).get(f"/staff/assets/stocktakes/{stocktake.pk}/").content.decode()
    assert "ตรวจแล้ว 1 จาก 1 รายการ" in page


@pytest.mark.parametrize("path", ["/staff/assets/", "/staff/assets/loans/", "/staff/assets/stocktakes/"])
def test_the_other_agencys_administrator_cannot_open_the_pages(agency, outsider_client, path):
    assert outsider_client.get(path).status_code == 403


def _queries(client, path: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_the_register_the_loan_register_and_the_stocktake_do_not_query_per_item(
    staff_client, agency, member, head, executive, computer_type, unit, in_scope
):
    from datetime import date

    def add(n: int) -> None:
        for _ in range(n):
            item = factories.asset(agency, member, computer_type, unit)
            factories.loan(agency, member, item)

    add(2)
    with in_scope(agency):
        stocktake = services.stocktake_appoint(
            agency=agency,
            acting_user=executive,
            fiscal_year=2567,
            committee=[member],
            order_reference="1/2567",
            appointed_on=date(2024, 9, 20),
        )
    paths = ["/staff/assets/", "/staff/assets/loans/?view=all", f"/staff/assets/stocktakes/{stocktake.pk}/"]
    for path in paths:  # the first request of a session reads what later ones find cached
        _queries(staff_client, path)
    few = [_queries(staff_client, p) for p in paths]
    add(6)
    many = [_queries(staff_client, p) for p in paths]
    assert many == few


def test_a_decision_needs_the_confirmation_and_a_refusal_needs_its_reason(agency, member, head, laptop):
    loan = factories.loan(agency, member, laptop)
    url = f"/staff/assets/loans/{loan.pk}/"
    unconfirmed = _client(head).post(url + "approve/", {"approve-note": "ใช้ได้"})
    assert unconfirmed.status_code == 400
    assert "กรุณาทำเครื่องหมายยืนยันผลการพิจารณาก่อนบันทึก" in unconfirmed.content.decode()
    no_reason = _client(head).post(url + "reject/", {"reject-note": " ", "reject-confirm": "on"})
    assert no_reason.status_code == 400
    assert "กรุณาระบุเหตุผลที่ไม่อนุมัติ ผู้ขอยืมจะเห็นเหตุผลนี้" in no_reason.content.decode()
    with scopes_disabled():
        loan.refresh_from_db()
    assert loan.status == Loan.Status.REQUESTED
    refused = _client(head).post(url + "reject/", {"reject-note": "ตรงกับงานประจำปี", "reject-confirm": "on"})
    assert refused.status_code == 302
