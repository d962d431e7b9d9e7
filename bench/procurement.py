"""Procurement figures: importing 100,000 e-GP register rows, and building a fiscal year's OCDS package.

What is measured
----------------
A throw-away instance (SQLite in a temporary directory unless ``--database-url`` is given) is migrated and
gets one agency. An e-GP-style CSV is generated: ``--rows`` rows (100,000 by default) over fiscal years
2566–2568, about 2,000 vendors with valid 13-digit IDs, Buddhist-era short dates ("15 ม.ค. 67"), amounts
with thousands separators and some Thai digits. Then, timed with ``time.perf_counter()``:

1. upload + preview: storing the file and checking every row (what the background task does);
2. commit: writing every row in one transaction (bulk inserts);
3. re-import of the same rows in another file: checked and committed, nothing changes;
4. publication of every row (the auditor's gate switched off for the benchmark);
5. the OCDS release package of the largest fiscal year, built and serialised to JSON, as
   ``/procurement/ocds/<year>.json`` serves it.

Nothing is asserted; the figures are printed. The exit status is non-zero only if a step fails.

The goals are in seconds, and machines differ (the same code measured 6 s and 10–11 s for step 4 on two
sessions' machines of the same kind). So the run also times a reference that involves none of our code,
reading the generated CSV with Python's ``csv`` module and writing each row back as JSON, and prints each
step's time as a multiple of it: those multiples compare across machines where the seconds do not.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
THAI_MONTHS = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def check_digit(first_twelve: str) -> str:
    total = sum(int(d) * (13 - i) for i, d in enumerate(first_twelve))
    return str((11 - total % 11) % 10)


def thai_short(year: int, month: int, day: int) -> str:
    return f"{day} {THAI_MONTHS[month - 1]} {(year + 543) % 100:02d}"


def generate(rows: int, seed: int = 2567) -> bytes:
    rnd = random.Random(seed)
    vendors = []
    for index in range(2000):
        first = (
            f"0{rnd.randrange(10**10, 10**11):011d}"[:12] if index % 10 else f"3{rnd.randrange(10**11):011d}"
        )
        vendors.append((first + check_digit(first), f"ห้างหุ้นส่วนจำกัด ผู้ประกอบการทดสอบ {index}"))
    methods = ["e-bidding", "เฉพาะเจาะจง", "เฉพาะเจาะจง", "เฉพาะเจาะจง", "คัดเลือก", "e-market"]
    statuses = ["สิ้นสุดระยะสัญญา", "อยู่ระหว่างระยะสัญญา", "สิ้นสุดระยะสัญญา"]
    works = [
        "จัดซื้อวัสดุสำนักงาน",
        "จ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ {n}",
        "จัดซื้อน้ำมันเชื้อเพลิง",
        "จัดซื้ออาหารเสริม (นม)",
        "จ้างซ่อมแซมรถบรรทุกขยะ",
        "จัดซื้อวัสดุไฟฟ้าและวิทยุ",
    ]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["รายงานผลการจัดซื้อจัดจ้างจากระบบ e-GP"])
    writer.writerow(
        [
            "เลขที่โครงการ",
            "งานที่ซื้อหรือจ้าง",
            "วงเงินงบประมาณที่ได้รับจัดสรร (บาท)",
            "แหล่งที่มาของงบประมาณ",
            "สถานะการจัดซื้อจัดจ้าง",
            "วิธีการจัดซื้อจัดจ้าง",
            "ราคากลาง (บาท)",
            "ราคาที่ตกลงซื้อหรือจ้าง (บาท)",
            "เลขประจำตัวผู้เสียภาษี",
            "รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก",
            "เลขที่สัญญา",
            "วันที่ลงนามในสัญญา",
            "วันสิ้นสุดสัญญา",
        ]
    )
    for number in range(rows):
        fy = 2566 + number % 3
        month = rnd.randrange(1, 13)
        year = fy - 543 - (1 if month >= 10 else 0)
        day = rnd.randrange(1, 28)
        budget = rnd.randrange(5, 3000) * 1000
        agreed = budget - rnd.randrange(0, budget // 10 + 1)
        tax_id, name = rnd.choice(vendors)
        signed = thai_short(year, month, day)
        if number % 7 == 0:
            signed = signed.translate(TO_THAI)
        end_month = month % 12 + 1
        writer.writerow(
            [
                f"{fy % 100}{number:09d}",
                rnd.choice(works).format(n=rnd.randrange(1, 13)),
                f"{budget:,.2f}",
                "เงินงบประมาณรายจ่ายประจำปี",
                rnd.choice(statuses),
                rnd.choice(methods),
                f"{budget:,.2f}",
                f"{agreed:,.2f}",
                tax_id,
                name,
                f"{number}/{fy}",
                signed,
                thai_short(year + (1 if end_month < month else 0), end_month, day),
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _reference_seconds(content: bytes) -> float:
    """The best of three runs of work of the same shape as an import, in Python alone, for the multiples."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for row in csv.reader(io.StringIO(content.decode("utf-8-sig"))):
            json.dumps(row, ensure_ascii=False)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="10,000 rows (a smoke run)")
    parser.add_argument("--database-url", default="", help="e.g. postgres://postgres@127.0.0.1:5432/bench")
    parser.add_argument(
        "--profile",
        default="",
        metavar="DIR",
        help="write a pyinstrument profile of each step to DIR (pip install pyinstrument first)",
    )
    args = parser.parse_args()
    rows = 10_000 if args.quick else args.rows

    workdir = Path(tempfile.mkdtemp(prefix="prongsai-bench-procurement-"))
    os.environ.update({"PRONGSAI_VAR_DIR": str(workdir), "DEBUG": "true", "TASKS_BACKEND": "immediate"})
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prongsai.settings")
    sys.path.insert(0, str(REPO_ROOT))
    import django

    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.db import connection
    from django_scopes import scopes_disabled

    from prongsai.core.models import Agency, User
    from prongsai.core.tenancy import agency_scope
    from prongsai.procurement import ocds, selectors, services, services_import
    from prongsai.procurement.models import ImportBatch, Procurement

    call_command("migrate", verbosity=0)
    with scopes_disabled():
        agency = Agency.objects.create(
            code="bench", name_th="องค์การบริหารส่วนตำบลทดสอบ", kind="sao", province="ชัยภูมิ"
        )
    user = User.objects.create_user(username="bench", password="x" * 12)
    print(f"database: {connection.vendor}; rows: {rows:,}")

    started = time.perf_counter()
    content = generate(rows)
    print(
        f"generated an e-GP-style CSV of {len(content) / 1e6:.1f} MB in {time.perf_counter() - started:.1f} s"
    )

    reference = _reference_seconds(content)
    print(
        "reference (Python alone: the CSV read by the csv module, each row written as JSON): "
        f"{reference:.2f} s; each step below also as a multiple of it (×)"
    )

    profile_dir = Path(args.profile) if args.profile else None

    @contextlib.contextmanager
    def step(name: str) -> Iterator[dict[str, float]]:
        """Time a step; with --profile, also write its pyinstrument profile (text and HTML)."""
        timing: dict[str, float] = {}
        profiler = None
        if profile_dir is not None:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.005)
            profiler.start()
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            yield timing
        finally:
            timing["s"] = time.perf_counter() - t0
            # This process's CPU time: on a machine shared with other work, steadier than the wall clock.
            timing["cpu"] = time.process_time() - c0
            if profiler is not None and profile_dir is not None:
                profiler.stop()
                profile_dir.mkdir(parents=True, exist_ok=True)
                stem = profile_dir / f"{rows}-{name}"
                stem.with_suffix(".txt").write_text(profiler.output_text(unicode=True, show_all=False))
                stem.with_suffix(".html").write_text(profiler.output_html())

    def cpu(*timings: dict[str, float]) -> str:
        return f"CPU {sum(t['cpu'] for t in timings):.1f} s"

    def import_file(
        data: bytes, name: str, label: str
    ) -> tuple[ImportBatch, dict[str, float], dict[str, float]]:
        # With the immediate task backend, the upload runs the validation task and the commit request runs
        # the commit task, as a worker would: each is timed once.
        with step(f"{label}-preview") as preview:
            batch = services_import.import_upload(
                agency=agency, acting_user=user, upload=SimpleUploadedFile(name, data)
            ).batch
            batch.refresh_from_db()
        if batch.status != ImportBatch.Status.READY:
            first = list(batch.problems.values_list("message", flat=True)[:3])
            raise SystemExit(f"the file has {batch.problem_count} problems: {first}")
        with step(f"{label}-commit") as commit:
            services_import.import_commit_request(batch=batch, acting_user=user)
            batch.refresh_from_db()
        if batch.status != ImportBatch.Status.COMMITTED:
            raise SystemExit(f"the commit ended in {batch.status}: {batch.last_error}")
        return batch, preview, commit

    with agency_scope(agency):
        batch, preview, commit = import_file(content, "egp.csv", "import")
        total = preview["s"] + commit["s"]
        print(
            f"import of {rows:,} rows: preview {preview['s']:.1f} s + commit {commit['s']:.1f} s = "
            f"{total:.1f} s = {total / reference:.1f}× ({rows / total:,.0f} rows/s; {cpu(preview, commit)}); "
            f"created {batch.new_count:,}"
        )
        again, preview2, commit2 = import_file(b"\n" + content, "egp-again.csv", "reimport")
        print(
            f"re-import of the same rows: preview {preview2['s']:.1f} s + commit {commit2['s']:.1f} s = "
            f"{preview2['s'] + commit2['s']:.1f} s = {(preview2['s'] + commit2['s']) / reference:.1f}× "
            f"({cpu(preview2, commit2)}); new {again.new_count}, "
            f"changed {again.changed_count}, unchanged {again.unchanged_count:,}"
        )

        # A prefix as an agency registers its own (ADR 0120); without one no OCDS is published.
        services.settings_update(
            agency=agency,
            acting_user=user,
            values={},
            ocid_prefix="ocds-bench0-bench",
            require_review_before_publication=False,
        )
        with step("publish") as published:
            ids = list(Procurement.objects.filter(agency=agency).values_list("pk", flat=True))
            result = services.procurement_publish_many(agency=agency, acting_user=user, ids=ids)
        print(
            f"publication of {result.published:,} rows: {published['s']:.1f} s = "
            f"{published['s'] / reference:.1f}× ({cpu(published)})"
        )

        year = max(
            selectors.fiscal_years(agency), key=lambda fy: Procurement.objects.filter(fiscal_year=fy).count()
        )
        publisher = ocds.Publisher(
            agency=agency, prefix=selectors.ocid_prefix(agency).value, base_url="https://bench.example"
        )
        with step("ocds") as built:
            size = releases = 0
            for chunk in ocds.release_package_chunks(
                publisher, ocds.year_rows(agency, year), uri="https://bench.example/y.json"
            ):
                size += len(chunk.encode())
                releases += chunk.count('"ocid":')
        print(
            f"OCDS release package of fiscal year {year}: {releases:,} releases, "
            f"{size / 1e6:.1f} MB, streamed in {built['s']:.1f} s = {built['s'] / reference:.1f}× "
            f"({cpu(built)})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
