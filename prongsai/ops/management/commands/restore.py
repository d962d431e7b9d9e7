"""``manage.py restore ARCHIVE``: restore a backup into an empty instance and verify it by its manifest."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from prongsai.ops.backup import BackupError, check_archive, restore_backup


class Command(BaseCommand):
    help = (
        "Restore an archive of `manage.py backup` into an empty database and media folder, then check every "
        "file's checksum and each agency's audit-chain head against the manifest and verify every chain. "
        "Stop the web, worker and scheduler processes first; run `migrate` afterwards."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--check",
            action="store_true",
            help="only read the archive and check every checksum against its manifest (restores nothing)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        archive: Path = options["archive"]
        if not archive.is_file():
            raise CommandError(f"{archive} is not a file.")
        if options["check"]:
            try:
                manifest = check_archive(archive)
            except BackupError as exc:
                raise CommandError(str(exc)) from None
            self.stdout.write(
                f"OK: {archive} is intact ({manifest['engine']} database, {len(manifest['files'])} file(s), "
                f"made {manifest['created_at']})."
            )
            return
        try:
            result = restore_backup(archive, progress=self.stdout.write)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        for agency in result.agencies:
            self.stdout.write(
                f"OK {agency['code']}: audit chain head #{agency['audit_seq']} "
                f"{agency['audit_hash']} verified"
            )
        self.stdout.write(
            f"Restored and verified {len(result.agencies)} agency(ies), {result.file_count} file(s)."
        )
