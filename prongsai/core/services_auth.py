"""Writes around authentication: enrolling and confirming a TOTP device."""

from __future__ import annotations

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from prongsai.core.audit import audit_record
from prongsai.core.models import Agency, Membership, User


@transaction.atomic
def totp_pending_device(*, user: User) -> TOTPDevice:
    """The user's unconfirmed TOTP device, created on first use (one at a time)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="default", confirmed=False)
    return device


@transaction.atomic
def totp_confirm(*, device: TOTPDevice, token: str, agency: Agency | None) -> bool:
    """Confirm a pending device with a correct code; the enrolment is audited in the user's agency."""
    if not device.verify_token(token):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    if agency is not None and Membership.objects.filter(agency=agency, user=device.user).exists():
        audit_record(
            agency=agency, actor=device.user, action="core.otp.enrolled", data={"device": device.name}
        )
    return True
