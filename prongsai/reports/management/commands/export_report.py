"""``manage.py export_report <identifier> --fiscal-year 2567 --format pdf --output report.pdf``

A document about one record names it too: ``export_report service-manual --fiscal-year 2568 --service
building-permit --format docx --output manual.docx``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser
from django_scopes import scopes_disabled

from prongsai.core.management.routine import RoutineCommand
from prongsai.core.models import Agency
from prongsai.core.tenancy import agency_scope
from prongsai.core.thai import ThaiDateError, parse_date
from prongsai.reports.registry import RENDERERS, ExportError, Params, export, exporters


class Command(RoutineCommand):
    help = "Render one registered report of an agency to a file (list them with --list)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "identifier", nargs="?", help="exporter identifier, e.g. integrity-measures-results"
        )
        parser.add_argument("--fiscal-year", type=int, help="Buddhist-era fiscal year, e.g. 2567")
        parser.add_argument("--as-of", help="data as of this date (YYYY-MM-DD or a Thai date)")
        parser.add_argument("--format", dest="fmt", choices=sorted(RENDERERS), default="pdf")
        parser.add_argument("--output", help="file to write")
        parser.add_argument(
            "--service",
            "--subject",
            dest="subject",
            default="",
            help="the record a document is about, e.g. a service's code for service-manual",
        )
        parser.add_argument("--agency", help="agency code (default: the instance's default agency)")
        parser.add_argument("--list", action="store_true", help="list the exporters and exit")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["list"] or not options["identifier"]:
            for exporter in exporters():
                formats = ",".join(exporter.formats)
                self.stdout.write(f"{exporter.identifier:<40} {formats:<16} {exporter.title}")
            return
        if not options["fiscal_year"] or not options["output"]:
            raise CommandError("--fiscal-year and --output are required")
        fiscal_year = options["fiscal_year"]
        if not 2400 <= fiscal_year <= 2700:
            raise CommandError("--fiscal-year is a Buddhist-era year such as 2567")
        as_of = None
        if options["as_of"]:
            try:
                as_of = parse_date(options["as_of"])
            except ThaiDateError as exc:
                raise CommandError(str(exc)) from None
        with scopes_disabled():
            query = Agency.objects.filter(is_active=True)
            agency = (
                query.filter(code=options["agency"]).first()
                if options["agency"]
                else query.filter(is_default=True).first()
            )
        if agency is None:
            raise CommandError("no such agency (give --agency CODE)")
        with agency_scope(agency):
            try:
                result = export(
                    agency=agency,
                    identifier=options["identifier"],
                    params=Params(fiscal_year=fiscal_year, as_of=as_of, subject=options["subject"]),
                    fmt=options["fmt"],
                )
            except ExportError as exc:
                raise CommandError(str(exc)) from None
        output = Path(options["output"])
        output.write_bytes(result.content)
        self.stdout.write(f"wrote {output} ({len(result.content):,} bytes, {result.content_type})")
