"""Roles an agency gives its members, and the capabilities each role grants.

This table is the one place to review who may do what. A view declares the capability it needs
(``prongsai.core.permissions.staff``); a member holds it when any of their roles in the current agency grants
it. Capabilities are deliberately not Django permissions: they are per agency, not global.
"""

from __future__ import annotations

from enum import StrEnum

from django.db import models
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
    ESERVICE_HANDLE = "eservice.handle"  # work on requests: queue, steps, walk-ins, missing documents
    ESERVICE_DECIDE = "eservice.decide"  # approve or reject a request
    ESERVICE_MANAGE = "eservice.manage"  # the service catalogue (citizen manuals)


_EVERY_MEMBER = {Cap.BACKOFFICE}

ROLE_CAPABILITIES: dict[str, frozenset[Cap]] = {
    Role.OFFICER: frozenset(_EVERY_MEMBER | {Cap.CONTENT_EDIT, Cap.ORG_EDIT, Cap.ESERVICE_HANDLE}),
    Role.HEAD_OF_DIVISION: frozenset(
        _EVERY_MEMBER
        | {
            Cap.CONTENT_EDIT,
            Cap.CONTENT_PUBLISH,
            Cap.ORG_EDIT,
            Cap.ESERVICE_HANDLE,
            Cap.ESERVICE_DECIDE,
            Cap.ESERVICE_MANAGE,
        }
    ),
    Role.EXECUTIVE: frozenset(
        _EVERY_MEMBER | {Cap.CONTENT_EDIT, Cap.CONTENT_PUBLISH, Cap.ESERVICE_HANDLE, Cap.ESERVICE_DECIDE}
    ),
    # The committee and the custodian get their own capabilities with the whistleblower channel; they are
    # deliberately not given content or administration rights through these roles.
    Role.INTEGRITY_COMMITTEE: frozenset(_EVERY_MEMBER),
    Role.IDENTITY_CUSTODIAN: frozenset(_EVERY_MEMBER),
    # The auditor reads what is not sealed and verifies the audit chain, but changes nothing.
    Role.INTERNAL_AUDITOR: frozenset(_EVERY_MEMBER | {Cap.AUDIT_VIEW}),
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
            Cap.ESERVICE_HANDLE,
            Cap.ESERVICE_DECIDE,
            Cap.ESERVICE_MANAGE,
        }
    ),
}


def capabilities_of(roles: list[str] | set[str]) -> frozenset[Cap]:
    """The union of the capabilities granted by ``roles``."""
    granted: set[Cap] = set()
    for role in roles:
        granted |= ROLE_CAPABILITIES.get(role, frozenset())
    return frozenset(granted)
