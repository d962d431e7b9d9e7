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


QUESTION_EMAIL_RETENTION_DAYS = 180
COMPLAINT_CONTACT_RETENTION_DAYS = 365

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
        "core.attachment",
        "original_name",
        "showing the file's name to the public; may contain a name",
        "as the record it is attached to",
        published=True,
    ),
    # --- Q&A board (engagement) ---
    PersonalField(
        "engagement.question",
        "asker_name",
        "shown with the question when the asker chose to give a name (optional)",
        "as the published question and answer",
        published=True,
    ),
    PersonalField(
        "engagement.question",
        "asker_email",
        "telling the asker that the question was answered or not published (optional, never shown)",
        f"deleted {QUESTION_EMAIL_RETENTION_DAYS} days after the answer or the refusal (purge_personal_data)",
    ),
    PersonalField(
        "engagement.question",
        "body",
        "the question; moderators remove other people's personal data before publishing it",
        "as the published question and answer; never published when refused",
        published=True,
    ),
    # --- general complaints ---
    PersonalField(
        "complaints.complaint",
        "contact_name",
        "contacting the complainant about the matter (optional)",
        f"deleted {COMPLAINT_CONTACT_RETENTION_DAYS} days after the complaint is closed "
        "(purge_personal_data); erased at once when the complaint is moved to the corruption channel",
    ),
    PersonalField("complaints.complaint", "contact_phone", "as contact_name", "as contact_name"),
    PersonalField(
        "complaints.complaint",
        "contact_email",
        "as contact_name, and progress notifications",
        "as contact_name",
    ),
    PersonalField(
        "complaints.complaint",
        "location_address",
        "where the problem is; may be a home. Shown only to staff and the holder of the tracking code",
        "kept with the complaint as an official record (destroyed under the records-destruction rules of "
        "ระเบียบงานสารบรรณ); erased at once when moved to the corruption channel",
    ),
    PersonalField("complaints.complaint", "latitude", "as location_address", "as location_address"),
    PersonalField("complaints.complaint", "longitude", "as location_address", "as location_address"),
    PersonalField(
        "complaints.complaint", "description", "the matter; may name people", "as location_address"
    ),
    PersonalField(
        "complaints.complaint",
        "citizen_comment",
        "the complainant's view of the result",
        "as location_address",
    ),
    PersonalField(
        "complaints.complaintfile",
        "file",
        "photos of the problem and evidence of the result; re-encoded without metadata (no GPS, no camera)",
        "as location_address",
    ),
    PersonalField(
        "complaints.complaintevent",
        "note",
        "staff notes on the handling; may name people",
        "as location_address",
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
        # Published content written by staff for the public; personal data in it is the author's choice,
        # reviewed before publication like any official text.
        ("portal.newsarticle", "body"),
        ("portal.infopage", "body"),
        ("complaints.complaintcategory", "name_th"),
        # The name of the agency a complaint was forwarded to, not of a person.
        ("complaints.complaint", "forwarded_to"),
        # A link to an outbox row (core.outboundemail, inventoried above), not an address.
        ("complaints.complaintemail", "email"),
    }
)

OUTBOX_RETENTION_DAYS = 180


def inventoried() -> set[tuple[str, str]]:
    return {(entry.model, entry.field) for entry in INVENTORY}
