"""The E-Service request-form builder in Chromium: rows added on demand, a live preview, reordering, and the
saved definition the server built from the rows (no JSON anywhere)."""

from __future__ import annotations

import pytest
from django_scopes import scopes_disabled

from prongsai.core.demo import DEMO_PASSWORD
from prongsai.core.roles import Role
from prongsai.core.tenancy import agency_scope
from prongsai.core.tests import factories
from prongsai.eservice.models import Service
from tests.e2e.helpers import DESKTOP, axe_violations, describe_violations, minimal_agency, sign_in, submit

pytestmark = pytest.mark.browser


def test_a_manager_builds_a_request_form_with_a_live_preview_and_reorders_it(
    live_server, browser, axe_source
):
    agency = minimal_agency()
    manager = factories.member(agency, "manager", Role.ADMINISTRATOR)
    manager.set_password(DEMO_PASSWORD)
    manager.save()
    with agency_scope(agency):
        unit = factories.org_unit(agency, manager, name_th="กองช่าง")
    context = browser.new_context(locale="th-TH", viewport=DESKTOP, bypass_csp=True)  # axe-core is injected
    page = context.new_page()
    try:
        sign_in(page, live_server.url, "manager")
        page.goto(live_server.url + "/staff/eservice/services/new/")
        page.fill("[name=code]", "sign-permit")
        page.fill("[name=name_th]", "การขออนุญาตติดตั้งป้าย")
        page.select_option("[name=owner_unit]", str(unit.pk))
        page.select_option("[name=category]", index=1)
        page.fill("[name=steps-0-name]", "ตรวจสอบคำขอ")
        page.fill("[name=steps-0-duration_value]", "2")

        builder = page.locator("[data-form-builder]")
        preview = builder.locator("[data-form-preview]")
        assert preview.is_visible()
        assert builder.locator("[name=fields-0-choices]").is_hidden()  # only for the choice kind
        assert builder.locator("[name=fields-0-ORDER]").is_hidden()  # the order is the rows' order

        builder.locator("[name=fields-0-label]").fill("ประเภทป้าย")
        builder.locator("[name=fields-0-kind]").select_option("choice")
        choices = builder.locator("[name=fields-0-choices]")
        assert choices.is_visible()
        choices.fill("ป้ายโฆษณา\nป้ายชื่อร้าน")
        builder.locator("[name=fields-0-required]").check()
        assert preview.get_by_label("ประเภทป้าย").locator("option").all_inner_texts() == [
            "— เลือก —",
            "ป้ายโฆษณา",
            "ป้ายชื่อร้าน",
        ]

        builder.get_by_role("button", name="เพิ่มช่องกรอก").click()
        builder.get_by_role("button", name="เพิ่มช่องกรอก").click()
        rows = builder.locator("[data-field-row]")
        last = rows.nth(rows.count() - 1)
        last.locator("[name$=-label]").fill("วันที่เริ่มติดตั้ง")
        last.locator("[name$=-kind]").select_option("date")
        assert last.locator("[name$=-past]").is_visible()
        labels = preview.locator("label")
        assert labels.count() == 2
        assert "ประเภทป้าย" in labels.nth(0).inner_text() and "วันที่เริ่มติดตั้ง" in labels.nth(1).inner_text()

        last.get_by_role("button", name="เลื่อนขึ้น").click()
        first_label = builder.locator("[data-field-row]").first.locator("[name$=-label]")
        for _ in range(rows.count()):  # up past the empty rows to the top
            if first_label.input_value() == "วันที่เริ่มติดตั้ง":
                break
            page.keyboard.press("Enter")  # the moved row's button keeps the focus
        assert "วันที่เริ่มติดตั้ง" in preview.locator("label").nth(0).inner_text()

        serious = describe_violations("form builder", axe_violations(page, axe_source))
        assert not serious, serious
        response = submit(page, "บันทึกคู่มือ")
        assert response.status == 200, page.content()[:3000]
    finally:
        context.close()
    with scopes_disabled():
        service = Service.objects.get(code="sign-permit")
    assert service.form_fields == [
        {"name": "field_1", "label": "วันที่เริ่มติดตั้ง", "kind": "date", "required": False},
        {
            "name": "field_2",
            "label": "ประเภทป้าย",
            "kind": "choice",
            "required": True,
            "choices": [["c1", "ป้ายโฆษณา"], ["c2", "ป้ายชื่อร้าน"]],
        },
    ]
