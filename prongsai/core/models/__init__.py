from .agency import Agency, AgencyHost
from .attachment import Attachment
from .audit import GENESIS_HASH, AppendOnlyError, AuditEvent, AuditHead
from .base import TenantModel, TimeStampedModel, new_public_id
from .calendar import AgencyDayOff, PublicHoliday
from .line import LineChannel, LineLink, OutboundLine, StaffLineLink
from .membership import Membership
from .operator import AgencyExport, AgencyRemoval, Invitation, Operator, OperatorAccess, OperatorMember
from .org import OrgUnit, Person, Position
from .outbox import OutboundEmail
from .publishable import PublicationStatus, Publishable
from .revision import Revision
from .search import SearchDocument
from .user import User

__all__ = [
    "GENESIS_HASH",
    "Agency",
    "AgencyDayOff",
    "AgencyExport",
    "AgencyHost",
    "AgencyRemoval",
    "AppendOnlyError",
    "Attachment",
    "AuditEvent",
    "AuditHead",
    "Invitation",
    "LineChannel",
    "LineLink",
    "Membership",
    "Operator",
    "OperatorAccess",
    "OperatorMember",
    "OrgUnit",
    "OutboundEmail",
    "OutboundLine",
    "Person",
    "Position",
    "PublicHoliday",
    "PublicationStatus",
    "Publishable",
    "Revision",
    "SearchDocument",
    "StaffLineLink",
    "TenantModel",
    "TimeStampedModel",
    "User",
    "new_public_id",
]
