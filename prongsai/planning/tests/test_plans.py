"""Plans: one model for every kind, items and results, public pages, documents rendered by the engine."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils.html import strip_tags
from docx import Document as open_docx

from prongsai.core.models import AuditEvent
from prongsai.planning import services
from prongsai.planning.demo import seed_operations
from prongsai.planning.models import Plan, PlanItem
from prongsai.reports.registry import ExportError, Params, export


@pytest.fixture
def operations(agency, admin_member, in_scope):
    with in_scope(agency):
        seed_operations(agency, admin_member)
        return Plan.objects.get(kind=Plan.Kind.OPERATIONS, fiscal_year=2567)


def test_one_plan_of_a_kind_per_year(agency, admin_member, in_scope):
    with in_scope(agency):
        services.plan_create(
            agency=agency, acting_user=admin_member, kind=Plan.Kind.HR, fiscal_year=2567, title="แผน HR"
        )
        with pytest.raises(ValidationError):
            services.plan_create(
                agency=agency, acting_user=admin_member, kind=Plan.Kind.HR, fiscal_year=2567, title="ซ้ำ"
            )


def test_writes_are_audited(agency, admin_member, operations, in_scope):
    with in_scope(agency):
        actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"planning.plan.drafted", "planning.item.created", "planning.plan.published"} <= actions
    assert {
        "planning.progress.recorded",
        "planning.result.recorded",
        "planning.annual_report.saved",
    } <= actions


def test_a_plan_without_items_cannot_be_published(agency, admin_member, in_scope):
    with in_scope(agency):
        plan = services.plan_create(
            agency=agency, acting_user=admin_member, kind=Plan.Kind.HR, fiscal_year=2567, title="แผนว่าง"
        )
        with pytest.raises(ValidationError, match="ยังไม่มีรายการ"):
            services.plan_publish(plan=plan, acting_user=admin_member)


def test_a_published_plan_is_corrected_only_with_a_reason(agency, admin_member, operations, in_scope):
    with in_scope(agency):
        with pytest.raises(ValidationError, match="เหตุผล"):
            services.plan_update(plan=operations, acting_user=admin_member, title="ชื่อใหม่")
        revised = services.plan_update(
            plan=operations, acting_user=admin_member, title="ชื่อใหม่", reason="แก้ชื่อแผนให้ตรงกับที่ผู้บริหารลงนาม"
        )
    assert revised.title == "ชื่อใหม่" and revised.revision_count == 2


def test_a_result_cannot_cover_an_activity_of_another_plan(agency, admin_member, operations, in_scope):
    with in_scope(agency):
        other = Plan.objects.get(kind=Plan.Kind.OPERATIONS, fiscal_year=2566)
        foreign = other.items.first()
        with pytest.raises(ValidationError):
            services.result_record(
                item=operations.items.first(), acting_user=admin_member, result="x", covers=[foreign]
            )


def test_the_progress_report_renders_as_of_31_march_by_default(agency, operations, in_scope):
    with in_scope(agency):
        result = export(agency=agency, identifier="progress-operations", params=Params(2567), fmt="docx")
    document = open_docx(io.BytesIO(result.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "ข้อมูล ณ วันที่ ๓๑ มีนาคม ๒๕๖๗" in text
    cells = " ".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "ลงนามในสัญญาแล้ว อยู่ระหว่างก่อสร้าง" in cells
    assert "๔๙๕,๐๐๐.๐๐" in cells  # budget, Thai numerals
    assert document.sections[0].page_width > document.sections[0].page_height  # landscape for the wide table


def test_the_plan_and_annual_results_render_in_every_format(agency, operations, in_scope):
    with in_scope(agency):
        for identifier, year in (("plan-operations", 2567), ("results-operations", 2566)):
            for fmt in ("docx", "pdf", "xlsx"):
                result = export(agency=agency, identifier=identifier, params=Params(year), fmt=fmt)
                assert len(result.content) > 3000, (identifier, fmt)
        results = export(agency=agency, identifier="results-operations", params=Params(2566), fmt="docx")
    text = "\n".join(p.text for p in open_docx(io.BytesIO(results.content)).paragraphs)
    assert "ฝนตกชุก" in text  # problems of the annual report
    assert "วางแผนงานก่อสร้างให้แล้วเสร็จก่อนฤดูฝน" in text


def test_a_progress_report_missing_for_the_date_is_a_thai_error(agency, operations, in_scope):
    with in_scope(agency), pytest.raises(ExportError, match="ยังไม่มีรายงานความก้าวหน้า"):
        export(
            agency=agency,
            identifier="progress-operations",
            params=Params(2567, as_of=date(2023, 12, 1)),
            fmt="pdf",
        )


def test_public_plan_pages_show_items_progress_and_results(anon, agency, operations):
    page = anon.get(f"/plans/{operations.public_id}/").content.decode()
    assert "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก" in page and "495,000.00" in page
    progress = anon.get(f"/plans/{operations.public_id}/progress/").content.decode()
    assert "31 มีนาคม 2567" in progress
    assert anon.get("/plans/").status_code == 200


def test_a_draft_plan_is_not_public(anon, agency, admin_member, in_scope):
    with in_scope(agency):
        plan = services.plan_create(
            agency=agency, acting_user=admin_member, kind=Plan.Kind.HR, fiscal_year=2567, title="แผนร่าง"
        )
    assert anon.get(f"/plans/{plan.public_id}/").status_code == 404
    assert anon.get("/plans/not-a-uuid/").status_code == 404


def test_another_agency_cannot_see_the_plans(agency, other_agency, operations):
    other = Client(HTTP_HOST="other.test")
    assert other.get(f"/plans/{operations.public_id}/").status_code == 404
    assert "โครงการก่อสร้างถนน" not in strip_tags(other.get("/plans/").content.decode())


def test_staff_create_a_plan_and_bad_input_is_a_thai_400(admin_client, agency, in_scope):
    bad = admin_client.post(
        "/staff/plans/new/",
        {"kind": "hr", "fiscal_year": "2567", "first_year": "2569", "last_year": "2567", "title": "แผน"},
    )
    assert bad.status_code == 400
    assert "ปีสุดท้ายต้องไม่ก่อนปีแรกของแผน" in bad.content.decode()
    good = admin_client.post(
        "/staff/plans/new/",
        {"kind": "hr", "fiscal_year": "2567", "first_year": "2567", "last_year": "2569", "title": "แผน HR"},
    )
    assert good.status_code == 302
    with in_scope(agency):
        assert Plan.objects.filter(kind="hr", fiscal_year=2567).exists()


def test_an_outsider_cannot_edit_the_plans(outsider_client, agency, operations):
    assert outsider_client.get(f"/staff/plans/{operations.pk}/").status_code == 403


def test_items_carry_budget_and_period(agency, admin_member, operations, in_scope):
    with in_scope(agency):
        item = services.item_save(
            plan=operations,
            acting_user=admin_member,
            kind=PlanItem.Kind.PROJECT,
            number=9,
            title="โครงการใหม่",
            budget=Decimal("1000"),
            period_start=date(2024, 1, 1),
            period_end=date(2024, 2, 1),
        )
        assert item.budget == Decimal("1000")
        with pytest.raises(ValidationError):
            services.item_save(
                plan=operations,
                acting_user=admin_member,
                kind=PlanItem.Kind.PROJECT,
                number=10,
                title="ช่วงเวลากลับด้าน",
                period_start=date(2024, 3, 1),
                period_end=date(2024, 2, 1),
            )
