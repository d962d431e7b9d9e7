"""The staff pages of the plans: items, results with a cited score, six-month progress."""

from __future__ import annotations

from decimal import Decimal

import pytest

from prongsai.core.models import AuditEvent, Revision
from prongsai.planning import services
from prongsai.planning.models import Plan, PlanItem, ProgressReport, ScoreCitation
from prongsai.planning.tests import factories


@pytest.fixture
def plan(agency, admin_member, in_scope):
    with in_scope(agency):
        return factories.plan(agency, admin_member)


def test_staff_add_a_measure_and_an_activity_under_it(admin_client, agency, plan, in_scope):
    response = admin_client.post(
        f"/staff/plans/{plan.pk}/items/new/", {"kind": "measure", "number": "1", "title": "มาตรการที่หนึ่ง"}
    )
    assert response.status_code == 302
    with in_scope(agency):
        measure = PlanItem.objects.get(plan=plan, kind="measure")
    response = admin_client.post(
        f"/staff/plans/{plan.pk}/items/new/?parent={measure.pk}",
        {"kind": "activity", "number": "1", "title": "กิจกรรมที่หนึ่ง", "parent": str(measure.pk)},
    )
    assert response.status_code == 302
    with in_scope(agency):
        assert PlanItem.objects.get(plan=plan, kind="activity").parent_id == measure.pk
    page = admin_client.get(f"/staff/plans/{plan.pk}/").content.decode()
    assert "มาตรการที่หนึ่ง" in page and "กิจกรรมที่หนึ่ง" in page


def test_a_bad_item_is_a_thai_400_and_nothing_is_saved(admin_client, agency, plan, in_scope):
    response = admin_client.post(
        f"/staff/plans/{plan.pk}/items/new/",
        {
            "kind": "project",
            "number": "1",
            "title": "x",
            "period_start": "1 มีนาคม 2568",
            "period_end": "1 มกราคม 2568",
        },
    )
    assert response.status_code == 400
    assert "วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่ม" in response.content.decode()
    with in_scope(agency):
        assert not PlanItem.objects.filter(plan=plan).exists()


def test_a_result_can_cite_an_ita_score(admin_client, agency, admin_member, plan, in_scope):
    with in_scope(agency):
        measure = services.item_save(
            plan=plan, acting_user=admin_member, kind="measure", number=1, title="ม.1"
        )
    incomplete = admin_client.post(
        f"/staff/plans/{plan.pk}/items/{measure.pk}/result/",
        {"result": "ผลลัพธ์", "citation_kind": "indicator", "citation_code": "1"},
    )
    assert incomplete.status_code == 400
    assert "กรุณาระบุปีงบประมาณของผลการประเมินที่อ้างอิง" in incomplete.content.decode()
    response = admin_client.post(
        f"/staff/plans/{plan.pk}/items/{measure.pk}/result/",
        {
            "result": "ผลลัพธ์",
            "citation_kind": "indicator",
            "citation_code": "1",
            "citation_year": "2567",
            "citation_lead": "คะแนนตัวชี้วัดที่ 1 ได้",
        },
    )
    assert response.status_code == 302
    with in_scope(agency):
        citation = ScoreCitation.objects.get()
    assert (citation.kind, citation.code, citation.fiscal_year) == ("indicator", "1", 2567)


def test_progress_is_recorded_as_of_31_march_by_default(admin_client, agency, admin_member, plan, in_scope):
    with in_scope(agency):
        item = services.item_save(
            plan=plan, acting_user=admin_member, kind="project", number=1, title="โครงการ"
        )
    form = admin_client.get(f"/staff/plans/{plan.pk}/progress/").content.decode()
    assert 'value="31/03/2568"' in form
    response = admin_client.post(
        f"/staff/plans/{plan.pk}/progress/",
        {"as_of": "31 มีนาคม 2568", f"result_{item.pk}": "ดำเนินการแล้วร้อยละ 50", f"spent_{item.pk}": "1500"},
    )
    assert response.status_code == 302
    with in_scope(agency):
        report = ProgressReport.objects.get(plan=plan)
        assert report.entries.get().result == "ดำเนินการแล้วร้อยละ 50"
    bad = admin_client.post(f"/staff/plans/{plan.pk}/progress/", {"as_of": "31 ก.พ. 2568"})
    assert bad.status_code == 400


