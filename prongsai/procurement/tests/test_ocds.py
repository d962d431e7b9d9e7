"""OCDS 1.1.5: every package the site serves validates against the official schemas, offline."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from prongsai.procurement import ocds, services
from prongsai.procurement.models import EgpStatus, Method
from prongsai.procurement.tests.factories import (
    COMPANY,
    PERSON,
    hosted_with_prefix,
    profile_without_review,
    publish,
    row,
)
from prongsai.procurement.tests.ocds_schema import errors


@pytest.fixture
def published(scoped, admin_member):
    agency = scoped
    hosted_with_prefix(agency)  # its operator registered ocds-pr0ng1
    profile_without_review(agency, admin_member)
    road = row(
        agency,
        admin_member,
        title="ก่อสร้างถนน คสล.",
        egp_project_no="67019000001",
        method=Method.E_BIDDING,
        budget=Decimal("1500000"),
        reference_price=Decimal("1480000"),
        agreed_price=Decimal("1250000.50"),
    )
    services.bidder_add(
        procurement=road,
        acting_user=admin_member,
        name="บริษัท ทดสอบ จำกัด",
        tax_id=COMPANY,
        price=Decimal("1250000.50"),
        is_winner=True,
    )
    services.bidder_add(
        procurement=road,
        acting_user=admin_member,
        name="นายคู่แข่ง รายย่อย",
        tax_id=PERSON,
        price=Decimal("1290000"),
    )
    person = row(
        agency,
        admin_member,
        title="ซื้อวัสดุไฟฟ้า",
        vendor_tax_id=PERSON,
        vendor_name="นายสมชาย ใจดี",
        contract_signed_on=date(2024, 1, 20),
    )
    cancelled = row(
        agency,
        admin_member,
        title="จ้างขุดลอก",
        egp_status=EgpStatus.CANCELLED,
        agreed_price=None,
        contract_signed_on=None,
        contract_ends_on=None,
        vendor_tax_id="",
        vendor_name="",
        announced_on=date(2024, 1, 3),
    )
    unsigned = row(
        agency,
        admin_member,
        title="จ้างรางระบายน้ำ",
        egp_status=EgpStatus.IN_PROGRESS,
        agreed_price=None,
        contract_signed_on=None,
        contract_ends_on=None,
        vendor_tax_id="",
        vendor_name="",
        announced_on=date(2024, 1, 8),
    )
    publish(agency, admin_member, road, person, cancelled, unsigned)
    services.amendment_add(
        procurement=road,
        acting_user=admin_member,
        signed_on=date(2024, 3, 1),
        description="ขยายเวลา 30 วัน",
        new_ends_on=date(2024, 6, 15),
        reason="แก้ไขสัญญา",
    )
    row(agency, admin_member, title="ร่าง", contract_signed_on=date(2024, 1, 25))
    return {"road": road, "person": person}


def _get(client, path):
    response = client.get(path)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    return json.loads(response.getvalue())


def test_the_fiscal_year_package_validates_and_uses_the_operators_prefix_and_agency_code(published, anon):
    package = _get(anon, "/procurement/ocds/2567.json")
    assert errors(package, "release-package-schema.json") == []
    assert package["uri"] == "http://wangthong.test/procurement/ocds/2567.json"
    ocids = {r["ocid"] for r in package["releases"]}
    assert "ocds-pr0ng1-wangthong-67019000001" in ocids
    assert len(package["releases"]) == 4  # the draft is not published
    road = next(r for r in package["releases"] if r["ocid"].endswith("67019000001"))
    assert road["tag"] == ["tender", "award", "contract", "contractAmendment"]
    assert road["tender"]["procurementMethod"] == "open"
    assert road["awards"][0]["value"] == {"amount": 1250000.5, "currency": "THB"}
    assert road["contracts"][0]["period"]["endDate"] == "2024-06-15T00:00:00+07:00"
    assert road["id"].endswith("-r2")  # revision 1 is the publication, revision 2 the amendment


def test_the_month_package_and_every_record_validate(published, anon):
    month = _get(anon, "/procurement/ocds/2567-01.json")
    assert errors(month, "release-package-schema.json") == []
    assert {r["tender"]["title"] for r in month["releases"]} == {
        "ก่อสร้างถนน คสล.",
        "ซื้อวัสดุไฟฟ้า",
        "จ้างขุดลอก",
        "จ้างรางระบายน้ำ",
    }
    for release in month["releases"]:
        local = release["ocid"].removeprefix("ocds-pr0ng1-wangthong-")
        record = _get(anon, f"/procurement/ocds/records/{local}.json")
        assert errors(record, "record-package-schema.json") == []
        assert record["records"][0]["compiledRelease"]["tag"] == ["compiled"]


def test_a_record_lists_one_release_per_revision(published, anon):
    record = _get(anon, "/procurement/ocds/records/67019000001.json")
    releases = record["records"][0]["releases"]
    assert [r["id"].rsplit("-", 1)[1] for r in releases] == ["r1", "r2"]
    assert "contractAmendment" not in releases[0]["tag"] and "contractAmendment" in releases[1]["tag"]


def test_a_natural_persons_id_never_appears_in_ocds(published, anon):
    for path in ("/procurement/ocds/2567.json", "/procurement/ocds/records/67019000001.json"):
        body = anon.get(path).getvalue().decode()
        assert PERSON not in body
        assert COMPANY in body  # a company's tax ID is public


def test_a_period_without_procurement_is_a_404_not_an_invalid_package(published, anon):
    response = anon.get("/procurement/ocds/2560.json")
    assert response.status_code == 404
    assert "ไม่มีการจัดซื้อจัดจ้าง" in json.loads(response.content)["error"]
    assert anon.get("/procurement/ocds/2567-07.json").status_code == 404
    assert anon.get("/procurement/ocds/records/nothing.json").status_code == 404


def test_another_agencys_processes_are_not_in_its_packages(published, other_agency, outsider, in_scope):
    from django.test import Client

    with in_scope(other_agency):
        assert Client(HTTP_HOST="other.test").get("/procurement/ocds/2567.json").status_code == 404
        assert (
            Client(HTTP_HOST="other.test").get("/procurement/ocds/records/67019000001.json").status_code
            == 404
        )


def test_the_agencys_own_registered_prefix_wins_over_its_operators(published, anon, admin_member, scoped):
    services.settings_update(agency=scoped, acting_user=admin_member, values={}, ocid_prefix="ocds-213czf-wt")
    package = _get(anon, "/procurement/ocds/2567.json")
    assert {r["ocid"] for r in package["releases"]} >= {"ocds-213czf-wt-67019000001"}
    assert not any(r["ocid"].startswith("ocds-pr0ng1") for r in package["releases"])
    assert errors(package, "release-package-schema.json") == []


def test_the_schema_check_is_real(published, anon):
    package = _get(anon, "/procurement/ocds/2567.json")
    package["releases"][0]["tag"] = ["signed"]
    del package["publisher"]
    problems = errors(package, "release-package-schema.json")
    assert any("publisher" in p for p in problems) and any("signed" in p for p in problems)


def test_the_year_package_streams_in_pieces_that_join_into_one_valid_package(published, anon, monkeypatch):
    # Two releases per piece: the four releases of the year come in several pieces, joined by commas.
    monkeypatch.setattr(ocds, "STREAM_ROWS", 2)
    response = anon.get("/procurement/ocds/2567.json")
    assert response.status_code == 200
    assert response.streaming
    pieces = [piece.decode() for piece in response.streaming_content]
    assert len(pieces) >= 4  # the head, two pieces of releases, the tail
    package = json.loads("".join(pieces))
    assert errors(package, "release-package-schema.json") == []
    assert len(package["releases"]) == 4
    assert package["publishedDate"] == max(r["date"] for r in package["releases"])
