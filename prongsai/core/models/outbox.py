"""Outgoing notifications, written in the transaction that causes them and sent by a background task."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import TenantModel


class OutboundEmail(TenantModel):
    class Status(models.TextChoices):
        PENDING = "pending", _("รอส่ง")
        SENT = "sent", _("ส่งแล้ว")
        FAILED = "failed", _("ส่งไม่สำเร็จ")

    to = models.EmailField(_("ผู้รับ"))
    subject = models.CharField(_("เรื่อง"), max_length=255)
    body = models.TextField(_("ข้อความ"))
    status = models.CharField(_("สถานะ"), max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("อีเมลขาออก")
        indexes = [
            # Serves the sender's "what is still pending" query.
            models.Index(fields=["status", "created_at"], name="core_outbox_pending"),
        ]
