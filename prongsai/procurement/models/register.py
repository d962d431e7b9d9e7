"""The procurement register: one row per procurement with the 12 fields of measure 6.4 of the seed report,
plus what the other official forms need (contract number, bidders and their prices, the reason for the
selection, amendments)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any, Protocol

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from prongsai.core.id_ranges import id_conditions
from prongsai.core.models import Publishable, TenantModel

from .choices import Category, EgpStatus, Method
from .vendor import Vendor

AMOUNT: dict[str, Any] = {
    "max_digits": 15,
    "decimal_places": 2,
    "validators": [MinValueValidator(Decimal("0"))],
}


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def _day(value: Any) -> str | None:
    return None if value is None else value.isoformat()


def prefetched(instance: models.Model, name: str) -> list[Any]:
    """The related rows of ``name``: from ``load_children`` or Django's prefetch cache, else a query."""
    loaded = getattr(instance, "_children", {})
    if name in loaded:
        return list(loaded[name])
    cache = getattr(instance, "_prefetched_objects_cache", {})
    if name in cache:
        return list(cache[name])
    return list(getattr(instance, name).all())


def children_of(
    agency_id: int, ids: list[int], names: tuple[str, ...] = ("bidders", "amendments")
) -> dict[str, dict[int, list[Any]]]:
    """The bidders/amendments/announcements of many register rows, by relation name and row id: one query
    per relation and run of consecutive ids (``core.id_ranges``), not one per row."""
    from .announcement import Announcement

    models_by_name: dict[str, Any] = {
        "bidders": Bidder,
        "amendments": ContractAmendment,
        "announcements": Announcement,
    }
    grouped: dict[str, dict[int, list[Any]]] = {name: {} for name in names}
    if not ids:
        return grouped
    for name in names:
        model = models_by_name[name]
        for condition in id_conditions(ids, size=2000, field="procurement_id"):
            # The agency too, not only the parent ids: the children's table holds every agency's rows.
            qs = model.objects.filter(condition, agency_id=agency_id).order_by(*model._meta.ordering)
            if name == "announcements":
                qs = qs.prefetch_related("attachments")
            for child in qs:
                grouped[name].setdefault(child.procurement_id, []).append(child)
    return grouped


def load_children(rows: list[Procurement], names: tuple[str, ...] = ("bidders", "amendments")) -> None:
    """Load the bidders/amendments/announcements of many rows with one query each and attach them.

    Django's prefetch_related builds one queryset per row and relation to hold the prefetched rows; on
    100,000 rows that costs more than the queries themselves, so bulk paths (publication, OCDS packages)
    use this instead. ``prefetched()`` reads what it attached.
    """
    if not rows:
        return
    grouped = children_of(rows[0].agency_id, [r.pk for r in rows], names)
    for row in rows:
        row._children = {name: grouped[name].get(row.pk, []) for name in names}  # type: ignore[attr-defined]


# The fields an e-GP import compares cell by cell with a stored row and writes (the project number is the key
# it matches on; the vendor is matched by name and written apart).
IMPORT_COMPARED = (
    "fiscal_year",
    "title",
    "budget",
    "budget_source",
    "egp_status",
    "method",
    "category",
    "reference_price",
    "agreed_price",
    "contract_no",
    "announced_on",
    "contract_signed_on",
    "contract_ends_on",
    "selection_reason",
)
# Every field an e-GP import writes: a save that touches one of them clears the row's import digest.
IMPORTED_FIELDS = frozenset({*IMPORT_COMPARED, "vendor", "vendor_id"})


