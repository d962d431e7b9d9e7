"""The text parts of the annual procurement report: problems and suggestions, published with it."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from prongsai.core.models import Publishable


class AnnualReportNote(Publishable):
    snapshot_fields = ("problems", "suggestions")

    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    problems = models.TextField(_("ปัญหา/อุปสรรค"), blank=True)
    suggestions = models.TextField(_("ข้อเสนอแนะ/แนวทางการปรับปรุง"), blank=True)

    class Meta:
        verbose_name = _("บทวิเคราะห์รายงานผลการจัดซื้อจัดจ้างประจำปี")
        constraints = [
            models.UniqueConstraint(fields=["agency", "fiscal_year"], name="procurement_annual_unique_year"),
        ]

    def __str__(self) -> str:
        return str(self.fiscal_year)
