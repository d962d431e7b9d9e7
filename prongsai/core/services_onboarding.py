"""Onboarding and retiring an agency on a hosted instance: create, invite its administrator, suspend, delete.

The operator (``core.models.operator``) acts; the agency's own audit chain records each step. Apps that
keep per-agency settings answer ``agency_onboarded`` (the ITA app sets the year's catalogue and answer
date), so core never imports them (ADR 0100).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.db.models import ProtectedError
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from prongsai.core.audit import audit_record
from prongsai.core.files import check_upload, reencode_image
from prongsai.core.models import (
    GENESIS_HASH,
    Agency,
    AgencyExport,
    AgencyHost,
    AgencyRemoval,
    Attachment,
    AuditEvent,
    AuditHead,
    Invitation,
    Operator,
    User,
)
from prongsai.core.models.operator import invitation_digest, new_invitation_token
from prongsai.core.org_defaults import LOCAL_KINDS, default_org_chart_create
from prongsai.core.roles import Role
from prongsai.core.services import membership_grant
from prongsai.core.tenancy import agency_scope

# Events that record looking at or exporting an agency, not a change of its data: they may follow the
# export a deletion relies on.
UNCHANGING_ACTIONS = frozenset(
    {
        "hosting.operator.viewed",
        "hosting.export.downloaded",
        "core.agency.export_requested",
        "core.agency.exported",
    }
)

# Sent inside the creating transaction with ``agency``, ``acting_user`` and ``answer_date``.
agency_onboarded = Signal()

_HOST = re.compile(
    r"^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$"
)
_CODE = re.compile(r"^[a-z][a-z0-9-]{1,39}$")
_USERNAME = re.compile(r"^[\w.@+-]{3,150}$")


@dataclass(frozen=True)
class Onboarded:
    agency: Agency
    administrator: User
    invitation_token: str  # shown once: only its digest is stored


def _clean_hosts(hosts: list[str]) -> list[str]:
    cleaned: list[str] = []
    for raw in hosts:
        host = raw.strip().lower().rstrip(".")
        if not host:
            continue
        if not _HOST.match(host):
            raise ValidationError(
                {
                    "hosts": _(
                        "ชื่อโฮสต์ “%(host)s” ไม่ถูกต้อง ใช้ได้เฉพาะอักษรอังกฤษตัวเล็ก ตัวเลข จุด และขีด เช่น nongbua.go.th"
                    )
                    % {"host": raw}
                }
            )
        if host not in cleaned:
            cleaned.append(host)
    if not cleaned:
        raise ValidationError({"hosts": _("กรุณาระบุชื่อโฮสต์ของเว็บไซต์หน่วยงานอย่างน้อยหนึ่งชื่อ")})
    taken = list(AgencyHost.objects.filter(host__in=cleaned).values_list("host", flat=True))
    if taken:
        raise ValidationError(
            {"hosts": _("ชื่อโฮสต์ %(hosts)s ใช้กับหน่วยงานอื่นแล้ว กรุณาใช้ชื่ออื่น") % {"hosts": ", ".join(taken)}}
        )
    return cleaned


def _check_new_agency(
    *, code: str, name_th: str, kind: str, province: str, admin_username: str, admin_email: str
) -> None:
    errors: dict[str, str] = {}
    if not _CODE.match(code):
        errors["code"] = _("รหัสหน่วยงานต้องเป็นอักษรอังกฤษตัวเล็ก ตัวเลข หรือขีด 2–40 ตัว ขึ้นต้นด้วยตัวอักษร เช่น nongbua")
    elif Agency.objects.filter(code=code).exists():
        errors["code"] = _("รหัสหน่วยงาน “%(code)s” มีผู้ใช้แล้ว กรุณาตั้งรหัสอื่น") % {"code": code}
    if not name_th.strip():
        errors["name_th"] = _("กรุณากรอกชื่อหน่วยงานภาษาไทย")
    if kind not in LOCAL_KINDS:
        errors["kind"] = _("กรุณาเลือกประเภทหน่วยงาน (อบต. ทต. ทม. ทน. หรือ อบจ.)")
    if not province.strip():
        errors["province"] = _("กรุณากรอกจังหวัด")
    if not _USERNAME.match(admin_username):
        errors["admin_username"] = _("ชื่อผู้ใช้ต้องยาว 3–150 ตัว ใช้อักษรอังกฤษ ตัวเลข และ . @ + - _ เท่านั้น")
    elif User.objects.filter(username=admin_username).exists():
        errors["admin_username"] = _("ชื่อผู้ใช้ “%(name)s” มีอยู่แล้ว กรุณาตั้งชื่อผู้ใช้อื่นสำหรับผู้ดูแลระบบของหน่วยงานใหม่") % {
            "name": admin_username
        }
    if not admin_email.strip():
        errors["admin_email"] = _("กรุณากรอกอีเมลของผู้ดูแลระบบ เพื่อส่งลิงก์คำเชิญ")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def agency_create(
    *,
    acting_user: User,
    operator: Operator,
    code: str,
    name_th: str,
    kind: str,
    province: str,
    hosts: list[str],
    admin_username: str,
    admin_email: str,
    admin_first_name: str = "",
    admin_last_name: str = "",
    district: str = "",
    subdistrict: str = "",
    name_en: str = "",
    short_name_th: str = "",
    logo: UploadedFile | None = None,
    brand_colour: str = "",
    accent_colour: str = "",
    answer_date: date | None = None,
) -> Onboarded:
    """Create an agency hosted by ``operator`` with its host names, look, default org chart and ITA settings,
    and its first administrator, who gets a one-time invitation link (returned once, stored as a digest)."""
    code = code.strip().lower()
    with scopes_disabled():
        _check_new_agency(
            code=code,
            name_th=name_th,
            kind=kind,
            province=province,
            admin_username=admin_username.strip(),
            admin_email=admin_email,
        )
        clean_hosts = _clean_hosts(hosts)
        logo_file: ContentFile[bytes] | None = None
        if logo is not None:
            try:
                checked = check_upload(logo, allowed=frozenset({Attachment.Kind.PNG, Attachment.Kind.JPEG}))
            except ValidationError as error:
                raise ValidationError({"logo": error.messages}) from None
            content, fmt = reencode_image(checked.content, max_side=512)
            logo_file = ContentFile(content, name=f"{code}.{'png' if fmt == 'png' else 'jpg'}")
        agency = Agency(
            code=code,
            name_th=name_th.strip(),
            name_en=name_en.strip(),
            short_name_th=short_name_th.strip(),
            kind=kind,
            province=province.strip(),
            district=district.strip(),
            subdistrict=subdistrict.strip(),
            brand_colour=brand_colour.strip(),
            accent_colour=accent_colour.strip(),
            operator=operator,
        )
        agency.full_clean(exclude=["logo"])
        agency.save()
        if logo_file is not None:
            agency.logo.save(logo_file.name or f"{code}.png", logo_file, save=True)
        for host in clean_hosts:
            AgencyHost.objects.create(agency=agency, host=host)
    with agency_scope(agency):
        audit_record(
            agency=agency,
            actor=acting_user,
            action="core.agency.created",
            obj=agency,
            data={"operator": operator.code, "hosts": clean_hosts, "kind": kind},
        )
        default_org_chart_create(agency=agency, acting_user=acting_user)
        agency_onboarded.send(sender=Agency, agency=agency, acting_user=acting_user, answer_date=answer_date)
        administrator = User.objects.create_user(
            username=admin_username.strip(),
            email=admin_email.strip(),
            first_name=admin_first_name.strip(),
            last_name=admin_last_name.strip(),
        )
        administrator.set_unusable_password()
        administrator.save(update_fields=["password"])
        audit_record(
            agency=agency,
            actor=acting_user,
            action="core.user.created",
            obj=administrator,
            data={"username": administrator.username},
        )
        membership_grant(agency=agency, acting_user=acting_user, user=administrator, role=Role.ADMINISTRATOR)
        token = invitation_create(agency=agency, acting_user=acting_user, user=administrator)
    return Onboarded(agency=agency, administrator=administrator, invitation_token=token)


@transaction.atomic
def invitation_create(*, agency: Agency, acting_user: User, user: User) -> str:
    """A new one-time link for ``user`` (earlier unused ones stop working); returns the token once."""
    Invitation.objects.filter(user=user, accepted_at__isnull=True).update(expires_at=timezone.now())
    token = new_invitation_token()
    invitation = Invitation.objects.create(
        agency=agency, user=user, token_digest=invitation_digest(token), created_by=acting_user
    )
    audit_record(
        agency=agency,
        actor=acting_user,
        action="core.invitation.created",
        obj=user,
        data={"username": user.username, "expires_at": invitation.expires_at},
    )
    return token


def invitation_for(token: str) -> Invitation | None:
    """The usable invitation of a token (unexpired, not yet accepted), or None."""
    if not token or len(token) > 100:
        return None
    invitation = (
        Invitation.objects.select_related("user", "agency")
        .filter(token_digest=invitation_digest(token))
        .first()
    )
    return invitation if invitation is not None and invitation.usable else None


@transaction.atomic
def invitation_accept(*, token: str, agency: Agency, password: str) -> User:
    """Set the invited person's password (already validated by the form) and spend the link."""
    invitation = (
        Invitation.objects.select_for_update()
        .select_related("user")
        .filter(token_digest=invitation_digest(token), agency=agency)
        .first()
    )
    if invitation is None or not invitation.usable:
        raise ValidationError(_("ลิงก์คำเชิญนี้ใช้ไม่ได้แล้ว (หมดอายุหรือถูกใช้ไปแล้ว) กรุณาขอลิงก์ใหม่จากผู้ให้บริการระบบ"))
    user = invitation.user
    user.set_password(password)
    user.save(update_fields=["password"])
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at", "updated_at"])
    audit_record(
        agency=agency,
        actor=user,
        action="core.invitation.accepted",
        obj=user,
        data={"username": user.username},
    )
    return user


