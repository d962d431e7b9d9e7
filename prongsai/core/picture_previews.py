"""Previews of pictures stored before pictures had one (``Attachment.preview``, ADR 0133).

Called by the data migrations of the apps whose public pages show pictures (news, culture activities,
participation records), on the historical ``Attachment`` model: it uses only the model's fields.
"""

from __future__ import annotations

from typing import Any

from django.core.files.base import ContentFile
from django.db.models import QuerySet

from prongsai.core.files import image_preview


def add_missing_previews(attachment_model: Any, ids: QuerySet[Any]) -> int:
    """Write the preview of each picture among ``ids`` that has none and needs one; return how many.

    A file missing from storage or unreadable is skipped: its page keeps showing the file, as before.
    """
    written = 0
    pictures = attachment_model._base_manager.filter(pk__in=ids, kind__in=["jpg", "png"], preview="")
    for attachment in pictures.iterator(chunk_size=200):
        try:
            with attachment.file.open("rb") as handle:
                preview = image_preview(handle.read())
        except (OSError, ValueError):
            continue
        if preview is None:
            continue  # already small enough
        attachment.preview.save(f"preview.{attachment.kind}", ContentFile(preview), save=False)
        attachment_model._base_manager.filter(pk=attachment.pk).update(preview=attachment.preview.name)
        written += 1
    return written
