"""Open311 GeoReport v2 through HTTP as a client would use it: discovery of services, POST and GET
round-trip in JSON and XML, and bad input (unknown service, missing field, malformed Thai ID, oversized or
disguised file) answered with a clear error, never a 500."""

from __future__ import annotations

import json
from xml.etree import ElementTree

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import scopes_disabled

from prongsai.eservice.models import Channel, ServiceRequest
from prongsai.eservice.tests.conftest import pdf_bytes, png_bytes

pytestmark = pytest.mark.django_db

ELDERLY = {
    "service_code": "elderly-allowance",
    "first_name": "สมศรี",
    "last_name": "ใจงาม",
    "phone": "0812345678",
    "attribute[citizen_id]": "1360400012346",
    "attribute[birth_date]": "1964-05-01",
    "attribute[home_address]": "12 หมู่ที่ 3 ตำบลวังทอง อำเภอภักดีชุมพล จังหวัดชัยภูมิ 36260",
    "attribute[payment]": "bank",
}


def count():
    with scopes_disabled():
        return ServiceRequest.objects.count()


def test_services_are_listed_in_json_and_xml(anon, catalogue):
    data = anon.get("/open311/v2/services.json").json()
    codes = {s["service_code"] for s in data}
    assert {"elderly-allowance", "building-permit"} <= codes
    assert all(s["type"] == "batch" and s["metadata"] is True for s in data)
    xml = anon.get("/open311/v2/services.xml")
    assert xml["Content-Type"].startswith("text/xml")
    root = ElementTree.fromstring(xml.content)  # noqa: S314 - our own output
    assert root.tag == "services"
    assert {s.findtext("service_code") for s in root.findall("service")} == codes


def test_a_service_definition_lists_its_form_as_attributes(anon, catalogue):
    data = anon.get("/open311/v2/services/elderly-allowance.json").json()
    attributes = {a["code"]: a for a in data["attributes"]}
    assert attributes["citizen_id"]["required"] is True
    assert attributes["payment"]["datatype"] == "singlevaluelist"
    assert {v["key"] for v in attributes["payment"]["values"]} == {"bank", "cash"}
    root = ElementTree.fromstring(anon.get("/open311/v2/services/elderly-allowance.xml").content)  # noqa: S314
    assert root.tag == "service_definition"
    assert root.find("attributes/attribute/values") is not None


def test_a_client_posts_a_request_and_reads_it_back(anon, catalogue, now):
    response = anon.post("/open311/v2/requests.json", ELDERLY, HTTP_IDEMPOTENCY_KEY="client-42")
    assert response.status_code == 201
    created = response.json()[0]
    code = created["service_request_id"]
    with scopes_disabled():
        req = ServiceRequest.objects.get()
    assert req.display_code == code and req.channel == Channel.API
    assert "2026-12-21" in created["service_notice"]
    one = anon.get(f"/open311/v2/requests/{code}.json").json()[0]
    assert one["service_request_id"] == code
    assert one["status"] == "open" and one["service_code"] == "elderly-allowance"
    assert one["requested_datetime"] == "2026-12-04T10:00:00+07:00"
    assert one["expected_datetime"].startswith("2026-12-21")
    filtered = anon.get("/open311/v2/requests.json", {"service_request_id": code}).json()
    assert [r["service_request_id"] for r in filtered] == [code]
    xml = ElementTree.fromstring(anon.get(f"/open311/v2/requests/{code}.xml").content)  # noqa: S314
    assert xml.tag == "service_requests" and xml.findtext("request/service_request_id") == code
    for personal in ("สมศรี", "0812345678", "1360400012346"):
        assert personal not in json.dumps(one, ensure_ascii=False)


def test_re_sending_with_the_same_idempotency_key_creates_nothing_new(anon, catalogue, now):
    first = anon.post("/open311/v2/requests.json", ELDERLY, HTTP_IDEMPOTENCY_KEY="same")
    second = anon.post("/open311/v2/requests.json", ELDERLY, HTTP_IDEMPOTENCY_KEY="same")
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json()[0]["service_request_id"] == second.json()[0]["service_request_id"]
    assert count() == 1


def test_an_unfiltered_list_never_hands_out_tracking_codes(anon, catalogue, now):
    code = anon.post("/open311/v2/requests.json", ELDERLY).json()[0]["service_request_id"]
    listed = anon.get("/open311/v2/requests.json").json()
    assert len(listed) == 1 and listed[0]["service_request_id"] != code
    reference = listed[0]["service_request_id"]
    by_reference = anon.get(f"/open311/v2/requests/{reference}.json").json()[0]
    assert by_reference["service_request_id"] == reference
    assert anon.get("/open311/v2/requests.json", {"status": "closed"}).json() == []
    assert len(anon.get("/open311/v2/requests.json", {"service_code": "elderly-allowance"}).json()) == 1


def test_the_list_of_another_agency_is_its_own(anon, catalogue, other_catalogue, now):
    anon.post("/open311/v2/requests.json", ELDERLY)
    assert anon.get("/open311/v2/requests.json", HTTP_HOST="other.test").json() == []


