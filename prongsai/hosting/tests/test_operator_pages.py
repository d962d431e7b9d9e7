"""The operator's pages: only its own agencies, no corruption report ever, and every view audited."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from conftest import login_verified
from prongsai.core.models import AuditEvent, OperatorAccess
from prongsai.core.roles import Role
from prongsai.core.tenancy import agency_scope
from prongsai.hosting import selectors
from prongsai.hosting.tests import factories
from prongsai.ita.readiness_store import check_now

pytestmark = pytest.mark.django_db


def test_the_dashboard_lists_only_the_operators_own_agencies(make_new_agency, rival, operator_client):
    make_new_agency("nongbua", name_th="องค์การบริหารส่วนตำบลหนองบัว")
    korat_user = factories.operator_member(rival, "korat.creator")
    factories.new_agency(rival, korat_user, "phimai", name_th="องค์การบริหารส่วนตำบลพิมาย", province="นครราชสีมา")
    body = operator_client.get("/hosting/").content.decode()
    assert "องค์การบริหารส่วนตำบลหนองบัว" in body
    assert "พิมาย" not in body


def test_another_operators_agency_is_not_found_on_any_page(make_new_agency, rival_client):
    make_new_agency("nongbua")
    for path in (
        "/hosting/agencies/nongbua/",
        "/hosting/agencies/nongbua/suspend/",
        "/hosting/agencies/nongbua/export/",
        "/hosting/agencies/nongbua/delete/",
        "/hosting/agencies/nongbua/invite/",
    ):
        response = (
            rival_client.post(path, {"suspend-reason": "x"})
            if path.count("/") > 4
            else rival_client.get(path)
        )
        assert response.status_code == 404, path


def test_another_operators_export_cannot_be_downloaded(
    make_new_agency, chaiyaphum, operator_user, rival_client
):
    from prongsai.core.services_onboarding import agency_export_request
    from prongsai.hosting.export import build_agency_export

    made = make_new_agency("nongbua")
    export = agency_export_request(agency=made.agency, operator=chaiyaphum, acting_user=operator_user)
    build_agency_export.call(made.agency.pk, export.pk)
    assert rival_client.get(f"/hosting/exports/{export.pk}/download/").status_code == 404


def test_people_who_are_not_operators_are_refused(agency, admin_member, make_new_agency):
    make_new_agency("nongbua")
    anonymous = Client(HTTP_HOST="wangthong.test").get("/hosting/")
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/accounts/login/")
    # An agency's own administrator is not an operator.
    admin = login_verified(Client(HTTP_HOST="wangthong.test"), admin_member)
    assert admin.get("/hosting/").status_code == 403
    assert admin.get("/hosting/agencies/nongbua/").status_code == 403


def test_an_operator_without_the_second_factor_is_asked_for_it(operator_user, agency):
    client = Client(HTTP_HOST="wangthong.test")
    client.force_login(operator_user)
    assert client.get("/hosting/")["Location"].startswith("/accounts/verify/")


def test_every_operator_page_view_is_in_each_shown_agencys_audit_chain(make_new_agency, operator_client):
    first = make_new_agency("nongbua").agency
    second = make_new_agency("khokmuang").agency
    operator_client.get("/hosting/")
    operator_client.get("/hosting/agencies/nongbua/")
    with scopes_disabled():
        assert AuditEvent.objects.filter(agency=first, action="hosting.operator.viewed").count() == 2
        assert AuditEvent.objects.filter(agency=second, action="hosting.operator.viewed").count() == 1
        event = AuditEvent.objects.filter(agency=second, action="hosting.operator.viewed").get()
    assert event.data == {"operator": "chaiyaphum", "page": "/hosting/"}
    assert event.actor_label == "province.officer (chaiyaphum)"
    access = OperatorAccess.objects.order_by("pk")
    assert [a.page for a in access] == ["/hosting/", "/hosting/agencies/nongbua/"]
    assert sorted(access[0].agency_codes) == ["khokmuang", "nongbua"]


def test_no_corruption_report_is_reachable_from_the_operators_pages(
    make_new_agency, operator_client, operator_user
):
    from prongsai.whistleblower.tests.factories import recipient, report

    made = make_new_agency("nongbua")
    recipient(made.agency, "committee1", Role.INTEGRITY_COMMITTEE)
    with agency_scope(made.agency):
        report(made.agency, what="นายกรับเงินใต้โต๊ะจากผู้รับเหมาถนนสายบ้านโนน")
    pages = [operator_client.get(p).content.decode() for p in ("/hosting/", "/hosting/agencies/nongbua/")]
    for body in pages:
        assert "ใต้โต๊ะ" not in body
        assert "บ้านโนน" not in body
    # The corruption channel's staff pages stay closed to an operator on the agency's own host.
    client = login_verified(Client(HTTP_HOST="nongbua.test"), operator_user)
    for path in ("/staff/integrity/", "/staff/integrity/reports/"):
        assert client.get(path).status_code in (403, 404)


def test_the_dashboard_reads_stored_readiness_and_counts_per_agency(
    make_new_agency, operator_client, catalogues
):
    made = make_new_agency("nongbua")
    with agency_scope(made.agency):
        check_now(made.agency, 2570)
    data = selectors.overview(made.agency.operator, today=date(2026, 12, 1))
    row = next(r for r in data.rows if r.agency.code == "nongbua")
    assert row.readiness is not None
    assert row.readiness.statuses and row.ready_share is not None
    assert data.items and len(row.marks) == len(data.items)
    assert data.late  # a new agency has not published what the items ask for yet
    assert data.map is not None and any(t.name == "ภักดีชุมพล" and t.agencies == 1 for t in data.map.tiles)
    body = operator_client.get("/hosting/").content.decode()
    assert "<svg" in body and "ภักดีชุมพล" in body


def test_the_dashboard_costs_the_same_queries_for_one_agency_or_several(make_new_agency, chaiyaphum):
    make_new_agency("nongbua")
    with CaptureQueriesContext(connection) as one:
        selectors.overview(chaiyaphum)
    make_new_agency("khokmuang")
    make_new_agency("nongkhai", district="เมืองชัยภูมิ")
    with CaptureQueriesContext(connection) as three:
        selectors.overview(chaiyaphum)
    assert len(three) == len(one)


def test_an_operator_who_signs_in_is_sent_to_the_dashboard_after_the_second_factor(operator_user, agency):
    client = Client(HTTP_HOST="wangthong.test")
    response = client.post(
        "/accounts/login/", {"username": "province.officer", "password": "correct horse battery staple"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/verify/?next=%2Fhosting%2F"
