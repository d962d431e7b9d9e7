"""Writes of the channel: submitting, following up with a receipt, messages and files, staff reads.

Every function that touches content takes the key it needs as an argument: nothing here can find a key by
itself. Keys come from a receipt (the reporter), from an unlocked private key (a recipient) or are created
at submission; see crypto.py and ADR 0040.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from prongsai.core.audit import audit_record
from prongsai.core.files import check_upload, detect_kind, reencode_image
from prongsai.core.models import Agency, Attachment, User
from prongsai.core.services import email_queue
from prongsai.core.workdays import add_working_days
from prongsai.whistleblower import crypto, ratelimit, selectors
from prongsai.whistleblower.models import (
    HowKnown,
    IdentityShare,
    KeyHolder,
    Report,
    ReportFile,
    ReportGrant,
    ReportMessage,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

REPORTER_LABEL = gettext_lazy("ผู้แจ้งเบาะแส (ไม่ระบุตัวตน)")
MAX_FILES = 5
MAX_TEXT = 10_000
# A fixed salt for the decoy Argon2id run when no report carries a receipt's tag: a wrong receipt then
# costs the same time as a right one, so the response time does not reveal which tags exist.
_DECOY_SALT = b"pswb-decoy-salt!"


@dataclass(frozen=True)
class Evidence:
    """An evidence file as it will be encrypted: original name, MIME type and bytes."""

    name: str
    content_type: str
    content: bytes


@dataclass
class ReportContent:
    """What the reporter wrote. Only ever stored encrypted."""

    what: str
    who: str = ""
    when: str = ""
    where: str = ""
    how_known: str = ""
    category: str = ""
    excluded_holders: list[int] = field(default_factory=list)

    @property
    def how_known_label(self) -> str:
        return str(HowKnown(self.how_known).label) if self.how_known in HowKnown.values else self.how_known

    def as_json(self) -> bytes:
        return json.dumps(self.__dict__, ensure_ascii=False).encode()

    @classmethod
    def from_json(cls, data: bytes) -> ReportContent:
        return cls(**json.loads(data))


@dataclass(frozen=True)
class Identity:
    name: str = ""
    contact: str = ""
    other: str = ""

    def is_empty(self) -> bool:
        return not (self.name.strip() or self.contact.strip() or self.other.strip())


@dataclass(frozen=True)
class SubmitResult:
    report: Report
    receipt: str | None
    duplicate: bool = False


def evidence_from_upload(upload: UploadedFile, *, strip_metadata: bool) -> Evidence:
    """Check an uploaded file by its content; optionally rebuild images without metadata (GPS, camera)."""
    checked = check_upload(upload)
    content, content_type = checked.content, checked.content_type
    if strip_metadata and checked.kind in {Attachment.Kind.JPEG, Attachment.Kind.PNG}:
        content, fmt = reencode_image(content, max_side=4000)
        content_type = f"image/{'png' if fmt == 'png' else 'jpeg'}"
    return Evidence(name=(upload.name or "file")[:200], content_type=content_type, content=content)


# --- shared writers -----------------------------------------------------------------------------------------


def _store_file(*, report: Report, report_key: bytes, evidence: Evidence, from_reporter: bool) -> ReportFile:
    public_id = uuid.uuid4()
    context = report.context(f"file:{public_id}")
    blob_name = default_storage.save(
        f"whistleblower/{report.agency_id}/{uuid.uuid4().hex}.bin",
        ContentFile(crypto.encrypt(report_key, crypto.pad(evidence.content), context=context)),
    )
    meta = {
        "name": evidence.name,
        "type": evidence.content_type,
        "size": len(evidence.content),
        "sha256": hashlib.sha256(evidence.content).hexdigest(),
    }
    return ReportFile.objects.create(
        agency=report.agency,
        report=report,
        public_id=public_id,
        from_reporter=from_reporter,
        blob=blob_name,
        meta_ciphertext=crypto.encrypt(
            report_key, json.dumps(meta, ensure_ascii=False).encode(), context=context + ":meta"
        ),
    )


def _notify(agency: Agency, holders: list[KeyHolder], subject: StrOrPromise, body: StrOrPromise) -> None:
    """Content-free e-mails to recipients: that something happened, never what. Always in Thai."""
    with translation.override("th"):
        subject, body = str(subject), str(body)
    for holder in holders:
        if holder.user.email and holder.user.is_active:
            email_queue(agency=agency, to=holder.user.email, subject=subject, body=body)


NEW_REPORT_SUBJECT = gettext_lazy("[ช่องทางแจ้งเบาะแส] มีรายงานใหม่")
NEW_REPORT_BODY = gettext_lazy(
    "มีรายงานใหม่ในช่องทางแจ้งเบาะแสการทุจริตและประพฤติมิชอบ\n"
    "กรุณาเข้าสู่ระบบสำหรับเจ้าหน้าที่ เมนู “ช่องทางแจ้งเบาะแส” และปลดล็อกกุญแจเพื่ออ่านรายงาน\n"
    "(อีเมลนี้ไม่มีเนื้อหาของรายงานโดยเจตนา)"
)
NEW_MESSAGE_SUBJECT = gettext_lazy("[ช่องทางแจ้งเบาะแส] มีข้อความใหม่จากผู้แจ้ง")
NEW_MESSAGE_BODY = gettext_lazy(
    "ผู้แจ้งเบาะแสส่งข้อความหรือไฟล์เพิ่มเติมในรายงานที่ท่านได้รับ\n"
    "กรุณาเข้าสู่ระบบสำหรับเจ้าหน้าที่ เมนู “ช่องทางแจ้งเบาะแส”\n"
    "(อีเมลนี้ไม่มีเนื้อหาของข้อความโดยเจตนา)"
)


def create_report(
    *,
    agency: Agency,
    acting_user: User | None,
    content: ReportContent,
    files: list[Evidence],
    identity: Identity | None,
    origin: str,
    with_receipt: bool,
    submission_token: str = "",
    action: str,
) -> SubmitResult:
    """Create an encrypted report sealed to the agency's recipients (minus those the reporter excluded).

    Shared by the online form and the transfer from the general complaint channel. Refused when no
    recipient could read the report, because a report nobody can decrypt is a report lost.
    """
    if not content.what.strip():
        raise ValidationError({"what": _("กรุณาเล่าเหตุการณ์ที่เกิดขึ้น")})
    if origin == Report.Origin.ONLINE and len(files) > MAX_FILES:
        raise ValidationError({"files": _("แนบไฟล์ได้ไม่เกิน 5 ไฟล์ต่อครั้ง")})
    recipients = [h for h in selectors.recipient_holders(agency) if h.pk not in content.excluded_holders]
    if not recipients:
        raise ValidationError(
            _("ยังไม่มีผู้รับเรื่องที่รับเรื่องนี้ได้ กรุณาไม่ยกเว้นผู้รับทุกคน หรือติดต่อสำนักงาน ป.ป.ช. หรือ ป.ป.ท. โดยตรง")
        )
    custodians = selectors.custodian_holders(agency) if identity and not identity.is_empty() else []
    if identity and not identity.is_empty() and not custodians:
        raise ValidationError(_("ขณะนี้ยังไม่มีผู้ดูแลข้อมูลตัวตน จึงยังรับข้อมูลตัวตนไม่ได้ กรุณาเว้นว่างส่วนนี้"))

    now = timezone.now()
    channel = selectors.channel_settings(agency)
    report_key = crypto.random_bytes()
    report = Report(
        agency=agency,
        origin=origin,
        received_at=now,
        content_ciphertext=b"",
        ack_due_at=add_working_days(agency, now, channel.ack_working_days),
        feedback_due_at=(
            add_working_days(agency, now, channel.feedback_working_days)
            if origin == Report.Origin.ONLINE
            else None
        ),
        submission_token_hash=crypto.token_hash(submission_token) if submission_token else "",
    )
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError:
        # Same idempotency token: the form was sent twice. Nothing new is created.
        existing = Report.objects.get(agency=agency, submission_token_hash=report.submission_token_hash)
        return SubmitResult(report=existing, receipt=None, duplicate=True)

    receipt = None
    update = ["content_ciphertext"]
    report.content_ciphertext = crypto.encrypt(
        report_key, content.as_json(), context=report.context("content")
    )
    if with_receipt:
        receipt = crypto.new_receipt()
        params = crypto.kdf_params("receipt")
        report.receipt_salt = crypto.random_bytes(crypto.SALT_BYTES)
        report.receipt_kdf = params.encode()
        derived = crypto.receipt_secrets(receipt, report.receipt_salt, params)
        report.receipt_tag = crypto.receipt_tags(agency.pk, receipt)[0]
        report.receipt_verifier = derived.verifier
        report.reporter_wrapped_key = crypto.encrypt(
            derived.wrapping_key, report_key, context=report.context("reporter-key")
        )
        update += ["receipt_salt", "receipt_kdf", "receipt_tag", "receipt_verifier", "reporter_wrapped_key"]
    if custodians and identity is not None:
        share = crypto.random_bytes()
        report.identity_ciphertext = crypto.encrypt(
            crypto.identity_key(report_key, share),
            json.dumps(identity.__dict__, ensure_ascii=False).encode(),
            context=report.context("identity"),
        )
        update.append("identity_ciphertext")
        for custodian in custodians:
            IdentityShare.objects.create(
                agency=agency,
                report=report,
                holder=custodian,
                sealed_share=crypto.seal_to(bytes(custodian.public_key), share),
            )
    report.save(update_fields=update)
    for holder in recipients:
        ReportGrant.objects.create(
            agency=agency,
            report=report,
            holder=holder,
            sealed_key=crypto.seal_to(bytes(holder.public_key), report_key),
        )
    for evidence in files:
        _store_file(report=report, report_key=report_key, evidence=evidence, from_reporter=True)
    audit_record(
        agency=agency,
        actor=acting_user,
        actor_label=None if acting_user else REPORTER_LABEL,
        action=action,
        obj=report,
        data={"origin": origin, "files": len(files)},
    )
    _notify(agency, recipients, NEW_REPORT_SUBJECT, NEW_REPORT_BODY)
    return SubmitResult(report=report, receipt=receipt)


@transaction.atomic
def report_submit(
    *,
    agency: Agency,
    acting_user: User | None,
    content: ReportContent,
    files: list[Evidence],
    identity: Identity | None,
    submission_token: str,
) -> SubmitResult:
    """A reporter's online submission: encrypted, sealed, with a fresh receipt returned once.

    Idempotent: the same form token returns the first report (``duplicate``) and no receipt.
    """
    return create_report(
        agency=agency,
        acting_user=acting_user,
        content=content,
        files=files,
        identity=identity,
        origin=Report.Origin.ONLINE,
        with_receipt=True,
        submission_token=submission_token,
        action="whistleblower.report.submitted",
    )


# --- the reporter's follow-up -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReceiptCheck:
    outcome: str  # "ok", "not_found", "invalid", "limited"
    report_id: int | None = None
    report_key: bytes | None = None


def receipt_open(*, agency: Agency, receipt_text: str, client: str) -> ReceiptCheck:
    """Check a typed receipt: rate limits first, then the lookup tag, then Argon2id on the few candidates.

    The client's own allowance is checked first and refused attempts cost nothing. Within the agency's hourly
    budget each admitted attempt costs at least one slow hash (a decoy when no report carries the tag), so
    timing does not tell a guesser which tags exist. Past the budget — a flood — a receipt is still checked
    when its prefix belongs to a report and that prefix's own small hourly share is not spent; every other
    attempt is answered "limited" after a wait as long as a hash, without one. So a flood of wrong receipts
    cannot lock out the holder of a right one, and its cost stays bounded (ADR 0080).
    """
    started = time.perf_counter()
    if not ratelimit.allow_client("receipt", client=client, agency_id=agency.pk):
        return ReceiptCheck("limited")
    receipt = crypto.normalize_receipt(receipt_text)
    if receipt is None:
        return ReceiptCheck("invalid")
    tags = crypto.receipt_tags(agency.pk, receipt)
    within_budget = ratelimit.within_global("receipt", agency_id=agency.pk)
    if not within_budget and not ratelimit.allow_prefix(agency_id=agency.pk, tag=tags[0]):
        ratelimit.wait_like_a_hash(started)
        return ReceiptCheck("limited")
    candidates = selectors.reports_with_tags(agency, tags)
    if not candidates:
        if within_budget or ratelimit.hash_seconds() is None:
            # The decoy; past the budget it runs once per process only, to learn how long to wait instead.
            _timed_hash(receipt, _DECOY_SALT, crypto.kdf_params("receipt"))
        else:
            ratelimit.wait_like_a_hash(started)
        return ReceiptCheck("not_found" if within_budget else "limited")
    for report in candidates:
        derived = _timed_hash(
            receipt, bytes(report.receipt_salt or b""), crypto.KdfParams.decode(report.receipt_kdf)
        )
        if hmac.compare_digest(derived.verifier, bytes(report.receipt_verifier or b"")):
            report_key = crypto.decrypt(
                derived.wrapping_key,
                bytes(report.reporter_wrapped_key or b""),
                context=report.context("reporter-key"),
            )
            audit_record(
                agency=agency,
                actor=None,
                actor_label=REPORTER_LABEL,
                action="whistleblower.reporter.signed_in",
                obj=report,
            )
            return ReceiptCheck("ok", report_id=report.pk, report_key=report_key)
    # Past the budget a wrong receipt is "limited" whether or not its prefix exists: the answer tells nothing.
    return ReceiptCheck("not_found" if within_budget else "limited")


def _timed_hash(receipt: str, salt: bytes, params: crypto.KdfParams) -> crypto.ReceiptSecrets:
    began = time.perf_counter()
    derived = crypto.receipt_secrets(receipt, salt, params)
    ratelimit.note_hash_time(time.perf_counter() - began)
    return derived


def _check_key(report: Report, report_key: bytes) -> None:
    """A wrong key must never write: prove it opens the report's content first."""
    crypto.decrypt(report_key, bytes(report.content_ciphertext), context=report.context("content"))


