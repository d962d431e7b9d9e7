"""The data sets of the assets, people and integrity apps: in the catalogue, each distribution valid against
its declared header and schema, the counts equal to the records, and no person's data in any of them."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from decimal import Decimal

import jsonschema
import pytest
from django.utils import timezone
from openpyxl import load_workbook

from conftest import AGENCY_HOST, make_member
from prongsai.assets import services as asset_services
from prongsai.assets.tests import factories as asset_factories
from prongsai.core.roles import Role
from prongsai.core.tenancy import agency_scope
from prongsai.core.tests import factories as core_factories
from prongsai.core.thai import fiscal_year
from prongsai.integrity import services as integrity_services
from prongsai.integrity.tests import factories as integrity_factories
from prongsai.people import services as people_services
from prongsai.people.tests import factories as people_factories

NEW = (
    "asset-loan-statistics",
    "staffing-statistics",
    "training-statistics",
    "no-gift-reports",
    "corruption-risk-assessments",
)


@pytest.fixture
def client(anon):
    anon.defaults["HTTP_HOST"] = AGENCY_HOST
    return anon


@pytest.fixture
def records(agency, admin_member, member):
    """One of everything: a loan, a filled post and a vacant one, a course attended, a published gift report
    and a published risk assessment."""
    with agency_scope(agency):
        unit = core_factories.org_unit(agency, admin_member, name_th="สำนักปลัด", order=1)
        kind = asset_factories.asset_type(agency, admin_member)
        item = asset_factories.asset(agency, admin_member, kind, unit)
        loan = asset_factories.loan(agency, member, item)
        head = make_member(agency, "head", Role.HEAD_OF_DIVISION)
        asset_services.loan_reject(loan=loan, acting_user=head, note="ทรัพย์สินอยู่ระหว่างซ่อม")
        person = people_factories.person(agency, admin_member, first_name="วิไลวรรณ", last_name="ศรีสุข")
        filled = people_factories.post(agency, admin_member)
        people_factories.post(agency, admin_member, code="01-2-04-3201-002")
        people_services.tenure_start(
            post=filled, acting_user=admin_member, person=person, started_on=date(2022, 10, 1)
        )
        course = people_factories.course(agency, admin_member)
        people_factories.attended(course, admin_member, person)
        integrity_factories.gift(agency, admin_member, event_on=timezone.localdate() - timedelta(days=1))
        report = integrity_factories.gift_report(
            agency, admin_member, fiscal_year=fiscal_year(timezone.localdate())
        )
        integrity_services.gift_report_publish(report=report, acting_user=admin_member)
        integrity_factories.published_assessment(agency, admin_member)
    return {"loan": loan, "person": person}


def _validated(client, key: str) -> dict:
    """Fetch the three files and the schema; check each against the declared header and schema."""
    schema = json.loads(client.get(f"/data/{key}.schema.json").content)
    header = schema["x-csv-header"]
    csv_rows = list(csv.reader(io.StringIO(client.get(f"/data/{key}.csv").getvalue().decode("utf-8-sig"))))
    assert csv_rows[0] == header and all(len(r) == len(header) for r in csv_rows[1:])
    data = json.loads(client.get(f"/data/{key}.json").content)
    jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())
    sheet = load_workbook(io.BytesIO(client.get(f"/data/{key}.xlsx").getvalue()), read_only=True).worksheets[
        0
    ]
    titles = [schema["properties"]["rows"]["items"]["properties"][h]["title"] for h in header]
    assert list(next(sheet.iter_rows(values_only=True))) == titles
    assert len(list(sheet.iter_rows())) == len(csv_rows)
    return {"rows": data["rows"], "csv": "\n".join(",".join(r) for r in csv_rows)}


def test_the_new_data_sets_are_in_the_catalogue_and_on_the_data_page(agency, client, records):
    page = client.get("/data/").content.decode()
    catalogue = client.get("/data/catalog.csv").content.decode("utf-8-sig")
    for key in NEW:
        assert f"/data/{key}.csv" in page and key in catalogue
        assert client.get(f"/data/{key}/").status_code == 200


def test_every_new_distribution_validates_and_counts_the_records(agency, client, records):
    year = fiscal_year(timezone.localdate())
    loans = _validated(client, "asset-loan-statistics")["rows"]
    assert loans == [
        {
            "fiscal_year": year,
            "requests": 1,
            "approved": 0,
            "rejected": 1,
            "returned": 0,
            "returned_late": 0,
            "damaged": 0,
            "out_now": 0,
        }
    ]
    staffing = _validated(client, "staffing-statistics")["rows"]
    last = [r for r in staffing if r["fiscal_year"] == year]
    assert [(r["position_type"], r["approved"], r["filled"], r["vacant"]) for r in last] == [
        ("academic_line", 2, 1, 1)
    ]
    assert staffing[0]["fiscal_year"] == 2566 and staffing[0]["as_of"] == "2023-09-30"
    (training,) = _validated(client, "training-statistics")["rows"]
    assert (training["fiscal_year"], training["courses"], training["attendances"], training["people"]) == (
        2566,
        1,
        1,
        1,
    )
    assert Decimal(str(training["person_hours"])) == Decimal("18")
    (gifts,) = _validated(client, "no-gift-reports")["rows"]
    assert (gifts["count"], gifts["direction_received"], gifts["handling_returned"]) == (1, 1, 1)
    (risk,) = _validated(client, "corruption-risk-assessments")["rows"]
    assert (risk["likelihood"], risk["impact"], risk["score"]) == (3, 4, 12)
    assert "เผยแพร่ร่างขอบเขตของงาน" in risk["measures"]


def test_no_person_appears_in_any_of_them(agency, client, records):
    for key in NEW:
        text = _validated(client, key)["csv"]
        for name in ("วิไลวรรณ", "ศรีสุข", "สมชาย", "ผู้รับเหมา", "officer", records["loan"].reason):
            assert name not in text, (key, name)
