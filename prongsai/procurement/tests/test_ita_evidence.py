"""Procurement as ITA evidence: the plan, announcements, monthly reports and annual summary answer the OIT
items of FY2567 and FY2568 from the app (source "app"), complete when the data is, and an element goes
missing as soon as the data behind it does."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

import pytest
from django.utils import timezone

from prongsai.core.demo import DemoContext
from prongsai.core.thai import BANGKOK
from prongsai.ita.models import Catalogue
from prongsai.ita.readiness import Status, readiness
from prongsai.procurement import demo, ita_evidence, services_plan
from prongsai.procurement.models import AnnouncementKind, AnnualReportNote, Method, Procurement
from prongsai.procurement.tests.factories import PERSON, profile_without_review, publish, row

AS_OF = date(2024, 4, 30)
# The fixtures publish the register today: judged on the FY answer dates, it would be published too late.
TODAY = timezone.localdate()


def _item(agency, in_scope, code, catalogue="2567-A", as_of=AS_OF):
    with in_scope(agency):
        state = readiness(agency, Catalogue.objects.get(code=catalogue), as_of=as_of)
    return next(s for s in state.items if s.item.code == code)


def _published_at(day: date) -> datetime:
    return datetime.combine(day, time(10, 0), tzinfo=BANGKOK)


@pytest.fixture
def fy2567(agency, admin_member, catalogues, in_scope):
    """FY2567 of the test agency: a plan with a road above 500,000 baht, its announcements, contracts signed
    in October and January (November, December, February and March without any), and FY2566 with its
    published problems and suggestions (the annual report the FY2567 OIT asks for)."""
    with in_scope(agency):
        profile_without_review(agency, admin_member)
        plan = services_plan.plan_create(
            agency=agency,
            acting_user=admin_member,
            fiscal_year=2567,
            title="แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2567",
            budget_approved_on=date(2023, 9, 15),
        )
        services_plan.plan_item_add(
            plan=plan,
            acting_user=admin_member,
            title="ก่อสร้างถนน คสล. หมู่ที่ 3",
            budget=Decimal("1500000"),
            budget_source="เงินงบประมาณรายจ่ายประจำปี",
            method=Method.E_BIDDING,
            expected_start=date(2023, 12, 1),
        )
        services_plan.plan_publish(
            plan=plan, acting_user=admin_member, published_at=_published_at(date(2023, 10, 5))
        )
        rows = [
            row(
                agency,
                admin_member,
                title="ซื้อน้ำมันเชื้อเพลิง",
                egp_project_no="66109000001",
                contract_signed_on=date(2023, 10, 5),
                contract_ends_on=date(2023, 10, 30),
            ),
            row(
                agency,
                admin_member,
                title="ก่อสร้างถนน คสล. หมู่ที่ 3",
                egp_project_no="67019000001",
                method=Method.E_BIDDING,
                budget=Decimal("1500000"),
                reference_price=Decimal("1480000"),
                agreed_price=Decimal("1250000"),
                contract_signed_on=date(2024, 1, 15),
                contract_ends_on=date(2024, 5, 15),
            ),
            row(
                agency,
                admin_member,
                title="ซื้อวัสดุไฟฟ้า",
                egp_project_no="67019000002",
                vendor_tax_id=PERSON,
                vendor_name="นายสมชาย ใจดี",
                contract_signed_on=date(2024, 1, 20),
                contract_ends_on=date(2024, 2, 20),
            ),
            row(
                agency,
                admin_member,
                fiscal_year=2566,
                title="ซื้อวัสดุสำนักงาน ปี 2566",
                egp_project_no="66059000001",
                announced_on=date(2023, 5, 1),
                contract_signed_on=date(2023, 5, 10),
                contract_ends_on=date(2023, 6, 10),
            ),
        ]
        publish(agency, admin_member, *rows)
        for kind, day in (
            (AnnouncementKind.INVITATION, date(2023, 12, 1)),
            (AnnouncementKind.WINNER, date(2024, 1, 5)),
        ):
            announcement = services_plan.announcement_create(
                agency=agency,
                acting_user=admin_member,
                kind=kind,
                title=f"{kind.label} ก่อสร้างถนน คสล. หมู่ที่ 3",
                procurement=rows[1],
                fiscal_year=2567,
                announced_on=day,
            )
            services_plan.announcement_publish(announcement=announcement, acting_user=admin_member)
        note = services_plan.annual_note_save(
            agency=agency,
            acting_user=admin_member,
            fiscal_year=2566,
            problems="เจ้าหน้าที่พัสดุมีจำนวนจำกัด",
            suggestions="นำเข้าข้อมูลจากระบบ e-GP ทุกเดือน",
        )
        services_plan.annual_note_publish(note=note, acting_user=admin_member)
    return {"agency": agency, "plan": plan, "rows": rows}


def test_the_fy2567_procurement_items_are_ready_from_the_app(fy2567, in_scope):
    agency = fy2567["agency"]
    plan, progress, annual = (_item(agency, in_scope, code, as_of=TODAY) for code in ("o14", "o15", "o16"))
    for item in (plan, progress, annual):
        assert item.status == Status.READY, (item.item.code, item.missing, item.out_of_window)
        assert {e.source for e in item.elements} == {"app"}
    assert plan.urls == ["/procurement/plan/2567/"]
    assert progress.urls == [
        "/procurement/reports/progress/?as_of=2024-03-31",
        "/procurement/reports/dataset/2567/",
        "/procurement/reports/sorkhor1/2567/",
    ]
    assert annual.urls == ["/procurement/reports/annual/2566/"]  # the previous year's report
    # Variant B numbers the items as FY2566 did, with the announcements as an item of their own.
    for code in ("o19", "o20", "o21", "o22"):
        assert _item(agency, in_scope, code, catalogue="2567-B", as_of=TODAY).status == Status.READY, code
    assert _item(agency, in_scope, "o20", catalogue="2567-B").urls == ["/procurement/announcements/?fy=2567"]


def test_the_monthly_evidence_lists_nil_months_once_the_register_was_published_after_them(fy2567, in_scope):
    agency = fy2567["agency"]
    with in_scope(agency):
        Procurement.objects.filter(agency=agency).update(published_at=_published_at(date(2024, 3, 15)))
        evidence = ita_evidence.procurement_progress(agency, 2567)
    # October and January have contracts; November, December and February are explicit nil months; March
    # had not ended when the register was last published, so it is not reported yet.
    assert evidence["months"] == ["2023-10", "2023-11", "2023-12", "2024-01", "2024-02"]
    assert _item(agency, in_scope, "o15").status == Status.WRONG_PERIOD
    with in_scope(agency):
        Procurement.objects.filter(agency=agency).update(published_at=_published_at(date(2024, 4, 1)))
        assert "2024-03" in ita_evidence.procurement_progress(agency, 2567)["months"]
    assert _item(agency, in_scope, "o15").status == Status.READY


def test_a_published_contract_without_its_reference_price_makes_the_12_fields_incomplete(
    fy2567, admin_member, in_scope
):
    agency = fy2567["agency"]
    with in_scope(agency):
        incomplete = row(
            agency,
            admin_member,
            title="จ้างซ่อมรถขยะ",
            egp_project_no="67029000001",
            reference_price=None,
            contract_signed_on=date(2024, 2, 10),
            contract_ends_on=date(2024, 3, 10),
        )
        publish(agency, admin_member, incomplete)
    item = _item(agency, in_scope, "o15")
    assert item.status == Status.MISSING
    assert [e.element.check_key for e in item.missing] == ["fields"]


def test_the_annual_report_loses_problems_and_suggestions_when_they_are_removed(fy2567, in_scope):
    agency = fy2567["agency"]
    with in_scope(agency):
        AnnualReportNote.objects.filter(agency=agency, fiscal_year=2566).delete()
    item = _item(agency, in_scope, "o16")
    assert item.status == Status.MISSING
    assert [e.element.check_key for e in item.missing] == ["problems", "suggestions"]


def test_a_plan_appears_only_once_published_and_a_small_plan_is_the_nil_notice(
    agency,
    admin_member,
    catalogues,
    in_scope,
):
    with in_scope(agency):
        plan = services_plan.plan_create(
            agency=agency, acting_user=admin_member, fiscal_year=2567, title="แผนการจัดซื้อจัดจ้าง 2567"
        )
        services_plan.plan_item_add(
            plan=plan,
            acting_user=admin_member,
            title="จัดซื้อวัสดุสำนักงาน",
            budget=Decimal("120000"),
            budget_source="เงินงบประมาณรายจ่ายประจำปี",
            method=Method.SPECIFIC,
            expected_start=date(2023, 11, 1),
        )
    assert _item(agency, in_scope, "o14").status == Status.NO_EVIDENCE  # a draft is not public
    with in_scope(agency):
        services_plan.plan_publish(
            plan=plan, acting_user=admin_member, published_at=_published_at(date(2023, 10, 20))
        )
        evidence = ita_evidence.procurement_plan(agency, 2567)
    assert evidence["nil_report"] is True
    assert evidence["dates"] == [date(2023, 10, 20)]
    assert all(evidence["checks"].values())
    assert _item(agency, in_scope, "o14").status == Status.READY


def test_the_demo_agency_is_ready_for_the_procurement_items_of_fy2567_and_fy2568(
    agency,
    admin_member,
    catalogues,
    in_scope,
    anon,
):
    with in_scope(agency):
        demo.seed(DemoContext(agency=agency, admin=admin_member, users={"auditor": admin_member}))
    for code in ("o14", "o15", "o16"):
        assert _item(agency, in_scope, code, as_of=TODAY).status == Status.READY, code
    for code in ("O12", "O13"):
        item = _item(agency, in_scope, code, catalogue="2568", as_of=TODAY)
        assert item.status == Status.READY, (code, item.missing, item.out_of_window)
        assert {e.source for e in item.elements} == {"app"}
    # The public OIT index links the assessor to the procurement pages.
    page = anon.get("/ita/2567/").content.decode()
    for url in (
        "/procurement/plan/2567/",
        "/procurement/reports/dataset/2567/",
        "/procurement/reports/annual/2566/",
    ):
        assert f'href="{url}"' in page, url
