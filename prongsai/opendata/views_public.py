"""The open-data catalogue: the page at /data/, each data set's page, its distributions, DCAT and CSV."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

from django.http import Http404, HttpResponse, HttpResponseBase, HttpResponseNotModified
from django.shortcuts import render
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag
from django.utils.translation import get_language

from prongsai.core import datasets as registry
from prongsai.core.datasets import Dataset
from prongsai.core.downloads import file_download
from prongsai.core.http import AgencyRequest
from prongsai.core.permissions import public

from . import catalog, formats

# Harvesters poll; a short shared cache plus ETag/Last-Modified lets them do it cheaply.
MAX_AGE = 300
VERSION = "1"  # bump when the shape of a distribution changes, so every ETag changes with it


def _validators(*parts: object) -> str:
    digest = hashlib.sha256("|".join(str(p) for p in (VERSION, get_language(), *parts)).encode()).hexdigest()
    return quote_etag(digest[:32])


def _not_modified(request: AgencyRequest, etag: str, modified: datetime | None) -> HttpResponseBase | None:
    stamp = int(modified.timestamp()) if modified else None
    response = get_conditional_response(request, etag=etag, last_modified=stamp)
    if isinstance(response, HttpResponseNotModified):
        return response
    return None


def _stamp(response: HttpResponseBase, etag: str, modified: datetime | None) -> HttpResponseBase:
    response["ETag"] = etag
    if modified is not None:
        response["Last-Modified"] = http_date(modified.timestamp())
    return response


def _dataset_or_404(key: str) -> Dataset:
    found = registry.dataset(key)
    if found is None:
        raise Http404
    return found


@public
def index(request: AgencyRequest) -> HttpResponse:
    items = catalog.entries(request.agency)
    return render(
        request, "opendata/index.html", {"items": items, "modified": catalog.catalogue_modified(items)}
    )


@public
def dataset(request: AgencyRequest, key: str) -> HttpResponse:
    item = catalog.entry(request.agency, _dataset_or_404(key))
    return render(request, "opendata/dataset.html", {"item": item})


@public
def download(request: AgencyRequest, key: str, fmt: str) -> HttpResponseBase:
    agency = request.agency
    found = _dataset_or_404(key)
    if fmt not in catalog.FORMATS:
        raise Http404
    modified = catalog.last_updated(found, agency)
    etag = _validators(agency.pk, key, fmt, modified.isoformat())
    unchanged = _not_modified(request, etag, modified)
    if unchanged is not None:
        return _stamp(unchanged, etag, modified)
    media, _code = catalog.FORMATS[fmt]
    rows = found.rows(agency)
    body: bytes | str
    if fmt == "csv":
        body = "".join(formats.csv_lines(found, rows))
        media = "text/csv; charset=utf-8"
    elif fmt == "xlsx":
        body = formats.xlsx_bytes(found, rows)
    else:
        body = json.dumps(formats.json_document(found, rows, modified=modified), ensure_ascii=False)
        media = "application/json; charset=utf-8"
    response = file_download(body, content_type=media, filename=f"{agency.code}-{key}.{fmt}", max_age=MAX_AGE)
    return _stamp(response, etag, modified)


@public
def schema(request: AgencyRequest, key: str) -> HttpResponseBase:
    found = _dataset_or_404(key)
    item = catalog.entry(request.agency, found)
    body = json.dumps(formats.schema(found, schema_url=item.schema_url), ensure_ascii=False, indent=2)
    return file_download(
        body,
        content_type="application/schema+json; charset=utf-8",
        filename=f"{key}.schema.json",
        inline=True,
        max_age=MAX_AGE,
    )


@public
def catalog_jsonld(request: AgencyRequest) -> HttpResponseBase:
    agency = request.agency
    items = catalog.entries(agency)
    modified = catalog.catalogue_modified(items)
    etag = _validators(agency.pk, "catalog.jsonld", *(f"{i.key}:{i.last_updated.isoformat()}" for i in items))
    unchanged = _not_modified(request, etag, modified)
    if unchanged is not None:
        return _stamp(unchanged, etag, modified)
    body = json.dumps(catalog.catalogue_jsonld(agency, items), ensure_ascii=False, indent=2)
    response = file_download(
        body,
        content_type="application/ld+json; charset=utf-8",
        filename="catalog.jsonld",
        inline=True,
        max_age=MAX_AGE,
    )
    return _stamp(response, etag, modified)


@public
def catalog_csv(request: AgencyRequest) -> HttpResponseBase:
    agency = request.agency
    items = catalog.entries(agency)
    modified = catalog.catalogue_modified(items)
    etag = _validators(agency.pk, "catalog.csv", *(f"{i.key}:{i.last_updated.isoformat()}" for i in items))
    unchanged = _not_modified(request, etag, modified)
    if unchanged is not None:
        return _stamp(unchanged, etag, modified)
    response = file_download(
        catalog.catalogue_csv(items),
        content_type="text/csv; charset=utf-8",
        filename=f"{agency.code}-catalog.csv",
        max_age=MAX_AGE,
    )
    return _stamp(response, etag, modified)
