"""Uploaded files, stored under generated names and served only through guarded views."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import TenantModel, new_public_id


def attachment_path(instance: Attachment, filename: str) -> str:
    # The stored name is generated: the uploader's file name never reaches the file system.
    return f"attachments/{instance.agency_id}/{instance.public_id.hex}.{instance.extension}"


def preview_path(instance: Attachment, filename: str) -> str:
    # ``kind`` rather than ``extension``: the portal's migration that adds the previews of older pictures
    # runs on the historical model, which has the fields but not the properties.
    return f"attachments/{instance.agency_id}/{instance.public_id.hex}.preview.{instance.kind}"


class Attachment(TenantModel):
    class Kind(models.TextChoices):
        PDF = "pdf", "PDF"
        JPEG = "jpg", "JPEG"
        PNG = "png", "PNG"
        DOCX = "docx", "Word (DOCX)"
        XLSX = "xlsx", "Excel (XLSX)"

    public_id = models.UUIDField(default=new_public_id, unique=True, editable=False)
    file = models.FileField(upload_to=attachment_path, max_length=255)
    # A smaller copy of a published picture, for the pages that show it in a list or a column (a news card
    # is at most about 400 CSS pixels wide, where the stored picture may be 2,000 px and ten times the bytes).
    # Empty when the picture is already small enough, and for every other kind of file.
    preview = models.FileField(upload_to=preview_path, max_length=255, blank=True)
    original_name = models.CharField(_("ชื่อไฟล์"), max_length=255)
    kind = models.CharField(_("ชนิดไฟล์"), max_length=8, choices=Kind.choices)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(_("ขนาด (ไบต์)"))
    sha256 = models.CharField(max_length=64)
    title = models.CharField(_("คำอธิบาย"), max_length=255, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("ไฟล์แนบ")
        verbose_name_plural = _("ไฟล์แนบ")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.title or self.original_name

    @property
    def extension(self) -> str:
        return str(self.kind)

    @property
    def is_image(self) -> bool:
        return self.kind in {self.Kind.JPEG, self.Kind.PNG}

    @property
    def shown_file(self) -> models.fields.files.FieldFile:
        """What a page shows of a picture: its preview when it has one, else the file itself."""
        return self.preview if self.preview else self.file

    def delete_stored_files(self) -> None:
        """Remove the file and its preview from storage (the caller deletes the row)."""
        self.file.delete(save=False)
        if self.preview:
            self.preview.delete(save=False)
