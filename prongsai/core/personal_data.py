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
# People and ethics: certificates and acknowledgements are kept five fiscal years, the training records
# (which the HR reports count) ten.
CERTIFICATE_RETENTION_YEARS = 5
ACKNOWLEDGEMENT_RETENTION_YEARS = 5
TRAINING_RETENTION_YEARS = 10
GIFT_REGISTER_RETENTION_YEARS = 5
LOAN_CONTACT_RETENTION_DAYS = 365
LINE_LINK_RETENTION_DAYS = 730

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
    # --- LINE (core/line.py): a citizen who follows a tracking code on the agency's LINE Official Account ---
    PersonalField(
        "core.linelink",
        "line_user_id",
        "pushing status changes of the record the citizen asked to follow (consent: they sent the code)",
        f"deleted {LINE_LINK_RETENTION_DAYS} days after it was made (purge_personal_data), or at once "
        "when the record leaves the citizen channels",
    ),
    # --- LINE: a member of staff receiving their queues' alerts (ADR 0085) ---
    PersonalField(
        "core.stafflinelink",
        "line_user_id",
        "pushing the member's daily queue alerts (counts only); the member linked it with a one-time code",
        "deleted when the member stops the alerts on /staff/line/me/ or their account is deleted",
    ),
    PersonalField(
        "core.outboundline",
        "to",
        "delivering a LINE notification",
        "deleted 180 days after it was sent or failed (purge_personal_data)",
    ),
    PersonalField(
        "core.outboundline", "text", "delivering a LINE notification (code and status only)", "as to"
    ),
    PersonalField(
        "procurement.vendor",
        "tax_id",
        "identifying the selected vendor (measure 6.4 field 8); a natural person's citizen ID is masked in "
        "everything public, a company's tax ID is published",
        "while the procurement records are kept (the law on official records); never purged automatically",
        published=True,
    ),
    PersonalField(
        "procurement.vendor",
        "name",
        "the vendor's name, published by law (measure 6.4 field 9, สขร.1); may be a natural person's name",
        "as tax_id",
        published=True,
    ),
    PersonalField(
        "procurement.bidder",
        "name",
        "bidders and their prices are published by law (สขร.1 column 6)",
        "as the procurement",
        published=True,
    ),
    PersonalField(
        "procurement.bidder",
        "tax_id",
        "telling bidders apart; never published (OCDS shows a company's ID only)",
        "as the procurement",
    ),
    PersonalField(
        "procurement.importbatch",
        "original_name",
        "showing staff which file was imported",
        "as the batch; the uploaded file itself (vendor IDs) is deleted 90 days after the batch ends "
        "(purge_personal_data)",
    ),
    PersonalField(
        "procurement.importbatch",
        "file",
        "the e-GP export being imported (contains vendors' IDs)",
        "deleted 90 days after the batch was committed or last changed, with the rows staged from it for "
        "the commit (purge_personal_data); a commit deletes the staged rows at once",
    ),
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
    # The corruption-reporting channel: every field below is a ciphertext readable only by the report's
    # recipients (ADR 0040); the retention is the agency's own period after closure, enforced by
    # whistleblower.retention (purge_personal_data). No client address or user agent is stored at all.
    PersonalField(
        "whistleblower.report",
        "content_ciphertext",
        "handling a corruption report (PDPA s.24(4)); may name the accused and witnesses",
        "until the agency's retention period after closure ends (default 5 years); purged after a warning",
    ),
    PersonalField(
        "whistleblower.report",
        "identity_ciphertext",
        "contacting the reporter if needed; opened only with a custodian's approval",
        "as content_ciphertext",
    ),
    PersonalField("whistleblower.reportmessage", "ciphertext", "two-way anonymous messages", "as the report"),
    PersonalField(
        "whistleblower.reportfile", "meta_ciphertext", "evidence file name and type", "as the report"
    ),
    PersonalField(
        "whistleblower.identityrequest",
        "reason",
        "accountability of opening a reporter's identity (staff are told not to put case details here)",
        "as the report",
    ),
    PersonalField(
        "planning.plan",
        "signer_name",
        "the executive who signs a plan; official documents print the signer by law and custom",
        "as the plan (public records of the agency)",
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
    # --- people and ethics (people) ---
    PersonalField(
        "people.tenure",
        "person",
        "who holds which post of the staffing plan (counted in the HR report; names of office holders only)",
        "as the core person; staff delete former office-holders",
    ),
    PersonalField(
        "people.attendance",
        "person",
        "training records of staff (the HR report counts them; public pages show counts only)",
        f"deleted {TRAINING_RETENTION_YEARS} fiscal years after the course's year (purge_personal_data)",
    ),
    PersonalField(
        "people.attendance",
        "certificate",
        "the certificate a person received; shown to HR staff only",
        f"deleted {CERTIFICATE_RETENTION_YEARS} fiscal years after the course's year (purge_personal_data)",
    ),
    PersonalField(
        "people.acknowledgement",
        "user",
        "a member confirmed having read the codes of ethics (the head sees who has not yet)",
        f"deleted {ACKNOWLEDGEMENT_RETENTION_YEARS} fiscal years after its year (purge_personal_data)",
    ),
    PersonalField(
        "people.groupmember",
        "person",
        "members of the ethics working group, named in its published appointment order",
        "as the working group (public record of the agency)",
        published=True,
    ),
    PersonalField(
        "people.hrrule",
        "signer_name",
        "the executive who signs an HR criterion or policy; printed by law and custom",
        "as the rule (public record of the agency)",
        published=True,
    ),
    PersonalField(
        "people.ethicsreport",
        "signer_name",
        "the executive who signs the yearly ethics report",
        "as the report (public record of the agency)",
        published=True,
    ),
)