class Procurement(Publishable):
    """A procurement (โครงการจัดซื้อจัดจ้าง), drafted by staff or imported from e-GP, then published.

    Field verbose names are the wording of the seed report (measure 6 item 4) so that every form and export
    reads the same. A published row changes only through a revision with a reason.
    """

    class Source(models.TextChoices):
        MANUAL = "manual", _("บันทึกโดยเจ้าหน้าที่")
        EGP_IMPORT = "egp_import", _("นำเข้าจากไฟล์ e-GP")

    snapshot_fields = (
        "fiscal_year",
        "title",
        "budget",
        "budget_source",
        "egp_status",
        "method",
        "category",
        "reference_price",
        "agreed_price",
        "vendor",
        "egp_project_no",
        "contract_no",
        "announced_on",
        "contract_signed_on",
        "contract_ends_on",
        "selection_reason",
    )

    # The local part of the OCDS ocid, fixed at creation so the process keeps its identifier for ever.
    ocid_local = models.CharField(max_length=64, editable=False)
    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    title = models.CharField(_("งานที่ซื้อหรือจ้าง"), max_length=500)
    budget = models.DecimalField(_("วงเงินงบประมาณที่ได้รับจัดสรร (บาท)"), **AMOUNT)
    budget_source = models.CharField(_("แหล่งที่มาของงบประมาณ"), max_length=200)
    egp_status = models.CharField(_("สถานะการจัดซื้อจัดจ้าง"), max_length=20, choices=EgpStatus.choices)
    method = models.CharField(_("วิธีการจัดซื้อจัดจ้าง"), max_length=20, choices=Method.choices)
    category = models.CharField(
        _("ประเภทการจัดซื้อจัดจ้าง"), max_length=20, choices=Category.choices, default=Category.GOODS
    )
    reference_price = models.DecimalField(_("ราคากลาง (บาท)"), null=True, blank=True, **AMOUNT)
    agreed_price = models.DecimalField(_("ราคาที่ตกลงซื้อหรือจ้าง (บาท)"), null=True, blank=True, **AMOUNT)
    vendor = models.ForeignKey(
        Vendor,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="procurements",
        verbose_name=_("ผู้ประกอบการที่ได้รับการคัดเลือก"),
    )
    egp_project_no = models.CharField(_("เลขที่โครงการ"), max_length=20, blank=True)
    contract_no = models.CharField(_("เลขที่สัญญา"), max_length=60, blank=True)
    announced_on = models.DateField(_("วันที่ประกาศเชิญชวน/เริ่มดำเนินการ"), null=True, blank=True)
    contract_signed_on = models.DateField(_("วันที่ลงนามในสัญญา"), null=True, blank=True)
    contract_ends_on = models.DateField(_("วันสิ้นสุดสัญญา"), null=True, blank=True)
    selection_reason = models.TextField(_("เหตุผลที่คัดเลือกโดยสรุป"), blank=True)
    plan_item = models.ForeignKey(
        "procurement.PlanItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="procurements",
        verbose_name=_("รายการในแผนการจัดซื้อจัดจ้าง"),
    )
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.MANUAL, editable=False)
    import_batch = models.ForeignKey(
        "procurement.ImportBatch", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Thai digits as Arabic, lower case: the text the register's search matches by substring.
    search_text = models.TextField(blank=True, editable=False)
    # The digest of the e-GP file row an import last wrote here (egp_import.row_digest); cleared by any other
    # change, so that a re-import skips the rows it already wrote without reading them (ADR 0110).
    import_digest = models.CharField(max_length=32, blank=True, editable=False)

    class Meta:
        verbose_name = _("รายการจัดซื้อจัดจ้าง")
        verbose_name_plural = _("ทะเบียนการจัดซื้อจัดจ้าง")
        ordering = ["-contract_signed_on", "-pk"]
        constraints = [
            # The natural key of e-GP data: importing the same project again updates, never duplicates.
            models.UniqueConstraint(
                fields=["agency", "egp_project_no"],
                condition=~Q(egp_project_no=""),
                name="procurement_unique_egp_project_no",
            ),
            models.UniqueConstraint(fields=["agency", "ocid_local"], name="procurement_unique_ocid"),
        ]
        indexes = [
            # Serves the public register, the reports and the OCDS packages: one agency's year.
            models.Index(fields=["agency", "fiscal_year", "status"], name="procurement_fy_status"),
            # Serves the register filter's choices and totals (selectors.register_choices, on every uncached
            # register page) from the index alone, in its order: read from the table's wide rows, summing
            # 880 rows took three times as long (ADR 0131).
            models.Index(
                fields=["agency", "status", "fiscal_year", "vendor", "egp_status", "budget", "agreed_price"],
                name="procurement_register_sums",
            ),
            # Serves the monthly reports (สขร.1, progress) that select by signing date.
            models.Index(fields=["agency", "contract_signed_on"], name="procurement_signed"),
            # Serves the import's look-up by natural key (e-GP project number IN (…)): SQLite's planner does
            # not use the partial unique index for it and would scan the agency's whole register per chunk.
            # The row digest is part of it so that a re-import reads the digests from the index alone, not
            # from the table's wide rows (on 100,000 rows, reading those was most of a re-import; ADR 0110).
            models.Index(
                fields=["agency", "egp_project_no", "import_digest"], name="procurement_egp_no_digest"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        # A change made other than by an import (a staff correction, a revision) means the digest of the file
        # row no longer describes the row: the next import must compare it field by field again.
        update_fields = kwargs.get("update_fields")
        if update_fields is None:
            self.import_digest = ""
        elif IMPORTED_FIELDS.intersection(update_fields):
            self.import_digest = ""
            kwargs["update_fields"] = {*update_fields, "import_digest"}
        super().save(*args, **kwargs)

    @property
    def is_cancelled(self) -> bool:
        return self.egp_status == EgpStatus.CANCELLED

    def snapshot(self) -> dict[str, Any]:
        """Everything a revision records, JSON-ready; also the input of the OCDS release builder."""
        if not self.pk:
            return register_snapshot(self, (), ())
        return register_snapshot(self, prefetched(self, "bidders"), prefetched(self, "amendments"))


class Bidder(TenantModel):
    """A bidder and its offered price (สขร.1 column 6: รายชื่อผู้เสนอราคาและราคาที่เสนอ)."""

    procurement = models.ForeignKey(Procurement, on_delete=models.CASCADE, related_name="bidders")
    name = models.CharField(_("ชื่อผู้เสนอราคา"), max_length=300)
    tax_id = models.CharField(_("เลขประจำตัวผู้เสียภาษี/เลขประจำตัวประชาชน"), max_length=13, blank=True)
    price = models.DecimalField(_("ราคาที่เสนอ (บาท)"), null=True, blank=True, **AMOUNT)
    is_winner = models.BooleanField(_("เป็นผู้ได้รับการคัดเลือก"), default=False)
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)

    class Meta:
        verbose_name = _("ผู้เสนอราคา")
        verbose_name_plural = _("ผู้เสนอราคา")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.name


class ContractAmendment(TenantModel):
    """An amendment of a signed contract (แก้ไขสัญญา): new price or end date, with its reason."""

    procurement = models.ForeignKey(Procurement, on_delete=models.CASCADE, related_name="amendments")
    number = models.PositiveSmallIntegerField(_("ครั้งที่"))
    signed_on = models.DateField(_("วันที่แก้ไขสัญญา"))
    description = models.TextField(_("สาระสำคัญและเหตุผลของการแก้ไข"))
    new_agreed_price = models.DecimalField(_("ราคาใหม่ (บาท)"), null=True, blank=True, **AMOUNT)
    new_ends_on = models.DateField(_("วันสิ้นสุดสัญญาใหม่"), null=True, blank=True)

    class Meta:
        verbose_name = _("การแก้ไขสัญญา")
        verbose_name_plural = _("การแก้ไขสัญญา")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "procurement", "number"], name="procurement_amendment_unique_number"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.procurement_id} #{self.number}"


