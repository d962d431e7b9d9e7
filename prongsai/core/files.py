"""Checking uploads by their content, and re-encoding images published to the public."""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from prongsai.core.models import Attachment

_MIME = {
    Attachment.Kind.PDF: "application/pdf",
    Attachment.Kind.JPEG: "image/jpeg",
    Attachment.Kind.PNG: "image/png",
    Attachment.Kind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    Attachment.Kind.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
ALLOWED_DESCRIPTION = gettext_lazy("PDF, JPEG, PNG, DOCX หรือ XLSX")


@dataclass(frozen=True)
class CheckedFile:
    kind: Attachment.Kind
    content_type: str
    content: bytes
    sha256: str


def _office_kind(content: bytes) -> Attachment.Kind | None:
    """DOCX and XLSX are ZIP packages; tell them apart by the parts they must contain."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as package:
            names = set(package.namelist())
    except zipfile.BadZipFile:
        return None
    if "[Content_Types].xml" not in names:
        return None
    if "word/document.xml" in names:
        return Attachment.Kind.DOCX
    if "xl/workbook.xml" in names:
        return Attachment.Kind.XLSX
    return None


def detect_kind(content: bytes) -> Attachment.Kind | None:
    """The kind of a file judged from its bytes, never from its name or the browser's claim."""
    if content.startswith(b"%PDF-"):
        return Attachment.Kind.PDF
    guess = filetype.guess(content[:8192])
    if guess is None:
        return None
    if guess.mime == "image/jpeg":
        return Attachment.Kind.JPEG
    if guess.mime == "image/png":
        return Attachment.Kind.PNG
    if guess.mime in {"application/zip", _MIME[Attachment.Kind.DOCX], _MIME[Attachment.Kind.XLSX]}:
        return _office_kind(content)
    return None


def check_upload(
    upload: UploadedFile, *, allowed: frozenset[Attachment.Kind] | None = None, max_bytes: int | None = None
) -> CheckedFile:
    """Read and check an upload; raise ValidationError with a Thai message when it is not acceptable."""
    limit = max_bytes or settings.UPLOAD_MAX_BYTES
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("ไฟล์ “%(name)s” มีขนาด %(size)s เกินกว่าที่รับได้ (%(limit)s) กรุณาลดขนาดไฟล์แล้วส่งใหม่")
            % {"name": upload.name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    content = upload.read()
    if len(content) > limit:
        raise ValidationError(_("ไฟล์มีขนาดเกินกว่าที่รับได้ กรุณาลดขนาดไฟล์แล้วส่งใหม่"), code="too_large")
    if not content:
        raise ValidationError(
            _("ไฟล์ “%(name)s” ว่างเปล่า กรุณาเลือกไฟล์ใหม่") % {"name": upload.name}, code="empty"
        )
    kind = detect_kind(content)
    permitted = allowed or frozenset(Attachment.Kind)
    if kind is None or kind not in permitted:
        names = ", ".join(sorted(str(k.label) for k in permitted))
        raise ValidationError(
            _("ไฟล์ “%(name)s” ไม่ใช่ชนิดที่รับได้ (รับเฉพาะ %(kinds)s) เนื้อหาของไฟล์ต้องตรงกับชนิดไฟล์")
            % {"name": upload.name, "kinds": names},
            code="bad_type",
        )
    if kind in {Attachment.Kind.JPEG, Attachment.Kind.PNG}:
        _verify_image(content, upload.name or "")
    return CheckedFile(
        kind=kind, content_type=_MIME[kind], content=content, sha256=hashlib.sha256(content).hexdigest()
    )


def _verify_image(content: bytes, name: str) -> None:
    from PIL import Image, UnidentifiedImageError  # here, not at start-up (core/tests/test_startup.py)

    try:
        with Image.open(io.BytesIO(content)) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            _("อ่านรูปภาพ “%(name)s” ไม่ได้ ไฟล์อาจเสียหาย กรุณาเลือกไฟล์ใหม่") % {"name": name}, code="bad_image"
        ) from None


# The longest side of a picture's preview: a news card is at most about 400 CSS pixels wide, so this is sharp
# on a screen of two device pixels per CSS pixel; an article's column is about as wide.
PREVIEW_SIDE = 800


def image_preview(content: bytes) -> bytes | None:
    """A smaller copy of a re-encoded picture (same format), or None when it is no larger than a preview."""
    from PIL import Image  # here, not at start-up (core/tests/test_startup.py)

    with Image.open(io.BytesIO(content)) as image:
        if max(image.size) <= PREVIEW_SIDE:
            return None
    return reencode_image(content, max_side=PREVIEW_SIDE)[0]


def reencode_image(content: bytes, *, max_side: int = 2000) -> tuple[bytes, str]:
    """A JPEG or PNG copy without metadata (EXIF, GPS, comments), at most ``max_side`` pixels on a side.

    Only pixel data survives: the image is decoded and a new file is written from the pixels.
    """
    from PIL import Image, ImageOps  # here, not at start-up (core/tests/test_startup.py)

    with Image.open(io.BytesIO(content)) as source:
        source.load()
        fmt = "PNG" if source.format == "PNG" else "JPEG"

        image = ImageOps.exif_transpose(source)  # keep the orientation the camera meant, then drop EXIF
        if fmt == "JPEG" and image.mode not in {"RGB", "L"}:
            image = image.convert("RGB")
        image.thumbnail((max_side, max_side))
        clean = Image.new(image.mode, image.size)
        clean.paste(image)
        out = io.BytesIO()
        if fmt == "JPEG":
            clean.save(out, format="JPEG", quality=85, optimize=True)
        else:
            clean.save(out, format="PNG", optimize=True)
    return out.getvalue(), fmt.lower()
