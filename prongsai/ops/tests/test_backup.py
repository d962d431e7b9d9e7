"""The restore drill (on the suite's database: SQLite with `make test`, PostgreSQL with DATABASE_URL): seed,
back up, wipe, restore, then every chain verifies with the same heads, every file is byte-identical, and a
corruption report opens for its committee member with their passphrase and for nobody without it."""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import Client
from django_scopes import scopes_disabled

from conftest import OTHER_HOST, login_verified, make_member
from prongsai.core import services as core_services
from prongsai.core.models import Agency, AuditHead
from prongsai.core.roles import Role
from prongsai.ops.backup import (
    BackupError,
    create_backup,
    list_backups,
    prune_backups,
    read_manifest,
    restore_backup,
)
from prongsai.whistleblower.tests.conftest import jpeg_bytes, submit, unlocked_client
from prongsai.whistleblower.tests.factories import PASSPHRASE
from prongsai.whistleblower.tests.factories import recipient as key_member

REPORT_TEXT = "ปลัดเรียกรับเงินค่าตรวจรับงานถนนหมู่ 7"


def _media_digests() -> dict[str, str]:
    root = Path(settings.MEDIA_ROOT)
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in root.rglob("*")
        if p.is_file()
    }


def _heads() -> dict[str, tuple[int, str]]:
    with scopes_disabled():
        return {h.agency.code: (h.seq, h.hash) for h in AuditHead.objects.select_related("agency")}


