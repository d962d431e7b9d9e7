"""Builders of the official procurement reports. Each returns plain data (dataclasses of text, numbers and
dates), never HTML or files, so the same builder feeds the printable page, the XLSX export, the document
engine's PDF/DOCX/XLSX (``prongsai/reports/exporters/procurement.py``) and the ITA evidence
(``ita_evidence.py``).

* ``progress_report``: the monthly progress report of measure 6 item 4, the 12 fields of every signed
  contract as of a date, month by month from October, with an explicit "ไม่มีการจัดซื้อจัดจ้าง" row for a
  month without any;
* ``sorkhor1``: the monthly summary in form สขร.1 (9 columns), with the explicit nil row;
* ``dataset16``: the FY2568 OIT data set (16 columns);
* ``annual_summary``: the annual report by method (count and amounts), by month, with problems and
  suggestions; its totals are the register's totals for the year.

Only published rows are reported; natural persons' IDs are masked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from prongsai.core.models import Agency, PublicationStatus
from prongsai.core.thai import fiscal_year as fiscal_year_of
from prongsai.core.thai import fiscal_year_range, format_date, format_month

from . import selectors
from .models import EgpStatus, Method, Procurement, public_tax_id

NO_PROCUREMENT = "ไม่มีการจัดซื้อจัดจ้าง"

# Measure 6 item 4 of the seed report, verbatim (Thai numerals as the report writes them).
TWELVE_FIELDS = (
    "(๑) งานที่ซื้อหรือจ้าง",
    "(๒) วงเงินงบประมาณที่ได้รับจัดสรร (บาท)",
    "(๓) แหล่งที่มาของงบประมาณ",
    "(๔) สถานะการจัดซื้อจัดจ้างฯ",
    "(๕) วิธีการจัดซื้อจัดจ้างฯ",
    "(๖) ราคากลาง (บาท)",
    "(๗) ราคาที่ตกลงซื้อหรือจ้าง (บาท)",
    "(๘) เลขประจำตัวผู้เสียภาษี/เลขประจำตัวประชาชนของผู้ประกอบการที่ได้รับการคัดเลือก",
    "(๙) รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก",
    "(๑๐) เลขที่โครงการ",
    "(๑๑) วันที่ลงนามในสัญญา",
    "(๑๒) วันสิ้นสุดสัญญา",
)

# แบบ สขร.1 (ประกาศคณะกรรมการข้อมูลข่าวสารของราชการ ตามมาตรา 9(8)).
SORKHOR1_COLUMNS = (
    "ลำดับที่",
    "งานที่จัดซื้อหรือจัดจ้าง",
    "วงเงินที่จะซื้อหรือจ้าง (บาท)",
    "ราคากลาง (บาท)",
    "วิธีซื้อหรือจ้าง",
    "รายชื่อผู้เสนอราคาและราคาที่เสนอ",
    "ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง",
    "เหตุผลที่คัดเลือกโดยสรุป",
    "เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง",
)

# The FY2568 OIT data set (item O12), 16 columns.
DATASET16_COLUMNS = (
    "ที่",
    "ปีงบประมาณ",
    "ชื่อหน่วยงาน",
    "อำเภอ",
    "จังหวัด",
    "กระทรวง",
    "ประเภทหน่วยงาน",
    "ชื่อรายการของงานที่ซื้อหรือจ้าง",
    "วงเงินงบประมาณที่ได้รับจัดสรร (บาท)",
    "แหล่งที่มาของงบประมาณ",
    "สถานะการจัดซื้อจัดจ้าง",
    "วิธีการจัดซื้อจัดจ้าง",
    "ราคากลาง (บาท)",
    "ราคาที่ตกลงซื้อหรือจ้าง (บาท)",
    "รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก",
    "เลขที่โครงการในระบบ e-GP",
)


def _published(agency: Agency) -> QuerySet[Procurement]:
    return Procurement.objects.filter(agency=agency, status=PublicationStatus.PUBLISHED).select_related(
        "vendor"
    )


def status_as_of(row: Procurement, as_of: date) -> str:
    """The e-GP status a signed contract had on ``as_of``: in its term, or ended. Others keep theirs."""
    if row.egp_status == EgpStatus.CANCELLED or row.contract_signed_on is None:
        return str(EgpStatus(row.egp_status).label)
    if row.contract_ends_on is not None and row.contract_ends_on < as_of:
        return str(EgpStatus.COMPLETED.label)
    return str(EgpStatus.UNDER_CONTRACT.label)


def month_label(year: int, month: int) -> str:
    return format_month(year, month)


# --- the progress report (12 fields) --------------------------------------------------------------------


@dataclass(frozen=True)
class TwelveFieldRow:
    number: int
    public_id: str
    title: str
    budget: Decimal
    budget_source: str
    status: str
    method: str
    reference_price: Decimal | None
    agreed_price: Decimal | None
    vendor_tax_id: str
    vendor_name: str
    project_no: str
    signed_on: date | None
    ends_on: date | None

    def values(self) -> list[object]:
        """The 12 fields in the order of the seed report."""
        return [
            self.title,
            self.budget,
            self.budget_source,
            self.status,
            self.method,
            self.reference_price,
            self.agreed_price,
            self.vendor_tax_id,
            self.vendor_name,
            self.project_no,
            self.signed_on,
            self.ends_on,
        ]


@dataclass
class MonthSection:
    year: int
    month: int
    label: str
    rows: list[TwelveFieldRow] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.rows


@dataclass
class ProgressReport:
    agency_name: str
    fiscal_year: int
    as_of: date
    as_of_text: str
    months: list[MonthSection]
    count: int
    total_agreed: Decimal
    columns: tuple[str, ...] = TWELVE_FIELDS

    @property
    def title(self) -> str:
        return _("รายงานความก้าวหน้าการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. %(fy)s ข้อมูล ณ วันที่ %(date)s") % {
            "fy": self.fiscal_year,
            "date": self.as_of_text,
        }


def _twelve(number: int, row: Procurement, as_of: date) -> TwelveFieldRow:
    vendor = row.vendor
    return TwelveFieldRow(
        number=number,
        public_id=str(row.public_id),
        title=row.title,
        budget=row.budget,
        budget_source=row.budget_source,
        status=status_as_of(row, as_of),
        method=str(Method(row.method).label),
        reference_price=row.reference_price,
        agreed_price=row.agreed_price,
        vendor_tax_id=public_tax_id(vendor.tax_id) if vendor else "",
        vendor_name=vendor.name if vendor else "",
        project_no=row.egp_project_no,
        signed_on=row.contract_signed_on,
        ends_on=row.contract_ends_on,
    )


def progress_report(agency: Agency, as_of: date) -> ProgressReport:
    """Every contract signed from 1 October of ``as_of``'s fiscal year up to ``as_of``, month by month."""
    fy = fiscal_year_of(as_of)
    start, _end = fiscal_year_range(fy)
    rows = list(
        _published(agency)
        .filter(contract_signed_on__gte=start, contract_signed_on__lte=as_of)
        .exclude(egp_status=EgpStatus.CANCELLED)
        .order_by("contract_signed_on", "pk")
    )
    months: list[MonthSection] = []
    by_month: dict[tuple[int, int], MonthSection] = {}
    for year, month in selectors.months_of_year(fy):
        if date(year, month, 1) > as_of:
            break
        section = MonthSection(year, month, month_label(year, month))
        months.append(section)
        by_month[(year, month)] = section
    for number, row in enumerate(rows, start=1):
        assert row.contract_signed_on is not None  # noqa: S101 - filtered above
        by_month[(row.contract_signed_on.year, row.contract_signed_on.month)].rows.append(
            _twelve(number, row, as_of)
        )
    return ProgressReport(
        agency_name=agency.name_th,
        fiscal_year=fy,
        as_of=as_of,
        as_of_text=format_date(as_of),
        months=months,
        count=len(rows),
        total_agreed=sum((r.agreed_price or Decimal(0) for r in rows), Decimal(0)),
    )


