"""Demo data of the E-Service: the catalogue of อบต.วังทอง and 18 months of requests (relative to now) in
every state — walk-in and online, on time and late, with missing documents, approved, rejected, still open —
so the statistics and charts have shape. Everything is built through the services, like real work."""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from prongsai.core.demo import DemoContext
from prongsai.core.models import Agency, User
from prongsai.core.thai import BANGKOK
from prongsai.core.workdays import WorkCalendar

from . import clock, schedule, services
from .demo_catalogue import create_catalogue
from .models import Channel, Service, ServiceRequest

MONTHS_BACK = 18
# Average requests per month of each service, and the months (1-12) when they peak.
VOLUME = {
    "building-permit": (2.0, {1, 2, 3, 11, 12}),
    "elderly-allowance": (2.5, {8, 9, 10, 11}),
    "disability-allowance": (1.0, set()),
    "official-information": (1.0, set()),
    "water-supply": (1.5, {3, 4, 5}),
    "land-building-tax": (3.0, {2, 3, 4}),
    "garbage-collection": (1.5, set()),
}
FIRST = ["สมชาย", "สมหญิง", "บุญมี", "ประยูร", "สุดา", "วันดี", "ทองใบ", "คำปุ่น", "มาลี", "สมปอง", "จันทร์เพ็ญ", "ณรงค์"]
LAST = ["ใจงาม", "ศรีสุข", "ทองมา", "แก้วดี", "บุญเรือง", "พรมมา", "สายทอง", "ภูมิใจ", "คำแก้ว", "ดวงจันทร์"]
# Valid (check-digit) demo citizen IDs; invented, not anyone's.
DEMO_IDS = ["1360400012346", "3360400123454", "1101700203450", "3360400234566", "1360400045678"]
DOCUMENT_NOTES = [
    "ขอสำเนาทะเบียนบ้านที่รับรองสำเนาถูกต้อง 1 ชุด",
    "ขอสำเนาโฉนดที่ดินให้ครบทุกหน้า",
    "ขอหนังสือยินยอมของเจ้าของที่ดินพร้อมสำเนาบัตรประจำตัวประชาชนของเจ้าของที่ดิน",
]


def _answers(service: Service, rng: random.Random) -> dict[str, object]:
    values: dict[str, object] = {}
    for spec in service.form_fields:
        kind = spec["kind"]
        if kind == "file" or (not spec.get("required") and rng.random() < 0.5):
            continue
        if kind == "thai_id":
            values[spec["name"]] = rng.choice(DEMO_IDS)
        elif kind == "choice":
            values[spec["name"]] = rng.choice(spec["choices"])[0]
        elif kind == "number":
            values[spec["name"]] = str(rng.randint(2, 240))
        elif kind == "date":
            values[spec["name"]] = date(
                1962 + rng.randint(0, 5), rng.randint(1, 12), rng.randint(1, 28)
            ).isoformat()
        elif kind == "address":
            values[spec["name"]] = (
                f"{rng.randint(1, 199)} หมู่ที่ {rng.randint(1, 12)} ตำบลวังทอง อำเภอภักดีชุมพล จังหวัดชัยภูมิ 36260"
            )
        elif kind == "phone":
            values[spec["name"]] = f"08{rng.randint(1, 9)}-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}"
        else:
            values[spec["name"]] = f"{rng.randint(1000, 99999)}"
    return values


def _month_starts(now: datetime) -> list[date]:
    first = date(now.year, now.month, 1)
    months = []
    for back in range(MONTHS_BACK, -1, -1):
        y, m = first.year, first.month - back
        while m <= 0:
            y, m = y - 1, m + 12
        months.append(date(y, m, 1))
    return months