def _message(report: Report, report_key: bytes, kind: str, author: User | None, text: str) -> ReportMessage:
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("กรุณาพิมพ์ข้อความก่อนส่ง")})
    if len(text) > MAX_TEXT:
        raise ValidationError({"text": _("ข้อความยาวเกิน 10,000 ตัวอักษร กรุณาแบ่งส่งเป็นหลายข้อความ")})
    message = ReportMessage(agency=report.agency, report=report, kind=kind, author=author, ciphertext=b"")
    message.save()
    message.ciphertext = crypto.encrypt(
        report_key, text.encode(), context=report.context(f"message:{message.pk}")
    )
    message.save(update_fields=["ciphertext"])
    return message


@transaction.atomic
def reporter_add(
    *, agency: Agency, report_id: int, report_key: bytes, text: str, files: list[Evidence]
) -> Report:
    """The reporter adds a message and/or evidence files to their report (known from their session)."""
    report = Report.objects.select_for_update().filter(agency=agency, pk=report_id).first()
    if report is None:
        raise ValidationError(_("ไม่พบรายงานนี้แล้ว อาจถูกลบตามระยะเวลาเก็บรักษา"))
    _check_key(report, report_key)
    if not report.is_open:
        raise ValidationError(_("เรื่องนี้ยุติแล้ว จึงส่งข้อความหรือไฟล์เพิ่มไม่ได้"))
    if not text.strip() and not files:
        raise ValidationError({"text": _("กรุณาพิมพ์ข้อความหรือแนบไฟล์อย่างน้อยหนึ่งรายการ")})
    if len(files) > MAX_FILES:
        raise ValidationError({"files": _("แนบไฟล์ได้ไม่เกิน 5 ไฟล์ต่อครั้ง")})
    if text.strip():
        _message(report, report_key, ReportMessage.Kind.FROM_REPORTER, None, text)
    for evidence in files:
        _store_file(report=report, report_key=report_key, evidence=evidence, from_reporter=True)
    audit_record(
        agency=agency,
        actor=None,
        actor_label=REPORTER_LABEL,
        action="whistleblower.reporter.added",
        obj=report,
        data={"message": bool(text.strip()), "files": len(files)},
    )
    _notify(agency, selectors.holders_of(report), NEW_MESSAGE_SUBJECT, NEW_MESSAGE_BODY)
    return report


