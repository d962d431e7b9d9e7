"""``manage.py load_ita_catalogue FILE [--dry-run | --yes]``: load one ITA catalogue file (YAML or JSON).

Without ``--yes`` the command only shows what the file would change (items added, removed and changed,
element by element) and writes nothing; with ``--yes`` it shows the same preview and applies it. The format
is documented in docs/ita-catalogue-format.md and checked against ita/data/catalogue.schema.json.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from prongsai.ita.catalogue_files import CatalogueFileError, Preview, apply_catalogue, preview, read_upload


def preview_lines(result: Preview) -> list[str]:
    state = "new catalogue" if result.is_new else "update of the stored catalogue"
    lines = [
        f"{result.code} (FY{result.fiscal_year}) {result.title_th}: {state}, {result.item_count} OIT items"
    ]
    lines += [f"  ~ {change}" for change in result.catalogue_changes]
    lines += [f"  + {code} {title}" for code, title in result.added]
    lines += [f"  - {code} {title}" for code, title in result.removed]
    for item in result.changed:
        lines.append(f"  ~ {item.code} {item.title}")
        lines += [f"      {change}" for change in item.changes]
    if not result.has_changes:
        lines.append("  no change")
    return lines


class Command(BaseCommand):
    help = "Preview (default or --dry-run) and apply (--yes) one ITA catalogue file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="path of the catalogue file (.yaml, .yml or .json)")
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
        group.add_argument("--yes", action="store_true", help="apply the file after showing the preview")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        try:
            upload = read_upload(path.read_bytes(), path.name, base=path.resolve().parent)
        except CatalogueFileError as exc:
            raise CommandError(str(exc)) from None
        result = preview(upload.data)
        for line in preview_lines(result):
            self.stdout.write(line)
        if not options["yes"]:
            self.stdout.write("dry run: nothing written (apply with --yes)")
            return
        catalogue = apply_catalogue(upload.data, source_file=upload.name, digest=upload.digest)
        self.stdout.write(f"applied: {catalogue.code}, {catalogue.oit_items.count()} OIT items")
