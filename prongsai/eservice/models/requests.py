"""Requests for a service (online, walk-in or through Open311) and the steps they go through.

A request copies its service's steps when it is received, so a later correction of the manual never changes
the time limits promised to a request already in progress.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMModelMixin, transition

from prongsai.core.models import OrgUnit, TenantModel, new_public_id
from prongsai.core.models.status_field import StatusField
from prongsai.core.tracking import format_tracking_code, new_tracking_code

from .catalogue import DurationUnit, Service


class Channel(models.TextChoices):
    ESERVICE = "eservice", _("E-Service (ออนไลน์)")
    API = "api", _("E-Service (Open311 API)")
    WALK_IN = "walk_in", _("ติดต่อด้วยตนเอง (Walk-in)")


ONLINE_CHANNELS = (Channel.ESERVICE, Channel.API)


class RequestStatus(models.TextChoices):
    RECEIVED = "received", _("รับคำขอแล้ว")
    IN_PROGRESS = "in_progress", _("อยู่ระหว่างดำเนินการ")
    AWAITING_DOCUMENTS = "awaiting_documents", _("รอเอกสารเพิ่มเติมจากผู้ยื่นคำขอ")
    APPROVED = "approved", _("อนุมัติ/ดำเนินการแล้วเสร็จ")
    REJECTED = "rejected", _("ไม่อนุมัติ")


OPEN_STATUSES = (RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS, RequestStatus.AWAITING_DOCUMENTS)
# Open and not waiting for the applicant: the clock runs and the steps can go on.
RUNNING_STATUSES = (RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS)
CLOSED_STATUSES = (RequestStatus.APPROVED, RequestStatus.REJECTED)


def _no_documents_asked_yet(request: Any) -> bool:
    return request.documents_requested_at is None


class ServiceRequest(FSMModelMixin, TenantModel):
    """A citizen's request for a service. ``status`` changes only through the transitions below, which
    only ``prongsai.eservice.services`` calls (each with its audit event)."""

    public_id = models.UUIDField(default=new_public_id, unique=True, editable=False)
    tracking_code = models.CharField(_("รหัสติดตาม"), max_length=20, default=new_tracking_code, editable=False)
    idempotency_key = models.UUIDField(_("รหัสป้องกันการส่งซ้ำ"), editable=False)
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="requests")
    channel = models.CharField(_("ช่องทาง"), max_length=10, choices=Channel.choices)
    status = StatusField(
        _("สถานะ"),
        max_length=20,
        choices=RequestStatus.choices,
        default=RequestStatus.RECEIVED,
        protected=True,
    )
    applicant_name = models.CharField(_("ชื่อ-นามสกุลผู้ยื่นคำขอ"), max_length=200)
    applicant_phone = models.CharField(_("โทรศัพท์ผู้ยื่นคำขอ"), max_length=40, blank=True)
    applicant_email = models.EmailField(_("อีเมลผู้ยื่นคำขอ"), blank=True)
    answers = models.JSONField(_("ข้อมูลในคำขอ"), default=dict, blank=True)
    received_at = models.DateTimeField(_("วันเวลาที่รับคำขอ"))
    due_at = models.DateTimeField(_("กำหนดแล้วเสร็จ"), null=True, blank=True)
    completed_at = models.DateTimeField(_("วันเวลาที่แล้วเสร็จ"), null=True, blank=True)
    current_step = models.ForeignKey(
        "RequestStep", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ผู้รับผิดชอบ"),
    )
    queue_unit = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("ส่วนงาน")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Asking for missing documents is allowed once (Licensing Facilitation Act); the request is recorded here.
    documents_requested_at = models.DateTimeField(_("ขอเอกสารเพิ่มเติมเมื่อ"), null=True, blank=True)
    documents_request_note = models.TextField(_("เอกสารที่ขอเพิ่มเติม"), blank=True)
    documents_received_at = models.DateTimeField(_("ได้รับเอกสารเพิ่มเติมเมื่อ"), null=True, blank=True)
    paused_remaining = models.PositiveIntegerField(
        default=0,
        help_text="working days or office minutes left on the current step while the clock is paused",
    )
    decision_reason = models.TextField(_("เหตุผลของผลการพิจารณา"), blank=True)
    last_progress_notice_at = models.DateTimeField(_("แจ้งความคืบหน้าล่าสุดเมื่อ"), null=True, blank=True)
    progress_notice_count = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("คำขอรับบริการ")
        verbose_name_plural = _("คำขอรับบริการ")
        ordering = ["-received_at"]
        constraints = [
            # Serves the public tracking page and Open311's requests/<id> look-up.
            models.UniqueConstraint(fields=["agency", "tracking_code"], name="eservice_request_unique_code"),
            # A re-sent form carries the same key; the second insert fails and the first request is returned.
            models.UniqueConstraint(
                fields=["agency", "idempotency_key"], name="eservice_request_unique_idempotency"
            ),
        ]
        indexes = [
            # Serves the statistics: requests of an agency per service and month of receipt.
            models.Index(fields=["agency", "service", "received_at"], name="eservice_request_stats"),
            # Serves the staff queues and the overdue sweep: open requests by status and due date.
            models.Index(fields=["agency", "status", "due_at"], name="eservice_request_queue"),
        ]

    def __str__(self) -> str:
        return f"{self.display_code} {self.service.name_th}" if self.service_id else self.display_code

    @property
    def display_code(self) -> str:
        """The tracking code as people see it, in groups of four (``ABCD-2345-EFGH``)."""
        return format_tracking_code(self.tracking_code)

    def clean_fields(self, exclude: Any = None) -> None:
        # The protected status may only change through a transition (see core/models/publishable.py).
        super().clean_fields(exclude={*(exclude or ()), "status"})

    # --- transitions: called only by prongsai.eservice.services ---------------------------------------

    @transition(field=status, source=RequestStatus.RECEIVED, target=RequestStatus.IN_PROGRESS)
    def start(self) -> None:
        """Received → in progress, when an officer takes the request."""

    @transition(
        field=status,
        source=list(RUNNING_STATUSES),
        target=RequestStatus.AWAITING_DOCUMENTS,
        conditions=[_no_documents_asked_yet],
    )
    def ask_documents(self) -> None:
        """Ask the applicant for missing documents: once per request; the clock stops."""

    @transition(field=status, source=RequestStatus.AWAITING_DOCUMENTS, target=RequestStatus.IN_PROGRESS)
    def receive_documents(self) -> None:
        """The applicant brought the documents: the clock runs again."""

    @transition(field=status, source=list(RUNNING_STATUSES), target=RequestStatus.APPROVED)
    def approve(self) -> None:
        """The last step is done and the result is positive."""

    @transition(field=status, source=list(OPEN_STATUSES), target=RequestStatus.REJECTED)
    def reject(self) -> None:
        """Refused, with a reason the applicant is told."""

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_running(self) -> bool:
        """Open and not waiting for the applicant's documents: the clock runs, steps can be completed."""
        return self.status in RUNNING_STATUSES

    @property
    def is_online(self) -> bool:
        return self.channel in ONLINE_CHANNELS


