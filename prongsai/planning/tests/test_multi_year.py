"""A multi-year plan (the three-year HR plan 2567–2569) is reported year by year: each year's results and
annual report are its own, on the public page, in the documents and as the OIT's previous-year report."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from prongsai.ita.providers_planning import PROVIDERS
from prongsai.planning import selectors, services
from prongsai.planning.models import Plan, PlanItem
from prongsai.reports.registry import Params, export


@pytest.fixture
def hr_plan(agency, admin_member, in_scope):
    with in_scope(agency):
        plan = services.plan_create(
            agency=agency,
            acting_user=admin_member,
            kind=Plan.Kind.HR,
            fiscal_year=2567,
            first_year=2567,
            last_year=2569,
            title="แผนการบริหารและพัฒนาทรัพยากรบุคคล (พ.ศ. 2567–2569)",
        )
        item = services.item_save(
            plan=plan,
            acting_user=admin_member,
            kind=PlanItem.Kind.PROJECT,
            number=1,
            title="โครงการฝึกอบรมบุคลากร",
            outputs="บุคลากรได้รับการพัฒนา",
            budget=Decimal("50000"),
            period_start=date(2023, 10, 1),
            period_end=date(2026, 9, 30),
            owner="สำนักปลัด",
        )
        services.plan_publish(plan=plan, acting_user=admin_member)
        services.result_record(
            item=item,
            acting_user=admin_member,
            result="ผลของปี 2567",
            spent=Decimal("48000"),
            fiscal_year=2567,
        )
        return plan


def _record_2568(plan, user):
    item = plan.items.get()
    services.result_record(
        item=item,
        acting_user=user,
        fiscal_year=2568,
        result="ผลของปี 2568",
        spent=Decimal("45000"),
        actual_start=date(2024, 10, 1),
        actual_end=date(2025, 9, 30),
    )
    services.annual_report_save(
        plan=plan,
        acting_user=user,
        fiscal_year=2568,
        problems="ปัญหาของปี 2568",
        suggestions="ข้อเสนอแนะของปี 2568",
        reported_on=date(2025, 10, 27),
    )


def test_a_year_the_plan_does_not_cover_is_refused_in_thai(agency, admin_member, hr_plan, in_scope):
    with in_scope(agency):
        with pytest.raises(ValidationError, match="ช่วงที่แผนใช้บังคับ"):
            services.result_record(
                item=hr_plan.items.get(), acting_user=admin_member, result="x", fiscal_year=2570
            )
        with pytest.raises(ValidationError, match="ช่วงที่แผนใช้บังคับ"):
            services.annual_report_save(plan=hr_plan, acting_user=admin_member, fiscal_year=2566)


def test_each_year_has_its_own_results_and_report(agency, admin_member, hr_plan, in_scope):
    with in_scope(agency):
        _record_2568(hr_plan, admin_member)
        assert [r.result for r in selectors.results_of(hr_plan)] == ["ผลของปี 2567"]
        assert [r.result for r in selectors.results_of(hr_plan, 2568)] == ["ผลของปี 2568"]
        assert selectors.annual_report_of(hr_plan) is None
        report = selectors.annual_report_of(hr_plan, 2568)
        assert report is not None and report.problems == "ปัญหาของปี 2568"
        assert selectors.reported_years(hr_plan) == [2567, 2568]


def test_the_oit_report_of_the_previous_year_is_that_years_results_of_the_plan_in_force(
    agency, admin_member, hr_plan, in_scope
):
    with in_scope(agency):
        # FY2569 asks for FY2568: the plan has only FY2567 results, so there is nothing to show.
        assert PROVIDERS["hr_report"](agency, 2569) is None
        _record_2568(hr_plan, admin_member)
        evidence = PROVIDERS["hr_report"](agency, 2569)
    assert evidence is not None
    assert evidence.fiscal_years == {2568}
    assert evidence.dates == [date(2025, 10, 27)]
    assert evidence.checks["results"] and evidence.checks["problems"] and evidence.checks["suggestions"]
    assert evidence.urls[0].endswith("?year=2568")


def test_the_public_results_page_shows_the_year_asked_for(anon, agency, admin_member, hr_plan, in_scope):
    with in_scope(agency):
        _record_2568(hr_plan, admin_member)
    url = f"/plans/{hr_plan.public_id}/results/"
    first = anon.get(url).content.decode()
    assert "ผลของปี 2567" in first and "ผลของปี 2568" not in first
    second = anon.get(f"{url}?year=2568").content.decode()
    assert "ผลของปี 2568" in second and "ปัญหาของปี 2568" in second and "ผลของปี 2567" not in second
    assert 'href="?year=2567"' in second
    # A year outside the plan, or not a year at all, is a 404, never a 500.
    assert anon.get(f"{url}?year=2570").status_code == 404
    assert anon.get(f"{url}?year=abc").status_code == 404


def test_the_results_document_of_a_year_carries_that_years_results(agency, admin_member, hr_plan, in_scope):
    with in_scope(agency):
        _record_2568(hr_plan, admin_member)
        document = export(agency=agency, identifier="results-hr", params=Params(fiscal_year=2568), fmt="xlsx")
    book = load_workbook(io.BytesIO(document.content))
    cells = {str(c.value) for sheet in book.worksheets for row in sheet.iter_rows() for c in row}
    assert "ผลของปี 2568" in cells and "ผลของปี 2567" not in cells
    assert any("ประจำปีงบประมาณ พ.ศ. 2568" in c for c in cells)


def test_staff_record_a_result_of_a_later_year_and_its_annual_report(
    admin_client, agency, admin_member, hr_plan, in_scope
):
    with in_scope(agency):
        item = hr_plan.items.get()
    form = admin_client.get(f"/staff/plans/{hr_plan.pk}/items/{item.pk}/result/").content.decode()
    assert 'name="fiscal_year"' in form
    response = admin_client.post(
        f"/staff/plans/{hr_plan.pk}/items/{item.pk}/result/",
        {"fiscal_year": "2569", "result": "ผลของปี 2569", "spent": "1000"},
    )
    assert response.status_code == 302
    response = admin_client.post(
        f"/staff/plans/{hr_plan.pk}/annual/?year=2569",
        {"problems": "ปัญหาของปี 2569", "suggestions": "", "summary": "", "reported_on": "26 ตุลาคม 2569"},
    )
    assert response.status_code == 302
    with in_scope(agency):
        assert [r.result for r in selectors.results_of(hr_plan, 2569)] == ["ผลของปี 2569"]
        report = selectors.annual_report_of(hr_plan, 2569)
        assert report is not None and report.reported_on == date(2026, 10, 26)
    assert admin_client.get(f"/staff/plans/{hr_plan.pk}/annual/?year=2575").status_code == 404
    page = admin_client.get(f"/staff/plans/{hr_plan.pk}/").content.decode()
    assert "ปี 2569" in page and "?year=2568" in page
