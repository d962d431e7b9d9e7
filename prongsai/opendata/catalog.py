"""The catalogue of an agency's public data sets: the 14 GD-Catalog items, DCAT (JSON-LD) and CSV.

The data sets themselves are declared by the apps that own the data (``<app>/datasets.py``, see
``prongsai.core.datasets``); this module adds what comes from the agency (maintainer, e-mail, geographic
coverage), the distributions and their URLs, and serialises the catalogue as DCAT-AP 3 in JSON-LD for the
CKAN DCAT harvester of the national catalogue (GD-Catalog) and as one CSV row per data set.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from prongsai.core import datasets as registry
from prongsai.core.app_modules import app_modules
from prongsai.core.datasets import Dataset
from prongsai.core.links import agency_url
from prongsai.core.models import Agency
from prongsai.core.thai import BANGKOK

_DISCOVERED = False

FORMATS: dict[str, tuple[str, str]] = {
    # extension: (media type, EU file-type authority code)
    "csv": ("text/csv", "CSV"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"),
    "json": ("application/json", "JSON"),
}
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/"
PUBLIC_ACCESS = "http://publications.europa.eu/resource/authority/access-right/PUBLIC"
MEDIA_TYPE = "http://www.iana.org/assignments/media-types/"
# GD-Catalog items that DCAT has no property for (objective, data category) are written with the field
# names of GD-Catalog's CKAN schema in this namespace (docs/decisions/0075-open-data-catalogue.md).
GDC = "urn:prongsai:gdcatalog:"

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "gdc": GDC,
}


def autodiscover() -> None:
    """Register the data sets of every installed Prongsai app's ``datasets`` module."""
    global _DISCOVERED
    if _DISCOVERED:
        return
    for module in app_modules("datasets"):
        for item in getattr(module, "DATASETS", ()):
            registry.register(item)
    _DISCOVERED = True


@dataclass(frozen=True)
class Distribution:
    fmt: str  # csv, xlsx or json
    url: str
    media_type: str
    format_code: str


@dataclass(frozen=True)
class Entry:
    """One data set as the catalogue publishes it, with the 14 GD-Catalog items resolved."""

    dataset: Dataset
    url: str  # the data set's page in the catalogue
    schema_url: str
    distributions: tuple[Distribution, ...]
    maintainer: str
    maintainer_email: str
    geographic_coverage: str
    first_published: date
    last_updated: datetime

    @property
    def key(self) -> str:
        return self.dataset.key

    @property
    def formats(self) -> str:
        return ", ".join(d.format_code for d in self.distributions)


def geographic_coverage(agency: Agency) -> str:
    parts = []
    if agency.subdistrict:
        parts.append(_("ตำบล%(name)s") % {"name": agency.subdistrict})
    if agency.district:
        parts.append(_("อำเภอ%(name)s") % {"name": agency.district})
    parts.append(_("จังหวัด%(name)s") % {"name": agency.province})
    return " ".join(parts)


def last_updated(dataset: Dataset, agency: Agency) -> datetime:
    """When the data last changed; a data set with no data yet dates from the agency's creation."""
    return dataset.last_updated(agency) or agency.created_at


def entry(agency: Agency, dataset: Dataset) -> Entry:
    changed = last_updated(dataset, agency)
    first = dataset.first_published(agency) or agency.created_at.astimezone(BANGKOK).date()
    return Entry(
        dataset=dataset,
        url=agency_url(agency, reverse("opendata:dataset", args=[dataset.key])),
        schema_url=agency_url(agency, reverse("opendata:schema", args=[dataset.key])),
        distributions=tuple(
            Distribution(
                fmt=fmt,
                url=agency_url(agency, reverse("opendata:download", args=[dataset.key, fmt])),
                media_type=media,
                format_code=code,
            )
            for fmt, (media, code) in FORMATS.items()
        ),
        maintainer=agency.name_th,
        maintainer_email=agency.email,
        geographic_coverage=geographic_coverage(agency),
        first_published=first,
        last_updated=changed,
    )


def entries(agency: Agency) -> list[Entry]:
    return [entry(agency, d) for d in registry.all_datasets()]


def catalogue_modified(items: list[Entry]) -> datetime | None:
    return max((e.last_updated for e in items), default=None)


# --- DCAT-AP in JSON-LD -------------------------------------------------------------------------------------


def _th(text: object) -> dict[str, str]:
    return {"@value": str(text), "@language": "th"}


def _date(value: date) -> dict[str, str]:
    return {"@value": value.isoformat(), "@type": "xsd:date"}


def _datetime(value: datetime) -> dict[str, str]:
    return {"@value": value.astimezone(BANGKOK).isoformat(timespec="seconds"), "@type": "xsd:dateTime"}