INVENTORY += (
    # --- No Gift Policy and corruption risk (integrity) ---
    PersonalField(
        "integrity.giftentry",
        "official_name",
        "the gift register of มาตรา 128 (who received or gave what); read by the head of the agency and the "
        "internal auditor only, never published (the public report holds totals)",
        f"blanked {GIFT_REGISTER_RETENTION_YEARS} fiscal years after the gift, once the entry is closed "
        "(purge_personal_data)",
    ),
    PersonalField("integrity.giftentry", "counterpart_name", "as official_name", "as official_name"),
    PersonalField("integrity.giftentry", "official_position", "as official_name", "as official_name"),
    PersonalField("integrity.giftentry", "note", "as official_name; may name people", "as the entry"),
    PersonalField(
        "integrity.nogiftdeclaration",
        "signer_name",
        "the chief executive signs the declaration (OIT o26/O21), published by law",
        "as the published declaration",
        published=True,
    ),
    PersonalField(
        "integrity.giftreport", "signer_name", "the official who reports, published", "as the report", True
    ),
    PersonalField(
        "integrity.riskassessment",
        "signer_name",
        "the executive who approves the assessment, published",
        "as the assessment",
        published=True,
    ),
    PersonalField(
        "integrity.cultureactivity",
        "participants",
        "who took part in a culture activity (groups, sometimes names), published",
        "as the published activity",
        published=True,
    ),
    PersonalField(
        "integrity.cultureactivity",
        "photos",
        "photos of a culture activity (OIT o27), re-encoded without metadata, published",
        "as the published activity",
        published=True,
    ),
    # --- government property (assets) ---
    PersonalField(
        "assets.loan",
        "borrower_name",
        "the loan register (ทะเบียนคุมการยืม) names who borrowed government property: staff, or a citizen "
        "or community group borrowing for a public activity; shown to staff only",
        "kept with the loan as an official record (destroyed under the records-destruction rules of "
        "ระเบียบงานสารบรรณ)",
    ),
    PersonalField(
        "assets.loan",
        "borrower_phone",
        "contacting a citizen borrower about the request and the return",
        f"deleted {LOAN_CONTACT_RETENTION_DAYS} days after the loan is closed (purge_personal_data)",
    ),
    PersonalField(
        "assets.loan",
        "borrower_email",
        "as borrower_phone, and the approval and overdue notices",
        "as borrower_phone",
    ),
    PersonalField(
        "assets.stocktakecheck",
        "photo",
        "evidence of an item's condition at the stock-take; re-encoded without metadata (no GPS, no camera)",
        "kept with the stock-take report as an official record",
    ),
)

INVENTORY += (
    # --- data subjects' requests (privacy) ---
    PersonalField(
        "privacy.subjectrequest",
        "requester_name",
        "acting on a data subject's request under the PDPA (ss. 30-36) and answering them",
        "deleted 1 year after the request was closed (purge_personal_data)",
    ),
    PersonalField(
        "privacy.subjectrequest", "requester_email", "answering the requester", "as requester_name"
    ),
    PersonalField(
        "privacy.subjectrequest", "requester_phone", "answering the requester", "as requester_name"
    ),
    PersonalField(
        "privacy.subjectrequest",
        "record_codes",
        "finding the requester's records (tracking codes are bearer secrets)",
        "as requester_name",
    ),
    PersonalField("privacy.subjectrequest", "details", "the request; may name people", "as requester_name"),
    PersonalField(
        "privacy.subjectrequest", "outcome", "the answer given to the requester", "as requester_name"
    ),
)

# Fields whose names look personal but hold an agency's or an organisation's data, not a natural person's.
NOT_PERSONAL: frozenset[tuple[str, str]] = frozenset(
    {
        ("core.operator", "name_th"),
        ("core.operator", "ocds_prefix"),  # a publisher's OCDS identifier prefix, not a name prefix
        ("core.agencyremoval", "agency_name"),
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
        # The authority a report was forwarded to (ป.ป.ช., ป.ป.ท. or an agency's name); published text.
        ("whistleblower.report", "forwarded_to"),
        ("whistleblower.report", "forwarded_to_other"),
        ("whistleblower.guideline", "what_to_include"),
        # Procurement: labels of forms, and announcements written by staff for the public.
        ("procurement.procurementprofile", "agency_type_label"),
        ("procurement.procurementprofile", "ocid_prefix"),
        ("procurement.announcement", "body"),
        # ITA catalogue rows and results: national criteria and scores, not people.
        ("ita.indicator", "name_th"),
        ("ita.indicator", "name_en"),
        ("ita.oitelement", "label_th"),
        ("ita.gradeband", "label"),
        ("ita.itaresult", "rating_label"),
        ("complaints.complaintcategory", "name_th"),
        # The name of the agency a complaint was forwarded to, not of a person.
        ("complaints.complaint", "forwarded_to"),
        # A link to an outbox row (core.outboundemail, inventoried above), not an address.
        ("complaints.complaintemail", "email"),
        # An HR criterion the agency publishes: official text, not about a person.
        ("people.hrrule", "body"),
        # Areas of corruption risk: topics, not people.
        ("integrity.riskarea", "name_th"),
        # Government property: names of things and of rules, not of people.
        ("assets.assettype", "name_th"),
        ("assets.asset", "name"),
        ("assets.asset", "lendable_to_public"),
        ("assets.lendingrules", "how_to_ask"),
    }
)

OUTBOX_RETENTION_DAYS = 180


def inventoried() -> set[tuple[str, str]]:
    return {(entry.model, entry.field) for entry in INVENTORY}
