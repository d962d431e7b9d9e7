"""Open Contracting Data Standard 1.1.5: every procurement is a contracting process.

* ``ocid`` = the agency's prefix (``selectors.ocid_prefix``: the agency's own, else its hosting operator's
  registered prefix, else the instance's, either followed by the agency code) + ``-`` + the process's local
  id (its e-GP project number, or a random id for a procurement without one), fixed when the row is created.
  With no registered prefix nothing is published (the views answer why; ADR 0120).
* Every revision of a published row (``core.Revision``; revision 1 is the first publication) is a release:
  ``<ocid>-r<n>``, dated when the revision was made, built from the revision's snapshot. Release packages
  (per month and per fiscal year) carry each process's latest release; a record per process carries every
  release and a compiled release (the latest state).
* A natural person's ID is never published: such a supplier has no identifier, only a name.

The mapping of each Thai field is documented in docs/procurement-ocds.md. Packages are validated against the
official schemas offline in the tests.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import OuterRef, Q, QuerySet, Subquery

from prongsai.core.models import Agency, PublicationStatus, Revision
from prongsai.core.tenancy import agency_scope
from prongsai.core.thai import BANGKOK, fiscal_year_range
from prongsai.core.thaiid import is_juristic_person_id

from .models import SIGNED_STATUSES, Category, EgpStatus, Method, Procurement
from .models.register import load_children, prefetched

OCDS_VERSION = "1.1"
CURRENCY = "THB"
# [M] The org-id.guide code for the 13-digit juristic-person number (issued by the Department of Business
# Development) is to be confirmed; it is one constant so that correcting it changes every package.
JURISTIC_SCHEME = "TH-DBD"

METHOD = {
    Method.E_BIDDING: "open",
    Method.E_MARKET: "open",
    Method.PRICE_INQUIRY: "open",
    Method.SELECTION: "selective",
    Method.SPECIFIC: "direct",
}
CATEGORY = {Category.GOODS: "goods", Category.SERVICES: "services", Category.WORKS: "works"}
TENDER_STATUS = {
    EgpStatus.IN_PROGRESS: "active",
    EgpStatus.CONTRACTED: "complete",
    EgpStatus.UNDER_CONTRACT: "complete",
    EgpStatus.COMPLETED: "complete",
    EgpStatus.CANCELLED: "cancelled",
}
CONTRACT_STATUS = {
    EgpStatus.CONTRACTED: "active",
    EgpStatus.UNDER_CONTRACT: "active",
    EgpStatus.COMPLETED: "terminated",
}


@dataclass(frozen=True)
class Publisher:
    """Who publishes, and the URLs the packages and documents live at."""

    agency: Agency
    prefix: str
    base_url: str  # scheme and host, e.g. https://wangthong.go.th

    def ocid(self, ocid_local: str) -> str:
        return f"{self.prefix}-{ocid_local}"

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    @property
    def buyer_id(self) -> str:
        return f"buyer-{self.agency.code}"

    def package_publisher(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.agency.name_th}
        if self.agency.website:
            data["uri"] = self.agency.website
        return data


def _amount(value: str | Decimal | None) -> dict[str, Any] | None:
    if value is None or value == "":
        return None
    number = Decimal(str(value))
    return {
        "amount": int(number) if number == number.to_integral_value() else float(number),
        "currency": CURRENCY,
    }


def _datetime(day: str | date | None) -> str | None:
    """A calendar date as the start of that day in Bangkok (OCDS dates are date-times)."""
    if day is None or day == "":
        return None
    text = day if isinstance(day, str) else day.isoformat()
    return f"{text}T00:00:00+07:00"


def _stamp(moment: datetime) -> str:
    return moment.astimezone(BANGKOK).isoformat(timespec="seconds")


def _drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


def _party_for(name: str, tax_id: str, fallback_id: str, role: str) -> dict[str, Any]:
    party: dict[str, Any] = {"name": name, "roles": [role]}
    if tax_id and is_juristic_person_id(tax_id):
        party["id"] = f"{JURISTIC_SCHEME}-{tax_id}"
        party["identifier"] = {"scheme": JURISTIC_SCHEME, "id": tax_id, "legalName": name}
    else:
        # A natural person (or an unknown ID): never publish the citizen ID, not even hashed.
        party["id"] = fallback_id
    return party


def release_from_snapshot(
    *,
    publisher: Publisher,
    ocid_local: str,
    snapshot: dict[str, Any],
    number: int,
    moment: datetime,
    documents: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """One OCDS release from a register row's snapshot (``Procurement.snapshot()`` / a revision)."""
    ocid = publisher.ocid(ocid_local)
    status = EgpStatus(snapshot["egp_status"])
    agency = publisher.agency
    buyer = {"id": publisher.buyer_id, "name": agency.name_th}
    parties: dict[str, dict[str, Any]] = {
        buyer["id"]: _drop_empty(
            {
                "id": buyer["id"],
                "name": agency.name_th,
                "address": _drop_empty(
                    {
                        "streetAddress": agency.address,
                        "locality": agency.district,
                        "region": agency.province,
                        "postalCode": agency.postal_code,
                        "countryName": "ประเทศไทย",
                    }
                ),
                "contactPoint": _drop_empty({"email": agency.email, "url": agency.website}),
                "roles": ["buyer", "procuringEntity"],
            }
        )
    }

    def add_party(name: str, tax_id: str, fallback: str, role: str) -> dict[str, str]:
        party = _party_for(name, tax_id, fallback, role)
        existing = parties.get(party["id"])
        if existing is None:
            parties[party["id"]] = party
        elif role not in existing["roles"]:
            existing["roles"].append(role)
        return {"id": party["id"], "name": name}

    vendor = snapshot.get("vendor")
    supplier_ref = None
    if vendor:
        supplier_ref = add_party(
            vendor["name"], vendor["tax_id"], f"supplier-{vendor['public_id']}", "supplier"
        )
    tenderers = []
    for index, bidder in enumerate(snapshot.get("bidders") or [], start=1):
        same_as_winner = vendor and bidder.get("tax_id") and bidder["tax_id"] == vendor["tax_id"]
        fallback = (
            f"supplier-{vendor['public_id']}" if same_as_winner and vendor else f"{ocid}-bidder-{index}"
        )
        tenderers.append(add_party(bidder["name"], bidder.get("tax_id") or "", fallback, "tenderer"))

    tender = _drop_empty(
        {
            "id": f"{ocid}-tender",
            "title": snapshot["title"],
            "status": TENDER_STATUS[status],
            "procuringEntity": buyer,
            "value": _amount(snapshot.get("reference_price")),
            "procurementMethod": METHOD[Method(snapshot["method"])],
            "procurementMethodDetails": str(Method(snapshot["method"]).label),
            "mainProcurementCategory": CATEGORY[Category(snapshot["category"])],
            "tenderers": tenderers,
            "numberOfTenderers": len(tenderers) or None,
            "tenderPeriod": _drop_empty({"startDate": _datetime(snapshot.get("announced_on"))}),
            "documents": documents or [],
        }
    )
    release: dict[str, Any] = {
        "ocid": ocid,
        "id": f"{ocid}-r{number}",
        "date": _stamp(moment),
        "tag": ["tender"],
        "initiationType": "tender",
        "language": "th",
        "buyer": buyer,
        "planning": {
            "budget": _drop_empty(
                {
                    "description": snapshot.get("budget_source"),
                    "amount": _amount(snapshot.get("budget")),
                }
            )
        },
        "tender": tender,
    }
    if status == EgpStatus.CANCELLED:
        release["tag"] = ["tenderCancellation"]
    elif status in SIGNED_STATUSES and supplier_ref is not None:
        award_id = f"{ocid}-award-1"
        amendments = [
            _drop_empty(
                {
                    "id": str(a["number"]),
                    "date": _datetime(a.get("signed_on")),
                    "description": a.get("description"),
                    "rationale": a.get("description"),
                }
            )
            for a in snapshot.get("amendments") or []
        ]
        release["awards"] = [
            _drop_empty(
                {
                    "id": award_id,
                    "title": snapshot["title"],
                    "status": "active",
                    "date": _datetime(snapshot.get("contract_signed_on")),
                    "value": _amount(snapshot.get("agreed_price")),
                    "suppliers": [supplier_ref],
                    "description": snapshot.get("selection_reason"),
                }
            )
        ]
        release["contracts"] = [
            _drop_empty(
                {
                    "id": snapshot.get("contract_no") or f"{ocid}-contract-1",
                    "awardID": award_id,
                    "title": snapshot["title"],
                    "status": CONTRACT_STATUS[status],
                    "period": _drop_empty(
                        {
                            "startDate": _datetime(snapshot.get("contract_signed_on")),
                            "endDate": _datetime(snapshot.get("contract_ends_on")),
                        }
                    ),
                    "value": _amount(snapshot.get("agreed_price")),
                    "dateSigned": _datetime(snapshot.get("contract_signed_on")),
                    "amendments": amendments,
                }
            )
        ]
        release["tag"] = ["tender", "award", "contract"] + (["contractAmendment"] if amendments else [])
    release["parties"] = list(parties.values())
    return release


