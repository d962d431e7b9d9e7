"""Reads of the operator's pages: the agencies an operator hosts and their figures, from each app's selectors.

Every read here is limited to the operator's own agencies and runs in a scope that covers exactly them, so
a forgotten filter fails closed. Nothing here reads the corruption channel (ADR 0100).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from prongsai.complaints import selectors as complaints
from prongsai.core.models import Agency, AgencyExport, AgencyRemoval, Invitation, Operator
from prongsai.core.thai import BANGKOK, fiscal_year, fiscal_year_range, format_month
from prongsai.eservice import selectors as eservice
from prongsai.hosting import district_map
from prongsai.ita import readiness_store
from prongsai.ita import selectors as ita
from prongsai.portal import selectors as portal
from prongsai.procurement import selectors as procurement


def hosted_agencies(operator: Operator) -> QuerySet[Agency]:
    with scopes_disabled():
        return Agency.objects.filter(operator=operator).order_by("district", "name_th")


def ocds_prefixes(operator: Operator) -> list[tuple[Agency, procurement.OcidPrefix]]:
    """Each hosted agency with the OCDS prefix it publishes under now (its own, the operator's, or none)."""
    agencies = list(hosted_agencies(operator))
    with hosted_scope(agencies):
        found = procurement.ocid_prefixes(agencies)
    return [(agency, found[agency.pk]) for agency in agencies]


def hosted_agency(operator: Operator, code: str) -> Agency:
    """One agency of the operator by its code; the same 404 for "missing" and "hosted by someone else"."""
    with scopes_disabled():
        agency = Agency.objects.filter(operator=operator, code=code).first()
    if agency is None:
        raise Http404
    return agency


@contextmanager
def hosted_scope(agencies: list[Agency]) -> Iterator[None]:
    """A scope covering exactly these agencies (none when the list is empty: fails closed)."""
    with scope(agency=[a.pk for a in agencies]):
        yield


def exports_of(operator: Operator, agency: Agency) -> QuerySet[AgencyExport]:
    return AgencyExport.objects.filter(operator=operator, agency=agency).order_by("-created_at")


def export_of(operator: Operator, pk: int) -> AgencyExport:
    export = AgencyExport.objects.filter(operator=operator, pk=pk, status=AgencyExport.Status.READY).first()
    if export is None or not export.file:
        raise Http404
    return export


def removals_of(operator: Operator) -> QuerySet[AgencyRemoval]:
    return AgencyRemoval.objects.filter(operator=operator).select_related("removed_by", "export")


def pending_invitations(agency: Agency) -> QuerySet[Invitation]:
    return Invitation.objects.filter(agency=agency).select_related("user").order_by("-created_at")


@dataclass
class AgencyRow:
    agency: Agency
    readiness: readiness_store.StoredSummary | None
    actual_total: Decimal | None
    actual_year: int | None
    overdue_requests: int
    overdue_complaints: int
    news_count: int
    news_last: datetime | None
    procurement: list[int]  # published register rows per month of the fiscal year (Oct…Sep)
    marks: list[str] = field(default_factory=list)  # the status of each of ``Overview.items`` ("" unknown)
    district_anchor: str = ""  # on the first row of each district: where the map's tile links to

    @property
    def ready_share(self) -> int | None:
        if self.readiness is None or not self.readiness.statuses:
            return None
        return round(100 * self.readiness.ready_count / len(self.readiness.statuses))

    @property
    def anchor(self) -> str:
        return f"agency-{self.agency.code}"


@dataclass
class Overview:
    operator: Operator
    fiscal_year: int
    months: list[tuple[int, int]]
    month_labels: list[str]
    rows: list[AgencyRow]
    items: list[tuple[str, str]]  # the OIT items of the year (of the most used catalogue)
    late: list[tuple[date | None, AgencyRow, str, str]] = field(
        default_factory=list
    )  # when, who, code, title
    map: district_map.DistrictMap | None = None


def overview(operator: Operator, *, today: date | None = None) -> Overview:
    """Everything the operator's dashboard shows for the agencies it hosts, in a fixed number of queries."""
    day = today or timezone.now().astimezone(BANGKOK).date()
    year = fiscal_year(day)
    agencies = list(hosted_agencies(operator))
    ids = [a.pk for a in agencies]
    months = procurement.months_of_year(year)
    start, _end = fiscal_year_range(year)
    since = datetime.combine(start, time.min, tzinfo=BANGKOK)
    with hosted_scope(agencies):
        stored = readiness_store.stored_summaries(ids, year)
        results = ita.latest_results(ids)
        requests = eservice.overdue_counts(ids)
        complaint_counts = complaints.overdue_counts(ids)
        news = portal.news_published_since(ids, since)
        per_month = procurement.published_per_month(ids, year)
    catalogue_ids = {summary.catalogue_id for summary in stored.values()}
    titles = ita.item_titles(catalogue_ids) if catalogue_ids else {}
    rows = []
    for agency in agencies:
        result = results.get(agency.pk)
        counts = per_month.get(agency.pk, {})
        news_count, news_last = news.get(agency.pk, (0, None))
        rows.append(
            AgencyRow(
                agency=agency,
                readiness=stored.get(agency.pk),
                actual_total=result.total if result else None,
                actual_year=result.fiscal_year if result else None,
                overdue_requests=requests.get(agency.pk, 0),
                overdue_complaints=complaint_counts.get(agency.pk, 0),
                news_count=news_count,
                news_last=news_last,
                procurement=[counts.get(month, 0) for month in months],
            )
        )
    # The columns of the per-item table: the items of the catalogue most agencies answer this year.
    usage: dict[int, int] = {}
    for summary in stored.values():
        usage[summary.catalogue_id] = usage.get(summary.catalogue_id, 0) + 1
    main = max(usage, key=lambda pk: usage[pk]) if usage else None
    items = titles.get(main, []) if main is not None else []
    seen: set[str] = set()
    for row in rows:
        if row.agency.district not in seen:
            seen.add(row.agency.district)
            row.district_anchor = district_map.district_anchor(row.agency.district)
    for row in rows:
        statuses = row.readiness.statuses if row.readiness is not None else {}
        row.marks = [statuses.get(code, "") for code, _title in items]
    title_of = {pk: dict(entries) for pk, entries in titles.items()}
    late: list[tuple[date | None, AgencyRow, str, str]] = []
    for row in rows:
        if row.readiness is None:
            continue
        names = title_of.get(row.readiness.catalogue_id, {})
        for code, needed_by in row.readiness.missing:
            late.append((needed_by, row, code, names.get(code, "")))
    late.sort(key=lambda entry: (entry[0] or date.max, entry[1].agency.name_th, entry[2]))
    per_district: dict[str, tuple[int, int | None]] = {}
    for row in rows:
        count, _share = per_district.get(row.agency.district, (0, None))
        per_district[row.agency.district] = (count + 1, None)
    for district in per_district:
        shares = [r.ready_share for r in rows if r.agency.district == district and r.ready_share is not None]
        per_district[district] = (
            per_district[district][0],
            round(sum(shares) / len(shares)) if shares else None,
        )
    province = operator.province or (agencies[0].province if agencies else "")
    return Overview(
        operator=operator,
        fiscal_year=year,
        months=months,
        month_labels=[format_month(y, m, abbr=True) for y, m in months],
        rows=rows,
        items=items,
        late=late,
        map=district_map.build(province, per_district) if province else None,
    )
