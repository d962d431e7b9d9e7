"""The catalogue's pages and files for a plain agency: conditional requests, unknown data sets, Thai pages."""

from __future__ import annotations

import json

import pytest

from conftest import AGENCY_HOST


@pytest.fixture
def client(anon):
    anon.defaults["HTTP_HOST"] = AGENCY_HOST
    return anon


def test_the_data_page_lists_every_dataset_in_thai_with_its_three_formats(agency, client):
    page = client.get("/data/").content.decode()
    assert "ข้อมูลเปิด" in page
    assert "ทะเบียนการจัดซื้อจัดจ้าง" in page and "สถิติเรื่องร้องเรียนทั่วไป" in page
    assert "/data/procurement-register.csv" in page and "/data/catalog.jsonld" in page


def test_a_dataset_page_shows_the_14_metadata_items(agency, client):
    page = client.get("/data/complaint-statistics/").content.decode()
    for label in ("วัตถุประสงค์", "อีเมลผู้ติดต่อ", "ขอบเขตเชิงภูมิศาสตร์", "สัญญาอนุญาต", "วันที่ปรับปรุงล่าสุด"):
        assert label in page


def test_a_harvester_that_sends_the_etag_back_gets_304_without_the_data(agency, client):
    first = client.get("/data/complaint-statistics.json")
    assert first.status_code == 200
    again = client.get("/data/complaint-statistics.json", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    since = client.get("/data/complaint-statistics.json", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    catalogue = client.get("/data/catalog.jsonld")
    assert client.get("/data/catalog.jsonld", HTTP_IF_NONE_MATCH=catalogue["ETag"]).status_code == 304


def test_the_etag_changes_when_the_data_changes(agency, client, admin_member):
    from prongsai.complaints.tests import factories
    from prongsai.core.tenancy import agency_scope
    from prongsai.core.tests import factories as core_factories

    before = client.get("/data/complaint-statistics.json")["ETag"]
    with agency_scope(agency):
        unit = core_factories.org_unit(agency, admin_member, name_th="กองช่าง", order=1)
        factories.complaint(agency, factories.category(agency, admin_member, unit))
    after = client.get("/data/complaint-statistics.json")
    assert after["ETag"] != before
    assert any(row["received"] for row in json.loads(after.content)["rows"])


def test_an_unknown_dataset_or_format_is_a_404_not_an_error(agency, client):
    assert client.get("/data/no-such-thing/").status_code == 404
    assert client.get("/data/no-such-thing.csv").status_code == 404
    assert client.get("/data/complaint-statistics.pdf").status_code == 404