@transaction.atomic
def agency_suspend(*, agency: Agency, acting_user: User, reason: str) -> Agency:
    """Stop serving the agency: its site answers a Thai notice and its staff cannot sign in to it."""
    if not reason.strip():
        raise ValidationError({"reason": _("กรุณาระบุเหตุผลที่ระงับการให้บริการ เพื่อบันทึกไว้ในประวัติของหน่วยงาน")})
    locked = Agency.objects.select_for_update().get(pk=agency.pk)
    if locked.suspended_at is not None:
        raise ValidationError(_("หน่วยงานนี้ถูกระงับการให้บริการอยู่แล้ว"))
    locked.suspended_at = timezone.now()
    locked.suspension_reason = reason.strip()[:300]
    locked.save(update_fields=["suspended_at", "suspension_reason", "updated_at"])
    audit_record(
        agency=locked, actor=acting_user, action="core.agency.suspended", obj=locked, data={"reason": reason}
    )
    return locked


@transaction.atomic
def agency_resume(*, agency: Agency, acting_user: User) -> Agency:
    locked = Agency.objects.select_for_update().get(pk=agency.pk)
    if locked.suspended_at is None:
        raise ValidationError(_("หน่วยงานนี้เปิดให้บริการอยู่แล้ว"))
    locked.suspended_at = None
    locked.suspension_reason = ""
    locked.save(update_fields=["suspended_at", "suspension_reason", "updated_at"])
    audit_record(agency=locked, actor=acting_user, action="core.agency.resumed", obj=locked)
    return locked


