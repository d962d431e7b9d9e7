"""The demo agency's catalogue harvested as CKAN's DCAT harvester does it, and every distribution fetched."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import urlsplit

import jsonschema
from django.test import Client
from openpyxl import load_workbook
from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from prongsai.core import datasets as registry
from prongsai.opendata.catalog import GDC

DCAT = Namespace("http://www.w3.org/ns/dcat#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
GDCNS = Namespace(GDC)
HOST = "wangthong.localhost"


def _get(client: Client, url: str):
    parts = urlsplit(url)
    assert parts.netloc == HOST, url
    return client.get(parts.path, HTTP_HOST=HOST)


def _one(graph: Graph, subject, predicate):
    values = list(graph.objects(subject, predicate))
    assert values, f"{subject} has no {predicate}"
    return values[0]


def test_a_dcat_harvest_of_the_demo_catalogue_finds_the_14_items_for_every_dataset_and_every_file_answers(
    demo,
):
    """One test, because building the demo takes a minute: the harvest, each file, and the catalogue CSV."""
    client = Client()
    response = client.get("/data/catalog.jsonld", HTTP_HOST=HOST)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    graph = Graph().parse(data=response.content.decode(), format="json-ld")

    found = set(graph.subjects(RDF.type, DCAT.Dataset))
    assert len(found) == len(registry.all_datasets()) >= 5
    for ds in found:
        # The 14 mandatory items of GD-Catalog.
        assert str(_one(graph, ds, DCTERMS.title))  # 1 title
        assert str(_one(graph, ds, DCTERMS.description))  # 2 description
        assert str(_one(graph, ds, GDCNS.objective))  # 3 objective
        contact = _one(graph, ds, DCAT.contactPoint)
        assert str(_one(graph, contact, VCARD.fn)) == "องค์การบริหารส่วนตำบลวังทอง"  # 4 maintainer
        assert str(_one(graph, contact, VCARD.hasEmail)).startswith("mailto:")  # 5 e-mail
        assert len(list(graph.objects(ds, DCAT.keyword))) >= 2  # 6 tags
        frequency = str(_one(graph, ds, DCTERMS.accrualPeriodicity))  # 7 update frequency
        assert frequency.startswith("http://publications.europa.eu/resource/authority/frequency/")
        spatial = _one(graph, ds, DCTERMS.spatial)  # 8 geographic coverage
        assert "จังหวัด" in str(_one(graph, spatial, SKOS.prefLabel))
        provenance = _one(graph, ds, DCTERMS.provenance)  # 9 data source
        assert str(_one(graph, provenance, RDFS.label))
        formats = {
            str(_one(graph, d, DCTERMS["format"])).rsplit("/", 1)[1]
            for d in graph.objects(ds, DCAT.distribution)
        }
        assert formats == {"CSV", "XLSX", "JSON"}  # 10 format
        assert str(_one(graph, ds, GDCNS.data_category)) == "ข้อมูลสาธารณะ"  # 11 category
        assert str(_one(graph, ds, DCTERMS.license)) == registry.LICENCE_URL  # 12 licence
        assert _one(graph, ds, DCTERMS.issued).toPython()  # 13 first published (a date)
        assert _one(graph, ds, DCTERMS.modified).toPython()  # 14 last updated (a date-time)

        schema_url = str(_one(graph, ds, DCTERMS.conformsTo))
        schema = json.loads(_get(client, schema_url).content)
        header = schema["x-csv-header"]
        for dist in graph.objects(ds, DCAT.distribution):
            url = str(_one(graph, dist, DCAT.downloadURL))
            media = str(_one(graph, dist, DCAT.mediaType)).split("/media-types/", 1)[1]
            answer = _get(client, url)
            assert answer.status_code == 200, url
            assert answer["Content-Type"].startswith(media), url
            assert answer["ETag"] and answer["Last-Modified"]
            body = b"".join(answer.streaming_content) if answer.streaming else answer.content
            if media == "text/csv":
                rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
                assert rows[0] == header
                assert all(len(row) == len(header) for row in rows[1:])
            elif media == "application/json":
                jsonschema.validate(json.loads(body), schema, format_checker=jsonschema.FormatChecker())
            else:
                sheet = load_workbook(io.BytesIO(body), read_only=True).worksheets[0]
                first = next(sheet.iter_rows(values_only=True))
                assert list(first) == [
                    schema["properties"]["rows"]["items"]["properties"][h]["title"] for h in header
                ]

    for key in (
        "procurement-register",
        "complaint-statistics",
        "service-statistics",
        "asset-loan-statistics",
        "staffing-statistics",
        "training-statistics",
        "no-gift-reports",
        "corruption-risk-assessments",
    ):
        data = json.loads(client.get(f"/data/{key}.json", HTTP_HOST=HOST).content)
        assert data["rows"], key

    # The same catalogue as CSV: one row per data set, every item filled.
    answer = client.get("/data/catalog.csv", HTTP_HOST=HOST)
    rows = list(csv.DictReader(io.StringIO(answer.content.decode("utf-8-sig"))))
    assert {r["name"] for r in rows} == {d.key for d in registry.all_datasets()}
    for row in rows:
        assert all(row.values()), row
