"""The service catalogue: one citizen manual (คู่มือสำหรับประชาชน) per service, with its steps and documents.

The fields follow the Licensing Facilitation Act 2558 ม.7 and the info.go.th manual template
(../shared/domain/ita-criteria.md §4.8); together they answer OIT items o11 (citizen manual) and, through
the requests counted against each service, o13 (service statistics).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from prongsai.core.models import Attachment, OrgUnit, Publishable, TenantModel

from .form_spec import validate_form_spec


class Service(Publishable):
    """A service the agency gives, described by its published citizen manual.

    Published means immutable: corrections go through ``core.publication`` revisions with a reason, and the
    snapshot records the steps and documents too, so the public history shows what the manual promised when.
    """

    class Category(models.TextChoices):
        PERMIT = "permit", _("การอนุญาต")
        REGISTRATION = "registration", _("การจดทะเบียนและขึ้นทะเบียน")
        WELFARE = "welfare", _("สวัสดิการสังคม")
        TAX = "tax", _("ภาษีและรายได้")
        UTILITY = "utility", _("สาธารณูปโภค")
        ENVIRONMENT = "environment", _("สิ่งแวดล้อมและความสะอาด")
        INFORMATION = "information", _("ข้อมูลข่าวสาร")
        OTHER = "other", _("อื่น ๆ")

    class Kind(models.TextChoices):
        # ประเภทของงานบริการ in the info.go.th template.
        LICENCE = "licence", _("กระบวนงานบริการที่ให้บริการในส่วนภูมิภาคและส่วนท้องถิ่น (อนุญาต)")
        REGISTRATION = "registration", _("กระบวนงานบริการที่เบ็ดเสร็จในหน่วยเดียว (จดทะเบียน/ขึ้นทะเบียน)")
        NOTIFICATION = "notification", _("การแจ้ง")
        GENERAL = "general", _("บริการทั่วไป")

    snapshot_fields = (
        "name_th",
        "description",
        "owner_unit",
        "category",
        "kind",
        "legal_basis",
        "related_laws",
        "service_points",
        "channel_walk_in",
        "channel_eservice",
        "channel_one_stop",
        "conditions",
        "has_fee",
        "fee_amount",
        "fee_description",
        "complaint_channel",
        "privacy_notice",
        "remarks",
        "form_fields",
    )

    code = models.SlugField(
        _("รหัสบริการ"),
        max_length=40,
        help_text=_("ภาษาอังกฤษตัวเล็ก เช่น building-permit ใช้ในที่อยู่หน้าเว็บและเป็น service_code ของ Open311"),
    )
    name_th = models.CharField(_("ชื่องานบริการ"), max_length=300)
    description = models.TextField(_("คำอธิบายโดยย่อ"), blank=True)
    owner_unit = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="+", verbose_name=_("หน่วยงานเจ้าของกระบวนงาน")
    )
    category = models.CharField(_("หมวดหมู่ของงานบริการ"), max_length=20, choices=Category.choices)
    kind = models.CharField(_("ประเภทของงานบริการ"), max_length=20, choices=Kind.choices, default=Kind.GENERAL)
    legal_basis = models.TextField(_("กฎหมายที่ให้อำนาจ"), blank=True)
    related_laws = models.TextField(_("กฎหมาย/กฎระเบียบที่เกี่ยวข้อง"), blank=True)
    service_points = models.JSONField(
        _("ช่องทางการให้บริการ (สถานที่ วันและเวลา)"),
        default=list,
        blank=True,
        help_text=_("รายการสถานที่ให้บริการ แต่ละรายการมี place และ hours"),
    )
    channel_walk_in = models.BooleanField(_("ติดต่อด้วยตนเอง ณ จุดให้บริการ"), default=True)
    channel_eservice = models.BooleanField(_("ยื่นคำขอออนไลน์ (E-Service)"), default=True)
    channel_one_stop = models.BooleanField(_("ศูนย์บริการร่วม (One Stop Service)"), default=False)
    conditions = models.TextField(_("หลักเกณฑ์ วิธีการ เงื่อนไข"), blank=True)
    has_fee = models.BooleanField(_("มีค่าธรรมเนียม"), default=False)
    fee_amount = models.DecimalField(
        _("ค่าธรรมเนียม (บาท)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    fee_description = models.TextField(_("รายละเอียดค่าธรรมเนียม"), blank=True)
    complaint_channel = models.TextField(_("ช่องทางการร้องเรียน"), blank=True)
    privacy_notice = models.TextField(
        _("ประกาศความเป็นส่วนตัว"),
        blank=True,
        help_text=_("แจ้งวัตถุประสงค์ ข้อมูลที่เก็บ ระยะเวลาเก็บรักษา และสิทธิของผู้ยื่นคำขอ แสดงก่อนยื่นคำขอ"),
    )
    remarks = models.TextField(_("หมายเหตุ"), blank=True)
    form_fields = models.JSONField(
        _("แบบฟอร์มคำขอ"),
        default=list,
        blank=True,
        help_text=_("รายการช่องกรอกของคำขอ กำหนดเป็นข้อมูล (ดู prongsai/eservice/models/form_spec.py)"),
    )
    upload_max_mb = models.PositiveSmallIntegerField(
        _("ขนาดไฟล์แนบสูงสุด (MB)"), default=5, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    sample_forms = models.ManyToManyField(
        Attachment, blank=True, related_name="+", verbose_name=_("ตัวอย่างแบบฟอร์ม")
    )
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)
    is_accepting = models.BooleanField(
        _("เปิดรับคำขอ"), default=True, help_text=_("ปิดชั่วคราวได้โดยคู่มือยังเผยแพร่อยู่")
    )

    class Meta:
        verbose_name = _("งานบริการ")
        verbose_name_plural = _("งานบริการ")
        ordering = ["order", "name_th"]
        constraints = [
            # Serves the public manual URL and the Open311 service_code look-up.
            models.UniqueConstraint(fields=["agency", "code"], name="eservice_service_unique_code"),
            models.CheckConstraint(
                condition=models.Q(has_fee=False)
                | models.Q(fee_amount__isnull=False)
                | ~models.Q(fee_description=""),
                name="eservice_service_fee_stated",
            ),
        ]

    def __str__(self) -> str:
        return self.name_th

    def clean(self) -> None:
        super().clean()
        if self.has_fee and self.fee_amount is None and not self.fee_description.strip():
            raise ValidationError({"fee_amount": _("บริการที่มีค่าธรรมเนียมต้องระบุจำนวนเงินหรือรายละเอียดค่าธรรมเนียม")})
        errors = validate_form_spec(self.form_fields)
        if errors:
            raise ValidationError({"form_fields": errors})

    @property
    def fee_text(self) -> str:
        """The fee as the manual states it; "ไม่มีค่าธรรมเนียม" explicitly when there is none (OIT o11)."""
        return describe_fee(self.has_fee, self.fee_amount, self.fee_description)

    @property
    def channels(self) -> list[str]:
        from django.utils.translation import gettext

        names = []
        if self.channel_walk_in:
            names.append(gettext("ติดต่อด้วยตนเอง ณ จุดให้บริการ"))
        if self.channel_eservice:
            names.append(gettext("ยื่นคำขอออนไลน์ (E-Service)"))
        if self.channel_one_stop:
            names.append(gettext("ศูนย์บริการร่วม (One Stop Service)"))
        return names

    @property
    def total_time(self) -> list[str]:
        """The total time of the manual: working days and working hours summed apart, as manuals state it.

        Reads ``steps.all()``, so a caller that prefetched the steps pays no query.
        """
        from django.utils.translation import gettext

        steps = list(self.steps.all())
        days = sum(s.duration_value for s in steps if s.duration_unit == DurationUnit.WORKING_DAYS)
        hours = sum(s.duration_value for s in steps if s.duration_unit == DurationUnit.WORKING_HOURS)
        parts = []
        if days:
            parts.append(gettext("%(n)s วันทำการ") % {"n": days})
        if hours:
            parts.append(gettext("%(n)s ชั่วโมงทำการ") % {"n": hours})
        return parts

    def snapshot(self) -> dict[str, Any]:
        data = super().snapshot()
        if self.fee_amount is not None:
            data["fee_amount"] = str(self.fee_amount)
        if self.pk:
            data["steps"] = [
                {
                    "order": s.order,
                    "name": s.name,
                    "duration": s.duration_value,
                    "unit": s.duration_unit,
                    "responsible_unit": str(s.responsible_unit or ""),
                }
                for s in self.steps.select_related("responsible_unit").order_by("order")
            ]
            data["documents"] = [
                {"name": d.name, "form": d.original_or_copy, "copies": d.copies}
                for d in self.documents.order_by("order")
            ]
        return data


class DurationUnit(models.TextChoices):
    WORKING_DAYS = "days", _("วันทำการ")
    WORKING_HOURS = "hours", _("ชั่วโมงทำการ")


class ServiceStep(TenantModel):
    """One step of a service with the time it may take, counted on the working-day calendar."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField(_("ลำดับขั้นตอน"))
    name = models.CharField(_("ขั้นตอน"), max_length=300)
    description = models.TextField(_("รายละเอียด"), blank=True)
    duration_value = models.PositiveSmallIntegerField(
        _("ระยะเวลา"), validators=[MinValueValidator(1), MaxValueValidator(365)]
    )
    duration_unit = models.CharField(
        _("หน่วยเวลา"), max_length=8, choices=DurationUnit.choices, default=DurationUnit.WORKING_DAYS
    )
    responsible_unit = models.ForeignKey(
        OrgUnit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ส่วนงานที่รับผิดชอบ"),
    )

    class Meta:
        verbose_name = _("ขั้นตอนการให้บริการ")
        verbose_name_plural = _("ขั้นตอนการให้บริการ")
        ordering = ["service", "order"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "service", "order"], name="eservice_step_unique_order")
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.name}"


