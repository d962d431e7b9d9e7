"""``manage.py simulate_agencies N [--years 5] [--clear] [--force]``: agencies for measuring at scale."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from prongsai.ops import simulation


class Command(BaseCommand):
    help = (
        "Create N simulated agencies (codes sim-00001 …) with years of realistic data in bulk, for "
        "benchmarks (ADR 0105). Tops up: agencies of an earlier run are kept. Never on a site with real "
        "agencies unless --force."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "count", type=int, nargs="?", default=None, help="how many simulated agencies in all"
        )
        parser.add_argument(
            "--years", type=int, default=5, help="fiscal years of data, up to the current one"
        )
        parser.add_argument("--batch", type=int, default=25, help="agencies per transaction (default 25)")
        parser.add_argument("--clear", action="store_true", help="remove every simulated agency first")
        parser.add_argument(
            "--force",
            action="store_true",
            help="run although the database holds real (non-simulated) agencies",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        count, years = options["count"], options["years"]
        if count is None and not options["clear"]:
            raise CommandError(
                "Give the number of agencies (for example: simulate_agencies 100), or --clear."
            )
        if count is not None and count < 0:
            raise CommandError("The number of agencies cannot be negative.")
        if not 1 <= years <= 10:
            raise CommandError("--years must be between 1 and 10.")
        if options["batch"] < 1:
            raise CommandError("--batch must be at least 1.")
        real = simulation.real_agencies().count()
        if real and not options["force"]:
            raise CommandError(
                f"This database holds {real} real agencies; simulated agencies would mix with them. "
                "Use a throw-away database, or --force if that is really meant."
            )
        if options["clear"]:
            removed = simulation.clear()
            total = sum(removed.values())
            self.stdout.write(
                f"Removed the simulated agencies: {removed.get('core.Agency', 0)} agencies, {total} rows."
            )
        if not count:
            return

        def progress(done: int, total: int, seconds: float) -> None:
            if done == total or done % max(options["batch"] * 4, 1) == 0:
                rate = done / seconds if seconds else 0.0
                self.stdout.write(f"  {done}/{total} agencies, {seconds:.1f} s ({rate:.1f} agencies/s)")

        outcome = simulation.simulate(
            simulation.Run(count=count, years=years, batch=options["batch"]), progress=progress
        )
        if outcome.created == 0:
            self.stdout.write(f"{outcome.existing} simulated agencies already exist; nothing to add.")
            return
        rate = outcome.total_rows / outcome.seconds if outcome.seconds else 0.0
        self.stdout.write(
            self.style.SUCCESS(
                f"Simulated {outcome.created} agencies ({outcome.existing} already there), "
                f"{outcome.total_rows} rows in {outcome.seconds:.1f} s ({rate:,.0f} rows/s)."
            )
        )
        for label, rows in sorted(outcome.rows.items(), key=lambda item: -item[1]):
            self.stdout.write(f"  {label:<34} {rows:>12,}")
