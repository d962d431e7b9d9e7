from .announcement import Announcement
from .annual import AnnualReportNote
from .choices import SIGNED_STATUSES, AnnouncementKind, Category, EgpStatus, Method
from .flags import RedFlagReview
from .imports import ImportBatch, ImportProblem
from .plan import PlanItem, ProcurementPlan
from .register import Bidder, ContractAmendment, Procurement
from .settings import ProcurementParameter, ProcurementProfile
from .vendor import Vendor, public_tax_id

__all__ = [
    "SIGNED_STATUSES",
    "Announcement",
    "AnnouncementKind",
    "AnnualReportNote",
    "Bidder",
    "Category",
    "ContractAmendment",
    "EgpStatus",
    "ImportBatch",
    "ImportProblem",
    "Method",
    "PlanItem",
    "Procurement",
    "ProcurementParameter",
    "ProcurementPlan",
    "ProcurementProfile",
    "RedFlagReview",
    "Vendor",
    "public_tax_id",
]
