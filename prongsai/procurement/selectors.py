"""Reads of procurement data shared by the public pages, the back office, the reports and OCDS."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any, Literal, NamedTuple

from django.conf import settings
from django.db.models import Count, Max, Min, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.utils import create_namedtuple_class
from django.http import QueryDict

from prongsai.core import keyset
from prongsai.core.models import Agency, Operator, PublicationStatus
from prongsai.core.prepared import TenantQuery
from prongsai.core.thai import fiscal_year as fiscal_year_of
from prongsai.core.thai import fiscal_year_range, format_baht, format_date

from . import parameters
from .models import (
    Announcement,
    AnnualReportNote,
    EgpStatus,
    ImportBatch,
    Method,
    Procurement,
    ProcurementPlan,
    ProcurementProfile,
    RedFlagReview,
    Vendor,
)
from .normalize import search_text
from .red_flags import FlagRow, RedFlag, compute_flags

MAX_SEARCH_TERMS = 8


def profile_for(agency: Agency) -> ProcurementProfile:
    """The agency's procurement settings; an unsaved default when it has none yet."""
    profile = ProcurementProfile.objects.filter(agency=agency).select_related("agency").first()
    return profile or ProcurementProfile(agency=agency)


@dataclass(frozen=True)
class OcidPrefix:
    """The prefix an agency's ocids are published under, and who set it (ADR 0120).

    ``value`` is empty when nobody has registered a prefix for the agency: then no page, download or data set
    carries an ocid and no OCDS is published, rather than a made-up prefix that others would index.
    """

    value: str
    source: Literal["agency", "operator", "instance", ""]
    operator_name: str  # the agency's hosting operator ("" for an agency that runs its own instance)

    @property
    def registered(self) -> bool:
        return bool(self.value)

    def ocid(self, ocid_local: str) -> str:
        """The process's ocid, or "" when no prefix is registered."""
        return f"{self.value}-{ocid_local}" if self.value else ""


def ocid_prefixes(agencies: list[Agency]) -> dict[int, OcidPrefix]:
    """For each agency (by id): its own full prefix, else its operator's registered prefix, else the
    instance's, each of the last two followed by the agency code; else none. Two queries for any number."""
    # Operators are read fresh (not through ``agency.operator``): request.agency comes from a cache, and a
    # prefix the operator has just set must count at once.
    operator_ids = {a.operator_id for a in agencies if a.operator_id}
    operators = (
        {o.pk: o for o in Operator.objects.filter(pk__in=operator_ids).only("name_th", "ocds_prefix")}
        if operator_ids
        else {}
    )
    own = dict(
        ProcurementProfile.objects.filter(agency__in=agencies)
        .exclude(ocid_prefix="")
        .values_list("agency_id", "ocid_prefix")
    )
    found: dict[int, OcidPrefix] = {}
    for agency in agencies:
        operator = operators.get(agency.operator_id) if agency.operator_id else None
        operator_name = operator.name_th if operator else ""
        if own.get(agency.pk):
            found[agency.pk] = OcidPrefix(own[agency.pk], "agency", operator_name)
        elif operator is not None and operator.ocds_prefix:
            found[agency.pk] = OcidPrefix(f"{operator.ocds_prefix}-{agency.code}", "operator", operator_name)
        elif settings.OCDS_OCID_PREFIX:
            found[agency.pk] = OcidPrefix(
                f"{settings.OCDS_OCID_PREFIX}-{agency.code}", "instance", operator_name
            )
        else:
            found[agency.pk] = OcidPrefix("", "", operator_name)
    return found


def ocid_prefix(agency: Agency) -> OcidPrefix:
    """The prefix the agency publishes its ocids under now (see ``ocid_prefixes``)."""
    return ocid_prefixes([agency])[agency.pk]


