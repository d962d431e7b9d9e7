"""``manage.py load_ita_catalogues [--replace]``: load the ITA catalogues of ita/data/ into the database."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from prongsai.ita.catalogue_files import load_all


class Command(BaseCommand):
    help = (
        "Load the versioned ITA catalogues (FY2566, FY2567 variants A and B, FY2568, FY2569). "
        "Existing catalogues are kept, with the operator's corrections, unless --replace is given."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--replace",
            action="store_true",
            help="rewrite existing catalogues from the files (discards corrections made in the admin)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        for catalogue, written in load_all(replace=options["replace"]):
            state = "loaded" if written else "kept (already present)"
            items = catalogue.oit_items.count()
            self.stdout.write(f"{catalogue.code:<8} {items:>3} OIT items  {state}")
