"""Roles an agency gives its members, and the capabilities each role grants.

This table is the one place to review who may do what. A view declares the capability it needs
(``prongsai.core.permissions.staff``); a member holds it when any of their roles in the current agency grants
it. Capabilities are deliberately not Django permissions: they are per agency, not global.
"""

from __future__ import annotations

from enum import StrEnum

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OFFICER = "officer", _("เจ้าหน้าที่")
    HEAD_OF_DIVISION = "head_of_division", _("หัวหน้าส่วนราชการ")
    EXECUTIVE = "executive", _("ผู้บริหาร")
    INTEGRITY_COMMITTEE = "integrity_committee", _("คณะทำงานด้านคุณธรรมและความโปร่งใส")
    IDENTITY_CUSTODIAN = "identity_custodian", _("ผู้ดูแลข้อมูลตัวตนผู้แจ้งเบาะแส")
    INTERNAL_AUDITOR = "internal_auditor", _("ผู้ตรวจสอบภายใน")
    ADMINISTRATOR = "administrator", _("ผู้ดูแลระบบของหน่วยงาน")


class Cap(StrEnum):
    """Capabilities. The value is stable; it appears in the URL rule table and in tests."""

    BACKOFFICE = "backoffice.enter"
    CONTENT_EDIT = "content.edit"
    CONTENT_PUBLISH = "content.publish"
    ORG_EDIT = "org.edit"
    AGENCY_EDIT = "agency.edit"
    MEMBERS_MANAGE = "members.manage"
    CALENDAR_MANAGE = "calendar.manage"
    AUDIT_VIEW = "audit.view"
    # The state of the scheduled jobs (last run, late or failed) on the system status page.
    SYSTEM_STATUS = "system.status"
    # The corruption-reporting channel: only the integrity committee receives reports, only custodians
    # decide on opening a reporter's identity. Deliberately granted to no other role, not even the
    # administrator.
    WHISTLEBLOWER_RECEIVE = "whistleblower.receive"
    WHISTLEBLOWER_CUSTODIAN = "whistleblower.custodian"
    # Reading the back-office register (drafts included), for whoever edits, publishes or audits it: an
    # executive publishes from the register, and the auditor follows a red flag to its rows.
    PROCUREMENT_VIEW = "procurement.view"
    PROCUREMENT_EDIT = "procurement.edit"
    PROCUREMENT_PUBLISH = "procurement.publish"
    PROCUREMENT_RED_FLAGS = "procurement.red_flags"
    PROCUREMENT_SETTINGS = "procurement.settings"
    PLANS_EDIT = "plans.edit"
    ITA_MANAGE = "ita.manage"
    REPORTS_EXPORT = "reports.export"
    # Citizen channels: the Q&A board, participation records and general complaints.
    QA_ANSWER = "engagement.qa.answer"
    PARTICIPATION_EDIT = "engagement.participation.edit"
    COMPLAINTS_VIEW = "complaints.view"
    COMPLAINTS_HANDLE = "complaints.handle"
    COMPLAINTS_CONFIGURE = "complaints.configure"
    COMPLAINTS_MOVE_TO_CORRUPTION = "complaints.move_to_corruption"
    ESERVICE_HANDLE = "eservice.handle"  # work on requests: queue, steps, walk-ins, missing documents
    ESERVICE_DECIDE = "eservice.decide"  # approve or reject a request
    ESERVICE_MANAGE = "eservice.manage"  # the service catalogue (citizen manuals)
    # People and ethics: the staffing register, HR rules, training records and the ethics programme.
    PEOPLE_EDIT = "people.edit"
    PEOPLE_PUBLISH = "people.publish"  # publish HR rules and the ethics records
    PEOPLE_OVERSEE = "people.oversee"  # see who has not yet acknowledged the codes of ethics
    # The integrity app: every member declares gifts; only the head of the agency (the executive) decides
    # on a gift above the threshold; the register is read by the head and the internal auditor only.
    GIFT_RECORD = "integrity.gift.record"
    GIFT_REGISTER = "integrity.gift.register"
    GIFT_DECIDE = "integrity.gift.decide"
    INTEGRITY_EDIT = "integrity.edit"  # declarations, activities, gift reports, the risk register
    INTEGRITY_PUBLISH = "integrity.publish"
    ASSETS_VIEW = "assets.view"  # the register, the loans and the stock-takes
    ASSETS_BORROW = "assets.borrow"  # ask to borrow an item
    ASSETS_EDIT = "assets.edit"  # keep the register; hand items over and take them back
    ASSETS_APPROVE_PREMISES = "assets.approve_premises"  # approve use on the premises
    ASSETS_APPROVE_OUTSIDE = "assets.approve_outside"  # approve use outside the premises
    ASSETS_STOCKTAKE = "assets.stocktake"  # appoint the stock-take committee; write items off
    ASSETS_RULES = "assets.rules"  # the lending rules and the asset-use manual
    # PDPA: the queue of data subjects' requests (access, correction, erasure ...) and the export of what the
    # agency holds about a requester.
    PRIVACY_HANDLE = "privacy.handle"


