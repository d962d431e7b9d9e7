"""The internal auditor's review of a red flag (flags themselves are computed, never stored)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from prongsai.core.models import TenantModel


class RedFlagReview(TenantModel):
    """The auditor has seen a flag and recorded a note. A flag is identified by its kind and key (the
    procurements or the vendor and year it concerns); if the data change so that the key changes, it is a
    new flag that needs a new review."""

    kind = models.CharField(_("ประเภทข้อสังเกต"), max_length=30)
    key = models.CharField(max_length=200)
    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    note = models.TextField(_("ความเห็นของผู้ตรวจสอบภายใน"))
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("การพิจารณาข้อสังเกต")
        constraints = [
            models.UniqueConstraint(fields=["agency", "kind", "key"], name="procurement_flagreview_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.key}"
