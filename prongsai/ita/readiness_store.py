"""The readiness of an agency and year, computed once per change of its evidence and read from the database.

The live check (``readiness.readiness``) asks every evidence provider of every app: about 80 queries and
700 model objects for one year. Its answer changes only when the agency publishes something (its
publication version, ``core/pagecache.py``, moves on every audited public write), when the date it is
judged as of moves (today, until the answer date), or when the catalogue or the answer date changes. So the
result is stored in ``StoredReadiness`` with those four facts and read back while they still hold; any
difference recomputes it and replaces the row. Writes that change evidence also refresh it in the
background (``refresh_after_publication``), and a nightly job refreshes every agency's current year after
the date has turned, so visitors rarely pay for a computation. Staff can always ask for the live check.

Only results are stored: which items and elements count, why not, the evidence URLs and the manual
evidence that answered them, and the predicted scores. Catalogue items, elements and manual evidence are
read back from their tables, so a stored result never shows a stale title (a process keeps a catalogue's
rows only under the instance-wide version that every catalogue change moves).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from prongsai.core.models import Agency
from prongsai.core.pagecache import public_version
from prongsai.core.prepared import TenantQuery
from prongsai.core.tasking import agency_task
from prongsai.core.thai import BANGKOK, fiscal_year
from prongsai.ita import selectors
from prongsai.ita.models import Catalogue, ManualEvidence, OitElement, OitItem, StoredReadiness
from prongsai.ita.readiness import ElementState, ItemState, Readiness, readiness


@dataclass(frozen=True)
class Checked:
    """A readiness and when it was computed (shown to staff next to the "check now" button)."""

    state: Readiness
    computed_at: datetime


def _today() -> date:
    return timezone.now().astimezone(BANGKOK).date()


def to_json(state: Readiness) -> dict[str, Any]:
    """What a readiness concluded, with ids for what the tables hold."""
    return {
        "items": [
            {
                "code": entry.item.code,
                "status": entry.status,
                "urls": list(entry.urls),
                "manual": [m.pk for m in entry.manual],
                "elements": [
                    [
                        e.element.pk,
                        e.present,
                        e.in_window,
                        e.source,
                        e.problem,
                        e.needed_by.isoformat() if e.needed_by else None,
                    ]
                    for e in entry.elements
                ],
            }
            for entry in state.items
        ],
        "scores": {str(number): str(score) for number, score in state.indicator_scores.items()},
    }


# A catalogue's items and elements, per process, under the instance-wide publication version: every change
# of a catalogue (its files or the admin site) moves that version, so an entry is never read after it.
# Reading them back was a third of the OIT index's rendering when its page is not cached.
_CatalogueRows = tuple[dict[str, OitItem], dict[int, OitElement]]
_CATALOGUE_ROWS: dict[tuple[int, str], _CatalogueRows] = {}
_MOST_CATALOGUES = 16


def _catalogue_rows(catalogue: Catalogue, global_version: str) -> _CatalogueRows:
    key = (catalogue.pk, global_version)
    found = _CATALOGUE_ROWS.get(key)
    if found is None:
        items: dict[str, OitItem] = {
            item.code: item
            for item in catalogue.oit_items.select_related("indicator").prefetch_related("elements")
        }
        elements = {element.pk: element for item in items.values() for element in item.elements.all()}
        if len(_CATALOGUE_ROWS) >= _MOST_CATALOGUES:
            _CATALOGUE_ROWS.clear()
        found = _CATALOGUE_ROWS[key] = (items, elements)
    return found


def _from_row(row: StoredReadiness, catalogue: Catalogue) -> Readiness | None:
    """The stored readiness with its catalogue rows and manual evidence; None when one has gone."""
    # The row is read only while its version is current, and the version starts with the instance-wide part.
    items, elements = _catalogue_rows(catalogue, row.version.split(".", 1)[0])
    manual_ids = {pk for entry in row.result["items"] for pk in entry["manual"]}
    manual = ManualEvidence.objects.in_bulk(manual_ids) if manual_ids else {}
    states: list[ItemState] = []
    for entry in row.result["items"]:
        item = items.get(entry["code"])
        if item is None or any(pk not in manual for pk in entry["manual"]):
            return None
        element_states: list[ElementState] = []
        for element_id, present, in_window, source, problem, needed_by in entry["elements"]:
            if element_id not in elements:
                return None
            element_states.append(
                ElementState(
                    elements[element_id],
                    present=present,
                    in_window=in_window,
                    source=source,
                    problem=problem,
                    needed_by=date.fromisoformat(needed_by) if needed_by else None,
                )
            )
        states.append(
            ItemState(
                item=item,
                elements=element_states,
                urls=list(entry["urls"]),
                status=entry["status"],
                manual=[manual[pk] for pk in entry["manual"]],
            )
        )
    return Readiness(
        catalogue=catalogue,
        fiscal_year=row.fiscal_year,
        as_of=row.as_of,
        items=states,
        indicator_scores={int(number): Decimal(score) for number, score in row.result["scores"].items()},
        provisional=row.provisional,
        answer_date=row.answer_date,
    )


def check_now(agency: Agency, year: int) -> Checked | None:
    """Compute the year's readiness live and store it (the staff's "check now"); None without a catalogue."""
    offer, answer = selectors.offer_and_answer_date(agency, year)
    if offer is None:
        return None
    as_of = min(_today(), answer)
    # The version is read before computing: a publication during the computation leaves the row outdated.
    version = public_version(agency.pk).token
    state = readiness(
        agency,
        offer.catalogue,
        as_of=as_of,
        fiscal_year=year,
        provisional=offer.provisional,
        answer_date=answer,
    )
    now = timezone.now()
    values = {
        "catalogue": offer.catalogue,
        "provisional": offer.provisional,
        "as_of": as_of,
        "answer_date": answer,
        "version": version,
        "computed_at": now,
        "result": to_json(state),
    }
    try:
        with transaction.atomic():
            StoredReadiness.objects.update_or_create(agency=agency, fiscal_year=year, defaults=values)
    except IntegrityError:
        pass  # another process stored the same year at the same moment; either result is current
    return Checked(state=state, computed_at=now)


# What current_readiness reads of the stored row, through a TenantQuery (core/prepared.py): the public OIT
# index reads it on every uncached visit, and Django took longer to build the query than to run it.
_STORED_FIELDS = (
    "fiscal_year",
    "catalogue_id",
    "provisional",
    "as_of",
    "answer_date",
    "version",
    "computed_at",
    "result",
)


def _stored(agency_id: int, fiscal_year: int) -> QuerySet[Any]:
    return StoredReadiness.objects.filter(agency_id=agency_id, fiscal_year=fiscal_year).values_list(
        *_STORED_FIELDS
    )


_STORED = TenantQuery(_stored, fiscal_year=int)


def current_readiness(agency: Agency, year: int) -> Checked | None:
    """The year's readiness as of today, from the store while it is current; None without a catalogue."""
    offer, answer = selectors.offer_and_answer_date(agency, year)
    if offer is None:
        return None
    as_of = min(_today(), answer)
    found = _STORED.rows(agency, fiscal_year=year)
    row = (
        StoredReadiness(agency_id=agency.pk, **dict(zip(_STORED_FIELDS, found[0], strict=True)))
        if found
        else None
    )
    if (
        row is not None
        and row.version == public_version(agency.pk).token
        and row.as_of == as_of
        and row.answer_date == answer
        and row.catalogue_id == offer.catalogue.pk
        and row.provisional == offer.provisional
    ):
        state = _from_row(row, offer.catalogue)
        if state is not None:
            return Checked(state=state, computed_at=row.computed_at)
    return check_now(agency, year)