_EVERY_MEMBER = {Cap.BACKOFFICE}

ROLE_CAPABILITIES: dict[str, frozenset[Cap]] = {
    Role.OFFICER: frozenset(
        _EVERY_MEMBER
        | {
            Cap.CONTENT_EDIT,
            Cap.ORG_EDIT,
            Cap.PROCUREMENT_VIEW,
            Cap.PROCUREMENT_EDIT,
            Cap.PLANS_EDIT,
            Cap.REPORTS_EXPORT,
            Cap.ESERVICE_HANDLE,
        }
    ),
    Role.HEAD_OF_DIVISION: frozenset(
        _EVERY_MEMBER
        | {
            Cap.CONTENT_EDIT,
            Cap.CONTENT_PUBLISH,
            Cap.ORG_EDIT,
            Cap.PROCUREMENT_VIEW,
            Cap.PROCUREMENT_EDIT,
            Cap.PROCUREMENT_PUBLISH,
            Cap.PLANS_EDIT,
            Cap.ITA_MANAGE,
            Cap.REPORTS_EXPORT,
            Cap.ESERVICE_HANDLE,
            Cap.ESERVICE_DECIDE,
            Cap.ESERVICE_MANAGE,
        }
    ),
    Role.EXECUTIVE: frozenset(
        _EVERY_MEMBER
        | {
            Cap.CONTENT_EDIT,
            Cap.CONTENT_PUBLISH,
            Cap.PROCUREMENT_VIEW,
            Cap.PROCUREMENT_PUBLISH,
            Cap.PLANS_EDIT,
            Cap.REPORTS_EXPORT,
            Cap.ESERVICE_HANDLE,
            Cap.ESERVICE_DECIDE,
        }
    ),
    # The committee and the custodian get their own capabilities with the whistleblower channel; they are
    # deliberately not given content or administration rights through these roles. The committee also runs
    # the agency's ITA (readiness, evidence, results, analysis).
    Role.INTEGRITY_COMMITTEE: frozenset(
        _EVERY_MEMBER | {Cap.WHISTLEBLOWER_RECEIVE, Cap.ITA_MANAGE, Cap.REPORTS_EXPORT}
    ),
    Role.IDENTITY_CUSTODIAN: frozenset(_EVERY_MEMBER | {Cap.WHISTLEBLOWER_CUSTODIAN}),
    # The auditor reads what is not sealed and verifies the audit chain, but changes nothing.
    # Procurement red flags are shown to the auditor before publication (the auditor also tunes their
    # parameters; every change is in the audit log).
    Role.INTERNAL_AUDITOR: frozenset(
        _EVERY_MEMBER
        | {
            Cap.AUDIT_VIEW,
            Cap.PROCUREMENT_VIEW,
            Cap.PROCUREMENT_RED_FLAGS,
            Cap.PROCUREMENT_SETTINGS,
            Cap.REPORTS_EXPORT,
        }
    ),
    # The administrator runs the agency's site and accounts; note that no administration capability opens
    # a sealed channel.
    Role.ADMINISTRATOR: frozenset(
        _EVERY_MEMBER
        | {
            Cap.CONTENT_EDIT,
            Cap.CONTENT_PUBLISH,
            Cap.ORG_EDIT,
            Cap.AGENCY_EDIT,
            Cap.MEMBERS_MANAGE,
            Cap.CALENDAR_MANAGE,
            Cap.AUDIT_VIEW,
            Cap.SYSTEM_STATUS,
            Cap.PROCUREMENT_VIEW,
            Cap.PROCUREMENT_EDIT,
            Cap.PROCUREMENT_PUBLISH,
            Cap.PROCUREMENT_SETTINGS,
            Cap.PLANS_EDIT,
            Cap.ITA_MANAGE,
            Cap.REPORTS_EXPORT,
            Cap.ESERVICE_HANDLE,
            Cap.ESERVICE_DECIDE,
            Cap.ESERVICE_MANAGE,
        }
    ),
}