def ocds_registered(agency: Agency) -> bool:
    """Whether the agency publishes OCDS, as ``ocid_prefix(agency).registered`` says, in at most one query
    for a hosted agency: a page that only links the OCDS package needs neither the prefix nor who set it."""
    if settings.OCDS_OCID_PREFIX:
        return True
    rows = _PREFIXES.rows(agency)
    return bool(rows) and any(rows[0])


def _prefixes(agency_id: int) -> QuerySet[Any]:
    # The operator's prefix and the agency's own, in one row (empty text or None where there is none).
    own = ProcurementProfile.objects.filter(agency_id=agency_id).values("ocid_prefix")[:1]
    return Agency.objects.filter(pk=agency_id).values_list("operator__ocds_prefix", Subquery(own))


_PREFIXES = TenantQuery(_prefixes)


# --- the register -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegisterFilter:
    """What a visitor or staff member asked the register for. Every field is optional."""

    fiscal_year: int | None = None
    month: tuple[int, int] | None = None  # (CE year, month) of the signing date
    method: str = ""
    status: str = ""
    vendor: str = ""  # the vendor's public id
    query: str = ""

    @property
    def year_only(self) -> bool:
        """Whether nothing but the fiscal year (if anything) is asked for."""
        return self == replace(RegisterFilter(), fiscal_year=self.fiscal_year)


def _base(agency: Agency | int, *, published_only: bool) -> QuerySet[Procurement]:
    qs = Procurement.objects.filter(agency=agency)
    if published_only:
        qs = qs.filter(status=PublicationStatus.PUBLISHED)
    return qs


def register(
    agency: Agency | int, flt: RegisterFilter, *, published_only: bool = True
) -> QuerySet[Procurement]:
    """Register rows matching the filter, newest contract first, with the vendor joined."""
    qs = _base(agency, published_only=published_only).select_related("vendor")
    if flt.fiscal_year:
        qs = qs.filter(fiscal_year=flt.fiscal_year)
    if flt.month:
        year, month = flt.month
        qs = qs.filter(contract_signed_on__year=year, contract_signed_on__month=month)
    if flt.method:
        qs = qs.filter(method=flt.method)
    if flt.status:
        qs = qs.filter(egp_status=flt.status)
    if flt.vendor:
        qs = qs.filter(vendor__agency=agency, vendor__public_id=flt.vendor)
    # Thai search: every word the visitor typed must appear. Thai has no spaces between words, so a
    # substring match on the normalised text finds words inside compounds exactly (see ADR 0050).
    for term in search_text(flt.query).split()[:MAX_SEARCH_TERMS]:
        qs = qs.filter(search_text__contains=term)
    return qs.order_by(*keyset.ordering(REGISTER_KEYS))


# The register's order, newest contract first, rows not yet signed last; the pages follow it by keyset.
REGISTER_KEYS = (
    keyset.Key("contract_signed_on", date),
    keyset.Key("announced_on", date),
    keyset.Key("pk", int),
)


# The columns register_lines() and the keyset read: a register page loads only these (the rows also carry
# the search text, the selection reason and the e-GP digest, which a page of 50 never shows).
REGISTER_LINE_FIELDS = (
    "pk",
    "public_id",
    "title",
    "method",
    "egp_status",
    "status",
    "budget",
    "agreed_price",
    "contract_signed_on",
    "announced_on",
    "egp_project_no",
    "vendor__name",
)


class RegisterLine(NamedTuple):
    """One row of a register page with its text ready: the template only places it (50 rows × 8 cells
    through template variables and filters cost more than the page's queries). A named tuple, not a frozen
    dataclass: it is as immutable and builds in a third of the time (50 per page)."""

    url: str
    title: str
    method: str
    status: str
    publication: str
    publication_label: str
    vendor: str
    budget: str
    agreed: str
    signed: str
    project_no: str