# --- สขร.1 ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SorKhor1Row:
    number: int
    title: str
    budget: Decimal
    reference_price: Decimal | None
    method: str
    bidders: list[tuple[str, Decimal | None]]
    winner: str
    agreed_price: Decimal | None
    reason: str
    contract_no: str
    signed_on: date | None

    @property
    def contract_text(self) -> str:
        parts = []
        if self.contract_no:
            parts.append(_("เลขที่ %(no)s") % {"no": self.contract_no})
        if self.signed_on:
            parts.append(_("ลงวันที่ %(date)s") % {"date": format_date(self.signed_on)})
        return " ".join(parts)


@dataclass
class SorKhor1:
    agency_name: str
    year: int
    month: int
    label: str
    rows: list[SorKhor1Row]
    columns: tuple[str, ...] = SORKHOR1_COLUMNS

    @property
    def is_empty(self) -> bool:
        return not self.rows

    @property
    def title(self) -> str:
        return _("สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน %(month)s") % {"month": self.label}


def sorkhor1(agency: Agency, year: int, month: int) -> SorKhor1:
    """The สขร.1 of a calendar month (Christian-era year): contracts signed in that month."""
    rows = (
        _published(agency)
        .filter(contract_signed_on__year=year, contract_signed_on__month=month)
        .exclude(egp_status=EgpStatus.CANCELLED)
        .prefetch_related("bidders")
        .order_by("contract_signed_on", "pk")
    )
    result: list[SorKhor1Row] = []
    for number, row in enumerate(rows, start=1):
        vendor_name = row.vendor.name if row.vendor else ""
        bidders = [(b.name, b.price) for b in row.bidders.all()] or (
            [(vendor_name, row.agreed_price)] if vendor_name else []
        )
        result.append(
            SorKhor1Row(
                number=number,
                title=row.title,
                budget=row.budget,
                reference_price=row.reference_price,
                method=str(Method(row.method).label),
                bidders=bidders,
                winner=vendor_name,
                agreed_price=row.agreed_price,
                reason=row.selection_reason or _("เป็นผู้มีคุณสมบัติครบถ้วนและเสนอราคาที่เหมาะสม"),
                contract_no=row.contract_no,
                signed_on=row.contract_signed_on,
            )
        )
    return SorKhor1(agency.name_th, year, month, month_label(year, month), result)