def test_an_outsider_cannot_reach_an_item(outsider_client, agency, admin_member, plan, in_scope):
    with in_scope(agency):
        item = services.item_save(plan=plan, acting_user=admin_member, kind="project", number=1, title="x")
    assert outsider_client.get(f"/staff/plans/{plan.pk}/items/{item.pk}/").status_code == 403


def test_an_item_of_another_plan_is_not_found(admin_client, agency, admin_member, plan, in_scope):
    with in_scope(agency):
        other = services.plan_create(
            agency=agency, acting_user=admin_member, kind=Plan.Kind.HR, fiscal_year=2568, title="HR"
        )
        item = services.item_save(plan=other, acting_user=admin_member, kind="project", number=1, title="x")
    assert admin_client.get(f"/staff/plans/{plan.pk}/items/{item.pk}/").status_code == 404


def test_a_result_is_corrected_and_keeps_its_citation(admin_client, agency, admin_member, plan, in_scope):
    with in_scope(agency):
        item = services.item_save(
            plan=plan, acting_user=admin_member, kind="project", number=1, title="โครงการ"
        )
        entry = services.result_record(
            item=item, acting_user=admin_member, result="ร่างผล", spent=Decimal(100)
        )
        services.citation_add(
            result=entry,
            acting_user=admin_member,
            fiscal_year=2567,
            kind="total",
            code="",
            lead_text="ได้คะแนน",
        )
    form = admin_client.get(f"/staff/plans/{plan.pk}/results/{entry.pk}/").content.decode()
    assert "ร่างผล" in form and "ได้คะแนน" in form, "the form shows the result and its citation"
    bad = admin_client.post(
        f"/staff/plans/{plan.pk}/results/{entry.pk}/",
        {"result": "ผลใหม่", "actual_start": "1 มีนาคม 2568", "actual_end": "1 มกราคม 2568"},
    )
    assert bad.status_code == 400 and "วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่มดำเนินการ" in bad.content.decode()
    with in_scope(agency):
        entry.refresh_from_db()
        assert entry.result == "ร่างผล", "a refused correction changes nothing"
    response = admin_client.post(
        f"/staff/plans/{plan.pk}/results/{entry.pk}/",
        {"result": "ดำเนินการครบทุกหมู่บ้าน", "spent": "2500", "problems": "ฝนตก"},
    )
    assert response.status_code == 302
    with in_scope(agency):
        entry.refresh_from_db()
        assert (entry.result, entry.spent, entry.problems) == ("ดำเนินการครบทุกหมู่บ้าน", Decimal(2500), "ฝนตก")
        assert entry.citations.count() == 1


def test_the_annual_report_of_a_plan_is_entered_and_shown_in_public(
    admin_client, anon, agency, admin_member, plan, in_scope
):
    with in_scope(agency):
        services.item_save(plan=plan, acting_user=admin_member, kind="project", number=1, title="โครงการ")
        services.plan_publish(plan=plan, acting_user=admin_member)
    assert admin_client.get(f"/staff/plans/{plan.pk}/annual/").status_code == 200
    bad = admin_client.post(f"/staff/plans/{plan.pk}/annual/", {"reported_on": "30 กุมภาพันธ์ 2568"})
    assert bad.status_code == 400
    response = admin_client.post(
        f"/staff/plans/{plan.pk}/annual/",
        {
            "reported_on": "15 ตุลาคม 2568",
            "summary": "ดำเนินการครบทุกมาตรการ",
            "problems": "งบประมาณไม่เพียงพอ",
            "suggestions": "ควรเริ่มโครงการตั้งแต่ไตรมาสแรก",
        },
    )
    assert response.status_code == 302
    page = anon.get(f"/plans/{plan.public_id}/results/").content.decode()
    assert "งบประมาณไม่เพียงพอ" in page and "ควรเริ่มโครงการตั้งแต่ไตรมาสแรก" in page


def test_deleting_an_item_of_a_published_plan_needs_a_reason(
    admin_client, agency, admin_member, plan, in_scope
):
    with in_scope(agency):
        measure = services.item_save(
            plan=plan, acting_user=admin_member, kind="measure", number=1, title="ม.1"
        )
        services.item_save(
            plan=plan, acting_user=admin_member, kind="activity", number=1, title="กิจกรรม", parent=measure
        )
        services.plan_publish(plan=plan, acting_user=admin_member)
    page = admin_client.get(f"/staff/plans/{plan.pk}/items/{measure.pk}/delete/").content.decode()
    assert "กิจกรรมย่อย 1 รายการ" in page
    refused = admin_client.post(f"/staff/plans/{plan.pk}/items/{measure.pk}/delete/", {"reason": ""})
    assert refused.status_code == 400 and "กรุณาระบุเหตุผลของการลบรายการ" in refused.content.decode()
    with in_scope(agency):
        assert PlanItem.objects.filter(plan=plan).count() == 2
    done = admin_client.post(
        f"/staff/plans/{plan.pk}/items/{measure.pk}/delete/", {"reason": "ซ้ำกับมาตรการที่ 2"}
    )
    assert done.status_code == 302
    with in_scope(agency):
        assert not PlanItem.objects.filter(plan=plan).exists()
        event = AuditEvent.objects.filter(action="planning.item.deleted").get()
    assert event.data["reason"] == "ซ้ำกับมาตรการที่ 2"