def register_page(
    qs: QuerySet[Procurement], params: QueryDict, per_page: int, *, url_name: str, by: str = "public_id"
) -> tuple[keyset.KeysetPage[Any], list[RegisterLine]]:
    """The page of the register ``params`` asks for, and its lines (``register_lines``).

    The rows are read as named tuples of the columns a line shows: building a hundred model instances
    (the rows and their vendors) cost more than the query."""
    rows = qs.values_list(*REGISTER_LINE_FIELDS, named=True)
    found = keyset.page(rows, REGISTER_KEYS, params, per_page)
    return found, register_lines(found.rows, url_name=url_name, by=by)


def published_register_page(
    agency: Agency, flt: RegisterFilter, params: QueryDict, per_page: int, *, url_name: str
) -> tuple[keyset.KeysetPage[Any], list[RegisterLine]]:
    """A page of the public register and its lines.

    The first page of the whole register or of one year (what the menu links to, and what nearly every
    visitor opens) is read by a ``TenantQuery`` (core/prepared.py), whose SQL is built once per connection;
    any other page by the queryset, as the staff register is."""
    if not (flt.year_only and keyset.is_first_page(params)):
        return register_page(register(agency, flt), params, per_page, url_name=url_name)
    if flt.fiscal_year is None:
        rows = _first_rows(per_page, by_year=False).rows(agency)
    else:
        rows = _first_rows(per_page, by_year=True).rows(agency, fiscal_year=flt.fiscal_year)
    found = keyset.first_page([_LineRow(*row) for row in rows], REGISTER_KEYS, params, per_page)
    return found, register_lines(found.rows, url_name=url_name)


_LineRow = create_namedtuple_class(*REGISTER_LINE_FIELDS)
_FIRST_ROWS: dict[tuple[int, bool], TenantQuery] = {}


def _first_rows(per_page: int, *, by_year: bool) -> TenantQuery:
    """The read of a first page's ``per_page + 1`` rows (one more tells whether a next page exists)."""
    found = _FIRST_ROWS.get((per_page, by_year))
    if found is None:

        def build(agency_id: int, fiscal_year: int | None = None) -> QuerySet[Any]:
            rows = register(agency_id, RegisterFilter(fiscal_year=fiscal_year))
            return rows.values_list(*REGISTER_LINE_FIELDS)[: per_page + 1]

        found = TenantQuery(build, fiscal_year=int) if by_year else TenantQuery(build)
        _FIRST_ROWS[(per_page, by_year)] = found
    return found


def register_lines(rows: list[Any], *, url_name: str, by: str = "public_id") -> list[RegisterLine]:
    """The rows of a register page as text: labels, amounts, Buddhist-era dates and links made here once.

    ``rows`` are named rows of ``REGISTER_LINE_FIELDS``; ``url_name`` is the page a title links to, given
    the row's ``by`` attribute (public id or pk)."""
    from django.urls import reverse

    # One reverse() for the page, not one per row: the row's id replaces a stub in the URL.
    stub = "0" if by == "pk" else "00000000-0000-0000-0000-000000000000"
    head, _stub, tail = reverse(url_name, args=[stub]).rpartition(stub)
    # Labels translated once per page, not once per row (each str() of a lazy label is a catalogue lookup).
    methods = {value: str(label) for value, label in Method.choices}
    statuses = {value: str(label) for value, label in EgpStatus.choices}
    publication = {value: str(label) for value, label in PublicationStatus.choices}
    return [
        RegisterLine(
            url=f"{head}{getattr(row, by)}{tail}",
            title=row.title,
            method=methods.get(row.method, row.method),
            status=statuses.get(row.egp_status, row.egp_status),
            publication=row.status,
            publication_label=publication.get(row.status, row.status),
            vendor=row.vendor__name or "–",
            budget=format_baht(row.budget),
            agreed=format_baht(row.agreed_price) if row.agreed_price is not None else "–",
            signed=format_date(row.contract_signed_on, month="abbr") if row.contract_signed_on else "–",
            project_no=row.egp_project_no or "–",
        )
        for row in rows
    ]


@dataclass(frozen=True)
class Totals:
    count: int
    budget: Decimal
    agreed: Decimal
    cancelled: int