def refresh_all(agency: Agency) -> int:
    """Bring the stored readiness of the current year and of every year already stored up to date.

    Returns how many years were looked at (a year still current costs four queries, not a computation).
    """
    years = set(StoredReadiness.objects.filter(agency=agency).values_list("fiscal_year", flat=True))
    years.add(fiscal_year(_today()))
    for year in sorted(years):
        current_readiness(agency, year)
    return len(years)


@agency_task()
def refresh_after_publication(agency: Agency) -> int:
    """Recompute in the background what a publication outdated, before a visitor asks for it."""
    return refresh_all(agency)


def enqueue_refresh(*, agency_id: int, **_kwargs: object) -> None:
    """Receiver of ``core.pagecache.public_pages_changed`` (sent after the publishing transaction commits)."""
    refresh_after_publication.enqueue(agency_id)


@dataclass(frozen=True)
class StoredSummary:
    """What a stored readiness says, for a view over many agencies (never recomputed there)."""

    agency_id: int
    fiscal_year: int
    catalogue_id: int
    as_of: date
    answer_date: date
    computed_at: datetime
    statuses: dict[str, str]  # item code → Status
    predicted: Decimal | None  # the mean of the predicted indicator scores
    missing: list[tuple[str, date | None]]  # items not ready, with the date their evidence is needed by

    @property
    def ready_count(self) -> int:
        return sum(1 for status in self.statuses.values() if status == "ready")


def stored_summaries(agency_ids: list[int], year: int) -> dict[int, StoredSummary]:
    """The stored readiness of ``year`` for each agency that has one, in one query, as it was stored.

    A dashboard over hundreds of agencies reads this and shows when each was computed; the nightly job and
    each agency's publications keep the rows current (ADR 0091)."""
    result: dict[int, StoredSummary] = {}
    rows = StoredReadiness.objects.filter(agency_id__in=agency_ids, fiscal_year=year).order_by()
    for row in rows:
        items = row.result.get("items", [])
        scores = [Decimal(value) for value in row.result.get("scores", {}).values()]
        missing: list[tuple[str, date | None]] = []
        for entry in items:
            if entry["status"] == "ready":
                continue
            needed = [e[5] for e in entry["elements"] if e[5]]
            missing.append((entry["code"], date.fromisoformat(min(needed)) if needed else row.answer_date))
        result[row.agency_id] = StoredSummary(
            agency_id=row.agency_id,
            fiscal_year=row.fiscal_year,
            catalogue_id=row.catalogue_id,
            as_of=row.as_of,
            answer_date=row.answer_date,
            computed_at=row.computed_at,
            statuses={entry["code"]: entry["status"] for entry in items},
            predicted=(sum(scores, Decimal(0)) / len(scores)).quantize(Decimal("0.01")) if scores else None,
            missing=missing,
        )
    return result