def _poisson(rng: random.Random, mean: float) -> int:
    # Knuth's method; small means only.
    limit, k, p = pow(2.718281828, -mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def _receipt_moment(rng: random.Random, cal: WorkCalendar, month: date, now: datetime) -> datetime | None:
    for _attempt in range(10):
        day = month + timedelta(days=rng.randint(0, 27))
        if not cal.is_working_day(day) and rng.random() < 0.85:
            continue  # a few online requests arrive at weekends
        moment = datetime.combine(
            day, time(rng.randint(8, 15), rng.choice([0, 10, 20, 30, 40, 50])), tzinfo=BANGKOK
        )
        if moment < now - timedelta(hours=2):
            return moment
    return None


def _advance(
    req: ServiceRequest, rng: random.Random, cal: WorkCalendar, now: datetime, officer: User, head: User
) -> None:
    """Move a request through its steps at plausible moments, stopping at whatever lies in the future."""
    agency = req.agency
    late = rng.random() < 0.14
    moment = req.received_at
    steps = list(req.steps.order_by("order"))
    for index, step in enumerate(steps):
        factor = rng.uniform(1.1, 1.8) if late and index == len(steps) - 1 else rng.uniform(0.25, 0.95)
        value = max(1, round(step.duration_value * factor))
        target = schedule.step_deadline(agency, moment, value, step.duration_unit, calendar=cal)
        target -= timedelta(minutes=rng.randint(0, 90))
        target = max(target, moment + timedelta(minutes=20))
        if index == 0 and rng.random() < 0.1:
            asked = moment + timedelta(hours=rng.randint(1, 4))
            if asked >= now:
                return
            req = services.request_ask_documents(
                request=req, acting_user=officer, note=rng.choice(DOCUMENT_NOTES), at=asked
            )
            received = schedule.step_deadline(agency, asked, rng.randint(1, 8), "days", calendar=cal)
            if received >= now:
                return
            req = services.request_receive_documents(request=req, acting_user=officer, at=received)
            moment = received
            target = max(target, received + timedelta(hours=2))
        if target >= now:
            if (
                index == 0
                and req.status == "received"
                and rng.random() < 0.6
                and moment + timedelta(hours=1) < now
            ):
                services.request_assign(request=req, acting_user=officer, assignee=officer)
            return
        if index < len(steps) - 1:
            req = services.request_complete_step(request=req, acting_user=officer, note="", at=target)
        elif rng.random() < 0.08:
            req = services.request_reject(
                request=req, acting_user=head, reason="คุณสมบัติไม่ครบตามหลักเกณฑ์ที่กำหนด", at=target
            )
        else:
            req = services.request_approve(request=req, acting_user=head, reason="", at=target)
        moment = target
    if rng.random() < 0.45:
        answered = moment + timedelta(days=rng.randint(0, 5), hours=rng.randint(1, 6))
        if answered < now:
            good = rng.random() < 0.85
            scores = [rng.randint(4, 5) if good else rng.randint(2, 4) for _ in range(4)]
            services.satisfaction_submit(
                request=req,
                speed=scores[0],
                staff=scores[1],
                clarity=scores[2],
                overall=scores[3],
                at=answered,
            )


def create_history(
    agency: Agency, catalogue: dict[str, Service], officer: User, head: User, *, seed: int = 2567
) -> int:
    """Requests over the last 18 months; returns how many were made."""
    rng = random.Random(seed)  # noqa: S311 - demo data, reproducible on purpose
    now = clock.now()
    cal = WorkCalendar(agency)
    months = _month_starts(now)
    made = 0
    for m_index, month in enumerate(months):
        # The share of online requests grows as citizens learn of the E-Service.
        online_share = 0.2 + 0.4 * m_index / max(len(months) - 1, 1)
        for code, (mean, peaks) in VOLUME.items():
            service = catalogue.get(code)
            if service is None:
                continue
            for _ in range(_poisson(rng, mean * (2.0 if month.month in peaks else 1.0))):
                received = _receipt_moment(rng, cal, month, now)
                if received is None:
                    continue
                online = rng.random() < online_share
                name = f"{rng.choice(['นาย', 'นาง', 'นางสาว'])}{rng.choice(FIRST)} {rng.choice(LAST)}"
                submission = services.request_submit(
                    agency=agency,
                    service=service,
                    channel=Channel.ESERVICE if online else Channel.WALK_IN,
                    applicant=services.Applicant(
                        name=name,
                        phone=f"08{rng.randint(1, 9)}-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}",
                        email=f"citizen{made}@example.com" if online and rng.random() < 0.3 else "",
                    ),
                    answers=_answers(service, rng),
                    files=[],
                    idempotency_key=uuid.UUID(int=rng.getrandbits(128)),
                    acting_user=None if online else officer,
                    at=received,
                )
                _advance(submission.request, rng, cal, now, officer, head)
                made += 1
    made += _open_cases(agency, catalogue, officer, cal, now)
    services.send_due_progress_notices(agency=agency, at=now)
    return made


def _open_cases(
    agency: Agency, catalogue: dict[str, Service], officer: User, cal: WorkCalendar, now: datetime
) -> int:
    """Requests that are open right now, one in each state, so the queues show every case."""

    def back(days: int) -> datetime:
        day = now.astimezone(BANGKOK).date()
        while days > 0:
            day -= timedelta(days=1)
            if cal.is_working_day(day):
                days -= 1
        return datetime.combine(day, time(9, 15), tzinfo=BANGKOK)

    def submit(code: str, channel: str, at: datetime, name: str) -> ServiceRequest | None:
        service = catalogue.get(code)
        if service is None:
            return None
        rng = random.Random(name)  # noqa: S311 - demo data
        return services.request_submit(
            agency=agency,
            service=service,
            channel=channel,
            applicant=services.Applicant(name=name, phone="081-234-5678", email="applicant@example.com"),
            answers=_answers(service, rng),
            files=[],
            idempotency_key=uuid.uuid5(uuid.NAMESPACE_URL, f"demo:{agency.code}:{name}"),
            acting_user=officer if channel == Channel.WALK_IN else None,
            at=min(at, now - timedelta(minutes=5)),
        ).request

    count = 0
    # Just received online, nobody has taken it yet.
    if submit("garbage-collection", Channel.ESERVICE, back(0), "นางสาวมาลี ใจงาม"):
        count += 1
    # Recorded at the counter today.
    if submit("elderly-allowance", Channel.WALK_IN, back(0), "นายทองใบ แก้วดี"):
        count += 1
    # In progress, on time, second step.
    req = submit("water-supply", Channel.ESERVICE, back(2), "นายสมปอง ภูมิใจ")
    if req:
        req = services.request_assign(
            request=req, acting_user=officer, assignee=officer, at=back(2) + timedelta(hours=1)
        )
        services.request_complete_step(request=req, acting_user=officer, note="เอกสารครบถ้วน", at=back(1))
        count += 1
    # Waiting for the applicant's documents: the clock is stopped.
    req = submit("building-permit", Channel.WALK_IN, back(3), "นายณรงค์ สายทอง")
    if req:
        services.request_ask_documents(
            request=req, acting_user=officer, note=DOCUMENT_NOTES[1], at=back(3) + timedelta(hours=3)
        )
        count += 1
    # Late: stuck in its second step long past the manual's time; progress notices go out every 7 days.
    req = submit("disability-allowance", Channel.ESERVICE, back(25), "นางวันดี คำแก้ว")
    if req:
        services.request_complete_step(request=req, acting_user=officer, note="", at=back(24))
        count += 1
    req = submit("official-information", Channel.ESERVICE, back(20), "นายบุญมี ทองมา")
    if req:
        services.request_send_progress_notice(request=req, at=back(12))
        count += 1
    return count


def seed(context: DemoContext) -> None:
    """The catalogue and its request history for the demo agency."""
    catalogue = create_catalogue(context.agency, context.admin)
    officer = context.users.get("officer", context.admin)
    head = context.users.get("head", context.admin)
    made = create_history(context.agency, catalogue, officer, head)
    context.notes.append(f"E-Service: {len(catalogue)} services, {made} requests over {MONTHS_BACK} months")
    seed_line(context.agency, context.admin, officer)


# Made-up credentials of the demo LINE Official Account. In development LINE_API_BASE points at a closed local
# port (settings.py), so nothing is ever sent to LINE: pushes stay in the outbox, retried, then failed.
DEMO_LINE_TOKEN = "demo-channel-access-token-not-a-real-one"  # noqa: S105 - demo only, reaches no server
DEMO_LINE_SECRET = "0123456789abcdef0123456789abcdef"  # noqa: S105 - demo only
DEMO_LINE_USER = "U" + "d" * 32  # a citizen's LINE user id (LINE ids are U + 32 hex digits)
DEMO_LINE_STAFF = "U" + "e" * 32


def seed_line(agency: Agency, admin: User, officer: User) -> None:
    """The agency's LINE channel, a citizen following an open request on LINE (as if they had sent its
    tracking code to the account), and the officer receiving their queue alerts on LINE."""
    from prongsai.core.models import StaffLineLink
    from prongsai.core.services_line import line_channel_save, line_link

    line_channel_save(
        agency=agency,
        acting_user=admin,
        basic_id="@wangthong",
        token=DEMO_LINE_TOKEN,
        secret=DEMO_LINE_SECRET,
    )
    followed = (
        ServiceRequest.objects.filter(agency=agency, channel=Channel.ESERVICE, completed_at__isnull=True)
        .order_by("-received_at")
        .first()
    )
    if followed is not None:
        line_link(agency=agency, line_user_id=DEMO_LINE_USER, code=followed.tracking_code)
    # What linking from /staff/line/me/ leaves behind (the one-time code itself needs a phone).
    StaffLineLink.objects.create(
        agency=agency,
        user=officer,
        line_user_id=DEMO_LINE_STAFF,
        linked_at=timezone.now(),
        news_seen_until=timezone.now(),
    )
