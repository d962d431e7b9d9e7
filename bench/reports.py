"""Time to render the seed report (integrity-measures-results, FY2567) to DOCX and to PDF.

What is measured
----------------
A throw-away SQLite database in a temporary directory is migrated and given the demo agency's FY2567
integrity measures (the seed's eight measures, their activities and results) and the ITA result they cite
-- the same data ``seed_demo`` builds. The exporter is then run through the registry exactly as
``manage.py export_report`` and the staff report page run it: build the document from the database (with
the cited scores looked up), then render it. Each format is rendered ``--repeat`` times after one warm-up
(the first Typst compile loads the fonts); the median, minimum and maximum wall-clock times are printed,
with the size of the file and, for the PDF, its page count.

Nothing is asserted: the figures are for people comparing machines and commits.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="prongsai-bench-reports-")
    os.environ.update(
        {
            "DEBUG": "true",
            "PRONGSAI_VAR_DIR": workdir,
            "DATABASE_URL": f"sqlite:///{Path(workdir) / 'bench.sqlite3'}",
            "DJANGO_SETTINGS_MODULE": "prongsai.settings",
        }
    )
    sys.path.insert(0, str(REPO_ROOT))
    import django

    django.setup()
    from decimal import Decimal

    from django.core.management import call_command
    from django_scopes import scopes_disabled

    from prongsai.core import demo
    from prongsai.core.tenancy import agency_scope
    from prongsai.ita import services as ita_services
    from prongsai.ita.catalogue_files import load_all
    from prongsai.ita.models import Catalogue
    from prongsai.planning.demo import seed_integrity_measures
    from prongsai.planning.seed_fy2567 import SEED_INDICATORS, SEED_OIT, SEED_QUESTIONS, SEED_TOTAL
    from prongsai.reports.registry import RENDERERS, Params, build_document

    call_command("migrate", verbosity=0)
    with scopes_disabled():
        agency = demo.create_agency()
    with agency_scope(agency):
        users = demo.create_staff_accounts(agency)
        admin = users["admin"]
        load_all()
        seed_integrity_measures(agency, admin)
        ita_services.result_save(
            agency=agency,
            acting_user=admin,
            fiscal_year=2567,
            catalogue=Catalogue.objects.get(code="2567-A"),
            total=Decimal(SEED_TOTAL),
            indicators={k: Decimal(v) for k, v in SEED_INDICATORS.items()},
            questions={k: Decimal(v) for k, v in SEED_QUESTIONS.items()},
            oit={k: Decimal(v) for k, v in SEED_OIT.items()},
        )
        params = Params(fiscal_year=2567)
        print(f"seed report integrity-measures-results FY2567, {args.repeat} runs per format after a warm-up")
        for fmt in ("docx", "pdf"):
            timings = []
            content = b""
            for run in range(args.repeat + 1):
                start = time.perf_counter()
                document = build_document(
                    agency=agency, identifier="integrity-measures-results", params=params
                )
                content = RENDERERS[fmt](document)
                elapsed = time.perf_counter() - start
                if run:
                    timings.append(elapsed)
            extra = ""
            if fmt == "pdf":
                import pypdfium2

                extra = f", {len(pypdfium2.PdfDocument(content))} pages"
            print(
                f"  {fmt.upper():<5} median {statistics.median(timings) * 1000:7.1f} ms"
                f"  (min {min(timings) * 1000:.1f}, max {max(timings) * 1000:.1f})"
                f"  {len(content) / 1024:.0f} KiB{extra}"
            )
        start = time.perf_counter()
        for _ in range(args.repeat):
            build_document(agency=agency, identifier="integrity-measures-results", params=params)
        build_ms = (time.perf_counter() - start) / args.repeat * 1000
        print(f"  of which building the document from the database: {build_ms:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
