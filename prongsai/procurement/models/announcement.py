"""Procurement announcements (ประกาศ) with their documents and e-GP project number."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from prongsai.core.models import Attachment, Publishable

from .choices import AnnouncementKind


class Announcement(Publishable):
    snapshot_fields = ("kind", "title", "egp_project_no", "announced_on", "body")

    kind = models.CharField(_("ประเภทประกาศ"), max_length=20, choices=AnnouncementKind.choices)
    title = models.CharField(_("ชื่อประกาศ"), max_length=500)
    egp_project_no = models.CharField(_("เลขที่โครงการ (e-GP)"), max_length=20, blank=True)
    procurement = models.ForeignKey(
        "procurement.Procurement",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="announcements",
        verbose_name=_("รายการจัดซื้อจัดจ้าง"),
    )
    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    announced_on = models.DateField(_("วันที่ประกาศ"))
    body = models.TextField(_("สาระสำคัญของประกาศ"), blank=True)
    attachments = models.ManyToManyField(
        Attachment, blank=True, related_name="+", verbose_name=_("เอกสารประกาศ")
    )

    class Meta:
        verbose_name = _("ประกาศจัดซื้อจัดจ้าง")
        verbose_name_plural = _("ประกาศจัดซื้อจัดจ้าง")
        ordering = ["-announced_on", "-pk"]
        indexes = [
            # Serves the public list of announcements of a year.
            models.Index(fields=["agency", "status", "fiscal_year"], name="procurement_announce_list"),
        ]

    def __str__(self) -> str:
        return self.title

    def snapshot(self) -> dict[str, Any]:
        data = super().snapshot()
        if self.pk:
            data["attachments"] = [
                {"name": a.original_name, "sha256": a.sha256} for a in self.attachments.order_by("pk")
            ]
        return data