# Citizen channels. Officers moderate and answer questions, keep participation records and handle complaints;
# the auditor reads complaints; categories and routing are set by a head of division or the administrator.
# Moving a complaint to the corruption channel erases it here, so it is a decision for a head of division or
# an executive (and the administrator), never for the officer handling it alone.
_HANDLE_CITIZENS = {Cap.QA_ANSWER, Cap.PARTICIPATION_EDIT, Cap.COMPLAINTS_VIEW, Cap.COMPLAINTS_HANDLE}
_CITIZEN_CHANNEL_GRANTS: dict[str, set[Cap]] = {
    Role.OFFICER: _HANDLE_CITIZENS,
    Role.HEAD_OF_DIVISION: _HANDLE_CITIZENS | {Cap.COMPLAINTS_CONFIGURE, Cap.COMPLAINTS_MOVE_TO_CORRUPTION},
    Role.EXECUTIVE: _HANDLE_CITIZENS | {Cap.COMPLAINTS_MOVE_TO_CORRUPTION},
    Role.INTERNAL_AUDITOR: {Cap.COMPLAINTS_VIEW},
    Role.ADMINISTRATOR: _HANDLE_CITIZENS | {Cap.COMPLAINTS_CONFIGURE, Cap.COMPLAINTS_MOVE_TO_CORRUPTION},
}
for _role, _granted in _CITIZEN_CHANNEL_GRANTS.items():
    ROLE_CAPABILITIES[_role] = ROLE_CAPABILITIES[_role] | _granted

# No Gift Policy and corruption risk (integrity app). Every member records the gifts offered to them; the
# register of everyone's gifts is read by the head of the agency and the internal auditor only (not by the
# administrator); the head decides on gifts above the threshold of มาตรา ๑๒๘.
_INTEGRITY_GRANTS: dict[str, set[Cap]] = {
    Role.OFFICER: {Cap.GIFT_RECORD, Cap.INTEGRITY_EDIT},
    Role.HEAD_OF_DIVISION: {Cap.GIFT_RECORD, Cap.INTEGRITY_EDIT, Cap.INTEGRITY_PUBLISH},
    Role.EXECUTIVE: {Cap.GIFT_RECORD, Cap.GIFT_REGISTER, Cap.GIFT_DECIDE, Cap.INTEGRITY_PUBLISH},
    Role.INTEGRITY_COMMITTEE: {Cap.GIFT_RECORD, Cap.INTEGRITY_EDIT},
    Role.IDENTITY_CUSTODIAN: {Cap.GIFT_RECORD},
    Role.INTERNAL_AUDITOR: {Cap.GIFT_RECORD, Cap.GIFT_REGISTER},
    Role.ADMINISTRATOR: {Cap.GIFT_RECORD, Cap.INTEGRITY_EDIT, Cap.INTEGRITY_PUBLISH},
}
for _role, _granted in _INTEGRITY_GRANTS.items():
    ROLE_CAPABILITIES[_role] = ROLE_CAPABILITIES[_role] | _granted


