"""An e-GP export and the rows staged from it (vendors' IDs) are deleted 90 days after the batch ends."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from prongsai.procurement import import_staging
from prongsai.procurement.models import ImportBatch
from prongsai.procurement.retention import purge_import_files, purge_orphaned_staging_files
from prongsai.procurement.tests.test_egp_import import GOOD, csv_bytes, upload


def _checked(agency, user, run_tasks) -> ImportBatch:
    """A batch checked without problems and never committed: its upload and staged rows both stored."""
    batch = run_tasks(upload, agency, user, csv_bytes(GOOD)).batch
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.READY
    assert batch.file.storage.exists(batch.file.name + import_staging.SUFFIX)
    return batch


def test_an_abandoned_batch_loses_its_upload_and_its_staged_rows(scoped, admin_member, run_tasks):
    old = _checked(scoped, admin_member, run_tasks)
    recent = _checked(scoped, admin_member, run_tasks)
    ImportBatch.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=91))
    storage = old.file.storage
    old_name, recent_name = old.file.name, recent.file.name
    assert purge_import_files() == 1
    assert not storage.exists(old_name)
    assert not storage.exists(old_name + import_staging.SUFFIX)
    old.refresh_from_db()
    assert not old.file and old.new_count == 3  # the row and its counts stay
    assert storage.exists(recent_name)
    assert storage.exists(recent_name + import_staging.SUFFIX)


def test_staged_rows_left_by_earlier_purges_are_swept(scoped, admin_member, run_tasks):
    kept = _checked(scoped, admin_member, run_tasks)
    storage = kept.file.storage
    folder = kept.file.name.rsplit("/", 1)[0]
    orphan = storage.save(f"{folder}/0123456789abcdef.csv{import_staging.SUFFIX}", ContentFile(b"{}\n"))
    assert purge_orphaned_staging_files(storage) == 1
    assert not storage.exists(orphan)
    assert storage.exists(kept.file.name + import_staging.SUFFIX)  # its upload is still there
    assert purge_orphaned_staging_files(storage) == 0


def test_the_daily_purge_reports_both(scoped, admin_member, run_tasks):
    batch = _checked(scoped, admin_member, run_tasks)
    ImportBatch.objects.filter(pk=batch.pk).update(updated_at=timezone.now() - timedelta(days=91))
    out = StringIO()
    call_command("purge_personal_data", stdout=out)
    assert "procurement import files: 1 deleted" in out.getvalue()
    assert "procurement staging files without their import file: 0 deleted" in out.getvalue()