def sorkhor1_year(agency: Agency, fy: int) -> list[SorKhor1]:
    """The twelve monthly สขร.1 of a fiscal year (months without procurement included, as nil reports)."""
    return [sorkhor1(agency, year, month) for year, month in selectors.months_of_year(fy)]


# --- FY2568 data set (16 columns) -----------------------------------------------------------------------


@dataclass
class Dataset16:
    agency_name: str
    fiscal_year: int
    as_of: date | None
    rows: list[list[object]]
    columns: tuple[str, ...] = DATASET16_COLUMNS

    @property
    def title(self) -> str:
        text = _("รายการการจัดซื้อจัดจ้างและความก้าวหน้า ปีงบประมาณ พ.ศ. %(fy)s") % {"fy": self.fiscal_year}
        if self.as_of:
            text += " " + _("ข้อมูล ณ วันที่ %(date)s") % {"date": format_date(self.as_of)}
        return text


def dataset16(agency: Agency, fy: int, as_of: date | None = None) -> Dataset16:
    """One row per procurement of the year (any status), in the 16 columns of the FY2568 form."""
    profile = selectors.profile_for(agency)
    qs = _published(agency).filter(fiscal_year=fy)
    if as_of is not None:
        qs = qs.filter(
            Q(contract_signed_on__lte=as_of)
            | Q(contract_signed_on__isnull=True, announced_on__lte=as_of)
            | Q(contract_signed_on__isnull=True, announced_on__isnull=True)
        )
    rows: list[list[object]] = []
    for number, row in enumerate(qs.order_by("contract_signed_on", "announced_on", "pk"), start=1):
        rows.append(
            [
                number,
                fy,
                agency.name_th,
                agency.district,
                agency.province,
                profile.ministry,
                profile.agency_type_label,
                row.title,
                row.budget,
                row.budget_source,
                status_as_of(row, as_of) if as_of else str(EgpStatus(row.egp_status).label),
                str(Method(row.method).label),
                row.reference_price,
                row.agreed_price,
                row.vendor.name if row.vendor else "",
                row.egp_project_no,
            ]
        )
    if not rows:
        rows.append(
            [
                1,
                fy,
                agency.name_th,
                agency.district,
                agency.province,
                profile.ministry,
                profile.agency_type_label,
            ]
            + [NO_PROCUREMENT]
            + [""] * 8
        )
    return Dataset16(agency.name_th, fy, as_of, rows)