class RequestStep(TenantModel):
    """A step of one request: copied from the service's step at receipt, with its own due date."""

    class State(models.TextChoices):
        PENDING = "pending", _("ยังไม่ถึงขั้นตอนนี้")
        ACTIVE = "active", _("กำลังดำเนินการ")
        PAUSED = "paused", _("หยุดนับเวลา รอเอกสาร")
        DONE = "done", _("เสร็จแล้ว")
        CANCELLED = "cancelled", _("ยุติ")

    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField(_("ลำดับ"))
    name = models.CharField(_("ขั้นตอน"), max_length=300)
    duration_value = models.PositiveSmallIntegerField(_("ระยะเวลา"))
    duration_unit = models.CharField(_("หน่วยเวลา"), max_length=8, choices=DurationUnit.choices)
    responsible_unit = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Changed only by the request's services, together with the request's transition.
    state = models.CharField(_("สถานะขั้นตอน"), max_length=10, choices=State.choices, default=State.PENDING)
    started_at = models.DateTimeField(null=True, blank=True)
    due_at = models.DateTimeField(_("กำหนดเสร็จ"), null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    note = models.TextField(_("บันทึก"), blank=True)

    class Meta:
        verbose_name = _("ขั้นตอนของคำขอ")
        verbose_name_plural = _("ขั้นตอนของคำขอ")
        ordering = ["request", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "request", "order"], name="eservice_reqstep_unique_order"
            )
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.name}"


def request_file_path(instance: RequestFile, filename: str) -> str:
    # Generated name: the applicant's file name never reaches the file system.
    return f"eservice/{instance.agency_id}/{instance.public_id.hex}.{instance.kind}"


class RequestFile(TenantModel):
    """A file the applicant attached; only staff of the agency can download it (a guarded view)."""

    public_id = models.UUIDField(default=new_public_id, unique=True, editable=False)
    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="files")
    field_name = models.CharField(max_length=40)
    file = models.FileField(upload_to=request_file_path, max_length=255)
    original_name = models.CharField(_("ชื่อไฟล์"), max_length=255)
    kind = models.CharField(max_length=8)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("ไฟล์แนบคำขอ")
        verbose_name_plural = _("ไฟล์แนบคำขอ")
        ordering = ["request", "created_at"]

    def __str__(self) -> str:
        return self.original_name


class SatisfactionResponse(TenantModel):
    """One short survey answered after a request is completed (at most one per request)."""

    request = models.OneToOneField(ServiceRequest, on_delete=models.CASCADE, related_name="satisfaction")
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="+")
    speed = models.PositiveSmallIntegerField(_("ความรวดเร็ว"))
    staff = models.PositiveSmallIntegerField(_("ความสุภาพและความช่วยเหลือของเจ้าหน้าที่"))
    clarity = models.PositiveSmallIntegerField(_("ความชัดเจนของขั้นตอนและเอกสาร"))
    overall = models.PositiveSmallIntegerField(_("ความพึงพอใจโดยรวม"))
    comment = models.TextField(_("ข้อเสนอแนะ"), blank=True)
    answered_at = models.DateTimeField()

    class Meta:
        verbose_name = _("ผลการสำรวจความพึงพอใจ")
        verbose_name_plural = _("ผลการสำรวจความพึงพอใจ")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(speed__range=(1, 5))
                & models.Q(staff__range=(1, 5))
                & models.Q(clarity__range=(1, 5))
                & models.Q(overall__range=(1, 5)),
                name="eservice_satisfaction_scores_1_to_5",
            )
        ]
        indexes = [
            # Serves the survey summary per service and period.
            models.Index(fields=["agency", "service", "answered_at"], name="eservice_satisfaction_period"),
        ]

    def __str__(self) -> str:
        return f"{self.request_id}: {self.overall}/5"