def _contact(item: Entry) -> dict[str, Any]:
    contact: dict[str, Any] = {"@type": "vcard:Organization", "vcard:fn": _th(item.maintainer)}
    if item.maintainer_email:
        contact["vcard:hasEmail"] = {"@id": f"mailto:{item.maintainer_email}"}
    return contact


def _dataset_node(agency: Agency, item: Entry) -> dict[str, Any]:
    d = item.dataset
    modified = _datetime(item.last_updated)
    licence = {
        "@id": registry.LICENCE_URL,
        "@type": "dct:LicenseDocument",
        "rdfs:label": str(registry.LICENCE_LABEL),
    }
    return {
        "@id": item.url,
        "@type": "dcat:Dataset",
        "dct:identifier": d.key,
        "dct:title": _th(d.title),
        "dct:description": _th(d.description),
        "gdc:objective": _th(d.objective),
        "dcat:contactPoint": _contact(item),
        "dcat:keyword": [_th(tag) for tag in d.tags],
        "dct:accrualPeriodicity": {"@id": FREQUENCY + d.frequency},
        "dct:spatial": {"@type": "dct:Location", "skos:prefLabel": _th(item.geographic_coverage)},
        "dct:provenance": {"@type": "dct:ProvenanceStatement", "rdfs:label": _th(d.source)},
        "gdc:data_format": item.formats,
        "gdc:data_category": _th(d.category),
        "dct:accessRights": {"@id": PUBLIC_ACCESS, "rdfs:label": _th(d.category)},
        "dcat:theme": {"@type": "skos:Concept", "skos:prefLabel": _th(d.theme)},
        "dct:license": licence,
        "dct:issued": _date(item.first_published),
        "dct:modified": modified,
        "dct:publisher": {"@type": "foaf:Organization", "foaf:name": _th(agency.name_th)},
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/THA"},
        "dcat:landingPage": {"@id": item.url},
        "dct:conformsTo": {"@id": item.schema_url},
        "dcat:distribution": [
            {
                "@id": dist.url,
                "@type": "dcat:Distribution",
                "dct:title": _th(f"{d.title} ({dist.format_code})"),
                "dcat:accessURL": {"@id": dist.url},
                "dcat:downloadURL": {"@id": dist.url},
                "dcat:mediaType": {"@id": MEDIA_TYPE + dist.media_type},
                "dct:format": {"@id": FILE_TYPE + dist.format_code},
                "dct:license": licence,
                "dct:modified": modified,
                "dct:conformsTo": {"@id": item.schema_url},
            }
            for dist in item.distributions
        ],
    }


def catalogue_jsonld(agency: Agency, items: list[Entry]) -> dict[str, Any]:
    home = agency_url(agency, reverse("opendata:index"))
    modified = catalogue_modified(items) or timezone.now()
    return {
        "@context": CONTEXT,
        "@id": agency_url(agency, reverse("opendata:catalog_jsonld")),
        "@type": "dcat:Catalog",
        "dct:title": _th(_("บัญชีข้อมูลเปิดของ%(agency)s") % {"agency": agency.name_th}),
        "dct:description": _th(
            _("ชุดข้อมูลสาธารณะที่%(agency)sเผยแพร่ในรูปแบบที่เครื่องอ่านได้") % {"agency": agency.name_th}
        ),
        "dct:publisher": {"@type": "foaf:Organization", "foaf:name": _th(agency.name_th)},
        "dct:modified": _datetime(modified),
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/THA"},
        "foaf:homepage": {"@id": home},
        "dcat:dataset": [_dataset_node(agency, item) for item in items],
    }


# --- the catalogue as CSV -----------------------------------------------------------------------------------

# Column names are GD-Catalog's CKAN field names, so a person importing by hand can map them one to one.
CATALOGUE_COLUMNS = (
    "name",
    "title",
    "notes",
    "objective",
    "maintainer",
    "maintainer_email",
    "tags",
    "update_frequency",
    "geo_coverage",
    "data_source",
    "data_format",
    "data_category",
    "license",
    "first_published",
    "last_updated",
    "url",
    "csv_url",
    "xlsx_url",
    "json_url",
    "schema_url",
)


def catalogue_csv(items: list[Entry]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CATALOGUE_COLUMNS)
    for item in items:
        d = item.dataset
        urls = {dist.fmt: dist.url for dist in item.distributions}
        writer.writerow(
            [
                d.key,
                str(d.title),
                str(d.description),
                str(d.objective),
                item.maintainer,
                item.maintainer_email,
                ";".join(str(t) for t in d.tags),
                str(d.frequency_label),
                item.geographic_coverage,
                str(d.source),
                item.formats,
                str(d.category),
                registry.LICENCE_URL,
                item.first_published.isoformat(),
                item.last_updated.astimezone(BANGKOK).isoformat(timespec="seconds"),
                item.url,
                urls["csv"],
                urls["xlsx"],
                urls["json"],
                item.schema_url,
            ]
        )
    return "\ufeff" + out.getvalue()