def totals(qs: QuerySet[Procurement]) -> Totals:
    """Count and amounts of the non-cancelled rows of ``qs``; cancelled rows are counted apart.

    The register page and the annual summary both use this, so their totals agree by construction. One
    aggregate per e-GP status, added up here: it reads the same rows as four filtered aggregates, and
    Django builds it in half the time (every uncached register page asks for it).
    """
    return _added(
        qs.order_by()
        .values_list("egp_status")
        .annotate(n=Count("pk"), budget=Sum("budget"), agreed=Sum("agreed_price"))
    )


def _added(groups: Iterable[tuple[str, int, Decimal | None, Decimal | None]]) -> Totals:
    """``Totals`` of (e-GP status, rows, budget, agreed price) groups; cancelled rows counted apart."""
    count = cancelled = 0
    budget = agreed = Decimal("0")
    for status, n, status_budget, status_agreed in groups:
        if status == EgpStatus.CANCELLED:
            cancelled += n
            continue
        count += n
        budget += status_budget or 0
        agreed += status_agreed or 0
    return Totals(count=count, budget=budget, agreed=agreed, cancelled=cancelled)


def fiscal_years(agency: Agency, *, published_only: bool = True) -> list[int]:
    """Fiscal years that have register rows, newest first."""
    years = (
        _base(agency, published_only=published_only)
        .order_by()
        .values_list("fiscal_year", flat=True)
        .distinct()
    )
    return sorted(set(years), reverse=True)


def current_fiscal_year(today: date | None = None) -> int:
    from django.utils import timezone

    return fiscal_year_of(today or timezone.localdate())


@dataclass(frozen=True)
class RegisterChoices:
    """What the register's filter offers: the fiscal years with published rows (newest first), and the
    vendors with published contracts, by year; with the published register's totals by year and e-GP
    status, so the register's first page (every row, or one year's) needs no query of its own for them."""

    years: list[int]
    # (fiscal year, vendor public id, vendor name), in the database's order of names.
    pairs: list[tuple[int, str, str]]
    # (fiscal year, e-GP status) -> (rows, budget, agreed price)
    sums: dict[tuple[int, str], tuple[int, Decimal, Decimal]]

    def vendors(self, fiscal_year: int | None) -> list[tuple[str, str]]:
        """(public id, name) of the vendors with contracts in ``fiscal_year`` (every year when None)."""
        found: dict[str, str] = {}
        for year, public_id, name in self.pairs:
            if fiscal_year is None or year == fiscal_year:
                found.setdefault(public_id, name)
        return list(found.items())

    def totals(self, fiscal_year: int | None) -> Totals:
        """``totals`` of the published register of ``fiscal_year`` (every year when None)."""
        return _added(
            (status, *sums)
            for (year, status), sums in self.sums.items()
            if fiscal_year is None or year == fiscal_year
        )


def _choices(agency_id: int) -> QuerySet[Any]:
    # Grouped by the vendor's id, with its public id and name read per group, not joined per row: the
    # rows are then summed from the index procurement_register_sums alone, in its order (ADR 0131).
    vendor = Vendor.objects.filter(agency_id=agency_id, pk=OuterRef("vendor_id")).order_by()
    return (
        _base(agency_id, published_only=True)
        .values_list("fiscal_year", "vendor_id", "egp_status")
        .annotate(n=Count("pk"), budget=Sum("budget"), agreed=Sum("agreed_price"))
        .annotate(
            vendor_public_id=Subquery(vendor.values("public_id")), vendor_name=Subquery(vendor.values("name"))
        )
        .order_by("vendor_name", "vendor_public_id", "fiscal_year", "egp_status")
        .values_list("fiscal_year", "vendor_public_id", "vendor_name", "egp_status", "n", "budget", "agreed")
    )


_CHOICES = TenantQuery(_choices)


