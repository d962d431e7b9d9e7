"""Builders for procurement tests: vendors with valid IDs, register rows, plans and announcements.

Every builder goes through the services (so rules, revisions and audit events hold as in the product) and
takes the agency, the acting user and keyword overrides of sensible Thai defaults.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from prongsai.core.demo_images import document_pdf
from prongsai.core.models import Agency, Operator, User
from prongsai.core.thaiid import thai_id_check_digit
from prongsai.procurement import services, services_import, services_plan
from prongsai.procurement.models import (
    Announcement,
    AnnouncementKind,
    Bidder,
    Category,
    EgpStatus,
    ImportBatch,
    Method,
    PlanItem,
    Procurement,
    ProcurementPlan,
)


def tax_id(first_twelve: str) -> str:
    return first_twelve + str(thai_id_check_digit(first_twelve))


# A prefix for the tests' hosting operator: the shape of a registered one, registered with nobody.
OPERATOR_PREFIX = "ocds-pr0ng1"


def hosted_with_prefix(agency: Agency, prefix: str = OPERATOR_PREFIX, code: str = "chaiyaphum") -> Operator:
    """Put the agency under a hosting operator that has set its registered OCDS prefix (the operator's own
    settings page is tested in the hosting app)."""
    operator = Operator.objects.create(
        code=code, name_th="สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดชัยภูมิ", kind="province", ocds_prefix=prefix
    )
    agency.operator = operator
    agency.save(update_fields=["operator"])
    return operator


COMPANY = tax_id("010555012345")  # a juristic person (starts with 0)
PERSON = tax_id("310010012345")  # a natural person


def row(agency: Agency, user: User, **overrides: Any) -> Procurement:
    fields: dict[str, Any] = {
        "fiscal_year": 2567,
        "title": "จัดซื้อวัสดุสำนักงาน",
        "budget": Decimal("50000.00"),
        "budget_source": "เงินงบประมาณรายจ่ายประจำปี",
        "egp_status": EgpStatus.UNDER_CONTRACT,
        "method": Method.SPECIFIC,
        "category": Category.GOODS,
        "reference_price": Decimal("50000.00"),
        "agreed_price": Decimal("48000.00"),
        "egp_project_no": "",
        "contract_no": "1/2567",
        "announced_on": date(2024, 1, 5),
        "contract_signed_on": date(2024, 1, 15),
        "contract_ends_on": date(2024, 2, 15),
        "selection_reason": "เสนอราคาต่ำสุด",
        "vendor_tax_id": COMPANY,
        "vendor_name": "บริษัท ทดสอบ จำกัด",
    }
    fields.update(overrides)
    return services.procurement_create(agency=agency, acting_user=user, **fields)


def bidder(procurement: Procurement, user: User, **overrides: Any) -> Bidder:
    fields: dict[str, Any] = {"name": "ห้างหุ้นส่วนจำกัด ทดสอบ", "price": Decimal("49000.00"), "tax_id": ""}
    fields.update(overrides)
    return services.bidder_add(procurement=procurement, acting_user=user, **fields)


def publish(agency: Agency, user: User, *rows: Procurement) -> None:
    services.procurement_publish_many(agency=agency, acting_user=user, ids=[r.pk for r in rows])


def profile_without_review(agency: Agency, user: User) -> None:
    """Publication without the auditor's gate, for tests about something else."""
    services.settings_update(
        agency=agency, acting_user=user, values={}, require_review_before_publication=False
    )


def fy2567_register(agency: Agency, user: User, *, with_march: bool) -> tuple[list[Procurement], Procurement]:
    """A published FY2567 register: contracts in October, January (two), May and (optionally) on 31 March,
    one cancelled and one not yet signed; plus one draft that must never show. Returns (published, draft)."""
    profile_without_review(agency, user)
    signed = [
        {
            "title": "ซื้อน้ำมันเชื้อเพลิง",
            "contract_signed_on": date(2023, 10, 5),
            "contract_ends_on": date(2023, 10, 30),
            "agreed_price": Decimal("20000"),
            "budget": Decimal("20000"),
        },
        {
            "title": "ก่อสร้างถนน คสล. หมู่ที่ 3",
            "egp_project_no": "67019000001",
            "method": Method.E_BIDDING,
            "budget": Decimal("1500000"),
            "reference_price": Decimal("1480000"),
            "agreed_price": Decimal("1250000"),
            "contract_signed_on": date(2024, 1, 15),
            "contract_ends_on": date(2024, 5, 15),
        },
        {
            "title": "ซื้อวัสดุไฟฟ้า",
            "vendor_tax_id": PERSON,
            "vendor_name": "นายสมชาย ใจดี",
            "contract_signed_on": date(2024, 1, 20),
            "contract_ends_on": date(2024, 2, 20),
            "agreed_price": Decimal("9000"),
            "budget": Decimal("10000"),
        },
    ]
    if with_march:
        signed.append(
            {
                "title": "จ้างซ่อมรถขยะ",
                "contract_signed_on": date(2024, 3, 31),
                "contract_ends_on": date(2024, 4, 30),
                "agreed_price": Decimal("80000"),
                "budget": Decimal("90000"),
            }
        )
    signed.append(
        {
            "title": "ซื้อนมโรงเรียน ภาคเรียนที่ 1",
            "contract_signed_on": date(2024, 5, 10),
            "contract_ends_on": date(2024, 9, 30),
            "agreed_price": Decimal("400000"),
            "budget": Decimal("400000"),
        }
    )
    unsigned = {
        "agreed_price": None,
        "contract_signed_on": None,
        "contract_ends_on": None,
        "vendor_tax_id": "",
        "vendor_name": "",
    }
    rows = [row(agency, user, **fields) for fields in signed]
    rows.append(
        row(
            agency,
            user,
            title="จ้างขุดลอกหนอง (ยกเลิก)",
            egp_status=EgpStatus.CANCELLED,
            budget=Decimal("700000"),
            **unsigned,
        )
    )
    rows.append(
        row(
            agency,
            user,
            title="จ้างก่อสร้างรางระบายน้ำ (รอลงนาม)",
            egp_status=EgpStatus.IN_PROGRESS,
            budget=Decimal("300000"),
            **unsigned,
        )
    )
    publish(agency, user, *rows)
    draft = row(agency, user, title="ร่างที่ยังไม่เผยแพร่", contract_signed_on=date(2024, 2, 1))
    return rows, draft


