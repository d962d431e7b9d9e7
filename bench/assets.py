"""Government property: time to import a 10,000-item XLSX ledger and to render the stock-take report of
10,000 items.

What is measured
----------------
A throw-away SQLite database in a temporary directory is migrated and given the demo agency with its units
and one asset type. A ledger of ``--items`` rows (the columns agencies keep) is written with openpyxl, then
``services.ledger_import`` is timed twice: the preview (reading and checking every row) and the import (the
same checks, then one bulk insert and one audit event, all or nothing). Importing the same file again is
timed too (every row already on the register: nothing is added). A stock-take of that year is then appointed,
every item checked (``bulk_create``, not timed: the committee does it item by item on a phone), and the
report is built from the database and rendered to XLSX and PDF.

Nothing is asserted: the figures are for people comparing machines and commits.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def _ledger(count: int) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["ทะเบียนครุภัณฑ์ องค์การบริหารส่วนตำบลวังทอง"])
    sheet.append(
        [
            "รหัสครุภัณฑ์",
            "ชื่อ ยี่ห้อ และรุ่น",
            "วันที่ได้มา",
            "ราคาที่ได้มา (บาท)",
            "แหล่งเงิน",
            "สถานที่ตั้ง/เก็บรักษา",
            "ส่วนงานที่ดูแล",
            "สภาพ",
        ]
    )
    for n in range(1, count + 1):
        sheet.append(
            [
                f"416-66-{n:05d}",
                f"เครื่องคอมพิวเตอร์ เครื่องที่ {n}",
                f"{n % 28 + 1}/03/2566",
                "17000.00",
                "งบประมาณรายจ่ายของหน่วยงาน",
                "อาคารที่ทำการ ชั้น 1",
                "สำนักปลัด",
                "ใช้งานได้ปกติ",
            ]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _timed(label: str, work):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = work()
    print(f"  {label:<52} {time.perf_counter() - start:8.2f} s")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--items", type=int, default=10_000)
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="prongsai-bench-assets-")
    os.environ.update(
        {
            "DEBUG": "true",
            "PRONGSAI_VAR_DIR": workdir,
            "DATABASE_URL": f"sqlite:///{Path(workdir) / 'bench.sqlite3'}",
            "DJANGO_SETTINGS_MODULE": "prongsai.settings",
            "TASKS_BACKEND": "immediate",
        }
    )
    sys.path.insert(0, str(REPO_ROOT))
    import django

    django.setup()
    from datetime import date

    from django.core.management import call_command
    from django.utils import timezone
    from django_scopes import scopes_disabled

    from prongsai.assets import selectors, services
    from prongsai.assets.models import Classification, StockTakeCheck
    from prongsai.core import demo
    from prongsai.core.tenancy import agency_scope
    from prongsai.reports.registry import RENDERERS, Params, build_document

    call_command("migrate", verbosity=0)
    with scopes_disabled():
        agency = demo.create_agency()
    with agency_scope(agency):
        users = demo.create_staff_accounts(agency)
        admin = users["admin"]
        from prongsai.core import services as core_services
        from prongsai.core.models import OrgUnit

        core_services.org_unit_save(
            agency=agency, acting_user=admin, side=OrgUnit.Side.CAREER, name_th="สำนักปลัด"
        )
        services.asset_type_save(
            agency=agency,
            acting_user=admin,
            code="416",
            name_th="เครื่องคอมพิวเตอร์",
            classification=Classification.COMPUTER,
            useful_life_years=5,
        )
        content = _ledger(args.items)
        print(f"asset ledger of {args.items} items ({len(content) / 1024:.0f} KiB XLSX)")
        preview = _timed(
            "preview (read and check every row)",
            lambda: services.ledger_import(agency=agency, acting_user=admin, content=content, commit=False),
        )
        done = _timed(
            "import (check, then one bulk insert)",
            lambda: services.ledger_import(agency=agency, acting_user=admin, content=content, commit=True),
        )
        again = _timed(
            "the same file again (nothing added)",
            lambda: services.ledger_import(agency=agency, acting_user=admin, content=content, commit=True),
        )
        first = preview.problems[0].problems[0] if preview.problems else "none"
        print(f"  problems {len(preview.problems)} (first: {first}), imported {done.new}, again {again.new}")
        stocktake = services.stocktake_appoint(
            agency=agency,
            acting_user=users["executive"],
            fiscal_year=2566,
            committee=[users["committee"]],
            order_reference="1/2566",
            appointed_on=date(2023, 9, 20),
        )
        now = timezone.now()
        StockTakeCheck.objects.bulk_create(
            [
                StockTakeCheck(
                    agency=agency,
                    stocktake=stocktake,
                    asset=a,
                    result="good",
                    checked_by=users["committee"],
                    checked_at=now,
                )
                for a in selectors.stocktake_items(stocktake)
            ],
            batch_size=1000,
        )
        document = _timed(
            "stock-take report: build from the database",
            lambda: build_document(
                agency=agency, identifier="asset-stocktake", params=Params(fiscal_year=2566)
            ),
        )
        for fmt in ("xlsx", "pdf"):
            output = _timed(
                f"stock-take report: render {fmt.upper()}", lambda fmt=fmt: RENDERERS[fmt](document)
            )
            print(f"    {len(output) / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