def _wipe(media_root: Path) -> None:
    """What a lost server leaves: an empty database and no media folder."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP SCHEMA public CASCADE")
            cursor.execute("CREATE SCHEMA public")
        else:
            cursor.execute("PRAGMA foreign_keys = OFF")
            # Virtual (full-text) tables first: dropping one drops its shadow tables with it.
            listing = (
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "ORDER BY sql LIKE 'CREATE VIRTUAL%' DESC LIMIT 1"
            )
            while row := cursor.execute(listing).fetchone():
                cursor.execute(f'DROP TABLE "{row[0]}"')
            cursor.execute("PRAGMA foreign_keys = ON")
    assert connection.introspection.table_names() == []
    for path in sorted(media_root.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()


@pytest.fixture
def seeded(agency, other_agency, admin_member, in_scope):
    """Two agencies with audit chains, a public file, and a corruption report with an evidence photo."""
    committee = key_member(agency, "committee", Role.INTEGRITY_COMMITTEE)
    with in_scope(agency):
        core_services.attachment_create(
            agency=agency,
            acting_user=admin_member,
            upload=SimpleUploadedFile("notice.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
            title="ประกาศ",
        )
    # The other agency's chain grows too (a membership grant is audited).
    other_admin = make_member(other_agency, "o-admin", Role.ADMINISTRATOR)
    with in_scope(other_agency):
        core_services.membership_grant(
            agency=other_agency, acting_user=other_admin, user=admin_member, role=Role.OFFICER
        )
    login_verified(Client(HTTP_HOST=OTHER_HOST), other_admin).get("/staff/")
    _done, receipt = submit(
        Client(HTTP_HOST="wangthong.test"), what=REPORT_TEXT, files=[("photo.jpg", jpeg_bytes())]
    )
    assert receipt
    return committee


@pytest.mark.django_db(transaction=True)
def test_the_restore_drill_gives_back_the_same_chains_files_and_sealed_reports(seeded, tmp_path):
    committee = seeded
    media_root = Path(settings.MEDIA_ROOT)
    heads, files = _heads(), _media_digests()
    assert len(files) >= 2 and set(heads) == {"wangthong", "other"}

    out = StringIO()
    call_command("backup", "--dir", str(tmp_path / "backups"), stdout=out)
    (archive,) = list_backups(tmp_path / "backups")
    assert str(archive) in out.getvalue()
    assert archive.stat().st_mode & 0o077 == 0, "an archive holds personal data: owner only"
    manifest = read_manifest(archive)
    assert {a["code"]: (a["audit_seq"], a["audit_hash"]) for a in manifest["agencies"]} == heads
    assert {name: entry["sha256"] for name, entry in manifest["files"].items()} == files
    assert manifest["engine"] == connection.vendor
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert names[0] == "manifest.json" and names[1].startswith("database.")
    # The report's text is in the archive only as ciphertext.
    assert REPORT_TEXT.encode() not in archive.read_bytes()

    _wipe(media_root)
    out = StringIO()
    call_command("restore", str(archive), stdout=out)
    assert "Restored and verified 2 agency(ies)" in out.getvalue()

    call_command("verify_audit", stdout=(verified := StringIO()))
    assert verified.getvalue().count("chain intact") == 2
    assert _heads() == heads
    assert _media_digests() == files

    # The committee member reads the report with their passphrase, as before the loss.
    client = unlocked_client(committee)
    home = client.get("/staff/integrity/")
    handle = home.context["rows"][0][0]
    detail = client.get(f"/staff/integrity/reports/{handle}/")
    assert REPORT_TEXT in detail.content.decode()
    # Nobody reads it without the passphrase: not the member before unlocking, not a wrong passphrase.
    locked = login_verified(Client(HTTP_HOST="wangthong.test"), committee)
    assert REPORT_TEXT not in locked.get(f"/staff/integrity/reports/{handle}/", follow=True).content.decode()
    wrong = locked.post("/staff/integrity/key/unlock/", {"passphrase": PASSPHRASE + "x"})
    assert wrong.status_code != 302
    assert REPORT_TEXT not in locked.get(f"/staff/integrity/reports/{handle}/", follow=True).content.decode()


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_that_is_not_empty(seeded, tmp_path):
    result = create_backup(tmp_path)
    with pytest.raises(CommandError, match="is not empty"):
        call_command("restore", str(result.path), stdout=StringIO())
    with scopes_disabled():
        assert Agency.objects.count() == 2  # nothing was touched


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_damaged_archive_and_a_file_that_is_not_a_backup(agency, tmp_path):
    result = create_backup(tmp_path)
    data = bytearray(result.path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged = tmp_path / "damaged.tar.gz"
    damaged.write_bytes(bytes(data))
    other = tmp_path / "notes.txt"
    other.write_text("hello")
    # The whole archive is read and checked before the (here not empty) target is even looked at.
    for path in (damaged, other):
        with pytest.raises(BackupError, match=r"damaged|cannot be read|not a Prongsai backup"):
            restore_backup(path)
        with pytest.raises(CommandError):
            call_command("restore", "--check", str(path), stdout=StringIO())
    out = StringIO()
    call_command("restore", "--check", str(result.path), stdout=out)
    assert "is intact" in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_an_archive_of_a_newer_prongsai(agency, tmp_path):
    result = create_backup(tmp_path)
    manifest = read_manifest(result.path)
    manifest["migrations"]["core"] = "9999_from_the_future"
    newer = tmp_path / "newer.tar.gz"
    with tarfile.open(result.path) as source, tarfile.open(newer, "w:gz") as target:
        for member in source:
            if member.name == "manifest.json":
                body = json.dumps(manifest).encode()
                member.size = len(body)
                target.addfile(member, io.BytesIO(body))
            else:
                target.addfile(member, source.extractfile(member))
    with pytest.raises(BackupError, match="newer version of Prongsai"):
        restore_backup(newer)


@pytest.mark.django_db(transaction=True)
def test_the_backup_job_keeps_the_newest_archives(agency, tmp_path):
    from datetime import UTC, datetime, timedelta

    start = datetime(2026, 12, 1, tzinfo=UTC)
    for day in range(4):
        create_backup(tmp_path, now=start + timedelta(days=day))
    assert prune_backups(tmp_path, keep=2) == 2
    assert [p.name for p in list_backups(tmp_path)] == [
        "prongsai-backup-20261203T000000Z.tar.gz",
        "prongsai-backup-20261204T000000Z.tar.gz",
    ]
