"""Data behind the working-day calendar that every time limit is counted on."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import TenantModel, TimeStampedModel


class PublicHoliday(TimeStampedModel):
    """A national public holiday (วันหยุดราชการ), shared by every agency of the instance.

    Loaded from the yearly files in core/data/holidays/ by ``manage.py load_holidays`` and extended by the
    operator when the Cabinet announces a special holiday.
    """

    date = models.DateField(_("วันที่"), unique=True)
    name_th = models.CharField(_("ชื่อวันหยุด"), max_length=200)
    name_en = models.CharField(_("ชื่อวันหยุด (อังกฤษ)"), max_length=200, blank=True)
    source = models.CharField(_("ที่มา"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("วันหยุดราชการ")
        verbose_name_plural = _("วันหยุดราชการ")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.name_th}"


class AgencyDayOff(TenantModel):
    """A day on which one agency is closed although it is not a national holiday (e.g. a local festival)."""

    date = models.DateField(_("วันที่"))
    name_th = models.CharField(_("เหตุผล/ชื่อวันหยุด"), max_length=200)

    class Meta:
        verbose_name = _("วันหยุดเฉพาะหน่วยงาน")
        verbose_name_plural = _("วันหยุดเฉพาะหน่วยงาน")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "date"], name="core_agencydayoff_unique_date")
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.name_th}"