# --- staff reads and messages -------------------------------------------------------------------------------


@dataclass
class OpenedReport:
    report: Report
    content: ReportContent
    messages: list[tuple[ReportMessage, str]]
    files: list[tuple[ReportFile, dict[str, Any]]]


def decrypt_report(report: Report, report_key: bytes, *, for_reporter: bool) -> OpenedReport:
    """Decrypt a report's content, messages and file names (internal notes only for staff)."""
    content = ReportContent.from_json(
        crypto.decrypt(report_key, bytes(report.content_ciphertext), context=report.context("content"))
    )
    messages = []
    for message in report.messages.all().select_related("author"):
        if for_reporter and message.kind == ReportMessage.Kind.INTERNAL:
            continue
        text = crypto.decrypt(
            report_key, bytes(message.ciphertext), context=report.context(f"message:{message.pk}")
        )
        messages.append((message, text.decode()))
    files = []
    for item in report.files.all():
        meta = json.loads(
            crypto.decrypt(
                report_key,
                bytes(item.meta_ciphertext),
                context=report.context(f"file:{item.public_id}") + ":meta",
            )
        )
        files.append((item, meta))
    return OpenedReport(report=report, content=content, messages=messages, files=files)


@transaction.atomic
def report_read(*, report: Report, report_key: bytes, acting_user: User) -> OpenedReport:
    """A recipient reads a report: decrypted for the page, and an audit event (without content) recorded."""
    opened = decrypt_report(report, report_key, for_reporter=False)
    audit_record(agency=report.agency, actor=acting_user, action="whistleblower.report.read", obj=report)
    return opened


