"""The operator's settings page: the OCDS prefix its agencies publish under (ADR 0120)."""

from __future__ import annotations

import pytest
from django_scopes import scopes_disabled

from prongsai.core.models import AuditEvent, Operator
from prongsai.core.tenancy import agency_scope
from prongsai.procurement import selectors as procurement
from prongsai.procurement import services as procurement_services

pytestmark = pytest.mark.django_db

FORMAT_ERROR = "คำนำหน้ารหัส OCDS ต้องเป็น ocds- ตามด้วยอักษรภาษาอังกฤษตัวเล็กหรือตัวเลขรวม 6 ตัว"


def _prefix(agency) -> procurement.OcidPrefix:
    with agency_scope(agency):
        return procurement.ocid_prefix(agency)


def test_the_operator_sets_its_registered_prefix_and_its_agencies_publish_under_it(
    make_new_agency, operator_client, chaiyaphum
):
    first = make_new_agency("nongbua").agency
    second = make_new_agency("khokmuang").agency
    assert not _prefix(first).registered
    page = operator_client.get("/hosting/settings/").content.decode()
    assert "คำนำหน้ารหัส OCDS" in page and "ยังไม่เผยแพร่ (ยังไม่ได้ลงทะเบียนคำนำหน้า)" in page
    response = operator_client.post("/hosting/settings/", {"ocds_prefix": " ocds-213czf "}, follow=True)
    html = response.content.decode()
    assert "บันทึกคำนำหน้ารหัส OCDS แล้ว" in html
    assert "ocds-213czf-nongbua-&lt;เลขที่โครงการ&gt;" in html and "คำนำหน้าของผู้ให้บริการระบบ" in html
    chaiyaphum.refresh_from_db()
    assert chaiyaphum.ocds_prefix == "ocds-213czf"
    assert (_prefix(first).value, _prefix(first).source) == ("ocds-213czf-nongbua", "operator")
    assert _prefix(second).value == "ocds-213czf-khokmuang"
    # Each hosted agency's own audit chain says who changed the prefix its data is published under.
    with scopes_disabled():
        events = AuditEvent.objects.filter(action="core.operator.ocds_prefix_updated")
        assert {e.agency_id for e in events} == {first.pk, second.pk}
        assert events.first().data == {"operator": "chaiyaphum", "before": "", "after": "ocds-213czf"}


@pytest.mark.parametrize(
    "value", ["ocds-12345", "OCDS-213CZF", "ocds-213czf-nongbua", "213czf", "ocds-21_czf"]
)
def test_a_malformed_prefix_is_refused_in_thai_and_nothing_changes(value, operator_client, chaiyaphum):
    response = operator_client.post("/hosting/settings/", {"ocds_prefix": value})
    assert response.status_code == 400
    assert FORMAT_ERROR in response.content.decode()
    chaiyaphum.refresh_from_db()
    assert chaiyaphum.ocds_prefix == ""


def test_the_documentations_placeholder_is_not_a_registered_prefix(operator_client, chaiyaphum):
    response = operator_client.post("/hosting/settings/", {"ocds_prefix": "ocds-xxxxxx"})
    assert response.status_code == 400
    assert "เป็นเพียงตัวอย่างในเอกสาร ไม่ใช่คำนำหน้าที่ลงทะเบียนไว้" in response.content.decode()
    chaiyaphum.refresh_from_db()
    assert chaiyaphum.ocds_prefix == ""


def test_the_operator_can_clear_a_wrong_prefix(make_new_agency, operator_client, chaiyaphum):
    agency = make_new_agency("nongbua").agency
    operator_client.post("/hosting/settings/", {"ocds_prefix": "ocds-213czf"})
    operator_client.post("/hosting/settings/", {"ocds_prefix": ""})
    chaiyaphum.refresh_from_db()
    assert chaiyaphum.ocds_prefix == "" and not _prefix(agency).registered


