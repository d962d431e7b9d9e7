"""Imports of e-GP export files: the uploaded file, its preview (problems per row) and its commit."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMModelMixin, transition

from prongsai.core.models import TenantModel, new_public_id
from prongsai.core.models.status_field import StatusField

IMPORT_FOLDER = "procurement-imports"


def import_file_path(instance: ImportBatch, filename: str) -> str:
    # Generated name: the uploader's file name never reaches the file system.
    return f"{IMPORT_FOLDER}/{instance.agency_id}/{instance.public_id.hex}.{instance.file_kind}"


class ImportBatch(FSMModelMixin, TenantModel):
    """uploaded → validating → ready | has_problems; ready → committing → committed (or back to ready
    with the error when the commit fails). Only a batch without problems can be committed, and its rows
    are written in one transaction: all or nothing."""

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("รอตรวจสอบ")
        VALIDATING = "validating", _("กำลังตรวจสอบ")
        HAS_PROBLEMS = "has_problems", _("พบปัญหา ต้องแก้ไขไฟล์")
        READY = "ready", _("พร้อมนำเข้า")
        COMMITTING = "committing", _("กำลังบันทึก")
        COMMITTED = "committed", _("นำเข้าแล้ว")

    class FileKind(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"

    public_id = models.UUIDField(default=new_public_id, unique=True, editable=False)
    file = models.FileField(upload_to=import_file_path, max_length=255, blank=True)
    original_name = models.CharField(_("ชื่อไฟล์"), max_length=255)
    file_kind = models.CharField(max_length=4, choices=FileKind.choices)
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = StatusField(
        _("สถานะ"), max_length=16, choices=Status.choices, default=Status.UPLOADED, protected=True
    )
    total_rows = models.PositiveIntegerField(_("จำนวนแถว"), default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    problem_count = models.PositiveIntegerField(_("จำนวนปัญหา"), default=0)
    new_count = models.PositiveIntegerField(_("รายการใหม่"), default=0)
    changed_count = models.PositiveIntegerField(_("รายการที่เปลี่ยนแปลง"), default=0)
    unchanged_count = models.PositiveIntegerField(_("รายการที่ไม่เปลี่ยนแปลง"), default=0)
    # A sample of what the commit would do (first rows), shown on the preview page.
    preview = models.JSONField(default=list, blank=True)
    last_error = models.TextField(blank=True)
    committed_at = models.DateTimeField(null=True, blank=True)
    committed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("การนำเข้าข้อมูล e-GP")
        ordering = ["-created_at"]
        constraints = [
            # The same file is committed at most once per agency: re-importing it is a no-op.
            models.UniqueConstraint(
                fields=["agency", "sha256"],
                condition=Q(status="committed"),
                name="procurement_import_file_once",
            ),
        ]

    def __str__(self) -> str:
        return self.original_name

    def clean_fields(self, exclude: Any = None) -> None:
        super().clean_fields(exclude={*(exclude or ()), "status"})

    @property
    def is_running(self) -> bool:
        return self.status in {self.Status.UPLOADED, self.Status.VALIDATING, self.Status.COMMITTING}

    @property
    def progress_percent(self) -> int:
        if not self.total_rows:
            return 0
        return min(100, int(self.processed_rows * 100 / self.total_rows))

    @transition(
        field=status, source=[Status.UPLOADED, Status.READY, Status.HAS_PROBLEMS], target=Status.VALIDATING
    )
    def start_validation(self) -> None:
        """Checking starts (again: a failed commit re-validates)."""

    @transition(field=status, source=Status.VALIDATING, target=Status.READY)
    def validation_passed(self) -> None:
        """Every row is readable: the batch may be committed."""

    @transition(field=status, source=[Status.VALIDATING, Status.COMMITTING], target=Status.HAS_PROBLEMS)
    def validation_failed(self) -> None:
        """Problems were found; nothing was written."""

    @transition(field=status, source=Status.READY, target=Status.COMMITTING)
    def start_commit(self) -> None:
        """A member asked to write the rows."""

    @transition(field=status, source=Status.COMMITTING, target=Status.COMMITTED)
    def commit_done(self) -> None:
        """Every row was written in one transaction."""

    @transition(field=status, source=Status.COMMITTING, target=Status.READY)
    def commit_failed(self) -> None:
        """The commit's transaction rolled back; the batch can be committed again."""


class ImportProblem(TenantModel):
    """One problem of one row (row 0: the file as a whole), in Thai, saying what to fix."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="problems")
    row_number = models.PositiveIntegerField(_("แถวที่"))
    column = models.CharField(_("คอลัมน์"), max_length=200, blank=True)
    value = models.CharField(_("ค่าในไฟล์"), max_length=200, blank=True)
    message = models.TextField(_("ปัญหาและวิธีแก้ไข"))

    class Meta:
        verbose_name = _("ปัญหาในไฟล์นำเข้า")
        ordering = ["row_number", "pk"]
        indexes = [models.Index(fields=["batch", "row_number"], name="procurement_problem_row")]

    def __str__(self) -> str:
        return f"{self.row_number}: {self.message}"