@transaction.atomic
def file_read(
    *, report: Report, report_key: bytes, file_public_id: str, acting_user: User | None
) -> Evidence:
    """Decrypt one evidence file for a recipient (audited) or the reporter; the original bytes come back."""
    item = ReportFile.objects.filter(agency=report.agency, report=report, public_id=file_public_id).first()
    if item is None:
        raise ValidationError(_("ไม่พบไฟล์นี้"))
    context = report.context(f"file:{item.public_id}")
    meta = json.loads(crypto.decrypt(report_key, bytes(item.meta_ciphertext), context=context + ":meta"))
    with default_storage.open(item.blob, "rb") as handle:
        content = crypto.unpad(crypto.decrypt(report_key, handle.read(), context=context))
    if hashlib.sha256(content).hexdigest() != meta["sha256"]:
        raise crypto.DecryptionError("file content does not match its recorded hash")
    if acting_user is not None:
        audit_record(
            agency=report.agency,
            actor=acting_user,
            action="whistleblower.file.read",
            obj=report,
            data={"file": str(item.public_id)},
        )
    kind = detect_kind(content)
    content_type = meta.get("type") or (kind and f"application/{kind}") or "application/octet-stream"
    return Evidence(name=meta.get("name", "file"), content_type=content_type, content=content)


@transaction.atomic
def staff_message_add(
    *, report: Report, report_key: bytes, acting_user: User, text: str, internal: bool
) -> ReportMessage:
    """A recipient writes to the reporter (shown on the follow-up page) or an internal note."""
    locked = Report.objects.select_for_update().get(pk=report.pk)
    _check_key(locked, report_key)
    if not internal and locked.origin != Report.Origin.ONLINE:
        raise ValidationError(_("เรื่องที่โอนมาจากช่องทางร้องเรียนทั่วไปไม่มีผู้แจ้งที่ติดตามเรื่องได้ บันทึกเป็นบันทึกภายในแทน"))
    kind = ReportMessage.Kind.INTERNAL if internal else ReportMessage.Kind.TO_REPORTER
    message = _message(locked, report_key, kind, acting_user, text)
    if not internal and locked.first_feedback_at is None:
        locked.first_feedback_at = timezone.now()
        locked.save(update_fields=["first_feedback_at", "updated_at"])
    audit_record(
        agency=locked.agency,
        actor=acting_user,
        action="whistleblower.message.internal" if internal else "whistleblower.message.to_reporter",
        obj=locked,
    )
    return message