def register_choices(agency: Agency) -> RegisterChoices:
    """The register filter's years and vendors, and the totals by year, in one query (every uncached
    register page asks)."""
    years: set[int] = set()
    pairs: list[tuple[int, str, str]] = []
    sums: dict[tuple[int, str], tuple[int, Decimal, Decimal]] = {}
    for year, public_id, name, status, n, budget, agreed in _CHOICES.rows(agency):
        if year not in years:
            years.add(year)
        if public_id is not None and (not pairs or pairs[-1][:2] != (year, str(public_id))):
            pairs.append((year, str(public_id), name))
        count, budget_sum, agreed_sum = sums.get((year, status), (0, Decimal("0"), Decimal("0")))
        sums[(year, status)] = (count + n, budget_sum + (budget or 0), agreed_sum + (agreed or 0))
    return RegisterChoices(sorted(years, reverse=True), pairs, sums)


def months_of_year(fy: int) -> list[tuple[int, int]]:
    """(CE year, month) from October to September of a fiscal year."""
    start, _end = fiscal_year_range(fy)
    return [(start.year + (start.month + i - 1) // 12, (start.month + i - 1) % 12 + 1) for i in range(12)]


def months_with_data(agency: Agency, fy: int) -> list[tuple[int, int]]:
    """Months of a fiscal year that have a published row reported in them (signed, else announced)."""
    rows = _base(agency, published_only=True).filter(fiscal_year=fy).order_by()
    found: set[tuple[int, int]] = set()
    for signed, announced in rows.values_list("contract_signed_on", "announced_on").distinct():
        day = signed or announced
        if day is not None:
            found.add((day.year, day.month))
    return [m for m in months_of_year(fy) if m in found]


def last_published_on(agency: Agency) -> date | None:
    """The day (Bangkok) rows were last published to the register.

    The public reports are generated from the register, so a month that had ended before this day is final
    on them: its contracts, or its explicit "ไม่มีการจัดซื้อจัดจ้าง" row, were published after it closed.
    """
    from prongsai.core.thai import BANGKOK

    latest = _base(agency, published_only=True).order_by().aggregate(last=Max("published_at"))["last"]
    return latest.astimezone(BANGKOK).date() if latest else None


def unpriced_contracts(agency: Agency, fy: int) -> int:
    """Published, non-cancelled contracts of the year signed without an agreed price (the annual amounts
    by method would silently leave them out)."""
    return (
        _base(agency, published_only=True)
        .filter(fiscal_year=fy, contract_signed_on__isnull=False, agreed_price__isnull=True)
        .exclude(egp_status=EgpStatus.CANCELLED)
        .order_by()
        .count()
    )


def procurement_for_detail(qs: QuerySet[Procurement]) -> QuerySet[Procurement]:
    return qs.select_related("vendor", "plan_item").prefetch_related("bidders", "amendments", "announcements")


def signing_span(agency: Agency) -> dict[str, Any]:
    return (
        _base(agency, published_only=True)
        .order_by()
        .aggregate(first=Min("contract_signed_on"), last=Max("contract_signed_on"), changed=Max("updated_at"))
    )


# --- plans, announcements, notes ------------------------------------------------------------------------


def published_plans(agency: Agency) -> QuerySet[ProcurementPlan]:
    return ProcurementPlan.objects.filter(agency=agency, status=PublicationStatus.PUBLISHED).order_by(
        "-fiscal_year"
    )


def published_plan(agency: Agency, fiscal_year: int) -> ProcurementPlan | None:
    return published_plans(agency).filter(fiscal_year=fiscal_year).prefetch_related("items").first()


def plan_needs_no_large_announcement(plan: ProcurementPlan) -> bool:
    """True when no item of the plan is above the amount that must be planned (500,000 baht by default)."""
    limit = parameters.parameters_for(plan.agency)[parameters.PLAN_REQUIRED_ABOVE]
    return not any(item.budget > limit for item in plan.items.all())


def plan_published_in_time(plan: ProcurementPlan) -> bool | None:
    """Whether the plan was published within the legal window after the budget; None if unknown."""
    if plan.budget_approved_on is None or plan.published_at is None:
        return None
    from prongsai.core.thai import BANGKOK

    days = int(parameters.parameters_for(plan.agency)[parameters.PLAN_PUBLISH_WITHIN_DAYS])
    published = plan.published_at.astimezone(BANGKOK).date()
    return (published - plan.budget_approved_on).days <= days


def published_announcements(
    agency: Agency, *, fiscal_year: int | None = None, kind: str = ""
) -> QuerySet[Announcement]:
    qs = Announcement.objects.filter(agency=agency, status=PublicationStatus.PUBLISHED)
    if fiscal_year:
        qs = qs.filter(fiscal_year=fiscal_year)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.prefetch_related("attachments").order_by("-announced_on", "-pk")


def annual_note(agency: Agency, fiscal_year: int, *, published_only: bool = True) -> AnnualReportNote | None:
    qs = AnnualReportNote.objects.filter(agency=agency, fiscal_year=fiscal_year)
    if published_only:
        qs = qs.filter(status=PublicationStatus.PUBLISHED)
    return qs.first()


# --- red flags --------------------------------------------------------------------------------------------


def flag_rows(agency: Agency, fiscal_year: int) -> list[FlagRow]:
    fields = (
        "pk",
        "title",
        "fiscal_year",
        "method",
        "category",
        "egp_status",
        "budget",
        "reference_price",
        "agreed_price",
        "vendor_id",
        "vendor__name",
        "announced_on",
        "contract_signed_on",
        "contract_ends_on",
    )
    return [
        FlagRow(
            pk=r[0],
            title=r[1],
            fiscal_year=r[2],
            method=r[3],
            category=r[4],
            egp_status=r[5],
            budget=r[6],
            reference_price=r[7],
            agreed_price=r[8],
            vendor_id=r[9],
            vendor_name=r[10] or "",
            announced_on=r[11],
            signed_on=r[12],
            ends_on=r[13],
        )
        for r in Procurement.objects.filter(agency=agency, fiscal_year=fiscal_year)
        .order_by("pk")
        .values_list(*fields)
    ]


@dataclass(frozen=True)
class ReviewedFlag:
    flag: RedFlag
    review: RedFlagReview | None
    draft_ids: frozenset[int]

    @property
    def affects_drafts(self) -> bool:
        return bool(self.draft_ids)


def red_flags(agency: Agency, fiscal_year: int) -> list[ReviewedFlag]:
    """The year's red flags with the auditor's reviews and which of their rows are still drafts."""
    flags = compute_flags(flag_rows(agency, fiscal_year), parameters.parameters_for(agency), fiscal_year)
    reviews = {
        (r.kind, r.key): r
        for r in RedFlagReview.objects.filter(agency=agency, fiscal_year=fiscal_year).select_related(
            "reviewed_by"
        )
    }
    drafts = set(
        Procurement.objects.filter(agency=agency, fiscal_year=fiscal_year, status=PublicationStatus.DRAFT)
        .order_by()
        .values_list("pk", flat=True)
    )
    return [
        ReviewedFlag(
            flag=f, review=reviews.get((f.kind, f.key)), draft_ids=frozenset(set(f.procurement_ids) & drafts)
        )
        for f in flags
    ]


def unreviewed_flag_ids(agency: Agency, fiscal_years: set[int]) -> set[int]:
    """Procurements that are part of a flag the auditor has not reviewed yet."""
    held: set[int] = set()
    for year in fiscal_years:
        for item in red_flags(agency, year):
            if item.review is None:
                held.update(item.flag.procurement_ids)
    return held


def flag_counts_by_procurement(agency: Agency, fiscal_year: int) -> dict[int, int]:
    counts: dict[int, int] = {}
    for item in red_flags(agency, fiscal_year):
        for pk in item.flag.procurement_ids:
            counts[pk] = counts.get(pk, 0) + 1
    return counts


# --- back office ----------------------------------------------------------------------------------------


def staff_overview(agency: Agency) -> list[dict[str, Any]]:
    """Per fiscal year: rows, drafts and published."""
    rows = (
        Procurement.objects.filter(agency=agency)
        .order_by()
        .values("fiscal_year")
        .annotate(
            total=Count("pk"),
            drafts=Count("pk", filter=Q(status=PublicationStatus.DRAFT)),
            published=Count("pk", filter=Q(status=PublicationStatus.PUBLISHED)),
        )
    )
    return sorted(rows, key=lambda r: r["fiscal_year"], reverse=True)


def import_batches(agency: Agency) -> QuerySet[ImportBatch]:
    return ImportBatch.objects.filter(agency=agency).select_related("uploaded_by").order_by("-created_at")


def plans_for_staff(agency: Agency) -> QuerySet[ProcurementPlan]:
    return (
        ProcurementPlan.objects.filter(agency=agency)
        .annotate(item_count=Count("items"))
        .order_by("-fiscal_year")
    )


def announcements_for_staff(agency: Agency) -> QuerySet[Announcement]:
    return Announcement.objects.filter(agency=agency).order_by("-announced_on", "-pk")


def staff_register(
    agency: Agency, *, fiscal_year: int, query: str = "", state: str = ""
) -> QuerySet[Procurement]:
    """The staff register of a year: drafts and published rows matching the search, optionally one state."""
    qs = register(agency, RegisterFilter(fiscal_year=fiscal_year, query=query), published_only=False)
    return qs.filter(status=state) if state in PublicationStatus.values else qs


def publishable_drafts(agency: Agency, *, fiscal_year: int, query: str = "") -> QuerySet[Procurement]:
    """The drafts the staff register shows for a year and search: what its page counts and exactly what
    its "publish" button publishes (one selector for both, so the two can never disagree)."""
    return staff_register(agency, fiscal_year=fiscal_year, query=query, state=PublicationStatus.DRAFT)


def procurements_by_id(agency: Agency, ids: set[int]) -> QuerySet[Procurement]:
    return Procurement.objects.filter(agency=agency, pk__in=ids)


def publication_span(agency: Agency, model: type[Procurement] | type[Announcement]) -> tuple[Any, Any]:
    """The first publication and the last change of the published rows of ``model`` (open-data dates)."""
    found = (
        model.objects.filter(agency=agency, status=PublicationStatus.PUBLISHED)
        .order_by()
        .aggregate(first=Min("published_at"), last=Max("updated_at"))
    )
    return found["first"], found["last"]


def drafts_by_year(agency: Agency) -> list[tuple[int, int]]:
    """(fiscal year, number of register drafts) for each year that has drafts, newest first: what the staff
    home lists for those who publish (each year's count is what the register's draft filter shows)."""
    rows = (
        _base(agency, published_only=False)
        .filter(status=PublicationStatus.DRAFT)
        .order_by()
        .values("fiscal_year")
        .annotate(n=Count("pk"))
    )
    return sorted(((row["fiscal_year"], row["n"]) for row in rows), reverse=True)


def published_per_month(agency_ids: list[int], fy: int) -> dict[int, dict[tuple[int, int], int]]:
    """Published register rows of a fiscal year per agency and reported month (signed, else announced)."""
    from django.db.models.functions import Coalesce, ExtractMonth, ExtractYear

    rows = (
        Procurement.objects.filter(
            agency_id__in=agency_ids, status=PublicationStatus.PUBLISHED, fiscal_year=fy
        )
        .annotate(day=Coalesce("contract_signed_on", "announced_on"))
        .exclude(day__isnull=True)
        .annotate(y=ExtractYear("day"), m=ExtractMonth("day"))
        .values("agency_id", "y", "m")
        .annotate(n=Count("pk"))
        .order_by()
    )
    result: dict[int, dict[tuple[int, int], int]] = {}
    for row in rows:
        result.setdefault(row["agency_id"], {})[(row["y"], row["m"])] = row["n"]
    return result
