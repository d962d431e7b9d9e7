"""Figures of the citizen channels (Q&A board, complaints): how long the work behind each request takes.

What is measured, on a throw-away database (SQLite in a temporary directory unless ``--database-url``):

* filing a complaint through the service, with one phone photo (checked, re-encoded without metadata,
  stored) and without a photo: the work behind the public form's POST;
* a whole handling of one complaint (accept, start, resolve with one evidence photo);
* answering a question (which segments the Thai text and indexes it for search);
* the public statistics of a fiscal year holding ``--complaints`` complaints (one grouped query);
* the board's Thai search among ``--questions`` answered questions.

Each figure is the median and the 90th percentile of several runs, in milliseconds, printed; nothing is
asserted. Figures depend on the machine and on other load; compare them between commits on one machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from datetime import time as time_of_day
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))


def _setup(database_url: str | None, var_dir: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prongsai.settings")
    os.environ["DEBUG"] = "true"
    os.environ["PRONGSAI_VAR_DIR"] = var_dir
    os.environ["TASKS_BACKEND"] = "immediate"
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _timed(label: str, runs: int, work: Callable[[int], object]) -> None:
    samples = []
    for number in range(runs):
        start = time.perf_counter()
        work(number)
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    p90 = samples[max(0, int(len(samples) * 0.9) - 1)]
    print(f"{label:<72} median {statistics.median(samples):8.1f} ms   p90 {p90:8.1f} ms   (n={runs})")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--database-url", help="e.g. postgres://postgres@127.0.0.1:5432/prongsai_bench (emptied!)"
    )
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--complaints", type=int, default=10_000)
    parser.add_argument("--questions", type=int, default=5_000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="prongsai-bench-") as var_dir:
        _setup(args.database_url, var_dir)
        from django.core.files.uploadedfile import SimpleUploadedFile
        from django.db import transaction
        from django.urls import reverse
        from django.utils import timezone
        from django_scopes import scopes_disabled

        from prongsai.complaints import selectors as complaint_selectors
        from prongsai.complaints import services as complaint_services
        from prongsai.complaints.models import Complaint
        from prongsai.core.demo_images import activity_photo_jpeg
        from prongsai.core.models import Agency, OrgUnit, User
        from prongsai.core.search import index_document
        from prongsai.core.tenancy import agency_scope
        from prongsai.core.thai import BANGKOK, fiscal_year, fiscal_year_range
        from prongsai.core.tracking import new_tracking_code
        from prongsai.engagement import selectors as qa_selectors
        from prongsai.engagement import services as qa_services
        from prongsai.engagement.models import Question

        with scopes_disabled():
            Agency.objects.filter(code="bench").delete()
            agency = Agency.objects.create(
                code="bench", name_th="องค์การบริหารส่วนตำบลทดสอบ", kind="sao", province="ชัยภูมิ"
            )
        officer = User.objects.create_user(username=f"bench-{uuid.uuid4().hex[:8]}", password="x" * 12)
        photo_bytes = activity_photo_jpeg(1, with_gps=True)
        print(f"Database: {os.environ.get('DATABASE_URL', 'SQLite (temporary)')}")

        with agency_scope(agency):
            unit = OrgUnit.objects.create(agency=agency, side="career", name_th="กองช่าง")
            category = complaint_services.category_save(
                agency=agency, acting_user=officer, name_th="ไฟฟ้าส่องสว่างสาธารณะ", default_unit=unit
            )

            def submit(with_photo: bool) -> Complaint:
                photos = [SimpleUploadedFile("IMG.jpg", photo_bytes, "image/jpeg")] if with_photo else []
                complaint, _new = complaint_services.complaint_submit(
                    agency=agency,
                    idempotency_key=uuid.uuid4(),
                    category=category,
                    subject="ไฟถนนดับหน้าโรงเรียน",
                    description="ไฟส่องสว่างดับสามต้นติดกันมาหนึ่งสัปดาห์",
                    location_address="หมู่ที่ 1",
                    photos=photos,
                )
                return complaint

            _timed(
                "complaint_submit, one 960x640 phone photo (GPS removed)", args.runs, lambda n: submit(True)
            )
            _timed("complaint_submit, text only", args.runs, lambda n: submit(False))

            def handle(_n: int) -> None:
                complaint = submit(False)
                complaint_services.complaint_accept(complaint=complaint, acting_user=officer)
                complaint_services.complaint_start(complaint=complaint, acting_user=officer)
                evidence = SimpleUploadedFile("after.jpg", photo_bytes, "image/jpeg")
                complaint_services.complaint_resolve(
                    complaint=complaint, acting_user=officer, closing_note="แล้วเสร็จ", evidence=[evidence]
                )

            _timed("submit + accept + start + resolve with one evidence photo", args.runs, handle)

            def answer(_n: int) -> None:
                question, _new = qa_services.question_submit(
                    agency=agency,
                    idempotency_key=uuid.uuid4(),
                    title="ขั้นตอนการขออนุญาตก่อสร้างอาคาร",
                    body="จะสร้างบ้านชั้นเดียวต้องใช้เอกสารอะไรบ้าง",
                )
                qa_services.question_answer(
                    question=question,
                    acting_user=officer,
                    answer="ยื่นคำขออนุญาตก่อสร้างอาคารที่กองช่าง พร้อมสำเนาโฉนดที่ดินและแบบแปลนอาคาร 5 ชุด",
                )

            _timed("question_submit + question_answer (Thai segmentation, search index)", args.runs, answer)

            # Volume for the reads, written in bulk (the services were timed above): complaints spread over
            # the last complete fiscal year; answered questions indexed as question_answer indexes them.
            year = fiscal_year(timezone.localdate()) - 1
            first_day, _last_day = fiscal_year_range(year)
            start = datetime.combine(first_day, time_of_day(9, 0), tzinfo=BANGKOK)
            statuses = [
                "received",
                "accepted",
                "in_progress",
                "resolved",
                "resolved",
                "resolved",
                "rejected",
                "forwarded",
            ]
            rows = []
            for number in range(args.complaints):
                received = start + timedelta(days=number % 364, hours=number % 8)
                status = statuses[number % len(statuses)]
                closed = status in {"resolved", "rejected", "forwarded"}
                rows.append(
                    Complaint(
                        agency=agency,
                        tracking_code=new_tracking_code(),
                        idempotency_key=uuid.uuid4(),
                        category=category,
                        unit=unit,
                        status=status,
                        subject="ไฟถนนดับ",
                        received_at=received,
                        ack_due=received + timedelta(days=3),
                        resolve_due=received + timedelta(days=15),
                        closed_at=received + timedelta(days=number % 20) if closed else None,
                    )
                )
            with transaction.atomic():
                Complaint.objects.bulk_create(rows, batch_size=1000)
            total = complaint_selectors.complaint_statistics(agency, year).total.received
            _timed(
                f"complaint_statistics of FY{year} ({total:,} complaints)",
                args.runs,
                lambda n: complaint_selectors.complaint_statistics(agency, year),
            )

            answered = [
                Question(
                    agency=agency,
                    tracking_code=new_tracking_code(),
                    idempotency_key=uuid.uuid4(),
                    title=f"คำถามเรื่องภาษีที่ดินและสิ่งปลูกสร้าง ฉบับที่ {number}",
                    body="ต้องชำระภาษีภายในเดือนใดและชำระที่ไหน",
                    status=Question.Status.ANSWERED,
                    answer="ชำระได้ที่กองคลังภายในเดือนเมษายนของทุกปี" if number % 2 else "สอบถามงานจัดเก็บรายได้",
                    answered_at=timezone.now(),
                )
                for number in range(args.questions)
            ]
            with transaction.atomic():
                for question in Question.objects.bulk_create(answered, batch_size=500):
                    index_document(
                        agency=agency,
                        record=question,
                        url=reverse("engagement:question_detail", args=[question.public_id]),
                        title=question.title,
                        body=f"{question.body}\n{question.answer}",
                        summary=question.answer,
                        published_at=question.answered_at,
                    )
            _timed(
                f"Q&A board search 'กองคลัง' among {args.questions:,} answered questions",
                args.runs,
                lambda n: qa_selectors.search_questions(agency, "กองคลัง"),
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
