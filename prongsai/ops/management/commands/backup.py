"""``manage.py backup [--dir DIR] [--keep N]``: write one consistent archive of the database and media."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError, CommandParser

from prongsai.core.management.routine import RoutineCommand
from prongsai.ops.backup import BackupError, create_backup, prune_backups


class Command(RoutineCommand):
    help = (
        "Write prongsai-backup-<time>.tar.gz (database, media folder and a manifest with each agency's "
        "audit-chain head and every file's checksum) into BACKUP_DIR or --dir."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dir", type=Path, default=None, help="target folder (default BACKUP_DIR)")
        parser.add_argument(
            "--keep", type=int, default=None, help="then delete all but the newest N archives in the folder"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        directory: Path = options["dir"] or settings.BACKUP_DIR
        try:
            result = create_backup(directory)
            removed = prune_backups(directory, keep=options["keep"]) if options["keep"] else 0
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"{result.path}")
        self.stdout.write(f"{result.file_count} media file(s), {result.size} bytes")
        for agency in result.manifest["agencies"]:
            self.stdout.write(
                f"{agency['code']}: audit chain head #{agency['audit_seq']} {agency['audit_hash']}"
            )
        if removed:
            self.stdout.write(f"{removed} older archive(s) deleted")
