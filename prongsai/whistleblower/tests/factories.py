"""Builders of the corruption channel's tests: recipients with their keys, and reports submitted through the
service (the reporter's online submission, encrypted and sealed to the recipients, with its receipt).

``recipient`` needs no scope (it enters the agency's); ``report`` runs inside the agency's scope.
"""

from __future__ import annotations

import uuid
from typing import Any

from conftest import make_member
from prongsai.core.models import Agency, User
from prongsai.core.tenancy import agency_scope
from prongsai.whistleblower import services, services_keys

PASSPHRASE = "ก้อนเมฆสีเทาลอยผ่านทุ่งนา 2567"


def recipient(agency: Agency, username: str, *roles: str, passphrase: str = PASSPHRASE) -> User:
    """A member with the roles, an e-mail address and a key pair set up with ``passphrase``.

    The user carries ``holder`` (the KeyHolder) and ``recovery_key`` (shown once at setup) for the tests.
    """
    user = make_member(agency, username, *roles)
    user.first_name = username.capitalize()
    user.email = f"{username}@example.test"
    user.save()
    with agency_scope(agency):
        holder, recovery = services_keys.key_setup(agency=agency, acting_user=user, passphrase=passphrase)
    user.recovery_key = recovery  # type: ignore[attr-defined]
    user.holder = holder  # type: ignore[attr-defined]
    return user


def report(agency: Agency, *, what: str = "เจ้าหน้าที่เรียกรับเงินใต้โต๊ะ", **content: Any) -> services.SubmitResult:
    """An anonymous online report (no files, no identity); ``content`` sets the other ReportContent fields."""
    return services.report_submit(
        agency=agency,
        acting_user=None,
        content=services.ReportContent(what=what, **content),
        files=[],
        identity=None,
        submission_token=uuid.uuid4().hex,
    )