# People and ethics: officers keep the registers; heads, executives and the administrator also publish and see
# who has not yet acknowledged the codes of ethics. Every member acknowledges the codes (BACKOFFICE).
_PEOPLE_GRANTS: dict[str, set[Cap]] = {
    Role.OFFICER: {Cap.PEOPLE_EDIT},
    Role.HEAD_OF_DIVISION: {Cap.PEOPLE_EDIT, Cap.PEOPLE_PUBLISH, Cap.PEOPLE_OVERSEE},
    Role.EXECUTIVE: {Cap.PEOPLE_EDIT, Cap.PEOPLE_PUBLISH, Cap.PEOPLE_OVERSEE},
    Role.ADMINISTRATOR: {Cap.PEOPLE_EDIT, Cap.PEOPLE_PUBLISH, Cap.PEOPLE_OVERSEE},
}
for _role, _granted in _PEOPLE_GRANTS.items():
    ROLE_CAPABILITIES[_role] = ROLE_CAPABILITIES[_role] | _granted
# Data subjects' requests (PDPA) are answered by the administrator, who runs the agency's data, and by a head
# of division; the export reads every citizen channel, so officers do not get it.
for _role in (Role.ADMINISTRATOR, Role.HEAD_OF_DIVISION):
    ROLE_CAPABILITIES[_role] = ROLE_CAPABILITIES[_role] | {Cap.PRIVACY_HANDLE}
PRIVACY_HANDLERS = (Role.ADMINISTRATOR, Role.HEAD_OF_DIVISION)


def capabilities_of(roles: list[str] | set[str]) -> frozenset[Cap]:
    """The union of the capabilities granted by ``roles``."""
    granted: set[Cap] = set()
    for role in roles:
        granted |= ROLE_CAPABILITIES.get(role, frozenset())
    return frozenset(granted)


# Government property (the assets app, seed measure 5). Every member may see the register and ask to borrow;
# officers keep the register and hand items over; a head of division approves use on the premises (the head
# of the holding unit); an executive (the head of the agency or a delegate) approves use outside, appoints
# the stock-take committee and writes items off; the lending rules (the public manual) are set by a head of
# division or the administrator.
_ASSETS_SEE = {Cap.ASSETS_VIEW, Cap.ASSETS_BORROW}
_ASSET_GRANTS: dict[str, set[Cap]] = {
    Role.OFFICER: _ASSETS_SEE | {Cap.ASSETS_EDIT},
    Role.HEAD_OF_DIVISION: _ASSETS_SEE | {Cap.ASSETS_EDIT, Cap.ASSETS_APPROVE_PREMISES, Cap.ASSETS_RULES},
    Role.EXECUTIVE: _ASSETS_SEE
    | {Cap.ASSETS_APPROVE_PREMISES, Cap.ASSETS_APPROVE_OUTSIDE, Cap.ASSETS_STOCKTAKE},
    Role.INTEGRITY_COMMITTEE: set(_ASSETS_SEE),
    Role.IDENTITY_CUSTODIAN: set(_ASSETS_SEE),
    Role.INTERNAL_AUDITOR: {Cap.ASSETS_VIEW},
    Role.ADMINISTRATOR: _ASSETS_SEE | {Cap.ASSETS_EDIT, Cap.ASSETS_RULES},
}
for _role, _granted in _ASSET_GRANTS.items():
    ROLE_CAPABILITIES[_role] = ROLE_CAPABILITIES[_role] | _granted


def roles_granting(capability: Cap) -> list[Role]:
    """The roles that grant ``capability``, in the order of ``Role`` (most common first)."""
    return [role for role in Role if capability in ROLE_CAPABILITIES.get(role, frozenset())]


def who_can(capability: Cap) -> str:
    """The roles that grant ``capability`` named in Thai for a page where someone else must act:
    "ผู้บริหาร", "หัวหน้าส่วนราชการ หรือ ผู้บริหาร", "A, B หรือ C". Read from the table above, so the
    message follows any change of the grants."""
    names = [str(role.label) for role in roles_granting(capability)]
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return gettext("%(some)s หรือ %(last)s") % {"some": ", ".join(names[:-1]), "last": names[-1]}
