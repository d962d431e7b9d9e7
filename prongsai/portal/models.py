"""Content of the agency's public site: news with categories and attachments, and information pages."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from prongsai.core.models import Attachment, Publishable, TenantModel


class NewsCategory(TenantModel):
    name_th = models.CharField(_("ชื่อหมวดข่าว"), max_length=100)
    slug = models.SlugField(_("รหัสหมวด"), max_length=50)
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)

    class Meta:
        verbose_name = _("หมวดข่าว")
        verbose_name_plural = _("หมวดข่าว")
        ordering = ["order", "name_th"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "slug"], name="portal_newscategory_unique_slug")
        ]

    def __str__(self) -> str:
        return self.name_th


class NewsArticle(Publishable):
    """A news item (ข่าวประชาสัมพันธ์), OIT item "news" when dated in the fiscal year."""

    snapshot_fields = ("title", "category", "summary", "body", "event_date")

    category = models.ForeignKey(
        NewsCategory, on_delete=models.PROTECT, related_name="articles", verbose_name=_("หมวด")
    )
    title = models.CharField(_("หัวข้อข่าว"), max_length=300)
    summary = models.CharField(_("สรุปย่อ"), max_length=500, blank=True)
    body = models.TextField(_("เนื้อหา"))
    event_date = models.DateField(_("วันที่จัดกิจกรรม"), null=True, blank=True)
    attachments = models.ManyToManyField(Attachment, blank=True, related_name="+", verbose_name=_("ไฟล์แนบ"))

    class Meta:
        verbose_name = _("ข่าวประชาสัมพันธ์")
        verbose_name_plural = _("ข่าวประชาสัมพันธ์")
        ordering = ["-published_at", "-created_at"]
        indexes = [
            # Serves the public news list: published articles of an agency, newest first.
            models.Index(fields=["agency", "status", "-published_at"], name="portal_news_public_list"),
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


class InfoPage(Publishable):
    """A page of standing information such as the agency's powers and duties (อำนาจหน้าที่)."""

    class Kind(models.TextChoices):
        POWERS_DUTIES = "powers_duties", _("อำนาจหน้าที่")
        ABOUT = "about", _("ข้อมูลทั่วไป")
        POLICY = "policy", _("นโยบาย")
        OTHER = "other", _("อื่น ๆ")

    snapshot_fields = ("title", "body")

    kind = models.CharField(_("ประเภทหน้า"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    slug = models.SlugField(_("ที่อยู่หน้า"), max_length=80, help_text=_("ภาษาอังกฤษตัวเล็ก เช่น powers-duties"))
    title = models.CharField(_("ชื่อหน้า"), max_length=300)
    body = models.TextField(_("เนื้อหา"))
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)

    class Meta:
        verbose_name = _("หน้าข้อมูล")
        verbose_name_plural = _("หน้าข้อมูล")
        ordering = ["order", "title"]
        constraints = [models.UniqueConstraint(fields=["agency", "slug"], name="portal_infopage_unique_slug")]

    def __str__(self) -> str:
        return self.title
