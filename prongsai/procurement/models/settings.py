"""Per-agency settings of procurement: the OCDS identifier prefix, labels of the data-set forms, and the
editable parameters (legal thresholds marked [M] in the domain notes, and red-flag parameters)."""

from __future__ import annotations

from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from prongsai.core.models import TenantModel
from prongsai.core.models.operator import refuse_placeholder_ocds_prefix


class ProcurementProfile(TenantModel):
    """One row per agency (created on first use with the defaults)."""

    ocid_prefix = models.CharField(
        _("คำนำหน้ารหัส OCDS (ocid prefix)"),
        max_length=80,
        blank=True,
        validators=[
            RegexValidator(
                r"^ocds-[a-z0-9]{6}(-[A-Za-z0-9._]+)*$",
                _("คำนำหน้ารหัส OCDS ต้องขึ้นต้นด้วย ocds- ตามด้วยอักษร 6 ตัวที่ลงทะเบียนไว้ เช่น ocds-213czf-wangthong"),
            ),
            refuse_placeholder_ocds_prefix,
        ],
        help_text=_(
            "กรอกเฉพาะเมื่อหน่วยงานลงทะเบียนคำนำหน้าของตนเองกับ OCDS Helpdesk แล้ว เว้นว่างไว้เพื่อใช้คำนำหน้าที่"
            "ผู้ให้บริการระบบลงทะเบียนไว้ ตามด้วยรหัสหน่วยงาน"
        ),
    )
    ministry = models.CharField(_("กระทรวง (ในชุดข้อมูล ITA)"), max_length=100, default="มหาดไทย")
    agency_type_label = models.CharField(
        _("ประเภทหน่วยงาน (ในชุดข้อมูล ITA)"), max_length=100, default="องค์กรปกครองส่วนท้องถิ่น"
    )
    require_review_before_publication = models.BooleanField(
        _("ต้องให้ผู้ตรวจสอบภายในพิจารณาข้อสังเกตก่อนเผยแพร่"),
        default=True,
        help_text=_("รายการที่มีข้อสังเกต (red flag) ที่ยังไม่ได้พิจารณาจะยังไม่ถูกเผยแพร่"),
    )

    class Meta:
        verbose_name = _("ค่าตั้งการจัดซื้อจัดจ้าง")
        constraints = [models.UniqueConstraint(fields=["agency"], name="procurement_profile_one_per_agency")]

    def __str__(self) -> str:
        # Which prefix the agency publishes under is decided with its operator (selectors.ocid_prefix).
        return self.ocid_prefix or str(self._meta.verbose_name)


class ProcurementParameter(TenantModel):
    """A value that overrides one default of ``prongsai.procurement.parameters.DEFINITIONS``."""

    key = models.CharField(_("รหัสค่า"), max_length=60)
    value = models.DecimalField(_("ค่า"), max_digits=15, decimal_places=2, validators=[MinValueValidator(0)])

    class Meta:
        verbose_name = _("ค่ากำหนดการจัดซื้อจัดจ้าง")
        constraints = [
            models.UniqueConstraint(fields=["agency", "key"], name="procurement_parameter_unique_key"),
        ]

    def __str__(self) -> str:
        return f"{self.key}={self.value}"