@transaction.atomic
def operator_ocds_prefix_update(*, operator: Operator, acting_user: User, ocds_prefix: str) -> Operator:
    """Set (or clear) the OCDS publisher prefix the operator registered with the OCDS Helpdesk (ADR 0120).

    Every agency the operator hosts publishes under it (followed by its code) unless it set its own, so the
    change is recorded in each hosted agency's audit chain, which also outdates their cached public pages.
    """
    value = ocds_prefix.strip()
    field = Operator._meta.get_field("ocds_prefix")
    try:
        field.run_validators(value)
    except ValidationError as error:
        raise ValidationError({"ocds_prefix": error.messages}) from None
    locked = Operator.objects.select_for_update().get(pk=operator.pk)
    before = locked.ocds_prefix
    if before == value:
        return locked
    locked.ocds_prefix = value
    locked.save(update_fields=["ocds_prefix", "updated_at"])
    with scopes_disabled():
        hosted = list(Agency.objects.filter(operator=locked).order_by("pk"))
    for agency in hosted:
        audit_record(
            agency=agency,
            actor=acting_user,
            action="core.operator.ocds_prefix_updated",
            data={"operator": locked.code, "before": before, "after": value},
            actor_label=f"{acting_user.get_username()} ({locked.code})",
        )
    return locked


@transaction.atomic
def agency_export_request(*, agency: Agency, operator: Operator, acting_user: User) -> AgencyExport:
    """Record an export to be built in the background (the caller enqueues the task on commit)."""
    export = AgencyExport.objects.create(
        agency=agency, agency_code=agency.code, operator=operator, requested_by=acting_user
    )
    audit_record(agency=agency, actor=acting_user, action="core.agency.export_requested", obj=export)
    return export


def stored_files(agency: Agency) -> list[str]:
    """The storage names of every file the agency's rows hold (exported with it, removed after deletion)."""
    found: list[str] = []
    for model in tenant_models():
        file_fields = [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]
        if not file_fields:
            continue
        for row in model._base_manager.filter(agency=agency).only("pk", *[f.name for f in file_fields]):
            for f in file_fields:
                value = getattr(row, f.name)
                if value:
                    found.append(value.name)
    return found


def tenant_models() -> list[type[models.Model]]:
    """Every model whose rows belong to one agency (a foreign key named ``agency`` to Agency)."""
    result: list[type[models.Model]] = []
    for model in apps.get_models():
        try:
            field = model._meta.get_field("agency")
        except FieldDoesNotExist:
            continue
        if getattr(field, "related_model", None) is Agency and model not in (AgencyExport, Invitation):
            result.append(model)
    return result


