"""Recipients' and custodians' key pairs: set-up with a printed recovery key, unlocking, recovery."""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from prongsai.core.audit import audit_record
from prongsai.core.models import Agency, Membership, User
from prongsai.core.roles import Role
from prongsai.whistleblower import crypto
from prongsai.whistleblower.models import KeyHolder

KEY_ROLES = (Role.INTEGRITY_COMMITTEE, Role.IDENTITY_CUSTODIAN)
MIN_PASSPHRASE = 12


def has_key_role(agency: Agency, user: User) -> bool:
    """Whether ``user`` is an active committee member or identity custodian of ``agency``."""
    return Membership.objects.filter(agency=agency, user=user, is_active=True, role__in=KEY_ROLES).exists()


def _check_passphrase(passphrase: str, user: User) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError({"passphrase": _("รหัสผ่านกุญแจต้องยาวอย่างน้อย 12 ตัวอักษร แนะนำให้ใช้วลีหลายคำที่จำได้")})
    try:
        validate_password(passphrase, user)
    except ValidationError as exc:
        raise ValidationError({"passphrase": exc.messages}) from None


def _wrap_private_key(holder: KeyHolder, private_key: bytes, passphrase: str) -> None:
    params = crypto.kdf_params("passphrase")
    salt = crypto.random_bytes(crypto.SALT_BYTES)
    wrapping = crypto.passphrase_key(passphrase, salt, params)
    holder.passphrase_salt = salt
    holder.passphrase_kdf = params.encode()
    holder.private_key_by_passphrase = crypto.encrypt(wrapping, private_key, context=_context(holder, "pass"))


def _context(holder: KeyHolder, purpose: str) -> str:
    return f"pswb:{holder.agency_id}:holder:{holder.user_id}:{purpose}"


@transaction.atomic
def key_setup(*, agency: Agency, acting_user: User, passphrase: str) -> tuple[KeyHolder, str]:
    """Create the acting user's key pair; return it with the recovery key, which is shown once only.

    Only an active committee member or custodian may hold a key; one key pair per person and agency.
    """
    if not has_key_role(agency, acting_user):
        raise ValidationError(_("เฉพาะคณะทำงานหรือผู้ดูแลข้อมูลตัวตนเท่านั้นที่สร้างกุญแจได้"))
    if KeyHolder.objects.select_for_update().filter(agency=agency, user=acting_user).exists():
        raise ValidationError(_("ท่านมีกุญแจอยู่แล้ว หากลืมรหัสผ่านกุญแจ ให้ใช้รหัสกู้คืนเพื่อตั้งรหัสผ่านใหม่"))
    _check_passphrase(passphrase, acting_user)
    private_key, public_key = crypto.new_keypair()
    recovery_key = crypto.new_recovery_key()
    holder = KeyHolder(agency=agency, user=acting_user, public_key=public_key)
    _wrap_private_key(holder, private_key, passphrase)
    holder.recovery_salt = crypto.random_bytes(crypto.KEY_BYTES)
    holder.private_key_by_recovery = crypto.encrypt(
        crypto.recovery_wrapping_key(recovery_key, holder.recovery_salt),
        private_key,
        context=_context(holder, "recovery"),
    )
    holder.save()
    audit_record(agency=agency, actor=acting_user, action="whistleblower.key.created", obj=holder)
    return holder, recovery_key


def key_unlock(*, holder: KeyHolder, acting_user: User, passphrase: str) -> bytes:
    """The holder's private key, opened with the key passphrase (one Argon2id derivation).

    Not atomic with a write on purpose: a wrong passphrase is recorded in the audit log even though the
    caller then shows an error.
    """
    if holder.user_id != acting_user.pk:
        raise ValidationError(_("กุญแจนี้ไม่ใช่ของท่าน"))
    params = crypto.KdfParams.decode(holder.passphrase_kdf)
    wrapping = crypto.passphrase_key(passphrase, bytes(holder.passphrase_salt), params)
    try:
        private_key = crypto.decrypt(
            wrapping, bytes(holder.private_key_by_passphrase), context=_context(holder, "pass")
        )
    except crypto.DecryptionError:
        audit_record(
            agency=holder.agency, actor=acting_user, action="whistleblower.key.unlock_failed", obj=holder
        )
        raise ValidationError({"passphrase": _("รหัสผ่านกุญแจไม่ถูกต้อง กรุณาลองใหม่")}) from None
    audit_record(agency=holder.agency, actor=acting_user, action="whistleblower.key.unlocked", obj=holder)
    return private_key


@transaction.atomic
def key_recover(*, holder: KeyHolder, acting_user: User, recovery_key: str, new_passphrase: str) -> bytes:
    """Set a new key passphrase with the printed recovery key; return the (unlocked) private key."""
    locked = KeyHolder.objects.select_for_update().get(pk=holder.pk)
    if locked.user_id != acting_user.pk:
        raise ValidationError(_("กุญแจนี้ไม่ใช่ของท่าน"))
    try:
        private_key = crypto.decrypt(
            crypto.recovery_wrapping_key(recovery_key, bytes(locked.recovery_salt)),
            bytes(locked.private_key_by_recovery),
            context=_context(locked, "recovery"),
        )
    except crypto.DecryptionError:
        raise ValidationError({"recovery_key": _("รหัสกู้คืนไม่ถูกต้อง กรุณาตรวจสอบจากเอกสารที่พิมพ์ไว้")}) from None
    _check_passphrase(new_passphrase, acting_user)
    _wrap_private_key(locked, private_key, new_passphrase)
    locked.save(
        update_fields=["passphrase_salt", "passphrase_kdf", "private_key_by_passphrase", "updated_at"]
    )
    audit_record(agency=locked.agency, actor=acting_user, action="whistleblower.key.recovered", obj=locked)
    return private_key
