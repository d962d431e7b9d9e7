"""Many simulated agencies with years of realistic data, written in bulk (``manage.py simulate_agencies``).

Why it bypasses the services (ADR 0105): a service writes one row, checks it against locked state, audits
it and outdates the agency's pages; at the national scale (7,850 agencies, five years, some forty million
rows) that is days of work. The simulation is a loader, like ``restore``: it writes rows that the services
could have written, through ``ops.bulkcopy`` (PostgreSQL ``COPY``), one transaction per batch of agencies.
What it still keeps:

* every row carries its agency (the tenant column) and every per-agency unique value is unique;
* public ids are random UUIDs and tracking codes come from ``core.tracking`` (never from the seeded
  random generator that chooses the content), so nothing public can be guessed;
* each simulated agency's audit chain holds one verified entry, ``ops.simulated``, that says the agency
  and its data were simulated and how much was written; ``verify_audit`` passes;
* simulated agencies are recognised by their code (``sim-NNNNN``) and their staff by their user name,
  so they can be topped up or removed without touching a real agency.

What it leaves out: revisions of published records (their revision count is 0), the search index, files
and notifications -- none of which the measured pages read.
"""

from __future__ import annotations

import random
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.db import connection, models, transaction
from django.utils import timezone
from django_scopes import scopes_disabled

from prongsai.core.audit import GENESIS_HASH, compute_hash
from prongsai.core.models import (
    Agency,
    AgencyHost,
    AuditEvent,
    AuditHead,
    Membership,
    OrgUnit,
    Person,
    Position,
)
from prongsai.core.roles import Role
from prongsai.core.thai import fiscal_year
from prongsai.core.thaiid import thai_id_check_digit
from prongsai.core.tracking import new_tracking_code
from prongsai.ops.bulkcopy import Table, allocate_ids, write

CODE_PREFIX = "sim-"
USER_PREFIX = "sim-"
HOST_SUFFIX = ".sim.localhost"
AUDIT_ACTION = "ops.simulated"

# The 76 provinces that have local administrative organisations (Bangkok is its own), so that a province's
# operator sees about a hundred agencies at the national scale.
PROVINCES = [
    "กระบี่",
    "กาญจนบุรี",
    "กาฬสินธุ์",
    "กำแพงเพชร",
    "ขอนแก่น",
    "จันทบุรี",
    "ฉะเชิงเทรา",
    "ชลบุรี",
    "ชัยนาท",
    "ชัยภูมิ",
    "ชุมพร",
    "เชียงราย",
    "เชียงใหม่",
    "ตรัง",
    "ตราด",
    "ตาก",
    "นครนายก",
    "นครปฐม",
    "นครพนม",
    "นครราชสีมา",
    "นครศรีธรรมราช",
    "นครสวรรค์",
    "นนทบุรี",
    "นราธิวาส",
    "น่าน",
    "บึงกาฬ",
    "บุรีรัมย์",
    "ปทุมธานี",
    "ประจวบคีรีขันธ์",
    "ปราจีนบุรี",
    "ปัตตานี",
    "พระนครศรีอยุธยา",
    "พะเยา",
    "พังงา",
    "พัทลุง",
    "พิจิตร",
    "พิษณุโลก",
    "เพชรบุรี",
    "เพชรบูรณ์",
    "แพร่",
    "ภูเก็ต",
    "มหาสารคาม",
    "มุกดาหาร",
    "แม่ฮ่องสอน",
    "ยโสธร",
    "ยะลา",
    "ร้อยเอ็ด",
    "ระนอง",
    "ระยอง",
    "ราชบุรี",
    "ลพบุรี",
    "ลำปาง",
    "ลำพูน",
    "เลย",
    "ศรีสะเกษ",
    "สกลนคร",
    "สงขลา",
    "สตูล",
    "สมุทรปราการ",
    "สมุทรสงคราม",
    "สมุทรสาคร",
    "สระแก้ว",
    "สระบุรี",
    "สิงห์บุรี",
    "สุโขทัย",
    "สุพรรณบุรี",
    "สุราษฎร์ธานี",
    "สุรินทร์",
    "หนองคาย",
    "หนองบัวลำภู",
    "อ่างทอง",
    "อำนาจเจริญ",
    "อุดรธานี",
    "อุตรดิตถ์",
    "อุทัยธานี",
    "อุบลราชธานี",
]
LARGEST_PROVINCE = "นครราชสีมา"
FIRST = ["สมชาย", "สมหญิง", "บุญมี", "ประยูร", "สุดา", "วันดี", "ทองใบ", "คำปุ่น", "มาลี", "สมปอง", "จันทร์เพ็ญ", "ณรงค์"]
LAST = ["ใจงาม", "ศรีสุข", "ทองมา", "แก้วดี", "บุญเรือง", "พรมมา", "สายทอง", "ภูมิใจ", "คำแก้ว", "ดวงจันทร์"]
PREFIXES = ["นาย", "นาง", "นางสาว"]
PLACES = ["บ้านโนนสูง", "บ้านหนองบัว", "บ้านดอนแดง", "บ้านนาคำ", "บ้านโคกสว่าง", "บ้านห้วยทราย", "บ้านวังน้ำ"]

