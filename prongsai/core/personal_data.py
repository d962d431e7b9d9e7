"""The inventory of personal data (PDPA): every model field that holds it, why, for how long, and who sees it.

``tests/test_personal_data.py`` fails when a model gains a field that looks personal (a name, contact,
photo, identifier or address) and is not listed here, so the inventory cannot silently fall behind the
schema. Retention is enforced by ``manage.py purge_personal_data`` (run daily) where it is time-based.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PersonalField:
    model: str  # app_label.model_name
    field: str
    purpose: str
    retention: str
    published: bool = False


INVENTORY: tuple[PersonalField, ...] = (
    PersonalField(
        "core.user", "username", "sign-in of staff", "while the account exists; accounts are deactivated"
    ),
    PersonalField("core.user", "first_name", "staff name in the back office and audit log", "as username"),
    PersonalField("core.user", "last_name", "staff name in the back office and audit log", "as username"),
    PersonalField("core.user", "email", "notifications to staff", "as username"),
    PersonalField(
        "core.person",
        "prefix",
        "officials' names are published by law (OIT items structure and executives)",
        "while in office; staff delete former office-holders",
        published=True,
    ),
    PersonalField("core.person", "first_name", "as prefix", "as prefix", published=True),
    PersonalField("core.person", "last_name", "as prefix", "as prefix", published=True),
    PersonalField(
        "core.person", "photo", "executives' photos are required by OIT o2", "as prefix", published=True
    ),
    PersonalField(
        "core.person", "phone", "official contact channel of the position", "as prefix", published=True
    ),
    PersonalField(
        "core.person", "email", "official contact channel of the position", "as prefix", published=True
    ),
    PersonalField(
        "core.auditevent",
        "actor_label",
        "accountability of staff actions",
        "for the life of the agency's audit chain (changing it would break the chain)",
    ),
    PersonalField(
        "core.outboundemail",
        "to",
        "delivering a notification",
        "deleted 180 days after it was sent or failed (purge_personal_data)",
    ),
    PersonalField("core.outboundemail", "body", "delivering a notification", "as to"),
    PersonalField(
        "eservice.servicerequest",
        "applicant_name",
        "deciding a citizen's request for a service and contacting them (Licensing Facilitation Act)",
        "anonymised 5 years after the request is completed (purge_personal_data)",
    ),
    PersonalField(
        "eservice.servicerequest", "applicant_phone", "contacting the applicant", "as applicant_name"
    ),
    PersonalField(
        "eservice.servicerequest", "applicant_email", "notifying the applicant", "as applicant_name"
    ),
    PersonalField(
        "eservice.servicerequest",
        "answers",
        "the request form's data (may hold a citizen ID, address, birth date, phone)",
        "as applicant_name",
    ),
    PersonalField(
        "eservice.servicerequest",
        "assigned_to",
        "accountability: the officer handling a request",
        "while the request is kept; accounts are deactivated, never deleted",
    ),
    PersonalField(
        "eservice.requestfile",
        "file",
        "documents the applicant attached to a request",
        "deleted with the answers",
    ),
    PersonalField("eservice.requestfile", "original_name", "showing staff the file's name", "as file"),
    PersonalField(
        "eservice.satisfactionresponse",
        "comment",
        "improving the service; free text may name someone",
        "cleared 5 years after it was given (purge_personal_data)",
    ),
    PersonalField(
        "core.attachment",
        "original_name",
        "showing the file's name to the public; may contain a name",
        "as the record it is attached to",
        published=True,
    ),
)

# Fields whose names look personal but hold an agency's or an organisation's data, not a natural person's.
NOT_PERSONAL: frozenset[tuple[str, str]] = frozenset(
    {
        ("core.agency", "name_th"),
        ("core.agency", "name_en"),
        ("core.agency", "short_name_th"),
        ("core.agency", "address"),
        ("core.agency", "phones"),
        ("core.agency", "email"),
        ("core.agency", "logo"),
        ("core.orgunit", "name_th"),
        ("core.orgunit", "name_en"),
        ("core.orgunit", "phone"),
        ("core.agencydayoff", "name_th"),
        ("core.publicholiday", "name_th"),
        ("core.publicholiday", "name_en"),
        ("portal.newscategory", "name_th"),
        # The service catalogue and the steps of requests: names of services, steps and documents.
        ("eservice.service", "name_th"),
        ("eservice.servicestep", "name"),
        ("eservice.requireddocument", "name"),
        ("eservice.requeststep", "name"),
        ("eservice.requestfile", "field_name"),
        # Published content written by staff for the public; personal data in it is the author's choice,
        # reviewed before publication like any official text.
        ("portal.newsarticle", "body"),
        ("portal.infopage", "body"),
    }
)

OUTBOX_RETENTION_DAYS = 180


def inventoried() -> set[tuple[str, str]]:
    return {(entry.model, entry.field) for entry in INVENTORY}