@transaction.atomic
def agency_delete(*, agency: Agency, acting_user: User, export: AgencyExport, reason: str) -> AgencyRemoval:
    """Delete an agency and everything it holds, after a complete export of it.

    Refused unless the agency is suspended and ``export`` is a finished export of it taken after its last
    audited change (the head of its chain is the one the export recorded), so nothing is lost unexported.
    The head is kept in ``AgencyRemoval``; the chain itself goes with the agency.
    """
    if not reason.strip():
        raise ValidationError({"reason": _("กรุณาระบุเหตุผลที่ลบหน่วยงาน")})
    with scopes_disabled():
        locked = Agency.objects.select_for_update().get(pk=agency.pk)
        if locked.suspended_at is None:
            raise ValidationError(_("ต้องระงับการให้บริการของหน่วยงานก่อน จึงจะลบได้"))
        if export.agency_id != locked.pk or export.status != AgencyExport.Status.READY:
            raise ValidationError(_("ยังไม่มีแฟ้มส่งออกข้อมูลทั้งหน่วยงานที่จัดทำเสร็จแล้ว กรุณาส่งออกข้อมูลก่อนลบ"))
        head = AuditHead.objects.filter(agency=locked).first()
        seq, digest = (head.seq, head.hash) if head is not None else (0, GENESIS_HASH)
        changed = (
            AuditEvent.objects.filter(agency=locked, seq__gt=export.audit_seq)
            .exclude(action__in=UNCHANGING_ACTIONS)
            .exists()
        )
        if changed:
            raise ValidationError(_("ข้อมูลของหน่วยงานเปลี่ยนแปลงหลังการส่งออกครั้งนี้ กรุณาส่งออกข้อมูลอีกครั้งแล้วจึงลบ"))
        removal = AgencyRemoval.objects.create(
            operator=export.operator,
            agency_code=locked.code,
            agency_name=locked.name_th,
            export=export,
            audit_seq=seq,
            audit_hash=digest,
            reason=reason.strip()[:300],
            removed_by=acting_user,
        )
        stored = stored_files(locked)
        logo = locked.logo.name if locked.logo else ""
        # The chain is append-only through the ORM; deleting the agency is the one place it goes, after its
        # head has been recorded above. ``_raw_delete`` skips the queryset's refusal on purpose.
        AuditEvent.objects.filter(agency=locked)._raw_delete(AuditEvent.objects.db)
        AuditHead.objects.filter(agency=locked).delete()
        Invitation.objects.filter(agency=locked).delete()
        AgencyExport.objects.filter(agency=locked).update(agency=None)
        _delete_rows(locked)
        locked.delete()
    transaction.on_commit(lambda: _remove_files([*stored, *([logo] if logo else [])]))
    return removal


def _delete_model_rows(model: type[models.Model], rows: models.QuerySet[Any]) -> None:
    """Delete one model's rows of the agency; a tree protected by its own parent link goes leaves first."""
    parents = [
        f
        for f in model._meta.concrete_fields
        if f.is_relation
        and f.related_model is model
        and getattr(f.remote_field, "on_delete", None) is models.PROTECT
    ]
    if not parents:
        rows.delete()
        return
    while rows.exists():
        referenced: set[Any] = set()
        for link in parents:
            referenced.update(
                rows.exclude(**{f"{link.name}__isnull": True}).values_list(link.attname, flat=True)
            )
        leaves = rows.exclude(pk__in=referenced)
        if not leaves.exists():
            raise ProtectedError(f"{model._meta.label} rows refer to each other in a cycle", set())
        leaves.delete()


def _delete_rows(agency: Agency) -> None:
    """Delete every row of the agency, model by model, in whatever order its protected links allow.

    Apps protect records from deletion while others refer to them (a position's unit, a loan's asset);
    deleting the whole agency removes both, so a model refused now is tried again after the others."""
    remaining = [model for model in tenant_models() if model not in (AuditEvent, AuditHead)]
    while remaining:
        refused: list[type[models.Model]] = []
        for model in remaining:
            rows = model._base_manager.filter(agency=agency)
            try:
                with transaction.atomic():
                    _delete_model_rows(model, rows)
            except ProtectedError:
                refused.append(model)
        if len(refused) == len(remaining):
            names = ", ".join(model._meta.label for model in refused)
            raise ProtectedError(f"cannot delete the rows of {names}: they protect each other", set())
        remaining = refused


def _remove_files(names: list[str]) -> None:
    from django.core.files.storage import default_storage

    for name in names:
        try:
            default_storage.delete(name)
        except OSError:
            continue  # already gone; a missing file is not worth failing a finished deletion for