# The demo agency's services, with how many requests a month an อบต. receives (prongsai/eservice/demo.py).
SERVICES = (
    ("building-permit", "การขออนุญาตก่อสร้างอาคาร", "permit", 2.0),
    ("elderly-allowance", "การลงทะเบียนรับเงินเบี้ยยังชีพผู้สูงอายุ", "welfare", 2.5),
    ("disability-allowance", "การลงทะเบียนรับเงินเบี้ยความพิการ", "welfare", 1.0),
    ("official-information", "การขอข้อมูลข่าวสารของราชการ", "information", 1.0),
    ("water-supply", "การขอใช้น้ำประปา", "utility", 1.5),
    ("land-building-tax", "การชำระภาษีที่ดินและสิ่งปลูกสร้าง", "tax", 3.0),
    ("garbage-collection", "การขอรับบริการจัดเก็บขยะมูลฝอย", "environment", 1.5),
)
SERVICE_STEPS = (("ตรวจสอบคำขอและเอกสาร", 1), ("พิจารณาและตรวจสถานที่", 5), ("แจ้งผลการพิจารณา", 1))
COMPLAINT_CATEGORIES = ("ถนนและทางระบายน้ำ", "ไฟฟ้าส่องสว่าง", "ขยะและสิ่งแวดล้อม", "เหตุเดือดร้อนรำคาญ")
NEWS_CATEGORIES = (("ข่าวประชาสัมพันธ์", "news"), ("กิจกรรม", "activities"), ("ประกาศ", "notices"))
NEWS_TOPICS = (
    "ประชาสัมพันธ์การชำระภาษีที่ดินและสิ่งปลูกสร้าง",
    "กิจกรรมวันเด็กแห่งชาติ",
    "โครงการฉีดวัคซีนป้องกันโรคพิษสุนัขบ้า",
    "ประชุมประชาคมหมู่บ้านเพื่อจัดทำแผนพัฒนาท้องถิ่น",
    "รับสมัครผู้สูงอายุเข้ารับเบี้ยยังชีพ",
    "กิจกรรมจิตอาสาพัฒนาแหล่งน้ำ",
    "การป้องกันไฟป่าและหมอกควัน",
    "อบรมคุณธรรมจริยธรรมบุคลากร",
)
PROCUREMENT_TITLES = (
    ("ซื้อวัสดุสำนักงาน", "goods", 5_000, 60_000),
    ("จ้างซ่อมแซมถนนลูกรัง{place}", "works", 80_000, 450_000),
    ("ซื้ออาหารเสริม (นม) โรงเรียน", "goods", 100_000, 900_000),
    ("จ้างเหมาบริการจัดเก็บขยะมูลฝอย", "services", 60_000, 300_000),
    ("ก่อสร้างถนนคอนกรีตเสริมเหล็ก{place}", "works", 300_000, 2_500_000),
    ("ซื้อน้ำมันเชื้อเพลิงและหล่อลื่น", "goods", 20_000, 200_000),
    ("จ้างเหมาเต็นท์และเครื่องเสียง", "services", 5_000, 40_000),
    ("ซื้อครุภัณฑ์คอมพิวเตอร์", "goods", 20_000, 120_000),
)
BUDGET_SOURCE = "เงินงบประมาณรายจ่ายประจำปี (ข้อบัญญัติ)"
# Subjects answered with manual evidence (a page on the agency's site), so the readiness check has
# something of every kind to read.
MANUAL_SUBJECTS = ("laws", "social_network", "staff_manual", "ethics_assessment")
PLAN_KINDS = ("operations", "hr", "anti_corruption", "integrity_measures")


@dataclass(frozen=True)
class Volumes:
    """Rows per agency and fiscal year for an อบต., from the demo agency (prongsai/*/demo.py).

    Larger kinds of agency get more (``KIND_FACTOR``); each agency varies by ±30 %.
    """

    news: int = 48  # about one a week; the demo publishes fewer, a real agency about this many
    requests: int = 200  # the demo: 307 requests in 18 months over its seven services
    complaints: int = 34  # the demo: 34 in its first year
    questions: int = 8
    procurements: int = 30  # the demo: 27-31 register rows a year
    procurement_plan_items: int = 10
    plan_items: int = 12  # per plan; four yearly plans and one five-year development plan
    manual_evidence: int = len(MANUAL_SUBJECTS)


# Share of each kind among the 7,850 local administrative organisations, and how much busier each is.
KINDS = (
    (Agency.Kind.SAO, 0.676, 1.0, "องค์การบริหารส่วนตำบล", "อบต."),
    (Agency.Kind.SUBDISTRICT_MUNICIPALITY, 0.285, 1.3, "เทศบาลตำบล", "ทต."),
    (Agency.Kind.TOWN_MUNICIPALITY, 0.025, 3.0, "เทศบาลเมือง", "ทม."),
    (Agency.Kind.CITY_MUNICIPALITY, 0.004, 6.0, "เทศบาลนคร", "ทน."),
    (Agency.Kind.PAO, 0.010, 4.0, "องค์การบริหารส่วนจังหวัด", "อบจ."),
)


@dataclass
class Outcome:
    """What one run wrote."""

    created: int = 0
    existing: int = 0
    rows: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    seconds: float = 0.0

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def simulated_agencies() -> models.QuerySet[Agency]:
    with scopes_disabled():
        return Agency.objects.filter(code__startswith=CODE_PREFIX)


def real_agencies() -> models.QuerySet[Agency]:
    with scopes_disabled():
        return Agency.objects.exclude(code__startswith=CODE_PREFIX)


def agency_code(number: int) -> str:
    return f"{CODE_PREFIX}{number:05d}"


def agency_host(code: str) -> str:
    return f"{code}{HOST_SUFFIX}"


def _kind_for(number: int) -> tuple[str, float, str, str]:
    """The kind of agency ``number`` so that the shares of KINDS hold for any prefix of the numbering."""
    position = (number * 0.6180339887) % 1.0  # low-discrepancy: every prefix has about the right mix
    cumulative = 0.0
    for kind, share, factor, long_name, short in KINDS:
        cumulative += share
        if position < cumulative:
            return kind, factor, long_name, short
    kind, _share, factor, long_name, short = KINDS[0]
    return kind, factor, long_name, short