# --- updating a plan ----------------------------------------------------------------------------------------

PLAN_FORM = {
    "kind": "integrity_measures",
    "fiscal_year": "2568",
    "first_year": "2568",
    "last_year": "2568",
    "title": "มาตรการส่งเสริมคุณธรรมและความโปร่งใส พ.ศ. 2568 (ปรับปรุง)",
    "signer_name": "นายสมศักดิ์ ใจดี",
    "signer_position": "นายกองค์การบริหารส่วนตำบลวังทอง",
}


def test_a_draft_plan_is_updated_in_place_without_a_revision(admin_client, agency, plan, in_scope):
    response = admin_client.post(f"/staff/plans/{plan.pk}/", PLAN_FORM, follow=True)
    assert "บันทึกแผนเรียบร้อยแล้ว" in response.content.decode()
    with in_scope(agency):
        plan.refresh_from_db()
        assert plan.title == PLAN_FORM["title"] and plan.signer_name == "นายสมศักดิ์ ใจดี"
        assert plan.revision_count == 0 and not plan.is_published
        assert AuditEvent.objects.filter(action="planning.plan.draft_updated").count() == 1


def test_a_draft_plan_cannot_take_the_kind_and_year_of_another_plan(
    admin_client, agency, admin_member, plan, in_scope
):
    with in_scope(agency):
        factories.plan(agency, admin_member, fiscal_year=2569, title="มาตรการ พ.ศ. 2569")
    response = admin_client.post(f"/staff/plans/{plan.pk}/", {**PLAN_FORM, "fiscal_year": "2569"})
    assert response.status_code == 400
    assert "มีแผนประเภทนี้ของปีงบประมาณนี้แล้ว กรุณาแก้ไขแผนเดิมแทนการสร้างใหม่" in response.content.decode()
    with in_scope(agency):
        plan.refresh_from_db()
        assert plan.fiscal_year == 2568


def test_a_published_plan_is_changed_only_by_a_revision_with_a_reason(
    admin_client, agency, admin_member, in_scope
):
    with in_scope(agency):
        published = factories.published_plan(agency, admin_member)
    url = f"/staff/plans/{published.pk}/"
    refused = admin_client.post(url, PLAN_FORM)
    assert refused.status_code == 400
    assert "แผนนี้เผยแพร่แล้ว กรุณาระบุเหตุผลของการแก้ไข" in refused.content.decode()
    with in_scope(agency):
        published.refresh_from_db()
        assert published.title == "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2568"
        assert published.revision_count == 1

    response = admin_client.post(url, {**PLAN_FORM, "reason": "แก้ชื่อแผนให้ตรงกับที่ผู้บริหารลงนาม"})
    assert response.status_code == 302
    with in_scope(agency):
        published.refresh_from_db()
        assert published.title == PLAN_FORM["title"] and published.revision_count == 2
        revision = Revision.objects.get(record_id=published.pk, number=2)
        assert revision.reason == "แก้ชื่อแผนให้ตรงกับที่ผู้บริหารลงนาม"
        assert revision.content["title"] == PLAN_FORM["title"]
    public = admin_client.get(f"/plans/{published.public_id}/").content.decode()
    assert "แก้ชื่อแผนให้ตรงกับที่ผู้บริหารลงนาม" in public  # the reason is in the public history


def test_publishing_a_plan_without_items_says_what_to_do(admin_client, agency, plan, in_scope):
    response = admin_client.post(f"/staff/plans/{plan.pk}/publish/", follow=True)
    assert "แผนนี้ยังไม่มีรายการ กรุณาเพิ่มโครงการหรือกิจกรรมก่อนเผยแพร่" in response.content.decode()
    with in_scope(agency):
        plan.refresh_from_db()
        assert not plan.is_published
