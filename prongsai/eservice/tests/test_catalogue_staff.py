"""The citizen manual in the back office: draft with steps and documents, publish, correct with a reason."""

from __future__ import annotations

import pytest
from django_scopes import scopes_disabled

from prongsai.core.models import Revision
from prongsai.core.tests import factories as core_factories
from prongsai.eservice.models import Service

pytestmark = pytest.mark.django_db


def management(prefix: str, total: int) -> dict[str, str]:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


@pytest.fixture
def unit(agency, admin_member, in_scope):
    with in_scope(agency):
        return core_factories.org_unit(agency, admin_member, name_th="กองช่าง")


def draft_data(unit, **extra):
    return {
        "code": "sign-permit",
        "name_th": "การขออนุญาตติดตั้งป้าย",
        "owner_unit": unit.pk,
        "category": "permit",
        "kind": "licence",
        "channel_walk_in": "on",
        "channel_eservice": "on",
        "upload_max_mb": "5",
        "order": "1",
        "is_accepting": "on",
        "service_points_text": "ที่ทำการ อบต. | จันทร์–ศุกร์ 08.30–16.30 น.",
        **management("fields", 1),
        "fields-0-label": "ข้อความบนป้าย",
        "fields-0-kind": "text",
        "fields-0-required": "on",
        "fields-0-name": "sign_text",
        "fields-0-ORDER": "1",
        **management("steps", 1),
        "steps-0-name": "ตรวจสอบคำขอ",
        "steps-0-duration_value": "2",
        "steps-0-duration_unit": "days",
        "steps-0-responsible_unit": unit.pk,
        **management("docs", 1),
        "docs-0-name": "บัตรประจำตัวประชาชน",
        "docs-0-original_or_copy": "copy",
        "docs-0-copies": "1",
        **extra,
    }


def test_a_manager_drafts_publishes_and_corrects_a_manual(admin_client, anon, agency, unit):
    response = admin_client.post("/staff/eservice/services/new/", draft_data(unit))
    assert response.status_code == 302, response.content.decode()[:2000]
    with scopes_disabled():
        service = Service.objects.get(code="sign-permit")
        assert [s.name for s in service.steps.all()] == ["ตรวจสอบคำขอ"]
        assert service.documents.count() == 1
    assert anon.get("/eservice/services/sign-permit/").status_code == 404  # a draft is not public
    assert admin_client.post(f"/staff/eservice/services/{service.pk}/publish/").status_code == 302
    page = anon.get("/eservice/services/sign-permit/").content.decode()
    assert "ไม่มีค่าธรรมเนียม" in page and "2 วันทำการ" in page

    changed = draft_data(
        unit,
        **{"steps-0-duration_value": "1", "steps-1-name": "ออกใบอนุญาต", "steps-1-duration_value": "3"},
        **{"steps-1-duration_unit": "days", "steps-TOTAL_FORMS": "2"},
    )
    no_reason = admin_client.post(f"/staff/eservice/services/{service.pk}/", changed)
    assert no_reason.status_code == 400 and "เหตุผลของการแก้ไข" in no_reason.content.decode()
    ok = admin_client.post(
        f"/staff/eservice/services/{service.pk}/", {**changed, "reason": "ลดระยะเวลาตามประกาศใหม่"}
    )
    assert ok.status_code == 302
    page = anon.get("/eservice/services/sign-permit/").content.decode()
    assert "4 วันทำการ" in page and "ลดระยะเวลาตามประกาศใหม่" in page
    with scopes_disabled():
        revisions = list(Revision.objects.filter(record_type="eservice.service").order_by("number"))
    assert [r.number for r in revisions] == [1, 2]
    assert revisions[1].content["steps"][1]["name"] == "ออกใบอนุญาต"


def test_a_bad_form_definition_or_missing_steps_are_refused_in_thai(admin_client, unit):
    no_choices = admin_client.post(
        "/staff/eservice/services/new/", draft_data(unit, **{"fields-0-kind": "choice"})
    )
    assert no_choices.status_code == 400 and "จึงต้องมีรายการตัวเลือก" in no_choices.content.decode()
    bad_kind = admin_client.post(
        "/staff/eservice/services/new/", draft_data(unit, **{"fields-0-kind": "blob"})
    )
    assert bad_kind.status_code == 400 and "blob" in bad_kind.content.decode()
    no_steps = admin_client.post(
        "/staff/eservice/services/new/",
        draft_data(
            unit, **{"steps-0-name": "", "steps-0-duration_value": "", "steps-0-responsible_unit": ""}
        ),
    )
    assert no_steps.status_code == 400 and "อย่างน้อยหนึ่งขั้นตอน" in no_steps.content.decode()
    with scopes_disabled():
        assert not Service.objects.exists()


def test_a_half_filled_step_row_says_what_is_missing(admin_client, unit):
    response = admin_client.post(
        "/staff/eservice/services/new/", draft_data(unit, **{"steps-0-duration_value": ""})
    )
    assert response.status_code == 400 and "กรุณากรอกระยะเวลาของขั้นตอน" in response.content.decode()


def test_an_officer_cannot_edit_the_catalogue(staff_client, unit):
    assert staff_client.get("/staff/eservice/services/new/").status_code == 403
