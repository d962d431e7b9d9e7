"""Vendors (ผู้ประกอบการ): companies and natural persons identified by their 13-digit tax ID."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from prongsai.core.models import TenantModel, new_public_id
from prongsai.core.thaiid import format_thai_id, is_juristic_person_id, mask_thai_id


class Vendor(TenantModel):
    public_id = models.UUIDField(default=new_public_id, unique=True, editable=False)
    # For a company the taxpayer ID; for a natural person the citizen ID (personal data, masked in public).
    tax_id = models.CharField(_("เลขประจำตัวผู้เสียภาษี/เลขประจำตัวประชาชน"), max_length=13)
    name = models.CharField(_("ชื่อผู้ประกอบการ"), max_length=300)

    class Meta:
        verbose_name = _("ผู้ประกอบการ")
        verbose_name_plural = _("ผู้ประกอบการ")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "tax_id"], name="procurement_vendor_unique_tax_id"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_juristic(self) -> bool:
        return is_juristic_person_id(self.tax_id)

    @property
    def public_tax_id(self) -> str:
        """What the public sees: a company's ID in full, a natural person's ID masked."""
        return public_tax_id(self.tax_id)


def public_tax_id(tax_id: str) -> str:
    if not tax_id:
        return ""
    return format_thai_id(tax_id) if is_juristic_person_id(tax_id) else mask_thai_id(tax_id)
