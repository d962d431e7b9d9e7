"""Revisions of published records: what was published, when, by whom, why, and its hash."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import TenantModel


class Revision(TenantModel):
    """An immutable snapshot of a published record.

    Revision 1 is the first publication; every later revision carries the reason for the correction. The
    content hash lets anyone check that what they saw is what was published.
    """

    record_type = models.CharField(max_length=100)
    record_id = models.PositiveBigIntegerField()
    number = models.PositiveIntegerField(_("ฉบับที่"))
    content = models.JSONField(_("เนื้อหา"))
    content_hash = models.CharField(_("ค่าแฮชของเนื้อหา"), max_length=64)
    reason = models.TextField(_("เหตุผลการแก้ไข"), blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("ฉบับแก้ไข")
        verbose_name_plural = _("ฉบับแก้ไข")
        ordering = ["record_type", "record_id", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "record_type", "record_id", "number"], name="core_revision_unique_number"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.record_type}#{self.record_id} r{self.number}"