def _province(number: int) -> str:
    """Every 39th agency in นครราชสีมา (the largest province: 200 of 7,850 here, 333 in fact), the rest
    spread evenly over the other provinces (about 100 each), so that one operator hosts over 200 agencies.
    """
    if number % 39 == 1:
        return LARGEST_PROVINCE
    others = [p for p in PROVINCES if p != LARGEST_PROVINCE]
    return others[number % len(others)]


def _fy_bounds(fy: int) -> tuple[datetime, datetime]:
    """The first and last moment of fiscal year ``fy`` (BE), in UTC."""
    start = datetime(fy - 544, 10, 1, 2, 0, tzinfo=UTC)  # 09.00 Bangkok
    end = datetime(fy - 543, 9, 30, 9, 0, tzinfo=UTC)
    return start, end


def _money(rng: random.Random, low: int, high: int) -> Decimal:
    return Decimal(rng.randrange(low, high) // 100 * 100)


def _tax_id(rng: random.Random) -> str:
    first = "0" + "".join(str(rng.randrange(10)) for _ in range(11))
    return first + str(thai_id_check_digit(first))


def _name(rng: random.Random) -> str:
    return f"{rng.choice(PREFIXES)}{rng.choice(FIRST)} {rng.choice(LAST)}"


class Writer:
    """Rows collected for one batch of agencies, written table by table at the end of the batch."""

    def __init__(self, outcome: Outcome, stamp: datetime) -> None:
        self.outcome = outcome
        self.stamp = stamp
        self.rows: dict[Table, list[Sequence[Any]]] = defaultdict(list)
        self._next: dict[type[models.Model], int] = {}

    def add(self, table: Table, row: Sequence[Any]) -> None:
        self.rows[table].append(row)

    def ids(self, model: type[models.Model], count: int) -> list[int]:
        if connection.vendor == "postgresql":
            return allocate_ids(model, count)
        # Elsewhere ids come from the table's highest id, which does not move until the batch is written.
        first = self._next.get(model) or allocate_ids(model, 1)[0]
        self._next[model] = first + count
        return list(range(first, first + count))

    def flush(self, order: Sequence[Table]) -> None:
        for table in order:
            rows = self.rows.pop(table, [])
            if rows:
                self.outcome.rows[table.model._meta.label] += write(table, rows, self.stamp)


class Tables:
    """The column lists the simulation writes, built once (building one checks the model's columns)."""

    def __init__(self) -> None:
        from prongsai.complaints.models import Complaint, ComplaintCategory, ComplaintEvent
        from prongsai.core.models import User
        from prongsai.engagement.models import Question
        from prongsai.eservice.models import RequestStep, Service, ServiceRequest, ServiceStep
        from prongsai.ita.models import ManualEvidence, YearSetting
        from prongsai.people.models import StaffPost
        from prongsai.planning.models import Plan
        from prongsai.planning.models import PlanItem as PlanningItem
        from prongsai.portal.models import NewsArticle, NewsCategory
        from prongsai.procurement.models import Announcement, PlanItem, Procurement, ProcurementPlan, Vendor

        self.models = {
            "Complaint": Complaint,
            "ComplaintCategory": ComplaintCategory,
            "ServiceRequest": ServiceRequest,
            "Service": Service,
            "Plan": Plan,
            "ProcurementPlan": ProcurementPlan,
            "Procurement": Procurement,
            "Vendor": Vendor,
            "NewsCategory": NewsCategory,
            "User": User,
        }
        self.agency = Table(
            Agency,
            [
                "code",
                "name_th",
                "short_name_th",
                "kind",
                "province",
                "district",
                "subdistrict",
                "address",
                "postal_code",
                "email",
                "website",
            ],
            with_id=True,
        )
        self.host = Table(AgencyHost, ["agency", "host"])
        self.user = Table(
            User,
            ["username", "first_name", "last_name", "password", "is_active", "date_joined"],
            with_id=True,
        )
        self.membership = Table(Membership, ["agency", "user", "role"])
        self.unit = Table(OrgUnit, ["agency", "side", "name_th", "order", "duties", "phone"], with_id=True)
        self.position = Table(Position, ["agency", "unit", "title_th", "level", "order"], with_id=True)
        self.person = Table(
            Person, ["agency", "position", "prefix", "first_name", "last_name", "phone", "order"]
        )
        self.staff_post = Table(StaffPost, ["agency", "position", "code", "position_type", "established_on"])
        self.news_category = Table(NewsCategory, ["agency", "name_th", "slug", "order"], with_id=True)
        self.news = Table(
            NewsArticle,
            ["agency", "category", "title", "summary", "body", "event_date", "status", "published_at"],
        )
        self.service = Table(
            Service,
            [
                "agency",
                "code",
                "name_th",
                "description",
                "owner_unit",
                "category",
                "status",
                "published_at",
                "channel_walk_in",
                "channel_eservice",
                "order",
            ],
            with_id=True,
        )
        self.service_step = Table(
            ServiceStep, ["agency", "service", "order", "name", "duration_value", "responsible_unit"]
        )
        self.request = Table(
            ServiceRequest,
            [
                "agency",
                "idempotency_key",
                "service",
                "channel",
                "status",
                "applicant_name",
                "applicant_phone",
                "received_at",
                "due_at",
                "completed_at",
                "queue_unit",
            ],
            with_id=True,
        )
        self.request_step = Table(
            RequestStep,
            [
                "agency",
                "request",
                "order",
                "name",
                "duration_value",
                "duration_unit",
                "responsible_unit",
                "state",
                "started_at",
                "due_at",
                "completed_at",
            ],
        )
        self.complaint_category = Table(
            ComplaintCategory, ["agency", "name_th", "default_unit", "order"], with_id=True
        )
        self.complaint = Table(
            Complaint,
            [
                "agency",
                "tracking_code",
                "idempotency_key",
                "channel",
                "category",
                "unit",
                "status",
                "subject",
                "description",
                "location_address",
                "received_at",
                "ack_due",
                "resolve_due",
                "acknowledged_at",
                "closed_at",
                "closing_note",
            ],
            with_id=True,
        )
        self.complaint_event = Table(ComplaintEvent, ["agency", "complaint", "action", "at", "is_public"])
        self.question = Table(
            Question,
            [
                "agency",
                "tracking_code",
                "idempotency_key",
                "title",
                "body",
                "asker_name",
                "status",
                "published_at",
                "answer",
                "answered_at",
            ],
        )
        self.vendor = Table(Vendor, ["agency", "tax_id", "name"], with_id=True)
        self.procurement = Table(
            Procurement,
            [
                "agency",
                "ocid_local",
                "fiscal_year",
                "title",
                "budget",
                "budget_source",
                "egp_status",
                "method",
                "category",
                "reference_price",
                "agreed_price",
                "vendor",
                "egp_project_no",
                "contract_no",
                "announced_on",
                "contract_signed_on",
                "contract_ends_on",
                "selection_reason",
                "search_text",
                "status",
                "published_at",
            ],
            with_id=True,
        )
        self.announcement = Table(
            Announcement,
            [
                "agency",
                "kind",
                "title",
                "egp_project_no",
                "procurement",
                "fiscal_year",
                "announced_on",
                "status",
                "published_at",
            ],
        )
        self.procurement_plan = Table(
            ProcurementPlan,
            ["agency", "fiscal_year", "title", "announced_on", "status", "published_at"],
            with_id=True,
        )
        self.procurement_plan_item = Table(
            PlanItem,
            ["agency", "plan", "order", "title", "budget", "budget_source", "method", "expected_start"],
        )
        self.plan = Table(
            Plan,
            [
                "agency",
                "kind",
                "fiscal_year",
                "first_year",
                "last_year",
                "title",
                "description",
                "approved_on",
                "signer_name",
                "signer_position",
                "status",
                "published_at",
            ],
            with_id=True,
        )
        self.plan_item = Table(
            PlanningItem,
            [
                "agency",
                "plan",
                "kind",
                "number",
                "title",
                "outputs",
                "indicators",
                "budget",
                "period_start",
                "period_end",
                "owner",
            ],
        )
        self.year_setting = Table(YearSetting, ["agency", "fiscal_year", "catalogue", "answer_date"])
        self.evidence = Table(
            ManualEvidence,
            [
                "agency",
                "fiscal_year",
                "subject",
                "title",
                "url",
                "document_date",
                "confirmed_checks",
                "created_by",
            ],
        )
        self.audit_event = Table(
            AuditEvent,
            [
                "agency",
                "seq",
                "created_at",
                "actor_label",
                "action",
                "object_type",
                "object_id",
                "object_repr",
                "data",
                "prev_hash",
                "hash",
            ],
        )
        self.audit_head = Table(AuditHead, ["agency", "seq", "hash"])
        # Parents before the rows that point at them (PostgreSQL checks foreign keys at commit anyway).
        self.order = [
            self.agency,
            self.host,
            self.user,
            self.membership,
            self.unit,
            self.position,
            self.person,
            self.staff_post,
            self.news_category,
            self.news,
            self.service,
            self.service_step,
            self.request,
            self.request_step,
            self.complaint_category,
            self.complaint,
            self.complaint_event,
            self.question,
            self.vendor,
            self.procurement_plan,
            self.procurement_plan_item,
            self.procurement,
            self.announcement,
            self.plan,
            self.plan_item,
            self.year_setting,
            self.evidence,
            self.audit_event,
            self.audit_head,
        ]


@dataclass
class Run:
    """The parameters of one run."""

    count: int
    years: int
    volumes: Volumes = field(default_factory=Volumes)
    batch: int = 25
    seed: int = 2569
    now: datetime = field(default_factory=timezone.now)


def simulate(plan: Run, *, progress: Callable[[int, int, float], None] | None = None) -> Outcome:
    """Top the simulated agencies up to ``plan.count``; existing simulated agencies are kept as they are."""
    outcome = Outcome()
    started = time.perf_counter()
    existing = set(simulated_agencies().values_list("code", flat=True))
    outcome.existing = len(existing)
    numbers = [n for n in range(1, plan.count + 1) if agency_code(n) not in existing]
    tables = Tables()
    catalogues = _catalogues(plan)
    checks = _manual_checks()
    for start in range(0, len(numbers), plan.batch):
        batch = numbers[start : start + plan.batch]
        with transaction.atomic(), scopes_disabled():
            if connection.vendor == "postgresql":
                # A lost batch after a crash is simply simulated again: no need to wait for the disk.
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL synchronous_commit = off")
                    cursor.execute("SET LOCAL session_replication_role = replica")
            writer = Writer(outcome, plan.now)
            for number in batch:
                _agency(writer, tables, plan, number, catalogues, checks)
            writer.flush(tables.order)
        outcome.created += len(batch)
        if progress is not None:
            progress(outcome.created, len(numbers), time.perf_counter() - started)
    outcome.seconds = time.perf_counter() - started
    return outcome


def _catalogues(plan: Run) -> dict[int, int]:
    """The catalogue id each simulated fiscal year is assessed on (the year's own, else the latest before)."""
    from prongsai.ita.models import Catalogue

    by_year: dict[int, int] = {}
    rows = sorted(Catalogue.objects.values_list("fiscal_year", "code", "pk"))
    current = fiscal_year(plan.now)
    for fy in range(current - plan.years + 1, current + 1):
        usable = [(year, code, pk) for year, code, pk in rows if year <= fy]
        if usable:
            best_year = usable[-1][0]
            # The first variant of that year (2567-A before 2567-B).
            by_year[fy] = min((code, pk) for year, code, pk in usable if year == best_year)[1]
    return by_year


def _manual_checks() -> dict[str, list[str]]:
    from prongsai.ita.catalogue_files import subjects

    vocabulary = subjects()
    return {name: sorted(vocabulary[name].checks) for name in MANUAL_SUBJECTS if name in vocabulary}


def _agency(
    writer: Writer,
    t: Tables,
    plan: Run,
    number: int,
    catalogues: dict[int, int],
    checks: dict[str, list[str]],
) -> None:
    """Every row of simulated agency ``number``."""
    rng = random.Random(plan.seed * 100_003 + number)  # noqa: S311 - content only; public ids use secrets
    kind, factor, long_name, short = _kind_for(number)
    scale = factor * rng.uniform(0.7, 1.3)
    province = _province(number)
    place = rng.choice(["หนอง", "โนน", "ดอน", "นา", "ห้วย", "วัง"]) + rng.choice(
        ["ทอง", "แก้ว", "บัว", "งาม", "ใหญ่"]
    )
    code = agency_code(number)
    [agency_id] = writer.ids(Agency, 1)
    name = f"{long_name}{place}" if kind != Agency.Kind.PAO else f"{long_name}{province}"
    site = f"https://{agency_host(code)}"
    writer.add(
        t.agency,
        (
            agency_id,
            code,
            f"{name} ({number:05d})",
            f"{short}{place}",
            kind,
            province,
            f"อำเภอ{place}",
            place,
            f"ตำบล{place} อำเภอ{place} จังหวัด{province}",
            f"{10000 + number % 89999:05d}",
            f"saraban@{code}.example.go.th",
            site,
        ),
    )
    writer.add(t.host, (agency_id, agency_host(code)))
    now = plan.now
    counts: dict[str, int] = defaultdict(int)

    # Staff accounts (no password: a simulated account cannot sign in until someone sets one).
    user_ids = writer.ids(t.models["User"], 3)
    for index, (user_id, role) in enumerate(
        zip(user_ids, (Role.ADMINISTRATOR, Role.OFFICER, Role.HEAD_OF_DIVISION), strict=True)
    ):
        writer.add(
            t.user,
            (
                user_id,
                f"{USER_PREFIX}{number:05d}-{index}",
                rng.choice(FIRST),
                rng.choice(LAST),
                "!",
                True,
                now,
            ),
        )
        writer.add(t.membership, (agency_id, user_id, role))
    admin_id = user_ids[0]

    # The org chart: the executives and council, the clerk's office and divisions, with their people.
    units = [
        (
            "political",
            "คณะผู้บริหาร",
            [("นายก", "top"), ("รองนายก คนที่ 1 ", "deputy"), ("รองนายก คนที่ 2 ", "deputy")],
        ),
        (
            "political",
            "สภา",
            [("ประธานสภา", "council"), ("รองประธานสภา", "council"), ("เลขานุการสภา", "council")],
        ),
        ("career", "สำนักปลัด", [("ปลัด", "top"), ("หัวหน้าสำนักปลัด", "unit_head"), ("นักจัดการงานทั่วไป", "staff")]),
        ("career", "กองคลัง", [("ผู้อำนวยการกองคลัง", "unit_head"), ("นักวิชาการพัสดุ", "staff")]),
        ("career", "กองช่าง", [("ผู้อำนวยการกองช่าง", "unit_head"), ("นายช่างโยธา", "staff")]),
        (
            "career",
            "กองการศึกษา ศาสนาและวัฒนธรรม",
            [("ผู้อำนวยการกองการศึกษา", "unit_head"), ("นักวิชาการศึกษา", "staff")],
        ),
    ]
    unit_ids = writer.ids(OrgUnit, len(units))
    position_ids = writer.ids(Position, sum(len(u[2]) for u in units))
    positions = iter(position_ids)
    for order, ((side, unit_name, titles), unit_id) in enumerate(zip(units, unit_ids, strict=True)):
        writer.add(t.unit, (unit_id, agency_id, side, unit_name, order, f"งานของ{unit_name}", "044-000000"))
        for p_order, (title, level) in enumerate(titles):
            position_id = next(positions)
            # "รองนายก คนที่ 1 " → "รองนายก อบต.หนองทอง คนที่ 1": the agency's name follows the office.
            office, _sep, ordinal = title.partition(" ")
            full_title = f"{office}{short}{place} {ordinal}".strip() if level in ("top", "deputy") else title
            writer.add(t.position, (position_id, agency_id, unit_id, full_title, level, p_order))
            writer.add(
                t.person,
                (
                    agency_id,
                    position_id,
                    rng.choice(PREFIXES),
                    rng.choice(FIRST),
                    rng.choice(LAST),
                    "044-000000",
                    0,
                ),
            )
            if side == "career":
                writer.add(
                    t.staff_post,
                    (
                        agency_id,
                        position_id,
                        f"{number:05d}-{position_id}",
                        "พนักงานส่วนท้องถิ่น",
                        date(2017, 10, 1),
                    ),
                )
    counts["people"] = len(position_ids)
    clerk_unit, works_unit = unit_ids[2], unit_ids[4]

    years = list(range(fiscal_year(now) - plan.years + 1, fiscal_year(now) + 1))
    v = plan.volumes

    def moments(fy: int, mean: float) -> list[datetime]:
        """Random moments within fiscal year ``fy`` up to now, as many as the year's elapsed share allows."""
        start, end = _fy_bounds(fy)
        end = min(end, now)
        if end <= start:
            return []
        span = (end - start).total_seconds()
        share = span / (365 * 86400)
        n = max(0, round(mean * scale * share * rng.uniform(0.85, 1.15)))
        return sorted(start + timedelta(seconds=rng.random() * span) for _ in range(n))

    # News.
    category_ids = writer.ids(t.models["NewsCategory"], len(NEWS_CATEGORIES))
    for order, ((cat_name, slug), cat_id) in enumerate(zip(NEWS_CATEGORIES, category_ids, strict=True)):
        writer.add(t.news_category, (cat_id, agency_id, cat_name, slug, order))
    for fy in years:
        for at in moments(fy, v.news):
            topic = rng.choice(NEWS_TOPICS)
            body = (
                f"{name}ขอประชาสัมพันธ์เรื่อง{topic} ณ {rng.choice(PLACES)} หมู่ที่ {rng.randint(1, 15)} "
                f"ขอเชิญชวนประชาชนในพื้นที่เข้าร่วมกิจกรรมโดยพร้อมเพรียงกัน สอบถามรายละเอียดเพิ่มเติมได้ที่สำนักปลัด "
                f"ในวันและเวลาราชการ"
            )
            writer.add(
                t.news, (agency_id, rng.choice(category_ids), topic, topic, body, at.date(), "published", at)
            )
            counts["news"] += 1

    # E-Service: the catalogue, then requests with their steps.
    service_ids = writer.ids(t.models["Service"], len(SERVICES))
    for order, ((s_code, s_name, s_cat, _rate), s_id) in enumerate(zip(SERVICES, service_ids, strict=True)):
        writer.add(
            t.service,
            (
                s_id,
                agency_id,
                s_code,
                s_name,
                f"คู่มือสำหรับประชาชน: {s_name}",
                clerk_unit,
                s_cat,
                "published",
                now - timedelta(days=plan.years * 366),
                True,
                True,
                order,
            ),
        )
        for s_order, (step_name, days) in enumerate(SERVICE_STEPS, start=1):
            writer.add(t.service_step, (agency_id, s_id, s_order, step_name, days, clerk_unit))
    rates = [rate for _c, _n, _k, rate in SERVICES]
    request_rows: list[tuple[Any, ...]] = []
    for fy in years:
        for at in moments(fy, v.requests):
            service_index = rng.choices(range(len(SERVICES)), weights=rates)[0]
            age = (now - at).days
            overdue = age < 60 and rng.random() < 0.05  # a few late requests, for the time-limit jobs
            done = age > 20 and not overdue
            status = ("approved" if rng.random() < 0.93 else "rejected") if done else "in_progress"
            due = at + timedelta(days=10)
            completed = at + timedelta(days=rng.randint(1, 9)) if done else None
            request_rows.append((service_ids[service_index], status, at, due, completed))
    request_ids = writer.ids(t.models["ServiceRequest"], len(request_rows))
    for request_id, (s_id, status, at, due, completed) in zip(request_ids, request_rows, strict=True):
        writer.add(
            t.request,
            (
                request_id,
                agency_id,
                uuid.uuid4(),
                s_id,
                "eservice" if rng.random() < 0.4 else "walk_in",
                status,
                _name(rng),
                "0800000000",
                at,
                due,
                completed,
                clerk_unit,
            ),
        )
        moment = at
        for s_order, (step_name, days) in enumerate(SERVICE_STEPS, start=1):
            step_due = moment + timedelta(days=days)
            if completed is not None:
                state, finished = "done", min(step_due, completed)
            elif s_order == 1:
                state, finished = "done", moment + timedelta(hours=4)
            elif s_order == 2:
                state, finished = "active", None
            else:
                state, finished = "pending", None
            started = moment if state != "pending" else None
            writer.add(
                t.request_step,
                (
                    agency_id,
                    request_id,
                    s_order,
                    step_name,
                    days,
                    "days",
                    clerk_unit,
                    state,
                    started,
                    step_due if state != "pending" else None,
                    finished,
                ),
            )
            if finished is not None:
                moment = finished
    counts["requests"] = len(request_rows)

    # Complaints.
    category_pks = writer.ids(t.models["ComplaintCategory"], len(COMPLAINT_CATEGORIES))
    for order, (c_name, c_id) in enumerate(zip(COMPLAINT_CATEGORIES, category_pks, strict=True)):
        writer.add(
            t.complaint_category, (c_id, agency_id, c_name, works_unit if order < 2 else clerk_unit, order)
        )
    complaint_rows: list[tuple[Any, ...]] = []
    for fy in years:
        for at in moments(fy, v.complaints):
            complaint_rows.append((rng.randrange(len(COMPLAINT_CATEGORIES)), at))
    complaint_ids = writer.ids(t.models["Complaint"], len(complaint_rows))
    for c_pk, (c_index, at) in zip(complaint_ids, complaint_rows, strict=True):
        age = (now - at).days
        closed = (
            at + timedelta(days=rng.randint(2, 14)) if age > 30 or (age > 3 and rng.random() < 0.6) else None
        )
        acked = at + timedelta(hours=rng.randint(2, 30)) if age > 1 else None
        status = "resolved" if closed else ("in_progress" if acked else "received")
        subject = f"{COMPLAINT_CATEGORIES[c_index]} {rng.choice(PLACES)}"
        writer.add(
            t.complaint,
            (
                c_pk,
                agency_id,
                new_tracking_code(),
                uuid.uuid4(),
                rng.choice(["web", "phone", "walk_in", "line"]),
                category_pks[c_index],
                works_unit if c_index < 2 else clerk_unit,
                status,
                subject,
                f"ขอให้ตรวจสอบและแก้ไข{subject}",
                f"{rng.choice(PLACES)} หมู่ที่ {rng.randint(1, 15)}",
                at,
                at + timedelta(days=1),
                at + timedelta(days=15),
                acked,
                closed,
                "ดำเนินการแก้ไขเรียบร้อยแล้ว" if closed else "",
            ),
        )
        writer.add(t.complaint_event, (agency_id, c_pk, "received", at, True))
        if acked:
            writer.add(t.complaint_event, (agency_id, c_pk, "accepted", acked, True))
        if closed:
            writer.add(t.complaint_event, (agency_id, c_pk, "resolved", closed, True))
    counts["complaints"] = len(complaint_rows)

    # Questions and answers.
    for fy in years:
        for at in moments(fy, v.questions):
            answered = (now - at).days > 5
            writer.add(
                t.question,
                (
                    agency_id,
                    new_tracking_code(),
                    uuid.uuid4(),
                    f"สอบถามเรื่อง{rng.choice(SERVICES)[1]}",
                    "ขอทราบขั้นตอนและเอกสารที่ต้องใช้",
                    _name(rng),
                    "answered" if answered else "published",
                    at + timedelta(hours=3),
                    "ติดต่อสำนักปลัดพร้อมบัตรประจำตัวประชาชนและสำเนาทะเบียนบ้าน" if answered else "",
                    at + timedelta(days=2) if answered else None,
                ),
            )
            counts["questions"] += 1

    # Procurement: vendors, the yearly plan, the register and its announcements.
    vendor_count = 25
    vendor_ids = writer.ids(t.models["Vendor"], vendor_count)
    vendor_names = [
        f"ห้างหุ้นส่วนจำกัด {place}{kind_name}{i}"
        for i, kind_name in zip(
            range(vendor_count), ["ก่อสร้าง", "พาณิชย์", "วัสดุ", "บริการ", "การไฟฟ้า"] * 5, strict=True
        )
    ]
    for vendor_id, vendor_name in zip(vendor_ids, vendor_names, strict=True):
        writer.add(t.vendor, (vendor_id, agency_id, _tax_id(rng), vendor_name))
    plan_ids = writer.ids(t.models["ProcurementPlan"], len(years))
    for pp_id, fy in zip(plan_ids, years, strict=True):
        start, _end = _fy_bounds(fy)
        writer.add(
            t.procurement_plan,
            (
                pp_id,
                agency_id,
                fy,
                f"แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. {fy}",
                start.date(),
                "published",
                start,
            ),
        )
        for order in range(1, v.procurement_plan_items + 1):
            title, p_cat, low, high = rng.choice(PROCUREMENT_TITLES)
            writer.add(
                t.procurement_plan_item,
                (
                    agency_id,
                    pp_id,
                    order,
                    title.format(place=rng.choice(PLACES)),
                    _money(rng, max(low, 500_000), max(high, 600_000)),
                    BUDGET_SOURCE,
                    "e_bidding",
                    start.date() + timedelta(days=30 * (order % 11)),
                ),
            )
    procurement_rows: list[tuple[Any, ...]] = []
    for fy in years:
        for n, at in enumerate(moments(fy, v.procurements), start=1):
            procurement_rows.append((fy, n, at))
    procurement_ids = writer.ids(t.models["Procurement"], len(procurement_rows))
    for p_id, (fy, n, at) in zip(procurement_ids, procurement_rows, strict=True):
        title, p_cat, low, high = rng.choice(PROCUREMENT_TITLES)
        title = title.format(place=rng.choice(PLACES))
        budget = _money(rng, low, high)
        method = "e_bidding" if budget > 500_000 else ("e_market" if rng.random() < 0.1 else "specific")
        reference = budget - _money(rng, 0, max(1000, int(budget) // 20))
        agreed = reference - _money(rng, 0, max(1000, int(reference) // 50))
        vendor_index = rng.randrange(vendor_count)
        signed = at.date() + timedelta(days=rng.randint(3, 20))
        ends = signed + timedelta(days=rng.randint(7, 120))
        finished = ends < now.date()
        egp_no = f"{fy % 100:02d}{number:05d}{n:04d}"
        writer.add(
            t.procurement,
            (
                p_id,
                agency_id,
                egp_no,
                fy,
                title,
                budget,
                BUDGET_SOURCE,
                "completed" if finished else "under_contract",
                method,
                p_cat,
                reference,
                agreed,
                vendor_ids[vendor_index],
                egp_no,
                f"{n}/{fy}",
                at.date(),
                signed,
                ends,
                "เป็นผู้มีคุณสมบัติครบถ้วนและเสนอราคาที่เหมาะสม",
                f"{title} {vendor_names[vendor_index]} {egp_no} {n}/{fy}".lower(),
                "published",
                at,
            ),
        )
        # Larger purchases announce their winner (the demo: 41 announcements for 88 rows); e-bidding also
        # has its invitation.
        if method != "specific" or budget > 100_000:
            writer.add(
                t.announcement,
                (
                    agency_id,
                    "winner",
                    f"ประกาศผู้ชนะการเสนอราคา {title}",
                    egp_no,
                    p_id,
                    fy,
                    signed,
                    "published",
                    datetime.combine(signed, datetime.min.time(), UTC),
                ),
            )
            counts["announcements"] += 1
        if method == "e_bidding":
            writer.add(
                t.announcement,
                (
                    agency_id,
                    "invitation",
                    f"ประกาศเชิญชวน {title}",
                    egp_no,
                    p_id,
                    fy,
                    at.date(),
                    "published",
                    at,
                ),
            )
            counts["announcements"] += 1
    counts["procurements"] = len(procurement_rows)

    # Plans: the five-year development plan and the four yearly plans, each with its projects.
    plan_rows: list[tuple[str, int, int, int]] = []
    for fy in years:
        if (fy - years[0]) % 5 == 0:
            plan_rows.append(("development", fy, fy, fy + 4))
        plan_rows.extend((kind_name, fy, fy, fy) for kind_name in PLAN_KINDS)
    planning_ids = writer.ids(t.models["Plan"], len(plan_rows))
    plan_titles = {
        "development": "แผนพัฒนาท้องถิ่น",
        "operations": "แผนการดำเนินงาน",
        "hr": "แผนพัฒนาบุคลากร",
        "anti_corruption": "แผนปฏิบัติการป้องกันการทุจริต",
        "integrity_measures": "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
    }
    for plan_id, (p_kind, fy, first, last) in zip(planning_ids, plan_rows, strict=True):
        start, end = _fy_bounds(fy)
        span = f"พ.ศ. {first}" if first == last else f"(พ.ศ. {first} – {last})"
        writer.add(
            t.plan,
            (
                plan_id,
                agency_id,
                p_kind,
                fy,
                first,
                last,
                f"{plan_titles[p_kind]} {span}",
                f"{plan_titles[p_kind]}ของ{name}",
                start.date(),
                _name(rng),
                f"นายก{short}{place}",
                "published",
                start,
            ),
        )
        item_kind = "measure" if p_kind == "integrity_measures" else "project"
        for item in range(1, v.plan_items + 1):
            begins = start.date() + timedelta(days=rng.randint(0, 200))
            writer.add(
                t.plan_item,
                (
                    agency_id,
                    plan_id,
                    item_kind,
                    item,
                    f"โครงการที่ {item} ของ{plan_titles[p_kind]}",
                    "ประชาชนได้รับประโยชน์",
                    "ร้อยละ 80 ของผู้เข้าร่วมพึงพอใจ",
                    _money(rng, 10_000, 500_000),
                    begins,
                    min(begins + timedelta(days=60), end.date()),
                    "สำนักปลัด",
                ),
            )
    counts["plans"] = len(plan_rows)

    # ITA: the catalogue and answer date of each year, and manual evidence the readiness check reads.
    for fy in years:
        if fy in catalogues:
            writer.add(t.year_setting, (agency_id, fy, catalogues[fy], date(fy - 543, 4, 30)))
        start, _end = _fy_bounds(fy)
        for subject, subject_checks in checks.items():
            writer.add(
                t.evidence,
                (
                    agency_id,
                    fy,
                    subject,
                    f"หลักฐาน {subject} ปี {fy}",
                    f"{site}/pages/{subject}-{fy}/",
                    start.date() + timedelta(days=45),
                    subject_checks,
                    admin_id,
                ),
            )
            counts["manual evidence"] += 1

    # The audit chain: one entry that says this agency was simulated, and the head that seals it.
    data = {"simulated": True, "years": plan.years, **dict(sorted(counts.items()))}
    created = now.astimezone(UTC)
    entry_hash = compute_hash(
        agency_id=agency_id,
        seq=1,
        created_at=created.isoformat(timespec="microseconds"),
        actor_id=None,
        actor_label="simulate_agencies",
        action=AUDIT_ACTION,
        object_type="core.agency",
        object_id=str(agency_id),
        object_repr=code,
        data=data,
        prev_hash=GENESIS_HASH,
    )
    writer.add(
        t.audit_event,
        (
            agency_id,
            1,
            created,
            "simulate_agencies",
            AUDIT_ACTION,
            "core.agency",
            str(agency_id),
            code,
            data,
            GENESIS_HASH,
            entry_hash,
        ),
    )
    writer.add(t.audit_head, (agency_id, 1, entry_hash))


def clear() -> dict[str, int]:
    """Remove every simulated agency, all its rows and its staff accounts; rows removed per table.

    Raw deletes, one statement per table that points at an agency (and at a simulated user), in one
    transaction: foreign keys are checked at commit, so the order does not matter, and the audit log's
    append-only guard (an ORM guard) is not in the way of removing a simulated agency's chain.
    """
    from django.apps import apps

    from prongsai.core.models import User

    removed: dict[str, int] = {}
    ids = list(simulated_agencies().values_list("pk", flat=True))
    if not ids:
        return removed
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA defer_foreign_keys = ON")
        user_ids = list(User.objects.filter(username__startswith=USER_PREFIX).values_list("pk", flat=True))
        for model in apps.get_models(include_auto_created=True):
            if model is Agency:
                continue
            for fk in model._meta.concrete_fields:
                if not fk.is_relation or fk.related_model is None:
                    continue
                if fk.related_model is Agency:
                    targets = ids
                elif fk.related_model is User and model is not User:
                    targets = user_ids
                else:
                    continue
                for chunk in range(0, len(targets), 5000):
                    part = targets[chunk : chunk + 5000]
                    cursor.execute(
                        f'DELETE FROM "{model._meta.db_table}" WHERE "{fk.column}" IN '  # noqa: S608 - metadata
                        f"({', '.join(['%s'] * len(part))})",
                        part,
                    )
                    if cursor.rowcount:
                        removed[model._meta.label] = removed.get(model._meta.label, 0) + cursor.rowcount
        for label, model, targets in (("core.User", User, user_ids), ("core.Agency", Agency, ids)):
            for chunk in range(0, len(targets), 5000):
                part = targets[chunk : chunk + 5000]
                cursor.execute(
                    f'DELETE FROM "{model._meta.db_table}" WHERE "id" IN ({", ".join(["%s"] * len(part))})',  # noqa: S608
                    part,
                )
                removed[label] = removed.get(label, 0) + cursor.rowcount
    from prongsai.core.tenancy import invalidate_agencies

    invalidate_agencies()
    return removed
