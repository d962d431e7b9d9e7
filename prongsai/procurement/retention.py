"""Retention of procurement import files: the uploaded e-GP export holds vendors' IDs (some are natural
persons), so the file is deleted once it is no longer needed; the batch row and its counts stay."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django_scopes import scopes_disabled

from .models import ImportBatch

IMPORT_FILE_RETENTION_DAYS = 90


def purge_import_files() -> int:
    """Delete the stored files of batches untouched for 90 days, across all agencies; return the count."""
    cutoff = timezone.now() - timedelta(days=IMPORT_FILE_RETENTION_DAYS)
    count = 0
    with scopes_disabled():
        for batch in ImportBatch.objects.filter(updated_at__lt=cutoff).exclude(file=""):
            batch.file.delete(save=False)
            ImportBatch.objects.filter(pk=batch.pk).update(file="")
            count += 1
    return count


def purge_expired_personal_data() -> dict[str, int]:
    """The hook ``manage.py purge_personal_data`` calls for every app that has a retention module."""
    return {"procurement import files": purge_import_files()}