# --- the annual summary -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SummaryLine:
    key: str
    label: str
    count: int
    budget: Decimal
    agreed: Decimal


@dataclass
class AnnualSummary:
    agency_name: str
    fiscal_year: int
    by_method: list[SummaryLine]
    by_month: list[SummaryLine]
    total: selectors.Totals
    problems: str
    suggestions: str

    @property
    def title(self) -> str:
        return _("รายงานสรุปผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. %(fy)s") % {"fy": self.fiscal_year}

    @property
    def unsigned(self) -> int:
        return self.total.count - sum(line.count for line in self.by_month)


def annual_summary(agency: Agency, fy: int) -> AnnualSummary:
    """Count and amounts per method (and per month of signing) of the year's non-cancelled procurements.

    The total is ``selectors.totals`` over the register's own query for the year, so the report and the
    public register always agree.
    """
    qs = selectors.register(agency, selectors.RegisterFilter(fiscal_year=fy))
    live = qs.exclude(egp_status=EgpStatus.CANCELLED).order_by()
    per_method = {
        r["method"]: r
        for r in live.values("method").annotate(n=Count("pk"), b=Sum("budget"), a=Sum("agreed_price"))
    }
    by_method = [
        SummaryLine(
            key=str(method),
            label=str(method.label),
            count=per_method.get(method, {}).get("n", 0) or 0,
            budget=per_method.get(method, {}).get("b") or Decimal(0),
            agreed=per_method.get(method, {}).get("a") or Decimal(0),
        )
        for method in Method
    ]
    per_month: dict[tuple[int, int], dict[str, object]] = {}
    for r in (
        live.filter(contract_signed_on__isnull=False)
        .values("contract_signed_on__year", "contract_signed_on__month")
        .annotate(n=Count("pk"), b=Sum("budget"), a=Sum("agreed_price"))
    ):
        per_month[(r["contract_signed_on__year"], r["contract_signed_on__month"])] = r
    by_month = []
    for year, month in selectors.months_of_year(fy):
        r = per_month.get((year, month), {})
        count = int(r.get("n", 0) or 0)  # type: ignore[call-overload]
        by_month.append(
            SummaryLine(
                key=f"{year}-{month:02d}",
                label=month_label(year, month) + ("" if count else f" ({NO_PROCUREMENT})"),
                count=count,
                budget=r.get("b") or Decimal(0),  # type: ignore[arg-type]
                agreed=r.get("a") or Decimal(0),  # type: ignore[arg-type]
            )
        )
    note = selectors.annual_note(agency, fy)
    return AnnualSummary(
        agency_name=agency.name_th,
        fiscal_year=fy,
        by_method=by_method,
        by_month=by_month,
        total=selectors.totals(qs),
        problems=note.problems if note else "",
        suggestions=note.suggestions if note else "",
    )
