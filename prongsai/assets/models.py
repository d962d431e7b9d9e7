"""Government property (ทรัพย์สินของราชการ, seed measure 5): the register of durable articles (ครุภัณฑ์), the
agency's lending rules (published as the asset-use manual), loans with their approvals, and the yearly
stock-take with its committee.

The rules of the regulation that an agency may set differently (how long a loan may last, how many days the
custodian has to follow up an overdue item, the useful life of each type) are data here, never logic
(ita-criteria.md §4.12 is marked [M]).
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMModelMixin, transition

from prongsai.core.models import OrgUnit, Publishable, TenantModel, new_public_id
from prongsai.core.models.status_field import StatusField
from prongsai.core.thai import BANGKOK
from prongsai.core.tracking import format_tracking_code

# The book value of a durable article never falls below one baht while it is on the register (the
# Comptroller General's practice: an item kept in use stays visible in the accounts).
RESIDUAL = Decimal("1.00")
CENT = Decimal("0.01")


class Classification(models.TextChoices):
    """The budget classification of a durable article (ประเภทครุภัณฑ์ตามการจำแนกประเภทรายจ่าย)."""

    OFFICE = "office", _("ครุภัณฑ์สำนักงาน")
    VEHICLE = "vehicle", _("ครุภัณฑ์ยานพาหนะและขนส่ง")
    ELECTRIC = "electric", _("ครุภัณฑ์ไฟฟ้าและวิทยุ")
    ADVERTISING = "advertising", _("ครุภัณฑ์โฆษณาและเผยแพร่")
    AGRICULTURE = "agriculture", _("ครุภัณฑ์การเกษตร")
    CONSTRUCTION = "construction", _("ครุภัณฑ์ก่อสร้าง")
    COMPUTER = "computer", _("ครุภัณฑ์คอมพิวเตอร์")
    HOUSEHOLD = "household", _("ครุภัณฑ์งานบ้านงานครัว")
    MEDICAL = "medical", _("ครุภัณฑ์วิทยาศาสตร์หรือการแพทย์")
    SPORTS = "sports", _("ครุภัณฑ์กีฬา")
    FIRE = "fire", _("ครุภัณฑ์ดับเพลิง")
    OTHER = "other", _("ครุภัณฑ์อื่น")


class FundSource(models.TextChoices):
    OWN_BUDGET = "own_budget", _("งบประมาณรายจ่ายของหน่วยงาน")
    GENERAL_SUBSIDY = "general_subsidy", _("เงินอุดหนุนทั่วไป")
    SPECIFIC_SUBSIDY = "specific_subsidy", _("เงินอุดหนุนเฉพาะกิจ")
    RESERVE = "reserve", _("เงินสะสม")
    DONATION = "donation", _("ได้รับบริจาค")
    TRANSFER = "transfer", _("รับโอนจากหน่วยงานอื่น")


class Condition(models.TextChoices):
    """The state of an item as a stock-take or a return records it (ข้อ ๒๑๓)."""

    GOOD = "good", _("ใช้งานได้ปกติ")
    DAMAGED = "damaged", _("ชำรุด")
    DETERIORATED = "deteriorated", _("เสื่อมสภาพ")
    NOT_NEEDED = "not_needed", _("หมดความจำเป็น")
    LOST = "lost", _("สูญไป")


class AssetType(TenantModel):
    """A type of durable article with its code (the first part of an item's code) and useful life.

    The useful life is the Comptroller General's figure for the type, entered by the agency as data.
    """

    code = models.CharField(
        _("รหัสประเภท"),
        max_length=10,
        help_text=_("ส่วนแรกของรหัสครุภัณฑ์ เช่น 416 ในรหัส 416-67-0003"),
    )
    name_th = models.CharField(_("ชื่อประเภท"), max_length=150)
    classification = models.CharField(
        _("ประเภทตามการจำแนกงบประมาณ"), max_length=16, choices=Classification.choices
    )
    useful_life_years = models.PositiveSmallIntegerField(
        _("อายุการใช้งาน (ปี)"), validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    class Meta:
        verbose_name = _("ประเภทครุภัณฑ์")
        verbose_name_plural = _("ประเภทครุภัณฑ์")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "code"], name="assets_type_unique_code"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name_th}"


class Asset(TenantModel):
    """One durable article on the register. ``code`` is type–year–sequence (e.g. ``416-67-0003``)."""

    class Status(models.TextChoices):
        IN_USE = "in_use", _("อยู่ในทะเบียน")
        WRITTEN_OFF = "written_off", _("จำหน่ายออกจากทะเบียนแล้ว")

    class DisposalMethod(models.TextChoices):
        SALE = "sale", _("ขาย")
        EXCHANGE = "exchange", _("แลกเปลี่ยน")
        TRANSFER = "transfer", _("โอน")
        CONVERSION = "conversion", _("แปรสภาพ")
        DESTRUCTION = "destruction", _("ทำลาย")
        LOSS = "loss", _("สูญไป (จำหน่ายเป็นสูญ)")

    public_id = models.UUIDField(default=new_public_id, unique=True, editable=False)
    code = models.CharField(_("รหัสครุภัณฑ์"), max_length=32)
    asset_type = models.ForeignKey(
        AssetType, on_delete=models.PROTECT, related_name="assets", verbose_name=_("ประเภทครุภัณฑ์")
    )
    year_be = models.PositiveSmallIntegerField(_("ปีที่ได้มา (พ.ศ.)"))
    sequence = models.PositiveIntegerField(_("ลำดับที่"))
    name = models.CharField(_("ชื่อ ยี่ห้อ และรุ่น"), max_length=300)
    description = models.TextField(_("รายละเอียด"), blank=True, validators=[MaxLengthValidator(2000)])
    acquired_on = models.DateField(_("วันที่ได้มา"))
    price = models.DecimalField(
        _("ราคาที่ได้มา (บาท)"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)]
    )
    fund_source = models.CharField(_("แหล่งเงิน"), max_length=20, choices=FundSource.choices)
    location = models.CharField(_("สถานที่ตั้ง/เก็บรักษา"), max_length=200)
    custodian_unit = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="+", verbose_name=_("ส่วนงานที่ดูแล")
    )
    custodian = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("เจ้าหน้าที่ผู้ดูแล"),
    )
    condition = models.CharField(_("สภาพ"), max_length=16, choices=Condition.choices, default=Condition.GOOD)
    lendable = models.BooleanField(_("ให้ยืมได้"), default=False)
    lendable_to_public = models.BooleanField(
        _("ให้ประชาชนยืมได้"),
        default=False,
        help_text=_("เช่น เต็นท์ โต๊ะ เก้าอี้ รถบรรทุกน้ำ ที่หน่วยงานให้ชุมชนยืมใช้ในกิจกรรมสาธารณะ"),
    )
    procurement = models.ForeignKey(
        "procurement.Procurement",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("โครงการจัดซื้อจัดจ้างที่ได้มา"),
    )
    status = models.CharField(
        _("สถานะในทะเบียน"), max_length=16, choices=Status.choices, default=Status.IN_USE
    )
    written_off_on = models.DateField(_("วันที่จำหน่าย"), null=True, blank=True)
    disposal_method = models.CharField(
        _("วิธีการจำหน่าย"), max_length=16, choices=DisposalMethod.choices, blank=True
    )
    disposal_reference = models.CharField(_("เลขที่หนังสืออนุมัติจำหน่าย"), max_length=100, blank=True)
    fact_finding = models.TextField(_("ผลการสอบข้อเท็จจริง"), blank=True, validators=[MaxLengthValidator(3000)])

    class Meta:
        verbose_name = _("ครุภัณฑ์")
        verbose_name_plural = _("ครุภัณฑ์")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "code"], name="assets_asset_unique_code"),
            models.UniqueConstraint(
                fields=["agency", "asset_type", "year_be", "sequence"], name="assets_asset_unique_sequence"
            ),
        ]
        indexes = [models.Index(fields=["agency", "status", "code"], name="assets_status_code")]

    def __str__(self) -> str:
        return self.code

    @property
    def is_written_off(self) -> bool:
        return self.status == self.Status.WRITTEN_OFF

    def yearly_depreciation(self) -> Decimal:
        """Straight line: (price − 1 baht) spread evenly over the type's useful life."""
        if self.price <= RESIDUAL:
            return Decimal("0.00")
        life = self.asset_type.useful_life_years
        return ((self.price - RESIDUAL) / life).quantize(CENT, ROUND_HALF_UP)

    def accumulated_depreciation(self, on: date) -> Decimal:
        """Depreciation from the acquisition date to ``on`` (by days), never beyond price − 1 baht."""
        if on <= self.acquired_on or self.price <= RESIDUAL:
            return Decimal("0.00")
        days = (on - self.acquired_on).days
        amount = (self.yearly_depreciation() * days / Decimal(365)).quantize(CENT, ROUND_HALF_UP)
        return min(amount, self.price - RESIDUAL)

    def book_value(self, on: date) -> Decimal:
        return self.price - self.accumulated_depreciation(on)


def asset_photo_path(instance: AssetPhoto, filename: str) -> str:
    return f"assets/{instance.agency_id}/{new_public_id().hex}.{instance.kind}"


class AssetPhoto(TenantModel):
    class Kind(models.TextChoices):
        JPEG = "jpg", "JPEG"
        PNG = "png", "PNG"

    public_id = models.UUIDField(default=new_public_id, unique=True, editable=False)
    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="photos")
    file = models.FileField(upload_to=asset_photo_path)
    kind = models.CharField(max_length=4, choices=Kind.choices)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]

    @property
    def content_type(self) -> str:
        return "image/png" if self.kind == self.Kind.PNG else "image/jpeg"


