"""Writes around user accounts of an agency."""

from __future__ import annotations

import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from prongsai.core.audit import audit_record
from prongsai.core.models import Agency, Membership, User
from prongsai.core.services import membership_grant


@transaction.atomic
def member_invite(
    *,
    agency: Agency,
    acting_user: User,
    username: str,
    role: str,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
) -> tuple[Membership, str | None]:
    """Give ``username`` a role; create the account first if it does not exist.

    A new account gets a random initial password, returned once so the administrator can hand it over;
    the person sets up two-factor authentication at first sign-in.
    """
    user = User.objects.filter(username=username).first()
    initial_password: str | None = None
    if user is None:
        initial_password = secrets.token_urlsafe(12)
        user = User.objects.create_user(
            username=username,
            password=initial_password,
            first_name=first_name,
            last_name=last_name,
            email=email,
        )
        audit_record(
            agency=agency,
            actor=acting_user,
            action="core.user.created",
            obj=user,
            data={"username": username},
        )
    elif not user.is_active:
        raise ValidationError({"username": _("บัญชีนี้ถูกระงับการใช้งาน กรุณาติดต่อผู้ดูแลระบบของศูนย์ให้บริการ")})
    membership = membership_grant(agency=agency, acting_user=acting_user, user=user, role=role)
    return membership, initial_password


def login_unlock(*, agency: Agency, acting_user: User, membership: Membership) -> int:
    """Lift the sign-in lock-out of a member's account before its cool-off ends (ADR 0080).

    Staff sign-in locks per account across all addresses (``AXES_LOCKOUT_PARAMETERS``), so a guesser can
    lock a colleague out; the agency's administrator unlocks them here once they have checked with the
    person. Returns how many counters were cleared; audited either way.
    """
    from axes.utils import reset

    cleared = int(reset(username=membership.user.username) or 0)
    audit_record(
        agency=agency,
        actor=acting_user,
        action="core.user.login_unlocked",
        obj=membership.user,
        data={"username": membership.user.username, "cleared": cleared},
    )
    return cleared
