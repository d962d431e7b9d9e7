"""Red flags: patterns in an agency's own procurement data that the internal auditor should look at.

Each flag carries a whole-sentence Thai explanation with the numbers that tripped it, and a stable key (the
procurements, or the vendor and year, it concerns) by which the auditor's review is remembered. The rules
are computed here from plain rows, so they are easy to test; every number they use is an editable
parameter (``parameters.py``). A flag is a reason to look, never a finding.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from prongsai.core.thai import format_baht, format_date

from . import parameters as p
from .models.choices import EgpStatus, Method


class FlagKind(models.TextChoices):
    NEAR_REFERENCE = "near_reference", gettext_lazy("ราคาที่ตกลงใกล้ราคากลางมาก")
    SPLIT = "split", gettext_lazy("อาจแบ่งซื้อแบ่งจ้างให้ต่ำกว่าวงเงิน")
    VENDOR_SHARE = "vendor_share", gettext_lazy("ผู้ประกอบการรายเดียวได้สัดส่วนสูงของทั้งปี")
    REPEAT_SPECIFIC = "repeat_specific", gettext_lazy("ผู้ประกอบการรายเดิมได้รับคัดเลือกโดยวิธีเฉพาะเจาะจงซ้ำ")
    DATES_ORDER = "dates_order", gettext_lazy("วันที่ไม่เป็นไปตามลำดับ")
    ABOVE_BUDGET = "above_budget", gettext_lazy("ราคาสูงกว่าวงเงินงบประมาณ")


WHY: dict[str, Any] = {
    FlagKind.NEAR_REFERENCE: gettext_lazy(
        "ราคาที่ชนะใกล้ราคากลางมากอาจเกิดจากราคากลางรั่วไหลหรือการเสนอราคาที่ไม่มีการแข่งขันจริง"
    ),
    FlagKind.SPLIT: gettext_lazy(
        "การแบ่งงานเดียวกันเป็นหลายสัญญาให้แต่ละสัญญาต่ำกว่าวงเงินวิธีเฉพาะเจาะจง เพื่อหลีกเลี่ยงการประกาศเชิญชวนทั่วไป "
        "เป็นข้อห้ามตามมาตรา 62 แห่งพระราชบัญญัติการจัดซื้อจัดจ้างฯ พ.ศ. 2560"
    ),
    FlagKind.VENDOR_SHARE: gettext_lazy("การกระจุกตัวของสัญญาที่ผู้ประกอบการรายเดียวอาจบ่งชี้ถึงการเอื้อประโยชน์"),
    FlagKind.REPEAT_SPECIFIC: gettext_lazy(
        "การคัดเลือกผู้ประกอบการรายเดิมโดยไม่มีการแข่งขันซ้ำหลายครั้ง ควรทบทวนว่ามีเหตุผลและเปรียบเทียบราคาแล้ว"
    ),
    FlagKind.DATES_ORDER: gettext_lazy("วันที่ที่ไม่เป็นไปตามลำดับอาจเป็นความผิดพลาดในการบันทึก หรือการลงนามย้อนหลัง"),
    FlagKind.ABOVE_BUDGET: gettext_lazy("การตกลงราคาสูงกว่าวงเงินงบประมาณที่ได้รับจัดสรรต้องมีการอนุมัติเพิ่มเติม"),
}


@dataclass(frozen=True)
class FlagRow:
    pk: int
    title: str
    fiscal_year: int
    method: str
    category: str
    egp_status: str
    budget: Decimal
    reference_price: Decimal | None
    agreed_price: Decimal | None
    vendor_id: int | None
    vendor_name: str
    announced_on: date | None
    signed_on: date | None
    ends_on: date | None


@dataclass(frozen=True)
class RedFlag:
    kind: str
    key: str
    fiscal_year: int
    procurement_ids: tuple[int, ...]
    subject: str
    explanation: str

    @property
    def kind_label(self) -> str:
        return str(FlagKind(self.kind).label)

    @property
    def why(self) -> str:
        return str(WHY[self.kind])


def _percent(part: Decimal, whole: Decimal) -> Decimal:
    return (part * 100 / whole).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _d(day: date) -> str:
    return format_date(day, month="abbr")


# Where suppliers compete. Under the specific method the agreed price is normally the reference price
# (the reference is set from the one quotation), so closeness there says nothing.
COMPETITIVE = frozenset({Method.E_BIDDING, Method.E_MARKET, Method.PRICE_INQUIRY, Method.SELECTION})


def _near_reference(row: FlagRow, params: dict[str, Decimal]) -> RedFlag | None:
    if row.method not in COMPETITIVE:
        return None
    ref, agreed = row.reference_price, row.agreed_price
    if ref is None or agreed is None or ref <= 0 or ref < params[p.NEAR_REFERENCE_MIN_AMOUNT]:
        return None
    gap = _percent(abs(ref - agreed), ref)
    limit = params[p.NEAR_REFERENCE_PERCENT]
    if gap > limit:
        return None
    return RedFlag(
        FlagKind.NEAR_REFERENCE,
        str(row.pk),
        row.fiscal_year,
        (row.pk,),
        row.title,
        _("ราคาที่ตกลง %(agreed)s บาท ต่างจากราคากลาง %(ref)s บาท เพียงร้อยละ %(gap)s (เกณฑ์ไม่เกินร้อยละ %(limit)s)")
        % {"agreed": format_baht(agreed), "ref": format_baht(ref), "gap": gap, "limit": limit},
    )


def _dates_order(row: FlagRow) -> RedFlag | None:
    problems: list[str] = []
    if row.announced_on and row.signed_on and row.signed_on < row.announced_on:
        problems.append(
            _("ลงนามในสัญญาวันที่ %(signed)s ก่อนวันประกาศ %(announced)s")
            % {"signed": _d(row.signed_on), "announced": _d(row.announced_on)}
        )
    if row.signed_on and row.ends_on and row.ends_on < row.signed_on:
        problems.append(
            _("วันสิ้นสุดสัญญา %(ends)s อยู่ก่อนวันลงนาม %(signed)s")
            % {"ends": _d(row.ends_on), "signed": _d(row.signed_on)}
        )
    if not problems:
        return None
    return RedFlag(
        FlagKind.DATES_ORDER, str(row.pk), row.fiscal_year, (row.pk,), row.title, "; ".join(problems)
    )


def _above_budget(row: FlagRow) -> RedFlag | None:
    if row.agreed_price is None or row.budget is None or row.agreed_price <= row.budget:
        return None
    over = row.agreed_price - row.budget
    return RedFlag(
        FlagKind.ABOVE_BUDGET,
        str(row.pk),
        row.fiscal_year,
        (row.pk,),
        row.title,
        _("ราคาที่ตกลง %(agreed)s บาท สูงกว่าวงเงินงบประมาณ %(budget)s บาท อยู่ %(over)s บาท")
        % {
            "agreed": format_baht(row.agreed_price),
            "budget": format_baht(row.budget),
            "over": format_baht(over),
        },
    )


def _splits(rows: list[FlagRow], params: dict[str, Decimal]) -> list[RedFlag]:
    """Contracts with one vendor, of one category, each under the specific-method limit, signed within the
    window of each other, that together exceed the limit."""
    limit = params[p.SPECIFIC_METHOD_LIMIT]
    window = int(params[p.SPLIT_WINDOW_DAYS])
    min_count = max(2, int(params[p.SPLIT_MIN_CONTRACTS]))
    groups: dict[tuple[int, str], list[FlagRow]] = defaultdict(list)
    for row in rows:
        if row.vendor_id is None or row.signed_on is None or row.agreed_price is None:
            continue
        if row.agreed_price >= limit or row.egp_status == EgpStatus.CANCELLED:
            continue
        groups[(row.vendor_id, row.category)].append(row)
    clusters: list[list[FlagRow]] = []
    for group in groups.values():
        group.sort(key=lambda r: (r.signed_on or date.min, r.pk))
        cluster: list[FlagRow] = []
        for row in group:
            gap = (
                (row.signed_on - cluster[-1].signed_on).days
                if cluster and row.signed_on and cluster[-1].signed_on
                else None
            )
            if gap is not None and gap <= window:
                cluster.append(row)
            else:
                clusters.append(cluster)
                cluster = [row]
        clusters.append(cluster)
    flags: list[RedFlag] = []
    for cluster in clusters:
        total = sum((r.agreed_price or Decimal(0) for r in cluster), Decimal(0))
        if len(cluster) >= min_count and total > limit:
            first, last = cluster[0], cluster[-1]
            flags.append(
                RedFlag(
                    FlagKind.SPLIT,
                    ",".join(str(r.pk) for r in cluster),
                    first.fiscal_year,
                    tuple(r.pk for r in cluster),
                    first.vendor_name,
                    _(
                        "%(vendor)s ได้รับ %(count)s สัญญาระหว่าง %(start)s ถึง %(end)s แต่ละสัญญาต่ำกว่า "
                        "%(limit)s บาท แต่รวมกัน %(total)s บาท เกินวงเงินวิธีเฉพาะเจาะจง"
                    )
                    % {
                        "vendor": first.vendor_name,
                        "count": len(cluster),
                        "start": _d(first.signed_on),  # type: ignore[arg-type]
                        "end": _d(last.signed_on),  # type: ignore[arg-type]
                        "limit": format_baht(limit),
                        "total": format_baht(total),
                    },
                )
            )
    return flags


def _vendor_level(rows: list[FlagRow], params: dict[str, Decimal], fiscal_year: int) -> list[RedFlag]:
    live = [r for r in rows if r.egp_status != EgpStatus.CANCELLED and r.vendor_id is not None]
    total = sum((r.agreed_price or Decimal(0) for r in live), Decimal(0))
    by_vendor: dict[int, list[FlagRow]] = defaultdict(list)
    for row in live:
        by_vendor[row.vendor_id].append(row)  # type: ignore[index]
    share_limit = params[p.VENDOR_SHARE_PERCENT]
    repeat_limit = int(params[p.REPEAT_SPECIFIC_COUNT])
    flags: list[RedFlag] = []
    for vendor_id, vendor_rows in sorted(by_vendor.items()):
        name = vendor_rows[0].vendor_name
        amount = sum((r.agreed_price or Decimal(0) for r in vendor_rows), Decimal(0))
        # A year with a single contract is always 100 % one vendor's: the share means nothing there.
        if total > 0 and len(live) > 1:
            share = _percent(amount, total)
            if share >= share_limit:
                flags.append(
                    RedFlag(
                        FlagKind.VENDOR_SHARE,
                        f"{fiscal_year}:{vendor_id}",
                        fiscal_year,
                        tuple(r.pk for r in vendor_rows),
                        name,
                        _(
                            "%(vendor)s ได้รับสัญญารวม %(amount)s บาท จาก %(count)s รายการ คิดเป็นร้อยละ %(share)s "
                            "ของมูลค่าการจัดซื้อจัดจ้างทั้งปี %(total)s บาท (เกณฑ์ร้อยละ %(limit)s)"
                        )
                        % {
                            "vendor": name,
                            "amount": format_baht(amount),
                            "count": len(vendor_rows),
                            "share": share,
                            "total": format_baht(total),
                            "limit": share_limit,
                        },
                    )
                )
        specific = [r for r in vendor_rows if r.method == Method.SPECIFIC]
        if len(specific) >= repeat_limit:
            flags.append(
                RedFlag(
                    FlagKind.REPEAT_SPECIFIC,
                    f"{fiscal_year}:{vendor_id}",
                    fiscal_year,
                    tuple(r.pk for r in specific),
                    name,
                    _(
                        "%(vendor)s ได้รับคัดเลือกโดยวิธีเฉพาะเจาะจง %(count)s ครั้งในปีงบประมาณ %(year)s "
                        "รวม %(amount)s บาท (เกณฑ์ตั้งแต่ %(limit)s ครั้ง)"
                    )
                    % {
                        "vendor": name,
                        "count": len(specific),
                        "year": fiscal_year,
                        "amount": format_baht(
                            sum((r.agreed_price or Decimal(0) for r in specific), Decimal(0))
                        ),
                        "limit": repeat_limit,
                    },
                )
            )
    return flags


def compute_flags(rows: list[FlagRow], params: dict[str, Decimal], fiscal_year: int) -> list[RedFlag]:
    """Every red flag of one fiscal year's rows (drafts and published alike)."""
    flags: list[RedFlag] = []
    for row in rows:
        if row.egp_status == EgpStatus.CANCELLED:
            continue
        for check in (_near_reference(row, params), _dates_order(row), _above_budget(row)):
            if check is not None:
                flags.append(check)
    flags.extend(_splits(rows, params))
    flags.extend(_vendor_level(rows, params, fiscal_year))
    order = list(FlagKind.values)
    flags.sort(key=lambda f: (order.index(f.kind), f.procurement_ids))
    return flags