class LendingRules(Publishable):
    """The agency's lending rules: the content of its asset-use manual (คู่มือการใช้ทรัพย์สินของราชการ).

    One per agency. Published, it is the public manual; a correction is a revision with a reason.
    """

    snapshot_fields = (
        "who_may_borrow",
        "purposes",
        "how_to_ask",
        "premises_max_days",
        "outside_max_days",
        "follow_up_days",
        "on_damage",
        "public_lending",
    )

    who_may_borrow = models.TextField(_("ผู้มีสิทธิ์ยืม"), validators=[MaxLengthValidator(3000)])
    purposes = models.TextField(_("วัตถุประสงค์ที่ให้ยืมได้"), validators=[MaxLengthValidator(3000)])
    how_to_ask = models.TextField(_("วิธีขอยืม"), validators=[MaxLengthValidator(3000)])
    premises_max_days = models.PositiveSmallIntegerField(
        _("ระยะเวลายืมใช้ภายในสถานที่ราชการไม่เกิน (วัน)"),
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    outside_max_days = models.PositiveSmallIntegerField(
        _("ระยะเวลายืมไปใช้นอกสถานที่ราชการไม่เกิน (วัน)"),
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    follow_up_days = models.PositiveSmallIntegerField(
        _("ติดตามทวงคืนภายใน (วัน) นับจากวันครบกำหนด"),
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    on_damage = models.TextField(_("กรณีชำรุดเสียหายหรือสูญหาย"), validators=[MaxLengthValidator(3000)])
    public_lending = models.TextField(_("การให้ประชาชนยืม"), blank=True, validators=[MaxLengthValidator(3000)])

    class Meta:
        verbose_name = _("หลักเกณฑ์การยืมทรัพย์สินของราชการ")
        verbose_name_plural = _("หลักเกณฑ์การยืมทรัพย์สินของราชการ")
        constraints = [models.UniqueConstraint(fields=["agency"], name="assets_rules_one_per_agency")]

    def __str__(self) -> str:
        return str(_("คู่มือการใช้ทรัพย์สินของราชการ"))

    def max_days(self, place: str) -> int:
        return self.outside_max_days if place == Loan.Place.OUTSIDE else self.premises_max_days


class Loan(FSMModelMixin, TenantModel):
    """A request to borrow one item for given dates and a purpose, and what became of it.

    requested → approved → handed over → returned; requested → rejected; requested or approved → cancelled.
    Use on the premises is approved by a head of division (the head of the holding unit); use outside by
    the head of the agency or a delegate (an executive). Private use is never a purpose.
    """

    class Status(models.TextChoices):
        REQUESTED = "requested", _("รออนุมัติ")
        APPROVED = "approved", _("อนุมัติแล้ว รอรับของ")
        HANDED_OVER = "handed_over", _("ส่งมอบแล้ว อยู่ระหว่างยืม")
        RETURNED = "returned", _("คืนแล้ว")
        REJECTED = "rejected", _("ไม่อนุมัติ")
        CANCELLED = "cancelled", _("ยกเลิก")

    # The states that hold the item for their dates: a new request may not overlap them.
    HOLDING = (Status.REQUESTED, Status.APPROVED, Status.HANDED_OVER)

    class Place(models.TextChoices):
        PREMISES = "premises", _("ใช้ภายในสถานที่ราชการ")
        OUTSIDE = "outside", _("นำไปใช้นอกสถานที่ราชการ")

    class Purpose(models.TextChoices):
        OFFICIAL = "official", _("ใช้ในราชการ")
        PUBLIC_BENEFIT = "public_benefit", _("กิจกรรมสาธารณประโยชน์ของชุมชน")

    class Borrower(models.TextChoices):
        STAFF = "staff", _("เจ้าหน้าที่")
        CITIZEN = "citizen", _("ประชาชน/ชุมชน")

    tracking_code = models.CharField(_("รหัสติดตาม"), max_length=16, editable=False)
    idempotency_key = models.UUIDField(editable=False)
    asset = models.ForeignKey(Asset, on_delete=models.PROTECT, related_name="loans", verbose_name=_("ครุภัณฑ์"))
    status = StatusField(
        _("สถานะ"), max_length=16, choices=Status.choices, default=Status.REQUESTED, protected=True
    )
    borrower_kind = models.CharField(_("ผู้ยืม"), max_length=8, choices=Borrower.choices)
    borrower = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("เจ้าหน้าที่ผู้ยืม"),
    )
    borrower_name = models.CharField(_("ชื่อผู้ยืม"), max_length=150)
    borrower_phone = models.CharField(_("โทรศัพท์ผู้ยืม"), max_length=40, blank=True)
    borrower_email = models.EmailField(_("อีเมลผู้ยืม"), blank=True)
    purpose = models.CharField(_("ลักษณะการใช้"), max_length=16, choices=Purpose.choices)
    reason = models.TextField(_("เหตุผลและงานที่จะใช้"), validators=[MaxLengthValidator(1000)])
    place = models.CharField(_("สถานที่ใช้"), max_length=16, choices=Place.choices)
    use_location = models.CharField(_("สถานที่นำไปใช้"), max_length=200, blank=True)
    starts_on = models.DateField(_("ยืมตั้งแต่วันที่"))
    due_on = models.DateField(_("กำหนดส่งคืน"))
    requested_at = models.DateTimeField(_("ขอยืมเมื่อ"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ผู้พิจารณา"),
    )
    decided_at = models.DateTimeField(_("พิจารณาเมื่อ"), null=True, blank=True)
    decision_note = models.TextField(_("ความเห็นผู้พิจารณา"), blank=True, validators=[MaxLengthValidator(1000)])
    handed_over_at = models.DateTimeField(_("ส่งมอบเมื่อ"), null=True, blank=True)
    handed_over_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ผู้ส่งมอบ"),
    )
    returned_at = models.DateTimeField(_("รับคืนเมื่อ"), null=True, blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ผู้รับคืน"),
    )
    return_condition = models.CharField(
        _("สภาพเมื่อรับคืน"), max_length=16, choices=Condition.choices, blank=True
    )
    return_note = models.TextField(_("บันทึกการรับคืน"), blank=True, validators=[MaxLengthValidator(1000)])
    overdue_notice_at = models.DateTimeField(_("แจ้งเตือนเกินกำหนดเมื่อ"), null=True, blank=True)

    class Meta:
        verbose_name = _("การยืมครุภัณฑ์")
        verbose_name_plural = _("การยืมครุภัณฑ์")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "tracking_code"], name="assets_loan_unique_code"),
            models.UniqueConstraint(
                fields=["agency", "idempotency_key"], name="assets_loan_unique_submission"
            ),
            models.CheckConstraint(condition=Q(due_on__gte=models.F("starts_on")), name="assets_loan_dates"),
        ]
        indexes = [models.Index(fields=["agency", "asset", "status", "starts_on"], name="assets_loan_asset")]

    def __str__(self) -> str:
        return format_tracking_code(self.tracking_code)

    def clean_fields(self, exclude: Any = None) -> None:
        # Field cleaning re-assigns every value; the protected status may only change through a transition.
        super().clean_fields(exclude={*(exclude or ()), "status"})

    @property
    def display_code(self) -> str:
        return format_tracking_code(self.tracking_code)

    def is_overdue(self, today: date) -> bool:
        return self.status == self.Status.HANDED_OVER and today > self.due_on

    @property
    def returned_late(self) -> bool:
        if self.returned_at is None:
            return False
        return self.returned_at.astimezone(BANGKOK).date() > self.due_on

    # --- transitions (called only by prongsai.assets.services) ---

    @transition(field=status, source=Status.REQUESTED, target=Status.APPROVED)
    def approve(self) -> None: ...

    @transition(field=status, source=Status.REQUESTED, target=Status.REJECTED)
    def reject(self) -> None: ...

    @transition(field=status, source=Status.APPROVED, target=Status.HANDED_OVER)
    def hand_over(self) -> None: ...

    @transition(field=status, source=Status.HANDED_OVER, target=Status.RETURNED)
    def take_back(self) -> None: ...

    @transition(field=status, source=[Status.REQUESTED, Status.APPROVED], target=Status.CANCELLED)
    def cancel(self) -> None: ...