class RequiredDocument(TenantModel):
    """A document the applicant brings or uploads (ฉบับจริง/สำเนา and how many), as the manual lists it."""

    class Form(models.TextChoices):
        ORIGINAL = "original", _("ฉบับจริง")
        COPY = "copy", _("สำเนา")
        BOTH = "both", _("ฉบับจริงและสำเนา")

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="documents")
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)
    name = models.CharField(_("เอกสาร"), max_length=300)
    issued_by = models.CharField(_("หน่วยงานผู้ออกเอกสาร"), max_length=200, blank=True)
    original_or_copy = models.CharField(_("ฉบับจริง/สำเนา"), max_length=10, choices=Form.choices)
    copies = models.PositiveSmallIntegerField(_("จำนวน (ชุด)"), default=1)
    note = models.CharField(_("หมายเหตุ"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("เอกสารหลักฐานประกอบ")
        verbose_name_plural = _("เอกสารหลักฐานประกอบ")
        ordering = ["service", "order"]

    def __str__(self) -> str:
        return self.name


def describe_fee(has_fee: bool, amount: Decimal | None, description: str) -> str:
    """A service's fee as its manual states it (``Service.fee_text``; the catalogue's cards are rows)."""
    from django.utils.translation import gettext

    from prongsai.core.thai import format_baht

    if not has_fee:
        return gettext("ไม่มีค่าธรรมเนียม")
    parts = []
    if amount is not None:
        parts.append(gettext("%(amount)s บาท") % {"amount": format_baht(amount)})
    if description.strip():
        parts.append(description.strip())
    return " ".join(parts)
