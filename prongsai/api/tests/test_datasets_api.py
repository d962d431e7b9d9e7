"""The read API of the open-data catalogue: listing, paging, filters, ETag/304, OpenAPI, limits."""

from __future__ import annotations

import pytest

from conftest import AGENCY_HOST
from prongsai.core import datasets as registry


@pytest.fixture
def client(anon):
    anon.defaults["HTTP_HOST"] = AGENCY_HOST
    return anon


def test_the_list_names_every_dataset_of_the_catalogue_with_its_api_url(agency, client):
    answer = client.get("/api/v1/datasets/")
    assert answer.status_code == 200
    keys = {d["key"] for d in answer.json()}
    assert keys == {d.key for d in registry.all_datasets()}
    assert all(d["url"].endswith(f"/api/v1/datasets/{d['key']}/") for d in answer.json())


def test_rows_are_paged_and_filtered_by_column(agency, client):
    first = client.get("/api/v1/datasets/corruption-complaint-statistics/?page_size=5").json()
    assert first["count"] >= 12 and len(first["results"]) == 5
    assert first["next"] and "page=2" in first["next"] and first["previous"] is None
    month = first["results"][0]["month"]
    only = client.get(f"/api/v1/datasets/corruption-complaint-statistics/?month={month}").json()
    assert only["count"] == 1 and only["results"][0]["month"] == month


def test_a_poll_with_the_etag_is_answered_304(agency, client):
    first = client.get("/api/v1/datasets/complaint-statistics/")
    again = client.get("/api/v1/datasets/complaint-statistics/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert first["Last-Modified"]
    other_page = client.get("/api/v1/datasets/complaint-statistics/?page=2", HTTP_IF_NONE_MATCH=first["ETag"])
    assert other_page.status_code == 200


def test_bad_paging_is_a_400_and_an_unknown_dataset_a_404(agency, client):
    assert client.get("/api/v1/datasets/complaint-statistics/?page=x").status_code == 400
    assert client.get("/api/v1/datasets/complaint-statistics/?page_size=100000").status_code == 400
    assert client.get("/api/v1/datasets/nothing-here/").status_code == 404


def test_the_openapi_document_describes_the_dataset_endpoints(agency, client):
    schema = client.get("/api/v1/schema/?format=json").content.decode()
    assert "/api/v1/datasets/{key}/" in schema and "v1_dataset_rows" in schema


def test_reading_is_rate_limited_per_client(agency, client, settings):
    settings.API_READ_RATE = "2/hour"
    assert client.get("/api/v1/datasets/").status_code == 200
    assert client.get("/api/v1/datasets/").status_code == 200
    assert client.get("/api/v1/datasets/").status_code == 429