@pytest.mark.parametrize(
    ("change", "status", "message"),
    [
        ({"service_code": "no-such-service"}, 400, "ไม่พบบริการรหัส"),
        ({"service_code": ""}, 400, "กรุณาระบุ service_code"),
        ({"first_name": "", "last_name": ""}, 400, "first_name/last_name"),
        ({"attribute[citizen_id]": "1234567890123"}, 400, "attribute[citizen_id]: เลขประจำตัว 13 หลักไม่ถูกต้อง"),
        ({"attribute[payment]": ""}, 400, "attribute[payment]: กรุณาเลือก"),
        ({"phone": "", "email": "not-an-email"}, 400, "email: รูปแบบอีเมลไม่ถูกต้อง"),
    ],
)
def test_bad_input_gets_an_open311_error_in_thai(anon, catalogue, now, change, status, message):
    response = anon.post("/open311/v2/requests.json", {**ELDERLY, **change})
    assert response.status_code == status
    descriptions = [e["description"] for e in response.json()]
    assert any(message in d for d in descriptions), descriptions
    assert all(e["code"] == status for e in response.json())
    assert count() == 0


def test_errors_come_in_xml_too(anon, catalogue, now):
    response = anon.post("/open311/v2/requests.xml", {**ELDERLY, "service_code": "nope"})
    root = ElementTree.fromstring(response.content)  # noqa: S314
    assert response.status_code == 400 and root.tag == "errors"
    assert root.findtext("error/code") == "400"


def test_a_disguised_or_oversized_file_is_refused(anon, catalogue, now):
    disguised = SimpleUploadedFile("card.pdf", b"MZ\x90\x00 not a pdf at all", content_type="application/pdf")
    response = anon.post("/open311/v2/requests.json", {**ELDERLY, "attribute[id_card]": disguised})
    assert response.status_code == 400
    assert "ไม่ใช่ชนิดที่รับได้" in response.json()[0]["description"]
    big = SimpleUploadedFile("card.pdf", pdf_bytes(6 * 1024 * 1024), content_type="application/pdf")
    response = anon.post("/open311/v2/requests.json", {**ELDERLY, "attribute[id_card]": big})
    assert response.status_code == 400 and "เกินกว่าที่รับได้" in response.json()[0]["description"]
    assert count() == 0
    ok = anon.post(
        "/open311/v2/requests.json",
        {
            **ELDERLY,
            "attribute[id_card]": SimpleUploadedFile("card.png", png_bytes(), content_type="image/png"),
        },
    )
    assert ok.status_code == 201
    with scopes_disabled():
        assert ServiceRequest.objects.get().files.count() == 1


def test_malformed_bodies_and_parameters_never_cause_a_500(anon, catalogue, now):
    assert (
        anon.post("/open311/v2/requests.json", "{not json", content_type="application/json").status_code
        == 400
    )
    assert anon.post("/open311/v2/requests.json", "x", content_type="text/csv").status_code == 415
    assert anon.get("/open311/v2/requests.json", {"start_date": "yesterday"}).status_code == 400
    assert anon.get("/open311/v2/requests.json", {"status": "maybe"}).status_code == 400
    assert anon.get("/open311/v2/requests/NOPE-NOPE-NOPE.json").status_code == 404
    assert anon.get("/open311/v2/services/unknown.xml").status_code == 404
    assert anon.get("/open311/v2/services.yaml").status_code == 404
    assert anon.delete("/open311/v2/requests.json").status_code == 405
    long_key = anon.post("/open311/v2/requests.json", ELDERLY, HTTP_IDEMPOTENCY_KEY="k" * 300)
    assert long_key.status_code == 400


def test_the_openapi_document_describes_open311_and_the_v1_api(anon, agency):
    response = anon.get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    paths = json.loads(response.content)["paths"]
    assert {
        "/open311/v2/services.{fmt}",
        "/open311/v2/services/{code}.{fmt}",
        "/open311/v2/requests.{fmt}",
        "/open311/v2/requests/{reference}.{fmt}",
        "/api/v1/eservice/services/",
        "/api/v1/eservice/statistics/",
    } <= set(paths)
    assert {"get", "post"} <= set(paths["/open311/v2/requests.{fmt}"])


def test_the_v1_api_serves_the_catalogue_and_the_statistics(anon, catalogue, now):
    services = anon.get("/api/v1/eservice/services/").json()
    permit = next(s for s in services if s["code"] == "building-permit")
    assert [s["duration_value"] for s in permit["steps"]] == [1, 7, 30, 7]
    stats = anon.get("/api/v1/eservice/statistics/", {"fiscal_year": "2570"}).json()
    assert {row["service_code"] for row in stats} >= {"building-permit"}
    assert len(stats[0]["months"]) == 12


def test_one_client_creating_too_many_requests_is_slowed_down_with_a_thai_error(
    anon, catalogue, now, settings
):
    settings.OPEN311_SUBMIT_RATE = "2/hour"
    for key in ("a", "b"):
        assert anon.post("/open311/v2/requests.json", ELDERLY, HTTP_IDEMPOTENCY_KEY=key).status_code == 201
    refused = anon.post("/open311/v2/requests.json", ELDERLY, HTTP_IDEMPOTENCY_KEY="c")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "ส่งคำขอถี่เกินกว่าที่ระบบรับได้" in refused.json()[0]["description"]
    assert count() == 2, "the refused request was not created"
    # Reading is never limited, and another client is counted on its own.
    assert anon.get("/open311/v2/requests.json").status_code == 200
    other = anon.post(
        "/open311/v2/requests.json", ELDERLY, HTTP_IDEMPOTENCY_KEY="d", REMOTE_ADDR="192.0.2.77"
    )
    assert other.status_code == 201