def _documents(publisher: Publisher, procurement: Procurement) -> list[dict[str, Any]]:
    from django.urls import reverse

    kinds = {
        "invitation": "tenderNotice",
        "price_reference": "technicalSpecifications",
        "winner": "awardNotice",
        "cancellation": "tenderNotice",
    }
    documents = []
    for announcement in prefetched(procurement, "announcements"):
        if announcement.status != PublicationStatus.PUBLISHED:
            continue
        for attachment in prefetched(announcement, "attachments"):
            documents.append(
                _drop_empty(
                    {
                        "id": str(attachment.public_id),
                        "documentType": kinds.get(announcement.kind, "tenderNotice"),
                        "title": f"{announcement.get_kind_display()}: {attachment}",
                        "url": publisher.url(reverse("procurement:file", args=[attachment.public_id])),
                        "datePublished": _stamp(announcement.published_at)
                        if announcement.published_at
                        else None,
                        "format": attachment.content_type,
                        "language": "th",
                    }
                )
            )
    return documents


def published_processes(agency: Agency) -> QuerySet[Procurement]:
    """Published rows with what a release needs, and the time of their latest revision."""
    latest = Revision.objects.filter(
        agency=agency,
        record_type="procurement.procurement",
        record_id=OuterRef("pk"),
        number=OuterRef("revision_count"),
    ).values("created_at")[:1]
    return (
        Procurement.objects.filter(agency=agency, status=PublicationStatus.PUBLISHED)
        .select_related("vendor")
        .annotate(released_at=Subquery(latest))
        .order_by("pk")
    )