class StockTake(FSMModelMixin, TenantModel):
    """The yearly stock-take of one fiscal year (การตรวจสอบพัสดุประจำปี): the committee the head of the agency
    appointed, the items it checked, and its report."""

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("อยู่ระหว่างตรวจนับ")
        REPORTED = "reported", _("รายงานผลแล้ว")

    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    status = StatusField(
        _("สถานะ"), max_length=16, choices=Status.choices, default=Status.IN_PROGRESS, protected=True
    )
    order_reference = models.CharField(_("เลขที่คำสั่งแต่งตั้ง"), max_length=100)
    appointed_on = models.DateField(_("วันที่แต่งตั้ง"))
    appointed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("ผู้แต่งตั้ง")
    )
    committee = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="+", verbose_name=_("คณะกรรมการตรวจสอบพัสดุ")
    )
    reported_at = models.DateTimeField(_("รายงานผลเมื่อ"), null=True, blank=True)
    summary = models.TextField(_("ความเห็นของคณะกรรมการ"), blank=True, validators=[MaxLengthValidator(3000)])

    class Meta:
        verbose_name = _("การตรวจสอบพัสดุประจำปี")
        verbose_name_plural = _("การตรวจสอบพัสดุประจำปี")
        ordering = ["-fiscal_year"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "fiscal_year"], name="assets_stocktake_unique_year"),
        ]

    def __str__(self) -> str:
        return str(_("การตรวจสอบพัสดุประจำปีงบประมาณ %(year)s") % {"year": self.fiscal_year})

    def clean_fields(self, exclude: Any = None) -> None:
        # Field cleaning re-assigns every value; the protected status may only change through a transition.
        super().clean_fields(exclude={*(exclude or ()), "status"})

    @property
    def is_reported(self) -> bool:
        return self.status == self.Status.REPORTED

    @transition(field=status, source=Status.IN_PROGRESS, target=Status.REPORTED)
    def report(self) -> None: ...


def check_photo_path(instance: StockTakeCheck, filename: str) -> str:
    return f"assets/{instance.agency_id}/checks/{new_public_id().hex}.jpg"


class StockTakeCheck(TenantModel):
    """What the committee found for one item, saved as soon as it is checked (a phone may lose signal)."""

    stocktake = models.ForeignKey(StockTake, on_delete=models.CASCADE, related_name="checks")
    asset = models.ForeignKey(Asset, on_delete=models.PROTECT, related_name="checks", verbose_name=_("ครุภัณฑ์"))
    result = models.CharField(_("ผลการตรวจ"), max_length=16, choices=Condition.choices)
    note = models.CharField(_("หมายเหตุ"), max_length=500, blank=True)
    photo = models.FileField(upload_to=check_photo_path, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("ผู้ตรวจ")
    )
    checked_at = models.DateTimeField(_("ตรวจเมื่อ"))

    class Meta:
        verbose_name = _("ผลการตรวจนับครุภัณฑ์")
        verbose_name_plural = _("ผลการตรวจนับครุภัณฑ์")
        ordering = ["asset__code"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "stocktake", "asset"], name="assets_check_unique_item"),
        ]
