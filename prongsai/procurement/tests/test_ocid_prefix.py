"""Which OCDS prefix an agency publishes under, and what it publishes while none is registered (ADR 0120).

The agency's own prefix wins, then its hosting operator's, then the instance's; with none of them nothing
carries an ocid and every OCDS file answers, in Thai, why not and who can change that. The placeholder of
older versions (ocds-xxxxxx) never appears anywhere.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from openpyxl import load_workbook

from prongsai.procurement import selectors, services
from prongsai.procurement.models import Method
from prongsai.procurement.tests.factories import (
    OPERATOR_PREFIX,
    hosted_with_prefix,
    profile_without_review,
    publish,
    row,
)
from prongsai.procurement.tests.ocds_schema import errors

PLACEHOLDER = "xxxxxx"
NOT_REGISTERED = "ยังไม่เผยแพร่ข้อมูลการจัดซื้อจัดจ้างตามมาตรฐาน OCDS เนื่องจากยังไม่ได้ลงทะเบียนคำนำหน้ารหัส OCDS"
OPERATOR_NAME = "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดชัยภูมิ"
OCDS_FILES = (
    "/procurement/ocds/2567.json",
    "/procurement/ocds/2567-01.json",
    "/procurement/ocds/records/67019000001.json",
)


@pytest.fixture
def road(scoped, admin_member):
    profile_without_review(scoped, admin_member)
    item = row(
        scoped,
        admin_member,
        title="ก่อสร้างถนนคอนกรีตเสริมเหล็ก",
        method=Method.E_BIDDING,
        egp_project_no="67019000001",
        budget=Decimal("1500000"),
        agreed_price=Decimal("1250000"),
        contract_signed_on=date(2024, 1, 15),
    )
    publish(scoped, admin_member, item)
    return item


def _text(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode("utf-8-sig")


def _xlsx_text(response) -> str:
    book = load_workbook(io.BytesIO(response.content))
    return str([list(r) for r in book.active.iter_rows(values_only=True)])


def test_without_any_prefix_every_ocds_file_says_in_thai_why_and_who_must_act(road, anon):
    for path in OCDS_FILES:
        response = anon.get(path)
        assert response.status_code == 404, path
        answer = json.loads(response.content)
        assert answer["reason"] == "ocid_prefix_not_registered"
        assert NOT_REGISTERED in answer["error"]
        # Self-hosted (no operator): the one who runs the site, or the agency's administrator, can act.
        assert "ผู้ดูแลระบบที่ให้บริการเว็บไซต์นี้" in answer["error"]
        assert "ผู้ดูแลระบบของหน่วยงาน" in answer["error"] and "การตั้งค่าการจัดซื้อจัดจ้าง" in answer["error"]
    # A person following a link gets the same answer as a Thai page, not JSON.
    page = anon.get(OCDS_FILES[0], HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")
    assert page.status_code == 404 and page["Content-Type"].startswith("text/html")
    assert "Accept" in page["Vary"]
    html = page.content.decode()
    assert NOT_REGISTERED in html and "ยังไม่เผยแพร่ข้อมูลตามมาตรฐาน OCDS" in html
    index = anon.get("/procurement/ocds/").content.decode()
    assert NOT_REGISTERED in index and "/procurement/ocds/2567.json" not in index


def test_a_hosted_agency_without_a_prefix_is_told_its_operator_can_register_one(road, anon, agency):
    hosted_with_prefix(agency, prefix="")
    answer = json.loads(anon.get(OCDS_FILES[0]).content)
    assert f"ผู้ที่ดำเนินการได้คือ{OPERATOR_NAME} ในฐานะผู้ดูแลระบบที่ให้บริการ" in answer["error"]


def test_without_any_prefix_no_page_download_or_data_set_carries_a_made_up_ocid(road, anon):
    bodies = {
        "register": _text(anon.get("/procurement/register/")),
        "detail": _text(anon.get(f"/procurement/register/{road.public_id}/")),
        "index": _text(anon.get("/procurement/")),
        "ocds index": _text(anon.get("/procurement/ocds/")),
        "csv": _text(anon.get("/procurement/register.csv")),
        "xlsx": _xlsx_text(anon.get("/procurement/register.xlsx")),
        "data csv": _text(anon.get("/data/procurement-register.csv")),
        "data json": _text(anon.get("/data/procurement-register.json")),
        "data xlsx": _xlsx_text(anon.get("/data/procurement-register.xlsx")),
        "catalogue": _text(anon.get("/data/")),
        "dcat": _text(anon.get("/data/catalog.jsonld")),
        "catalogue csv": _text(anon.get("/data/catalog.csv")),
    }
    for name, body in bodies.items():
        assert PLACEHOLDER not in body, name
        assert "-wangthong-67019000001" not in body, name  # no ocid under any prefix
        assert "/procurement/ocds/2567" not in body, name  # no link to a package that is not published
    assert "รหัส OCDS" not in bodies["detail"]
    assert "OCDS JSON" not in bodies["register"]
    # The ocid column is still there (the data set's schema does not change) but empty.
    table = list(csv.reader(io.StringIO(bodies["csv"])))
    assert table[0][15].startswith("รหัสกระบวนการจัดซื้อจัดจ้างตามมาตรฐาน OCDS") and table[1][15] == ""
    data = json.loads(bodies["data json"])
    assert [r["ocid"] for r in data["rows"]] == [None]


def test_the_operators_prefix_followed_by_the_agency_code_is_used_everywhere(road, anon, agency):
    hosted_with_prefix(agency)
    ocid = f"{OPERATOR_PREFIX}-wangthong-67019000001"
    package = json.loads(_text(anon.get(OCDS_FILES[0])))
    assert errors(package, "release-package-schema.json") == []
    assert [r["ocid"] for r in package["releases"]] == [ocid]
    assert ocid in _text(anon.get(f"/procurement/register/{road.public_id}/"))
    assert list(csv.reader(io.StringIO(_text(anon.get("/procurement/register.csv")))))[1][15] == ocid
    assert ocid in _xlsx_text(anon.get("/procurement/register.xlsx"))
    assert [r["ocid"] for r in json.loads(_text(anon.get("/data/procurement-register.json")))["rows"]] == [
        ocid
    ]
    assert "OCDS JSON" in _text(anon.get("/procurement/register/"))


def test_the_agencys_own_prefix_wins_over_the_operators_and_the_instances(
    road, anon, agency, admin_member, settings
):
    settings.OCDS_OCID_PREFIX = "ocds-1nst01"
    assert selectors.ocid_prefix(agency).value == "ocds-1nst01-wangthong"
    hosted_with_prefix(agency)
    assert selectors.ocid_prefix(agency).value == f"{OPERATOR_PREFIX}-wangthong"
    services.settings_update(agency=agency, acting_user=admin_member, values={}, ocid_prefix="ocds-213czf-wt")
    prefix = selectors.ocid_prefix(agency)
    assert (prefix.value, prefix.source) == ("ocds-213czf-wt", "agency")
    package = json.loads(_text(anon.get(OCDS_FILES[0])))
    assert [r["ocid"] for r in package["releases"]] == ["ocds-213czf-wt-67019000001"]


def test_the_placeholder_is_refused_as_an_agencys_own_prefix(scoped, admin_member):
    with pytest.raises(ValidationError):
        profile = selectors.profile_for(scoped)
        profile.ocid_prefix = "ocds-xxxxxx-wangthong"
        profile.full_clean()


def test_a_prefix_set_by_the_operator_shows_at_once_on_cached_public_pages(
    road, anon, agency, operator_admin
):
    from prongsai.core.services_onboarding import operator_ocds_prefix_update

    operator = hosted_with_prefix(agency, prefix="")
    assert "OCDS JSON" not in _text(anon.get("/procurement/register/"))
    assert "OCDS JSON" not in _text(anon.get("/procurement/register/"))  # served from the page cache
    operator_ocds_prefix_update(operator=operator, acting_user=operator_admin, ocds_prefix="ocds-n3wpfx")
    assert "OCDS JSON" in _text(anon.get("/procurement/register/"))
    assert "ocds-n3wpfx-wangthong-67019000001" in _text(anon.get(f"/procurement/register/{road.public_id}/"))


@pytest.fixture
def operator_admin(db):
    from prongsai.core.models import User

    return User.objects.create_user(username="province.officer", password="correct horse battery staple")


def _settings_page(admin_client) -> str:
    return admin_client.get("/procurement/staff/settings/").content.decode()


def test_the_staff_settings_page_says_which_prefix_is_in_use_or_who_must_register_one(
    admin_client, scoped, admin_member
):
    agency = scoped
    page = _settings_page(admin_client)
    assert 'data-ocds-state="none"' in page
    assert "ยังไม่ได้ลงทะเบียนคำนำหน้ารหัส OCDS" in page and "ผู้ดูแลระบบที่ให้บริการเว็บไซต์นี้" in page
    hosted_with_prefix(agency, prefix="")
    page = _settings_page(admin_client)
    assert f"ผู้ที่ดำเนินการได้: {OPERATOR_NAME} (ผู้ให้บริการระบบ)" in page
    agency.operator.ocds_prefix = OPERATOR_PREFIX
    agency.operator.save()
    page = _settings_page(admin_client)
    assert 'data-ocds-state="operator"' in page and f"{OPERATOR_PREFIX}-wangthong-&lt;เลขที่โครงการ&gt;" in page
    services.settings_update(agency=agency, acting_user=admin_member, values={}, ocid_prefix="ocds-213czf-wt")
    page = _settings_page(admin_client)
    assert 'data-ocds-state="agency"' in page and "ocds-213czf-wt-&lt;เลขที่โครงการ&gt;" in page
    assert PLACEHOLDER not in page


def test_the_staff_edit_page_shows_no_made_up_ocid(admin_client, road):
    page = admin_client.get(f"/procurement/staff/register/{road.pk}/").content.decode()
    assert "ยังไม่มี เนื่องจากยังไม่ได้ลงทะเบียนคำนำหน้ารหัส OCDS" in page
    assert PLACEHOLDER not in page


def test_another_agency_on_the_same_instance_keeps_its_own_state(road, other_agency, agency):
    hosted_with_prefix(agency)
    assert selectors.ocid_prefix(agency).registered
    assert not selectors.ocid_prefix(other_agency).registered
    response = Client(HTTP_HOST="other.test").get(OCDS_FILES[0])
    assert response.status_code == 404 and "reason" in json.loads(response.content)


def test_whether_ocds_is_published_is_answered_as_the_prefix_says(
    road, agency, other_agency, admin_member, settings
):
    from django_scopes import scope

    def same() -> bool:
        # Each agency is asked in its own scope, as its pages ask (the read fails closed in another's).
        for each in (agency, other_agency):
            with scope(agency=each):
                assert selectors.ocds_registered(each) == selectors.ocid_prefix(each).registered
        with scope(agency=agency):
            return selectors.ocds_registered(agency)

    assert not same()  # no prefix anywhere
    operator = hosted_with_prefix(agency, prefix="")
    assert not same()  # hosted by an operator that has not registered one
    operator.ocds_prefix = OPERATOR_PREFIX
    operator.save()
    assert same()
    operator.ocds_prefix = ""
    operator.save()
    services.settings_update(agency=agency, acting_user=admin_member, values={}, ocid_prefix="ocds-213czf-wt")
    assert same()  # its own
    services.settings_update(agency=agency, acting_user=admin_member, values={}, ocid_prefix="")
    assert not same()
    settings.OCDS_OCID_PREFIX = "ocds-1nst01"
    assert same()  # the instance's, for every agency
    with scope(agency=other_agency):
        assert selectors.ocds_registered(other_agency)
