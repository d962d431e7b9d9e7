"""HR rules and the ethics records: drafted, published by whom may, corrected only by a revision."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from prongsai.core.demo_images import document_pdf
from prongsai.core.models import AuditEvent, Revision
from prongsai.people import services
from prongsai.people.models import HrRule
from prongsai.people.tests import factories


def test_a_published_rule_is_corrected_only_by_a_revision_with_a_reason(agency, admin_member, in_scope):
    with in_scope(agency):
        rule = factories.hr_rule(agency, admin_member)
        with pytest.raises(ValidationError) as refused:
            services.hr_rule_save(agency=agency, acting_user=admin_member, rule=rule, body="ข้อความใหม่")
        services.hr_rule_save(
            agency=agency, acting_user=admin_member, rule=rule, body="ข้อความใหม่", reason="ปรับตามประกาศ ก.อบต."
        )
        rule.refresh_from_db()
        revisions = list(
            Revision.objects.filter(agency=agency, record_id=rule.pk, record_type="people.hrrule")
        )
    assert "เหตุผล" in str(refused.value)
    assert rule.body == "ข้อความใหม่" and rule.revision_count == 2
    assert [r.reason for r in revisions] == ["", "ปรับตามประกาศ ก.อบต."]


def test_a_working_group_without_members_cannot_be_published(agency, admin_member, in_scope):
    with in_scope(agency), pytest.raises(ValidationError) as refused:
        factories.working_group(agency, admin_member, [])
    assert "รายชื่อคณะทำงาน" in str(refused.value)


def test_one_dos_and_donts_per_year(agency, admin_member, in_scope):
    with in_scope(agency):
        factories.conduct_guide(agency, admin_member)
        with pytest.raises(ValidationError) as refused:
            factories.conduct_guide(agency, admin_member, publish=False)
    assert "ปีงบประมาณนี้แล้ว" in str(refused.value)


def test_an_officer_drafts_a_rule_and_the_page_says_who_publishes_it(staff_client, agency, member, in_scope):
    response = staff_client.post(
        "/staff/people/rules/new/",
        {
            "topic": "appraisal",
            "title": "หลักเกณฑ์การประเมินผลการปฏิบัติงาน",
            "body": "ประเมินปีละสองรอบ",
            "effective_on": "1 ตุลาคม 2566",
            "document_upload": SimpleUploadedFile("rule.pdf", document_pdf("rule"), "application/pdf"),
        },
    )
    assert response.status_code == 302
    with in_scope(agency):
        rule = HrRule.objects.get(agency=agency)
    page = staff_client.get(f"/staff/people/rules/{rule.pk}/").content.decode()
    assert "รอการเผยแพร่โดย หัวหน้าส่วนราชการ หรือ ผู้บริหาร" in page
    assert staff_client.post(f"/staff/people/rules/{rule.pk}/publish/").status_code == 403
    assert rule.document is not None


def test_the_head_publishes_and_the_rule_appears_publicly_with_its_document(
    head_client, agency, member, anon, in_scope
):
    with in_scope(agency):
        rule = services.hr_rule_save(
            agency=agency,
            acting_user=member,
            topic="development",
            title="หลักเกณฑ์การพัฒนาบุคลากร",
            body="อย่างน้อยปีละหนึ่งหลักสูตร",
            effective_on=date(2023, 10, 1),
            document_upload=SimpleUploadedFile("rule.pdf", document_pdf("rule"), "application/pdf"),
        )
    assert anon.get(f"/people/rules/{rule.public_id}/").status_code == 404
    assert anon.get(f"/people/documents/{rule.document.public_id}/").status_code == 404
    assert head_client.post(f"/staff/people/rules/{rule.pk}/publish/").status_code == 302
    page = anon.get("/people/rules/").content.decode()
    assert "หลักเกณฑ์การพัฒนาบุคลากร" in page
    detail = anon.get(f"/people/rules/{rule.public_id}/")
    assert detail.status_code == 200 and "อย่างน้อยปีละหนึ่งหลักสูตร" in detail.content.decode()
    download = anon.get(f"/people/documents/{rule.document.public_id}/")
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    with in_scope(agency):
        assert AuditEvent.objects.filter(agency=agency, action="people.hr_rule.published").count() == 1


def test_a_bad_rule_is_a_thai_400_and_nothing_is_saved(admin_client, agency, in_scope):
    response = admin_client.post(
        "/staff/people/rules/new/",
        {"topic": "appraisal", "title": "", "body": "", "effective_on": "31 กุมภาพันธ์ 2567"},
    )
    assert response.status_code == 400
    assert "กรุณา" in response.content.decode() or "จำเป็น" in response.content.decode()
    with in_scope(agency):
        assert not HrRule.objects.filter(agency=agency).exists()


def test_an_uploaded_html_file_is_refused_with_a_thai_message(admin_client, agency, in_scope):
    response = admin_client.post(
        "/staff/people/ethics/codes/new/",
        {
            "kind": "staff",
            "title": "ประมวลจริยธรรมพนักงานส่วนท้องถิ่น",
            "issued_on": "1 พฤศจิกายน 2564",
            "document_upload": SimpleUploadedFile(
                "x.pdf", b"<html><script>alert(1)</script>", "application/pdf"
            ),
        },
    )
    assert response.status_code == 400
    with in_scope(agency):
        from prongsai.people.models import EthicsCode

        assert not EthicsCode.objects.filter(agency=agency).exists()


def test_staff_add_working_group_members_from_the_page(admin_client, agency, admin_member, in_scope):
    with in_scope(agency):
        chair = factories.person(agency, admin_member)
        group = services.working_group_save(
            agency=agency,
            acting_user=admin_member,
            fiscal_year=2567,
            title="คณะทำงานขับเคลื่อนจริยธรรม",
            order_number="1/2567",
            ordered_on=date(2023, 10, 16),
        )
    response = admin_client.post(
        f"/staff/people/ethics/groups/{group.pk}/members/", {"person": chair.pk, "role": "chair", "order": 0}
    )
    assert response.status_code == 302
    draft = admin_client.get(f"/staff/people/ethics/groups/{group.pk}/").content.decode()
    assert f'action="/staff/people/ethics/groups/{group.pk}/publish/"' in draft
    assert admin_client.post(f"/staff/people/ethics/groups/{group.pk}/publish/").status_code == 302
    page = admin_client.get(f"/staff/people/ethics/groups/{group.pk}/").content.decode()
    assert chair.full_name in page and "เผยแพร่แล้ว" in page