def plan(agency: Agency, user: User, **overrides: Any) -> ProcurementPlan:
    """A draft procurement plan of FY2569."""
    fields: dict[str, Any] = {
        "fiscal_year": 2569,
        "title": "แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2569",
        "budget_approved_on": date(2025, 9, 15),
    }
    fields.update(overrides)
    return services_plan.plan_create(agency=agency, acting_user=user, **fields)


def plan_item(procurement_plan: ProcurementPlan, user: User, **overrides: Any) -> PlanItem:
    fields: dict[str, Any] = {
        "title": "จัดซื้อวัสดุสำนักงาน",
        "budget": Decimal("120000"),
        "budget_source": "ข้อบัญญัติงบประมาณรายจ่ายประจำปี",
        "method": Method.SPECIFIC,
        "expected_start": date(2025, 11, 1),
    }
    fields.update(overrides)
    return services_plan.plan_item_add(plan=procurement_plan, acting_user=user, **fields)


def announcement(agency: Agency, user: User, **overrides: Any) -> Announcement:
    """A draft invitation to bid of FY2569."""
    fields: dict[str, Any] = {
        "kind": AnnouncementKind.INVITATION,
        "title": "ประกาศเชิญชวนประกวดราคาจ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3",
        "fiscal_year": 2569,
        "announced_on": date(2025, 12, 1),
        "body": "ยื่นข้อเสนอทางระบบ e-GP",
    }
    fields.update(overrides)
    return services_plan.announcement_create(agency=agency, acting_user=user, **fields)


def pdf_upload(name: str = "announcement.pdf", text: str = "ประกาศ") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, document_pdf(text), "application/pdf")


def import_batch(agency: Agency, user: User, content: bytes, name: str = "egp.csv") -> ImportBatch:
    """An uploaded e-GP file (checked at once when the caller runs on-commit callbacks)."""
    return services_import.import_upload(
        agency=agency, acting_user=user, upload=SimpleUploadedFile(name, content)
    ).batch


def many_rows(
    agency: Agency, count: int, *, published: bool = True, fiscal_year: int = 2567
) -> list[Procurement]:
    """``count`` register rows written in bulk (for paging and query-count tests, where going through the
    services row by row would take minutes): ten vendors, signing dates over the year with ties, and every
    seventh row not yet signed."""
    from prongsai.core.models import PublicationStatus
    from prongsai.procurement.models import Vendor

    ids = [tax_id(f"0105550{n:05d}") for n in range(10)]
    Vendor.objects.bulk_create(
        [Vendor(agency=agency, tax_id=t, name=f"บริษัท ผู้ขาย {n} จำกัด") for n, t in enumerate(ids)],
        ignore_conflicts=True,
    )
    vendors = list(Vendor.objects.filter(agency=agency, tax_id__in=ids).order_by("tax_id"))
    status = PublicationStatus.PUBLISHED if published else PublicationStatus.DRAFT
    rows = []
    for n in range(count):
        signed = None if n % 7 == 0 else date(2023 + (n % 12 >= 3), (n % 12 + 9) % 12 + 1, 1 + n % 5)
        rows.append(
            Procurement(
                agency=agency,
                ocid_local=f"bulk-{fiscal_year}-{n}",
                egp_project_no=f"{fiscal_year % 100}0{n:08d}",
                fiscal_year=fiscal_year,
                title=f"จัดซื้อวัสดุ รายการที่ {n}",
                budget=Decimal(1000 + n),
                budget_source="เงินงบประมาณรายจ่ายประจำปี",
                egp_status=EgpStatus.IN_PROGRESS if signed is None else EgpStatus.UNDER_CONTRACT,
                method=Method.SPECIFIC if n % 3 else Method.E_BIDDING,
                agreed_price=None if signed is None else Decimal(900 + n),
                vendor=None if signed is None else vendors[n % 10],
                announced_on=date(2023, 10, 1 + n % 28),
                contract_signed_on=signed,
                status=status,
                revision_count=1 if published else 0,
                search_text=f"จัดซื้อวัสดุ รายการที่ {n}",
            )
        )
    return Procurement.objects.bulk_create(rows, batch_size=500)
