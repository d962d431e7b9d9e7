"""Retention of procurement import files: the uploaded e-GP export holds vendors' IDs (some are natural
persons), so the file is deleted once it is no longer needed; the batch row and its counts stay.

So is the staging file beside it (``import_staging``: the rows parsed from the upload, IDs included). A
commit deletes it; a batch checked and never committed kept it after its upload was purged, until this
module removed it with the upload and swept those left by the earlier purges."""

from __future__ import annotations

from datetime import timedelta

from django.core.files.storage import Storage
from django.utils import timezone
from django_scopes import scopes_disabled

from . import import_staging
from .models import ImportBatch
from .models.imports import IMPORT_FOLDER

IMPORT_FILE_RETENTION_DAYS = 90


def purge_import_files() -> int:
    """Delete the stored files of batches untouched for 90 days, across all agencies; return the count."""
    cutoff = timezone.now() - timedelta(days=IMPORT_FILE_RETENTION_DAYS)
    count = 0
    with scopes_disabled():
        for batch in ImportBatch.objects.filter(updated_at__lt=cutoff).exclude(file=""):
            import_staging.delete(batch)
            batch.file.delete(save=False)
            ImportBatch.objects.filter(pk=batch.pk).update(file="")
            count += 1
    return count


def purge_orphaned_staging_files(storage: Storage) -> int:
    """Delete staging files whose upload is gone (left by purges before they took the staging file along)."""
    count = 0
    try:
        folders, _files = storage.listdir(IMPORT_FOLDER)
    except FileNotFoundError:
        return 0  # nothing was ever imported
    for folder in folders:
        _dirs, names = storage.listdir(f"{IMPORT_FOLDER}/{folder}")
        present = set(names)
        for name in names:
            if (
                name.endswith(import_staging.SUFFIX)
                and name.removesuffix(import_staging.SUFFIX) not in present
            ):
                storage.delete(f"{IMPORT_FOLDER}/{folder}/{name}")
                count += 1
    return count


def purge_expired_personal_data() -> dict[str, int]:
    """The hook ``manage.py purge_personal_data`` calls for every app that has a retention module."""
    return {
        "procurement import files": purge_import_files(),
        "procurement staging files without their import file": purge_orphaned_staging_files(
            ImportBatch._meta.get_field("file").storage
        ),
    }