class SnapshotVendor(Protocol):
    @property
    def public_id(self) -> Any: ...
    @property
    def tax_id(self) -> str: ...
    @property
    def name(self) -> str: ...


class SnapshotSource(Protocol):
    """What a register snapshot reads: a ``Procurement``, or the plain row the bulk publication reads
    (read-only members, so a NamedTuple fits as well as a model instance)."""

    @property
    def fiscal_year(self) -> int: ...
    @property
    def title(self) -> str: ...
    @property
    def budget(self) -> Decimal: ...
    @property
    def budget_source(self) -> str: ...
    @property
    def egp_status(self) -> str: ...
    @property
    def method(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def reference_price(self) -> Decimal | None: ...
    @property
    def agreed_price(self) -> Decimal | None: ...
    @property
    def egp_project_no(self) -> str: ...
    @property
    def contract_no(self) -> str: ...
    @property
    def announced_on(self) -> date | None: ...
    @property
    def contract_signed_on(self) -> date | None: ...
    @property
    def contract_ends_on(self) -> date | None: ...
    @property
    def selection_reason(self) -> str: ...

    @property
    def vendor(self) -> SnapshotVendor | None: ...


def register_snapshot(
    row: SnapshotSource, bidders: Iterable[Bidder], amendments: Iterable[ContractAmendment]
) -> dict[str, Any]:
    """A register row's revision content (``Procurement.snapshot``). One function for model instances and
    for the rows that publishing 100,000 imported rows reads without building instances: both record the
    same."""
    vendor = row.vendor
    return {
        "fiscal_year": row.fiscal_year,
        "title": row.title,
        "budget": _money(row.budget),
        "budget_source": row.budget_source,
        "egp_status": row.egp_status,
        "method": row.method,
        "category": row.category,
        "reference_price": _money(row.reference_price),
        "agreed_price": _money(row.agreed_price),
        "vendor": None
        if vendor is None
        else {"public_id": str(vendor.public_id), "tax_id": vendor.tax_id, "name": vendor.name},
        "egp_project_no": row.egp_project_no,
        "contract_no": row.contract_no,
        "announced_on": _day(row.announced_on),
        "contract_signed_on": _day(row.contract_signed_on),
        "contract_ends_on": _day(row.contract_ends_on),
        "selection_reason": row.selection_reason,
        "bidders": [
            {"name": b.name, "tax_id": b.tax_id, "price": _money(b.price), "is_winner": b.is_winner}
            for b in bidders
        ],
        "amendments": [
            {
                "number": a.number,
                "signed_on": _day(a.signed_on),
                "description": a.description,
                "new_agreed_price": _money(a.new_agreed_price),
                "new_ends_on": _day(a.new_ends_on),
            }
            for a in amendments
        ],
    }
