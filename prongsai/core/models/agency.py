"""The agency: the tenant of a Prongsai instance."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .base import TimeStampedModel


class Agency(TimeStampedModel):
    class Kind(models.TextChoices):
        PAO = "pao", _("องค์การบริหารส่วนจังหวัด")
        CITY_MUNICIPALITY = "city", _("เทศบาลนคร")
        TOWN_MUNICIPALITY = "town", _("เทศบาลเมือง")
        SUBDISTRICT_MUNICIPALITY = "subdistrict_municipality", _("เทศบาลตำบล")
        SAO = "sao", _("องค์การบริหารส่วนตำบล")
        OTHER = "other", _("หน่วยงานอื่น")

    code = models.SlugField(
        _("รหัสหน่วยงาน"),
        max_length=40,
        unique=True,
        help_text=_("รหัสภาษาอังกฤษตัวเล็กสำหรับอ้างอิง เช่น wangthong ใช้ในที่อยู่ข้อมูลเปิดและรหัส OCDS"),
    )
    name_th = models.CharField(_("ชื่อหน่วยงาน (ไทย)"), max_length=200)
    name_en = models.CharField(_("ชื่อหน่วยงาน (อังกฤษ)"), max_length=200, blank=True)
    short_name_th = models.CharField(_("ชื่อย่อ"), max_length=100, blank=True)
    kind = models.CharField(_("ประเภทหน่วยงาน"), max_length=32, choices=Kind.choices)
    province = models.CharField(_("จังหวัด"), max_length=100)
    district = models.CharField(_("อำเภอ"), max_length=100, blank=True)
    subdistrict = models.CharField(_("ตำบล"), max_length=100, blank=True)
    address = models.TextField(_("ที่อยู่"), blank=True)
    postal_code = models.CharField(
        _("รหัสไปรษณีย์"),
        max_length=5,
        blank=True,
        validators=[RegexValidator(r"^\d{5}$", _("รหัสไปรษณีย์ต้องเป็นตัวเลข 5 หลัก"))],
    )
    phones = models.JSONField(_("หมายเลขโทรศัพท์"), default=list, blank=True)
    fax = models.CharField(_("โทรสาร"), max_length=40, blank=True)
    email = models.EmailField(_("อีเมล"), blank=True)
    website = models.URLField(_("เว็บไซต์หลัก"), blank=True)
    latitude = models.DecimalField(
        _("ละติจูด"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("ลองจิจูด"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    logo = models.ImageField(_("ตราสัญลักษณ์"), upload_to="agency-logos/", blank=True)
    office_hours = models.CharField(
        _("เวลาทำการ"), max_length=200, blank=True, default="วันจันทร์ – วันศุกร์ เวลา 08.30 – 16.30 น."
    )
    is_default = models.BooleanField(
        _("หน่วยงานเริ่มต้นของระบบ"),
        default=False,
        help_text=_("ใช้เมื่อชื่อโฮสต์ของคำขอไม่ตรงกับหน่วยงานใด"),
    )
    is_active = models.BooleanField(_("เปิดใช้งาน"), default=True)
    # The agency's own look: two colours of its site header and links (served as a small style sheet, so
    # the content security policy keeps refusing inline styles).
    brand_colour = models.CharField(
        _("สีหลักของเว็บไซต์"),
        max_length=7,
        blank=True,
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("สีต้องเป็นรหัสสีแบบ #RRGGBB เช่น #14365f"))],
    )
    accent_colour = models.CharField(
        _("สีรองของเว็บไซต์"),
        max_length=7,
        blank=True,
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("สีต้องเป็นรหัสสีแบบ #RRGGBB เช่น #1f5c99"))],
    )
    # The hosting operator that created the agency and watches it (ADR 0100); None for an instance the
    # agency runs itself.
    operator = models.ForeignKey(
        "core.Operator",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agencies",
        verbose_name=_("หน่วยงานผู้ให้บริการระบบ"),
    )
    suspended_at = models.DateTimeField(_("ระงับการให้บริการเมื่อ"), null=True, blank=True)
    suspension_reason = models.CharField(_("เหตุผลที่ระงับ"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("หน่วยงาน")
        verbose_name_plural = _("หน่วยงาน")
        ordering = ["name_th"]
        constraints = [
            # Host resolution falls back to exactly one default agency.
            models.UniqueConstraint(
                fields=["is_default"], condition=Q(is_default=True), name="core_agency_single_default"
            ),
        ]

    def __str__(self) -> str:
        return self.name_th

    @property
    def is_suspended(self) -> bool:
        return self.suspended_at is not None

    @property
    def map_url(self) -> str:
        """A link to the agency's location on OpenStreetMap (a link, not an embed: no third party loads)."""
        if self.latitude is None or self.longitude is None:
            return ""
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
            f"#map=16/{self.latitude}/{self.longitude}"
        )


class AgencyHost(TimeStampedModel):
    """A host name under which the instance serves one agency's site."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="hosts")
    host = models.CharField(
        _("ชื่อโฮสต์"),
        max_length=253,
        unique=True,
        validators=[
            RegexValidator(
                r"^[a-z0-9.-]+$", _("ชื่อโฮสต์ใช้ได้เฉพาะอักษรอังกฤษตัวเล็ก ตัวเลข จุด และขีด เช่น wangthong.go.th")
            )
        ],
    )

    class Meta:
        verbose_name = _("ชื่อโฮสต์ของหน่วยงาน")
        verbose_name_plural = _("ชื่อโฮสต์ของหน่วยงาน")

    def __str__(self) -> str:
        return self.host
