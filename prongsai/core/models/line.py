"""LINE Official Account of an agency: its channel, the citizens' links to tracking codes, the LINE outbox."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .base import TenantModel


class LineChannel(TenantModel):
    """The Messaging API channel of the agency's LINE Official Account (one per agency).

    The channel access token and the channel secret are stored encrypted (``prongsai.core.line.seal``) with a
    key derived from the instance's SECRET_KEY; they are never shown again after they are saved.
    """

    basic_id = models.CharField(
        _("LINE ID ของบัญชีทางการ"),
        max_length=40,
        help_text=_("ขึ้นต้นด้วย @ เช่น @wangthong ใช้สร้างคิวอาร์โค้ดให้ประชาชนเพิ่มเพื่อนและส่งรหัสติดตาม"),
    )
    token_sealed = models.BinaryField(_("channel access token (เข้ารหัส)"))
    secret_sealed = models.BinaryField(_("channel secret (เข้ารหัส)"))
    is_active = models.BooleanField(_("เปิดใช้งาน"), default=True)

    class Meta:
        verbose_name = _("บัญชีทางการ LINE")
        constraints = [models.UniqueConstraint(fields=["agency"], name="core_linechannel_one_per_agency")]


class LineLink(TenantModel):
    """A LINE user who asked to follow one tracking code (a request, a complaint or a question)."""

    line_user_id = models.CharField(_("รหัสผู้ใช้ LINE"), max_length=64)
    kind = models.CharField(_("ประเภทเรื่อง"), max_length=32)
    tracking_code = models.CharField(_("รหัสติดตาม"), max_length=16)

    class Meta:
        verbose_name = _("การติดตามเรื่องทาง LINE")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "line_user_id", "kind", "tracking_code"], name="core_linelink_unique"
            )
        ]
        indexes = [models.Index(fields=["agency", "kind", "tracking_code"], name="core_linelink_code")]


class StaffLineLink(TenantModel):
    """A member of staff who receives their queues' alerts on LINE.

    Linked by sending a one-time code from the staff page to the agency's LINE account (so LINE itself proves
    who holds the LINE account); only the code's SHA-256 is kept, until it is used or expires.
    ``news_seen_until`` is how far the content-free "something new in your queue" alert has told them.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    line_user_id = models.CharField(_("รหัสผู้ใช้ LINE"), max_length=64, blank=True)
    code_digest = models.CharField(max_length=64, blank=True)
    code_expires_at = models.DateTimeField(null=True, blank=True)
    linked_at = models.DateTimeField(_("เชื่อมบัญชีเมื่อ"), null=True, blank=True)
    news_seen_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("การรับแจ้งเตือนคิวงานทาง LINE ของเจ้าหน้าที่")
        constraints = [
            models.UniqueConstraint(fields=["agency", "user"], name="core_stafflinelink_one_per_user")
        ]


class OutboundLine(TenantModel):
    """A LINE push message in the outbox: written in the transaction that causes it, sent by a task.

    ``retry_key`` is sent as LINE's ``X-Line-Retry-Key``: a retry after a worker died between LINE accepting
    the message and the row being marked sent is answered 409 by LINE and never delivered twice.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("รอส่ง")
        SENT = "sent", _("ส่งแล้ว")
        FAILED = "failed", _("ส่งไม่สำเร็จ")

    to = models.CharField(_("ผู้รับ (รหัสผู้ใช้ LINE)"), max_length=64)
    text = models.TextField(_("ข้อความ"))
    retry_key = models.UUIDField(default=uuid.uuid4, editable=False)
    status = models.CharField(_("สถานะ"), max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("ข้อความ LINE ขาออก")
        indexes = [
            models.Index(
                fields=["status", "created_at"], name="core_lineout_pending", condition=Q(status="pending")
            )
        ]