def current_release(publisher: Publisher, procurement: Procurement) -> dict[str, Any]:
    moment = getattr(procurement, "released_at", None) or procurement.published_at or procurement.updated_at
    return release_from_snapshot(
        publisher=publisher,
        ocid_local=procurement.ocid_local,
        snapshot=procurement.snapshot(),
        number=procurement.revision_count,
        moment=moment,
        documents=_documents(publisher, procurement),
    )


# Rows read, converted and written per step of a streamed package: memory stays flat whatever the year's size.
STREAM_ROWS = 1000


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder, separators=(",", ":"))


def _in_batches(rows: QuerySet[Procurement], size: int) -> Iterator[list[Procurement]]:
    """The rows in primary-key order, ``size`` at a time, each batch found by keyset (pk > the last one)
    so that no batch costs more than the first and no cursor stays open between them."""
    last = 0
    while True:
        batch = list(rows.filter(pk__gt=last).order_by("pk")[:size])
        if not batch:
            return
        yield batch
        last = batch[-1].pk


def release_package_chunks(publisher: Publisher, rows: QuerySet[Procurement], *, uri: str) -> Iterator[str]:
    """A release package of the rows' latest releases, as pieces of JSON text to stream.

    The package is never held in memory: releases are built and written ``STREAM_ROWS`` at a time. Its
    ``publishedDate`` (the latest release's date) is known only at the end, so it is the last member of the
    object, which JSON allows. The caller checks that there is at least one row (OCDS requires a release).
    Runs inside the agency's scope itself, because a streamed response is read after the view returned.
    """
    with agency_scope(publisher.agency):
        head = _dumps({"uri": uri, "version": OCDS_VERSION, "publisher": publisher.package_publisher()})
        yield head[:-1] + ',"releases":['
        latest = ""
        separator = ""
        for batch in _in_batches(rows, STREAM_ROWS):
            load_children(batch, ("bidders", "amendments", "announcements"))
            parts = []
            for row in batch:
                release = current_release(publisher, row)
                latest = max(latest, release["date"])
                parts.append(_dumps(release))
            yield separator + ",".join(parts)
            separator = ","
        yield '],"publishedDate":' + _dumps(latest) + "}"


def year_rows(agency: Agency, fiscal_year: int) -> QuerySet[Procurement]:
    return published_processes(agency).filter(fiscal_year=fiscal_year)


def month_rows(agency: Agency, year: int, month: int) -> QuerySet[Procurement]:
    """Processes reported in a calendar month: signed in it, or (not yet signed) announced in it."""
    return published_processes(agency).filter(
        Q(contract_signed_on__year=year, contract_signed_on__month=month)
        | Q(contract_signed_on__isnull=True, announced_on__year=year, announced_on__month=month)
    )


def record_package(publisher: Publisher, procurement: Procurement, *, uri: str) -> dict[str, Any]:
    """The record of one process: every release (one per revision, oldest first) and the compiled release."""
    revisions = Revision.objects.filter(
        agency=publisher.agency, record_type="procurement.procurement", record_id=procurement.pk
    ).order_by("number")
    documents = _documents(publisher, procurement)
    releases = [
        release_from_snapshot(
            publisher=publisher,
            ocid_local=procurement.ocid_local,
            snapshot=r.content,
            number=r.number,
            moment=r.created_at,
            documents=documents,
        )
        for r in revisions
    ] or [current_release(publisher, procurement)]
    compiled = dict(releases[-1])
    compiled["id"] = f"{compiled['ocid']}-compiled"
    compiled["tag"] = ["compiled"]
    return {
        "uri": uri,
        "version": OCDS_VERSION,
        "publishedDate": releases[-1]["date"],
        "publisher": publisher.package_publisher(),
        "records": [{"ocid": releases[-1]["ocid"], "releases": releases, "compiledRelease": compiled}],
    }


def fiscal_year_bounds(fiscal_year: int) -> tuple[date, date]:
    return fiscal_year_range(fiscal_year)
