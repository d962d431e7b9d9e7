"""Open311's edges (issue 15): a JSON body that is not an object, an oversized body, too many ids in one
GET — each answered 400 (or 413) in Open311's JSON, never a 500 or an HTML page."""

from __future__ import annotations

import json

import pytest

from prongsai.api.open311 import MAX_IDS

pytestmark = pytest.mark.django_db


def _is_open311_error(response, status: int) -> None:
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert isinstance(body, list) and body
    assert all(item["code"] == status and item["description"] for item in body)


@pytest.mark.parametrize("body", ["[1,2,3]", "null", '"x"', "42", "true", "[]"])
def test_a_json_body_that_is_not_an_object_is_refused_in_open311_json(anon, catalogue, body):
    response = anon.post("/open311/v2/requests.json", data=body, content_type="application/json")
    _is_open311_error(response, 400)
    assert "ออบเจกต์ JSON" in response.json()[0]["description"]


def test_a_malformed_json_body_is_refused_in_open311_json(anon, catalogue):
    response = anon.post("/open311/v2/requests.json", data="{", content_type="application/json")
    _is_open311_error(response, 400)


def test_an_oversized_body_is_refused_before_it_is_read_in_open311_json(anon, catalogue, settings):
    body = json.dumps({"service_code": "elderly-allowance", "description": "ก" * (12 * 1024 * 1024 // 3)})
    assert len(body.encode()) > settings.OPEN311_MAX_BODY_BYTES
    response = anon.post("/open311/v2/requests.json", data=body, content_type="application/json")
    _is_open311_error(response, 413)


def test_too_many_ids_in_one_get_are_refused_at_once(anon, catalogue):
    many = ",".join(f"ABCD-EFGH-{n:04d}" for n in range(2000))
    response = anon.get("/open311/v2/requests.json", {"service_request_id": many})
    _is_open311_error(response, 400)
    assert str(MAX_IDS) in response.json()[0]["description"]
    allowed = ",".join(f"ABCD-EFGH-{n:04d}" for n in range(MAX_IDS))
    assert anon.get("/open311/v2/requests.json", {"service_request_id": allowed}).json() == []


def test_reads_are_limited_per_client_in_open311_json(anon, catalogue, settings):
    settings.API_READ_RATE = "3/hour"
    statuses = [anon.get("/open311/v2/services.json").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 429, 429]
    limited = anon.get("/open311/v2/services.json")
    _is_open311_error(limited, 429)
    assert int(limited["Retry-After"]) > 0


@pytest.mark.parametrize("value", ["null", "", "abc", "1999", "๒๕๖๙x"])
def test_a_fiscal_year_that_is_not_one_is_refused_not_replaced(anon, catalogue, value):
    response = anon.get("/api/v1/eservice/statistics/", {"fiscal_year": value})
    _is_open311_error(response, 400)
    assert "fiscal_year" in response.json()[0]["description"]


def test_an_empty_start_date_is_refused(anon, catalogue):
    _is_open311_error(anon.get("/open311/v2/requests.json", {"start_date": ""}), 400)


def test_a_date_with_an_offset_postgresql_has_no_zone_for_is_read_in_utc(anon, catalogue):
    # Found by schemathesis on PostgreSQL: "+21:03" is a valid ISO offset that PostgreSQL refuses (a 500).
    answer = anon.get(
        "/open311/v2/requests.json", {"end_date": "0080-08-24T07:23:44+21:03", "status": "closed"}
    )
    assert answer.status_code == 200 and answer.json() == []


@pytest.mark.parametrize("value", ["0001-01-01T00:00:00+23:00", "2026-13-45T09:00:00+07:00"])
def test_a_date_outside_the_calendar_is_refused_in_open311_json(anon, catalogue, value):
    _is_open311_error(anon.get("/open311/v2/requests.json", {"start_date": value}), 400)


def test_a_bad_page_of_a_data_set_is_refused_in_the_same_error_format(anon, catalogue):
    _is_open311_error(anon.get("/api/v1/datasets/complaint-statistics/", {"page": "0"}), 400)
    _is_open311_error(anon.get("/api/v1/datasets/no-such-data-set/"), 404)


@pytest.mark.parametrize(
    "path",
    ["/open311/v2/services.json", "/open311/v2/requests.json", "/api/v1/datasets/complaint-statistics/"],
)
def test_an_unknown_format_is_refused_in_the_same_error_format(anon, catalogue, path):
    """``?format=AAA`` once answered as if no format had been asked; now it is a declared 404 error."""
    _is_open311_error(anon.get(path, {"format": "AAA"}), 404)
