"""The annual procurement plan (แผนการจัดซื้อจัดจ้าง) with the five fields of measure 6.1 of the seed."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from prongsai.core.models import Publishable, TenantModel

from .choices import Method
from .register import AMOUNT


class ProcurementPlan(Publishable):
    """One plan per fiscal year. A plan without items above the threshold is published as the announcement
    that the agency has no procurement above 500,000 baht (the OIT criterion asks for exactly that)."""

    snapshot_fields = ("title", "budget_approved_on", "announced_on", "note")

    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    title = models.CharField(_("ชื่อแผน"), max_length=300)
    budget_approved_on = models.DateField(
        _("วันที่ข้อบัญญัติงบประมาณได้รับความเห็นชอบ/ได้รับจัดสรรงบประมาณ"),
        null=True,
        blank=True,
        help_text=_("ใช้ตรวจว่าเผยแพร่แผนภายในกำหนด (ภายใน 30 วันนับจากวันที่ได้รับอนุมัติงบประมาณ)"),
    )
    announced_on = models.DateField(_("วันที่ประกาศแผน"), null=True, blank=True)
    note = models.TextField(_("หมายเหตุ"), blank=True)

    class Meta:
        verbose_name = _("แผนการจัดซื้อจัดจ้าง")
        verbose_name_plural = _("แผนการจัดซื้อจัดจ้าง")
        ordering = ["-fiscal_year"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "fiscal_year"], name="procurement_plan_unique_year"),
        ]

    def __str__(self) -> str:
        return self.title

    def snapshot(self) -> dict[str, Any]:
        data = super().snapshot()
        if self.pk:
            data["items"] = [
                {
                    "title": i.title,
                    "budget": f"{i.budget:.2f}",
                    "budget_source": i.budget_source,
                    "method": i.method,
                    "expected_start": i.expected_start.isoformat(),
                }
                for i in self.items.all()
            ]
        return data


class PlanItem(TenantModel):
    plan = models.ForeignKey(ProcurementPlan, on_delete=models.CASCADE, related_name="items")
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)
    title = models.CharField(_("งานที่ซื้อหรือจ้าง"), max_length=500)
    budget = models.DecimalField(_("วงเงินงบประมาณที่ได้รับจัดสรร (บาท)"), **AMOUNT)
    budget_source = models.CharField(_("แหล่งที่มาของงบประมาณ"), max_length=200)
    method = models.CharField(_("วิธีการที่จะดำเนินการจัดซื้อจัดจ้าง"), max_length=20, choices=Method.choices)
    # The month the work is expected to start, stored as its first day.
    expected_start = models.DateField(_("ช่วงเวลาที่คาดว่าจะเริ่มดำเนินการ"))

    class Meta:
        verbose_name = _("รายการในแผนการจัดซื้อจัดจ้าง")
        verbose_name_plural = _("รายการในแผนการจัดซื้อจัดจ้าง")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.title
