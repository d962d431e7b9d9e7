"""Data subjects' requests (PDPA ss. 30–36): access, correction, erasure, objection, withdrawal of consent."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMModelMixin, transition

from prongsai.core.models import TenantModel
from prongsai.core.models.status_field import StatusField
from prongsai.core.tracking import format_tracking_code

# PDPA s. 30 para. 3: the controller acts on a request "within thirty days from the date of receipt";
# the Act counts days, not working days (docs/decisions/0077-pdpa-rights.md).
LEGAL_LIMIT_DAYS = 30


class RequestKind(models.TextChoices):
    ACCESS = "access", _("ขอเข้าถึงและขอรับสำเนาข้อมูลส่วนบุคคล")
    CORRECTION = "correction", _("ขอแก้ไขข้อมูลส่วนบุคคลให้ถูกต้อง")
    ERASURE = "erasure", _("ขอให้ลบหรือทำลายข้อมูลส่วนบุคคล")
    OBJECTION = "objection", _("คัดค้านการเก็บ ใช้ หรือเปิดเผยข้อมูลส่วนบุคคล")
    WITHDRAWAL = "withdrawal", _("ขอถอนความยินยอม")


class RequestStatus(models.TextChoices):
    RECEIVED = "received", _("รับคำขอแล้ว")
    IN_PROGRESS = "in_progress", _("อยู่ระหว่างดำเนินการ")
    COMPLETED = "completed", _("ดำเนินการแล้วเสร็จ")
    REFUSED = "refused", _("ปฏิเสธคำขอ")


class SubjectRequest(FSMModelMixin, TenantModel):
    tracking_code = models.CharField(_("รหัสติดตาม"), max_length=16, editable=False)
    idempotency_key = models.UUIDField(default=uuid.uuid4, editable=False)
    kind = models.CharField(_("ประเภทคำขอ"), max_length=16, choices=RequestKind.choices)
    requester_name = models.CharField(_("ชื่อและนามสกุลผู้ยื่นคำขอ"), max_length=200)
    requester_email = models.EmailField(_("อีเมลผู้ยื่นคำขอ"), blank=True)
    requester_phone = models.CharField(_("โทรศัพท์ผู้ยื่นคำขอ"), max_length=20, blank=True)
    record_codes = models.CharField(_("รหัสติดตามของเรื่องที่เกี่ยวกับผู้ยื่นคำขอ"), max_length=300, blank=True)
    details = models.TextField(_("รายละเอียดคำขอ"), blank=True)
    status = StatusField(
        _("สถานะ"),
        max_length=16,
        choices=RequestStatus.choices,
        default=RequestStatus.RECEIVED,
        protected=True,
    )
    received_at = models.DateTimeField(_("วันที่รับคำขอ"))
    due_on = models.DateField(_("กำหนดดำเนินการให้แล้วเสร็จ"))
    closed_at = models.DateTimeField(_("ดำเนินการเสร็จเมื่อ"), null=True, blank=True)
    outcome = models.TextField(_("ผลการดำเนินการหรือเหตุผลที่ปฏิเสธ"), blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ผู้ดำเนินการ"),
    )

    class Meta:
        verbose_name = _("คำขอใช้สิทธิของเจ้าของข้อมูลส่วนบุคคล")
        ordering = ["due_on", "received_at"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "tracking_code"], name="privacy_request_unique_code"),
            models.UniqueConstraint(fields=["agency", "idempotency_key"], name="privacy_request_unique_key"),
        ]
        indexes = [models.Index(fields=["agency", "status", "due_on"], name="privacy_request_queue")]

    def __str__(self) -> str:
        return format_tracking_code(self.tracking_code)

    @property
    def display_code(self) -> str:
        return format_tracking_code(self.tracking_code)

    @property
    def is_open(self) -> bool:
        return self.status in (RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS)

    @transition(field=status, source=RequestStatus.RECEIVED, target=RequestStatus.IN_PROGRESS)
    def start(self) -> None:
        """Received → in progress (staff verified the requester's identity and work on it)."""

    @transition(
        field=status,
        source=[RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS],
        target=RequestStatus.COMPLETED,
    )
    def complete(self) -> None:
        """Done: the copy was given, the data corrected or erased, the objection or withdrawal applied."""

    @transition(
        field=status, source=[RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS], target=RequestStatus.REFUSED
    )
    def refuse(self) -> None:
        """Refused with a reason the Act allows (s. 30 para. 2, s. 32, s. 33), recorded in ``outcome``."""