def test_an_agencys_own_prefix_wins_over_its_operators(make_new_agency, operator_client, operator_user):
    made = make_new_agency("nongbua")
    operator_client.post("/hosting/settings/", {"ocds_prefix": "ocds-213czf"})
    with agency_scope(made.agency):
        procurement_services.settings_update(
            agency=made.agency, acting_user=made.administrator, values={}, ocid_prefix="ocds-9own00-nb"
        )
    assert (_prefix(made.agency).value, _prefix(made.agency).source) == ("ocds-9own00-nb", "agency")
    html = operator_client.get("/hosting/settings/").content.decode()
    assert "ocds-9own00-nb-&lt;เลขที่โครงการ&gt;" in html and "คำนำหน้าที่หน่วยงานลงทะเบียนไว้เอง" in html


def test_another_operator_cannot_set_the_prefix_of_agencies_it_does_not_host(
    make_new_agency, rival, rival_client, chaiyaphum
):
    agency = make_new_agency("nongbua").agency
    # The rival's form changes only the rival: naming the other operator or its agency changes nothing.
    response = rival_client.post(
        "/hosting/settings/",
        {"ocds_prefix": "ocds-k0rat1", "operator": chaiyaphum.pk, "code": "nongbua", "agency": agency.pk},
        follow=True,
    )
    assert "บันทึกคำนำหน้ารหัส OCDS แล้ว" in response.content.decode()
    rival.refresh_from_db()
    chaiyaphum.refresh_from_db()
    assert rival.ocds_prefix == "ocds-k0rat1" and chaiyaphum.ocds_prefix == ""
    assert not _prefix(agency).registered
    assert "nongbua" not in rival_client.get("/hosting/settings/").content.decode()
    with scopes_disabled():
        assert not AuditEvent.objects.filter(
            agency=agency, action="core.operator.ocds_prefix_updated"
        ).exists()
    # Nor through an agency path of the other operator's.
    assert rival_client.post("/hosting/agencies/nongbua/settings/", {"ocds_prefix": "x"}).status_code == 404


def test_people_who_are_not_operators_cannot_open_the_settings(admin_client, anon):
    assert admin_client.get("/hosting/settings/").status_code == 403
    assert admin_client.post("/hosting/settings/", {"ocds_prefix": "ocds-213czf"}).status_code == 403
    assert anon.get("/hosting/settings/").status_code == 302
    assert not Operator.objects.exclude(ocds_prefix="").exists()


def test_the_service_refuses_a_malformed_prefix_whoever_calls_it(chaiyaphum, operator_user):
    from django.core.exceptions import ValidationError

    from prongsai.core.services_onboarding import operator_ocds_prefix_update

    with pytest.raises(ValidationError) as caught:
        operator_ocds_prefix_update(operator=chaiyaphum, acting_user=operator_user, ocds_prefix="ocds-abc")
    assert "ocds_prefix" in caught.value.message_dict


def test_the_operator_menu_links_the_settings(operator_client):
    assert 'href="/hosting/settings/"' in operator_client.get("/hosting/").content.decode()


def test_the_settings_page_is_recorded_and_costs_the_same_queries_for_any_number_of_agencies(
    make_new_agency, operator_client, chaiyaphum
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from prongsai.hosting import selectors

    first = make_new_agency("nongbua").agency
    with CaptureQueriesContext(connection) as one:
        selectors.ocds_prefixes(chaiyaphum)
    make_new_agency("khokmuang")
    make_new_agency("nongkhai", district="เมืองชัยภูมิ")
    with CaptureQueriesContext(connection) as three:
        selectors.ocds_prefixes(chaiyaphum)
    assert len(three) == len(one)
    operator_client.get("/hosting/settings/")
    with scopes_disabled():
        event = AuditEvent.objects.filter(agency=first, action="hosting.operator.viewed").get()
    assert event.data["page"] == "/hosting/settings/"
